"""normalize_quotes (SPEC §3.9): ascii, typographic and keep modes, inner spaces."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from beritaclean.edits import apply_spans
from beritaclean.steps import quotes
from beritaclean.steps.quotes import QUOTE_MODES, normalize_quotes, normalize_quotes_spans
from tests.strategies import clean_prose, text
from tests.timing import MAX_GROWTH, growth

if TYPE_CHECKING:
    from collections.abc import Callable

CURLY = "“”„‟«»″〝〞＂‘’‚‛′‹›`"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("“Kami siap,” kata dia.", '"Kami siap," kata dia.'),
        (
            "„Ya“ dan «Tidak» serta 〝Baik〞 atau ＂Oke＂",
            '"Ya" dan "Tidak" serta "Baik" atau "Oke"',
        ),
        ("tinggi 5″ dan 3′", "tinggi 5\" dan 3'"),
        ("``Kami siap'' kata dia", '"Kami siap" kata dia'),
        ("‘‘Kami’’ kata dia", '"Kami" kata dia'),
        ("hari Jum’at dan Qur‘an, `kata` ‹itu› ‚ya‛", "hari Jum'at dan Qur'an, 'kata' 'itu' 'ya'"),
        # Spaces inside a quotation, pairing certain.
        ('" panjang " kata dia', '"panjang" kata dia'),
        ("“ Kami akan mulai ” kata Trump", '"Kami akan mulai" kata Trump'),
        ('"Ya," kata dia. "Tidak " jawabnya.', '"Ya," kata dia. "Tidak" jawabnya.'),
        ('Ia menyebut "  kredit macet  ".', 'Ia menyebut "kredit macet".'),
        ('baris satu\n" dua "', 'baris satu\n"dua"'),
    ],
)
def test_ascii(raw: str, expected: str) -> None:
    assert normalize_quotes(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('"Kami siap," kata dia.', "“Kami siap,” kata dia."),
        ('" panjang " kata dia', "“panjang” kata dia"),
        ("hari Jum'at dan Qur'an", "hari Jum’at dan Qur’an"),
        ("angkatan '98 dan '80-an", "angkatan ’98 dan ’80-an"),
        ("'tuk kamu", "’tuk kamu"),
        ("istilah 'anak emas' itu", "istilah ‘anak emas’ itu"),
        ("``Kami siap'' kata dia", "“Kami siap” kata dia"),
        ('(“Ya," katanya)', "(“Ya,” katanya)"),
        # Unbalanced: decided mark by mark, by context.
        ('Ia berkata, "Kami siap.', "Ia berkata, “Kami siap."),
        ('Kami siap." Lalu', "Kami siap.” Lalu"),
        # Cannot tell: stays straight.
        ('a " b', 'a " b'),
        # An empty quotation is collapse_orphan_punctuation's.
        ('kata "" dia', 'kata "" dia'),
        # Curly quotes already there stay.
        ("«Kami» dan „Ya“", "«Kami» dan „Ya“"),
    ],
)
def test_typographic(raw: str, expected: str) -> None:
    assert normalize_quotes(raw, mode="typographic") == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("“Kami siap,” kata dia.", "“Kami siap,” kata dia."),
        ("“ Kami ” dan “ Ya ”", "“Kami” dan “Ya”"),
        ('" panjang " kata dia', '"panjang" kata dia'),
        ("``Kami'' kata Jum’at", "``Kami'' kata Jum’at"),
    ],
)
def test_keep(raw: str, expected: str) -> None:
    assert normalize_quotes(raw, mode="keep") == expected


@pytest.mark.parametrize("mode", QUOTE_MODES)
@pytest.mark.parametrize(
    "raw",
    [
        # Odd number of marks: pairing uncertain, spaces stay.
        'Ia berkata " kami siap',
        '"Ya," kata dia " lalu',
        # Even, but a mark's role contradicts its place: a mark was lost.
        'kata dia" lalu "pergi',
        'hasilnya" kata dia " besok',
    ],
)
def test_uncertain_pairing_keeps_spaces(mode: str, raw: str) -> None:
    out = normalize_quotes(raw, mode=mode)  # type: ignore[arg-type]
    assert out.count(" ") == raw.count(" ")


@pytest.mark.parametrize("mode", ["typographic", "keep"])
def test_mismatched_curly_pair_keeps_spaces(mode: str) -> None:
    # Ascii mode straightens the marks first, and then the pair is a pair.
    raw = "kata ” lalu “ pergi"
    assert normalize_quotes(raw, mode=mode) == raw  # type: ignore[arg-type]


@pytest.mark.parametrize("mode", QUOTE_MODES)
@pytest.mark.parametrize(
    "clean",
    [
        "Harga emas naik 1,5 persen menjadi Rp 6.436,48 per gram.",
        "Menurut Kompas.com, masing-masing peserta hadir di AT&T dan R&D.",
        "Pukul 10.30 WIB (27/12/2023) semua hadir.",
        "",
    ],
)
def test_clean_prose_without_quotes_unchanged(mode: str, clean: str) -> None:
    assert normalize_quotes_spans(clean, mode=mode) == []  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "clean",
    [
        '"Kami siap," kata Budi pada hari Jum\'at di Kompas.com.',
        'Ia membaca Qur\'an; "masing-masing" hadir.',
        '"Ya." "Tidak."',
    ],
)
def test_ascii_leaves_clean_ascii_quotes(clean: str) -> None:
    assert normalize_quotes(clean) == clean


def test_invalid_mode_names_the_choices() -> None:
    with pytest.raises(ValueError, match="'ascii', 'typographic', 'keep'"):
        normalize_quotes("teks", mode="curly")  # type: ignore[arg-type]


@pytest.mark.parametrize("mode", QUOTE_MODES)
@given(raw=text)
@example(raw="kata'’ lalu")
@example(raw="'' ' '")
@example(raw='"" " "')
def test_idempotent_and_total(mode: str, raw: str) -> None:
    once = normalize_quotes(raw, mode=mode)  # type: ignore[arg-type]
    assert normalize_quotes(once, mode=mode) == once  # type: ignore[arg-type]
    spans = normalize_quotes_spans(raw, mode=mode)  # type: ignore[arg-type]
    assert apply_spans(raw, spans) == once


@given(raw=text)
def test_ascii_leaves_no_curly_quote(raw: str) -> None:
    out = normalize_quotes(raw)
    assert not any(c in CURLY for c in out)


@pytest.mark.parametrize("mode", QUOTE_MODES)
@given(raw=text)
def test_never_removes_a_letter_or_digit(mode: str, raw: str) -> None:
    out = normalize_quotes(raw, mode=mode)  # type: ignore[arg-type]
    assert [c for c in out if c.isalnum()] == [c for c in raw if c.isalnum()]


@pytest.mark.parametrize("mode", QUOTE_MODES)
@given(prose=clean_prose)
def test_clean_prose_unchanged(mode: str, prose: str) -> None:
    expected = prose.replace("'", "’") if mode == "typographic" else prose
    assert normalize_quotes(prose, mode=mode) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("mode", "make"),
    [
        ("ascii", lambda n: "“" * n),
        ("ascii", lambda n: "‘’" * (n // 2)),
        ("ascii", lambda n: '" a "' * (n // 5)),
        ("keep", lambda n: "\n" * n),
        ("keep", lambda n: "“ a ”" * (n // 5)),
        ("typographic", lambda n: '"' * n),
        ("typographic", lambda n: "'a" * (n // 2)),
        ("typographic", lambda n: '"\n' * (n // 2)),
    ],
)
def test_linear_time(mode: str, make: Callable[[int], str]) -> None:
    assert growth(lambda text: normalize_quotes(text, mode=mode), make) < MAX_GROWTH  # type: ignore[arg-type]


@given(raw=text | st.text(st.sampled_from(list('"“”«» \n,.a(K_²')), max_size=40))
@example(raw='kata " Kami "')
@example(raw='kata "siap ", lalu')
@example(raw='_" a"')
@example(raw='(" a ")\n"b"')
def test_only_paragraphs_without_inner_space_candidates_are_skipped(raw: str) -> None:
    # Pairing only paragraphs with a candidate finds what pairing all of them does.
    every_paragraph = [
        span
        for start, end, _ in quotes._lines_with_marks(raw)  # noqa: SLF001
        for span in quotes._line_inner_space_spans(raw, start, end)  # noqa: SLF001
    ]
    assert quotes._inner_space_spans(raw) == every_paragraph  # noqa: SLF001


@given(raw=text | st.text(st.sampled_from([*CURLY, "'", '"', "a", " ", "\n"]), max_size=40))
@example(raw="“”’'`'‘")
@example(raw="''a'''")
def test_ascii_runs_are_the_patterns(raw: str) -> None:
    # The marks found one kind at a time make the runs ASCII_QUOTE_RE finds.
    expected = []
    for m in quotes.ASCII_QUOTE_RE.finditer(raw):
        run = m.group()
        pairs, left = divmod(len(run), 2)
        new = '"' * len(run) if run[0] in quotes._DOUBLE else '"' * pairs + "'" * left  # noqa: SLF001
        if new != run:
            expected.append((m.start(), m.end(), new))
    assert quotes._ascii_spans(raw) == expected  # noqa: SLF001
