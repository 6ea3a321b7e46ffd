"""Time ``renja beda`` between two revisions of a repository holding the bundled data.

Usage: python bench/bench_beda.py [--runs N]

Builds a temporary git repository whose first commit is ``data/`` and whose
second commit changes a target, a closed quarter's realisasi and a record CSV,
then times ``renja beda HEAD~1 HEAD`` in a fresh process against the start-up
of the same CLI (``renja --versi``). The goal: under 1 s beyond start-up.
Also times the same comparison in-process (no start-up at all).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GIT = ["git", "-c", "user.name=bench", "-c", "user.email=bench@renja.invalid"]


def _git(repo: Path, *args: str) -> None:
    subprocess.run([*GIT, *args], cwd=repo, check=True, capture_output=True)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    if old not in text:
        raise SystemExit(f"{path}: '{old}' not found; the bundled data changed")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def build(root: Path) -> Path:
    """The repository: bundled data, then a commit that rewrites some history."""
    repo = root / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    shutil.copytree(REPO / "data", repo / "data")
    data = repo / "data"
    _edit(
        data / "targets-2025.yaml",
        "  instansi_hilang: tidak_memenuhi",
        "  instansi_hilang: tidak_memenuhi\n  pk_ditandatangani: 2025-02-20",
    )
    _edit(data / "realisasi/2025/tw2.yaml", "contoh: true\n", "contoh: true\nditutup: 2025-07-15\n")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "awal")
    _edit(
        data / "targets-2025.yaml", "target: {pk: 30, renstra: 30}", "target: {pk: 25, renstra: 30}"
    )
    _edit(data / "realisasi/2025/tw2.yaml", "IKK.4: {pembilang: 9875", "IKK.4: {pembilang: 9900")
    csv = data / "realisasi/2025/tw3/arsip-digital.csv"
    lines = csv.read_text(encoding="utf-8").splitlines(keepends=True)
    csv.write_text("".join(lines[:-50]), encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "perubahan")
    return repo


def _time(cmd: list[str], cwd: Path, runs: int) -> tuple[float, int]:
    """Median wall time of ``runs`` fresh processes, and the exit code."""
    samples, code = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        code = subprocess.run(cmd, cwd=cwd, capture_output=True, check=False).returncode
        samples.append(time.perf_counter() - start)
    return statistics.median(samples), code


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    cli = [sys.executable, "-m", "renja_cli"]
    with tempfile.TemporaryDirectory() as tmp:
        repo = build(Path(tmp))
        _time([*cli, "--versi"], repo, 2)  # warm the file cache
        startup, _ = _time([*cli, "--versi"], repo, args.runs)
        whole, code = _time([*cli, "beda", "HEAD~1", "HEAD", "--data", "data"], repo, args.runs)
        sys.path.insert(0, str(REPO / "src"))
        from renja_cli.laporan.beda import beda_git

        samples = []
        for _ in range(args.runs):
            start = time.perf_counter()
            report = beda_git(repo / "data", "HEAD~1", "HEAD")
            samples.append(time.perf_counter() - start)
        inside = statistics.median(samples)
    print(f"start-up (renja --versi): {startup * 1000:.0f} ms")
    print(
        f"renja beda HEAD~1 HEAD: {whole * 1000:.0f} ms, exit {code}; beyond start-up "
        f"{(whole - startup) * 1000:.0f} ms (goal < 1000 ms)"
    )
    print(
        f"in-process beda_git: {inside * 1000:.0f} ms ({len(report.perubahan)} perubahan, "
        f"{len(report.angka)} angka, {len(report.temuan)} temuan)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
