"""The ``beritaclean`` command (SPEC §6).

``beritaclean [OPTIONS] [PATH ...]``: plain text or JSON Lines, from files or
stdin, to stdout, ``-o FILE`` or ``--in-place``. Data goes to stdout only;
messages go to stderr. Exit codes: 0 done, 1 ``--check`` found changes, 2 bad
usage or input (or an internal error), 130 interrupted, 141 output pipe
closed.

Every document goes through :func:`beritaclean.batch.clean_many` (or
``explain_many`` when edits are reported), in order, so ``--jobs N`` is the
same code path as ``--jobs 1``.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
import time
import tomllib
import traceback
from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass, field
from itertools import tee
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final

from beritaclean._version import __version__
from beritaclean.batch import clean_many, explain_many
from beritaclean.io import (
    JsonRecord,
    UserError,
    atomic_write,
    check_readable,
    decode_utf8,
    iter_jsonl,
    json_type,
    splice_record,
)
from beritaclean.pipeline import BYLINE_MODES, QUOTE_MODES, STEPS, CleanResult

if TYPE_CHECKING:
    from collections.abc import Generator, Iterable, Iterator, Sequence

__all__ = ["main", "main_entry"]

FORMATS: Final = ("auto", "text", "jsonl")
JSONL_SUFFIXES: Final = (".jsonl", ".ndjson")
STDIN: Final = "-"
ISSUES_URL: Final = "https://github.com/beritaclean/beritaclean/issues"

EXIT_OK: Final = 0
EXIT_CHANGED: Final = 1
EXIT_ERROR: Final = 2
EXIT_INTERRUPTED: Final = 130
EXIT_BROKEN_PIPE: Final = 141

PROGRESS_DELAY: Final = 1.0
"""Seconds before the progress bar appears: short runs never show one."""

# Keys of [tool.beritaclean] in pyproject.toml, each naming its flag.
CONFIG_KEYS: Final = (
    "bylines",
    "field",
    "format",
    "jobs",
    "quotes",
    "skip",
    "steps",
    "title-field",
)


# --------------------------------------------------------------------------
# Settings: flags over [tool.beritaclean] over built-in defaults
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything one run needs, after flags and ``pyproject.toml`` are merged."""

    paths: tuple[str, ...]
    output: str | None = None
    in_place: bool = False
    check: bool = False
    diff: bool = False
    explain: bool = False
    explain_file: str | None = None
    stats: bool = False
    quiet: bool = False
    steps: tuple[str, ...] | None = None
    skip: tuple[str, ...] = ()
    bylines: str = "normalize"
    quotes: str = "ascii"
    fields: tuple[str, ...] = ("text",)
    title_field: str | None = None
    format: str = "auto"
    jobs: int = 1

    @property
    def writes(self) -> bool:
        """Whether cleaned data is written at all (not under ``--check``/``--diff``)."""
        return not (self.check or self.diff)

    @property
    def explains(self) -> bool:
        """Whether each document's edits are needed (``--explain`` or ``--stats``)."""
        return self.explain or self.explain_file is not None or self.stats


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="beritaclean",
        description=(
            "Clean text scraped from Indonesian news sites. Reads plain text or JSON Lines "
            "from PATHs (or stdin) and writes the cleaned text to stdout."
        ),
        epilog=(
            "Defaults can be set in [tool.beritaclean] in pyproject.toml; flags win. "
            "Exit codes: 0 done, 1 --check found changes, 2 bad usage or input."
        ),
    )
    add = parser.add_argument
    add("paths", nargs="*", metavar="PATH", help='files to clean; none or "-" reads stdin')
    out = parser.add_argument_group("output")
    out.add_argument(
        "-o", "--output", metavar="FILE", help='write to FILE (atomically); "-" is stdout'
    )
    out.add_argument("-i", "--in-place", action="store_true", help="rewrite each PATH (atomically)")
    out.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if anything would change",
    )
    out.add_argument(
        "--diff", action="store_true", help="print a unified diff on stdout; write nothing"
    )
    out.add_argument(
        "--explain",
        action="store_true",
        help="report edits and findings as JSON Lines on stderr",
    )
    out.add_argument(
        "--explain-file", metavar="PATH", help="report edits and findings to PATH instead"
    )
    out.add_argument("--stats", action="store_true", help="print a summary on stderr")
    out.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar, no 'would change' lines"
    )
    cleaning = parser.add_argument_group("cleaning")
    cleaning.add_argument(
        "--steps",
        action="append",
        metavar="NAMES",
        help="run only these steps, in this order (comma-separated; repeatable)",
    )
    cleaning.add_argument(
        "--skip", action="append", metavar="NAMES", help="leave out these steps (as --steps)"
    )
    cleaning.add_argument("--bylines", choices=BYLINE_MODES, help="dateline mode")
    cleaning.add_argument("--quotes", choices=QUOTE_MODES, help="quote mode")
    cleaning.add_argument(
        "--list-steps", action="store_true", help="list the steps in the default order and exit"
    )
    data = parser.add_argument_group("input")
    data.add_argument(
        "--format",
        choices=FORMATS,
        help="input format (default auto: jsonl for .jsonl/.ndjson, else text)",
    )
    data.add_argument(
        "--field",
        action="append",
        metavar="NAME",
        help="JSON field to clean (repeatable; default: text)",
    )
    data.add_argument(
        "--title-field", metavar="NAME", help="JSON field holding the article's title"
    )
    data.add_argument(
        "-j", "--jobs", type=int, metavar="N", help="worker processes (default 1; 0: every CPU)"
    )
    parser.add_argument("--version", action="version", version=f"beritaclean {__version__}")
    return parser


def _split_names(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(name.strip() for value in values for name in value.split(",") if name.strip())


def _check_steps(option: str, names: Sequence[str]) -> None:
    for name in names:
        if name not in STEPS:
            raise UserError(f"{option}: unknown step {name!r}; the steps are: {', '.join(STEPS)}")


def find_config(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest ``pyproject.toml`` with a ``[tool.beritaclean]`` table, from ``start`` up."""
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if not candidate.is_file():
            continue
        try:
            with candidate.open("rb") as handle:
                data = tomllib.load(handle)
        except tomllib.TOMLDecodeError as exc:
            raise UserError(f"{candidate}: invalid TOML ({exc})") from None
        except OSError as exc:
            raise UserError(f"{candidate}: cannot read ({exc.strerror or exc})") from None
        table = data.get("tool", {}).get("beritaclean")
        if table is not None:
            if not isinstance(table, dict):
                raise UserError(f"{candidate}: [tool.beritaclean] must be a table")
            return candidate, table
    return None


def _config_value(where: Path, key: str, value: object) -> object:  # noqa: C901 -- one branch per key
    def bad(expected: str) -> UserError:
        return UserError(
            f'{where}: [tool.beritaclean] key "{key}" must be {expected}, not {value!r}'
        )

    def names() -> tuple[str, ...]:
        if isinstance(value, str):
            return _split_names([value])
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return _split_names(value)
        raise bad("a list of step names")

    if key in ("steps", "skip"):
        return names()
    if key in ("bylines", "quotes", "format"):
        choices = {"bylines": BYLINE_MODES, "quotes": QUOTE_MODES, "format": FORMATS}[key]
        if value not in choices:
            raise bad("one of " + ", ".join(repr(c) for c in choices))
        return value
    if key == "field":
        if isinstance(value, str):
            return (value,)
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            return tuple(value)
        raise bad("a field name or a list of them")
    if key == "title-field":
        if not isinstance(value, str):
            raise bad("a field name")
        return value
    # jobs
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise bad("a whole number, 0 or more")
    return value


def _settings(args: argparse.Namespace, config: tuple[Path, dict[str, Any]] | None) -> Settings:
    conf: dict[str, Any] = {}
    if config is not None:
        where, table = config
        for key, value in table.items():
            if key not in CONFIG_KEYS:
                raise UserError(
                    f'{where}: unknown key "{key}" in [tool.beritaclean]; '
                    f"valid keys: {', '.join(CONFIG_KEYS)}"
                )
            conf[key] = _config_value(where, key, value)

    def pick(flag: object, key: str, default: Any) -> Any:  # noqa: ANN401 -- any setting
        if flag is not None:
            return flag
        return conf.get(key, default)

    steps = _split_names(args.steps) if args.steps is not None else conf.get("steps")
    skip = _split_names(args.skip) if args.skip is not None else conf.get("skip", ())
    if steps is not None:
        _check_steps("--steps", steps)
    _check_steps("--skip", skip)
    jobs = pick(args.jobs, "jobs", 1)
    if jobs < 0:
        raise UserError("--jobs must be 1 or more, or 0 for every CPU")
    settings = Settings(
        paths=tuple(args.paths) or (STDIN,),
        output=None if args.output == STDIN else args.output,  # "-o -": stdout
        in_place=args.in_place,
        check=args.check,
        diff=args.diff,
        explain=args.explain,
        explain_file=args.explain_file,
        stats=args.stats,
        quiet=args.quiet,
        steps=steps,
        skip=skip,
        bylines=pick(args.bylines, "bylines", "normalize"),
        quotes=pick(args.quotes, "quotes", "ascii"),
        fields=tuple(dict.fromkeys(args.field or conf.get("field", ("text",)))),
        title_field=pick(args.title_field, "title-field", None),
        format=pick(args.format, "format", "auto"),
        jobs=jobs,
    )
    _check_usage(settings)
    return settings


def _check_usage(s: Settings) -> None:
    if s.paths.count(STDIN) > 1:
        raise UserError('stdin ("-") can be read only once')
    if s.in_place and s.output is not None:
        raise UserError("--in-place and -o/--output cannot be combined")
    if s.in_place and STDIN in s.paths:
        raise UserError("--in-place needs file paths, not stdin")
    if (s.check or s.diff) and (s.in_place or s.output is not None):
        raise UserError("--check and --diff write nothing; drop -o/--output and --in-place")
    _check_files(s)


def _check_files(s: Settings) -> None:
    files = [p for p in s.paths if p != STDIN]
    for path in files:
        check_readable(path)
    if s.in_place and len({_identity(p) for p in files}) < len(files):
        raise UserError("--in-place: the same file is given more than once")
    inputs = {_identity(p): p for p in files}
    for option, target in (("-o/--output", s.output), ("--explain-file", s.explain_file)):
        if target is not None and _identity(target) in inputs:
            raise UserError(
                f"{target}: {option} is also an input file; use --in-place to rewrite it"
                if option == "-o/--output"
                else f"{target}: {option} is also an input file"
            )
    if (
        s.output is not None
        and s.explain_file is not None
        and _identity(s.output) == _identity(s.explain_file)
    ):
        raise UserError(f"{s.output}: -o/--output and --explain-file are the same file")


def _identity(path: str) -> tuple[int, int] | str:
    """Device and inode for an existing file (links and ``./`` resolve), else the real path."""
    try:
        st = Path(path).stat()
    except OSError:
        return os.path.realpath(path)
    return (st.st_dev, st.st_ino)


# --------------------------------------------------------------------------
# The stream of work: sources, documents and records, in input order
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Source:
    path: str  # "-" for stdin
    jsonl: bool

    @property
    def name(self) -> str:
        return "<stdin>" if self.path == STDIN else self.path

    def open(self) -> IO[bytes]:
        if self.path == STDIN:
            return sys.stdin.buffer
        return Path(self.path).open("rb")


@dataclass(frozen=True, slots=True)
class _Begin:
    source: _Source
    texts: tuple[str, ...] = ()
    title: str | None = None


@dataclass(frozen=True, slots=True)
class _End:
    source: _Source
    texts: tuple[str, ...] = ()
    title: str | None = None


@dataclass(frozen=True, slots=True)
class _TextDoc:
    source: _Source
    texts: tuple[str, ...]  # the document: the file without its final line break
    whole: str  # the file as read
    size: int
    title: str | None = None


@dataclass(frozen=True, slots=True)
class _RecordDoc:
    source: _Source
    record: JsonRecord
    names: tuple[str, ...]  # the fields cleaned, in --field order
    texts: tuple[str, ...]
    title: str | None
    missing: tuple[str, ...]  # fields missing or null


_Unit = _Begin | _End | _TextDoc | _RecordDoc


def _units(settings: Settings) -> Iterator[_Unit]:
    for path in settings.paths:
        jsonl = settings.format == "jsonl" or (
            settings.format == "auto" and path.lower().endswith(JSONL_SUFFIXES)
        )
        source = _Source(path, jsonl)
        yield _Begin(source)
        stream = source.open()
        try:
            if jsonl:
                for record in iter_jsonl(stream, source.name):
                    yield _record_doc(source, record, settings)
            else:
                data = stream.read()
                text = decode_utf8(data, source.name)
                # The file's final line break is the file's, not the document's.
                body = text.removesuffix("\n").removesuffix("\r")
                yield _TextDoc(source, (body,), text, len(data))
        finally:
            if path != STDIN:
                stream.close()
        yield _End(source)


def _record_doc(source: _Source, record: JsonRecord, settings: Settings) -> _RecordDoc:
    where = f"{source.name}:{record.line}"
    names: list[str] = []
    texts: list[str] = []
    missing: list[str] = []
    for name in settings.fields if not record.blank else ():
        value = record.fields.get(name, (None,))[0]
        if value is None:
            missing.append(name)
        elif isinstance(value, str):
            names.append(name)
            texts.append(value)
        else:
            raise UserError(f'{where}: field "{name}" is {json_type(value)}, expected a string')
    title = None
    if settings.title_field is not None and not record.blank:
        title = record.fields.get(settings.title_field, (None,))[0]
        if title is not None and not isinstance(title, str):
            raise UserError(
                f'{where}: field "{settings.title_field}" is {json_type(title)}, expected a string'
            )
    return _RecordDoc(source, record, tuple(names), tuple(texts), title, tuple(missing))


# --------------------------------------------------------------------------
# Stats and progress
# --------------------------------------------------------------------------


@dataclass(slots=True)
class _Stats:
    documents: int = 0
    texts: int = 0
    changed: int = 0
    chars_in: int = 0
    chars_out: int = 0
    bytes_in: int = 0
    edits: Counter[str] = field(default_factory=Counter)
    findings: Counter[str] = field(default_factory=Counter)
    missing: Counter[str] = field(default_factory=Counter)
    started: float = field(default_factory=time.perf_counter)

    def report(self) -> str:
        seconds = max(time.perf_counter() - self.started, 1e-9)
        change = (self.chars_out - self.chars_in) / self.chars_in * 100 if self.chars_in else 0.0

        def counts(counter: Counter[str]) -> str:
            return ", ".join(f"{k} {v:,}" for k, v in counter.most_common()) or "none"

        return "\n".join(
            [
                (
                    f"beritaclean: {self.documents:,} documents, {self.texts:,} texts cleaned, "
                    f"{self.changed:,} changed"
                ),
                f"  characters: {self.chars_in:,} in, {self.chars_out:,} out ({change:+.1f}%)",
                f"  edits: {counts(self.edits)}",
                f"  findings: {counts(self.findings)}",
                f"  missing or null fields: {counts(self.missing)}",
                (
                    f"  time: {seconds:.2f} s, {self.documents / seconds:,.0f} documents/s, "
                    f"{self.bytes_in / seconds / 1e6:.2f} MB/s"
                ),
            ]
        )


class _Progress:
    """A tqdm bar on stderr (documents, MB/s) when it is a terminal and tqdm is installed."""

    def __init__(self, settings: Settings) -> None:
        self._bar: Any = None
        if settings.quiet or (settings.explain and settings.explain_file is None):
            return
        if not sys.stderr.isatty():
            return
        try:
            from tqdm import tqdm  # noqa: PLC0415 -- optional extra "progress"
        except ImportError:
            return
        total: int | None = 0
        for path in settings.paths:
            try:
                total = (
                    None if path == STDIN or total is None else total + Path(path).stat().st_size
                )
            except OSError:
                total = None
        self._bar = tqdm(
            total=total,
            unit="B",
            unit_scale=True,
            unit_divisor=1000,
            desc="beritaclean",
            delay=PROGRESS_DELAY,
            file=sys.stderr,
            dynamic_ncols=True,
        )
        self._documents = 0

    def update(self, size: int) -> None:
        if self._bar is not None:
            self._documents += 1
            self._bar.set_postfix_str(f"{self._documents:,} docs", refresh=False)
            self._bar.update(size)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


# --------------------------------------------------------------------------
# The run
# --------------------------------------------------------------------------


def _diff(before: str, after: str, name: str, *, file_like: bool) -> str:
    if file_like:
        a, b = before.splitlines(keepends=True), after.splitlines(keepends=True)
        return "".join(
            line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
            for line in difflib.unified_diff(a, b, name, name)
        )
    diff = difflib.unified_diff(before.split("\n"), after.split("\n"), name, name, lineterm="")
    return "".join(line + "\n" for line in diff)


def _explain_line(result: CleanResult, path: str, line: int | None, name: str | None) -> str:
    entry: dict[str, Any] = {"path": path}
    if line is not None:
        entry["line"] = line
        entry["field"] = name
    entry["edits"] = [
        {"step": e.step, "span": [e.start, e.end], "before": e.before, "after": e.after}
        for e in result.edits
    ]
    entry["findings"] = [
        {"kind": f.kind, "span": [f.start, f.end], "excerpt": f.excerpt} for f in result.findings
    ]
    return json.dumps(entry, ensure_ascii=False)


class _Run:
    """Consumes the units in order, with one cleaned result per text."""

    def __init__(self, settings: Settings, stack: ExitStack) -> None:
        self.s = settings
        self.stats = _Stats()
        self.progress = _Progress(settings)
        stack.callback(self.progress.close)
        self.out: IO[bytes] | None = None
        if settings.writes and not settings.in_place:
            self.out = (
                stack.enter_context(atomic_write(settings.output))
                if settings.output is not None
                else sys.stdout.buffer
            )
        self.explain_out: IO[bytes] | None = None
        if settings.explain_file is not None:
            self.explain_out = stack.enter_context(atomic_write(settings.explain_file))
        self.any_changed = False
        self._source_stack: ExitStack | None = None
        self._changed_in_source = 0
        self._docs_in_source = 0

    # ---- sources
    def begin(self, source: _Source) -> None:
        self._changed_in_source = 0
        self._docs_in_source = 0
        if self.s.in_place:
            self._source_stack = ExitStack()
            self.out = self._source_stack.enter_context(atomic_write(source.path))

    def end(self, source: _Source) -> None:
        if self._source_stack is not None:
            self._source_stack.close()  # commits the rewrite of this file
            self._source_stack = None
            self.out = None
        if self.s.check and self._changed_in_source and not self.s.quiet:
            detail = (
                f" ({self._changed_in_source:,} of {self._docs_in_source:,} records)"
                if source.jsonl
                else ""
            )
            sys.stderr.write(f"would change {source.name}{detail}\n")

    def abort(self) -> None:
        if self._source_stack is not None:
            self._source_stack.__exit__(*sys.exc_info())
            self._source_stack = None

    # ---- documents
    def _note(self, before: str, result: str | CleanResult) -> str:
        text = result if isinstance(result, str) else result.text
        self.stats.texts += 1
        self.stats.chars_in += len(before)
        self.stats.chars_out += len(text)
        if isinstance(result, CleanResult):
            for edit in result.edits:
                self.stats.edits.update(edit.step.split("+"))
            self.stats.findings.update(f.kind for f in result.findings)
        return text

    def _explain(
        self, result: str | CleanResult, path: str, line: int | None, name: str | None
    ) -> None:
        if not isinstance(result, CleanResult) or not (self.s.explain or self.explain_out):
            return
        if not (result.edits or result.findings):
            return
        entry = _explain_line(result, path, line, name) + "\n"
        if self.explain_out is not None:
            self.explain_out.write(entry.encode("utf-8"))
        else:
            sys.stderr.write(entry)

    def _emit(self, data: bytes, diff: str) -> None:
        if self.s.diff and diff:
            sys.stdout.buffer.write(diff.encode("utf-8"))
        if self.out is not None:
            self.out.write(data)

    def text_doc(self, doc: _TextDoc, result: str | CleanResult) -> None:
        before = doc.whole
        cleaned = self._note(doc.texts[0], result) + "\n"
        self._explain(result, doc.source.name, None, None)
        changed = cleaned != before
        self._count(changed=changed, size=doc.size)
        diff = (
            _diff(before, cleaned, doc.source.name, file_like=True)
            if changed and self.s.diff
            else ""
        )
        self._emit(cleaned.encode("utf-8"), diff)

    def record_doc(self, doc: _RecordDoc, results: list[str | CleanResult]) -> None:
        self.stats.missing.update(doc.missing)
        replacements: dict[str, str] = {}
        diffs: list[str] = []
        where = f"{doc.source.name}:{doc.record.line}"
        for name, before, result in zip(doc.names, doc.texts, results, strict=True):
            after = self._note(before, result)
            self._explain(result, doc.source.name, doc.record.line, name)
            if after != before:
                replacements[name] = after
                if self.s.diff:
                    diffs.append(_diff(before, after, f"{where} {name}", file_like=False))
        if not doc.record.blank:
            self._count(changed=bool(replacements), size=len(doc.record.raw))
        self._emit(splice_record(doc.record, replacements), "".join(diffs))

    def _count(self, *, changed: bool, size: int) -> None:
        self.stats.documents += 1
        self.stats.bytes_in += size
        self._docs_in_source += 1
        if changed:
            self.stats.changed += 1
            self._changed_in_source += 1
            self.any_changed = True
        self.progress.update(size)


def _results(
    settings: Settings, units: Iterator[_Unit]
) -> Generator[str | CleanResult, None, None]:
    texts_src, titles_src = tee(units, 2)
    texts = (t for u in texts_src for t in u.texts)
    titles = (u.title for u in titles_src for _ in u.texts)
    options: dict[str, Any] = {
        "bylines": settings.bylines,
        "quotes": settings.quotes,
        "steps": settings.steps,
        "skip": settings.skip,
    }
    if settings.explains:
        return explain_many(texts, titles=titles, jobs=settings.jobs, **options)
    return clean_many(texts, titles=titles, jobs=settings.jobs, **options)


def _execute(settings: Settings) -> int:
    main_units, work_units = tee(_units(settings), 2)
    with ExitStack() as stack:
        run = _Run(settings, stack)
        results = _results(settings, work_units)
        stack.callback(results.close)  # stops the workers, however the run ends
        try:
            for unit in main_units:
                if isinstance(unit, _Begin):
                    run.begin(unit.source)
                elif isinstance(unit, _End):
                    run.end(unit.source)
                elif isinstance(unit, _TextDoc):
                    run.text_doc(unit, next(results))
                else:
                    run.record_doc(unit, [next(results) for _ in unit.texts])
        except BaseException:
            run.abort()
            raise
        sys.stdout.flush()
        sys.stdout.buffer.flush()  # a closed pipe shows here, not at exit
    if settings.stats:
        sys.stderr.write(run.stats.report() + "\n")
    return EXIT_CHANGED if settings.check and run.any_changed else EXIT_OK


def _list_steps() -> str:
    lines = []
    for name, func in STEPS.items():
        summary = (func.__doc__ or "").strip().splitlines()[0] if func.__doc__ else ""
        lines.append(f"{name:<28} {summary}".rstrip())
    return "\n".join(lines) + "\n"


def _error(message: str) -> None:
    sys.stderr.write(f"beritaclean: {message}\n")


def _quiet_stdout() -> None:
    # The reader went away (`beritaclean big.jsonl | head`): point stdout at
    # /dev/null so that flushing at exit does not complain about it.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: Sequence[str] | None = None) -> int:  # noqa: PLR0911 -- one exit per outcome
    """Run the command with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error argparse reported
        return exc.code if isinstance(exc.code, int) else EXIT_ERROR
    try:
        if args.list_steps:
            sys.stdout.write(_list_steps())
            sys.stdout.flush()
            return EXIT_OK
        settings = _settings(args, find_config(Path.cwd()))
        return _execute(settings)
    except UserError as exc:
        _error(str(exc))
        return EXIT_ERROR
    except KeyboardInterrupt:
        _error("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_BROKEN_PIPE
    except OSError as exc:  # disk full, a folder that vanished: the system's words
        _error(str(exc))
        return EXIT_ERROR
    except Exception as exc:  # noqa: BLE001 -- an internal error still gets one clear line
        if os.environ.get("BERITACLEAN_TRACEBACK"):
            traceback.print_exc()
        _error(
            f"internal error: {type(exc).__name__}: {exc}. This is a bug in beritaclean "
            f"{__version__}; please report it at {ISSUES_URL} with the command you ran "
            "(set BERITACLEAN_TRACEBACK=1 to see the traceback)."
        )
        return EXIT_ERROR


def main_entry() -> None:
    """Console-script entry point."""
    sys.exit(main())
