"""The `lacuna` finding (SPEC §4)."""

from __future__ import annotations

import pytest

from beritaclean import clean_and_explain
from beritaclean.findings import find_findings, find_lacunae

FOUND = [
    ("Perang di, energi dan ekonomi.", ["di,"]),
    ("Presiden dari, untuk rakyat.", ["dari,"]),
    ("Selain, para menteri hadir.", ["Selain,"]),
    ("Harga naik dan.", ["dan."]),
    ("Tbk atau, berada di bawah.", ["atau,"]),
    ("dihimpun, yakni; lalu", ["yakni;"]),
    ("bertemu dengan) lalu", ["dengan)"]),
    ("kepada pemerintah serta: rakyat", ["serta:"]),
]
NOT_FOUND = [
    "Jakarta (ANTARA) - Budi datang.",
    "Ada dua hal, yaitu: satu dan dua.",
    "antara lain: beras, gula.",
    "termasuk: gula.",
    "Dia pergi ke pasar dan ke kantor.",
    "naik di 1,5 persen dan 2,5 persen.",
    "harga di,5 naik",
    "Kadi, Sari, dan Dandi datang.",
]


@pytest.mark.parametrize(("cleaned", "excerpts"), FOUND)
def test_lacuna_after_a_preposition(cleaned: str, excerpts: list[str]) -> None:
    found = [f for f in find_lacunae(cleaned) if f.kind == "lacuna"]
    assert [f.excerpt for f in found] == excerpts
    for f in found:
        assert cleaned[f.start : f.end] == f.excerpt


@pytest.mark.parametrize("cleaned", NOT_FOUND)
def test_no_lacuna(cleaned: str) -> None:
    assert [f for f in find_findings(cleaned) if f.kind == "lacuna"] == []


@pytest.mark.parametrize(
    ("raw", "excerpt"),
    [
        ("Rupiah menunjukkan, , melemah terhadap dolar.", "menunjukkan,"),
        ("saham PT ,(Persero) naik.", "PT"),
        ("harga pembelian kembali (,) bergerak stagnan.", "kembali"),
    ],
)
def test_lacuna_where_a_separator_run_collapsed(raw: str, excerpt: str) -> None:
    result = clean_and_explain(raw)
    found = find_lacunae(result.text, result.edits)
    assert [f.excerpt for f in found] == [excerpt]
    assert all(result.text[f.start : f.end] == f.excerpt for f in found)
    # Without the edits the text alone shows no trace of the lost name.
    assert find_lacunae(result.text) == []


@pytest.mark.parametrize(
    "raw",
    [
        "naik 3 persen.,Kemudian turun.",  # a list-export comma, not a lost name
        "kata dia,",  # a paragraph-final comma
        "Presiden Rusia .",
    ],
)
def test_no_lacuna_for_other_collapses(raw: str) -> None:
    result = clean_and_explain(raw)
    assert find_lacunae(result.text, result.edits) == []


def test_preposition_and_run_reported_once() -> None:
    result = clean_and_explain("Perang di , , energi.")
    found = find_lacunae(result.text, result.edits)
    assert [f.excerpt for f in found] == ["di,"]
