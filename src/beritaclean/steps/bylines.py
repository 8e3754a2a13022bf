"""``fix_bylines`` and ``parse_byline``: datelines and reporter lines (SPEC §3.5)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Final, Literal

import regex

from beritaclean.edits import Span, apply_spans
from beritaclean.steps._util import paragraphs

__all__ = ["BYLINE_MODES", "Byline", "fix_bylines", "fix_bylines_spans", "parse_byline"]

BYLINE_MODES: Final = ("normalize", "strip", "keep")


@dataclass(frozen=True, slots=True)
class Byline:
    """A parsed dateline (and reporter line, when there is one).

    Attributes:
        outlet: The outlet as written (``"TRIBUNNEWS.COM"``), if any.
        place: The place as written (``"JAKARTA"``), if any.
        reporter: The reporter's name from a reporter line, if any.
        start: Where the byline starts in the text it was parsed from.
        end: Where it ends (exclusive), separator included.
    """

    outlet: str | None
    place: str | None
    reporter: str | None
    start: int
    end: int

    def with_span(self, start: int, end: int) -> Byline:
        """The same byline with another span (for mapping offsets)."""
        return replace(self, start=start, end=end)


# The general shape of an outlet's dateline: a domain-like name, an optional
# place after a comma, a dash (`TRIBUNNEWS.COM- `, `Liputan6.com, Jakarta - `).
DATELINE_RE: Final = regex.compile(
    r"(?P<outlet>[A-Za-z][A-Za-z0-9-]*(?:\.[A-Za-z]{2,})+)"
    r"(?:, ?(?P<place>\p{Lu}[\p{L}. ]{1,30}?))?"
    r"(?P<sep> *(?:--?|–|—) *)(?=\S)",
)
_FIRST_PARAGRAPHS: Final = 3


def parse_byline(text: str) -> Byline | None:
    r"""Find and parse the dateline that opens the lead.

    >>> parse_byline("Judul\n\nTRIBUNNEWS.COM- Presiden AS mengungkapkan")
    Byline(outlet='TRIBUNNEWS.COM', place=None, reporter=None, start=7, end=23)
    """
    for count, (start, _end) in enumerate(paragraphs(text)):
        if count >= _FIRST_PARAGRAPHS * 3:
            break
        m = DATELINE_RE.match(text, start)
        if m is not None:
            return Byline(m["outlet"], m["place"], None, m.start(), m.end())
    return None


def fix_bylines_spans(
    text: str, *, mode: Literal["normalize", "strip", "keep"] = "normalize"
) -> list[Span]:
    """Find the replacements :func:`fix_bylines` makes."""
    if mode not in BYLINE_MODES:
        raise ValueError(f"mode={mode!r} is not valid; choose one of 'normalize', 'strip', 'keep'")
    if mode == "keep":
        return []
    for count, (start, _end) in enumerate(paragraphs(text)):
        if count >= _FIRST_PARAGRAPHS * 3:
            break
        m = DATELINE_RE.match(text, start)
        if m is None:
            continue
        if mode == "strip":
            return [(m.start(), m.end(), "")]
        a, b = m.span("sep")
        return [] if text[a:b] == " - " else [(a, b, " - ")]
    return []


def fix_bylines(text: str, *, mode: Literal["normalize", "strip", "keep"] = "normalize") -> str:
    """Give the dateline one form, or strip it.

    Args:
        text: Any text.
        mode: ``"normalize"`` keeps the dateline's words and fixes its form
            (the separator becomes `` - ``), ``"strip"`` removes the dateline
            and the reporter line, ``"keep"`` leaves them.

    >>> fix_bylines("TRIBUNNEWS.COM- Presiden AS mengungkapkan")
    'TRIBUNNEWS.COM - Presiden AS mengungkapkan'
    """
    return apply_spans(text, fix_bylines_spans(text, mode=mode))
