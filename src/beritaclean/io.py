"""Reading plain text and JSON Lines, writing atomically (SPEC §6).

Plain text: one file is one document. JSON Lines: one object per line, read
line by line in constant memory. A record keeps its exact bytes unless one of
the cleaned fields changed; then only those fields' values are replaced in
the line, so every other key, its position, spacing and number format stay
as they were.

Every problem with the user's input is a :class:`UserError` whose message is
one line naming the file and the line or byte offset.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Sequence

__all__ = [
    "JsonRecord",
    "UserError",
    "atomic_write",
    "check_readable",
    "decode_utf8",
    "dumps_string",
    "iter_jsonl",
    "json_type",
    "parse_record",
    "splice_record",
]


class UserError(Exception):
    """A problem with the input or the command line: one line for stderr, exit 2."""


def decode_utf8(data: bytes, name: str, *, offset: int = 0, line: int | None = None) -> str:
    r"""Decode UTF-8 strictly; name the first bad byte's offset in the file.

    >>> decode_utf8("Jakarta".encode(), "a.txt")
    'Jakarta'
    >>> decode_utf8(b"abc\xff", "a.txt")
    Traceback (most recent call last):
    ...
    beritaclean.io.UserError: a.txt: invalid UTF-8 at byte 3
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        where = name if line is None else f"{name}:{line}"
        raise UserError(f"{where}: invalid UTF-8 at byte {offset + exc.start}") from None


def check_readable(path: str) -> None:
    """Raise :class:`UserError` unless ``path`` is a regular file this process can read."""
    try:
        with open(path, "rb"):  # noqa: PTH123 -- open() is what reading will do
            pass
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UserError(f"{path}: is a directory, not a file") from None
    except PermissionError:
        raise UserError(f"{path}: permission denied") from None
    except OSError as exc:
        raise UserError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if Path(path).is_dir():  # some platforms open directories without error
        raise UserError(f"{path}: is a directory, not a file")


# --------------------------------------------------------------------------
# JSON Lines
# --------------------------------------------------------------------------

_DECODER: Final = json.JSONDecoder()
# The C string scanner json.loads itself uses; not in typeshed's stubs.
_scanstring: Final = json.decoder.scanstring  # type: ignore[attr-defined]
# JSON's whitespace between tokens: `{ "text" : "…" }`.
_WS_RE: Final = re.compile(r"[ \t\n\r]*")
# A lone surrogate from a `"\ud800"` escape cannot be written as UTF-8; it is
# written back as the escape it came from.
_SURROGATE_RE: Final = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class JsonRecord:
    """One line of a JSON Lines file.

    Attributes:
        line: The 1-based line number.
        raw: The line's exact bytes, with its line ending.
        text: The decoded line without its line ending; ``""`` for a blank line.
        fields: Top-level key -> ``(value, start, end)``, where ``start:end``
            is the value's span in :attr:`text`; empty for a blank line.
    """

    line: int
    raw: bytes
    text: str
    fields: Mapping[str, tuple[Any, int, int]]

    @property
    def blank(self) -> bool:
        """Whether the line holds only whitespace (passed through as it is)."""
        return not self.text.strip(" \t\r\n")

    @property
    def ending(self) -> str:
        r"""The line ending, ``"\\r\\n"``, ``"\\n"`` or ``""`` (a last line without one)."""
        return _ending(self.raw)


def _ending(raw: bytes) -> str:
    if raw.endswith(b"\r\n"):
        return "\r\n"
    return "\n" if raw.endswith(b"\n") else ""


def iter_jsonl(stream: IO[bytes], name: str) -> Iterator[JsonRecord]:
    """Read JSON Lines one line at a time.

    Blank lines are passed through; any other line must be a JSON object.

    Raises:
        UserError: ``name:line: invalid UTF-8 at byte N``, ``name:line:
            invalid JSON (reason)`` or ``name:line: expected a JSON object,
            found an array``.
    """
    offset = 0
    for number, raw in enumerate(stream, 1):
        text = decode_utf8(raw, name, offset=offset, line=number)
        offset += len(raw)
        body = text[: len(text) - len(_ending(raw))]
        if not body.strip(" \t\r\n"):
            yield JsonRecord(number, raw, body, {})
            continue
        yield JsonRecord(number, raw, body, parse_record(body, f"{name}:{number}"))


def parse_record(line: str, where: str) -> dict[str, tuple[Any, int, int]]:
    """Parse one JSON object, keeping where each top-level value sits in ``line``.

    >>> parse_record('{"id": 7, "text": "Jakarta"}', "x")
    {'id': (7, 7, 8), 'text': ('Jakarta', 18, 27)}
    >>> parse_record('{"id": 7,}', "data.jsonl:3")
    Traceback (most recent call last):
    ...
    beritaclean.io.UserError: data.jsonl:3: invalid JSON (Expecting property name enclosed in double quotes)
    """  # noqa: E501
    try:
        return _scan_object(line)
    except (ValueError, IndexError, RecursionError):
        pass
    # The scanner only says "no"; json.loads says why, in the words users know.
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        raise UserError(f"{where}: invalid JSON ({exc.msg})") from None
    except RecursionError:
        raise UserError(f"{where}: invalid JSON (nested too deeply)") from None
    raise UserError(f"{where}: expected a JSON object, found {json_type(value)}")


def _scan_object(line: str) -> dict[str, tuple[Any, int, int]]:
    fields: dict[str, tuple[Any, int, int]] = {}
    pos = _skip(line, 0)
    if line[pos] != "{":
        raise ValueError
    pos = _skip(line, pos + 1)
    if line[pos] == "}":
        pos += 1
    else:
        while True:
            if line[pos] != '"':
                raise ValueError
            key, pos = _scanstring(line, pos + 1)
            pos = _skip(line, pos)
            if line[pos] != ":":
                raise ValueError
            start = _skip(line, pos + 1)
            value, end = _DECODER.raw_decode(line, start)
            fields[key] = (value, start, end)  # a repeated key: the last wins, as in json.loads
            pos = _skip(line, end)
            if line[pos] == ",":
                pos = _skip(line, pos + 1)
            elif line[pos] == "}":
                pos += 1
                break
            else:
                raise ValueError
    if _skip(line, pos) != len(line):
        raise ValueError
    return fields


def _skip(line: str, pos: int) -> int:
    match = _WS_RE.match(line, pos)
    return match.end() if match else pos


def json_type(value: object) -> str:
    """Name a JSON value's type with its article, as in an error message.

    >>> json_type(3), json_type(None), json_type([1]), json_type(True)
    ('a number', 'null', 'an array', 'a boolean')
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def dumps_string(value: str) -> str:
    r"""Serialize a string as JSON without escaping non-ASCII characters.

    >>> dumps_string('Kata "dia" di Bogor')
    '"Kata \\"dia\\" di Bogor"'
    >>> dumps_string("\ud800")
    '"\\ud800"'
    """
    out = json.dumps(value, ensure_ascii=False)
    if _SURROGATE_RE.search(out):
        out = _SURROGATE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", out)
    return out


def splice_record(record: JsonRecord, replacements: Mapping[str, str]) -> bytes:
    r"""The record's line with the given top-level string values replaced.

    Everything else in the line stays byte for byte.

    >>> rec = JsonRecord(1, b'{"id":1, "text": "a ."}\n', '{"id":1, "text": "a ."}',
    ...                  parse_record('{"id":1, "text": "a ."}', "x"))
    >>> splice_record(rec, {"text": "a."})
    b'{"id":1, "text": "a."}\n'
    """
    if not replacements:
        return record.raw
    spans: Sequence[tuple[int, int, str]] = sorted(
        (record.fields[key][1], record.fields[key][2], dumps_string(value))
        for key, value in replacements.items()
    )
    parts: list[str] = []
    pos = 0
    for start, end, new in spans:
        parts.append(record.text[pos:start])
        parts.append(new)
        pos = end
    parts.append(record.text[pos:])
    parts.append(record.ending)
    return "".join(parts).encode("utf-8")


# --------------------------------------------------------------------------
# Atomic writes
# --------------------------------------------------------------------------


@contextmanager
def atomic_write(path: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    """Write ``path`` all at once or not at all.

    The data goes to a temporary file in the same folder, which is flushed,
    fsynced and renamed over ``path`` when the block ends without an error.
    On any error, Ctrl-C included, the temporary file is removed and
    ``path`` is left as it was. An existing file keeps its permissions; a
    symbolic link is followed, so the file it points to is replaced.

    Raises:
        UserError: If the folder cannot be written to.
    """
    target = Path(os.path.realpath(path))
    try:
        fd, tmp = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".beritaclean.tmp"
        )
    except OSError as exc:
        raise UserError(f"{path}: cannot write ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        _set_mode(target, tmp)
        os.replace(tmp, target)  # noqa: PTH105 -- mkstemp gives a str path
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)  # noqa: PTH108 -- mkstemp gives a str path
        raise
    _fsync_dir(target.parent)


def _set_mode(target: Path, tmp: str) -> None:
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        # A new file gets the permissions open() would give it (mkstemp's are 0600).
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(tmp, mode)  # noqa: PTH101 -- mkstemp gives a str path


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable on POSIX; not possible (nor needed) everywhere.
    with suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
