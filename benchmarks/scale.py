"""Scale figures of the ``beritaclean`` command: parallel speed-up and peak memory.

Usage::

    python benchmarks/scale.py                  # 50 MB speed-up, 200 MB memory
    python benchmarks/scale.py --speed-mb 10 --memory-mb 20   # a quick look

It writes synthetic JSON Lines corpora (``benchmarks/synthetic.py``, fixed
seed; cached in ``--workdir``), then runs the installed command:

- ``beritaclean --jobs 1`` and ``--jobs 2`` on the ``--speed-mb`` file
  (target: ``--jobs 2`` at least 1.7x faster);
- ``beritaclean --jobs 1`` and ``--jobs 2`` on the ``--memory-mb`` file
  (target: peak RSS at most 150 MB).

Each run is measured with ``/usr/bin/time -v`` (wall clock and "Maximum
resident set size": the largest single process of the run) and, at the same
time, by sampling ``/proc`` for the summed RSS of the whole process tree (the
command and its workers). Without ``/usr/bin/time`` the wall clock comes from
``time.perf_counter`` and the peak from ``resource.getrusage``.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic

if TYPE_CHECKING:
    from collections.abc import Sequence

SPEEDUP_TARGET = 1.7  # --jobs 2 against --jobs 1
RSS_TARGET_MB = 150.0
GNU_TIME = Path("/usr/bin/time")
PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass(frozen=True, slots=True)
class Run:
    """One run of the command."""

    jobs: int
    seconds: float
    max_rss_mb: float  # the largest single process, as /usr/bin/time -v reports it
    tree_rss_mb: float  # the summed RSS of the process tree, sampled from /proc


def _tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and all its descendants, now."""
    total = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            with Path(f"/proc/{p}/statm").open() as f:
                total += int(f.read().split()[1]) * PAGE
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue  # the process ended meanwhile
    return total


class TreeSampler(threading.Thread):
    """Sample the summed RSS of a process tree every few milliseconds."""

    def __init__(self, pid: int) -> None:
        """Start sampling ``pid``'s tree when :meth:`start` is called."""
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = 0
        self.done = threading.Event()

    def run(self) -> None:
        """Sample until :attr:`done` is set."""
        while not self.done.is_set():
            self.peak = max(self.peak, _tree_rss(self.pid))
            self.done.wait(0.02)


def find_command(name: str) -> str:
    """The command next to this interpreter (a venv's bin), else on PATH."""
    local = Path(sys.executable).parent / name
    if local.exists():
        return str(local)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"scale.py: command {name!r} not found; pip install -e .")
    return found


def supports_jobs(command: str) -> bool:
    """Whether the installed command has SPEC §6's ``--jobs`` yet."""
    result = subprocess.run([command, "--help"], capture_output=True, text=True, check=False)
    return "--jobs" in result.stdout


def run_command(command: str, path: Path, jobs: int, out: Path) -> Run:
    """Clean ``path`` into ``out`` with ``--jobs jobs``; measure time and memory."""
    argv = [command, "--format", "jsonl", "--jobs", str(jobs), "-o", str(out), str(path)]
    use_time = GNU_TIME.exists()
    if use_time:
        argv = [str(GNU_TIME), "-v", *argv]
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    sampler = TreeSampler(proc.pid)
    sampler.start()
    _, stderr = proc.communicate()
    seconds = time.perf_counter() - start
    sampler.done.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"scale.py: {' '.join(argv)} failed ({proc.returncode}):\n{stderr}")
    if use_time:
        wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", stderr)
        rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", stderr)
        if wall is None or rss is None:
            raise SystemExit(f"scale.py: cannot read /usr/bin/time -v output:\n{stderr}")
        seconds = sum(float(x) * 60**i for i, x in enumerate(reversed(wall.group(1).split(":"))))
        max_rss_mb = int(rss.group(1)) / 1024
    else:
        max_rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return Run(jobs, seconds, max_rss_mb, sampler.peak / 2**20)


def corpus(workdir: Path, megabytes: float, seed: int) -> Path:
    """A synthetic JSONL corpus of about ``megabytes`` MB, generated once."""
    path = workdir / f"synthetic-{megabytes:g}mb-seed{seed}.jsonl"
    if not path.exists():
        print(f"writing {path} ...", flush=True)
        tmp = path.with_suffix(".tmp")
        synthetic.write_jsonl(tmp, int(megabytes * 1e6), seed)
        tmp.replace(path)
    return path


def show(run: Run, size_mb: float) -> None:
    """Print one run."""
    print(
        f"  --jobs {run.jobs}: {run.seconds:7.2f} s  {size_mb / run.seconds:6.2f} MB/s"
        f"  max RSS {run.max_rss_mb:6.1f} MB (one process)  tree {run.tree_rss_mb:6.1f} MB"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the scale measurements; exit 1 under ``--strict`` when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--speed-mb", type=float, default=50.0, help="speed-up corpus (50 MB)")
    parser.add_argument("--memory-mb", type=float, default=200.0, help="memory corpus (200 MB)")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "bc-scale")
    parser.add_argument("--command", default="beritaclean", help="the command to run")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)

    command = find_command(args.command)
    if not supports_jobs(command):
        print(f"{command} has no --jobs option yet (SPEC §6): nothing to measure")
        return 2
    args.workdir.mkdir(parents=True, exist_ok=True)
    out = args.workdir / "out.jsonl"
    print(
        f"{command}, {os.cpu_count()} CPUs, measured with "
        f"{GNU_TIME if GNU_TIME.exists() else 'resource.getrusage'}"
    )
    ok = True

    path = corpus(args.workdir, args.speed_mb, args.seed)
    size = path.stat().st_size / 1e6
    print(f"\n== speed-up: {path.name} ({size:.1f} MB)")
    one = run_command(command, path, 1, out)
    show(one, size)
    two = run_command(command, path, 2, out)
    show(two, size)
    speedup = one.seconds / two.seconds
    ok &= speedup >= SPEEDUP_TARGET
    verdict = "PASS" if speedup >= SPEEDUP_TARGET else "FAIL"
    print(
        f"  --jobs 2 / --jobs 1: {speedup:.2f}x faster (target >= {SPEEDUP_TARGET:g}x)  {verdict}"
    )

    path = corpus(args.workdir, args.memory_mb, args.seed)
    size = path.stat().st_size / 1e6
    print(f"\n== memory: {path.name} ({size:.1f} MB)")
    for jobs in (1, 2):
        run = run_command(command, path, jobs, out)
        show(run, size)
        good = run.max_rss_mb <= RSS_TARGET_MB
        ok &= good
        print(
            f"  peak RSS --jobs {jobs}: {run.max_rss_mb:.1f} MB"
            f" (target <= {RSS_TARGET_MB:g} MB)  {'PASS' if good else 'FAIL'}"
        )
    out.unlink(missing_ok=True)
    return 0 if ok or not args.strict else 1


if __name__ == "__main__":
    sys.exit(main())
