"""Small helpers shared by the steps."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["diff_span", "paragraphs", "remove_lines"]


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
    prefix = 0
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return (offset + prefix, offset + len(old) - suffix, new[prefix : len(new) - suffix])


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
    removed = set(lines)
    spans: list[tuple[int, int, str]] = []
    kept_end: int | None = None  # end of the last kept line
    run_start: int | None = None  # start of the current run of removed lines
    for start, end in paragraphs(text):
        if (start, end) in removed:
            if run_start is None:
                run_start = start if kept_end is not None else 0
            continue
        if start == end:  # a blank line: part of a separator
            continue
        if run_start is not None:
            spans.append((run_start, start, ""))
            run_start = None
        kept_end = end
    if run_start is not None:
        # The run reaches the end: the separator before it goes too.
        spans.append((kept_end if kept_end is not None else 0, len(text), ""))
    return [s for s in spans if s[0] < s[1]]


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
