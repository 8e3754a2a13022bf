"""Findings: problems a step can see but must not silently "fix" (SPEC §4).

A finding never changes the text. It points at a place a corpus builder may
want to look at or filter on: a name lost with its link (``lacuna``), a
paragraph with an odd number of quote marks (``unbalanced_quotes``), a
document that stops mid-sentence (``truncated``).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

import regex

if TYPE_CHECKING:
    from collections.abc import Sequence

    from beritaclean.edits import Edit

__all__ = ["FINDING_KINDS", "Finding", "find_findings", "find_lacunae"]

FINDING_KINDS: Final = ("lacuna", "unbalanced_quotes", "truncated")


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem seen in the cleaned text, reported and left alone.

    Attributes:
        kind: ``"lacuna"``, ``"unbalanced_quotes"`` or ``"truncated"``.
        start: Where it starts in the cleaned text.
        end: Where it ends (exclusive) in the cleaned text.
        excerpt: The text at that span.
    """

    kind: str
    start: int
    end: int
    excerpt: str


# A preposition or conjunction right before punctuation: the linked name that
# stood there was stripped by the scraper (`berlangsung di, energi`,
# `Presiden dari, untuk`, `Selain, para`). Lowercase or capitalised only: an
# all-capital `ANTARA)` is the news agency. A colon after `yaitu`, `yakni`,
# `termasuk` or `antara` introduces a list and is no lacuna.
LACUNA_RE: Final = regex.compile(
    r"(?<![\p{L}\p{N}\p{M}_-])"
    r"(?:[dD]i|[kK]e|[dD]ari|[dD]engan|[uU]ntuk|[pP]ada|[tT]entang|[sS]elain|[aA]ntara|[oO]leh"
    r"|[tT]ermasuk|[yY]akni|[yY]aitu|[dD]an|[sS]erta|[aA]tau)"
    r"(?:[,;.!?)](?!\d)|(?<!yakni|yaitu|termasuk|antara|Yakni|Yaitu|Termasuk|Antara):(?!\d))",
)
# What collapse_orphan_punctuation removes where a name was lost: a separator
# run (`, ,`), a separator next to a bracket (`PT ,(Persero)`) or alone in one
# (`(,)`).
_COLLAPSE_STEP: Final = "collapse_orphan_punctuation"
_SEPARATORS: Final = ",;"


def find_lacunae(text: str, edits: Sequence[Edit] = ()) -> list[Finding]:
    """Places in cleaned text where a linked name was lost.

    Args:
        text: The cleaned text.
        edits: The edits that produced it (as :class:`~beritaclean.CleanResult`
            holds them), to also report where a separator run was collapsed.

    Returns:
        ``lacuna`` findings, sorted.

    >>> [f.excerpt for f in find_lacunae("Perang di, energi dan (BI) serta.")]
    ['di,', 'serta.']
    """
    findings = [Finding("lacuna", m.start(), m.end(), m.group()) for m in LACUNA_RE.finditer(text)]
    covered = [f.end for f in findings]  # sorted: the matches come in order
    shift = 0  # output offset minus original offset
    for e in edits:
        out_start = e.start + shift
        out_end = out_start + len(e.after)
        shift += len(e.after) - (e.end - e.start)
        if _COLLAPSE_STEP not in e.step.split("+"):
            continue
        removed = sum(e.before.count(c) for c in _SEPARATORS) - sum(
            e.after.count(c) for c in _SEPARATORS
        )
        if removed <= 0 or "\n" in e.before:
            continue
        bracket = any(c in e.before for c in "()[]{}") or (
            out_end < len(text) and text[out_end] in "([{"
        )
        if removed < 2 and not bracket and "," not in e.after:
            continue
        if out_start > 0 and text[out_start - 1] in ".!?":
            continue  # a list-export comma after a sentence, not a lost name
        # The word before the hole and the punctuation that marks it.
        start = out_start
        while start > 0 and not text[start - 1].isspace() and out_start - start < 40:
            start -= 1
        end = out_end
        while end > start and text[end - 1] == " ":
            end -= 1
        k = bisect_left(covered, start + 1)
        if start == end or (k < len(covered) and covered[k] <= end):
            continue
        findings.append(Finding("lacuna", start, end, text[start:end]))
    findings.sort(key=lambda f: (f.start, f.end))
    return findings


# A document that stops without final punctuation, or trails off in `...`.
_FINAL_OK: Final = frozenset(".!?\"')]»”’")


def find_findings(text: str, edits: Sequence[Edit] = ()) -> list[Finding]:
    """Find lacunae, unbalanced quotes and truncation in cleaned text.

    >>> sorted(f.kind for f in find_findings('Perang di, energi dan "kecerdasan buatan'))
    ['lacuna', 'truncated', 'unbalanced_quotes']
    """
    findings = find_lacunae(text, edits)
    if '"' in text:
        pos = 0
        for line in text.split("\n"):
            if line.count('"') % 2:
                findings.append(Finding("unbalanced_quotes", pos, pos + len(line), line))
            pos += len(line) + 1
    stripped = text.rstrip()
    if stripped:
        last = stripped[-1]
        if stripped.endswith(("...", "…")) or last not in _FINAL_OK:
            start = max(stripped.rfind("\n") + 1, len(stripped) - 40)
            findings.append(Finding("truncated", start, len(stripped), stripped[start:]))
    findings.sort(key=lambda f: (f.start, f.end))
    return findings
