"""``dedupe_paragraphs``: drop a paragraph that repeats an earlier one (SPEC §3.7)."""

from __future__ import annotations

from typing import Final

from beritaclean.edits import Span, apply_spans
from beritaclean.steps._util import paragraphs, remove_lines

__all__ = ["MIN_WORDS", "dedupe_paragraphs", "dedupe_paragraphs_spans"]

MIN_WORDS: Final = 5
"""A paragraph must have this many words to count as a duplicate."""


def dedupe_paragraphs_spans(text: str) -> list[Span]:
    """Find the repeated paragraphs :func:`dedupe_paragraphs` removes."""
    if "\n" not in text:
        return []
    seen: set[str] = set()
    repeated: list[tuple[int, int]] = []
    for start, end in paragraphs(text):
        words = text[start:end].split()
        if len(words) < MIN_WORDS:
            continue
        key = " ".join(words)
        if key in seen:
            repeated.append((start, end))
        else:
            seen.add(key)
    return remove_lines(text, repeated)


def dedupe_paragraphs(text: str) -> str:
    r"""Remove a paragraph of five or more words that repeats an earlier one.

    >>> dedupe_paragraphs("Harga emas naik hari ini.\n\nKata dia.\n\nHarga emas naik hari ini.")
    'Harga emas naik hari ini.\n\nKata dia.'
    """
    return apply_spans(text, dedupe_paragraphs_spans(text))
