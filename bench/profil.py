"""Where one command's cold start goes: ``-X importtime`` and cProfile top lists.

Usage: python bench/profil.py [--imports N] [--fungsi N] [--ulang N] -- capaian --tahun 2025

Both run the CLI itself (``renja_cli.cli.app:main``, never the cache) in a
fresh interpreter from the repository root, output discarded. The import list
is sorted by cumulative time (a package includes what it imports); the
cProfile list by cumulative time too, so imports show up as ``<module>`` rows.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RUN_CLI = "import sys; sys.argv[0] = 'renja'; from renja_cli.cli.app import main; main()"
PROFILE_CLI = """
import cProfile, sys
out = sys.argv.pop(1)
sys.argv[0] = "renja"
profile = cProfile.Profile()
profile.enable()
try:
    from renja_cli.cli.app import main
    main()
except SystemExit:
    pass
finally:
    profile.disable()
    profile.dump_stats(out)
"""


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith(("RENJA_", "GITHUB_"))}


def _importtime_once(args: list[str]) -> dict[str, tuple[int, int]]:
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", RUN_CLI, *args],
        cwd=REPO,
        env=_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    found = {}
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        head, cumulative, name = line.split("|")
        own = int(head.removeprefix("import time:").strip())
        found[name.rstrip()] = (int(cumulative.strip()), own)
    return found


def importtime(args: list[str], top: int, repeat: int) -> None:
    """Median per module over ``repeat`` runs: one run on a busy machine misleads."""
    runs = [_importtime_once(args) for _ in range(repeat)]
    rows = []
    for name in runs[0]:
        values = [run[name] for run in runs if name in run]
        cumulative = statistics.median(v[0] for v in values)
        own = statistics.median(v[1] for v in values)
        rows.append((cumulative, own, name))
    total = sum(s for _, s, _ in rows)
    print(
        f"-X importtime (median of {repeat} runs): {len(rows)} modules, "
        f"{total / 1000:.0f} ms in imports (sum of self)"
    )
    print(f"{'cumul ms':>9} {'self ms':>8}  module")
    for cumulative, own, name in sorted(rows, reverse=True)[:top]:
        print(f"{cumulative / 1000:9.1f} {own / 1000:8.1f}  {name}")


def cprofile(args: list[str], top: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / "profil.out")
        subprocess.run(
            [sys.executable, "-c", PROFILE_CLI, out, *args],
            cwd=REPO,
            env=_env(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        text = io.StringIO()
        stats = pstats.Stats(out, stream=text)
        stats.sort_stats("cumulative").print_stats(top)
    print(text.getvalue().strip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--imports", type=int, default=25, help="import rows (default 25)")
    parser.add_argument("--fungsi", type=int, default=30, help="cProfile rows (default 30)")
    parser.add_argument("--ulang", type=int, default=5, help="importtime runs (default 5)")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="renja arguments")
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give a command, e.g. -- capaian --tahun 2025 --format json")
    spec = importlib.util.find_spec("renja_cli")
    origin = Path(spec.origin) if spec and spec.origin else None
    if origin is not None:
        pyc = Path(importlib.util.cache_from_source(str(origin)))
        state = "present" if pyc.exists() else "absent (every run compiles renja_cli)"
        print(f"renja_cli bytecode: {state}")
    print(f"renja {' '.join(command)}\n")
    importtime(command, args.imports, args.ulang)
    print()
    cprofile(command, args.fungsi)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
