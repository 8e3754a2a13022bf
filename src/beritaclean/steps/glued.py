"""``split_glued_sentences``: a space where a scraper glued sentences (SPEC §3.3)."""

from __future__ import annotations

from typing import Final

import regex

from beritaclean.edits import Span, apply_spans

__all__ = ["split_glued_sentences", "split_glued_sentences_spans"]

# A terminator glued to the next sentence's capitalised word
# (`Soekarnoputri.Budi pun`, `(29/3/2022).Ini daftar`). Not inside a domain,
# URL or e-mail address (checked on the token around the match).
GLUED_RE: Final = regex.compile(r"(?<=[\p{Ll}\d)%])([.!?])(?=\p{Lu}\p{Ll})")

# The token a match sits in: a URL, e-mail address or domain is left alone.
_TOKEN_RE: Final = regex.compile(r"\S+")
_PROTECTED_RE: Final = regex.compile(
    r"(?i)://|www\.|@|\.(?:com|co\.id|id|net|org|tv|go\.id|ac\.id|or\.id|info|news)\b"
)


def split_glued_sentences_spans(text: str) -> list[Span]:
    """Find the spaces :func:`split_glued_sentences` inserts."""
    if "." not in text and "!" not in text and "?" not in text:
        return []
    spans: list[Span] = []
    for m in GLUED_RE.finditer(text):
        left = text.rfind(" ", 0, m.start()) + 1
        right_space = text.find(" ", m.end())
        right = len(text) if right_space < 0 else right_space
        token = text[left:right]
        if _PROTECTED_RE.search(token):
            continue
        spans.append((m.end(), m.end(), " "))
    return spans


def split_glued_sentences(text: str) -> str:
    """Put back the space between sentences a scraper glued together.

    >>> split_glued_sentences("kata Megawati Soekarnoputri.Budi pun menyebut di Kompas.com")
    'kata Megawati Soekarnoputri. Budi pun menyebut di Kompas.com'
    """
    return apply_spans(text, split_glued_sentences_spans(text))
