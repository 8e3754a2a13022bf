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
from typing import Final

import ftfy
import ftfy.badness
import regex

from beritaclean.edits import Span, apply_spans, compose_spans
from beritaclean.steps._util import diff_span

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
MOJIBAKE_CHAR_RE: Final = re.compile(f"[{_NOT_COMMON}\ud800-\udfff\x1b]")
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
_ANCHOR_RE: Final = re.compile(r"[!-~]+")
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
        rare = _non_ascii(text)
        if NFC_CANDIDATE_RE.search(rare) is not None and not unicodedata.is_normalized("NFC", text):
            pattern = DIRTY_OR_NFC_RE
        elif _has_control(text) or DIRTY_RE.search(rare) is not None:
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
        spans.extend((a + start, b + start, r) for a, b, r in _line_spans(text[start:end]))
        pos = _find_dirty(text, end, pattern)
    return spans


def _find_dirty(text: str, pos: int, pattern: re.Pattern[str] | regex.Pattern[str] | None) -> int:
    """Where the next character this step may change is, or -1.

    ``pattern`` is None when the only such characters are `&`.
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
    return (
        text.encode("utf-8", "surrogatepass")
        .translate(None, _ASCII_BYTES)
        .decode("utf-8", "surrogatepass")
    )


def _has_control(text: str) -> bool:
    """Whether ``CONTROL_RE`` matches, without a slow scan of a set."""
    if text.isascii():
        return bool(text.encode().translate(None, _PRINTABLE_ASCII))
    return bool(text.encode("latin-1", "ignore").translate(None, _NOT_CONTROL_LATIN1))


def _has_mojibake_char(text: str) -> bool:
    """``MOJIBAKE_CHAR_RE.search(text)``, looking only at the non-ASCII characters."""
    if "\x1b" in text:
        return True
    return not text.isascii() and MOJIBAKE_CHAR_RE.search(_non_ascii(text)) is not None


def _line_spans(line: str) -> list[Span]:
    """The spans for one line: passes over it until it is stable."""
    spans: list[Span] = []
    current = line
    for _ in range(_MAX_PASSES):
        found, settled = _one_pass(current)
        if not found:
            break
        spans = compose_spans(line, spans, found) if spans else found
        if settled:
            break
        current = apply_spans(current, found)
    return spans


def _one_pass(line: str) -> tuple[list[Span], bool]:
    """The spans of one pass, and whether another pass would find none.

    When the pass only decoded references and left no `&`, a second pass
    would see the very text this one checked for the rest: it finds nothing.
    """
    html_spans = _html_spans(line) if "&" in line else []
    unescaped = apply_spans(line, html_spans)
    if _has_mojibake_char(unescaped) and (
        _FTFY_EXTRA_RE.search(unescaped) is not None or _is_bad(unescaped)
    ):
        # One diff for the whole repair, so a long line never has many small
        # spans composed into one big one.
        fixed: str = ftfy.fix_text(unescaped, config=_FTFY_CONFIG)
        fixed = unicodedata.normalize("NFC", CONTROL_RE.sub("", fixed))
        return _compose(line, html_spans, _tight_spans(unescaped, fixed, 0)), False
    rest = _control_spans(unescaped)
    if not unescaped.isascii():
        rest = _compose(unescaped, rest, _nfc_spans(apply_spans(unescaped, rest)))
    return _compose(line, html_spans, rest), not rest and "&" not in unescaped


def _is_bad(line: str) -> bool:
    """``ftfy.badness.is_bad(line)``, looking only around the rare characters.

    The badness regex scans every position of a line at a few MB/s. Each of
    its matches holds a character of ``MOJIBAKE_CHAR_RE``, starts at most
    two characters before it and is at most seven long, so searching a small
    window around each such character finds the same answer.
    """
    for checked, m in enumerate(MOJIBAKE_CHAR_RE.finditer(line)):
        window = max(0, m.start() - _BADNESS_BEFORE)
        if checked == _MAX_WINDOWS:  # a line full of them: scan the rest
            return BADNESS_RE.search(line, window) is not None
        if BADNESS_RE.search(line, window, m.end() + _BADNESS_AFTER) is not None:
            return True
    return False


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
        start, end = m.span()
        amps, full, bare = m.group("amps", "full", "bare")
        if full is not None and (full[0] == "#" or f"{full};" in _NAMES):
            spans.append((start, end, _decode(f"&{full};")))
        elif bare is not None and (bare[0] == "#" or bare in _LEGACY):
            (spans if amps else bare_refs).append((start, end, _decode(f"&{bare}")))
        elif amps:
            # `&amp;amp;foo;` is an escaped `&foo;`: the chain goes, the
            # unknown rest stays.
            spans.append((start, start + 1 + len(amps), "&"))
    if spans and bare_refs:
        spans.extend(bare_refs)
        spans.sort()
    return spans


@lru_cache(maxsize=512)
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
    if _ANCHOR_RE.findall(old) != _ANCHOR_RE.findall(new):
        span = diff_span(old, new, offset)
        return [span] if span is not None else []
    spans: list[Span] = []
    old_gaps = _ANCHOR_RE.split(old)
    new_gaps = _ANCHOR_RE.split(new)
    words = iter(_ANCHOR_RE.finditer(old))
    pos = 0
    for old_gap, new_gap in zip(old_gaps, new_gaps, strict=True):
        span = diff_span(old_gap, new_gap, offset + pos)
        if span is not None:
            spans.append(span)
        word = next(words, None)
        if word is not None:
            pos = word.end()
    return spans


# -- 3. control characters -----------------------------------------------------


def _control_spans(text: str) -> list[Span]:
    if not _has_control(text):
        return []
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
