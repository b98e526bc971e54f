"""Decoding of the encodings Arabic text arrives in, and refusal of what is not text."""

from __future__ import annotations

import codecs

import pytest

from summarize.errors import InputError
from summarize.sources.html import looks_like_html
from summarize.sources.inputs import decode_bytes, read_jsonl, to_source

TEXT = "قال الوزير إن الاقتصاد نما بنسبة 3.5 في المئة، وهو أعلى معدل منذ عام 2010.\nسطر ثان."


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with BOM, native order
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        TEXT.encode("cp1256"),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16-be", "utf16-le", "cp1256"],
)
def test_decodes_arabic_encodings(data: bytes) -> None:
    assert decode_bytes(data) == TEXT


def test_english_utf8() -> None:
    assert decode_bytes(b"Plain English news.") == "Plain English news."


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)),
        b"\x89PNG\r\n\x1a\n" + bytes(200),
        b"PK\x03\x04" + bytes(range(1, 30)) * 10,
        bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 40 + b"\x01\x02\x03" * 20,
    ],
    ids=["all-bytes", "png", "zip", "controls"],
)
def test_refuses_binary(data: bytes) -> None:
    with pytest.raises(InputError, match="not"):
        decode_bytes(data, "x.bin")


def test_bad_utf16_is_an_input_error() -> None:
    with pytest.raises(InputError, match="UTF-16"):
        decode_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8", "x.txt")


def test_html_is_detected() -> None:
    assert looks_like_html("<!DOCTYPE html><html><body><p>x</p></body></html>")
    assert not looks_like_html(TEXT)


def test_html_source_carries_title_and_body() -> None:
    page = (
        "<html><head><title>عنوان الصفحة</title></head><body>"
        "<script>var x = 1;</script><article><h1>عنوان الخبر</h1>"
        "<p>الفقرة الأولى من الخبر.</p><p>الفقرة الثانية.</p></article></body></html>"
    )
    source = to_source(page, "page.html")
    assert "الفقرة الأولى من الخبر." in source.text
    assert "var x" not in source.text
    assert source.title


def test_read_jsonl_reports_each_bad_line_and_keeps_line_separators_in_strings() -> None:
    lines = [
        codecs.BOM_UTF8 + b'{"id": 1}\n',
        b"\n",
        b'{"id": \n',
        b"[1, 2]\n",
        '{"text": "a\u2028b"}\n'.encode(),
        b"\xff\xfe{}\n",
    ]
    got = list(read_jsonl(lines))
    assert [number for number, _ in got] == [1, 3, 4, 5, 6]
    assert got[0][1] == {"id": 1}
    assert isinstance(got[1][1], str) and got[1][1].startswith("invalid JSON (")
    assert got[2][1] == "not a JSON object"
    assert got[3][1] == {"text": "a\u2028b"}
    assert isinstance(got[4][1], str) and got[4][1].startswith("invalid JSON (")
