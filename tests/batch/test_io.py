"""Batch readers and writers: records from JSONL, documents and files; whole lines out."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from summarize.batch.inputs import read_inputs
from summarize.batch.records import InputRecord, jsonl_records, passthrough, read_documents
from summarize.batch.sink import FileSink, ResumeState, open_output
from summarize.batch.work import page_text
from summarize.errors import UsageError
from summarize.text.limit import MAX_CHARS


def _jsonl(text: str) -> list[InputRecord]:
    return list(jsonl_records(io.BytesIO(text.encode("utf-8"))))


def test_jsonl_records_keep_ids_hints_and_extra_fields() -> None:
    line = {"id": "x1", "text": "نص", "title": "عنوان", "url": "http://a", "lang": "ar"}
    [record] = _jsonl(json.dumps(line, ensure_ascii=False) + "\n")
    extra = {"url": "http://a", "input_lang": "ar"}
    assert record == InputRecord("x1", "نص", "عنوان", None, extra, page=True)


def test_jsonl_bad_lines_become_error_records_numbered_by_line() -> None:
    text = '{"text": "a"}\n\n{broken\n[1, 2]\n{"id": 7}\n{"text": 3}\n{"text": null}\n'
    records = _jsonl(text)
    # A record without an id is named by its line, as a string: it cannot collide with id 7.
    assert [r.id for r in records] == ["line-1", "line-3", "line-4", 7, "line-6", "line-7"]
    assert records[0].error is None and records[0].text == "a"
    assert records[1].error is not None and records[1].error.startswith("line 3: invalid JSON")
    assert records[2].error == "line 4: not a JSON object"
    assert records[3].error == "line 5: no 'text' field"
    assert records[4].error == "line 6: 'text' is not a string (int)"
    assert records[5].error == "line 7: no 'text' field"


def test_jsonl_invalid_utf8_and_bom() -> None:
    data = b'\xef\xbb\xbf{"text": "ok"}\n{"text": "\xff\xfe"}\n'
    first, second = jsonl_records(io.BytesIO(data))
    assert first.text == "ok" and first.error is None
    assert second.error is not None and "invalid JSON" in second.error


def test_passthrough_renames_only_clashing_names() -> None:
    fields = {"url": 1, "summary": 2, "input_x": 3, "ms": 4, "topic": 5}
    assert passthrough(fields) == {
        "url": 1,
        "input_summary": 2,
        "input_input_x": 3,
        "input_ms": 4,
        "topic": 5,
    }


def test_documents_split_on_dash_lines_only() -> None:
    data = "أول.\n--- not a separator\n---\n\n  ---  \nثاني.\n---\n".encode()
    records = list(read_documents(io.BytesIO(data)))
    # The blank document between two separators is an error record, as an empty text is.
    assert [(r.id, r.text, r.error) for r in records] == [
        (1, "أول.\n--- not a separator\n", None),
        (2, None, "<stdin> document 2: empty"),
        (3, "ثاني.\n", None),
    ]


def test_documents_in_cp1256_are_decoded() -> None:
    [record] = read_documents(io.BytesIO("خبر عاجل اليوم.".encode("cp1256")))
    assert record.text == "خبر عاجل اليوم."


def test_files_and_directories(tmp_path: Path) -> None:
    (tmp_path / "d" / "sub").mkdir(parents=True)
    (tmp_path / "d" / "b.txt").write_text("ب.", encoding="utf-8")
    (tmp_path / "d" / "sub" / "a.html").write_text(
        "<html><head><title>عنوان</title></head><body><p>نص الخبر.</p></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "d" / "skip.md").write_text("no", encoding="utf-8")
    (tmp_path / "d" / "bin.txt").write_bytes(b"\x00\x01\x02\x03")
    records = list(read_inputs([str(tmp_path / "d"), str(tmp_path / "missing.txt")]))
    ids = [Path(r.id).name for r in records]
    assert ids == ["b.txt", "bin.txt", "a.html", "missing.txt"]
    assert records[0].text == "ب." and records[0].error is None
    assert records[1].error is not None and "binary" in records[1].error
    # A page is read by the worker (within the session's size limit), as a JSON Lines page is.
    assert records[2].page and records[2].name == str(tmp_path / "d" / "sub" / "a.html")
    page, cut_from = page_text(records[2], MAX_CHARS)
    assert page.title == "عنوان" and page.text is not None and cut_from is None
    assert "نص الخبر" in page.text and not page.page
    assert records[3].error is not None and "no such file" in records[3].error


def test_several_jsonl_inputs_prefix_line_ids(tmp_path: Path) -> None:
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text('{"text": "x"}\n', encoding="utf-8")
    b.write_text('{"text": "y"}\n', encoding="utf-8")
    assert [r.id for r in read_inputs([str(a), str(b)])] == [f"{a}:line-1", f"{b}:line-1"]


def test_file_sink_appends_whole_lines(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text('{"id": 0}\n', encoding="utf-8")
    sink = FileSink(str(path))
    sink.write({"id": 1, "summary": "ملخص"})
    sink.close()
    assert path.read_text(encoding="utf-8") == '{"id": 0}\n{"id": 1, "summary": "ملخص"}\n'


def _state(path: Path, resume: bool = True) -> ResumeState:
    sink, state = open_output(str(path), resume, [])
    sink.close()
    return state


def test_resume_state_cuts_a_partial_last_line_and_lists_other_lines(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_bytes(b'{"id": 1}\n{"id": "b"}\nnot json\n{"id": 3, "summ')
    state = _state(path)
    assert state.done == {"1": 1, '"b"': 1} and state.bad_lines == [3]
    assert path.read_bytes() == b'{"id": 1}\n{"id": "b"}\nnot json\n'
    assert state.warning("out.jsonl") == (
        "warning: out.jsonl: line 3 is not an output record; kept as is "
        "(no input counts as done by it)"
    )
    assert _state(tmp_path / "none.jsonl").done == {}


def test_resume_state_counts_repeated_ids(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_bytes(b'{"id": "a"}\n{"id": "dup"}\n{"id": "dup"}\n')
    assert _state(path).done == {'"a"': 1, '"dup"': 2}
    assert _state(path).warning("x") is None


def test_existing_output_needs_resume(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    _state(path, resume=False)
    path.write_text("", encoding="utf-8")
    _state(path, resume=False)
    path.write_text('{"id": 1}\n', encoding="utf-8")
    _state(path, resume=True)
    with pytest.raises(UsageError, match="--resume"):
        _state(path, resume=False)
    assert os.path.getsize(path) == 10


def test_folder_links_are_not_followed_and_no_file_is_read_twice(tmp_path: Path) -> None:
    root = tmp_path / "d"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text("أ.", encoding="utf-8")
    (root / "sub" / "b.txt").write_text("ب.", encoding="utf-8")
    (root / "loop").symlink_to(root)  # back into the tree: a loop
    (root / "sub" / "up").symlink_to("..")
    (root / "out").symlink_to(tmp_path)  # out of the tree
    (tmp_path / "outside.txt").write_text("خارج.", encoding="utf-8")
    (root / "c.txt").symlink_to(root / "a.txt")  # the same file again
    (root / "broken.txt").symlink_to(tmp_path / "nothing.txt")
    os.mkfifo(root / "fifo.txt")  # reading it would block the run
    records = list(read_inputs([str(root)]))
    names = [str(Path(r.id).relative_to(root)) for r in records]
    assert names == ["a.txt", "broken.txt", "fifo.txt", "sub/b.txt"]
    assert [r.text for r in records] == ["أ.", None, None, "ب."]
    assert records[1].error is not None and "cannot read" in records[1].error
    assert records[2].error is not None and "not a regular file" in records[2].error


def test_a_deep_folder_tree_is_walked_without_recursion(tmp_path: Path) -> None:
    folder = tmp_path
    for _ in range(1200):  # deeper than Python's recursion limit
        folder = folder / "d"
        folder.mkdir()
    (folder / "deep.txt").write_text("عميق.", encoding="utf-8")
    try:
        [record] = read_inputs([str(tmp_path / "d")])
        assert record.text == "عميق."
    finally:
        # pytest's clean-up of old temporary folders removes trees recursively (a
        # RecursionError on its stderr in a later run): take this one down from the bottom.
        (folder / "deep.txt").unlink()
        while folder != tmp_path:
            folder.rmdir()
            folder = folder.parent
