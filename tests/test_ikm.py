"""IKM from raw survey responses (PermenPANRB 14/2017): arithmetic, reading, errors, outputs."""

from __future__ import annotations

import csv
import importlib
import io
import json
import math
import re
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from renja_cli.errors import DataError, DataErrors, RenjaError, UsageError
from renja_cli.ikm import (
    KODE_GALAT,
    HasilIkm,
    KolomUnsur,
    ReferensiSurvei,
    Responden,
    Survei,
    baca_survei,
    cari_berkas_survei,
    cocokkan_judul,
    hitung_ikm,
    ikm_dari_berkas,
    ke_dict,
    muat_penyesuaian,
    muat_referensi,
    sampel_minimal,
    tentukan_mutu,
)
from renja_cli.ikm.referensi import KODE_UNSUR, AturanSampel
from renja_cli.ikm.render import ke_csv, ke_json, ke_markdown, ke_rich
from renja_cli.ikm.waktu import WaktuError, urai_tanggal
from tests.conftest import DATA

EXAMPLES = Path(__file__).parent / "examples" / "ikm"
CONTOH = DATA / "realisasi" / "2025" / "tw3"  # the example surveys, as tests see the data
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def ref() -> ReferensiSurvei:
    return muat_referensi()


# --- the hand-computed survey ------------------------------------------------
#
# tests/examples/ikm/tangan-12.csv: twelve respondents (R1–R12), blanks marked
# "-", and R13 who answered nothing (excluded). R11's U4 is written "4,0".
#
#        U1 U2 U3 U4 U5 U6 U7 U8 U9
#   R1    4  4  3  4  4  4  4  3  3
#   R2    3  3  3  4  3  4  4  3  3
#   R3    4  3  2  4  4  3  4  -  3
#   R4    3  3  3  4  3  3  3  3  2
#   R5    4  4  4  4  4  4  4  4  4
#   R6    2  3  3  -  3  3  4  3  3
#   R7    4  4  3  4  4  4  4  2  3
#   R8    3  -  3  4  3  3  3  3  3
#   R9    4  4  4  4  4  4  4  4  4
#   R10   3  3  2  4  3  3  4  3  2
#   R11   4  4  3  4  -  4  4  3  3
#   R12   4  3  3  4  4  4  3  -  3
#
#   sum   42 38 36 44 39 43 45 31 36
#   n     12 11 12 11 11 12 12 10 12
#   NRR   3,5  38/11=3,4545  3,0  4,0  39/11=3,5455  43/12=3,5833  3,75  3,1  3,0
#   ×25   87,50 86,36 75,00 100,00 88,64 89,58 93,75 77,50 75,00
#   mutu  B     B     C     A      A     A     A     B     C
#
#   Σ NRR = 3,5 + 77/11 + 3 + 4 + 43/12 + 3,75 + 3,1 + 3 = 27,35 + 43/12 = 9280/300 = 30,9333
#   IKM (bobot 1/9)   = 30,9333 × 25/9    = 232000/2700 = 85,9259 → B (Baik)
#   IKM (bobot 0,111) = 30,9333 × 0,111 × 25 = 25752/300 = 85,8400 → B (Baik)
#   three lowest: U3 3,0 and U9 3,0 (equal: lower kode first), then U8 3,1.

MATRIX = [
    "4 4 3 4 4 4 4 3 3",
    "3 3 3 4 3 4 4 3 3",
    "4 3 2 4 4 3 4 - 3",
    "3 3 3 4 3 3 3 3 2",
    "4 4 4 4 4 4 4 4 4",
    "2 3 3 - 3 3 4 3 3",
    "4 4 3 4 4 4 4 2 3",
    "3 - 3 4 3 3 3 3 3",
    "4 4 4 4 4 4 4 4 4",
    "3 3 2 4 3 3 4 3 2",
    "4 4 3 4 - 4 4 3 3",
    "4 3 3 4 4 4 3 - 3",
]
SCORES = [tuple(0 if c == "-" else int(c) for c in row.split()) for row in MATRIX]


def test_hand_computed_survey_to_four_decimals(ref: ReferensiSurvei) -> None:
    survei = baca_survei(EXAMPLES / "tangan-12.csv", ref)
    assert [r.nilai for r in survei.responden] == SCORES
    hasil = hitung_ikm(survei, ref)
    assert hasil.responden == 12
    assert [(str(d.lokasi), d.alasan) for d in hasil.dikecualikan] == [
        (f"{EXAMPLES / 'tangan-12.csv'}:14", "kesembilan unsur tidak dijawab")
    ]
    assert [u.jumlah_nilai for u in hasil.unsur] == [42, 38, 36, 44, 39, 43, 45, 31, 36]
    assert [u.jumlah_jawaban for u in hasil.unsur] == [12, 11, 12, 11, 11, 12, 12, 10, 12]
    expected_nrr = [3.5, 3.4545, 3.0, 4.0, 3.5455, 3.5833, 3.75, 3.1, 3.0]
    assert [round(u.nrr, 4) for u in hasil.unsur] == expected_nrr
    assert round(hasil.unsur[1].nrr_tertimbang, 4) == 0.3838
    assert [round(u.nilai_interval, 2) for u in hasil.unsur] == [
        87.5, 86.36, 75.0, 100.0, 88.64, 89.58, 93.75, 77.5, 75.0
    ]  # fmt: skip
    assert [u.mutu for u in hasil.unsur] == ["B", "B", "C", "A", "A", "A", "A", "B", "C"]
    assert round(hasil.ikm, 4) == 85.9259
    assert hasil.ikm == pytest.approx(232000 / 2700, abs=1e-12)
    assert (hasil.mutu, hasil.kinerja) == ("B", "Baik")
    assert hasil.terendah == (
        "Waktu penyelesaian",
        "Sarana dan prasarana",
        "Penanganan pengaduan, saran dan masukan",
    )
    assert hasil.bobot == "tepat" and hasil.gabung is None and not hasil.contoh


def test_weight_setting_tepat_versus_dibulatkan(ref: ReferensiSurvei) -> None:
    survei = baca_survei(EXAMPLES / "tangan-12.csv", ref)
    tepat = hitung_ikm(survei, ref)
    dibulatkan = hitung_ikm(survei, ref, bobot="dibulatkan")
    assert round(tepat.ikm, 4) == 85.9259 and tepat.nilai_bobot == 1 / 9
    assert round(dibulatkan.ikm, 4) == 85.8400 and dibulatkan.nilai_bobot == 0.111
    assert dibulatkan.bobot == "dibulatkan"
    assert round(dibulatkan.unsur[0].nrr_tertimbang, 4) == 0.3885  # 3,5 × 0,111
    assert ke_dict(dibulatkan)["bobot"] == {"aturan": "dibulatkan", "nilai": 0.111}
    assert "bobot 0,111 (dibulatkan)" in ke_markdown(dibulatkan)


# --- mutu bands and sample size ------------------------------------------------


@pytest.mark.parametrize(
    ("nilai", "mutu", "kinerja"),
    [
        (100.0, "A", "Sangat Baik"),
        (88.31, "A", "Sangat Baik"),
        (88.30, "B", "Baik"),
        (76.61, "B", "Baik"),
        (76.60, "C", "Kurang Baik"),
        (65.00, "C", "Kurang Baik"),
        (64.99, "D", "Tidak Baik"),
        (25.00, "D", "Tidak Baik"),
        (24.975, "D", "Tidak Baik"),  # all answers 1 with the 0,111 weight
        # in the gaps: classified as shown, i.e. rounded half-up to two decimals
        (88.305, "A", "Sangat Baik"),
        (88.3049, "B", "Baik"),
        (76.605, "B", "Baik"),
        (64.995, "C", "Kurang Baik"),
        (64.9949, "D", "Tidak Baik"),
    ],
)
def test_mutu_boundaries(ref: ReferensiSurvei, nilai: float, mutu: str, kinerja: str) -> None:
    band = tentukan_mutu(nilai, ref)
    assert (band.mutu, band.kinerja) == (mutu, kinerja)


@pytest.mark.parametrize(
    ("populasi", "minimal"), [(100, 80), (1_000, 278), (10_000, 370), (240, 148), (10, 10)]
)
def test_krejcie_morgan(populasi: int, minimal: int) -> None:
    assert sampel_minimal(populasi) == minimal


def test_krejcie_morgan_rounding_against_published_table() -> None:
    # Krejcie & Morgan (1970) print 14, 19, 44 and 217 for these N: rounding to
    # nearest. The default rounds up, one higher; "terdekat" reproduces the table.
    table = {15: 14, 20: 19, 50: 44, 500: 217, 100: 80, 1_000: 278, 10_000: 370}
    nearest = AturanSampel(pembulatan="terdekat")
    assert {n: sampel_minimal(n, nearest) for n in table} == table
    assert [sampel_minimal(n) for n in (15, 20, 50, 500)] == [15, 20, 45, 218]


@pytest.mark.parametrize("bad", [0, -5, True, 2.5])
def test_population_must_be_a_positive_integer(bad: object) -> None:
    with pytest.raises(UsageError) as info:
        sampel_minimal(bad)  # type: ignore[arg-type]
    assert info.value.code == "R418"


def test_sample_adequacy_in_result_and_outputs(ref: ReferensiSurvei) -> None:
    survei = baca_survei(CONTOH / "survei-ikm-layanan.csv", ref)
    cukup = hitung_ikm(survei, ref, populasi=600)
    assert cukup.sampel is not None
    assert (cukup.sampel.minimal, cukup.sampel.responden, cukup.sampel.cukup) == (235, 239, True)
    assert "239 responden ≥ 235 minimal: cukup (populasi 600" in ke_markdown(cukup)
    assert ke_dict(cukup)["sampel"] == {
        "populasi": 600,
        "minimal": 235,
        "responden": 239,
        "cukup": True,
    }
    kurang = hitung_ikm(survei, ref, populasi=5_000)
    assert kurang.sampel is not None and not kurang.sampel.cukup
    assert [p.kode for p in kurang.peringatan] == ["R417"]
    assert "239 responden < 357 minimal: kurang" in ke_markdown(kurang)
    assert "sampel" not in ke_dict(hitung_ikm(survei, ref))


# --- header and answer matching ------------------------------------------------

GOOGLE_FORMS = {
    "U1": "1. Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan "
    "jenis pelayanannya?",
    "U2": "2. Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
    "U3": "3. Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
    "U4": "4. Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
    "U5": "5. Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang "
    "tercantum dalam standar pelayanan dengan hasil yang diberikan?",
    "U6": "6. Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
    "U7": "7. Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait "
    "kesopanan dan keramahan?",
    # the questionnaire's order: 8 is sarana, 9 is pengaduan (the reverse of U8/U9)
    "U9": "8. Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
    "U8": "9. Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
}


@pytest.mark.parametrize(("kode", "judul"), list(GOOGLE_FORMS.items()))
def test_google_forms_question_maps_to_unsur(ref: ReferensiSurvei, kode: str, judul: str) -> None:
    assert cocokkan_judul(judul, ref) == kode


@pytest.mark.parametrize(
    ("judul", "tujuan"),
    [
        ("U1", "U1"),
        ("u4", "U4"),
        ("  PERSYARATAN  ", "U1"),
        ("U2. Sistem, Mekanisme, dan Prosedur", "U2"),
        ("3) Waktu   Penyelesaian", "U3"),
        ("(4) Biaya / Tarif", "U4"),
        ("P5 - Produk Spesifikasi Jenis Pelayanan", "U5"),
        ("Kompetensi Pelaksana", "U6"),
        ("Perilaku pelaksana", "U7"),
        ("Penanganan Pengaduan, Saran dan Masukan", "U8"),
        ("9. Sarana & Prasarana", "U9"),
        ("Timestamp", "keterangan"),
        ("Stempel waktu", "keterangan"),
        ("Jenis Layanan", "keterangan"),
        ("Saran dan masukan", "keterangan"),
        ("Kritik & Saran", "keterangan"),
        ("Usia", "keterangan"),
        ("Kemudahan akses informasi layanan", None),
        ("1.", None),
        ("Persyaratan dan prosedur", ("U1", "U2")),
    ],
)
def test_header_matching(ref: ReferensiSurvei, judul: str, tujuan: object) -> None:
    assert cocokkan_judul(judul, ref) == tujuan


@pytest.mark.parametrize(
    ("kode", "jawaban", "skor"),
    [
        ("U1", "sangat SESUAI ", 4),
        ("U1", "a. Tidak sesuai", 1),
        ("U5", "D) Sangat sesuai", 4),
        ("U2", "Kurang  mudah", 2),
        ("U4", "  Gratis", 4),
        ("U4", "cukup mahal", 2),
        ("U7", "Sopan & ramah", 3),
        ("U7", "Sangat sopan", 4),
        ("U8", "Ada tapi tidak berfungsi", 2),
        ("U8", "Berfungsi kurang maksimal.", 3),
        ("U9", "Sangat Baik", 4),
        ("U9", "BURUK", 1),
    ],
)
def test_answer_matching(ref: ReferensiSurvei, kode: str, jawaban: str, skor: int) -> None:
    from renja_cli.ikm.referensi import norm_jawaban

    assert ref.per_kode[kode].skor[norm_jawaban(jawaban)] == skor


# --- the same answers in three shapes --------------------------------------------

TEKS = {
    "U1": ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"],
    "U2": ["Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"],
    "U3": ["Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"],
    "U4": ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"],
    "U5": ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"],
    "U6": ["Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"],
    "U7": [
        "Tidak sopan dan ramah",
        "Kurang sopan dan ramah",
        "Sopan dan ramah",
        "Sangat sopan dan ramah",
    ],
    "U8": [
        "Tidak ada",
        "Ada tetapi tidak berfungsi",
        "Berfungsi kurang maksimal",
        "Dikelola dengan baik",
    ],
    "U9": ["Buruk", "Cukup", "Baik", "Sangat baik"],
}
FORM_ORDER = list(GOOGLE_FORMS)  # U1…U7, U9, U8 as the form asks them
LAYANAN = ["Kenaikan Pangkat", "Pensiun", "Kenaikan Pangkat", "Mutasi"] * 3
STAMPS = [
    "2025/01/14 9:15:02 AM GMT+8",
    "2025/02/03 1:02:44 PM GMT+8",
    "2025/03/31 4:59:59 PM GMT+8",
    "2025/04/01 8:00:00 AM GMT+8",
    "2025/05/20 10:10:10 AM GMT+8",
    "2025/06/30 11:11:11 AM GMT+8",
    "2025/07/01 7:30:00 AM GMT+8",
    "2025/07/15 2:00:00 PM GMT+8",
    "2025/08/17 9:00:00 AM GMT+8",
    "2025/09/30 3:45:00 PM GMT+8",
    "2025/10/01 9:00:00 AM GMT+8",
    "2025/12/31 11:59:59 PM GMT+8",
]


def _google_csv(path: Path, rows: list[tuple[int, ...]], stamps: list[str] = STAMPS) -> Path:
    """A Google Forms CSV export: option texts, questions in the form's order."""
    header = ["Timestamp", "Jenis Layanan", *(GOOGLE_FORMS[k] for k in FORM_ORDER), "Saran"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for i, scores in enumerate(rows):
        by_code = dict(zip(KODE_UNSUR, scores, strict=True))
        answers = [TEKS[k][by_code[k] - 1] if by_code[k] else "" for k in FORM_ORDER]
        writer.writerow([stamps[i], LAYANAN[i], *answers, "Baik sekali,\nterima kasih" * (i == 3)])
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def _xlsx(path: Path, rows: list[tuple[int, ...]], sheet: str = "Jawaban") -> Path:
    """The same answers as an Excel workbook with real datetimes."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet
    ws.append(["Timestamp", "Jenis Layanan", *(GOOGLE_FORMS[k] for k in FORM_ORDER)])
    for i, scores in enumerate(rows):
        by_code = dict(zip(KODE_UNSUR, scores, strict=True))
        answers = [TEKS[k][by_code[k] - 1] if by_code[k] else None for k in FORM_ORDER]
        stamp = datetime.strptime(STAMPS[i].removesuffix(" GMT+8"), "%Y/%m/%d %I:%M:%S %p")
        ws.append([stamp, LAYANAN[i], *answers])
    wb.save(path)
    return path


def test_google_forms_csv_xlsx_and_numeric_sheet_agree(
    ref: ReferensiSurvei, tmp_path: Path
) -> None:
    numeric = hitung_ikm(baca_survei(EXAMPLES / "tangan-12.csv", ref), ref)
    google = baca_survei(_google_csv(tmp_path / "gf.csv", SCORES), ref)
    workbook = baca_survei(_xlsx(tmp_path / "gf.xlsx", SCORES), ref)
    assert [r.nilai for r in google.responden] == SCORES
    assert [r.nilai for r in workbook.responden] == SCORES
    assert google.responden[3].keterangan[-1] == "Baik sekali,\nterima kasih"  # multi-line cell
    for survei in (google, workbook):
        hasil = hitung_ikm(survei, ref)
        assert hasil.ikm == numeric.ikm
        assert [u.nrr for u in hasil.unsur] == [u.nrr for u in numeric.unsur]
        assert hasil.terendah == numeric.terendah
    # mapped by name: the 8th question (sarana) is U9, the 9th (pengaduan) U8
    assert {c.kode: c.kolom for c in google.unsur}["U9"] == 10
    assert workbook.lembar == "Jawaban" and isinstance(workbook.responden[0].waktu, datetime)


def test_numeric_csv_with_bom_semicolons_crlf_and_decimal_comma(
    ref: ReferensiSurvei, tmp_path: Path
) -> None:
    path = tmp_path / "angka.csv"
    path.write_bytes(
        "\ufeffNo;U1;U2;U3;U4;U5;U6;U7;U8;U9;Catatan\r\n"
        '1;4;3,0;4;4.0;3;4;4;3;4;"a; b"\r\n'
        "2;3;3;3;4;3;3;3;3;3;\r\n"
        "3;4;4;4;4;4;4;4;4;4;;;\r\n".encode()
    )
    survei = baca_survei(path, ref)
    assert [r.nilai for r in survei.responden] == [
        (4, 3, 4, 4, 3, 4, 4, 3, 4),
        (3, 3, 3, 4, 3, 3, 3, 3, 3),
        (4, 4, 4, 4, 4, 4, 4, 4, 4),
    ]
    assert survei.keterangan == ("No", "Catatan")
    assert survei.responden[0].keterangan == ("1", "a; b")


def test_extra_columns_are_kept_as_information(ref: ReferensiSurvei, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    header = ["Timestamp", "Nama", *GOOGLE_FORMS.values(), "Kemudahan akses informasi", "Usia"]
    path.write_text(
        ",".join(f'"{h}"' for h in header)
        + "\n2025/07/01 9:00:00 AM GMT+8,Ani,"
        + ",".join(["Sesuai", "Mudah", "Cepat", "Gratis", "Sesuai"])
        + ","
        + ",".join(["Kompeten", "Sopan dan ramah", "Baik", "Dikelola dengan baik"])
        + ",Mudah sekali,31\n",
        encoding="utf-8",
    )
    survei = baca_survei(path, ref)
    assert survei.keterangan == ("Timestamp", "Nama", "Kemudahan akses informasi", "Usia")
    assert survei.responden[0].keterangan[1:] == ("Ani", "Mudah sekali", "31")
    assert survei.responden[0].nilai == (3, 3, 3, 4, 3, 3, 3, 4, 3)


# --- bad input: located and coded ------------------------------------------------


def _raises(code: str, fn: object, *args: object, **kwargs: object) -> RenjaError:
    with pytest.raises(RenjaError) as info:
        fn(*args, **kwargs)  # type: ignore[operator]
    err = info.value
    if isinstance(err, DataErrors):
        err = err.errors[0]
    assert err.code == code, str(err)
    return err


def _numeric(path: Path, body: str, header: str = "U1,U2,U3,U4,U5,U6,U7,U8,U9") -> Path:
    path.write_text(header + "\n" + body, encoding="utf-8")
    return path


def test_unknown_answer_text_located_with_suggestion(ref: ReferensiSurvei, tmp_path: Path) -> None:
    rows = [list(r) for r in SCORES]
    path = _google_csv(tmp_path / "salah.csv", [tuple(r) for r in rows])
    text = path.read_text(encoding="utf-8").replace("Sangat sesuai", "Sangat sesuia", 1)
    path.write_text(text, encoding="utf-8")
    err = _raises("R410", baca_survei, path, ref)
    assert err.location is not None
    assert (err.location.line, err.location.column) == (2, 3)
    assert err.field == "U1 Persyaratan"
    assert "'Sangat sesuia' tidak dikenal" in err.message
    assert "maksud Anda: Sangat sesuai?" in err.message
    assert str(err).startswith(f"{path}:2:3: R410 U1 Persyaratan: jawaban")


def test_every_unknown_answer_is_reported_at_once(ref: ReferensiSurvei, tmp_path: Path) -> None:
    path = _numeric(
        tmp_path / "n.csv", "4,4,4,4,4,4,4,4,bagus\n4,4,4,4,4,4,4,4,oke\nx,4,4,4,4,4,4,4,baik\n"
    )
    with pytest.raises(DataErrors) as info:
        baca_survei(path, ref)
    found = [(e.code, e.location.line, e.location.column) for e in info.value.errors if e.location]
    assert found == [("R410", 2, 9), ("R410", 3, 9), ("R410", 4, 1)]


@pytest.mark.parametrize(("cell", "column"), [("5", 4), ("0", 4), ("3,5", 4), ("-1", 4)])
def test_score_outside_one_to_four(
    ref: ReferensiSurvei, tmp_path: Path, cell: str, column: int
) -> None:
    path = _numeric(tmp_path / "n.csv", f'4,4,4,4,4,4,4,4,4\n4,4,4,"{cell}",4,4,4,4,4\n')
    err = _raises("R411", baca_survei, path, ref)
    assert err.location is not None and (err.location.line, err.location.column) == (3, column)
    assert err.field == "U4 Biaya/tarif"


def test_header_matching_no_unsur_lists_the_nine(ref: ReferensiSurvei, tmp_path: Path) -> None:
    path = _numeric(
        tmp_path / "n.csv",
        "4,4,4,4,4,4,4,4,4\n",
        header="Timestamp,U1,U2,U3,U4,U5,U6,U7,U8,Kenyamanan ruang tunggu",
    )
    path.write_text(path.read_text().replace("\n4,", "\n2025-07-01,4,", 1))
    err = _raises("R406", baca_survei, path, ref)
    assert err.location is not None and (err.location.line, err.location.column) == (1, 10)
    assert "'Kenyamanan ruang tunggu'" in err.message
    assert "8 dari 9 unsur" in err.message
    for u in ref.unsur:
        assert f"{u.kode} {u.nama}" in err.message


def test_file_missing_an_unsur(ref: ReferensiSurvei, tmp_path: Path) -> None:
    path = _numeric(
        tmp_path / "n.csv", "x,4,4,4,4,4,4,4,4\n", header="Nama,U1,U2,U3,U4,U5,U6,U7,U8"
    )
    err = _raises("R407", baca_survei, path, ref)
    assert "tidak ada: U9 Sarana dan prasarana" in err.message


def test_unsur_in_two_columns(ref: ReferensiSurvei, tmp_path: Path) -> None:
    path = _numeric(
        tmp_path / "n.csv",
        "4,4,4,4,4,4,4,4,4,4\n",
        header="U1,U2,U3,Biaya/tarif,U5,U6,U7,U8,U9,Kewajaran tarif",
    )
    err = _raises("R408", baca_survei, path, ref)
    assert err.location is not None and err.location.column == 10
    assert "U4 Biaya/tarif" in err.message


def test_header_matching_two_unsur(ref: ReferensiSurvei, tmp_path: Path) -> None:
    path = _numeric(
        tmp_path / "n.csv",
        "4,4,4,4,4,4,4,4,4,4\n",
        header="U1,U2,U3,U4,U5,U6,U7,U8,U9,Informasi persyaratan dan prosedur",
    )
    err = _raises("R409", baca_survei, path, ref)
    assert "U1 Persyaratan" in err.message and "U2 Sistem" in err.message


@pytest.mark.parametrize(
    "text",
    [
        "U1,U2,U3,U4,U5,U6,U7,U8,U9\n",
        "U1,U2,U3,U4,U5,U6,U7,U8,U9\n\n\n",
        "U1,U2,U3,U4,U5,U6,U7,U8,U9\n,,,,,,,,\n",
        "# contoh: data contoh\nU1,U2,U3,U4,U5,U6,U7,U8,U9\n",
        "",
        "# contoh: data contoh\n\n",
    ],
    ids=["no-rows", "blank-lines", "empty-cells", "comment", "empty-file", "only-comment"],
)
def test_empty_survey(ref: ReferensiSurvei, tmp_path: Path, text: str) -> None:
    path = tmp_path / "n.csv"
    path.write_text(text, encoding="utf-8")
    err = _raises("R405", baca_survei, path, ref)
    assert "survei kosong" in err.message


def test_survey_where_nobody_answered(ref: ReferensiSurvei, tmp_path: Path) -> None:
    path = _numeric(
        tmp_path / "n.csv",
        "a,,,,,,,,,\nb,,,,,,,,,\n",
        header="Nama," + "U1,U2,U3,U4,U5,U6,U7,U8,U9",
    )
    err = _raises("R405", baca_survei, path, ref)
    assert "semua 2 responden tidak menjawab" in err.message


def test_non_utf8_file(ref: ReferensiSurvei, tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes(b"U1,U2,U3,U4,U5,U6,U7,U8,U9,Nama\n4,4,4,4,4,4,4,4,4,Jos\xe9\n")
    err = _raises("R402", baca_survei, path, ref)
    assert err.location is not None and err.location.line == 2
    assert "bukan UTF-8" in err.message


def test_unclosed_quote_is_an_error_not_a_merge(ref: ReferensiSurvei, tmp_path: Path) -> None:
    path = _numeric(
        tmp_path / "n.csv", '4,4,4,4,4,4,4,4,4\n4,"4,4,4,4,4,4,4,4\n3,3,3,3,3,3,3,3,3\n'
    )
    err = _raises("R403", baca_survei, path, ref)
    assert err.location is not None and err.location.line == 3
    assert "tidak ditutup" in err.message


def test_text_after_closing_quote(ref: ReferensiSurvei, tmp_path: Path) -> None:
    path = _numeric(tmp_path / "n.csv", '4,4,4,4,4,4,4,4,4\n4,"4"x,4,4,4,4,4,4,4\n')
    err = _raises("R403", baca_survei, path, ref)
    assert err.location is not None and err.location.line == 3


def test_quote_closed_later_merges_rows_and_is_caught(ref: ReferensiSurvei, tmp_path: Path) -> None:
    # the quote opened on line 3 closes on line 4: the two rows become one record
    path = _numeric(tmp_path / "n.csv", '4,4,4,4,4,4,4,4,"4\n3",3,3,3,3,3,3,3,3\n')
    err = _raises("R404", baca_survei, path, ref)
    assert err.location is not None and (err.location.line, err.location.column) == (2, 10)


def test_row_with_more_cells_than_header(ref: ReferensiSurvei, tmp_path: Path) -> None:
    path = _numeric(tmp_path / "n.csv", "4,4,4,4,4,4,4,4,4\n4,4,4,4,4,4,4,4,4,,x\n")
    err = _raises("R404", baca_survei, path, ref)
    assert err.location is not None and (err.location.line, err.location.column) == (3, 11)


def test_trailing_empty_cells_are_fine(ref: ReferensiSurvei, tmp_path: Path) -> None:
    path = _numeric(tmp_path / "n.csv", "4,4,4,4,4,4,4,4,4,,,\n")
    assert len(baca_survei(path, ref).responden) == 1


def test_unsupported_file_kind(ref: ReferensiSurvei, tmp_path: Path) -> None:
    path = tmp_path / "survei.ods"
    path.write_bytes(b"x")
    _raises("R401", baca_survei, path, ref)
    _raises("R401", baca_survei, tmp_path / "tidak-ada.csv", ref)
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(b"PK not really a workbook")
    _raises("R401", baca_survei, broken, ref)


def test_xlsx_missing_sheet(ref: ReferensiSurvei, tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "s.xlsx", SCORES)
    err = _raises("R401", baca_survei, path, ref, lembar="Form Responses 1")
    assert "lembar yang ada: Jawaban" in err.message


def test_xlsx_unknown_answer_located_by_cell(ref: ReferensiSurvei, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = _xlsx(tmp_path / "survei.xlsx", SCORES)
    wb = load_workbook(path)
    wb["Jawaban"]["C12"] = "Sesuai sekali"
    wb.save(path)
    err = _raises("R410", baca_survei, path, ref)
    assert str(err.location) == f"{path}!Jawaban!C12"
    assert "maksud Anda: Sesuai?" in err.message or "maksud Anda" in err.message


def test_xlsx_formula_is_an_error_never_evaluated(ref: ReferensiSurvei, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = _xlsx(tmp_path / "survei.xlsx", SCORES)
    wb = load_workbook(path)
    wb["Jawaban"]["D5"] = "=IF(1,4,1)"
    wb.save(path)
    err = _raises("R412", baca_survei, path, ref)
    assert str(err.location) == f"{path}!Jawaban!D5"
    assert "rumus" in err.message


def test_xlsx_numeric_score_out_of_range(ref: ReferensiSurvei, tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Nilai"
    ws.append(list(KODE_UNSUR))
    ws.append([4, 4, 4, 4, 4, 4, 4, 4, 4])
    ws.append([4, 4, 4, 4, 4, 4.0, 7, 4, 4])
    path = tmp_path / "angka.xlsx"
    wb.save(path)
    err = _raises("R411", baca_survei, path, ref)
    assert str(err.location) == f"{path}!Nilai!G3"


def test_duplicate_respondents_are_a_warning(ref: ReferensiSurvei, tmp_path: Path) -> None:
    rows = [*SCORES[:5], SCORES[2]]
    stamps = [*STAMPS[:5], STAMPS[2]]
    path = _google_csv(tmp_path / "ganda.csv", rows, stamps)
    survei = baca_survei(path, ref)
    hasil = hitung_ikm(survei, ref)
    assert hasil.responden == 6  # still counted
    [warning] = hasil.peringatan
    assert warning.kode == "R416"
    # row R4 holds a two-line answer, so the repeat of line 4 starts on line 8
    assert "baris 4, 8" in warning.pesan
    assert warning.lokasi is not None and warning.lokasi.line == 8


def test_numbered_header_disagreeing_with_its_name_warns(
    ref: ReferensiSurvei, tmp_path: Path
) -> None:
    header = "U1,U2,U3,U4,U5,U6,U7,U8. Sarana dan prasarana,U9. Penanganan pengaduan"
    path = _numeric(tmp_path / "n.csv", "4,4,4,4,4,4,4,1,2\n", header=header)
    survei = baca_survei(path, ref)
    assert survei.responden[0].nilai[7:] == (2, 1)  # U8 pengaduan = 2, U9 sarana = 1
    assert [p.kode for p in survei.peringatan] == ["R419", "R419"]


def test_unreadable_timestamp_when_grouping_by_quarter(
    ref: ReferensiSurvei, tmp_path: Path
) -> None:
    stamps = [*STAMPS[:4], "kemarin sore", *STAMPS[5:]]
    survei = baca_survei(_google_csv(tmp_path / "w.csv", SCORES, stamps), ref)
    assert hitung_ikm(survei, ref).responden == 12  # fine without grouping
    err = _raises("R413", hitung_ikm, survei, ref, per="triwulan")
    # fifth row; the fourth holds a two-line answer (lines 5–6)
    assert err.location is not None and (err.location.line, err.location.column) == (7, 1)


def test_grouping_column_missing(ref: ReferensiSurvei) -> None:
    survei = baca_survei(EXAMPLES / "tangan-12.csv", ref)
    _raises("R414", hitung_ikm, survei, ref, per="layanan")
    _raises("R414", hitung_ikm, survei, ref, per="bulan")


def test_invalid_requests(ref: ReferensiSurvei) -> None:
    survei = baca_survei(EXAMPLES / "tangan-12.csv", ref)
    _raises("R418", hitung_ikm, [], ref)
    _raises("R418", hitung_ikm, survei, ref, per="minggu")
    _raises("R418", hitung_ikm, survei, ref, bobot="kira-kira")
    _raises("R418", hitung_ikm, [survei, survei], ref, gabung="median")
    _raises("R418", hitung_ikm, survei, ref, populasi=0)
    _raises("R418", ikm_dari_berkas, [], ref)


def test_errors_of_several_files_reported_together(ref: ReferensiSurvei, tmp_path: Path) -> None:
    a = _numeric(tmp_path / "a.csv", "4,4,4,4,4,4,4,4,9\n")
    b = _numeric(tmp_path / "b.csv", "4,4,4,4,4,4,4,4,4\n", header="U1,U2")
    with pytest.raises(DataErrors) as info:
        ikm_dari_berkas([a, b], ref)
    assert [
        (e.code, e.location.path.name) for e in info.value.errors if e.location and e.location.path
    ] == [
        ("R411", "a.csv"),
        ("R407", "b.csv"),
    ]


def test_error_codes_table_is_complete() -> None:
    assert sorted(KODE_GALAT) == [f"R{n}" for n in range(401, 425)]
    used = set()
    for path in (REPO / "src" / "renja_cli" / "ikm").glob("*.py"):
        used |= set(re.findall(r'"(R4\d\d)"', path.read_text(encoding="utf-8")))
    used -= set(KODE_GALAT)  # the table itself mentions every code
    assert not used
    assert all(KODE_GALAT[c] for c in KODE_GALAT)


# --- the reference data and an office's override -----------------------------------


def test_reference_is_strict(tmp_path: Path) -> None:
    bawaan = (REPO / "src" / "renja_cli" / "ikm" / "survei.yaml").read_text(encoding="utf-8")
    typo = tmp_path / "survei.yaml"
    typo.write_text(bawaan.replace("bobot: tepat", "bobot: tepat\nbobott: 1"), encoding="utf-8")
    err = _raises("R102", muat_referensi, typo)
    assert err.location is not None and err.location.line is not None
    clash = tmp_path / "clash.yaml"
    clash.write_text(
        bawaan.replace("alias: [biaya, tarif]", "alias: [biaya, tarif, persyaratan]"),
        encoding="utf-8",
    )
    _raises("R415", muat_referensi, clash)
    unsourced = tmp_path / "unsourced.yaml"
    unsourced.write_text(
        bawaan.replace('nilai: 2, sumber: "[G] beberapa formulir Laravel/React"', "nilai: 2"),
        encoding="utf-8",
    )
    _raises("R415", muat_referensi, unsourced)


def test_every_variant_wording_names_its_source(ref: ReferensiSurvei) -> None:
    for u in ref.unsur:
        assert u.sumber
        for v in u.varian:
            assert v.sumber or v.asumsi


def test_office_override_of_wordings_and_mapping(ref: ReferensiSurvei, tmp_path: Path) -> None:
    override = tmp_path / "survei.yaml"
    override.write_text(
        "bobot: dibulatkan\n"
        "pemetaan:\n"
        '  "P10. Kemudahan akses informasi tentang persyaratan dan prosedur": keterangan\n'
        "  Q1: U1\n"
        "unsur:\n"
        "  U4:\n"
        "    jawaban: [Sangat mahal, Mahal, Murah, Gratis]\n"
        "    sumber: kuesioner kantor 2025\n"
        "  U9:\n"
        "    varian:\n"
        "      - {teks: Sangat memadai, nilai: 4, asumsi: true}\n",
        encoding="utf-8",
    )
    office = muat_penyesuaian(override, ref)
    assert office.bobot == "dibulatkan"
    assert office.per_kode["U4"].skor["mahal"] == 2
    assert "cukup mahal" not in office.per_kode["U4"].skor
    path = tmp_path / "kantor.csv"
    path.write_text(
        "Q1,U2,U3,U4,U5,U6,U7,U8,U9,"
        "P10. Kemudahan akses informasi tentang persyaratan dan prosedur\n"
        "Sesuai,Mudah,Cepat,Mahal,Sesuai,Kompeten,Sopan dan ramah,Tidak ada,Sangat memadai,ya\n",
        encoding="utf-8",
    )
    survei = baca_survei(path, office)
    assert survei.responden[0].nilai == (3, 3, 3, 2, 3, 3, 3, 1, 4)
    assert hitung_ikm(survei, office).bobot == "dibulatkan"
    bad = tmp_path / "bad.yaml"
    bad.write_text("unsur:\n  U10: {alias: [x]}\n", encoding="utf-8")
    with pytest.raises(DataError):
        muat_penyesuaian(bad, ref)


def test_committed_schema_matches_the_model() -> None:
    committed = json.loads((REPO / "schema" / "survei.schema.json").read_text(encoding="utf-8"))
    assert committed == ReferensiSurvei.model_json_schema()


# --- breakdowns and combining files ------------------------------------------------


def test_breakdown_per_service(ref: ReferensiSurvei, tmp_path: Path) -> None:
    survei = baca_survei(_google_csv(tmp_path / "gf.csv", SCORES), ref)
    hasil = hitung_ikm(survei, ref, per="layanan")
    names = [(k.per, k.nama, k.hasil.responden) for k in hasil.kelompok]
    assert names == [
        ("layanan", "Kenaikan Pangkat", 6),
        ("layanan", "Mutasi", 3),
        ("layanan", "Pensiun", 3),
    ]
    # Mutasi = respondents 4, 8, 12 (rows R4, R8, R12)
    mutasi = hasil.kelompok[1].hasil
    expected = hitung_ikm(
        _survei_dari([SCORES[3], SCORES[7], SCORES[11]]), ref
    )  # same arithmetic on the subset
    assert mutasi.ikm == expected.ikm
    assert mutasi.mutu == expected.mutu
    assert hasil.ikm == hitung_ikm(survei, ref).ikm  # the total does not change


def test_breakdown_per_declared_column(ref: ReferensiSurvei) -> None:
    survei = baca_survei(CONTOH / "survei-pembinaan-sersan-bup-lombok-tengah.csv", ref)
    hasil = hitung_ikm(survei, ref, per="layanan", kolom_layanan="Instansi")
    assert {k.per for k in hasil.kelompok} == {"layanan"}
    assert sum(k.hasil.responden for k in hasil.kelompok) == hasil.responden


def test_breakdown_per_quarter_and_month(ref: ReferensiSurvei, tmp_path: Path) -> None:
    for survei in (
        baca_survei(_google_csv(tmp_path / "gf.csv", SCORES), ref),
        baca_survei(_xlsx(tmp_path / "gf.xlsx", SCORES), ref),
    ):
        quarters = hitung_ikm(survei, ref, per="triwulan").kelompok
        assert [(k.nama, k.hasil.responden) for k in quarters] == [
            ("TW I 2025", 3),
            ("TW II 2025", 3),
            ("TW III 2025", 4),
            ("TW IV 2025", 2),
        ]
        tw1 = hitung_ikm(_survei_dari(SCORES[:3]), ref)
        assert quarters[0].hasil.ikm == tw1.ikm
        by_month = hitung_ikm(survei, ref, per="bulan")
        assert [(k.nama, k.hasil.responden) for k in by_month.kelompok] == [
            ("Januari 2025", 1),
            ("Februari 2025", 1),
            ("April 2025", 1),
            ("Mei 2025", 1),
            ("Juli 2025", 2),
            ("Agustus 2025", 1),
            ("September 2025", 1),
        ]
        # one-respondent months with a blank unsur cannot have an IKM: skipped, said so
        skipped = [p.pesan.split("'")[1] for p in by_month.peringatan if p.kode == "R407"]
        assert skipped == ["Maret 2025", "Juni 2025", "Oktober 2025", "Desember 2025"]


def test_group_without_answers_for_an_unsur_is_skipped_with_warning(
    ref: ReferensiSurvei, tmp_path: Path
) -> None:
    rows = [*SCORES[:10], (4, 4, 4, 0, 4, 4, 4, 4, 4), (4, 4, 4, 0, 4, 4, 4, 4, 4)]
    survei = baca_survei(_google_csv(tmp_path / "gf.csv", rows), ref)
    hasil = hitung_ikm(survei, ref, per="triwulan")
    assert hasil.responden == 12
    assert [k.nama for k in hasil.kelompok] == ["TW I 2025", "TW II 2025", "TW III 2025"]
    [warning] = hasil.peringatan
    assert warning.kode == "R407"
    assert "'TW IV 2025' (2 responden)" in warning.pesan and "U4 Biaya/tarif" in warning.pesan


def _survei_dari(rows: list[tuple[int, ...]], name: str = "h.csv") -> Survei:
    return Survei(
        berkas=Path(name),
        lembar=None,
        unsur=tuple(KolomUnsur(k, k, i + 1) for i, k in enumerate(KODE_UNSUR)),
        keterangan=(),
        kolom_keterangan=(),
        kolom_waktu=None,
        responden=tuple(Responden(i + 2, r, None, ()) for i, r in enumerate(rows)),
        dikecualikan=(),
        peringatan=(),
    )


def test_combining_files_by_both_rules(ref: ReferensiSurvei) -> None:
    a = _survei_dari([(4,) * 9, (4,) * 9, (4,) * 9], "a.csv")  # IKM 100, 3 respondents
    b = _survei_dari([(2,) * 9], "b.csv")  # IKM 50, 1 respondent
    mean = hitung_ikm([a, b], ref, gabung="rata_rata_kegiatan")
    assert mean.ikm == 75.0 and mean.gabung == "rata_rata_kegiatan"
    assert [u.nrr for u in mean.unsur] == [3.0] * 9  # mean of per-file NRRs
    assert mean.responden == 4
    pooled = hitung_ikm([a, b], ref, gabung="gabungan_responden")
    assert pooled.ikm == 87.5  # (4+4+4+2)/4 = 3,5 → 87,5
    assert pooled.gabung == "gabungan_responden"
    for hasil in (mean, pooled):
        assert [(k.per, k.nama, k.hasil.ikm) for k in hasil.kelompok] == [
            ("berkas", "a.csv", 100.0),
            ("berkas", "b.csv", 50.0),
        ]
    assert hitung_ikm([a, b], ref).gabung == "rata_rata_kegiatan"  # the reference's default


def test_example_pembinaan_events_averaged(ref: ReferensiSurvei) -> None:
    files = cari_berkas_survei(CONTOH, "survei-pembinaan-*")
    assert [f.name for f in files] == [
        "survei-pembinaan-kompas-asn.csv",
        "survei-pembinaan-rakor-kepegawaian-ntt.csv",
        "survei-pembinaan-sersan-bup-lombok-tengah.csv",
    ]
    mean = ikm_dari_berkas(files, ref)
    per_event = [k.hasil.ikm for k in mean.kelompok]
    assert mean.ikm == pytest.approx(math.fsum(per_event) / 3, abs=1e-12)
    assert [round(x, 2) for x in per_event] == [94.73, 93.77, 93.70]
    assert round(mean.ikm, 4) == 94.0649
    assert round(ikm_dari_berkas(files, ref, gabung="gabungan_responden").ikm, 4) == 93.9984
    assert mean.contoh and mean.responden == 139


def test_example_service_survey(ref: ReferensiSurvei) -> None:
    hasil = ikm_dari_berkas([CONTOH / "survei-ikm-layanan.csv"], ref, per="layanan")
    assert (hasil.responden, len(hasil.dikecualikan)) == (239, 1)
    assert round(hasil.ikm, 4) == 93.3071 and hasil.mutu == "A"
    assert hasil.contoh
    assert len(hasil.kelompok) == 5 and not hasil.peringatan


def test_example_files_are_reproducible(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(REPO / "bench" / "buat_contoh_ikm.py"), "--keluaran", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    for path in sorted(CONTOH.glob("survei-*.csv")):
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


# --- example-data marker and outputs -----------------------------------------------


def test_example_marker_reaches_every_output(ref: ReferensiSurvei) -> None:
    survei = baca_survei(CONTOH / "survei-ikm-layanan.csv", ref)
    assert survei.contoh and survei.catatan and survei.catatan.startswith("data contoh")
    assert survei.baris_judul == 2
    hasil = hitung_ikm(survei, ref)
    assert json.loads(ke_json(hasil))["contoh"] is True
    assert "DATA CONTOH" in ke_markdown(hasil)
    assert "DATA CONTOH" in _rich_text(hasil)
    assert all(row["contoh"] == "true" for row in csv.DictReader(io.StringIO(ke_csv(hasil))))
    plain = hitung_ikm(baca_survei(EXAMPLES / "tangan-12.csv", ref), ref)
    assert "DATA CONTOH" not in ke_markdown(plain) + _rich_text(plain)


def _rich_text(hasil: HasilIkm) -> str:
    from rich.console import Console

    console = Console(record=True, width=120, color_system=None)
    console.print(ke_rich(hasil))
    return console.export_text()


def test_json_has_stable_keys_and_unrounded_numbers(ref: ReferensiSurvei) -> None:
    hasil = hitung_ikm(baca_survei(EXAMPLES / "tangan-12.csv", ref), ref, populasi=15)
    out = json.loads(ke_json(hasil))
    for key in ("responden", "ikm", "mutu", "kinerja", "unsur", "terendah", "sampel"):
        assert key in out
    assert out["ikm"] == hasil.ikm and out["ikm_dibulatkan"] == 85.93
    assert out["responden"] == 12 and out["mutu"] == "B" and out["kinerja"] == "Baik"
    first = out["unsur"][0]
    assert {"nama", "nrr", "nrr_tertimbang", "mutu"} <= set(first)
    assert first["nama"] == "Persyaratan" and first["nrr"] == 3.5
    assert out["terendah"] == list(hasil.terendah)
    assert out["dikecualikan"][0]["alasan"] == "kesembilan unsur tidak dijawab"
    assert out["sampel"] == {"populasi": 15, "minimal": 15, "responden": 12, "cukup": False}


def test_markdown_and_rich_use_indonesian_numbers(ref: ReferensiSurvei) -> None:
    hasil = hitung_ikm(baca_survei(EXAMPLES / "tangan-12.csv", ref), ref)
    md = ke_markdown(hasil)
    assert "**IKM 85,93 — mutu B (Baik)**" in md
    assert "| U2 | Sistem, mekanisme dan prosedur | 11 | 3,45 | 0,384 | 86,36 | B |" in md
    assert "1. Waktu penyelesaian (3,00); 2. Sarana dan prasarana (3,00)" in md
    assert "`" + str(EXAMPLES / "tangan-12.csv") + ":14` — kesembilan unsur" in md
    text = _rich_text(hasil)
    assert "IKM 85,93 — mutu B (Baik)" in text
    assert "NRR per unsur (skala 1–4)" in text
    assert "U4 Biaya/tarif" in text and "█" * 30 in text  # NRR 4 fills the bar
    assert "Tiga unsur terendah: Waktu penyelesaian (3,00)" in text


def test_machine_csv(ref: ReferensiSurvei, tmp_path: Path) -> None:
    survei = baca_survei(_google_csv(tmp_path / "gf.csv", SCORES), ref)
    hasil = hitung_ikm(survei, ref, per="triwulan")
    rows = list(csv.DictReader(io.StringIO(ke_csv(hasil))))
    total = [r for r in rows if r["per"] == "" and r["kode"] == "IKM"]
    assert float(total[0]["nilai_interval"]) == hasil.ikm
    assert total[0]["jumlah_jawaban"] == "12"
    assert rows[1]["nama"] == "Sistem, mekanisme dan prosedur" and rows[1]["nrr"] == repr(38 / 11)
    assert len(rows) == 10 * (1 + 4)
    assert not any("," in r["nrr"] for r in rows)


def test_breakdowns_rendered(ref: ReferensiSurvei, tmp_path: Path) -> None:
    survei = baca_survei(_google_csv(tmp_path / "gf.csv", SCORES), ref)
    hasil = hitung_ikm([survei, survei], ref, per="triwulan")
    md = ke_markdown(hasil)
    assert "### Per berkas (kegiatan)" in md and "### Per triwulan" in md
    assert "| TW III 2025 | 8 |" in md
    text = _rich_text(hasil)
    assert "Per triwulan" in text and "TW IV 2025" in text


def test_core_imports_neither_rich_nor_openpyxl() -> None:
    code = (
        "import sys, renja_cli.ikm, renja_cli.ikm.render;"
        "print('rich' in sys.modules, 'openpyxl' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    assert out.split() == ["False", "False"]


def test_package_names_load_on_first_use() -> None:
    """A cached survey reference is unpickled without loading the reader or calculator."""
    import renja_cli.ikm as paket

    assert set(paket._ASAL) == set(paket.__all__)
    for name in paket.__all__:
        assert getattr(paket, name) is getattr(
            importlib.import_module(f"renja_cli.ikm.{paket._ASAL[name]}"), name
        )
    code = (
        "import sys, renja_cli.ikm.referensi; print(sorted(m for m in sys.modules if 'ikm' in m))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    assert out.strip() == "['renja_cli.ikm', 'renja_cli.ikm.referensi']"


# --- timestamps ------------------------------------------------------------------


def test_timestamp_formats() -> None:
    assert urai_tanggal(
        [
            "2025/03/14 9:15:02 AM GMT+8",
            "2025-03-14 09:15:02",
            "2025-03-14T09:15:02",
            "14/03/2025 09:15:02",
            "14.03.2025",
            datetime(2025, 3, 14, 9, 15),
            None,
            " ",
        ]
    ) == [date(2025, 3, 14)] * 6 + [None, None]
    assert urai_tanggal(["3/14/2025 9:15:02", "4/1/2025"]) == [date(2025, 3, 14), date(2025, 4, 1)]
    assert urai_tanggal(["4/1/2025"]) == [date(2025, 1, 4)]  # Indonesian day-first
    with pytest.raises(WaktuError):
        urai_tanggal(["25/03/2025", "03/25/2025"])
    with pytest.raises(WaktuError) as info:
        urai_tanggal(["2025/02/30 9:00:00"])
    assert info.value.index == 0


# --- properties ------------------------------------------------------------------

_ROW = st.tuples(*(st.integers(0, 4) for _ in range(9)))


REF = muat_referensi()


@settings(max_examples=150, deadline=None)
@given(st.lists(_ROW, min_size=1, max_size=40), st.sampled_from(["tepat", "dibulatkan"]))
def test_ikm_stays_on_the_scale(rows: list[tuple[int, ...]], bobot: str) -> None:
    ref = REF
    # every unsur needs at least one answer: add a full respondent
    rows = [*rows, (1, 2, 3, 4, 1, 2, 3, 4, 1)]
    survei = _survei_dari([r for r in rows if any(r)])
    hasil = hitung_ikm(survei, ref, bobot=bobot)  # type: ignore[arg-type]
    low, high = (25.0, 100.0) if bobot == "tepat" else (24.975, 99.9)
    assert low - 1e-9 <= hasil.ikm <= high + 1e-9
    assert all(1.0 <= u.nrr <= 4.0 for u in hasil.unsur)
    assert hasil.ikm == pytest.approx(25 * sum(u.nrr_tertimbang for u in hasil.unsur))
    assert len(hasil.terendah) == 3
    lowest = next(u.nrr for u in hasil.unsur if u.nama == hasil.terendah[0])
    assert lowest == min(u.nrr for u in hasil.unsur)


@given(st.integers(1, 4), st.integers(1, 60))
def test_identical_answers_give_25_times_k(k: int, n: int) -> None:
    hasil = hitung_ikm(_survei_dari([(k,) * 9] * n), REF)
    assert hasil.ikm == 25 * k
    assert hasil.mutu == {1: "D", 2: "D", 3: "C", 4: "A"}[k]


def test_long_exclusion_lists_are_cut_in_human_outputs(
    ref: ReferensiSurvei, tmp_path: Path
) -> None:
    body = "a,4,4,4,4,4,4,4,4,4\n" + "b,,,,,,,,,\n" * 25
    path = _numeric(tmp_path / "n.csv", body, header="Nama,U1,U2,U3,U4,U5,U6,U7,U8,U9")
    hasil = hitung_ikm(baca_survei(path, ref), ref)
    assert len(hasil.dikecualikan) == 25
    assert len(json.loads(ke_json(hasil))["dikecualikan"]) == 25
    assert "… dan 5 lagi" in ke_markdown(hasil)
    assert "… dan 5 lagi" in _rich_text(hasil)


def test_xlsx_hidden_first_sheet_is_not_read(ref: ReferensiSurvei, tmp_path: Path) -> None:
    """An old export hidden before the visible responses: the visible sheet counts."""
    from openpyxl import load_workbook

    path = _xlsx(tmp_path / "survei.xlsx", SCORES)
    full = baca_survei(path, ref)
    wb = load_workbook(path)
    old = wb.copy_worksheet(wb["Jawaban"])
    old.title = "lama"
    old.delete_rows(5, 100)
    old.sheet_state = "hidden"
    wb.move_sheet("lama", offset=-1)
    wb.save(path)
    assert load_workbook(path).sheetnames[0] == "lama"
    again = baca_survei(path, ref)
    assert again.lembar == "Jawaban" and len(again.responden) == len(full.responden)


def test_oversized_cell_says_so(ref: ReferensiSurvei, tmp_path: Path) -> None:
    """A cell beyond the CSV reader's limit: named as such, not as an open quote only."""
    path = _numeric(
        tmp_path / "n.csv", "4,4,4,4,4,4,4,4,4\n4,4,4,4,4,4,4,4," + "4" * 200_000 + "\n"
    )
    err = _raises("R403", baca_survei, path, ref)
    assert "lebih panjang dari 128 KB" in err.message
