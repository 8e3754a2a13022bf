"""The public API: clean, clean_and_explain, Pipeline, STEPS, options and errors."""

from __future__ import annotations

import pickle

import pytest

import beritaclean
from beritaclean import STEPS, CleanResult, Pipeline, clean, clean_and_explain

DEFAULT_ORDER = [
    "fix_encoding",
    "normalize_whitespace",
    "normalize_quotes",
    "split_glued_sentences",
    "remove_boilerplate",
    "fix_bylines",
    "dedupe_headlines",
    "dedupe_paragraphs",
    "collapse_orphan_punctuation",
]


def shout(text: str) -> str:
    """A custom step: module level, so it pickles."""
    return text.upper()


def test_steps_are_the_nine_in_the_default_order() -> None:
    assert list(STEPS) == DEFAULT_ORDER
    assert Pipeline().names == tuple(DEFAULT_ORDER)


def test_steps_cannot_be_changed() -> None:
    with pytest.raises(TypeError):
        STEPS["mine"] = shout  # type: ignore[index]


def test_public_api_is_sorted_and_complete() -> None:
    assert len(set(beritaclean.__all__)) == len(beritaclean.__all__)
    for name in ("clean", "clean_and_explain", "CleanResult", "Pipeline", "STEPS"):
        assert name in beritaclean.__all__
    assert "parse_byline" in beritaclean.__all__


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"bylines": "hapus"}, "bylines='hapus' is not valid; choose one of 'normalize', 'strip'"),
        ({"quotes": "curly"}, "quotes='curly' is not valid; choose one of 'ascii', 'typographic'"),
        ({"steps": ["fix_encoding", "fix_everything"]}, "unknown step 'fix_everything'"),
        ({"skip": ["no_such_step"]}, "unknown step 'no_such_step' in skip"),
    ],
)
def test_bad_options_name_the_valid_choices(options: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        clean("teks", **options)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=message):
        clean_and_explain("teks", **options)  # type: ignore[arg-type]


def test_unknown_step_message_lists_the_steps() -> None:
    with pytest.raises(ValueError, match="the steps are: fix_encoding, normalize_whitespace"):
        Pipeline(["fix_everything"])


@pytest.mark.parametrize("bad", [None, b"bytes", 12])
def test_text_must_be_a_str(bad: object) -> None:
    with pytest.raises(TypeError, match="text must be a str"):
        clean(bad)  # type: ignore[arg-type]


def test_title_must_be_a_str_or_none() -> None:
    with pytest.raises(TypeError, match="title must be a str or None"):
        clean("teks", title=3)  # type: ignore[arg-type]


def test_a_step_that_is_not_callable_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="a step is a step name or a str -> str callable"):
        Pipeline([42])  # type: ignore[list-item]


def test_a_custom_step_must_return_a_str() -> None:
    with pytest.raises(TypeError, match="returned int, expected str"):
        Pipeline([len])("teks")  # type: ignore[list-item]


def test_skip_leaves_a_step_out() -> None:
    raw = "Presiden Rusia ."
    assert clean(raw) == "Presiden Rusia."
    assert clean(raw, skip=["collapse_orphan_punctuation"]) == raw
    assert clean(raw, skip="collapse_orphan_punctuation") == raw


def test_steps_by_name_or_function_and_custom_callables() -> None:
    by_name = clean("Presiden  Rusia .", steps=["normalize_whitespace"])
    by_function = clean("Presiden  Rusia .", steps=[STEPS["normalize_whitespace"]])
    assert by_name == by_function == "Presiden Rusia ."
    assert clean("rusia", steps=[shout]) == "RUSIA"


def test_a_custom_step_is_reported_as_one_edit_of_the_changed_region() -> None:
    result = clean_and_explain("kata  dia", steps=["normalize_whitespace", shout])
    assert result.text == "KATA DIA"
    assert [(e.step, e.before, e.after) for e in result.edits] == [
        ("normalize_whitespace+shout", "kata  dia", "KATA DIA")
    ]


def test_an_unhashable_custom_step_works() -> None:
    class Step:
        __hash__ = None  # type: ignore[assignment]

        def __call__(self, text: str) -> str:
            return text if text.endswith("!") else text + "!"

    assert clean("a", steps=[Step()]) == "a!"


def test_the_pipeline_runs_until_the_text_is_stable_at_most_three_passes() -> None:
    calls: list[str] = []

    def grow(text: str) -> str:
        calls.append(text)
        return text + "."

    assert clean("a", steps=[grow]) == "a..."
    assert len(calls) == 3


def test_text_that_needs_no_change_costs_one_pass() -> None:
    calls: list[str] = []

    def same(text: str) -> str:
        calls.append(text)
        return text

    assert clean("Sudah bersih.", steps=[same]) == "Sudah bersih."
    assert calls == ["Sudah bersih."]


def test_pipeline_pickles_with_custom_steps() -> None:
    pipeline = Pipeline(["normalize_whitespace", shout], bylines="keep")
    restored = pickle.loads(pickle.dumps(pipeline))  # noqa: S301 - our own data
    assert restored == pipeline
    assert restored.names == ("normalize_whitespace", "shout")
    assert restored("a  b") == "A B"
    assert "bylines='keep'" in repr(restored)


def test_pipeline_equality_and_hash() -> None:
    assert Pipeline() == Pipeline()
    assert hash(Pipeline()) == hash(Pipeline())
    assert Pipeline(quotes="keep") != Pipeline()
    assert Pipeline().__eq__("x") is NotImplemented


def test_clean_and_explain_matches_clean() -> None:
    raw = "TRIBUNNEWS.COM- Presiden AS bahas perang di , , energi dengan Presiden Rusia ."
    result = clean_and_explain(raw)
    assert isinstance(result, CleanResult)
    assert result.text == clean(raw)
    assert result.original == raw
    assert beritaclean.apply_edits(raw, result.edits) == result.text
    assert {e.step for e in result.edits} == {"fix_bylines", "collapse_orphan_punctuation"}
    assert [f.kind for f in result.findings] == ["lacuna"]
    lacuna = result.findings[0]
    assert result.text[lacuna.start : lacuna.end] == lacuna.excerpt == "di,"


def test_byline_offsets_are_in_the_original() -> None:
    raw = "  Judul Berita Ini\n\n\nTRIBUNNEWS.COM- Presiden AS berkata."
    result = clean_and_explain(raw)
    assert result.byline is not None
    assert raw[result.byline.start : result.byline.end] == "TRIBUNNEWS.COM- "


def test_original_span_rejects_spans_outside_the_text() -> None:
    result = clean_and_explain("abc")
    with pytest.raises(ValueError, match="not within the cleaned text"):
        result.original_span(2, 9)


def test_empty_text() -> None:
    assert clean("") == ""
    result = clean_and_explain("")
    assert result.text == ""
    assert result.edits == ()
    assert result.findings == ()
    assert result.byline is None


@pytest.mark.parametrize("bylines", ["normalize", "strip", "keep"])
def test_byline_seen_over_passes_is_complete_in_every_mode(bylines: str) -> None:
    # The reporter line is glued to the title: dedupe_headlines frees it only
    # after fix_bylines has run once, so the byline is seen over two passes.
    title = "Persib Siap Hadapi Musim Ini"
    raw = (
        f"{title}Laporan Wartawan TribunJabar.id, Budi Santoso\n"
        "TRIBUNJABAR.ID, BANDUNG - Persib menyiapkan tim untuk musim baru."
    )
    result = clean_and_explain(raw, title=title, bylines=bylines)  # type: ignore[arg-type]
    byline = result.byline
    assert byline is not None
    assert (byline.outlet, byline.place, byline.reporter) == (
        "TRIBUNJABAR.ID",
        "BANDUNG",
        "Budi Santoso",
    )
    assert raw[byline.start : byline.end] == (
        "Laporan Wartawan TribunJabar.id, Budi Santoso\nTRIBUNJABAR.ID, BANDUNG - "
    )
