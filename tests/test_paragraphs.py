"""``dedupe_paragraphs`` (SPEC §3.7): a paragraph of 5+ words that repeats an earlier one."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from beritaclean.steps.headlines import dedupe_headlines, is_headline_like
from beritaclean.steps.paragraphs import dedupe_paragraphs, dedupe_paragraphs_spans
from tests.strategies import clean_prose, text
from tests.timing import MAX_GROWTH, growth

# Time on 1 MB over time on 100 KB: linear work gives about 10, quadratic 100.

P1 = "Presiden Joko Widodo meresmikan jalan tol baru di Jawa Tengah pada Senin (12/6/2023)."
P2 = "Jalan tol sepanjang 40 kilometer itu memangkas waktu tempuh hingga satu jam."
P3 = '"Kami berharap jalan ini mempercepat arus barang," kata Jokowi.'


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (f"{P1}\n\n{P2}\n\n{P1}", f"{P1}\n\n{P2}"),
        (f"{P1}\n\n{P1}\n\n{P2}", f"{P1}\n\n{P2}"),
        (f"{P1}\n{P2}\n{P1}\n{P3}", f"{P1}\n{P2}\n{P3}"),
        # Whitespace inside the paragraph does not matter.
        (f"{P1}\n\n{P2}\n\n {P1.replace(' ', '  ', 3)} ", f"{P1}\n\n{P2}"),
        # Every later copy goes.
        (f"{P3}\n\n{P2}\n\n{P3}\n\n{P3}\n\n{P1}", f"{P3}\n\n{P2}\n\n{P1}"),
        # Five words exactly.
        (
            "Harga emas naik hari ini.\n\nKata dia.\n\nHarga emas naik hari ini.",
            "Harga emas naik hari ini.\n\nKata dia.",
        ),
        # A headline-like paragraph that lost its full stop, repeated in the body.
        (
            (
                f"{P1}\n\nJalan tol itu dibangun dalam waktu dua tahun\n\n{P2}\n\n"
                "Jalan tol itu dibangun dalam waktu dua tahun"
            ),
            f"{P1}\n\nJalan tol itu dibangun dalam waktu dua tahun\n\n{P2}",
        ),
        # A short paragraph copied right under itself is no list row.
        (
            f"{P1}\n\nJalan tol dibuka gratis sepekan.\nJalan tol dibuka gratis sepekan.\n\n{P2}",
            f"{P1}\n\nJalan tol dibuka gratis sepekan.\n{P2}",
        ),
    ],
)
def test_removes_repeats(raw: str, expected: str) -> None:
    assert dedupe_paragraphs(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        # Fewer than five words.
        f"Foto: dok.\n\n{P1}\n\nFoto: dok.",
        f"{P1}\n\nTanggapan Cak Imin\n\n{P2}\n\nTanggapan Cak Imin",
        # Near copies are not copies.
        f"{P1}\n\n{P1[:-1]}!",
        f"{P1}\n\n{P1.lower()}",
        # A row repeated in a second list.
        (
            "Anies Baswedan-Muhaimin Iskandar\nSumatera: 34,4 persen\n"
            "Jakarta dan Banten: 35,2 persen\n"
            "Prabowo Subianto-Gibran Rakabuming Raka\nSumatera: 36,5 persen\n"
            "Jakarta dan Banten: 35,2 persen\nJawa Barat: 50,9 persen"
        ),
        (
            "Provinsi Aceh\n\nPertalite: Rp 10.000 per liter.\n\nPertamax: Rp 12.950 per liter.\n\n"
            "Provinsi Sumatera Utara\n\nPertalite: Rp 10.000 per liter.\n\n"
            "Pertamax: Rp 13.250 per liter."
        ),
        "",
        P1,
    ],
)
def test_must_not_change(raw: str) -> None:
    assert dedupe_paragraphs(raw) == raw


@given(raw=text)
def test_idempotent_and_total(raw: str) -> None:
    once = dedupe_paragraphs(raw)
    assert dedupe_paragraphs(once) == once


@given(raw=st.one_of(text, clean_prose))
def test_removes_only_repeats(raw: str) -> None:
    # Every paragraph of the input is still there at least once, and no
    # paragraph that occurs only once was touched.
    out = dedupe_paragraphs(raw)
    out_lines = {" ".join(line.split()) for line in out.split("\n")}
    for line in raw.split("\n"):
        assert " ".join(line.split()) in out_lines or not line.strip()
    last = 0
    for start, end, replacement in dedupe_paragraphs_spans(raw):
        assert replacement == ""
        assert last <= start <= end
        last = end


@given(
    paragraphs=st.lists(
        st.one_of(clean_prose, st.sampled_from([P1, P2, P3, "Foto: dok."])), max_size=12
    ),
    title=st.one_of(st.none(), st.sampled_from(["", P2, "Jalan Tol Baru Diresmikan"])),
)
def test_both_dedupe_steps_keep_unique_body_paragraphs(
    paragraphs: list[str], title: str | None
) -> None:
    raw = "\n\n".join(paragraphs)
    out = dedupe_paragraphs(dedupe_headlines(raw, title=title))
    lines = raw.split("\n")
    kept = set(out.split("\n"))
    for line in lines:
        if line.strip() and lines.count(line) == 1 and not is_headline_like(line):
            assert line in kept


def test_linear_time() -> None:
    def make(size: int) -> str:
        return (f"{P1} {P2} {P3}\n\n" * (size // 220))[:size]

    assert growth(dedupe_paragraphs, make) < MAX_GROWTH
