"""Edits, applying them, and mapping offsets back to the original input.

A step never rebuilds strings ad hoc: it *finds* replacements, each a
:data:`Span` ``(start, end, replacement)`` in the offsets of its own input. The
pipeline applies them and composes their offsets through a :class:`Trace`, so
that every change can be reported as an :class:`Edit` in the offsets of the
text the user passed in, however many steps moved text around in between.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = ["Edit", "Span", "Trace", "apply_edits", "apply_spans", "compose_spans", "map_span"]

Span = tuple[int, int, str]
"""A replacement found by a step: ``(start, end, replacement)`` in its input."""


@dataclass(frozen=True, slots=True)
class Edit:
    """One change, in offsets of the original input.

    Attributes:
        step: The name of the step that made the change. When later steps
            changed text that an earlier step had already changed, the edit
            is the combined change and its name joins theirs with ``+``
            (``"fix_encoding+normalize_quotes"``).
        start: Where the replaced text starts in the original input.
        end: Where it ends (exclusive); ``start == end`` for an insertion.
        before: The original text, ``original[start:end]``.
        after: What replaces it in the output.
    """

    step: str
    start: int
    end: int
    before: str
    after: str

    def __reduce__(self) -> tuple[type[Edit], tuple[str, int, int, str, str]]:
        """Pickle by the fields (a frozen class compiled by mypyc has no other way)."""
        return (Edit, (self.step, self.start, self.end, self.before, self.after))


def apply_spans(text: str, spans: Sequence[Span]) -> str:
    """Apply sorted, non-overlapping replacements to ``text``.

    >>> apply_spans("di , , energi", [(2, 5, "")])
    'di, energi'
    """
    if not spans:
        return text
    parts: list[str] = []
    pos = 0
    for start, end, replacement in spans:
        parts.append(text[pos:start])
        parts.append(replacement)
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Rebuild the output from the original input and its edits.

    >>> apply_edits("Rusia .", [Edit("collapse_orphan_punctuation", 5, 6, " ", "")])
    'Rusia.'
    """
    return apply_spans(text, [(e.start, e.end, e.after) for e in sorted_edits(edits)])


def sorted_edits(edits: Iterable[Edit]) -> list[Edit]:
    """Edits in the order they apply: by start, insertions before replacements."""
    return sorted(edits, key=lambda e: (e.start, e.end))


def map_span(edits: Sequence[Edit], out_start: int, out_end: int) -> tuple[int, int]:
    """Map a span of the output back to a span of the original input.

    Text that no edit touched maps exactly; a position inside replaced text maps
    to the edge of what it replaced (the start to its start, the end to its end),
    so the original span always covers everything the output span came from.

    Args:
        edits: The edits that turned the original into the output, sorted by
            position and non-overlapping (as :class:`~beritaclean.CleanResult`
            holds them).
        out_start: Start of the span in the output.
        out_end: End of the span in the output (exclusive).

    Returns:
        ``(start, end)`` in the original input.

    Raises:
        ValueError: If the span is not a valid span (``0 <= start <= end``).
    """
    if out_start < 0 or out_end < out_start:
        raise ValueError(f"invalid span ({out_start}, {out_end}): need 0 <= start <= end")
    regions = _regions(edits)
    end = _map_point(regions, out_end, is_end=True)
    if out_start == out_end:
        # An empty span between a deletion and kept text could map to either
        # side of the deletion; it maps before it, like an end.
        return end, end
    return _map_point(regions, out_start, is_end=False), end


# A region of the output: (out_start, out_end, orig_start, orig_end, changed).
_Region = tuple[int, int, int, int, bool]


def _regions(edits: Sequence[Edit]) -> list[_Region]:
    regions: list[_Region] = []
    out = orig = 0
    for e in edits:
        if e.start > orig:
            size = e.start - orig
            regions.append((out, out + size, orig, e.start, False))
            out += size
        regions.append((out, out + len(e.after), e.start, e.end, True))
        out += len(e.after)
        orig = e.end
    regions.append((out, out + (1 << 62), orig, orig + (1 << 62), False))
    return regions


def _map_point(regions: list[_Region], pos: int, *, is_end: bool) -> int:
    starts = [r[0] for r in regions]
    i = bisect_right(starts, pos) - 1
    # A start maps through the region that begins at or before it and is not
    # empty; an end maps through the region that ends at or after it.
    if is_end and pos > 0:
        while i > 0 and regions[i][0] >= pos:
            i -= 1
    else:
        while i < len(regions) - 1 and regions[i][1] <= pos:
            i += 1
    out_a, out_b, orig_a, orig_b, changed = regions[i]
    if not changed:
        return orig_a + (pos - out_a)
    if is_end:
        return orig_a if pos <= out_a and out_a != out_b else orig_b
    return orig_b if pos >= out_b and out_a != out_b else orig_a


# A piece of the current text: (orig_start, orig_end, after, steps). ``after``
# is None for text unchanged from the original, else what replaced
# ``original[orig_start:orig_end]``; ``steps`` names the steps that made it.
_Segment = tuple[int, int, "str | None", tuple[str, ...]]


class Trace:
    """Compose the spans of successive steps into edits on the original input.

    The current text is kept as a list of segments that tile the original:
    unchanged runs (``after is None``) and replacements. Applying a step's
    spans sweeps the segments once, so tracking costs time linear in the
    number of segments and spans, never in the length of the text.

    >>> t = Trace("a  b .")
    >>> t.apply("normalize_whitespace", "a  b .", [(1, 3, " ")])
    'a b .'
    >>> t.apply("collapse_orphan_punctuation", "a b .", [(3, 4, "")])
    'a b.'
    >>> [(e.step, e.start, e.end, e.before, e.after) for e in t.edits()]
    [('normalize_whitespace', 1, 3, '  ', ' '), ('collapse_orphan_punctuation', 4, 5, ' ', '')]
    """

    __slots__ = ("_original", "_segments")

    def __init__(self, original: str) -> None:
        """Start tracing changes to ``original``."""
        self._original = original
        self._segments: list[_Segment] = [(0, len(original), None, ())] if original else []

    def apply(self, step: str, text: str, spans: Sequence[Span]) -> str:  # noqa: C901, PLR0912, PLR0915 - one sweep, its cases in order
        """Apply ``spans`` (found by ``step`` on ``text``) and record them.

        Args:
            step: The name to report the spans under.
            text: The current text, the one the spans were found in.
            spans: Sorted, non-overlapping replacements in ``text``.

        Returns:
            The new current text.
        """
        if not spans:
            return text
        original = self._original
        old = self._segments
        n = len(old)
        new: list[_Segment] = []
        i = 0  # index of the head segment in ``old``
        head: _Segment | None = old[0] if n else None  # may be a split-off rest
        pos = 0  # offset of ``head`` in ``text``
        for start, end, replacement in spans:
            # 1. Everything that ends before the span goes out unchanged; so
            #    does a deletion (an empty segment) sitting right at ``start``.
            while head is not None:
                length = _seg_len(head)
                if pos + length <= start:
                    new.append(head)
                    pos += length
                    i += 1
                    head = old[i] if i < n else None
                else:
                    break
            # 2. An insertion at a boundary is a segment of its own.
            if start == end and (head is None or pos == start):
                if replacement:
                    at = head[0] if head is not None else len(original)
                    new.append((at, at, replacement, (step,)))
                continue
            # 3. Split unchanged text at ``start``; changed text is atomic.
            assert head is not None  # noqa: S101 - spans lie within the text
            prefix = ""
            if head[2] is None and pos < start:
                cut = head[0] + (start - pos)
                new.append((head[0], cut, None, ()))
                head = (cut, head[1], None, ())
                pos = start
            elif head[2] is not None:
                prefix = head[2][: start - pos]
            orig_start = head[0]
            orig_end = orig_start
            steps: tuple[str, ...] = ()
            # 4. Absorb what the span covers; split unchanged text at ``end``.
            while head is not None:
                length = _seg_len(head)
                if pos >= end:
                    break
                if head[2] is None:
                    if pos + length > end:
                        cut = head[0] + (end - pos)
                        orig_end = cut
                        head = (cut, head[1], None, ())
                        pos = end
                        break
                else:
                    steps = _merge_steps(steps, head[3])
                    if pos + length > end:
                        # The span ends inside changed text: what follows the
                        # span stays addressable by later spans, as an
                        # insertion where the changed text ended.
                        orig_end = head[1]
                        head = (head[1], head[1], head[2][end - pos :], head[3])
                        pos = end
                        break
                orig_end = head[1]
                pos += length
                i += 1
                head = old[i] if i < n else None
            after = prefix + replacement
            steps = _merge_steps(steps, (step,))
            if after != original[orig_start:orig_end]:
                new.append((orig_start, orig_end, after, steps))
            elif orig_end > orig_start:
                new.append((orig_start, orig_end, None, ()))
        if head is not None:
            new.append(head)
            new.extend(old[i + 1 :])
        self._segments = _coalesce(new, original)
        return apply_spans(text, spans)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the current text back to the original input."""
        return map_span(self.edits(), start, end)

    def edits(self) -> list[Edit]:
        """The changes so far, sorted and non-overlapping, in original offsets."""
        original = self._original
        return [
            Edit("+".join(steps), a, b, original[a:b], after)
            for a, b, after, steps in self._segments
            if after is not None
        ]


def _seg_len(seg: _Segment) -> int:
    return seg[1] - seg[0] if seg[2] is None else len(seg[2])


def _merge_steps(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    return a + tuple(s for s in b if s not in a)


def _coalesce(segments: list[_Segment], original: str) -> list[_Segment]:
    """Join neighbouring unchanged segments, drop empty ones and undone changes."""
    out: list[_Segment] = []
    for seg in segments:
        start, end, after, _ = seg
        if after is not None and out and out[-1][2] is not None and out[-1][1] == start:
            # A change next to another, together undoing both (a space deleted,
            # then put back): nothing is left to change there.
            prev_start, _, prev_after, _ = out[-1]
            if f"{prev_after}{after}" == original[prev_start:end]:
                out.pop()
                start, after = prev_start, None
        if after is None:
            if start == end:
                continue
            if out and out[-1][2] is None and out[-1][1] == start:
                start = out.pop()[0]
            out.append((start, end, None, ()))
        else:
            out.append(seg)
    return out


def compose_spans(text: str, first: Sequence[Span], second: Sequence[Span]) -> list[Span]:
    """One list of spans doing ``first`` and then ``second`` (found on its result).

    A step that works in phases uses this to report its replacements on its
    own input.

    >>> compose_spans("a ,b", [(1, 2, "")], [(2, 2, " ")])
    [(1, 2, ''), (3, 3, ' ')]
    """
    if not second:
        return list(first)
    if not first:
        return list(second)
    trace = Trace(text)
    trace.apply("", trace.apply("", text, first), second)
    return [(e.start, e.end, e.after) for e in trace.edits()]
