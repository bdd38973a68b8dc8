"""Duplicates: the same clean text is the same document (its id is a hash of the text); a wire story
re-published with small edits is a near-duplicate, found with MinHash and LSH bands kept in the store."""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass
from itertools import accumulate

import numpy as np
from sqlalchemy import Connection

from .store.sql import Statement

NUM_PERM = 64
BANDS, ROWS = 16, 4  # candidate threshold about (1/16)**(1/4) = 0.5 Jaccard
THRESHOLD = 0.7  # estimated Jaccard of word 5-shingles above which two texts are one story
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Fingerprint:
    signature: bytes
    bands: list[tuple[int, str]]


# MinHash as datasketch 2's MinHash(num_perm=64, seed=1) computes it (its default "affine32" scheme: stored
# signatures stay comparable), in a few lines: importing datasketch imports scipy, about a second of every
# process start-up. tests/test_dedup.py checks the signatures against datasketch's. A 32-bit shingle hash is
# mixed by MurmurHash3's finalizer, then each of the 64 permutations maps it to a * h + b (mod 2^32, a odd).
_DRAW = np.random.RandomState(1)
_A = _DRAW.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
_B = _DRAW.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
_EMPTY = np.full(NUM_PERM, (1 << 32) - 1, dtype=np.uint32)


def _fmix32(h: np.ndarray) -> np.ndarray:
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def minhash(hashes: list[int]) -> np.ndarray:
    """The signature of a set of 32-bit hashes: per permutation, the least permuted hash (as 64-bit values)."""
    if not hashes:
        return _EMPTY.astype(np.uint64)
    values = _fmix32(np.array(hashes, dtype=np.uint32).reshape(-1, 1))
    return np.minimum(_EMPTY, (values * _A + _B).min(axis=0)).astype(np.uint64)


def shingle_hashes(text: str) -> list[int]:
    """CRC-32 of every word 5-shingle (the words joined by one space), cut from the encoded text instead of
    joined and encoded one by one; repeats are harmless since MinHash keeps minima."""
    words = _WORD.findall(text.lower())
    encoded = " ".join(words).encode("utf-8")
    if len(words) < 5:
        return [zlib.crc32(encoded)]
    offsets = [0, *accumulate(map((1).__add__, map(len, encoded.split(b" "))))]  # where each word starts
    crc = zlib.crc32
    return [crc(encoded[start : end - 1]) for start, end in zip(offsets, offsets[5:], strict=False)]


def fingerprint(text: str) -> Fingerprint:
    return from_signature(minhash(shingle_hashes(text)).tobytes())


def from_signature(signature: bytes) -> Fingerprint:
    """The fingerprint of a stored or shipped MinHash signature (its LSH bands are cut from it)."""
    values = np.frombuffer(signature, dtype=np.uint64)
    bands = [(b, hashlib.sha1(values[b * ROWS : (b + 1) * ROWS].tobytes()).hexdigest()) for b in range(BANDS)]
    return Fingerprint(signature, bands)


# One fixed statement: the stored documents sharing one LSH band with this text, with their signatures.
_CANDIDATES = Statement(
    "SELECT DISTINCT d.id, d.minhash, d.near_duplicate_of"
    " FROM document_bands b JOIN documents d ON d.id = b.document_id WHERE "
    + " OR ".join(f"(b.band = :b{i} AND b.hash = :h{i})" for i in range(BANDS))
    + " ORDER BY d.id"
)


def near_duplicate_of(conn: Connection, print_: Fingerprint) -> str | None:
    """The stored document this text is a near-copy of, if any (the most similar above the threshold)."""
    params = {f"b{i}": band for i, (band, _) in enumerate(print_.bands)}
    params |= {f"h{i}": value for i, (_, value) in enumerate(print_.bands)}
    mine = np.frombuffer(print_.signature, dtype=np.uint64)
    best, best_id = 0.0, None
    for document_id, minhash, first_copy in _CANDIDATES.run(conn, params):
        if minhash is None:
            continue
        similarity = float(np.mean(np.frombuffer(minhash, dtype=np.uint64) == mine))
        if similarity > best:
            best, best_id = similarity, first_copy or document_id  # link to the first copy
    return best_id if best >= THRESHOLD else None
