"""The ``beritaclean`` command, run in-process through ``main(argv)``.

Every test runs in its own empty working directory; ``files()`` snapshots it,
so a test can check that nothing was created or changed.
"""

from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

import beritaclean
from beritaclean import batch, clean, cli
from beritaclean.cli import main

if TYPE_CHECKING:
    from collections.abc import Callable

CASES = Path(__file__).parent / "cases"
RAW = "TRIBUNNEWS.COM- Presiden Rusia .\n\n\nYang mereka bahas di , , energi.\u00a0"
CLEAN = "TRIBUNNEWS.COM - Presiden Rusia.\n\nYang mereka bahas di, energi.\n"
TIDY = "Isi berita yang sudah bersih.\n"


@dataclass
class Result:
    code: int
    out: bytes
    err: str

    @property
    def text(self) -> str:
        return self.out.decode("utf-8")


Run = "Callable[..., Result]"


@pytest.fixture(autouse=True)
def _workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("BERITACLEAN_TRACEBACK", raising=False)


@pytest.fixture
def run(
    monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> Callable[..., Result]:
    def _run(*argv: str, stdin: bytes = b"") -> Result:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        code = main(list(argv))
        out, err = capsysbinary.readouterr()
        return Result(code, out, err.decode("utf-8"))

    return _run


def files(folder: Path | None = None) -> dict[str, bytes]:
    root = folder or Path.cwd()
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def write(name: str, data: str | bytes) -> Path:
    path = Path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def jsonl(*records: dict[str, Any]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


# --------------------------------------------------------------------------
# Plain text: stdin, files, -o, --in-place
# --------------------------------------------------------------------------


def test_stdin_to_stdout(run: Callable[..., Result]) -> None:
    result = run(stdin=RAW.encode())
    assert (result.code, result.text, result.err) == (0, CLEAN, "")
    assert run("-", stdin=RAW.encode()).text == CLEAN


def test_the_seed_case_cleans_exactly() -> None:
    raw = (CASES / "seed-tribunnews.raw.txt").read_bytes()
    expected = (CASES / "seed-tribunnews.clean.txt").read_text(encoding="utf-8")
    write("seed.txt", raw)
    assert main(["seed.txt", "-o", "out.txt"]) == 0
    assert Path("out.txt").read_text(encoding="utf-8") == expected.rstrip("\n") + "\n"


@pytest.mark.parametrize(
    ("raw", "out"),
    [("", "\n"), ("\n\n", "\n"), ("Satu.", "Satu.\n"), ("Satu.\n\n\n", "Satu.\n")],
)
def test_text_output_ends_with_one_newline(run: Callable[..., Result], raw: str, out: str) -> None:
    assert run(stdin=raw.encode()).text == out


def test_files_in_order_to_stdout(run: Callable[..., Result]) -> None:
    write("a.txt", RAW)
    write("b.txt", "Kedua .")
    before = files()
    result = run("a.txt", "b.txt")
    assert (result.code, result.text) == (0, CLEAN + "Kedua.\n")
    assert files() == before


def test_crlf_input(run: Callable[..., Result]) -> None:
    assert run(stdin=b"Satu .\r\n\r\nDua.\r\n").text == "Satu.\n\nDua.\n"


def test_output_file(run: Callable[..., Result]) -> None:
    write("a.txt", RAW)
    result = run("a.txt", "-o", "out.txt")
    assert (result.code, result.out, result.err) == (0, b"", "")
    assert files() == {"a.txt": RAW.encode(), "out.txt": CLEAN.encode()}


def test_output_dash_is_stdout(run: Callable[..., Result]) -> None:
    assert run("-o", "-", stdin=RAW.encode()).text == CLEAN
    assert files() == {}


def test_output_file_from_stdin_replaces_an_existing_file(run: Callable[..., Result]) -> None:
    write("out.txt", "lama")
    assert run("--output", "out.txt", stdin=RAW.encode()).code == 0
    assert files() == {"out.txt": CLEAN.encode()}


def test_in_place(run: Callable[..., Result]) -> None:
    write("a.txt", RAW)
    write("b.txt", TIDY)
    write("c.txt", "Ketiga .")
    result = run("--in-place", "a.txt", "b.txt", "c.txt")
    assert (result.code, result.out, result.err) == (0, b"", "")
    assert files() == {"a.txt": CLEAN.encode(), "b.txt": TIDY.encode(), "c.txt": b"Ketiga.\n"}
    assert run("-i", "a.txt").code == 0
    assert files()["a.txt"] == CLEAN.encode()


# --------------------------------------------------------------------------
# --check, --diff
# --------------------------------------------------------------------------


def test_check_exit_1_when_something_would_change(run: Callable[..., Result]) -> None:
    write("a.txt", RAW)
    write("b.txt", TIDY)
    before = files()
    result = run("--check", "a.txt", "b.txt")
    assert (result.code, result.out, result.err) == (1, b"", "would change a.txt\n")
    assert files() == before


def test_check_exit_0_when_nothing_would_change(run: Callable[..., Result]) -> None:
    write("b.txt", TIDY)
    assert (run("--check", "b.txt").code, files()) == (0, {"b.txt": TIDY.encode()})
    assert run("--check", stdin=TIDY.encode()).code == 0


def test_check_counts_a_missing_final_newline_as_a_change(run: Callable[..., Result]) -> None:
    assert run("--check", stdin=TIDY.rstrip("\n").encode()).code == 1


def test_check_quiet(run: Callable[..., Result]) -> None:
    write("a.txt", RAW)
    result = run("--check", "-q", "a.txt")
    assert (result.code, result.err) == (1, "")


def test_diff(run: Callable[..., Result]) -> None:
    write("a.txt", "Judul\n\nPresiden Rusia .\nLain.")
    before = files()
    result = run("--diff", "a.txt")
    assert result.code == 0
    assert result.text == (
        "--- a.txt\n+++ a.txt\n@@ -1,4 +1,4 @@\n Judul\n \n"
        "-Presiden Rusia .\n-Lain.\n\\ No newline at end of file\n+Presiden Rusia.\n+Lain.\n"
    )
    assert files() == before


def test_diff_with_check(run: Callable[..., Result]) -> None:
    write("a.txt", RAW)
    write("b.txt", TIDY)
    result = run("--diff", "--check", "a.txt", "b.txt")
    assert result.code == 1
    assert result.text.startswith("--- a.txt\n+++ a.txt\n")
    assert "b.txt" not in result.text
    assert run("--diff", "--check", "b.txt").out == b""


def test_diff_jsonl_names_line_and_field(run: Callable[..., Result]) -> None:
    write("d.jsonl", jsonl({"text": "Sudah."}, {"text": "Rusia .", "lead": "di , , sini"}))
    result = run("--diff", "--field", "text", "--field", "lead", "d.jsonl")
    assert result.text == (
        "--- d.jsonl:2 text\n+++ d.jsonl:2 text\n@@ -1 +1 @@\n-Rusia .\n+Rusia.\n"
        "--- d.jsonl:2 lead\n+++ d.jsonl:2 lead\n@@ -1 +1 @@\n-di , , sini\n+di, sini\n"
    )


# --------------------------------------------------------------------------
# JSON Lines
# --------------------------------------------------------------------------


def test_jsonl_cleans_the_field_and_keeps_everything_else(run: Callable[..., Result]) -> None:
    lines = [
        '{"id": 1, "text": "Presiden Rusia .", "n": 1e5, "tags": ["a", {"b": null}]}\n',
        '{"text":"Sudah bersih.","id":2}\n',
        '{"z": "é", "text": "Müller di , , Bogor", "a": 1.50}\n',
    ]
    write("d.jsonl", "".join(lines))
    result = run("d.jsonl")
    assert result.code == 0
    out = result.text.splitlines(keepends=True)
    assert out[0] == '{"id": 1, "text": "Presiden Rusia.", "n": 1e5, "tags": ["a", {"b": null}]}\n'
    assert out[1] == lines[1]  # nothing to change: the exact bytes
    assert out[2] == '{"z": "é", "text": "Müller di, Bogor", "a": 1.50}\n'


def test_jsonl_output_is_not_ascii_escaped(run: Callable[..., Result]) -> None:
    result = run("--format", "jsonl", stdin=b'{"text": "\\u201cKata\\u201d dia ."}\n')
    assert result.text == '{"text": "\\"Kata\\" dia."}\n'
    result = run("--format", "jsonl", "--quotes", "keep", stdin=b'{"text": "\\u00e9 ."}\n')
    assert result.text == '{"text": "é."}\n'


def test_jsonl_extensions_pick_the_format(run: Callable[..., Result]) -> None:
    write("d.ndjson", jsonl({"text": "Rusia ."}))
    write("e.JSONL", jsonl({"text": "Rusia ."}))
    assert run("d.ndjson", "e.JSONL").text == jsonl({"text": "Rusia."}) * 2
    write("t.txt", jsonl({"text": "Rusia ."}))
    assert run("--format", "jsonl", "t.txt").text == jsonl({"text": "Rusia."})
    as_text = run("--format", "text", "d.ndjson").text
    assert as_text == clean(jsonl({"text": "Rusia ."})) + "\n"


def test_jsonl_repeated_fields(run: Callable[..., Result]) -> None:
    write("d.jsonl", jsonl({"text": "A .", "body": "B .", "other": "C ."}))
    assert run("--field", "text", "--field", "body", "d.jsonl").text == jsonl(
        {"text": "A.", "body": "B.", "other": "C ."}
    )
    assert run("--field", "body", "d.jsonl").text == jsonl(
        {"text": "A .", "body": "B.", "other": "C ."}
    )


def test_jsonl_missing_and_null_fields_pass_through_and_are_counted(
    run: Callable[..., Result],
) -> None:
    data = '{"id": 1}\n{"text": null, "id": 2}\n{"text": "Rusia ."}\n'
    write("d.jsonl", data)
    result = run("--stats", "d.jsonl")
    assert result.text == '{"id": 1}\n{"text": null, "id": 2}\n{"text": "Rusia."}\n'
    assert "missing or null fields: text 2" in result.err
    assert "3 documents, 1 texts cleaned, 1 changed" in result.err


def test_jsonl_blank_lines_crlf_and_no_final_newline(run: Callable[..., Result]) -> None:
    data = b'{"text": "A ."}\r\n\n   \n{"text": "B ."}'
    result = run("--format", "jsonl", stdin=data)
    assert result.out == b'{"text": "A."}\r\n\n   \n{"text": "B."}'


def test_jsonl_lone_surrogates_are_written_as_escapes(run: Callable[..., Result]) -> None:
    result = run("--format", "jsonl", stdin=b'{"text": "a \\ud800 ."}\n')
    assert result.code == 0
    assert json.loads(result.text) == {"text": clean("a \ud800 .")}


@pytest.fixture
def titles(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """The titles the command passes to ``clean``, in order."""
    seen: list[str | None] = []

    def spy(text: str, *, title: str | None = None, **options: Any) -> str:
        seen.append(title)
        return clean(text, title=title, **options)

    monkeypatch.setattr(batch, "clean", spy)
    return seen


def test_title_field_is_passed_as_title(
    run: Callable[..., Result], titles: list[str | None]
) -> None:
    write("d.jsonl", jsonl({"title": "Judul Satu", "text": "A ."}, {"text": "B ."}))
    result = run("--title-field", "title", "d.jsonl")
    assert result.code == 0
    assert titles[-2:] == ["Judul Satu", None]
    assert result.text == jsonl({"title": "Judul Satu", "text": "A."}, {"text": "B."})


def test_title_field_is_ignored_for_plain_text(run: Callable[..., Result]) -> None:
    assert run("--title-field", "title", stdin=RAW.encode()).text == CLEAN


# --------------------------------------------------------------------------
# --explain, --explain-file, --stats
# --------------------------------------------------------------------------


def test_explain_on_stderr(run: Callable[..., Result]) -> None:
    write("a.txt", "TRIBUNNEWS.COM- Presiden Rusia .")
    write("b.txt", TIDY)
    result = run("--explain", "a.txt", "b.txt")
    assert result.text == "TRIBUNNEWS.COM - Presiden Rusia.\n" + TIDY
    entries = [json.loads(line) for line in result.err.splitlines()]
    assert entries == [
        {
            "path": "a.txt",
            "edits": [
                {"step": "fix_bylines", "span": [14, 16], "before": "- ", "after": " - "},
                {
                    "step": "collapse_orphan_punctuation",
                    "span": [30, 31],
                    "before": " ",
                    "after": "",
                },
            ],
            "findings": [],
        }
    ]


def test_explain_file_for_jsonl_names_line_and_field(run: Callable[..., Result]) -> None:
    write("d.jsonl", jsonl({"text": "Sudah."}, {"text": "Mereka bahas di , , energi"}))
    result = run("--explain-file", "explain.jsonl", "d.jsonl")
    assert (result.code, result.err) == (0, "")
    entries = [json.loads(line) for line in Path("explain.jsonl").read_text().splitlines()]
    assert len(entries) == 1
    entry = entries[0]
    assert (entry["path"], entry["line"], entry["field"]) == ("d.jsonl", 2, "text")
    [edit] = entry["edits"]
    assert edit["step"] == "collapse_orphan_punctuation"
    start, end = edit["span"]
    raw = "Mereka bahas di , , energi"
    assert raw[start:end] == edit["before"]
    assert raw[:start] + edit["after"] + raw[end:] == "Mereka bahas di, energi"
    kinds = {f["kind"] for f in entry["findings"]}
    assert {"lacuna", "truncated"} <= kinds
    assert all(len(f["span"]) == 2 for f in entry["findings"])


def test_stats(run: Callable[..., Result]) -> None:
    write("a.txt", RAW)
    result = run("--stats", "a.txt")
    assert result.text == CLEAN
    lines = result.err.splitlines()
    assert lines[0] == "beritaclean: 1 documents, 1 texts cleaned, 1 changed"
    assert lines[1].startswith(f"  characters: {len(RAW)} in, {len(CLEAN) - 1} out (")
    assert "fix_bylines 1" in lines[2]
    assert "collapse_orphan_punctuation 2" in lines[2]
    assert lines[3] == "  findings: lacuna 1"
    assert lines[4] == "  missing or null fields: none"
    assert lines[5].startswith("  time: ")
    assert lines[5].endswith(" MB/s")


# --------------------------------------------------------------------------
# Options: --steps, --skip, --bylines, --quotes, --list-steps, --version
# --------------------------------------------------------------------------


def test_steps_comma_separated_and_repeated(run: Callable[..., Result]) -> None:
    raw = "TRIBUNNEWS.COM- Presiden Rusia .  Lagi"
    only = run("--steps", "normalize_whitespace,fix_bylines", stdin=raw.encode())
    assert only.text == "TRIBUNNEWS.COM - Presiden Rusia . Lagi\n"
    again = run("--steps", "normalize_whitespace", "--steps", "fix_bylines", stdin=raw.encode())
    assert again.text == only.text


def test_skip_comma_separated_and_repeated(run: Callable[..., Result]) -> None:
    raw = "TRIBUNNEWS.COM- Presiden Rusia ."
    assert (
        run("--skip", "fix_bylines", stdin=raw.encode()).text == "TRIBUNNEWS.COM- Presiden Rusia.\n"
    )
    both = "TRIBUNNEWS.COM- Presiden Rusia .\n"
    assert run("--skip", "fix_bylines,collapse_orphan_punctuation", stdin=raw.encode()).text == both
    assert (
        run(
            "--skip", "fix_bylines", "--skip", "collapse_orphan_punctuation", stdin=raw.encode()
        ).text
        == both
    )


def test_bylines_and_quotes(run: Callable[..., Result]) -> None:
    raw = "TRIBUNNEWS.COM- “Kami siap,” kata Budi."
    assert run("--bylines", "strip", stdin=raw.encode()).text == '"Kami siap," kata Budi.\n'
    assert run("--bylines", "keep", "--quotes", "keep", stdin=raw.encode()).text == raw + "\n"


def test_list_steps(run: Callable[..., Result]) -> None:
    result = run("--list-steps")
    assert result.code == 0
    names = [line.split()[0] for line in result.text.splitlines()]
    assert names == list(beritaclean.STEPS)


def test_version(run: Callable[..., Result]) -> None:
    result = run("--version")
    assert (result.code, result.text) == (0, f"beritaclean {beritaclean.__version__}\n")


def test_help(run: Callable[..., Result]) -> None:
    result = run("--help")
    assert result.code == 0
    for flag in ("--check", "--diff", "--in-place", "--explain-file", "--jobs", "--title-field"):
        assert flag in result.text


# --------------------------------------------------------------------------
# --jobs
# --------------------------------------------------------------------------


def _records(n: int) -> str:
    rng = random.Random(5)  # noqa: S311 -- test data, not secrets
    pieces = [
        "TRIBUNNEWS.COM- Presiden Rusia .",
        "Yang mereka bahas di , , energi.",
        "Baca juga: Harga Cabai Naik",
        "Putin Bahas Ukraina",
        "“Kami siap,” kata Budi.Menurutnya wajar.",
        "MÃ¼ller datang.",
        "Isi berita bersih.",
    ]
    out = []
    for i in range(n):
        record: dict[str, Any] = {"id": i, "text": "\n\n".join(rng.choices(pieces, k=3))}
        if i % 7 == 0:
            record["text"] = None
        if i % 5 == 0:
            record["title"] = "Putin Bahas Ukraina"
        out.append(json.dumps(record, ensure_ascii=i % 2 == 0))
    return "\n".join(out) + "\n"


def test_jobs_2_is_byte_identical_to_jobs_1(run: Callable[..., Result]) -> None:
    write("big.jsonl", _records(3000))
    serial = run("--title-field", "title", "big.jsonl", "--jobs", "1")
    parallel = run("--title-field", "title", "big.jsonl", "--jobs", "2")
    assert serial.code == parallel.code == 0
    assert parallel.out == serial.out
    assert serial.out != Path("big.jsonl").read_bytes()


def test_jobs_2_with_explain_and_several_files(run: Callable[..., Result]) -> None:
    write("a.txt", RAW)
    write("d.jsonl", _records(300))
    serial = run("--explain", "a.txt", "d.jsonl", "a.txt")
    parallel = run("--explain", "-j", "2", "a.txt", "d.jsonl", "a.txt")
    assert (parallel.out, parallel.err) == (serial.out, serial.err)


def test_jobs_in_place(run: Callable[..., Result]) -> None:
    write("a.txt", RAW)
    write("d.jsonl", _records(200))
    expected = run("a.txt").out, run("d.jsonl").out
    assert run("--jobs", "2", "--in-place", "a.txt", "d.jsonl").code == 0
    assert (Path("a.txt").read_bytes(), Path("d.jsonl").read_bytes()) == expected


# --------------------------------------------------------------------------
# Defaults from the tool.beritaclean table of pyproject.toml
# --------------------------------------------------------------------------


def test_config_supplies_defaults_and_flags_win(run: Callable[..., Result]) -> None:
    write(
        "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.beritaclean]\nbylines = "strip"\nfield = ["body"]\n'
        'skip = "collapse_orphan_punctuation"\nformat = "jsonl"\njobs = 1\n',
    )
    data = jsonl({"text": "A .", "body": "TRIBUNNEWS.COM- Rusia ."})
    assert run(stdin=data.encode()).text == jsonl({"text": "A .", "body": "Rusia ."})
    flags = run(
        "--bylines", "keep", "--field", "text", "--skip", "fix_bylines", stdin=data.encode()
    )
    assert flags.text == jsonl({"text": "A.", "body": "TRIBUNNEWS.COM- Rusia ."})


def test_config_field_as_a_string_and_title_field(
    run: Callable[..., Result], titles: list[str | None]
) -> None:
    write("pyproject.toml", '[tool.beritaclean]\nfield = "body"\ntitle-field = "judul"\n')
    write("d.jsonl", jsonl({"judul": "Judul", "body": "B .", "text": "T ."}))
    assert run("d.jsonl").text == jsonl({"judul": "Judul", "body": "B.", "text": "T ."})
    assert titles[-1:] == ["Judul"]


def test_config_table_must_be_a_table(run: Callable[..., Result]) -> None:
    write("pyproject.toml", "[tool]\nberitaclean = 3\n")
    assert _bad(run, stdin=b"x").endswith("pyproject.toml: [tool.beritaclean] must be a table")


def test_config_is_found_from_a_parent_folder(
    run: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    write("pyproject.toml", '[tool.beritaclean]\nsteps = ["collapse_orphan_punctuation"]\n')
    write("sub/pyproject.toml", '[project]\nname = "inner"\n')  # no table: keep looking
    monkeypatch.chdir(tmp_path / "sub")
    assert run(stdin=b"TRIBUNNEWS.COM- Rusia .").text == "TRIBUNNEWS.COM- Rusia.\n"


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("titel-field = 'title'\n", 'unknown key "titel-field" in [tool.beritaclean]'),
        ("bylines = 'hapus'\n", "key \"bylines\" must be one of 'normalize', 'strip', 'keep'"),
        ("jobs = -1\n", 'key "jobs" must be a whole number, 0 or more'),
        ("jobs = 'dua'\n", 'key "jobs" must be a whole number'),
        ("field = 3\n", 'key "field" must be a field name or a list of them'),
        ("title-field = ['a']\n", 'key "title-field" must be a field name'),
        ("steps = [1]\n", 'key "steps" must be a list of step names'),
        ("skip = ['no_such_step']\n", "--skip: unknown step 'no_such_step'"),
    ],
)
def test_bad_config_is_exit_2_naming_the_key(
    run: Callable[..., Result], toml: str, message: str
) -> None:
    write("pyproject.toml", "[tool.beritaclean]\n" + toml)
    write("a.txt", RAW)
    before = files()
    result = run("a.txt")
    assert (result.code, result.out) == (2, b"")
    assert result.err.startswith("beritaclean: ")
    assert message in result.err
    assert result.err.count("\n") == 1
    assert files() == before


def test_invalid_toml_is_exit_2(run: Callable[..., Result]) -> None:
    write("pyproject.toml", "[tool.beritaclean\n")
    result = run(stdin=b"x")
    assert result.code == 2
    assert "pyproject.toml: invalid TOML" in result.err


# --------------------------------------------------------------------------
# Bad input and bad usage: one line on stderr, exit 2, nothing written
# --------------------------------------------------------------------------


def _bad(run: Callable[..., Result], *argv: str, stdin: bytes = b"", streamed: bool = False) -> str:
    before = files()
    result = run(*argv, stdin=stdin)
    assert result.code == 2
    if not streamed:  # to stdout, records before the bad line may be out already
        assert result.out == b""
    assert result.err.count("\n") == 1
    assert result.err.startswith("beritaclean: ")
    assert "Traceback" not in result.err
    assert files() == before
    return result.err.removeprefix("beritaclean: ").rstrip("\n")


@pytest.mark.parametrize("extra", [[], ["-o", "out.txt"], ["--in-place"]])
def test_invalid_utf8_names_the_byte(run: Callable[..., Result], extra: list[str]) -> None:
    write("a.txt", b"Jakarta " * 129 + b"\xff rest")
    assert _bad(run, "a.txt", *extra) == "a.txt: invalid UTF-8 at byte 1032"


def test_invalid_utf8_on_stdin(run: Callable[..., Result]) -> None:
    assert _bad(run, stdin=b"ab\xc3") == "<stdin>: invalid UTF-8 at byte 2"


def test_invalid_utf8_in_jsonl_names_line_and_byte(run: Callable[..., Result]) -> None:
    write("d.jsonl", b'{"text": "a"}\n{"text": "\xe9"}\n')
    assert _bad(run, "d.jsonl", "-o", "out.jsonl") == "d.jsonl:2: invalid UTF-8 at byte 24"


@pytest.mark.parametrize("extra", [[], ["-o", "out.jsonl"], ["--in-place"], ["--jobs", "2"]])
def test_invalid_json_names_file_line_and_reason(
    run: Callable[..., Result], extra: list[str]
) -> None:
    write(
        "data.jsonl", jsonl(*[{"text": f"Baris {i} ."} for i in range(16)]) + '{"text": "a" "b"}\n'
    )
    message = _bad(run, "data.jsonl", *extra, streamed=not extra)
    assert message == "data.jsonl:17: invalid JSON (Expecting ',' delimiter)"


def test_json_that_is_not_an_object(run: Callable[..., Result]) -> None:
    message = _bad(run, "--format", "jsonl", stdin=b'["text"]\n')
    assert message == "<stdin>:1: expected a JSON object, found an array"


@pytest.mark.parametrize(
    ("value", "kind"),
    [("3", "a number"), ("true", "a boolean"), ('["a"]', "an array"), ('{"a": 1}', "an object")],
)
def test_a_field_that_is_not_a_string(run: Callable[..., Result], value: str, kind: str) -> None:
    write("data.jsonl", '{"text": "a"}\n' * 3 + '{"text": ' + value + "}\n")
    assert _bad(run, "data.jsonl", "-o", "out.jsonl") == (
        f'data.jsonl:4: field "text" is {kind}, expected a string'
    )


def test_a_title_field_that_is_not_a_string(run: Callable[..., Result]) -> None:
    write("data.jsonl", '{"text": "a", "judul": 7}\n')
    assert _bad(run, "--title-field", "judul", "data.jsonl") == (
        'data.jsonl:1: field "judul" is a number, expected a string'
    )


def test_missing_file(run: Callable[..., Result]) -> None:
    write("a.txt", RAW)
    assert _bad(run, "--in-place", "a.txt", "nope.txt") == "nope.txt: no such file"


def test_directory(run: Callable[..., Result]) -> None:
    Path("folder").mkdir()
    assert _bad(run, "folder") == "folder: is a directory, not a file"


def test_unreadable_file(run: Callable[..., Result], monkeypatch: pytest.MonkeyPatch) -> None:
    write("a.txt", RAW)

    def deny(*_args: object, **_kwargs: object) -> object:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("beritaclean.io.open", deny, raising=False)
    assert _bad(run, "a.txt") == "a.txt: permission denied"


@pytest.mark.parametrize("target", ["a.txt", "./a.txt", "sub/../a.txt", "link.txt"])
def test_output_is_an_input(run: Callable[..., Result], target: str) -> None:
    write("a.txt", RAW)
    Path("sub").mkdir()
    Path("link.txt").symlink_to("a.txt")
    assert _bad(run, "a.txt", "-o", target) == (
        f"{target}: -o/--output is also an input file; use --in-place to rewrite it"
    )


def test_explain_file_is_an_input(run: Callable[..., Result]) -> None:
    write("a.txt", RAW)
    assert _bad(run, "a.txt", "--explain-file", "a.txt") == (
        "a.txt: --explain-file is also an input file"
    )
    assert _bad(run, "a.txt", "-o", "o.txt", "--explain-file", "o.txt") == (
        "o.txt: -o/--output and --explain-file are the same file"
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--in-place"], "--in-place needs file paths, not stdin"),
        (["--in-place", "-", "a.txt"], "--in-place needs file paths, not stdin"),
        (["--in-place", "-o", "x.txt", "a.txt"], "--in-place and -o/--output cannot be combined"),
        (["--check", "-o", "x.txt", "a.txt"], "--check and --diff write nothing"),
        (["--diff", "--in-place", "a.txt"], "--check and --diff write nothing"),
        (["-", "-"], 'stdin ("-") can be read only once'),
        (["--in-place", "a.txt", "./a.txt"], "--in-place: the same file is given more than once"),
        (["--steps", "fix_encoding,fix_everything"], "--steps: unknown step 'fix_everything'"),
        (["--skip", "nope"], "--skip: unknown step 'nope'; the steps are: fix_encoding"),
        (["--jobs", "-1"], "--jobs must be 1 or more, or 0 for every CPU"),
    ],
)
def test_bad_usage(run: Callable[..., Result], argv: list[str], message: str) -> None:
    write("a.txt", RAW)
    assert _bad(run, *argv).startswith(message)


@pytest.mark.parametrize(
    "argv",
    [["--bylines", "hapus"], ["--format", "xml"], ["--jobs", "dua"], ["--no-such-flag"]],
)
def test_argparse_usage_errors_exit_2(run: Callable[..., Result], argv: list[str]) -> None:
    result = run(*argv)
    assert result.code == 2
    assert "usage: beritaclean" in result.err
    assert files() == {}


# --------------------------------------------------------------------------
# Failures while running: internal errors, Ctrl-C, closed pipes, full disks
# --------------------------------------------------------------------------


def _fail_on(monkeypatch: pytest.MonkeyPatch, marker: str, error: BaseException) -> None:
    def flaky(text: str, **options: Any) -> str:
        if marker in text:
            raise error
        return clean(text, **options)

    monkeypatch.setattr(batch, "clean", flaky)


def test_internal_error_is_exit_2_and_says_it_is_a_bug(
    run: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    _fail_on(monkeypatch, "BOOM", RuntimeError("kaput"))
    write("d.jsonl", jsonl({"text": "A ."}, {"text": "BOOM"}, {"text": "C ."}))
    message = _bad(run, "d.jsonl", "-o", "out.jsonl")
    assert message.startswith("internal error: RuntimeError: kaput. This is a bug in beritaclean")
    assert "please report it at https://github.com/beritaclean/beritaclean/issues" in message


def test_internal_error_traceback_on_request(
    run: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    _fail_on(monkeypatch, "BOOM", RuntimeError("kaput"))
    monkeypatch.setenv("BERITACLEAN_TRACEBACK", "1")
    result = run(stdin=b"BOOM")
    assert result.code == 2
    assert "Traceback" in result.err


@pytest.mark.parametrize("extra", [["-o", "out.jsonl"], ["--in-place"]])
def test_ctrl_c_exits_130_and_leaves_no_temp_file(
    run: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, extra: list[str]
) -> None:
    _fail_on(monkeypatch, "BOOM", KeyboardInterrupt())
    write("d.jsonl", jsonl({"text": "A ."}, {"text": "BOOM"}))
    before = files()
    result = run("d.jsonl", *extra)
    assert (result.code, result.err) == (130, "beritaclean: interrupted\n")
    assert files() == before


def test_ctrl_c_with_jobs(run: Callable[..., Result], monkeypatch: pytest.MonkeyPatch) -> None:
    write("d.jsonl", _records(500))
    before = files()
    count = cli._Run._count  # noqa: SLF001 -- called once per document written
    calls = 0

    def interrupt_at_100(self: Any, **kwargs: Any) -> None:
        nonlocal calls
        calls += 1
        if calls == 100:
            raise KeyboardInterrupt
        count(self, **kwargs)

    monkeypatch.setattr(cli._Run, "_count", interrupt_at_100)  # noqa: SLF001
    result = run("--jobs", "2", "--in-place", "d.jsonl")
    assert (result.code, result.err) == (130, "beritaclean: interrupted\n")
    assert files() == before


class _ClosedPipe(io.RawIOBase):
    def writable(self) -> bool:
        return True

    def write(self, _data: Any) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_broken_pipe_exits_quietly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write("d.jsonl", _records(2000))
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BufferedWriter(_ClosedPipe())))
    code = main(["d.jsonl", "--jobs", "2"])
    assert code == 141
    assert capsys.readouterr().err == ""


def test_a_write_error_is_exit_2(run: Callable[..., Result]) -> None:
    write("a.txt", RAW)
    message = _bad(run, "a.txt", "-o", "missing/out.txt")
    assert message.startswith("missing/out.txt: cannot write (")


def test_a_disk_error_while_writing_is_exit_2(
    run: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    write("a.txt", RAW)

    def full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    assert _bad(run, "a.txt", "--in-place") == "[Errno 28] No space left on device"


def test_a_bad_file_later_leaves_earlier_in_place_rewrites_whole(
    run: Callable[..., Result],
) -> None:
    write("a.txt", RAW)
    write("b.txt", b"\xff")
    result = run("--in-place", "a.txt", "b.txt")
    assert result.code == 2
    assert files() == {"a.txt": CLEAN.encode(), "b.txt": b"\xff"}


# --------------------------------------------------------------------------
# Progress bar
# --------------------------------------------------------------------------


def test_progress_bar_on_a_terminal(
    run: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("tqdm")
    monkeypatch.setattr(cli, "PROGRESS_DELAY", 0)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    write("d.jsonl", _records(50))
    result = run("d.jsonl")
    assert result.code == 0
    assert "beritaclean" in result.err
    assert "50 docs" in result.err
    assert "B/s" in result.err
    assert run("-q", "d.jsonl").err == ""


def test_no_progress_bar_when_stderr_is_not_a_terminal(run: Callable[..., Result]) -> None:
    write("d.jsonl", _records(50))
    assert run("d.jsonl").err == ""


def test_no_progress_bar_without_tqdm(
    run: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "PROGRESS_DELAY", 0)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    monkeypatch.setitem(sys.modules, "tqdm", None)  # import tqdm now fails
    result = run(stdin=RAW.encode())
    assert (result.code, result.text, result.err) == (0, CLEAN, "")


# --------------------------------------------------------------------------
# The installed entry point
# --------------------------------------------------------------------------


def test_installed_entry_point_smoke(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "beritaclean"
    env = dict(os.environ)
    if script.exists():
        command = [str(script)]
    else:  # a dev environment without an install: the same entry point via -m
        command = [sys.executable, "-m", "beritaclean"]
        src = str(Path(beritaclean.__file__).parent.parent)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [src, env.get("PYTHONPATH")]))
    raw = (CASES / "seed-tribunnews.raw.txt").read_bytes()
    expected = (CASES / "seed-tribunnews.clean.txt").read_text(encoding="utf-8")
    done = subprocess.run(  # noqa: S603 -- our own command
        [*command, "--check"], input=raw, capture_output=True, check=False, env=env, cwd=tmp_path
    )
    assert (done.returncode, done.stdout) == (1, b"")
    done = subprocess.run(  # noqa: S603 -- our own command
        command, input=raw, capture_output=True, check=False, env=env, cwd=tmp_path
    )
    assert (done.returncode, done.stderr) == (0, b"")
    assert done.stdout.decode("utf-8") == expected.rstrip("\n") + "\n"
