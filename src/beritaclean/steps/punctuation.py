"""``collapse_orphan_punctuation``: close the holes stripped links leave (SPEC §3.8).

The step works in phases, each on the result of the one before, and reports
their replacements composed into one list on its own input:

1. empty brackets and quotes go, with a lone separator inside (rule 3, 4);
2. a list-export comma after a terminator goes (as ``split_glued_sentences``
   does, so the two steps agree whichever runs last);
3. a separator run right after a dateline's dash goes (rule 3); then spaces
   before punctuation and inside brackets go, separator runs collapse,
   orphaned separators next to a bracket go, a space follows a separator
   glued to a letter (rules 1, 2, 3, 5);
4. a paragraph loses the separators it starts with and the `,`/`;` it ends
   with; a paragraph left with nothing but punctuation goes (rule 6).

A survey comes first: one fast scan per punctuation mark the text holds tells
which phases may change anything and where phase 3 should look. A phase the
survey rules out does not run; clean text costs the survey alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate, islice
from operator import itemgetter, sub
from sys import maxsize
from typing import Final

import regex

from beritaclean.edits import Span, apply_spans
from beritaclean.steps._util import remove_lines
from beritaclean.steps.glued import (
    _in_url_or_email,
    export_comma_spans,
)

__all__ = ["collapse_orphan_punctuation", "collapse_orphan_punctuation_spans"]

# Brackets and quotes, for pairing: `kata ( ) dia`, `obligasi (,) uangnya`, `""`.
_PAIR_MARKS: Final = '()[]{}"“”'
# Cheap test for an empty (or separator-only) pair somewhere, one pattern per
# opener so that each is found from its literal first character (fast):
# `( )`, `[,]`, `{}`, `( , )`, `" "`, `“”`.
_EMPTY_PAIR_HINTS_RE: Final = tuple(
    (opener, re.compile(re.escape(opener) + closers))
    for opener, closers in (
        ("(", r"[ ,;]*[)\]}]"),
        ("[", r"[ ,;]*[)\]}]"),
        ("{", r"[ ,;]*[)\]}]"),
        ('"', r' *["”]'),
        ("“", r' *["”]'),
    )
)
# A terminator `_terminator_at` accepts, told by the character after it (never
# `...` nor `.com`; one at the very end of the text is left to it).
_ENDS_SENTENCE: Final = r"(?:\.[ \n,;!?\"'”’)\]]|[!?][ \n,;.!?\"'”’)\]])"
# What phase 3 looks at:
#  - a separator run with the spaces around it (`di , , energi`, `PT ,(Persero)`),
#    only where something may change: never a plain `, ` before a word, nor `1,5`;
#  - spaces before a terminator, colon or closing bracket (`Rusia .`, `( 2023 )`);
#  - spaces after an opening bracket;
#  - a colon glued to a letter (`berikut:Dalam`).
# The common cases come first, decided by the pattern: each matches where
# ``sep`` or ``before`` would, as far, and is what `_sep_span` and
# `_before_span` decide there (a line break or bracket before it, or what
# follows, would make them decide otherwise: those are left to them):
#  - ``comma``, a run of commas between words, spaces after it: one `, `
#    (`di , , energi`, `itu,, Tgk`);
#  - ``drop``, a separator run before a sentence's end: it goes (`tahun , .`);
#  - ``tight``, spaces before a closing bracket or a sentence's end: they go
#    (`Rusia . Dia`, `( 2023 )`).
PHASE3_RE: Final = regex.compile(
    r"(?P<comma>(?<=[^\n(\[{])(?: +,|,(?= *,))(?: *,)*+ ++(?=[\p{L}\p{N}]))"
    rf"|(?P<drop>(?<=[^\n])(?: +[,;]|[,;])(?: *[,;])*+ *+(?={_ENDS_SENTENCE}))"
    rf"|(?<=[^\n])(?P<tight> ++)(?=[)\]}}]|{_ENDS_SENTENCE})"
    r"|(?P<sep>(?: +[,;]|(?<=[(\[{])[,;]"
    r"|[,;](?=[,;\n.!?)\]}(\[{\"“\p{L}]| +[,;.!?)\]}(\[{\"“\n]| *\Z))(?: *[,;])*)"
    r"(?P<after> *)"
    r"|(?P<before> +)(?=[.!?:)\]}])"
    r"|[(\[{](?P<inner> +)(?![ ,;])"
    r"|:(?P<colon>)(?=\p{L})",
)
# The replacements of PHASE3_RE's decided cases.
_DECIDED: Final = {"comma": ", ", "drop": "", "tight": ""}
# A run of the characters a PHASE3_RE match consists of (`, , `, `( `).
_PHASE3_RUN_RE: Final = re.compile(r"[ ,;(\[{:]*")
_PHASE3_CHARS: Final = " ,;([{:"
# Emoticons keep their space (`lucu :)`, `;D`).
EMOTICON_RE: Final = regex.compile(r"[:;]-?[()DPp](?![\p{L}\p{N}])")
# An HTML reference's `;` is not a separator (`&nbsp;Budi`).
_ENTITY_END_RE: Final = regex.compile(r"&(?:[A-Za-z]{2,8}|#\d{1,6})\Z")
# Rule 6: separators a paragraph starts with (`,Dengan`, `. , Hal`), never an
# ellipsis (`...kata dia`) nor a dot that starts a name (`.NET`).
LINE_START_RE: Final = regex.compile(r"(?:(?:[,;:]|\.(?![.\p{Lu}\p{N}])) *)+")
# Rule 6: the `,`/`;` a paragraph ends with (`per tahun.,`, `ons., ,`).
LINE_END_RE: Final = regex.compile(r"(?: *[,;])+ *\Z")
# A line break next to what rule 6 looks at: a separator after it, a `,`/`;`
# or a space before it (`\n,Dengan`, `tahun.,\n`).
_EDGE_CANDIDATE_RE: Final = re.compile(r"\n(?:[,;:.]|(?<=[,; ]\n))")
# A paragraph of punctuation only (`,`, `, ,`).
PUNCT_ONLY_RE: Final = regex.compile(r"[\p{P}\p{Z}]*")
_OPEN_FOR: Final = {")": "(", "]": "[", "}": "{", "”": "“"}
_NO_SPACE_BEFORE: Final = ",.;:!?)]}”…"


# ---------------------------------------------------------------- survey

# What the phases may act on is found first, in one fast scan per punctuation
# mark the text holds: each pattern starts with its mark (stdlib `re` finds a
# literal first character fast; a class or an alternation there is tried at
# every character) and matches only where something may change, never at a
# plain `, ` or `.` of prose. A match sets the flags of the phases it may
# concern (a superset: each phase decides exactly) and, for phase 3, is a
# candidate position. Already-clean text costs these scans and nothing else.
_PAIRS: Final = 1  # phase 1
_EXPORT: Final = 2  # phase 2
_DASH: Final = 4  # phase 3, after a dash
_SPACING: Final = 8  # phase 3
_EDGES: Final = 16  # phase 4

# Closers and spaces that may stand between a terminator and a list-export
# comma (`." ,`).
_EXPORT_GAP: Final = r"""[)\]”’'" ]"""
# A list-export comma as split_glued_sentences finds one (a superset): after a
# terminator and up to two closers or spaces, or after three of them, before
# a capital, a quote, a line break or the end (`PCR.,Namun`, `(PPU).,"Bulan`,
# `Covid-19. ,Hal`). The first lookbehind only fails plain commas fast.
_EXPORT_AT: Final = (
    rf"(?<=[.!?)\]”’'\" ],)"
    rf"(?:(?<=[.!?],)|(?<=[.!?]{_EXPORT_GAP},)|(?<=[.!?]{_EXPORT_GAP}{{2}},)|(?<={_EXPORT_GAP}{{3}},))"
    r"(?=[ ,]*(?:[A-Z\"“\n]|[^\x00-\x7f]|\Z))"
)
_EXPORT_COMMA_HINT_RE: Final = re.compile(rf",{_EXPORT_AT}")
# An HTML reference's `;` before a letter (`&quot;Kompas`, `&amp;nbsp`): never
# a candidate (phase 3 leaves it; phase 4 too at a paragraph's end), unless
# a terminator, an ellipsis or a closing bracket follows its run.
_ENTITY_SEMICOLON: Final = (
    "(?:"
    + "|".join(rf"(?<=&[A-Za-z]{{{n}}};)" for n in range(2, 9))
    + "|"
    + "|".join(rf"(?<=&#\d{{{n}}};)" for n in range(1, 7))
    + r")(?!(?: *[,;])*+ *+[.!?…)\]}])"
)


def _separator_survey_re(sep: str) -> re.Pattern[str]:
    r"""A `,` or `;` (``sep``) that a phase may concern.

    Most separators stand before one space and a word, a quote or an opening
    bracket, or before a digit or a quote (`kata, dia`, `1,5`, `kata," ujar`):
    such a one only counts for what precedes it, after a line break
    (``edge2``), a list-export comma (``export2``), or after a space or an
    opening bracket (`di , dan`, `(, x`). Any other one counts as the first
    kind that fits: ``export``, a list-export comma (`PCR.,Namun`); ``edge``,
    a paragraph's first or last separator (`\n,Dengan`, `tahun.,\n`); or
    (no name) a separator before a letter, another separator, a terminator,
    a closing bracket, or two spaces and an opening bracket or quote
    (`,Budi`, `,,`, `,)`, `,  (`), or after a space or an opening bracket.
    A `;` that ends an HTML reference counts as nothing (`&quot;Kompas`).
    """
    s = re.escape(sep)
    comma = sep == ","
    export = rf"(?P<export>{_EXPORT_AT})|" if comma else ""
    export2 = rf"(?P<export2>{_EXPORT_AT})|" if comma else ""
    entity = "" if comma else f"(?!{_ENTITY_SEMICOLON})"
    return re.compile(
        rf"{s}{entity}(?:"
        r"(?! [\w\"“(\[{]|[0-9\"])(?:"
        rf"{export}(?P<edge>(?<=\n{s})|(?= *(?:\n|\Z)))"
        r"|(?=[^\W\d_]|[^\x00-\x7f”’]|[,;.!?)\]}]|  +[(\[{\"“])"
        rf"|(?<=[ (\[{{]{s}))"
        rf"|(?<=[\n .!?)\]”’'\"(\[{{]{s})(?:{export2}(?P<edge2>(?<=\n{s}))|(?<=[ (\[{{]{s})))"
    )


_SEPARATOR_SURVEY_RES: Final = ((",", _separator_survey_re(",")), (";", _separator_survey_re(";")))
# What a kind of separator match means: the flags it sets, and whether it is
# a phase 3 candidate (any other match is one). An export comma hides the
# kinds after it: assume them.
# A paragraph's first or last separator is no candidate: a PHASE3_RE match
# from it has a line break before or after it (it changes nothing), and any
# other match in its run has a candidate of its own.
_SEPARATOR_KINDS: Final[dict[str, tuple[int, bool]]] = {
    "export": (_EXPORT | _EDGES, True),
    "export2": (_EXPORT | _EDGES, True),
    "edge": (_EDGES, False),
    "edge2": (_EDGES, False),
}
# A mark after a space (`Rusia .`, `( 2023 )`), or after a line break (a
# paragraph that starts with `.`).
_SPACED_MARK_RES: Final = tuple(
    (mark, re.compile(rf"{re.escape(mark)}(?<=[\n ]{re.escape(mark)})")) for mark in ".!?)]}"
)
# A colon after a space or a line break, or glued to a letter (`berikut:Dalam`).
_COLON_SURVEY_RE: Final = re.compile(r":(?:(?<=[\n ]:)|(?=[^\W\d_]|[^\x00-\x7f]))")
# An opening bracket before a space or a separator (`( 2023`, `(,`), or an
# empty pair (``pair``: `()`, `( , )`).
_OPENER_SURVEY_RES: Final = tuple(
    (opener, re.compile(rf"{re.escape(opener)}(?:(?=[ ,;]*[)\]}}])(?P<pair>)|(?=[ ,;]))"))
    for opener in "([{"
)
# An opening quote before spaces and a closing one (`""`, `“ ”`).
_QUOTE_SURVEY_RES: Final = tuple((quote, re.compile(rf'{quote}(?= *["”])')) for quote in '"“')
# What a dateline's separator run follows (`Jakarta - ,`).
_DASHES: Final = "-–—"


def _survey_separators(text: str, candidates: list[int]) -> int:
    """The flags of the `,` and `;` of ``text``; its phase 3 candidates into ``candidates``."""
    flags = 0
    append = candidates.append
    for sep, pattern in _SEPARATOR_SURVEY_RES:
        # A search first: on clean text it is all there is (cheaper than finditer).
        if sep not in text or (first := pattern.search(text)) is None:
            continue
        for m in pattern.finditer(text, first.start()):
            pos = m.start()
            kind = m.lastgroup
            if kind is not None:
                kind_flags, candidate = _SEPARATOR_KINDS[kind]
                flags |= kind_flags
                if not candidate:
                    continue
            append(pos)
            if pos and text[pos - 1] == " " and _after_dash(text, pos - 1):
                flags |= _DASH
    return flags


def _after_dash(text: str, end: int) -> bool:
    """Whether the spaces ending at ``end`` follow a dash (`Jakarta - ,`)."""
    while end and text[end - 1] == " ":
        end -= 1
    return end > 0 and text[end - 1] in _DASHES


def _survey_marks(text: str, candidates: list[int]) -> int:
    """The flags of `.!?:)]}` in ``text``; its phase 3 candidates into ``candidates``."""
    flags = 0
    for mark, pattern in _SPACED_MARK_RES:
        if mark in text and (first := pattern.search(text)) is not None:
            for m in pattern.finditer(text, first.start()):
                pos = m.start()
                if text[pos - 1] == "\n":
                    flags |= _EDGES
                else:
                    candidates.append(pos)
    if ":" in text and (first := _COLON_SURVEY_RE.search(text)) is not None:
        for m in _COLON_SURVEY_RE.finditer(text, first.start()):
            pos = m.start()
            if pos and text[pos - 1] == "\n":
                flags |= _EDGES
            candidates.append(pos)
    return flags


def _survey_brackets(text: str, candidates: list[int]) -> int:
    """The flags of the brackets and quotes of ``text``; phase 3 candidates into ``candidates``."""
    flags = 0
    for opener, pattern in _OPENER_SURVEY_RES:
        if opener in text and (first := pattern.search(text)) is not None:
            for m in pattern.finditer(text, first.start()):
                pos = m.start()
                if m.lastgroup == "pair":
                    flags |= _PAIRS
                if text[pos + 1] in " ,;":
                    candidates.append(pos)
    if not flags & _PAIRS:
        for quote, pattern in _QUOTE_SURVEY_RES:
            if quote in text and pattern.search(text):
                flags |= _PAIRS
                break
    return flags


def _survey(text: str) -> tuple[int, list[int]]:
    """The phases that may change ``text`` (flags) and phase 3's candidates.

    A candidate is a position in or right after a run of ``_PHASE3_CHARS``;
    every run that holds a PHASE3_RE match with a replacement has one.
    """
    candidates: list[int] = []
    flags = _EDGES if text[:1] in (",", ";", ":", ".") else 0
    flags |= _survey_separators(text, candidates)
    flags |= _survey_marks(text, candidates)
    flags |= _survey_brackets(text, candidates)
    if candidates:
        flags |= _SPACING
    return flags, candidates


# ---------------------------------------------------------------- phase 1


def _pair_marks(text: str, lo: int, hi: int) -> list[int]:
    """Positions of the brackets and quotes in ``text[lo:hi]``, sorted.

    Found with ``str.find`` per character: a paragraph holds few of them, and
    that skips the text between many times faster than a character class.
    """
    found: list[int] = []
    for c in _PAIR_MARKS:
        k = text.find(c, lo, hi)
        while k >= 0:
            found.append(k)
            k = text.find(c, k + 1, hi)
    found.sort()
    return found


def _empty_pairs(text: str, lo: int, hi: int) -> list[tuple[int, int]]:  # noqa: C901 - one sweep, its cases in order
    """Ranges of empty bracket and quote pairs in ``text[lo:hi]`` (nested ones as one range).

    A pair is empty when it holds only spaces, other empty pairs and, for
    brackets, lone separators (`(,)`). Which `"` opens is told by parity.
    ``lo:hi`` is one paragraph (a line break ends every pair).
    """
    ranges: list[tuple[int, int]] = []
    # A frame: [opener position, opener, content is empty so far, checked up to].
    stack: list[list[object]] = []
    quotes = 0

    def gap_ok(frame: list[object], pos: int) -> bool:
        start = frame[3]
        assert isinstance(start, int)  # noqa: S101 - the frame's layout
        gap = text[start:pos]
        allowed = " ,;" if frame[1] != '"' and frame[1] != "“" else " "
        return not gap.strip(allowed)

    for pos in _pair_marks(text, lo, hi):
        c = text[pos]
        if c == '"':
            quotes += 1
            opening = quotes % 2 == 1
        else:
            opening = c in "([{“"
        if opening:
            if stack and not gap_ok(stack[-1], pos):
                stack[-1][2] = False
            stack.append([pos, c, True, pos + 1])
            continue
        want = '"' if c == '"' else _OPEN_FOR[c]
        if not stack or stack[-1][1] != want:
            stack.clear()
            continue
        frame = stack.pop()
        empty = bool(frame[2]) and gap_ok(frame, pos)
        start = frame[0]
        assert isinstance(start, int)  # noqa: S101 - the frame's layout
        if empty:
            while ranges and ranges[-1][0] >= start:
                ranges.pop()
            ranges.append((start, pos + 1))
        if stack:
            parent = stack[-1]
            if not gap_ok(parent, start):
                parent[2] = False
            if not empty:
                parent[2] = False
            parent[3] = pos + 1
    return ranges


def _hinted_empty_pairs(text: str) -> list[tuple[int, int]]:
    """:func:`_empty_pairs` of the paragraphs with a hint (a line break ends every pair)."""
    hints = sorted(
        m.start() for o, p in _EMPTY_PAIR_HINTS_RE if o in text for m in p.finditer(text)
    )
    ranges: list[tuple[int, int]] = []
    end = -1  # of the paragraph looked at last
    for pos in hints:
        if pos > end:
            end = text.find("\n", pos)
            if end < 0:
                end = len(text)
            ranges.extend(_empty_pairs(text, text.rfind("\n", 0, pos) + 1, end))
    return ranges


def _phase_empty_pairs(text: str) -> list[Span]:
    ranges = _hinted_empty_pairs(text)
    if not ranges:
        return []
    # Neighbouring pairs separated by spaces go as one: `() ()`.
    merged: list[list[int]] = []
    for a, b in ranges:
        if merged and not text[merged[-1][1] : a].strip(" "):
            merged[-1][1] = b
        else:
            merged.append([a, b])
    spans: list[Span] = []
    whole_lines: list[tuple[int, int]] = []
    size = len(text)
    for a, b in merged:
        lo = a
        while lo > 0 and text[lo - 1] == " ":
            lo -= 1
        hi = b
        while hi < size and text[hi] == " ":
            hi += 1
        left = text[lo - 1] if lo > 0 and text[lo - 1] != "\n" else ""
        right = text[hi] if hi < size and text[hi] != "\n" else ""
        if not left and not right:
            line_start = lo
            line_end = hi
            whole_lines.append((line_start, line_end))
            continue
        if (
            not left
            or not right
            or right in _NO_SPACE_BEFORE
            or left in "([{“"
            or (right == '"' and hi == b)
            or (left == '"' and lo == a)
        ):
            replacement = ""
        else:
            replacement = " "
        spans.append((lo, hi, replacement))
    if whole_lines:
        spans = sorted(spans + remove_lines(text, whole_lines))
    return spans


# ---------------------------------------------------------------- phase 2


def _phase_export_commas(text: str) -> list[Span]:
    # The comma replacements of split_glued_sentences, found the same way.
    if "," not in text or not _EXPORT_COMMA_HINT_RE.search(text):
        return []
    return export_comma_spans(text)


# ---------------------------------------------------------------- phase 3


def _is_opening_quote(text: str, pos: int) -> bool:
    if text[pos] == "“":
        return True
    if text[pos] != '"':
        return False
    start = text.rfind("\n", 0, pos) + 1
    return text.count('"', start, pos) % 2 == 0


def _terminator_at(text: str, pos: int) -> bool:
    """A `.`, `!` or `?` at ``pos`` that ends a sentence (not `...`, `.com`)."""
    if pos >= len(text) or text[pos] not in ".!?":
        return False
    nxt = text[pos + 1 : pos + 2]
    if text[pos] == "." and nxt == ".":
        return False
    return not (nxt and (nxt.isalnum()))


def _sep_span(text: str, m: regex.Match[str]) -> Span | None:  # noqa: C901 - one case per rule
    start, end = m.span()
    size = len(text)
    after = m.end("sep") < end  # spaces follow the separators
    sep = m.group("sep")
    lead = start + len(sep) - len(sep.lstrip(" "))  # the first separator
    if text.find(";", lead, end) >= 0 and any(
        EMOTICON_RE.match(text, k) for k in range(lead, end) if text[k] == ";"
    ):
        return None  # `mantap ;D`, `,;(`
    if start == 0 or text[start - 1] == "\n":
        return None  # rule 6, phase 4
    nxt = text[end] if end < size else "\n"
    if nxt == "\n":
        return None  # rule 6, phase 4
    if (nxt == "." and text.startswith("...", end)) or nxt == "…":
        replacement = text[lead] + (" " if after else "")
    elif _terminator_at(text, end):
        replacement = ""  # rule 2: `, .` → `.`
    elif text[start - 1] in "([{" or nxt in ")]}":
        replacement = ""  # rule 3: orphaned inside a bracket
    elif lead > start and (nxt in "([{“" or _is_opening_quote(text, end)):
        replacement = " "  # rule 3: `PT ,(Persero)` → `PT (Persero)`
    else:
        first = text[lead]
        if first == ";" and _ENTITY_END_RE.search(text, max(0, start - 12), start):
            return None
        replacement = first
        if after and not (
            nxt in ")]}" or (nxt == ":" and _before_span(text, m.start("after"), end))
        ):
            replacement += " "
        elif (nxt.isalpha() and not (first == ";" and EMOTICON_RE.match(text, start))) and (
            not _in_url_or_email(text, start)
        ):
            replacement += " "  # rule 5
    if len(replacement) == end - start and text.startswith(replacement, start):
        return None
    return (start, end, replacement)


def _before_span(text: str, start: int, end: int) -> Span | None:
    """Spaces ``start:end`` before a terminator, colon or closing bracket go."""
    if start == 0 or text[start - 1] == "\n":
        return None
    c = text[end]
    if c in ".!?" and not _terminator_at(text, end):
        return None  # `.com`, `...`, `!important`
    if c == ":":
        if EMOTICON_RE.match(text, end):
            return None
        # A score or ratio written with spaces: `skor 2 : 1`.
        if text[start - 1].isdigit() and text[end + 1 : end + 3].strip().isdigit():
            return None
    return (start, end, "")


def _phase3_span(text: str, m: regex.Match[str]) -> Span | None:
    kind = m.lastgroup  # `after` closes the separator alternative
    if kind == "after":
        return _sep_span(text, m)
    if kind == "before":
        return _before_span(text, *m.span())
    if kind == "inner":
        end = m.end()
        opener = m.start()
        if end >= len(text) or text[end] == "\n" or EMOTICON_RE.match(text, opener - 1):
            return None
        return (m.start("inner"), end, "")
    # a colon glued to a letter
    pos = m.end()
    if (
        EMOTICON_RE.match(text, pos - 1)
        or (pos >= 2 and text[pos - 2] == ":")
        or _in_url_or_email(text, pos)
    ):
        return None
    return (pos, pos, " ")


# Candidates closer than this share one scan.
_PHASE3_GAP: Final = 64


def _phase_spacing(text: str, candidates: list[int]) -> list[Span]:
    """Phase 3, only around the runs of ``_PHASE3_CHARS`` that hold a candidate.

    A PHASE3_RE match consists of those characters only, so a scan of the
    whole text is fresh at the start of every run of them: scanning from the
    start of a run with a candidate to the end of a run finds the same matches
    as scanning everything. Nearby candidates share one scan. The candidates
    come from :func:`_survey`; a candidate right after a run (`Rusia .`) also
    finds the run.
    """
    if not candidates:
        return []
    candidates.sort()
    spans: list[Span] = []
    append = spans.append
    decided = _DECIDED.get
    size = len(text)
    done = 0  # the text before this was scanned
    k = 0
    count = len(candidates)
    while k < count:
        pos = candidates[k]
        if pos < done:
            k += 1
            continue
        start = pos
        while start > done and text[start - 1] in _PHASE3_CHARS:
            start -= 1
        # The last candidate of the cluster, then the end of its run.
        while k + 1 < count and candidates[k + 1] - pos <= _PHASE3_GAP:
            k += 1
            pos = candidates[k]
        k += 1
        run = _PHASE3_RUN_RE.match(text, pos)
        done = run.end() if run is not None else pos + 1
        # Lookaheads see two characters past the run (what follows a
        # terminator); `\Z` cannot fire early there (the first is not a space).
        # A match from the second one is cut short: it belongs to the next run.
        for m in PHASE3_RE.finditer(text, start, min(done + 2, size)):
            a, b = m.span()
            if a > done:
                break
            replacement = decided(m.lastgroup)
            if replacement is not None:
                append((a, b, replacement))
                continue
            span = _phase3_span(text, m)
            if span is not None:
                append(span)
    return spans


# ---------------------------------------------------------------- phase 4


def _edge_spans(
    text: str, start: int, end: int, spans: list[Span], punct_lines: list[tuple[int, int]]
) -> None:
    """Rule 6 on the paragraph ``start:end``: into ``spans`` or ``punct_lines``."""
    head = LINE_START_RE.match(text, start, end)
    # LINE_END_RE can only match from the start of the run of ` ,;` the
    # paragraph ends with: match it there instead of searching.
    run = end
    while run > start and text[run - 1] in " ,;":
        run -= 1
    tail = LINE_END_RE.match(text, run, end) if run < end else None
    head_end = head.end() if head is not None and head.end() > start else start
    for k in range(start, head_end):
        if text[k] in ":;" and EMOTICON_RE.match(text, k):
            head_end = k  # `:) senyum`, `.;(`
            break
    tail_start = tail.start() if tail is not None else end
    if (
        tail_start < end
        and text[tail_start:end].lstrip(" ")[0] == ";"
        and (
            _ENTITY_END_RE.search(text, max(start, tail_start - 12), tail_start)
            or text[tail_start - 1 : tail_start] in ")]}"
        )
    ):
        tail_start = end  # `&amp;`, code: `f();`
    if head_end == start and tail_start == end:
        return
    rest_start = max(head_end, start)
    rest_end = max(tail_start, rest_start)
    if PUNCT_ONLY_RE.fullmatch(text, rest_start, rest_end):
        punct_lines.append((start, end))
        return
    if head_end > start:
        spans.append((start, head_end, ""))
    if tail_start < end:
        spans.append((tail_start, end, ""))


def _edge_lines(text: str) -> list[int]:
    """Starts of the paragraphs rule 6 may change (a superset), sorted.

    Those that start with a separator (`,Dengan`, `. , Hal`) and those that end
    with a `,`/`;` or a space (`per tahun.,`).
    """
    starts: list[int] = []
    if text[:1] in ",;:.":
        starts.append(0)
    for m in _EDGE_CANDIDATE_RE.finditer(text):
        nl = m.start()
        if text[nl + 1 : nl + 2] in ",;:." and nl + 1 < len(text):
            starts.append(nl + 1)
        if text[nl - 1] in ",; ":
            starts.append(text.rfind("\n", 0, nl) + 1)
    if text[-1:] in ",; ":
        starts.append(text.rfind("\n") + 1)
    return sorted(set(starts))


def _phase_paragraph_edges(text: str) -> list[Span]:
    spans: list[Span] = []
    punct_lines: list[tuple[int, int]] = []
    for start in _edge_lines(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        if start < end:
            _edge_spans(text, start, end, spans, punct_lines)
    if punct_lines:
        spans = sorted(spans + remove_lines(text, punct_lines))
    return spans


def _middle_positions(
    first: list[Span],
) -> tuple[list[int], list[int], list[int], list[int]]:
    """Where the spans of ``first`` lie, before and after they apply.

    Their starts; ``shifts[i]``, the original offset minus the middle offset
    for text before ``first[i]``; and where each replacement starts and ends
    in the middle text. Built with map: no Python code per span (there may be
    many).
    """
    starts = list(map(itemgetter(0), first))
    ends = list(map(itemgetter(1), first))
    deltas = map(sub, map(sub, ends, starts), map(len, map(itemgetter(2), first)))
    shifts = [0, *accumulate(deltas)]
    mid_starts = list(map(sub, starts, shifts))
    mid_ends = list(map(sub, ends, islice(shifts, 1, None)))
    return starts, shifts, mid_starts, mid_ends


def _joined(middle: str, lo: int, hi: int, spans: list[Span]) -> str:
    """``middle[lo:hi]`` with ``spans`` (inside it) applied."""
    parts: list[str] = []
    pos = lo
    for a, b, replacement in spans:
        parts.append(middle[pos:a])
        parts.append(replacement)
        pos = b
    parts.append(middle[pos:hi])
    return "".join(parts)


def _compose(first: list[Span], second: list[Span], middle: str) -> list[Span]:  # noqa: C901 - one sweep
    """``first`` then ``second`` (found on ``middle``, the result of ``first``) as one list.

    Like :func:`~beritaclean.edits.compose_spans`, in one linear sweep: a span of
    ``second`` that touches spans of ``first`` merges with them.
    """
    if not first:
        return second
    if not second:
        return first
    out: list[Span] = []
    n, m = len(first), len(second)
    i = j = 0
    starts, shifts, mid_starts, mid_ends = _middle_positions(first)
    shift = 0
    none = maxsize  # past every span
    next_end = mid_ends[0]  # of first[i]
    next_start = mid_starts[0]
    while j < m:
        a, b, replacement = second[j]
        if next_end < a:
            # First spans wholly before the second span (not touching) stay as they are.
            k = bisect_left(mid_ends, a, i)
            out.extend(first[i:k])
            shift = shifts[k]
            i = k
            next_end, next_start = (mid_ends[i], mid_starts[i]) if i < n else (none, none)
        if next_start > b and (j + 1 >= m or second[j + 1][0] > b):
            out.append((a + shift, b + shift, replacement))  # touches nothing
            j += 1
            continue
        lo, hi = a, b
        orig_lo = a + shift
        j_end = j
        while True:
            grew = False
            # The first spans that start by ``hi`` join, all at once (they are
            # sorted: only the first of them can move ``lo``).
            k = bisect_right(mid_starts, hi, i)
            if k > i:
                mid_start = mid_starts[i]
                if mid_start < lo or (mid_start == lo and starts[i] < orig_lo):
                    lo, orig_lo = mid_start, starts[i]
                hi = max(hi, mid_ends[k - 1])
                shift = shifts[k]
                i = k
                grew = True
            while j_end + 1 < m and second[j_end + 1][0] <= hi:
                j_end += 1
                hi = max(hi, second[j_end][1])
                grew = True
            if not grew:
                break
        # ``shift`` now holds for text right after the cluster.
        orig_hi = hi + shift
        out.append((orig_lo, orig_hi, _joined(middle, lo, hi, second[j : j_end + 1])))
        j = j_end + 1
        next_end, next_start = (mid_ends[i], mid_starts[i]) if i < n else (none, none)
    out.extend(first[i:])
    return out


# A separator run right after a spaced dash (a dateline's separator): the
# dash already separates, so the run is orphaned (`Jakarta - , Pemerintah`,
# `Jakarta, CNN Indonesia -- , Utama`). The dash keeps one space after it.
# Possessive: a long run that ends in nothing gives up at once (linear).
DASH_ORPHAN_RE: Final = regex.compile(
    r"(?<=(?:^| )(?:--?|–|—)) +[,;](?: *[,;])*+ *+(?=[^\s,;])", regex.MULTILINE
)
# Where a DASH_ORPHAN_RE match may be (a superset), found from the dash.
_DASH_HINT_RES: Final = tuple((dash, re.compile(rf"{dash}(?= +[,;])")) for dash in _DASHES)


def _phase_dash_separators(text: str) -> list[Span]:
    """Rule 3 after a dash: the separator run a dateline's dash is followed by."""
    if (" ," not in text and " ;" not in text) or not any(
        dash in text and hint.search(text) for dash, hint in _DASH_HINT_RES
    ):
        return []
    return [(m.start(), m.end(), " ") for m in DASH_ORPHAN_RE.finditer(text)]


def _moved_past_export_commas(
    text: str, candidates: list[int], found: list[Span]
) -> list[int] | None:
    """Phase 3's ``candidates`` in ``text`` after phase 2's ``found``, or None.

    Phase 2 only takes out comma runs between a terminator (and closers) and
    a capital, a quote, a line break or the end, with a space or nothing in
    their place (`PCR.,Namun`): no mark it leaves gains or loses a candidate,
    so the candidates outside the runs stay, moved. None when ``found`` is not
    that: then a new survey tells.
    """
    for a, b, replacement in found:
        if replacement not in ("", " ") or text[a:b].strip(" ,"):
            return None
    moved: list[int] = []
    shift = 0
    i = 0
    count = len(found)
    for pos in sorted(candidates):
        while i < count and found[i][1] <= pos:
            a, b, replacement = found[i]
            shift += len(replacement) - (b - a)
            i += 1
        if i < count and found[i][0] <= pos:
            continue  # in a comma run that goes
        moved.append(pos + shift)
    return moved


def collapse_orphan_punctuation_spans(text: str) -> list[Span]:
    """Find the replacements :func:`collapse_orphan_punctuation` makes.

    The survey's flags skip phases until the text changes; from then on each
    phase looks for itself, and phase 3 gets a new survey unless only export
    commas went.
    """
    flags, candidates = _survey(text)
    if not flags:
        return []
    spans: list[Span] = []
    current = text
    surveyed = True  # ``flags`` tell about ``current``; else each phase looks for itself
    have_candidates = True  # ``candidates`` are phase 3's in ``current``
    # Export commas twice: collapsing a run can glue one to a terminator (`! ,;D`).
    for flag, phase in (
        (_PAIRS, _phase_empty_pairs),
        (_EXPORT, _phase_export_commas),
        (_DASH, _phase_dash_separators),
        (_SPACING, None),
        (_EXPORT, _phase_export_commas),
        (_EDGES, _phase_paragraph_edges),
    ):
        if phase is None:  # phase 3 needs the candidates
            if not have_candidates:
                flags, candidates = _survey(current)
                surveyed = have_candidates = True
            found = _phase_spacing(current, candidates) if flags & _SPACING else []
        elif not surveyed or flags & flag:
            found = phase(current)
        else:
            continue
        if found:
            if have_candidates and phase is _phase_export_commas:
                moved = _moved_past_export_commas(current, candidates, found)
                have_candidates = moved is not None
                candidates = moved or []
            else:
                have_candidates = False
            spans = _compose(spans, found, current)
            current = apply_spans(current, found)
            surveyed = False
    return spans


def collapse_orphan_punctuation(text: str) -> str:
    """Close the holes that stripped links leave in punctuation.

    Args:
        text: Any text.

    Returns:
        The text with orphaned separators, empty brackets and spaces before
        punctuation gone.

    >>> collapse_orphan_punctuation("berlangsung di , , energi dengan Presiden Rusia .")
    'berlangsung di, energi dengan Presiden Rusia.'
    >>> collapse_orphan_punctuation("saham PT ,(Persero) dan obligasi (,) uangnya")
    'saham PT (Persero) dan obligasi uangnya'
    """
    return apply_spans(text, collapse_orphan_punctuation_spans(text))
