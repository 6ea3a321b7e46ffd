"""Time ``renja beda`` between two revisions of a repository holding the bundled data.

Usage: python bench/bench_beda.py [--runs N]

Builds a temporary git repository whose first commit is ``data/`` and whose
second commit changes a target, a closed quarter's realisasi and a record CSV,
then times ``renja beda HEAD~1 HEAD`` in a fresh process against the start-up
of the same CLI (``renja --versi``). The goal: under 1 s beyond start-up.
For scale it also times ``renja capaian`` (one version read once) and the
comparison in-process (no start-up, models already built).
"""

from __future__ import annotations

import argparse
import resource
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


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _time(cmd: list[str], cwd: Path, runs: int) -> tuple[float, float, int]:
    """Median wall time and CPU time of ``runs`` fresh processes, and the exit code.

    CPU time hardly moves when other jobs load the machine; wall time does.
    """
    walls, cpus, code = [], [], 0
    for _ in range(runs):
        start, cpu = time.perf_counter(), _cpu()
        code = subprocess.run(cmd, cwd=cwd, capture_output=True, check=False).returncode
        walls.append(time.perf_counter() - start)
        cpus.append(_cpu() - cpu)
    return statistics.median(walls), statistics.median(cpus), code


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    cli = [sys.executable, "-m", "renja_cli"]
    with tempfile.TemporaryDirectory() as tmp:
        repo = build(Path(tmp))
        _time([*cli, "--versi"], repo, 2)  # warm the file cache
        startup, startup_cpu, _ = _time([*cli, "--versi"], repo, args.runs)
        beda = [*cli, "beda", "HEAD~1", "HEAD", "--data", "data"]
        whole, whole_cpu, code = _time(beda, repo, args.runs)
        capaian = [*cli, "capaian", "--tahun", "2025", "--data", "data", "--format", "json"]
        once, once_cpu, _ = _time(capaian, repo, args.runs)
        sys.path.insert(0, str(REPO / "src"))
        from renja_cli.laporan.beda import beda_git

        beda_git(repo / "data", "HEAD~1", "HEAD")  # models built, as in any command
        walls, cpus = [], []
        for _ in range(args.runs):
            start, cpu = time.perf_counter(), time.process_time()
            report = beda_git(repo / "data", "HEAD~1", "HEAD")
            walls.append(time.perf_counter() - start)
            cpus.append(time.process_time() - cpu)
    ms = 1000
    print(f"start-up (renja --versi): {startup * ms:.0f} ms wall, {startup_cpu * ms:.0f} ms CPU")
    print(
        f"renja beda HEAD~1 HEAD: {whole * ms:.0f} ms wall, {whole_cpu * ms:.0f} ms CPU, "
        f"exit {code}; beyond start-up {(whole - startup) * ms:.0f} ms wall, "
        f"{(whole_cpu - startup_cpu) * ms:.0f} ms CPU (goal < 1000 ms)"
    )
    print(
        f"for scale, renja capaian --tahun 2025 (reads one version once): {once * ms:.0f} ms "
        f"wall, {once_cpu * ms:.0f} ms CPU"
    )
    print(
        f"in-process beda_git: {statistics.median(walls) * ms:.0f} ms wall, "
        f"{statistics.median(cpus) * ms:.0f} ms CPU (git runs in child processes, not "
        f"counted in CPU); {len(report.perubahan)} perubahan, {len(report.angka)} angka, "
        f"{len(report.temuan)} temuan"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
