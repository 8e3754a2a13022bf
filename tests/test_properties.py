"""Properties every step and the pipeline keep, for any input (SPEC §1)."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import beritaclean
from beritaclean import STEPS, Pipeline, apply_edits, clean, clean_and_explain
from beritaclean.edits import apply_spans
from beritaclean.pipeline import _BY_NAME
from tests.strategies import clean_prose, text

STEP_NAMES = list(STEPS)


@pytest.mark.parametrize("name", STEP_NAMES)
@given(raw=text)
def test_every_step_is_total_and_idempotent(name: str, raw: str) -> None:
    step = STEPS[name]
    once = step(raw)
    assert isinstance(once, str)
    assert step(once) == once


@given(raw=text)
@example(raw="")
@example(raw="\ud800 lone surrogate \x00 and controls \x1b[31m")
def test_pipeline_is_idempotent(raw: str) -> None:
    once = clean(raw)
    assert clean(once) == once


@given(raw=text, title=st.one_of(st.none(), text))
def test_pipeline_with_title_is_idempotent(raw: str, title: str | None) -> None:
    once = clean(raw, title=title)
    assert clean(once, title=title) == once


@given(raw=text)
def test_edits_rebuild_the_output(raw: str) -> None:
    result = clean_and_explain(raw)
    assert result.text == clean(raw)
    assert apply_edits(raw, result.edits) == result.text
    last = 0
    for edit in result.edits:
        assert edit.start >= last
        assert raw[edit.start : edit.end] == edit.before
        assert edit.before != edit.after
        assert edit.step
        last = edit.end


@given(raw=text, data=st.data())
def test_original_span_agrees_with_the_edits(raw: str, data: st.DataObject) -> None:
    result = clean_and_explain(raw)
    out = result.text
    # Walk the output: text between edits is unchanged, and must map exactly.
    out_pos = orig_pos = 0
    for edit in [*result.edits, None]:
        stop = edit.start if edit is not None else len(raw)
        size = stop - orig_pos
        if size > 0:
            # A non-empty span: an empty one at the edge of a deletion could
            # map to either side of it.
            a = data.draw(st.integers(0, size - 1))
            b = data.draw(st.integers(a + 1, size))
            mapped = result.original_span(out_pos + a, out_pos + b)
            assert mapped == (orig_pos + a, orig_pos + b)
            assert raw[mapped[0] : mapped[1]] == out[out_pos + a : out_pos + b]
        if edit is not None:
            out_pos += size + len(edit.after)
            orig_pos = edit.end
    # Any span maps to a valid span of the original.
    a = data.draw(st.integers(0, len(out)))
    b = data.draw(st.integers(a, len(out)))
    start, end = result.original_span(a, b)
    assert 0 <= start <= end <= len(raw)


@given(prose=clean_prose)
def test_clean_prose_passes_through_unchanged(prose: str) -> None:
    assert clean(prose) == prose


@pytest.mark.parametrize("name", STEP_NAMES)
@given(prose=clean_prose)
def test_no_step_changes_clean_prose(name: str, prose: str) -> None:
    assert STEPS[name](prose) == prose


@given(raw=text)
def test_pipeline_pickles(raw: str) -> None:
    pipeline = Pipeline(bylines="strip", quotes="typographic")
    restored = pickle.loads(pickle.dumps(pipeline))  # noqa: S301 - our own data
    assert restored == pipeline
    assert restored(raw) == pipeline(raw)


def test_version_is_exported() -> None:
    assert beritaclean.__version__


@pytest.mark.parametrize("name", STEP_NAMES)
@given(raw=text)
@example(
    # remove_boilerplate once found an inline span overlapping a removed line
    # (a marker mended up to the line's start), built from artifact pieces.
    raw=(
        "bacajugaDilarang keras mengambil konten.* Untuk mengetahui kebenaran informasi"
        " yang beredar, silakan x.\u017fimak juga: ( Lihat juga : X). Artikel ini telah"
        " tayang di Kompas.com dengan judul X\u2028Baca halaman selanjutnya.Simak Video"
        ' "Judul"BACA JUGA \u017fimak juga: .tg {border:0;}\n\nScroll ke bawah untuk'
        " melanjutkan membacaSIMAK JUGAKata dia.\u2014 Budi (@budi) March 1, 2023"
    ),
)
def test_every_step_finds_sorted_disjoint_spans(name: str, raw: str) -> None:
    builtin = _BY_NAME[name]
    spans = builtin.find(
        raw, **{keyword: None for _, keyword in builtin.options if keyword == "title"}
    )
    last = 0
    for start, end, replacement in spans:
        assert last <= start <= end <= len(raw), spans
        assert isinstance(replacement, str)
        last = end
    assert apply_spans(raw, spans) == STEPS[name](raw)
