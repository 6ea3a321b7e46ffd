"""The per-NIP formula (IKK.6, ``arsip_digital``) at scale, through ``renja capaian``.

Usage: python bench/bench_arsip.py [--nip 199820] [--runs 3]

Copies the bundled data, replaces ``realisasi/2025/tw3/arsip-digital.csv`` by a
generated file of ``--nip`` rows (distinct 18-digit NIPs, nine document flags,
deterministic), then runs ``renja capaian --tahun 2025 --triwulan 3 --format
json`` in a fresh process per run (cache off) and reports the median wall time
and the peak RSS of the process. Goals: 199.820 NIPs (the office) well under
2 s; 4.300.000 NIPs (all PNS of Indonesia) under 8 s and 350 MB.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
HEADER = (
    "nip,instansi,daftar_riwayat_hidup,sk_cpns,sk_pns,riwayat_pendidikan,spmt_cpns,"
    "riwayat_golongan,riwayat_jabatan,riwayat_pindah_instansi,riwayat_diklat"
)


def generate(path: Path, count: int) -> None:
    rnd = random.Random(199820)
    with path.open("w", encoding="utf-8") as handle:
        handle.write(HEADER + "\n")
        for k in range(count):
            flags = ",".join("1" if rnd.random() < 0.8 else "0" for _ in range(9))
            handle.write(f"{199000000000000000 + k},INST-{k % 44},{flags}\n")


def run_once(root: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one ``renja capaian`` process."""
    env = {**os.environ, "RENJA_CACHE": "0"}
    start = time.perf_counter()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "renja_cli",
            "capaian",
            "--tahun",
            "2025",
            "--triwulan",
            "3",
            "--format",
            "json",
            "--data",
            str(root),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    _, _, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if proc.stderr is not None:
        err = proc.stderr.read().decode()
        if err.strip():
            raise SystemExit(err)
    return elapsed, usage.ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--nip", type=int, default=199_820)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "data"
        shutil.copytree(REPO / "data", root)
        path = root / "realisasi" / "2025" / "tw3" / "arsip-digital.csv"
        generate(path, args.nip)
        size_mb = path.stat().st_size / 1e6
        results = [run_once(root) for _ in range(args.runs)]
    seconds = statistics.median(r[0] for r in results)
    peak = max(r[1] for r in results)
    print(f"renja capaian with {args.nip:,} NIP in arsip-digital.csv ({size_mb:.1f} MB)")
    print(f"median wall time: {seconds:.2f} s over {args.runs} runs; peak RSS {peak:.0f} MiB")
    print(f"(machine load average: {os.getloadavg()[0]:.2f}; resource module {resource.__name__})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
