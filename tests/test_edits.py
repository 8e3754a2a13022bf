"""Edits, their composition through a Trace, and mapping spans back."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from beritaclean.edits import Edit, Span, Trace, apply_edits, apply_spans, compose_spans, map_span


@st.composite
def spans_in(draw: st.DrawFn, text: str) -> list[Span]:
    """Sorted, non-overlapping replacements in ``text``, insertions included."""
    points = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    spans: list[Span] = []
    for a, b in zip(points[::2], points[1::2], strict=False):
        if spans and (a < spans[-1][1] or (a == b == spans[-1][0] == spans[-1][1])):
            continue
        spans.append((a, b, draw(st.text("xy \n", max_size=3))))
    return spans


@given(data=st.data(), original=st.text("ab \n", max_size=16))
def test_trace_composes_any_sequence_of_steps(data: st.DataObject, original: str) -> None:
    trace = Trace(original)
    current = original
    for k in range(data.draw(st.integers(1, 4))):
        spans = data.draw(spans_in(current))
        expected = apply_spans(current, spans)
        current = trace.apply(f"step{k}", current, spans)
        assert current == expected
        edits = trace.edits()
        assert apply_edits(original, edits) == current
        last = 0
        for edit in edits:
            assert edit.start >= last
            assert edit.before == original[edit.start : edit.end]
            assert edit.before != edit.after
            last = edit.end


@given(data=st.data(), original=st.text("ab \n", max_size=16))
def test_compose_spans_equals_applying_twice(data: st.DataObject, original: str) -> None:
    first = data.draw(spans_in(original))
    middle = apply_spans(original, first)
    second = data.draw(spans_in(middle))
    composed = compose_spans(original, first, second)
    assert apply_spans(original, composed) == apply_spans(middle, second)


def test_an_edit_over_an_earlier_edit_names_both_steps() -> None:
    trace = Trace("a &amp;ldquo; b")
    middle = trace.apply("fix_encoding", "a &amp;ldquo; b", [(2, 13, "“")])
    assert middle == "a “ b"
    out = trace.apply("normalize_quotes", middle, [(2, 3, '"')])
    assert out == 'a " b'
    assert trace.edits() == [Edit("fix_encoding+normalize_quotes", 2, 13, "&amp;ldquo;", '"')]


def test_a_change_undone_leaves_no_edit() -> None:
    trace = Trace("a b")
    middle = trace.apply("one", "a b", [(1, 2, "")])
    trace.apply("two", middle, [(1, 1, " ")])
    assert trace.edits() == []


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        ((0, 5), (0, 5)),  # "Rusia" untouched
        ((5, 6), (6, 7)),  # the "." that lost the space before it
        ((0, 6), (0, 7)),  # the whole output covers the deleted space too
        ((6, 6), (7, 7)),  # the end of the text
    ],
)
def test_map_span(span: tuple[int, int], expected: tuple[int, int]) -> None:
    edits = [Edit("collapse_orphan_punctuation", 5, 6, " ", "")]
    assert apply_edits("Rusia .", edits) == "Rusia."
    assert map_span(edits, *span) == expected


def test_map_span_rejects_an_inverted_span() -> None:
    with pytest.raises(ValueError, match="invalid span"):
        map_span([], 3, 1)


def test_an_edit_pickles_to_an_equal_edit() -> None:
    # (explain_many(jobs=N) sends edits between processes; a compiled build too.)
    edit = Edit("normalize_whitespace", 3, 5, "  ", " ")
    assert pickle.loads(pickle.dumps(edit)) == edit  # noqa: S301 - our own pickle
