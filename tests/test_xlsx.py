"""``ringkasan --keluaran x.xlsx``: prints and reads well, text stays text."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from renja_cli.render.xlsx import BARIS_JUDUL, PERINGATAN_CONTOH, nama_folder
from tests.conftest import DATA, REPO
from tests.injeksi import NAMA_RUMUS, RUMUS, TEKS_BERBAHAYA, data_injeksi


def _export(renja: Any, data: Path, path: Path, *extra: str) -> Any:
    from openpyxl import load_workbook

    tahun = () if "--tahun" in extra else ("--tahun", "2025")
    result = renja("ringkasan", *tahun, "--data", str(data), "-o", str(path), *extra)
    assert result.exit_code == 0, result.output
    return load_workbook(path)


@pytest.fixture(scope="module")
def buku(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    from openpyxl import load_workbook
    from typer.testing import CliRunner

    from renja_cli.cli.app import app

    path = tmp_path_factory.mktemp("xlsx") / "monev.xlsx"
    result = CliRunner().invoke(
        app,
        ["ringkasan", "--tahun", "2025", "--triwulan", "3", "--data", str(DATA), "-o", str(path)],
    )
    assert result.exit_code == 0, result.output
    return path, load_workbook(path)


def test_every_sheet_prints_landscape_one_page_wide_with_titles(buku: tuple[Path, Any]) -> None:
    _, wb = buku
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape", ws.title
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage is True
        assert ws.print_title_rows == f"$1:${BARIS_JUDUL}"
        assert int(ws.page_setup.paperSize) == 9  # A4


def test_example_warning_on_every_sheet_and_page(buku: tuple[Path, Any]) -> None:
    _, wb = buku
    for ws in wb.worksheets:
        assert ws["A2"].value == PERINGATAN_CONTOH, ws.title
        assert PERINGATAN_CONTOH in (ws.oddHeader.center.text or ""), ws.title


def test_no_warning_for_official_data(renja: Any, data_copy: Path, tmp_path: Path) -> None:
    for path in (data_copy / "realisasi" / "2025").glob("*.yaml"):
        path.write_text(path.read_text().replace("contoh: true", "contoh: false"))
    wb = _export(renja, data_copy, tmp_path / "resmi.xlsx")
    for ws in wb.worksheets[1:]:
        assert "DATA CONTOH" not in str(ws["A2"].value)
        assert not ws.oddHeader.center.text


def test_headers_frozen_filtered_and_wrapped(buku: tuple[Path, Any]) -> None:
    _, wb = buku
    capaian = wb["Capaian"]
    assert capaian.freeze_panes == "D4"
    assert capaian.auto_filter.ref == "A3:L16"  # up to the marks column
    assert capaian["C4"].alignment.wrap_text
    attention = wb["Perlu perhatian"]
    assert attention.freeze_panes == "A4"
    header = [c.value for c in attention[BARIS_JUDUL]]
    column = header.index("Kendala") + 1
    assert attention.cell(BARIS_JUDUL + 1, column).alignment.wrap_text
    assert attention.auto_filter.ref.startswith("A3:")


def test_status_coloured_by_conditional_formats(buku: tuple[Path, Any]) -> None:
    _, wb = buku
    for name, column in (("Capaian", "K"), ("Proyeksi", "C"), ("Grafik", "E")):
        ranges = {str(cf.sqref): cf.rules for cf in wb[name].conditional_formatting}
        target = next(rules for ref, rules in ranges.items() if ref.startswith(f"{column}4:"))
        formulas = {r.formula[0] for r in target}
        assert {'"tercapai"', '"belum tercapai"', '"belum ada data"'} <= formulas
        assert all(r.type == "cellIs" and r.dxf.fill is not None for r in target)


def test_total_row_bold(buku: tuple[Path, Any]) -> None:
    _, wb = buku
    ws = wb["Anggaran"]
    last = ws.max_row
    assert ws.cell(last, 1).value == "Total" and ws.cell(last, 1).font.b
    assert ws.cell(last, 3).value == 15_669_146_000 and ws.cell(last, 3).font.b
    assert not ws.cell(last - 1, 1).font.b


def test_projection_has_a_units_column(buku: tuple[Path, Any]) -> None:
    _, wb = buku
    ws = wb["Proyeksi"]
    header = [c.value for c in ws[BARIS_JUDUL]]
    needed, unit = header.index("Dibutuhkan") + 1, header.index("Satuan") + 1
    rows = {ws.cell(r, 1).value: r for r in range(BARIS_JUDUL + 1, ws.max_row + 1)}
    ikk4 = rows["IKK.4"]  # PNS still to assess: a count
    assert ws.cell(ikk4, unit).value == "butir"
    assert ws.cell(ikk4, needed).number_format == "#,##0"
    ikk1 = rows["IKK.1"]  # IKM needed at year end: an index value
    assert ws.cell(ikk1, unit).value == "indeks"
    assert ws.cell(ikk1, needed).value == 95
    assert ws.cell(rows["IKK.2"], unit).value in ("", None)  # nothing needed


def test_native_bar_chart_with_the_100_line(buku: tuple[Path, Any]) -> None:
    path, wb = buku
    ws = wb["Grafik"]
    values = [ws.cell(r, 4).value for r in range(BARIS_JUDUL + 1, ws.max_row + 1)]
    assert values == [100.0] * 13
    ikk5 = next(r for r in range(BARIS_JUDUL + 1, ws.max_row + 1) if ws.cell(r, 1).value == "IKK.5")
    assert ws.cell(ikk5, 3).value == 106.07
    with zipfile.ZipFile(path) as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 1
        xml = archive.read(charts[0]).decode()
    ns = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}
    plot = ElementTree.fromstring(xml).find("c:chart/c:plotArea", ns)
    assert plot is not None
    bar, line = plot.find("c:barChart", ns), plot.find("c:lineChart", ns)
    assert bar is not None and line is not None  # one chart, two series kinds, same axes
    refs = {
        kind: [f.text for f in el.iter(f"{{{ns['c']}}}f")]
        for kind, el in (("bar", bar), ("line", line))
    }
    assert "'Grafik'!$C$4:$C$16" in refs["bar"] and "'Grafik'!$D$4:$D$16" in refs["line"]
    assert "'Grafik'!$A$4:$A$16" in refs["bar"]  # indicator codes as categories
    axes = {a.get("val") for a in bar.findall("c:axId", ns)}
    assert axes == {a.get("val") for a in line.findall("c:axId", ns)}


def test_data_folder_named_not_its_absolute_path(buku: tuple[Path, Any]) -> None:
    _, wb = buku
    texts = [str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value]
    assert not any(str(DATA) in t for t in texts)
    assert "kanreg10 (opsi --data)" in texts
    assert nama_folder("/a/b/data (opsi --data)") == "data (opsi --data)"
    assert nama_folder("/x (y)/data (folder ./data)") == "data (folder ./data)"


def test_text_from_data_stays_text(renja: Any, tmp_path: Path) -> None:
    data = data_injeksi(tmp_path)
    path = tmp_path / "injeksi.xlsx"
    wb = _export(renja, data, path)
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    texts = {c.value for c in cells if isinstance(c.value, str)}
    assert RUMUS in texts and NAMA_RUMUS in texts
    assert "\n".join(TEKS_BERBAHAYA) in texts
    formula_like = [c for c in cells if isinstance(c.value, str) and c.value.startswith("=")]
    assert formula_like and all(c.quotePrefix for c in formula_like)
    with zipfile.ZipFile(path) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert not any("<f>" in archive.read(n).decode() for n in sheets)


def test_control_characters_are_spelled_out(renja: Any, data_copy: Path, tmp_path: Path) -> None:
    tw3 = data_copy / "realisasi" / "2025" / "tw3.yaml"
    text = tw3.read_text()
    old = "kendala: Komponen pengukuran kinerja dinilai belum memanfaatkan hasil monev triwulan."
    assert old in text
    tw3.write_text(text.replace(old, 'kendala: "Bel\\x07 Komponen pengukuran"'))
    wb = _export(renja, data_copy.resolve(), tmp_path / "x.xlsx")
    texts = [c.value for row in wb["Perlu perhatian"].iter_rows() for c in row]
    assert any(isinstance(t, str) and t == "Bel⟨U+0007⟩ Komponen pengukuran" for t in texts)


def test_grades_ranges_and_aggregates(renja: Any, tmp_path: Path) -> None:
    """The example dinas: grade targets (WTP, BB), a range target, nilai capaian."""
    data = REPO / "examples" / "dinas-kesehatan"
    wb = _export(renja, data, tmp_path / "dinas.xlsx", "--tahun", "2024")
    ws = wb["Capaian"]
    header = [c.value for c in ws[BARIS_JUDUL]]
    assert header[-3:] == ["Predikat realisasi", "Predikat capaian", "Asumsi / turunan / contoh"]
    rows = {ws.cell(r, 2).value: [c.value for c in ws[r]] for r in range(4, ws.max_row + 1)}
    target, real = header.index("Target tahunan"), header.index("Realisasi")
    assert (rows["IKU.3"][target], rows["IKU.3"][real]) == ("WTP", "WTP")
    assert (rows["IKU.4"][target], rows["IKU.4"][real], rows["IKU.4"][-3]) == ("BB", 68.5, "B")
    assert rows["IKP.1"][target] == "60–85 %"
    budget = wb["Anggaran"]
    total = [c.value for c in budget[budget.max_row]]
    assert total[0] == "Total" and total[5] == 94.9 and total[7] == "Sangat Baik"
    info = {
        wb["Keterangan"].cell(r, 1).value: wb["Keterangan"].cell(r, 2).value for r in range(4, 12)
    }
    assert info["Nilai capaian kantor"] == "94,90 % (Sangat Baik)"
