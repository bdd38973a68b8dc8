"""Near-duplicate fingerprints: the fast shingle hashing gives the very signatures of the plain definition,
so documents stored before keep matching new ones."""

import zlib

import numpy as np
import pytest
from datasketch import MinHash

from communique import dedup

TEXTS = {
    "empty": "",
    "one-word": "Hanoi",
    "four-words": "Ett två tre fyra",
    "five-words": "ett två tre fyra fem",
    "ascii": "The two sides agreed to deepen trade, investment and energy cooperation in 2026.",
    "non-ascii": "Vietnams premiärminister Phạm Minh Chính träffade Sveriges statsminister i Stockholm den 3 maj.",
    "cjk-and-punctuation": "東京 -- Tokyo; 東京!! x_y 9 É é ß ÅÄÖ one two three four five six",
    "repeated": "a b a b a b a b a b a b a b",
    "whitespace": "\n\n  x  \t y\u00a0z  w v u  ",
}


def _reference_shingles(text: str) -> set[bytes]:
    words = dedup._WORD.findall(text.lower())
    return {" ".join(words[i : i + 5]).encode("utf-8") for i in range(max(1, len(words) - 4))}


@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
def test_shingle_hashes_are_the_crc32_of_each_word_5_shingle(text):
    assert set(dedup.shingle_hashes(text)) == {zlib.crc32(s) for s in _reference_shingles(text)}


@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
def test_fingerprint_is_the_minhash_of_the_shingle_set(text):
    minhash = MinHash(num_perm=dedup.NUM_PERM, seed=1, hashfunc=zlib.crc32)
    minhash.update_batch(list(_reference_shingles(text)))
    assert dedup.fingerprint(text).signature == minhash.hashvalues.astype(np.uint64).tobytes()


def test_an_edited_copy_shares_a_band_and_a_different_text_does_not():
    text = " ".join(f"ord{i} och mer text {i % 7}" for i in range(120))
    edited = text.replace("ord60 ", "ordet60 ")
    other = " ".join(f"annat{i} helt annan text {i % 5}" for i in range(120))
    bands = set(dedup.fingerprint(text).bands)
    assert bands & set(dedup.fingerprint(edited).bands)
    assert not bands & set(dedup.fingerprint(other).bands)
