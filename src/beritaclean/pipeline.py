"""The pipeline: steps in order, ``clean()``, ``clean_and_explain()``, ``STEPS``.

A built-in step is a pair of functions: the public ``str -> str`` function
(``beritaclean.steps.punctuation.collapse_orphan_punctuation``) and the
function that *finds* its replacements. The pipeline uses the second, so it can
trace every change back to the original input at no extra design cost. A
custom step is any ``str -> str`` callable; its edit is the changed region,
common prefix and suffix trimmed.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from functools import partial
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, Literal, TypeAlias, cast

from beritaclean._loop import run_each, run_plan
from beritaclean.edits import Edit, Span, Trace, map_span
from beritaclean.findings import Finding, find_findings
from beritaclean.steps._util import diff_span
from beritaclean.steps.boilerplate import remove_boilerplate, remove_boilerplate_spans
from beritaclean.steps.bylines import Byline, fix_bylines, fix_bylines_spans, parse_byline
from beritaclean.steps.encoding import fix_encoding, fix_encoding_spans
from beritaclean.steps.glued import split_glued_sentences, split_glued_sentences_spans
from beritaclean.steps.headlines import dedupe_headlines, dedupe_headlines_spans
from beritaclean.steps.paragraphs import dedupe_paragraphs, dedupe_paragraphs_spans
from beritaclean.steps.punctuation import (
    collapse_orphan_punctuation,
    collapse_orphan_punctuation_spans,
)
from beritaclean.steps.quotes import normalize_quotes, normalize_quotes_spans
from beritaclean.steps.whitespace import normalize_whitespace, normalize_whitespace_spans

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence

__all__ = [
    "BYLINE_MODES",
    "QUOTE_MODES",
    "STEPS",
    "BylineMode",
    "CleanResult",
    "Pipeline",
    "QuoteMode",
    "StepLike",
    "clean",
    "clean_and_explain",
]

BylineMode: TypeAlias = Literal["normalize", "strip", "keep"]
QuoteMode: TypeAlias = Literal["ascii", "typographic", "keep"]
BYLINE_MODES: Final = ("normalize", "strip", "keep")
QUOTE_MODES: Final = ("ascii", "typographic", "keep")

StepLike: TypeAlias = "str | Callable[[str], str]"
"""A step as a pipeline takes it: a built-in step's name or any ``str -> str`` callable."""

_Find: TypeAlias = "Callable[[str], list[Span]]"
_Plan: TypeAlias = "tuple[tuple[_Builtin | Callable[[str], str], _Find | None], ...]"
"""Each step of a pipeline, and for a built-in step its find function with the
pipeline's options bound (``None`` for a custom step)."""

MAX_PASSES: Final = 3
"""Passes over the steps at most, until the text stops changing (SPEC §3)."""


@dataclass(frozen=True, slots=True)
class _Builtin:
    name: str
    func: Callable[..., str]
    find: Callable[..., list[Span]]
    # Pipeline option -> the step's own keyword (``bylines`` -> ``mode``).
    options: tuple[tuple[str, str], ...] = ()


_BUILTINS: Final = (
    _Builtin("fix_encoding", fix_encoding, fix_encoding_spans),
    _Builtin("normalize_whitespace", normalize_whitespace, normalize_whitespace_spans),
    _Builtin("normalize_quotes", normalize_quotes, normalize_quotes_spans, (("quotes", "mode"),)),
    _Builtin("split_glued_sentences", split_glued_sentences, split_glued_sentences_spans),
    _Builtin("remove_boilerplate", remove_boilerplate, remove_boilerplate_spans),
    _Builtin("fix_bylines", fix_bylines, fix_bylines_spans, (("bylines", "mode"),)),
    _Builtin("dedupe_headlines", dedupe_headlines, dedupe_headlines_spans, (("title", "title"),)),
    _Builtin("dedupe_paragraphs", dedupe_paragraphs, dedupe_paragraphs_spans),
    _Builtin(
        "collapse_orphan_punctuation",
        collapse_orphan_punctuation,
        collapse_orphan_punctuation_spans,
    ),
)
_BY_NAME: Final = {b.name: b for b in _BUILTINS}
_BY_FUNC: Final = {b.func: b for b in _BUILTINS}

STEPS: Final[Mapping[str, Callable[..., str]]] = MappingProxyType(
    {b.name: b.func for b in _BUILTINS}
)
"""The nine built-in steps by name, in the default order."""


@dataclass(frozen=True, slots=True)
class CleanResult:
    """What :func:`clean_and_explain` returns.

    Attributes:
        text: The cleaned text, exactly what :func:`clean` returns.
        original: The input text.
        edits: Every change, sorted and non-overlapping, in offsets of
            ``original``; applying them to ``original`` gives ``text``.
        findings: Problems seen but not fixed (lost names, unbalanced quotes,
            truncation), with offsets into ``text``.
        byline: The dateline and reporter line, parsed, with offsets into
            ``original``; ``None`` when the text has none.
    """

    text: str
    original: str
    edits: tuple[Edit, ...]
    findings: tuple[Finding, ...] = ()
    byline: Byline | None = None
    _cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of :attr:`text` back to :attr:`original`.

        Text no step touched maps exactly; a span that reaches into changed
        text widens to cover all of the original that the change replaced.

        >>> r = clean_and_explain("Presiden Rusia .  Kami membahas , , energi")
        >>> r.text
        'Presiden Rusia. Kami membahas, energi'
        >>> start = r.text.index("Kami")
        >>> r.original_span(start, start + 4)
        (18, 22)

        Raises:
            ValueError: If ``(start, end)`` is not a span of :attr:`text`.
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(
                f"span ({start}, {end}) is not within the cleaned text (length {len(self.text)})"
            )
        return map_span(self.edits, start, end)


class Pipeline:
    """Steps applied in order, as one picklable ``str -> str`` callable.

    Args:
        steps: Built-in step names or ``str -> str`` callables, in the order
            to apply them; ``None`` means the nine built-in steps in the
            default order.
        bylines: How :func:`~beritaclean.steps.bylines.fix_bylines` treats
            datelines: ``"normalize"``, ``"strip"`` or ``"keep"``.
        quotes: How :func:`~beritaclean.steps.quotes.normalize_quotes`
            treats quote marks: ``"ascii"``, ``"typographic"`` or ``"keep"``.

    Raises:
        ValueError: For an unknown step name or option value; the message
            names the valid choices.
        TypeError: For a step that is neither a name nor a callable.

    >>> p = Pipeline(["normalize_whitespace", str.upper])
    >>> p("  berita  baru ")
    'BERITA BARU'
    >>> p.names
    ('normalize_whitespace', 'upper')
    """

    __slots__ = ("_bylines", "_plan_untitled", "_quotes", "_steps")

    def __init__(
        self,
        steps: Iterable[StepLike] | None = None,
        *,
        bylines: BylineMode = "normalize",
        quotes: QuoteMode = "ascii",
    ) -> None:
        """Build a pipeline; see the class docstring."""
        _check_choice("bylines", bylines, BYLINE_MODES)
        _check_choice("quotes", quotes, QUOTE_MODES)
        self._steps: tuple[_Builtin | Callable[[str], str], ...] = tuple(
            _resolve(step) for step in (_BUILTINS if steps is None else steps)
        )
        self._bylines: BylineMode = bylines
        self._quotes: QuoteMode = quotes
        self._plan_untitled = self._build_plan(None)

    @property
    def names(self) -> tuple[str, ...]:
        """The step names, in order (a custom step goes by its ``__name__``)."""
        return tuple(_step_name(s) for s in self._steps)

    def __repr__(self) -> str:
        """Show the steps and the options."""
        return f"Pipeline({list(self.names)!r}, bylines={self._bylines!r}, quotes={self._quotes!r})"

    def __eq__(self, other: object) -> bool:
        """Pipelines are equal when they run the same steps with the same options."""
        if not isinstance(other, Pipeline):
            return NotImplemented
        return (self._steps, self._bylines, self._quotes) == (
            other._steps,
            other._bylines,
            other._quotes,
        )

    def __hash__(self) -> int:
        """Hash like the steps and options."""
        return hash((self._steps, self._bylines, self._quotes))

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle built-in steps by name, custom steps as themselves."""
        steps = [s.name if isinstance(s, _Builtin) else s for s in self._steps]
        return (_rebuild_pipeline, (steps, self._bylines, self._quotes))

    def __call__(self, text: str, *, title: str | None = None) -> str:
        """Clean ``text``; ``title`` is the article's title, if known."""
        return self.clean(text, title=title)

    def clean(self, text: str, *, title: str | None = None) -> str:
        """Clean ``text`` and return the cleaned text.

        Runs the steps until the text stops changing, at most three passes;
        text that needs no change costs one pass, and a later pass runs only
        the built-in steps whose input changed since they last ran.
        """
        _check_text(text, title)
        return run_plan(self._plan(title), text, MAX_PASSES, _call_custom)

    def _clean_each(self, pairs: Sequence[tuple[str, str | None]]) -> list[str]:
        """:meth:`clean` of each ``(text, title)`` pair (already checked), step by step."""
        plans = [self._plan(title) for _, title in pairs]
        return run_each(plans, [text for text, _ in pairs], MAX_PASSES, _call_custom)

    def explain(self, text: str, *, title: str | None = None) -> CleanResult:
        """Clean ``text`` and report every edit, the findings and the byline."""
        _check_text(text, title)
        plan = self._plan(title)
        original = text
        trace = Trace(original)
        byline: Byline | None = None
        byline_seen = False
        fixed: list[str | None] = [None] * len(plan)  # as in clean()
        for _ in range(MAX_PASSES):
            before = text
            for i, (step, find) in enumerate(plan):
                if isinstance(step, _Builtin):
                    assert find is not None  # noqa: S101 - every built-in step has one
                    if text == fixed[i]:
                        continue
                    if step.name == "fix_bylines":
                        # The byline as this step sees it; a later pass may see
                        # more of it (a reporter line that dedupe_headlines only
                        # unglued from the title), and strip mode leaves none.
                        byline_seen = True
                        seen = _map_byline(parse_byline(text), trace)
                        byline = _merge_bylines(byline, seen, original)
                    spans = find(text)
                    text = trace.apply(step.name, text, spans)
                    fixed[i] = text
                else:
                    new = _call_custom(step, text)
                    text = trace.apply(_step_name(step), text, _diff_span(text, new))
            if text == before:
                break
        if not byline_seen:
            byline = _map_byline(parse_byline(text), trace)
        edits = tuple(trace.edits())
        return CleanResult(
            text=text,
            original=original,
            edits=edits,
            findings=tuple(find_findings(text, edits)),
            byline=byline,
        )

    def _plan(self, title: str | None) -> _Plan:
        """Each step with the keyword arguments it takes (built once without a title)."""
        return self._plan_untitled if title is None else self._build_plan(title)

    def _build_plan(self, title: str | None) -> _Plan:
        options = {"bylines": self._bylines, "quotes": self._quotes, "title": title}
        return tuple(
            (step, _bound_find(step, options) if isinstance(step, _Builtin) else None)
            for step in self._steps
        )


def _merge_bylines(old: Byline | None, new: Byline | None, original: str) -> Byline | None:
    """Combine what two passes saw of the byline (spans in ``original``).

    Two parts that touch in the original (a reporter line, then the dateline
    after its line break) make one byline; otherwise the later parse wins.
    """
    if old is None or new is None or old == new:
        return new or old
    first, second = sorted((old, new), key=lambda b: b.start)
    if first.end < second.start and original[first.end : second.start].strip():
        return new
    return Byline(
        outlet=new.outlet or old.outlet,
        place=new.place or old.place,
        reporter=new.reporter or old.reporter,
        start=first.start,
        end=max(first.end, second.end),
    )


def _rebuild_pipeline(steps: list[StepLike], bylines: BylineMode, quotes: QuoteMode) -> Pipeline:
    return Pipeline(steps, bylines=bylines, quotes=quotes)


def _check_choice(option: str, value: object, choices: Sequence[str]) -> None:
    if value not in choices:
        valid = ", ".join(repr(c) for c in choices)
        raise ValueError(f"{option}={value!r} is not valid; choose one of {valid}")


def _check_text(text: object, title: object) -> None:
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if title is not None and not isinstance(title, str):
        raise TypeError(f"title must be a str or None, not {type(title).__name__}")


def _resolve(step: object) -> _Builtin | Callable[[str], str]:
    if isinstance(step, str):
        if step not in _BY_NAME:
            raise ValueError(f"unknown step {step!r}; the steps are: {', '.join(_BY_NAME)}")
        return _BY_NAME[step]
    if isinstance(step, _Builtin):
        return step
    if callable(step):
        try:
            builtin = _BY_FUNC.get(step)
        except TypeError:  # an unhashable callable cannot be a built-in step
            builtin = None
        return builtin if builtin is not None else step
    raise TypeError(f"a step is a step name or a str -> str callable, not {type(step).__name__}")


def _step_name(step: _Builtin | Callable[[str], object]) -> str:
    if isinstance(step, _Builtin):
        return step.name
    return str(getattr(step, "__name__", None) or type(step).__name__)


def _bound_find(step: _Builtin, options: Mapping[str, Any]) -> _Find:
    """``step.find`` with the step's options from ``options`` (a call without ``**`` is cheaper)."""
    kwargs = {keyword: options[option] for option, keyword in step.options}
    return partial(step.find, **kwargs) if kwargs else step.find


def _call_custom(step: object, text: str) -> str:
    """Run a custom step (a callable: :func:`_resolve` saw to it); it must return a str."""
    custom = cast("Callable[[str], object]", step)
    result = custom(text)
    if not isinstance(result, str):
        raise TypeError(
            f"step {_step_name(custom)!r} returned {type(result).__name__}, expected str"
        )
    return result


def _diff_span(old: str, new: str) -> list[Span]:
    """The one replacement that turns ``old`` into ``new``: the changed middle."""
    span = diff_span(old, new)
    return [] if span is None else [span]


def _map_byline(byline: Byline | None, trace: Trace) -> Byline | None:
    if byline is None:
        return None
    start, end = trace.to_original(byline.start, byline.end)
    return byline.with_span(start, end)


# clean() and clean_and_explain() build a pipeline per distinct set of options;
# there are few, so they are kept.
_CACHE: dict[tuple[Any, ...], Pipeline] = {}
_CACHE_LOCK = threading.Lock()
_CACHE_LIMIT: Final = 64


def _pipeline_for(
    steps: Iterable[StepLike] | None,
    skip: Iterable[str],
    bylines: BylineMode,
    quotes: QuoteMode,
) -> Pipeline:
    steps_key = None if steps is None else tuple([steps] if isinstance(steps, str) else steps)
    skip_key = tuple([skip] if isinstance(skip, str) else skip)
    key = (steps_key, skip_key, bylines, quotes)
    try:
        cached = _CACHE.get(key)
        cacheable = True
    except TypeError:  # an unhashable custom step: build, do not cache
        cached = None
        cacheable = False
    if cached is not None:
        return cached
    for name in skip_key:
        if name not in _BY_NAME:
            raise ValueError(f"unknown step {name!r} in skip; the steps are: {', '.join(_BY_NAME)}")
    chosen = _BY_NAME if steps_key is None else steps_key
    kept = [s for s in chosen if _step_name(_resolve(s)) not in skip_key or not _is_builtin(s)]
    pipeline = Pipeline(kept, bylines=bylines, quotes=quotes)
    if cacheable:
        with _CACHE_LOCK:
            if len(_CACHE) >= _CACHE_LIMIT:
                _CACHE.clear()
            _CACHE[key] = pipeline
    return pipeline


def _is_builtin(step: StepLike) -> bool:
    return isinstance(_resolve(step), _Builtin)


def clean(
    text: str,
    *,
    title: str | None = None,
    bylines: BylineMode = "normalize",
    quotes: QuoteMode = "ascii",
    steps: Iterable[StepLike] | None = None,
    skip: Iterable[str] = (),
) -> str:
    r"""Clean text scraped from an Indonesian news page.

    Args:
        text: The scraped text; any ``str`` is accepted.
        title: The article's title, if known: a copy of it at the start of the
            text is removed (``dedupe_headlines``).
        bylines: ``"normalize"`` (default) fixes the dateline's form,
            ``"strip"`` removes it and the reporter line, ``"keep"`` leaves
            them.
        quotes: ``"ascii"`` (default) makes quote marks straight,
            ``"typographic"`` makes them curly by context, ``"keep"`` leaves
            them.
        steps: Step names or ``str -> str`` callables to run instead of the
            nine built-in steps (see :data:`STEPS`).
        skip: Names of built-in steps to leave out.

    Returns:
        The cleaned text.

    Raises:
        ValueError: For an unknown option value or step name.
        TypeError: If ``text`` is not a ``str``.

    >>> clean("Presiden Rusia .\n\n\nYang mereka bahas di , , energi.\u00a0")
    'Presiden Rusia.\n\nYang mereka bahas di, energi.'
    """
    return _pipeline_for(steps, skip, bylines, quotes).clean(text, title=title)


def clean_each(
    pairs: Iterable[tuple[str, str | None]],
    *,
    bylines: BylineMode = "normalize",
    quotes: QuoteMode = "ascii",
    steps: Iterable[StepLike] | None = None,
    skip: Iterable[str] = (),
) -> list[str]:
    r""":func:`clean` of each ``(text, title)`` pair, step by step over all of them.

    The same results as ``[clean(text, title=title, ...) for ...]``, faster:
    what :func:`~beritaclean.clean_many` and the integrations run on each
    batch. Takes the options of :func:`clean`.

    >>> clean_each([("Presiden Rusia .", None), ("Rapat\nRapat\nIsi.", "Rapat")])
    ['Presiden Rusia.', 'Isi.']
    """
    checked = []
    for text, title in pairs:
        _check_text(text, title)
        checked.append((text, title))
    return _pipeline_for(steps, skip, bylines, quotes)._clean_each(checked)  # noqa: SLF001


def clean_and_explain(
    text: str,
    *,
    title: str | None = None,
    bylines: BylineMode = "normalize",
    quotes: QuoteMode = "ascii",
    steps: Iterable[StepLike] | None = None,
    skip: Iterable[str] = (),
) -> CleanResult:
    """Clean like :func:`clean` and explain every change.

    Takes the same arguments as :func:`clean`.

    >>> r = clean_and_explain("TRIBUNNEWS.COM- Presiden Rusia .")
    >>> r.text
    'TRIBUNNEWS.COM - Presiden Rusia.'
    >>> [(e.step, e.before, e.after) for e in r.edits]
    [('fix_bylines', '- ', ' - '), ('collapse_orphan_punctuation', ' ', '')]
    >>> r.byline.outlet
    'TRIBUNNEWS.COM'
    """
    return _pipeline_for(steps, skip, bylines, quotes).explain(text, title=title)
