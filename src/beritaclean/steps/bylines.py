"""``fix_bylines`` and ``parse_byline``: datelines and reporter lines (SPEC §3.5).

A *dateline* opens the lead: ``TRIBUNNEWS.COM, JAKARTA - ``,
``JAKARTA, KOMPAS.com - ``, ``Jakarta (ANTARA) - ``, ``KONTAN.CO.ID - JAKARTA. ``,
detik's bare ``Jakarta - ``. A *reporter line* may stand before it, on its own
line or glued in front (``Laporan Wartawan Tribunnews.com, Nama``).

What the step knows about outlets and places lives in package data
(``data/outlets.toml``, ``data/places.toml``); both are compiled here, once,
into a few combined patterns. Datelines are only looked for where they stand:
at the start of one of the first paragraphs, or glued right after a reporter
line or a title. A bare ``PLACE - `` needs a listed place, spaces around the
dash, and the position of the lead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Final, Literal, NamedTuple

import regex

from beritaclean.data import load_table
from beritaclean.edits import Span, apply_spans, compose_spans
from beritaclean.steps._util import paragraphs

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "BYLINE_MODES",
    "OUTLETS",
    "PLACES",
    "Byline",
    "fix_bylines",
    "fix_bylines_spans",
    "parse_byline",
]

BYLINE_MODES: Final = ("normalize", "strip", "keep")


@dataclass(frozen=True, slots=True)
class Byline:
    """A parsed dateline (and reporter line, when there is one).

    Attributes:
        outlet: The outlet as written (``"TRIBUNNEWS.COM"``), if any.
        place: The place as written (``"JAKARTA"``), if any.
        reporter: The reporter's name from a reporter line, if any.
        start: Where the byline starts in the text it was parsed from.
        end: Where it ends (exclusive), separator included.
    """

    outlet: str | None
    place: str | None
    reporter: str | None
    start: int
    end: int

    def __reduce__(
        self,
    ) -> tuple[type[Byline], tuple[str | None, str | None, str | None, int, int]]:
        """Pickle by the fields (a frozen class compiled by mypyc has no other way)."""
        return (Byline, (self.outlet, self.place, self.reporter, self.start, self.end))

    def with_span(self, start: int, end: int) -> Byline:
        """The same byline with another span (for mapping offsets)."""
        return replace(self, start=start, end=end)


# --------------------------------------------------------------------------
# The data, compiled once.

_OUTLET_TABLE: Final[dict[str, Any]] = load_table("outlets")
_PLACE_TABLE: Final[dict[str, Any]] = load_table("places")

OUTLETS: Final[tuple[dict[str, Any], ...]] = tuple(_OUTLET_TABLE["outlet"])
"""The outlet table (``data/outlets.toml``): name, domains, dateline forms."""

PLACES: Final[frozenset[str]] = frozenset(name for names in _PLACE_TABLE.values() for name in names)
"""Every place name a bare ``PLACE - `` dateline may open with."""


def _alternation(names: Iterable[str]) -> str:
    """A pattern for any of the literal ``names``, ignoring case, longest first.

    For use inside ``(?i:...)``. The names are merged into a trie
    (``jakarta(?: (?:barat|selatan))?``), so that a text that opens with
    none of them fails at its first letters instead of against every name;
    at each step the longer names are tried first, so it matches what the
    plain alternation ``Jakarta Selatan|Jakarta`` would.
    """
    unique = {str(n) for n in names}
    if not all(n.isascii() for n in unique):
        # Case folding beyond ASCII is not per letter: the plain alternation.
        ordered = sorted(unique, key=lambda s: (-len(s), s))
        return "|".join(regex.escape(n) for n in ordered)
    trie: dict[str, Any] = {}
    for name in unique:
        node = trie
        for char in name.lower():
            node = node.setdefault(char, {})
        node[""] = {}  # a name ends here
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, Any]) -> str:
    """The pattern of a trie node: its longer continuations first, then its end."""
    ends = "" in node
    branches: list[str] = [
        regex.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    if len(branches) == 1 and not ends:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if ends else "")


# A place from the list, written with a capital (`JAKARTA`, `Jakarta Selatan`).
_KNOWN_PLACE: Final = rf"(?=\p{{Lu}})(?i:{_alternation(PLACES)})(?![\p{{L}}\p{{N}}])"
# Any place a dateline may name after an outlet: a listed one, or up to four
# capitalised words (`LUGANSK`, `LABUAN BAJO`).
_CAPITALISED_WORDS: Final = r"\p{Lu}[\p{L}']{0,24}(?:[ ]\p{Lu}[\p{L}']{0,24}){0,3}(?![\p{L}\p{N}])"
_ANY_PLACE: Final = rf"(?:{_KNOWN_PLACE}|{_CAPITALISED_WORDS})"
# The same, the capitalised words taken whole: fewer words, or a shorter
# last word, leave a space and a capital (` Kota`) or an apostrophe next, and
# no separator after a place (`,`, ` - `, ` (`, `. `) opens with either, so
# where one follows, backtracking into the words is wasted work.
_ANY_PLACE_BEFORE_SEPARATOR: Final = rf"(?:{_KNOWN_PLACE}|(?>{_CAPITALISED_WORDS}))"
# The separator in all its scraped forms: `- `, ` -- `, ` – `, `—`.
_DASH: Final = r"(?P<dash>[ ]{0,8}(?:--?+|–|—)(?![-–—])[ ]{0,8})"
_COMMA: Final = r"(?P<comma>,[ ]{0,8})"
# The separator that ends a dateline, with what must follow it: the text, on
# the same line.
_DASH_END: Final = r"(?P<dash>[ ]{0,8}(?:--?+|–|—)(?![-–—])[ ]{0,8})(?=\S)"
# Orphan commas a lost link left right after the separator belong to it
# (`Jakarta, CNN Indonesia -- , Direktur` has a name missing).
ORPHAN_COMMAS_RE: Final = regex.compile(r"[,;][ ,;]*+(?=[^\s,;])")
# A domain-like outlet name (`TRIBUNNEWS.COM`, `jpnn.com`, a damaged `TRIBUNNEWS.CO`).
_DOMAIN: Final = (
    # The name is capitals, lowercase, or capitalised humps, so that a name
    # glued in front (`NamaTRIBUNNEWS.COM`) is not part of it.
    r"(?:[A-Z][A-Z0-9]{0,30}|[a-z][a-z0-9]{0,30}|(?:[A-Z][a-z0-9]{1,20}){1,4})"
    r"(?:-[A-Za-z0-9]{1,20}){0,3}"
    r"(?:\.(?i:com|co|id|net|org|tv|news|info|my|sg)){1,3}(?![\p{L}\p{N}])"
)
_OUTLET_END: Final = r"(?![\p{L}\p{N}])"


def _template_pattern(template: str, outlets: str) -> str:
    """Compile one dateline form of outlets.toml (``{place}, {outlet} - ``)."""
    parts = regex.split(r"(\{outlet\}|\{place\})", template)
    out: list[str] = []
    for i, part in enumerate(parts):
        if part == "{outlet}":
            out.append(rf"(?P<outlet>(?i:{outlets})){_OUTLET_END}")
        elif part == "{place}":
            # A place the dateline ends with (Kontan's `- JAKARTA. `) must be
            # a listed place or capitals, never the first word of the text.
            strict = i == len(parts) - 2 and not parts[-1].strip(" .")
            place = (
                rf"(?:{_KNOWN_PLACE}|\p{{Lu}}{{2,24}}(?:[ ]\p{{Lu}}{{2,24}}){{0,2}}{_OUTLET_END})"
            )
            if not strict:
                # A bare space after the place (`{place} {outlet}`) could
                # follow fewer words: there the words are not taken whole.
                bare_space = i + 1 < len(parts) and parts[i + 1] != "" and not parts[i + 1].strip()
                place = _ANY_PLACE if bare_space else _ANY_PLACE_BEFORE_SEPARATOR
            out.append(f"(?P<place>{place})")
        else:
            out.append(_literal_pattern(part, last=i == len(parts) - 1))
    return "".join(out)


# The punctuation between the slots of a dateline form, as written in
# outlets.toml, and what it matches.
_LITERALS: Final = {
    "-": _DASH,
    ",": _COMMA,
    "(": r"[ ]?\(",
    ")": r"\)",
    ") -": r"\)" + _DASH,
    ".": r"\.[ ](?=\S)",
    "": "[ ]",
}


def _literal_pattern(part: str, *, last: bool) -> str:
    """The pattern for the punctuation ``part`` of a dateline form."""
    if not part:
        return ""
    core = part.strip(" ")
    if core not in _LITERALS:
        raise ValueError(f"outlets.toml: unknown separator {part!r} in a dateline form")
    if last and core.endswith("-"):
        return _LITERALS[core].replace(_DASH, _DASH_END)
    return _LITERALS[core]


class _Alternation:
    """Dateline patterns tried in order, as one alternation of them would be.

    ``match`` returns what ``regex.compile("|".join(patterns)).match`` would:
    the match of the first pattern that matches. One big alternation tries
    every branch in turn at a few hundred nanoseconds each; here a branch
    whose opening cannot be there (see :func:`_opening`) is skipped with a
    cheap test of the text's first characters, so a text pays for the one
    or two branches that may match.
    """

    __slots__ = ("_branches", "_candidates", "_heads")

    def __init__(self, branches: list[tuple[regex.Pattern[str], _Opening]]) -> None:
        self._branches = branches
        # The first letters some outlet of the branches opens with.
        self._heads = frozenset(
            head for _, (kind, arg) in branches if kind == "outlet" for head in arg[0]
        )
        # The branches left by the tests of the first letters and of what
        # follows a place, per outcome of both (a few dozen outcomes).
        self._candidates: dict[tuple[str | None, str], list[tuple[regex.Pattern[str], int, bool]]]
        self._candidates = {}

    def match(self, text: str, pos: int, endpos: int) -> regex.Match[str] | None:  # noqa: C901 - the pre-checks in turn
        """The match of the first branch that matches ``text[pos:endpos]`` at ``pos``."""
        # The first letters, when they tell which outlets it may open with
        # ("" for none of them).
        key: str | None = None
        if pos + _HEAD <= endpos:
            head = text[pos : pos + _HEAD]
            if head.isascii():
                key = head.lower()
                if key not in self._heads:
                    key = ""
        run = PLACE_RUN_RE.match(text, pos, endpos)
        after_place = text[run.end() - 1] if run is not None else ""
        candidates = self._candidates.get((key, after_place))
        if candidates is None:
            candidates = self._candidates[key, after_place] = self._select(key, after_place)
        domain = None
        for pattern, comma_within, needs_domain in candidates:
            if comma_within and text.find(",", pos, min(endpos, pos + comma_within)) < 0:
                continue
            if needs_domain:
                if domain is None:
                    domain = DOMAIN_NAME_RE.match(text, pos, endpos) is not None
                if not domain:
                    continue
            m = pattern.match(text, pos, endpos)
            if m is not None:
                return m
        return None

    def _select(
        self, key: str | None, after_place: str
    ) -> list[tuple[regex.Pattern[str], int, bool]]:
        """The branches that may match a text of those first letters and place end.

        Each with what is left to test: how far the comma after the outlet
        may be (0: no test), whether the text must open with a domain name.
        """
        selected = []
        for pattern, (kind, arg) in self._branches:
            comma_within = 0
            if kind == "outlet":
                prefixes, comma_within = arg
                if key is not None and key not in prefixes:
                    continue
            elif kind == "place" and after_place != arg:
                continue
            selected.append((pattern, comma_within, kind == "domain"))
        return selected


# What a dateline pattern opens with, for its pre-check in _Alternation:
# ("outlet", (the first letters of its outlets, lowercase; how far the comma
# right after the outlet may be, or 0)), ("place", the separator right after
# the place), ("domain", None) for _DOMAIN, or ("any", None).
_Opening = tuple[str, Any]
# How many first letters tell the outlets apart.
_HEAD: Final = 3
# A place and what follows it in a form that opens with one: `{place}, ` or
# `{place} (`. A place is a listed one or up to four capitalised words of up
# to 25 letters or apostrophes: at most that many words of letters (read
# loosely: `\w` and any non-ASCII character, whatever the Unicode version of
# `regex`) with spaces between them, right before the comma or bracket.
# (The listed places are letters and single spaces; were one not, the forms
# that open with a place would go untested.)
_PLACES_ARE_WORDS: Final = all(regex.fullmatch(r"\p{L}+(?: \p{L}+)*", p) for p in PLACES)
_PLACE_WORD_MAX: Final = max(25, *(len(w) for p in PLACES for w in p.split(" ")))
_PLACE_WORDS: Final = max(4, *(p.count(" ") + 1 for p in PLACES))
_PLACE_WORD: Final = rf"[\w'\x80-\U0010ffff]{{1,{_PLACE_WORD_MAX}}}+"
PLACE_RUN_RE: Final = re.compile(
    rf"{_PLACE_WORD}(?:[ ]{_PLACE_WORD}){{0,{_PLACE_WORDS - 1}}}+[ ]?[,(]"
)
# The name of a _DOMAIN (ASCII letters, digits, hyphens) up to its first dot.
DOMAIN_NAME_RE: Final = re.compile(r"[A-Za-z][A-Za-z0-9-]{0,200}+\.")


def _opening(form: str, domains: list[str]) -> _Opening:
    """The pre-check of the dateline form ``form`` of outlets.toml."""
    parts = [p for p in regex.split(r"(\{outlet\}|\{place\})", form) if p]
    after = parts[1].strip(" ") if len(parts) > 1 else None
    if parts[0] == "{outlet}":
        names = [str(d) for d in domains]
        if all(n.isascii() and len(n) >= _HEAD for n in names):
            comma_within = max(map(len, names)) + 1 if after == "," else 0
            return "outlet", (frozenset(n[:_HEAD].lower() for n in names), comma_within)
    elif parts[0] == "{place}" and after in {",", "("} and _PLACES_ARE_WORDS:
        return "place", after
    return "any", None


def _build_dateline_re() -> tuple[_Alternation, _Alternation]:
    by_template: dict[str, list[str]] = {}
    outlet_place: list[str] = []
    for outlet in OUTLETS:
        for form in outlet["datelines"]:
            if "{outlet}" not in form:
                continue  # a bare "{place} - ": the place rule below
            by_template.setdefault(form, []).extend(outlet["domains"])
            if form.startswith("{outlet}, {place}"):
                outlet_place.extend(outlet["domains"])
    # Longest forms first, so that `{outlet} - {place}. ` wins over `{outlet} - `.
    table = [
        (regex.compile(_template_pattern(form, _alternation(domains))), _opening(form, domains))
        for form, domains in sorted(by_template.items(), key=lambda kv: -len(kv[0]))
    ]
    generic = [
        # `TRIBUNNEWS.COM, PAPUA- `, a damaged `TRIBUNNEWS.CO. JAKARTA - `.
        (
            regex.compile(
                rf"(?P<outlet>{_DOMAIN})(?:(?:{_COMMA}|\.[ ])"
                rf"(?P<place>{_ANY_PLACE_BEFORE_SEPARATOR}))?{_DASH_END}"
            ),
            ("domain", None),
        ),
        # `BANDUNG BARAT, KOMPAS.com - `.
        (
            regex.compile(
                rf"(?P<place>{_ANY_PLACE_BEFORE_SEPARATOR}){_COMMA}(?P<outlet>{_DOMAIN}){_DASH_END}"
            ),
            ("place", ",") if _PLACES_ARE_WORDS else ("any", None),
        ),
    ]
    # `Liputan6.com, Jakarta Keutamaan`: the separator lost, restored.
    lost = (
        regex.compile(
            rf"(?P<outlet>(?i:{_alternation(outlet_place)})){_OUTLET_END}{_COMMA}"
            rf"(?P<place>{_KNOWN_PLACE})(?P<lost>[ ])(?=\p{{Lu}}\p{{Ll}})(?!{_KNOWN_PLACE})"
        ),
        _opening("{outlet}, {place}", outlet_place),
    )
    return _Alternation([*table, *generic, lost]), _Alternation(table)


# An outlet dateline, from the table or of the general shape, at a paragraph
# start: `TRIBUNNEWS.COM- Isi`, `JAKARTA, KOMPAS.com — Isi`, `Jakarta (ANTARA) - Isi`.
# TABLE_DATELINE_RE is the table alone (a dateline glued after a title).
DATELINE_RE, TABLE_DATELINE_RE = _build_dateline_re()

# A bare dateline of a listed place, spaces around the dash: `Jakarta - Isi`.
# The lead starts after it (a capital, a digit, a quote), and it is not a
# route (`Jakarta - Bandung ditempuh ...`: a second place after the dash) nor
# an aside (`Bali - yang dikenal ... - kembali`).
BARE_DATELINE_RE: Final = regex.compile(
    rf"(?P<place>{_KNOWN_PLACE})(?P<dash>[ ]{{1,8}}(?:--?+|–|—)[ ]{{1,8}})"
    rf"(?=[\p{{Lu}}\p{{N}}\"'“(])(?!{_KNOWN_PLACE})"
)

_OPENERS: Final = sorted(_OUTLET_TABLE["reporter"]["openers"], key=len, reverse=True)
_ROLE_OPENERS: Final = [o for o in _OPENERS if " " in o]
# A reporter line: `Laporan Wartawan Tribunnews.com, Nama Reporter` (the role
# word and a capitalised or domain-like outlet after it), or the short form
# `Laporan Nama Reporter | Banda Aceh`.
REPORTER_RE: Final = regex.compile(
    rf"(?:(?P<opener>(?i:{_alternation(_ROLE_OPENERS)}))[ ](?=\p{{Lu}}|\p{{Ll}}{{1,30}}\.\p{{L}})"
    rf"|(?P<opener>Laporan)[ ]"
    rf"(?=\p{{Lu}}\p{{Ll}}{{1,30}}(?:[ ]\p{{Lu}}[\p{{L}}.']{{0,30}}){{0,4}}"
    rf"[ ]?\|[ ]?\p{{Lu}}[^\n|]{{0,40}}$))",
    flags=regex.MULTILINE,
)
_NAME: Final = r"\p{Lu}[\p{L}'.]{0,24}(?:[ ]\p{Lu}[\p{L}'.]{0,24}){0,5}"
# The whole of a reporter line: the opener, the outlet (and a place), the
# reporter's name in capitalised words; or `Laporan Nama | Tempat`. A
# sentence that opens with `Laporan wartawan ...` goes on in lowercase words.
REPORTER_LINE_RE: Final = regex.compile(
    rf"(?i:{_alternation(_ROLE_OPENERS)})[ ][\p{{L}}\p{{N}}.-]{{2,40}}"
    rf"(?:[ ]\p{{Lu}}\p{{L}}{{1,24}}){{0,2}}(?:,[ ]?|\.?[ ]){_NAME}"
    rf"|Laporan[ ]{_NAME}[ ]?\|[ ]?\p{{Lu}}[\p{{L}} ]{{1,30}}"
)
# Where a dateline may be glued into a reporter line or a title: after a
# lowercase letter (`DarmawanTRIBUNNEWS.COM`) or after `. ` (`Nama. TRIBUNNEWS`).
GLUE_POINT_RE: Final = regex.compile(r"(?<=\p{Ll}[.)]?)(?=\p{Lu})|(?<=[.,][ ])(?=\S)")

# --------------------------------------------------------------------------
# Cheap pre-checks (stdlib `re`, plain character classes). Each is a
# necessary condition of the pattern it guards, so a paragraph that fails it
# is skipped without trying the pattern; the pattern alone decides the rest.

# The most spaces inside an outlet name, and inside a place (listed, or up
# to four capitalised words).
_OUTLET_SPACES: Final = max(str(d).count(" ") for o in OUTLETS for d in o["domains"])
_PLACE_SPACES: Final = max(3, *(p.count(" ") for p in PLACES))
# Words (and the gaps between them) a dateline has before its first dash: an
# outlet and a place, with a comma, a bracket or `. ` between them.
_WORDS_TO_DASH: Final = _OUTLET_SPACES + _PLACE_SPACES + 2
# The longest word there: a domain (`Nama.co.id`) of at most 100 characters
# before any hyphen, an outlet in brackets with a comma, a place word; the
# gaps are at most 8 spaces.
_WORD_MAX: Final = max(128, *(len(str(d)) + 3 for o in OUTLETS for d in o["domains"]))
_WORD: Final = rf"{{1,{_WORD_MAX}}}+"
# The most spaces _TO_DASH reads: at most 8 before each word and the dash.
_SPACES_TO_DASH: Final = 8 * (_WORDS_TO_DASH + 1)
_TO_DASH: Final = (
    rf"[^ \n\-–—]{{0,{_WORD_MAX}}}+(?:[ ]{{1,8}}+[^ \n\-–—]{_WORD}){{0,{_WORDS_TO_DASH}}}+"
    r"[ ]{0,8}+[\-–—]"
)
# A dateline opens with a letter (of an outlet, a domain or a place): not
# with a quote, a comma, a bracket or a space.
_LETTER_FIRST: Final = r"(?=[0-9A-Za-z\x80-\U0010ffff])"
# A dash among the first words (`TRIBUNNEWS.COM, JAKARTA -`, `Jakarta
# (ANTARA) -`, `KOMPAS.com-`): every form in the table has one.
TABLE_HINT_RE: Final = re.compile(_LETTER_FIRST + _TO_DASH)
# Every dateline has that dash, but the lost separator (`Liputan6.com,
# Jakarta Isi`): a comma right after the outlet.
DATELINE_HINT_RE: Final = re.compile(
    rf"{_LETTER_FIRST}(?:{_TO_DASH}"
    rf"|[^ \n,]{{0,{_WORD_MAX}}}+(?:[ ][^ \n,]{_WORD}){{0,{_OUTLET_SPACES}}}+,)"
)
# A bare dateline: a dash with spaces around it right after a listed place
# (`Jakarta Selatan - `).
_PLACE_MAX: Final = max(len(p) for p in PLACES)
BARE_HINT_RE: Final = re.compile(rf"[^\n]{{1,{_PLACE_MAX}}}?[ ]{{1,8}}(?:--?|–|—)[ ]")
# How far from the start the dash BARE_HINT_RE reads may be.
_BARE_DASH_MAX: Final = _PLACE_MAX + 8
# Where a dateline may be glued (GLUE_POINT_RE, read loosely: any non-ASCII
# character may be a letter of either case): after `. ` or `, `
# (`Nama. TRIBUNNEWS`), or a capital after a small letter (`DarmawanTRIBUNNEWS`).
# The pattern opens with one set of characters (`.`, `,` or a capital), so
# that the search skips to them at C speed; the lookbehinds then tell which
# it is, the capital's looking back at it and before it.
_LOWER: Final = r"[a-z\x80-\U0010ffff]"
_CAPITAL: Final = r"A-Z\x80-\u2012\u2015-\U0010ffff"
GLUE_HINT_RE: Final = re.compile(
    rf"[.,{_CAPITAL}](?:(?<=[.,])[ ]|(?<={_LOWER}[{_CAPITAL}])|(?<={_LOWER}[.)][{_CAPITAL}]))"
)

_MAX_REPEATS: Final = 16  # different datelines in a row that strip takes (repeats of one: all)
_MAX_STRIPS: Final = 8  # bylines behind bylines that strip takes
_OUTLET_PARAGRAPHS: Final = 5  # an outlet dateline opens one of these
_FIRST_PARAGRAPHS: Final = 3  # a bare place dateline opens one of these
_REPORTER_MAX: Final = 160  # characters a reporter line may have
_HEADLINE_MAX_WORDS: Final = 25
# Blanks at a line's start (str.strip's whitespace).
SPACES_RE: Final = re.compile(r"\s*+")
# A line of more words than a headline has (`Satu dua ... dua puluh enam`).
MORE_WORDS_RE: Final = re.compile(rf"(?:\S++\s*+){{{_HEADLINE_MAX_WORDS + 1}}}")


# --------------------------------------------------------------------------
# Finding the byline.


class _Found(NamedTuple):
    """Where the byline's parts stand in the text."""

    dateline: regex.Match[str] | None
    reporter: tuple[int, int] | None  # the reporter line (without a glued dateline)
    reporter_name: str | None
    glued: bool  # the dateline is glued to the reporter line or title before it


def _is_headline_like(text: str, start: int, end: int) -> bool:
    """SPEC §2: one line of at most 25 words, not ending in `.,;:`, no opening quote.

    The line is ``text[start:end]``; only its ends and first words are read.
    """
    start = SPACES_RE.match(text, start, end).end()  # type: ignore[union-attr]
    if start == end or text[start] in "\"'“‘«":
        return False
    while text[end - 1].isspace():
        end -= 1
    if text[end - 1] in ".,;:":
        return False
    return MORE_WORDS_RE.match(text, start, end) is None


def _reporter_name(line: str) -> str | None:
    """The name in a reporter line (`Laporan Wartawan X.com, Nama` -> `Nama`)."""
    m = REPORTER_RE.match(line)
    if m is None:
        return None
    rest = line[m.end() :].strip()
    if "|" in rest:
        name = rest.split("|", 1)[0]
    elif "," in rest:
        name = rest.rsplit(",", 1)[1]
    elif m["opener"] == "Laporan":
        name = rest
    else:
        words = rest.split(" ", 1)  # the outlet, then the name
        name = words[1] if len(words) > 1 else ""
    name = name.strip(" .")
    return name or None


def _glued_dateline(
    text: str,
    start: int,
    end: int,
    pattern: _Alternation,
    hint: re.Pattern[str],
    first_dash: int | None = None,
) -> regex.Match[str] | None:
    """A dateline glued inside the paragraph ``text[start:end]``, after its opening.

    ``hint`` is a pre-check of ``pattern`` (TABLE_HINT_RE, DATELINE_HINT_RE).
    ``first_dash`` is where the paragraph's first dash is, for TABLE_HINT_RE.
    """
    limit = min(end, start + _REPORTER_MAX)
    if (
        first_dash is not None
        and first_dash >= limit
        and text.count(" ", limit, first_dash) > _SPACES_TO_DASH
    ):
        # Every glue point is before the first dash, too many spaces away:
        # TABLE_HINT_RE reads at most that many to the dash after it.
        return None
    for c in GLUE_HINT_RE.finditer(text, start, limit):
        a, b = c.span()
        g = b if b - a == 2 else a  # after `. `, or at the capital
        if (
            start < g < limit
            and hint.match(text, g, end) is not None
            and GLUE_POINT_RE.match(text, g, limit) is not None
        ):
            m = pattern.match(text, g, end)
            if m is not None:
                return m
    return None


def _find(text: str) -> _Found | None:  # noqa: C901, PLR0912 - one scan, its cases in order
    """Find the byline among the first paragraphs of ``text``.

    Reads the first paragraphs only, each from its start: the cost does not
    grow with the text. Each pattern runs only where its pre-check passes.
    """
    count = 0
    reporter: tuple[int, int] | None = None
    only_headlines = True  # every paragraph so far is headline-like or a reporter line
    # Paragraphs not yet read for only_headlines: it is read only when a bare
    # dateline may follow (it decides nothing else).
    unread: list[tuple[int, int]] = []
    for line_start, end in paragraphs(text):
        if line_start == end:
            continue
        if count >= _OUTLET_PARAGRAPHS:
            break
        count += 1
        # A list exported as its repr: `['KOMPAS.com - Isi`.
        start = line_start + 2 if text.startswith(("['", '["'), line_start) else line_start
        if DATELINE_HINT_RE.match(text, start, end) is not None:
            m = DATELINE_RE.match(text, start, end)
            if m is not None and _plausible(m):
                return _Found(m, reporter, _name(text, reporter), glued=False)
        # The first dash: a bare dateline has one a place's length on
        # (BARE_HINT_RE), a glued table dateline one somewhere (TABLE_HINT_RE).
        dash = _first_dash(text, start, end) if count <= _FIRST_PARAGRAPHS else -1
        if 0 <= dash <= start + _BARE_DASH_MAX and BARE_HINT_RE.match(text, start, end) is not None:
            if unread:
                only_headlines = all(_is_headline_like(text, a, b) for a, b in unread)
                unread.clear()
            if (
                only_headlines
                and (b := BARE_DATELINE_RE.match(text, start, end)) is not None
                and not _is_headline_like(text, start, end)
            ):
                return _Found(b, reporter, _name(text, reporter), glued=False)
        # Every reporter line opens with `Laporan`, in any case.
        if text.startswith(("L", "l"), start) and REPORTER_RE.match(text, start, end) is not None:
            g = _glued_dateline(text, start, end, DATELINE_RE, DATELINE_HINT_RE)
            if g is not None and _plausible(g):
                line = (start, _trim_end(text, start, g.start()))
                if REPORTER_LINE_RE.fullmatch(text, *line):
                    return _Found(g, line, _name(text, line), glued=True)
            if end - start <= _REPORTER_MAX and REPORTER_LINE_RE.fullmatch(text, start, end):
                reporter = (start, end)
                continue
        elif dash >= 0:
            g = _glued_dateline(text, start, end, TABLE_DATELINE_RE, TABLE_HINT_RE, dash)
            if g is not None and _plausible(g) and _is_headline_like(text, start, g.start()):
                return _Found(g, None, None, glued=True)
        if count < _FIRST_PARAGRAPHS and only_headlines:
            unread.append((start, end))
    if reporter is not None:
        return _Found(None, reporter, _name(text, reporter), glued=False)
    return None


def _first_dash(text: str, start: int, end: int) -> int:
    """Where the first dash a dateline may end with is in ``text[start:end]``, or -1."""
    first = text.find("-", start, end)
    if first >= 0:
        end = first  # a later dash is not the first
    for dash in "–—":
        other = text.find(dash, start, end)
        if other >= 0:
            first = end = other
    return first


def _plausible(m: regex.Match[str]) -> bool:
    """A domain glued to a word by a bare hyphen (`Kompas.com-Gramedia`) is no dateline."""
    names = _groupindex(m.re)
    for name in ("place", "lost"):
        number = names.get(name)
        if number is not None and m.group(number) is not None:
            return True
    return " " in m.captures(names["dash"])[-1]


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] == " ":
        end -= 1
    return end


def _name(text: str, reporter: tuple[int, int] | None) -> str | None:
    return None if reporter is None else _reporter_name(text[reporter[0] : reporter[1]])


def parse_byline(text: str) -> Byline | None:
    r"""Find and parse the dateline that opens the lead, with its reporter line.

    Args:
        text: Any text.

    Returns:
        The byline with its span in ``text`` (from the reporter line, when
        there is one, to the end of the dateline's separator), or ``None``.

    >>> parse_byline("Judul\n\nTRIBUNNEWS.COM- Presiden AS mengungkapkan")
    Byline(outlet='TRIBUNNEWS.COM', place=None, reporter=None, start=7, end=23)
    >>> b = parse_byline("Laporan Wartawan Tribunnews.com, Rina AyuTRIBUNNEWS.COM, JAKARTA -- Isi")
    >>> (b.outlet, b.place, b.reporter)
    ('TRIBUNNEWS.COM', 'JAKARTA', 'Rina Ayu')
    """
    found = _find(text)
    if found is None:
        return None
    m = found.dateline
    if m is None:
        assert found.reporter is not None  # noqa: S101 - _find returns one of them
        start, end = found.reporter
        return Byline(None, None, found.reporter_name, start, end)
    start = m.start()
    if found.reporter is not None and (found.glued or not text[found.reporter[1] : start].strip()):
        start = found.reporter[0]  # the reporter line right before the dateline
    groups = m.groupdict()
    outlet = groups.get("outlet")
    place = groups.get("place")
    return Byline(outlet, place, found.reporter_name, start, _dateline_end(text, m))


# --------------------------------------------------------------------------
# The step.


def fix_bylines_spans(
    text: str, *, mode: Literal["normalize", "strip", "keep"] = "normalize"
) -> list[Span]:
    """Find the replacements :func:`fix_bylines` makes."""
    if mode not in BYLINE_MODES:
        raise ValueError(f"mode={mode!r} is not valid; choose one of 'normalize', 'strip', 'keep'")
    if mode == "keep":
        return []
    found = _find(text)
    if found is None:
        return []
    if mode == "normalize":
        return _normalize_spans(text, found)
    # Stripping a byline can bare another (`KOMPAS.com - Jakarta - Isi`, a
    # reporter line behind a dateline): strip until none is left, so the step
    # is idempotent, as the pipeline's own re-runs would.
    spans = _strip_spans(text, found)
    current = apply_spans(text, spans)
    for _ in range(_MAX_STRIPS):
        found = _find(current)
        if found is None:
            break
        more = _strip_spans(current, found)
        spans = compose_spans(text, spans, more)
        current = apply_spans(current, more)
    return spans


def _normalize_spans(text: str, found: _Found) -> list[Span]:  # noqa: C901 - each group in turn
    m = found.dateline
    if m is None:
        return []
    spans: list[Span] = []
    if found.glued:
        # The reporter line (or title) goes onto its own line.
        gap_start = _trim_end(text, 0, m.start())
        spans.append((gap_start, m.start(), "\n"))
    names = _groupindex(m.re)
    if "comma" in names:
        for a, b in m.spans(names["comma"]):
            if text[a:b] != ", ":
                spans.append((a, b, ", "))
    if "dash" in names:
        m_end = m.end()
        end = _dateline_end(text, m)
        for a, b in m.spans(names["dash"]):
            if b == m_end:
                b = end  # noqa: PLW2901 - the orphan commas go with it
            if text[a:b] != " - ":
                spans.append((a, b, " - "))
    if "lost" in names:
        spans.extend((a, b, " - ") for a, b in m.spans(names["lost"]))
    if len(spans) > 1:
        spans.sort()
    return spans


def _dateline_end(text: str, m: regex.Match[str]) -> int:
    """Where the dateline ``m`` ends, orphan commas after its separator included."""
    end: int = m.end()
    if not text.startswith((",", ";"), end):
        return end  # no orphan comma (the common case, cheap)
    dashes = _group_spans(m, "dash")
    if dashes and dashes[-1][1] == end:
        orphans = ORPHAN_COMMAS_RE.match(text, end)
        if orphans is not None:
            end = orphans.end()
    return int(end)


def _group_spans(m: regex.Match[str], name: str) -> list[tuple[int, int]]:
    number = _groupindex(m.re).get(name)
    return m.spans(number) if number is not None else []


# The group numbers of each pattern's names (a match reads its groups by
# number: by name costs a lookup of the pattern's names each time).
_GROUP_INDEXES: Final[dict[regex.Pattern[str], dict[str, int]]] = {}


def _groupindex(pattern: regex.Pattern[str]) -> dict[str, int]:
    """``pattern.groupindex``, built once per pattern."""
    index = _GROUP_INDEXES.get(pattern)
    if index is None:
        index = _GROUP_INDEXES[pattern] = dict(pattern.groupindex)
    return index


def _strip_spans(text: str, found: _Found) -> list[Span]:
    m = found.dateline
    if m is None:
        assert found.reporter is not None  # noqa: S101 - _find returns one of them
        return _remove_line(text, *found.reporter)
    start, end = m.start(), _repeats_end(text, m)
    if found.glued:
        if found.reporter is not None:
            return [(found.reporter[0], end, "")]
        return [(_trim_end(text, 0, start), end, "\n")]  # keep the title's line
    if found.reporter is None:
        return [(start, end, "")]
    r_start, r_end = found.reporter
    if not text[r_end:start].strip():
        return [(r_start, end, "")]  # the reporter line right before the dateline
    return [*_remove_line(text, r_start, r_end), (start, end, "")]


def _repeats_end(text: str, m: regex.Match[str]) -> int:
    """The end of a run of datelines (`KOMPAS.com - KOMPAS.com - Isi`): strip takes them all."""
    line_end = text.find("\n", m.end())
    line_end = len(text) if line_end < 0 else line_end
    same = m.group(0)
    end = _dateline_end(text, m)
    for _ in range(_MAX_REPEATS):
        # The same dateline again, text after it: the common case, cheap.
        # All but the last of a run of copies are taken at once (each is
        # followed by the next copy, on the line); the loop checks the last.
        copies = _copies(text, same, end, line_end)
        if copies > 1 and not same[0].isspace():
            end += (copies - 1) * len(same)
        while (
            text.startswith(same, end) and not text[end + len(same) : end + len(same) + 1].isspace()
        ):
            if end + len(same) >= line_end:
                break
            end += len(same)
        nxt = DATELINE_RE.match(text, end, line_end)
        if nxt is None or not _plausible(nxt):
            break
        same, end = nxt.group(0), _dateline_end(text, nxt)
    return end


def _copies(text: str, unit: str, start: int, stop: int) -> int:
    """How many copies of ``unit`` follow each other from ``start``, before ``stop``."""
    if not unit:
        return 0
    count, step = 0, 1  # gallop, then halve the step
    while text.startswith(unit * step, start + count * len(unit), stop):
        count += step
        step *= 2
    while step > 1:
        step //= 2
        if text.startswith(unit * step, start + count * len(unit), stop):
            count += step
    return count


def _remove_line(text: str, start: int, end: int) -> list[Span]:
    """Remove a whole line with its line break, leaving no blank line behind."""
    if end < len(text) and text[end] == "\n":
        nxt = end + 1
        while nxt < len(text) and text[nxt] == "\n":
            nxt += 1
        return [(start, nxt, "")]
    # The last line: the line break before it goes.
    before = start
    while before > 0 and text[before - 1] == "\n":
        before -= 1
    return [(before, end, "")]


def fix_bylines(text: str, *, mode: Literal["normalize", "strip", "keep"] = "normalize") -> str:
    r"""Give the dateline one form, or strip it (SPEC §3.5).

    Args:
        text: Any text.
        mode: ``"normalize"`` keeps the dateline's words, order and spelling
            and fixes its form: the separator becomes `` - ``, a comma is
            followed by one space, a lost separator is restored, and a
            reporter line glued in front goes onto its own line.
            ``"strip"`` removes the dateline and the reporter line.
            ``"keep"`` leaves them.

    Returns:
        The text with its byline fixed.

    Raises:
        ValueError: If ``mode`` is not one of :data:`BYLINE_MODES`.

    >>> fix_bylines("TRIBUNNEWS.COM- Presiden AS mengungkapkan")
    'TRIBUNNEWS.COM - Presiden AS mengungkapkan'
    >>> fix_bylines("Liputan6.com, Jakarta Harga emas naik.")
    'Liputan6.com, Jakarta - Harga emas naik.'
    >>> fix_bylines("JAKARTA, KOMPAS.com — Harga cabai naik.", mode="strip")
    'Harga cabai naik.'
    """
    return apply_spans(text, fix_bylines_spans(text, mode=mode))
