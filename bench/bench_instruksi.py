"""Start-up counted in CPU instructions (valgrind callgrind): deterministic ratios.

Usage: python bench/bench_instruksi.py [--json] [--perintah "capaian --tahun 2025" ...]

Wall-clock medians on a shared machine drift by a third between runs
(``bench_startup.py`` interleaves to compare fairly, but its ratios still
move); instruction counts do not. Each command runs once under callgrind per
variant, with renja_cli's bytecode compiled first:

* ``mati`` — ``RENJA_CACHE=0``;
* ``dingin`` — caches emptied (result and per-file);
* ``berubah`` — the first run after ``tw3.yaml`` of a copy of ``data/`` is
  edited, per-file cache primed (the issue's "cold run after a data change");
* ``hangat`` — the result cache answers.

Ratios are to the floor ``python -c "import typer, pydantic, yaml, rich"``.
Two context rows: a hello-world typer app, and the same app importing yaml and
renja's pydantic models (``hello typer + model renja``), the fixed part of
every renja run on this stack.
A run takes about a minute per command (callgrind is ~50× slower).
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_startup import (
    COMMANDS,
    FLOOR,
    HELLO,
    HELLO_MODEL,
    REPO,
    child_env,
    package_dir,
    renja_command,
)

GOALS = {"hangat": 0.8, "dingin": 2.0, "berubah": 2.0}
_COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


def instructions(cmd: list[str], env: dict[str, str], cwd: Path) -> int:
    """Instructions executed by ``cmd`` and its children (callgrind's total)."""
    proc = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    found = _COLLECTED.search(proc.stderr)
    if found is None:
        raise SystemExit(f"callgrind gave no count for {cmd}:\n{proc.stderr[-2000:]}")
    return int(found.group(1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print results as JSON")
    parser.add_argument("--perintah", action="append", help="a command (default: the bench's)")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt install valgrind)")

    commands = args.perintah or COMMANDS
    renja = renja_command()
    compileall.compile_dir(str(package_dir()), quiet=1)
    tmp = Path(tempfile.mkdtemp(prefix="bench-instruksi-"))
    rows: list[tuple[str, str, int]] = []
    try:
        work = tmp / "kerja"
        shutil.copytree(REPO / "data", work / "data")
        tw3 = work / "data" / "realisasi" / "2025" / "tw3.yaml"
        rows.append(("floor", "", instructions(FLOOR, child_env(), REPO)))
        hello = [sys.executable, "-c", HELLO, "capaian", "--tahun", "2025"]
        rows.append(("hello typer", "", instructions(hello, child_env(), REPO)))
        model = [sys.executable, "-c", HELLO_MODEL, "capaian", "--tahun", "2025"]
        rows.append(("hello typer + model renja", "", instructions(model, child_env(), REPO)))
        for number, command in enumerate(commands):
            cmd = [*renja, *command.split()]
            cold = tmp / f"dingin-{number}"
            changed = tmp / f"berubah-{number}"
            warm = tmp / f"hangat-{number}"
            rows.append((command, "mati", instructions(cmd, child_env(RENJA_CACHE="0"), REPO)))
            env = child_env(RENJA_CACHE_DIR=str(cold))
            rows.append((command, "dingin", instructions(cmd, env, REPO)))
            env = child_env(RENJA_CACHE_DIR=str(changed))
            subprocess.run(cmd, cwd=work, env=env, capture_output=True, check=False)
            with tw3.open("a", encoding="utf-8") as handle:
                handle.write(f"# suntingan {number}\n")
            rows.append((command, "berubah", instructions(cmd, env, work)))
            env = child_env(RENJA_CACHE_DIR=str(warm))
            subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, check=False)
            rows.append((command, "hangat", instructions(cmd, env, REPO)))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    floor = rows[0][2]
    if args.json:
        keys = ("command", "variant", "instructions")
        out = [
            {**dict(zip(keys, row, strict=True)), "ratio": round(row[2] / floor, 2)} for row in rows
        ]
        print(json.dumps(out, indent=2))
        return 0
    print(f"python {sys.version.split()[0]}, renja = {' '.join(renja)}, instructions (millions)")
    print(f"{'command':50} {'variant':9} {'instr':>8} {'ratio':>6}")
    for command, variant, count in rows:
        ratio = count / floor
        goal = GOALS.get(variant)
        mark = "" if goal is None else ("  ok" if ratio <= goal else f"  > {goal}")
        print(f"{command:50} {variant:9} {count // 1_000_000:>7}M {ratio:>5.2f}x{mark}")
    return 0


if __name__ == "__main__":
    os.environ.pop("RENJA_CACHE", None)
    raise SystemExit(main())
