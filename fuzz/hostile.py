"""A folder of hostile input files, deterministic from a seed (written at run time, never committed).

`write_corpus(folder, seed)` writes one or more files of every kind in `KINDS` and returns their paths.
Each file's name starts with its kind, so a failure line names what was being tested.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import random
import zlib
from collections.abc import Callable
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parents[1]
SV = "Statsminister Ulf Kristersson tog emot Finlands president Alexander Stubb i Stockholm den 9 oktober 2025."
EN = "Prime Minister Pham Minh Chinh held talks with Swedish Prime Minister Ulf Kristersson in Stockholm on Monday."
# Bidi controls, marks, joiners and other invisible characters a copy from the web can carry.
INVISIBLE = (
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\u200b\u200c\u200d\u2060\ufeff\u00ad"
)
MB = 1 << 20


def articles() -> list[str]:
    """The example articles (Swedish and English), the seeds every mutation starts from."""
    paths = sorted((ROOT / "examples" / "sv").glob("*.txt")) + sorted((ROOT / "examples" / "en").glob("*.txt"))
    return [path.read_text(encoding="utf-8") for path in paths]


def _random_bytes(rng: random.Random, out: Path) -> None:
    for size in (1, 17, 4096, 65_537):
        (out / f"random_bytes_{size}.txt").write_bytes(rng.randbytes(size))
        (out / f"random_bytes_{size}").write_bytes(rng.randbytes(size))  # no suffix: sniffed


def _truncated_utf8(rng: random.Random, out: Path) -> None:
    data = rng.choice(articles()).encode("utf-8")
    cuts = [i for i, byte in enumerate(data) if byte >= 0xC0][:3]  # right after a lead byte
    for n, cut in enumerate(cuts):
        (out / f"truncated_utf8_{n}.txt").write_bytes(data[: cut + 1])
    (out / "truncated_utf8_continuation.txt").write_bytes(SV.encode() + b"\x80\x80\xbf" + SV.encode())
    (out / "truncated_utf8_overlong.txt").write_bytes(SV.encode() + b"\xc0\xaf\xe0\x80\xaf\xed\xa0\x80")


def _encodings(rng: random.Random, out: Path) -> None:
    text = rng.choice(articles())
    (out / "encoding_latin1.txt").write_bytes(text.encode("latin-1", errors="replace"))
    (out / "encoding_cp1252_undefined.txt").write_bytes(SV.encode("cp1252") + b"\x81\x8d\x8f\x90\x9d")
    (out / "encoding_utf16_bom.txt").write_bytes(text.encode("utf-16"))
    (out / "encoding_utf16_no_bom.txt").write_bytes(text.encode("utf-16-le"))
    (out / "encoding_utf16_odd_length.txt").write_bytes(text.encode("utf-16")[:-1])
    (out / "encoding_utf32_bom.txt").write_bytes(text.encode("utf-32"))
    (out / "encoding_utf8_bom_then_latin1.txt").write_bytes(codecs.BOM_UTF8 + SV.encode("latin-1"))
    mixed = SV.encode("utf-8") + b"\n\n" + SV.encode("latin-1") + b"\n\n" + SV.encode("utf-16-le")
    (out / "encoding_mixed.txt").write_bytes(mixed)
    (out / "encoding_only_bom.txt").write_bytes(codecs.BOM_UTF8)
    (out / "encoding_html_meta_lies.html").write_bytes(
        b'<html><head><meta charset="utf-16"></head><body><p>' + SV.encode("latin-1") + b"</p></body></html>"
    )


def _huge(rng: random.Random, out: Path) -> None:
    word = SV.encode() + b" "
    with (out / "huge_single_line_50mb.txt").open("wb") as handle:
        for _ in range(50 * MB // (len(word) * 1000) + 1):
            handle.write(word * 1000)
    (out / "huge_single_line_4mb.txt").write_bytes(word * (4 * MB // len(word)))
    (out / "huge_word_1mb.txt").write_bytes(SV.encode() + b" " + b"a" * MB + b" " + SV.encode())
    sentences = " ".join(rng.choice((SV, EN)) for _ in range(10_000))
    (out / "huge_10k_sentences.txt").write_text(sentences, encoding="utf-8")
    (out / "huge_100k_newlines.txt").write_text(SV + "\n" * 100_000 + SV, encoding="utf-8")


def _html(rng: random.Random, out: Path) -> None:
    body = f"<p>{SV}</p>"
    (out / "html_nested_divs_100k.html").write_text(
        "<html><body>" + "<div>" * 100_000 + body + "</div>" * 100_000 + "</body></html>", encoding="utf-8"
    )
    (out / "html_unclosed_100k.html").write_text("<html><body>" + "<b><i>" * 50_000 + body, encoding="utf-8")
    (out / "html_nested_tables.html").write_text(
        "<html><body>" + "<table><tr><td>" * 5_000 + body + "</td></tr></table>" * 5_000 + "</body></html>",
        encoding="utf-8",
    )
    (out / "html_huge_attribute.html").write_text(
        f'<html><body><p title="{"x" * MB}">{SV}</p></body></html>', encoding="utf-8"
    )
    (out / "html_script_only.html").write_text("<html><script>" + "var a=1;" * 1000 + "</script></html>")
    (out / "html_entities.html").write_text(
        "<html><body><p>" + SV + " &#0; &#xD800; &#x110000; &#99999999999; &#x202E; &nbsp;&bogus;</p></body></html>"
    )
    (out / "html_comment_bomb.html").write_text("<html><!--" * 20_000 + body)
    (out / "html_invisible.html").write_text(f"<html><body><article><p>{_sprinkle(rng, SV * 5)}</p></article></html>")
    (out / "html_cdata_and_pi.htm").write_text("<html><body><![CDATA[x]]><?php echo 1 ?><!DOCTYPE x><![if" + body)


def _feeds(rng: random.Random, out: Path) -> None:
    item = f"<item><title>T</title><description>{SV}</description></item>"
    (out / "feed_billion_laughs.xml").write_text(
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i else "&lol;" * 10}">' for i in range(10))
        + f"]><rss version='2.0'><channel><item><description>&lol9;</description></item>{item}</channel></rss>"
    )
    (out / "feed_external_entity.rss").write_text(
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f"<rss version='2.0'><channel><item><description>&x;</description></item>{item}</channel></rss>"
    )
    (out / "feed_many_items.rss").write_text("<rss version='2.0'><channel>" + item * 3_000 + "</channel></rss>")
    (out / "feed_truncated.atom").write_text(
        f"<feed xmlns='http://www.w3.org/2005/Atom'><entry><content>{SV}</content></entry><entry><cont"
    )
    (out / "feed_nested.rss").write_text("<rss version='2.0'><channel><item>" + "<x>" * 50_000 + SV)
    (out / "feed_bad_dates.rss").write_text(
        "<rss version='2.0'><channel><item><pubDate>Mon, 99 Foo 99999 25:61:61 +9999</pubDate>"
        f"<description>{SV}</description></item><item><pubDate>0000-00-00</pubDate>"
        f"<description>{EN}</description></item></channel></rss>"
    )


def _jsonl(rng: random.Random, out: Path) -> None:
    lines = [
        '{"text": 1}',
        '{"text": ["a", "b"]}',
        '{"text": {"text": "x"}}',
        '{"text": null}',
        '{"text": true}',
        '{"text": "' + SV + '", "published": 20251009}',
        '{"text": "' + SV + '", "published": "9999-99-99"}',
        '{"text": "' + SV + '", "published": "2025-10-09T25:00:00"}',
        '{"text": "' + SV + '", "url": ["x"]}',
        '{"text": "' + SV + '", "title": 3.5}',
        '{"text": "' + SV + '", "n": ' + "9" * 5_000 + "}",
        '{"text": "' + SV + '", "n": 1e999999}',
        '{"text": "' + SV + '", "n": -' + "1" * 10_000 + "}",
        '{"text": "' + SV + '", "n": NaN, "m": Infinity}',
        '{"text": "' + SV + '", "deep": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"text": "' + SV + " \\ud800 \\udfff \\udc00\\ud800 " + '"}',
        '{"text": "' + SV + '", "title": "\\ud800", "url": "\\udfff"}',
        '{"text": "' + SV + '\\u0000\\u0001\\u001b[31m\\u202e"}',
        "[1, 2, 3]",
        '"just a string"',
        "null",
        "{",
        '{"text": "x"',
        '{"text": "' + SV + '"}' * 3,
        "\x00\x00\x00",
        '{"text": "' + SV + '", "text": 5}',
        "\ufeff" + '{"text": "' + EN + '"}',
        '{"text": "' + "\\n" * 10_000 + '"}',
        '{"text": "' + EN + '"}',
    ]
    data = "\n".join(lines).encode("utf-8", errors="surrogatepass")
    (out / "jsonl_wrong_types.jsonl").write_bytes(data + b"\n\xff\xfe{bad bytes}\n" + SV.encode("latin-1") + b"\n")
    (out / "jsonl_one_line_no_newline.ndjson").write_bytes(json.dumps({"text": SV}).encode())
    (out / "jsonl_crlf.jsonl").write_bytes(b'{"text": "' + SV.encode() + b'"}\r\n\r\n\r\n')
    (out / "jsonl_huge_line.jsonl").write_bytes(
        b'{"text": "' + b"a " * (3 * MB) + b'"}\n{"text": "' + EN.encode() + b'"}'
    )


def _warc(rng: random.Random, out: Path) -> None:
    page = f"<html><body><article><h1>Rubrik</h1><p>{SV} {SV}</p></article></body></html>".encode()
    (out / "warc_gzip_bomb.warc.gz").write_bytes(warc_bytes([page, _gzip_bomb(1024 * MB), page], gzip_file=True))
    (out / "warc_deflate_bomb.warc").write_bytes(warc_bytes([_deflate_bomb(512 * MB), page], gzip_file=False))
    whole = warc_bytes([page, page, page], gzip_file=False)
    for fraction in (0.1, 0.5, 0.93):
        (out / f"warc_truncated_{int(fraction * 100)}.warc").write_bytes(whole[: int(len(whole) * fraction)])
    zipped = warc_bytes([page, page], gzip_file=True)
    (out / "warc_truncated.warc.gz").write_bytes(zipped[: len(zipped) * 2 // 3])
    (out / "warc_garbage.warc").write_bytes(rng.randbytes(10_000))
    (out / "warc_gzip_of_zeros.warc.gz").write_bytes(gzip.compress(b"\x00" * 10 * MB))
    lying = whole.replace(b"Content-Length: ", b"Content-Length: 9999999", 1)
    (out / "warc_lying_length.warc").write_bytes(lying)
    (out / "warc_negative_length.warc").write_bytes(whole.replace(b"Content-Length: ", b"Content-Length: -", 1))
    flipped = bytearray(whole)
    for _ in range(40):
        flipped[rng.randrange(len(flipped))] ^= 1 << rng.randrange(8)
    (out / "warc_bit_flips.warc").write_bytes(bytes(flipped))


class _Bomb(bytes):
    """A payload already compressed with `encoding`; the record's HTTP headers say so."""

    encoding = "gzip"


def _gzip_bomb(size: int) -> _Bomb:
    return _Bomb(_compress(zlib.compressobj(9, zlib.DEFLATED, 31), size))


def _deflate_bomb(size: int) -> _Bomb:
    bomb = _Bomb(_compress(zlib.compressobj(9), size))
    bomb.encoding = "deflate"
    return bomb


def _compress(compressor, size: int) -> bytes:
    """`size` bytes of an HTML page of spaces, compressed (about 1,000 to 1): small on disk, huge inflated."""
    chunk = b" " * MB
    parts = [compressor.compress(b"<html><body><p>")]
    parts += [compressor.compress(chunk) for _ in range(size // MB)]
    parts.append(compressor.compress(b"</p></body></html>") + compressor.flush())
    return b"".join(parts)


def warc_bytes(pages: list[bytes], gzip_file: bool) -> bytes:
    handle = io.BytesIO()
    writer = WARCWriter(handle, gzip=gzip_file)
    writer.write_record(writer.create_warcinfo_record("fuzz.warc", {"software": "communique-fuzz"}))
    for number, body in enumerate(pages, 1):
        fields = [("Content-Type", "text/html; charset=utf-8")]
        if isinstance(body, _Bomb):
            fields.append(("Content-Encoding", body.encoding))
        headers = StatusAndHeaders("200 OK", fields, protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://fuzz.example/{number}", "response", payload=io.BytesIO(body), http_headers=headers
        )
        writer.write_record(record)
    return handle.getvalue()


def _text(rng: random.Random, out: Path) -> None:
    controls = "".join(chr(c) for c in range(32) if chr(c) not in "\n\t")
    (out / "control_chars.txt").write_text(SV + controls + EN + "\x7f\x85\u2028\u2029" + SV)
    (out / "control_chars_many.txt").write_text(controls * 50 + SV)
    (out / "control_ansi_escapes.txt").write_text(f"\x1b[2J\x1b]0;title\x07{SV}\x1b[31m{EN}")
    (out / "bidi_marks.txt").write_text(_sprinkle(rng, "\n\n".join(articles()[:3])))
    (out / "bidi_override_names.txt").write_text(SV.replace("Kristersson", "\u202eKristersson\u202c"))
    (out / "nul_bytes_early.txt").write_bytes(SV.encode() + b"\x00" * 10 + EN.encode())
    (out / "nul_bytes_late.txt").write_bytes(SV.encode() * 60 + b"\x00" + SV.encode())
    (out / "whitespace_only.txt").write_text(" \n\t\u00a0\u3000\u2003\n" * 100)
    (out / "empty.txt").write_bytes(b"")
    (out / "combining_marks.txt").write_text(SV.replace("a", "a" + "\u0301" * 500))
    (out / "rtl_script.txt").write_text("وزير الخارجية " + SV + " שר החוץ " + EN)
    (out / "emoji_and_astral.txt").write_text(SV + " 🇸🇪🤝🇻🇳 𝕊𝕥𝕠𝕔𝕜𝕙𝕠𝕝𝕞 " + EN)
    (out / "homoglyphs.txt").write_text(SV.replace("o", "\u043e").replace("a", "\u0430"))
    (out / "odd name\n\tnewline.txt").write_text(SV)
    (out / "odd name \u202e.txt").write_text(SV)


def _byte_flips(rng: random.Random, out: Path) -> None:
    for number, text in enumerate(rng.sample(articles(), 8)):
        data = bytearray(text.encode("utf-8"))
        for _ in range(rng.randrange(1, 60)):
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        (out / f"byte_flips_{number}.txt").write_bytes(bytes(data))


def _sprinkle(rng: random.Random, text: str) -> str:
    """`text` with invisible characters inserted at random places, inside words too."""
    chars = list(text)
    for _ in range(len(chars) // 8):
        chars.insert(rng.randrange(len(chars) + 1), rng.choice(INVISIBLE))
    return "".join(chars)


KINDS: dict[str, Callable[[random.Random, Path], None]] = {
    "random_bytes": _random_bytes,
    "truncated_utf8": _truncated_utf8,
    "encodings": _encodings,
    "huge": _huge,
    "html": _html,
    "feeds": _feeds,
    "jsonl": _jsonl,
    "warc": _warc,
    "text": _text,
    "byte_flips": _byte_flips,
}


def write_corpus(folder: Path, seed: int = 0) -> list[Path]:
    """Write every kind of hostile file into `folder` (created if needed); the sorted paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    for number, make in enumerate(KINDS.values()):
        make(random.Random(seed * 1_000 + number), folder)
    return sorted(path for path in folder.iterdir() if path.is_file())
