"""Turn raw bytes into a clean `Document`: decode, normalise, strip site furniture, read the source line."""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from datetime import date
from pathlib import Path

from .errors import InputError
from .model import Document

MAX_BYTES_DEFAULT = 5_000_000

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Source lines such as "Källa: https://..." or "Source: https://..." at the end of an article.
_SOURCE_LINE = re.compile(r"^\s*(?:Källa|Kalla|Source|Läs mer|Originalartikel)\s*:\s*(?P<url>https?://\S+)\s*$", re.I)
# Trailing site furniture that is not part of the article.
_FURNITURE = re.compile(
    r"^\s*(?:Kommentar(?:er)?\s*\(\d+\)|Comments?\s*\(\d+\)|Dela( artikeln)?|Share|Skriv ut|Print"
    r"|Taggar:.*|Tags:.*)\s*$",
    re.I,
)
_PUBLISHED = re.compile(r"^\s*(?:Publicerad|Published|Uppdaterad|Updated)\s*:?\s*(?P<date>\d{4}-\d{2}-\d{2})", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Surrogate code points never stand alone in real text; JSON escapes ("\\ud800") can still make them.
_SURROGATE = re.compile("[\ud800-\udfff]")


def read_path(path: Path, max_bytes: int = MAX_BYTES_DEFAULT) -> Document:
    """Read one article file; raise `InputError` naming the file when it cannot be an article."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(str(path), f"file is {size:,} bytes, over the {max_bytes:,}-byte limit")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read file ({exc.strerror or exc})") from None
    return from_bytes(data, str(path), max_bytes)


def from_bytes(data: bytes, path: str | None, max_bytes: int = MAX_BYTES_DEFAULT) -> Document:
    if len(data) > max_bytes:
        raise InputError(path, f"input is {len(data):,} bytes, over the {max_bytes:,}-byte limit")
    text = decode(data, path)
    return from_text(text, path)


def decode(data: bytes, path: str | None) -> str:
    """Decode by BOM, then strict UTF-8, then Windows-1252 for legacy Western European files."""
    if not data.strip():
        raise InputError(path, "file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise InputError(
                    path, f"starts with a {encoding} byte-order mark but is not valid {encoding}"
                ) from None
    if b"\x00" in data[:4096]:
        raise InputError(path, "looks binary (NUL bytes), not a text article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError(path, "is neither UTF-8 nor Windows-1252/Latin-1 text") from None
    if len(_CONTROL.findall(text[:4096])) > 8:
        raise InputError(path, "looks binary (control characters), not a text article")
    return text


def from_text(raw: str, path: str | None = None) -> Document:
    """Build a Document from decoded text; `document.text` is the cleaned text all offsets use."""
    text = (
        unicodedata.normalize("NFC", without_surrogates(raw))
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\ufeff", "")
    )
    text = _CONTROL.sub(" ", text)
    lines = text.split("\n")
    source_url, lines = _strip_trailer(lines)
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(line.rstrip() for line in lines)).strip()
    if not text:
        raise InputError(path, "has no article text")
    doc = Document(id=document_id(text), text=text, path=path, source_url=source_url)
    doc.title = _title(text)
    doc.published = _published(text)
    return doc


def without_surrogates(text: str) -> str:
    """`text` with lone surrogates replaced by U+FFFD: they cannot be written as UTF-8 (ids, the store)."""
    return _SURROGATE.sub("\ufffd", text)


def document_id(clean_text: str) -> str:
    """Same clean text, same id."""
    return hashlib.sha1(clean_text.encode("utf-8")).hexdigest()[:16]


def _strip_trailer(lines: list[str]) -> tuple[str | None, list[str]]:
    source_url = None
    end = len(lines)
    while end > 0:
        line = lines[end - 1]
        match = _SOURCE_LINE.match(line)
        if not line.strip() or _FURNITURE.match(line):
            end -= 1
        elif match and source_url is None:
            source_url = match.group("url")
            end -= 1
        else:
            break
    return source_url, lines[:end]


def _title(text: str) -> str | None:
    """A short first line without a closing full stop, followed by more text, is a headline."""
    first, sep, rest = text.partition("\n")
    if sep and rest.strip() and len(first) <= 160 and not first.rstrip().endswith((".", ":", ";")):
        if not _PUBLISHED.match(first):
            return first.strip()
    return None


def _published(text: str) -> date | None:
    for line in text.split("\n", 6)[:6]:
        match = _PUBLISHED.match(line)
        if match:
            try:
                return date.fromisoformat(match.group("date"))
            except ValueError:
                return None
    return None
