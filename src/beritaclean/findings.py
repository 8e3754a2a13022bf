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

from beritaclean.steps._util import line_around

if TYPE_CHECKING:
    from collections.abc import Sequence

    from beritaclean.edits import Edit

__all__ = ["FINDING_KINDS", "Finding", "find_findings", "find_lacunae", "find_truncation"]

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
# A double quote mark, straight or curly (`"Kami`, `“Kami`, `«Kami`): a
# paragraph with an odd number of them lost one (`kata dia, "Kami siap.`).
# The double prime `″` is an inch mark and counts for nothing.
QUOTE_MARK_RE: Final = regex.compile('["“”„‟«»〝〞＂]')


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
            line_start, line_end = line_around(text, pos, line_end + 1)
            count = 0
        count += 1
    if count % 2:
        findings.append(
            Finding("unbalanced_quotes", line_start, line_end, text[line_start:line_end])
        )
    return findings


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


def find_findings(text: str, edits: Sequence[Edit] = ()) -> list[Finding]:
    """Find lacunae, unbalanced quotes and truncation in cleaned text.

    >>> sorted(f.kind for f in find_findings('Perang di, energi dan "kecerdasan buatan'))
    ['lacuna', 'truncated', 'unbalanced_quotes']
    """
    findings = find_lacunae(text, edits)
    findings.extend(_unbalanced_quotes(text))
    findings.extend(find_truncation(text))
    findings.sort(key=lambda f: (f.start, f.end))
    return findings


# --- truncated ---------------------------------------------------------------

_CLOSERS = "\"'”’»)\\]"
# A document that trails off in an ellipsis, maybe inside its quote or
# bracket: `Kami masih menunggu...`, `kata dia, "nanti saja…"`.
ELLIPSIS_END_RE: Final = regex.compile(rf"(?:\.\.\.|…)[{_CLOSERS}]*\Z")
# A finished sentence: `kata dia.`, `benarkah?"`, `(27/12/2023).`, `luar biasa!)`.
SENTENCE_END_RE: Final = regex.compile(rf"[.!?][{_CLOSERS}]*\Z")
# A finished sentence, then a credit in brackets, or a credit on a line of
# its own: `kata dia. (ant)`, `ujarnya. (Tribunnews.com/Nama Wartawan)`, `(ab/cd)`.
CREDIT_END_RE: Final = regex.compile(rf"(?:[.!?][{_CLOSERS}]*[ ]?|\A)\([^()\n]{{1,80}}\)\Z")
# A last paragraph that is a row of a list or a data credit, not a sentence:
# `Sumber: Bloomberg`, `Jawaban: A`, `Pertalite: Rp 10.000 per liter`,
# `14. Partai Demokrat`, `3) Jawa Barat`.
LABEL_ROW_RE: Final = regex.compile(
    r"[^\W\d_][^\W_]*(?: [^\W_]+){0,3}: [^:\n]{1,80}|\d{1,3}[.)] [^\n]{1,80}"
)
# A closing line of hashtags: `#PemiluDamai #Indonesia`.
HASHTAG_END_RE: Final = regex.compile(r"#\w+\Z")
_TAIL: Final = 200
_EXCERPT: Final = 40


def find_truncation(text: str) -> list[Finding]:
    r"""Tell whether the document stops mid-sentence or trails off in ``...``.

    The last paragraph is looked at. It is finished when it ends a sentence
    (``.`` ``!`` ``?``, maybe followed by closing quotes or brackets, maybe by
    a credit in brackets after it), or when it is not a sentence at all: a
    labelled row or data credit (``Sumber: Bloomberg``) or hashtags. An
    ellipsis at its end, or any other ending (a word, ``,``, ``:`` before a
    list that never came), is ``truncated``. The finding spans the last few
    words.

    >>> [f.excerpt for f in find_truncation("Harga emas naik.\n\nMenurut dia, pemerintah akan")]
    ['Menurut dia, pemerintah akan']
    >>> find_truncation('Harga emas naik, kata dia. "Itu benar."')
    []
    >>> [f.kind for f in find_truncation("Kami masih menunggu...")]
    ['truncated']
    """
    end = len(text.rstrip())
    if not end:
        return []
    start = text.rfind("\n", 0, end) + 1
    tail = text[max(start, end - _TAIL) : end]
    if not ELLIPSIS_END_RE.search(tail) and (
        SENTENCE_END_RE.search(tail)
        or CREDIT_END_RE.search(tail)
        or HASHTAG_END_RE.search(tail)
        or LABEL_ROW_RE.fullmatch(tail if start >= end - _TAIL else "")
        or LABEL_ROW_RE.fullmatch(_last_sentence(text, start, end))
    ):
        return []
    first = max(start, end - _EXCERPT)
    return [Finding("truncated", first, end, text[first:end])]


def _last_sentence(text: str, start: int, end: int) -> str:
    """The last sentence of the paragraph ``text[start:end]``, if it is short."""
    for sep in (". ", "! ", "? "):
        found = text.rfind(sep, max(start, end - _TAIL), end)
        if found >= 0:
            start = max(start, found + 2)
    return text[start:end] if end - start <= _TAIL else ""
