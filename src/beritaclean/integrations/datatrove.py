"""A datatrove pipeline step that cleans every document with beritaclean.

Install with ``pip install 'beritaclean[datatrove]'``. Only importing this
module imports datatrove; ``import beritaclean`` does not.

Example, a pipeline that reads JSON Lines, cleans them and writes them back
on two local processes (the same step runs under datatrove's Slurm and Ray
executors)::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from beritaclean.integrations.datatrove import BeritaCleanFormatter

    LocalPipelineExecutor(
        pipeline=[
            JsonlReader("raw/"),
            BeritaCleanFormatter(title_key="title"),
            JsonlWriter("clean/"),
        ],
        tasks=2,
    ).run()
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from datatrove.pipeline.formatters.base import BaseFormatter
from datatrove.utils.typeshelper import StatHints

from beritaclean.pipeline import BylineMode, QuoteMode, clean, clean_and_explain

if TYPE_CHECKING:
    from collections.abc import Iterable

    from datatrove.data import Document, DocumentsPipeline

__all__ = ["BeritaCleanFormatter"]


class BeritaCleanFormatter(BaseFormatter):
    """Clean ``doc.text`` with :func:`beritaclean.clean` and report what changed.

    For every document the step:

    - cleans ``doc.text`` with the same options as :func:`beritaclean.clean`,
      taking the article's title from ``doc.metadata[title_key]`` when that
      is a string;
    - stores the parsed dateline in ``doc.metadata[byline_key]`` as
      ``{"outlet": ..., "place": ..., "reporter": ...}``, or ``None`` when the
      text has none;
    - counts, in datatrove's stats, the edits of each step (``edits/<step>``),
      every finding by kind (``findings/<kind>``), the documents changed
      (``changed``) and the characters removed (``chars_removed``).

    Args:
        title_key: The metadata key holding the article's title; ``None``
            ignores titles.
        byline_key: The metadata key the parsed byline is stored under;
            ``None`` stores nothing.
        bylines: As in :func:`beritaclean.clean`.
        quotes: As in :func:`beritaclean.clean`.
        steps: As in :func:`beritaclean.clean`.
        skip: As in :func:`beritaclean.clean`.
        explain: Collect the edit, finding and byline statistics (default).
            ``False`` only cleans the text, which is faster; the byline and
            the per-step counts are then not recorded.

    Raises:
        ValueError: For an unknown step or option value, when the step is
            built (not in the middle of a run).
    """

    name = "🧹 beritaclean"

    def __init__(
        self,
        *,
        title_key: str | None = "title",
        byline_key: str | None = "byline",
        bylines: BylineMode = "normalize",
        quotes: QuoteMode = "ascii",
        steps: Iterable[str] | None = None,
        skip: Iterable[str] = (),
        explain: bool = True,
    ) -> None:
        """Build the step; see the class docstring."""
        super().__init__()
        self.title_key = title_key
        self.byline_key = byline_key
        self.explain = explain
        self.options: dict[str, Any] = {
            "bylines": bylines,
            "quotes": quotes,
            "steps": None if steps is None else tuple(steps),
            "skip": tuple(skip),
        }
        clean("", **self.options)  # an unknown option or step fails here, naming the choices

    def format(self, text: str) -> str:
        """Clean one text with the step's options (no title, no statistics)."""
        return clean(text, **self.options)

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        """Clean every document of ``data`` and yield it.

        Args:
            data: The documents.
            rank: This task's rank (unused; a formatter keeps no shard state).
            world_size: The number of tasks (unused).

        Yields:
            Each document, its text cleaned and its metadata updated.
        """
        del rank, world_size
        for doc in data:
            self.stat_update(StatHints.total)
            with self.track_time():
                title = doc.metadata.get(self.title_key) if self.title_key else None
                if not isinstance(title, str):
                    title = None
                before = len(doc.text)
                if self.explain:
                    self._clean_and_count(doc, title)
                else:
                    cleaned = clean(doc.text, title=title, **self.options)
                    if cleaned != doc.text:
                        self.stat_update("changed")
                    doc.text = cleaned
                self.stat_update("chars_removed", value=before - len(doc.text))
            yield doc

    def _clean_and_count(self, doc: Document, title: str | None) -> None:
        result = clean_and_explain(doc.text, title=title, **self.options)
        if result.edits:
            self.stat_update("changed")
        for edit in result.edits:
            self.stat_update(f"edits/{edit.step}")
        for finding in result.findings:
            self.stat_update(f"findings/{finding.kind}")
        if self.byline_key is not None:
            byline = result.byline
            doc.metadata[self.byline_key] = (
                None
                if byline is None
                else {"outlet": byline.outlet, "place": byline.place, "reporter": byline.reporter}
            )
        doc.text = result.text
