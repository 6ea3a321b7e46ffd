"""Readable at 80, 100 and 140 columns and with ``TERM=dumb`` (CI logs, cron mail):
no truncated status word, no number split from its ``%``, names wrapping instead
of collapsing to ``…``, no trailing spaces (issue 12)."""

from __future__ import annotations

import re

import pytest

from tests.conftest import DATA, REPO

COMMANDS = [
    ["capaian", "--tahun", "2024"],
    ["capaian", "--tahun", "2025"],
    ["ringkasan", "--tahun", "2025", "--triwulan", "3"],
    ["rincian", "IKK.1", "--tahun", "2025"],
    ["tren", "IKU.3"],
    ["pohon", "--tahun", "2025"],
    ["capaian", "--tahun", "2024", "--data", str(REPO / "examples" / "dinas-kesehatan")],
]
CUT_WORDS = re.compile(r"\b(Statu|Stat|belum ter|belum ada d|tercap|terca)\s*$")


@pytest.mark.parametrize("width", [80, 100, 140])
@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(c[:2]) for c in COMMANDS])
def test_tables_fit_the_width(
    renja, monkeypatch: pytest.MonkeyPatch, width: int, args: list[str]
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.setenv("TERM", "dumb")
    extra = [] if "--data" in args else ["--data", str(DATA)]
    result = renja(*args, *extra)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= width
    assert not [line for line in lines if line != line.rstrip()], "trailing spaces"
    for line in lines:
        cells = [c.strip() for c in re.split(r"[│|]", line)]
        assert not any(CUT_WORDS.search(c) for c in cells), line
        assert not any(c == "%" or c.startswith("% ") for c in cells), line
        if "…" in line:  # only a panel title may be shortened
            assert line.lstrip().startswith("╭─"), line
    if width < 100 and args[0] in {"capaian", "ringkasan"}:
        assert "✓ tercapai · ✗ belum tercapai · – belum ada data" in result.stdout


def test_narrow_capaian_keeps_both_statuses_apart(renja, monkeypatch: pytest.MonkeyPatch) -> None:
    """At 80 columns *belum tercapai* and *belum ada data* used to print both as 'belum'."""
    monkeypatch.setenv("COLUMNS", "80")
    out = renja("capaian", "--tahun", "2024", "--data", str(DATA)).stdout
    row = {line.split()[0]: line for line in out.splitlines() if line.strip().startswith("IKU.")}
    assert row["IKU.1"].rstrip().endswith("–")  # belum ada data
    assert row["IKU.3"].rstrip().endswith("✗")  # belum tercapai
    assert row["IKU.2"].rstrip().endswith("✓")


def test_wide_terminal_keeps_words(renja, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "140")
    out = renja("capaian", "--tahun", "2024", "--data", str(DATA)).stdout
    assert "belum tercapai" in out and "belum ada data" in out and "St.:" not in out
