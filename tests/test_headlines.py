"""``dedupe_headlines`` (SPEC §3.6): copies of the headline and of the title."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from beritaclean.steps.headlines import (
    dedupe_headlines,
    dedupe_headlines_spans,
    is_headline_like,
)
from tests.strategies import clean_prose, text
from tests.timing import MAX_GROWTH, growth

if TYPE_CHECKING:
    from collections.abc import Callable


# Time on 1 MB over time on 100 KB: linear work gives about 10, quadratic 100.

HEADLINE = "Donald Trump dan Vladimir Putin Bahas Ukraina Melalui Telepon"
LEAD = "TRIBUNNEWS.COM - Presiden AS Donald Trump menelepon Presiden Rusia pada Rabu."
BODY = "Keduanya sepakat memulai negosiasi untuk mengakhiri perang, kata Trump."


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # An exact repeat of the headline, right under it.
        (f"{HEADLINE}\n\n{HEADLINE}\n\n{LEAD}", f"{HEADLINE}\n\n{LEAD}"),
        # Case, spacing and punctuation do not matter.
        (
            (
                f"{HEADLINE}\n\ndonald trump dan vladimir putin,  bahas ukraina melalui telepon!"
                f"\n\n{LEAD}"
            ),
            f"{HEADLINE}\n\n{LEAD}",
        ),
        # The seed's shape: headline, a paragraph, the repeat, a degraded copy.
        (
            (
                f"{HEADLINE}\n\n{BODY}\n\n{HEADLINE}\n\n"
                f"Donald Trump dan Putin Bahas Melalui Telepon\n\n{LEAD}"
            ),
            f"{HEADLINE}\n\n{BODY}\n\n{LEAD}",
        ),
        # A degraded copy first: the full version moves up into its place.
        (
            f"Trump dan Putin Bahas Ukraina\n\n{HEADLINE}\n\n{LEAD}",
            f"{HEADLINE}\n\n{LEAD}",
        ),
        (
            f"Trump dan Putin Bahas Ukraina\n\n{BODY}\n\n{HEADLINE}\n\n{LEAD}",
            f"{HEADLINE}\n\n{BODY}\n\n{LEAD}",
        ),
        # Single line breaks, as many scrapers leave them.
        (f"{HEADLINE}\n{HEADLINE}\n{LEAD}\n{BODY}", f"{HEADLINE}\n{LEAD}\n{BODY}"),
        # A page-break repeat of the headline deep in the body goes too.
        (
            f"{HEADLINE}\n\n{LEAD}\n\n" + f"{BODY}\n\n" * 6 + f"{HEADLINE}\n\n{BODY}",
            f"{HEADLINE}\n\n{LEAD}\n\n" + f"{BODY}\n\n" * 6 + BODY,
        ),
        # A repeat at the very end takes its separator with it.
        (f"{HEADLINE}\n\n{LEAD}\n\n{HEADLINE}", f"{HEADLINE}\n\n{LEAD}"),
        ("Judul Berita Hari Ini\n\n" * 4 + "Isi berita.", "Judul Berita Hari Ini\n\nIsi berita."),
    ],
)
def test_removes_headline_copies(raw: str, expected: str) -> None:
    assert dedupe_headlines(raw) == expected


@pytest.mark.parametrize(
    ("raw", "title", "expected"),
    [
        # An exact copy of the title as the first line.
        (f"{HEADLINE}\n\n{LEAD}", HEADLINE, LEAD),
        (f"{HEADLINE}\n\n{LEAD}", f"  {HEADLINE.upper()}!  ", LEAD),
        # A degraded copy of it.
        (f"Trump dan Putin Bahas Ukraina Telepon\n\n{LEAD}", HEADLINE, LEAD),
        # Both, one after the other.
        (f"{HEADLINE}\n{HEADLINE}\nTrump dan Putin Bahas Ukraina\n{LEAD}", HEADLINE, LEAD),
        # Glued to the reporter line or the dateline that follows.
        (
            (
                "Persib Siap Tampil Habis-habisan Musim IniLaporan wartawan TribunJabar.id, Nama\n"
                "TRIBUNJABAR.ID, BANDUNG - Persib siap."
            ),
            "Persib Siap Tampil Habis-habisan Musim Ini",
            "Laporan wartawan TribunJabar.id, Nama\nTRIBUNJABAR.ID, BANDUNG - Persib siap.",
        ),
        (
            "Judul Berita Hari IniTRIBUNNEWS.COM - Isi berita.",
            "Judul Berita Hari Ini",
            "TRIBUNNEWS.COM - Isi berita.",
        ),
        ("Apa Kata Jokowi?Laporan Wartawan X", "Apa kata Jokowi?", "Laporan Wartawan X"),
        # The title and a headline repeat of it further down.
        (f"{HEADLINE}\n\n{LEAD}\n\n{BODY}", HEADLINE, f"{LEAD}\n\n{BODY}"),
    ],
)
def test_removes_title_copies_at_the_start(raw: str, title: str, expected: str) -> None:
    assert dedupe_headlines(raw, title=title) == expected


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        # No title, an empty one, one of spaces or punctuation only.
        (f"{HEADLINE}\n\n{LEAD}", None),
        (f"{HEADLINE}\n\n{LEAD}", ""),
        (f"{HEADLINE}\n\n{LEAD}", "   "),
        (f"{HEADLINE}\n\n{LEAD}", " - "),
        # The title's words open a sentence: not a copy.
        ("Harga Emas Naik tajam pada Senin pagi.", "Harga Emas Naik"),
        ("Harga Emas Naiknya Tidak Terduga", "Harga Emas Naik"),
        ("Harga Emas Naik - Laporan Wartawan X", "Harga Emas Naik"),
        # A title of one or two words glued on is likely a name: `PersibTV`.
        ("PersibTV merilis video latihan.", "Persib"),
        ("Persib BandungTV merilis video latihan.", "Persib Bandung"),
        # The title's copy not at the start stays.
        (f"{LEAD}\n\n{HEADLINE}\n\n{BODY}", HEADLINE),
        (f"{LEAD}\n\nTrump dan Putin Bahas Ukraina\n\n{BODY}", HEADLINE),
        # A first line that shares only a few of the title's words stays.
        (f"Putin Bahas Perang\n\n{LEAD}", HEADLINE),
        # A first line longer than the title is no copy of it.
        (f"{HEADLINE} Hari Ini\n\n{LEAD}", HEADLINE),
    ],
)
def test_keeps_text_that_is_no_title_copy(raw: str, title: str | None) -> None:
    assert dedupe_headlines(raw, title=title) == raw


@pytest.mark.parametrize(
    "raw",
    [
        # A headline-shaped body sentence (lost its full stop) and a subhead.
        (
            f"{LEAD}\n\nCandaan itu dilontarkan Cak Imin di depan para mahasiswa di Yogyakarta\n\n"
            "Tanggapan Cak Imin\n\nIa menjawab dengan santai."
        ),
        # A subhead whose words are all in the headline, far from it.
        "Tanggapan Cak Imin soal Debat Cawapres\n\n"
        + LEAD
        + "\n\n"
        + f"{BODY}\n\n" * 6
        + "Tanggapan Cak Imin\n\nIa menjawab.",
        # A short line whose words happen to be in a long headline.
        f"Menurut Dia Pemerintah Harus Bertindak Cepat Atasi Banjir\n\n{LEAD}\n\n"
        + f"{BODY}\n\n" * 6
        + "Menurut dia\n\nBanjir datang lagi.",
        # Two lists that share a row: the rows are no headlines.
        (
            f"{LEAD}\n\nAnies Baswedan-Muhaimin Iskandar\nJawa Barat: 32,2 persen\n"
            "Jakarta dan Banten: 35,2 persen\nPrabowo Subianto-Gibran Rakabuming Raka\n"
            "Jawa Barat: 50,9 persen\nJakarta dan Banten: 35,2 persen"
        ),
        # Rows shaped like a degraded copy of one another, after the lead.
        f"{LEAD}\nHasil survei di Jawa Barat dan Banten\nJawa Barat dan Banten",
        # Repeated short captions and credits are not headlines.
        f"{LEAD}\n\nFoto: dok.\n\n{BODY}\n\nFoto: dok.",
        f"{LEAD}\n\nFoto: dok pribadi\n\n{BODY}\n\nFoto: dok pribadi",
        # A repeated body paragraph is dedupe_paragraphs' business.
        f"{HEADLINE}\n\n{LEAD}\n\n{BODY}\n\n{BODY}",
        # A first line with the title's words that is a sentence.
        "Harga Emas Naik.\n\nIsi berita.",
        # Lines without words.
        "***\n\n***\n\nIsi berita.",
        "",
        HEADLINE,
    ],
)
def test_must_not_change(raw: str) -> None:
    assert dedupe_headlines(raw) == raw


def test_two_word_headline_repeat_in_the_head_goes() -> None:
    assert dedupe_headlines("Breaking News\n\nbreaking news!\n\nIsi.") == "Breaking News\n\nIsi."


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (HEADLINE, True),
        ("Apa Kata Jokowi?", True),
        ("Luar Biasa!", True),
        ("Kata dia.", False),
        ("Harga naik,", False),
        ("Berikut daftarnya:", False),
        ('"Kami siap menang"', False),
        ("", False),
        ("   ", False),
        (" ".join(["kata"] * 25), True),
        (" ".join(["kata"] * 26), False),
    ],
)
def test_is_headline_like(line: str, expected: bool) -> None:  # noqa: FBT001
    assert is_headline_like(line) is expected


titles = st.one_of(st.none(), text, st.sampled_from(["", " ", HEADLINE, "Judul Berita"]))


@given(raw=text, title=titles)
@example(raw="A B CA B CLaporan", title="A B C")
@example(raw="x y z\nX Y Z W\nx y z w v u\n", title=None)
@example(raw="a b c d\n\na b c\n\na b c d e f\n\nx.", title="a b c d e f")
def test_idempotent_and_total(raw: str, title: str | None) -> None:
    once = dedupe_headlines(raw, title=title)
    assert dedupe_headlines(once, title=title) == once


@given(raw=text, title=titles)
def test_spans_are_sorted_and_disjoint(raw: str, title: str | None) -> None:
    last = 0
    for start, end, _ in dedupe_headlines_spans(raw, title=title):
        assert last <= start <= end <= len(raw)
        last = end


def _paragraph_counts(text_: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for line in text_.split("\n"):
        if line.strip():
            counts[line.strip()] = counts.get(line.strip(), 0) + 1
    return counts


@given(raw=st.one_of(text, clean_prose), title=titles)
def test_never_removes_a_unique_body_paragraph(raw: str, title: str | None) -> None:
    # A paragraph that occurs once and is not headline-like stays, word for word
    # (a title copy glued in front of it may go).
    out = dedupe_headlines(raw, title=title)
    kept = _paragraph_counts(out)
    for line, count in _paragraph_counts(raw).items():
        if count == 1 and not is_headline_like(line):
            assert line in kept or any(k and line.endswith(k) for k in kept), line


@pytest.mark.parametrize(
    "make",
    [
        # The same headline over and over.
        lambda size: ("Judul Berita Hari Ini\n\n" * (size // 23))[:size],
        # Many distinct headline-like lines: no comparison of all pairs.
        lambda size: "\n".join(f"Judul Berita Nomor {i} Hari Ini" for i in range(size // 30)),
        # Long body paragraphs, repeated.
        lambda size: (f"{BODY} " * 20 + "\n\n") * (size // 1500),
        # One huge line.
        lambda size: "Judul " * (size // 6),
    ],
)
def test_linear_time(make: Callable[[int], str]) -> None:
    assert (
        growth(lambda doc: dedupe_headlines(doc, title="Judul Berita Hari Ini"), make) < MAX_GROWTH
    )


# Documents of short lines over a few words: copies, degraded copies and
# glued titles are common here, unlike in random text.
_word = st.sampled_from(["Judul", "berita", "Hari", "ini", "Putin", "Trump", "Laporan", "X"])
_line = st.tuples(
    st.lists(_word, max_size=7).map(" ".join),
    st.sampled_from(["", "", ".", "!", "?", ",", ":"]),
).map("".join)
headline_docs = st.tuples(
    st.lists(_line, max_size=10), st.sampled_from(["\n", "\n\n", "\n \n"])
).map(lambda t: t[1].join(t[0]))
headline_titles = st.one_of(
    st.none(), st.lists(_word, max_size=6).map(" ".join), st.sampled_from(["Judul berita Hari"])
)


@given(raw=headline_docs, title=headline_titles)
def test_idempotent_on_headline_shaped_documents(raw: str, title: str | None) -> None:
    once = dedupe_headlines(raw, title=title)
    assert dedupe_headlines(once, title=title) == once
    for line, count in _paragraph_counts(raw).items():
        if count == 1 and not is_headline_like(line):
            assert any(k and line.endswith(k) for k in _paragraph_counts(once)), line
