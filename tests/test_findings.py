"""Findings (SPEC §4)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from hypothesis import given

from beritaclean.findings import Finding, find_findings
from tests.strategies import text
from tests.timing import MAX_GROWTH, growth

if TYPE_CHECKING:
    from collections.abc import Callable


def _unbalanced(text: str) -> list[tuple[int, int, str]]:
    return [
        (f.start, f.end, f.excerpt) for f in find_findings(text) if f.kind == "unbalanced_quotes"
    ]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('Ia berkata, "Kami siap.', [(0, 23, 'Ia berkata, "Kami siap.')]),
        ('"Ya," kata dia.\n\nIa berkata, "Kami siap.', [(17, 40, 'Ia berkata, "Kami siap.')]),
        ("Ia berkata, “Kami siap.", [(0, 23, "Ia berkata, “Kami siap.")]),
        ('satu "a\ndua "b" c\ntiga "', [(0, 7, 'satu "a'), (18, 24, 'tiga "')]),
        ('"', [(0, 1, '"')]),
    ],
)
def test_unbalanced_quotes(raw: str, expected: list[tuple[int, int, str]]) -> None:
    assert _unbalanced(raw) == expected


@pytest.mark.parametrize(
    "clean",
    [
        '"Kami siap," kata dia. "Besok kita mulai."',
        "“Kami siap,” kata dia pada hari Jum'at.",
        "Tinggi 5″ dan berat 60 kg.",
        '"Satu paragraf"\n\n"dan yang lain"',
        "Tanpa kutipan sama sekali.",
        "",
    ],
)
def test_balanced_paragraphs_have_no_finding(clean: str) -> None:
    assert _unbalanced(clean) == []


@given(raw=text)
def test_unbalanced_spans_are_whole_odd_paragraphs(raw: str) -> None:
    for start, end, excerpt in _unbalanced(raw):
        assert raw[start:end] == excerpt
        assert "\n" not in excerpt
        assert start == 0 or raw[start - 1] == "\n"
        assert end == len(raw) or raw[end] == "\n"
        assert sum(excerpt.count(c) for c in '"“”„‟«»〝〞＂') % 2 == 1


def test_finding_kind() -> None:
    assert Finding("unbalanced_quotes", 0, 1, '"') in find_findings('"')


@pytest.mark.parametrize(
    "make", [lambda n: '"\n' * (n // 2), lambda n: '"' * n, lambda n: "\n" * n]
)
def test_unbalanced_quotes_linear_time(make: Callable[[int], str]) -> None:
    assert growth(find_findings, make) < MAX_GROWTH
