"""The loop of :meth:`beritaclean.Pipeline.clean`, apart so that it compiles.

The compiled wheels (docs/performance.md) compile this module with the
steps; ``pipeline.py`` stays Python, so that its checks of the caller's
arguments give the documented errors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from beritaclean.edits import apply_spans

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from beritaclean.edits import Span

__all__ = ["run_plan"]


def run_plan(
    plan: Sequence[tuple[object, Callable[[str], list[Span]] | None]],
    text: str,
    passes: int,
    call_custom: Callable[[object, str], str],
) -> str:
    """Run the steps of ``plan`` on ``text`` until it stops changing, ``passes`` at most.

    ``plan`` pairs each step with its find function (a built-in step, its
    options bound) or ``None`` (a custom step, run as ``call_custom(step,
    text)``). A built-in step is idempotent, so on the text it last returned
    it would find nothing: a confirming pass runs only the built-in steps
    whose input changed since they last ran.

    >>> from beritaclean.steps.whitespace import normalize_whitespace_spans
    >>> plan = [(None, normalize_whitespace_spans), (str.upper, None)]
    >>> run_plan(plan, " a  b ", 3, lambda step, text: step(text))
    'A B'
    """
    fixed: list[str | None] = [None] * len(plan)
    for _ in range(passes):
        before = text
        for i, (step, find) in enumerate(plan):
            if find is None:
                text = call_custom(step, text)
            elif text != fixed[i]:
                spans = find(text)
                if spans:
                    text = apply_spans(text, spans)
                fixed[i] = text
        if text == before:
            break
    return text
