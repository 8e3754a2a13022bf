"""The datatrove step, alone and end to end in a real LocalPipelineExecutor."""

from __future__ import annotations

import gzip
import json
from typing import TYPE_CHECKING, Any

import pytest

import beritaclean

pytest.importorskip("datatrove")

from datatrove.data import Document
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from beritaclean.integrations.datatrove import BeritaCleanFormatter

if TYPE_CHECKING:
    from pathlib import Path

TITLE = "Banjir Rob Landa Pesisir Jakarta Utara"
ARTICLES = [
    (
        f"{TITLE}\n\n{TITLE}\n\nTRIBUNNEWS.COM, JAKARTA- Banjir rob kembali merendam permukiman "
        "warga di , , Muara Angke pada Senin (4/3/2024).\n\nBaca juga: Warga Diminta Waspada"
        "\n\nAir mulai surut pada sore hari."
    ),
    "Liputan6.com, Jakarta -- Harga beras naik  lagi di pasar.\u00a0\n\n\n\nPedagang mengeluh .",
    "Warga Bogor menanam padi di sawah sejak pagi.",
    "â€œKami siap,â€\x9d kata Ketua RT .",
    "",
]


def _docs(n: int) -> list[dict[str, Any]]:
    return [
        {
            "id": f"doc-{i}",
            "text": ARTICLES[i % len(ARTICLES)] + ("" if i % 3 else f"\n\nParagraf ke-{i}."),
            "metadata": {"title": TITLE, "source": "uji"} if i % 2 == 0 else {"source": "uji"},
        }
        for i in range(n)
    ]


def _write_jsonl(folder: Path, docs: list[dict[str, Any]], files: int) -> None:
    folder.mkdir()
    for f in range(files):
        with (folder / f"part-{f}.jsonl").open("w", encoding="utf-8") as fh:
            for doc in docs[f::files]:
                fh.write(json.dumps(doc, ensure_ascii=False) + "\n")


def _read_jsonl_gz(folder: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            rows.extend(json.loads(line) for line in fh)
    return rows


def test_local_pipeline_executor_end_to_end(tmp_path: Path) -> None:
    docs = _docs(40)
    _write_jsonl(tmp_path / "raw", docs, files=4)
    executor = LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(tmp_path / "raw")),
            BeritaCleanFormatter(title_key="title"),
            JsonlWriter(str(tmp_path / "clean")),
        ],
        tasks=2,
        logging_dir=str(tmp_path / "logs"),
    )
    executor.run()

    # datatrove's readers skip documents without text.
    docs = [d for d in docs if d["text"]]
    out = {row["id"]: row for row in _read_jsonl_gz(tmp_path / "clean")}
    assert sorted(out) == sorted(str(d["id"]) for d in docs)
    for doc in docs:
        row = out[str(doc["id"])]
        meta = doc["metadata"]
        assert isinstance(meta, dict)
        expected = beritaclean.clean(str(doc["text"]), title=meta.get("title"))
        assert row["text"] == expected
        assert row["metadata"]["source"] == "uji"
        result = beritaclean.clean_and_explain(str(doc["text"]), title=meta.get("title"))
        if result.byline is None:
            assert row["metadata"]["byline"] is None
        else:
            assert row["metadata"]["byline"] == {
                "outlet": result.byline.outlet,
                "place": result.byline.place,
                "reporter": result.byline.reporter,
            }
    assert out["doc-0"]["metadata"]["byline"]["outlet"] == "TRIBUNNEWS.COM"

    stats = json.loads((tmp_path / "logs" / "stats.json").read_text(encoding="utf-8"))
    ours = {
        key: value if isinstance(value, int) else value["total"]
        for key, value in next(s for s in stats if "beritaclean" in s["name"])["stats"].items()
    }
    assert ours["total"] == len(docs) == 35
    assert ours["changed"] == sum(
        beritaclean.clean(str(d["text"]), title=d["metadata"].get("title")) != d["text"]
        for d in docs
    )
    assert ours["edits/fix_bylines"] > 0
    assert ours["edits/dedupe_headlines"] > 0
    assert ours["edits/remove_boilerplate"] > 0
    assert any(key.startswith("findings/") for key in ours)
    assert ours["chars_removed"] > 0


def _run(formatter: BeritaCleanFormatter, doc: Document) -> Document:
    return next(iter(formatter.run([doc])))


def test_formatter_title_byline_and_options() -> None:
    text = f"{TITLE}\n\nTRIBUNNEWS.COM, JAKARTA - Air laut naik di , , pesisir."
    doc = _run(BeritaCleanFormatter(), Document(text=text, id="1", metadata={"title": TITLE}))
    assert doc.text == beritaclean.clean(text, title=TITLE)
    assert doc.metadata["byline"] == {
        "outlet": "TRIBUNNEWS.COM",
        "place": "JAKARTA",
        "reporter": None,
    }

    plain = _run(
        BeritaCleanFormatter(title_key=None, byline_key=None, bylines="strip"),
        Document(text=text, id="2", metadata={"title": TITLE}),
    )
    assert plain.text == beritaclean.clean(text, bylines="strip")
    assert "byline" not in plain.metadata

    not_a_title = _run(BeritaCleanFormatter(), Document(text=text, id="3", metadata={"title": 7}))
    assert not_a_title.text == beritaclean.clean(text)


def test_formatter_without_explain_cleans_the_same() -> None:
    formatter = BeritaCleanFormatter(explain=False, skip=["dedupe_headlines"])
    for i, text in enumerate(ARTICLES):
        doc = _run(formatter, Document(text=text, id=str(i), metadata={"title": TITLE}))
        assert doc.text == beritaclean.clean(text, title=TITLE, skip=["dedupe_headlines"])
        assert "byline" not in doc.metadata
    assert formatter.stats["total"].total == len(ARTICLES)
    assert not any(key.startswith("edits/") for key in formatter.stats.stats)
    assert formatter.format("Presiden Rusia .") == "Presiden Rusia."


def test_formatter_rejects_bad_options_when_built() -> None:
    with pytest.raises(ValueError, match="bylines"):
        BeritaCleanFormatter(bylines="hapus")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown step"):
        BeritaCleanFormatter(steps=["fix_everything"])
