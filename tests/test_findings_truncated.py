"""The ``truncated`` finding (SPEC §4): a document that stops mid-sentence or in ``...``."""

from __future__ import annotations

import pytest
from hypothesis import given

import beritaclean
from beritaclean.findings import find_findings, find_truncation
from tests.strategies import text
from tests.timing import MAX_GROWTH, growth

# Time on 1 MB over time on 100 KB: linear work gives about 10, quadratic 100.

LEAD = "KOMPAS.com - Harga emas naik tajam pada Senin (12/6/2023)."


@pytest.mark.parametrize(
    ("raw", "excerpt"),
    [
        (f"{LEAD}\n\nMenurut dia, pemerintah akan", "Menurut dia, pemerintah akan"),
        (
            f"{LEAD}\n\nHarga itu naik dari Rp 1,1 juta menjadi",
            "Harga itu naik dari Rp 1,1 juta menjadi",
        ),
        (f"{LEAD}\n\nPara pedagang mengeluh,", "Para pedagang mengeluh,"),
        # A list announced but lost.
        (f"{LEAD}\n\nBerikut daftar harga terbaru:", "Berikut daftar harga terbaru:"),
        (f"{LEAD}\n\nLangkah pertama;", "Langkah pertama;"),
        # Trailing off in an ellipsis, also inside a quote.
        (f"{LEAD}\n\nKami masih menunggu...", "Kami masih menunggu..."),
        (f'{LEAD}\n\n"Kami masih menunggu…"', '"Kami masih menunggu…"'),
        # A subhead whose section never came.
        (f"{LEAD}\n\nTanggapan Pemerintah", "Tanggapan Pemerintah"),
        # Only the last 40 characters of a long paragraph are the excerpt.
        (
            f"{LEAD}\n\nPemerintah berencana menaikkan harga bahan bakar minyak bersubsidi",
            "kkan harga bahan bakar minyak bersubsidi",
        ),
        ("Tanpa tanda baca", "Tanpa tanda baca"),
    ],
)
def test_truncated(raw: str, excerpt: str) -> None:
    found = find_truncation(raw)
    assert [(f.kind, f.excerpt) for f in found] == [("truncated", excerpt)]
    assert raw[found[0].start : found[0].end] == excerpt


@pytest.mark.parametrize(
    "raw",
    [
        LEAD,
        f"{LEAD}\n\nBenarkah harga akan turun lagi?",
        f"{LEAD}\n\nLuar biasa!",
        f'{LEAD}\n\n"Kami siap," kata dia.',
        f'{LEAD}\n\n"Harga akan turun."',
        f"{LEAD}\n\nIa tiba di Jakarta (12/6/2023).",
        f"{LEAD}\n\n(Pedagang menunggu pembeli.)",
        f"{LEAD}  \n\n",
        # A reporter credit after the last sentence or on its own line.
        f"{LEAD} (ant)",
        f"{LEAD}\n\nIa tiba di Jakarta. (Tribunnews.com/Nama Wartawan)",
        f"{LEAD}\n(ab/cd)",
        # A data credit, a labelled or numbered row, hashtags.
        f"{LEAD}\n\nSumber: Bloomberg",
        f"{LEAD}\n\nPertalite: Rp 10.000 per liter",
        f"{LEAD}\n\n1. Jawa Barat\n2. Jawa Tengah\n14. Partai Demokrat",
        f"{LEAD} Jawaban: A",
        f"{LEAD}\n\n#PemiluDamai #Indonesia",
        "",
        "   \n\n ",
    ],
)
def test_not_truncated(raw: str) -> None:
    assert find_truncation(raw) == []


def test_is_reported_by_clean_and_explain_and_changes_nothing() -> None:
    raw = f"{LEAD}\n\nMenurut dia, pemerintah akan"
    result = beritaclean.clean_and_explain(raw)
    assert result.text == raw
    assert [f.kind for f in result.findings] == ["truncated"]


@given(raw=text)
def test_total_and_within_the_text(raw: str) -> None:
    for f in find_truncation(raw):
        assert f.kind == "truncated"
        assert 0 <= f.start < f.end <= len(raw)
        assert raw[f.start : f.end] == f.excerpt
    assert len([f for f in find_findings(raw) if f.kind == "truncated"]) <= 1


def test_linear_time() -> None:
    def run(doc: str) -> None:
        find_findings(doc)
        find_findings(doc.replace(" ", "\n"))

    assert growth(run, lambda size: ("kata dia (" * (size // 10))[:size]) < MAX_GROWTH
