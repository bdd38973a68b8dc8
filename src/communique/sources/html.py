"""HTML pages (.html, .htm, and pages inside WARC archives): trafilatura keeps the article text.

Title, date and canonical URL come from the page's metadata. Broken or hostile markup never raises:
a page without article text becomes an `InputError` ("no article text found").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from .. import reader
from ..errors import InputError
from .record import SourceRecord, parse_date, read_file

# Dates only from metadata and markup near it: a wide search picks up dates the article merely mentions.
_DATE_PARAMS = {"original_date": True, "extensive_search": False}
_TAG = re.compile(r"<[^>]*>")
_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)


def read(path: Path, max_bytes: int) -> Iterator[SourceRecord | InputError]:
    """Yield the page at `path` as one record, or one `InputError`."""
    name = str(path)
    try:
        markup = reader.decode(read_file(path, max_bytes), name)
    except InputError as err:
        yield err
        return
    yield from_markup(markup, origin=name, path=name)


def from_markup(markup: str, origin: str, path: str | None, url: str | None = None) -> SourceRecord | InputError:
    """The article in one page; `url` is the fallback when the page names no canonical URL."""
    import trafilatura  # here: a fifth of a second of start-up that text-only runs need not pay

    try:
        doc = trafilatura.bare_extraction(
            markup,
            url=url,
            favor_precision=True,
            include_comments=False,
            with_metadata=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as exc:  # lxml and trafilatura fail in many ways on hostile pages
        return InputError(origin, f"HTML could not be parsed ({type(exc).__name__})")
    text = (doc.text or "").strip() if doc is not None else ""
    if not text:
        return InputError(origin, "no article text found")
    return SourceRecord(
        text=text,
        origin=origin,
        url=doc.url or url,
        title=(doc.title or "").strip() or None,
        published=_date(doc.date),
        path=path,
    )


def looks_like_html(head: str) -> bool:
    """Whether the start of a file of unknown kind is an HTML page."""
    return bool(_HTML_START.match(head))


def fragment_text(markup: str) -> str:
    """Plain text of a short HTML fragment (a feed summary): block elements become line breaks."""
    parser = _TextParser()
    try:
        parser.feed(markup)
        parser.close()
    except AssertionError:
        # html.parser still asserts on some malformed declarations ("<![foo"); drop tags by pattern instead.
        parser.parts = [unescape(_TAG.sub("\n", markup))]
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return parse_date(value)
    except ValueError:
        return None


class _TextParser(HTMLParser):
    """Collects text; trafilatura is built for whole pages and drops short fragments as boilerplate."""

    _BLOCKS = frozenset("p br div li ul ol h1 h2 h3 h4 h5 h6 tr blockquote pre section article figcaption".split())
    _SKIP = frozenset(("script", "style", "template"))

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)
