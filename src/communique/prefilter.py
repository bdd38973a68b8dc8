"""Where a set of regular expressions can start, found in one Aho-Corasick pass.

Each pattern is parsed (the `re` parser) into the literal prefixes every match must begin with; one
automaton over all prefixes then names, for each text position, the only patterns worth trying there.
A pattern that can start with a digit is tried at every digit; one whose matches can start with
anything else is tried wherever its own scan says it can begin. The candidates are a superset of the
true starts, never fewer.
"""

from __future__ import annotations

import re
import re._constants as sre_c
import re._parser as sre_parse
from collections.abc import Iterator, Sequence

import ahocorasick

_MAX_PREFIX = 8  # longer prefixes select little more and multiply the automaton's keys
_MAX_OPEN = 256  # alternatives beyond this stop growing (shorter prefixes are still sound)
_ZERO_WIDTH = (sre_c.ASSERT, sre_c.ASSERT_NOT, sre_c.AT)
_REPEATS = (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, sre_c.POSSESSIVE_REPEAT)
_GROUPS = (sre_c.SUBPATTERN, sre_c.ATOMIC_GROUP)
DIGIT = "\0digit"  # the prefix "any decimal digit" (\d matches every script's digits, so no literal list)
_DIGITS = re.compile(r"\d\d*")  # = \d+, but a leading class lets re skip ahead to the digits


def literal_prefixes(pattern: re.Pattern) -> frozenset[str] | None:
    """Strings one of which starts every match of `pattern`; None when some match may start with any
    character (or the pattern is case-insensitive, which literal prefixes cannot express)."""
    if pattern.flags & re.IGNORECASE or not isinstance(pattern.pattern, str):
        return None
    try:
        opened, closed = _walk(list(sre_parse.parse(pattern.pattern, pattern.flags)), {""})
    except _Unsure:
        return None
    found = opened | closed
    if "" in found:
        return None
    # "ab" already covers "abc": keep only the shortest of each chain. In sorted order every string that
    # starts with a kept prefix follows it directly, so one pass against the last kept one is enough.
    kept: list[str] = []
    for prefix in sorted(found):
        if not kept or not prefix.startswith(kept[-1]):
            kept.append(prefix)
    return frozenset(kept)


class _Unsure(Exception):
    pass


def _walk(items: list, opened: set[str]) -> tuple[set[str], set[str]]:
    """Extend the `opened` prefixes through `items`; returns (still open, closed)."""
    closed: set[str] = set()
    for op, av in items:
        if not opened:
            break
        if op is sre_c.LITERAL:
            opened = {p + chr(av) for p in opened}
        elif op is sre_c.IN and len(av) <= 4 and all(o is sre_c.LITERAL for o, _ in av):
            opened = {p + chr(c) for p in opened for _, c in av}
        elif op is sre_c.IN and av == [(sre_c.CATEGORY, sre_c.CATEGORY_DIGIT)]:
            closed |= {DIGIT if p == "" else p for p in opened}
            opened = set()
        elif op in _ZERO_WIDTH:
            continue  # an assertion consumes nothing: ignoring it only admits more candidates
        elif op in _GROUPS:
            if op is sre_c.SUBPATTERN and av[1] & re.IGNORECASE:
                raise _Unsure
            opened, inner = _walk(list(av[-1]), opened)
            closed |= inner
        elif op is sre_c.BRANCH:
            results = [_walk(list(branch), opened) for branch in av[1]]
            opened = set().union(*(o for o, _ in results))
            closed |= set().union(*(c for _, c in results))
        elif op in _REPEATS:
            low, high, body = av
            once, inner = _walk(list(body), opened)
            closed |= inner
            if high == 1:
                opened = once | (opened if low == 0 else set())
            else:  # after the first round the next characters are unknown
                closed |= once
                opened = opened if low == 0 else set()
        else:
            closed |= opened
            opened = set()
        if len(opened) > _MAX_OPEN:
            closed |= opened
            opened = set()
        else:
            done = {p for p in opened if len(p) >= _MAX_PREFIX}
            closed |= done
            opened -= done
    return opened, closed


class StartIndex:
    """For a list of patterns, the positions of a text where each may match (`re.match` at that
    position), in increasing order."""

    def __init__(self, patterns: Sequence[re.Pattern]):
        self.patterns = tuple(patterns)
        # patterns that cannot start right after a word character ("(?<![\w-])...")
        bounded = {i for i, p in enumerate(patterns) if _after_non_word(p)}
        self._automaton = ahocorasick.Automaton()
        keys: dict[str, list[int]] = {}
        unanchored: list[int] = []
        for i, pattern in enumerate(patterns):
            prefixes = literal_prefixes(pattern)
            if prefixes is None:
                unanchored.append(i)
                continue
            for prefix in prefixes:
                keys.setdefault(prefix, []).append(i)
        digit_first = keys.pop(DIGIT, [])
        self._digit_any = tuple(i for i in digit_first if i not in bounded)
        self._digit_run = tuple(digit_first)  # at the first digit of a run every digit-first pattern may start
        for key, indexes in keys.items():
            inside = tuple(i for i in indexes if i not in bounded)  # the ones still possible inside a word
            self._automaton.add_word(key, (len(key), tuple(indexes), inside))
        self._empty = not keys
        if not self._empty:
            self._automaton.make_automaton()
        self._unanchored = tuple(unanchored)
        # the unanchored patterns' own starts: one scan over the union of them, zero-width
        inner = "|".join(f"(?:{patterns[i].pattern})" for i in unanchored)
        self._scan = re.compile(f"(?=(?:{inner}))") if unanchored else None

    def candidates(self, text: str) -> list[tuple[int, tuple[int, ...]]]:
        """(position, indexes of the patterns to try there, ascending), by position."""
        at: dict[int, tuple[int, ...]] = {}
        if not self._empty:
            for end, (size, indexes, inside) in self._automaton.iter(text):
                pos = end - size + 1
                if pos and (text[pos - 1].isalnum() or text[pos - 1] == "_"):  # = \w
                    if not inside:
                        continue
                    indexes = inside
                known = at.get(pos)
                at[pos] = indexes if known is None or known == indexes else _union(known, indexes)
        if self._digit_run:
            for run in _DIGITS.finditer(text):
                start, end = run.span()
                _add(at, start, self._digit_run)
                for pos in range(start + 1, end) if self._digit_any else ():
                    _add(at, pos, self._digit_any)
        if self._scan is not None:
            for match in self._scan.finditer(text):
                _add(at, match.start(), self._unanchored)
        return [(pos, at[pos]) for pos in sorted(at)]

    def finditer(self, which: int, text: str, candidates=None) -> Iterator[re.Match]:
        """What `self.patterns[which].finditer(text)` yields (for patterns that never match empty),
        trying only the candidate positions; pass `candidates(text)` to share one scan."""
        regex, free = self.patterns[which], 0
        for pos, indexes in self.candidates(text) if candidates is None else candidates:
            if pos >= free and which in indexes:
                match = regex.match(text, pos)
                if match:
                    free = max(match.end(), pos + 1)
                    yield match


def _add(at: dict[int, tuple[int, ...]], pos: int, indexes: tuple[int, ...]) -> None:
    known = at.get(pos)
    at[pos] = indexes if known is None or known == indexes else _union(known, indexes)


def _union(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(sorted({*a, *b}))


def _after_non_word(pattern: re.Pattern) -> bool:
    """Whether the pattern opens with a one-character lookbehind that refuses every word character."""
    if pattern.flags & re.ASCII or not isinstance(pattern.pattern, str):
        return False  # an ASCII \w is narrower than str.isalnum()
    items = list(sre_parse.parse(pattern.pattern, pattern.flags))
    if not items or items[0][0] is not sre_c.ASSERT_NOT or items[0][1][0] != -1:
        return False
    body = list(items[0][1][1])
    return (
        len(body) == 1
        and body[0][0] is sre_c.IN
        and (sre_c.CATEGORY, sre_c.CATEGORY_WORD) in body[0][1]
        and all(op is not sre_c.NEGATE for op, _ in body[0][1])
    )
