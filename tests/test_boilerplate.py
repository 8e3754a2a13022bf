"""``remove_boilerplate`` (SPEC §3.4): tables per form, must-not-change prose, properties."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from beritaclean.data import load_table
from beritaclean.edits import apply_spans
from beritaclean.steps import boilerplate as bp
from beritaclean.steps._util import paragraphs
from beritaclean.steps.boilerplate import (
    CREDIT_CODES,
    FUNCTION_WORDS,
    remove_boilerplate,
    remove_boilerplate_spans,
)
from tests.strategies import clean_prose, text
from tests.timing import MAX_GROWTH, growth

if TYPE_CHECKING:
    import regex

# --- related links -------------------------------------------------------

RELATED_WHOLE_LINE = [
    (
        "Isi berita.\nBaca juga: Wali Kota Resmikan Pasar Baru\nLanjutan berita.",
        "Isi berita.\nLanjutan berita.",
    ),
    (
        "Isi berita.\nBaca Juga : Harga Cabai Naik di Pasar Induk\nLanjutan.",
        "Isi berita.\nLanjutan.",
    ),
    (
        "Isi berita.\nBACA JUGA: Banjir Rendam Tiga Desa di Garut\nLanjutan.",
        "Isi berita.\nLanjutan.",
    ),
    (
        "Isi berita.\nLihat juga: Jadwal Kereta Api Lebaran 2024\nLanjutan.",
        "Isi berita.\nLanjutan.",
    ),
    ("Isi berita.\nSimak juga: Cara Cek Bansos Lewat HP\nLanjutan.", "Isi berita.\nLanjutan."),
    # without the colon, glued to the headline
    ("Isi berita.\nBaca JugaJoe Biden Siap Maju Lagi\nLanjutan.", "Isi berita.\nLanjutan."),
    ("Isi berita.\nBaca juga Gubernur Tinjau Jalan Rusak\nLanjutan.", "Isi berita.\nLanjutan."),
    # a marker alone on its line
    ("Isi berita.\nBaca juga:\nLanjutan.", "Isi berita.\nLanjutan."),
    ("Isi berita.\n\nBaca Juga\n\nLanjutan.", "Isi berita.\n\nLanjutan."),
    # a headline with a colon, a question mark, an exclamation, numbers
    (
        "Isi.\nBaca juga: Survei Terbaru: 45 Persen Warga Puas, Sisanya Ragu?\nLanjutan.",
        "Isi.\nLanjutan.",
    ),
    (
        "Isi.\nBaca juga: Timnas Menang 2-0! Pelatih Puji Lini Tengah\nLanjutan.",
        "Isi.\nLanjutan.",
    ),
    # sentence-case headline on its own line
    (
        "Isi.\nBaca juga: IHSG ditutup menguat, asing catat beli bersih\nLanjutan.",
        "Isi.\nLanjutan.",
    ),
    # headline ending in an ellipsis
    (
        "Isi.\nBaca juga: Kisah Nelayan yang Bertahan di Tengah Badai...\nLanjutan.",
        "Isi.\nLanjutan.",
    ),
    # two markers in a row, and at the very end of the text
    (
        "Isi.\nBaca juga: Harga Beras Turun\nBaca juga: Stok Gula Aman\nLanjutan.",
        "Isi.\nLanjutan.",
    ),
    ("Isi berita.\n\nBaca juga: Polisi Buru Pelaku Begal", "Isi berita."),
    ("Baca juga: Polisi Buru Pelaku Begal\n\nIsi berita.", "Isi berita."),
    # video promos
    ("Isi.\nLihat juga Video: Detik-detik Kebakaran Gudang\nLanjutan.", "Isi.\nLanjutan."),
    ('Isi.\nSimak Video "Warga Gotong Royong Bersihkan Sungai"\n[Gambas:Video 20detik]', "Isi."),
    # the bracket form
    ("Harga naik (Baca: Inflasi Tahunan Capai 3 Persen) sejak Mei.", "Harga naik sejak Mei."),
    ("Harga naik. (Baca juga: Inflasi Tahunan Capai 3 Persen)", "Harga naik."),
]

RELATED_INLINE = [
    # the hard case: the headline runs straight into the next sentence
    (
        (
            "Pesta meriah, kata dia.Baca Juga: Kue Tart Bertingkat, Pilihan Unik"
            " Selain Donat Ia senang sekali."
        ),
        "Pesta meriah, kata dia. Ia senang sekali.",
    ),
    (
        (
            "Harga tiket Rp 500.000. Baca juga: Maskapai Akui Naikkan Harga Tiket"
            " Mudik Selanjutnya, rute lain menyusul."
        ),
        "Harga tiket Rp 500.000. Selanjutnya, rute lain menyusul.",
    ),
    # the next sentence opens with a quote
    (
        (
            "Layanan terganggu. Baca juga: Aplikasi Bank Eror, Nasabah Pakai ATM"
            ' "Sistem sudah pulih," kata dia.'
        ),
        'Layanan terganggu. "Sistem sudah pulih," kata dia.',
    ),
    # the headline ends in a question mark
    (
        (
            "Bisa ditransfer. Baca juga: Kode Bank untuk Transfer Antarbank?"
            " Petugas mengatakan biayanya gratis."
        ),
        "Bisa ditransfer. Petugas mengatakan biayanya gratis.",
    ),
    # function words inside the headline, a name particle, English words
    (
        "Laga usai. Baca juga: Gol Telat dari Bek Kiri Bawa Persib ke Final Pelatih memuji timnya.",
        "Laga usai. Pelatih memuji timnya.",
    ),
    (
        (
            "Laga usai. Baca juga: Head to Head Persija vs Persib Jelang Derbi"
            " Suporter diminta tertib."
        ),
        "Laga usai. Suporter diminta tertib.",
    ),
    # a headline broken by a full stop, then the article goes on
    (
        (
            "Dia ditahan. Baca juga: Kurir Narkoba Divonis 5 Tahun Penjar."
            " Bandarnya Masih Buro. Meskipun begitu, polisi terus mencari."
        ),
        "Dia ditahan. Meskipun begitu, polisi terus mencari.",
    ),
    # several inline links in one paragraph
    (
        (
            "Satu. Baca juga: Judul Pertama Sekali Warga lega. Dua. Baca juga:"
            " Judul Kedua Juga Ada Mereka pulang."
        ),
        "Satu. Warga lega. Dua. Mereka pulang.",
    ),
    # at the start of a paragraph that goes on with the article
    (
        "Baca juga: Harga Gabah Anjlok di Tingkat Petani Ia mengatakan harga turun.",
        "Ia mengatakan harga turun.",
    ),
    # at the end of the paragraph
    ("Semua selamat. Baca juga: Evakuasi Korban Longsor Berlanjut", "Semua selamat."),
    # a one-word subject with a reporting verb: the headline ends before it
    (
        "Ia pulang. Baca juga: Harga Gabah Anjlok di Tingkat Petani Budi mengatakan harga turun.",
        "Ia pulang. Budi mengatakan harga turun.",
    ),
    # a word that only opens sentences ends the headline
    (
        "Ia pulang. Baca juga: Warga Desa Gelar Kerja Bakti Massal Kemudian Budi pergi ke pasar.",
        "Ia pulang. Kemudian Budi pergi ke pasar.",
    ),
    (
        "Ia pulang. Baca juga: Listrik Desa Terpencil Mulai Pulih Sementara itu, warga bersyukur.",
        "Ia pulang. Sementara itu, warga bersyukur.",
    ),
    # a lost-comma chain followed by a sentence start: the chain is headline
    (
        "Ia pulang. Baca juga: Harga Emas Turu. Ini Penyebabny. Pedagang mengaku rugi.",
        "Ia pulang. Pedagang mengaku rugi.",
    ),
]


@pytest.mark.parametrize(("raw", "expected"), RELATED_WHOLE_LINE + RELATED_INLINE)
def test_related_links(raw: str, expected: str) -> None:
    assert remove_boilerplate(raw) == expected


UNSURE_HEADLINE = [
    # The text after the marker starts a sentence at once: keep every word.
    "Isi. Baca juga: Ia mengatakan bahwa harga naik.",
    # A sentence-case headline inside a paragraph: where it ends is unknown.
    "Isi. Baca juga: IHSG ditutup menguat hari ini kata analis tersebut.",
]


UNSURE_HEADLINE += [
    "Baca juga: Harga Naik Kepala Desa Suka, Budi mengatakan harga turun.",
    # `Kepala Desa Suka, Budi mengatakan`: the subject may start inside the run.
    "Ia pulang. Baca juga: Harga Gabah Anjlok Kepala Desa Suka, Budi mengatakan harga turun.",
]

# A lost-comma chain not followed by clear evidence that the article resumes
# stays in the text after the first part: `Kasat Reskrim Polres Kota. Kompol
# Budi. mengatakan` is the article's sentence with damaged commas.
DAMAGED_CHAIN = (
    "Ia pulang. Baca juga: Guru Dilaporkan Warga. Kasat Reskrim Polres Kota. Kompol Budi."
    " mengatakan kasus diproses."
)


def test_a_damaged_chain_without_evidence_stays() -> None:
    assert remove_boilerplate(DAMAGED_CHAIN) == (
        "Ia pulang. Kasat Reskrim Polres Kota. Kompol Budi. mengatakan kasus diproses."
    )


@pytest.mark.parametrize("raw", UNSURE_HEADLINE)
def test_when_unsure_where_the_headline_ends_the_words_stay(raw: str) -> None:
    assert remove_boilerplate(raw) == raw


# --- ads, widgets, code, social embeds -------------------------------------

ADS_AND_WIDGETS = [
    ("Isi.\nADVERTISEMENT\nLanjutan.", "Isi.\nLanjutan."),
    ("Isi.\nADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT\nLanjutan.", "Isi.\nLanjutan."),
    ("Isi.\nScroll ke bawah untuk melanjutkan membaca\nLanjutan.", "Isi.\nLanjutan."),
    ("Isi.\nGULIR UNTUK LANJUT BACA\nLanjutan.", "Isi.\nLanjutan."),
    ("Isi berita.[Gambas:Video 20detik]", "Isi berita."),
    ("Isi.\n[Gambas:Instagram]\nLanjutan.", "Isi.\nLanjutan."),
    ("Isi.\nHalaman selanjutnya\nLanjutan.", "Isi.\nLanjutan."),
    ("Isi.\nHalaman berikutnya\nLanjutan.", "Isi.\nLanjutan."),
    ("Isi.\n2 dari 3 halaman\nLanjutan.", "Isi.\nLanjutan."),
    ("Isi.\nPerbesar\nLanjutan.", "Isi.\nLanjutan."),
    ("Isi.\nAdvertisement\nLanjutan.", "Isi.\nLanjutan."),
    ("Isi.\nLoading...\nLanjutan.", "Isi.\nLanjutan."),
    ("Apa sebabnya? Baca halaman selanjutnya.", "Apa sebabnya?"),
    ("Warga mengungsi.Simak selengkapnya di halaman berikutnya.", "Warga mengungsi."),
    # leaked page code
    ("Isi.\n.tg {border-collapse:collapse;border-spacing:0;}\nLanjutan.", "Isi.\nLanjutan."),
    ("Isi.\n.tg td{font-family:Arial;} .tg th{padding:0;}\nLanjutan.", "Isi.\nLanjutan."),
    (
        "Isi.\ngoogletag.cmd.push(function() { googletag.display('div-1'); });\nLanjutan.",
        "Isi.\nLanjutan.",
    ),
    # an embedded post
    (
        (
            "Isi.\nSelamat pagi semua pic.twitter.com/AbC123xyz\n— Akun Resmi"
            " (@akunresmi) March 1, 2023\nLanjutan."
        ),
        "Isi.\nLanjutan.",
    ),
    ("Lihat fotonya pic.twitter.com/AbC123xyz di akun itu.", "Lihat fotonya di akun itu."),
    # punctuation-only paragraphs
    ("Isi.\n,\nLanjutan.", "Isi.\nLanjutan."),
    ("Isi.\n, ,\nLanjutan.", "Isi.\nLanjutan."),
    ("Isi.\n\n-\n\nLanjutan.", "Isi.\n\nLanjutan."),
]


@pytest.mark.parametrize(("raw", "expected"), ADS_AND_WIDGETS)
def test_ads_widgets_code_and_embeds(raw: str, expected: str) -> None:
    assert remove_boilerplate(raw) == expected


# --- syndication and credit footers --------------------------------------

FOOTERS = [
    (
        (
            "Isi berita.\nArtikel ini telah tayang di Tribunjateng.com dengan judul"
            " Banjir Rob Rendam Pantura"
        ),
        "Isi berita.",
    ),
    (
        (
            "Isi berita, kata dia. Artikel ini telah tayang di Kompas.com dengan"
            ' judul "Banjir Rob Meluas"'
        ),
        "Isi berita, kata dia.",
    ),
    ("Isi berita.\nPenulis: Budi Santoso\nEditor: Siti Aminah", "Isi berita."),
    ("Isi berita.\nPewarta: Rina Kartika\nLanjutan.", "Isi berita.\nLanjutan."),
    ("Isi berita.\nReporter: Andi Wijaya", "Isi berita."),
    ("Isi berita, kata dia.Penulis: Budi Santoso | Editor: Siti Aminah", "Isi berita, kata dia."),
    ("Isi berita. (Penulis: Budi Santoso | Editor: Siti Aminah)", "Isi berita."),
    ("Isi berita. Reporter: Andi Wijaya, Sumber: ,", "Isi berita."),
    (
        (
            "Isi berita, kata dia. Penulis: Budi Santoso. Artikel ini telah tayang"
            " di Tribunjabar.id dengan judul X"
        ),
        "Isi berita, kata dia.",
    ),
    ("Isi berita.\nCopyright © ANTARA 2024", "Isi berita."),
    (
        (
            "Isi berita.\nDilarang keras mengambil konten, melakukan crawling atau"
            " pengindeksan otomatis untuk AI di situs web ini tanpa izin tertulis"
            " dari Kantor Berita ANTARA."
        ),
        "Isi berita.",
    ),
    (
        (
            "Isi berita. Dapatkan update berita pilihan dan breaking news setiap"
            " hari. Mari bergabung di grup."
        ),
        "Isi berita.",
    ),
    ("Isi berita.\nIkuti saluran WhatsApp kami untuk kabar terbaru.", "Isi berita."),
    ("Isi berita.\nSimak berita lainnya di Google News.", "Isi berita."),
    (
        (
            "Klaim itu keliru. * Untuk mengetahui kebenaran informasi yang"
            " beredar, silakan WhatsApp ke nomor 0811 0000 000 dengan kata"
            " kunci.Sebelumnya, polisi membantah."
        ),
        "Klaim itu keliru. Sebelumnya, polisi membantah.",
    ),
    # trailing reporter credits, at the very end only
    ("Tim tuan rumah menang 2-1. (Tribunnews.com/Budi Santoso)", "Tim tuan rumah menang 2-1."),
    ("Tim tuan rumah menang 2-1.\n(nds/krs)", "Tim tuan rumah menang 2-1."),
    ("Tim tuan rumah menang 2-1. (ant)", "Tim tuan rumah menang 2-1."),
    ("Tim tuan rumah menang 2-1. (*)", "Tim tuan rumah menang 2-1."),
    ("Tim tuan rumah menang 2-1. (Tribunnews.com)", "Tim tuan rumah menang 2-1."),
    ('Tim menang, "kata dia." (Budi Santoso)', 'Tim menang, "kata dia."'),
    ("Tim tuan rumah menang. (Ani Lestari, Budi Santoso)", "Tim tuan rumah menang."),
    # a credit made final by a footer's removal goes in the same call
    (
        "Tim menang. (ant)\nArtikel ini telah tayang di Tribunnews.com dengan judul Tim Menang",
        "Tim menang.",
    ),
]


@pytest.mark.parametrize(("raw", "expected"), FOOTERS)
def test_syndication_and_credit_footers(raw: str, expected: str) -> None:
    assert remove_boilerplate(raw) == expected


# --- must not change -------------------------------------------------------

MUST_NOT_CHANGE = [
    "Nilai tukar melemah 0,5 persen.\nSumber: Bloomberg",
    "Tabel itu disusun dari data pasar. Sumber: Bloomberg",
    '"Jangan lupa baca juga bukunya," kata dia.',
    '"Baca juga bukunya," kata dia.',
    "Ia berpesan agar siswa membaca juga buku sejarah.",
    "Gubernur berdiri di samping Wali Kota (kanan)",
    "Petugas memeriksa kendaraan (kiri) dan sopirnya (tengah).",
    "Perusahaan memangkas belanja iklan. Iklan digital kini lebih murah.",
    "Pendapatan iklan naik, dan advertisement daring tumbuh.",
    "Halaman rumah itu dipenuhi air setinggi lutut.",
    "Ia membaca halaman selanjutnya dengan teliti.",
    "Warga diminta tidak panik. Selanjutnya, petugas akan mendata korban.",
    "Dalam CSS, aturan seperti .tg {border-collapse:collapse;} membuat tabel rapat.",
    "Pengembang memanggil googletag.cmd.push() untuk memuat iklan.",
    "Editor buku itu, Budi Santoso, mengatakan naskahnya rampung.",
    "Ia bekerja sebagai editor di sebuah penerbit.",
    "Penulis: sebuah profesi yang menuntut ketekunan, katanya.",
    "Rapat dimulai pukul 10.00 (27/12/2023)",
    "Kapal itu milik PT Pelni (Persero)",
    "Dia kini bekerja di PT Pelni. Perusahaan itu milik negara (BUMN) dan swasta.",
    "Laporan itu diterbitkan oleh Kementerian Keuangan (Kemenkeu)",
    "Foto: Petugas memadamkan api di Pasar Senen. (KOMPAS.com/Budi)\nKebakaran terjadi Senin.",
    "Kata ini bukan boilerplate: Baca.",
    "Ia menulis di WhatsApp bahwa dirinya aman.",
    "Copy editor memeriksa ejaan.",
]


@pytest.mark.parametrize("raw", MUST_NOT_CHANGE)
def test_must_not_change(raw: str) -> None:
    assert remove_boilerplate(raw) == raw


# --- data ----------------------------------------------------------------


def test_phrases_come_from_package_data() -> None:
    table = load_table("boilerplate")
    assert "common" in table
    assert "Baca juga" in table["common"]["related_markers"]
    assert {"ant", "*"} <= CREDIT_CODES
    assert {"di", "ke", "dari", "dan", "yang", "untuk", "soal"} <= FUNCTION_WORDS


def test_doctest_examples_hold() -> None:
    raw = "Isi.\nBaca juga: Gibran Bahas Pilpres\nADVERTISEMENT\nLanjutan."
    assert apply_spans(raw, remove_boilerplate_spans(raw)) == "Isi.\nLanjutan."


# --- properties ----------------------------------------------------------

MARKERS = st.sampled_from(
    [
        "Baca juga: ",
        "Baca Juga :",
        "BACA JUGA:",
        "(Baca: ",
        "Lihat juga Video: ",
        "ADVERTISEMENT",
        "\n",
        ". ",
        ")",
    ]
)
HEADLINE_WORDS = st.sampled_from(
    ["Harga", "Naik", "di", "Pasar", "2024", "Warga", "mengeluh", "?", ",", '"Kami']
)
boilerplate_text = st.lists(st.one_of(MARKERS, HEADLINE_WORDS), max_size=40).map(" ".join)


@given(raw=st.one_of(text, boilerplate_text))
@example(raw="Baca juga: Baca juga: X")
@example(raw="Bacajuga:Bacajuga:Bacajuga:Bacajuga:Bacajuga:")
@example(raw="x. Baca juga: A. B. C. Baca juga:")
@example(raw="Isi. (ant)\n(*)")
@example(raw="Penulis: A (ant)")
def test_total_and_idempotent(raw: str) -> None:
    once = remove_boilerplate(raw)
    assert isinstance(once, str)
    assert remove_boilerplate(once) == once


@given(raw=clean_prose)
def test_clean_prose_is_untouched(raw: str) -> None:
    assert remove_boilerplate(raw) == raw


@given(
    body=st.lists(clean_prose, min_size=1, max_size=3),
    junk=st.sampled_from(
        ["Baca juga: Harga Emas Naik Lagi", "ADVERTISEMENT", ",", "Penulis: Budi Santoso"]
    ),
)
def test_never_removes_a_paragraph_without_a_marker(body: list[str], junk: str) -> None:
    raw = ("\n" + junk + "\n").join(body)
    out = remove_boilerplate(raw)
    for paragraph in "\n".join(body).split("\n"):
        if paragraph.strip():
            assert paragraph in out


# --- the pre-check (how the step finds its candidates fast) -----------------

# One scan finds where the families' phrases start; each pattern is tried
# only there. These check that nothing is missed, against the patterns run
# at every place, on text made of the phrases themselves.

_lowered = bp._lowered  # noqa: SLF001
_hits = bp._hits  # noqa: SLF001
_line_starts = bp._line_starts  # noqa: SLF001
_moved_hits = bp._moved_hits  # noqa: SLF001
_TWINS = bp._TWINS or ""  # noqa: SLF001

_PHRASES = sorted(
    {
        str(p).replace("{n}", "12").replace("{x}", "Video 20detik")
        for table in load_table("boilerplate").values()
        for values in table.values()
        for p in values
    }
)


@st.composite
def _written(draw: st.DrawFn) -> str:
    """A phrase as scraped text may hold it: any case, any spaces, a case twin."""
    phrase = draw(st.sampled_from(_PHRASES))
    case = draw(st.sampled_from(["", "upper", "lower", "title", "capitalize"]))
    words = (getattr(phrase, case)() if case else phrase).split(" ")
    gaps = draw(
        st.lists(st.sampled_from(["", " ", "  "]), min_size=len(words), max_size=len(words))
    )
    written = "".join(w + g for w, g in zip(words, gaps, strict=True)).rstrip(" ")
    if draw(st.integers(0, 9)) == 0:
        i = draw(st.integers(0, max(0, len(written) - 1)))
        written = written[:i] + draw(st.sampled_from("ſKİıß")) + written[i + 1 :]
    return written


_PIECES = st.one_of(
    _written(),
    st.sampled_from(["Judul", "Berita", "Harga", "naik", "dia.", "(", ")", ":", "|", "Nama", "di"]),
    st.sampled_from([" ", " ", "", "\n", ". ", ": ", " (", ") ", "  "]),
)
_phrase_text = st.lists(_PIECES, max_size=30).map("".join)


def _starts_by_line(text: str) -> list[tuple[int, int, dict[str, list[int]]]]:
    low = _lowered(text)[0]
    hits = _hits(low, 0, len(low))
    positions = [pos for pos, _ in hits]
    out = []
    for start, end in paragraphs(text):
        i, j = bisect_left(positions, start), bisect_left(positions, end)
        out.append((start, end, _line_starts(low, start, end, hits[i:j])))
    return out


@given(raw=_phrase_text)
@example(raw="Isi.  BACA  JUGA : Judul")
@example(raw="x (  Baca juga: Judul)")
@example(raw="Penulis  : Nama | Editor:Nama")
def test_every_match_starts_where_the_pre_check_found_a_phrase(raw: str) -> None:
    low = _lowered(raw)[0]
    patterns = {
        "related": bp.RELATED_MARKER_RE,
        "bracket": bp.BRACKET_LINK_RE,
        "video": bp.VIDEO_PROMO_RE,
        "inline": bp.INLINE_AD_RE,
        "teaser": bp.TEASER_RE,
    }
    for start, end, starts in _starts_by_line(raw):
        if any(ch in low[start:end] for ch in _TWINS):
            del patterns["teaser"]  # matched everywhere in such a line
        for target, pattern in patterns.items():
            assert _match_starts(pattern, raw, start, end) <= set(starts.get(target, ()))
        labels = {
            _first_label(raw, pos) for pos in _match_starts(bp.CREDIT_CHAIN_RE, raw, start, end)
        }
        assert labels <= set(starts.get("credit", ()))
        footers = {
            pos
            for pos in range(start, end)
            if any(low.startswith(phrase, pos, end) for phrase in bp.HINTS["footer"])
        }
        assert footers <= set(starts.get("footer", ()))
        assert "pic.twitter.com" not in raw[start:end] or "tweet" in starts


def _match_starts(pattern: regex.Pattern[str], raw: str, start: int, end: int) -> set[int]:
    """Every place in the line where ``pattern`` matches (not only where a search would)."""
    return {pos for pos in range(start, end) if pattern.match(raw, pos, end)}


def _first_label(raw: str, pos: int) -> int:
    """Where the first credit label of a chain that starts at ``pos`` starts."""
    pos += raw[pos] == "("
    while raw[pos] == " ":
        pos += 1
    return pos


@st.composite
def _edits(draw: st.DrawFn) -> tuple[str, list[tuple[int, int, str]]]:
    """Text and edits on it (as the step makes them: nothing or a space where text goes)."""
    if draw(st.booleans()):
        # Junk inside a phrase, and the edit that takes it out again.
        before, phrase, after = draw(_phrase_text), draw(_written()), draw(_phrase_text)
        cut = draw(st.integers(0, len(phrase)))
        junk = draw(st.sampled_from(["ADVERTISEMENT ", "x", "  ", "\n", "Baca ", ":"]))
        start = len(before) + cut
        raw = before + phrase[:cut] + junk + phrase[cut:] + after
        return raw, [(start, start + len(junk), draw(st.sampled_from(["", " "])))]
    raw = draw(_phrase_text)
    cuts = sorted(draw(st.lists(st.integers(0, len(raw)), max_size=8)))
    replacements = st.sampled_from(["", " "])
    return raw, [(a, b, draw(replacements)) for a, b in zip(cuts[::2], cuts[1::2], strict=False)]


@given(edits=_edits())
@example(edits=("Baca ADVERTISEMENT juga: Judul", [(4, 19, " ")]))
@example(edits=("Simak ADVERTISEMENT selengkapnya di halaman berikutnya", [(6, 20, "")]))
@example(edits=("Isi. Penulis ADVERTISEMENT : Budi", [(13, 27, "")]))
@example(
    edits=(
        "Dapatkan update berita pilihan dan breaking news setiap hari x dari Kompas.com",
        [(62, 64, "")],
    )
)
def test_hits_moved_through_edits_are_those_of_a_new_scan(
    edits: tuple[str, list[tuple[int, int, str]]],
) -> None:
    raw, spans = edits
    low = _lowered(raw)[0]
    edited = apply_spans(low, spans)
    moved = _moved_hits(edited, _hits(low, 0, len(low)), spans)
    assert moved == _hits(edited, 0, len(edited))


JOINED_BY_AN_EDIT = [
    (
        "Isi berita. Baca ADVERTISEMENT juga: Harga Cabai Naik Lagi\nLanjutan.",
        "Isi berita.\nLanjutan.",
    ),
    (
        "Kata dia.BacaADVERTISEMENTjuga: Harga Naik Pedagang mengeluh.",
        "Kata dia. Pedagang mengeluh.",
    ),
    ("Isi.\nPenulis ADVERTISEMENT : Budi Santoso", "Isi."),
    ("Isi. (Baca ADVERTISEMENT juga: Judul Berita)", "Isi."),
    ("Isi.\nArtikel ini telah ADVERTISEMENT tayang di Kompas.com", "Isi."),
]


@pytest.mark.parametrize(("raw", "expected"), JOINED_BY_AN_EDIT)
def test_a_phrase_an_edit_joins_is_found_in_the_next_round(raw: str, expected: str) -> None:
    assert remove_boilerplate(raw) == expected


# --- linear time -----------------------------------------------------------


@pytest.mark.parametrize(
    "unit",
    [
        "Kata ",
        "Baca juga: ",
        "(",
        "x. Baca juga: Kata ",
        "Penulis: Nama ",
        ".tg ",
        ".tg {a:b;} ",
        "Artikel ini ",
    ],
)
def test_linear_time(unit: str) -> None:
    def make(size: int) -> str:
        return "Baca juga: " + unit * (size // len(unit))

    # About 200 KB against about 2 MB of adversarial input.
    assert growth(remove_boilerplate, make, small=200_000, large=2_000_000) < MAX_GROWTH
