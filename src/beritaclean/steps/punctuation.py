"""``collapse_orphan_punctuation``: close the holes stripped links leave (SPEC §3.8)."""

from __future__ import annotations

from typing import Final

import regex

from beritaclean.edits import Span, apply_spans

__all__ = ["collapse_orphan_punctuation", "collapse_orphan_punctuation_spans"]

# Rule 2 and 1 together: a run of orphaned `,`/`;` with the spaces before and
# between them, up to what follows (`di , , energi`, `membahas , , Energi`).
SEPARATOR_RUN_RE: Final = regex.compile(r"(?<=\S) *[,;](?: *[,;])*(?= |$)", regex.MULTILINE)
# Rule 1: a space before a terminator after a word (`Presiden Rusia .`), but
# never before an ellipsis.
SPACE_BEFORE_TERMINATOR_RE: Final = regex.compile(r"(?<=\w) +(?=[.!?:](?:\s|$)(?<!\.\.))")


def collapse_orphan_punctuation_spans(text: str) -> list[Span]:
    """Find the replacements :func:`collapse_orphan_punctuation` makes."""
    if (
        "," not in text
        and ";" not in text
        and " ." not in text
        and " !" not in text
        and " ?" not in text
        and " :" not in text
    ):
        return []
    spans: list[Span] = []
    for m in SEPARATOR_RUN_RE.finditer(text):
        run = m.group()
        keep = ";" if run.strip(" ").startswith(";") else ","
        if run != keep:
            spans.append((m.start(), m.end(), keep))
    spans.extend((m.start(), m.end(), "") for m in SPACE_BEFORE_TERMINATOR_RE.finditer(text))
    spans.sort()
    return spans


def collapse_orphan_punctuation(text: str) -> str:
    """Close the holes that stripped links leave in punctuation.

    >>> collapse_orphan_punctuation("berlangsung di , , energi dengan Presiden Rusia .")
    'berlangsung di, energi dengan Presiden Rusia.'
    """
    return apply_spans(text, collapse_orphan_punctuation_spans(text))
