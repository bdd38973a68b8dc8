"""Generated text inputs for the fast path: seed articles mutated in ways news text goes wrong.

`generate(seed, index)` is a pure function of its arguments, so any input of a run can be made again
from the two numbers a failure report prints. An input is `str` (goes to `reader.from_text`) or `bytes`
(goes to `reader.from_bytes`, the decoding path).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from functools import cache

from .hostile import INVISIBLE, articles

Input = str | bytes

# Characters that break naive text handling: controls, bidi and zero-width marks, lone surrogates,
# combining marks, line separators, astral and right-to-left letters, digits of other scripts.
HOSTILE = (
    [chr(c) for c in range(32)]
    + list(INVISIBLE)
    + ["\x7f", "\x85", "\u2028", "\u2029", "\ud800", "\udfff", "\ufffd", "\uffff", "\U0010ffff", "\u0301"]
    + ["\u00a0", "\u3000", "\u0660", "\u0967", "\uff11", "𝟙", "ا", "ש", "ß", "ﬁ", "İ", "ǅ", "\u0345", "🇸🇪"]
)
ODD_NUMBERS = (
    "0",
    "00",
    "-1",
    "31",
    "32",
    "99",
    "2025",
    "0000",
    "9999",
    "10000",
    "99999999999999999999999",
    "1e308",
    "1,5",
    "1 000 000",
    "1.000.000,00",
    "١٢",
    "½",
)
ODD_WORDS = (
    "miljarder",
    "miljoner",
    "kronor",
    "dollar",
    "procent",
    "billion",
    "den",
    "februari",
    "oktober",
    "igår",
    "förra året",
    "president",
    "statsminister",
    "besökte",
    "enades",
    "undertecknade",
    "talks",
    "visit",
    "-",
    "–",
    "–",
    ".",
    "...",
    "\n",
    "\n\n",
    '"',
    "»",
    "(",
    ")",
)


@cache
def _seeds() -> tuple[list[str], list[str], list[str]]:
    """Whole articles, their paragraphs, and their words."""
    texts = articles()
    paragraphs = [p for text in texts for p in text.split("\n\n") if p.strip()]
    words = sorted({w for text in texts for w in re.findall(r"\S+", text)})
    return texts, paragraphs, words


def generate(seed: int, index: int) -> Input:
    """Input number `index` of the run with `seed`."""
    rng = random.Random(f"{seed}:{index}")
    texts, paragraphs, words = _seeds()
    start = rng.random()
    if start < 0.35:
        text = rng.choice(texts)
    elif start < 0.75:
        text = "\n\n".join(rng.sample(paragraphs, rng.randint(1, 4)))
    else:
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 80)))
    for _ in range(rng.randint(1, 4)):
        text = rng.choice(TEXT_MUTATIONS)(rng, text)
    if rng.random() < 0.25:
        return rng.choice(BYTE_MUTATIONS)(rng, text)
    return text


def _insert_hostile(rng: random.Random, text: str) -> str:
    chars = list(text)
    for _ in range(rng.randint(1, max(1, len(chars) // 20))):
        chars.insert(rng.randint(0, len(chars)), rng.choice(HOSTILE))
    return "".join(chars)


def _replace_numbers(rng: random.Random, text: str) -> str:
    return re.sub(r"\d+", lambda _m: rng.choice(ODD_NUMBERS), text)


def _insert_words(rng: random.Random, text: str) -> str:
    words = text.split(" ")
    for _ in range(rng.randint(1, 12)):
        words.insert(rng.randint(0, len(words)), rng.choice(ODD_WORDS + ODD_NUMBERS))
    return " ".join(words)


def _repeat(rng: random.Random, text: str) -> str:
    if not text:
        return text
    start = rng.randrange(len(text))
    piece = text[start : start + rng.randint(1, 200)]
    return text[:start] + piece * rng.randint(2, 300) + text[start:]


def _long_word(rng: random.Random, text: str) -> str:
    at = rng.randint(0, len(text))
    return text[:at] + rng.choice("aÖ-.x1") * rng.choice((500, 5_000, 50_000)) + text[at:]


def _cut(rng: random.Random, text: str) -> str:
    if len(text) < 2:
        return text
    a, b = sorted(rng.sample(range(len(text) + 1), 2))
    return rng.choice((text[:a], text[a:], text[:a] + text[b:], text[a:b]))


def _whitespace(rng: random.Random, text: str) -> str:
    replacement = rng.choice(("", "\t", "\n", "\u00a0", "  \n  ", "\r", "\r\n", "\u2028", "\u3000"))
    return text.replace(rng.choice((" ", "\n", ".", ", ")), replacement)


def _case(rng: random.Random, text: str) -> str:
    return rng.choice((str.upper, str.lower, str.swapcase, str.title, str.casefold))(text)


def _shuffle(rng: random.Random, text: str) -> str:
    parts = re.split(r"(?<=[.!?])\s+", text)
    rng.shuffle(parts)
    return " ".join(parts)


def _splice(rng: random.Random, text: str) -> str:
    other = rng.choice(_seeds()[0])
    a, b = rng.randint(0, len(text)), rng.randint(0, len(other))
    return text[:a] + other[b:]


def _punctuation_storm(rng: random.Random, text: str) -> str:
    return re.sub(r"[ .,]", lambda m: m.group(0) + rng.choice(("", "", ".", "...", "!?", " - ", ": ", "\n-")), text)


TEXT_MUTATIONS: tuple[Callable[[random.Random, str], str], ...] = (
    _insert_hostile,
    _insert_hostile,
    _replace_numbers,
    _insert_words,
    _insert_words,
    _repeat,
    _long_word,
    _cut,
    _whitespace,
    _case,
    _shuffle,
    _splice,
    _punctuation_storm,
)


def _flip_bits(rng: random.Random, text: str) -> bytes:
    data = bytearray(text.encode("utf-8", errors="surrogatepass"))
    for _ in range(rng.randint(1, 1 + len(data) // 50)) if data else ():
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    return bytes(data)


def _truncate_bytes(rng: random.Random, text: str) -> bytes:
    data = text.encode("utf-8", errors="surrogatepass")
    return data[: rng.randint(0, len(data))]


def _other_encoding(rng: random.Random, text: str) -> bytes:
    encoding = rng.choice(("latin-1", "cp1252", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig", "mac_roman"))
    data = text.encode(encoding, errors="replace")
    if rng.random() < 0.3:
        data += text.encode("utf-8", errors="replace")  # mixed encodings in one file
    return data


def _random_bytes(rng: random.Random, text: str) -> bytes:
    data = text.encode("utf-8", errors="replace")
    at = rng.randint(0, len(data))
    return data[:at] + rng.randbytes(rng.randint(1, 64)) + data[at:]


BYTE_MUTATIONS: tuple[Callable[[random.Random, str], bytes], ...] = (
    _flip_bits,
    _truncate_bytes,
    _other_encoding,
    _random_bytes,
)
