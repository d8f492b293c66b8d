"""A small MinHash with LSH banding, for finding near-duplicate articles.

Signatures are ``PERMUTATIONS`` 32-bit minima of universal hashes over word 5-gram
shingles. LSH splits a signature into ``BANDS`` bands of ``ROWS`` values; two articles
that agree on a whole band become candidates, and the estimated Jaccard similarity of
their signatures decides. With 16 bands of 8 rows, pairs at similarity 0.8 are found
with probability 1 - (1 - 0.8**8)**16 ≈ 0.94, and pairs at 0.4 almost never (≈ 0.001).
"""

from __future__ import annotations

import hashlib
import re
from functools import cache

import numpy as np
import numpy.typing as npt

PERMUTATIONS = 128
BANDS = 16
ROWS = PERMUTATIONS // BANDS
SHINGLE_WORDS = 5
_PRIME = np.uint64((1 << 61) - 1)
_MASK = np.uint64(0xFFFFFFFF)
_WORD = re.compile(r"\w+")

Signature = npt.NDArray[np.uint32]


@cache
def _permutations() -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
    # Fixed seed: signatures must stay comparable across runs and machines.
    rng = np.random.default_rng(20240725)
    a = rng.integers(1, 1 << 31, size=PERMUTATIONS, dtype=np.uint64)
    b = rng.integers(0, 1 << 31, size=PERMUTATIONS, dtype=np.uint64)
    return a, b


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode()} if words else set()
    return {
        " ".join(words[i : i + SHINGLE_WORDS]).encode()
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }


def signature(text: str) -> Signature | None:
    """The MinHash signature of the text, or None when it has no words."""
    found = shingles(text)
    if not found:
        return None
    hashes = np.fromiter(
        (int.from_bytes(hashlib.blake2b(s, digest_size=4).digest(), "little") for s in found),
        dtype=np.uint64,
        count=len(found),
    )
    a, b = _permutations()
    # a < 2**31 and hash < 2**32, so a*hash + b stays below 2**64: no overflow.
    mixed = (np.outer(a, hashes) + b[:, None]) % _PRIME & _MASK
    result: Signature = mixed.min(axis=1).astype(np.uint32)
    return result


def band_buckets(sig: Signature) -> list[tuple[int, int]]:
    """(band, bucket) pairs; the bucket is a signed 64-bit digest of the band's rows."""
    out = []
    for band in range(BANDS):
        chunk = sig[band * ROWS : (band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8).digest()
        out.append((band, int.from_bytes(digest, "little", signed=True)))
    return out


def similarity(one: Signature, other: Signature) -> float:
    """Estimated Jaccard similarity of the two shingle sets."""
    return float(np.count_nonzero(one == other)) / PERMUTATIONS


def to_bytes(sig: Signature) -> bytes:
    return sig.astype("<u4").tobytes()


def from_bytes(raw: bytes) -> Signature:
    result: Signature = np.frombuffer(bytes(raw), dtype="<u4").astype(np.uint32)
    return result
