"""Time beritaclean against its peers on the same text, in one process.

Usage::

    python benchmarks/bench.py                                   # synthetic corpus only
    python benchmarks/bench.py ../shared/corpus/dev/raw.jsonl    # a JSONL corpus too
    python benchmarks/bench.py --rounds 7 --profile corpus.jsonl

For each corpus (a JSON Lines file with a ``text`` field, and a synthetic
corpus of Indonesian-news-like articles built here with a fixed seed) it
times, best of N rounds over every document:

- ``beritaclean.clean`` with the defaults;
- the peers, from the optional ``bench`` extra: ``ftfy.fix_text``, a
  four-step ``textacy.preprocessing`` pipeline, ``cleantext.clean`` and
  sacremoses' ``MosesPunctNormalizer().normalize`` (a peer that is not
  installed is skipped with a note);
- one ``regex.sub`` pass (horizontal whitespace runs to one space): the
  practical limit of any cleaner that looks at every character.

It prints MB/s (MB of UTF-8 input per second of this process's CPU time by
default, so other load on the machine skews the figures less; ``--clock
wall`` for elapsed time) and the two ratios that the
targets are set on: beritaclean against the fastest peer (target >= 2) and
against one regex pass (target >= 0.2), each with PASS or FAIL. ``--strict``
makes a FAIL the exit code.
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

PEER_TARGET = 2.0  # beritaclean >= 2x the fastest peer
REGEX_TARGET = 0.2  # beritaclean >= 0.2x one regex pass
REGEX_AIM = 0.35

# The limit: one pass that collapses runs of horizontal whitespace ("a  b").
ONE_PASS_RE = regex.compile(r"[^\S\n]{2,}")


@dataclass(frozen=True, slots=True)
class Tool:
    """A ``str -> str`` function to time, and what it is."""

    name: str
    func: Callable[[str], str]
    kind: str  # "beritaclean", "peer" or "limit"


def build_kind() -> str:
    """Which build of beritaclean is imported: ``compiled`` (mypyc) or ``pure Python``.

    The compiled wheels (docs/performance.md) ship the steps as extension modules.
    """
    from beritaclean.steps import boilerplate  # noqa: PLC0415 - late, as in load_tools

    return "pure Python" if boilerplate.__file__.endswith(".py") else "compiled"


def load_tools() -> tuple[list[Tool], list[str]]:
    """The tools that are installed, and a note for each peer that is not."""
    import beritaclean  # noqa: PLC0415 - imported late so --help works without it

    name = f"beritaclean {beritaclean.__version__} ({build_kind()})"
    tools = [Tool(name, beritaclean.clean, "beritaclean")]
    notes: list[str] = []
    try:
        import ftfy  # noqa: PLC0415

        tools.append(Tool(f"ftfy {ftfy.__version__} fix_text", ftfy.fix_text, "peer"))
    except ImportError:
        notes.append("ftfy not installed: skipped")
    try:
        from textacy import preprocessing  # noqa: PLC0415

        norm = preprocessing.normalize
        pipeline = preprocessing.make_pipeline(
            norm.unicode, norm.whitespace, norm.quotation_marks, norm.hyphenated_words
        )
        tools.append(Tool("textacy preprocessing (4 steps)", pipeline, "peer"))
    except ImportError:
        notes.append("textacy not installed: skipped (pip install textacy)")
    try:
        logging.disable(logging.WARNING)  # it logs that GPL unidecode is absent
        try:
            import cleantext  # noqa: PLC0415
        finally:
            logging.disable(logging.NOTSET)

        tools.append(Tool("clean-text clean", cleantext.clean, "peer"))
    except ImportError:
        notes.append("clean-text not installed: skipped (pip install clean-text)")
    try:
        from sacremoses import MosesPunctNormalizer  # noqa: PLC0415

        tools.append(
            Tool("sacremoses MosesPunctNormalizer", MosesPunctNormalizer().normalize, "peer")
        )
    except ImportError:
        notes.append("sacremoses not installed: skipped (pip install sacremoses)")

    def one_regex_pass(text: str) -> str:
        return str(ONE_PASS_RE.sub(" ", text))

    tools.append(Tool("one regex.sub pass", one_regex_pass, "limit"))
    return tools, notes


def load_jsonl(path: Path, field: str = "text") -> list[str]:
    """The string values of ``field`` in a JSON Lines file."""
    texts: list[str] = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                record = json.loads(line)
                value = record.get(field) if isinstance(record, dict) else None
                if isinstance(value, str):
                    texts.append(value)
    return texts


CLOCKS = {"cpu": time.process_time, "wall": time.perf_counter}
T = TypeVar("T")


def best_time(
    func: Callable[[T], object], texts: Sequence[T], rounds: int, clock: str = "cpu"
) -> float:
    """The fastest of ``rounds`` runs of ``func`` over every text, in seconds of ``clock``.

    A "text" is whatever ``func`` takes: a document, or a batch of them.
    """
    now = CLOCKS[clock]
    for text in texts[:20]:  # warm up: lazy imports, compiled patterns, caches
        func(text)
    best = float("inf")
    for _ in range(rounds):
        gc.collect()
        start = now()
        for text in texts:
            func(text)
        best = min(best, now() - start)
    return best


def run(
    name: str, texts: Sequence[str], tools: Sequence[Tool], rounds: int, clock: str = "cpu"
) -> bool:
    """Time every tool on one corpus, print the table; True when the targets are met."""
    megabytes = sum(len(t.encode("utf-8", "surrogatepass")) for t in texts) / 1e6
    print(
        f"\n== {name}: {len(texts)} documents, {megabytes:.2f} MB,"
        f" best of {rounds} rounds, {clock} time"
    )
    speed: dict[str, float] = {}
    for tool in tools:
        seconds = best_time(tool.func, texts, rounds, clock)
        speed[tool.name] = megabytes / seconds
        print(f"  {tool.name:<36} {speed[tool.name]:8.2f} MB/s")
    ours = next(speed[t.name] for t in tools if t.kind == "beritaclean")
    limit = next(speed[t.name] for t in tools if t.kind == "limit")
    peers = [t for t in tools if t.kind == "peer"]
    ok = True
    if peers:
        fastest = max(peers, key=lambda t: speed[t.name])
        ratio = ours / speed[fastest.name]
        verdict = "PASS" if ratio >= PEER_TARGET else "FAIL"
        ok &= ratio >= PEER_TARGET
        print(
            f"  beritaclean / fastest peer ({fastest.name}): {ratio:.2f}x"
            f"  (target >= {PEER_TARGET:g}x)  {verdict}"
        )
    else:
        print("  no peer installed: pip install -e '.[bench]'")
    ratio = ours / limit
    verdict = "PASS" if ratio >= REGEX_TARGET else "FAIL"
    ok &= ratio >= REGEX_TARGET
    print(
        f"  beritaclean / one regex pass: {ratio:.2f}x"
        f"  (target >= {REGEX_TARGET:g}x, aim {REGEX_AIM:g}x)  {verdict}"
    )
    return ok


def profile(texts: Sequence[str]) -> None:
    """Profile ``beritaclean.clean`` over ``texts`` with pyinstrument, if installed."""
    try:
        from pyinstrument import Profiler  # noqa: PLC0415
    except ImportError:
        print("pyinstrument not installed: no profile (pip install pyinstrument)")
        return
    import beritaclean  # noqa: PLC0415

    profiler = Profiler(interval=0.0005)
    profiler.start()
    for _ in range(3):
        for text in texts:
            beritaclean.clean(text)
    profiler.stop()
    print(profiler.output_text(unicode=True, color=False, show_all=False))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; return 1 under ``--strict`` when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="*", type=Path, help="JSON Lines files to time")
    parser.add_argument("--field", default="text", help="the JSON field to clean (text)")
    parser.add_argument("--rounds", type=int, default=5, help="best of N rounds (5)")
    parser.add_argument(
        "--synthetic-mb", type=float, default=2.0, help="size of the synthetic corpus (2 MB)"
    )
    parser.add_argument("--seed", type=int, default=2024, help="seed of the synthetic corpus")
    parser.add_argument("--no-synthetic", action="store_true", help="skip the synthetic corpus")
    parser.add_argument(
        "--profile", action="store_true", help="also profile beritaclean with pyinstrument"
    )
    parser.add_argument(
        "--clock",
        choices=list(CLOCKS),
        default="cpu",
        help="cpu: this process's CPU time, robust to other load on the machine (default);"
        " wall: elapsed time",
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)

    tools, notes = load_tools()
    print(f"Python {sys.version.split()[0]}, regex {regex.__version__}")
    for note in notes:
        print(f"note: {note}")
    corpora: list[tuple[str, list[str]]] = []
    for path in args.corpus:
        try:
            texts = load_jsonl(path, args.field)
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            parser.error(f"{path}: {exc}")
        if not texts:
            parser.error(f"{path}: no string field {args.field!r} in any line")
        corpora.append((str(path), texts))
    if not args.no_synthetic:
        size = int(args.synthetic_mb * 1e6)
        corpora.append((f"synthetic (seed {args.seed})", synthetic.sample(size, args.seed)))
    ok = True
    for name, texts in corpora:
        ok &= run(name, texts, tools, args.rounds, args.clock)
        if args.profile:
            profile(texts)
    return 0 if ok or not args.strict else 1


if __name__ == "__main__":
    sys.exit(main())
