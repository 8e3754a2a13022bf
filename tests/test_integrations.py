"""The integrations: import isolation, the datasets helper, pandas recipes."""

from __future__ import annotations

import subprocess
import sys

import pytest

import beritaclean
from beritaclean.integrations.hf import clean_batch

DIRTY = [
    "TRIBUNNEWS.COM- Menteri itu hadir di , , Jakarta bersama Presiden Rusia .",
    "Harga cabai naik  lagi.\n\n\n\nBaca juga: Harga Bawang Ikut Naik\n\nPedagang mengeluh.",
    "",
    "Warga Bogor menanam padi di sawah.",
]


def test_importing_beritaclean_never_imports_an_integration() -> None:
    code = (
        "import sys, beritaclean, beritaclean.integrations, beritaclean.integrations.hf\n"
        "beritaclean.clean('Presiden Rusia .')\n"
        "heavy = ('datatrove', 'datasets', 'pandas', 'pyarrow')\n"
        "print(','.join(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run(  # noqa: S603 -- our own interpreter, a fixed program
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == ""


def test_clean_batch_cleans_the_column_like_clean() -> None:
    got = clean_batch({"text": DIRTY, "id": list(range(len(DIRTY)))})
    assert got == {"text": [beritaclean.clean(t) for t in DIRTY]}


def test_clean_batch_output_column_title_and_options() -> None:
    batch = {
        "body": ["Banjir Rob Landa Jakarta Utara\n\nJAKARTA, KOMPAS.com - Air laut naik."],
        "title": ["Banjir Rob Landa Jakarta Utara"],
    }
    got = clean_batch(batch, column="body", output_column="clean", title_column="title")
    assert got == {"clean": [beritaclean.clean(batch["body"][0], title=batch["title"][0])]}
    stripped = clean_batch(batch, column="body", bylines="strip", skip=["dedupe_headlines"])
    assert stripped == {
        "body": [beritaclean.clean(batch["body"][0], bylines="strip", skip=["dedupe_headlines"])]
    }


def test_clean_batch_keeps_none_and_rejects_non_text() -> None:
    assert clean_batch({"text": [None, "Rusia ."]}) == {"text": [None, "Rusia."]}
    with pytest.raises(TypeError, match="must be a str"):
        clean_batch({"text": [3]})
    with pytest.raises(KeyError):
        clean_batch({"body": ["x"]})
    with pytest.raises(ValueError, match="bylines"):
        clean_batch({"text": ["x"]}, bylines="hapus")


def test_clean_batch_empty_batch() -> None:
    assert clean_batch({"text": []}) == {"text": []}


def test_datasets_map_batched_num_proc_2() -> None:
    datasets = pytest.importorskip("datasets")
    ds = datasets.Dataset.from_dict({"id": list(range(len(DIRTY))), "text": DIRTY})
    out = ds.map(clean_batch, batched=True, batch_size=2, num_proc=2)
    assert out["text"] == [beritaclean.clean(t) for t in DIRTY]
    assert out["id"] == list(range(len(DIRTY)))
    kept = ds.map(
        clean_batch,
        batched=True,
        num_proc=2,
        fn_kwargs={"output_column": "clean", "bylines": "strip"},
    )
    assert kept["text"] == DIRTY
    assert kept["clean"] == [beritaclean.clean(t, bylines="strip") for t in DIRTY]


def test_pandas_series_map() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"text": DIRTY})
    frame["clean"] = frame["text"].map(beritaclean.clean)
    assert frame["clean"].tolist() == [beritaclean.clean(t) for t in DIRTY]


def test_pandas_parallel_with_clean_many() -> None:
    pd = pytest.importorskip("pandas")
    batch = pytest.importorskip("beritaclean.batch", reason="clean_many comes with the command")
    frame = pd.DataFrame({"text": DIRTY * 5}, index=range(100, 120))
    frame["clean"] = list(batch.clean_many(frame["text"], jobs=2))
    assert frame["clean"].tolist() == [beritaclean.clean(t) for t in DIRTY * 5]
    assert frame.index.tolist() == list(range(100, 120))
