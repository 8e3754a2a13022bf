"""``normalize_quotes``: one style of quote marks (SPEC §3.9).

Three phases, each on the result of the one before:

1. the mode's character mapping: ``ascii`` makes every quote mark straight;
   ``typographic`` first folds the ASCII stand-ins (``` `` ```, ``''``, a
   backtick) into straight quotes;
2. spaces just inside a quotation go (``" panjang "`` → ``"panjang"``), in
   every mode, but only where the pairing of the double quote marks in the
   paragraph is certain;
3. ``typographic`` only: straight quotes become curly by context.

Pairing is *certain* when a paragraph has an even number of double quote
marks, each pair is made of marks that can open and close (not ``”…“``), and
no mark's role by parity contradicts its surroundings (an "opening" quote
glued to the word before it and followed by a space is a closing one, so
the count is off by a lost mark: `kata dia" lalu "pergi`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final, Literal

from beritaclean.edits import Span, apply_spans, compose_spans
from beritaclean.steps._util import line_around

__all__ = ["QUOTE_MODES", "normalize_quotes", "normalize_quotes_spans"]

QUOTE_MODES: Final = ("ascii", "typographic", "keep")

_DOUBLE: Final = "“”„‟«»″〝〞＂"
_SINGLE: Final = "‘’‚‛′‹›`"
# Every quote mark that ascii mode rewrites, in runs: curly, angle and
# fullwidth double quotes and the double prime (`“Kami”`, `«Kami»`), and runs
# of single ones, where two in a row are a double quote (``like this'',
# `‘‘Kami’’`) and a single one is `'` (`Jum‘at`, a backtick).
# (One first-character set for both kinds lets the engine skip other text
# at C speed.)
ASCII_QUOTE_RE: Final = re.compile(
    f"[{_DOUBLE}{_SINGLE}'](?:(?<=[{_DOUBLE}])[{_DOUBLE}]*|(?<=[{_SINGLE}'])[{_SINGLE}']*)"
)
_NON_ASCII_QUOTES: Final = tuple(c for c in _DOUBLE + _SINGLE if not c.isascii())
# Every mark ASCII_QUOTE_RE finds, one by one.
_ASCII_MARKS: Final = tuple(_DOUBLE + _SINGLE + "'")
# The ASCII stand-ins typographic mode folds first: ``kata'' and `kata.
STAND_IN_RE: Final = re.compile(r"[`']{2,}|`")

# The double quote marks that pair up in a paragraph (the double prime `″`
# is an inch mark, `5″`, and pairs with nothing).
PAIRING: Final = '"“”„‟«»〝〞＂'
DOUBLE_MARK_RE: Final = re.compile(f"[{PAIRING}]")
_OPEN_ONLY: Final = frozenset("“„‟〝")
_CLOSE_ONLY: Final = frozenset("”〞")
_QUOTE_CHARS: Final = frozenset(PAIRING + _SINGLE + "'″")
# What may stand before an opening quote, and after a closing one.
_BEFORE_OPENING: Final = frozenset("([{—–-/")
_AFTER_CLOSING: Final = frozenset(".,;:!?)]}…—–-/")
# What may start a quoted word, and end one.
_OPENING_WORD: Final = frozenset("([{…@#")
_CLOSING_WORD: Final = frozenset(".,;:!?)]}…%")
# Where a space just inside a quotation may be: a mark followed by a space
# and not glued to a word before it (`kata " Kami`), or one after a space and
# not glued to a word after it (`siap " kata`). A paragraph without one has
# no inner space to remove whatever its pairing, so only paragraphs with one
# are paired. (`[^\W_]` is what `str.isalnum` accepts.)
_CLOSING_ISH: Final = re.escape("".join(sorted(_CLOSING_WORD | _QUOTE_CHARS)))
_OPENING_ISH: Final = re.escape("".join(sorted(_OPENING_WORD | _QUOTE_CHARS)))


def _inner_space_re(marks: str) -> re.Pattern[str]:
    m = f"[{re.escape(marks)}]"
    return re.compile(
        f"{m}(?:(?= )(?<![^\\W_]{m})(?<![{_CLOSING_ISH}]{m})|(?<= {m})(?![^\\W_]|[{_OPENING_ISH}]))"
    )


INNER_SPACE_RE: Final = _inner_space_re(PAIRING)
# The same for text whose only double quote mark is `"`: a search for one
# literal character skips the text between quotes many times faster.
STRAIGHT_INNER_SPACE_RE: Final = _inner_space_re('"')
_CURLY_PAIRING: Final = tuple(PAIRING.replace('"', ""))
SINGLE_STRAIGHT_RE: Final = re.compile("'")
SINGLE_MARK_RE: Final = re.compile("['’]")

_Mode = Literal["ascii", "typographic", "keep"]


def normalize_quotes_spans(text: str, *, mode: _Mode = "ascii") -> list[Span]:
    """Find the replacements :func:`normalize_quotes` makes.

    Raises:
        ValueError: If ``mode`` is not one of :data:`QUOTE_MODES`.
    """
    if mode not in QUOTE_MODES:
        raise ValueError(
            f"mode={mode!r} is not valid; choose one of 'ascii', 'typographic', 'keep'"
        )
    spans: list[Span] = []
    if mode == "ascii" and (
        ("'" in text and text.rfind("''") >= 0)  # (rfind: the quicker search)
        or "`" in text
        or (not text.isascii() and _has_non_ascii_quote(text))
    ):
        spans = _ascii_spans(text)
    elif mode == "typographic" and ("'" in text or "`" in text):
        spans = _stand_in_spans(text)
    current = apply_spans(text, spans) if spans else text
    inner = _inner_space_spans(current)
    if inner:
        spans = compose_spans(text, spans, inner) if spans else inner
        current = apply_spans(current, inner)
    if mode == "typographic":
        curly = _typographic_spans(current)
        if curly:
            spans = compose_spans(text, spans, curly) if spans else curly
    return spans


# -- 1. character mapping ------------------------------------------------------


def _has_non_ascii_quote(text: str) -> bool:
    return any(c in text for c in _NON_ASCII_QUOTES)


def _ascii_spans(text: str) -> list[Span]:
    """The runs of ``ASCII_QUOTE_RE`` that change, found as it would find them.

    The marks are few: each kind the text holds is found by `str.find` (a
    fast search for one character) and the runs are put together from their
    positions, where the pattern would test every character against its set.
    """
    positions = [pos for mark in _ASCII_MARKS if mark in text for pos in _positions(text, mark)]
    positions.sort()
    spans: list[Span] = []
    run_start = run_end = -1
    double = False
    for pos in positions:
        if pos == run_end and (text[pos] in _DOUBLE) == double:
            run_end += 1  # the run goes on
            continue
        if run_start >= 0:
            _add_ascii_span(spans, text, run_start, run_end, double=double)
        run_start, run_end = pos, pos + 1
        double = text[pos] in _DOUBLE
    if run_start >= 0:
        _add_ascii_span(spans, text, run_start, run_end, double=double)
    return spans


def _positions(text: str, mark: str) -> list[int]:
    """Where ``mark`` is in ``text``."""
    found = []
    pos = text.find(mark)
    while pos >= 0:
        found.append(pos)
        pos = text.find(mark, pos + 1)
    return found


def _add_ascii_span(spans: list[Span], text: str, start: int, end: int, *, double: bool) -> None:
    # A run of double marks becomes as many `"`; in a run of single ones,
    # each two are a `"` (``like this'') and one left over is a `'`.
    run = text[start:end]
    pairs, left = divmod(len(run), 2)
    replacement = '"' * len(run) if double else '"' * pairs + "'" * left
    if replacement != run:
        spans.append((start, end, replacement))


def _stand_in_spans(text: str) -> list[Span]:
    spans: list[Span] = []
    for m in STAND_IN_RE.finditer(text):
        run = m.group()
        replacement = '"' * (len(run) // 2) + "'" * (len(run) % 2)
        if replacement != run:
            spans.append((m.start(), m.end(), replacement))
    return spans


# -- 2. spaces inside a quotation ------------------------------------------------


def _lines_with_marks(text: str) -> list[tuple[int, int, list[int]]]:
    """``(line_start, line_end, mark_positions)`` for lines with a double quote mark."""
    lines: list[tuple[int, int, list[int]]] = []
    line_end = -1
    marks: list[int] = []
    for m in DOUBLE_MARK_RE.finditer(text):
        pos = m.start()
        if pos > line_end:
            line_start, line_end = line_around(text, pos, line_end + 1)
            marks = []
            lines.append((line_start, line_end, marks))
        marks.append(pos)
    return lines


def _is_space(c: str) -> bool:
    return c == "" or c.isspace()


def _looks_opening(prev: str, nxt: str) -> bool:
    """A mark after a space or bracket and before a word: `kata "Kami`."""
    return (_is_space(prev) or prev in _BEFORE_OPENING or prev in _QUOTE_CHARS) and (
        nxt.isalnum() or nxt in _OPENING_WORD or nxt in _QUOTE_CHARS
    )


def _looks_closing(prev: str, nxt: str) -> bool:
    """A mark after a word or punctuation and before a space: `siap," kata`."""
    return (prev.isalnum() or prev in _CLOSING_WORD or prev in _QUOTE_CHARS) and (
        _is_space(nxt) or nxt in _AFTER_CLOSING or nxt in _QUOTE_CHARS
    )


@lru_cache(maxsize=4096)
def _shape(prev: str, nxt: str) -> tuple[bool, bool]:
    """``(looks_opening, looks_closing)`` for a mark between ``prev`` and ``nxt``."""
    return _looks_opening(prev, nxt), _looks_closing(prev, nxt)


def _context(text: str, start: int, end: int, pos: int) -> tuple[str, str]:
    prev = text[pos - 1] if pos > start else ""
    nxt = text[pos + 1] if pos + 1 < end else ""
    return prev, nxt


def _pairing_is_certain(text: str, start: int, end: int, marks: list[int]) -> bool:
    if len(marks) % 2:
        return False
    for k, pos in enumerate(marks):
        mark = text[pos]
        opening, closing = _shape(*_context(text, start, end, pos))
        if k % 2 == 0:
            if mark in _CLOSE_ONLY or (closing and not opening):
                return False
        elif mark in _OPEN_ONLY or (opening and not closing):
            return False
    return True


def _inner_space_spans(text: str) -> list[Span]:
    """Spaces right inside double quotes, where the pairing is certain."""
    if " " not in text:
        return []
    if text.isascii() or not any(c in text for c in _CURLY_PAIRING):
        if '"' not in text:
            return []  # no mark (a `memchr` is quicker than the pattern's search)
        candidates = STRAIGHT_INNER_SPACE_RE
    else:
        candidates = INNER_SPACE_RE
    spans: list[Span] = []
    found = candidates.search(text)
    while found is not None:
        start = text.rfind("\n", 0, found.start()) + 1
        end = text.find("\n", found.end())
        if end < 0:
            end = len(text)
        spans.extend(_line_inner_space_spans(text, start, end))
        found = candidates.search(text, end)
    return spans


def _line_inner_space_spans(text: str, start: int, end: int) -> list[Span]:
    """The inner spaces of the line ``text[start:end]``."""
    marks = [m.start() for m in DOUBLE_MARK_RE.finditer(text, start, end)]
    spans: list[Span] = []
    if len(marks) >= 2 and _pairing_is_certain(text, start, end, marks):
        for k in range(0, len(marks), 2):
            opening, closing = marks[k], marks[k + 1]
            inner = text[opening + 1 : closing]
            if not inner.strip(" "):
                continue  # `""` and `" "` are collapse_orphan_punctuation's
            lead = len(inner) - len(inner.lstrip(" "))
            trail = len(inner) - len(inner.rstrip(" "))
            if lead:
                spans.append((opening + 1, opening + 1 + lead, ""))
            if trail:
                spans.append((closing - trail, closing, ""))
    return spans


# -- 3. curly quotes by context ----------------------------------------------------


def _typographic_spans(text: str) -> list[Span]:
    spans: list[Span] = []
    if '"' in text:
        spans.extend(_double_curly_spans(text))
    if "'" in text:
        spans.extend(_single_curly_spans(text))
        spans.sort()
    return spans


def _double_curly_spans(text: str) -> list[Span]:
    spans: list[Span] = []
    for start, end, marks in _lines_with_marks(text):
        certain = _pairing_is_certain(text, start, end, marks)
        for k, pos in enumerate(marks):
            if text[pos] != '"':
                continue
            prev, nxt = _context(text, start, end, pos)
            if prev == '"' or nxt == '"':
                continue  # `""` is an empty quotation: left for its step
            if certain:
                opening = k % 2 == 0
            else:
                opening, closing = _shape(prev, nxt)
                if opening == closing:
                    continue  # cannot tell: stays straight
            spans.append((pos, pos + 1, "“" if opening else "”"))
    return spans


def _single_curly_spans(text: str) -> list[Span]:
    """Straight ``'`` → ``‘`` or ``’``: apostrophes, elisions, single quotes."""
    spans: list[Span] = []
    line_end = -1
    last_closing = -1  # the last closing-shaped single quote of the line
    for m in SINGLE_STRAIGHT_RE.finditer(text):
        pos = m.start()
        if pos > line_end:
            line_start, line_end = line_around(text, pos, line_end + 1)
            last_closing = _last_closing_single(text, line_start, line_end)
        prev, nxt = _context(text, line_start, line_end, pos)
        if prev.isalnum() and nxt.isalnum():
            curly = "’"  # Jum'at, Qur'an
        elif _is_space(prev) or prev in _BEFORE_OPENING or prev in _QUOTE_CHARS:
            if _is_space(nxt) or not nxt.isalnum():
                continue  # cannot tell: stays straight
            # '98 and 'tuk are elisions; 'kata' opens a quotation.
            curly = "‘" if nxt.isalpha() and last_closing > pos else "’"
        elif _is_space(nxt) or nxt in _AFTER_CLOSING or nxt in _QUOTE_CHARS:
            curly = "’"  # closing, or an elision at the end of a word
        else:
            continue
        spans.append((pos, pos + 1, curly))
    return spans


def _last_closing_single(text: str, start: int, end: int) -> int:
    """Where the last closing-shaped ``'`` or ``’`` of a line is, or -1."""
    last = -1
    for m in SINGLE_MARK_RE.finditer(text, start, end):
        pos = m.start()
        prev, nxt = _context(text, start, end, pos)
        if not _is_space(prev) and (_is_space(nxt) or nxt in _AFTER_CLOSING or nxt in _QUOTE_CHARS):
            last = pos
    return last


def normalize_quotes(text: str, *, mode: _Mode = "ascii") -> str:
    r"""Give quote marks one style and remove spaces just inside quotations.

    Args:
        text: Any text.
        mode: ``"ascii"`` makes every quote mark straight (``"`` and ``'``),
            ``"typographic"`` makes straight quotes curly by context and
            apostrophes ``’``, ``"keep"`` changes no quote mark. In every mode
            spaces just inside a quotation go, where the pairing of the
            paragraph's double quotes is certain.

    Returns:
        The text with its quote marks normalized.

    Raises:
        ValueError: If ``mode`` is not one of :data:`QUOTE_MODES`.

    >>> normalize_quotes("“ Kami akan mulai ” kata Trump pada hari Jum‘at")
    '"Kami akan mulai" kata Trump pada hari Jum\'at'
    >>> normalize_quotes("\"Kami siap,\" kata dia pada hari Jum'at.", mode="typographic")
    '“Kami siap,” kata dia pada hari Jum’at.'
    """
    return apply_spans(text, normalize_quotes_spans(text, mode=mode))
