"""A synthetic corpus of Indonesian-news-like articles with the usual scraper artifacts.

Deterministic for a given seed, so two runs (and two machines) time the same
text. Written from scratch: short invented sentences, no article text. Every
article is a mix of clean paragraphs and the artifacts beritaclean exists for:
datelines with a lost space, `Baca juga:` links, repeated and degraded
headlines, holes left by stripped links (`di , , energi`), glued sentences,
curly quotes, HTML entities, no-break spaces, mojibake, ad lines and credits.
"""

from __future__ import annotations

import json
import random
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

__all__ = ["articles", "write_jsonl"]

SUBJECTS = (
    "Presiden",
    "Gubernur Jawa Barat",
    "Menteri Keuangan",
    "Wali Kota Bandung",
    "Kapolda Metro Jaya",
    "Ketua DPR",
    "Juru bicara KPK",
    "Direktur utama PT Kereta Api",
    "Pelatih timnas",
    "Warga setempat",
)
VERBS = (
    "mengatakan",
    "menegaskan",
    "menjelaskan",
    "mengungkapkan",
    "menyebut",
    "memastikan",
)
CLAUSES = (
    "harga beras di pasar tradisional naik sekitar 5 persen",
    "pembangunan jalan tol akan selesai pada akhir tahun",
    "bantuan sosial disalurkan kepada 1,5 juta keluarga",
    "banjir merendam ratusan rumah di tiga kecamatan",
    "pemerintah menyiapkan anggaran Rp 2,3 triliun",
    "rapat koordinasi digelar pada Senin (12/2/2024) pukul 10.30 WIB",
    "masing-masing daerah diminta menyiapkan posko darurat",
    "penyidik telah memeriksa 12 orang saksi",
    "nilai tukar rupiah melemah ke level 15.650 per dolar AS",
    "pertandingan berakhir imbang 1-1 di Stadion Gelora Bandung Lautan Api",
)
TAILS = (
    "kepada wartawan",
    "dalam keterangan tertulis",
    "saat ditemui di kantornya",
    "di sela kunjungan kerja",
    "melalui sambungan telepon",
)
PLACES = ("JAKARTA", "BANDUNG", "SURABAYA", "MEDAN", "MAKASSAR", "SEMARANG")
OUTLETS = (
    "TRIBUNNEWS.COM, {place} - ",
    "TRIBUNNEWS.COM- ",
    "{Place}, KOMPAS.com - ",
    "Liputan6.com, {Place} - ",
    "{Place}, CNN Indonesia -- ",
    "{Place} (ANTARA) - ",
    "TEMPO.CO, {Place} - ",
    "{Place} - ",
)
HEADLINE_WORDS = (
    "Harga",
    "Beras",
    "Naik",
    "Jelang",
    "Ramadan",
    "Pemerintah",
    "Siapkan",
    "Operasi",
    "Pasar",
    "di",
    "Jawa",
    "Barat",
    "Banjir",
    "Rendam",
    "Ratusan",
    "Rumah",
    "Warga",
    "Mengungsi",
)
ARTIFACT_LINES = (
    "ADVERTISEMENT",
    "SCROLL TO CONTINUE WITH CONTENT",
    "Baca juga: {headline}",
    "Simak juga: {headline}",
    "Halaman selanjutnya",
    "Editor: Hasanudin Aco",
    "Artikel ini telah tayang di Tribunnews.com dengan judul {headline}",
    ",",
)


def _sentence(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(CLAUSES)} {rng.choice(TAILS)}."


def _headline(rng: random.Random) -> str:
    return " ".join(rng.sample(HEADLINE_WORDS, rng.randint(5, 9)))


def _damage(rng: random.Random, paragraph: str) -> str:
    """Give a paragraph one or two typical scraper artifacts, or none."""
    for _ in range(rng.choice((0, 0, 1, 1, 2))):
        kind = rng.randrange(9)
        if kind == 0:  # a stripped link leaves a hole: "di , , energi"
            paragraph = paragraph.replace(" di ", " di , , ", 1)
        elif kind == 1:  # a stripped name before a full stop: "Rusia ."
            paragraph = paragraph[:-1] + " ."
        elif kind == 2:  # sentences glued by a <p> join: "wartawan.Ketua"
            paragraph = paragraph.replace(". ", ".", 1)
        elif kind == 3:  # curly quotes around speech
            paragraph = f"“{paragraph[:-1]},” kata dia."
        elif kind == 4:  # an escaped entity
            paragraph = paragraph.replace(" dan ", " &amp; ", 1).replace(",", " &quot;,", 1)
        elif kind == 5:  # no-break spaces and a double space
            paragraph = paragraph.replace(" ", "\u00a0", 2).replace(" ", "  ", 1) + "\u00a0"
        elif kind == 6:  # mojibake of a curly quote
            paragraph = "â€œ" + paragraph[:-1] + "â€\x9d"
        elif kind == 7:  # an inline related-article link
            paragraph = f"{paragraph} Baca juga: {_headline(rng)} {_sentence(rng)}"
        else:  # an orphaned comma before a bracket: "PT ,(Persero)"
            paragraph = paragraph.replace("PT ", "PT ,(Persero) ", 1)
    return paragraph


def _article(rng: random.Random) -> str:
    headline = _headline(rng)
    place = rng.choice(PLACES)
    dateline = rng.choice(OUTLETS).format(place=place, Place=place.title())
    paragraphs: list[str] = []
    if rng.random() < 0.5:  # the title scraped twice, once with its links stripped
        paragraphs += [headline, " ".join(headline.split()[::2])]
    paragraphs.append(dateline + " ".join(_sentence(rng) for _ in range(rng.randint(2, 4))))
    for _ in range(rng.randint(4, 12)):
        if rng.random() < 0.15:
            line = rng.choice(ARTIFACT_LINES).format(headline=_headline(rng))
        else:
            line = " ".join(_sentence(rng) for _ in range(rng.randint(1, 4)))
            line = _damage(rng, line)
        paragraphs.append(line)
    if rng.random() < 0.3:
        paragraphs.append("(Tribunnews.com/Rina Ayu)")
    sep = rng.choice(("\n\n", "\n", "\n\n\n", "\r\n\r\n"))
    return sep.join(paragraphs)


def articles(seed: int = 2024) -> Iterator[str]:
    """Generate articles forever, deterministically for ``seed``."""
    rng = random.Random(seed)
    while True:
        yield _article(rng)


def sample(total_bytes: int, seed: int = 2024) -> list[str]:
    """Articles until their UTF-8 size reaches ``total_bytes``."""
    out: list[str] = []
    size = 0
    for text in articles(seed):
        if size >= total_bytes:
            break
        out.append(text)
        size += len(text.encode("utf-8"))
    return out


def write_jsonl(path: Path, total_bytes: int, seed: int = 2024) -> int:
    """Write articles as JSON Lines (``id``, ``title``, ``text``) of about ``total_bytes``."""
    size = 0
    with path.open("w", encoding="utf-8") as f:
        for n, text in enumerate(articles(seed)):
            if size >= total_bytes:
                break
            line = json.dumps(
                {"id": f"syn-{n}", "title": text.split("\n", 1)[0], "text": text},
                ensure_ascii=False,
            )
            f.write(line + "\n")
            size += len(line.encode("utf-8")) + 1
    return size
