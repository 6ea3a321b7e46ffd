"""``renja ringkasan`` and ``renja tren``: period rules, projection, budget, exports."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from renja_cli.data.folder import DataSource
from renja_cli.errors import UsageError
from renja_cli.laporan.ringkasan import susun_ringkasan
from tests.conftest import DATA
from tests.pembangun import folder, indikator

EXAMPLES = Path(__file__).parent / "examples"


def _summary(renja, *args: str) -> dict:
    result = renja("ringkasan", "--tahun", "2025", "--format", "json", "--data", str(DATA), *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _rows(out: dict) -> dict[str, dict]:
    return {i["kode"]: i for s in out["sasaran"] for i in s["indikator"]}


def test_budget_absorption_and_efficiency(renja) -> None:
    out = _summary(renja, "--triwulan", "3")
    sk1 = next(s for s in out["sasaran"] if s["kode"] == "SK.1")["anggaran"]
    assert sk1["pagu"] == 885_000_000
    assert sk1["realisasi"] == 150_000_000 + 260_000_000 + 240_000_000
    assert sk1["serapan"] == pytest.approx(650 / 885 * 100)
    # IKK.1 93,69 (the TW III surveys) / 95; IKK.2 (88 + 82,4) / 2 = 85,2 / 82,5
    mean = (93.69 / 95 * 100 + 85.2 / 82.5 * 100) / 2
    assert sk1["capaian_kinerja"] == pytest.approx(mean)
    assert sk1["indeks_efisiensi"] == pytest.approx(mean / (650 / 885 * 100))
    sk2 = next(s for s in out["sasaran"] if s["kode"] == "SK.2")["anggaran"]
    assert sk2["serapan"] is None and sk2["indeks_efisiensi"] is None  # no budget, no ratio
    assert out["anggaran"]["pagu"] == 15_669_146_000


def test_quarter_target_and_change(renja) -> None:
    rows = _rows(_summary(renja, "--triwulan", "3"))
    ikk4 = rows["IKK.4"]
    assert ikk4["target_triwulan"] == 7.5
    assert ikk4["capaian_triwulan"] == pytest.approx(6.18 / 7.5 * 100)
    assert ikk4["perubahan"] == "naik"
    assert rows["IKK.8"]["perubahan"] is None  # no TW II figure to compare with
    assert rows["IKK.11"]["target_triwulan"] is None
    assert rows["IKK.11"]["status_triwulan"] == "belum_tercapai"  # falls back to the year


def test_quarter_status_follows_the_target_kind_chosen(renja, tmp_path: Path) -> None:
    """target_triwulan is the PK's rencana aksi: against --target renstra the status is
    the Renstra one, so ringkasan counts what capaian counts (IKK.1, 5, 9, 11, 12 have
    no Renstra target: belum ada data, not 'tercapai' against the PK's quarter)."""
    out = _summary(renja, "--target", "renstra")
    capaian = renja(
        "capaian", "--tahun", "2025", "-f", "json", "--target", "renstra", "--data", str(DATA)
    )
    assert capaian.exit_code == 0, capaian.output
    statuses = [r["status"] for r in json.loads(capaian.stdout)]
    assert out["jumlah_status"] == {s: statuses.count(s) for s in out["jumlah_status"]}
    rows = _rows(out)
    tanpa = {k for k, r in rows.items() if r["status_triwulan"] == "belum_ada_data"}
    assert tanpa == {"IKK.1", "IKK.5", "IKK.9", "IKK.11", "IKK.12"}
    for r in rows.values():
        assert r["target_triwulan"] is None and r["capaian_triwulan"] is None
        assert r["status_triwulan"] == r["status"]
        assert r["asumsi_target_triwulan"] == []
    # the monev report is built from the same summary
    laporan = renja(
        "laporan", "--tahun", "2025", "--jenis", "triwulan", "--target", "renstra",
        "-o", str(tmp_path / "monev.md"), "--data", str(DATA),
    )  # fmt: skip
    assert laporan.exit_code == 0, laporan.output
    text = (tmp_path / "monev.md").read_text(encoding="utf-8")
    assert "5 tercapai, 3 belum tercapai, 5 belum ada data" in text
    # the main target keeps its quarter targets
    assert _rows(_summary(renja, "--target", "pk"))["IKK.4"]["target_triwulan"] == 7.5


def test_quarter_target_without_the_annual_one_is_no_data(tmp_path: Path) -> None:
    """A quarter target beside a PK target not filled in judges nothing: capaian has no
    target either."""
    root = folder(
        tmp_path / "data",
        [indikator(target={"pk": None, "renstra": 40}, target_triwulan={1: 10, 2: 20})],
        {"tw1": {"IKK.1": {"nilai": 30}}},
    )
    lap = susun_ringkasan(DataSource(root, "uji"), 2030, 1)
    row = lap.baris[0]
    assert row.target_tw is None and row.status == "belum_ada_data"
    renstra = susun_ringkasan(DataSource(root, "uji"), 2030, 1, "renstra").baris[0]
    assert renstra.target_tw is None and renstra.status == "belum_tercapai"  # 30 / 40


def test_narratives_reach_the_attention_list(renja) -> None:
    out = _summary(renja, "--triwulan", "3")
    assert "IKK.4" in out["perlu_perhatian"] and "IKK.9" in out["perlu_perhatian"]
    assert "IKK.2" not in out["perlu_perhatian"]
    ikk9 = _rows(out)["IKK.9"]
    assert ikk9["kendala"] == ["Tindak lanjut 1 rekomendasi TW II menunggu keputusan PPK."]
    assert ikk9["rencana_tindak_lanjut"]


def test_projection_for_counts(renja) -> None:
    rows = _rows(_summary(renja, "--triwulan", "3"))
    # IKK.4: 9,26 % of 199.820 PNS = 18.503,3; but the realisasi is reported rounded to
    # 2 decimals, and 18.494 / 199.820 = 9,2553… is reported as 9,26 %: 18.494 suffice
    assert rows["IKK.4"]["proyeksi"]["status"] == "perlu"
    assert rows["IKK.4"]["proyeksi"]["dibutuhkan"] == 18_494 - 12_340
    # IKK.10: 18 of 24 RB actions done (cumulative), 6 to go in one quarter
    assert rows["IKK.10"]["proyeksi"]["dibutuhkan"] == 6
    assert rows["IKK.2"]["proyeksi"]["status"] == "tercapai"


@pytest.fixture
def mean_rule_data(tmp_path: Path) -> Path:
    """A one-indicator plan whose quarters combine by mean, target 95 on a 0-100 scale."""
    root = tmp_path / "data"
    shutil.copytree(EXAMPLES / "base", root)
    shutil.copy(DATA / "instansi.yaml", root)
    shutil.copy(DATA / "skala.yaml", root)
    (root / "targets-2030.yaml").write_text(
        "tahun: 2030\nkantor: Uji\njenis_indikator: IKK\nsasaran:\n"
        "  - kode: SK.1\n    nama: S\n    perspektif: customer\n    anggaran: 1000\n"
        "    indikator:\n"
        "      - {kode: IKK.1, nama: Rerata, satuan: persen, target: {pk: 95}, "
        "periode: rata_rata}\n"
        "      - {kode: IKK.2, nama: Jumlah, satuan: jumlah, target: {pk: 10}, "
        "periode: kumulatif}\n"
    )
    shutil.rmtree(root / "realisasi" / "2030")
    folder = root / "realisasi" / "2030"
    folder.mkdir(parents=True)
    for tw, (a, b, spent) in enumerate([(80, 2, 100), (70, 3, 200), (85, 1, 300)], start=1):
        (folder / f"tw{tw}.yaml").write_text(
            f"tahun: 2030\nperiode: tw{tw}\nrealisasi:\n  IKK.1: {{nilai: {a}}}\n"
            f"  IKK.2: {{nilai: {b}}}\nanggaran: {{SK.1: {spent}}}\n"
        )
    return root


def test_mean_and_cumulative_rules(mean_rule_data: Path) -> None:
    lap = susun_ringkasan(DataSource(mean_rule_data, "uji"), 2030, 2)
    rows = {r.tahunan.kode: r for r in lap.baris}
    assert rows["IKK.1"].tahunan.realisasi == pytest.approx(75.0)  # (80 + 70) / 2
    assert rows["IKK.2"].tahunan.realisasi == pytest.approx(5.0)  # 2 + 3
    assert lap.panel[0].anggaran.serapan == pytest.approx(30.0)  # (100 + 200) / 1000


def test_unreachable_projection(mean_rule_data: Path) -> None:
    lap = susun_ringkasan(DataSource(mean_rule_data, "uji"), 2030, 3)
    rows = {r.tahunan.kode: r for r in lap.baris}
    ikk1 = rows["IKK.1"].proyeksi
    # mean of four quarters must be 95: TW IV would need 4 × 95 − 235 = 145 > 100
    assert ikk1.status == "tidak_terjangkau"
    assert ikk1.dibutuhkan == pytest.approx(145)
    ikk2 = rows["IKK.2"].proyeksi
    assert ikk2.status == "perlu" and ikk2.dibutuhkan == pytest.approx(4)


def test_year_over_is_unreachable(mean_rule_data: Path) -> None:
    folder = mean_rule_data / "realisasi" / "2030"
    (folder / "tw4.yaml").write_text(
        "tahun: 2030\nperiode: tw4\nrealisasi:\n  IKK.1: {nilai: 90}\n  IKK.2: {nilai: 1}\n"
    )
    lap = susun_ringkasan(DataSource(mean_rule_data, "uji"), 2030, 4)
    assert {r.proyeksi.status for r in lap.baris} == {"tidak_terjangkau"}


def test_table_has_panels_chart_and_attention(renja) -> None:
    result = renja("ringkasan", "--tahun", "2025", "--triwulan", "3", "--data", str(DATA))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "SK.7 Meningkatnya kualitas pengelolaan keuangan" in out
    assert "serapan 73,45 %" in out
    assert "┃ = 100 %" in out and "IKK.4  ██" in out
    assert "Perlu perhatian" in out and "Percepatan fasilitasi" in out
    assert "▲" in out
    assert max(len(line) for line in out.splitlines()) <= 100


def test_markdown_and_csv(renja) -> None:
    md = renja("ringkasan", "--tahun", "2025", "--format", "markdown", "--data", str(DATA))
    assert md.stdout.startswith("# Ringkasan Triwulan 3 Tahun 2025")
    assert "| SK.1 | Rp 885.000.000 | Rp 650.000.000 | 73,45 % |" in md.stdout
    assert "## Perlu perhatian" in md.stdout and "## Proyeksi akhir tahun" in md.stdout
    csv_out = renja("ringkasan", "--tahun", "2025", "--format", "csv", "--data", str(DATA))
    assert csv_out.stdout.splitlines()[0].startswith("kode,sasaran,nama,satuan,target_triwulan")
    assert len(csv_out.stdout.splitlines()) == 14


def test_xlsx_export(renja, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "ringkasan.xlsx"
    result = renja(
        "ringkasan",
        "--tahun",
        "2025",
        "--triwulan",
        "3",
        "--data",
        str(DATA),
        "--keluaran",
        str(path),
    )
    assert result.exit_code == 0, result.output
    wb = load_workbook(path)
    assert wb.sheetnames == [
        "Keterangan",
        "Capaian",
        "Grafik",
        "Anggaran",
        "Perlu perhatian",
        "Proyeksi",
    ]
    ws = wb["Capaian"]
    assert ws.freeze_panes == "D4"
    header = [c.value for c in ws[3]]
    assert header[:3] == ["Sasaran", "Kode", "Indikator"]
    row = next(r for r in ws.iter_rows(min_row=4) if r[1].value == "IKK.5")
    assert row[8].value == 106.07  # stored as the report shows it, not a formula
    assert row[8].number_format == '0.00" %"'
    budget = wb["Anggaran"]
    assert budget["C4"].value == 885_000_000 and budget["C4"].number_format == '"Rp "#,##0'
    for sheet in wb.worksheets:
        for cells in sheet.iter_rows():
            for cell in cells:
                assert cell.data_type != "f"
    assert ws.column_dimensions["C"].width >= 20
    assert "DATA CONTOH" in wb["Keterangan"]["B10"].value


@pytest.mark.parametrize(
    ("suffix", "start"), [(".md", b"# Ringkasan"), (".csv", b"kode,"), (".json", b"{")]
)
def test_text_exports(renja, tmp_path: Path, suffix: str, start: bytes) -> None:
    path = tmp_path / f"r{suffix}"
    result = renja("ringkasan", "--tahun", "2025", "--data", str(DATA), "-o", str(path))
    assert result.exit_code == 0
    assert path.read_bytes().startswith(start)


def test_existing_file_needs_timpa(renja, tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    path.write_text("lama")
    result = renja("ringkasan", "--tahun", "2025", "--data", str(DATA), "-o", str(path))
    assert result.exit_code == 2
    assert "--timpa" in result.stderr
    assert path.read_text() == "lama"
    result = renja("ringkasan", "--tahun", "2025", "--data", str(DATA), "-o", str(path), "--timpa")
    assert result.exit_code == 0
    assert path.read_text().startswith("# Ringkasan")


def test_write_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from renja_cli.io import tulis as output

    path = tmp_path / "r.md"
    path.write_text("lama")

    def broken_replace(self: Path, target: Path) -> Path:
        raise OSError("disk penuh")

    monkeypatch.setattr(Path, "replace", broken_replace)
    with pytest.raises(UsageError, match="disk penuh"):
        output.tulis_atomik(path, b"baru", timpa=True)
    assert path.read_text() == "lama"
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]  # no temporary file left


def test_input_files_are_never_written(renja, data_copy: Path) -> None:
    before = {p: p.read_bytes() for p in data_copy.rglob("*") if p.is_file()}
    target = data_copy / "targets-2025.yaml"
    result = renja(
        "ringkasan",
        "--tahun",
        "2025",
        "--data",
        str(data_copy),
        "-o",
        str(data_copy / "ringkasan.md"),
        "--timpa",
    )
    assert result.exit_code == 2
    assert "folder data masukan" in result.stderr
    result = renja(
        "ringkasan",
        "--tahun",
        "2025",
        "--data",
        str(data_copy),
        "-o",
        str(target.with_suffix(".csv")),
        "--timpa",
    )
    assert result.exit_code == 2
    assert before == {p: p.read_bytes() for p in data_copy.rglob("*") if p.is_file()}


def test_unknown_export_suffix(renja, tmp_path: Path) -> None:
    result = renja(
        "ringkasan", "--tahun", "2025", "--data", str(DATA), "-o", str(tmp_path / "r.pdf")
    )
    assert result.exit_code == 2
    assert ".xlsx" in result.stderr


def test_openpyxl_is_imported_only_for_xlsx(tmp_path: Path) -> None:
    code = (
        "import sys, contextlib, io\n"
        "from renja_cli.cli.app import app\n"
        "sys.argv = ['renja', 'ringkasan', '--tahun', '2025', '--format', 'json']\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try: app()\n"
        "    except SystemExit: pass\n"
        "print('openpyxl' in sys.modules)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=True
    )
    assert proc.stdout.strip() == "False"


def test_trend_of_an_iku(renja) -> None:
    result = renja("tren", "IKU.3", "--format", "json", "--data", str(DATA))
    assert result.exit_code == 0, result.output
    points = json.loads(result.stdout)["titik"]
    assert [(p["tahun"], p["realisasi"]) for p in points] == [
        (2020, 85.2),
        (2021, 86.51),
        (2022, 89.27),
        (2023, 91.1),
        (2024, 93.93),
    ]
    assert points[-1]["capaian"] == pytest.approx(98.87, abs=0.01)


def test_trend_continues_from_predecessor_by_quarter(renja) -> None:
    result = renja("tren", "IKK.12", "--format", "json", "--data", str(DATA))
    points = json.loads(result.stdout)["titik"]
    labels = [(p["tahun"], p["periode"], p["kode"]) for p in points]
    assert labels == [
        (2023, "tahunan", "IKU.13"),
        (2024, "tahunan", "IKU.13"),
        (2025, "tw1", "IKK.12"),
        (2025, "tw2", "IKK.12"),
        (2025, "tw3", "IKK.12"),
    ]
    table = renja("tren", "IKK.12", "--data", str(DATA))
    assert "2025 TW III" in table.stdout and "▏" in table.stdout


def test_trend_unknown_code(renja) -> None:
    result = renja("tren", "IKU.99", "--data", str(DATA))
    assert result.exit_code == 2


def test_threshold_above_the_scale_is_unreachable(mean_rule_data: Path) -> None:
    """Target 99 % with ambang_tercapai 105 needs 103,95 %: more than a percentage holds."""
    path = mean_rule_data / "targets-2030.yaml"
    text = path.read_text().replace("target: {pk: 95}", "target: {pk: 99}")
    path.write_text(
        text.replace(
            "jenis_indikator: IKK\n", "jenis_indikator: IKK\npengaturan: {ambang_tercapai: 105}\n"
        )
    )
    lap = susun_ringkasan(DataSource(mean_rule_data, "uji"), 2030, 1)
    proyeksi = next(r for r in lap.baris if r.tahunan.kode == "IKK.1").proyeksi
    assert proyeksi.status == "tidak_terjangkau"
    assert "di luar nilai yang mungkin (100 %)" in proyeksi.uraian


def test_year_end_summary_uses_the_annual_file(renja) -> None:
    result = renja("ringkasan", "--tahun", "2024", "--format", "json", "--data", str(DATA))
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["triwulan"] == 4 and out["periode"].startswith("Tahunan")
    rows = _rows(out)
    assert rows["IKU.3"]["capaian"] == pytest.approx(98.87, abs=0.01)
    assert rows["IKU.3"]["proyeksi"]["status"] == "tidak_terjangkau"  # the year is over
    assert rows["IKU.1"]["status_triwulan"] == "belum_ada_data"
    # no realisasi (index not yet published): no verdict, "not yet available"
    assert rows["IKU.1"]["proyeksi"]["status"] == "tanpa_data"
    assert "tidak tercapai" not in rows["IKU.1"]["proyeksi"]["uraian"]


def test_a_quarter_without_its_file_is_the_position_with_a_note(renja, tmp_path: Path) -> None:
    """-w 4 before tw4.yaml exists: like capaian, a note and the figures at TW III; no
    year-end verdict from TW III data, no change of TW III against itself."""
    w3 = _summary(renja, "--triwulan", "3")
    w4 = _summary(renja, "--triwulan", "4")
    note = "tidak ada berkas realisasi tw4.yaml untuk 2025"
    assert w3["catatan"] == [] and w4["catatan"] == [note]
    assert w4["periode"] == "s.d. TW III" and w4["triwulan"] == 3
    assert {**w4, "catatan": []} == w3
    for row in _rows(w4).values():
        assert "tahun berakhir" not in row["proyeksi"]["uraian"]
    assert _rows(w4)["IKK.4"]["perubahan"] == "naik"  # TW III against TW II
    capaian = renja("capaian", "--tahun", "2025", "-w", "4", "--data", str(DATA))
    assert f"Catatan: {note}" in capaian.stdout  # the same words as capaian
    for args in (("ringkasan",), ("pohon",), ("ringkasan", "-f", "markdown")):
        result = renja(*args, "--tahun", "2025", "-w", "4", "--data", str(DATA))
        assert result.exit_code == 0, result.output
        assert f"Catatan: {note}" in result.stdout, args
    laporan = renja(
        "laporan", "--tahun", "2025", "--jenis", "triwulan", "-w", "4",
        "-o", str(tmp_path / "monev.md"), "--data", str(DATA),
    )  # fmt: skip
    assert laporan.exit_code == 0, laporan.output
    text = (tmp_path / "monev.md").read_text(encoding="utf-8")
    assert f"Catatan: {note}" in text and "Triwulan III" in text


def test_projection_above_a_stable_range_asks_to_come_down(renja, tmp_path: Path) -> None:
    """Inside 60–85 is best: at 90 the year must end at most 85, not 'reach 60'."""
    from tests.pembangun import folder, indikator

    ind = indikator(arah="stabil", satuan="indeks", target={"pk": {"min": 60, "maks": 85}})
    for nilai, uraian in ((90, "paling tinggi 85 (kini 90)"), (50, "mencapai 60 (kini 50)")):
        root = folder(
            tmp_path / f"data{nilai}",
            [ind],
            {"tw1": {"IKK.1": {"nilai": nilai}}, "tw2": {"IKK.1": {"nilai": nilai}}},
        )
        result = renja("ringkasan", "--tahun", "2030", "--data", str(root), "-f", "markdown")
        assert result.exit_code == 0, result.output
        assert f"nilai akhir tahun harus {uraian}" in result.stdout
