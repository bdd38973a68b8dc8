"""Sources: every input kind becomes `SourceRecord`s, and every bad input one `InputError` in the stream."""

from __future__ import annotations

import gzip
import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from communique.errors import InputError
from communique.sources import SourceRecord, iter_records

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
SENTENCE = "Sveriges utrikesminister träffade sin norska kollega i Oslo för samtal om Nato och Östersjön. "


def records(spec, **kwargs) -> list[SourceRecord | InputError]:
    return list(iter_records(str(spec), **kwargs))


def only_records(items) -> list[SourceRecord]:
    return [item for item in items if isinstance(item, SourceRecord)]


def only_errors(items) -> list[InputError]:
    return [item for item in items if isinstance(item, InputError)]


# --- text -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["notis.txt", "notis.md", "notis"], ids=["txt", "md", "no-suffix"])
def test_text_file_is_one_article(tmp_path, name):
    path = tmp_path / name
    path.write_text("Billström till Kiev\n\nUtrikesministern besökte Kiev på måndagen.\n", encoding="utf-8")
    (record,) = records(path)
    assert record == SourceRecord(
        text="Billström till Kiev\n\nUtrikesministern besökte Kiev på måndagen.\n",
        origin=str(path),
        path=str(path),
    )


def test_legacy_windows_1252_text_is_decoded(tmp_path):
    path = tmp_path / "gammal.txt"
    path.write_bytes("Sverige och Åland undertecknade avtalet.".encode("cp1252"))
    (record,) = records(path)
    assert record.text == "Sverige och Åland undertecknade avtalet."


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("tom.txt", b"", "file is empty"),
        ("blanksteg.txt", b" \n\t\n", "file is empty"),
        ("bild.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "looks binary"),
        ("data.bin", bytes(range(256)) * 4, "looks binary"),
    ],
    ids=["empty", "blank", "png", "bin"],
)
def test_empty_or_binary_file_named_on_the_command_line_is_an_error(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    (error,) = records(path)
    assert isinstance(error, InputError)
    assert error.path == str(path) and reason in error.reason


def test_file_over_max_bytes_is_an_error(tmp_path):
    path = tmp_path / "lang.txt"
    path.write_text(SENTENCE * 10, encoding="utf-8")
    (error,) = records(path, max_bytes=100)
    assert isinstance(error, InputError) and "100-byte limit" in error.reason


def test_missing_path_is_an_error(tmp_path):
    (error,) = records(tmp_path / "finns-inte.txt")
    assert isinstance(error, InputError) and "no such file" in error.reason


# --- JSONL ----------------------------------------------------------------------------------------

JSONL_LINES = [
    json.dumps({"text": "Sverige erkänner Palestina.", "url": "https://example.se/1", "title": "Erkännande"}),
    "{not json",
    json.dumps({"title": "Utan text"}),
    "",
    json.dumps({"text": 42}),
    json.dumps({"text": "Finland och Sverige.", "published": "2024-02-30"}),
    json.dumps(["en", "lista"]),
    json.dumps({"text": "Norge kallar upp ambassadören.", "published": "2024-05-03T00:30:00+02:00", "x": 1}),
    json.dumps({"text": "   "}),
    json.dumps({"text": "Danmark.", "url": 7}),
    json.dumps({"text": "Estland.", "published": "2024-05-04", "title": None}),
]


def test_jsonl_yields_good_lines_and_one_error_per_bad_line(tmp_path):
    path = tmp_path / "artiklar.jsonl"
    path.write_text("\n".join(JSONL_LINES) + "\n", encoding="utf-8")
    items = records(path)
    assert [item.origin if isinstance(item, SourceRecord) else item.path for item in items] == [
        f"{path}:{line}" for line in (1, 2, 3, 5, 6, 7, 8, 9, 10, 11)
    ]
    good = only_records(items)
    assert [(r.text, r.url, r.title, r.published) for r in good] == [
        ("Sverige erkänner Palestina.", "https://example.se/1", "Erkännande", None),
        ("Norge kallar upp ambassadören.", None, None, date(2024, 5, 3)),
        ("Estland.", None, None, date(2024, 5, 4)),
    ]
    assert all(r.path == str(path) for r in good)
    reasons = {error.path.rsplit(":", 1)[1]: error.reason for error in only_errors(items)}
    assert "not valid JSON" in reasons["2"]
    assert reasons["3"] == "'text' is missing"
    assert reasons["5"] == "'text' must be a string, not a number"
    assert "'published' is not an ISO date" in reasons["6"]
    assert reasons["7"] == "expected a JSON object, got an array"
    assert reasons["9"] == "'text' is empty"
    assert reasons["10"] == "'url' must be a string, not a number"
    assert str(only_errors(items)[0]).startswith(f"{path}:2: ")


def test_jsonl_line_over_max_bytes_is_skipped_with_an_error(tmp_path):
    path = tmp_path / "stor.jsonl"
    lines = [
        json.dumps({"text": "kort"}),
        json.dumps({"text": SENTENCE * 50}),
        json.dumps({"text": "också kort"}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    items = records(path, max_bytes=200)
    assert [type(item).__name__ for item in items] == ["SourceRecord", "InputError", "SourceRecord"]
    assert items[1].path == f"{path}:2" and "200-byte limit" in items[1].reason
    assert items[2].text == "också kort"


def test_jsonl_nested_too_deeply_is_one_error(tmp_path):
    path = tmp_path / "djup.jsonl"
    path.write_text("[" * 100_000 + "\n" + json.dumps({"text": "Kvar."}) + "\n", encoding="utf-8")
    error, record = records(path, max_bytes=1_000_000)
    assert isinstance(error, InputError) and error.path == f"{path}:1"
    assert record.text == "Kvar."


def test_empty_jsonl_file_is_an_error(tmp_path):
    path = tmp_path / "tom.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    (error,) = records(path)
    assert isinstance(error, InputError) and error.reason == "file is empty"


# --- HTML -----------------------------------------------------------------------------------------


def test_html_page_loses_boilerplate_and_keeps_metadata():
    path = FIXTURES / "article.html"
    (record,) = records(path)
    assert isinstance(record, SourceRecord)
    assert "för samtal med sin finländska kollega" in record.text
    assert "relationen som nära" in record.text
    for furniture in ("kakor", "Inrikes", "Sport", "Alla rättigheter", "Kontakta redaktionen"):
        assert furniture not in record.text
    assert record.title == "Utrikesministern reser till Helsingfors"
    assert record.published == date(2024, 3, 12)
    assert record.url == "https://exempelbladet.example/utrikes/helsingfors-besok"
    assert record.origin == record.path == str(path)


BROKEN_PAGES = {
    "unclosed": "<html><body><div><p>Sverige och Norge <b>tecknade <i>ett avtal<div><table><tr><td>om",
    "deep-divs": "<html><body>" + "<div>" * 5000 + "<p>" + SENTENCE * 3 + "</p>",
    "garbage": "<<<>>><!-- <![CDATA[ </html> <html <body",
    "no-body": "<html><head><title>Bara titel</title></head></html>",
    "control": "<html><body><p>\x01\x02\x03 ok</p></body></html>",
}


@pytest.mark.parametrize("markup", BROKEN_PAGES.values(), ids=BROKEN_PAGES.keys())
def test_broken_html_never_raises(tmp_path, markup):
    path = tmp_path / "trasig.html"
    path.write_text(markup, encoding="utf-8")
    (item,) = records(path)
    assert isinstance(item, SourceRecord | InputError)
    if isinstance(item, InputError):
        assert item.path == str(path)


def test_html_without_html_suffix_is_sniffed(tmp_path):
    path = tmp_path / "sida"
    path.write_bytes(b"\xef\xbb\xbf<!-- sparad -->\n" + (FIXTURES / "article.html").read_bytes())
    (record,) = records(path)
    assert record.title == "Utrikesministern reser till Helsingfors" and "kakor" not in record.text


def test_html_without_article_text_is_an_error(tmp_path):
    path = tmp_path / "tom.html"
    path.write_text("<html><head><title>Start</title></head><body><script>var meny = 1;</script></body></html>")
    (error,) = records(path)
    assert isinstance(error, InputError) and error.reason == "no article text found"


# --- feeds ----------------------------------------------------------------------------------------


def test_rss_feed_yields_one_record_per_item():
    path = FIXTURES / "feed.rss"
    first, second = records(path)
    assert first.origin == f"{path}#1" and second.origin == f"{path}#2"
    assert first.text.split("\n") == [
        "Sverige och Norge undertecknade på onsdagen ett avtal om civil beredskap.",
        "Avtalet gäller i fem år.",
    ]
    assert first.title == "Sverige och Norge tecknar avtal om beredskap"
    assert first.url == "https://exempelbladet.example/utrikes/avtal-beredskap"
    # The publisher's own calendar day, not the UTC day feedparser would give (2 May).
    assert first.published == date(2024, 5, 1)
    assert second.published == date(2024, 5, 2)
    assert second.text.startswith("Danmarks utrikesminister kallade upp")


def test_atom_feed_yields_one_record_per_entry():
    path = FIXTURES / "feed.atom"
    first, second = records(path)
    assert first.text == (
        "Finlands president tog emot Estlands premiärminister i Helsingfors för samtal om energisamarbete."
    )
    assert (first.title, first.url, first.published) == (
        "Finland och Estland håller samtal",
        "https://exempelbladet.example/utrikes/finland-estland",
        date(2024, 5, 3),
    )
    assert second.text == "De nordiska utrikesministrarna samlas i Reykjavik för sitt årliga möte."
    assert second.published == date(2024, 5, 5)  # no <published>: <updated> stands in
    assert second.path == str(path)


def test_feed_with_xml_errors_still_yields_its_entries(tmp_path):
    path = tmp_path / "trasig.rss"
    whole = (FIXTURES / "feed.rss").read_text(encoding="utf-8")
    path.write_text(whole[: whole.index("</item>", whole.index("</item>") + 1) + 7], encoding="utf-8")
    items = records(path)
    assert [r.title for r in only_records(items)] == [
        "Sverige och Norge tecknar avtal om beredskap",
        "Danmark kallar upp ambassadör",
    ]


def test_feed_entry_without_text_is_an_error(tmp_path):
    path = tmp_path / "rubriker.rss"
    path.write_text(
        '<rss version="2.0"><channel><title>T</title><item><title>Bara rubrik</title>'
        "<link>https://example.se/r</link></item></channel></rss>",
        encoding="utf-8",
    )
    (error,) = records(path)
    assert isinstance(error, InputError) and error.path == f"{path}#1"


@pytest.mark.parametrize(
    "content",
    ["det här är inget flöde", "<?xml version='1.0'?><root><a/></root>", "<rss><channel><title>Utrikes"],
    ids=["prose", "other-xml", "cut-before-entries"],
)
def test_unparsable_feed_is_one_error(tmp_path, content):
    path = tmp_path / "flode.xml"
    path.write_text(content, encoding="utf-8")
    (error,) = records(path)
    assert isinstance(error, InputError) and error.path == str(path)


def test_feed_without_feed_suffix_is_sniffed(tmp_path):
    path = tmp_path / "flode.dat"
    path.write_bytes((FIXTURES / "feed.atom").read_bytes())
    assert [r.origin for r in records(path)] == [f"{path}#1", f"{path}#2"]


# --- WARC -----------------------------------------------------------------------------------------


def page(number: int) -> bytes:
    return (
        f"<html><head><title>Sida {number}</title></head><body><nav>Meny Start Sport</nav>"
        f"<article><h1>Sida {number}</h1><p>{SENTENCE * 4}</p><p>Nummer {number}.</p></article>"
        "</body></html>"
    ).encode()


def write_warc(path: Path, pages: list[bytes], extra: bool = True) -> Path:
    """A warcinfo record, then per page a request and a response; with `extra`, non-page records too."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=path.suffix == ".gz")
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "communique-tests"}))
        for number, body in enumerate(pages, 1):
            url = f"https://exempelbladet.example/sida/{number}"
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            )
            if extra and number == 1:
                image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
                writer.write_record(
                    writer.create_warc_record(
                        url + ".png", "response", payload=io.BytesIO(b"\x89PNG"), http_headers=image
                    )
                )
                moved = StatusAndHeaders("301 Moved", [("Content-Type", "text/html")], protocol="HTTP/1.1")
                writer.write_record(
                    writer.create_warc_record(
                        url + "/gammal", "response", payload=io.BytesIO(page(9)), http_headers=moved
                    )
                )
    return path


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_yields_one_record_per_html_response(tmp_path, name):
    path = write_warc(tmp_path / name, [page(1), page(2), page(3)])
    items = records(path)
    assert all(isinstance(item, SourceRecord) for item in items)
    # warcinfo is #1; the png (#3) and the redirect (#4) are not pages.
    assert [r.origin for r in items] == [f"{path}#2", f"{path}#5", f"{path}#6"]
    assert [r.url for r in items] == [f"https://exempelbladet.example/sida/{n}" for n in (1, 2, 3)]
    assert [r.title for r in items] == ["Sida 1", "Sida 2", "Sida 3"]
    assert all("Meny" not in r.text and "Nato och Östersjön" in r.text for r in items)


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
@pytest.mark.parametrize("fraction", [0.45, 0.6, 0.75, 0.9, 0.99])
def test_truncated_warc_yields_records_before_the_cut_and_one_error(tmp_path, name, fraction):
    whole = write_warc(tmp_path / name, [page(1), page(2), page(3)], extra=False).read_bytes()
    cut = tmp_path / f"cut-{name}"
    cut.write_bytes(whole[: int(len(whole) * fraction)])
    items = records(cut)
    *good, error = items
    assert all(isinstance(item, SourceRecord) for item in good) and len(good) < 3
    assert [r.title for r in good] == [f"Sida {n}" for n in range(1, len(good) + 1)]
    assert isinstance(error, InputError) and error.path == str(cut)
    assert "truncated or corrupt at byte offset" in error.reason


def test_corrupt_warc_is_one_error(tmp_path):
    path = tmp_path / "skrap.warc.gz"
    path.write_bytes(gzip.compress(b"inget arkiv " * 100))
    (error,) = records(path)
    assert isinstance(error, InputError) and "byte offset 0 (not a WARC record)" in error.reason


def test_garbage_after_the_last_record_is_one_error(tmp_path):
    path = write_warc(tmp_path / "crawl.warc", [page(1), page(2)], extra=False)
    size = path.stat().st_size
    path.write_bytes(path.read_bytes() + b"skrap" * 50)
    *good, error = records(path)
    assert [r.title for r in good] == ["Sida 1", "Sida 2"]
    assert f"byte offset {size} " in error.reason


def test_empty_warc_is_an_error(tmp_path):
    path = tmp_path / "tom.warc"
    path.write_bytes(b"")
    (error,) = records(path)
    assert isinstance(error, InputError) and error.reason == "file is empty"


def test_warc_payload_over_max_bytes_is_skipped_with_an_error(tmp_path):
    bomb = b"<html><body><p>" + b"a" * 2_000_000 + b"</p></body></html>"
    path = write_warc(tmp_path / "bomb.warc.gz", [page(1), bomb, page(3)], extra=False)
    assert path.stat().st_size < 20_000  # small on disk, large when inflated
    first, error, third = records(path, max_bytes=100_000)
    assert first.title == "Sida 1" and third.title == "Sida 3"
    assert isinstance(error, InputError) and error.path == f"{path}#3" and "100,000-byte limit" in error.reason


# --- stdin ----------------------------------------------------------------------------------------


def test_stdin_jsonl(monkeypatch):
    lines = ["", json.dumps({"text": "Sverige och Finland."}), "{trasig", json.dumps({"text": "Norge."})]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("\n".join(lines).encode()), encoding="utf-8"))
    first, error, second = records("-")
    assert (first.text, first.origin, first.path) == ("Sverige och Finland.", "<stdin>:2", None)
    assert isinstance(error, InputError) and error.path == "<stdin>:3"
    assert second.origin == "<stdin>:4"


def test_stdin_text(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n  Utrikesministern reste till Oslo.\n{inte json}\n"))
    (record,) = records("-")
    assert record == SourceRecord(text="\n  Utrikesministern reste till Oslo.\n{inte json}\n", origin="<stdin>")


@pytest.mark.parametrize(
    ("data", "reason"), [("", "file is empty"), (SENTENCE * 5, "byte limit")], ids=["empty", "big"]
)
def test_stdin_errors(monkeypatch, data, reason):
    monkeypatch.setattr(sys, "stdin", io.StringIO(data))
    (error,) = records("-", max_bytes=100)
    assert isinstance(error, InputError) and error.path is None and reason in error.reason


# --- directories ----------------------------------------------------------------------------------


def test_directory_mixes_all_kinds_in_sorted_order(tmp_path):
    root = tmp_path / "korpus"
    (root / "b" / "c").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "a.txt").write_text("Sverige och Norge tecknade ett avtal.", encoding="utf-8")
    (root / "b" / "artiklar.jsonl").write_text(json.dumps({"text": "Finland."}) + "\n{trasig\n", encoding="utf-8")
    (root / "b" / "c" / "sida.html").write_bytes((FIXTURES / "article.html").read_bytes())
    (root / "b" / "flode.rss").write_bytes((FIXTURES / "feed.rss").read_bytes())
    write_warc(root / "b" / "crawl.warc.gz", [page(1)], extra=False)
    (root / "b" / "tom.txt").write_text("")
    (root / "d.log").write_text("Danmark kallade upp ambassadören.", encoding="utf-8")  # unknown suffix, text
    (root / "e.bin").write_bytes(bytes(range(256)) * 8)  # unknown suffix, binary: skipped
    (root / "f.atom").write_bytes((FIXTURES / "feed.atom").read_bytes())
    (root / ".dold.txt").write_text("Gömd.", encoding="utf-8")
    (root / ".git" / "HEAD.txt").write_text("Gömd.", encoding="utf-8")
    items = records(root)
    names = [item.origin if isinstance(item, SourceRecord) else item.path for item in items]
    assert names == [
        f"{root}/a.txt",
        f"{root}/b/artiklar.jsonl:1",
        f"{root}/b/artiklar.jsonl:2",
        f"{root}/b/c/sida.html",
        f"{root}/b/crawl.warc.gz#2",
        f"{root}/b/flode.rss#1",
        f"{root}/b/flode.rss#2",
        f"{root}/b/tom.txt",
        f"{root}/d.log",
        f"{root}/f.atom#1",
        f"{root}/f.atom#2",
    ]
    assert [type(item).__name__ for item in items].count("InputError") == 2  # the bad line, the empty file
    assert names == [item.origin if isinstance(item, SourceRecord) else item.path for item in records(root)], (
        "the order is stable"
    )


def test_parquet_rows_are_articles_and_bad_rows_are_named(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    table = pa.table(
        {
            "text": ["Sveriges statsminister besökte Helsingfors.", "", "Norway's prime minister visited Hanoi."],
            "url": ["https://example.se/a", None, "https://example.no/c"],
            "title": ["A", "B", None],
            "published": [date(2025, 3, 4), None, date(2025, 5, 6)],
        }
    )
    path = tmp_path / "shard-0001.parquet"
    pq.write_table(table, path)
    out = list(iter_records(str(tmp_path)))
    good = [r for r in out if isinstance(r, SourceRecord)]
    bad = [r for r in out if isinstance(r, InputError)]
    assert [r.origin for r in good] == [f"{path}#1", f"{path}#3"]
    assert good[0].url == "https://example.se/a" and good[0].title == "A" and good[0].published == date(2025, 3, 4)
    assert len(bad) == 1 and str(bad[0]).startswith(f"{path}#2:") and "empty" in str(bad[0])


def test_parquet_without_text_or_not_parquet_is_one_error(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    pq.write_table(pa.table({"body": ["x"]}), tmp_path / "no_text.parquet")
    (tmp_path / "broken.parquet").write_bytes(b"PAR1 not really")
    errors = {str(e) for e in iter_records(str(tmp_path))}
    assert any("no_text.parquet" in e and "no 'text' column" in e for e in errors)
    assert any("broken.parquet" in e and "not a readable Parquet file" in e for e in errors)
    assert len(errors) == 2
