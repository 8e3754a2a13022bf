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

from itertools import accumulate
from typing import Final

import regex

from beritaclean.edits import Span, apply_spans
from beritaclean.steps._util import remove_lines

__all__ = ["LIST_ROW_WORDS", "MIN_WORDS", "dedupe_paragraphs", "dedupe_paragraphs_spans"]

MIN_WORDS: Final = 5
"""A paragraph must have this many words to count as a duplicate."""
LIST_ROW_WORDS: Final = 10
"""A paragraph shorter than this may be a list row."""

# How a sentence ends: `kata dia.`, `benar?"`, `(27/12/2023).`, `luar biasa!)`.
SENTENCE_END_RE: Final = regex.compile(r"[.!?][\"'”’)\]]*\Z")


def dedupe_paragraphs_spans(text: str) -> list[Span]:
    """Find the repeated paragraphs :func:`dedupe_paragraphs` removes.

    Two paragraphs can be equal only if they open and close with the same
    words: those are found first (two short splits per line), and only the
    paragraphs that share them with another are read in full.
    """
    if "\n" not in text:
        return []
    raw = text.split("\n")  # the lines, as paragraphs() finds them
    words_at: list[int] = []  # the lines that have words, by index in raw
    ends: dict[tuple[str, str], list[int]] = {}  # first and last word -> indexes in words_at
    for i, line in enumerate(raw):
        first = line.split(None, 1)
        if not first:
            continue
        ends.setdefault((first[0], line.rsplit(None, 1)[-1]), []).append(len(words_at))
        words_at.append(i)
    alike = sorted(j for same in ends.values() if len(same) > 1 for j in same)
    if not alike:
        return []
    lines = _Lines(raw, words_at)
    seen: set[str] = set()
    repeated: list[int] = []
    for j in alike:
        key, count, row = lines[j]
        if count < MIN_WORDS:
            continue
        if key not in seen:
            seen.add(key)
        elif not (row and _next_to_a_row(lines, j)):
            repeated.append(j)
    if not repeated:
        return []
    starts = list(accumulate([len(line) + 1 for line in raw], initial=0))
    return remove_lines(
        text,
        [(starts[i], starts[i] + len(raw[i])) for i in (words_at[j] for j in repeated)],
    )


class _Lines:
    """The lines that have words, each read on demand.

    A line reads as its normalized text, its word count and whether it looks
    like a list row.
    """

    __slots__ = ("_raw", "_read", "_words_at")

    def __init__(self, raw: list[str], words_at: list[int]) -> None:
        self._raw = raw
        self._words_at = words_at
        self._read: dict[int, tuple[str, int, bool]] = {}

    def __len__(self) -> int:
        return len(self._words_at)

    def __getitem__(self, j: int) -> tuple[str, int, bool]:
        read = self._read.get(j)
        if read is None:
            words = self._raw[self._words_at[j]].split()
            key = " ".join(words)
            count = len(words)
            row = count < LIST_ROW_WORDS and (": " in key or not SENTENCE_END_RE.search(key))
            read = self._read[j] = (key, count, row)
        return read


def _next_to_a_row(lines: _Lines, i: int) -> bool:
    key = lines[i][0]
    return any(0 <= j < len(lines) and lines[j][2] and lines[j][0] != key for j in (i - 1, i + 1))


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
