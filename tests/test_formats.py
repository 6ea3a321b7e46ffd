"""Every output format of ``renja capaian``; the Enum and the CLI stay in step."""

from __future__ import annotations

import csv
import io
import json

import pytest

from renja_cli.render.capaian import CSV_COLUMNS
from renja_cli.render.formats import FormatCapaian
from tests.conftest import DATA

REQUIRED_JSON_KEYS = {
    "kode",
    "sasaran",
    "nama",
    "satuan",
    "target",
    "target_jenis",
    "realisasi",
    "capaian",
    "status",
}


@pytest.mark.parametrize("fmt", list(FormatCapaian))
def test_every_format_renders(renja, fmt: FormatCapaian) -> None:
    result = renja("capaian", "--tahun", "2024", "--format", fmt.value, "--data", str(DATA))
    assert result.exit_code == 0, result.output
    assert "IKU.14" in result.stdout


def test_format_enum_is_exhaustive() -> None:
    assert {f.value for f in FormatCapaian} == {"tabel", "json", "csv", "markdown", "csv-excel"}


def test_json_shape(renja) -> None:
    rows = json.loads(
        renja("capaian", "--tahun", "2025", "--format", "json", "--data", str(DATA)).stdout
    )
    for row in rows:
        assert row.keys() >= REQUIRED_JSON_KEYS
        assert row["status"] in {"tercapai", "belum_tercapai", "belum_ada_data"}
        assert row["capaian"] is None or isinstance(row["capaian"], float)
    assert rows[0]["kode"] == "IKK.1" and rows[0]["sasaran"] == "SK.1"


def test_csv_plain_numbers(renja) -> None:
    text = renja("capaian", "--tahun", "2024", "--format", "csv", "--data", str(DATA)).stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0].keys()) == CSV_COLUMNS
    iku3 = next(r for r in rows if r["kode"] == "IKU.3")
    assert float(iku3["capaian"]) == pytest.approx(98.87, abs=0.01)
    iku1 = next(r for r in rows if r["kode"] == "IKU.1")
    assert iku1["capaian"] == "" and iku1["status"] == "belum_ada_data"


def test_markdown_indonesian_numbers(renja) -> None:
    text = renja("capaian", "--tahun", "2024", "--format", "markdown", "--data", str(DATA)).stdout
    assert "| IKU.3 | IKM pembinaan | 95 | 93,93 | 98,87 % | belum tercapai |" in text
    assert text.startswith("# Capaian Kinerja 2024")


def test_long_names_option(renja) -> None:
    result = renja(
        "capaian",
        "--tahun",
        "2025",
        "--sk",
        "SK.5",
        "--nama-lengkap",
        "--format",
        "markdown",
        "--data",
        str(DATA),
    )
    assert "Prinsip Meritokrasi Minimal Berkategori Baik" in result.stdout
