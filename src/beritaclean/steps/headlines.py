"""``dedupe_headlines``: repeated and degraded copies of the headline (SPEC §3.6).

Scrapers take the headline more than once: from the page title, from the
``<h1>``, from a share widget whose links were stripped (a *degraded copy*:
some of its words are gone, the rest stand in order). Those copies live at the
top of the page, so that is where this step looks for them:

* The *head* of a document is its first :data:`HEAD_PARAGRAPHS` paragraphs.
  The *headlines* are the headline-like paragraphs (SPEC §2) of the head that
  come before the lead (the first paragraph that is not headline-like).
* In the head, a headline-like paragraph that equals a headline (case-,
  whitespace- and punctuation-insensitive) or is a degraded copy of it (its
  words a subsequence of the headline's, at least 3 of them and at least half
  as many) is removed. When the headline is the degraded one and its full
  version comes later in the head, the full version moves up into the
  headline's place and its later line goes: the longer version stays at the
  earlier of the two positions.
* After the head, only an exact copy of a headline of 3 or more words goes (a
  page-break repeat of the headline); a subhead or caption whose words happen
  to appear in the headline stays.
* With the caller's ``title``, a headline-like exact or degraded copy of it
  at the very start of the text goes (a sentence that ends in ``.`` is body
  text, whatever its words), and so does an exact copy glued to what follows
  (``Judul Berita HariLaporan Wartawan ...``), where the glue is a word that
  starts with a capital right after the title's last word, and the title has
  3 or more words (``PersibTV`` is no title ``Persib`` glued to ``TV``).

Nothing else is compared: a headline-like line in the body (a subhead, a list
row such as ``Jawa Barat: 32,2 persen`` that repeats in a second list) is never
removed, and the work is linear in the text whatever its shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import regex

from beritaclean.edits import Span, apply_spans, compose_spans
from beritaclean.steps._util import remove_lines

__all__ = [
    "HEAD_PARAGRAPHS",
    "MAX_HEADLINE_WORDS",
    "MIN_DEGRADED_WORDS",
    "dedupe_headlines",
    "dedupe_headlines_spans",
    "is_headline_like",
]

MAX_HEADLINE_WORDS: Final = 25
"""A headline-like paragraph has at most this many words (SPEC §2)."""
MIN_DEGRADED_WORDS: Final = 3
"""A degraded copy keeps at least this many words of the headline."""
HEAD_PARAGRAPHS: Final = 6
"""The head of a document, where headline copies are looked for, in paragraphs."""
_MAX_ROUNDS: Final = 4

# A word, for comparing headlines whatever their case and punctuation
# (`Putin-Trump Bahas Ukraina` and `putin trump bahas ukraina!` are equal).
WORD_RE: Final = regex.compile(r"\w+")
_OPENING_QUOTES: Final = "\"'“‘«„"

_Key = tuple[str, ...]


def is_headline_like(line: str) -> bool:
    """Tell whether a paragraph is headline-like (SPEC §2).

    One line of at most 25 words that does not end in ``.`` ``,`` ``;`` or
    ``:`` and does not start with a quote mark.

    >>> is_headline_like("Donald Trump dan Vladimir Putin Bahas Ukraina")
    True
    >>> is_headline_like("Yang mereka bahas berbagai topik.")
    False
    """
    line = line.strip()
    if not line or "\n" in line or line[0] in _OPENING_QUOTES or line[-1] in ".,;:":
        return False
    # Never more words than needed to tell: a huge line costs no huge list.
    return len(line.split(maxsplit=MAX_HEADLINE_WORDS)) <= MAX_HEADLINE_WORDS


def _key(line: str) -> _Key:
    return tuple(WORD_RE.findall(line.casefold()))


def _is_subsequence(short: _Key, long: _Key) -> bool:
    it = iter(long)
    return all(word in it for word in short)


def _is_degraded_copy(short: _Key, long: _Key) -> bool:
    """``short`` is ``long`` with some words lost: 3+ words, at least half, in order."""
    return (
        MIN_DEGRADED_WORDS <= len(short) < len(long)
        and 2 * len(short) >= len(long)
        and _is_subsequence(short, long)
    )


def _is_copy(line: _Key, headline: _Key) -> bool:
    return line == headline or _is_degraded_copy(line, headline)


def _lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the paragraphs (non-blank lines) of ``text``.

    The lines as :func:`~beritaclean.steps._util.paragraphs` finds them, cut
    by one split of the text (no slice per line to test).
    """
    found: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line and not line.isspace():
            found.append((start, end))
        start = end + 1
    return found


def _title_spans(text: str, title_key: _Key) -> list[Span]:
    """Remove copies of the title at the very start of ``text``."""
    removed: list[tuple[int, int]] = []
    spans: list[Span] = []
    for start, end in _lines(text):
        line = text[start:end]
        if is_headline_like(line) and _is_copy(_key(line), title_key):
            removed.append((start, end))
            continue
        glued = None
        if len(title_key) >= MIN_DEGRADED_WORDS:
            glued = _glued_title_end(text, start, end, title_key)
        if glued is not None:
            spans.append((start, glued, ""))
        break
    return sorted(remove_lines(text, removed) + spans)


def _glued_title_end(text: str, start: int, end: int, title_key: _Key) -> int | None:
    """Where a copy of the title glued to the next words ends, if the line opens with one.

    The title's words must open the line in order, and its last word must
    end where a capitalised word is glued on (``Naik HariLaporan``), after
    any punctuation of the title (``Hari?Laporan``). ``Harga Emas Naik
    tajam`` or ``Harga Emas Naiknya`` is a sentence, not a copy.
    """
    pos = start
    last = len(title_key) - 1
    for i, word in enumerate(title_key):
        m = WORD_RE.search(text, pos, end)
        if m is None:
            return None
        if m.group().casefold() == word:
            pos = m.end()
            continue
        split = m.start() + len(word)
        if i == last and split < m.end() and text[m.start() : split].casefold() == word:
            return _glue_point(text, split, end)
        return None
    return _glue_point(text, pos, end)


def _glue_point(text: str, pos: int, end: int) -> int | None:
    # Punctuation that closes the title (`?`, `!`, `"`, `)`) goes with it.
    while pos < end and not text[pos].isspace() and not WORD_RE.match(text, pos):
        pos += 1
    if pos < end and text[pos].isupper() and not text[pos - 1].isspace():
        return pos
    return None


@dataclass(slots=True)
class _Headline:
    start: int
    end: int
    keys: list[_Key]  # its own words, then those of each longer version
    replacement: str | None = None  # the longer version that moves up into its place

    def takes(self, key: _Key) -> bool:
        """Whether a line with these words is a copy of this headline (either way)."""
        return any(_is_copy(key, k) for k in self.keys) or _is_degraded_copy(self.keys[-1], key)


def _headline_spans(text: str) -> list[Span]:
    """Remove the copies of the headlines (see the module docstring)."""
    lines = list(_lines(text))
    headlines, removed = _dedupe_head(text, lines[:HEAD_PARAGRAPHS])
    exact = {k for h in headlines for k in h.keys if len(k) >= MIN_DEGRADED_WORDS}
    if exact:
        for start, end in lines[HEAD_PARAGRAPHS:]:
            line = text[start:end]
            if is_headline_like(line) and _key(line) in exact:
                removed.append((start, end))
    spans = remove_lines(text, removed)
    for h in headlines:
        if h.replacement is not None:
            line = text[h.start : h.end]
            lead = len(line) - len(line.lstrip())
            trail = len(line) - len(line.rstrip())
            spans.append((h.start + lead, h.end - trail, h.replacement))
    return sorted(spans)


def _dedupe_head(
    text: str, head: list[tuple[int, int]]
) -> tuple[list[_Headline], list[tuple[int, int]]]:
    """The headlines of the head, and the lines of the head that copy them."""
    headlines: list[_Headline] = []
    removed: list[tuple[int, int]] = []
    in_lead = False
    for start, end in head:
        line = text[start:end]
        if not is_headline_like(line):
            in_lead = True
            continue
        key = _key(line)
        if not key:
            continue
        headline = next((h for h in headlines if h.takes(key)), None)
        if headline is None:
            if not in_lead:
                headlines.append(_Headline(start, end, [key]))
            continue
        if len(key) > len(headline.keys[-1]):
            # The headline was the degraded copy: the full version moves up.
            headline.keys.append(key)
            headline.replacement = line.strip()
        removed.append((start, end))
    return headlines, removed


def _round(text: str, title_key: _Key) -> list[Span]:
    if title_key:
        first = _title_spans(text, title_key)
        if first:
            return compose_spans(text, first, _headline_spans(apply_spans(text, first)))
    return _headline_spans(text)


def dedupe_headlines_spans(text: str, *, title: str | None = None) -> list[Span]:
    """Find the headline copies :func:`dedupe_headlines` removes."""
    title_key = _key(title) if title else ()
    if "\n" not in text and not title_key:
        return []
    spans: list[Span] = []
    current = text
    for _ in range(_MAX_ROUNDS):
        found = _round(current, title_key)
        if not found:
            break
        spans = compose_spans(text, spans, found) if spans else found
        current = apply_spans(text, spans)
    return spans


def dedupe_headlines(text: str, *, title: str | None = None) -> str:
    r"""Remove repeated headlines and their degraded copies.

    Args:
        text: Any text.
        title: The article's title, if known: its copy at the start of the
            text goes too, also when glued to the words that follow it.

    Returns:
        The text without the copies.

    >>> text = "Putin Bahas Ukraina\n\nPutin Bahas Ukraina\n\nIsi berita.\n\nPutin Bahas"
    >>> dedupe_headlines(text)
    'Putin Bahas Ukraina\n\nIsi berita.\n\nPutin Bahas'
    >>> dedupe_headlines("Harga Emas NaikLaporan Wartawan X", title="Harga emas naik")
    'Laporan Wartawan X'
    """
    return apply_spans(text, dedupe_headlines_spans(text, title=title))
