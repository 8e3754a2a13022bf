"""normalize_whitespace (SPEC §3.2): line breaks, odd spaces, blank lines."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from beritaclean.edits import apply_spans
from beritaclean.steps import whitespace
from beritaclean.steps.whitespace import normalize_whitespace, normalize_whitespace_spans
from tests.strategies import clean_prose, text
from tests.timing import MAX_GROWTH, growth

if TYPE_CHECKING:
    from collections.abc import Callable


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # Line breaks.
        ("satu\r\ndua", "satu\ndua"),
        ("satu\rdua", "satu\ndua"),
        ("satu\r\n\r\ndua", "satu\n\ndua"),
        ("satu\u2028dua\u2029tiga\x85empat", "satu\ndua\ntiga\nempat"),
        # Odd spaces become one plain space.
        ("Rusia\u00a0dan", "Rusia dan"),
        ("kata\tdia", "kata dia"),
        ("a\u2002b\u2009c\u202fd\u205fe\u3000f\u1680g", "a b c d e f g"),
        ("a\x0bb\x0cc", "a b c"),
        # Zero-width characters go without leaving a space.
        ("Ja\u200bkarta\u200c \u200dSe\u2060nin\ufeff", "Jakarta Senin"),
        ("\ufeffJudul", "Judul"),
        ("kata \u200b lain", "kata lain"),
        # Runs of spaces.
        ("Maskapai  penerbangan   itu", "Maskapai penerbangan itu"),
        ("kata \u00a0 \u00a0dia", "kata dia"),
        # Spaces at the ends of lines.
        ("Rusia.\u00a0\nSelain", "Rusia.\nSelain"),
        ("satu  \n  dua", "satu\ndua"),
        ("satu\t\n\tdua", "satu\ndua"),
        # Blank lines: one at most, also when they hold spaces.
        ("satu\n\n\n\ndua", "satu\n\ndua"),
        ("satu\n \u00a0\n\t\n\u200b\ndua", "satu\n\ndua"),
        ("satu\n\ndua", "satu\n\ndua"),
        # The document's ends.
        ("\n\n  Judul berita", "Judul berita"),
        ("Isi berita.\n\n\n", "Isi berita."),
        ("Isi berita. \u00a0\n", "Isi berita."),
        (" a ", "a"),
        (" ", ""),
        ("\n", ""),
        ("\u200b", ""),
    ],
)
def test_normalizes(raw: str, expected: str) -> None:
    assert normalize_whitespace(raw) == expected


@pytest.mark.parametrize(
    "clean",
    [
        "Harga emas naik 1,5 persen menjadi Rp 6.436,48 per gram.",
        "Menurut Kompas.com, masing-masing peserta hadir pada Jum'at.\n\nAT&T dan R&D.",
        "Judul\nPukul 10.30 WIB (27/12/2023).\n\n“Kami siap,” kata dia.",
        "Nama—tanpa spasi—dan ½ porsi; emoji 👨\u200d👩 tidak dipisah spasi.",
        "",
    ],
)
def test_leaves_tidy_text_alone(clean: str) -> None:
    expected = clean.replace("\u200d", "")  # zero-width joiners go (SPEC §3.2)
    assert normalize_whitespace(clean) == expected


@given(raw=text)
@example(raw=" ")
@example(raw="a \u2028 \n b")
@example(raw="\r\r\n\r")
def test_idempotent_and_total(raw: str) -> None:
    once = normalize_whitespace(raw)
    assert normalize_whitespace(once) == once
    assert apply_spans(raw, normalize_whitespace_spans(raw)) == once


@given(raw=text)
def test_output_shape(raw: str) -> None:
    out = normalize_whitespace(raw)
    assert "  " not in out
    assert "\n\n\n" not in out
    assert not out.startswith((" ", "\n"))
    assert not out.endswith((" ", "\n"))
    assert "\r" not in out
    assert "\t" not in out
    assert "\u00a0" not in out
    assert "\u200b" not in out
    for line in out.split("\n"):
        assert line == line.strip(" ")


_BREAK_RE = re.compile(r"\r\n|[\n\r\u2028\u2029\x85]")
_SPACES_RE = re.compile("[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\x0b\x0c]+")
_ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


@given(raw=text)
def test_never_joins_lines_or_drops_visible_text(raw: str) -> None:
    out = normalize_whitespace(raw)
    # Every non-blank line of the input is one line of the output, in order.
    lines = [
        _SPACES_RE.sub(" ", _ZERO_WIDTH_RE.sub("", line)).strip(" ")
        for line in _BREAK_RE.split(raw)
    ]
    assert [line for line in lines if line] == [line for line in out.split("\n") if line]


@given(prose=clean_prose)
def test_clean_prose_unchanged(prose: str) -> None:
    assert normalize_whitespace(prose) == prose


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "\n" * n,
        lambda n: " \u00a0" * (n // 2),
        lambda n: " " * n,
        lambda n: "a " * (n // 2),
        lambda n: "a\n \n" * (n // 4),
        lambda n: "\u200b" * n,
    ],
)
def test_linear_time(make: Callable[[int], str]) -> None:
    assert growth(normalize_whitespace, lambda n: "x" + make(n) + "x") < MAX_GROWTH


_WHITESPACE_ALPHABET = st.sampled_from(list(" \n\n\n\t\r\u00a0\u2000\u3000\u200b\u2028\x85ab."))


@given(raw=text | st.text(_WHITESPACE_ALPHABET, max_size=40))
@example(raw=" \u00a0 a  \n b\n\n\n\r\n ")
@example(raw="a \u200b b")
def test_finds_every_run_that_changes(raw: str) -> None:
    # The searches for the kinds of untidy runs miss none: rewriting every
    # whitespace run of the text gives the same spans.
    end_of_text = len(raw)
    every_run = []
    for m in re.finditer(f"[{whitespace._ANY}]+", raw):  # noqa: SLF001
        start, end = m.span()
        edge = start == 0 or end == end_of_text
        replacement = "" if edge else whitespace._replacement(m.group())  # noqa: SLF001
        if replacement != m.group():
            every_run.append((start, end, replacement))
    assert normalize_whitespace_spans(raw) == every_run
