"""IKK.1 fed by raw survey responses, and ``renja ikm`` on the command line (issue 10)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import DATA

TW3 = DATA / "realisasi" / "2025" / "tw3"


def _json(renja, *args: str) -> object:
    result = renja(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_ikk1_is_the_mean_of_the_two_surveys(renja) -> None:
    out = _json(
        renja, "rincian", "IKK.1", "--tahun", "2025", "--triwulan", "3", "--data", str(DATA)
    )
    komponen = {k["kode"]: k["nilai"] for k in out["komponen"]}  # type: ignore[index]
    assert komponen["ikm_layanan"] == pytest.approx(93.3071, abs=1e-4)
    # three events, each IKM computed from its own responses, then averaged (Tabel 6 rule)
    assert komponen["ikm_pembinaan"] == pytest.approx(94.0649, abs=1e-4)
    assert out["indikator"]["realisasi"] == 93.69  # type: ignore[index]
    survey = out["rincian"]["ikm_pembinaan"]["ikm"]  # type: ignore[index]
    assert survey["mutu"] == "A" and len(survey["unsur"]) == 9
    assert survey["terendah"] == [
        "Waktu penyelesaian",
        "Sarana dan prasarana",
        "Penanganan pengaduan, saran dan masukan",
    ]
    assert out["kalimat"].startswith("(93,31 + 94,06) / 2 = 93,69")  # type: ignore[index]


def test_rincian_table_names_the_three_lowest_unsur_and_each_event(renja) -> None:
    result = renja("rincian", "IKK.1", "--tahun", "2025", "--data", str(DATA))
    assert result.exit_code == 0
    assert "tiga unsur terendah" in result.stdout
    assert "survei-pembinaan-kompas-asn.csv" in result.stdout
    assert "IKM per kegiatan (rata_rata_kegiatan)" in result.stdout


def test_a_survey_left_out_of_the_quarter_folder_is_an_error(renja, data_copy: Path) -> None:
    (data_copy / "realisasi" / "2025" / "tw3" / "survei-ikm-layanan.csv").unlink()
    result = renja("capaian", "--tahun", "2025", "--triwulan", "3", "--data", str(data_copy))
    assert result.exit_code == 1
    assert "R313" in result.stderr and "survei-ikm-layanan.csv" in result.stderr


def test_events_file_and_surveys_together_are_refused(renja, data_copy: Path) -> None:
    folder = data_copy / "realisasi" / "2025" / "tw3"
    (folder / "ikm-pembinaan.csv").write_text("kegiatan,nilai\nRakor,93.5\n", encoding="utf-8")
    result = renja("validasi", str(data_copy))
    assert result.exit_code == 1 and "R204" in result.stdout


def test_an_unknown_answer_in_a_survey_stops_capaian_with_its_cell(renja, data_copy: Path) -> None:
    path = data_copy / "realisasi" / "2025" / "tw3" / "survei-ikm-layanan.csv"
    text = path.read_text(encoding="utf-8")
    assert "Sangat sesuai" in text
    path.write_text(text.replace("Sangat sesuai", "Sangat sesuia", 1), encoding="utf-8")
    result = renja("capaian", "--tahun", "2025", "--data", str(data_copy))
    assert result.exit_code == 1
    assert "survei-ikm-layanan.csv:" in result.stderr and "R410" in result.stderr
    assert "maksud Anda" in result.stderr


def test_office_override_of_answer_wording(renja, data_copy: Path) -> None:
    path = data_copy / "realisasi" / "2025" / "tw3" / "survei-ikm-layanan.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Sangat sesuai", "Sesuai sekali"), encoding="utf-8")
    assert renja("capaian", "--tahun", "2025", "--data", str(data_copy)).exit_code == 1
    varian = "    varian:\n      - {teks: Sesuai sekali, nilai: 4, asumsi: true}\n"
    (data_copy / "survei.yaml").write_text(
        f"unsur:\n  U1:\n{varian}  U5:\n{varian}", encoding="utf-8"
    )
    assert renja("capaian", "--tahun", "2025", "--data", str(data_copy)).exit_code == 0
    assert renja("validasi", str(data_copy), "--ketat").exit_code == 0


def test_renja_ikm_command(renja) -> None:
    out = _json(renja, "ikm", str(TW3 / "survei-ikm-layanan.csv"), "--populasi", "600")
    assert out["responden"] == 239 and out["mutu"] == "A"  # type: ignore[index]
    assert out["ikm"] == pytest.approx(93.3071, abs=1e-4)  # type: ignore[index]
    assert len(out["terendah"]) == 3 and out["terendah"][0] == "Sarana dan prasarana"  # type: ignore[index]
    assert out["sampel"]["minimal"] == 235 and out["sampel"]["cukup"] is True  # type: ignore[index]
    table = renja("ikm", str(TW3 / "survei-ikm-layanan.csv"), "--populasi", "600")
    assert "239 responden ≥ 235 minimal: cukup" in table.stdout
    assert "DATA CONTOH" in table.stdout


def test_renja_ikm_combines_events(renja) -> None:
    files = sorted(str(p) for p in TW3.glob("survei-pembinaan-*.csv"))
    out = _json(renja, "ikm", *files)
    assert out["ikm"] == pytest.approx(94.0649, abs=1e-4)  # type: ignore[index]
    pooled = _json(renja, "ikm", *files, "--gabung", "gabungan_responden")
    assert pooled["ikm"] == pytest.approx(93.9984, abs=1e-4)  # type: ignore[index]


def test_renja_ikm_bad_options(renja) -> None:
    result = renja("ikm", str(TW3 / "survei-ikm-layanan.csv"), "--per", "minggu")
    assert result.exit_code == 2 and "R418" in result.stderr
    missing = renja("ikm", str(TW3 / "tidak-ada.csv"))  # a file named by the user: usage
    assert missing.exit_code == 2 and "U002" in missing.stderr


def test_a_survey_saved_twice_is_an_error_not_a_second_event(renja, data_copy: Path) -> None:
    """Files saved twice under two names: 'survei (1).csv' would count as another kegiatan."""
    tw3 = data_copy / "realisasi" / "2025" / "tw3"
    original = tw3 / "survei-pembinaan-kompas-asn.csv"
    copy = tw3 / "survei-pembinaan-kompas-asn (1).csv"
    copy.write_bytes(original.read_bytes())
    args = ("--tahun", "2025", "--triwulan", "3", "--data", str(data_copy))
    result = renja("capaian", *args)
    assert result.exit_code == 1
    assert ": R420 " in result.stderr  # located at one, naming the other
    assert original.name in result.stderr and copy.name in result.stderr
    check = renja("validasi", str(data_copy), "--format", "json")
    assert "R420" in {m["kode"] for m in json.loads(check.stdout)["masalah"]}


def test_renja_ikm_refuses_the_same_file_twice(renja, tmp_path: Path) -> None:
    one = TW3 / "survei-pembinaan-kompas-asn.csv"
    assert "R420" in renja("ikm", str(one), str(one)).stderr
    other = tmp_path / "salinan.csv"
    other.write_bytes(one.read_bytes())
    result = renja("ikm", str(one), str(other))
    assert result.exit_code == 1 and f"{other}: R420 " in result.stderr


def test_responses_repeated_across_files_are_flagged(renja, tmp_path: Path) -> None:
    one = TW3 / "survei-pembinaan-kompas-asn.csv"
    lines = one.read_text(encoding="utf-8").splitlines()
    header = next(i for i, line in enumerate(lines) if not line.startswith("#"))
    part = tmp_path / "ekspor-lain.csv"  # another export sharing three of its responses
    own = lines[header + 1].replace("2025/08/21 10:30:44", "2025/08/22 09:00:00", 1)
    assert own != lines[header + 1]
    part.write_text("\n".join([*lines[header : header + 4], own]) + "\n", encoding="utf-8")
    out = _json(renja, "ikm", str(one), str(part))
    warned = [p for p in out["peringatan"] if p["kode"] == "R416"]  # type: ignore[index]
    assert warned and "3 responden di ekspor-lain.csv" in warned[0]["pesan"]


def test_more_respondents_than_population_is_flagged(renja) -> None:
    out = _json(renja, "ikm", str(TW3 / "survei-pembinaan-kompas-asn.csv"), "--populasi", "10")
    assert "R421" in {p["kode"] for p in out["peringatan"]}  # type: ignore[index]


def test_survey_answers_after_the_quarter_are_refused(renja, data_copy: Path) -> None:
    """An export taken in October also holds October's answers: not TW III's."""
    path = data_copy / "realisasi" / "2025" / "tw3" / "survei-ikm-layanan.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    late = lines[2].replace("2025/07/01", "2025/10/02", 1)
    assert late != lines[2]
    path.write_text("\n".join([*lines, late]) + "\n", encoding="utf-8")
    args = ("--tahun", "2025", "--triwulan", "3", "--data", str(data_copy))
    result = renja("capaian", *args)
    assert result.exit_code == 1
    assert f"{path}:{len(lines) + 1}:1: R312 jawaban bertanggal 2025-10-02" in result.stderr
    check = renja("validasi", str(data_copy), "--format", "json")
    assert "R312" in {m["kode"] for m in json.loads(check.stdout)["masalah"]}


def test_one_form_for_several_events_is_refused(renja, data_copy: Path) -> None:
    """Three events' answers in one file would be averaged as one event (R422)."""
    tw3 = data_copy / "realisasi" / "2025" / "tw3"
    parts = [
        tw3 / "survei-pembinaan-kompas-asn.csv",
        tw3 / "survei-pembinaan-sersan-bup-lombok-tengah.csv",
    ]
    rows = [[ln for ln in p.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
            for p in parts]  # fmt: skip
    assert rows[0][0] == rows[1][0]  # the same form
    merged = tw3 / "survei-pembinaan-semua.csv"
    merged.write_text("\n".join([rows[0][0], *rows[0][1:], *rows[1][1:]]) + "\n", encoding="utf-8")
    for p in parts:
        p.unlink()
    result = renja("capaian", "--tahun", "2025", "--triwulan", "3", "--data", str(data_copy))
    assert result.exit_code == 1
    assert f"{merged}:1:2: R422 berkas memuat 2 kegiatan di kolom 'Nama Kegiatan'" in result.stderr
    # pooled on purpose, the same file is one survey
    assert renja("ikm", str(merged), "--format", "json").exit_code == 0
