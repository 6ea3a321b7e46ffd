"""Time the arsip_digital formula on the office's real population size.

Usage: python bench/bench_arsip.py [--nip 199820] [--runs 5]

Generates a CSV with one row per NIP (nine document flags, deterministic),
then, in a fresh process per run, reads it through the same code the
``capaian`` command uses and reports the median time and peak memory (RSS)
above the process's own baseline. Goal: well under 2 s.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HEADER = (
    "nip,instansi,daftar_riwayat_hidup,sk_cpns,sk_pns,riwayat_pendidikan,spmt_cpns,"
    "riwayat_golongan,riwayat_jabatan,riwayat_pindah_instansi,riwayat_diklat"
)

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from renja_cli.formula.arsip import FormulaArsipDigital, hitung_berkas
formula = FormulaArsipDigital(jenis="arsip_digital", berkas="x.csv")
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
hasil = hitung_berkas(formula, Path(sys.argv[1]))
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": elapsed, "peak_kib": peak, "base_kib": base,
                  "rows": hasil.rincian.jumlah_nip, "pembilang": hasil.pembilang}))
"""


def generate(path: Path, count: int) -> None:
    rnd = random.Random(199820)
    with path.open("w", encoding="utf-8") as handle:
        handle.write(HEADER + "\n")
        for k in range(count):
            flags = [1 if rnd.random() < 0.8 else 0 for _ in range(9)]
            handle.write(
                f"{199000000000000000 + k},INST-{k % 44}," + ",".join(map(str, flags)) + "\n"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--nip", type=int, default=199_820)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "arsip-digital.csv"
        generate(path, args.nip)
        size_mb = path.stat().st_size / 1e6
        results = []
        for _ in range(args.runs):
            proc = subprocess.run(
                [sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True
            )
            results.append(json.loads(proc.stdout))
    seconds = statistics.median(r["seconds"] for r in results)
    extra_mib = max(r["peak_kib"] - r["base_kib"] for r in results) / 1024
    peak_mib = max(r["peak_kib"] for r in results) / 1024
    print(f"arsip_digital: {results[0]['rows']:,} NIP ({size_mb:.1f} MB CSV)")
    print(f"median time: {seconds:.2f} s over {args.runs} runs (goal well under 2 s)")
    print(f"peak RSS: {peak_mib:.0f} MiB ({extra_mib:.0f} MiB above the process baseline)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
