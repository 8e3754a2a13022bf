"""Cleaning many documents: ``clean_many()`` and ``explain_many()``.

One mechanism serves the library and the ``beritaclean --jobs N`` command:
documents are read lazily from the caller's iterable, grouped into chunks
(small per-document overhead), cleaned in worker processes, and yielded in
input order. At most a fixed window of chunks is in flight, so memory stays
bounded however long the input is. A worker runs its chunk through the
pipeline step by step (``clean_each``), which is faster than one document
at a time and gives the same results. With ``jobs=1`` nothing is started:
the documents are cleaned one by one in the calling process, each as soon
as it is read.

>>> list(clean_many(["Presiden Rusia .", "di , , energi"]))
['Presiden Rusia.', 'di, energi']
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat
from typing import TYPE_CHECKING, Any, Final, Literal, TypedDict, overload

from beritaclean.pipeline import clean, clean_and_explain, clean_each

if TYPE_CHECKING:
    from collections.abc import Generator, Iterable, Iterator
    from concurrent.futures import Future
    from typing import Unpack

    from beritaclean.pipeline import BylineMode, CleanResult, QuoteMode, StepLike

__all__ = ["CleanOptions", "clean_many", "explain_many"]

CHUNK_ITEMS: Final = 64
"""Documents per chunk sent to a worker, at most."""

CHUNK_CHARS: Final = 1 << 18
"""Characters per chunk, roughly: a chunk closes once it holds this many."""

WINDOW_PER_JOB: Final = 4
"""Chunks in flight per worker process: enough to keep workers busy, few enough to bound memory."""


class CleanOptions(TypedDict, total=False):
    """The keyword options of :func:`~beritaclean.clean` that apply to every document."""

    bylines: BylineMode
    quotes: QuoteMode
    steps: Iterable[StepLike] | None
    skip: Iterable[str]


@overload
def _run(
    texts: Iterable[str],
    titles: Iterable[str | None] | None,
    jobs: int,
    options: dict[str, Any],
    *,
    explain: Literal[False],
) -> Generator[str, None, None]: ...
@overload
def _run(
    texts: Iterable[str],
    titles: Iterable[str | None] | None,
    jobs: int,
    options: dict[str, Any],
    *,
    explain: Literal[True],
) -> Generator[CleanResult, None, None]: ...
def _run(
    texts: Iterable[str],
    titles: Iterable[str | None] | None,
    jobs: int,
    options: dict[str, Any],
    *,
    explain: bool,
) -> Generator[str, None, None] | Generator[CleanResult, None, None]:
    options = _normalized(options)
    func = clean_and_explain if explain else clean
    func("", **options)  # check the options now, not at the first document
    workers = _workers(jobs)
    pairs = zip(texts, repeat(None) if titles is None else titles, strict=titles is not None)
    if workers == 1:
        return _serial(pairs, options, explain=explain)
    return _parallel(pairs, options, workers, explain=explain)


def clean_many(
    texts: Iterable[str],
    *,
    titles: Iterable[str | None] | None = None,
    jobs: int = 1,
    **options: Unpack[CleanOptions],
) -> Generator[str, None, None]:
    r"""Clean many documents, in order, lazily, optionally in parallel.

    Args:
        texts: The documents; any iterable of ``str``, read lazily (a
            generator over a huge file is fine).
        titles: The documents' titles, one per text in the same order
            (``None`` where unknown), passed as ``title=`` to
            :func:`~beritaclean.clean`. It must be as long as ``texts``.
        jobs: Worker processes; ``1`` (default) cleans in the calling
            process, ``0`` uses every CPU. Custom steps must be picklable
            (module-level functions) when ``jobs`` is not 1.
        **options: ``bylines``, ``quotes``, ``steps``, ``skip`` as for
            :func:`~beritaclean.clean`; the same for every document.

    Returns:
        A generator over the cleaned texts, in input order. It reads ahead
        a bounded window of documents (a few chunks of at most 64
        documents per worker), so memory does not grow with the input.
        Closing it early (``.close()``, or dropping it) stops the workers.

    Raises:
        ValueError: For an unknown option value or step name, a negative
            ``jobs``, or when ``titles`` and ``texts`` differ in length (on
            reaching the end of the shorter).
        TypeError: For an unknown option, or a document that is not a ``str``.

    >>> list(clean_many(["Presiden Rusia .", "Judul\n\nJudul\n\nIsi berita."], jobs=1))
    ['Presiden Rusia.', 'Judul\n\nIsi berita.']
    >>> texts = ["Presiden Rusia .", "Isi berita."]
    >>> list(clean_many(texts, titles=["Putin dan Trump", None], skip=["fix_encoding"]))
    ['Presiden Rusia.', 'Isi berita.']
    """
    return _run(texts, titles, jobs, dict(options), explain=False)


def explain_many(
    texts: Iterable[str],
    *,
    titles: Iterable[str | None] | None = None,
    jobs: int = 1,
    **options: Unpack[CleanOptions],
) -> Generator[CleanResult, None, None]:
    """Like :func:`clean_many`, but yield a :class:`~beritaclean.CleanResult` per document.

    >>> [r.text for r in explain_many(["Presiden Rusia ."])]
    ['Presiden Rusia.']
    """
    return _run(texts, titles, jobs, dict(options), explain=True)


def _normalized(options: dict[str, Any]) -> dict[str, Any]:
    """Options as picklable, re-iterable values; ``title`` is refused (use ``titles=``)."""
    if "title" in options:
        raise TypeError("clean_many() takes titles=, one per document, not title=")
    out = dict(options)
    if out.get("steps") is not None:
        steps = out["steps"]
        out["steps"] = (steps,) if isinstance(steps, str) else tuple(steps)
    if "skip" in out:
        skip = out["skip"]
        out["skip"] = (skip,) if isinstance(skip, str) else tuple(skip)
    return out


def _workers(jobs: object) -> int:
    if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 0:
        raise ValueError(f"jobs={jobs!r} is not valid; use 1 or more, or 0 for every CPU")
    return jobs or os.cpu_count() or 1


def _serial(
    pairs: Iterable[tuple[str, str | None]], options: dict[str, Any], *, explain: bool
) -> Generator[Any, None, None]:
    func = clean_and_explain if explain else clean
    for text, title in pairs:
        yield func(text, title=title, **options)


def _chunks(pairs: Iterable[tuple[str, str | None]]) -> Iterator[list[tuple[str, str | None]]]:
    chunk: list[tuple[str, str | None]] = []
    chars = 0
    for text, title in pairs:
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, not {type(text).__name__}")
        chunk.append((text, title))
        chars += len(text)
        if len(chunk) >= CHUNK_ITEMS or chars >= CHUNK_CHARS:
            yield chunk
            chunk = []
            chars = 0
    if chunk:
        yield chunk


def _parallel(
    pairs: Iterable[tuple[str, str | None]], options: dict[str, Any], workers: int, *, explain: bool
) -> Generator[Any, None, None]:
    # An executor rather than multiprocessing.Pool: if a worker dies (killed
    # for memory, say), waiting on its result raises instead of hanging.
    executor = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=_context(),
        initializer=_init_worker,
        initargs=(options, explain),
    )
    pending: deque[Future[list[Any]]] = deque()
    finished = False
    try:
        chunks = _chunks(pairs)
        window = workers * WINDOW_PER_JOB
        exhausted = False
        while True:
            while not exhausted and len(pending) < window:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                else:
                    pending.append(executor.submit(_work, chunk))
            if not pending:
                break
            yield from pending.popleft().result()
        finished = True
    finally:
        # Consumer stopped early (a closed pipe, an error, Ctrl-C): drop the
        # queued chunks and do not wait; a worker finishes at most the one
        # chunk it is on.
        executor.shutdown(wait=finished, cancel_futures=True)


def _context() -> multiprocessing.context.BaseContext:
    # Not "fork": forking a process that may run threads can deadlock, and
    # Python 3.12+ warns about it. The fork server starts workers fast.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


_WORKER: dict[str, Any] = {}


def _init_worker(options: dict[str, Any], explain: bool) -> None:  # noqa: FBT001 -- initargs are positional
    # Ctrl-C goes to the whole process group; the parent handles it and ends
    # the workers, so they must not print tracebacks of their own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER["explain"] = explain
    _WORKER["options"] = options


def _work(chunk: list[tuple[str, str | None]]) -> list[Any]:
    options = _WORKER["options"]
    if _WORKER["explain"]:
        return [clean_and_explain(text, title=title, **options) for text, title in chunk]
    return clean_each(chunk, **options)
