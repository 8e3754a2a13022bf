"""Time each built-in step on its own, and the whole pipeline, in one process.

Usage::

    python benchmarks/steps.py                                   # synthetic corpus
    python benchmarks/steps.py ../shared/corpus/dev/raw.jsonl    # a JSONL corpus
    python benchmarks/steps.py --clean-input corpus.jsonl        # steps on cleaned text

Each step runs on the raw documents (or, with ``--clean-input``, on the
documents already cleaned: what the pipeline's confirming pass and clean
corpora cost). The figures are MB of UTF-8 input per second of CPU time,
best of N rounds. This is the table to look at when a step gets slower: the
pipeline's speed is bounded by the sum of its steps' times.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import best_time, build_kind, load_jsonl
from synthetic import sample

import beritaclean
from beritaclean.batch import CHUNK_ITEMS
from beritaclean.pipeline import Pipeline, clean_each

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence


def step_functions() -> list[tuple[str, Callable[[str], str]]]:
    """Every built-in step, then the whole default pipeline."""
    steps = [(name, step) for name, step in beritaclean.STEPS.items()]
    steps.append(("clean() (all steps, until stable)", beritaclean.clean))
    return steps


def report(texts: Sequence[str], rounds: int) -> None:
    """Print one line per step: MB/s and milliseconds over ``texts``."""
    size = sum(len(t.encode("utf-8")) for t in texts)
    print(f"beritaclean {beritaclean.__version__} ({build_kind()})")
    print(f"{len(texts)} documents, {size / 1e6:.2f} MB")
    for name, func in step_functions():
        seconds = best_time(func, texts, rounds)
        print(f"  {name:36} {size / seconds / 1e6:9.1f} MB/s {seconds * 1000:9.1f} ms")
    seconds = best_batch_time(texts, rounds)
    name = f"clean_each() ({CHUNK_ITEMS} per batch)"
    print(f"  {name:36} {size / seconds / 1e6:9.1f} MB/s {seconds * 1000:9.1f} ms")


def best_batch_time(texts: Sequence[str], rounds: int) -> float:
    """The fastest of ``rounds`` runs of the pipeline over ``texts`` a batch at a time.

    Batches of :data:`~beritaclean.batch.CHUNK_ITEMS`, step by step, as the
    workers of ``clean_many(jobs=N)`` and the ``datasets`` integration run them.
    """
    pairs = [(text, None) for text in texts]
    batches = [pairs[i : i + CHUNK_ITEMS] for i in range(0, len(pairs), CHUNK_ITEMS)]
    return best_time(clean_each, batches, rounds)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the per-step benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, help="JSON Lines with a text field")
    parser.add_argument("--rounds", type=int, default=5, help="best of N (default 5)")
    parser.add_argument(
        "--synthetic-mb", type=float, default=1.0, help="size of the synthetic corpus"
    )
    parser.add_argument("--clean-input", action="store_true", help="time the steps on cleaned text")
    args = parser.parse_args(argv)
    texts = load_jsonl(args.corpus) if args.corpus else sample(int(args.synthetic_mb * 1e6))
    if args.clean_input:
        pipeline = Pipeline()
        texts = [pipeline(t) for t in texts]
    report(texts, args.rounds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
