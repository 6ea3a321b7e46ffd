"""The eight findings of issue 8, each reproduced: one rule in one place, and no
input that changes a figure without a located, coded error."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from renja_cli.data.folder import DataSource
from renja_cli.laporan.capaian import susun_capaian
from renja_cli.laporan.rincian import susun_rincian
from renja_cli.laporan.ringkasan import susun_ringkasan
from renja_cli.laporan.tren import susun_tren
from renja_cli.render.rincian import kalimat
from tests.pembangun import folder, indikator


def _json(renja, *args: str) -> object:
    result = renja(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# --- 1. the running-total rule lives once --------------------------------


@pytest.fixture
def reset_data(tmp_path: Path) -> Path:
    """TW I 8/10, TW II a direct 40 (the running total to date), TW III 1/10."""
    ind = indikator(
        formula={"jenis": "rasio", "pembilang": "selesai", "penyebut": "butir"},
        periode="kumulatif",
    )
    return folder(
        tmp_path / "data",
        [ind],
        {
            "tw1": {"IKK.1": {"pembilang": 8, "penyebut": 10}},
            "tw2": {"IKK.1": {"nilai": 40}},
            "tw3": {"IKK.1": {"pembilang": 1, "penyebut": 10}},
        },
    )


def test_direct_value_resets_the_count_in_every_command(reset_data: Path) -> None:
    source = DataSource(reset_data, "uji")
    row = susun_capaian(source, 2030, 3).baris[0]
    assert row.realisasi == 10
    lap = susun_rincian(source, 2030, "IKK.1", 3)
    assert (lap.pembilang, lap.penyebut) == (1, 10)
    assert kalimat(lap).startswith("1 / 10 × 100 = 10 %")
    proyeksi = susun_ringkasan(source, 2030, 3).baris[0].proyeksi
    assert proyeksi.dibutuhkan == 4  # 5 of 10 reach 50 %; 1 done


# --- 2. capaian settings resolved once ------------------------------------


@pytest.fixture
def settings_data(tmp_path: Path) -> Path:
    ind = indikator(
        satuan="indeks",
        arah="turun",
        target={"pk": 10},
        riwayat={2029: {"target": 10, "realisasi": 6.25}},
        target_triwulan={1: 10},
    )
    mean = indikator(
        "IKK.2",
        satuan="indeks",
        target={"pk": 100},
        formula={
            "jenis": "rata_rata",
            "komponen": [
                {"kode": "a", "nama": "A", "target": 100},
                {"kode": "b", "nama": "B", "target": 100},
            ],
        },
    )
    return folder(
        tmp_path / "data",
        [ind, mean],
        {"tw1": {"IKK.1": {"nilai": 6.25}, "IKK.2": {"komponen": {"a": 200, "b": 100}}}},
        pengaturan={
            "aturan_turun": "target_per_realisasi",
            "batas_capaian": 110,
            "ambang_tercapai": 90,
        },
    )


def test_history_and_current_year_use_the_same_settings(settings_data: Path) -> None:
    lap = susun_tren(DataSource(settings_data, "uji"), "IKK.1")
    by_year = {(t.tahun, t.periode): t for t in lap.titik}
    assert by_year[(2029, "tahunan")].capaian == 110  # 10 / 6,25 = 160 %, capped
    assert by_year[(2030, "tw1")].capaian == 110


def test_components_are_capped_and_judged_by_the_threshold(settings_data: Path) -> None:
    lap = susun_rincian(DataSource(settings_data, "uji"), 2030, "IKK.2", 1)
    komponen = {k.kode: k for k in lap.komponen}
    assert komponen["a"].capaian == 110
    assert komponen["b"].status == "tercapai"


def test_trend_status_follows_the_threshold(tmp_path: Path) -> None:
    root = folder(
        tmp_path / "data",
        [
            indikator(
                satuan="indeks",
                target={"pk": 100},
                riwayat={2029: {"target": 100, "realisasi": 95}},
            )
        ],
        {"tw1": {"IKK.1": {"nilai": 95}}},
        pengaturan={"ambang_tercapai": 90},
    )
    lap = susun_tren(DataSource(root, "uji"), "IKK.1")
    assert {t.status for t in lap.titik} == {"tercapai"}  # 95 % ≥ 90 %, not ≥ 100


# --- 3. validasi and capaian agree ----------------------------------------


def test_zero_under_target_per_realisasi_is_located_everywhere(renja, tmp_path: Path) -> None:
    root = folder(
        tmp_path / "data",
        [
            indikator(
                satuan="indeks", arah="turun", aturan_turun="target_per_realisasi", target={"pk": 5}
            )
        ],
        {"tw1": {"IKK.1": {"nilai": 0}}},
    )
    check = renja("validasi", str(root), "--ketat")
    assert check.exit_code == 1
    assert "tw1.yaml:5:12: R208" in check.stdout
    for command in (["capaian"], ["ringkasan"], ["rincian", "IKK.1"]):
        result = renja(*command, "--tahun", "2030", "--data", str(root))
        assert result.exit_code == 1, result.output
        assert "tw1.yaml:5:12: R208" in result.stderr


@pytest.mark.parametrize(
    ("realisasi", "code"),
    [
        ({"nilai": 988}, "R207"),
        ({"pembilang": 9, "penyebut": 4}, "R206"),
        ({"pembilang": 7, "penyebut": 0}, "R206"),
    ],
)
def test_out_of_range_realisasi_stops_every_command(
    renja, tmp_path: Path, realisasi: dict[str, int], code: str
) -> None:
    ind = indikator(formula={"jenis": "rasio", "pembilang": "a", "penyebut": "b"})
    root = folder(tmp_path / "data", [ind], {"tw1": {"IKK.1": realisasi}})
    assert code in renja("validasi", str(root)).stdout
    for command in (["capaian"], ["ringkasan"], ["rincian", "IKK.1"], ["tren", "IKK.1"]):
        extra = [] if command[0] == "tren" else ["--tahun", "2030"]
        result = renja(*command, *extra, "--data", str(root))
        assert result.exit_code == 1, (command, result.output)
        assert code in result.stderr and "tw1.yaml:" in result.stderr


@pytest.mark.parametrize("periode", ["terakhir", "kumulatif"])
def test_a_zero_denominator_is_r206_at_its_line(renja, tmp_path: Path, periode: str) -> None:
    """7 of 0 was skipped by the check (0 is falsy) and shown as 'belum ada data'."""
    formula = {"jenis": "rasio", "pembilang": "a", "penyebut": "b", "penyebut_tetap": 24}
    ind = indikator(formula=formula, periode=periode)
    root = folder(tmp_path / "data", [ind], {"tw1": {"IKK.1": {"pembilang": 7, "penyebut": 0}}})
    check = renja("validasi", str(root)).stdout
    assert "tw1.yaml:6:15: R206" in check and "7 dari 0" in check, check
    result = renja("capaian", "--tahun", "2030", "--data", str(root))
    assert result.exit_code == 1 and "tw1.yaml:6:15: R206" in result.stderr, result.output


@pytest.mark.parametrize(
    ("komponen", "line"), [({"a": 120, "b": 60}, "6:10"), ({"a": 80, "b": -5}, "7:10")]
)
def test_a_component_gets_its_indicators_range(
    renja, tmp_path: Path, komponen: dict[str, int], line: str
) -> None:
    """A percent's components are percentages: 120 and 60 made a mean of 90 %."""
    formula = {
        "jenis": "rata_rata",
        "komponen": [{"kode": "a", "nama": "A"}, {"kode": "b", "nama": "B"}],
    }
    root = folder(
        tmp_path / "data", [indikator(formula=formula)], {"tw1": {"IKK.1": {"komponen": komponen}}}
    )
    where = f"tw1.yaml:{line}: R207 IKK.1 → komponen."
    assert where in renja("validasi", str(root)).stdout
    result = renja("capaian", "--tahun", "2030", "--data", str(root))
    assert result.exit_code == 1 and where in result.stderr, result.output


def test_cumulative_numerator_above_denominator_stops_capaian(renja, tmp_path: Path) -> None:
    ind = indikator(
        formula={"jenis": "rasio", "pembilang": "a", "penyebut": "b"}, periode="kumulatif"
    )
    root = folder(
        tmp_path / "data",
        [ind],
        {
            "tw1": {"IKK.1": {"pembilang": 2, "penyebut": 2}},
            "tw2": {"IKK.1": {"pembilang": 3, "penyebut": 0}},
        },
    )
    result = renja("capaian", "--tahun", "2030", "--data", str(root))
    assert result.exit_code == 1
    assert "R206" in result.stderr and "pembilang kumulatif 5" in result.stderr
    assert "R206" in renja("validasi", str(root)).stdout


# --- 4. the CSV reader loses or shifts nothing ----------------------------

ARSIP_HEADER = (
    "nip,daftar_riwayat_hidup,sk_cpns,sk_pns,riwayat_pendidikan,spmt_cpns,"
    "riwayat_golongan,riwayat_jabatan,riwayat_pindah_instansi,riwayat_diklat"
)


def _arsip(tmp_path: Path, rows: list[str]) -> Path:
    ind = indikator(formula={"jenis": "arsip_digital", "berkas": "arsip.csv"})
    return folder(
        tmp_path / "data",
        [ind],
        {"tw1": {}},
        rekaman={"tw1": {"arsip.csv": "\n".join([ARSIP_HEADER, *rows]) + "\n"}},
    )


def _nip(k: int) -> str:
    return f"{198001062018051000 + k}"


def test_unclosed_quote_is_an_error_at_its_row(renja, tmp_path: Path) -> None:
    rows = [f"{_nip(k)},1,1,1,1,0,0,0,0,0" for k in range(5)]
    rows[2] = f'"{_nip(2)},1,1,1,1,0,0,0,0,0'
    root = _arsip(tmp_path, rows)
    result = renja("capaian", "--tahun", "2030", "--data", str(root))
    assert result.exit_code == 1
    assert "arsip.csv:4: R302" in result.stderr


def test_row_wider_than_header_names_the_decimal_comma(renja, tmp_path: Path) -> None:
    ind = indikator(
        formula={
            "jenis": "persentase_instansi",
            "berkas": "kualitas.csv",
            "kriteria": {"jenis": "predikat", "skala": "indeks_kualitas_data", "minimal": "Tinggi"},
        }
    )
    root = folder(
        tmp_path / "data",
        [ind],
        {"tw1": {}},
        rekaman={"tw1": {"kualitas.csv": "instansi,nilai\nKAB-BADUNG,92,10\n"}},
    )
    result = renja("capaian", "--tahun", "2030", "--data", str(root))
    assert result.exit_code == 1
    assert "kualitas.csv:2: R310" in result.stderr and "koma desimal" in result.stderr


def test_trailing_empty_header_cells_from_excel_are_ignored(renja, tmp_path: Path) -> None:
    root = _arsip(tmp_path, [f"{_nip(1)},1,1,1,1,0,0,0,0,0,,"])
    header_file = root / "realisasi" / "2030" / "tw1" / "arsip.csv"
    text = header_file.read_text().replace(ARSIP_HEADER, ARSIP_HEADER + ",,")
    header_file.write_text(text)
    rows = _json(renja, "capaian", "--tahun", "2030", "--data", str(root))
    assert rows[0]["realisasi"] == 100  # type: ignore[index]


# --- 5. one NIP, however Excel wrote it -----------------------------------


@pytest.mark.parametrize(
    "written", ["19800106 201805 1 001", "'198001062018051001", "198001062018051001.0"]
)
def test_the_same_nip_written_differently_is_a_duplicate(
    renja, tmp_path: Path, written: str
) -> None:
    root = _arsip(tmp_path, [f"{_nip(1)},1,1,1,1,0,0,0,0,0", f"{written},1,1,1,1,0,0,0,0,0"])
    result = renja("capaian", "--tahun", "2030", "--data", str(root))
    assert result.exit_code == 1
    assert "arsip.csv:3: R308 NIP 198001062018051001 ganda" in result.stderr


def test_nip_in_scientific_notation_is_refused_with_the_reason(renja, tmp_path: Path) -> None:
    root = _arsip(tmp_path, [f"{_nip(1)},1,1,1,1,0,0,0,0,0", '"1,98001E+17",1,1,1,1,0,0,0,0,0'])
    result = renja("capaian", "--tahun", "2030", "--data", str(root))
    assert result.exit_code == 1
    assert "arsip.csv:3: R311" in result.stderr and "Excel" in result.stderr


# --- 6. numbers, dates and look-alike names -------------------------------


@pytest.mark.parametrize(
    ("written", "code", "hint"),
    [
        ("012340", "R009", "tulis 12340"),
        ("123:40", "R103", "titik dua"),
        ("12.340", "R103", "pemisah ribuan"),
        ("12.000", "R103", "12.000 dibaca 12"),
        ("1" * 5000, "R009", "terlalu panjang"),
    ],
)
def test_counts_are_read_as_written(
    renja, tmp_path: Path, written: str, code: str, hint: str
) -> None:
    ind = indikator(
        formula={"jenis": "rasio", "pembilang": "a", "penyebut": "b", "penyebut_tetap": 199820}
    )
    root = folder(tmp_path / "data", [ind], {"tw1": {}})
    path = root / "realisasi" / "2030" / "tw1.yaml"
    path.write_text(f"tahun: 2030\nperiode: tw1\nrealisasi:\n  IKK.1:\n    pembilang: {written}\n")
    for args in (["capaian", "--tahun", "2030", "--data", str(root)], ["validasi", str(root)]):
        result = renja(*args)
        assert result.exit_code == 1, result.output
        assert f"tw1.yaml:5:16: {code}" in result.output and hint in result.output
        assert "Traceback" not in result.output


def test_register_row_dated_after_its_quarter(renja, tmp_path: Path) -> None:
    ind = indikator(
        formula={"jenis": "rasio", "pembilang": "a", "penyebut": "b", "berkas": "rek.csv"}
    )
    root = folder(
        tmp_path / "data",
        [ind],
        {"tw2": {}},
        rekaman={
            "tw2": {"rek.csv": "nomor,triwulan_terbit,ditindaklanjuti\nR1,1,ya\nR2,3,tidak\n"}
        },
    )
    result = renja("capaian", "--tahun", "2030", "--data", str(root))
    assert result.exit_code == 1
    assert "rek.csv:3: R312" in result.stderr


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("Kabupaten\u200b Badung", "Kabupaten⟨U+200B⟩ Badung"),
        ("Kаbupaten Bangli", "K⟨U+0430⟩bupaten"),
    ],
)
def test_invisible_characters_are_shown(renja, tmp_path: Path, written: str, shown: str) -> None:
    ind = indikator(
        formula={"jenis": "persentase_instansi", "berkas": "s.csv", "kriteria": {"jenis": "status"}}
    )
    root = folder(
        tmp_path / "data",
        [ind],
        {"tw1": {}},
        rekaman={"tw1": {"s.csv": f"instansi,memenuhi\n{written},ya\n"}},
    )
    result = renja("validasi", str(root))
    assert f"'{shown}" in result.stdout and "R306" in result.stdout


# --- 7. files are never chosen or skipped silently ------------------------


def test_two_files_for_one_quarter(renja, tmp_path: Path) -> None:
    root = folder(tmp_path / "data", [indikator()], {"tw3": {"IKK.1": {"nilai": 40}}})
    (root / "realisasi" / "2030" / "tw3.yml").write_text("tahun: 2030\nperiode: tw3\n")
    for args in (["capaian", "--tahun", "2030", "--data", str(root)], ["validasi", str(root)]):
        result = renja(*args)
        assert result.exit_code == 1
        assert "R013" in result.output and "tw3.yaml dan tw3.yml" in result.output


def test_two_targets_files(renja, tmp_path: Path) -> None:
    root = folder(tmp_path / "data", [indikator()])
    (root / "targets-2030.yml").write_text((root / "targets-2030.yaml").read_text())
    result = renja("capaian", "--tahun", "2030", "--data", str(root))
    assert result.exit_code == 1 and "R013" in result.stderr


@pytest.mark.parametrize("kind", ["missing", "case", "broken_link"])
def test_record_file_missing_from_an_existing_quarter_folder(
    renja, tmp_path: Path, kind: str
) -> None:
    ind = indikator(formula={"jenis": "arsip_digital", "berkas": "arsip.csv"})
    good = ARSIP_HEADER + f"\n{_nip(1)},1,1,1,1,0,0,0,0,0\n"
    root = folder(
        tmp_path / "data",
        [ind],
        {"tw1": {}, "tw2": {}},
        rekaman={"tw1": {"arsip.csv": good}, "tw2": {"lain.csv": "x\n"}},
    )
    tw2 = root / "realisasi" / "2030" / "tw2"
    if kind == "case":
        (tw2 / "Arsip.csv").write_text(good)
    elif kind == "broken_link":
        (tw2 / "arsip.csv").symlink_to(tw2 / "tidak-ada.csv")
    result = renja("capaian", "--tahun", "2030", "--triwulan", "2", "--data", str(root))
    assert result.exit_code == 1, result.output  # never TW I's value in silence
    expected = {"missing": "R313", "case": "R013", "broken_link": "R000"}[kind]
    assert expected in result.stderr


def test_missing_record_file_as_no_data_by_setting(renja, tmp_path: Path) -> None:
    ind = indikator(formula={"jenis": "arsip_digital", "berkas": "arsip.csv"})
    root = folder(
        tmp_path / "data",
        [ind],
        {"tw1": {}, "tw2": {}},
        pengaturan={"berkas_hilang": "belum_ada_data"},
        rekaman={
            "tw1": {"arsip.csv": ARSIP_HEADER + f"\n{_nip(1)},1,1,1,1,0,0,0,0,0\n"},
            "tw2": {},
        },
    )
    rows = _json(renja, "capaian", "--tahun", "2030", "--triwulan", "2", "--data", str(root))
    row = rows[0]  # type: ignore[index]
    assert row["status"] == "belum_ada_data" and row["realisasi"] is None
    assert any("arsip.csv tidak ada" in k for k in row["keterangan"])
    rows = _json(renja, "capaian", "--tahun", "2030", "--triwulan", "1", "--data", str(root))
    assert rows[0]["periode_data"] == "tw1"  # type: ignore[index]


def test_machine_formats_say_which_period_a_value_comes_from(renja, tmp_path: Path) -> None:
    root = folder(
        tmp_path / "data",
        [indikator()],
        {"tw1": {"IKK.1": {"nilai": 40}}, "tw2": {}},
    )
    rows = _json(renja, "capaian", "--tahun", "2030", "--triwulan", "2", "--data", str(root))
    assert rows[0]["periode_data"] == "tw1"  # type: ignore[index]
    csv_text = renja(
        "capaian", "--tahun", "2030", "--triwulan", "2", "--format", "csv", "--data", str(root)
    ).stdout
    assert ",tw1,tw1," in csv_text
    markdown = renja(
        "capaian", "--tahun", "2030", "--triwulan", "2", "--format", "markdown", "--data", str(root)
    ).stdout
    assert "40 % [TW I]" in markdown


# --- 8. writing files ------------------------------------------------------


def test_output_onto_a_folder_or_unwritable_place_is_a_usage_error(renja, tmp_path: Path) -> None:
    from tests.conftest import DATA

    (tmp_path / "folder.md").mkdir()
    for target in (tmp_path / "folder.md", Path("/proc/renja-uji.md")):
        result = renja("ringkasan", "--tahun", "2025", "--data", str(DATA), "-o", str(target))
        assert result.exit_code == 2, result.output
        assert "U004" in result.stderr and "Traceback" not in result.output


def test_schema_onto_an_existing_file(renja, tmp_path: Path) -> None:
    target = tmp_path / "skema.json"
    target.write_text("{}")
    result = renja("skema", "-o", str(target))
    assert result.exit_code == 2 and "bukan folder" in result.stderr


def test_replacing_keeps_the_mode_and_new_files_follow_the_umask(renja, tmp_path: Path) -> None:
    from tests.conftest import DATA

    path = tmp_path / "monev.md"
    path.write_text("lama")
    path.chmod(0o644)
    args = ("ringkasan", "--tahun", "2025", "--data", str(DATA), "-o", str(path))
    assert renja(*args, "--timpa").exit_code == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    fresh = tmp_path / "baru.md"
    old = os.umask(0o027)
    try:
        assert (
            renja("ringkasan", "--tahun", "2025", "--data", str(DATA), "-o", str(fresh)).exit_code
            == 0
        )
    finally:
        os.umask(old)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o640


def test_ctrl_c_is_one_line_and_130(renja, monkeypatch: pytest.MonkeyPatch) -> None:
    import renja_cli.laporan.capaian

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(renja_cli.laporan.capaian, "susun_capaian", interrupted)
    result = renja("capaian", "--tahun", "2025")
    assert result.exit_code == 130
    assert result.stderr.strip() == "dibatalkan"


def test_ctrl_c_during_start_up(tmp_path: Path) -> None:
    """An interrupt while the app is still being imported: one line, exit 130."""
    script = (
        "import builtins, sys\n"
        "real = builtins.__import__\n"
        "def imp(name, *a, **k):\n"
        "    if name == 'typer':\n"
        "        raise KeyboardInterrupt\n"
        "    return real(name, *a, **k)\n"
        "builtins.__import__ = imp\n"
        "from renja_cli.cli import main\n"
        "main()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 130
    assert done.stderr.strip() == "dibatalkan"


def test_a_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    root = folder(tmp_path / "data", [indikator()], {"tw1": {"IKK.1": {"nilai": 40}}})
    fifo = root / "realisasi" / "2030" / "tw2.yaml"
    os.mkfifo(fifo)
    for args in (["capaian", "--tahun", "2030", "--data", str(root)], ["validasi", str(root)]):
        done = subprocess.run(
            [sys.executable, "-m", "renja_cli", *args],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        assert done.returncode == 1, done.stderr
        assert "R014" in done.stdout + done.stderr
