"""The Renja 2025 as the main command shows it."""

from __future__ import annotations

import json

import pytest

from tests.conftest import DATA

TARGETS_2025 = {
    "IKK.1": 95,
    "IKK.2": 82.5,
    "IKK.3": 13.64,
    "IKK.4": 9.26,
    "IKK.5": 30,
    "IKK.6": 30,
    "IKK.7": 54.55,
    "IKK.8": 54.55,
    "IKK.9": 100,
    "IKK.10": 100,
    "IKK.11": 77,
    "IKK.12": 99,
    "IKK.13": 100,
}
SASARAN = {
    "SK.1": ["IKK.1", "IKK.2"],
    "SK.2": ["IKK.3"],
    "SK.3": ["IKK.4"],
    "SK.4": ["IKK.5", "IKK.6"],
    "SK.5": ["IKK.7", "IKK.8", "IKK.9"],
    "SK.6": ["IKK.10", "IKK.11"],
    "SK.7": ["IKK.12", "IKK.13"],
}


def test_all_13_ikk_under_their_7_sk_with_domain_targets(renja) -> None:
    result = renja("capaian", "--tahun", "2025", "--format", "json", "--data", str(DATA))
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert {r["kode"]: r["target"] for r in rows} == TARGETS_2025
    grouped: dict[str, list[str]] = {}
    for r in rows:
        grouped.setdefault(r["sasaran"], []).append(r["kode"])
    assert grouped == SASARAN


def test_table_shows_budget_and_every_indicator(renja) -> None:
    result = renja("capaian", "--tahun", "2025", "--data", str(DATA))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Total anggaran: Rp 15.669.146.000" in out
    assert "Rp 14.266.041.000" in out and "Rp 885.000.000" in out
    for kode in TARGETS_2025:
        assert f"{kode} " in out
    assert "DATA CONTOH" in out
    assert max(len(line) for line in out.splitlines()) <= 100


def test_sk_filter(renja) -> None:
    result = renja(
        "capaian", "--tahun", "2025", "--sk", "SK.5", "--format", "json", "--data", str(DATA)
    )
    assert result.exit_code == 0, result.output
    assert [r["kode"] for r in json.loads(result.stdout)] == ["IKK.7", "IKK.8", "IKK.9"]


def test_unknown_sk_is_usage_error(renja) -> None:
    result = renja("capaian", "--tahun", "2025", "--sk", "SK.9", "--data", str(DATA))
    assert result.exit_code == 2
    assert "SK.9" in result.stderr and "SK.1" in result.stderr


@pytest.mark.parametrize(
    ("triwulan", "kode", "expected"),
    [
        ("1", "IKK.12", 97.80 / 99 * 100),  # latest value
        ("2", "IKK.12", 98.60 / 99 * 100),
        ("2", "IKK.10", 45.83),  # cumulative count 11 / fixed penyebut 24, reported 2 decimals
        ("3", "IKK.9", 83.33),  # register s.d. TW III: 5 of 6 recommendations followed up
        ("2", "IKK.11", None),  # SAKIP score not out before August
    ],
)
def test_triwulan_positions(renja, triwulan: str, kode: str, expected: float | None) -> None:
    result = renja(
        "capaian",
        "--tahun",
        "2025",
        "--triwulan",
        triwulan,
        "--format",
        "json",
        "--data",
        str(DATA),
    )
    assert result.exit_code == 0, result.output
    row = {r["kode"]: r for r in json.loads(result.stdout)}[kode]
    if expected is None:
        assert row["capaian"] is None and row["status"] == "belum_ada_data"
    else:
        assert row["capaian"] == pytest.approx(expected)


def test_latest_quarter_is_default(renja) -> None:
    a = renja("capaian", "--tahun", "2025", "--format", "json", "--data", str(DATA))
    b = renja(
        "capaian", "--tahun", "2025", "--triwulan", "3", "--format", "json", "--data", str(DATA)
    )
    assert a.stdout == b.stdout


def test_quarter_without_file_is_reported(renja) -> None:
    result = renja("capaian", "--tahun", "2025", "--triwulan", "4", "--data", str(DATA))
    assert result.exit_code == 0
    assert "tidak ada berkas realisasi tw4.yaml" in result.stdout
