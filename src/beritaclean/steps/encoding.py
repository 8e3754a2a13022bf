"""``fix_encoding``: mojibake, HTML references, control characters, NFC (SPEC §3.1)."""

from __future__ import annotations

import html
import unicodedata

import ftfy
import regex

from beritaclean.edits import Span, apply_spans
from beritaclean.steps._util import diff_span, paragraphs

__all__ = ["fix_encoding", "fix_encoding_spans"]

# ftfy's own repairs, without the ones that are other steps' jobs: quotes are
# normalize_quotes's, line breaks and spaces normalize_whitespace's, HTML
# references ours (only where the text looks escaped).
_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    normalization=None,
    remove_terminal_escapes=True,
    explain=False,
)

# Characters that mojibake is made of: Latin-1 and Windows-1252 letters that
# UTF-8 bytes decode to (`MÃ¼ller`, `â€œ`, `Â `), and the replacement
# character. Text without any of them cannot hold mojibake ftfy would fix.
MOJIBAKE_HINT_RE = regex.compile(
    r"[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    r"\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\ufffd]"
    r"[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    r"\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\ufffd]"
    r"|\x1b",
)

# HTML character references, also double- and triple-escaped ones
# (`&amp;ldquo;` for `“`, `&amp;amp;nbsp;`), named or numeric. Only a
# reference that ends in `;` counts: `AT&T` and `R&D` are not references.
HTML_REF_RE = regex.compile(
    r"&(?:amp;)*(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
)

# Control characters other than \t \n \r (those are normalize_whitespace's),
# and the C1 controls that survive a bad decode.
CONTROL_RE = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _unescape(reference: str) -> str:
    """Unescape one (possibly multiply escaped) reference, or return it as is."""
    inner = reference
    while inner.startswith("&amp;") and len(inner) > len("&amp;;"):
        inner = "&" + inner[len("&amp;") :]
    value = html.unescape(inner)
    if value == inner:  # an unknown name such as `&foo;`
        return reference
    return value


def _html_spans(text: str) -> list[Span]:
    spans: list[Span] = []
    for m in HTML_REF_RE.finditer(text):
        value = _unescape(m.group())
        if value != m.group():
            # A reference may decode to a control character: drop those here.
            value = CONTROL_RE.sub("", value)
            spans.append((m.start(), m.end(), value))
    return spans


def _fix_line(line: str) -> str:
    # Dropping a control character can bring two mojibake halves together
    # (`\x9dÂ\x80`), so repeat until the line is stable: the step must be
    # idempotent.
    for _ in range(4):
        fixed: str = ftfy.fix_text(line, config=_FTFY_CONFIG)
        fixed = unicodedata.normalize("NFC", CONTROL_RE.sub("", fixed))
        if fixed == line:
            break
        line = fixed
    return line


def fix_encoding_spans(text: str) -> list[Span]:
    """Find the replacements :func:`fix_encoding` makes."""
    if not text:
        return []
    spans = _html_spans(text) if "&" in text else []
    if (
        text.isascii()
        and CONTROL_RE.search(text) is None
        and all(replacement.isascii() for _, _, replacement in spans)
    ):
        return spans
    # Unescape first (so an escaped `&Atilde;&copy;` gets repaired like raw
    # mojibake), then repair the lines that need it.
    return _renormalize(text, spans)


def _renormalize(text: str, spans: list[Span]) -> list[Span]:
    unescaped = apply_spans(text, spans)
    needs_ftfy = MOJIBAKE_HINT_RE.search(unescaped) is not None
    needs_nfc = not unicodedata.is_normalized("NFC", unescaped)
    needs_control = CONTROL_RE.search(unescaped) is not None
    if not (needs_ftfy or needs_nfc or needs_control):
        return spans
    # Work line by line so that one bad line does not make a span of the
    # whole document; report each changed line as one span of the input.
    out: list[Span] = []
    span_iter = iter(spans)
    pending = next(span_iter, None)
    for start, end in paragraphs(text):
        line_spans: list[Span] = []
        while pending is not None and pending[0] < end + 1:
            line_spans.append((pending[0] - start, pending[1] - start, pending[2]))
            pending = next(span_iter, None)
        raw_line = text[start:end]
        line = apply_spans(raw_line, line_spans)
        if (
            MOJIBAKE_HINT_RE.search(line) is not None
            or CONTROL_RE.search(line) is not None
            or not unicodedata.is_normalized("NFC", line)
        ):
            fixed = _fix_line(line)
            span = diff_span(raw_line, fixed, start)
            if span is not None:
                out.append(span)
        else:
            out.extend((a + start, b + start, r) for a, b, r in line_spans)
    return out


def fix_encoding(text: str) -> str:
    """Repair mojibake and HTML references, drop control characters, apply NFC.

    HTML references are decoded only in their full form ending in ``;`` (also
    when double-escaped), so a literal ``AT&T`` or ``R&D`` stays. Curly quotes
    are left for :func:`~beritaclean.steps.quotes.normalize_quotes`.

    >>> fix_encoding("Kata &amp;ldquo;MÃ¼ller&amp;rdquo; di AT&T")
    'Kata “Müller” di AT&T'
    """
    return apply_spans(text, fix_encoding_spans(text))
