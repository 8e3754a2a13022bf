r"""``normalize_whitespace``: line breaks, odd spaces, blank lines (SPEC §3.2).

A run of whitespace needs rewriting only if it holds an odd character (a
tab, a no-break space, a zero-width character, a line break other than
``\n``), or two spaces, a space next to a line break, three line breaks in a
row, or touches an end of the document. Each kind is found by its own search
that skips plain text at C speed (one literal to look for, never a set that
includes the plain space); a tidy document costs a few scans.
"""

from __future__ import annotations

import re
from typing import Final

from beritaclean.edits import Span, apply_spans

__all__ = ["normalize_whitespace", "normalize_whitespace_spans"]

# Every horizontal space that is not a plain space: tabs, no-break spaces
# (`Rusia.\u00a0` ends a paragraph), the other Unicode space separators, and
# the vertical tab and form feed.
_ODD_SPACE: Final = "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\x0b\x0c"
# Zero-width characters scrapers leave inside words (`Ja\u200bkarta`).
_ZERO_WIDTH: Final = "\u200b\u200c\u200d\u2060\ufeff"
# Line breaks: \n, \r\n and \r, and the Unicode line and paragraph
# separators and NEL, which end a line as surely as \n does (treating them
# as spaces would join paragraphs).
_BREAK: Final = "\n\r\u2028\u2029\x85"
_ANY: Final = f" {_ODD_SPACE}{_ZERO_WIDTH}{_BREAK}"
_HORIZONTAL: Final = frozenset(" \t\u00a0\u1680\u202f\u205f\u3000\x0b\x0c").union(
    chr(c) for c in range(0x2000, 0x200B)
)
_WHITESPACE: Final = _HORIZONTAL.union(_ZERO_WIDTH, _BREAK)
# The whitespace characters that are neither a plain space nor `\n`: a run
# holding one always changes. The ASCII ones first: ASCII text has no other.
_ODD_ASCII: Final = ("\t", "\r", "\x0b", "\x0c")
_ODD: Final = _ODD_ASCII + tuple(sorted(_WHITESPACE.difference(" \n", _ODD_ASCII)))
# `c in text` looks for a character in a UCS-2 string with `memchr` on its
# low byte; for U+2000 and U+3000 that byte is 0, the high byte of every
# ASCII character, and the search crawls. `str.rfind` steps through plainly.
_LOW_ZERO: Final = frozenset(c for c in _ODD if ord(c) > 0xFF and not ord(c) & 0xFF)
# The rest of a run of whitespace from where a search found it, per odd
# character (`\u00a0 ` in `Rusia.\u00a0 Selain`): a search for one literal
# character is many times faster than a search for a set of them.
ODD_RUN_RES: Final = {c: re.compile(f"{re.escape(c)}[{_ANY}]*") for c in _ODD}
# Two plain spaces (`Maskapai  penerbangan`), and the rest of their run.
DOUBLE_SPACE_RE: Final = re.compile(f"  [{_ANY}]*")
# A line break with a space before it (`kata. \n`) or after it (`\n  "Kami`),
# or two blank lines (`\n\n\n`). The search looks for the rare `\n` and
# only then behind it: searching for `" \n"` would stop at every space.
BREAK_RUN_RE: Final = re.compile(f"\n(?:(?<= \n)| |\n\n)[{_ANY}]*")
# A run of whitespace from its first character.
RUN_RE: Final = re.compile(f"[{_ANY}]+")
_SPACES: Final = "".join(sorted(_HORIZONTAL))


def _replacement(run: str) -> str:
    """What a run of whitespace inside the document becomes."""
    if not run.strip(_SPACES):
        return " "  # spaces only (`\u00a0 `): the common case
    breaks = (
        run.count("\n")
        + run.count("\r")
        - run.count("\r\n")
        + run.count("\u2028")
        + run.count("\u2029")
        + run.count("\x85")
    )
    if breaks >= 2:
        return "\n\n"
    if breaks == 1:
        return "\n"
    if any(c in _HORIZONTAL for c in run):
        return " "
    return ""  # zero-width characters only


def _odd_characters(text: str) -> list[str]:
    r"""The whitespace characters other than a space and `\n` that ``text`` holds."""
    if text.isascii():
        if "\t" not in text and "\r" not in text and "\x0b" not in text and "\x0c" not in text:
            return []
        return [c for c in _ODD_ASCII if c in text]
    return [c for c in _ODD if (c in text if c not in _LOW_ZERO else text.rfind(c) >= 0)]


def normalize_whitespace_spans(text: str) -> list[Span]:
    """Find the whitespace runs that :func:`normalize_whitespace` rewrites."""
    if not text:
        return []
    odd = _odd_characters(text)
    # `str.rfind` answers "is there one?" fastest (the search backwards skips
    # more than the forwards one); most texts have none.
    double = DOUBLE_SPACE_RE.search(text) if text.rfind("  ") >= 0 else None
    new_line = BREAK_RUN_RE.search(text) if "\n" in text else None  # (a memchr first)
    at_edges = text[0] in _WHITESPACE or text[-1] in _WHITESPACE
    if not (odd or double or new_line or at_edges):
        return []  # every run is a lone space, `\n` or `\n\n` inside the text
    found = [m for c in odd for m in ODD_RUN_RES[c].finditer(text)]
    if double is not None:
        found.extend(DOUBLE_SPACE_RE.finditer(text, double.start()))
    if new_line is not None:
        found.extend(BREAK_RUN_RE.finditer(text, new_line.start()))
    runs = {_run_start(text, m.start()): m.end() for m in found}  # start -> end
    end_of_text = len(text)
    first_run = RUN_RE.match(text)
    if first_run is not None:
        runs[0] = first_run.end()
    if text[-1] in _WHITESPACE:
        runs[_run_start(text, end_of_text - 1)] = end_of_text
    spans: list[Span] = []
    for start, end in sorted(runs.items()):
        run = text[start:end]
        replacement = "" if start == 0 or end == end_of_text else _replacement(run)
        if replacement != run:
            spans.append((start, end, replacement))
    return spans


def _run_start(text: str, pos: int) -> int:
    """Where the run of whitespace holding ``text[pos]`` starts."""
    while pos and text[pos - 1] in _WHITESPACE:
        pos -= 1
    return pos


def normalize_whitespace(text: str) -> str:
    r"""Normalize line breaks, spaces and blank lines.

    ``\r\n`` and ``\r`` become ``\n`` (so do the Unicode line and paragraph
    separators and NEL); tabs, no-break and other Unicode spaces become a
    plain space; zero-width characters go; runs of spaces collapse to
    one; lines lose their leading and trailing spaces; two or more blank lines
    become one; the document loses its leading and trailing blank lines. The
    result never ends with a newline. Paragraphs are never joined.

    Args:
        text: Any text.

    Returns:
        The text with its whitespace normalized.

    >>> normalize_whitespace("Presiden  Rusia.\u00a0\r\n\r\n\r\nSelain itu,\tpara pemimpin ")
    'Presiden Rusia.\n\nSelain itu, para pemimpin'
    """
    return apply_spans(text, normalize_whitespace_spans(text))
