"""A batched cleaning function for Hugging Face ``datasets``.

``datasets`` itself is not imported: a batch is a plain ``dict`` of columns,
so this works with any version, and with anything else that hands out
batches the same way.

>>> from beritaclean.integrations.hf import clean_batch
>>> clean_batch({"text": ["Presiden Rusia .", "di , , energi"], "id": [1, 2]})
{'text': ['Presiden Rusia.', 'di, energi']}
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from beritaclean.pipeline import clean_each

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

__all__ = ["clean_batch"]


def clean_batch(
    batch: Mapping[str, Sequence[Any]],
    *,
    column: str = "text",
    output_column: str | None = None,
    title_column: str | None = None,
    **options: Any,  # noqa: ANN401 -- the keyword options of beritaclean.clean
) -> dict[str, list[Any]]:
    """Clean one column of a batch, for ``Dataset.map(..., batched=True)``.

    Args:
        batch: Columns by name, each a sequence of the same length.
        column: The column to clean.
        output_column: Where to put the cleaned text; ``None`` (default)
            overwrites ``column``.
        title_column: A column holding each article's title, passed to
            :func:`beritaclean.clean` as ``title=`` (``None``: no title).
        **options: The keyword options of :func:`beritaclean.clean`
            (``bylines``, ``quotes``, ``steps``, ``skip``).

    Returns:
        Only the new or changed column, as ``datasets`` merges it into the
        batch; a ``None`` in the column stays ``None``.

    Raises:
        KeyError: If ``column`` (or ``title_column``) is not in the batch.
        TypeError: If a value in ``column`` is neither a ``str`` nor ``None``.

    >>> batch = {"body": ["Yang mereka bahas di , , energi"], "judul": ["Rapat"]}
    >>> clean_batch(batch, column="body", output_column="clean", title_column="judul")
    {'clean': ['Yang mereka bahas di, energi']}
    """
    texts = batch[column]
    titles = batch[title_column] if title_column is not None else [None] * len(texts)
    pairs = list(zip(texts, titles, strict=True))
    done = iter(clean_each([pair for pair in pairs if pair[0] is not None], **options))
    return {output_column or column: [None if text is None else next(done) for text, _ in pairs]}
