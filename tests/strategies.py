"""Hypothesis strategies for news-like text, shared by the property tests.

Random Unicode alone almost never builds a dateline or a `Baca juga:` link, so
besides any ``str`` the tests draw from realistic fragments: Indonesian
words, the artifacts scrapers leave, and the punctuation that makes them.
"""

from __future__ import annotations

from hypothesis import strategies as st

# Any code point: lone surrogates, controls and unassigned ones included.
any_char = st.characters(exclude_categories=())
any_text = st.text(any_char, max_size=200)

WORDS = (
    "Presiden",
    "Jokowi",
    "mengatakan",
    "bahwa",
    "harga",
    "emas",
    "naik",
    "di",
    "ke",
    "dari",
    "dengan",
    "untuk",
    "dan",
    "yang",
    "Jakarta",
    "Bandung",
    "Rusia",
    "pada",
    "Senin",
    "kata",
    "dia",
    "masing-masing",
    "Rp",
    "1,5",
    "6.436,48",
    "10.30",
    "WIB",
    "(27/12/2023)",
    "PT",
    "Tbk",
    "Kompas.com",
    "S.H.",
    "iPhone",
    "persen",
    "pemerintah",
    "Selain",
    "itu",
    "AS",
    "https://example.com/a.b",
    "redaksi@kompas.com",
    "Jum'at",
    "Qur'an",
    "R&D",
    "AT&T",
)
ARTIFACTS = (
    " , ",
    " ,",
    ", ,",
    " .",
    " . ",
    "(,)",
    "( )",
    "()",
    "[]",
    '""',
    " ;",
    " : ",
    ".,",
    ". ,",
    "Baca juga: ",
    "Baca Juga :",
    "BACA JUGA:",
    "(Baca: ",
    "ADVERTISEMENT",
    "Lihat juga:",
    "TRIBUNNEWS.COM- ",
    "JAKARTA, KOMPAS.com - ",
    "Liputan6.com, Jakarta ",
    "Jakarta - ",
    "Jakarta, CNN Indonesia -- ",
    "Laporan Wartawan Tribunnews.com, Ilham Rian Pratama",
    "Artikel ini telah tayang di ",
    "Penulis: ",
    "Editor: ",
    "(ant)",
    "(nds/krs)",
    "(*)",
    "&amp;",
    "&amp;quot;",
    "&quot;",
    "&nbsp;",
    "&#8220;",
    "Ã¼",
    "â€œ",
    "Â ",
    "\u00a0",
    "\u200b",
    "\t",
    "\r\n",
    "\r",
    "“",
    "”",
    "‘",
    "’",
    "``",
    "''",
    '"',
    "'",
    "...",
    "…",
    "–",
    "—",
    "--",
    "-",
    "?",
    "!",
    ".",
    ",",
    ":",
    ";",
    "(",
    ")",
    "\x00",
    "\x1b",
)
SEPARATORS = (" ", " ", " ", "", "\n", "\n\n", "\n\n\n", "  ")

fragment = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(ARTIFACTS),
    st.sampled_from(SEPARATORS),
    st.text(any_char, max_size=3),
)
news_text = st.lists(fragment, max_size=60).map("".join)
text = st.one_of(any_text, news_text)

# Clean prose: sentences of plain words, each ending in a full stop, as a
# copy editor would leave them. No step may change it.
_PROSE_WORDS = tuple(w for w in WORDS if w != "Selain")
sentence = st.lists(st.sampled_from(_PROSE_WORDS), min_size=4, max_size=14).map(
    lambda ws: " ".join(ws) + "."
)
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)
clean_prose = st.lists(paragraph, min_size=1, max_size=4, unique=True).map("\n\n".join)
