"""The accurate role tagger: a fine-tuned MiniLM encoder, run by ONNX Runtime.

Opt-in (``Settings.role_tagger = "encoder"``, ``--tagger encoder``) and slower than the
default LSTM tagger (``roles.py``). It needs the ``encoder`` extra (onnxruntime and
tokenizers, no PyTorch) and the model files in ``newsfacts/data/encoder_tagger``: the
network with 8-bit weights and a 4-bit word-piece table (``model.onnx``, 18.6 MB), its
word-piece vocabulary (``tokenizer.json``) and ``meta.json`` (labels, window width).
``make train-encoder`` rebuilds them.

The article is read in windows of whole sentences of at most ``width`` word pieces; each word
is scored at its first piece, and the best BIO sequence is decoded with no I- label after
anything but its own B- or I- (and, for a model trained with a CRF layer, the transition
scores it learnt, from ``meta.json``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import as_file, files
from typing import Any

import numpy
from spacy.tokens import Doc

from newsfacts.errors import NewsfactsError
from newsfacts.extract.encoder_windows import (
    LABELS,
    Transitions,
    blank_scores,
    labelled_spans,
    network_windows,
    word_labels,
)
from newsfacts.extract.roles import Role, join_pieces
from newsfacts.nlp.doctext import doc_text

MODEL_DIR = "data/encoder_tagger"
BATCH = 1  # windows per run of the network (one at a time was an eighth faster than eight)


class EncoderUnavailable(NewsfactsError):
    """The encoder tagger was asked for but its packages or model files are missing."""


@dataclass(frozen=True)
class EncoderTagger:
    """Role spans for parsed docs; call it with a list of docs."""

    session: Any  # onnxruntime.InferenceSession
    tokenizer: Any  # tokenizers.Tokenizer, with no truncation
    width: int
    learned: Transitions | None = None  # the CRF layer's transition scores, where trained

    def __call__(self, docs: list[Doc]) -> list[list[Role]]:
        return [self.roles(doc) for doc in docs]

    def word_logp(self, words: Sequence[str], sent_starts: Sequence[int]) -> numpy.ndarray:
        """Log-probabilities of each label for each word."""
        logp = blank_scores(len(words))
        windows = network_windows(self.tokenizer, words, sent_starts, self.width)
        for k in range(0, len(windows), BATCH):
            chunk = windows[k : k + BATCH]
            longest = max(len(ids) for ids, _ in chunk)
            ids_in = numpy.zeros((len(chunk), longest), dtype=numpy.int64)
            mask = numpy.zeros((len(chunk), longest), dtype=numpy.int64)
            for r, (ids, _) in enumerate(chunk):
                ids_in[r, : len(ids)] = ids
                mask[r, : len(ids)] = 1
            (logits,) = self.session.run(None, {"input_ids": ids_in, "attention_mask": mask})
            shifted = logits - logits.max(-1, keepdims=True)
            scores = shifted - numpy.log(numpy.exp(shifted).sum(-1, keepdims=True))
            for r, (_, firsts) in enumerate(chunk):
                for word, position in firsts:
                    logp[word] = scores[r, position]
        return logp

    def roles(self, doc: Doc) -> list[Role]:
        text = doc_text(doc)  # the user's characters, as in training ("D’Souza", not "D'Souza")
        words = [text[t.idx : t.idx + len(t)] for t in doc]
        sent_starts = [s.start for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
        labels = word_labels(words, self.word_logp(words, sent_starts), self.learned)
        return join_pieces(doc, [Role(*span) for span in labelled_spans(labels)])


def encoder_available() -> bool:
    return files("newsfacts").joinpath(MODEL_DIR, "model.onnx").is_file()


def check_encoder() -> None:
    """Raise EncoderUnavailable, with what to do, unless the encoder tagger can load."""
    try:
        import onnxruntime  # noqa: F401
        import tokenizers  # noqa: F401
    except ImportError as err:
        raise EncoderUnavailable(
            "the encoder tagger needs the 'encoder' extra: pip install 'newsfacts[encoder]'"
        ) from err
    if not encoder_available():
        raise EncoderUnavailable(f"no encoder model in newsfacts/{MODEL_DIR} (make train-encoder)")


@lru_cache(maxsize=1)
def load_encoder_tagger() -> EncoderTagger:
    """The shipped encoder tagger, on one thread (workers each load their own)."""
    check_encoder()
    import onnxruntime
    from tokenizers import Tokenizer

    with as_file(files("newsfacts").joinpath(MODEL_DIR)) as path:
        meta = json.loads((path / "meta.json").read_text("utf-8"))
        if list(meta["labels"]) != list(LABELS):
            raise EncoderUnavailable(f"newsfacts/{MODEL_DIR} was trained for other labels")
        try:
            learned = Transitions.from_json(meta["transitions"]) if "transitions" in meta else None
        except (KeyError, TypeError, ValueError) as err:
            raise EncoderUnavailable(
                f"newsfacts/{MODEL_DIR}/meta.json: bad transitions ({err})"
            ) from err
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        session = onnxruntime.InferenceSession(
            str(path / "model.onnx"), options, providers=["CPUExecutionProvider"]
        )
        tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
    if session.get_outputs()[0].shape[-1] != len(LABELS):
        raise EncoderUnavailable(
            f"newsfacts/{MODEL_DIR}/model.onnx does not score {len(LABELS)} labels"
        )
    tokenizer.no_truncation()  # windows are cut by pack_windows, never by the tokenizer
    tokenizer.no_padding()
    if tokenizer.token_to_id("[CLS]") is None or tokenizer.token_to_id("[SEP]") is None:
        raise EncoderUnavailable(f"newsfacts/{MODEL_DIR}/tokenizer.json has no [CLS] or [SEP]")
    return EncoderTagger(session, tokenizer, int(meta["width"]), learned)
