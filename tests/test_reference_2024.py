"""The 2024 evaluation (BAB II of the seed) reproduced to the figure."""

from __future__ import annotations

import json

import pytest

from tests.conftest import DATA

PK_2024 = {
    "IKU.3": 98.87,  # 93,93 / 95
    "IKU.4": 100.73,  # 95,69 / 95
    "IKU.9": 100.74,  # 86,64 / 86
    "IKU.12": 94.31,  # 75,45 / 80
    "IKU.13": 99.48,  # 98,49 / 99
    "IKU.2": 100.0,
    "IKU.8": 100.0,
    "IKU.14": 100.0,
}


def _rows(renja, *extra: str) -> dict[str, dict]:
    result = renja("capaian", "--tahun", "2024", "--format", "json", "--data", str(DATA), *extra)
    assert result.exit_code == 0, result.output
    return {row["kode"]: row for row in json.loads(result.stdout)}


@pytest.mark.parametrize(("kode", "expected"), sorted(PK_2024.items()))
def test_capaian_pk_2024_matches_seed(renja, kode: str, expected: float) -> None:
    rows = _rows(renja)
    assert rows[kode]["capaian"] == pytest.approx(expected, abs=0.01)
    assert rows[kode]["target_jenis"] == "pk"


def test_iku1_is_not_available_not_zero(renja) -> None:
    row = _rows(renja)["IKU.1"]
    assert row["realisasi"] is None
    assert row["capaian"] is None
    assert row["status"] == "belum_ada_data"
    assert any("NSPK" in k for k in row["keterangan"])


@pytest.mark.parametrize(("kode", "expected"), [("IKU.9", 99.88), ("IKU.12", 96.73)])
def test_capaian_renstra_2024(renja, kode: str, expected: float) -> None:
    rows = _rows(renja, "--target", "renstra")
    assert rows[kode]["capaian"] == pytest.approx(expected, abs=0.01)
    assert rows[kode]["target_jenis"] == "renstra"


def test_iku9_against_2023_target(renja) -> None:
    rows = _rows(renja, "--target", "pk_2023")
    assert rows["IKU.9"]["capaian"] == pytest.approx(106.05, abs=0.01)
    # indicators without that target say so instead of borrowing another one
    assert rows["IKU.3"]["capaian"] is None
    assert "tidak ada target pk_2023" in rows["IKU.3"]["keterangan"]


def test_status_of_2024(renja) -> None:
    rows = _rows(renja)
    assert rows["IKU.4"]["status"] == "tercapai"
    assert rows["IKU.3"]["status"] == "belum_tercapai"
    assert rows["IKU.11"]["status"] == "belum_tercapai"
    assert rows["IKU.11"]["sementara"] is True
    assert len(rows) == 14


def test_table_2024_shows_seed_figures(renja) -> None:
    result = renja("capaian", "--tahun", "2024", "--data", str(DATA))
    assert result.exit_code == 0, result.output
    for text in ("98,87 %", "100,73 %", "100,74 %", "94,31 %", "99,48 %", "belum ada data"):
        assert text in result.stdout
    assert "Tercapai: 9 · Belum tercapai: 4 · Belum ada data: 1" in result.stdout


def test_every_target_has_its_own_capaian(renja) -> None:
    """One indicator, three targets (PK, Renstra, the 2023 PK), three capaian — as the seed."""
    row = _rows(renja)["IKU.9"]
    semua = row["semua_target"]
    assert semua["pk"]["target"] == 86
    assert semua["pk"]["capaian"] == pytest.approx(100.74, abs=0.01)
    assert semua["renstra"]["capaian"] == pytest.approx(99.88, abs=0.01)
    assert semua["pk_2023"]["capaian"] == pytest.approx(106.05, abs=0.01)
