"""clean_many() and explain_many(): order, laziness, bounded read-ahead, jobs=2 == jobs=1."""

from __future__ import annotations

import itertools
import os
import random
import time
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING

import pytest

import beritaclean
from beritaclean import batch, clean, clean_and_explain, clean_many, explain_many

if TYPE_CHECKING:
    from collections.abc import Iterator

PIECES = [
    "TRIBUNNEWS.COM- Presiden Rusia .",
    "Yang mereka bahas di , , energi.",
    "Baca juga: Harga Cabai Naik di Pasar Induk",
    "Putin Bahas Ukraina",
    "Menurut dia , harga naik 1,5 persen pada Senin (27/12/2023).",
    "“Kami siap,” kata Budi.Menurutnya hal itu wajar.",
    "Jakarta - Polisi memeriksa saksi  di lokasi.",
    "Isi berita biasa yang sudah bersih.",
    "MÃ¼ller datang ke Bogor &amp;ldquo;hari ini&amp;rdquo;.",
    "",
]


def generated(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)  # noqa: S311 -- test data, not secrets
    return ["\n\n".join(rng.choices(PIECES, k=rng.randint(1, 6))) for _ in range(n)]


def shout(text: str) -> str:
    """A custom step: module level, so worker processes can unpickle it."""
    return text.upper()


def die_on_marker(text: str) -> str:
    """A custom step whose worker process dies, as one killed for memory would."""
    if "MATI" in text:
        os._exit(1)
    return text


def test_clean_many_is_in_the_public_api() -> None:
    assert beritaclean.clean_many is clean_many
    assert "clean_many" in beritaclean.__all__
    assert "explain_many" in beritaclean.__all__


def test_clean_many_keeps_order_and_equals_clean() -> None:
    texts = generated(200)
    assert list(clean_many(texts)) == [clean(t) for t in texts]


def test_clean_many_passes_options_and_titles(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str, str | None, str]] = []

    def spy(text: str, *, title: str | None = None, **options: object) -> str:
        seen.append((text, title, str(options.get("bylines"))))
        return text

    monkeypatch.setattr(batch, "clean", spy)
    out = list(clean_many(["a", "b", "c"], titles=["A", None, "C"], bylines="strip"))
    assert out == ["a", "b", "c"]
    assert seen[-3:] == [("a", "A", "strip"), ("b", None, "strip"), ("c", "C", "strip")]


def test_clean_many_options_apply_to_every_document() -> None:
    texts = ["TRIBUNNEWS.COM- Presiden Rusia .", "“Kata” dia ."]
    assert list(clean_many(texts, bylines="strip", quotes="keep", skip=["fix_encoding"])) == [
        clean(t, bylines="strip", quotes="keep", skip=["fix_encoding"]) for t in texts
    ]


def test_clean_many_is_lazy_with_one_job() -> None:
    consumed = 0

    def source() -> Iterator[str]:
        nonlocal consumed
        for i in itertools.count():
            consumed += 1
            yield f"Berita ke-{i} di , , energi."

    out = clean_many(source())
    assert consumed == 0
    assert next(out) == "Berita ke-0 di, energi."
    assert consumed == 1
    assert list(itertools.islice(out, 9))[-1] == "Berita ke-9 di, energi."
    assert consumed == 10


def test_clean_many_reads_a_bounded_window_ahead_with_jobs() -> None:
    consumed = 0

    def source() -> Iterator[str]:
        nonlocal consumed
        for i in itertools.count():  # endless: only laziness lets this finish
            consumed += 1
            yield f"Berita ke-{i} di , , energi."

    out = clean_many(source(), jobs=2)
    first = list(itertools.islice(out, 100))
    assert first[99] == "Berita ke-99 di, energi."
    window = 2 * batch.WINDOW_PER_JOB * batch.CHUNK_ITEMS
    assert consumed <= 100 + window + batch.CHUNK_ITEMS
    started = time.perf_counter()
    out.close()  # stops the workers at once
    assert time.perf_counter() - started < 10


def test_jobs_2_equals_jobs_1_on_thousands_of_documents() -> None:
    texts = generated(3000)
    titles = [None if i % 3 else "Putin Bahas Ukraina" for i in range(len(texts))]
    serial = list(clean_many(texts, titles=titles, jobs=1))
    parallel = list(clean_many(iter(texts), titles=iter(titles), jobs=2))
    assert parallel == serial
    assert serial == [clean(t, title=ti) for t, ti in zip(texts, titles, strict=True)]


def test_explain_many_equals_clean_and_explain_with_jobs() -> None:
    texts = generated(300, seed=3)
    expected = [clean_and_explain(t) for t in texts]
    assert list(explain_many(texts)) == expected
    assert list(explain_many(texts, jobs=2)) == expected


def test_custom_steps_work_in_worker_processes() -> None:
    texts = ["  berita  satu ", "dua"] * 50
    expected = [clean(t, steps=["normalize_whitespace", shout]) for t in texts]
    assert list(clean_many(texts, steps=["normalize_whitespace", shout], jobs=2)) == expected


def test_chunks_close_at_the_item_or_character_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "CHUNK_ITEMS", 3)
    monkeypatch.setattr(batch, "CHUNK_CHARS", 10)
    pairs = [("a", None), ("b", None), ("c", None), ("d", None), ("x" * 12, "T"), ("e", None)]
    sizes = [len(chunk) for chunk in batch._chunks(pairs)]  # noqa: SLF001
    assert sizes == [3, 2, 1]


def test_big_documents_are_chunked_by_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "CHUNK_CHARS", 100)  # chunks are made in the calling process
    texts = generated(120, seed=5)
    assert list(clean_many(texts, jobs=2)) == [clean(t) for t in texts]


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"bylines": "hapus"}, ValueError, "bylines='hapus' is not valid"),
        ({"skip": ["no_such_step"]}, ValueError, "unknown step 'no_such_step'"),
        ({"jobs": -1}, ValueError, "jobs=-1 is not valid"),
        ({"jobs": True}, ValueError, "jobs=True is not valid"),
        ({"title": "Judul"}, TypeError, "takes titles=, one per document"),
        ({"colour": "red"}, TypeError, "colour"),
    ],
)
def test_bad_options_fail_at_the_call_not_later(
    kwargs: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        clean_many(["teks"], **kwargs)  # type: ignore[arg-type]
    with pytest.raises(error, match=message):
        explain_many(["teks"], **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_document_that_is_not_a_str_is_a_type_error(jobs: int) -> None:
    with pytest.raises(TypeError, match="text must be a str, not int"):
        list(clean_many(["a", 3], jobs=jobs))  # type: ignore[list-item]


def test_a_dead_worker_is_an_error_not_a_hang() -> None:
    texts = ["satu", "dua", "MATI", "empat"] * 10
    with pytest.raises(BrokenProcessPool):
        list(clean_many(texts, steps=[die_on_marker], jobs=2))


def test_titles_must_match_texts_in_length() -> None:
    with pytest.raises(ValueError, match="zip"):
        list(clean_many(["a", "b"], titles=["A"]))


def test_jobs_0_uses_every_cpu() -> None:
    texts = generated(50, seed=11)
    assert list(clean_many(texts, jobs=0)) == [clean(t) for t in texts]


def test_empty_input() -> None:
    assert list(clean_many([])) == []
    assert list(clean_many([], jobs=2)) == []
