"""Duplicates: the same clean text is the same document (its id is a hash of the text); a wire story
re-published with small edits is a near-duplicate, found with MinHash and LSH bands kept in the store."""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash
from sqlalchemy import Connection, select, text

from .store import schema

NUM_PERM = 64
BANDS, ROWS = 16, 4  # candidate threshold about (1/16)**(1/4) = 0.5 Jaccard
THRESHOLD = 0.7  # estimated Jaccard of word 5-shingles above which two texts are one story
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Fingerprint:
    signature: bytes
    bands: list[tuple[int, str]]


def _crc32(data: bytes) -> int:
    """A stable 32-bit hash (CRC-32 in C): several times cheaper than datasketch's SHA-1 default."""
    return zlib.crc32(data)


def fingerprint(text: str) -> Fingerprint:
    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i : i + 5]).encode("utf-8") for i in range(max(1, len(words) - 4))}
    minhash = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=_crc32)
    minhash.update_batch(list(shingles))
    values = minhash.hashvalues.astype(np.uint64)
    bands = [(b, hashlib.sha1(values[b * ROWS : (b + 1) * ROWS].tobytes()).hexdigest()) for b in range(BANDS)]
    return Fingerprint(values.tobytes(), bands)


# One fixed statement (compiled once): any stored document sharing one LSH band with this text.
_CANDIDATES = text(
    "SELECT DISTINCT document_id FROM document_bands WHERE "
    + " OR ".join(f"(band = :b{i} AND hash = :h{i})" for i in range(BANDS))
)


def near_duplicate_of(conn: Connection, print_: Fingerprint) -> str | None:
    """The stored document this text is a near-copy of, if any (the most similar above the threshold)."""
    candidates = {
        r[0]
        for r in conn.execute(
            _CANDIDATES,
            {f"b{i}": band for i, (band, _) in enumerate(print_.bands)}
            | {f"h{i}": value for i, (_, value) in enumerate(print_.bands)},
        )
    }
    if not candidates:
        return None
    mine = np.frombuffer(print_.signature, dtype=np.uint64)
    best, best_id = 0.0, None
    rows = conn.execute(
        select(schema.documents.c.id, schema.documents.c.minhash, schema.documents.c.near_duplicate_of).where(
            schema.documents.c.id.in_(candidates)
        )
    )
    for row in rows:
        if row.minhash is None:
            continue
        similarity = float(np.mean(np.frombuffer(row.minhash, dtype=np.uint64) == mine))
        if similarity > best:
            best, best_id = similarity, row.near_duplicate_of or row.id  # link to the first copy
    return best_id if best >= THRESHOLD else None
