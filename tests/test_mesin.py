"""Machine formats: no float noise, the example-data flag everywhere."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from renja_cli.render.mesin import angka_mesin, bersihkan
from tests.conftest import DATA

NOISE = re.compile(r"\d\.\d{11,}")


def test_angka_mesin_removes_binary_noise() -> None:
    assert angka_mesin(82.39999999999999) == 82.4
    assert angka_mesin(101.50000000000001) == 101.5
    assert repr(angka_mesin(6 / 44 * 100)) == "13.6363636364"
    assert angka_mesin(-1e-13) == 0.0 and repr(angka_mesin(-1e-13)) == "0.0"
    assert angka_mesin(15_669_146_000) == 15_669_146_000
    assert angka_mesin(None) is None and angka_mesin(True) is True
    assert bersihkan({"a": [0.1 + 0.2, (1, 2.675000000000001)]}) == {"a": [0.3, [1, 2.675]]}


@pytest.mark.parametrize("triwulan", ["1", "2", "3"])
def test_no_float_noise_in_json_or_csv(renja, triwulan: str) -> None:
    common = ("--tahun", "2025", "--triwulan", triwulan, "--data", str(DATA))
    outputs = [
        renja("capaian", *common, "--format", "json").stdout,
        renja("capaian", *common, "--format", "csv").stdout,
        renja("ringkasan", *common, "--format", "json").stdout,
        renja("ringkasan", *common, "--format", "csv").stdout,
    ]
    outputs += [
        renja("rincian", f"IKK.{i}", *common, "--format", "json").stdout for i in range(1, 14)
    ]
    for text in outputs:
        assert text
        assert not NOISE.search(text), NOISE.search(text)


def test_capaian_stays_unrounded_to_two_decimals(renja) -> None:
    rows = json.loads(
        renja(
            "capaian", "--tahun", "2025", "--triwulan", "3", "-f", "json", "--data", str(DATA)
        ).stdout
    )
    values = [r["capaian"] for r in rows if r["capaian"] is not None]
    assert any(round(v, 2) != v for v in values)  # README: capaian tanpa pembulatan


def test_ringkasan_csv_flags_example_data(renja) -> None:
    text = renja("ringkasan", "--tahun", "2025", "--format", "csv", "--data", str(DATA)).stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and all(r["contoh"] == "ya" for r in rows)
    capaian = renja("capaian", "--tahun", "2025", "--format", "csv", "--data", str(DATA)).stdout
    assert all(r["contoh"] == "ya" for r in csv.DictReader(io.StringIO(capaian)))
    rincian = json.loads(
        renja("rincian", "IKK.5", "--tahun", "2025", "-f", "json", "--data", str(DATA)).stdout
    )
    assert rincian["contoh"] is True
