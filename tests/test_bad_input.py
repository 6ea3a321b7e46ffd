"""Every bad input ends in one Indonesian message and a documented exit code."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DATA


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _no_traceback(output: str) -> None:
    assert "Traceback" not in output


def test_missing_year_is_usage_error(renja) -> None:
    result = renja("capaian", "--tahun", "2031", "--data", str(DATA))
    assert result.exit_code == 2
    assert "targets-2031.yaml" in result.stderr
    assert "2024, 2025" in result.stderr


def test_missing_tahun_option(renja) -> None:
    result = renja("capaian", "--data", str(DATA))
    assert result.exit_code == 2
    assert "--tahun wajib diisi" in result.stderr


def test_missing_data_folder(renja, tmp_path: Path) -> None:
    result = renja("capaian", "--tahun", "2025", "--data", str(tmp_path / "tidak-ada"))
    assert result.exit_code == 2
    assert "tidak ditemukan" in result.stderr


@pytest.mark.parametrize("value", ["0", "5", "-1"])
def test_bad_triwulan(renja, value: str) -> None:
    result = renja("capaian", "--tahun", "2025", "--triwulan", value, "--data", str(DATA))
    assert result.exit_code == 2
    assert "triwulan harus 1-4" in result.stderr


def test_unknown_option_is_usage_error(renja) -> None:
    result = renja("capaian", "--tahunn", "2025")
    assert result.exit_code == 2
    assert "opsi tidak dikenal" in result.stderr
    _no_traceback(result.output)


def test_unknown_format(renja) -> None:
    result = renja("capaian", "--tahun", "2025", "--format", "pdf", "--data", str(DATA))
    assert result.exit_code == 2
    assert "nilai --format/-f tidak valid: 'pdf' bukan pilihan" in result.stderr


def test_unknown_target_name(renja) -> None:
    result = renja("capaian", "--tahun", "2025", "--target", "rpjmn", "--data", str(DATA))
    assert result.exit_code == 2
    assert "pk, renstra" in result.stderr


def test_malformed_yaml_names_file_and_line(renja, data_copy: Path) -> None:
    path = data_copy / "targets-2025.yaml"
    _edit(path, "tahun: 2025\n", "tahun: [2025\n")
    result = renja("capaian", "--tahun", "2025", "--data", str(data_copy))
    assert result.exit_code == 1
    assert "targets-2025.yaml:" in result.stderr
    assert "YAML tidak valid" in result.stderr
    _no_traceback(result.output)


def test_non_number_target_names_indicator_and_line(renja, data_copy: Path) -> None:
    path = data_copy / "targets-2025.yaml"
    _edit(path, "target: {pk: 30}", "target: {pk: tiga puluh}")
    line = next(
        i for i, text in enumerate(path.read_text().splitlines(), 1) if "tiga puluh" in text
    )
    result = renja("capaian", "--tahun", "2025", "--data", str(data_copy))
    assert result.exit_code == 1
    assert f"targets-2025.yaml:{line}:" in result.stderr
    assert "IKK.5 → target.pk: harus berupa angka" in result.stderr


def test_indonesian_decimal_in_yaml_says_how_to_write_it(renja, data_copy: Path) -> None:
    path = data_copy / "targets-2025.yaml"
    _edit(path, "target: {pk: 30}", 'target: {pk: "54,55"}')
    result = renja("capaian", "--tahun", "2025", "--data", str(data_copy))
    assert result.exit_code == 1
    assert "tulis 54.55" in result.stderr


def test_unknown_ikk_in_realisasi(renja, data_copy: Path) -> None:
    path = data_copy / "realisasi" / "2025" / "tw2.yaml"
    _edit(path, "  IKK.12: {nilai: 98.60", "  IKK.42: {nilai: 98.60")
    result = renja("capaian", "--tahun", "2025", "--data", str(data_copy))
    assert result.exit_code == 1
    assert "tw2.yaml:" in result.stderr
    assert "indikator IKK.42 tidak ada di targets-2025.yaml" in result.stderr


def test_non_number_realisasi(renja, data_copy: Path) -> None:
    path = data_copy / "realisasi" / "2025" / "tw1.yaml"
    _edit(path, "IKK.12: {nilai: 97.80", "IKK.12: {nilai: sembilan")
    result = renja("capaian", "--tahun", "2025", "--data", str(data_copy))
    assert result.exit_code == 1
    assert "IKK.12 → nilai: harus berupa angka" in result.stderr


def test_duplicate_key_is_an_error(renja, data_copy: Path) -> None:
    path = data_copy / "realisasi" / "2025" / "tw1.yaml"
    _edit(path, "  IKK.12: {nilai: 97.80", "  IKK.12: {nilai: 90}\n  IKK.12: {nilai: 97.80")
    result = renja("capaian", "--tahun", "2025", "--data", str(data_copy))
    assert result.exit_code == 1
    assert "kunci 'IKK.12' ganda" in result.stderr


def test_duplicate_indicator_code(renja, data_copy: Path) -> None:
    path = data_copy / "targets-2025.yaml"
    _edit(path, "      - kode: IKK.13\n", "      - kode: IKK.12\n")
    result = renja("capaian", "--tahun", "2025", "--data", str(data_copy))
    assert result.exit_code == 1
    assert "IKK.12 ganda" in result.stderr


def test_zero_target(renja, data_copy: Path) -> None:
    path = data_copy / "targets-2025.yaml"
    _edit(path, "target: {pk: 99}", "target: {pk: 0}")
    result = renja("capaian", "--tahun", "2025", "--data", str(data_copy))
    assert result.exit_code == 1
    assert "IKK.12 → target" in result.stderr
    assert "pembagian nol" in result.stderr


def test_wrong_formula_kind(renja, data_copy: Path) -> None:
    path = data_copy / "targets-2025.yaml"
    _edit(
        path,
        "formula: {jenis: nilai}\n        pendahulu: [IKU.13]",
        "formula: {jenis: median}\n        pendahulu: [IKU.13]",
    )
    result = renja("capaian", "--tahun", "2025", "--data", str(data_copy))
    assert result.exit_code == 1
    assert "IKK.12 → formula: jenis 'median' tidak dikenal" in result.stderr


def test_empty_and_non_utf8_files(renja, data_copy: Path) -> None:
    (data_copy / "realisasi" / "2025" / "tw1.yaml").write_text("", encoding="utf-8")
    (data_copy / "realisasi" / "2025" / "tw2.yaml").write_bytes(b"tahun: 2025\nket: \xff\n")
    result = renja("capaian", "--tahun", "2025", "--data", str(data_copy))
    assert result.exit_code == 1
    assert "tw1.yaml:1:1: R007 berkas kosong" in result.stderr
    assert "tw2.yaml:2: R008" in result.stderr


def test_realisasi_year_mismatch(renja, data_copy: Path) -> None:
    _edit(data_copy / "realisasi" / "2025" / "tw1.yaml", "tahun: 2025", "tahun: 2024")
    result = renja("capaian", "--tahun", "2025", "--data", str(data_copy))
    assert result.exit_code == 1
    assert "tahun 2024 tidak sesuai folder realisasi/2025" in result.stderr


def test_internal_errors_never_show_a_traceback(renja, monkeypatch: pytest.MonkeyPatch) -> None:
    import renja_cli.laporan.capaian

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("rusak")

    monkeypatch.setattr(renja_cli.laporan.capaian, "susun_capaian", boom)
    result = renja("capaian", "--tahun", "2025", "--data", str(DATA))
    assert result.exit_code == 3
    assert "galat internal" in result.stderr
    _no_traceback(result.output)
