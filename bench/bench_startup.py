"""Start-up time of whole commands against the import floor, interleaved.

Usage: python bench/bench_startup.py [--rounds N] [--json] [--pyc ada|tanpa|keduanya]

The floor is ``python -c "import typer, pydantic, yaml, rich"``: what any tool
on this stack pays before doing anything. Every round runs the floor, a
hello-world typer app, that app importing yaml and renja's models (what every
renja run pays on this stack before reading a file) and each command in each
variant once, in a shuffled
order, so a slow spell of the machine hits all of them alike; the medians over
rounds are compared. Variants of each command:

* ``mati``: ``RENJA_CACHE=0``, the plain CLI;
* ``dingin``: cache folder emptied before the run (a miss that stores);
* ``hangat``: cache primed (a hit);
* ``berubah``: the first run after a data change, the issue's "cold run": a copy
  of ``data/`` whose ``tw3.yaml`` gets one more line before each run, so the
  result cache misses and the per-file cache (:mod:`renja_cli.cache_berkas`)
  re-reads that file and the third quarter's figures while every unchanged
  file and record comes back as it was;
* ``... tanpa pyc``: the same without renja_cli's bytecode, as after an
  install that wrote none (``uv`` without ``--compile-bytecode``, or an
  editable install under ``PYTHONDONTWRITEBYTECODE=1``).

Every child runs with ``PYTHONDONTWRITEBYTECODE=1`` so the bytecode stays as
arranged; the renja_cli ``__pycache__`` folders are compiled at the start and
moved aside for the ``tanpa pyc`` runs only. Goals: hangat <= 0.8x the floor,
dingin and berubah <= 2.0x.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FLOOR = [sys.executable, "-c", "import typer, pydantic, yaml, rich"]
# A one-command typer app: typer 0.29 builds pydantic TypeAdapters for options,
# which the bare import floor does not include. Shown for context.
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
# The same app importing yaml and renja's pydantic models (the 39 classes a
# ``capaian`` run unpickles or validates with): what any renja run on this stack
# pays before it reads a file. Shown for context: what is left between this row
# and a command is renja's own modules and work.
HELLO_MODEL = HELLO.replace(
    "import typer\n",
    "import typer, yaml\n"
    "import renja_cli.model.rencana, renja_cli.model.realisasi, renja_cli.model.referensi\n",
)
COMMANDS = [
    "capaian --tahun 2025 --format json",
    "capaian --tahun 2025",
    "ringkasan --tahun 2025 --triwulan 3 --format json",
    "rincian IKK.5 --tahun 2025 --format json",
    "validasi data/",
]
GOALS = {"hangat": 0.8, "dingin": 2.0, "berubah": 2.0}


@dataclass
class Run:
    name: str
    variant: str
    cmd: list[str]
    env: dict[str, str]
    before: Callable[[], None] | None = None
    pyc: bool = True
    cwd: Path = REPO
    samples: list[float] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.name} [{self.variant}]" if self.variant else self.name


def renja_command() -> list[str]:
    """The installed console script (what users run), else ``python -m renja_cli``."""
    script = Path(sys.executable).parent / "renja"
    if script.is_file() and "renja_cli.masuk" in script.read_text(errors="replace"):
        return [str(script)]
    return [sys.executable, "-m", "renja_cli"]


def package_dir() -> Path:
    spec = importlib.util.find_spec("renja_cli")
    if spec is None or spec.origin is None:
        raise SystemExit("renja_cli is not importable from this Python")
    return Path(spec.origin).parent


def bytecode_state(pkg: Path) -> tuple[int, int]:
    """(modules with an up-to-date .pyc, all modules) of renja_cli."""
    sources = [p for p in pkg.rglob("*.py") if "_data" not in p.parts]
    fresh = 0
    for source in sources:
        pyc = Path(importlib.util.cache_from_source(str(source)))
        if pyc.exists() and pyc.stat().st_mtime >= source.stat().st_mtime:
            fresh += 1
    return fresh, len(sources)


class PycSwitch:
    """Moves renja_cli's __pycache__ folders aside and back."""

    SUFFIX = ".bench-off"

    def __init__(self, pkg: Path) -> None:
        self.folders = [p for p in pkg.rglob("__pycache__") if "_data" not in p.parts]

    def off(self) -> None:
        for folder in self.folders:
            if folder.exists():
                folder.rename(folder.with_name(folder.name + self.SUFFIX))

    def on(self) -> None:
        for folder in self.folders:
            aside = folder.with_name(folder.name + self.SUFFIX)
            if aside.exists():
                aside.rename(folder)


def child_env(**extra: str) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("RENJA_", "GITHUB_", "_RENJA_"))
    }
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.update(extra)
    return env


def time_once(run: Run) -> float:
    if run.before is not None:
        run.before()
    start = time.perf_counter()
    proc = subprocess.run(
        run.cmd,
        cwd=run.cwd,
        env=run.env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{run.label}: exit code {proc.returncode}")
    return elapsed


def verify_hits(renja: list[str], warm_dir: Path, env: dict[str, str]) -> None:
    """Prime the warm cache, then check each command is answered from it (a hit
    refreshes its entry's mtime)."""
    for command in COMMANDS:
        subprocess.run([*renja, *command.split()], cwd=REPO, env=env, capture_output=True)
    entries = list(warm_dir.glob("*.bin"))
    if len(entries) != len(COMMANDS):
        raise SystemExit(f"expected {len(COMMANDS)} cache entries, found {len(entries)}")
    for entry in entries:
        os.utime(entry, (0, 0))
    for command in COMMANDS:
        subprocess.run([*renja, *command.split()], cwd=REPO, env=env, capture_output=True)
    stale = [e for e in entries if e.stat().st_mtime == 0]
    if stale:
        raise SystemExit(f"warm runs were not cache hits: {len(stale)} entries untouched")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=11)
    parser.add_argument("--json", action="store_true", help="print results as JSON")
    parser.add_argument(
        "--pyc",
        choices=("ada", "tanpa", "keduanya"),
        default="keduanya",
        help="with renja_cli bytecode, without, or both (default)",
    )
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)

    renja = renja_command()
    pkg = package_dir()
    before_state = bytecode_state(pkg)
    compileall.compile_dir(str(pkg), quiet=1, rx=None)
    switch = PycSwitch(pkg)
    tmp = Path(tempfile.mkdtemp(prefix="bench-startup-"))
    warm_dir, cold_dir = tmp / "hangat", tmp / "dingin"

    def clear_cold() -> None:
        shutil.rmtree(cold_dir, ignore_errors=True)

    changed_dir, changed_work = tmp / "berubah", tmp / "kerja"
    shutil.copytree(REPO / "data", changed_work / "data")
    tw3 = changed_work / "data" / "realisasi" / "2025" / "tw3.yaml"
    edits = iter(range(1_000_000))

    def change_data() -> None:
        with tw3.open("a", encoding="utf-8") as handle:
            handle.write(f"# suntingan {next(edits)}\n")

    runs = [
        Run("floor", "", FLOOR, child_env()),
        Run(
            "hello typer",
            "",
            [sys.executable, "-c", HELLO, "capaian", "--tahun", "2025"],
            child_env(),
        ),
        Run(
            "hello typer + model renja",
            "",
            [sys.executable, "-c", HELLO_MODEL, "capaian", "--tahun", "2025"],
            child_env(),
        ),
    ]
    pyc_modes = {"ada": [True], "tanpa": [False], "keduanya": [True, False]}[args.pyc]
    for command in COMMANDS:
        cmd = [*renja, *command.split()]
        for pyc in pyc_modes:
            tag = "" if pyc else " tanpa pyc"
            runs += [
                Run(command, "mati" + tag, cmd, child_env(RENJA_CACHE="0"), pyc=pyc),
                Run(
                    command,
                    "dingin" + tag,
                    cmd,
                    child_env(RENJA_CACHE_DIR=str(cold_dir)),
                    clear_cold,
                    pyc=pyc,
                ),
                Run(
                    command, "hangat" + tag, cmd, child_env(RENJA_CACHE_DIR=str(warm_dir)), pyc=pyc
                ),
                Run(
                    command,
                    "berubah" + tag,
                    cmd,
                    child_env(RENJA_CACHE_DIR=str(changed_dir)),
                    change_data,
                    pyc=pyc,
                    cwd=changed_work,
                ),
            ]
    load_start = os.getloadavg()
    try:
        verify_hits(renja, warm_dir, child_env(RENJA_CACHE_DIR=str(warm_dir)))
        for run in runs:  # one untimed pass: file cache, pyc
            switch.on() if run.pyc else switch.off()
            time_once(run)
        switch.on()
        rng = random.Random(args.seed)
        for _ in range(args.rounds):
            order = runs[:]
            rng.shuffle(order)
            for run in order:
                switch.on() if run.pyc else switch.off()
                run.samples.append(time_once(run))
    finally:
        switch.on()
        shutil.rmtree(tmp, ignore_errors=True)
    load_end = os.getloadavg()

    floor = statistics.median(runs[0].samples)
    floor_min = min(runs[0].samples)
    rows = []
    for run in runs:
        median = statistics.median(run.samples)
        rows.append(
            {
                "command": run.name,
                "variant": run.variant,
                "median_ms": round(median * 1000, 1),
                "min_ms": round(min(run.samples) * 1000, 1),
                "ratio": round(median / floor, 2),
                "min_ratio": round(min(run.samples) / floor_min, 2),
                "renja_cli_pyc": run.pyc,
            }
        )
    fresh, total = before_state
    info = {
        "python": sys.version.split()[0],
        "renja": " ".join(renja),
        "rounds": args.rounds,
        "floor_ms": round(floor * 1000, 1),
        "bytecode_before": f"{fresh}/{total} renja_cli modules had an up-to-date .pyc",
        "PYTHONDONTWRITEBYTECODE": os.environ.get("PYTHONDONTWRITEBYTECODE", ""),
        "loadavg_start_end": [round(load_start[0], 2), round(load_end[0], 2)],
    }
    if args.json:
        print(json.dumps({"info": info, "results": rows}, indent=2))
        return 0
    print(f"python {info['python']}, {args.rounds} interleaved rounds, renja = {info['renja']}")
    print(f"bytecode before the bench: {info['bytecode_before']}", end="")
    if fresh < total:
        print(" (a run without .pyc compiles renja_cli every time: see the 'tanpa pyc' rows)")
    else:
        print()
    if info["PYTHONDONTWRITEBYTECODE"]:
        print("note: PYTHONDONTWRITEBYTECODE is set here, so an editable install never gets .pyc")
    print(f"load average (1 min) at start/end: {load_start[0]:.2f} / {load_end[0]:.2f}")
    print("ratio = median / floor median (the goal); min/min = fastest / fastest floor")
    print()
    width = max(len(r["command"]) for r in rows) + 2
    print(f"{'command':<{width}}{'variant':<18}{'median':>9}{'min':>9}{'ratio':>8}{'min/min':>9}")
    for r in rows:
        goal = GOALS.get(str(r["variant"]).split()[0] if r["variant"] else "")
        mark = "" if goal is None else ("  ok" if r["ratio"] <= goal else f"  > {goal}")
        print(
            f"{r['command']:<{width}}{r['variant']:<18}{r['median_ms']:>7.0f}ms"
            f"{r['min_ms']:>7.0f}ms{r['ratio']:>7.2f}x{r['min_ratio']:>8.2f}x{mark}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
