"""The human CSV (``--format csv-excel``, ``ringkasan --csv excel``): what an
Indonesian-locale Excel opens as numbers in columns."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from renja_cli.cli.app import app
from renja_cli.render import csv_excel
from tests.conftest import DATA, REPO
from tests.injeksi import RUMUS, TEKS_BERBAHAYA, data_injeksi


def _bytes(*args: str) -> bytes:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def _rows(raw: bytes) -> list[dict[str, str]]:
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM"
    text = raw.decode("utf-8-sig")
    lines = text.split("\r\n")
    assert lines[-1] == "" and all("\n" not in line for line in lines), "CRLF line ends"
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))


def _angka(cell: str) -> float:
    """Read a cell as Excel with Indonesian settings does: decimal comma, no grouping."""
    assert "." not in cell, cell
    return float(cell.replace(",", "."))


def test_capaian_csv_excel_reads_back_as_numbers() -> None:
    raw = _bytes("capaian", "--tahun", "2024", "--format", "csv-excel", "--data", str(DATA))
    rows = _rows(raw)
    assert tuple(rows[0]) == csv_excel.KOLOM_CAPAIAN
    iku3 = next(r for r in rows if r["Kode"] == "IKU.3")
    assert _angka(iku3["Capaian (%)"]) == 98.87
    assert iku3["Capaian (%)"] == "98,87" and iku3["Realisasi"] == "93,93"
    assert _angka(iku3["Target"]) == 95
    iku1 = next(r for r in rows if r["Kode"] == "IKU.1")
    assert iku1["Capaian (%)"] == "" and iku1["Status"] == "belum ada data"


def test_ringkasan_csv_excel_stdout_and_file_agree(tmp_path: Path) -> None:
    common = ("--tahun", "2025", "--triwulan", "3", "--data", str(DATA))
    raw = _bytes("ringkasan", *common, "--format", "csv-excel")
    path = tmp_path / "monev.csv"
    _bytes("ringkasan", *common, "--keluaran", str(path), "--csv", "excel")
    assert path.read_bytes() == raw
    rows = _rows(raw)
    assert tuple(rows[0]) == csv_excel.KOLOM_RINGKASAN
    ikk5 = next(r for r in rows if r["Kode"] == "IKK.5")
    assert ikk5["Capaian tahunan (%)"] == "106,07"
    assert _angka(ikk5["Realisasi"]) == 31.82
    assert all(r["Data contoh"] == "ya" for r in rows)
    for row in rows:  # every figure column is a number under the Indonesian rule
        for column in ("Target TW", "Capaian TW (%)", "Realisasi", "Capaian tahunan (%)"):
            if row[column]:
                _angka(row[column])


def test_ringkasan_csv_default_stays_machine(tmp_path: Path) -> None:
    path = tmp_path / "mesin.csv"
    _bytes("ringkasan", "--tahun", "2025", "--data", str(DATA), "-o", str(path))
    text = path.read_bytes().decode("utf-8")
    assert text.startswith("kode,sasaran,") and "\r\n" not in text
    _bytes(
        "ringkasan",
        "--tahun",
        "2025",
        "--data",
        str(DATA),
        "-o",
        str(path),
        "--timpa",
        "--csv",
        "mesin",
    )
    assert path.read_bytes().decode("utf-8") == text


def test_csv_option_needs_a_csv_file(renja, tmp_path: Path) -> None:
    result = renja(
        "ringkasan",
        "--tahun",
        "2025",
        "--data",
        str(DATA),
        "-o",
        str(tmp_path / "r.md"),
        "--csv",
        "excel",
    )
    assert result.exit_code == 2 and "--csv" in result.stderr


def test_formula_like_text_is_neutralised(tmp_path: Path) -> None:
    data = data_injeksi(tmp_path)
    raw = _bytes("ringkasan", "--tahun", "2025", "--format", "csv-excel", "--data", str(data))
    rows = _rows(raw)
    ikk4 = next(r for r in rows if r["Kode"] == "IKK.4")
    assert ikk4["Kendala"].startswith("'" + RUMUS)
    assert ikk4["Rencana tindak lanjut"] == "'" + RUMUS
    ikk12 = next(
        r
        for r in _rows(
            _bytes("capaian", "--tahun", "2025", "--format", "csv-excel", "--data", str(data))
        )
        if r["Kode"] == "IKK.12"
    )
    assert ikk12["Indikator"].startswith("Indeks")  # the full name is safe as it is
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


@pytest.mark.parametrize("text", [*TEKS_BERBAHAYA, "\tx", "\rx"])
def test_teks_prefixes_every_formula_start(text: str) -> None:
    assert csv_excel.teks(text) == "'" + text
    assert csv_excel.teks("Kabupaten Badung") == "Kabupaten Badung"


def test_angka_rounds_half_up_with_a_comma() -> None:
    assert csv_excel.angka(93.935) == "93,94"
    assert csv_excel.angka(82.5) == "82,5"
    assert csv_excel.angka(199820) == "199820"
    assert csv_excel.angka(-0.001) == "0"
    assert csv_excel.persen(100) == "100,00"
    assert csv_excel.angka(None) == ""


def test_grades_and_ranges_in_the_human_csv() -> None:
    data = REPO / "examples" / "dinas-kesehatan"
    rows = _rows(_bytes("ringkasan", "--tahun", "2024", "-f", "csv-excel", "--data", str(data)))
    by_code = {r["Kode"]: r for r in rows}
    assert (by_code["IKU.3"]["Target tahunan"], by_code["IKU.3"]["Realisasi"]) == ("WTP", "WTP")
    assert by_code["IKU.4"]["Predikat realisasi"] == "B"
    assert by_code["IKP.1"]["Target tahunan"] == "60–85"
    assert by_code["IKU.1"]["Predikat capaian"] == "Sangat Baik"
    capaian = _rows(_bytes("capaian", "--tahun", "2024", "-f", "csv-excel", "--data", str(data)))
    ikp1 = next(r for r in capaian if r["Kode"] == "IKP.1")
    assert (ikp1["Target"], ikp1["Target min"], ikp1["Target maks"]) == ("", "60", "85")


@pytest.mark.parametrize(
    ("command", "extra"),
    [("capaian", ()), ("ringkasan", ("--triwulan", "3"))],
)
def test_marks_in_the_excel_csv_as_in_the_machine_csv(command: str, extra: tuple[str, ...]) -> None:
    """A value the source does not state carries its mark in every output (Honest data)."""
    common = (command, "--tahun", "2025", *extra, "--data", str(DATA))
    excel = {r["Kode"]: r["Asumsi"] for r in _rows(_bytes(*common, "--format", "csv-excel"))}
    text = _bytes(*common, "--format", "csv").decode("utf-8")
    mesin = {r["kode"]: r["asumsi"] for r in csv.DictReader(io.StringIO(text))}
    assert excel == mesin
    assert "contoh formula.penyebut_tetap" in excel["IKK.10"]
