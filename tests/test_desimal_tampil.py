"""A target or realisasi shows the same decimals in every output.

A realisasi typed as 79,996 against a target of 80 printed 79,996 in the table and
JSON, but 80 in the CSV for Excel and the xlsx (rounded to two decimals): the sheet
showed the target reached next to "belum tercapai".
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook

from renja_cli.numbers import PERSEN, POLOS, Tampilan
from tests.conftest import DATA, InvokeResult

Renja = Callable[..., InvokeResult]


def _data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    tw3 = data / "realisasi" / "2025" / "tw3.yaml"
    text = tw3.read_text(encoding="utf-8")
    assert "nilai: 76.12" in text
    tw3.write_text(text.replace("nilai: 76.12", "nilai: 79.996"), encoding="utf-8")
    return data


def test_csv_for_excel_shows_the_realisasi_as_the_table(renja: Renja, tmp_path: Path) -> None:
    data = _data(tmp_path)
    table = renja("capaian", "--tahun", "2025", "--data", str(data))
    assert "79,996" in table.stdout
    for args in (("capaian",), ("ringkasan", "--triwulan", "3")):
        result = renja(*args, "--tahun", "2025", "--data", str(data), "-f", "csv-excel")
        assert result.exit_code == 0, result.output
        row = next(line for line in result.stdout.splitlines() if line.startswith("IKK.11;"))
        assert ";79,996;" in row


def test_xlsx_keeps_the_realisasi_and_shows_its_decimals(renja: Renja, tmp_path: Path) -> None:
    data = _data(tmp_path)
    out = tmp_path / "ringkasan.xlsx"
    result = renja("ringkasan", "--tahun", "2025", "--data", str(data), "--keluaran", str(out))
    assert result.exit_code == 0, result.output
    ws = load_workbook(out)["Capaian"]
    row = next(r for r in ws.iter_rows(min_row=4) if r[1].value == "IKK.11")
    assert row[7].value == 79.996
    assert row[7].number_format == "#,##0.00##"


def test_excel_formats_follow_the_decimals_shown() -> None:
    assert PERSEN.format_excel() == POLOS.format_excel() == "#,##0.00##"
    assert Tampilan(desimal=0).format_excel() == "#,##0"
    assert Tampilan(desimal=3).format_excel() == "#,##0.000"
    assert Tampilan(desimal=2).bulat(13.636363) == 13.64
    assert POLOS.bulat(79.99649) == 79.9965
