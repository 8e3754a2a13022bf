"""Peak memory of ``beritaclean`` on a big JSON Lines file (SPEC §6: constant memory).

Generates a JSONL file of synthetic Indonesian news records (default 200 MB)
in a temporary folder, cleans it with the installed command (or
``python -m beritaclean`` when the command is not next to this Python), and
prints the peak resident set size. The goal is < 150 MB whatever the input
size.

    python benchmarks/memory.py               # 200 MB, --jobs 1
    python benchmarks/memory.py --mb 50 --jobs 2

Peak RSS comes from GNU ``/usr/bin/time -v`` when it exists, otherwise from
``resource.getrusage(RUSAGE_CHILDREN)``. Either way it is the largest single
process; with ``--jobs`` the workers are sampled too (Linux ``/proc``) and
the largest sum over the process tree is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Our own sentences, shaped like scraped news (datelines, boilerplate, holes).
LEADS = [
    "TRIBUNNEWS.COM, JAKARTA- Pemerintah menyiapkan anggaran baru untuk perbaikan jalan desa.",
    "Jakarta, CNN Indonesia -- Harga cabai rawit di pasar induk naik 12 persen pekan ini.",
    "Liputan6.com, Bandung Warga menggelar kerja bakti membersihkan saluran air.",
    "JAKARTA, KOMPAS.com - Dinas Perhubungan menambah armada bus pada jam sibuk.",
]
SUBJECTS = [
    "Kepala dinas",
    "Wali kota",
    "Juru bicara polisi",
    "Warga setempat",
    "Ketua RT",
    "Menteri",
]
VERBS = ["mengatakan", "menegaskan", "menyebut", "menjelaskan", "mengakui"]
DETAILS = [
    "kebijakan itu berlaku mulai Senin (27/12/2023)",
    "program tersebut menyasar {n} warga di {k} kecamatan",
    "anggaran sebesar Rp {n} juta sudah disiapkan",
    "petugas mencatat {n} kendaraan melintas pada pukul 10.30 WIB",
    "rapat itu dihadiri perwakilan dari , , kementerian terkait",
]
EXTRAS = [
    "Baca juga: Harga Beras Naik Jelang Akhir Tahun di Sejumlah Daerah",
    "“Kami akan mengevaluasi hasilnya bulan depan,” ujarnya.Dia menambahkan anggaran sudah siap.",
    "ADVERTISEMENT",
]
TAIL = ["(Tribunnews.com/Rina Ayu)", "(ant)", "Artikel ini telah tayang di Kompas.com", ""]


def record(rng: random.Random, i: int) -> str:
    """One JSON line of about 2-4 KB."""
    body = [
        f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} "
        + rng.choice(DETAILS).format(n=rng.randint(2, 90_000), k=rng.randint(2, 40))
        + rng.choice([".", " .", "."])
        for _ in range(rng.randint(12, 30))
    ]
    for _ in range(rng.randint(0, 3)):
        body.insert(rng.randrange(len(body)), rng.choice(EXTRAS))
    paragraphs = [rng.choice(LEADS), *body, rng.choice(TAIL)]
    row = {
        "id": i,
        "outlet": "contoh",
        "title": "Pemerintah Siapkan Anggaran Perbaikan Jalan",
        "text": "\n\n".join(paragraphs),
        "meta": {"scraped": "2024-01-01", "score": 0.5},
    }
    return json.dumps(row, ensure_ascii=False) + "\n"


def generate(path: Path, megabytes: int) -> int:
    """Write about ``megabytes`` MB of records; return the record count."""
    rng = random.Random(2024)
    target = megabytes * 1_000_000
    written = count = 0
    with path.open("w", encoding="utf-8") as out:
        while written < target:
            line = record(rng, count)
            out.write(line)
            written += len(line.encode("utf-8"))
            count += 1
    return count


def command() -> tuple[list[str], dict[str, str]]:
    """The installed command if it sits next to this Python, else ``-m``."""
    env = dict(os.environ)
    script = Path(sys.executable).parent / "beritaclean"
    if script.exists():
        return [str(script)], env
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    return [sys.executable, "-m", "beritaclean"], env


def _tree_rss_kb(pid: int) -> int:
    """Resident set size of ``pid`` and all its descendants (Linux), in kB."""
    total = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))  # type: ignore[union-attr]
            for task in Path(f"/proc/{current}/task").iterdir():
                children = (task / "children").read_text().split()
                stack.extend(int(c) for c in children)
        except (OSError, AttributeError, ValueError):
            continue
    return total


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, int, int]:
    """Run ``cmd``; return seconds, peak RSS of one process (kB), peak RSS of the tree (kB)."""
    timer = shutil.which("time") if Path("/usr/bin/time").exists() else None
    full = ["/usr/bin/time", "-v", *cmd] if timer else cmd
    started = time.perf_counter()
    proc = subprocess.Popen(full, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    tree_peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal tree_peak
        while not done.wait(0.2):
            tree_peak = max(tree_peak, _tree_rss_kb(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    if Path("/proc").is_dir():
        sampler.start()
    _, err = proc.communicate()
    done.set()
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        sys.exit(f"beritaclean failed ({proc.returncode}):\n{err.decode(errors='replace')}")
    if timer:
        match = re.search(rb"Maximum resident set size \(kbytes\): (\d+)", err)
        peak = int(match.group(1)) if match else 0
    else:
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, peak, tree_peak


def main() -> None:
    """Generate, clean, report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=200, help="input size in MB (default 200)")
    parser.add_argument("--jobs", type=int, default=1, help="beritaclean --jobs (default 1)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "big.jsonl"
        records = generate(data, args.mb)
        size = data.stat().st_size
        print(f"input: {size / 1e6:.0f} MB, {records:,} records")
        cmd, env = command()
        out = Path(folder) / "out.jsonl"
        seconds, peak, tree = run(
            [*cmd, "--jobs", str(args.jobs), "-q", str(data), "-o", str(out)], env
        )
        print(f"command: {' '.join(Path(c).name for c in cmd)} --jobs {args.jobs}")
        print(f"time: {seconds:.1f} s ({size / 1e6 / seconds:.2f} MB/s)")
        print(f"peak RSS (largest process): {peak / 1024:.1f} MB")
        if tree:
            print(f"peak RSS (all processes, sampled): {tree / 1024:.1f} MB")
        print(f"output: {out.stat().st_size / 1e6:.0f} MB")
        verdict = "OK" if peak < 150 * 1024 else "OVER"
        print(f"goal < 150 MB per process: {verdict}")


if __name__ == "__main__":
    main()
