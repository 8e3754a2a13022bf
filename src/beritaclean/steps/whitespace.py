"""``normalize_whitespace``: line breaks, odd spaces, blank lines (SPEC §3.2)."""

from __future__ import annotations

import regex

from beritaclean.edits import Span, apply_spans

__all__ = ["normalize_whitespace", "normalize_whitespace_spans"]

# Every horizontal space that is not a plain space: tabs, no-break spaces
# (`Rusia.\u00a0` ends seed paragraphs), the Unicode space separators, and
# the zero-width characters scrapers leave inside words (U+200B, U+FEFF ...).
_ODD_SPACE = "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\x0b\x0c\u0085\u2028\u2029"
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"

_WS = f"[ {_ODD_SPACE}{_ZERO_WIDTH}\r]"
# One pass finds every run that needs rewriting, and never a lone plain space
# between two words (the common case costs nothing):
#  - a run of spaces around line breaks (`kata.  \n\n\n  "Kami` → `kata.\n\n"Kami`);
#  - spaces at either end of the document;
#  - a run of 2+ spaces inside a line (`Maskapai  penerbangan`);
#  - any odd space or zero-width character inside a line (`Rusia.\u00a0`).
WHITESPACE_RUN_RE = regex.compile(
    rf"{_WS}*\n[\n{_WS[1:-1]}]*|\A{_WS}+|{_WS}+\Z| {_WS}+"
    rf"|{_WS}*[{_ODD_SPACE}{_ZERO_WIDTH}\r]{_WS}*",
)
_HORIZONTAL = f" {_ODD_SPACE}"


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


def normalize_whitespace_spans(text: str) -> list[Span]:
    """Find the whitespace runs that :func:`normalize_whitespace` rewrites."""
    if not text or _is_tidy(text):
        return []
    spans: list[Span] = []
    end_of_text = len(text)
    for m in WHITESPACE_RUN_RE.finditer(text):
        start, end = m.span()
        run = m.group()
        if start == 0 or end == end_of_text:
            replacement = ""
        else:
            # Count line breaks, with \r\n and a lone \r each one break.
            breaks = run.count("\n") + run.count("\r") - run.count("\r\n")
            if breaks >= 2:
                replacement = "\n\n"
            elif breaks == 1:
                replacement = "\n"
            elif all(c in _ZERO_WIDTH for c in run):
                replacement = ""
            elif any(c in _HORIZONTAL for c in run):
                replacement = " "
            else:
                replacement = ""
        if replacement != run:
            spans.append((start, end, replacement))
    return spans


def normalize_whitespace(text: str) -> str:
    r"""Normalize line breaks, spaces and blank lines.

    ``\r\n`` and ``\r`` become ``\n``; tabs, no-break and other Unicode spaces
    become a plain space; zero-width characters go; runs of spaces collapse to
    one; lines lose their leading and trailing spaces; two or more blank lines
    become one; the document loses its leading and trailing blank lines. The
    result never ends with a newline. Paragraphs are never joined.

    >>> normalize_whitespace("Presiden  Rusia.\u00a0\r\n\r\n\r\nSelain itu,\tpara pemimpin ")
    'Presiden Rusia.\n\nSelain itu, para pemimpin'
    """
    return apply_spans(text, normalize_whitespace_spans(text))
