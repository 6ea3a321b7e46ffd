"""Time whole commands against the import floor of their dependencies.

Usage: python bench/bench_startup.py [--runs N]

The floor is ``python -c "import typer, pydantic, yaml, rich"``: what any
tool built on this stack pays before doing anything. The ratio says how much
the tool's own work adds; the goal is a median ratio <= 1.5.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FLOOR = [sys.executable, "-c", "import typer, pydantic, yaml, rich"]
# A one-command typer app: typer 0.29 imports pydantic's TypeAdapter machinery to
# run any command, which the bare import floor does not include. Shown for context.
HELLO = """
from typing import Annotated
import typer
app = typer.Typer()
@app.command()
def capaian(tahun: Annotated[int, typer.Option()] = 0) -> None:
    print(tahun)
@app.command()
def lain() -> None: ...
app()
"""
CASES = {
    name: name.split()
    for name in (
        "capaian --tahun 2025 --format json",
        "ringkasan --tahun 2025 --triwulan 3",
        "ringkasan --tahun 2025 --triwulan 3 --format json",
    )
}


def _time(cmd: list[str], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=REPO)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--case", action="append", help="only these cases")
    args = parser.parse_args(argv)
    _time(FLOOR, 2)  # warm the file cache
    floor = _time(FLOOR, args.runs)
    print(f"floor (import typer, pydantic, yaml, rich): {floor * 1000:.0f} ms")
    hello = _time([sys.executable, "-c", HELLO, "capaian", "--tahun", "2025"], args.runs)
    print(f"hello-world typer app (context): {hello * 1000:.0f} ms, ratio {hello / floor:.2f}")
    worst = 0.0
    for name, extra in CASES.items():
        if args.case and name not in args.case:
            continue
        cmd = [sys.executable, "-m", "renja_cli", *extra]
        _time(cmd, 2)
        median = _time(cmd, args.runs)
        ratio = median / floor
        worst = max(worst, ratio)
        print(
            f"renja {name}: {median * 1000:.0f} ms, ratio {ratio:.2f} "
            f"({median / hello:.2f} x the hello-world typer app)"
        )
    print(f"worst ratio: {worst:.2f} (goal <= 1.5)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
