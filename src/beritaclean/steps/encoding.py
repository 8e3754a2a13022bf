"""``fix_encoding``: mojibake, HTML references, control characters, NFC (SPEC §3.1).

Only lines holding an `&`, a control character or a character mojibake is
made of are looked at; the rest cost one regex scan. On such a line, a pass:

1. decodes the HTML character references that look escaped;
2. if ftfy's own badness heuristic fires (or C1 controls, lone surrogates or
   a terminal escape are there), repairs the line with ftfy, drops control
   characters and applies NFC, reporting the difference as tight spans;
3. otherwise drops control characters and applies NFC word by word.

A pass can make work for another (dropping a control character joins two
mojibake halves; NFC can compose `Ã` from `A` and a combining tilde; NFC
turns U+037E into `;` after `&amp`), so it repeats until the line is stable.
"""

from __future__ import annotations

import html
import html.entities
import re
import unicodedata
from functools import lru_cache
from itertools import accumulate, compress
from operator import ne
from typing import TYPE_CHECKING, Final

import ftfy
import ftfy.badness
import regex

from beritaclean.edits import Span, apply_spans, compose_spans
from beritaclean.steps._util import diff_span

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["fix_encoding", "fix_encoding_spans"]

# ftfy's repairs, without the ones that are other steps' jobs: quotes are
# normalize_quotes's, line breaks and spaces normalize_whitespace's, HTML
# references ours (only where the text looks escaped), control characters
# ours (the same rule on every line, whether ftfy saw it or not).
_FTFY_CONFIG: Final = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)

# ftfy.fix_text on one line, run as ftfy runs it (6.3: fix_and_explain's loop
# of fix_encoding's one-step repairs, then the enabled fixers, until stable)
# but with ftfy's "is this bad?" test done by the windowed `_is_bad`: ftfy's
# own test scans the whole line at a few MB/s, three times per repaired line,
# twice on the repaired text where it finds nothing. Other ftfy versions, whose
# loop may differ, get ftfy.fix_text itself.
_FTFY_ONE_STEP: Final = (
    getattr(ftfy, "_fix_encoding_one_step_and_explain", None)
    if ftfy.__version__.startswith("6.3.")
    else None
)
# fix_and_explain runs ftfy.fix_encoding with its default configuration.
_FTFY_ENCODING_CONFIG: Final = ftfy.TextFixerConfig(explain=False)
# The fixers fix_and_explain runs after fix_encoding, in its order, that our
# configuration leaves on.
_FTFY_FIXERS: Final = tuple(
    ftfy.FIXERS[name]
    for name in (
        "fix_c1_controls",
        "fix_latin_ligatures",
        "fix_character_width",
        "uncurl_quotes",
        "fix_line_breaks",
        "fix_surrogates",
        "remove_terminal_escapes",
        "remove_control_chars",
    )
    if getattr(_FTFY_CONFIG, name)
)

# The pre-check for ftfy. ftfy changes a line only if its badness regex
# matches (`MÃ¼ller`, `â€œ`), or the line has C1 controls, lone surrogates or
# a terminal escape. Every alternative of the badness regex needs at least
# one character outside ftfy's "common" and punctuation categories (no-break
# space, dashes, `…`, curly quotes): so a text with none of the characters
# below is one ftfy would leave alone, and typical Indonesian prose (no-break
# spaces, “curly quotes”, dashes) never pays for ftfy.
_CATS: Final = ftfy.badness.MOJIBAKE_CATEGORIES
_NOT_COMMON: Final = "".join(
    chars
    for name, chars in _CATS.items()
    if name not in {"common", "start_punctuation", "end_punctuation"}
)
# (The surrogates as the pattern's escapes: mypyc cannot compile them as literals.)
MOJIBAKE_CHAR_RE: Final = re.compile(f"[{_NOT_COMMON}\\ud800-\\udfff\x1b]")
# What ftfy does besides the badness-gated repair: C1 controls (`â€\x9d`),
# lone surrogates, terminal escapes (`\x1b[31m`).
_FTFY_EXTRA_RE: Final = re.compile(r"[\x80-\x9f\ud800-\udfff\x1b]")

# An HTML character reference, also double- and triple-escaped (`&amp;ldquo;`
# for `“`, `&amp;amp;nbsp;`). A complete reference ends in `;`; a bare one
# (`&copy 2023`) is one of HTML's legacy names that browsers accept without
# `;`, standing alone (not `&copyright`).
HTML_REF_RE: Final = re.compile(
    r"&(?P<amps>(?:amp;)*)"
    r"(?:(?P<full>#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
    r"|(?P<bare>#[0-9]{1,7}(?![0-9;])|#[xX][0-9a-fA-F]{1,6}(?![0-9a-fA-F;])"
    r"|[A-Za-z][A-Za-z0-9]{1,7}(?![A-Za-z0-9;])))?",
)
_NAMES: Final = frozenset(html.entities.html5)
_LEGACY: Final = frozenset(name for name in _NAMES if not name.endswith(";"))

# Control characters other than \t \n \r (those are normalize_whitespace's):
# C0 (`\x00`, `\x1b`), DEL, and the C1 controls a bad decode leaves.
CONTROL_RE: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

# Characters that may change under NFC (a combining mark after `e`, Kelvin
# sign): only words holding one are normalized.
NFC_CANDIDATE_RE: Final = regex.compile(r"\p{NFC_QC=N}|\p{NFC_QC=M}")

# Visible ASCII: ftfy re-decodes only the bytes around it and never changes
# it, so it anchors ftfy's output to its input and lets a fixed line be
# reported as small spans. (A space is no anchor: `Ã ` is a mangled `à`.)
# Captured, so that a split keeps the anchors between the stretches.
_ANCHOR_RE: Final = re.compile(r"([!-~]+)")
# Runs of such words joined by single spaces, captured too.
_ANCHOR_RUN_RE: Final = re.compile(r"([!-~]+(?: [!-~]+)*)")
# Where NFC can be applied piecewise: a space or line break never composes.
WORD_END_RE: Final = regex.compile(r"[^ \t\n\r]*")
WORD_START_RE: Final = regex.compile(r"[^ \t\n\r]*", flags=regex.REVERSE)
# ASCII that is not a control character, as bytes: deleting it from ASCII
# text leaves nothing unless a control character is there (C speed).
_PRINTABLE_ASCII: Final = bytes(range(0x20, 0x7F)) + b"\t\n\r"
_ASCII_BYTES: Final = bytes(range(0x80))
# Latin-1 that is not a control character: deleting it from the Latin-1
# characters of a text leaves nothing unless a control character is there.
_NOT_CONTROL_LATIN1: Final = bytes(c for c in range(0x100) if not CONTROL_RE.match(chr(c)))
# Every byte but the C0 control characters of CONTROL_RE and DEL: deleting
# them from encoded text leaves nothing unless one of those is there.
_NOT_C0_CONTROL: Final = bytes(c for c in range(0x100) if not CONTROL_RE.match(chr(c)) or c >= 0x80)
_MAX_PASSES: Final = 4
BADNESS_RE: Final = ftfy.badness.BADNESS_RE
_BADNESS_BEFORE: Final = 3
_BADNESS_AFTER: Final = 8
_MAX_WINDOWS: Final = 32

# Where a line may need this step: an `&`, a control character, or a
# character mojibake is made of. Lines without one are never looked at.
DIRTY_RE: Final = re.compile(
    f"[&\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f{_NOT_COMMON}\\ud800-\\udfff]"
)
DIRTY_OR_NFC_RE: Final = regex.compile(
    f"[&\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f{_NOT_COMMON}\\ud800-\\udfff]"
    r"|\p{NFC_QC=N}|\p{NFC_QC=M}"
)


def fix_encoding_spans(text: str) -> list[Span]:
    """Find the replacements :func:`fix_encoding` makes."""
    pattern: re.Pattern[str] | regex.Pattern[str] | None
    if text.isascii():
        controls = bool(text.encode().translate(None, _PRINTABLE_ASCII))
        if "&" not in text and not controls:
            return []
        pattern = DIRTY_RE if controls else None
    else:
        rare, c0_controls = _non_ascii_and_c0(text)
        if NFC_CANDIDATE_RE.search(rare) is not None and not unicodedata.is_normalized("NFC", text):
            pattern = DIRTY_OR_NFC_RE
        # The C1 controls are among the rare characters, and DIRTY_RE has them.
        elif c0_controls or DIRTY_RE.search(rare) is not None:
            pattern = DIRTY_RE
        elif "&" in text:
            pattern = None
        else:
            return []
    spans: list[Span] = []
    pos = _find_dirty(text, 0, pattern)
    while pos >= 0:
        start = text.rfind("\n", 0, pos) + 1
        end = text.find("\n", pos)
        if end < 0:
            end = len(text)
        line_spans = _line_spans(text[start:end], controls=pattern is not None)
        spans.extend((a + start, b + start, r) for a, b, r in line_spans)
        pos = _find_dirty(text, end, pattern)
    return spans


def _find_dirty(text: str, pos: int, pattern: re.Pattern[str] | regex.Pattern[str] | None) -> int:
    """Where the next character this step may change is, or -1.

    ``pattern`` is None when the only such characters are `&` (the text has
    no control character).
    """
    if pattern is None:
        return text.find("&", pos)
    m = pattern.search(text, pos)
    return -1 if m is None else m.start()


def _non_ascii(text: str) -> str:
    """The non-ASCII characters of ``text``, in order, found at C speed.

    The patterns above test one character at a time, so on these few
    characters they answer as on the whole text (ASCII aside).
    """
    return _non_ascii_and_c0(text)[0]


def _non_ascii_and_c0(text: str) -> tuple[str, bool]:
    """:func:`_non_ascii`, and whether ``text`` has a C0 control character or DEL.

    Both come from one encoding of the text: Latin-1 where it can (a copy for
    text made of Latin-1 characters, such as prose with no-break spaces),
    else UTF-8, whose multi-byte sequences hold no ASCII byte.
    """
    try:
        data = text.encode("latin-1")
        codec = "latin-1"
    except UnicodeEncodeError:
        data = text.encode("utf-8", "surrogatepass")
        codec = "utf-8"
    # The rare bytes and the C0 controls: short, so the rest costs little.
    unusual = data.translate(None, _PRINTABLE_ASCII)
    c0_controls = bool(unusual.translate(None, _NOT_C0_CONTROL))
    if c0_controls:
        unusual = unusual.translate(None, _ASCII_BYTES)
    return unusual.decode(codec, "surrogatepass"), c0_controls


def _has_control(text: str) -> bool:
    """Whether ``CONTROL_RE`` matches, without a slow scan of a set."""
    if text.isascii():
        return bool(text.encode().translate(None, _PRINTABLE_ASCII))
    return bool(text.encode("latin-1", "ignore").translate(None, _NOT_CONTROL_LATIN1))


def _line_spans(line: str, *, controls: bool = True) -> list[Span]:
    """The spans for one line: passes over it until it is stable.

    ``controls`` is False when the line is known to hold no control character.
    """
    spans: list[Span] = []
    current = line
    for _ in range(_MAX_PASSES):
        found, settled = _one_pass(current, controls=controls)
        if not found:
            break
        spans = compose_spans(line, spans, found) if spans else found
        if settled:
            break
        current = apply_spans(current, found)
        controls = True
    return spans


def _one_pass(line: str, *, controls: bool = True) -> tuple[list[Span], bool]:
    """The spans of one pass, and whether another pass would find none.

    When the pass only decoded references, a second pass would see the very
    text this one checked for the rest: it finds nothing unless it finds
    references (a `&` is left, as in `&amp;quot;`).

    ``controls`` is False when ``line`` is known to hold no control
    character: then only decoded references can bring one.
    """
    html_spans = _html_spans(line) if "&" in line else []
    unescaped = apply_spans(line, html_spans)
    # The checks below look at the few non-ASCII characters (and `\x1b`, the
    # one ASCII character of MOJIBAKE_CHAR_RE and _FTFY_EXTRA_RE) only.
    if unescaped.isascii():
        rare = ""
        has_control = (
            controls or _has_control("".join([span[2] for span in html_spans]))
        ) and _has_control(unescaped)
    else:
        rare, has_control = _non_ascii_and_c0(unescaped)
        has_control = has_control or CONTROL_RE.search(rare) is not None
    escape = "\x1b" in unescaped
    if (escape or MOJIBAKE_CHAR_RE.search(rare) is not None) and (
        escape or _FTFY_EXTRA_RE.search(rare) is not None or _is_bad(unescaped, rare)
    ):
        # One diff for the whole repair, so a long line never has many small
        # spans composed into one big one.
        fixed = _ftfy_fix_line(unescaped)
        fixed = unicodedata.normalize("NFC", CONTROL_RE.sub("", fixed))
        return _compose(line, html_spans, _tight_spans(unescaped, fixed, 0)), False
    rest = _control_spans(unescaped) if has_control else []
    # NFC changes only words holding a candidate (dropping controls adds none).
    if NFC_CANDIDATE_RE.search(rare) is not None:
        rest = _compose(unescaped, rest, _nfc_spans(apply_spans(unescaped, rest)))
    settled = not rest and (not html_spans or "&" not in unescaped or not _html_spans(unescaped))
    return _compose(line, html_spans, rest), settled


def _ftfy_fix_line(line: str) -> str:
    """``ftfy.fix_text(line, config=_FTFY_CONFIG)``, without ftfy's slow badness scans.

    ftfy's one-step repair returns the text unchanged when it is ASCII or
    ``is_bad`` is false, so the loop asks :func:`_is_bad` (the same answer,
    found fast) first and calls the repair only on text ftfy finds bad. A
    line ftfy would cut into segments (a line break, a huge line) goes to
    ftfy.fix_text.
    """
    if _FTFY_ONE_STEP is None or "\n" in line or len(line) > _FTFY_CONFIG.max_decode_length:
        return str(ftfy.fix_text(line, config=_FTFY_CONFIG))
    text = line
    while True:  # ftfy.fix_and_explain
        before = text
        while not text.isascii() and _is_bad(text):  # ftfy.fix_encoding
            fixed: str = _FTFY_ONE_STEP(text, _FTFY_ENCODING_CONFIG)[0]
            if fixed == text:
                break
            text = fixed
        # Those fixers change only C1 controls, surrogates, terminal escapes.
        if _FTFY_EXTRA_RE.search(text) is not None:
            for fixer in _FTFY_FIXERS:
                text = fixer(text)
        if text == before:
            return text


def _is_bad(line: str, rare: str | None = None) -> bool:
    """``ftfy.badness.is_bad(line)``, looking only around the rare characters.

    The badness regex scans every position of a line at a few MB/s. Each of
    its matches holds a character of ``MOJIBAKE_CHAR_RE``, starts at most
    two characters before it and is at most seven long, so searching a small
    window around each such character finds the same answer.

    ``rare`` is ``_non_ascii(line)`` if the caller has it.
    """
    for checked, pos in enumerate(_mojibake_positions(line, rare)):
        window = max(0, pos - _BADNESS_BEFORE)
        if checked == _MAX_WINDOWS:  # a line full of them: scan the rest
            return BADNESS_RE.search(line, window) is not None
        if BADNESS_RE.search(line, window, pos + 1 + _BADNESS_AFTER) is not None:
            return True
    return False


def _mojibake_positions(line: str, rare: str | None = None) -> Iterator[int]:
    r"""Where the characters of ``MOJIBAKE_CHAR_RE`` are in ``line``, in order.

    Without `\x1b`, they are all among the non-ASCII characters: found there,
    each is the next occurrence of that character after the one before (no
    occurrence of it lies between: it would be one of them), so `str.find`
    places it instead of a slow scan of the whole line with the set.
    """
    if "\x1b" in line:
        for m in MOJIBAKE_CHAR_RE.finditer(line):
            yield m.start()
        return
    if rare is None:
        rare = _non_ascii(line)
    pos = -1
    for m in MOJIBAKE_CHAR_RE.finditer(rare):
        pos = line.find(m.group(), pos + 1)
        yield pos


def _compose(text: str, first: list[Span], second: list[Span]) -> list[Span]:
    if not first:
        return second
    if not second:
        return first
    return compose_spans(text, first, second)


# -- 1. HTML references --------------------------------------------------------


def _html_spans(line: str) -> list[Span]:
    """References in one line that look escaped, decoded.

    A reference looks escaped when it is complete: it ends in `;` and names a
    character HTML defines (`&quot;`, `&#8220;`, `&amp;nbsp;`). `AT&T;`,
    `S&P;` and `R&D` name none, so they stay. A bare legacy reference
    (`&copy 2023`, `&nbsp`) is decoded only in a paragraph that shows it was
    escaped, by a complete reference or an `&amp;` chain: an escaper writes a
    literal `&` as `&amp;`, so there a bare `&name` is markup; anywhere else
    it may be the writer's text and stays.
    """
    spans: list[Span] = []
    bare_refs: list[Span] = []  # decoded only if the line looks escaped
    for m in HTML_REF_RE.finditer(line):
        amps, full, bare = m.groups()
        # Remembered, except a long `&amp;` chain (no cache holds big strings).
        if len(amps) <= _MAX_CACHED_AMPS:
            found = _cached_reference(amps, full, bare)
        else:
            found = _reference(amps, full, bare)
        if found is None:
            continue
        replacement, length, if_escaped = found
        start, end = m.span()
        if length:
            end = start + length
        (bare_refs if if_escaped else spans).append((start, end, replacement))
    if spans and bare_refs:
        spans.extend(bare_refs)
        spans.sort()
    return spans


def _reference(amps: str, full: str | None, bare: str | None) -> tuple[str, int, bool] | None:
    """What a match of ``HTML_REF_RE`` (its groups) becomes, or None if it stays.

    The replacement, how much of the match it replaces (0: all of it), and
    whether only in a line that looks escaped (a bare reference with no
    `&amp;` chain before it).
    """
    if full is not None and (full[0] == "#" or f"{full};" in _NAMES):
        return _decode(f"&{full};"), 0, False
    if bare is not None and (bare[0] == "#" or bare in _LEGACY):
        return _decode(f"&{bare}"), 0, not amps
    if amps:
        # `&amp;amp;foo;` is an escaped `&foo;`: the chain goes, the
        # unknown rest stays.
        return "&", 1 + len(amps), False
    return None


_cached_reference: Final = lru_cache(maxsize=1024)(_reference)
_MAX_CACHED_AMPS: Final = 40


def _decode(reference: str) -> str:
    # html.unescape maps `&#0;` and surrogates to U+FFFD and drops the
    # codes HTML forbids; a control character it lets through goes in phase 3.
    return html.unescape(reference)


# -- 2. mojibake ---------------------------------------------------------------


def _tight_spans(old: str, new: str, offset: int) -> list[Span]:
    """Spans turning ``old`` into ``new``, one per changed stretch between words.

    ftfy keeps visible ASCII, so when both sides have the same runs of it,
    only the stretches between them can differ. Otherwise (a terminal escape took letters
    with it) the line is one span, common ends trimmed.
    """
    # Words joined by single spaces first: a line has few such runs, and
    # when both sides have the same, the single spaces inside them are equal
    # too, so the stretches between the runs are the only ones to compare.
    spans = _stretch_spans(_ANCHOR_RUN_RE, old, new, offset)
    if spans is None:
        spans = _stretch_spans(_ANCHOR_RE, old, new, offset)
    if spans is None:
        span = diff_span(old, new, offset)
        return [span] if span is not None else []
    return spans


def _stretch_spans(anchor: re.Pattern[str], old: str, new: str, offset: int) -> list[Span] | None:
    """Spans for the stretches between ``anchor`` runs, or None if the runs differ."""
    # The parts alternate: a stretch, an anchor, ..., a stretch.
    old_parts = anchor.split(old)
    new_parts = anchor.split(new)
    if old_parts[1::2] != new_parts[1::2]:
        return None
    # Where each part starts; only the few stretches that differ are diffed.
    starts = list(accumulate(map(len, old_parts), initial=offset))
    return [
        span
        for i in compress(range(0, len(old_parts), 2), map(ne, old_parts[::2], new_parts[::2]))
        if (span := diff_span(old_parts[i], new_parts[i], starts[i])) is not None
    ]


# -- 3. control characters -----------------------------------------------------


def _control_spans(text: str) -> list[Span]:
    """Deletions of the control characters of ``text``."""
    return [(m.start(), m.end(), "") for m in CONTROL_RE.finditer(text)]


# -- 4. NFC --------------------------------------------------------------------


def _nfc_spans(text: str) -> list[Span]:
    """NFC, word by word: a space or a line break is a boundary NFC never crosses."""
    if unicodedata.is_normalized("NFC", text):
        return []
    spans: list[Span] = []
    m = NFC_CANDIDATE_RE.search(text)
    while m is not None:
        before = WORD_START_RE.match(text, 0, m.start())
        after = WORD_END_RE.match(text, m.end())
        start = before.start() if before is not None else m.start()
        end = after.end() if after is not None else m.end()
        word = text[start:end]
        span = diff_span(word, unicodedata.normalize("NFC", word), start)
        if span is not None:
            spans.append(span)
        m = NFC_CANDIDATE_RE.search(text, end)
    return spans


def fix_encoding(text: str) -> str:
    r"""Repair mojibake and HTML references, drop control characters, apply NFC.

    HTML references are decoded where the text looks escaped (also when
    double-escaped), so a literal ``AT&T`` or ``R&D`` stays. Curly quotes are
    left for :func:`~beritaclean.steps.quotes.normalize_quotes`, spaces and
    line breaks for :func:`~beritaclean.steps.whitespace.normalize_whitespace`.

    Args:
        text: Any text.

    Returns:
        The text with its characters repaired.

    >>> fix_encoding("Kata &amp;ldquo;MÃ¼ller&amp;rdquo; di AT&T")
    'Kata “Müller” di AT&T'
    >>> fix_encoding("R&D dan Q&A, harga naik 1,5%\x00")
    'R&D dan Q&A, harga naik 1,5%'
    """
    return apply_spans(text, fix_encoding_spans(text))
