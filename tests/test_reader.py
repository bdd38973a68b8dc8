"""Reading articles: encodings, refusals with a one-line reason, site trailers, title, date and id."""

from __future__ import annotations

import codecs
import random
from datetime import date

import pytest

from communique import reader
from communique.errors import CommuniqueError, InputError

ARTICLE = (
    "Sverige och Vietnam stärker samarbetet\n"
    "Åtta ministrar möttes i Göteborg för att diskutera handel, miljö och överföring av kunskap.\n"
    "Mötet avslutades med en gemensam förklaring om ökat utbyte.\n"
)
# Windows-1252 has the en dash and the euro sign, Latin-1 has neither.
ARTICLE_CP1252 = ARTICLE + "Kostnaden – 5 miljoner € – delas lika mellan länderna.\n"


def _random_bytes(seed: int, size: int = 3000, keep=lambda b: b != 0) -> bytes:
    return bytes(b for b in random.Random(seed).randbytes(size) if keep(b))


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(ARTICLE.encode("utf-8"), ARTICLE, id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), ARTICLE, id="utf-8-bom"),
        pytest.param(codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"), ARTICLE, id="utf-16-le-bom"),
        pytest.param(codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), ARTICLE, id="utf-16-be-bom"),
        pytest.param(ARTICLE.encode("latin-1"), ARTICLE, id="latin-1"),
        pytest.param(ARTICLE_CP1252.encode("cp1252"), ARTICLE_CP1252, id="cp1252"),
        pytest.param(ARTICLE.replace("\n", "\r\n").encode("utf-8"), ARTICLE, id="utf-8-crlf"),
        pytest.param(
            codecs.BOM_UTF16_LE + ARTICLE.replace("\n", "\r\n").encode("utf-16-le"),
            ARTICLE,
            id="utf-16-le-crlf",
        ),
    ],
)
def test_decodes_swedish_text(data, expected):
    doc = reader.from_bytes(data, "artikel.txt")
    assert doc.text == expected.strip()
    assert "Åtta" in doc.text and "miljö" in doc.text and "överföring" in doc.text
    assert "\ufeff" not in doc.text and "\r" not in doc.text
    assert doc.path == "artikel.txt"


def test_same_clean_text_gives_the_same_id_whatever_the_encoding():
    encodings = [
        ARTICLE.encode("utf-8"),
        codecs.BOM_UTF8 + ARTICLE.encode("utf-8"),
        codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"),
        ARTICLE.encode("latin-1"),
        ARTICLE.replace("\n", "\r\n").encode("utf-8"),
    ]
    ids = {reader.from_bytes(data, None).id for data in encodings}
    assert len(ids) == 1


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        pytest.param(b"", "empty", id="empty"),
        pytest.param(b"  \n\t \r\n  ", "empty", id="whitespace-only"),
        pytest.param(codecs.BOM_UTF8 + b" \n ", "no article text", id="bom-and-whitespace"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary", id="png-header"),
        pytest.param(b"Text med\x00nollbyte i mitten", "binary", id="nul-bytes"),
        pytest.param(_random_bytes(1), "neither UTF-8 nor", id="random-bytes"),
        # no byte that Windows-1252 leaves undefined: decodes, but is full of control characters
        pytest.param(
            _random_bytes(2, keep=lambda b: b and b not in b"\x81\x8d\x8f\x90\x9d"),
            "binary",
            id="random-bytes-cp1252-decodable",
        ),
        pytest.param(codecs.BOM_UTF8 + b"\xff\xfe trasig", "byte-order mark", id="utf-8-bom-invalid"),
        pytest.param(
            b"\nK\xc3\xa4lla: https://example.se/artikel\nKommentar (0)\n",
            "no article text",
            id="trailer-only",
        ),
    ],
)
def test_refuses_what_is_not_an_article(data, reason):
    with pytest.raises(InputError) as caught:
        reader.from_bytes(data, "inkorg/artikel.txt")
    message = str(caught.value)
    assert message.startswith("inkorg/artikel.txt: ")
    assert reason in message
    assert "\n" not in message
    assert caught.value.path == "inkorg/artikel.txt"


def test_stdin_errors_name_stdin():
    with pytest.raises(InputError, match=r"^<stdin>: file is empty$"):
        reader.from_bytes(b"", None)


def test_input_error_is_a_communique_error():
    assert issubclass(InputError, CommuniqueError)


def test_over_max_bytes_is_refused_before_decoding():
    data = ARTICLE.encode("utf-8")
    with pytest.raises(InputError, match="over the 100-byte limit") as caught:
        reader.from_bytes(data, "stor.txt", max_bytes=100)
    assert str(caught.value).startswith("stor.txt: ")
    assert reader.from_bytes(data, "stor.txt", max_bytes=len(data)).text == ARTICLE.strip()


BAD_FILES = [
    pytest.param(b"", "empty", id="empty"),
    pytest.param(b"   \n\n  ", "empty", id="whitespace-only"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary", id="png"),
    pytest.param(_random_bytes(3), "neither UTF-8 nor", id="random-bytes"),
]


@pytest.mark.parametrize(("data", "reason"), BAD_FILES)
def test_read_path_names_the_bad_file(tmp_path, data, reason):
    path = tmp_path / "dålig.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        reader.read_path(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and reason in message and "\n" not in message


def test_read_path_refuses_a_file_over_max_bytes(tmp_path):
    path = tmp_path / "stor.txt"
    path.write_bytes(ARTICLE.encode("utf-8") * 10)
    with pytest.raises(InputError, match="over the 200-byte limit") as caught:
        reader.read_path(path, max_bytes=200)
    assert str(caught.value).startswith(f"{path}: ")


@pytest.mark.parametrize("name", ["saknas.txt", "mapp"], ids=["missing-file", "directory"])
def test_read_path_reports_unreadable_paths(tmp_path, name):
    (tmp_path / "mapp").mkdir()
    path = tmp_path / name
    with pytest.raises(InputError, match="cannot read file") as caught:
        reader.read_path(path)
    assert str(caught.value).startswith(f"{path}: ") and "\n" not in str(caught.value)


def test_read_path_reads_a_good_file(tmp_path):
    path = tmp_path / "bra.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"))
    doc = reader.read_path(path)
    assert doc.text == ARTICLE.strip() and doc.path == str(path)


# --- trailers ---------------------------------------------------------------------------------------

BODY = "Ministern besökte Hanoi.\nHon träffade sin kollega och talade om handel."


@pytest.mark.parametrize(
    ("raw", "url"),
    [
        pytest.param(BODY + "\nKälla: https://example.se/a?id=1", "https://example.se/a?id=1", id="kalla"),
        pytest.param(
            BODY + "\n\nKälla: https://example.se/a\nKommentar (0)",
            "https://example.se/a",
            id="kalla-then-comments",
        ),
        pytest.param(
            BODY + "\nKälla: https://example.se/a\n\n\n\n\nKommentar (0)\n\n",
            "https://example.se/a",
            id="blank-lines-between",
        ),
        pytest.param(
            BODY + "\r\nKälla:https://example.se/a\r\nKommentar (12)\r\n",
            "https://example.se/a",
            id="crlf-no-space",
        ),
        pytest.param(BODY + "\nSource: https://example.com/news/1", "https://example.com/news/1", id="english"),
        pytest.param(BODY + "\nKommentar (0)", None, id="comments-only"),
        pytest.param(BODY, None, id="none"),
    ],
)
def test_trailer_is_removed_and_read(raw, url):
    doc = reader.from_text(raw)
    assert doc.source_url == url
    assert doc.text == BODY
    assert "Källa" not in doc.text and "Kommentar" not in doc.text


def test_source_line_inside_the_article_is_text():
    raw = "Källa: https://example.se/a\n" + BODY
    doc = reader.from_text(raw)
    assert doc.source_url is None
    assert doc.text == raw


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param("Rubrik\r\nFörsta stycket.\r\n\r\nAndra stycket.", id="crlf"),
        pytest.param("Rubrik\rFörsta stycket.\r\rAndra stycket.", id="cr"),
        pytest.param("Rubrik\nFörsta stycket.\n\n\n\n\nAndra stycket.", id="many-blank-lines"),
        pytest.param("Rubrik   \nFörsta stycket.  \n\nAndra stycket.\t", id="trailing-spaces"),
        pytest.param("\ufeffRubrik\nFörsta stycket.\n\nAndra stycket.", id="bom-char"),
    ],
)
def test_line_endings_and_blank_lines_are_normalised(raw):
    doc = reader.from_text(raw)
    assert doc.text == "Rubrik\nFörsta stycket.\n\nAndra stycket."


def test_text_is_nfc_normalised():
    decomposed = "Tha\u0308n besökte Go\u0308teborg."  # ä and ö as base letter + combining diaeresis
    assert reader.from_text(decomposed).text == "Thän besökte Göteborg."


# --- ids, titles, publication dates -------------------------------------------------------------------


def test_id_is_stable_for_the_same_clean_text():
    first = reader.from_text(BODY + "\nKälla: https://example.se/a")
    again = reader.from_text(BODY.replace("\n", "\r\n") + "\r\nKommentar (3)\r\n")
    other = reader.from_text(BODY + " Sedan reste hon hem.")
    assert first.id == again.id == reader.document_id(BODY)
    assert other.id != first.id
    assert len(first.id) >= 8


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        pytest.param(
            "Vietnam och Laos stärker banden\nLedarna möttes i Vientiane.",
            "Vietnam och Laos stärker banden",
            id="short-first-line",
        ),
        pytest.param("Ledarna möttes i Vientiane.\nDe talade om handel.", None, id="first-line-is-a-sentence"),
        pytest.param("Ledarna möttes i Vientiane och talade om handel", None, id="single-line"),
        pytest.param("Så här gick det till:\nLedarna möttes.", None, id="ends-with-colon"),
        pytest.param("Ledarna " * 30 + "\nDe talade om handel.", None, id="too-long"),
        pytest.param("Publicerad 2025-03-04\nLedarna möttes i Vientiane.", None, id="publication-line"),
    ],
)
def test_title(raw, title):
    assert reader.from_text(raw).title == title


@pytest.mark.parametrize(
    ("raw", "published"),
    [
        pytest.param("Rubrik\nPublicerad 2025-03-04\nLedarna möttes.", date(2025, 3, 4), id="publicerad"),
        pytest.param("Rubrik\nPublicerad: 2025-03-04 kl. 10.32\nLedarna möttes.", date(2025, 3, 4), id="colon-time"),
        pytest.param("Publicerad 2025-03-04\nLedarna möttes.", date(2025, 3, 4), id="first-line"),
        pytest.param("Rubrik\nUppdaterad 2025-03-05\nLedarna möttes.", date(2025, 3, 5), id="uppdaterad"),
        pytest.param("Rubrik\nPublicerad 2025-13-45\nLedarna möttes.", None, id="impossible-date"),
        pytest.param("Rubrik\nLedarna möttes.", None, id="none"),
        pytest.param("Rubrik\n" + "Stycke.\n" * 8 + "Publicerad 2025-03-04", None, id="too-far-down"),
    ],
)
def test_publication_line(raw, published):
    assert reader.from_text(raw).published == published


def test_title_and_publication_together():
    doc = reader.from_text("Statsbesök i Laos\nPublicerad 2025-12-02\nLedarna möttes i Vientiane.")
    assert doc.title == "Statsbesök i Laos"
    assert doc.published == date(2025, 12, 2)
    assert doc.text.startswith("Statsbesök i Laos\n")  # the title stays in the text offsets point into
