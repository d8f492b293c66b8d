"""A linear-chain CRF over the encoder tagger's words (PyTorch; training only).

The network scores each word's labels at its first piece; the CRF adds a learnt score for
each label after each other one, and for the first and the last label of an article. Labels
that BIO forbids (an I- label after anything but its own B- or I-, or first) keep a large
negative score. A window that opens inside an article (and may open inside a span) starts
from its previous word's gold label, as the run-time decoder, which reads the article whole,
sees it. Run time needs only the three score tables, which ``export`` writes to
``meta.json`` for ``encoder_windows.decode``.
"""

from __future__ import annotations

from typing import Any

import torch

from newsfacts.extract.encoder_windows import _ALLOWED, _OPENING, LABELS

FORBIDDEN = -1e4


class WordCRF(torch.nn.Module):  # type: ignore[misc]
    def __init__(self) -> None:
        super().__init__()
        n = len(LABELS)
        self.step = torch.nn.Parameter(torch.zeros(n, n))
        self.first = torch.nn.Parameter(torch.zeros(n))
        self.last = torch.nn.Parameter(torch.zeros(n))
        self.register_buffer("allowed", torch.tensor(_ALLOWED), persistent=False)
        self.register_buffer("opens", torch.tensor(_OPENING == 0), persistent=False)

    def tables(self) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """The step, first and last scores with BIO's forbidden moves ruled out."""
        step = torch.where(self.allowed, self.step, torch.full_like(self.step, FORBIDDEN))
        first = torch.where(self.opens, self.first, torch.full_like(self.first, FORBIDDEN))
        return step, first, self.last

    def loss(
        self,
        scores: torch.Tensor,
        tags: torch.Tensor,
        mask: torch.Tensor,
        before: torch.Tensor | None = None,
    ) -> torch.Tensor:
        """Negative log-likelihood of the gold tags per word. ``scores`` [windows, words,
        labels]; ``tags`` [windows, words]; ``mask`` [windows, words], True for each
        window's words (a prefix); ``before`` [windows], the gold label of the word before
        each window, -1 where the window opens its article (all do when it is None)."""
        step, first, last = self.tables()
        lengths = mask.sum(1)
        if before is None:
            before = torch.full((len(tags),), -1, dtype=torch.long)
        opening = torch.where(
            (before >= 0).unsqueeze(1), step[before.clamp(min=0)], first.unsqueeze(0)
        )
        gold = opening.gather(1, tags[:, :1])[:, 0] + scores[:, 0].gather(1, tags[:, :1])[:, 0]
        total = opening + scores[:, 0]  # log of the summed scores of all paths so far
        for t in range(1, scores.shape[1]):
            here = mask[:, t]
            move = (
                step[tags[:, t - 1], tags[:, t]] + scores[:, t].gather(1, tags[:, t : t + 1])[:, 0]
            )
            gold = gold + move * here
            after = torch.logsumexp(total.unsqueeze(2) + step.unsqueeze(0), 1) + scores[:, t]
            total = torch.where(here.unsqueeze(1), after, total)
        gold = gold + last[tags.gather(1, (lengths - 1).unsqueeze(1))[:, 0]]
        every = torch.logsumexp(total + last, 1)
        return (every - gold).sum() / lengths.sum()

    def to_json(self) -> dict[str, Any]:
        step, first, last = (t.detach().tolist() for t in self.tables())
        return {"step": step, "first": first, "last": last}


def word_scores(
    logits: torch.Tensor, firsts: list[list[int]], labels: list[list[int]]
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Each window's word scores (at their first pieces), gold tags and mask, padded."""
    rows, width = len(firsts), max(len(f) for f in firsts)
    where = torch.zeros((rows, width), dtype=torch.long)
    tags = torch.zeros((rows, width), dtype=torch.long)
    mask = torch.zeros((rows, width), dtype=torch.bool)
    for r, (positions, gold) in enumerate(zip(firsts, labels, strict=True)):
        where[r, : len(positions)] = torch.tensor(positions)
        tags[r, : len(gold)] = torch.tensor(gold)
        mask[r, : len(gold)] = True
    scores = logits.gather(1, where.unsqueeze(2).expand(rows, width, logits.shape[2]))
    return scores, tags, mask
