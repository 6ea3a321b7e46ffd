"""Output never fails on encoding: Windows consoles (cp437/cp850), cp1252 redirects,
ASCII pipes (issue 12). Run as real processes, since the test runner's own
streams would hide the encoding."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from renja_cli.cli.aliran import PENGGANTI
from tests.conftest import DATA

COMMANDS = [
    ["capaian", "--tahun", "2025"],
    ["ringkasan", "--tahun", "2025", "--triwulan", "3"],
    ["rincian", "IKK.1", "--tahun", "2025"],
    ["tren", "IKU.3"],
]


def _run(
    args: list[str], encoding: str | None, data: Path = DATA
) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "RENJA_CACHE": "0", "COLUMNS": "100"}
    env.pop("PYTHONIOENCODING", None)
    if encoding is not None:
        env["PYTHONIOENCODING"] = encoding
    return subprocess.run(
        [sys.executable, "-m", "renja_cli", *args, "--data", str(data)],
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("encoding", ["cp1252", "cp437", "ascii"])
@pytest.mark.parametrize("args", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_legacy_encodings_never_break_a_command(encoding: str, args: list[str]) -> None:
    done = _run(args, encoding)
    assert done.returncode == 0, done.stderr.decode(encoding, "replace")
    assert b"Traceback" not in done.stderr
    done.stdout.decode(encoding)  # what was written is valid in that encoding
    if encoding == "ascii" and args[0] == "ringkasan":
        assert b"^" in done.stdout or b"v" in done.stdout  # the arrows' stand-ins


def test_redirected_output_is_utf8() -> None:
    done = _run(["ringkasan", "--tahun", "2025", "--triwulan", "3"], None)
    assert done.returncode == 0
    text = done.stdout.decode("utf-8")
    assert "—" in text and "█" in text


def test_errors_survive_a_legacy_encoding_too(tmp_path: Path) -> None:
    done = _run(["capaian", "--tahun", "2031"], "cp437")
    assert done.returncode == 2
    assert b"Traceback" not in done.stderr and b"targets-2031.yaml" in done.stderr


def test_paths_with_spaces(tmp_path: Path) -> None:
    folder = tmp_path / "Data Kinerja 2025 (salinan)"
    shutil.copytree(DATA, folder)
    done = _run(["capaian", "--tahun", "2025", "--format", "json"], None, folder)
    assert done.returncode == 0, done.stderr.decode()


def test_every_stand_in_is_ascii() -> None:
    assert all(value.isascii() for value in PENGGANTI.values())
