"""fix_bylines and parse_byline (SPEC §3.5)."""

from __future__ import annotations

import pickle
import re
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import beritaclean
from beritaclean.steps.bylines import (
    BYLINE_MODES,
    OUTLETS,
    PLACES,
    Byline,
    fix_bylines,
    fix_bylines_spans,
    parse_byline,
)
from tests.strategies import clean_prose, text
from tests.timing import MAX_GROWTH, growth

if TYPE_CHECKING:
    from collections.abc import Callable

BODY = "Harga cabai rawit di pasar tradisional naik tajam sejak pekan lalu."


# ---------------------------------------------------------------------------
# parse_byline: one row for every dateline form of every outlet in the data.


def _table_rows() -> list[Any]:
    rows = []
    for outlet in OUTLETS:
        for domain in outlet["domains"]:
            for form in outlet["datelines"]:
                if "{outlet}" not in form:
                    continue
                place = "JAKARTA" if "{place}" in form else None
                dateline = form.replace("{outlet}", domain).replace("{place}", "JAKARTA")
                rows.append(pytest.param(dateline, domain, place, id=f"{domain}|{form}"))
    return rows


@pytest.mark.parametrize(("dateline", "outlet", "place"), _table_rows())
def test_every_outlet_form_in_the_data_parses(
    dateline: str, outlet: str, place: str | None
) -> None:
    raw = f"{dateline}{BODY}"
    assert parse_byline(raw) == Byline(outlet, place, None, 0, len(dateline))
    # The data's own forms are already normal; strip leaves the lead.
    assert fix_bylines(raw) == raw
    assert fix_bylines(raw, mode="strip") == BODY


def test_the_data_has_the_outlets_the_issue_names() -> None:
    names = {o["name"] for o in OUTLETS}
    wanted = {
        "Tribunnews", "Serambinews", "Tribun Jateng", "Surya", "Warta Kota", "Tribun Medan",
        "Banjarmasin Post", "Pos Kupang", "Tribun Jabar", "Tribun Jogja", "Kompas", "detik",
        "Liputan6", "CNN Indonesia", "CNBC Indonesia", "Antara", "Tempo", "Kontan", "Bisnis",
        "Merdeka", "Okezone", "Sindonews", "Suara", "Republika", "IDN Times", "JPNN", "VIVA",
        "Kumparan", "iNews", "Medcom", "JawaPos", "Pikiran Rakyat",
    }  # fmt: skip
    assert wanted <= names
    assert len(OUTLETS) >= 25


def test_the_place_list_has_every_province_and_the_capitals() -> None:
    for place in ("Aceh", "Papua Pegunungan", "Kalimantan Utara", "Jakarta", "Kupang",
                  "Sleman", "Labuan Bajo", "Tokyo", "Kairo", "Washington"):  # fmt: skip
        assert place in PLACES
    assert len(beritaclean.data.load_table("places")["provinces"]) >= 38


def test_every_listed_place_opens_a_bare_dateline() -> None:
    for place in sorted(PLACES):
        dateline = f"{place} - "
        assert parse_byline(f"{dateline}{BODY}") == Byline(None, place, None, 0, len(dateline))
        upper = f"{place.upper()} – "
        assert parse_byline(f"{upper}{BODY}") == Byline(None, place.upper(), None, 0, len(upper))


@pytest.mark.parametrize(
    ("raw", "outlet", "place", "reporter", "span"),
    [
        ("TRIBUNNEWS.COM- Presiden AS bertemu.", "TRIBUNNEWS.COM", None, None, (0, 16)),
        ("TRIBUNNEWS.COM, JAKARTA - Isi.", "TRIBUNNEWS.COM", "JAKARTA", None, (0, 26)),
        ("SERAMBINEWS.COM – Isi.", "SERAMBINEWS.COM", None, None, (0, 18)),
        ("TRIBUNJATENG.COM, SEMARANG - Isi.", "TRIBUNJATENG.COM", "SEMARANG", None, (0, 29)),
        ("SURYA.co.id, SURABAYA - Isi.", "SURYA.co.id", "SURABAYA", None, (0, 24)),
        ("WARTAKOTALIVE.COM, BEKASI--Isi.", "WARTAKOTALIVE.COM", "BEKASI", None, (0, 27)),
        ("TRIBUN-MEDAN.com, MEDAN - Isi.", "TRIBUN-MEDAN.com", "MEDAN", None, (0, 26)),
        ("BANJARMASINPOST.CO.ID - Isi.", "BANJARMASINPOST.CO.ID", None, None, (0, 24)),
        ("POS-KUPANG.COM, KUPANG - Isi.", "POS-KUPANG.COM", "KUPANG", None, (0, 25)),
        ("TribunJabar.id, BANDUNG - Isi.", "TribunJabar.id", "BANDUNG", None, (0, 26)),
        ("TRIBUNJOGJA.COM, SLEMAN - Isi.", "TRIBUNJOGJA.COM", "SLEMAN", None, (0, 26)),
        ("JAKARTA, KOMPAS.com - Isi.", "KOMPAS.com", "JAKARTA", None, (0, 22)),
        ("KOMPAS.com — Isi.", "KOMPAS.com", None, None, (0, 13)),
        ("BANDUNG BARAT, KOMPAS.com - Isi.", "KOMPAS.com", "BANDUNG BARAT", None, (0, 28)),
        ("Jakarta - Isi berita.", None, "Jakarta", None, (0, 10)),
        ("Liputan6.com, Jakarta - Isi.", "Liputan6.com", "Jakarta", None, (0, 24)),
        ("Liputan6.com, Jakarta Keutamaan puasa.", "Liputan6.com", "Jakarta", None, (0, 22)),
        ("Jakarta, CNN Indonesia -- Isi.", "CNN Indonesia", "Jakarta", None, (0, 26)),
        ("Jakarta, CNBC Indonesia - Isi.", "CNBC Indonesia", "Jakarta", None, (0, 26)),
        ("Jakarta (ANTARA) - Isi.", "ANTARA", "Jakarta", None, (0, 19)),
        ("TEMPO.CO, Jakarta - Isi.", "TEMPO.CO", "Jakarta", None, (0, 20)),
        ("KONTAN.CO.ID - JAKARTA. Isi.", "KONTAN.CO.ID", "JAKARTA", None, (0, 24)),
        ("Bisnis.com, JAKARTA – Isi.", "Bisnis.com", "JAKARTA", None, (0, 22)),
        ("Merdeka.com - Isi.", "Merdeka.com", None, None, (0, 14)),
        ("Okezone.com, Jakarta - Isi.", "Okezone.com", "Jakarta", None, (0, 23)),
        ("JAKARTA - Isi berita.", None, "JAKARTA", None, (0, 10)),
        ("SINDOnews.com, JAKARTA - Isi.", "SINDOnews.com", "JAKARTA", None, (0, 25)),
        ("Suara.com - Isi.", "Suara.com", None, None, (0, 12)),
        ("REPUBLIKA.CO.ID, JAKARTA -- Isi.", "REPUBLIKA.CO.ID", "JAKARTA", None, (0, 28)),
        ("Jakarta, IDN Times - Isi.", "IDN Times", "Jakarta", None, (0, 21)),
        ("jpnn.com, JAKARTA - Isi.", "jpnn.com", "JAKARTA", None, (0, 20)),
        ("VIVA – Isi.", "VIVA", None, None, (0, 7)),
        ("kumparan - Isi.", "kumparan", None, None, (0, 11)),
        ("JAKARTA, iNews.id - Isi.", "iNews.id", "JAKARTA", None, (0, 20)),
        ("Medcom.id, Jakarta - Isi.", "Medcom.id", "Jakarta", None, (0, 21)),
        ("JawaPos.com - Isi.", "JawaPos.com", None, None, (0, 14)),
        ("PIKIRAN RAKYAT - Isi.", "PIKIRAN RAKYAT", None, None, (0, 17)),
        # The general shape: an outlet not in the table.
        ("TRIBUNBUTON.COM, BAUBAU - Isi.", "TRIBUNBUTON.COM", "BAUBAU", None, (0, 26)),
        ("BERITAKITA.CO.ID - Isi.", "BERITAKITA.CO.ID", None, None, (0, 19)),
        ("TRIBUNNEWS.COM, LUGANSK - Isi.", "TRIBUNNEWS.COM", "LUGANSK", None, (0, 26)),
        # Damaged, kept as written.
        ("TRIBUNNEWS.CO. JAKARTA - Isi.", "TRIBUNNEWS.CO", "JAKARTA", None, (0, 25)),
        ("TRIBUNNNEWS.COM - Isi.", "TRIBUNNNEWS.COM", None, None, (0, 18)),
        # After a headline and a caption.
        ("Judul Berita\n\nTRIBUNNEWS.COM - Isi.", "TRIBUNNEWS.COM", None, None, (14, 31)),
        ("Judul\nKeterangan foto (1/2).\nSERAMBINEWS.COM - Isi.",
         "SERAMBINEWS.COM", None, None, (29, 47)),
        # A list exported as its repr.
        ("['JAKARTA, KOMPAS.com - Isi.']", "KOMPAS.com", "JAKARTA", None, (2, 24)),
        # Reporter lines: glued, on their own line, alone.
        ("Laporan Wartawan Tribunnews.com, Ilham Rian PratamaTRIBUNNEWS.COM, JAKARTA - Isi.",
         "TRIBUNNEWS.COM", "JAKARTA", "Ilham Rian Pratama", (0, 77)),
        ("Laporan Wartawan Tribunnews.co. Nita Sari. TRIBUNNEWS.CO. JAKARTA - Isi.",
         "TRIBUNNEWS.CO", "JAKARTA", "Nita Sari", (0, 68)),
        ("Laporan Kontributor TribunJabar.id Garut, Dedi SuhendarTRIBUNNEWS.COM - Isi.",
         "TRIBUNNEWS.COM", None, "Dedi Suhendar", (0, 72)),
        ("Laporan Reporter POS-KUPANG.COM, Yosef Lado\nPOS-KUPANG.COM, ENDE - Isi.",
         "POS-KUPANG.COM", "ENDE", "Yosef Lado", (0, 67)),
        ("Laporan Wartawan Tribunnews.com, Rahmat Hidayat\n\nTRIBUNNEWS.COM - Isi.",
         "TRIBUNNEWS.COM", None, "Rahmat Hidayat", (0, 66)),
        ("Laporan Yusuf Hamdani | Lhokseumawe\nSERAMBINEWS.COM, LHOKSEUMAWE - Isi.",
         "SERAMBINEWS.COM", "LHOKSEUMAWE", "Yusuf Hamdani", (0, 67)),
        ("Laporan Yusuf | Langsa\nKeterangan foto (1/2).\nSERAMBINEWS.COM, LANGSA - Isi.",
         "SERAMBINEWS.COM", "LANGSA", "Yusuf", (46, 72)),
        ("Laporan Reporter POS-KUPANG.COM, Yosef Lado\nWarga berkumpul di balai desa.",
         None, None, "Yosef Lado", (0, 43)),
        ("Laporan Koresponden Tribunnews.com, Anton Wibowo\nWarga berkumpul.",
         None, None, "Anton Wibowo", (0, 48)),
    ],
)  # fmt: skip
def test_parse_byline(
    raw: str, outlet: str | None, place: str | None, reporter: str | None, span: tuple[int, int]
) -> None:
    assert parse_byline(raw) == Byline(outlet, place, reporter, *span)


def test_a_title_glued_to_the_dateline_is_not_part_of_the_byline() -> None:
    raw = "Harga Cabai Naik Lagi di Pasar IndukTRIBUNNEWS.COM - Isi berita."
    assert parse_byline(raw) == Byline("TRIBUNNEWS.COM", None, None, 36, 53)


def test_byline_with_span() -> None:
    b = Byline("KOMPAS.com", "JAKARTA", None, 0, 22)
    assert b.with_span(5, 27) == Byline("KOMPAS.com", "JAKARTA", None, 5, 27)


# ---------------------------------------------------------------------------
# fix_bylines: normalize, strip, keep.

NORMALIZE = [
    ("TRIBUNNEWS.COM- Presiden AS bertemu.", "TRIBUNNEWS.COM - Presiden AS bertemu."),
    ("TRIBUNNEWS.COM -Presiden AS bertemu.", "TRIBUNNEWS.COM - Presiden AS bertemu."),
    ("SERAMBINEWS.COM – Warga Aceh.", "SERAMBINEWS.COM - Warga Aceh."),
    ("JAKARTA, KOMPAS.com — Harga naik.", "JAKARTA, KOMPAS.com - Harga naik."),
    ("JAKARTA, KOMPAS.com-Harga naik.", "JAKARTA, KOMPAS.com - Harga naik."),
    ("KOMPAS.com — Harga naik.", "KOMPAS.com - Harga naik."),
    ("Jakarta, CNN Indonesia -- Harga naik.", "Jakarta, CNN Indonesia - Harga naik."),
    ("Bisnis.com,JAKARTA—Harga naik.", "Bisnis.com, JAKARTA - Harga naik."),
    ("Bisnis.com, JAKARTA--Harga naik.", "Bisnis.com, JAKARTA - Harga naik."),
    ("REPUBLIKA.CO.ID, JAKARTA -- Isi.", "REPUBLIKA.CO.ID, JAKARTA - Isi."),
    ("VIVA – Presiden meresmikan.", "VIVA - Presiden meresmikan."),
    ("Jakarta (ANTARA) -- Presiden meresmikan.", "Jakarta (ANTARA) - Presiden meresmikan."),
    ("KONTAN.CO.ID -JAKARTA. Suku bunga naik.", "KONTAN.CO.ID - JAKARTA. Suku bunga naik."),
    ("TRIBUNNEWS.COM, PAPUA- Warga Jayapura.", "TRIBUNNEWS.COM, PAPUA - Warga Jayapura."),
    ("Jakarta – Kapolri memimpin rilis.", "Jakarta - Kapolri memimpin rilis."),
    ("Judul\n\nSolo — Warga menyambut.", "Judul\n\nSolo - Warga menyambut."),
    # Own words, order and spelling stay; only the form changes.
    ("TRIBUNNEWS.CO. JAKARTA -- Layanan.", "TRIBUNNEWS.CO. JAKARTA - Layanan."),
    ("YOGYAKARTA, KOMPAS.com - Isi.", "YOGYAKARTA, KOMPAS.com - Isi."),
    # A lost separator is restored.
    ("Liputan6.com, Jakarta Keutamaan puasa.", "Liputan6.com, Jakarta - Keutamaan puasa."),
    ("Liputan6.com, Jakarta Selatan Polisi menangkap.",
     "Liputan6.com, Jakarta Selatan - Polisi menangkap."),
    # An orphan comma a lost link left behind the separator.
    ("Jakarta, CNN Indonesia -- , Utama PT Maju dicopot.",
     "Jakarta, CNN Indonesia - Utama PT Maju dicopot."),
    # A reporter line glued in front goes onto its own line.
    ("Laporan Wartawan Tribunnews.com, Hari DarmawanTRIBUNNEWS.COM, JAKARTA - Isi.",
     "Laporan Wartawan Tribunnews.com, Hari Darmawan\nTRIBUNNEWS.COM, JAKARTA - Isi."),
    ("Laporan Wartawan Tribunnews.com, Rina AyuTRIBUNNEWS.COM, JAKARTA -- Isi.",
     "Laporan Wartawan Tribunnews.com, Rina Ayu\nTRIBUNNEWS.COM, JAKARTA - Isi."),
    ("Laporan Wartawan Tribunnew. Nita. TRIBUNNEWS.CO. JAKARTA - Isi.",
     "Laporan Wartawan Tribunnew. Nita.\nTRIBUNNEWS.CO. JAKARTA - Isi."),
    ("Laporan Kontributor TribunJabar.id Garut, Dedi SuhendarTRIBUNNEWS.COM - Isi.",
     "Laporan Kontributor TribunJabar.id Garut, Dedi Suhendar\nTRIBUNNEWS.COM - Isi."),
    # ... and so does a title.
    ("Harga Cabai Naik LagiTRIBUNNEWS.COM - Isi berita.",
     "Harga Cabai Naik Lagi\nTRIBUNNEWS.COM - Isi berita."),
]  # fmt: skip

STRIP = [
    ("TRIBUNNEWS.COM- Presiden AS bertemu.", "Presiden AS bertemu."),
    ("JAKARTA, KOMPAS.com — Harga naik.", "Harga naik."),
    ("Jakarta (ANTARA) - Presiden meresmikan.", "Presiden meresmikan."),
    ("KONTAN.CO.ID - JAKARTA. Suku bunga naik.", "Suku bunga naik."),
    ("Liputan6.com, Jakarta Keutamaan puasa.", "Keutamaan puasa."),
    ("Jakarta - Kapolri memimpin rilis.", "Kapolri memimpin rilis."),
    ("Judul\n\nSolo - Warga menyambut.", "Judul\n\nWarga menyambut."),
    ("Laporan Wartawan Tribunnews.com, Hari DarmawanTRIBUNNEWS.COM, JAKARTA - Isi.", "Isi."),
    ("Laporan Wartawan Tribunnew. Nita. TRIBUNNEWS.CO. JAKARTA - Isi.", "Isi."),
    ("Laporan Wartawan Tribunnews.com, Hari Darmawan\nTRIBUNNEWS.COM - Isi.", "Isi."),
    ("Laporan Wartawan Tribunnews.com, Hari Darmawan\n\nTRIBUNNEWS.COM - Isi.", "Isi."),
    ("Judul\n\nLaporan Yusuf | Langsa\nSERAMBINEWS.COM, LANGSA - Isi.", "Judul\n\nIsi."),
    ("Laporan Yusuf | Langsa\nKeterangan foto (1/2).\nSERAMBINEWS.COM, LANGSA - Isi.",
     "Keterangan foto (1/2).\nIsi."),
    ("Laporan Reporter POS-KUPANG.COM, Yosef Lado\n\nWarga berkumpul.", "Warga berkumpul."),
    ("Judul\n\nLaporan Reporter POS-KUPANG.COM, Yosef Lado", "Judul"),
    ("Harga Cabai Naik LagiTRIBUNNEWS.COM - Isi berita.", "Harga Cabai Naik Lagi\nIsi berita."),
    ("Jakarta, CNN Indonesia -- , Utama PT Maju dicopot.", "Utama PT Maju dicopot."),
]  # fmt: skip


@pytest.mark.parametrize(("raw", "expected"), NORMALIZE)
def test_normalize(raw: str, expected: str) -> None:
    assert fix_bylines(raw) == expected
    assert fix_bylines(raw, mode="normalize") == expected


@pytest.mark.parametrize(("raw", "expected"), STRIP)
def test_strip(raw: str, expected: str) -> None:
    assert fix_bylines(raw, mode="strip") == expected


@pytest.mark.parametrize("raw", [r for r, _ in NORMALIZE + STRIP])
def test_keep_leaves_everything(raw: str) -> None:
    assert fix_bylines(raw, mode="keep") == raw
    assert fix_bylines_spans(raw, mode="keep") == []


def _letters(s: str) -> str:
    """What normalize may never change: everything but spaces, dashes and commas."""
    return re.sub(r"[\s,;\-–—]", "", s)


@pytest.mark.parametrize(("raw", "expected"), NORMALIZE)
def test_normalize_never_deletes_a_word(raw: str, expected: str) -> None:
    assert _letters(expected) == _letters(raw)


# ---------------------------------------------------------------------------
# Must not change, in any mode.

MUST_NOT_CHANGE = [
    "Baru-baru ini warga Jakarta-Bogor mengeluhkan banjir.",
    "Jawa-Bali akan mendapat pasokan listrik tambahan.",
    "Jakarta-Bandung kini ditempuh dua jam dengan kereta cepat.",
    # A route, not a dateline, even where a dateline could stand.
    "Jakarta - Bandung ditempuh 45 menit dengan kereta cepat.",
    "Judul Berita\n\nSolo - Yogyakarta kini tersambung jalan tol.",
    # A body paragraph that starts with a city and a dash, past the lead.
    (
        "Isi pertama.\n\nParagraf kedua.\n\nParagraf ketiga.\n\n"
        "Surabaya - Warga kota pahlawan ramai berkunjung."
    ),
    (
        "Pemerintah menaikkan harga.\n\nMenurut dia, harga naik.\n\nIa menambahkan.\n\n"
        "Jakarta - Kapolri memimpin rilis."
    ),
    "Bali - yang dikenal sebagai Pulau Dewata - kembali ramai wisatawan.",
    # The lead is not a dateline position when a body paragraph came first.
    "Pemerintah menaikkan harga BBM pekan ini.\n\nJakarta - Warga mengantre di SPBU.",
    # Headline-shaped sentences (a headline is not the lead).
    "Bali - Surga Wisata yang Mulai Terancam",
    "Jokowi - Prabowo Bertemu di Istana",
    # A sentence mentioning an outlet mid-text.
    "Menurut laporan Kompas.com - yang terbit kemarin - harga naik.",
    "Seperti dikutip dari TRIBUNNEWS.COM - Presiden menegaskan hal itu.",
    "Kompas.com-Gramedia menggelar pameran buku.",
    "Laporan keuangan perusahaan menunjukkan laba naik.",
    "Laporan wartawan senior itu dibantah pemerintah.",
    "Laporan Wartawan Kompas, Budi Santoso, menyebut harga naik.",
    "Laporan Reporter Tanpa Batas tentang kebebasan pers terbit hari ini.",
    "Harga naik. Jakarta - Bandung macet total.",
    "Menteri Keuangan - Sri Mulyani - hadir.",
    "Metro - Sebuah kendaraan terbakar di jalan tol.",
    "",
    "-",
    " - ",
    "Jakarta",
    "Jakarta -",
    "KOMPAS.com -",
]


@pytest.mark.parametrize("raw", MUST_NOT_CHANGE)
@pytest.mark.parametrize("mode", BYLINE_MODES)
def test_must_not_change(raw: str, mode: str) -> None:
    assert fix_bylines(raw, mode=mode) == raw  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "raw",
    [
        "Jakarta - Bandung ditempuh 45 menit dengan kereta cepat.",
        "Pemerintah menaikkan harga BBM pekan ini.\n\nJakarta - Warga mengantre di SPBU.",
        "Bali - Surga Wisata yang Mulai Terancam",
        "Menurut laporan Kompas.com - yang terbit kemarin - harga naik.",
        "Laporan keuangan perusahaan menunjukkan laba naik.",
    ],
)
def test_no_byline_is_parsed_from_prose(raw: str) -> None:
    assert parse_byline(raw) is None


@pytest.mark.parametrize("mode", BYLINE_MODES)
def test_only_the_dateline_of_the_lead_is_touched(mode: str) -> None:
    later = "\n\nParagraf kedua.\n\nParagraf ketiga.\n\nSurabaya – Warga ramai berkunjung."
    raw = "JAKARTA, KOMPAS.com – Isi pertama." + later
    out = fix_bylines(raw, mode=mode)  # type: ignore[arg-type]
    assert out.endswith(later)
    assert out.count(" – ") == (2 if mode == "keep" else 1)


def test_an_invalid_mode_names_the_choices() -> None:
    with pytest.raises(ValueError, match="'normalize', 'strip', 'keep'"):
        fix_bylines("TRIBUNNEWS.COM - Isi.", mode="hapus")  # type: ignore[arg-type]


# ---------------------------------------------------------------------------
# The pipeline carries the byline, in original offsets, in every mode.


@pytest.mark.parametrize("mode", BYLINE_MODES)
def test_clean_and_explain_carries_the_byline(mode: str) -> None:
    raw = (
        "Harga Cabai Naik\n\n"
        "Laporan Wartawan Tribunnews.com,\u00a0Hari DarmawanTRIBUNNEWS.COM, JAKARTA -- "
        "Harga cabai rawit naik tajam."
    )
    result = beritaclean.clean_and_explain(raw, bylines=mode)  # type: ignore[arg-type]
    b = result.byline
    assert b is not None
    assert (b.outlet, b.place, b.reporter) == ("TRIBUNNEWS.COM", "JAKARTA", "Hari Darmawan")
    assert raw[b.start : b.end].startswith("Laporan Wartawan")
    assert raw[b.start : b.end].endswith("JAKARTA -- ")
    expected = {
        "normalize": "Laporan Wartawan Tribunnews.com, Hari Darmawan\n"
        "TRIBUNNEWS.COM, JAKARTA - Harga",
        "strip": "Harga Cabai Naik\n\nHarga cabai rawit",
        "keep": "Laporan Wartawan Tribunnews.com, Hari DarmawanTRIBUNNEWS.COM, JAKARTA -- Harga",
    }[mode]
    assert expected in result.text


@pytest.mark.parametrize("mode", BYLINE_MODES)
def test_clean_and_explain_byline_of_a_bare_dateline(mode: str) -> None:
    raw = "Jakarta – Kapolri memimpin rilis akhir tahun."
    b = beritaclean.clean_and_explain(raw, bylines=mode).byline  # type: ignore[arg-type]
    assert b == Byline(None, "Jakarta", None, 0, 10)


# ---------------------------------------------------------------------------
# Properties.

_modes = st.sampled_from(BYLINE_MODES)


@given(raw=text, mode=_modes)
@example(raw="Jakarta, CNN Indonesia -- , ,Utama PT", mode="normalize")
@example(raw="Laporan Wartawan X.com, NamaTRIBUNNEWS.COM - TRIBUNNEWS.COM - Isi", mode="strip")
@example(raw="JudulTRIBUNNEWS.COM - \nIsi", mode="normalize")
@example(raw="Liputan6.com, Jakarta Jakarta Isi", mode="normalize")
@example(raw="aTRIBUNNEWS.COM-0", mode="normalize")
@example(raw="KONTAN.CO.ID -- \naLiputan6.com - Laporan Wartawan ", mode="strip")
@example(raw="TRIBUNNEWS.COM - Laporan Wartawan Nama BaruHarga naik", mode="strip")
@example(raw="HargaKOMPAS.com -- Laporan Wartawan X, Nama\nTRIBUNNEWS.COM - Isi", mode="strip")
def test_idempotent_and_total(raw: str, mode: str) -> None:
    once = fix_bylines(raw, mode=mode)  # type: ignore[arg-type]
    assert isinstance(once, str)
    assert fix_bylines(once, mode=mode) == once  # type: ignore[arg-type]
    b = parse_byline(raw)
    if b is not None:
        assert 0 <= b.start <= b.end <= len(raw)


@given(raw=text)
@example(raw="aTRIBUNNEWS.COM-0")
def test_normalize_keeps_every_word(raw: str) -> None:
    assert _letters(fix_bylines(raw)) == _letters(raw)


@given(prose=clean_prose, mode=_modes)
def test_clean_prose_is_untouched(prose: str, mode: str) -> None:
    assert fix_bylines(prose, mode=mode) == prose  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "TRIBUNNEWS.COM- " * n,
        lambda n: "Jakarta - " * n,
        lambda n: "Laporan Wartawan Tribunnews.com, " + "NamaTRIBUNNEWS" * n,
        lambda n: "Liputan6.com, " + "Jakarta " * n,
        lambda n: "TRIBUNNEWS.COM- \n" * n,
    ],
    ids=["outlet", "place", "reporter", "lost", "lines"],
)
@pytest.mark.parametrize("mode", BYLINE_MODES)
def test_linear_time(make: Callable[[int], str], mode: str) -> None:
    def run(text: str) -> None:
        # The step's own work (applying the spans is the shared helper's).
        fix_bylines_spans(text, mode=mode)  # type: ignore[arg-type]
        parse_byline(text)

    assert growth(run, make, small=100_000 // 16, large=1_000_000 // 16) < MAX_GROWTH


def test_a_byline_pickles_to_an_equal_byline() -> None:
    # (explain_many(jobs=N) sends bylines between processes; a compiled build too.)
    byline = Byline(outlet="TRIBUNNEWS.COM", place="JAKARTA", reporter=None, start=0, end=26)
    assert pickle.loads(pickle.dumps(byline)) == byline  # noqa: S301 - our own pickle
