"""fix_encoding (SPEC §3.1): mojibake, HTML references, controls, NFC."""

from __future__ import annotations

from typing import TYPE_CHECKING
from unittest import mock

import ftfy
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from beritaclean.edits import apply_spans
from beritaclean.steps import encoding
from beritaclean.steps.encoding import fix_encoding, fix_encoding_spans
from tests.strategies import clean_prose, text
from tests.timing import MAX_GROWTH, growth

if TYPE_CHECKING:
    from collections.abc import Callable


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # Mojibake: UTF-8 read as Windows-1252 / Latin-1.
        ("Pelatih Thomas MÃ¼ller datang", "Pelatih Thomas Müller datang"),
        ("â€œKami siapâ€\x9d, kata dia", "“Kami siap”, kata dia"),
        ("Harga naik â€“ turun", "Harga naik – turun"),
        ("kafÃ© di Bandung", "kafé di Bandung"),
        ("SystÃ¨me international", "Système international"),
        # ftfy's quote uncurling is off: curly quotes are normalize_quotes's job.
        ("â€˜Yaâ€™ katanya", "‘Ya’ katanya"),
        # HTML references, single and double escaped.
        ("&quot;Kami siap&quot; kata dia", '"Kami siap" kata dia'),
        ("&amp;ldquo;Betul&amp;rdquo; ujar dia", "“Betul” ujar dia"),
        ("ajang.&amp;nbsp; Menurut dia", "ajang.\u00a0 Menurut dia"),
        ("&amp;quot;Ya&amp;quot;", '"Ya"'),
        ("&amp;amp;amp;nbsp;x", "\u00a0x"),
        ("PT A&amp;B Tbk", "PT A&B Tbk"),
        ("Komunikasi &amp; Hubungan", "Komunikasi & Hubungan"),
        ("tanda &#8220;kutip&#8221; dan &#x2019;", "tanda “kutip” dan ’"),
        ("nilai &gt; 5 dan &lt; 10", "nilai > 5 dan < 10"),
        # An escaped unknown name: the chain goes, the name stays.
        ("&amp;foo; tetap", "&foo; tetap"),
        # A bare legacy reference, in a paragraph that shows it was escaped.
        ("&copy 2023 &quot;Kompas&quot;", '© 2023 "Kompas"'),
        ("&amp;copy 2023", "© 2023"),
        # Escaped mojibake is repaired like raw mojibake.
        ("M&Atilde;&frac14;ller", "Müller"),
        # Control characters out, except \t \n \r.
        ("Harga\x00 naik\x07 lagi", "Harga naik lagi"),
        ("baris\tsatu\r\nbaris dua\n", "baris\tsatu\r\nbaris dua\n"),
        ("teks\x7f\x8f rusak", "teks rusak"),
        ("\x1b[31mmerah\x1b[0m", "merah"),
        # NFC.
        ("Cafe\u0301 di Jakarta", "Café di Jakarta"),
        ("A\u0303\u00a9", "é"),
        # A lone surrogate becomes U+FFFD (ftfy), never an exception.
        ("kata \ud800 lain", "kata \ufffd lain"),
    ],
)
def test_fixes(raw: str, expected: str) -> None:
    assert fix_encoding(raw) == expected


@pytest.mark.parametrize(
    "clean",
    [
        "Perusahaan AT&T dan divisi R&D menggelar sesi Q&A.",
        "Indeks S&P; naik, sementara AT&T; turun.",
        "Hak cipta &copy 2023 ada pada penulis.",
        "Kami &para pemimpin daerah hadir.",
        "Harga emas naik 1,5 persen menjadi Rp 6.436,48 per gram.",
        "Menurut Kompas.com, masing-masing peserta hadir pada Jum'at (27/12/2023).",
        "“Kami siap,” kata Müller di kafé itu — sekitar pukul 10.30 WIB…",
        "Harga\u00a0naik – turun ‘sedikit’.",
        "Rp 5.000 ± 2% — “naïve”, ½ porsi, 25°C, € 10",
        "سُورَةُ الفَاتِحَة dan Москва",
        "baris satu\n\nbaris dua\ttiga\r\n",
        "",
    ],
)
def test_leaves_clean_text_alone(clean: str) -> None:
    assert fix_encoding_spans(clean) == []


def test_clean_text_never_reaches_ftfy() -> None:
    prose = "“Kami siap,” kata Budi\u00a0– Senin (27/12/2023)…\n\nIa hadir."
    with mock.patch.object(ftfy, "fix_text", side_effect=AssertionError("ftfy called")):
        assert fix_encoding(prose) == prose


def test_spans_are_tight() -> None:
    raw = "Awal kalimat yang panjang MÃ¼ller lalu teks lagi dan kafÃ© di akhir"
    spans = fix_encoding_spans(raw)
    assert spans == [(27, 29, "ü"), (56, 58, "é")]
    assert apply_spans(raw, spans) == fix_encoding(raw)


def test_html_and_mojibake_spans_are_separate() -> None:
    raw = "&quot;Ya&quot; kata MÃ¼ller"
    assert fix_encoding_spans(raw) == [(0, 6, '"'), (8, 14, '"'), (21, 23, "ü")]


@given(raw=text)
@example(raw="&amp\u037e")  # NFC turns U+037E into `;`: a new reference
@example(raw="&am\x00p;lt;")  # dropping a control makes a reference
@example(raw="\x9dÂ\x80")
@example(raw="A\u0303\u00a9")
def test_idempotent_and_total(raw: str) -> None:
    once = fix_encoding(raw)
    assert fix_encoding(once) == once
    assert apply_spans(raw, fix_encoding_spans(raw)) == once


@given(raw=text)
def test_no_control_characters_left(raw: str) -> None:
    out = fix_encoding(raw)
    assert encoding.CONTROL_RE.search(out) is None


@given(prose=clean_prose)
def test_clean_prose_unchanged(prose: str) -> None:
    assert fix_encoding(prose) == prose


@given(raw=st.text(st.characters(codec="utf-8"), max_size=80))
def test_precheck_never_skips_text_ftfy_would_change(raw: str) -> None:
    # The pre-check is sound: a line it lets pass is one ftfy leaves alone.
    for line in raw.split("\n"):
        if encoding.MOJIBAKE_CHAR_RE.search(line) is None:
            assert ftfy.fix_text(line, config=encoding._FTFY_CONFIG) == line  # noqa: SLF001


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "&amp;" * (n // 5),
        lambda n: "&" + "amp;" * (n // 4),
        lambda n: "&amp;amp;amp;" * (n // 13),
        lambda n: "&copy &quot;" * (n // 12),
        lambda n: "\n" * n,
        lambda n: "“" * n,
        lambda n: "MÃ¼ller " * (n // 8),
        lambda n: "e\u0301" * (n // 2),
        lambda n: "a" * (n - 2) + "e\u0301",
        lambda n: "\x00\x85" * (n // 2),
        lambda n: " \u00a0" * (n // 2),
    ],
)
def test_linear_time(make: Callable[[int], str]) -> None:
    assert growth(fix_encoding, make) < MAX_GROWTH


_MOJIBAKE_ALPHABET = st.sampled_from(
    list("aZ .,!?\n-'\"0")
    + list(encoding._NOT_COMMON.replace("-", ""))  # noqa: SLF001
    + list("\u00a0\u2019\u201c\u201d\u2013\u2014…‘«»®™©•‚ÂÃâ€ГўВЂ")
)


@given(line=st.text(_MOJIBAKE_ALPHABET, max_size=60))
@example(line="Ã ")
@example(line="xÃ ")
@example(line="ГўВЂВ.a")
@example(line="a Â “")
def test_windowed_badness_agrees_with_ftfy(line: str) -> None:
    assert encoding._is_bad(line) == ftfy.badness.is_bad(line)  # noqa: SLF001


@given(raw=text | st.text(_MOJIBAKE_ALPHABET, max_size=60))
@example(raw="\x85 \ud800 a\x00")
@example(raw="Rusia\u00a0\x9d")
@example(raw="kata\x85 lain")
def test_prechecks_agree_with_the_patterns(raw: str) -> None:
    # The fast pre-checks answer exactly what a scan with the patterns would.
    rare = encoding._non_ascii(raw)  # noqa: SLF001
    assert rare == "".join(c for c in raw if not c.isascii())
    assert encoding._has_control(raw) == (encoding.CONTROL_RE.search(raw) is not None)  # noqa: SLF001


@given(line=st.text(_MOJIBAKE_ALPHABET, max_size=60) | st.text(max_size=60))
@example(line="Awal MÃ¼ller dan kafÃ© \x1b[31mmerah\x85 â€œkutipâ€\x9d")
@example(line="voilÃ le travail \ud83d\ude00 \ud800")
@example(line="ÃƒÂ© dua kali")
@example(line="a\nÃ©")
def test_ftfy_driver_agrees_with_ftfy(line: str) -> None:
    # ftfy's loop with the windowed badness test repairs exactly as ftfy does.
    expected = ftfy.fix_text(line, config=encoding._FTFY_CONFIG)  # noqa: SLF001
    assert encoding._ftfy_fix_line(line) == expected  # noqa: SLF001
