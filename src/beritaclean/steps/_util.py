"""Small helpers shared by the steps."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["diff_span", "paragraphs", "remove_lines"]

# A character other than a line break: the first one after a run of blank
# lines starts a kept line.
NOT_LINE_BREAK_RE: Final = re.compile(r"[^\n]")


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of every line of ``text`` (the line break excluded)."""
    pos = 0
    while True:
        nl = text.find("\n", pos)
        if nl < 0:
            yield pos, len(text)
            return
        yield pos, nl
        pos = nl + 1


def diff_span(old: str, new: str, offset: int = 0) -> tuple[int, int, str] | None:
    """The single replacement turning ``old`` into ``new`` (common ends trimmed).

    >>> diff_span("di , , energi", "di, energi")
    (2, 5, '')
    """
    if old == new:
        return None
    limit = min(len(old), len(new))
    if limit <= _SHORT:
        prefix = 0
        while prefix < limit and old[prefix] == new[prefix]:
            prefix += 1
        suffix = 0
        while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
            suffix += 1
    else:
        prefix = _common_length(old, new, 0, 0, limit, step=1)
        suffix = _common_length(old, new, len(old) - 1, len(new) - 1, limit - prefix, step=-1)
    return (offset + prefix, offset + len(old) - suffix, new[prefix : len(new) - suffix])


_SHORT: Final = 32  # up to this long, a loop over the characters is quicker


def _common_length(a: str, b: str, i: int, j: int, limit: int, *, step: int) -> int:
    """How many characters from ``a[i]`` and ``b[j]`` on are equal, at most ``limit``.

    Forwards (``step=1``) or backwards (``step=-1``). A binary search whose
    slices compare at C speed: a long document costs a few comparisons, not
    a loop over its characters.
    """
    low, high = 0, limit  # a[..low] and b[..low] are equal; no more than high are
    while low < high:
        mid = (low + high + 1) // 2
        if step > 0:
            equal = a[i + low : i + mid] == b[j + low : j + mid]
        else:
            equal = a[i - mid + 1 : i - low + 1] == b[j - mid + 1 : j - low + 1]
        if equal:
            low = mid
        else:
            high = mid - 1
    return low


def remove_lines(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    r"""Spans that remove whole lines together with their line breaks.

    ``lines`` are ``(start, end)`` of lines of ``text`` (as :func:`paragraphs`
    yields them), sorted. A removed line takes its line break with it, so no
    blank line is left where it stood: the text before it keeps the separator
    that followed it, and a run of removed lines goes as one span.

    >>> text = "Judul\n\nBaca juga: X\nIsi berita.\n\nADVERTISEMENT"
    >>> remove_lines(text, [(7, 19), (33, 46)])
    [(7, 20, ''), (31, 46, '')]
    """
    if not lines:
        return []
    # The removed lines in order, once each, that are lines of text (only
    # those match a line as paragraphs() cuts them).
    removed = sorted(line for line in set(lines) if _is_line(text, *line))
    if not removed:
        return []
    # Only the stretches between removed lines are read: a stretch of line
    # breaks alone (blank lines) continues a run of removed lines, anything
    # else is a kept line that ends it.
    spans: list[tuple[int, int, str]] = []
    kept_end = _kept_end(text, 0, removed[0][0])  # end of the last kept line
    run_start = removed[0][0] if kept_end is not None else 0
    for (_, previous_end), (start, _) in pairwise(removed):
        first_kept = _first_kept(text, previous_end, start)
        if first_kept is None:
            continue  # blank lines only: the run goes on
        spans.append((run_start, first_kept, ""))
        kept_end = _kept_end(text, previous_end, start)
        run_start = start
    first_kept = _first_kept(text, removed[-1][1], len(text))
    if first_kept is None:
        # The run reaches the end: the separator before it goes too.
        spans.append((kept_end if kept_end is not None else 0, len(text), ""))
    else:
        spans.append((run_start, first_kept, ""))
    return [s for s in spans if s[0] < s[1]]


def _is_line(text: str, start: int, end: int) -> bool:
    """Whether ``(start, end)`` is a line of ``text`` as :func:`paragraphs` yields it."""
    return (
        0 <= start <= end <= len(text)
        and (start == 0 or text[start - 1] == "\n")
        and (end == len(text) or text[end] == "\n")
        and text.find("\n", start, end) < 0
    )


def _first_kept(text: str, start: int, end: int) -> int | None:
    """Where the first character other than a line break in ``text[start:end]`` is."""
    found = NOT_LINE_BREAK_RE.search(text, start, end)
    return None if found is None else found.start()


def _kept_end(text: str, start: int, end: int) -> int | None:
    """Where the last line with characters in ``text[start:end]`` ends."""
    kept = len(text[start:end].rstrip("\n"))
    return start + kept if kept else None


def line_around(text: str, pos: int, after: int = 0) -> tuple[int, int]:
    r"""``(start, end)`` of the line of ``text`` that holds ``pos``.

    The search for the line's start looks no further back than ``after`` (the
    end of a line already found), so a sweep over many positions stays linear.

    >>> line_around("satu\ndua tiga\nempat", 7)
    (5, 13)
    """
    start = text.rfind("\n", after, pos) + 1 or after
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end
