"""The whole pipeline takes linear time on adversarial input (SPEC §1.4).

Each case builds the same pattern at about 100 KB and at about 1 MB and
compares the time ``clean()`` takes: ten times the input may cost at most
``MAX_RATIO`` times the time. Ratios, never absolute timings, so a slow or
busy machine does not fail them; the small input is timed best of several
A passing case costs one run of each size; only a case that looks too slow
is timed again (best of 3), and a superlinear one is stopped early instead of
running for minutes. A failure lists each step's time, to name the culprit.
"""

from __future__ import annotations

import math
import signal
import threading
import time
from typing import TYPE_CHECKING

import pytest

from beritaclean import STEPS, clean

if TYPE_CHECKING:
    from collections.abc import Callable

SMALL = 100_000
LARGE = 1_000_000
MAX_RATIO = 25.0  # for 10x the input; linear is ~10, quadratic ~100
FLOOR = 0.001  # seconds: a small run faster than this is timed as this (timer noise)
STOP = 1.2  # a large run is stopped at STOP * MAX_RATIO times the small one: it fails


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


def _headlines(size: int) -> str:
    # Distinct headline-like lines: every pair is a candidate degraded copy.
    lines = [f"Harga Beras Naik Jelang Ramadan di Kota {i}" for i in range(size // 40)]
    return "\n".join(lines)


def _baca_juga(size: int) -> str:
    # One marker and a linked headline that never ends: title-case words,
    # function words and separators, no sentence to stop before.
    return "Baca juga: " + _repeat("Harga Beras di Jawa Barat, Naik - Dari Kota ", size)


CASES: dict[str, Callable[[int], str]] = {
    # Separators left by stripped links.
    "space comma": lambda n: _repeat(" ,", n),
    "di comma": lambda n: _repeat("di , ", n),
    "dash comma": lambda n: "Jakarta -" + _repeat(" ,", n),
    # Glued text: every dot a candidate sentence end.
    "glued a.": lambda n: _repeat("a.", n),
    "baca juga run": _baca_juga,
    # A million quote marks, straight and curly.
    "quote marks": lambda n: _repeat('"“”', n),
    "newlines": lambda n: _repeat("\n", n),
    "outlet names": lambda n: _repeat("TRIBUNNEWS.COM- ", n),
    "repeated headline": lambda n: _repeat("Harga Beras Naik Jelang Ramadan\n", n),
    "distinct headlines": _headlines,
    "amp chain": lambda n: "&" + _repeat("amp;", n),
    "amp entities": lambda n: _repeat("&amp;", n),
}


class _TooSlowError(Exception):
    pass


def _raise_too_slow(_signum: int, _frame: object) -> None:
    raise _TooSlowError


def _time(func: Callable[[str], object], text: str, budget: float = 0.0) -> float:
    """Seconds ``func(text)`` takes; ``inf`` when it is stopped after ``budget`` seconds."""
    guard = budget > 0 and threading.current_thread() is threading.main_thread()
    if guard:
        previous = signal.signal(signal.SIGALRM, _raise_too_slow)
        signal.setitimer(signal.ITIMER_REAL, budget)
    start = time.perf_counter()
    try:
        func(text)
    except _TooSlowError:
        return math.inf
    finally:
        if guard:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    return time.perf_counter() - start


def _ratio(func: Callable[[str], object], small: str, large: str) -> float:
    """Time on ``large`` over time on ``small``.

    A passing case costs one run of each. One that looks too slow is timed
    again, best of 3 each, so that noise does not fail it; a large run that
    takes over STOP times the allowed ratio is stopped there (a superlinear
    step would otherwise run for minutes) and fails without a second try.
    """
    func(small[:1000])  # warm up: compiled patterns, package data
    t_small = max(_time(func, small), FLOOR)
    budget = STOP * MAX_RATIO * t_small
    t_large = _time(func, large, budget)
    if t_large == math.inf:
        return t_large
    if t_large / t_small >= MAX_RATIO:
        t_small = max(min([t_small, *(_time(func, small) for _ in range(2))]), FLOOR)
        t_large = min([t_large, *(_time(func, large, budget) for _ in range(2))])
    return t_large / t_small


def _step_times(small: str) -> str:
    """Each step's time on the small input, slowest first, for a failure message."""
    times = {name: _time(step, small) for name, step in STEPS.items()}
    return ", ".join(f"{name} {t:.3f}s" for name, t in sorted(times.items(), key=lambda x: -x[1]))


@pytest.mark.parametrize("case", list(CASES))
def test_clean_takes_linear_time(case: str) -> None:
    small, large = CASES[case](SMALL), CASES[case](LARGE)
    assert 9 * len(small) <= len(large) <= 11 * len(small)
    ratio = _ratio(clean, small, large)
    assert ratio < MAX_RATIO, (
        f"{case}: 10x the input took {ratio:.0f}x the time (stopped at {STOP * MAX_RATIO:g}x);"
        f" each step on the 100 KB input: {_step_times(small)}"
    )
