"""Survey exports as analysts hand them over: copies, reused forms, several sheets."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from tests.conftest import DATA

TW3 = DATA / "realisasi" / "2025" / "tw3"
ARGS = ("--tahun", "2025", "--triwulan", "3")
UNSUR = [
    "Persyaratan",
    "Prosedur",
    "Waktu penyelesaian",
    "Biaya/tarif",
    "Produk spesifikasi jenis pelayanan",
    "Kompetensi pelaksana",
    "Perilaku pelaksana",
    "Penanganan pengaduan",
    "Sarana dan prasarana",
]


def test_an_export_saved_again_under_another_name_is_refused(renja, data_copy: Path) -> None:
    """Opened and saved again (Excel writes CRLF): other bytes, the same 38 responses.
    The pattern survei-pembinaan-*.csv reads both and IKK.1 moved from 93,69 to 93,77."""
    tw3 = data_copy / "realisasi" / "2025" / "tw3"
    one = tw3 / "survei-pembinaan-kompas-asn.csv"
    copy = tw3 / "survei-pembinaan-kompas-asn - Salinan.csv"
    copy.write_bytes(one.read_bytes().replace(b"\n", b"\r\n"))
    result = renja("capaian", *ARGS, "--data", str(data_copy))
    assert result.exit_code == 1, result.stdout
    assert f"{one}: R420 semua 38 jawaban berkas ini" in result.stderr
    assert "ada juga di survei-pembinaan-kompas-asn - Salinan.csv" in result.stderr


def test_an_earlier_export_beside_a_later_one_is_refused(renja, tmp_path: Path) -> None:
    """An August export kept beside September's holds nothing of its own."""
    one = TW3 / "survei-pembinaan-kompas-asn.csv"
    lines = one.read_text(encoding="utf-8").splitlines()
    header = next(i for i, line in enumerate(lines) if not line.startswith("#"))
    early = tmp_path / "ekspor-agustus.csv"
    early.write_text("\n".join(lines[header : header + 4]) + "\n", encoding="utf-8")
    result = renja("ikm", str(one), str(early))
    assert result.exit_code == 1
    assert f"{early}: R420 semua 3 jawaban berkas ini" in result.stderr
    assert "ada juga di survei-pembinaan-kompas-asn.csv" in result.stderr


def test_last_years_answers_of_a_reused_form_are_refused(renja, data_copy: Path) -> None:
    """A form used again in 2025 exports its 2024 answers too; they counted in IKK.1."""
    path = data_copy / "realisasi" / "2025" / "tw3" / "survei-ikm-layanan.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    old = lines[2].replace("2025/07/01", "2024/11/04", 1)
    assert old != lines[2]
    path.write_text("\n".join([*lines, old]) + "\n", encoding="utf-8")
    result = renja("capaian", *ARGS, "--data", str(data_copy))
    assert result.exit_code == 1, result.stdout
    assert f"{path}:{len(lines) + 1}:1: R423 jawaban bertanggal 2024-11-04" in result.stderr
    check = renja("validasi", str(data_copy))
    assert "R423" in check.stdout


def _lembar(ws: object, answers: list[str]) -> None:
    ws.append(["Timestamp", *UNSUR])  # type: ignore[attr-defined]
    ws.append([datetime(2025, 7, 1, 10), *answers])  # type: ignore[attr-defined]


def test_a_second_visible_sheet_of_answers_is_refused(renja, tmp_path: Path) -> None:
    """A sheet per quarter, or Form Responses 2 beside 1: only the first was read."""
    from openpyxl import Workbook

    best = ["Sangat sesuai", "Sangat mudah", "Sangat cepat", "Gratis", "Sangat sesuai"]
    best += ["Sangat kompeten", "Sangat sopan dan ramah", "Dikelola dengan baik", "Sangat baik"]
    worst = ["Tidak sesuai", "Tidak mudah", "Tidak cepat", "Sangat mahal", "Tidak sesuai"]
    worst += ["Tidak kompeten", "Tidak sopan dan ramah", "Tidak ada", "Buruk"]
    wb = Workbook()
    first = wb.active
    assert first is not None
    first.title = "TW1"
    _lembar(first, worst)
    _lembar(wb.create_sheet("TW3"), best)
    summary = wb.create_sheet("Rekap")  # a title row first: not a sheet of answers
    summary.append(["Rekap IKM"])
    summary.append(["NRR", *UNSUR])
    summary.append(["", "=AVERAGE(TW1!B2:B2)"])
    path = tmp_path / "survei.xlsx"
    wb.save(path)
    result = renja("ikm", str(path))
    assert result.exit_code == 1
    assert f"{path}!TW3!A1: R424 buku kerja memuat lebih dari satu lembar" in result.stderr
    wb["TW1"].sheet_state = "hidden"  # the way out the message names
    wb.save(path)
    result = renja("ikm", str(path), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert '"ikm": 100.0' in result.stdout


def test_a_microsoft_forms_export_is_dated(renja, data_copy: Path) -> None:
    """Microsoft Forms names its timestamps Start time and Completion time: without
    them an October answer in the TW III folder counted unchecked."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["ID", "Start time", "Completion time", "Email", "Name", *UNSUR])
    best = ["Sangat sesuai", "Sangat mudah", "Sangat cepat", "Gratis", "Sangat sesuai"]
    best += ["Sangat kompeten", "Sangat sopan dan ramah", "Dikelola dengan baik", "Sangat baik"]
    for row, day in ((2, datetime(2025, 9, 30, 9)), (3, datetime(2025, 10, 2, 9))):
        ws.append([row - 1, day, day, "anonymous", "", *best])
    tw3 = data_copy / "realisasi" / "2025" / "tw3"
    (tw3 / "survei-ikm-layanan.csv").unlink()
    path = tw3 / "survei-ikm-layanan.xlsx"
    wb.save(path)
    targets = data_copy / "targets-2025.yaml"
    text = targets.read_text(encoding="utf-8")
    assert "survei: survei-ikm-layanan.csv" in text
    targets.write_text(text.replace("survei-ikm-layanan.csv", "survei-ikm-layanan.xlsx"))
    result = renja("capaian", *ARGS, "--data", str(data_copy))
    assert result.exit_code == 1, result.stdout
    assert f"{path}!Sheet!B3: R312 jawaban bertanggal 2025-10-02" in result.stderr
