"""A quarter's file missing before a later one is R015, never a figure short of a quarter.

Without ``tw2.yaml``, IKK.10 (kumulatif) summed TW I and TW III alone (50 % instead
of 75 %) and the budget spent s.d. TW III lacked TW II, with no word anywhere.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import DATA, InvokeResult

Renja = Callable[..., InvokeResult]


def _tanpa(tmp_path: Path, *periode: str) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    for p in periode:
        (data / "realisasi" / "2025" / f"{p}.yaml").unlink()
        shutil.rmtree(data / "realisasi" / "2025" / p, ignore_errors=True)
    return data


@pytest.mark.parametrize(
    "args",
    [
        ("capaian", "--tahun", "2025"),
        ("capaian", "--tahun", "2025", "--triwulan", "3", "--format", "json"),
        ("rincian", "IKK.10", "--tahun", "2025"),
        ("ringkasan", "--tahun", "2025", "--triwulan", "3"),
        ("tren", "IKK.10"),
        ("pohon", "--tahun", "2025"),
    ],
    ids=lambda a: " ".join(a[:2]),
)
def test_no_command_gives_figures_without_an_earlier_quarter(
    renja: Renja, tmp_path: Path, args: tuple[str, ...]
) -> None:
    data = _tanpa(tmp_path, "tw2")
    result = renja(*args, "--data", str(data))
    assert result.exit_code == 1, result.output
    assert f"{data / 'realisasi' / '2025' / 'tw2.yaml'}: R015" in result.stderr
    assert "75" not in result.stdout and "50" not in result.stdout  # no IKK.10 figure at all


def test_validasi_names_every_missing_quarter(renja: Renja, tmp_path: Path) -> None:
    data = _tanpa(tmp_path, "tw1", "tw2")
    result = renja("validasi", str(data), "--format", "json")
    assert result.exit_code == 1
    assert result.stdout.count('"R015"') == 2
    for p in ("tw1", "tw2"):
        assert f"{p}.yaml tidak ada, padahal tw3.yaml ada" in result.stdout


def test_an_empty_quarter_file_fills_the_gap(renja: Renja, tmp_path: Path) -> None:
    """An office with nothing to report in TW II writes ``realisasi: {}``: the running
    totals are then TW I + TW III, as the office says."""
    data = _tanpa(tmp_path, "tw2")
    (data / "realisasi" / "2025" / "tw2.yaml").write_text(
        "tahun: 2025\nperiode: tw2\nrealisasi: {}\n", encoding="utf-8"
    )
    result = renja("validasi", str(data))
    assert "R015" not in result.output


def test_the_year_end_file_stands_alone(renja: Renja) -> None:
    """2024 has only tahunan.yaml: no quarter is missing."""
    result = renja("capaian", "--tahun", "2024", "--data", str(DATA), "--format", "json")
    assert result.exit_code == 0, result.output


def test_two_files_for_one_quarter_are_not_also_a_missing_quarter(
    renja: Renja, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    tw2 = data / "realisasi" / "2025" / "tw2.yaml"
    shutil.copy(tw2, tw2.with_suffix(".yml"))
    result = renja("validasi", str(data))
    assert "R013" in result.output
    assert "R015" not in result.output


def test_with_the_year_end_file_a_lone_tw4_is_no_gap(renja: Renja, tmp_path: Path) -> None:
    """TW IV reads tahunan.yaml, so tw4.yaml is never added to TW I–III."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / "realisasi" / "2024" / "tw4.yaml").write_text(
        "tahun: 2024\nperiode: tw4\nrealisasi: {}\n", encoding="utf-8"
    )
    result = renja("capaian", "--tahun", "2024", "--data", str(data), "--format", "json")
    assert result.exit_code == 0, result.output
    (data / "realisasi" / "2024" / "tw2.yaml").write_text(
        "tahun: 2024\nperiode: tw2\nrealisasi: {}\n", encoding="utf-8"
    )
    result = renja("validasi", str(data))
    assert "tw1.yaml: R015" in result.output  # TW II is combined with TW I
