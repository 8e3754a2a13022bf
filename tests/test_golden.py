"""Golden cases: ``tests/cases/<name>.raw.txt`` cleaned with defaults gives ``<name>.clean.txt``.

A case may carry options in ``<name>.options.json`` (for example a title).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import beritaclean

CASES = Path(__file__).parent / "cases"
NAMES = sorted(p.name.removesuffix(".raw.txt") for p in CASES.glob("*.raw.txt"))


def _options(name: str) -> dict[str, object]:
    path = CASES / f"{name}.options.json"
    if not path.exists():
        return {}
    options: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return options


@pytest.mark.parametrize("name", NAMES)
def test_golden_case(name: str) -> None:
    raw = (CASES / f"{name}.raw.txt").read_text(encoding="utf-8")
    expected = (CASES / f"{name}.clean.txt").read_text(encoding="utf-8")
    assert beritaclean.clean(raw, **_options(name)) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("name", NAMES)
def test_golden_case_is_stable(name: str) -> None:
    expected = (CASES / f"{name}.clean.txt").read_text(encoding="utf-8")
    assert beritaclean.clean(expected, **_options(name)) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("name", NAMES)
def test_golden_case_edits_rebuild_output(name: str) -> None:
    raw = (CASES / f"{name}.raw.txt").read_text(encoding="utf-8")
    result = beritaclean.clean_and_explain(raw, **_options(name))  # type: ignore[arg-type]
    assert beritaclean.apply_edits(raw, result.edits) == result.text


def test_seed_is_present() -> None:
    # The user's own example must always be among the cases.
    assert "seed-tribunnews" in NAMES
