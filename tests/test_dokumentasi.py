"""What the README promises a reader, checked against the tool's own output."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
BUNDLED = str(REPO / "data")  # the README describes the bundled data


def _json(renja, *args: str):  # type: ignore[no-untyped-def]
    result = renja(*args, "--format", "json", "--data", BUNDLED)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_validasi_summary_line_as_quoted(renja) -> None:
    result = renja("validasi", BUNDLED)
    summary = result.stdout.strip().splitlines()[-1]
    assert f"`{summary}`" in README


def test_projection_quoted_in_readme(renja) -> None:
    table = renja("ringkasan", "--tahun", "2025", "--triwulan", "3", "--data", BUNDLED).stdout
    quoted = re.search(r'"(perlu [\d.]+ lagi)"', README)
    assert quoted and quoted.group(1) in table


def test_pohon_json_example_numbers(renja) -> None:
    tree = _json(renja, "pohon", "--tahun", "2025", "--triwulan", "3")
    sk1 = tree["pohon"]["anak"][0]["anak"][0]["anak"][0]
    ikk1 = sk1["anak"][0]
    for key in ("serapan", "indeks_efisiensi"):
        assert f'"{key}": {sk1["anggaran"][key]}' in README
    for key in ("realisasi", "capaian", "capaian_triwulan"):
        assert f'"{key}": {ikk1[key]}' in README


def test_terminal_ringkasan_has_the_projection_section(renja) -> None:
    table = renja("ringkasan", "--tahun", "2025", "--triwulan", "3", "--data", BUNDLED).stdout
    section = table.split("Proyeksi akhir tahun", 1)[1]
    assert re.search(r"IKK\.6\s+perlu\s+perlu 42 lagi", section)
    assert re.search(r"IKK\.2\s+tercapai", section)


@pytest.mark.parametrize("fmt", ["tabel", "markdown"])
def test_missing_target_says_why(renja, fmt: str) -> None:
    """README: without a target of the kind asked for, 'tidak ada target …' is shown."""
    out = renja(
        "capaian", "--tahun", "2024", "--target", "renstra", "--format", fmt, "--data", BUNDLED
    ).stdout
    assert "IKU.2: tidak ada target renstra" in out


def test_budget_line_only_when_the_sasaran_has_a_budget(renja) -> None:
    no_budget = renja(
        "capaian", "--tahun", "2024", "--target", "renstra", "--sk", "SS.1", "--data", BUNDLED
    ).stdout
    assert "Total anggaran" not in no_budget
    sk1 = renja("capaian", "--tahun", "2025", "--sk", "SK.1", "--data", BUNDLED).stdout
    assert "Total anggaran: Rp 885.000.000" in sk1


def test_quarter_label_without_quarter_files(renja) -> None:
    out = _json(renja, "ringkasan", "--tahun", "2024", "--triwulan", "2")
    assert out["periode"] == "s.d. TW II"
