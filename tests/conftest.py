"""Shared fixtures: a fixed terminal width and copies of the bundled data."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from renja_cli.cli.app import aplikasi_untuk

# The suite is deterministic: CI and a new user run the same generated inputs, so a
# run fails only when the code changed. HYPOTHESIS_PROFILE=jelajah draws new random
# inputs on every run (how 1e309 in a record file was found).
settings.register_profile("bawaan", derandomize=True)
settings.register_profile("jelajah", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "bawaan"))

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "fixtures" / "kanreg10"
"""The Kanreg X data the tests check figures against: a copy kept under tests/, so
an office that replaces data/ with its own still passes the suite."""
BUNDLED = REPO / "data"


@pytest.fixture(autouse=True)
def _fixed_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rich reads COLUMNS: every table test sees a 100-column terminal, no colour."""
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.delenv("RENJA_DATA", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.setenv("RENJA_CACHE", "0")  # no test touches the user's result cache


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


Invoke = Callable[..., "InvokeResult"]


class InvokeResult:
    def __init__(self, exit_code: int, stdout: str, stderr: str) -> None:
        self.exit_code = exit_code
        self.stdout = stdout
        self.stderr = stderr

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


@pytest.fixture
def renja(runner: CliRunner) -> Callable[..., InvokeResult]:
    """Run ``renja ARGS`` in-process; returns exit code, stdout and stderr apart."""

    def run(*args: str) -> InvokeResult:
        # the app the console script runs: the named command alone (aplikasi_untuk)
        result = runner.invoke(aplikasi_untuk(args), list(args))
        return InvokeResult(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled data folder."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target
