"""``normalize_whitespace``: line breaks, odd spaces, blank lines (SPEC §3.2)."""

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
# A run of whitespace that needs rewriting: one that starts with anything
# but a plain space (`\u00a0`, `\n`, `\u200b`), or holds two or more
# characters (`Maskapai  penerbangan`, `kata.  \n\n\n  "Kami`). A lone plain
# space between two words is never matched, and the shared first-character
# set lets the engine skip plain text at C speed.
WHITESPACE_RUN_RE: Final = re.compile(f"[{_ANY}](?:(?<=[^ ])[{_ANY}]*|[{_ANY}]+)")
_HORIZONTAL: Final = frozenset(" \t\u00a0\u1680\u202f\u205f\u3000\x0b\x0c").union(
    chr(c) for c in range(0x2000, 0x200B)
)
_WHITESPACE: Final = _HORIZONTAL.union(_ZERO_WIDTH, _BREAK)


def _is_tidy(text: str) -> bool:
    """Tell cheaply that ASCII text needs nothing from this step."""
    return (
        text.isascii()
        and "  " not in text
        and "\r" not in text
        and "\t" not in text
        and "\x0b" not in text
        and "\x0c" not in text
        and " \n" not in text
        and "\n " not in text
        and "\n\n\n" not in text
        and not text.startswith((" ", "\n"))
        and not text.endswith((" ", "\n"))
    )


def _replacement(run: str) -> str:
    """What a run of whitespace inside the document becomes."""
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


def normalize_whitespace_spans(text: str) -> list[Span]:
    """Find the whitespace runs that :func:`normalize_whitespace` rewrites."""
    if not text or _is_tidy(text):
        return []
    spans: list[Span] = []
    end_of_text = len(text)
    if text[0] == " " and (len(text) == 1 or text[1] not in _WHITESPACE):
        spans.append((0, 1, ""))  # a lone space opening the document
    for m in WHITESPACE_RUN_RE.finditer(text):
        start, end = m.span()
        run = m.group()
        replacement = "" if start == 0 or end == end_of_text else _replacement(run)
        if replacement != run:
            spans.append((start, end, replacement))
    if text[-1] == " " and end_of_text > 1 and text[-2] not in _WHITESPACE:
        spans.append((end_of_text - 1, end_of_text, ""))  # and one closing it
    return spans


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
