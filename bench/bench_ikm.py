"""Time the IKM core on a 240-response export and on 100 000 responses.

Usage: python bench/bench_ikm.py [--responden 100000] [--runs 5]

Each run is a fresh process that imports the package (start-up, reported
apart), then reads the file, computes the IKM with a per-month breakdown
and renders the Rich table and the JSON, which is what ``renja ikm FILE
--per bulan`` will do. The small case is the bundled example
``survei-ikm-layanan.csv`` (Google Forms CSV, answer texts); the large one
is generated the same way (seeded). Goals, beyond start-up: < 0,5 s for
240 responses, < 3 s for 100 000. Not a timed test: timings depend on the
machine.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import statistics
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CONTOH = REPO / "tests/examples/ikm/realisasi/2025/tw3/survei-ikm-layanan.csv"

CHILD = r"""
import io, json, sys, time
t0 = time.perf_counter()
from pathlib import Path
from renja_cli.ikm import baca_survei, hitung_ikm, muat_referensi
from renja_cli.ikm.render import ke_json, ke_rich
from rich.console import Console
t1 = time.perf_counter()
ref = muat_referensi()
survei = baca_survei(Path(sys.argv[1]), ref)
t2 = time.perf_counter()
hasil = hitung_ikm(survei, ref, per="bulan", populasi=10 * len(survei.responden))
t3 = time.perf_counter()
console = Console(file=io.StringIO(), width=120)
console.print(ke_rich(hasil))
ke_json(hasil)
t4 = time.perf_counter()
print(json.dumps({"impor": t1 - t0, "baca": t2 - t1, "hitung": t3 - t2, "tampil": t4 - t3,
                  "responden": hasil.responden, "ikm": hasil.ikm}))
"""


def generate(path: Path, count: int) -> None:
    """A Google Forms CSV with ``count`` responses, header taken from the example."""
    with CONTOH.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(line for line in handle if not line.startswith("# ")))
    header = rows[0]
    sample = [r for r in rows[1:] if any(r[5:14])]  # leave out the respondent who answered nothing
    rnd = random.Random(100_000)
    start = datetime(2025, 1, 2, 8, 0)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        for i in range(count):
            row = list(rnd.choice(sample))
            t = start + timedelta(seconds=i * 300 + rnd.randint(0, 299))
            hour = t.hour % 12 or 12
            row[0] = f"{t:%Y/%m/%d} {hour}:{t:%M:%S} {'AM' if t.hour < 12 else 'PM'} GMT+8"
            writer.writerow(row)


def measure(path: Path, runs: int) -> dict[str, float]:
    results = []
    for _ in range(runs):
        proc = subprocess.run(
            [sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True
        )
        results.append(json.loads(proc.stdout))
    keys = ("impor", "baca", "hitung", "tampil")
    median = {k: statistics.median(r[k] for r in results) for k in keys}
    median["responden"] = results[0]["responden"]
    median["ikm"] = results[0]["ikm"]
    return median


def report(name: str, m: dict[str, float], goal: float) -> None:
    work = m["baca"] + m["hitung"] + m["tampil"]
    verdict = "OK" if work < goal else "LEBIH DARI TARGET"
    print(
        f"{name}: {int(m['responden']):,} responden, IKM {m['ikm']:.4f}\n"
        f"  impor {m['impor']:.3f} s | baca {m['baca']:.3f} s | hitung {m['hitung']:.3f} s | "
        f"tampil {m['tampil']:.3f} s\n"
        f"  di luar start-up: {work:.3f} s (target < {goal} s): {verdict}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--responden", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    report(CONTOH.name, measure(CONTOH, args.runs), 0.5)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "survei-besar.csv"
        generate(path, args.responden)
        size = path.stat().st_size / 1e6
        report(f"survei-besar.csv ({size:.1f} MB)", measure(path, args.runs), 3.0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
