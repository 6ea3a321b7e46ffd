"""Which data folder is read, and the output says so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from renja_cli.data.folder import resolve_data_dir
from tests.conftest import DATA


def test_option_wins(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RENJA_DATA", str(DATA))
    assert resolve_data_dir(data_copy).root == data_copy


def test_environment_variable(
    renja, data_copy: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("RENJA_DATA", str(data_copy))
    result = renja("capaian", "--tahun", "2024")
    assert result.exit_code == 0
    assert "variabel RENJA_DATA" in result.stdout


def test_local_data_folder(renja, data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(data_copy.parent)
    assert resolve_data_dir().origin == "folder ./data"


def test_bundled_data_from_elsewhere(
    renja, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    source = resolve_data_dir()
    assert source.origin == "data bawaan paket"
    result = renja("capaian", "--tahun", "2024", "--format", "json")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)) == 14


def test_python_dash_m(tmp_path: Path) -> None:
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "renja_cli", "capaian", "--tahun", "2024", "--format", "json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(proc.stdout)) == 14
