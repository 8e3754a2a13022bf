"""Reading plain text and JSON Lines, splicing records, atomic writes."""

from __future__ import annotations

import io
import json
import os
import stat
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from beritaclean.io import (
    JsonRecord,
    UserError,
    atomic_write,
    check_readable,
    decode_utf8,
    dumps_string,
    iter_jsonl,
    json_type,
    parse_record,
    splice_record,
)

if TYPE_CHECKING:
    from pathlib import Path


def _record(line: str, ending: str = "\n") -> JsonRecord:
    return JsonRecord(1, (line + ending).encode(), line, parse_record(line, "x"))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('{"text": "Jakarta"}', {"text": ("Jakarta", 9, 18)}),
        ('{"id":1,"text":"a"}', {"id": (1, 6, 7), "text": ("a", 15, 18)}),
        (
            '  { "a" :\t[1, {"b": null}] , "c": 1e5 }  ',
            {"a": ([1, {"b": None}], 10, 26), "c": (1e5, 34, 37)},
        ),
        ("{}", {}),
        ('{"a": 1, "a": 2}', {"a": (2, 14, 15)}),
        ('{"\\u0041": "\\u00e9"}', {"A": ("é", 11, 19)}),
    ],
)
def test_parse_record_gives_values_and_their_spans(
    line: str, expected: dict[str, tuple[Any, int, int]]
) -> None:
    fields = parse_record(line, "x")
    assert fields == expected
    assert list(fields) == list(expected)
    for value, start, end in fields.values():
        assert json.loads(line[start:end]) == value


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"text": "a"', "data.jsonl:3: invalid JSON (Expecting ',' delimiter)"),
        (
            '{"text": "a",}',
            "data.jsonl:3: invalid JSON (Expecting property name enclosed in double quotes)",
        ),
        ('{"text" "a"}', "data.jsonl:3: invalid JSON (Expecting ':' delimiter)"),
        ('{"text": "a"} x', "data.jsonl:3: invalid JSON (Extra data)"),
        (
            "{'text': 'a'}",
            "data.jsonl:3: invalid JSON (Expecting property name enclosed in double quotes)",
        ),
        ("nul", "data.jsonl:3: invalid JSON (Expecting value)"),
        ('{"text": tru}', "data.jsonl:3: invalid JSON (Expecting value)"),
        ('["text"]', "data.jsonl:3: expected a JSON object, found an array"),
        ('"text"', "data.jsonl:3: expected a JSON object, found a string"),
        ("12", "data.jsonl:3: expected a JSON object, found a number"),
        ("null", "data.jsonl:3: expected a JSON object, found null"),
    ],
)
def test_parse_record_errors_name_the_place_and_reason(line: str, message: str) -> None:
    with pytest.raises(UserError) as info:
        parse_record(line, "data.jsonl:3")
    assert str(info.value) == message


def test_deeply_nested_json_is_an_error_not_a_crash() -> None:
    line = '{"a": ' + "[" * 100_000 + "]" * 100_000 + "}"
    with pytest.raises(UserError, match=r"data.jsonl:1: invalid JSON"):
        parse_record(line, "data.jsonl:1")


@pytest.mark.parametrize(
    ("value", "name"),
    [
        (None, "null"),
        (True, "a boolean"),
        (False, "a boolean"),
        (0, "a number"),
        (1.5, "a number"),
        ("", "a string"),
        ([], "an array"),
        ({}, "an object"),
    ],
)
def test_json_type_names(value: object, name: str) -> None:
    assert json_type(value) == name


def test_splice_replaces_only_the_named_values() -> None:
    line = '{"id":7,  "text" : "Rusia .", "n": 1.50, "meta": {"text": "x"}, "title":"T"}'
    out = splice_record(_record(line), {"text": "Rusia.", "title": "Judul “baru”"})
    assert (
        out
        == (
            '{"id":7,  "text" : "Rusia.", "n": 1.50, "meta": {"text": "x"}, "title":"Judul “baru”"}\n'  # noqa: E501
        ).encode()
    )


def test_splice_without_replacements_returns_the_exact_bytes() -> None:
    record = JsonRecord(
        4, b'{ "text":"a" }\r\n', '{ "text":"a" }', parse_record('{ "text":"a" }', "x")
    )
    assert splice_record(record, {}) is record.raw


@pytest.mark.parametrize("ending", ["\n", "\r\n", ""])
def test_splice_keeps_the_line_ending(ending: str) -> None:
    out = splice_record(_record('{"text":"a ."}', ending), {"text": "a."})
    assert out == ('{"text":"a."}' + ending).encode()


def test_dumps_string_keeps_non_ascii_and_escapes_lone_surrogates() -> None:
    assert dumps_string("Müller “kata” 😀") == '"Müller “kata” 😀"'
    assert dumps_string("a\ud83db") == '"a\\ud83db"'
    assert json.loads(dumps_string("a\ud83db")) == "a\ud83db"
    dumps_string("x\udfff").encode("utf-8")  # writable as UTF-8


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=10,
)


@given(
    record=st.dictionaries(st.text(max_size=8), json_values, max_size=6),
    new=st.text(),
    separators=st.sampled_from([(",", ":"), (", ", ": "), (" , ", " : ")]),
    ascii_only=st.booleans(),
)
def test_splicing_any_record_changes_only_its_field(
    *, record: dict[str, Any], new: str, separators: tuple[str, str], ascii_only: bool
) -> None:
    record = {**record, "text": "lama"}
    line = json.dumps(record, separators=separators, ensure_ascii=ascii_only)
    fields = parse_record(line, "x")
    assert {k: v[0] for k, v in fields.items()} == json.loads(line)
    spliced = splice_record(_record(line), {"text": new}).decode("utf-8")
    after = json.loads(spliced)
    assert list(after) == list(record)
    assert after == {**json.loads(line), "text": new}


def test_iter_jsonl_reads_lines_blank_ones_and_a_last_line_without_newline() -> None:
    data = b'{"text": "a"}\n\n  \r\n{"text": "b"}\r\n{"text": "c"}'
    records = list(iter_jsonl(io.BytesIO(data), "d.jsonl"))
    assert [r.line for r in records] == [1, 2, 3, 4, 5]
    assert [r.blank for r in records] == [False, True, True, False, False]
    assert [r.ending for r in records] == ["\n", "\n", "\r\n", "\r\n", ""]
    assert b"".join(r.raw for r in records) == data
    assert records[3].fields["text"][0] == "b"


def test_iter_jsonl_names_line_and_file_byte_offset_of_bad_utf8() -> None:
    data = b'{"text": "a"}\n{"text": "\xc3("}\n'
    with pytest.raises(UserError) as info:
        list(iter_jsonl(io.BytesIO(data), "d.jsonl"))
    assert str(info.value) == "d.jsonl:2: invalid UTF-8 at byte 24"


def test_iter_jsonl_is_lazy() -> None:
    data = b'{"text": "a"}\n{"text": \n'
    records = iter_jsonl(io.BytesIO(data), "d.jsonl")
    assert next(records).fields["text"][0] == "a"
    with pytest.raises(UserError, match=r"d\.jsonl:2: invalid JSON"):
        next(records)


def test_decode_utf8_names_the_byte_offset() -> None:
    data = b"Jakarta " * 129 + b"\xff"
    with pytest.raises(UserError) as info:
        decode_utf8(data, "a.txt")
    assert str(info.value) == "a.txt: invalid UTF-8 at byte 1032"


def test_check_readable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ok = tmp_path / "a.txt"
    ok.write_text("x")
    check_readable(str(ok))
    with pytest.raises(UserError, match=r"nope\.txt: no such file$"):
        check_readable(str(tmp_path / "nope.txt"))
    with pytest.raises(UserError, match=r": is a directory, not a file$"):
        check_readable(str(tmp_path))

    def deny(*_args: object, **_kwargs: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("beritaclean.io.open", deny, raising=False)
    with pytest.raises(UserError, match=r"a\.txt: permission denied$"):
        check_readable(str(ok))


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def test_atomic_write_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_bytes(b"lama")
    target.chmod(0o640)
    with atomic_write(target) as out:
        out.write(b"baru")
        assert target.read_bytes() == b"lama"  # nothing visible until the end
    assert _files(tmp_path) == {"a.txt": b"baru"}
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_atomic_write_creates_a_file_with_ordinary_permissions(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        with atomic_write(tmp_path / "new.txt") as out:
            out.write(b"x")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o644


@pytest.mark.parametrize(
    "error", [RuntimeError("rusak"), KeyboardInterrupt(), OSError(28, "No space")]
)
def test_atomic_write_leaves_the_original_and_no_temp_file(
    tmp_path: Path, error: BaseException
) -> None:
    target = tmp_path / "a.txt"
    target.write_bytes(b"lama")

    def interrupted_write() -> None:
        with atomic_write(target) as out:
            out.write(b"separuh")
            raise error

    with pytest.raises(type(error)):
        interrupted_write()
    assert _files(tmp_path) == {"a.txt": b"lama"}


def test_atomic_write_follows_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_bytes(b"lama")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    with atomic_write(link) as out:
        out.write(b"baru")
    assert link.is_symlink()
    assert real.read_bytes() == b"baru"


def test_atomic_write_into_a_missing_folder_is_a_user_error(tmp_path: Path) -> None:
    with (
        pytest.raises(UserError, match=r"out\.txt: cannot write \("),
        atomic_write(tmp_path / "nope" / "out.txt"),
    ):
        pass
    assert _files(tmp_path) == {}
