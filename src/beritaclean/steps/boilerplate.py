"""``remove_boilerplate``: related links, ads, widgets, credits (SPEC §3.4)."""

from __future__ import annotations

from typing import Final

import regex

from beritaclean.edits import Span, apply_spans
from beritaclean.steps._util import paragraphs, remove_lines

__all__ = ["remove_boilerplate", "remove_boilerplate_spans"]

# Whole lines that are not the article: a related link on its own line
# (`Baca juga: Gibran soal ...`), ad labels (`ADVERTISEMENT`), and lines of
# punctuation only (`,` where a scraper joined text nodes with commas).
BOILERPLATE_LINE_RE: Final = regex.compile(
    r"(?i:baca|lihat|simak) (?i:juga)\b.*|ADVERTISEMENT|SCROLL TO CONTINUE WITH CONTENT|[\p{P}\s]+",
)


def remove_boilerplate_spans(text: str) -> list[Span]:
    """Find the boilerplate :func:`remove_boilerplate` removes."""
    lines = [
        (start, end)
        for start, end in paragraphs(text)
        if start < end and BOILERPLATE_LINE_RE.fullmatch(text, start, end) is not None
    ]
    return remove_lines(text, lines)


def remove_boilerplate(text: str) -> str:
    r"""Remove text that is not the article.

    >>> remove_boilerplate("Isi berita.\nBaca juga: Gibran Bahas Pilpres\nADVERTISEMENT\nLanjutan.")
    'Isi berita.\nLanjutan.'
    """
    return apply_spans(text, remove_boilerplate_spans(text))
