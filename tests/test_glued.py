"""split_glued_sentences (SPEC §3.3)."""

from __future__ import annotations

import pytest
from hypothesis import example, given

from beritaclean.steps.glued import split_glued_sentences, split_glued_sentences_spans
from tests.strategies import clean_prose, text
from tests.timing import MAX_GROWTH, growth

FIXES = [
    # A terminator glued to a capitalised word.
    (
        "kata Megawati Soekarnoputri.Budi pun menyebut",
        "kata Megawati Soekarnoputri. Budi pun menyebut",
    ),
    ('sejak awal tahun 2022."Kalau dia mau', 'sejak awal tahun 2022. "Kalau dia mau'),
    (
        "pelaku berinisial S.Menurut keterangan polisi",
        "pelaku berinisial S. Menurut keterangan polisi",
    ),
    ("Selasa (29/3/2022).Ini daftar lengkapnya", "Selasa (29/3/2022). Ini daftar lengkapnya"),
    ("ditutup di level 724,08.Sepanjang pekan", "ditutup di level 724,08. Sepanjang pekan"),
    ("melemah 0,36%.Sebanyak 200 saham", "melemah 0,36%. Sebanyak 200 saham"),
    ("Benarkah?Ternyata tidak", "Benarkah? Ternyata tidak"),
    ("Luar biasa!Semua senang", "Luar biasa! Semua senang"),
    ("lewat aplikasi Vidio.com.Dari Liga Inggris", "lewat aplikasi Vidio.com. Dari Liga Inggris"),
    ("ikuti akun @infobmkg.Akan ada kabar", "ikuti akun @infobmkg. Akan ada kabar"),
    ("harga Rp 1.500.Sementara itu", "harga Rp 1.500. Sementara itu"),
    # An all-capital word after a number, % or a closing bracket.
    ("ditutup di 6.450,83.IHSG menguat", "ditutup di 6.450,83. IHSG menguat"),
    ("Selasa (22/1/2019).JII juga naik", "Selasa (22/1/2019). JII juga naik"),
    ("naik 2%.BEI mencatat", "naik 2%. BEI mencatat"),
    # Straight quotes: opening when the quotes before are balanced.
    ('pulang larut malam."Pelaku sudah kabur', 'pulang larut malam. "Pelaku sudah kabur'),
    (
        '"Kami pulang larut malam."Pelaku sudah kabur',
        '"Kami pulang larut malam." Pelaku sudah kabur',
    ),
    ('"Dia datang," katanya malam."Saya lihat', '"Dia datang," katanya malam. "Saya lihat'),
    ("kata dia.“Kami siap", "kata dia. “Kami siap"),
    ("“Kami siap.”Lalu dia pergi", "“Kami siap.” Lalu dia pergi"),
    ("(lihat foto.)Kemudian dia", "(lihat foto.) Kemudian dia"),
    # The list-export comma.
    ('peserta (PPU).,"Bulan lalu saya sakit', 'peserta (PPU). "Bulan lalu saya sakit'),
    ("pada Selasa (13/6).,Padahal harga naik", "pada Selasa (13/6). Padahal harga naik"),
    ("hasil tes PCR.,Namun dia tetap", "hasil tes PCR. Namun dia tetap"),
    ("pandemi Covid-19. ,Hal tersebut", "pandemi Covid-19. Hal tersebut"),
    ("sebesar 3 persen per tahun.,", "sebesar 3 persen per tahun."),
    ("sebesar 3 persen per tahun.,\nBudi datang", "sebesar 3 persen per tahun.\nBudi datang"),
    ("harga emas per troy ons., ,", "harga emas per troy ons."),
    ("kata Budi., , Sementara itu", "kata Budi. Sementara itu"),
    ("dolar AS lalu.,IMF menilai", "dolar AS lalu. IMF menilai"),
    ("senilai 2 miliar USD.,Sementara itu", "senilai 2 miliar USD. Sementara itu"),
    (
        "dikutip dari CNNIndonesia.com.,Sementara itu",
        "dikutip dari CNNIndonesia.com. Sementara itu",
    ),
    # A link's text glued to a function word.
    ("berpasangan denganFajar Alfian", "berpasangan dengan Fajar Alfian"),
    ("dipamerkan diMuseum Nasional", "dipamerkan di Museum Nasional"),
    ("berangkat keBandung dariJakarta", "berangkat ke Bandung dari Jakarta"),
    ("ditemui bersamaKapolri danProject Manager", "ditemui bersama Kapolri dan Project Manager"),
    ("pejabat yangMulia itu", "pejabat yang Mulia itu"),
    ("hadir diDPR kemarin", "hadir di DPR kemarin"),
]

UNCHANGED = [
    # Domains, URLs, e-mail addresses.
    "dilansir Kompas.com, Kompas.TV, detik.com dan TRIBUNNEWS.COM.",
    "menurut CNNIndonesia.com dan Kontan.co.id serta Tribunnews.Com hari ini.",
    "lihat https://www.kompas.com/Berita.Html?id=Abc dan www.Detik.com/Read.",
    "kirim ke redaksi@kompas.com.Kemudian tunggu balasan.",
    # Case numbers, initials, abbreviations.
    "perkara nomor 757/Pdt.G/2022/PT.Jkt.Pst yang diputus.",
    "sesuai KEP.GBI/2009 tentang tata cara.",
    "Budi Santoso, S.H., M.H. dan U.S. Army serta a.n. Siti.",
    "Budi Santoso, S.H.,M.H. hadir.",
    "R.A.Kartini dan K.H.Ma'ruf Amin hadir.",
    "saham PT.Pertamina dan Tbk.Bank serta Dr.Budi dan Prof.Dr.Ir.Siti hadir.",
    # Brands and glued capitals that are not links.
    "pakai iPhone di McDonald sambil menonton YouTube dan eKTP.",
    "berserah kepadaNya, bersamaMu dan untukKu.",
    "tagar #diRumahAja dan akun @diJakarta ramai.",
    # A writer's own comma before a speech verb, a closing quote, lowercase.
    '"Kenapa Khan?," tanya Mahfud.',
    'produk layanannya."ungkap Jan Hendra.',
    "buah, sayur, dll., dan lainnya.",
    "juta.,dari pemerintah pusat.",
    # Ellipses, numbers, times, dates.
    "tunggu...Kemudian dia datang.",
    "naik 1,5 persen ke 6.436,48 pada pukul 10.30 WIB, Jumat (27/12/2023).",
    "harga 2.500.000 rupiah dan v1.2.3 serta Node.js.",
    "masing-masing mendapat Rp 5 juta.",
    "Ia berkata: Ya.",
]


@pytest.mark.parametrize(("raw", "expected"), FIXES)
def test_fixes(raw: str, expected: str) -> None:
    assert split_glued_sentences(raw) == expected
    assert split_glued_sentences(expected) == expected


@pytest.mark.parametrize("raw", UNCHANGED)
def test_leaves_clean_text_alone(raw: str) -> None:
    assert split_glued_sentences(raw) == raw
    assert split_glued_sentences_spans(raw) == []


def _alnum(s: str) -> list[str]:
    return [c for c in s if c.isalnum()]


@given(raw=text)
@example(raw='a."B"."C')
@example(raw=".,\n,")
@example(raw='x?,"A')
@example(raw="!Ab.Nya")
@example(raw="]ab[diAb!“Ahttp://'")
@example(raw='A@!"Ab{.Nya”')
def test_total_idempotent_and_keeps_every_letter(raw: str) -> None:
    once = split_glued_sentences(raw)
    assert split_glued_sentences(once) == once
    assert _alnum(once) == _alnum(raw)


@given(prose=clean_prose)
def test_clean_prose_unchanged(prose: str) -> None:
    assert split_glued_sentences(prose) == prose


@pytest.mark.parametrize(
    "unit", [" ,", "di , ", "a.", ".,", "(", "( )", "aa.Bb ", "a.,B", "diJakarta "]
)
def test_linear_time(unit: str) -> None:
    def make(size: int) -> str:
        return unit * (size // len(unit))

    assert growth(split_glued_sentences_spans, make, rounds=1) < MAX_GROWTH
