"""How many step calls a clean costs: a confirming pass re-runs only what it must."""

from __future__ import annotations

import dataclasses
from collections import Counter
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from beritaclean import clean, clean_and_explain
from beritaclean.pipeline import _BUILTINS, Pipeline, clean_each
from tests.strategies import text

if TYPE_CHECKING:
    from beritaclean.edits import Span


def counting_pipeline(calls: Counter[str], **options: Any) -> Pipeline:
    """The nine built-in steps, each counting the calls of its `_spans` function."""

    def wrap(builtin: Any) -> Any:
        find = builtin.find

        def counted(text: str, **kwargs: Any) -> list[Span]:
            calls[builtin.name] += 1
            result: list[Span] = find(text, **kwargs)
            return result

        return dataclasses.replace(builtin, find=counted)

    return Pipeline([wrap(b) for b in _BUILTINS], **options)


def test_clean_text_costs_one_call_per_step() -> None:
    calls: Counter[str] = Counter()
    prose = "Presiden Jokowi meresmikan jalan tol di Jawa Tengah, Senin (12/2/2024)."
    assert counting_pipeline(calls).clean(prose) == prose
    assert calls == Counter({b.name: 1 for b in _BUILTINS})


def test_a_confirming_pass_skips_steps_whose_input_did_not_change() -> None:
    # Only normalize_whitespace changes anything. In the confirming pass only
    # fix_encoding sees a new text; the steps after normalize_whitespace saw
    # this very text already.
    calls: Counter[str] = Counter()
    out = counting_pipeline(calls).clean("Presiden  Jokowi  meresmikan jalan tol.")
    assert out == "Presiden Jokowi meresmikan jalan tol."
    expected = Counter({b.name: 1 for b in _BUILTINS})
    expected["fix_encoding"] += 1
    assert calls == expected


def test_a_change_by_the_last_step_re_runs_the_steps_before_it_only() -> None:
    calls: Counter[str] = Counter()
    out = counting_pipeline(calls).clean("Presiden Rusia .")
    assert out == "Presiden Rusia."
    expected = Counter({b.name: 2 for b in _BUILTINS})
    expected["collapse_orphan_punctuation"] = 1
    assert calls == expected


@pytest.mark.parametrize(
    "raw",
    [
        "Presiden Rusia .",
        "Presiden  Jokowi  meresmikan jalan tol.",
        "TRIBUNNEWS.COM- Presiden Rusia .\n\n\nYang mereka bahas di , , energi.\u00a0",
        "Sudah bersih.",
    ],
)
def test_explain_makes_the_same_calls_as_clean(raw: str) -> None:
    by_clean: Counter[str] = Counter()
    by_explain: Counter[str] = Counter()
    assert counting_pipeline(by_clean).clean(raw) == counting_pipeline(by_explain).explain(raw).text
    assert by_clean == by_explain


@given(raw=text, title=st.one_of(st.none(), text))
def test_skipping_gives_what_running_every_step_every_pass_gives(
    raw: str, title: str | None
) -> None:
    # The reference: every step in every pass, until stable (at most three).
    full = raw
    for _ in range(3):
        before = full
        for builtin in _BUILTINS:
            kwargs = {"title": title} if builtin.name == "dedupe_headlines" else {}
            full = builtin.func(full, **kwargs)
        if full == before:
            break
    assert clean(raw, title=title) == full
    assert clean_and_explain(raw, title=title).text == full


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


@given(
    docs=st.lists(st.tuples(text, st.none() | st.sampled_from(["Rapat", "Harga Beras Naik"]))),
    options=st.sampled_from(
        [
            {},
            {"bylines": "strip", "quotes": "typographic"},
            {"skip": ["remove_boilerplate"]},
            {"steps": ["normalize_whitespace", _upper_first, "collapse_orphan_punctuation"]},
        ]
    ),
)
def test_clean_each_is_clean_of_each_document(
    docs: list[tuple[str, str | None]], options: dict[str, Any]
) -> None:
    # Step by step over a batch, or one document at a time: the same texts.
    expected = [clean(doc, title=title, **options) for doc, title in docs]
    assert clean_each(docs, **options) == expected


def test_clean_each_checks_every_document_first() -> None:
    with pytest.raises(TypeError, match="text must be a str"):
        clean_each([("Baik.", None), (b"bytes", None)])  # type: ignore[list-item]
