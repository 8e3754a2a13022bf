"""The ``beritaclean`` command (SPEC §6)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from beritaclean._version import __version__
from beritaclean.pipeline import clean

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["main", "main_entry"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="beritaclean",
        description="Clean text scraped from Indonesian news sites.",
    )
    parser.add_argument("--version", action="version", version=f"beritaclean {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    _parser().parse_args(argv)
    data = sys.stdin.buffer.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        sys.stderr.write(f"beritaclean: <stdin>: invalid UTF-8 at byte {exc.start}\n")
        return 2
    sys.stdout.buffer.write((clean(text) + "\n").encode("utf-8"))
    sys.stdout.flush()
    return 0


def main_entry() -> None:
    """Console-script entry point."""
    sys.exit(main())
