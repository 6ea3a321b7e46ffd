"""``renja templat`` and ``renja impor``: the input workbook round trip."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from renja_cli.data.referensi import Referensi
from tests.conftest import DATA, REPO
from tests.injeksi import NAMA_INSTANSI, RUMUS, TEKS_BERBAHAYA, data_injeksi

TW3 = DATA / "realisasi" / "2025" / "tw3"


def _templat(renja: Any, data: Path, path: Path, triwulan: str = "3", *extra: str) -> Path:
    tahun = () if "--tahun" in extra else ("--tahun", "2025")
    result = renja(
        "templat", *tahun, "--triwulan", triwulan, "--data", str(data),
        "--keluaran", str(path), *extra,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return path


def _impor(renja: Any, data: Path, path: Path, triwulan: str = "3", *extra: str) -> Any:
    tahun = () if "--tahun" in extra else ("--tahun", "2025")
    return renja("impor", str(path), *tahun, "--triwulan", triwulan, "--data", str(data), *extra)


@pytest.fixture(scope="module")
def isian_tw3(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``templat --isi`` of the fixture's TW III, made once."""
    from typer.testing import CliRunner

    from renja_cli.cli.app import app

    path = tmp_path_factory.mktemp("isian") / "isian-tw3.xlsx"
    result = CliRunner().invoke(
        app,
        ["templat", "--tahun", "2025", "--triwulan", "3", "--isi", "--data", str(DATA),
         "-o", str(path)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def kecil(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture with 20 NIPs per archive file instead of 2.000: the problem cases
    below edit and re-read the workbook dozens of times."""
    root = tmp_path_factory.mktemp("kecil") / "data"
    shutil.copytree(DATA, root)
    for path in root.glob("realisasi/2025/tw*/arsip-digital.csv"):
        path.write_text("".join(path.read_text().splitlines(keepends=True)[:21]))
    tw3 = root / "realisasi" / "2025" / "tw3"
    for path in tw3.glob("survei-pembinaan-*.csv"):  # IKM pembinaan per event, as in TW II
        path.unlink()
    shutil.copy(tw3.parent / "tw2" / "ikm-pembinaan.csv", tw3 / "ikm-pembinaan.csv")
    return root


@pytest.fixture(scope="module")
def isian_kecil(kecil: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from typer.testing import CliRunner

    from renja_cli.cli.app import app

    path = tmp_path_factory.mktemp("isian-kecil") / "isian-tw3.xlsx"
    result = CliRunner().invoke(
        app,
        ["templat", "--tahun", "2025", "--triwulan", "3", "--isi", "--data", str(kecil),
         "-o", str(path)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def buku(isian_kecil: Path, tmp_path: Path) -> Path:
    """A private copy of the (small) TW III workbook to edit."""
    target = tmp_path / "isian-tw3.xlsx"
    shutil.copy(isian_kecil, target)
    return target


@pytest.fixture
def data_kecil(kecil: Path, tmp_path: Path) -> Path:
    """A private copy of the small data folder the workbook ``buku`` came from."""
    target = tmp_path / "kecil"
    shutil.copytree(kecil, target)
    return target


def _ubah(path: Path, edit: Callable[[Any], None]) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(path)
    edit(wb)
    wb.save(path)


def _baris(ws: Any, kode: str, kolom: int = 1) -> int:
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(r, kolom).value == kode)


def _kolom(ws: Any, judul: str) -> str:
    return next(c.column_letter for c in ws[1] if c.value == judul)


def _sel(wb: Any, sheet: str, kode: str, judul: str) -> str:
    ws = wb[sheet]
    return f"{_kolom(ws, judul)}{_baris(ws, kode)}"


def _snapshot(data: Path) -> dict[Path, bytes]:
    return {p.relative_to(data): p.read_bytes() for p in data.rglob("*") if p.is_file()}


# --- the round trip -------------------------------------------------------------


def _nomor_baris(key: str, value: Any) -> bool:
    """CSV line numbers and file paths: they differ, the figures must not."""
    if key == "berkas":
        return True
    lines = value if isinstance(value, list) else [value]
    return key == "baris" and all(isinstance(v, int) for v in lines)


def _normal(text: str, root: Path) -> Any:
    """A command's JSON with paths and CSV line numbers taken out, instansi rows sorted."""
    payload = json.loads(text.replace(str(root), "<data>"))

    def walk(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items() if not _nomor_baris(k, v)}
        if isinstance(value, list):
            items = [walk(v) for v in value]
            if items and all(isinstance(i, dict) and "kode" in i for i in items):
                items.sort(key=lambda i: str(i["kode"]))
            return items
        return value

    return walk(payload)


def _semua_keluaran(renja: Any, data: Path) -> dict[str, Any]:
    out = {}
    for tw in ("1", "2", "3"):
        common = ("--tahun", "2025", "--triwulan", tw, "--data", str(data), "--format", "json")
        out[f"capaian {tw}"] = renja("capaian", *common).stdout
        out[f"ringkasan {tw}"] = renja("ringkasan", *common).stdout
        for i in range(1, 14):
            out[f"rincian IKK.{i} {tw}"] = renja("rincian", f"IKK.{i}", *common).stdout
    assert all(out.values())
    return {k: _normal(v, data) for k, v in out.items()}


def test_round_trip_gives_the_same_figures_for_every_command(
    renja: Any, isian_tw3: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "salinan"
    shutil.copytree(DATA, copy)
    (copy / "realisasi" / "2025" / "tw3.yaml").unlink()
    for path in (copy / "realisasi" / "2025" / "tw3").iterdir():
        if not path.name.startswith("survei-"):  # survey answers stay files, not sheets
            path.unlink()
    result = _impor(renja, copy, isian_tw3)
    assert result.exit_code == 0, result.output
    assert "tw3.yaml: baru" in result.stdout
    assert "tw3/arsip-digital.csv: baru (2.000 baris)" in result.stdout
    assert _semua_keluaran(renja, copy) == _semua_keluaran(renja, DATA)
    assert renja("validasi", str(copy)).exit_code == 0


def test_reimport_into_the_same_data_changes_nothing(
    renja: Any, isian_tw3: Path, data_copy: Path
) -> None:
    result = _impor(renja, data_copy, isian_tw3, "3", "--timpa")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "  tw3.yaml: sama" in lines
    assert "  tw3/indeks-kualitas-data.csv: sama (43 baris)" in lines
    assert "  tw3/arsip-digital.csv: sama (2.000 baris)" in lines
    assert _semua_keluaran(renja, data_copy) == _semua_keluaran(renja, DATA)
    written = yaml.safe_load((data_copy / "realisasi" / "2025" / "tw3.yaml").read_text())
    assert written["contoh"] is True
    assert written["realisasi"]["IKK.13"] == {"pembilang": 1, "penyebut": 0}
    assert written["anggaran"] == {
        "SK.1": 240000000, "SK.4": 30000000, "SK.6": 95000000, "SK.7": 3450000000
    }  # fmt: skip


def test_google_sheets_download_reads_the_same(
    renja: Any, isian_tw3: Path, tmp_path: Path, data_copy: Path
) -> None:
    """A workbook of plain values (no validation, protection, styles, number formats)."""
    from openpyxl import Workbook, load_workbook

    source = load_workbook(isian_tw3)
    plain = Workbook()
    plain.remove(plain.active)
    for ws in source.worksheets:
        target = plain.create_sheet(ws.title)
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    value = cell.value
                    if isinstance(value, int) and not isinstance(value, bool):
                        value = float(value)  # Sheets stores every number as a double
                    target.cell(cell.row, cell.column, value)
    path = tmp_path / "sheets.xlsx"
    plain.save(path)
    first = _impor(renja, data_copy, isian_tw3, "3", "--timpa")
    assert first.exit_code == 0, first.output
    before = _snapshot(data_copy)
    result = _impor(renja, data_copy, path, "3", "--timpa")
    assert result.exit_code == 0, result.output
    after = _snapshot(data_copy)
    strip = re.compile(rb"^#.*\n", re.M)
    assert {k: strip.sub(b"", v) for k, v in after.items()} == {
        k: strip.sub(b"", v) for k, v in before.items()
    }


def test_changes_are_listed_and_need_timpa(renja: Any, buku: Path, data_kecil: Path) -> None:
    def edit(wb: Any) -> None:
        wb["Realisasi"][_sel(wb, "Realisasi", "IKK.4", "Pembilang")] = 13000
        wb["Realisasi"][_sel(wb, "Realisasi", "IKK.9", "Kendala")] = "Kendala baru."
        wb["arsip-digital"]["C2"] = 0
        wb["Anggaran"]["D2"] = 250_000_000

    _ubah(buku, edit)
    before = _snapshot(data_kecil)
    result = _impor(renja, data_kecil, buku)
    assert result.exit_code == 2
    assert "--timpa" in result.stderr
    assert "IKK.4: pembilang 12.340 → 13.000" in result.stdout
    assert "IKK.9: kendala diubah" in result.stdout
    assert "anggaran SK.1 Rp 240.000.000 → Rp 250.000.000" in result.stdout
    assert "tw3/arsip-digital.csv: 20 → 20 baris (0 baru, 0 dihapus, 1 diubah)" in (result.stdout)
    assert "tw3/manajemen-talenta.csv: sama (44 baris)" in result.stdout
    assert _snapshot(data_kecil) == before  # nothing written
    result = _impor(renja, data_kecil, buku, "3", "--timpa")
    assert result.exit_code == 0, result.output
    assert "ditulis:" in result.stdout
    rincian = json.loads(
        renja("rincian", "IKK.4", "--tahun", "2025", "--triwulan", "3", "-f", "json",
              "--data", str(data_kecil)).stdout
    )  # fmt: skip
    assert rincian["pembilang"] == 13000


def test_new_quarter_from_an_empty_template(renja: Any, data_copy: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = _templat(renja, data_copy, tmp_path / "tw4.xlsx", "4")
    result = _impor(renja, data_copy, path, "4")
    assert result.exit_code == 1  # four instansi sheets left empty
    assert re.search(r"tw4\.xlsx!manajemen-talenta!A2: R313 .*Tersedia = tidak", result.stderr)
    layanan = _baris(load_workbook(path)["Realisasi"], "ikm_layanan", 2)
    assert re.search(  # a component computed from survey answers: its own cell
        rf"tw4\.xlsx!Realisasi!H{layanan}: R313 .*survei-ikm-layanan\.csv.*ketik Nilai komponen",
        result.stderr,
    )

    def edit(wb: Any) -> None:
        ws = wb["Realisasi"]
        ws[f"H{layanan}"] = 95.8
        ws[f"H{layanan + 1}"] = 94.1  # IKM pembinaan: typed instead of per-event rows
        for kode in ("IKK.3", "IKK.5", "IKK.7", "IKK.8"):
            ws[_sel(wb, "Realisasi", kode, "Tersedia")] = "tidak"
        ws[_sel(wb, "Realisasi", "IKK.11", "Nilai")] = 78.5
        talenta = wb["penilaian-merit"]
        assert talenta["A2"].value == "PROV-BALI" and talenta["C2"].value is None

    _ubah(path, edit)
    result = _impor(renja, data_copy, path, "4")
    assert result.exit_code == 0, result.output
    written = yaml.safe_load((data_copy / "realisasi" / "2025" / "tw4.yaml").read_text())
    assert written["realisasi"]["IKK.11"] == {"nilai": 78.5}
    assert written["realisasi"]["IKK.3"] == {"tersedia": False}
    assert "contoh" not in written
    capaian = renja("capaian", "--tahun", "2025", "--triwulan", "4", "-f", "json",
                    "--data", str(data_copy))  # fmt: skip
    assert capaian.exit_code == 0, capaian.output
    assert renja("validasi", str(data_copy)).exit_code == 0


# --- the workbook ---------------------------------------------------------------


def test_layout_validations_and_protection(isian_tw3: Path) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(isian_tw3)
    assert wb.sheetnames == [
        "Petunjuk", "Realisasi", "ikm-pembinaan", "manajemen-talenta", "indeks-kualitas-data",
        "arsip-digital", "pembinaan-merit", "penilaian-merit", "rekomendasi-wasdal",
        "Anggaran", "Instansi",
    ]  # fmt: skip
    for ws in wb.worksheets:
        assert ws.protection.sheet and not ws.protection.password, ws.title
    real = wb["Realisasi"]
    assert real.freeze_panes == "D2"
    assert [c.value for c in real[1]][:8] == [
        "Kode", "Komponen", "Indikator / komponen", "Satuan", "Target TW 3",
        "Target tahunan (PK)", "Cara mengisi", "Nilai",
    ]  # fmt: skip
    rules = {str(dv.sqref): dv for dv in real.data_validations.dataValidation}

    def rule_of(ref: str) -> Any:
        return next(dv for refs, dv in rules.items() if ref in refs.split())

    ikk1 = _sel(wb, "Realisasi", "IKK.1", "Nilai")
    assert (rule_of(ikk1).type, rule_of(ikk1).formula1, rule_of(ikk1).formula2) == (
        "decimal", "25", "100"
    )  # fmt: skip
    pembilang = rule_of(_sel(wb, "Realisasi", "IKK.4", "Pembilang"))
    assert (pembilang.type, pembilang.formula1) == ("whole", "0")
    assert rule_of(_sel(wb, "Realisasi", "IKK.4", "Tersedia")).formula1 == '"ya,tidak"'
    assert real[_sel(wb, "Realisasi", "IKK.4", "Pembilang")].protection.locked is False
    assert real[_sel(wb, "Realisasi", "IKK.4", "Kode")].protection.locked is True
    assert real[_sel(wb, "Realisasi", "IKK.11", "Pembilang")].protection.locked is True

    talenta = wb["manajemen-talenta"]
    assert [c.value for c in talenta[1]][:3] == ["instansi", "nama", "talent_pool"]
    assert talenta.max_row == 45 and talenta.freeze_panes == "C2"
    assert (talenta["A2"].value, talenta["B2"].value) == ("PROV-BALI", "Pemerintah Provinsi Bali")
    assert talenta["A2"].protection.locked and talenta["B2"].protection.locked
    assert talenta["C2"].protection.locked is False
    assert [dv.formula1 for dv in talenta.data_validations.dataValidation] == ['"ya,tidak"']

    merit = wb["pembinaan-merit"].data_validations.dataValidation[0]
    assert (merit.type, merit.formula1, merit.formula2) == ("decimal", "100", "400")

    arsip = wb["arsip-digital"]
    dokumen = [d.kolom for d in Referensi(DATA).arsip("dokumen_arsip").dokumen]
    assert [c.value for c in arsip[1]][:10] == ["nip", *dokumen]
    assert arsip["A2"].value == "198001062018051000" and arsip["A2"].data_type == "s"
    assert arsip["A2"].number_format == "@" and arsip.column_dimensions["A"].number_format == "@"
    kinds = {dv.type: dv for dv in arsip.data_validations.dataValidation}
    assert (kinds["textLength"].operator, kinds["textLength"].formula1) == ("equal", "18")
    assert kinds["list"].formula1 == '"1,0"'
    assert arsip.column_dimensions["B"].protection.locked is False  # rows can be added

    register = wb["rekomendasi-wasdal"]
    assert [c.value for c in register[1]] == [
        "nomor", "instansi", "triwulan_terbit", "ditindaklanjuti"
    ]  # fmt: skip
    by_type = {(dv.type, dv.formula1): dv for dv in register.data_validations.dataValidation}
    assert ("whole", "1") in by_type and by_type[("whole", "1")].formula2 == "3"
    instansi = by_type[("list", "Instansi!$A$2:$A$45")]
    assert instansi.errorStyle == "warning"  # official names are accepted too
    assert register.protection.insertRows is False  # rows can be inserted

    budget = wb["Anggaran"]
    assert budget["A2"].value == "SK.1" and budget["C2"].value == 885_000_000
    assert budget["D2"].value == 240_000_000 and budget["D2"].protection.locked is False
    assert wb["Instansi"].max_row == 45

    info = wb["Petunjuk"]
    labels = {info.cell(r, 1).value: info.cell(r, 2).value for r in range(1, 15)}
    assert labels["Tahun"] == 2025 and labels["Triwulan"] == 3
    assert labels["Data contoh"] == "ya" and labels["Folder data"] == "kanreg10"


def test_without_isi_the_previous_quarter_carries_over(renja: Any, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(_templat(renja, DATA, tmp_path / "tw4.xlsx", "4"))
    arsip = wb["arsip-digital"]
    assert arsip.max_row == 2001  # the 2.000 NIPs of TW III
    assert all(arsip.cell(r, 2).value is None for r in range(2, 50))  # flags measured anew
    register = wb["rekomendasi-wasdal"]
    assert register["A2"].value == "REK-2025-01" and register.max_row == 7
    assert wb["manajemen-talenta"]["C2"].value is None
    real = wb["Realisasi"]
    assert real[_sel(wb, "Realisasi", "IKK.11", "Nilai")].value is None
    assert wb["Petunjuk"]["B8"].value == "tidak"  # not example data unless said so


def test_isi_needs_the_quarter(renja: Any, tmp_path: Path) -> None:
    result = renja(
        "templat", "--tahun", "2025", "--triwulan", "4", "--isi", "--data", str(DATA),
        "-o", str(tmp_path / "x.xlsx"),
    )  # fmt: skip
    assert result.exit_code == 2 and "tw4.yaml" in result.stderr


def test_templat_never_writes_into_the_data(renja: Any, data_copy: Path) -> None:
    result = renja(
        "templat", "--tahun", "2025", "--triwulan", "3", "--data", str(data_copy),
        "-o", str(data_copy / "isian.xlsx"),
    )  # fmt: skip
    assert result.exit_code == 2 and "folder data masukan" in result.stderr


# --- text stays text ------------------------------------------------------------


def test_formula_like_text_round_trips_as_text(renja: Any, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    data = data_injeksi(tmp_path)
    path = _templat(renja, data, tmp_path / "injeksi.xlsx", "3", "--isi")
    wb = load_workbook(path)
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    kendala = wb["Realisasi"][_sel(wb, "Realisasi", "IKK.4", "Kendala")]
    assert kendala.value == "\n".join(TEKS_BERBAHAYA) and kendala.data_type == "s"
    assert kendala.quotePrefix
    assert wb["Realisasi"][_sel(wb, "Realisasi", "IKK.4", "Indikator / komponen")].value == RUMUS
    assert wb["Instansi"]["B3"].value == NAMA_INSTANSI and wb["Instansi"]["B3"].data_type == "s"
    assert wb["manajemen-talenta"]["B3"].value == NAMA_INSTANSI
    original = yaml.safe_load((data / "realisasi" / "2025" / "tw3.yaml").read_text())
    result = _impor(renja, data, path, "3", "--timpa")
    assert result.exit_code == 0, result.output
    written = yaml.safe_load((data / "realisasi" / "2025" / "tw3.yaml").read_text())
    assert written["realisasi"]["IKK.4"]["kendala"] == list(TEKS_BERBAHAYA)
    assert written["realisasi"]["IKK.4"] == original["realisasi"]["IKK.4"]


# --- problems, each at the cell it came from ------------------------------------


def _galat(renja: Any, data: Path, path: Path, triwulan: str = "3") -> str:
    before = _snapshot(data)
    result = _impor(renja, data, path, triwulan, "--timpa")
    assert result.exit_code == 1, result.output
    assert _snapshot(data) == before  # nothing written
    return str(result.stderr)


def _set(sheet: str, ref: Callable[[Any], str] | str, value: Any) -> Callable[[Any], str]:
    def edit(wb: Any) -> str:
        cell = ref(wb) if callable(ref) else ref
        wb[sheet][cell] = value
        return f"{sheet}!{cell}"

    return edit


def _real(kode: str, judul: str) -> Callable[[Any], str]:
    return lambda wb: _sel(wb, "Realisasi", kode, judul)


def _komp(komponen: str) -> Callable[[Any], str]:
    """The Nilai cell of a component row."""
    return lambda wb: f"{_kolom(wb['Realisasi'], 'Nilai')}{_baris(wb['Realisasi'], komponen, 2)}"


def _dua(kode: str, judul: str, value: Any) -> Callable[[Any], str]:
    """A second shape on a row that has one: the entry's rule is reported at its code."""

    def edit(wb: Any) -> str:
        _set("Realisasi", _real(kode, judul), value)(wb)
        return f"Realisasi!{_sel(wb, 'Realisasi', kode, 'Kode')}"

    return edit


def _ganti_nilai(kode: str, judul: str, value: Any) -> Callable[[Any], str]:
    """Move an indicator's value from Nilai to another column (Google Sheets has no locks)."""

    def edit(wb: Any) -> str:
        wb["Realisasi"][_sel(wb, "Realisasi", kode, "Nilai")] = None
        return _set("Realisasi", _real(kode, judul), value)(wb)

    return edit


def _persen(kode: str, judul: str, value: float) -> Callable[[Any], str]:
    """Excel's 88% is the number 0.88 shown through a percent format."""

    def edit(wb: Any) -> str:
        where = _set("Realisasi", _real(kode, judul), value)(wb)
        wb["Realisasi"][where.split("!")[1]].number_format = "0%"
        return where

    return edit


def _gabung(sheet: str, cells: str, value: Any) -> Callable[[Any], str]:
    """A merge over two record cells: the lower one reads as blank."""

    def edit(wb: Any) -> str:
        first, last = cells.split(":")
        wb[sheet][first] = value
        wb[sheet].merge_cells(cells)
        return f"{sheet}!{last}"

    return edit


CASES: dict[str, tuple[Callable[[Any], str], str]] = {
    "nilai berformat persen": (_persen("IKK.11", "Nilai", 0.88), "R606"),
    "sel rekaman digabung": (_gabung("manajemen-talenta", "C3:C4", "ya"), "R605"),
    "nilai di luar rentang": (_set("Realisasi", _real("IKK.11", "Nilai"), 120), "R207"),
    "pembilang melebihi penyebut": (_set("Realisasi", _real("IKK.13", "Pembilang"), 5), "R206"),
    "penyebut nol": (_set("Realisasi", _real("IKK.10", "Penyebut"), 0), "R206"),
    "komponen di atas rentang": (_set("Realisasi", _komp("layanan_standar"), 120), "R207"),
    "komponen negatif": (_set("Realisasi", _komp("seleksi_cat"), -5), "R207"),
    "komponen juga dari survei": (_set("Realisasi", _komp("ikm_layanan"), 50), "R204"),
    "pembilang pecahan": (_set("Realisasi", _real("IKK.4", "Pembilang"), 12.5), "R103"),
    "nilai bukan angka": (_set("Realisasi", _real("IKK.11", "Nilai"), "tujuh enam"), "R103"),
    "nilai berkoma sebagai teks": (_set("Realisasi", _real("IKK.11", "Nilai"), "76,1,2"), "R103"),
    "ya/tidak salah": (_set("Realisasi", _real("IKK.11", "Sementara"), "mungkin"), "R103"),
    "bentuk tidak cocok formula": (_ganti_nilai("IKK.11", "Pembilang", 76), "R205"),
    "dua kali: nilai dan lembar": (_set("Realisasi", _real("IKK.6", "Nilai"), 30), "R204"),
    "dua bentuk: nilai dan pembilang": (_dua("IKK.4", "Nilai", 6.5), "R217"),
    "tersedia tidak tetapi bernilai": (_dua("IKK.11", "Tersedia", "tidak"), "R217"),
    "kode tidak dikenal": (_set("Realisasi", _real("IKK.11", "Kode"), "IKK.99"), "R203"),
    "kolom di baris komponen": (
        _set(
            "Realisasi",
            lambda wb: (
                f"{_kolom(wb['Realisasi'], 'Kendala')}{_baris(wb['Realisasi'], 'ikm_layanan', 2)}"
            ),
            "x",
        ),
        "R205",
    ),
    "rumus di nilai": (_set("Realisasi", _real("IKK.11", "Nilai"), "=76+1"), "R603"),
    "rumus di narasi": (_set("Realisasi", _real("IKK.9", "Kendala"), '=HYPERLINK("x")'), "R603"),
    "galat Excel": (_set("Realisasi", _real("IKK.12", "Nilai"), "#N/A"), "R603"),
    "rumus di rekaman": (_set("arsip-digital", "C5", "=1"), "R603"),
    "bukan ya/tidak di rekaman": (_set("manajemen-talenta", "C3", "mungkin"), "R304"),
    "bukan angka di rekaman": (_set("indeks-kualitas-data", "C4", "sembilan"), "R304"),
    "angka ambigu di rekaman": (_set("indeks-kualitas-data", "C4", "94.990"), "R304"),
    "di luar skala": (_set("pembinaan-merit", "C5", 450), "R309"),
    "instansi tidak dikenal": (_set("rekomendasi-wasdal", "B3", "Kabupaten Atlantis"), "R306"),
    "instansi ambigu": (_set("rekomendasi-wasdal", "B3", "Bima"), "R305"),
    "kode instansi diubah": (_set("pembinaan-merit", "A6", "KAB-ATLANTIS"), "R306"),
    "nomor ganda": (_set("rekomendasi-wasdal", "A4", "REK-2025-01"), "R308"),
    "NIP ganda": (_set("arsip-digital", "A4", "198001062018051000"), "R308"),
    "NIP pendek": (_set("arsip-digital", "A6", "12345"), "R311"),
    "NIP sebagai angka": (_set("arsip-digital", "A7", 1.98001062018051e17), "R311"),
    "tertanggal sesudah triwulan": (_set("rekomendasi-wasdal", "C3", 4), "R312"),
    "kegiatan di luar rentang": (_set("ikm-pembinaan", "C3", 120), "R207"),
    "baris baru dalam sel": (_set("ikm-pembinaan", "A3", "Rakor\nNTT"), "R302"),
    "anggaran pecahan": (_set("Anggaran", "D3", 1.5), "R103"),
    "anggaran negatif": (_set("Anggaran", "D3", -5), "R103"),
    "anggaran melebihi pagu": (_set("Anggaran", "D3", 10**12), "R221"),
    "sasaran tidak dikenal": (_set("Anggaran", "A2", "SK.9"), "R203"),
    "data contoh bukan ya/tidak": (_set("Petunjuk", "B8", "entah"), "R103"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_every_problem_is_reported_at_its_cell(
    renja: Any, buku: Path, data_kecil: Path, case: str
) -> None:
    from openpyxl import load_workbook

    edit, code = CASES[case]
    wb = load_workbook(buku)
    where = edit(wb)
    wb.save(buku)
    stderr = _galat(renja, data_kecil, buku)
    assert f"{buku}!{where}: {code} " in stderr, stderr


def test_duplicate_rows_in_realisasi(renja: Any, buku: Path, data_kecil: Path) -> None:
    def edit(wb: Any) -> None:
        ws = wb["Realisasi"]
        row = _baris(ws, "IKK.11")
        ws[f"A{row + 1}"] = "IKK.11"  # IKK.12's row now claims to be IKK.11

    _ubah(buku, edit)
    stderr = _galat(renja, data_kecil, buku)
    assert re.search(r"Realisasi!A\d+: R210 baris IKK\.11 ganda", stderr)


def test_wrong_quarter_or_year(renja: Any, buku: Path, data_kecil: Path) -> None:
    result = _impor(renja, data_kecil, buku, "4")
    assert result.exit_code == 1
    assert f"{buku}!Petunjuk!B5: R602 buku kerja ini untuk triwulan 3, bukan 4" in result.stderr


def test_missing_sheet_and_changed_header(renja: Any, buku: Path, data_kecil: Path) -> None:
    def edit(wb: Any) -> None:
        del wb["penilaian-merit"]
        wb["pembinaan-merit"]["C1"] = "skor"

    _ubah(buku, edit)
    stderr = _galat(renja, data_kecil, buku)
    assert f"{buku}!penilaian-merit: R602 lembar 'penilaian-merit' tidak ada" in stderr
    assert f"{buku}!pembinaan-merit!A1: R602 kolom nilai tidak ada" in stderr


def test_empty_sheet_beside_an_existing_file(renja: Any, buku: Path, data_kecil: Path) -> None:
    def edit(wb: Any) -> None:
        ws = wb["penilaian-merit"]
        for r in range(2, ws.max_row + 1):
            ws.cell(r, 3).value = None

    _ubah(buku, edit)
    stderr = _galat(renja, data_kecil, buku)
    assert f"{buku}!penilaian-merit!A2: R604 lembar penilaian-merit kosong" in stderr


def test_not_a_workbook(renja: Any, tmp_path: Path, data_kecil: Path) -> None:
    path = tmp_path / "rusak.xlsx"
    path.write_bytes(b"bukan zip")
    result = _impor(renja, data_kecil, path)
    assert result.exit_code == 1 and "R601" in result.stderr
    result = _impor(renja, data_kecil, tmp_path / "tidak-ada.xlsx")
    assert result.exit_code == 2 and "U002" in result.stderr
    result = _impor(renja, data_kecil, tmp_path / "isian.csv")
    assert result.exit_code == 2 and "U001" in result.stderr


def test_bundled_data_is_never_written(
    renja: Any, buku: Path, tmp_path: Path, monkeypatch: Any
) -> None:
    monkeypatch.chdir(tmp_path)  # no ./data here: the bundled data would be chosen
    result = renja("impor", str(buku), "--tahun", "2025", "--triwulan", "3")
    assert result.exit_code == 2 and "data bawaan paket" in result.stderr


def test_problems_elsewhere_keep_their_own_path(renja: Any, buku: Path, data_kecil: Path) -> None:
    tw2 = data_kecil / "realisasi" / "2025" / "tw2.yaml"
    tw2.write_text(tw2.read_text().replace("tahun: 2025", "tahun: 2024", 1))
    stderr = _galat(renja, data_kecil, buku)
    assert f"{tw2}:" in stderr and "R201" in stderr
    assert "renja-impor-" not in stderr  # never the temporary copy


def test_grades_are_typed_as_predikat(renja: Any, tmp_path: Path) -> None:
    """The example dinas: ordinal and interval scales, no instansi.yaml, no record files."""
    from openpyxl import load_workbook

    data = tmp_path / "dinas"
    shutil.copytree(REPO / "examples" / "dinas-kesehatan", data)
    path = _templat(renja, data, tmp_path / "dinas.xlsx", "4", "--tahun", "2024")
    wb = load_workbook(path)
    assert wb.sheetnames == ["Petunjuk", "Realisasi", "Anggaran"]  # no population needed
    ws = wb["Realisasi"]
    lists = {str(d.sqref): d.formula1 for d in ws.data_validations.dataValidation}
    opini, sakip = (
        _sel(wb, "Realisasi", "IKU.3", "Predikat"),
        _sel(wb, "Realisasi", "IKU.4", "Predikat"),
    )
    assert lists[opini] == '"WTP,WDP,TW,TMP"' and lists[sakip] == '"AA,A,BB,B,CC,C,D"'
    assert ws[_sel(wb, "Realisasi", "IKU.3", "Nilai")].protection.locked  # grades only
    assert not ws[_sel(wb, "Realisasi", "IKU.4", "Nilai")].protection.locked  # a score works too
    ws[opini] = "WDP"
    ws[_sel(wb, "Realisasi", "IKU.4", "Nilai")] = 71.2
    wb.save(path)
    result = _impor(renja, data, path, "4", "--tahun", "2024")
    assert result.exit_code == 0, result.output
    written = yaml.safe_load((data / "realisasi" / "2024" / "tw4.yaml").read_text())
    assert written["realisasi"] == {"IKU.3": {"predikat": "WDP"}, "IKU.4": {"nilai": 71.2}}
    assert (data / "realisasi" / "2024" / "tw4.yaml").read_text().startswith("# Realisasi TW IV")


def test_impor_output_survives_an_ascii_console(buku: Path, data_kecil: Path) -> None:
    """The change list prints arrows; a legacy console gets stand-ins, never a traceback."""
    import os
    import subprocess
    import sys

    def edit(wb: Any) -> None:
        wb["Realisasi"][_sel(wb, "Realisasi", "IKK.4", "Pembilang")] = 13000

    _ubah(buku, edit)
    env = {**os.environ, "RENJA_CACHE": "0", "PYTHONIOENCODING": "ascii"}
    done = subprocess.run(
        [sys.executable, "-m", "renja_cli", "impor", str(buku), "--tahun", "2025",
         "--triwulan", "3", "--data", str(data_kecil), "--timpa"],
        capture_output=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode("ascii", "replace")
    assert b"IKK.4: pembilang 12.340 -> 13.000" in done.stdout


def test_a_closed_period_keeps_its_closing_date(renja: Any, buku: Path, data_kecil: Path) -> None:
    tw3 = data_kecil / "realisasi" / "2025" / "tw3.yaml"
    tw3.write_text(tw3.read_text().replace("contoh: true\n", "contoh: true\nditutup: 2025-10-15\n"))

    def edit(wb: Any) -> None:
        wb["Realisasi"][_sel(wb, "Realisasi", "IKK.4", "Pembilang")] = 13000

    _ubah(buku, edit)
    result = _impor(renja, data_kecil, buku, "3", "--timpa")
    assert result.exit_code == 0, result.output
    assert "periode ini ditutup 2025-10-15 (dipertahankan)" in result.stdout
    written = yaml.safe_load(tw3.read_text())
    assert str(written["ditutup"]) == "2025-10-15"
    assert written["realisasi"]["IKK.4"]["pembilang"] == 13000


def test_marks_and_structured_narratives_survive(
    renja: Any, data_kecil: Path, tmp_path: Path
) -> None:
    """A value's marks (asumsi/turunan/contoh) round-trip through their cells; a narrative
    with blocks is shown flat, locked, and written back as the blocks it was."""
    from openpyxl import load_workbook

    tw3 = data_kecil / "realisasi" / "2025" / "tw3.yaml"
    text = tw3.read_text()
    old = "  IKK.10:\n    pembilang: 7\n"
    assert old in text
    text = text.replace(
        old,
        "  IKK.10:\n    pembilang: 7\n    contoh: penyebut 24 rencana aksi adalah contoh\n"
        "    asumsi: dua aksi TW IV dihitung terlaksana\n"
        "    upaya:\n      - teks: Upaya TW III\n        butir: [Rapat tim RB, Asistensi unit]\n"
        "    analisis: Capaian sesuai rencana aksi.\n",
    )
    tw3.write_text(text)
    before = yaml.safe_load(text)["realisasi"]["IKK.10"]
    path = _templat(renja, data_kecil, tmp_path / "tanda.xlsx", "3", "--isi")
    wb = load_workbook(path)
    ws = wb["Realisasi"]
    assert ws[_sel(wb, "Realisasi", "IKK.10", "Contoh")].value == (
        "penyebut 24 rencana aksi adalah contoh"
    )
    assert ws[_sel(wb, "Realisasi", "IKK.10", "Asumsi")].value.startswith("dua aksi")
    upaya = ws[_sel(wb, "Realisasi", "IKK.10", "Upaya")]
    assert upaya.value == "Rapat tim RB\nAsistensi unit" and upaya.protection.locked
    ws[_sel(wb, "Realisasi", "IKK.10", "Analisis")] = (
        "Capaian sesuai rencana aksi.\nDua aksi tertunda."
    )
    wb.save(path)
    result = _impor(renja, data_kecil, path, "3", "--timpa")
    assert result.exit_code == 0, result.output
    assert "IKK.10: analisis diubah" in result.stdout and "upaya" not in result.stdout
    after = yaml.safe_load(tw3.read_text())["realisasi"]["IKK.10"]
    assert after["upaya"] == before["upaya"]  # the blocks, not flattened
    assert after["contoh"] == before["contoh"] and after["asumsi"] == before["asumsi"]
    assert after["analisis"] == ["Capaian sesuai rencana aksi.", "Dua aksi tertunda."]
    assert renja("validasi", str(data_kecil)).exit_code == 0


# --- fixes: duplicate headers, zero denominators, components, far cells, warnings ----


def _kolom_tambahan(sheet: str, judul: str, values: dict[int, Any]) -> Callable[[Any], str]:
    """A second column after the last one, whose header matches one in use."""

    def edit(wb: Any) -> str:
        from openpyxl.utils import get_column_letter

        ws = wb[sheet]
        column = ws.max_column + 1
        ws.cell(1, column).value = judul
        for row, value in values.items():
            ws.cell(row, column).value = value
        return f"{sheet}!{get_column_letter(column)}1"

    return edit


@pytest.mark.parametrize(
    ("sheet", "judul", "rows"),
    [
        ("indeks-kualitas-data", "nilai", range(2, 46)),
        ("indeks-kualitas-data", "Nilai ", range(2, 46)),
        ("Realisasi", "Nilai", range(2, 20)),
        ("Anggaran", "Realisasi anggaran TW 3 revisi", range(2, 4)),
    ],
)
def test_a_header_written_twice_is_refused_at_its_cell(
    renja: Any, buku: Path, data_kecil: Path, sheet: str, judul: str, rows: range
) -> None:
    """The reader took the first of two same-named columns and dropped the other."""
    from openpyxl import load_workbook

    wb = load_workbook(buku)
    where = _kolom_tambahan(sheet, judul, dict.fromkeys(rows, 99))(wb)
    wb.save(buku)
    stderr = _galat(renja, data_kecil, buku)
    assert f"{buku}!{where}: R602 judul kolom '{judul.strip()}'" in stderr, stderr


def test_a_header_written_twice_in_front_is_refused(
    renja: Any, buku: Path, data_kecil: Path
) -> None:
    def edit(wb: Any) -> None:
        ws = wb["indeks-kualitas-data"]
        ws.insert_cols(3)
        ws["C1"] = "nilai"
        for row in range(2, 46):
            ws.cell(row, 3).value = 99

    _ubah(buku, edit)
    stderr = _galat(renja, data_kecil, buku)
    assert f"{buku}!indeks-kualitas-data!D1: R602 judul kolom 'nilai' ganda (pertama di C1)" in (
        stderr
    )


def test_components_out_of_range_but_mean_within(renja: Any, buku: Path, data_kecil: Path) -> None:
    """120 and 60 averaged to 90 % and were imported; each is reported at its own cell."""
    from openpyxl import load_workbook

    wb = load_workbook(buku)
    where = _komp("layanan_standar")(wb)
    wb["Realisasi"][where] = 120
    wb["Realisasi"][_komp("seleksi_cat")(wb)] = 60
    wb.save(buku)
    stderr = _galat(renja, data_kecil, buku)
    assert f"{buku}!Realisasi!{where}: R207 IKK.2 → komponen.layanan_standar: nilai 120" in stderr
    assert stderr.count("R207") == 1, stderr  # not the mean again, at the indicator's code


def test_a_formatted_cell_far_below_is_not_read_as_rows(
    renja: Any, buku: Path, data_kecil: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One styled empty cell at the sheet's end made impor walk (and create) every row
    up to it: 41 s and 1 GB at row 1048576. The loops stop at the last value."""
    from openpyxl.styles import PatternFill

    from renja_cli.isian.baca import BukuIsian

    clean = _impor(renja, data_kecil, buku, "3", "--timpa")
    assert clean.exit_code == 0, clean.output
    written = _snapshot(data_kecil)
    far = 20_000

    def edit(wb: Any) -> None:
        for name in ("rekomendasi-wasdal", "Realisasi", "Anggaran", "Petunjuk"):
            wb[name].cell(far, 30).fill = PatternFill("solid", fgColor="FFFF00")

    _ubah(buku, edit)
    opened: list[Any] = []
    lembar = BukuIsian.lembar

    def spy(self: BukuIsian, nama: str) -> Any:
        ws = lembar(self, nama)
        opened.append(ws)
        return ws

    monkeypatch.setattr(BukuIsian, "lembar", spy)
    result = _impor(renja, data_kecil, buku, "3", "--timpa")
    assert result.exit_code == 0, result.output
    assert _snapshot(data_kecil) == written  # the same files
    assert {ws.title for ws in opened} >= {"rekomendasi-wasdal", "Realisasi", "Anggaran"}
    assert max(ws.max_row for ws in opened) == far
    assert all(len(ws._cells) < 5_000 for ws in opened), [len(ws._cells) for ws in opened]


def test_extent_of_a_sheet_is_where_its_values_are(tmp_path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import PatternFill

    from renja_cli.isian.baca import BukuIsian

    wb = Workbook()
    ws = wb.active
    ws["A1"], ws["C1"], ws["B4"] = "a", "c", 0
    ws.merge_cells("A6:A7")
    ws["XFD1048576"].fill = PatternFill("solid", fgColor="FFFF00")
    wb.save(tmp_path / "b.xlsx")
    buku = BukuIsian(tmp_path / "b.xlsx")
    ws = buku.wb.active
    assert buku.baris_akhir(ws) == 7  # the merge's lower cell is read (and refused)
    assert [c.value for c in buku.judul(ws)] == ["a", None, "c"]


def test_data_under_an_empty_header_is_refused(renja: Any, buku: Path, data_kecil: Path) -> None:
    def edit(wb: Any) -> None:
        wb["indeks-kualitas-data"]["F7"] = 12
        wb["indeks-kualitas-data"]["G1"] = "   "
        wb["indeks-kualitas-data"]["G9"] = "x"

    _ubah(buku, edit)
    stderr = _galat(renja, data_kecil, buku)
    for ref in ("F1", "G1"):
        assert f"{buku}!indeks-kualitas-data!{ref}: R602 kolom berisi data tanpa judul" in stderr


def test_a_warning_outside_the_workbook_is_shown(
    renja: Any, data_copy: Path, tmp_path: Path
) -> None:
    """2024 has tahunan.yaml: a TW IV value is never used (R222). impor said only
    'lolos validasi', dropping every warning it could not place in a cell."""
    from openpyxl import load_workbook

    path = _templat(renja, data_copy, tmp_path / "tw4.xlsx", "4", "--tahun", "2024")
    wb = load_workbook(path)
    wb["Realisasi"][_sel(wb, "Realisasi", "IKU.13", "Nilai")] = 50
    wb.save(path)
    result = _impor(renja, data_copy, path, "4", "--tahun", "2024")
    assert result.exit_code == 0, result.output
    tahunan = data_copy / "realisasi" / "2024" / "tahunan.yaml"
    assert re.search(
        rf"peringatan {re.escape(str(tahunan))}:\d+:\d+: R222 IKU\.13: s\.d\. TW IV 50",
        result.stderr,
    ), result.stderr


def test_a_deleted_instansi_row_is_named(renja: Any, buku: Path, data_kecil: Path) -> None:
    """templat writes every instansi; a deleted row silently counted as 'no'."""

    def edit(wb: Any) -> None:
        ws = wb["manajemen-talenta"]
        ws.delete_rows(_baris(ws, "KAB-BADUNG"))

    _ubah(buku, edit)
    result = _impor(renja, data_kecil, buku, "3", "--timpa")
    assert result.exit_code == 0, result.output
    assert (
        f"peringatan {buku}!manajemen-talenta!A1: R607 1 instansi tidak punya baris di lembar "
        "manajemen-talenta: Kabupaten Badung (KAB-BADUNG)"
    ) in result.stderr, result.stderr
    assert result.stderr.count("R607") == 1  # an empty row is no deleted row
