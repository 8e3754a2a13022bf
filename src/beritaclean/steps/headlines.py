"""``dedupe_headlines``: repeated and degraded copies of the headline (SPEC §3.6)."""

from __future__ import annotations

from typing import Final

import regex

from beritaclean.edits import Span, apply_spans
from beritaclean.steps._util import paragraphs, remove_lines

__all__ = ["MAX_HEADLINE_WORDS", "dedupe_headlines", "dedupe_headlines_spans", "is_headline_like"]

MAX_HEADLINE_WORDS: Final = 25
"""A headline-like paragraph has at most this many words (SPEC §2)."""
MIN_DEGRADED_WORDS: Final = 3
"""A degraded copy keeps at least this many words of the headline."""

_WORD_RE: Final = regex.compile(r"\w+")
_OPENING_QUOTES: Final = "\"'“‘«„"


def is_headline_like(line: str) -> bool:
    """Tell whether a paragraph is headline-like (SPEC §2).

    One line of at most 25 words that does not end in ``.`` ``,`` ``;`` or
    ``:`` and does not start with a quote mark.

    >>> is_headline_like("Donald Trump dan Vladimir Putin Bahas Ukraina")
    True
    >>> is_headline_like("Yang mereka bahas berbagai topik.")
    False
    """
    line = line.strip()
    if not line or "\n" in line or line[0] in _OPENING_QUOTES or line[-1] in ".,;:":
        return False
    return len(line.split()) <= MAX_HEADLINE_WORDS


def _key(line: str) -> tuple[str, ...]:
    return tuple(_WORD_RE.findall(line.casefold()))


def _is_subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    it = iter(long)
    return all(word in it for word in short)


def _is_degraded_copy(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    return (
        MIN_DEGRADED_WORDS <= len(short) < len(long)
        and 2 * len(short) >= len(long)
        and _is_subsequence(short, long)
    )


def dedupe_headlines_spans(text: str, *, title: str | None = None) -> list[Span]:
    """Find the headline copies :func:`dedupe_headlines` removes."""
    title_key = _key(title) if title else ()
    if "\n" not in text and not title_key:
        return []
    heads: list[tuple[int, int, tuple[str, ...]]] = []
    for start, end in paragraphs(text):
        line = text[start:end]
        if is_headline_like(line):
            key = _key(line)
            if key:
                heads.append((start, end, key))
    removed: list[tuple[int, int]] = []
    kept: list[tuple[str, ...]] = []
    for start, end, key in heads:
        if any(key == k or _is_degraded_copy(key, k) for k in kept):
            removed.append((start, end))
            continue
        # A longer version of an earlier degraded copy: the longer one stays
        # at the earlier position, so the earlier line's words are replaced.
        kept.append(key)
    return remove_lines(text, removed)


def dedupe_headlines(text: str, *, title: str | None = None) -> str:
    r"""Remove repeated headlines and their degraded copies.

    Args:
        text: Any text.
        title: The article's title, if known: its copy at the start of the
            text goes too.

    >>> text = "Putin Bahas Ukraina\n\nPutin Bahas Ukraina\n\nPutin Bahas\n\nIsi."
    >>> dedupe_headlines(text)
    'Putin Bahas Ukraina\n\nPutin Bahas\n\nIsi.'
    """
    return apply_spans(text, dedupe_headlines_spans(text, title=title))
