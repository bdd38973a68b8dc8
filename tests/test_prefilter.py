"""The start index must find exactly what `finditer` finds: it only skips positions where a pattern cannot start."""

import random
import re

import pytest

from communique.prefilter import StartIndex, literal_prefixes

PATTERNS = [
    r"(?<![\w-])(?:(?:stats|arbets)?besök(?:et|en)?|reste till)(?![\w])",
    r"(?<![\w.,-])(?P<num>\d{1,3}(?:[ .]\d{3})+|\d+|två|tre)\s*(?P<cur>kronor|usd|\$)(?!\w)",
    r"(?<!\w)(?:januari|jan|mars|mar)(?!\w)|\d{4}-\d\d-\d\d",
    r"(?:\w+-day )?visit",  # no literal prefix: scanned
    r"(?<=to )visit|visits?",
    r"[ts]og emot",
]
ALPHABET = list("abcdefghijklmnoprstuvyzåäö _-.,$0123456789\n") + ["٣", "²", "İ", "ſ"]
WORDS = [
    "besök",
    "besöket",
    "statsbesök",
    "reste till",
    "två usd",
    "12 kronor",
    "1 000 usd",
    "$5",
    "januari",
    "mar",
    "2025-10-09",
    "to visit",
    "visits",
    "three-day visit",
    "tog emot",
    "sog emot",
    "٣٤ usd",
]


def _texts(n: int, seed: int = 1):
    rng = random.Random(seed)
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, 30)):
            parts.append(
                rng.choice(WORDS) if rng.random() < 0.5 else "".join(rng.choices(ALPHABET, k=rng.randint(1, 6)))
            )
        yield "".join(rng.choice(["", " ", "-", "_", "x"]) + p for p in parts)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_finditer_matches_re(seed):
    index = StartIndex([re.compile(p) for p in PATTERNS])
    for text in _texts(300, seed):
        candidates = index.candidates(text)
        for i, pattern in enumerate(index.patterns):
            expected = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in index.finditer(i, text, candidates)] == expected, (pattern.pattern, text)


@pytest.mark.parametrize(
    "pattern, prefixes",
    [
        (r"(?<!\w)(?:ab|cd)e", {"abe", "cde"}),
        (r"(?:x)?yz", {"xyz", "yz"}),
        (r"\d+ kr", {"\0digit"}),
        (r"\w+", None),
        (r"(?i)abc", None),
        (r"ab(?:c|cd)", {"abc"}),
    ],
    ids=["branch", "optional", "digit", "word", "ignorecase", "shortest"],
)
def test_literal_prefixes(pattern, prefixes):
    found = literal_prefixes(re.compile(pattern))
    assert found == (frozenset(prefixes) if prefixes is not None else None)
