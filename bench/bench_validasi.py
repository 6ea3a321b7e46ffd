"""Validate a data folder holding a 10 MB realisasi CSV; time and peak memory.

Usage: python bench/bench_validasi.py [--mb 10]

Copies the bundled data, replaces ``realisasi/2025/tw3/arsip-digital.csv`` by a
generated file of about ``--mb`` megabytes, and runs ``renja validasi`` on it
in a fresh process. CSV rows are streamed, so peak memory should stay far
below twice the file size. Also times the rejection of an alias bomb.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

from bench_arsip import generate  # noqa: E402


def _run(args: list[str]) -> tuple[float, float, int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "renja_cli", *args], capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) / 1024, proc.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=10)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "data"
        shutil.copytree(REPO / "data", root)
        csv_path = root / "realisasi" / "2025" / "tw3" / "arsip-digital.csv"
        generate(csv_path, int(args.mb * 1e6 / 44))
        size = csv_path.stat().st_size / 1e6
        elapsed, peak, code = _run(["validasi", str(root)])
        print(
            f"validasi with a {size:.1f} MB CSV: {elapsed:.2f} s, peak RSS {peak:.0f} MiB, "
            f"exit {code}"
        )
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "data"
        shutil.copytree(REPO / "data", root)
        bomb = root / "realisasi" / "2025" / "tw1.yaml"
        lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        prev = "a"
        for name in "bcdefghijk":
            lines.append(f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
            prev = name
        bomb.write_text("\n".join(lines) + "\n")
        elapsed, _, code = _run(["validasi", str(root)])
        baseline, _, _ = _run(["validasi", str(REPO / "data")])
        print(
            f"validasi of the bundled data with an alias bomb (9^10 nodes if expanded): "
            f"{elapsed:.2f} s, exit {code} (the same folder without it: {baseline:.2f} s)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
