"""``renja validasi``: example folders, hygiene, formats and exit codes."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import BUNDLED, DATA, REPO

EXAMPLES = Path(__file__).parent / "examples"
INVALID = yaml.safe_load((EXAMPLES / "invalid" / "manifest.yaml").read_text())
VALID = yaml.safe_load((EXAMPLES / "valid" / "manifest.yaml").read_text())


def _base(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(EXAMPLES / "base", root)
    shutil.copy(DATA / "instansi.yaml", root / "instansi.yaml")
    shutil.copy(DATA / "skala.yaml", root / "skala.yaml")
    return root


def _place(root: Path, folder: str, case: dict) -> Path:
    """Put a case into a copy of the base folder; return where its problem is reported.

    Besides ``berkas`` → ``tempat``, a case may ``hapus`` base files, place ``lain``
    files too, or make ``tempat`` a FIFO, a broken link or a folder (``jenis``).
    """
    for name in case.get("hapus", []):
        (root / name).unlink()
    for extra in case.get("lain", []):
        _copy(EXAMPLES / folder / extra["berkas"], root / extra["tempat"])
    target = root / case["tempat"]
    target.parent.mkdir(parents=True, exist_ok=True)
    jenis = case.get("jenis", "berkas")
    if jenis == "fifo":
        os.mkfifo(target)
    elif jenis == "tautan_rusak":
        target.symlink_to(target.parent / "tidak-ada.csv")
    elif jenis == "folder":
        target.mkdir()
    else:
        _copy(EXAMPLES / folder / case["berkas"], target)
    return root / case.get("lokasi", case["tempat"])


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(source, target)


def _json(renja, *args: str) -> tuple[int, dict]:
    result = renja("validasi", *args, "--format", "json")
    assert "Traceback" not in result.output
    return result.exit_code, json.loads(result.stdout)


def test_base_example_is_valid(renja, tmp_path: Path) -> None:
    code, out = _json(renja, str(_base(tmp_path)))
    assert code == 0, out
    assert out["galat"] == 0 and out["peringatan"] == 0 and out["indikator"] == 3


@pytest.mark.parametrize("case", VALID, ids=[c["berkas"] for c in VALID])
def test_valid_examples(renja, tmp_path: Path, case: dict) -> None:
    root = _base(tmp_path)
    _place(root, "valid", case)
    code, out = _json(renja, str(root), "--ketat")
    assert code == 0, out["masalah"]


@pytest.mark.parametrize("case", INVALID, ids=[c.get("nama", c.get("berkas")) for c in INVALID])
def test_invalid_examples(renja, tmp_path: Path, case: dict) -> None:
    root = _base(tmp_path)
    target = _place(root, "invalid", case)
    code, out = _json(renja, str(root))
    assert code == 1
    found = [
        (m["kode"], m["baris"])
        for m in out["masalah"]
        if m["berkas"] and Path(m["berkas"]).resolve() == target.resolve()
    ]
    assert (case["kode"], case["baris"]) in found, out["masalah"]
    for m in out["masalah"]:
        assert m["pesan"] and m["kode"].startswith("R")


def test_bundled_data_is_valid(renja) -> None:
    code, out = _json(renja, str(DATA), "--ketat")
    assert code == 0, out["masalah"]
    assert out["indikator"] == 27


def test_every_error_at_once_grouped_per_file(renja, tmp_path: Path) -> None:
    root = _base(tmp_path)
    tw1 = root / "realisasi" / "2030" / "tw1.yaml"
    tw1.write_text(tw1.read_text() + "  IKK.9: {nilai: 1}\n  IKK.8: {nilai: 2}\n")
    (root / "realisasi" / "2030" / "tw1" / "merit.csv").write_text(
        "instansi,nilai\nKabupaten Badong,300\n"
    )
    result = renja("validasi", str(root))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert any(line.endswith("tw1.yaml") for line in lines)
    assert sum(": R203 " in line for line in lines) == 2
    assert "maksud Anda: Kabupaten Badung" in result.stdout
    assert lines[-1] == "5 berkas, 3 indikator, 3 galat, 0 peringatan"


def test_schema_error_speaks_the_users_vocabulary(renja, tmp_path: Path) -> None:
    root = _base(tmp_path)
    targets = root / "targets-2030.yaml"
    targets.write_text(targets.read_text().replace("target: {pk: 50}", "target: {pk: lima}"))
    result = renja("validasi", str(root))
    assert "targets-2030.yaml:25:" in result.stdout
    assert "R103 IKK.3 → target.pk: harus berupa angka" in result.stdout


def test_strict_makes_warnings_fail(renja, tmp_path: Path) -> None:
    root = _base(tmp_path)
    (root / "catatan.txt").write_text("x")
    assert renja("validasi", str(root)).exit_code == 0
    result = renja("validasi", str(root), "--ketat")
    assert result.exit_code == 1
    assert "R010 (peringatan)" in result.stdout


def test_unused_csv_is_reported(renja, tmp_path: Path) -> None:
    root = _base(tmp_path)
    (root / "realisasi" / "2030" / "tw1" / "lain.csv").write_text("a,b\n1,2\n")
    code, out = _json(renja, str(root))
    assert code == 0
    assert [m["kode"] for m in out["masalah"]] == ["R011"]


def test_single_file_argument(renja) -> None:
    result = renja("validasi", str(DATA / "targets-2025.yaml"))
    assert result.exit_code == 0
    assert "1 berkas, 13 indikator, 0 galat" in result.stdout


def test_missing_path_is_usage_error(renja, tmp_path: Path) -> None:
    result = renja("validasi", str(tmp_path / "tidak-ada"))
    assert result.exit_code == 2
    assert "tidak ditemukan" in result.stderr


def test_github_format_and_auto_detection(
    renja, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _base(tmp_path)
    tw1 = root / "realisasi" / "2030" / "tw1.yaml"
    tw1.write_text(tw1.read_text() + "  IKK.9: {nilai: 1}\n")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = renja("validasi", str(root))
    assert result.exit_code == 1
    line = next(x for x in result.stdout.splitlines() if x.startswith("::error "))
    assert f"file={tw1}".replace(":", "%3A") in line or f"file={tw1}" in line
    assert ",line=6,col=3,title=R203::IKK.9: indikator IKK.9 tidak ada" in line


def test_markdown_format(renja, tmp_path: Path) -> None:
    root = _base(tmp_path)
    tw1 = root / "realisasi" / "2030" / "tw1.yaml"
    tw1.write_text(tw1.read_text() + "  IKK.9: {nilai: 1}\n")
    result = renja("validasi", str(root), "--format", "markdown")
    assert result.stdout.startswith("## renja validasi: ❌ tidak valid")
    assert "| R203 | galat |" in result.stdout


def test_alias_bomb_is_refused_at_the_first_alias(renja, tmp_path: Path) -> None:
    """Refused while composing, before any expansion (timing: bench/bench_validasi.py)."""
    root = _base(tmp_path)
    shutil.copy(EXAMPLES / "invalid" / "bom-alias.yaml", root / "realisasi/2030/tw1.yaml")
    result = renja("validasi", str(root))
    assert result.exit_code == 1
    assert "tw1.yaml:2:4: R003" in result.stdout
    assert "R012" not in result.stdout  # no follow-on warning about the period folder


def test_schema_command_matches_committed_schema(renja) -> None:
    for name in ("targets", "realisasi", "instansi", "skala"):
        result = renja("skema", "--jenis", name)
        assert result.exit_code == 0
        committed = (REPO / "schema" / f"{name}.schema.json").read_text()
        assert result.stdout == committed, (
            f"schema/{name}.schema.json is stale: renja skema -o schema"
        )


def test_schema_written_to_folder(renja, tmp_path: Path) -> None:
    result = renja("skema", "--keluaran", str(tmp_path))
    assert result.exit_code == 0
    schema = json.loads((tmp_path / "targets.schema.json").read_text())
    assert schema["additionalProperties"] is False
    assert "sasaran" in schema["properties"]


def test_bundled_yaml_files_point_to_their_schema() -> None:
    for path in [*BUNDLED.glob("*.yaml"), *BUNDLED.glob("realisasi/*/*.yaml")]:
        first = path.read_text().splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        schema = (path.parent / first.split("=", 1)[1]).resolve()
        assert schema.exists(), (path, schema)


def test_github_step_summary(renja, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = renja("validasi", str(_base(tmp_path)))
    assert result.exit_code == 0
    assert summary.read_text().startswith("## renja validasi: ✅ valid")


def test_period_folder_without_its_yaml(renja, tmp_path: Path) -> None:
    root = _base(tmp_path)
    folder = root / "realisasi" / "2030" / "tw2"
    folder.mkdir()
    (folder / "merit.csv").write_text("instansi,nilai\nKAB-BADUNG,300\n")
    code, out = _json(renja, str(root))
    assert code == 0
    assert [m["kode"] for m in out["masalah"]] == ["R012"]


def test_an_unreadable_quarter_adds_no_made_up_running_totals(renja, data_copy: Path) -> None:
    """tw2.yaml broken: its own error, not a cumulative R206 computed without it."""
    tw2 = data_copy / "realisasi" / "2025" / "tw2.yaml"
    tw2.write_text(tw2.read_text(encoding="utf-8") + "ditutup: 2025-13-01\n", encoding="utf-8")
    result = renja("validasi", str(data_copy), "--format", "json")
    assert result.exit_code == 1
    codes = {m["kode"] for m in json.loads(result.stdout)["masalah"]}
    assert codes == {"R103"}


def test_spending_above_the_pagu_is_an_error_in_every_command(renja, data_copy: Path) -> None:
    """A running total typed as the quarter's own spending: serapan 136,72 % is refused."""
    tw3 = data_copy / "realisasi" / "2025" / "tw3.yaml"
    text = tw3.read_text(encoding="utf-8")
    assert "  SK.1: 240000000\n" in text
    tw3.write_text(text.replace("  SK.1: 240000000\n", "  SK.1: 800000000\n"), encoding="utf-8")
    where = f"{tw3}:{text.splitlines().index('  SK.1: 240000000') + 1}:9: R221"
    for args in (
        ("validasi", str(data_copy)),
        ("ringkasan", "--tahun", "2025", "--triwulan", "3", "--data", str(data_copy)),
        ("capaian", "--tahun", "2025", "--data", str(data_copy)),
    ):
        result = renja(*args)
        assert result.exit_code == 1, args
        assert where in result.output and "Rp 1.210.000.000 melebihi pagu" in result.output
    # up to TW II the same data is within the pagu
    ok = renja("ringkasan", "--tahun", "2025", "--triwulan", "2", "--data", str(data_copy))
    assert ok.exit_code == 1  # the year's files are checked as a whole, like validasi


def test_quarterly_target_zero_is_refused_where_it_stands(
    renja, data_copy: Path, tmp_path: Path
) -> None:
    """A quarterly target of 0 is R216 at its value, like an annual one, in validasi and
    every command (ringkasan divided by it: an internal ValidationError)."""
    path = data_copy / "targets-2025.yaml"
    text = path.read_text(encoding="utf-8")
    old = "        target: {pk: 99}\n        target_triwulan: {1: 99, 2: 99, 3: 99, 4: 99}\n"
    assert text.count(old) == 1  # IKK.12
    line = text[: text.index(old)].count("\n") + 2
    new = old.replace("3: 99,", "3: 0,")
    path.write_text(text.replace(old, new), encoding="utf-8")
    column = new.splitlines()[1].index("3: 0") + 4
    where = f"{path}:{line}:{column}: R216 IKK.12 → target_triwulan.3"
    data = ("--data", str(data_copy))
    for args in (
        ("validasi", str(data_copy)),
        ("ringkasan", "--tahun", "2025", *data),
        ("pohon", "--tahun", "2025", *data),
        ("capaian", "--tahun", "2025", *data),
        (
            "laporan",
            "--tahun",
            "2025",
            "--jenis",
            "triwulan",
            "-o",
            str(tmp_path / "m.html"),
            *data,
        ),
        (
            "laporan",
            "--tahun",
            "2025",
            "--jenis",
            "evaluasi",
            "-o",
            str(tmp_path / "e.html"),
            *data,
        ),
    ):
        result = renja(*args)
        assert result.exit_code == 1, (args, result.output)
        assert where in result.output, (args, result.output)
        assert "internal" not in result.output


def test_tw4_beside_tahunan_points_out_what_the_year_end_ignores(renja, data_copy: Path) -> None:
    """The year-end figure comes from tahunan.yaml alone: a tw4-only or different figure
    is a warning (R222), located in tahunan.yaml."""
    year = data_copy / "realisasi" / "2025"
    head = "tahun: 2025\nperiode: {p}\ncontoh: true\nrealisasi:\n"
    (year / "tw4.yaml").write_text(
        head.format(p="tw4") + "  IKK.11: {nilai: 80}\n  IKK.12: {nilai: 99.5}\n", encoding="utf-8"
    )
    (year / "tahunan.yaml").write_text(
        head.format(p="tahunan") + "  IKK.12: {nilai: 97}\n", encoding="utf-8"
    )
    code, out = _json(renja, str(data_copy))
    warned = {m["pesan"] for m in out["masalah"] if m["kode"] == "R222"}
    assert warned == {
        "IKK.11 ada di tw4.yaml (80) tetapi tidak di tahunan.yaml; capaian akhir tahun "
        "memakai tahunan.yaml saja: belum ada data",
        "IKK.12: s.d. TW IV 99,5 tetapi tahunan.yaml 97; capaian akhir tahun memakai tahunan.yaml",
    }
    assert all(m["berkas"].endswith("tahunan.yaml") for m in out["masalah"] if m["kode"] == "R222")
    assert code == 0 and renja("validasi", str(data_copy), "--ketat").exit_code == 1


@pytest.mark.parametrize(
    "name", ["arsip-digital.csv", "rekomendasi-wasdal.csv", "pembinaan-merit.csv"]
)
def test_header_only_record_file_is_pointed_out(renja, data_copy: Path, name: str) -> None:
    path = data_copy / "realisasi" / "2025" / "tw3" / name
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    code, out = _json(renja, str(data_copy))
    warned = [m for m in out["masalah"] if m["kode"] == "R314"]
    assert [(m["berkas"], m["baris"]) for m in warned] == [(str(path), 1)]
    assert code == 0  # a warning: --ketat fails


def test_a_survey_file_read_from_outside_the_quarter_folder_is_not_unread(
    renja, tmp_path: Path
) -> None:
    """``survei: ../bersama/survei-ikm-*.csv``: validasi knows the file is read because it
    asks the formula which files it reads (it used its own pattern rule, limited to the
    quarter's folder, and warned R012 'rekaman ini tidak dibaca' for a file IKK.1 reads)."""
    import shutil

    from tests.test_cache_berkas import _survei_di_luar_folder

    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    survey = _survei_di_luar_folder(root)
    capaian = renja("rincian", "IKK.1", "--tahun", "2025", "--data", str(root), "-f", "json")
    assert capaian.exit_code == 0, capaian.output
    assert survey.name in capaian.stdout  # the figure is read from it
    result = renja("validasi", str(root), "--format", "json")
    assert result.exit_code == 0, result.output
    assert survey.name not in result.stdout
    assert '"R012"' not in result.stdout and '"R011"' not in result.stdout
