"""collapse_orphan_punctuation (SPEC §3.8)."""

from __future__ import annotations

import pytest
from hypothesis import example, given

from beritaclean import clean
from beritaclean.steps.glued import split_glued_sentences
from beritaclean.steps.punctuation import (
    collapse_orphan_punctuation,
    collapse_orphan_punctuation_spans,
)
from tests.strategies import clean_prose, text
from tests.timing import MAX_GROWTH, growth

FIXES = [
    # Rule 1: no space before punctuation or a closing bracket, none after an opening one.
    ("Presiden Rusia .", "Presiden Rusia."),
    ("Selain , para pemimpin", "Selain, para pemimpin"),
    ("Benarkah ? Ya !", "Benarkah? Ya!"),
    ("Baca berikut : satu", "Baca berikut: satu"),
    ("pada Jumat ( 27/12/2023 ) lalu", "pada Jumat (27/12/2023) lalu"),
    ("dana [ BOS ] cair", "dana [BOS] cair"),
    # Rule 2: separator runs.
    ("berlangsung di , , energi", "berlangsung di, energi"),
    ("menunjukkan, , melemah", "menunjukkan, melemah"),
    ("perusahaan asal AS,  , Inc", "perusahaan asal AS, Inc"),
    ("satu ; ; dua", "satu; dua"),
    ("naik ,,, turun", "naik, turun"),
    ("di akhir tahun , .", "di akhir tahun."),
    ("pentingnya perencanaan ,.", "pentingnya perencanaan."),
    ("apa kabar , ?", "apa kabar?"),
    # Rule 3: a separator orphaned next to a bracket.
    ("saham PT ,(Persero) naik", "saham PT (Persero) naik"),
    ("saham PT , (Persero) naik", "saham PT (Persero) naik"),
    ("Jakarta - ,(BI) mencatat", "Jakarta - (BI) mencatat"),
    # A separator right after a dateline's dash is orphaned too: the dash
    # already separates (`Jakarta, CNN Indonesia -- , Utama` with the dateline
    # kept as it is).
    ("Jakarta - , Pemerintah menyiapkan dana", "Jakarta - Pemerintah menyiapkan dana"),
    ("Jakarta, CNN Indonesia -- , Utama pemerintah", "Jakarta, CNN Indonesia -- Utama pemerintah"),
    ("JAKARTA – , ; Harga emas naik", "JAKARTA – Harga emas naik"),
    ('ujar dia , "Kami siap"', 'ujar dia "Kami siap"'),
    ("membeli obligasi (,) uangnya", "membeli obligasi uangnya"),
    ("di Surat Berharga Negara ( ,) capai", "di Surat Berharga Negara capai"),
    ("bank sentral (BI ,) menaikkan", "bank sentral (BI) menaikkan"),
    ("bank sentral ( , BI) menaikkan", "bank sentral (BI) menaikkan"),
    # Rule 4: empty brackets and quotes.
    ("kata ( ) dia", "kata dia"),
    ("kata ()dia", "kata dia"),
    ("kata() dia", "kata dia"),
    ("kata [ ] dia {} lagi", "kata dia lagi"),
    ('kata "" dia', "kata dia"),
    ("kata (( )) dia", "kata dia"),
    ("kata () () dia", "kata dia"),
    ("harga naik () .", "harga naik."),
    ("harga naik (),", "harga naik"),
    ("(harga ()) naik", "(harga) naik"),
    ("Jakarta - () Budi datang", "Jakarta - Budi datang"),
    ("Jakarta () - Budi datang", "Jakarta - Budi datang"),
    ("Budi.\n( )\nKemudian", "Budi.\nKemudian"),
    ("Budi.\n\n( )\n\nKemudian", "Budi.\n\nKemudian"),
    # Rule 5: a space after a separator glued to a letter.
    ("bantuan,dari pemerintah", "bantuan, dari pemerintah"),
    ("satu;dua", "satu; dua"),
    ("ciri ekonomi komunis:Dalam praktiknya", "ciri ekonomi komunis: Dalam praktiknya"),
    ("kisaran 8,06250;Sukuk berikutnya", "kisaran 8,06250; Sukuk berikutnya"),
    ("Budi Santoso, S.H.,M.H.", "Budi Santoso, S.H., M.H."),
    ("bantuan ,dari pemerintah", "bantuan, dari pemerintah"),
    # Rule 6: paragraph edges.
    (",Dengan terpaksa dia pulang.", "Dengan terpaksa dia pulang."),
    (", ,Dengan terpaksa", "Dengan terpaksa"),
    (". Hal itu benar.", "Hal itu benar."),
    ("; dan seterusnya.", "dan seterusnya."),
    (": Budi datang.", "Budi datang."),
    ("kata dia,", "kata dia"),
    ("kata dia ;", "kata dia"),
    ("kata dia,\n,Kemudian", "kata dia\nKemudian"),
    ("Budi datang.\n,\nKemudian", "Budi datang.\nKemudian"),
    ("Budi datang.\n\n, ,\n\nKemudian", "Budi datang.\n\nKemudian"),
    (",\nBudi datang.", "Budi datang."),
    ("Budi datang.\n;", "Budi datang."),
    # The list-export comma, as split_glued_sentences removes it.
    ("per tahun.,", "per tahun."),
    ("troy ons., ,", "troy ons."),
    ("pandemi Covid-19. ,Hal tersebut", "pandemi Covid-19. Hal tersebut"),
    ("akhir bulan lalu. , Kemudian", "akhir bulan lalu. Kemudian"),
    ("perencanaan ,.,Mengutip riset", "perencanaan. Mengutip riset"),
    ("tes PCR.,Namun", "tes PCR. Namun"),
    ("Budi. ( ) , Kemudian", "Budi. Kemudian"),
    ("Budi.( ),Kemudian", "Budi. Kemudian"),
]

UNCHANGED = [
    # Ellipses.
    "tunggu ... kata dia …",
    "...dan seterusnya.",
    "…dan seterusnya.",
    "Ya..., begitu.",
    # Numbers, times, dates, reduplication.
    "naik 1,5 persen ke 6.436,48 pada pukul 10.30 WIB atau 10:30.",
    "pada Jumat (27/12/2023), masing-masing mendapat Rp 2.500.000.",
    "skor 2 : 1 untuk tuan rumah.",
    "rasio 1:2 dan ayat 3:16.",
    # URLs, e-mail, domains, code-like text.
    "lihat https://kompas.com/a,b:c;d dan redaksi@kompas.com.",
    "kunjungi www.detik.com/a,b sekarang.",
    ".NET Framework dan Node.js serta std::vector.",
    "kode &nbsp;Budi dan AT&amp;",
    "panggil f(x);",
    # Emoticons.
    "lucu sekali :) kan",
    "sedih :( ya",
    "mantap ;D",
    ":) senyum",
    # Quotes that are not empty, a writer's punctuation.
    '"Ya""Tidak"',
    '"Kenapa Khan?," tanya Mahfud.',
    "Ia berkata: Ya.",
    "Kardashian., yang diperkirakan",
    "buah, sayur, dll., dan lainnya.",
    "(...) dan [...] tetap.",
    "kata (-) tetap.",
]


@pytest.mark.parametrize(("raw", "expected"), FIXES)
def test_fixes(raw: str, expected: str) -> None:
    assert collapse_orphan_punctuation(raw) == expected
    assert collapse_orphan_punctuation(expected) == expected


@pytest.mark.parametrize("raw", UNCHANGED)
def test_leaves_clean_text_alone(raw: str) -> None:
    assert collapse_orphan_punctuation(raw) == raw
    assert collapse_orphan_punctuation_spans(raw) == []


@pytest.mark.parametrize(("raw", "expected"), FIXES)
def test_agrees_with_split_glued_sentences(raw: str, expected: str) -> None:
    # Whichever runs last, the other has nothing left to do.
    out = collapse_orphan_punctuation(split_glued_sentences(raw))
    assert out == expected
    assert split_glued_sentences(out) == out
    assert collapse_orphan_punctuation(out) == out


def test_worked_example_in_the_pipeline() -> None:
    assert clean("Presiden Rusia .\n\nYang mereka bahas di , , energi.") == (
        "Presiden Rusia.\n\nYang mereka bahas di, energi."
    )


def _alnum(s: str) -> list[str]:
    return [c for c in s if c.isalnum()]


@given(raw=text)
@example(raw="( )\n( )")
@example(raw='"" ""')
@example(raw=". ( ) , A")
@example(raw="a ,(b")
@example(raw="! ,;D")
@example(raw="[  ,Nya")
@example(raw=".;(  di,\n[(")
@example(raw="-  - ;  :)Nya")
@example(raw="S.H.,;(  ”2")
def test_total_idempotent_and_keeps_every_letter(raw: str) -> None:
    once = collapse_orphan_punctuation(raw)
    assert collapse_orphan_punctuation(once) == once
    assert _alnum(once) == _alnum(raw)


@given(raw=text)
def test_leaves_nothing_for_split_glued_sentences(raw: str) -> None:
    out = collapse_orphan_punctuation(split_glued_sentences(raw))
    assert collapse_orphan_punctuation(split_glued_sentences(out)) == out


@given(prose=clean_prose)
def test_clean_prose_unchanged(prose: str) -> None:
    assert collapse_orphan_punctuation(prose) == prose


@pytest.mark.parametrize("unit", [" ,", "di , ", "a.", ".,", "(", "( )", '"', "(()", "a:b"])
def test_linear_time(unit: str) -> None:
    def make(size: int) -> str:
        return unit * (size // len(unit))

    assert growth(collapse_orphan_punctuation_spans, make, rounds=1) < MAX_GROWTH
