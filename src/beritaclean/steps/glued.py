"""``split_glued_sentences``: a space where a scraper glued sentences (SPEC §3.3).

Three artifacts of scrapers that join ``<p>`` elements or links without a
separator, all fixed by inserting (or swapping in) one space:

- a terminator glued to the next sentence (`Soekarnoputri.Budi`,
  `2022."Kalau`, `(29/3/2022).Ini`, `6.450,83.IHSG`);
- a list-export comma after a terminator (`(PPU).,"Bulan`, `PCR.,Namun`,
  `Covid-19. ,Hal`), which goes, with a space in its place when a new sentence
  follows and nothing at the end of a paragraph;
- a link's text glued to the function word before it (`denganFajar`).

A straight ``"`` is opening when the quotes before it in its paragraph are
balanced. Domains, URLs, e-mail addresses, case numbers and runs of initials
are never split.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

import regex

from beritaclean.edits import Span, apply_spans

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

__all__ = ["export_comma_spans", "split_glued_sentences", "split_glued_sentences_spans"]

# A terminator (never an ellipsis) with what may follow it glued: closing
# quotes or brackets, then a letter, an opening quote, or a list-export comma
# (`kata.Budi`, `malam."Pelaku`, `(PPU).,"Bulan`, `lalu. , Kemudian`).
TERMINATOR_RE: Final = regex.compile(
    r"(?<!\.)(?:[!?]+|\.(?!\.))(?=[\"'”’)\]]*(?:[\p{Lu}\"“]| *,))",
)
# `aA` and a letter after in the bytes mapped by _LINK_END_TABLE: a possible
# capital right after a letter a link word may end with, before a possible
# letter. The scan finds the rarer `A` from its literal first byte and looks
# around it.
_LINK_END_RE: Final = re.compile(rb"A(?<=aA)(?=[abA])")
# A link's text glued to a lowercase function word before it
# (`bersama denganFajar Alfian`, `diMuseum`): the word must start a token.
LINK_WORD_RE: Final = regex.compile(
    r"(?<![\p{L}\p{N}\p{M}_@#/.&'’-])"
    r"(?:di|ke|dari|dengan|untuk|oleh|pada|dan|yang|bersama|kepada)"
    r"(?=\p{Lu}\p{L})",
)
_LINK_WORDS: Final = (
    "di",
    "ke",
    "dari",
    "dengan",
    "untuk",
    "oleh",
    "pada",
    "dan",
    "yang",
    "bersama",
    "kepada",
)
# The link words by their last letter, to look them up where one ends.
_LINK_WORDS_BY_LAST: Final = {
    last: tuple(w for w in _LINK_WORDS if w[-1] == last) for last in {w[-1] for w in _LINK_WORDS}
}
# Where a link word may end before a capital, found in the Latin-1 bytes of
# the text (`encode("latin-1", "replace")`: one byte per character, any other
# character a `?`, so the offsets are the text's) mapped by this table: a last
# letter of a link word becomes `a`, a capital or a `?` (which may stand for
# one) `A`, another letter `b`, all else `.`. A bytes scan is many times
# faster than a Unicode regex over the whole text.
_LINK_END_TABLE: Final = bytes(
    ord("a")
    if chr(i) in "".join(_LINK_WORDS_BY_LAST)
    else ord("A")
    if chr(i).isupper() or chr(i) == "?"
    else ord("b")
    if chr(i).isalpha()
    else ord(".")
    for i in range(256)
)
# God's pronouns are written glued and capitalised (`kepadaNya`, `untukMu`).
_CLITIC_RE: Final = regex.compile(r"(?:Nya|Mu|Ku)(?![\p{L}\p{M}])")
# The capitalised word after a terminator: a sentence start (`Budi`).
_CAPITALISED_RE: Final = regex.compile(r"\p{Lu}\p{Ll}")
# An all-capital word (`IHSG`, `JII`), split only after a number, `%` or `)`.
_ALL_CAPS_RE: Final = regex.compile(r"\p{Lu}{2,}(?![\p{L}\p{M}])")
# A run of letters and digits (`str.isalnum`), matched on reversed text to
# find the word before a point.
_ALNUM_RUN_RE: Final = re.compile(r"[^\W_]*")
# The word right of a split point, to check it against domains and chains.
_RIGHT_WORD_RE: Final = regex.compile(r"[\p{L}\p{N}\p{M}-]+")
# What may follow a terminator (and its closers) for it to be a candidate:
# a capital (or any letter not an ASCII lowercase one), an opening quote, or
# a list-export comma. Every match of TERMINATOR_RE is followed by one.
_CANDIDATE_TAIL: Final = r"[\"'”’)\]]*(?:[^\W\d_a-z]|[\"“]| *,)"
# A straight quote after a terminator that leaves nothing to do, whichever way
# it goes: before what is neither a capital, a digit, a closer, a comma nor a
# non-ASCII character other than a no-break space (`terkait."`,
# `ponsel.";`), before the end, or before spaces and no comma.
_QUOTE_THEN_NOTHING: Final = r"\"(?:(?![A-Z0-9)\]'\" ,])[\x00-\x7f\xa0]|\Z| +[^ ,])"
# Where a `?` or `!` may be glued to a sentence or a list-export comma, matched
# right after it: the marks are few, found with `str.find`.
_MARK_TAIL_RE: Final = re.compile(rf"(?!{_QUOTE_THEN_NOTHING}){_CANDIDATE_TAIL}")
# The comma run of a list export (`.,`, `. ,`, `., ,`) and the spaces after.
EXPORT_COMMA_RE: Final = regex.compile(r" *,[ ,]*")

# An e-mail address (`redaksi@kompas.com`), never split.
EMAIL_RE: Final = regex.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# The end of a domain: `Kompas.com`, `Kompas.TV`, `TRIBUNNEWS.COM`,
# `Kontan.co.id`. After one of these, a terminator may still end a sentence
# (`Vidio.com.Dari`).
_TLDS: Final = frozenset(
    ("com", "co", "id", "tv", "net", "org", "go", "ac", "or", "sch", "my", "io", "biz", "news")
)
# Capitalised abbreviations a name or suffix follows (`PT.Pertamina`,
# `Dr.Budi`, `Tbk.`): never a sentence end to split after.
_ABBREVIATIONS: Final = frozenset(
    (
        "pt",
        "cv",
        "ud",
        "tbk",
        "dr",
        "drs",
        "dra",
        "ir",
        "prof",
        "hj",
        "kh",
        "jl",
        "jln",
        "ny",
        "tn",
        "sdr",
        "sdri",
        "bpk",
    )
)
_CLOSERS: Final = ")]”’'"
_OPENERS: Final = "“"
# Tokens longer than this without a space are not prose: left alone.
_TOKEN_LIMIT: Final = 200


# The one scan over a text's dots (`_dot_spans`) decides the common cases in
# the pattern itself; only the rest is looked at in Python. Its pieces, each
# written for the position right after the dot:
#
# `text` right before the dot, with `{k}` in it standing for each count from
# `shortest` to `longest`: (?<=text\.) for each, as a lookbehind must have a
# fixed width;
def _before_dot(text: str, longest: int, shortest: int = 1) -> str:
    counted = (text.replace("{k}", f"{{{k}}}") for k in range(shortest, longest + 1))
    return "(?:{})".format("|".join(rf"(?<={each}\.)" for each in counted))


# ASCII letters right before the dot (1 to 24 of them, the usual word lengths
# tried first) after a character of class `before`, not an abbreviation
# (`PT.`, `Prof.`, case aside);
def _word_before_dot(before: str) -> str:
    def letters(k: int) -> str:
        abbreviations = "|".join(sorted(w for w in _ABBREVIATIONS if len(w) == k))
        not_abbreviation = rf"(?!(?i:{abbreviations})\.)" if abbreviations else ""
        return rf"(?<={before}{not_abbreviation}[A-Za-z]{{{k}}}\.)"

    lengths = sorted(range(1, 25), key=lambda k: (not 3 <= k <= 10, k))
    return "(?:{})".format("|".join(letters(k) for k in lengths))


# the word before the dot (the alphanumeric run `_protected_split` looks at),
# not a `www` (case aside), and either ASCII letters that start their token
# (`kata.Budi`), or in a short token with neither `:` nor `@`, nor `.` unless
# it has no ASCII letter (so no URL, e-mail address, domain or chain ends at
# the dot): ASCII letters not after `/` (`(kata.Budi`), ASCII digits
# (`2022.Kalau`, `12/2022.Ini`, `6.450,83.Sepanjang`) or no word at all
# (`(29/3/2022).Ini`, `2%.Harga`). An atomic group: once one way fits, the
# others are not tried again (and a long token is ruled out at once).
_SAFE_LEFT: Final = (
    r"(?>(?<=[A-Za-z]\.)"
    + _word_before_dot(r"[ \n]")
    + r"|(?:(?<![\w.]\.)|(?<=[A-Za-z]\.)"
    + _word_before_dot(r"[^\w/]")
    + r"|(?<=[0-9]\.)"
    + _before_dot(r"\W[0-9]{k}", 8)
    + r")(?<![^ \n]{41}\.)"
    + _before_dot(r"[ \n](?:[^ \n.:@]{k}|[^ \n:@A-Za-z]{k})", 40, shortest=0)
    + r")(?<!(?i:www)\.)"
)
# the token around the dot ends within 150 characters, no `@` in between (so
# it is neither too long nor an e-mail address);
_SPACE_AHEAD: Final = r"(?=[^ \n@]{0,150}+(?:[ \n]|\Z))"
# a character that ends the word after the split and is neither `.` nor `/`
# (so no domain or chain continues there);
_WORD_END: Final = r"[ \n,;:!?)\]\"'”’]"
# a capitalised word (`Budi`) then the end of its token within 150
# characters, no `@` in between (as _SPACE_AHEAD), and a top-level domain
# (`Com`) that the word must not be.
_CAPITALISED_WORD: Final = (
    r"[A-Z][a-z]{1,80}+(?:[ \n]|" + _WORD_END + r"[^ \n@]{0,60}+(?:[ \n]|\Z))"
)
_DOMAIN_WORD: Final = r"(?:{})(?![a-z])".format("|".join(sorted(t.capitalize() for t in _TLDS)))
# After a dot, a list-export comma run (group 1) replaced by a space before a
# capital or an opening `“` (group 2, `setempat.,Namun`), by nothing at the end
# of a line or of the text (group 3, `tahun.,`), or by a space before an
# opening `"` if the quotes before it are balanced (group 4, `(PPU).,"Bulan`).
_EXPORT_COMMA_BRANCH: Final = (
    rf"(?=[ ,]){_SAFE_LEFT}{_SPACE_AHEAD}(?=( *,[ ,]*)"
    rf"(?:(?=[A-Z][A-Za-z0-9-]{{0,60}}+{_WORD_END}|“)()|(?=\n|\Z)()|(?=\")()))"
)
# The scan over dots. A match is one candidate dot (what TERMINATOR_RE may
# match at, see _CANDIDATE_TAIL) with something to decide; the last group
# that took part says what to do:
#
# 1-4. a list-export comma run (_EXPORT_COMMA_BRANCH);
# 5. a space right after the dot: before an opening `“` and a capital or a
#    digit (`dia.“Kami`), or before a capitalised word (`kata.Budi`);
# 6. a space after the dot before an opening `"` if the quotes before it are
#    balanced (`malam."Pelaku`), else after the closing `"`
#    (`"Kami pulang malam."Pelaku`), before a capitalised word;
# 7. the same before an opening `"` and another capital or a digit; for a
#    closing one, see none;
#
# none: any other candidate, decided by `_terminator_span`.
#
# A dot is not matched at all where it is no candidate (the gate lets most
# dots, before a space, through fast) or where there is nothing to do: an
# all-capital word after a letter (`KOMPAS.COM`, `luka.IS`), or
# _QUOTE_THEN_NOTHING. Each branch checks what follows the dot before what
# precedes it.
_DOT_SCAN_RE: Final = re.compile(
    r"\.(?=[^ \n0-9a-z]| +,)"
    rf"(?!(?=[A-Z](?:[\x00-`{{-\x7f]|\Z))(?<=[A-Za-z]\.)|{_QUOTE_THEN_NOTHING})"
    rf"(?:{_EXPORT_COMMA_BRANCH}"
    r"|(?:(?=“[A-Z0-9])(?<!\.\.)"
    rf"|(?={_CAPITALISED_WORD})(?!{_DOMAIN_WORD}){_SAFE_LEFT})()"
    rf"|(?=\"{_CAPITALISED_WORD})(?!\"{_DOMAIN_WORD}){_SAFE_LEFT}()"
    r"|(?=\"[A-Z0-9])(?<!\.\.)()"
    rf"|(?={_CANDIDATE_TAIL}))"
)
# The dots a list-export comma may follow, after closers and spaces (`.,`,
# `." ,`), the common ones decided as in _DOT_SCAN_RE (groups 1-4).
_COMMA_SCAN_RE: Final = re.compile(rf"\.(?=[\"'”’)\]]* *,)(?:{_EXPORT_COMMA_BRANCH}|)")
# Where a list-export comma may follow a `?` or `!` (after closers and
# spaces), matched right after the mark.
_MARK_COMMA_RE: Final = re.compile(r"[\"'”’)\]]* *,")


class _QuoteParity:
    """Count straight ``"`` before a position in its paragraph, in linear time.

    Queries must come at non-decreasing positions.
    """

    __slots__ = ("_count", "_pos", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._pos = 0
        self._count = 0

    def before(self, pos: int) -> int:
        text = self._text
        if pos < self._pos:  # a step back: recount from the paragraph start
            start = text.rfind("\n", 0, pos) + 1
            return text.count('"', start, pos)
        nl = text.rfind("\n", self._pos, pos)
        if nl >= 0:
            self._count = text.count('"', nl + 1, pos)
        else:
            self._count += text.count('"', self._pos, pos)
        self._pos = pos
        return self._count


def _token_bounds(text: str, pos: int) -> tuple[int, int] | None:
    """The run of non-space text around ``pos``, or None when it is too long."""
    lo = max(0, pos - _TOKEN_LIMIT)
    left = max(text.rfind(" ", lo, pos), text.rfind("\n", lo, pos))
    if left < 0 and lo > 0:
        return None
    hi = min(len(text), pos + _TOKEN_LIMIT)
    right = len(text)
    for sep in (" ", "\n"):
        found = text.find(sep, pos, hi)
        if found >= 0:
            right = min(right, found)
    if right == len(text) and hi < len(text):
        return None
    return left + 1, right


def _in_url_or_email(text: str, pos: int) -> bool:
    """Whether ``pos`` sits in a URL or an e-mail address (or a huge token)."""
    bounds = _token_bounds(text, pos)
    if bounds is None:
        return True
    token = text[bounds[0] : bounds[1]]
    rel = pos - bounds[0]
    # A URL runs from its scheme (or `www.`) to the end of the token.
    lowered = token.lower()
    for marker in ("://", "www."):
        at = lowered.find(marker)
        if at >= 0:
            while at > 0 and token[at - 1].isalpha():
                at -= 1
            if rel >= at:
                return True
    # `redaksi@kompas.com` is an e-mail address; `@akun.Lalu` is a handle.
    return "@" in token and any(m.start() <= rel <= m.end() for m in EMAIL_RE.finditer(token))


def _left_word(text: str, end: int) -> tuple[int, str]:
    """The run of letters and digits ending at ``end`` (at most 200): its start and text."""
    # Matched on the reversed text before ``end``.
    run = _ALNUM_RUN_RE.match(text[max(0, end - _TOKEN_LIMIT) : end][::-1])
    start = end - run.end() if run is not None else end
    return start, text[start:end]


def _left_chain(text: str, term_start: int) -> bool:
    """Whether the word before the terminator continues a chain (`PT.Jkt`, `S.H`, `/PT`)."""
    return _chain_before(text, *_left_word(text, term_start))


def _chain_before(text: str, word_start: int, word: str) -> bool:
    """Whether ``word``, at ``word_start``, continues a chain (`PT.Jkt`, `S.H`, `/PT`)."""
    if not any(c.isalpha() for c in word) or word.lower() in _TLDS or word_start == 0:
        return False
    before = text[word_start - 1]
    return before == "/" or (before == "." and word_start > 1 and text[word_start - 2].isalnum())


def _right_chain(text: str, right: int) -> bool:
    """Whether the word at ``right`` ends a domain or continues a chain (`.com`, `Jkt.Pst`)."""
    m = _RIGHT_WORD_RE.match(text, right)
    if m is None:
        return False
    if m.group().lower() in _TLDS:
        return True
    after = m.end()
    if after + 1 >= len(text):
        return False
    # `Tekno.kompas.com`, `2022/PT`: a capital after the dot would be a split
    # of its own (`Ab.Budi`), decided there.
    return text[after] == "/" or (
        text[after] == "." and (text[after + 1].islower() or text[after + 1].isdigit())
    )


def _protected_split(text: str, term_start: int, right: int) -> bool:
    """Whether splitting between ``term_start``'s terminator and ``right`` is unsafe.

    Unsafe inside a domain (`Kompas.com`), a case number
    (`Pdt.G/2022/PT.Jkt.Pst`), a run of initials (`S.H.`, `a.n.`), after a
    capitalised abbreviation (`PT.`), in a URL or an e-mail address.
    """
    word_start, word = _left_word(text, term_start)
    if word.lower() in _ABBREVIATIONS:
        return True
    return (
        _chain_before(text, word_start, word)
        or _right_chain(text, right)
        or _in_url_or_email(text, term_start)
    )


def _export_comma_span(text: str, after_closers: int, parity: _QuoteParity) -> Span | None:
    """The list-export comma after a terminator, if one starts at ``after_closers``."""
    m = EXPORT_COMMA_RE.match(text, after_closers)
    if m is None:
        return None
    end = m.end()
    if end == len(text) or text[end] == "\n":
        return (after_closers, end, "")
    nxt = text[end]
    if nxt.isupper() or nxt in _OPENERS or (nxt == '"' and parity.before(end) % 2 == 0):
        return (after_closers, end, " ")
    return None


def _degree_after(text: str, pos: int) -> bool:
    """Whether an academic degree or initials follow (`S.H.,M.H.`, `SH.,MH.`)."""
    m = _RIGHT_WORD_RE.match(text, pos)
    return m is not None and m.end() < len(text) and text[m.end()] == "."


def _glue_span(text: str, term_start: int, p: int, parity: _QuoteParity) -> Span | None:
    """The space to insert at ``p``, right after a terminator and its closers."""
    nxt = text[p]
    if nxt in _OPENERS or nxt == '"':
        if nxt == '"' and parity.before(p) % 2:
            return None
        follower = text[p + 1 : p + 2]
        if follower and (follower.isupper() or follower.isdigit()):
            return (p, p, " ")
        return None
    before = text[term_start - 1] if term_start > 0 else ""
    if _CAPITALISED_RE.match(text, p) or (
        (before.isdigit() or before in "%)]") and _ALL_CAPS_RE.match(text, p)
    ):
        if _protected_split(text, term_start, p):
            return None
        return (p, p, " ")
    return None


def _terminator_span(
    text: str, m: regex.Match[str], parity: _QuoteParity, size: int
) -> Span | None:
    """The space or export-comma edit after the terminator ``m`` matched, if any."""
    term_start = m.start()
    p = m.end()
    # Closing quotes and brackets that follow the terminator.
    while p < size and text[p] in _CLOSERS + '"':
        if text[p] == '"' and parity.before(p) % 2 == 0:
            break  # an opening quote: the next sentence starts here
        p += 1
    if p >= size:
        return None
    if text[p] in " ,":
        span = _export_comma_span(text, p, parity)
        # The export comma goes whatever precedes the terminator, but not
        # between degrees or initials (`S.H.,M.H.`), nor in a URL.
        if span is not None and (
            _left_chain(text, term_start)
            or _degree_after(text, span[1])
            or _in_url_or_email(text, term_start)
        ):
            span = None
        return span
    return _glue_span(text, term_start, p, parity)


def _spans_at(text: str, candidates: Iterable[int]) -> list[Span]:
    """The edits of the terminators ending at ``candidates`` (sorted positions).

    A candidate is the last character of a run of `.!?`. A
    :data:`TERMINATOR_RE` match can only end there (a match inside the run
    fails its lookahead), so the scan of the whole text finds at most one match
    in the run: a lone `.`, or the `!?` the run ends with (not right after a
    `.`). Each match is decided on its own (nothing carries from one to the next).
    """
    spans: list[Span] = []
    parity = _QuoteParity(text)
    size = len(text)
    for pos in candidates:
        start = pos
        if text[pos] != ".":
            while start > 0 and text[start - 1] in "!?":
                start -= 1
            if start > 0 and text[start - 1] == "." and start < pos:
                start += 1
        m = TERMINATOR_RE.match(text, start)
        if m is not None:
            span = _terminator_span(text, m, parity, size)
            if span is not None:
                spans.append(span)
    return spans


def _export_comma_run(m: re.Match[str], parity: _QuoteParity) -> Span | None:
    """The edit of a list-export comma run matched by _EXPORT_COMMA_BRANCH."""
    start, end = m.span(1)
    kind = m.lastindex
    if kind == 2:
        return (start, end, " ")
    if kind == 3:
        return (start, end, "")
    return (start, end, " ") if parity.before(end) % 2 == 0 else None


def _dot_spans(text: str) -> list[Span]:  # noqa: C901 -- one branch per kind of match
    """The edits after the dots of ``text`` (the scan decides the common cases)."""
    # A search first: on clean text it is all there is (cheaper than finditer).
    first = _DOT_SCAN_RE.search(text)
    if first is None:
        return []
    spans: list[Span] = []
    add = spans.append
    parity = None  # made when first needed: two texts in three need none
    for m in _DOT_SCAN_RE.finditer(text, first.start()):
        kind = m.lastindex
        if kind == 5:
            at = m.end()
            add((at, at, " "))
            continue
        if parity is None:
            parity = _QuoteParity(text)
        if kind is not None and kind <= 4:
            span = _export_comma_run(m, parity)
            if span is not None:
                add(span)
        elif kind == 6:
            at = m.end()
            if parity.before(at) % 2:
                at += 1  # a closing quote: the space goes after it
            add((at, at, " "))
        elif kind == 7 and parity.before(m.end()) % 2 == 0:
            at = m.end()
            add((at, at, " "))
        else:
            t = TERMINATOR_RE.match(text, m.start())
            if t is not None:
                span = _terminator_span(text, t, parity, len(text))
                if span is not None:
                    add(span)
    return spans


def _positions(text: str, char: str) -> Iterator[int]:
    """Where ``char`` is in ``text`` (a character that is rare there)."""
    at = text.find(char)
    while at >= 0:
        yield at
        at = text.find(char, at + 1)


def _mark_candidates(text: str) -> list[int]:
    """Positions of the `?` and `!` that may be glued to what follows (`Tanya?Ya`).

    The candidates of TERMINATOR_RE, but for those before _QUOTE_THEN_NOTHING.
    """
    positions = [
        at for mark in "?!" for at in _positions(text, mark) if _MARK_TAIL_RE.match(text, at + 1)
    ]
    positions.sort()
    return positions


def export_comma_spans(text: str) -> list[Span]:
    """The list-export commas :func:`split_glued_sentences` drops (`PCR.,Namun`).

    Shared with ``collapse_orphan_punctuation`` so the two steps agree: the
    replacements among the edits of the terminators a comma follows (after
    closers and spaces), which are the only ones to make such an edit.
    """
    if "," not in text:
        return []
    spans: list[Span] = []
    parity = _QuoteParity(text)
    for m in _COMMA_SCAN_RE.finditer(text) if "." in text else ():
        if m.lastindex is not None:
            span = _export_comma_run(m, parity)
        else:
            t = TERMINATOR_RE.match(text, m.start())
            span = None if t is None else _terminator_span(text, t, parity, len(text))
        if span is not None and span[0] < span[1]:
            spans.append(span)
    marks = [
        at
        for mark in "?!"
        if mark in text
        for at in _positions(text, mark)
        if _MARK_COMMA_RE.match(text, at + 1)
    ]
    if marks:
        marks.sort()
        spans = sorted(spans + [s for s in _spans_at(text, marks) if s[0] < s[1]])
    return spans


def _link_word_spans(text: str) -> list[Span]:
    """The spaces after link words glued to a capital.

    A :data:`LINK_WORD_RE` match ends where a lowercase letter meets a capital
    and must not follow a letter, so the whole-text scan finds exactly the
    matches that end at such a place: each is looked up there.
    """
    # Positions of a capital right after a possible link word (a superset).
    data = text.encode("latin-1", "replace").translate(_LINK_END_TABLE)
    # A search first: most texts have none (cheaper than finditer).
    first = _LINK_END_RE.search(data)
    if first is None:
        return []
    spans: list[Span] = []
    for q in [m.start() for m in _LINK_END_RE.finditer(data, first.start())]:
        m = None
        for word in _LINK_WORDS_BY_LAST[text[q - 1]]:
            start = q - len(word)
            if start >= 0 and text.startswith(word, start):
                m = LINK_WORD_RE.match(text, start)
                if m is not None and m.end() == q:
                    break
                m = None
        if m is None:
            continue
        if _CLITIC_RE.match(text, m.end()) or _in_url_or_email(text, m.start()):
            continue
        bounds = _token_bounds(text, m.start())
        if bounds is None or text[bounds[0]] in "#@":  # `#diRumahAja`
            continue
        spans.append((m.end(), m.end(), " "))
    return spans


def split_glued_sentences_spans(text: str) -> list[Span]:
    """Find the spaces :func:`split_glued_sentences` inserts (and commas it drops)."""
    spans = _dot_spans(text) if "." in text else []
    if "?" in text or "!" in text:
        positions = _mark_candidates(text)
        marks = _spans_at(text, positions) if positions else []
        if marks:
            spans = sorted(spans + marks)
    link = _link_word_spans(text)
    if link:
        spans = sorted(spans + link)
    return spans


def split_glued_sentences(text: str) -> str:
    """Put back the space between sentences a scraper glued together.

    Args:
        text: Any text.

    Returns:
        The text with one space between glued sentences, list-export commas
        after a terminator gone, and link words unglued.

    >>> split_glued_sentences("kata Megawati Soekarnoputri.Budi pun menyebut di Kompas.com")
    'kata Megawati Soekarnoputri. Budi pun menyebut di Kompas.com'
    >>> split_glued_sentences('naik 0,36%.,"Kami optimistis," kata dia bersama denganFajar.')
    'naik 0,36%. "Kami optimistis," kata dia bersama dengan Fajar.'
    """
    return apply_spans(text, split_glued_sentences_spans(text))
