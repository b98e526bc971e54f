"""Hostile batch input: every line gives one line of valid JSON, and the run goes on."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from summarize.batch.safejson import encode_line
from tests.batch.helpers import article, parse_lines
from tests.cli.helpers import run_cli

Capsys = pytest.CaptureFixture[str]
Patch = pytest.MonkeyPatch


def _reject(constant: str) -> Any:
    raise ValueError(f"not RFC 8259 JSON: {constant}")


def strict_records(out: bytes) -> list[dict[str, Any]]:
    """Each line of ``out`` as RFC 8259 JSON: UTF-8, no NaN or Infinity, no lone surrogate."""
    assert out == b"" or out.endswith(b"\n")
    records = []
    # Every reader sees the same lines: U+0085, U+2028 and U+2029 (line ends for
    # str.splitlines) are written escaped.
    assert out.split(b"\n")[:-1] == [s.encode() for s in out.decode("utf-8").splitlines()]
    for line in out.split(b"\n")[:-1]:
        record = json.loads(line.decode("utf-8"), parse_constant=_reject)
        assert isinstance(record, dict) and "id" in record
        json.dumps(record, allow_nan=False).encode("utf-8")
        records.append(record)
    return records


def _batch(
    capsys: Capsys, monkeypatch: Patch, lines: list[str]
) -> tuple[int, list[dict[str, Any]]]:
    stdin = "".join(line + "\n" for line in lines).encode("utf-8", "surrogatepass")
    argv = ["batch", "-", "--input-format", "jsonl", "-e", "extractive", "-q"]
    res = run_cli(capsys, monkeypatch, argv, stdin=stdin)
    assert "Traceback" not in res.err and "internal error" not in res.err, res.err
    return res.code, strict_records(res.out.encode("utf-8"))


def test_deep_nesting_and_lone_surrogates_fail_one_record_not_the_run(
    capsys: Capsys, monkeypatch: Patch
) -> None:
    good = json.dumps({"id": "good", "text": article(1)}, ensure_ascii=False)
    lines = [
        json.dumps({"id": "deep", "text": "x", "nested": []})[:-1].replace("[]", "[" * 100_000)
        + "]" * 100_000
        + "}",
        json.dumps({"id": "lone\ud800", "text": article(2) + " \ud800"}),
        good,
    ]
    code, records = _batch(capsys, monkeypatch, lines)
    assert code == 1
    assert [r["id"] for r in records] == ["line-1", "lone\ufffd", "good"]
    assert records[0]["error"] == "line 1: invalid JSON (nested too deeply)"
    # The lone surrogate is read as U+FFFD, as undecodable bytes are: the record is summarised.
    assert "summary" in records[1] and "summary" in records[2]


def test_non_finite_numbers_are_written_as_null(capsys: Capsys, monkeypatch: Patch) -> None:
    line = '{"id": "n", "text": "%s", "score": NaN, "big": 1e999, "low": -Infinity, "ok": 1.5}'
    code, [record] = _batch(capsys, monkeypatch, [line % article(3)])
    assert code == 0
    assert (record["score"], record["big"], record["low"], record["ok"]) == (None, None, None, 1.5)


def test_unicode_line_separators_are_escaped(capsys: Capsys, monkeypatch: Patch) -> None:
    seps = "a\x85b\u2028c\u2029d"
    line = json.dumps({"id": seps, "text": article(1), "note": seps}, ensure_ascii=False)
    code, records = _batch(capsys, monkeypatch, [line])
    assert code == 0 and records[0]["id"] == seps and records[0]["note"] == seps


def test_ids_must_be_strings_or_numbers(capsys: Capsys, monkeypatch: Patch) -> None:
    lines = [
        json.dumps({"id": {"a": 1}, "text": article(1)}),
        json.dumps({"id": True, "text": article(1)}),
        json.dumps({"id": None, "text": article(1)}),
        '{"id": NaN, "text": "x"}',
    ]
    code, records = _batch(capsys, monkeypatch, lines)
    assert code == 1
    assert [(r["id"], r.get("error")) for r in records] == [
        ("line-1", "line 1: 'id' must be a string or a number, not an object"),
        ("line-2", "line 2: 'id' must be a string or a number, not true or false"),
        ("line-3", None),
        ("line-4", "line 4: 'id' must be a string or a number, not NaN or infinite"),
    ]


def test_a_record_that_cannot_be_written_becomes_an_error_line() -> None:
    deep: list[Any] = []
    for _ in range(100_000):
        deep = [deep]
    line = encode_line({"id": "x", "summary": "s", "extra": deep})
    assert json.loads(line) == {
        "id": "x",
        "error": "cannot write this record as JSON: it is nested too deeply",
    }
    assert json.loads(encode_line({"id": 1, "x": float("nan"), "y": ["\udcff"]})) == {
        "id": 1,
        "x": None,
        "y": ["\ufffd"],
    }


def test_html_in_a_text_field_is_read_as_the_same_file_would_be(
    capsys: Capsys, monkeypatch: Patch, tmp_path: Path
) -> None:
    body = "".join(f"<p>{article(i, 2)}</p>" for i in range(4))
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>الموقع</title>"
        "<meta property='og:title' content='عنوان الخبر اليوم'></head><body>"
        f"<nav><a>الرئيسية</a></nav><article><h1>عنوان الخبر اليوم</h1>{body}</article>"
        "</body></html>"
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    from_file = run_cli(capsys, monkeypatch, ["batch", str(tmp_path / "page.html"), "-q"])
    stdin = json.dumps({"id": "p", "text": page}, ensure_ascii=False).encode()
    from_jsonl = run_cli(capsys, monkeypatch, ["batch", "-", "-q"], stdin=stdin)
    [file_record], [jsonl_record] = parse_lines(from_file.out), parse_lines(from_jsonl.out)
    assert "<" not in jsonl_record["summary"]
    assert jsonl_record["title"] == file_record["title"] == "عنوان الخبر اليوم"
    assert jsonl_record["summary"] == file_record["summary"]


# JSON values as hostile input holds them: any nesting, any code point (lone surrogates too),
# NaN and infinities, huge and empty strings and numbers.
_leaves = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(st.characters(codec=None), max_size=30),
    st.sampled_from(["", " ", "\ud800", "x" * 200_000, "قال " * 3000, "<html><p>خبر</p>"]),
)
_values = st.recursive(
    _leaves,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=5), children, max_size=4)
    ),
    max_leaves=12,
)
_records = st.fixed_dictionaries(
    {},
    optional={
        "id": _values,
        "text": st.one_of(_values, st.text(st.characters(codec=None), max_size=400)),
        "title": _values,
        "date": _values,
        "url": _values,
        "extra": _values,
    },
)
_lines = st.one_of(
    _records.map(lambda r: json.dumps(r, ensure_ascii=True)),
    _records.map(lambda r: json.dumps(r, ensure_ascii=False)),
    st.integers(1, 50_000).map(lambda n: '{"id": 1, "text": ' + "[" * n + "]" * n + "}"),
    st.text(st.characters(codec=None, exclude_characters="\n\r"), min_size=1, max_size=40),
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(lines=st.lists(_lines, min_size=1, max_size=6))
@example(lines=['{"title": {"\\u0085": null}}', '{"id": "a\u2028b", "text": "\u0085"}'])
def test_every_line_gives_one_line_of_valid_json(
    capsys: Capsys, monkeypatch: Patch, lines: list[str]
) -> None:
    # Lines blank to the reader (ASCII white space only) are skipped, as documented.
    lines = [line for line in lines if line.encode("utf-8", "surrogatepass").strip()]
    code, records = _batch(capsys, monkeypatch, lines)
    assert code in (0, 1)
    assert len(records) == len(lines)
    for record in records:
        for value in record.values():
            assert not (isinstance(value, float) and not math.isfinite(value))
