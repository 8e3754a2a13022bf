"""Findings: problems a step can see but must not silently "fix" (SPEC §4).

A finding never changes the text. It points at a place a corpus builder may
want to look at or filter on: a name lost with its link (``lacuna``), a
paragraph with an odd number of quote marks (``unbalanced_quotes``), a
document that stops mid-sentence (``truncated``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import regex

__all__ = ["FINDING_KINDS", "Finding", "find_findings"]

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
# `Presiden dari, untuk`, `Selain, para`).
LACUNA_RE: Final = regex.compile(
    r"\b(?i:di|ke|dari|dengan|untuk|pada|tentang|selain|antara|oleh|termasuk|yakni|yaitu"
    r"|dan|serta|atau)(?=[,;:.!?)](?!\d))",
)
# A double quote mark, straight or curly (`"Kami`, `“Kami`, `«Kami`): a
# paragraph with an odd number of them lost one (`kata dia, "Kami siap.`).
# The double prime `″` is an inch mark and counts for nothing.
QUOTE_MARK_RE: Final = regex.compile('["“”„‟«»〝〞＂]')
# A document that stops without final punctuation, or trails off in `...`.
_FINAL_OK: Final = frozenset(".!?\"')]»”’")


def _unbalanced_quotes(text: str) -> list[Finding]:
    """A paragraph with an odd number of double quote marks, as one finding."""
    findings: list[Finding] = []
    line_start = 0
    line_end = -1
    count = 0
    for m in QUOTE_MARK_RE.finditer(text):
        pos = m.start()
        if pos > line_end:
            if count % 2:
                findings.append(
                    Finding("unbalanced_quotes", line_start, line_end, text[line_start:line_end])
                )
            line_start = text.rfind("\n", line_end + 1, pos) + 1 or line_end + 1
            line_end = text.find("\n", pos)
            if line_end < 0:
                line_end = len(text)
            count = 0
        count += 1
    if count % 2:
        findings.append(
            Finding("unbalanced_quotes", line_start, line_end, text[line_start:line_end])
        )
    return findings


def find_findings(text: str) -> list[Finding]:
    """Find lacunae, unbalanced quotes and truncation in cleaned text.

    >>> sorted(f.kind for f in find_findings('Perang di, energi dan "kecerdasan buatan'))
    ['lacuna', 'truncated', 'unbalanced_quotes']
    """
    findings = [
        Finding("lacuna", m.start(), m.end() + 1, text[m.start() : m.end() + 1])
        for m in LACUNA_RE.finditer(text)
    ]
    findings.extend(_unbalanced_quotes(text))
    stripped = text.rstrip()
    if stripped:
        last = stripped[-1]
        if stripped.endswith(("...", "…")) or last not in _FINAL_OK:
            start = max(stripped.rfind("\n") + 1, len(stripped) - 40)
            findings.append(Finding("truncated", start, len(stripped), stripped[start:]))
    findings.sort(key=lambda f: (f.start, f.end))
    return findings
