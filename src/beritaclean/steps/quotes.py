"""``normalize_quotes``: one style of quote marks (SPEC §3.9)."""

from __future__ import annotations

from typing import Final, Literal

import regex

from beritaclean.edits import Span, apply_spans, compose_spans

__all__ = ["QUOTE_MODES", "normalize_quotes", "normalize_quotes_spans"]

QUOTE_MODES: Final = ("ascii", "typographic", "keep")

_DOUBLE: Final = "“”„‟«»″〝〞＂"
_SINGLE: Final = "‘’‚‛′‹›`"
# Every quote mark that ascii mode rewrites: curly and angle quotes, primes,
# the doubled forms ``like this'' (also ‘‘ and ’’, which would become '' and
# then " on a second pass) and a backtick.
ASCII_QUOTE_RE: Final = regex.compile(rf"[{_SINGLE}']{{2}}|[{_DOUBLE}]|[{_SINGLE}]")

# Spaces just inside a quotation: `" panjang "` → `"panjang"`. Which `"`
# opens is told by parity within the paragraph.
_INNER_SPACE_HINT: Final = ('" ', ' "')


def _ascii_spans(text: str) -> list[Span]:
    spans: list[Span] = []
    for m in ASCII_QUOTE_RE.finditer(text):
        q = m.group()
        replacement = '"' if len(q) == 2 or q in _DOUBLE else "'"
        spans.append((m.start(), m.end(), replacement))
    return spans


def _inner_space_spans(text: str) -> list[Span]:
    """Spaces right inside straight double quotes, paired by parity per line."""
    spans: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        if line.count('"') >= 2:
            quotes = [i for i, c in enumerate(line) if c == '"']
            for k in range(0, len(quotes) - 1, 2):
                open_at, close_at = quotes[k], quotes[k + 1]
                inner = line[open_at + 1 : close_at]
                lead = len(inner) - len(inner.lstrip(" "))
                trail = len(inner) - len(inner.rstrip(" "))
                if inner.strip(" ") and lead:
                    spans.append((pos + open_at + 1, pos + open_at + 1 + lead, ""))
                if inner.strip(" ") and trail:
                    spans.append((pos + close_at - trail, pos + close_at, ""))
        pos += len(line) + 1
    return spans


def normalize_quotes_spans(
    text: str, *, mode: Literal["ascii", "typographic", "keep"] = "ascii"
) -> list[Span]:
    """Find the replacements :func:`normalize_quotes` makes."""
    if mode not in QUOTE_MODES:
        raise ValueError(
            f"mode={mode!r} is not valid; choose one of 'ascii', 'typographic', 'keep'"
        )
    spans: list[Span] = []
    if (mode == "ascii" and not text.isascii()) or (
        mode == "ascii" and ("''" in text or "`" in text)
    ):
        spans = _ascii_spans(text)
    if not spans:
        if '"' in text and (' "' in text or '" ' in text):
            return _inner_space_spans(text)
        return spans
    straight = apply_spans(text, spans)
    inner = _inner_space_spans(straight)
    if not inner:
        return spans
    return compose_spans(text, spans, inner)


def normalize_quotes(text: str, *, mode: Literal["ascii", "typographic", "keep"] = "ascii") -> str:
    r"""Give quote marks one style and remove spaces just inside quotations.

    Args:
        text: Any text.
        mode: ``"ascii"`` makes every quote mark straight (``"`` and ``'``),
            ``"typographic"`` makes straight quotes curly by context and
            apostrophes ``’``, ``"keep"`` changes no quote mark.

    >>> normalize_quotes("“ Kami akan mulai ” kata Trump di Jum‘at")
    '"Kami akan mulai" kata Trump di Jum\'at'
    """
    return apply_spans(text, normalize_quotes_spans(text, mode=mode))
