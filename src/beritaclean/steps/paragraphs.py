"""``dedupe_paragraphs``: drop a paragraph that repeats an earlier one (SPEC §3.7).

A paragraph of :data:`MIN_WORDS` or more words that repeats an earlier
paragraph exactly (after whitespace normalization) is a scraper's duplicate
and goes; the earlier one stays where it is.

One exception keeps real content (SPEC §1): a *list row* may repeat. In a
list of results or prices two rows can be the same words
(``Jakarta dan Banten: 35,2 persen`` under two candidates,
``Pertalite: Rp 10.000 per liter`` under two provinces). A repeated paragraph
that looks like a row, next to another row (not the same one), is such a
row and stays. A paragraph looks like a row when it has fewer than
:data:`LIST_ROW_WORDS` words and either has a label (``Harga: ...``) or does
not end like a sentence (``.``, ``!``, ``?``, maybe followed by a closing
quote or bracket).
"""

from __future__ import annotations

from typing import Final

import regex

from beritaclean.edits import Span, apply_spans
from beritaclean.steps._util import paragraphs, remove_lines

__all__ = ["LIST_ROW_WORDS", "MIN_WORDS", "dedupe_paragraphs", "dedupe_paragraphs_spans"]

MIN_WORDS: Final = 5
"""A paragraph must have this many words to count as a duplicate."""
LIST_ROW_WORDS: Final = 10
"""A paragraph shorter than this may be a list row."""

# How a sentence ends: `kata dia.`, `benar?"`, `(27/12/2023).`, `luar biasa!)`.
SENTENCE_END_RE: Final = regex.compile(r"[.!?][\"'”’)\]]*\Z")


def dedupe_paragraphs_spans(text: str) -> list[Span]:
    """Find the repeated paragraphs :func:`dedupe_paragraphs` removes."""
    if "\n" not in text:
        return []
    # (start, end, normalized text, word count, looks like a row) of every non-blank line.
    lines: list[tuple[int, int, str, int, bool]] = []
    for start, end in paragraphs(text):
        words = text[start:end].split()
        if not words:
            continue
        key = " ".join(words)
        count = len(words)
        row = count < LIST_ROW_WORDS and (": " in key or not SENTENCE_END_RE.search(key))
        lines.append((start, end, key, count, row))
    seen: set[str] = set()
    repeated: list[tuple[int, int]] = []
    for i, (start, end, key, count, row) in enumerate(lines):
        if count < MIN_WORDS:
            continue
        if key not in seen:
            seen.add(key)
        elif not (row and _next_to_a_row(lines, i)):
            repeated.append((start, end))
    return remove_lines(text, repeated)


def _next_to_a_row(lines: list[tuple[int, int, str, int, bool]], i: int) -> bool:
    key = lines[i][2]
    return any(0 <= j < len(lines) and lines[j][4] and lines[j][2] != key for j in (i - 1, i + 1))


def dedupe_paragraphs(text: str) -> str:
    r"""Remove a paragraph of five or more words that repeats an earlier one.

    Args:
        text: Any text.

    Returns:
        The text without the repeats.

    >>> dedupe_paragraphs("Harga emas naik hari ini.\n\nKata dia.\n\nHarga emas naik hari ini.")
    'Harga emas naik hari ini.\n\nKata dia.'

    A row that repeats in a second list stays:

    >>> rows = "Anies\nJawa Barat: 32,2 persen\nPrabowo\nJawa Barat: 32,2 persen\nGanjar"
    >>> dedupe_paragraphs(rows) == rows
    True
    """
    return apply_spans(text, dedupe_paragraphs_spans(text))
