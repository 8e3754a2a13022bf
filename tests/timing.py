"""One way to check that a function takes linear time: a growth ratio.

Tests never assert absolute timings (the machines are shared and noisy). They
build the same adversarial pattern at two sizes and compare: for ten times the
input, a linear function takes about ten times as long, a quadratic one about
a hundred times. :data:`MAX_GROWTH` sits between the two.
"""

from __future__ import annotations

import gc
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["MAX_GROWTH", "growth"]

MAX_GROWTH = 25.0
"""The most that 10x the input may multiply the time by (linear ~10, quadratic ~100).

Generous, so a busy machine does not fail a linear step; quadratic work still fails.
"""

FLOOR = 1e-3
"""Seconds: a small run faster than this counts as this, below it timer noise rules."""


def growth(
    func: Callable[[str], object],
    make: Callable[[int], str],
    *,
    small: int = 100_000,
    large: int = 1_000_000,
    rounds: int = 3,
) -> float:
    """How many times longer ``func`` takes on ``make(large)`` than on ``make(small)``.

    The small time is the mean over ``large // small`` separate small inputs,
    so both sides touch as much memory and the ratio measures the algorithm,
    not the caches; each side is the best of ``rounds`` rounds (one suits a
    long table of cases, each of which would fail a quadratic step many
    times over).
    """
    copies = max(1, large // small)
    smalls = [make(small) + " " * i for i in range(copies)]
    big = make(large)
    best_small = best_big = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(rounds):
            start = time.perf_counter()
            for text in smalls:
                func(text)
            best_small = min(best_small, (time.perf_counter() - start) / copies)
            start = time.perf_counter()
            func(big)
            best_big = min(best_big, time.perf_counter() - start)
    finally:
        gc.enable()
    return best_big / max(best_small, FLOOR)
