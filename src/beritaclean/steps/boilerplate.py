"""``remove_boilerplate``: related links, ads, widgets, credits (SPEC §3.4).

Every phrase lives in package data (``data/boilerplate.toml``): a common
table plus one per outlet. At import the lists are compiled into a few
combined patterns; the code below only knows the *shapes* (a marker and the
headline it links, a footer running to the end of its line, a chain of
credits, a bracketed credit closing the article).

The step finds *candidates* on every line and then decides per line: a line
left with nothing but spaces and punctuation goes whole, with its line break
(:func:`~beritaclean.steps._util.remove_lines`); otherwise only the inline
candidates go, and the spaces around them are mended. Candidates that may
only go as a whole line (leaked page code, a widget word) never cut into a
sentence.

Every candidate starts with one of the data's phrases, so one scan of the
lowercased text (:data:`PHRASE_START_RE`) finds where they may start, and
each family pattern is tried only there; a line without a phrase is only
checked for being a widget or page code as a whole. A round after the
first moves the scan's findings with the edits and searches again only
around them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import islice, pairwise
from typing import TYPE_CHECKING, Final, NamedTuple

import regex

from beritaclean.data import load_table
from beritaclean.edits import Span, apply_spans, compose_spans
from beritaclean.steps._util import paragraphs, remove_lines

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

__all__ = ["remove_boilerplate", "remove_boilerplate_spans"]


def _merged(key: str) -> tuple[str, ...]:
    """The union of list ``key`` over every table of ``boilerplate.toml``."""
    seen: dict[str, None] = {}
    for table in load_table("boilerplate").values():
        for item in table.get(key, ()):
            seen[str(item)] = None
    # Longest first, so an alternation prefers "Simak juga Video" to "Simak juga".
    return tuple(sorted(seen, key=lambda s: (-len(s), s)))


def _phrase(phrase: str) -> str:
    """A data phrase as a pattern: literal text, ``{n}`` a number, ``{x}`` bracket content."""
    out = []
    for part in regex.split(r"(\{[nx]\})", phrase):
        if part == "{n}":
            out.append(r"\d{1,4}")
        elif part == "{x}":
            out.append(r"[^\[\]\n]{0,200}")
        else:
            out.append(regex.sub(r"\\ ", "[ ]+", regex.escape(part)))
    return "".join(out)


def _cased(phrase: str) -> str:
    """``Baca juga`` as written, title-cased or in capitals; the first word capitalised."""
    words = phrase.split()
    alts = []
    for i, word in enumerate(words):
        forms = (
            {word.capitalize(), word.upper()} if i == 0 else {word, word.capitalize(), word.upper()}
        )
        alts.append("(?:" + "|".join(regex.escape(f) for f in sorted(forms)) + ")")
    return "[ ]*".join(alts)


def _alternation(phrases: Iterable[str], build: Callable[[str], str] = _phrase) -> str:
    return "(?:" + "|".join(build(p) for p in phrases) + ")"


FUNCTION_WORDS: Final = frozenset(_merged("headline_function_words"))
REPORTING_VERBS: Final = frozenset(_merged("reporting_verbs"))
PRONOUNS: Final = frozenset(_merged("pronouns"))
SENTENCE_OPENERS: Final = frozenset(_merged("sentence_openers"))
CREDIT_CODES: Final = frozenset(c.lower() for c in _merged("credit_codes"))

# A line start, or a sentence end / closing quote or bracket plus spaces:
# where a related link may start without a colon (`ujarnya.Baca Juga Judul`);
# with a colon it may start anywhere a word may (`kata dia Baca juga: Judul`).
_AFTER_BREAK = r"(?:(?<=^)|(?<=[.!?\"”’')\]][ ]*))"

# A related-article marker: `Baca juga:`, `BACA JUGA :`, `Baca JugaJudul`.
# The linked headline after it is measured by `_headline_end`.
RELATED_MARKER_RE: Final = regex.compile(
    rf"(?:{_AFTER_BREAK}{_alternation(_merged('related_markers'), _cased)}"
    r"(?:[ ]*:[ ]*|[ ]*(?=[\p{Lu}\d\"“'‘])|[ ]*$))"
    rf"|(?:(?<![\p{{L}}\p{{N}}]){_alternation(_merged('related_markers'), _cased)}[ ]*:[ ]*)",
    regex.MULTILINE,
)
# `(Baca: Judul Berita)`, `(Baca juga: Judul)` inside a paragraph.
BRACKET_LINK_RE: Final = regex.compile(
    rf"\([ ]*{_alternation(_merged('bracket_markers'), _cased)}[ ]*:[^()\n]{{1,300}}\)",
)
# `Simak Video "Judul"`, `Lihat juga Video 'Judul':` — a promo to the end of its line.
VIDEO_PROMO_RE: Final = regex.compile(
    rf"{_AFTER_BREAK}{_alternation(_merged('video_markers'), _cased)}\b[^\n]*",
    regex.MULTILINE,
)
# `ADVERTISEMENT`, `[Gambas:Video 20detik]`: ads removed wherever they stand.
INLINE_AD_RE: Final = regex.compile(_alternation(_merged("inline_phrases")))
# `Halaman selanjutnya`, `2 dari 3 halaman`, `Advertisement`: widgets that
# are boilerplate only as a whole paragraph; `,` or `-` alone on a line.
WIDGET_LINE_RE: Final = regex.compile(
    rf"(?i:{_alternation(_merged('line_phrases'))})[ ]*[.:]?|[\p{{P}}\s]+",
)
# `Baca halaman selanjutnya.`: a pagination teaser, as one whole sentence.
TEASER_RE: Final = regex.compile(
    rf"{_AFTER_BREAK}(?i:{_alternation(_merged('sentence_phrases'))})[ ]*[.:!]?(?=[ ]|$)",
    regex.MULTILINE,
)
_FOOTER_LINE = _alternation(_merged("footer_line_phrases"))
# `Artikel ini telah tayang di X dengan judul Y`: to the end of the line.
FOOTER_LINE_RE: Final = regex.compile(rf"(?i:{_FOOTER_LINE})[^\n]*")
# `* Untuk mengetahui kebenaran informasi ... kata kunci.`: one sentence.
FOOTER_SENTENCE_RE: Final = regex.compile(
    rf"(?i:{_alternation(_merged('footer_sentence_phrases'))})"
    r"[^\n]{0,400}?(?:[.!?](?=[ ]|$|[\p{Lu}\"“])|$)",
    regex.MULTILINE,
)

_LABEL = _alternation(_merged("credit_labels"), _cased)
_CHAIN_LABEL = _alternation(_merged("chain_only_labels"), _cased)
_STOP = rf"(?!{_LABEL}\b|{_CHAIN_LABEL}\b|(?i:{_FOOTER_LINE}))"
_NAME_WORD = r"[\p{Lu}\d][\p{L}\p{N}.'’-]*"
_NAME = rf"{_NAME_WORD}(?:[ ]+{_STOP}(?:{_NAME_WORD}|bin|binti|van|de|al)){{0,6}}+"
_CREDIT = rf"{_LABEL}[ ]*:[ ]*{_NAME}"
_CHAIN_ITEM = rf"(?:{_CREDIT}|{_CHAIN_LABEL}[ ]*:[ ]*(?:{_NAME})?)"
# `Penulis: Nama | Editor: Nama`, `(Penulis: A | Editor: B)`, `Reporter: A,Sumber: ,`
# — a chain of credits that ends its line or runs into a footer.
CREDIT_CHAIN_RE: Final = regex.compile(
    rf"\(?[ ]*{_CREDIT}"
    rf"(?:[ ]*[|,;/]?[ ]*{_CHAIN_ITEM})*+[ ]*\)?[ .,;|]*+"
    rf"(?=$|(?i:{_FOOTER_LINE}))",
    regex.MULTILINE,
)

_CODES = "|".join(regex.escape(c) for c in sorted(CREDIT_CODES, key=lambda c: (-len(c), c)))
# `(Tribunnews.com/Reza Deni)`, `(nds/krs)`, `(ant)`, `(*)`, `(Kompas.com)`
# closing the article: reporter credits.
TRAILING_CREDIT_RE: Final = regex.compile(
    r"(?:[ \n]*\((?:"
    rf"(?i:{_CODES})"
    r"|[^\W\d][\w.-]{0,40}(?:/[\w. -]{1,40}){1,4}"
    r"|[\w-]{2,30}\.(?:com|co\.id|id|net|tv)"
    r")\))+[ \n]*\Z",
)
# `jelas dia. (Budi Santoso)`, `(Ani, Budi)`: reporters' names in brackets
# after the article's last full stop.
TRAILING_NAME_CREDIT_RE: Final = regex.compile(
    r"[ \n]*\(\p{Lu}[\p{L}'’.-]*(?:(?:[ ]+|,[ ]*)\p{Lu}[\p{L}'’.-]*){0,5}\)[ \n]*\Z",
)
_TRAILING_WINDOW: Final = 400

# Leaked page code: a CSS rule `.tg {border-collapse:collapse;}` and a script
# line `googletag.cmd.push(function() {` — removed only as whole lines.
_CSS_RULE = (
    r"(?:[.#][\w-]+|(?i:table|td|th|tr|div|span|body|img|ul|li|p|a|h[1-6])\b)"
    r"(?:[ ]*[,>]?[ ]*[.#]?[\w:-]+){0,6}+[ ]*\{[^{}\n]{0,500}\}"
)
CSS_LINE_RE: Final = regex.compile(rf"(?:[ ]*{_CSS_RULE})++[ ]*")
SCRIPT_LINE_RE: Final = regex.compile(
    r"[^\n]*(?:googletag\.|dataLayer\.push|document\.(?:write|getElementById|querySelector|cookie)"
    r"|window\.\w|function[ ]*\w*[ ]*\(|\bvar [\w$]+[ ]*=|\$\(document\))[^\n]*"
    r"(?:[;{}]|\)\)?;?)[ ]*",
)
# The last character (but spaces) of a script line, one of which it holds.
_SCRIPT_ENDS: Final = (";", "{", "}", ")")
_SCRIPT_TOKENS: Final = ("googletag", "dataLayer", "document.", "window.", "function", "var ", "$(")
# An embedded tweet: its picture link and its attribution line
# `— Nama (@akun) March 1, 2023`.
TWEET_LINK_RE: Final = regex.compile(r"(?:https?://)?pic\.twitter\.com/\w+")
TWEET_CREDIT_LINE_RE: Final = regex.compile(
    r"[—–-]{1,2}[ ]*[^\n]{1,80}\(@\w{1,30}\)[ ]*\p{L}+[ ]+\d{1,2},[ ]*\d{4}",
)

# A line runs a family of patterns only if it holds one of the family's
# words. Words are matched on a lowercased copy of the text that keeps every
# offset (:func:`_lowered`).
_ASCII_LOWER: Final = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
HINTS: Final = {
    "related": tuple(
        sorted(
            {
                p.split()[0].lower()
                for key in (
                    "related_markers",
                    "bracket_markers",
                    "video_markers",
                    "sentence_phrases",
                )
                for p in _merged(key)
            }
        )
    ),
    "inline": tuple(sorted({p.split("{")[0].lower() for p in _merged("inline_phrases")})),
    "footer": tuple(
        sorted(
            {
                p.lower()
                for key in ("footer_line_phrases", "footer_sentence_phrases")
                for p in _merged(key)
            }
        )
    ),
    "credit": tuple(sorted(p.lower() for p in _merged("credit_labels"))),
}
WORD_CHAR_RE: Final = regex.compile(r"[\p{L}\p{N}]")


# Every family's phrases, as the data tables write them: the letters whose
# case twins the pre-check must know about.
_FAMILY_PHRASES: Final = (
    *_merged("related_markers"),
    *_merged("video_markers"),
    *_merged("sentence_phrases"),
    *_merged("inline_phrases"),
    *_merged("footer_line_phrases"),
    *_merged("footer_sentence_phrases"),
    *(label + " :" for label in _merged("credit_labels")),
    *("( " + marker for marker in _merged("bracket_markers")),
    "pic.twitter.com",
)
_CASED_PLANES_END: Final = 0x20000


def _case_twins(phrases: Iterable[str]) -> str | None:
    """Non-ASCII letters that match a phrase's letter case-insensitively (`ſ`, `K`).

    Lowercasing does not map them to the phrase's letter, so in a line that
    holds one the pre-check cannot tell where a case-insensitive pattern may
    match: it runs there everywhere. ``None`` (no pre-check) when a phrase
    holds a cased non-ASCII letter, whose case forms lowercasing may not undo.
    """
    chars = {ch for p in phrases for ch in p if ch.isalpha()}
    if any(not ch.isascii() for ch in chars):
        return None
    # Case pairs live in the first two planes (U+0080..U+1FFFF).
    every = "".join(map(chr, range(0x80, _CASED_PLANES_END)))
    twins = regex.findall("(?i)[" + regex.escape("".join(sorted(chars))) + "]", every)
    # As the lowercased text holds them (`İ` stays, `K` becomes the phrase's `k`).
    lowered = {t.lower() for t in twins if len(t.lower()) == 1 and not t.lower().isascii()}
    return "".join(sorted({*twins, *lowered}))


_TWINS: Final = _case_twins(_FAMILY_PHRASES)

# --- The pre-check -------------------------------------------------------
#
# Every match of a family pattern starts with one of the family's phrases:
# a related-link marker (`Baca juga`), a footer (`Artikel ini telah
# tayang`), a credit label and its colon (`Penulis :`). On the lowercased
# text a phrase is its words with any run of spaces between them (`baca
# juga`, `bacajuga`, `penulis  :`). One combined pattern finds where the
# phrases start, and each family pattern is then tried only there: clean
# text costs one fast scan, and a line with boilerplate no scan of its own
# per pattern.
#
# The combined pattern is fast when each phrase is anchored at a character
# that is rare in the text: the pattern engine skips to the next rare
# character and tries the phrases anchored there. A phrase is found from
# its anchor: the rest of the anchor's word and the words after it ahead,
# the anchor word's start behind, and the words before it by walking back
# (:func:`_walk_back`).


class _Phrase(NamedTuple):
    """A phrase that starts a family pattern's match, and where it is anchored."""

    target: str  # the pattern: "related", "bracket", "video", "teaser", ...
    words: tuple[str, ...]  # lowercased; any run of spaces between two words
    word: int  # the anchor's word
    offset: int  # the anchor's position in that word
    exact: str | None  # footers: the phrase as :func:`_footers` finds it, verbatim


# How often each character occurs in lowercased Indonesian news text, per
# 10,000 characters (measured on the dev corpus); one not listed is rarer.
_FREQUENCY: Final = {
    **dict.fromkeys("[]'?$", 1),
    "&": 5,
    "z": 4,
    "q": 4,
    "%": 4,
    "x": 3,
    ":": 7,
    ";": 7,
    "/": 14,
    "(": 19,
    ")": 19,
    '"': 20,
    "-": 22,
    "v": 21,
    "f": 28,
    "w": 46,
    "c": 67,
    "j": 89,
    ".": 103,
    ",": 102,
    "y": 119,
    "h": 165,
    "o": 201,
    "b": 218,
    "l": 273,
    "g": 280,
    "p": 284,
    "d": 306,
    "m": 357,
    "k": 388,
    "s": 388,
    "u": 395,
    "t": 425,
    "r": 446,
    "i": 649,
    "e": 654,
    "n": 785,
    " ": 1368,
    "a": 1475,
    **dict(zip("0123456789", (40, 28, 50, 16, 11, 10, 8, 9, 7, 10), strict=True)),
}


def _anchors(phrases: list[tuple[str, ...]]) -> list[tuple[int, int]]:
    """Where to anchor each phrase (its words): the word and the offset in it.

    The phrases share few anchor characters, and rare ones: the character
    that costs least for the phrases it anchors (its frequency over their
    number) anchors them first, then the next (a greedy set cover). In a
    phrase the anchor is where more of its word follows (so that a place
    that is no phrase fails at once), in the earliest word.
    """
    chosen: dict[int, str] = {}
    left = dict(enumerate("".join(words) for words in phrases))
    while left:

        def price(ch: str, left: dict[int, str] = left) -> tuple[float, str]:
            return _FREQUENCY.get(ch, 0) / sum(ch in chars for chars in left.values()), ch

        best = min({ch for chars in left.values() for ch in chars}, key=price)
        for k in [k for k, chars in left.items() if best in chars]:
            chosen[k] = best
            del left[k]
    return [_place(words, chosen[k]) for k, words in enumerate(phrases)]


def _place(words: tuple[str, ...], ch: str) -> tuple[int, int]:
    """Where to anchor ``words`` at ``ch``: where more of its word follows, earliest."""
    places = [(a, i) for a, word in enumerate(words) for i, c in enumerate(word) if c == ch]
    return min(places, key=lambda ai: (ai[1] + 1 == len(words[ai[0]]), ai))


def _split(phrase: str) -> tuple[str, ...]:
    return tuple(word for word in phrase.lower().split(" ") if word)


def _phrases() -> tuple[_Phrase, ...] | None:
    """Every family's phrases, anchored; ``None`` when they cannot be (no pre-check)."""
    footers = [
        p.lower()
        for key in ("footer_line_phrases", "footer_sentence_phrases")
        for p in _merged(key)
    ]
    listed: list[tuple[str, tuple[str, ...], str | None]] = [
        *(("related", _split(p), None) for p in _merged("related_markers")),
        *(("bracket", ("(", *_split(p)), None) for p in _merged("bracket_markers")),
        *(("video", _split(p), None) for p in _merged("video_markers")),
        *(("teaser", _split(p), None) for p in _merged("sentence_phrases")),
        *(("inline", _split(p.split("{", 1)[0]), None) for p in _merged("inline_phrases")),
        *(("footer", _split(p), p) for p in footers),
        *(("credit", (*_split(p), ":"), None) for p in _merged("credit_labels")),
        ("tweet", ("pic.twitter.com",), None),
    ]
    chars = {ch for _, words, _ in listed for word in words for ch in word}
    cased_beyond_ascii = any(
        not ch.isascii() and (ch.lower() != ch or ch.upper() != ch) for ch in chars
    )
    if cased_beyond_ascii or any(ch.isspace() for ch in chars) or not all(w for _, w, _ in listed):
        # A phrase that starts with a placeholder, or a cased letter beyond
        # ASCII (whose case forms lowercasing may not undo).
        return None
    anchors = _anchors([words for _, words, _ in listed])
    return tuple(
        _Phrase(t, words, a, i, exact)
        for (t, words, exact), (a, i) in zip(listed, anchors, strict=True)
    )


_PHRASES: Final = _phrases()


class _Alternative(NamedTuple):
    """One branch of :data:`PHRASE_START_RE`: the phrases it finds at an anchor."""

    phrases: tuple[_Phrase, ...]
    # The later branches with the same anchor character that may match at
    # the same place (the pattern reports only the first that does).
    others: tuple[tuple[re.Pattern[str], tuple[_Phrase, ...]], ...]


class _Branch(NamedTuple):
    """A branch of the combined pattern: some phrases at their anchor character."""

    char: str  # the anchor
    run: str  # the characters matched after it
    look_behind: tuple[str, ...]  # then what may stand before the anchor (one of these)
    look_ahead: tuple[str, ...]  # and the rest of the phrase: words, any spaces between
    behind: str  # the anchor word's characters before the anchor
    ahead: str  # the phrase from the anchor on, without its spaces

    def behind_pattern(self) -> str:
        """The look-behind after the run."""
        looks = [f"(?<={re.escape(b)})" for b in self.look_behind]
        return "" if not looks else looks[0] if len(looks) == 1 else f"(?:{'|'.join(looks)})"

    def ahead_pattern(self) -> str:
        """The look-ahead after the look-behind."""
        ahead = "[ ]*".join(re.escape(w) for w in self.look_ahead)
        return f"(?={ahead})" if ahead else ""

    def pattern(self) -> str:
        """What follows the anchor character in the combined pattern."""
        return re.escape(self.run) + self.behind_pattern() + self.ahead_pattern()


def _branches(phrases: list[_Phrase], anchors: set[str]) -> list[_Branch]:
    """The branches that find ``phrases`` at their anchor.

    The phrases share their anchor word, the anchor's place in it and the
    words after it. What follows the anchor is matched as far as it is
    plain text (so that a place that is no phrase fails at once, before any
    look around): the rest of the anchor word up to the next anchor character
    of any phrase (which the search must still see), and for an anchor that
    ends its word the gap and the next word's first letter, one branch for
    each kind of gap (none, one space, more).
    """
    first = phrases[0]
    word, i, after = first.words[first.word], first.offset, first.words[first.word + 1 :]
    run = ""
    for ch in word[i + 1 :]:
        if ch in anchors:
            break
        run += ch
    seen = word[: i + 1 + len(run)]
    rest = word[i + 1 + len(run) :]
    if all(p.word for p in phrases):
        # The word before the anchor word, glued to it or a space before it;
        # after two spaces or more, any word (:func:`_walk_back` tells).
        before = sorted({p.words[p.word - 1] + gap + seen for p in phrases for gap in ("", " ")})
        before.append("  " + seen)
    else:
        before = [seen] if i else []
    if rest or not after or after[0][0] in anchors:
        gaps = [("", (rest, *after) if rest or after else ())]
    else:
        nxt = after[0]
        # The look-ahead's first word comes right after the run (maybe empty).
        gaps = [(nxt[0], (nxt[1:], *after[1:])), (" " + nxt[0], (nxt[1:], *after[1:]))]
        gaps.append(("  ", ("", *after)))
    despaced = word[i:] + "".join(after)
    return [
        _Branch(word[i], run + gap, tuple(b + gap for b in before), ahead, word[:i], despaced)
        for gap, ahead in gaps
    ]


def _may_meet(a: _Branch, b: _Branch) -> bool:
    """Two branches may match at the same place (their texts around it agree)."""
    return (
        a.char == b.char
        and (a.run.startswith(b.run) or b.run.startswith(a.run))
        and (a.behind.endswith(b.behind) or b.behind.endswith(a.behind))
        and (a.ahead.startswith(b.ahead) or b.ahead.startswith(a.ahead))
    )


def _compile_phrases(
    phrases: tuple[_Phrase, ...],
) -> tuple[re.Pattern[str], tuple[_Alternative | None, ...]]:
    """The combined pattern and, by group number, what each of its branches finds."""
    anchors = {p.words[p.word][p.offset] for p in phrases}
    shared: dict[tuple[str, int, tuple[str, ...]], list[_Phrase]] = {}
    for p in phrases:
        shared.setdefault((p.words[p.word], p.offset, p.words[p.word + 1 :]), []).append(p)
    found = {branch: group for group in shared.values() for branch in _branches(group, anchors)}
    by_char: dict[str, list[_Branch]] = {}
    for branch in found:
        by_char.setdefault(branch.char, []).append(branch)
    parts: list[str] = []
    alternatives: list[_Alternative | None] = [None]  # group 0: the whole match
    for char, branches in by_char.items():
        order: list[_Branch] = []  # the order the search tries them in
        parts.append(re.escape(char) + _trie([(b.run, b) for b in branches], order))
        for k, branch in enumerate(order):
            others = tuple(
                (re.compile(re.escape(char) + later.pattern()), tuple(found[later]))
                for later in order[k + 1 :]
                if _may_meet(branch, later)
            )
            alternatives.append(_Alternative(tuple(found[branch]), others))
    return re.compile("|".join(parts)), tuple(alternatives)


def _trie(branches: list[tuple[str, _Branch]], order: list[_Branch]) -> str:
    """Branches after their anchor, sharing what their runs share.

    ``branches`` pairs each with the part of its run still to match; ``order``
    gets them in the order the search tries them. After its run a branch
    looks ahead, then behind (both read the text at the same place: the
    text after an anchor rules out more places, and sooner, than the text
    before it, as in `adalah` for the `l` of `telah`). Each ends in an empty
    group: the match's last group names the branch that matched.
    """
    parts = []
    ending: dict[str, list[_Branch]] = {}
    for rest, branch in branches:
        if not rest:
            ending.setdefault(branch.behind_pattern(), []).append(branch)
    for look_behind, same in ending.items():
        order.extend(same)
        looks = [b.ahead_pattern() + look_behind + "()" for b in same]
        parts.append(looks[0] if len(looks) == 1 else f"(?:{'|'.join(looks)})")
    following: dict[str, list[tuple[str, _Branch]]] = {}
    for rest, branch in branches:
        if rest:
            following.setdefault(rest[0], []).append((rest[1:], branch))
    for ch, more in sorted(following.items()):
        parts.append(re.escape(ch) + _trie(more, order))
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def _compiled() -> tuple[re.Pattern[str] | None, tuple[_Alternative | None, ...]]:
    """:func:`_compile_phrases`, or no pattern when the phrases have no pre-check."""
    if _PHRASES is None or _TWINS is None:
        return None, ()
    return _compile_phrases(_PHRASES)


# (Never ``Final = None if ... else (pattern, alternatives)``: mypyc miscompiles
# an optional tuple constant.)
_COMPILED: Final = _compiled()
# `c` of `baca juga` (then `a`, `ba` behind it, `[ ]*juga` ahead), `:` of
# `penulis :` (the label found by walking back): the anchors of the
# families' phrases, on the lowercased text. ``None``: no pre-check.
PHRASE_START_RE: Final = _COMPILED[0]
_ALTERNATIVES: Final = _COMPILED[1]
# How far the pattern reads around an anchor: behind, the anchor word's
# start and the word before it with a gap of up to two spaces (one more
# character for a look-behind that fails); ahead, the rest of the phrase
# without its spaces, one more character, and any spaces between.
_BEHIND: Final = max(
    (p.offset + (len(p.words[p.word - 1]) + 2 if p.word else 0) + 1 for p in _PHRASES or ()),
    default=0,
)
_AHEAD: Final = max(
    (len("".join(p.words[p.word :])) - p.offset + 1 for p in _PHRASES or ()), default=0
)


def _walk_back(low: str, line_start: int, pos: int, words: tuple[str, ...]) -> int | None:
    """Where ``words`` start if they end right before ``pos`` (any run of spaces between)."""
    for word in reversed(words):
        while pos > line_start and low[pos - 1] == " ":
            pos -= 1
        start = pos - len(word)
        if start < line_start or not low.startswith(word, start, pos):
            return None
        pos = start
    return pos


_Starts = dict[str, list[int]]


def _line_starts(low: str, start: int, end: int, hits: Iterable[tuple[int, int]]) -> _Starts:
    """Where each family's phrases start in a line, from the pre-check's hits in it.

    A hit is the anchor's position and the group number of its branch.
    """
    starts: _Starts = {}
    for pos, group in hits:
        alternative = _ALTERNATIVES[group]
        assert alternative is not None  # noqa: S101 - group 0 is never the last one
        found = [alternative.phrases]
        found.extend(phrases for other, phrases in alternative.others if other.match(low, pos, end))
        for phrases in found:
            for phrase in phrases:
                at = pos - phrase.offset
                if phrase.word:
                    back = _walk_back(low, start, at, phrase.words[: phrase.word])
                    if back is None:
                        continue
                    at = back
                if phrase.exact is not None and not low.startswith(phrase.exact, at, end):
                    continue
                starts.setdefault(phrase.target, []).append(at)
    return starts


_MAX_WIDGET_LEN: Final = 80

_TOKEN_RE: Final = regex.compile(r"\S+")
_MAX_HEADLINE_TOKENS: Final = 40
_MAX_MARKERS_PER_LINE: Final = 64
_MAX_HEADLINE_WORDS: Final = 30
_OPEN_QUOTES: Final = '"“„«'
_STRIP_LEAD: Final = "\"“”„«»'‘’([{"
_STRIP_TAIL: Final = ",:;.!?\"”»'’)]}…"


def _kind(token: str) -> str:
    """``cap``, ``num``, ``func``, ``punct`` or ``low``: how a token reads in a headline."""
    core = token.strip(_STRIP_LEAD).rstrip(_STRIP_TAIL)
    if core.isalpha() and (core.islower() or core[0].isupper()):
        # A word, the common case (no digit in it): capitalised, or
        # lowercase (and then its own lowercase).
        return "cap" if core[0].isupper() else "func" if core in FUNCTION_WORDS else "low"
    if not core or not any(c.isalnum() for c in core):
        return "punct"
    if core[0].isdigit():
        return "num"
    if any(c.isupper() for c in core):
        return "cap"
    return "func" if core.lower() in FUNCTION_WORDS else "low"


# The kinds of the tokens seen lately (the same words come back in headline
# after headline); emptied when full.
_KIND_MEMO: dict[str, str] = {}
_KIND_MEMO_SIZE: Final = 50_000


class _Kinds(dict[int, str]):
    """The :func:`_kind` of each token (``kinds[j]``), worked out when first asked for.

    A headline scan mostly stops after a few of its tokens.
    """

    __slots__ = ("_tokens",)

    def __init__(self, tokens: list[str]) -> None:
        super().__init__()
        self._tokens = tokens

    def __missing__(self, j: int) -> str:
        token = self._tokens[j]
        kind = _KIND_MEMO.get(token)
        if kind is None:
            if len(_KIND_MEMO) >= _KIND_MEMO_SIZE:
                _KIND_MEMO.clear()
            kind = _KIND_MEMO[token] = _kind(token)
        self[j] = kind
        return kind


_CLOSERS: Final = "\"”»'’)]"  # may follow a sentence's last mark
_SENTENCE_MARKS: Final = ".!?" + _CLOSERS  # the last character of a token that ends one


def _ends_sentence(token: str) -> bool:
    """A token that closes a sentence (`Tahun.`, `Bank?`), not an ellipsis."""
    bare = token.rstrip(_CLOSERS)
    return bare.endswith((".", "!", "?")) and not bare.endswith(("...", "…"))


def _starts_sentence(tokens: list[str], kinds: _Kinds, j: int) -> bool:
    """Token ``j`` is a capitalised word followed by lowercase words."""
    if kinds[j] != "cap" or j + 1 >= len(tokens):
        return False
    after = kinds[j + 1]
    if after == "low" or (j > 0 and tokens[j].rstrip(",") in SENTENCE_OPENERS):
        return True
    if after != "func":
        return False
    if tokens[j + 1].endswith(","):
        return True  # `Sementara itu,`
    return j + 2 < len(tokens) and kinds[j + 2] in {"low", "func"}


def _segment_end(tokens: list[str], kinds: _Kinds, first: int) -> tuple[int, bool]:
    """Scan headline words from token ``first``.

    Returns the index after the headline part and whether a full stop (or
    ``?``, ``!``) closed it.
    """
    count = len(tokens)
    for j in range(first, min(count, _MAX_HEADLINE_TOKENS)):
        tok = tokens[j]
        if j > 0 and tok[0] in _OPEN_QUOTES:
            return j, False
        kind = kinds[j]
        if kind == "cap":
            # _starts_sentence(tokens, kinds, j), written out: the hot loop.
            if j + 1 < count:
                after = kinds[j + 1]
                if (
                    after == "low"
                    or (j > 0 and tok.rstrip(",") in SENTENCE_OPENERS)
                    or (
                        after == "func"
                        and (
                            tokens[j + 1].endswith(",")
                            or (j + 2 < count and kinds[j + 2] in {"low", "func"})
                        )
                    )
                ):
                    return j, False
        elif kind == "low":
            # The sentence began at the last capitalised word before it.
            k = j - 1
            while k > first and kinds[k] in {"func", "num", "punct"}:
                k -= 1
            return (k if k >= first and kinds[k] == "cap" else j), False
        if tok[-1] in _SENTENCE_MARKS and _ends_sentence(tok):
            return j + 1, True
    return count, False


def _reported_speech(tokens: list[str], kinds: _Kinds, j: int) -> bool:
    """``Analis Bank, Budi mengatakan``: the subject may reach back into the run.

    A reporting verb after a name with an appositive comma just before it
    (`Kepala Desa Suka, Budi mengatakan`) leaves the subject's start unknown.
    """
    if kinds[j - 1] != "cap" or j + 1 >= len(tokens):
        return False
    if tokens[j].lower() in PRONOUNS:
        return False
    if tokens[j + 1].rstrip(_STRIP_TAIL).lower() not in REPORTING_VERBS:
        return False
    return any(tok.endswith(",") for tok in tokens[max(0, j - 3) : j])


def _more_headline(tokens: list[str], kinds: _Kinds, end: int, *, at_limit: bool) -> int:
    """Extend a headline closed by a full stop over the parts that follow it.

    Scrapers that lose commas leave `Judul Berita. Bagian Kedua. Kalimat`.
    The parts after the first full stop belong to the headline only if each
    is headline words throughout and the run is followed by clear evidence
    that the article resumes: a sentence start, an opening quote, or the end
    of the line (or the next marker). Otherwise they stay (principle 1).
    """
    run_end = end
    while run_end < len(tokens):
        if tokens[run_end][0] in _OPEN_QUOTES or _starts_sentence(tokens, kinds, run_end):
            return run_end
        nxt, closed = _segment_end(tokens, kinds, run_end)
        if nxt == run_end or not (closed or nxt >= len(tokens)):
            return end
        if all(kinds[i] in {"num", "punct"} for i in range(run_end, nxt)):
            return end  # `1.` opens a numbered list of the article
        run_end = nxt
    return run_end if at_limit else end


def _tokens(text: str, start: int, limit: int, count: int) -> tuple[list[str], bool]:
    r"""The first ``count`` tokens (``\S+``) of ``text[start:limit]``.

    And whether they are split at str.split()'s spaces (else at `\s`'s).
    """
    segment = text[start:limit]
    if "\x1c" in segment or "\x1d" in segment or "\x1e" in segment or "\x1f" in segment:
        # Separators that str.split() splits at and `\s` does not match.
        matches = islice(_TOKEN_RE.finditer(text, start, limit), count)
        return [m.group() for m in matches], False
    return segment.split(maxsplit=count)[:count], True


# `(?:\s*\S+){n}`: the first n tokens and the spaces before them (``\s``
# as str.split() has it), by n; compiled as asked for.
_FIRST_TOKENS_RE: Final[dict[int, re.Pattern[str]]] = {}


def _token_end(text: str, start: int, limit: int, tokens: tuple[list[str], bool], j: int) -> int:
    """Where token ``j`` of ``tokens`` (:func:`_tokens` from ``start``) ends in ``text``."""
    words, at_str_spaces = tokens
    if at_str_spaces:
        pattern = _FIRST_TOKENS_RE.get(j + 1)
        if pattern is None:
            pattern = _FIRST_TOKENS_RE[j + 1] = re.compile(rf"(?:\s*\S+){{{j + 1}}}")
        m = pattern.match(text, start, limit)
        assert m is not None  # noqa: S101 - the text holds the tokens
        return m.end()
    pos = start
    for token in words[: j + 1]:
        # Only spaces lie between tokens, so each is found where it stands.
        pos = text.find(token, pos) + len(token)
    return pos


def _headline_end(text: str, start: int, limit: int, *, at_line_end: bool) -> int | None:
    """Where the linked headline that starts at ``start`` ends (before ``limit``).

    Returns ``None`` when the headline cannot be told from the sentence after
    it: the caller then keeps the words (principle 1).
    """
    split = _tokens(text, start, limit, _MAX_HEADLINE_TOKENS + 3)
    tokens = split[0]
    if not tokens:
        return None
    runs_to_limit = len(tokens) <= _MAX_HEADLINE_TOKENS
    kinds = _Kinds(tokens)

    end, closed = _segment_end(tokens, kinds, 0)
    if end == 0:
        return None
    if end >= len(tokens):
        # The run reached the limit: a headline only if that ends the line.
        if not (runs_to_limit and at_line_end):
            return None
        return _token_end(text, start, limit, split, len(tokens) - 1)
    if not closed and _reported_speech(tokens, kinds, end):
        return None
    if closed:
        end = _more_headline(tokens, kinds, end, at_limit=runs_to_limit and at_line_end)
    return _token_end(text, start, limit, split, end - 1)


def _related_links(
    text: str, start: int, end: int, starts: list[int] | None
) -> Iterable[tuple[int, int]]:
    """Marker + linked headline spans in the line ``text[start:end]``.

    ``starts``: where markers may start (``None``: anywhere).
    """
    markers = list(
        islice(_matches(RELATED_MARKER_RE, text, start, end, starts), _MAX_MARKERS_PER_LINE + 1)
    )
    if len(markers) > _MAX_MARKERS_PER_LINE:
        return  # not an article line: keep it as it is
    for i, m in enumerate(markers):
        limit = markers[i + 1].start() if i + 1 < len(markers) else end
        rest = text[m.end() : limit]
        if not rest.strip():
            # A marker alone at the end of its line, or right before another.
            yield m.start(), limit
            continue
        if m.start() == start and limit == end and _is_headline_line(rest):
            stop: int | None = limit  # the marker and its headline are the paragraph
        else:
            stop = _headline_end(text, m.end(), limit, at_line_end=True)
        if stop is not None:
            yield m.start(), stop


def _is_headline_line(rest: str) -> bool:
    """The text after a marker that opens its paragraph is one headline.

    Headline-like (SPEC §2): short, not ending like a sentence (`.` but not
    an ellipsis, `,`, `;`, `:`), with no second sentence inside and no
    lowercase reporting verb (`... Budi mengatakan`).
    """
    words = rest.split()
    if not words or len(words) > _MAX_HEADLINE_WORDS:
        return False
    last = words[-1]
    if last.endswith((",", ";", ":")) or (last.endswith(".") and not last.endswith(("...", "…"))):
        return False
    if any(w[:1].islower() and w.rstrip(_STRIP_TAIL) in REPORTING_VERBS for w in words):
        return False
    return not any(_ends_sentence(w) and nxt[:1].isupper() for w, nxt in pairwise(words))


def _whole_line_only(line: str) -> bool:
    """A widget line, a post's attribution line, or a line of page code."""
    if len(line) <= _MAX_WIDGET_LEN and WIDGET_LINE_RE.fullmatch(line):
        return True
    if "@" in line and "(@" in line and TWEET_CREDIT_LINE_RE.fullmatch(line):
        return True
    last = line[-1:]
    if last.isspace():
        last = line.rstrip()[-1:]
    if (
        last in _SCRIPT_ENDS
        and any(token in line for token in _SCRIPT_TOKENS)
        and SCRIPT_LINE_RE.fullmatch(line)
    ):
        return True
    return "{" in line and CSS_LINE_RE.fullmatch(line) is not None


_RELATED_TARGETS: Final = ("related", "bracket", "video", "teaser")


def _candidates(
    text: str, start: int, end: int, low: str, starts: _Starts | None, *, twins: bool
) -> tuple[list[tuple[int, int]], bool]:
    """Inline candidates in one line, and whether the line is boilerplate as a whole.

    ``low`` is ``text`` lowercased (same offsets); ``starts`` where each
    family's phrases start in the line (:func:`_line_starts`; ``None``: they
    may start anywhere); ``twins``: the line holds a case twin of a phrase's
    letter, so the case-insensitive teaser pattern runs everywhere.

    A family runs where the line holds one of its words (:data:`HINTS`). A
    phrase found in the line holds its family's word, except an inline
    phrase with more than one space between two words.
    """
    line = text[start:end]
    if _whole_line_only(line):
        return [], True

    def at(target: str) -> list[int] | None:
        return None if starts is None else sorted(set(starts.get(target, ())))

    spans: list[tuple[int, int]] = []
    found = starts is not None and any(t in starts for t in _RELATED_TARGETS)
    if found or ((starts is None or twins) and _holds(low, start, end, HINTS["related"])):
        spans.extend(_related_links(text, start, end, at("related")))
        spans.extend(_spans(BRACKET_LINK_RE, text, start, end, at("bracket")))
        spans.extend(_spans(VIDEO_PROMO_RE, text, start, end, at("video")))
        spans.extend(_spans(TEASER_RE, text, start, end, None if twins else at("teaser")))
    if (starts is None or "inline" in starts) and _holds(low, start, end, HINTS["inline"]):
        spans.extend(_spans(INLINE_AD_RE, text, start, end, at("inline")))
    if "footer" in starts if starts is not None else _holds(low, start, end, HINTS["footer"]):
        spans.extend(_footers(text, start, end, low, at("footer")))
    if (
        "credit" in starts
        if starts is not None
        else ":" in line and _holds(low, start, end, HINTS["credit"])
    ):
        spans.extend(
            (m.start(), m.end())
            for m in _credit_chains(text, start, end, at("credit"))
            if _after_break(text, start, m.start())
        )
    if (starts is None or "tweet" in starts) and "pic.twitter.com" in line:
        spans.extend((m.start(), m.end()) for m in TWEET_LINK_RE.finditer(text, start, end))
    spans = _union(spans)
    if spans and not WORD_CHAR_RE.search(_rest(line, start, spans)):
        return [], True
    return spans, False


def _matches(
    pattern: regex.Pattern[str], text: str, start: int, end: int, starts: list[int] | None
) -> Iterator[regex.Match[str]]:
    """``pattern.finditer(text, start, end)``, tried only at ``starts`` (sorted).

    ``starts`` must hold every place where a match may start (``None``:
    anywhere); the matches are then the same, as a search tries each place in
    turn and none of these patterns matches empty text.
    """
    if starts is None:
        yield from pattern.finditer(text, start, end)
        return
    pos = start
    for at in starts:
        if at >= pos and (m := pattern.match(text, at, end)) is not None:
            yield m
            pos = m.end()


def _spans(
    pattern: regex.Pattern[str], text: str, start: int, end: int, starts: list[int] | None
) -> Iterator[tuple[int, int]]:
    return ((m.start(), m.end()) for m in _matches(pattern, text, start, end, starts))


def _credit_chains(
    text: str, start: int, end: int, labels: list[int] | None
) -> Iterator[regex.Match[str]]:
    """``CREDIT_CHAIN_RE.finditer(text, start, end)``, tried only before ``labels``.

    ``labels``: where a chain's first credit label may start (``None``:
    anywhere). A chain may start with a bracket and spaces before its label:
    the search takes the first of them it reaches (the bracket, a space, or
    where the last chain ended), and from each the chain is the same.
    """
    if labels is None:
        yield from CREDIT_CHAIN_RE.finditer(text, start, end)
        return
    pos = start
    for label in labels:
        if label < pos:
            continue
        at = label
        while at > pos and text[at - 1] == " ":
            at -= 1
        if at > pos and text[at - 1] == "(":
            at -= 1
        if (m := CREDIT_CHAIN_RE.match(text, at, end)) is not None:
            yield m
            pos = m.end()


def _footers(
    text: str, start: int, end: int, low: str, starts: list[int] | None
) -> Iterable[tuple[int, int]]:
    """Footer spans in a line, matched only where one of their phrases starts.

    ``starts``: where a footer phrase is written out (``None``: look for
    them in the line).
    """
    if starts is None:
        starts = sorted(
            {pos for phrase in HINTS["footer"] for pos in _occurrences(low, phrase, start, end)}
        )
    for pos in starts:
        m = FOOTER_LINE_RE.match(text, pos, end) or FOOTER_SENTENCE_RE.match(text, pos, end)
        if m is not None:
            s = m.start()
            back = s
            while back > start and text[back - 1] in " *":
                back -= 1
            if "*" in text[back:s]:  # the bullet of a promo: `* Untuk mengetahui ...`
                s = back
            yield s, m.end()


def _occurrences(low: str, word: str, start: int, end: int) -> Iterator[int]:
    pos = low.find(word, start, end)
    while pos >= 0:
        yield pos
        pos = low.find(word, pos + 1, end)


def _holds(low: str, start: int, end: int, words: Iterable[str]) -> bool:
    """``low[start:end]`` holds one of ``words``."""
    return any(low.find(w, start, end) >= 0 for w in words)


def _after_break(text: str, line_start: int, pos: int) -> bool:
    """``pos`` starts its line or follows a sentence end, a comma or a bracket."""
    while pos > line_start and text[pos - 1] == " ":
        pos -= 1
    return pos == line_start or text[pos - 1] in '.!?,"”)'


def _rest(line: str, offset: int, spans: list[tuple[int, int]]) -> str:
    """What is left of ``line`` (starting at ``offset``) without ``spans``."""
    parts, pos = [], offset
    for s, e in sorted(spans):
        if s > pos:
            parts.append(line[pos - offset : s - offset])
        pos = max(pos, e)
    parts.append(line[pos - offset :])
    return " ".join(parts)


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        elif s < e:
            merged.append((s, e))
    return merged


def _mend(text: str, start: int, end: int, s: int, e: int) -> Span:
    """An inline removal ``text[s:e]`` that leaves clean spacing in its line."""
    while e < end and text[e] == " ":
        e += 1
    if e == end or text[e] in ",.;:!?)]}":
        while s > start and text[s - 1] == " ":
            s -= 1
    glued = (
        s > start
        and e < end
        and text[s - 1] != " "
        and text[e] != " "
        and text[e] not in ",.;:!?)]}"
    )
    return (s, e, " " if glued else "")


def _lowered(text: str) -> tuple[str, bool]:
    """``text`` lowercased with the same offsets; whether by :meth:`str.lower` (or ASCII only)."""
    low = text.lower()
    if len(low) != len(text):  # a rare letter that lowercases to two
        return text.translate(_ASCII_LOWER), False
    return low, True


_Hits = list[tuple[int, int]]  # the pre-check's matches: anchor position, group number


def _hits(low: str, start: int, end: int) -> _Hits:
    """Where the pre-check's pattern matches in ``low[start:end]``."""
    assert PHRASE_START_RE is not None  # noqa: S101 - only called with a pre-check
    return [(m.start(), m.lastindex or 0) for m in PHRASE_START_RE.finditer(low, start, end)]


def _moved_hits(low: str, hits: _Hits, spans: list[Span]) -> _Hits | None:
    """The pre-check's hits in ``low``, from those before ``spans`` were applied.

    Whether the pattern matches at a place, and with which branch, depends
    only on the text it reads there: at most :data:`_BEHIND` characters
    behind the anchor, and at most :data:`_AHEAD` characters ahead that are
    not spaces (with the spaces between them). A hit away from every edit
    moves with the text; around each edit the pattern searches again.
    ``None`` when the spans overlap (search the whole text again).
    """
    kept: _Hits = []
    windows: list[tuple[int, int]] = []
    i = shift = done = 0
    for start, end, replacement in spans:
        if start < done:
            return None
        done = end
        while i < len(hits) and hits[i][0] < start:
            kept.append((hits[i][0] - shift, hits[i][1]))
            i += 1
        while i < len(hits) and hits[i][0] < end:
            i += 1  # removed with the span
        lo = start - shift
        hi = lo + len(replacement)
        shift += end - start - len(replacement)
        window = (_back_over(low, lo, _AHEAD), hi + _BEHIND)
        if windows and window[0] <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], window[1]))
        else:
            windows.append(window)
    kept.extend((pos - shift, group) for pos, group in hits[i:])
    moved: _Hits = []
    k = 0
    for a, b in windows:
        while k < len(kept) and kept[k][0] < a:
            moved.append(kept[k])
            k += 1
        while k < len(kept) and kept[k][0] < b:
            k += 1  # searched again
        reach = _ahead_over(low, b, _AHEAD)
        moved.extend(hit for hit in _hits(low, a, reach) if hit[0] < b)
    moved.extend(kept[k:])
    return moved


def _back_over(low: str, pos: int, count: int) -> int:
    """A place before ``pos`` with at least ``count`` characters between that are not spaces.

    (Or the start of the line, or of the text.)
    """
    start = pos - 2 * count
    if start >= 0 and pos - start - low.count(" ", start, pos) >= count:
        return start  # the common case: few spaces
    while count > 0 and pos > 0:
        start = max(0, pos - count)
        if (line := low.rfind("\n", start, pos)) >= 0:
            return line + 1
        count -= pos - start - low.count(" ", start, pos)
        pos = start
    return pos


def _ahead_over(low: str, pos: int, count: int) -> int:
    """A place after ``pos`` with at least ``count`` characters between that are not spaces.

    (Or the end of the line, or of the text.)
    """
    end = pos + 2 * count
    if end <= len(low) and end - pos - low.count(" ", pos, end) >= count:
        return end  # the common case: few spaces
    while count > 0 and pos < len(low):
        end = min(len(low), pos + count)
        if (line := low.find("\n", pos, end)) >= 0:
            return line
        count -= end - pos - low.count(" ", pos, end)
        pos = end
    return pos


def _find(
    text: str, low: str, hits: _Hits | None, only: list[tuple[int, int]] | None = None
) -> list[Span]:
    """The spans to remove; ``only`` the lines to look at (else every line).

    ``low`` is ``text`` lowercased (:func:`_lowered`), ``hits`` the pre-check's
    over the whole text (:func:`_hits`; ``None``: no pre-check).
    """
    lines: list[tuple[int, int]] = []
    inline: list[Span] = []
    twins = _TWINS is not None and any(ch in low for ch in _TWINS)
    # A long line with no phrase can go whole only as page code or a post's
    # attribution line, which hold one of these.
    code_or_post = "@" in text or "{" in text
    if only is None and hits == [] and not twins:
        # No family's phrase anywhere (most clean text): whole lines only.
        return _line_spans(text, _whole_lines(text, code_or_post=code_or_post), [])
    positions = [] if hits is None else [pos for pos, _ in hits]
    i = 0
    for start, end in paragraphs(text) if only is None else only:
        if start == end:
            continue
        i = bisect_left(positions, start, i)
        j = i
        while j < len(positions) and positions[j] < end:
            j += 1
        twin_line = twins and _holds(low, start, end, _TWINS or "")
        if hits is not None and j == i and not twin_line:
            # No family's phrase here: only a whole-line widget or page code.
            last = text[end - 1]
            if (
                end - start <= _MAX_WIDGET_LEN or code_or_post or last in ";{})" or last.isspace()
            ) and _whole_line_only(text[start:end]):
                lines.append((start, end))
            continue
        starts = None if hits is None else _line_starts(low, start, end, hits[i:j])
        found, whole = _candidates(text, start, end, low, starts, twins=twin_line)
        if whole:
            lines.append((start, end))
        else:
            inline.extend(_mend(text, start, end, s, e) for s, e in found)
        i = j
    return _line_spans(text, lines, inline)


def _line_spans(text: str, lines: list[tuple[int, int]], inline: list[Span]) -> list[Span]:
    """The spans that remove ``lines`` (whole, with their line breaks) and ``inline``."""
    if not lines:
        return _disjoint(sorted(inline)) if inline else []
    if "pic.twitter.com" in text:
        lines = _with_tweet_bodies(text, lines)
        inline = [sp for sp in inline if not any(s <= sp[0] <= e for s, e in lines)]
    return _disjoint(sorted(inline + remove_lines(text, lines)))


def _whole_lines(text: str, *, code_or_post: bool) -> list[tuple[int, int]]:
    """The lines of ``text`` that go whole as a widget or page code (:func:`_whole_line_only`).

    ``code_or_post``: the text holds `@` or `{` (else a long line can go
    only if it ends in page code's last character or a space).
    """
    lines: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if (
            line
            and (
                end - start <= _MAX_WIDGET_LEN
                or code_or_post
                or line[-1] in ";{})"
                or line[-1].isspace()
            )
            and _whole_line_only(line)
        ):
            lines.append((start, end))
        start = end + 1
    return lines


def _disjoint(spans: list[Span]) -> list[Span]:
    """Merge spans that overlap (an inline removal mended into a removed line's break).

    Spans must never overlap (the step contract); two that do become one that
    covers both, with both replacements, as applying them in order would give.
    """
    out: list[Span] = []
    for start, end, replacement in spans:
        if out and start < out[-1][1]:
            prev_start, prev_end, prev_replacement = out[-1]
            out[-1] = (prev_start, max(prev_end, end), prev_replacement + replacement)
        else:
            out.append((start, end, replacement))
    return out


def _with_tweet_bodies(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """An embed's attribution line takes the tweet line above it that ends in its picture link."""
    out = set(lines)
    for start, end in lines:
        if not TWEET_CREDIT_LINE_RE.fullmatch(text, start, end) or start == 0:
            continue
        prev_end = start - 1
        prev_start = text.rfind("\n", 0, prev_end) + 1
        body = text[prev_start:prev_end].rstrip()
        if TWEET_LINK_RE.search(body) and TWEET_LINK_RE.search(body[-60:]):
            out.add((prev_start, prev_end))
    return sorted(out)


def _trailing_credit(text: str) -> list[Span]:
    """The bracketed reporter credit that closes the article."""
    if not text.rstrip().endswith(")"):
        return []
    window = max(0, len(text) - _TRAILING_WINDOW)
    m = TRAILING_CREDIT_RE.search(text, window)
    if m is None:
        m = TRAILING_NAME_CREDIT_RE.search(text, window)
        if m is None or not text[: m.start()].rstrip().endswith((".", "!", "?", '"', "”")):
            return []
    if m.start() == 0:
        return []
    inner = m.group().strip()
    if inner.lower() in {"(kanan)", "(kiri)", "(tengah)"}:
        return []
    return [(m.start(), len(text), "")]


_MAX_ROUNDS: Final = 4


def _edited_lines(text: str, spans: list[Span]) -> list[tuple[int, int]]:
    """The lines of ``text`` (an edit's result) that ``spans`` (on its input) touched.

    Any other line is as it was, and a line's findings depend on the line
    alone: a round after the first looks only at these.
    """
    out: list[tuple[int, int]] = []
    size = len(text)
    last_end = -1  # the line break (or text end) that closes the last line taken
    built = done = 0  # as apply_spans builds the result (spans may overlap by a character)
    for s, e, replacement in spans:
        built += max(0, s - done)
        lo, hi = built, built + len(replacement)
        built, done = hi, e
        pos = max(lo, last_end + 1)
        while pos <= min(hi, size):
            nl = text.rfind("\n", last_end + 1, pos)
            start = nl + 1 if nl >= 0 else last_end + 1
            end = text.find("\n", pos)
            end = size if end < 0 else end
            out.append((start, end))
            last_end = end
            pos = end + 1
    return out


def remove_boilerplate_spans(text: str) -> list[Span]:
    """Find the boilerplate :func:`remove_boilerplate` removes."""
    spans: list[Span] = []
    current = text
    low, full_lower = _lowered(current)
    hits = None if PHRASE_START_RE is None else _hits(low, 0, len(low))
    only: list[tuple[int, int]] | None = None
    for _ in range(_MAX_ROUNDS):
        found = _find(current, low, hits, only)
        if not found:
            found = _trailing_credit(current)
        if not found:
            break
        spans = compose_spans(text, spans, found) if spans else found
        current = apply_spans(current, found)
        only = _edited_lines(current, found)
        if full_lower and all(not r.strip(" ") for _, _, r in found):
            # str.lower() maps each character on its own (but for a final
            # sigma, which no phrase holds): the edits, which put spaces or
            # nothing where they remove, apply to the lowercased text as is.
            low = apply_spans(low, found)
        else:
            low, now_full_lower = _lowered(current)
            if now_full_lower != full_lower:
                # The lowercasing changed (a letter that lowercases to two
                # came or went): every line again.
                full_lower = now_full_lower
                hits = None if hits is None else _hits(low, 0, len(low))
                only = None
                continue
        if hits is not None:
            moved = _moved_hits(low, hits, found)
            hits = _hits(low, 0, len(low)) if moved is None else moved
    return spans


def remove_boilerplate(text: str) -> str:
    r"""Remove text that is not the article.

    Related links with their headlines, ads and widgets, leaked page code,
    syndication and credit footers, trailing reporter credits and
    punctuation-only paragraphs go; the article's own words stay.

    Args:
        text: The article text.

    Returns:
        The text without boilerplate.

    >>> remove_boilerplate("Isi.\nBaca juga: Gibran Bahas Pilpres\nADVERTISEMENT\nLanjutan.")
    'Isi.\nLanjutan.'
    >>> remove_boilerplate("Kata dia.Baca Juga: Harga Cabai Naik Lagi Pedagang mengeluh.")
    'Kata dia. Pedagang mengeluh.'
    >>> remove_boilerplate("Tim bertanding di Bandung. (Tribunnews.com/Budi Santoso)")
    'Tim bertanding di Bandung.'
    """
    return apply_spans(text, remove_boilerplate_spans(text))
