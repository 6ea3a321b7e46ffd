"""``renja beda`` on a git repository built in the test from the Kanreg X fixture."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DATA, REPO, InvokeResult

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git tidak terpasang")

Renja = Callable[..., InvokeResult]
GIT = ("git", "-c", "user.name=Uji renja", "-c", "user.email=uji@renja.invalid")


def git(repo: Path, *args: str) -> str:
    done = subprocess.run([*GIT, *args], cwd=repo, capture_output=True, text=True, check=True)
    return done.stdout


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace text that must be there exactly ``count`` times."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == count, (path, old, text.count(old))
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose first commit holds ``data/`` = the fixture; cwd is its root."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q")
    shutil.copytree(DATA, root / "data")
    commit(root, "data awal")
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def data(repo: Path) -> Path:
    return repo / "data"


def targets(data: Path) -> Path:
    return data / "targets-2025.yaml"


def tw(data: Path, n: int) -> Path:
    return data / "realisasi" / "2025" / f"tw{n}.yaml"


def beda_json(renja: Renja, *args: str) -> tuple[int, dict[str, Any]]:
    result = renja("beda", *args, "--format", "json")
    assert result.stderr == "", result.stderr
    return result.exit_code, json.loads(result.stdout)


def changes(report: dict[str, Any], jenis: str) -> list[dict[str, Any]]:
    return [p for p in report["perubahan"] if p["jenis"] == jenis]


def one(report: dict[str, Any], jenis: str, **where: Any) -> dict[str, Any]:
    found = [p for p in changes(report, jenis) if all(p[k] == v for k, v in where.items())]
    assert len(found) == 1, (jenis, where, report["perubahan"])
    return found[0]


def findings(report: dict[str, Any], kode: str) -> list[dict[str, Any]]:
    return [t for t in report["temuan"] if t["kode"] == kode]


def figure(report: dict[str, Any], kode: str, triwulan: int) -> dict[str, Any]:
    found = [a for a in report["angka"] if a["kode"] == kode and a["triwulan"] == triwulan]
    assert len(found) == 1, (kode, triwulan, report["angka"])
    return found[0]


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    hits = [n for n, line in enumerate(lines, start=1) if text in line]
    assert len(hits) == 1, (text, hits)
    return hits[0]


def sign_pk(data: Path, repo: Path) -> None:
    edit(
        targets(data),
        "  instansi_hilang: tidak_memenuhi",
        "  instansi_hilang: tidak_memenuhi\n  pk_ditandatangani: 2025-02-20",
    )
    commit(repo, "PK 2025 ditandatangani")


def close_tw2(data: Path, repo: Path) -> None:
    edit(tw(data, 2), "contoh: true\n", "contoh: true\nditutup: 2025-07-15\n")
    commit(repo, "TW II ditutup di rapat monev")


IKK6_TARGET = "target: {pk: 30, renstra: 30}\n        target_triwulan: {1: 10, 2: 17"


def lower_ikk6_target(data: Path) -> None:
    """IKK.6 (27,9 % at TW III) from target 30 to 25: red turns green through the target."""
    edit(
        targets(data),
        IKK6_TARGET,
        "target: {pk: 25, renstra: 30}\n        target_triwulan: {1: 10, 2: 17",
    )


# --- no change ---------------------------------------------------------------------------


def test_identical_versions_say_no_change_and_exit_0(renja: Renja, data: Path) -> None:
    result = renja("beda")
    assert result.exit_code == 0, result.output
    assert "tidak ada perubahan" in result.stdout
    assert renja("beda", "HEAD", "HEAD").exit_code == 0
    code, report = beda_json(renja)
    assert code == 0
    assert report["ada_perubahan"] is False
    assert report["perubahan"] == report["angka"] == report["temuan"] == []
    markdown = renja("beda", "--format", "markdown")
    assert markdown.exit_code == 0 and "tidak ada perubahan" in markdown.stdout


def test_identical_plain_folders_without_git(renja: Renja, tmp_path: Path) -> None:
    copy = tmp_path / "salinan"
    shutil.copytree(DATA, copy)
    result = renja("beda", "--dari", str(DATA), "--ke", str(copy))
    assert result.exit_code == 0, result.output
    assert "tidak ada perubahan" in result.stdout


def test_the_same_meaning_written_differently_is_no_change(renja: Renja, data: Path) -> None:
    """Key order, quoting, an instansi by name instead of code, 1 for ya: same meaning."""
    edit(
        data / "realisasi/2025/tw2/manajemen-talenta.csv",
        "PROV-BALI,talent pool,ya",
        "Pemerintah Provinsi Bali,talent pool,1",
    )
    edit(
        targets(data),
        "target: {pk: 30, renstra: 30}\n        target_triwulan: {1: 10",
        "target: {renstra: 30.0, pk: 30}\n        target_triwulan: {1: 10",
    )
    code, report = beda_json(renja)
    assert (code, report["perubahan"], report["angka"]) == (0, [], []), report


# --- each kind of change, with old and new values ----------------------------------------


def test_indicator_added_removed_and_renamed(renja: Renja, data: Path) -> None:
    path = targets(data)
    edit(path, "nama_singkat: Layanan MASN selesai sesuai standar", "nama_singkat: Layanan tuntas")
    text = path.read_text(encoding="utf-8")
    start = text.index("      - kode: IKK.13")
    block = text[start:].split("\n\n")[0]
    path.write_text(text.replace(block, block.replace("IKK.13", "IKK.14")), encoding="utf-8")
    for n in (2, 3):
        edit(tw(data, n), "IKK.13:", "IKK.14:")
    code, report = beda_json(renja)
    assert code == 0
    renamed = one(report, "indikator_nama", subjek="IKK.2")
    assert (renamed["bidang"], renamed["lama"], renamed["baru"]) == (
        "nama_singkat",
        "Layanan MASN selesai sesuai standar",
        "Layanan tuntas",
    )
    assert renamed["baris"] == line_of(path, "nama_singkat: Layanan tuntas")
    removed = one(report, "indikator_dihapus", subjek="IKK.13")
    assert removed["sisi"] == "lama" and removed["berkas"].startswith("HEAD:")
    added = one(report, "indikator_ditambah", subjek="IKK.14")
    assert added["baru"] == removed["lama"]
    # the new indicator's figure appears, the removed one's goes
    assert figure(report, "IKK.14", 3)["lama"] is None
    assert figure(report, "IKK.13", 3)["baru"] is None


def test_target_changes_name_the_kind_and_values(renja: Renja, data: Path) -> None:
    edit(
        targets(data),
        IKK6_TARGET,
        "target: {pk: 30, renstra: 32.5}\n        target_triwulan: {1: 10, 2: 17",
    )
    edit(
        targets(data),
        "target_triwulan: {1: 15, 2: 20, 3: 25, 4: 30}",
        "target_triwulan: {1: 15, 2: 20, 3: 27, 4: 30}",
    )
    code, report = beda_json(renja)
    assert code == 0
    t = one(report, "target", subjek="IKK.6")
    assert (t["bidang"], t["lama"], t["baru"]) == ("target.renstra", 30, 32.5)
    assert t["uraian"] == "IKK.6 target renstra: 30 % → 32,5 %"
    q = one(report, "target_triwulan", subjek="IKK.5")
    assert (q["bidang"], q["lama"], q["baru"]) == ("target_triwulan.3", 25, 27)
    # the main target (pk) did not move: no figure changes
    assert report["angka"] == []


def test_rules_of_an_indicator(renja: Renja, data: Path) -> None:
    path = targets(data)
    edit(
        path,
        "kriteria: {jenis: predikat, skala: indeks_kualitas_data, minimal: Tinggi, kolom: nilai}",
        "kriteria: {jenis: predikat, skala: indeks_kualitas_data, minimal: Sedang, kolom: nilai}",
    )
    text = path.read_text(encoding="utf-8")
    ikk12 = text.index("kode: IKK.12")
    head, tail = text[:ikk12], text[ikk12:]
    tail = tail.replace(
        "satuan: indeks\n        rentang: {min: 0, maks: 100}",
        "satuan: nilai\n        arah: turun\n        batas_capaian: 110\n"
        "        rentang: {min: 0, maks: 120}",
        1,
    )
    path.write_text(head + tail, encoding="utf-8")
    edit(
        path,
        "periode: terakhir   # pembilang adalah jumlah kumulatif",
        "periode: rata_rata   # pembilang adalah jumlah kumulatif",
    )
    code, report = beda_json(renja)
    assert code == 0
    f = one(report, "formula", subjek="IKK.5")
    assert (f["bidang"], f["lama"], f["baru"]) == ("formula.kriteria.minimal", "Tinggi", "Sedang")
    assert (one(report, "arah")["lama"], one(report, "arah")["baru"]) == ("naik", "turun")
    assert one(report, "satuan")["baru"] == "nilai"
    r = one(report, "rentang", subjek="IKK.12")
    assert (r["bidang"], r["lama"], r["baru"]) == ("rentang.maks", 100, 120)
    assert one(report, "aturan_capaian", subjek="IKK.12")["baru"] == 110
    p = one(report, "periode_rumus", subjek="IKK.4")
    assert (p["lama"], p["baru"]) == ("terakhir", "rata_rata")
    # the new criterion counts more instansi: IKK.5's figure moves at every quarter
    assert (
        figure(report, "IKK.5", 3)["baru"]["realisasi"]
        > figure(report, "IKK.5", 3)["lama"]["realisasi"]
    )


def test_settings_cascade_and_budget(renja: Renja, data: Path) -> None:
    path = targets(data)
    edit(path, "ambang_tercapai: 100 ", "ambang_tercapai: 95 ")
    edit(path, "{kode: SP1.3, induk: SS.1, nama: ", "{kode: SP1.3, induk: SS.2, nama: ")
    edit(path, "anggaran: 885000000", "anggaran: 900000000")
    edit(path, "total_anggaran: 15669146000", "total_anggaran: 15684146000")
    code, report = beda_json(renja)
    assert code == 0
    s = one(report, "pengaturan")
    assert (s["bidang"], s["lama"], s["baru"]) == ("ambang_tercapai", 100, 95)
    c = one(report, "cascade", subjek="SP1.3")
    assert (c["bidang"], c["lama"], c["baru"]) == ("induk", "SS.1", "SS.2")
    assert one(report, "pagu", subjek="SK.1")["baru"] == 900000000
    assert one(report, "pagu", subjek="rencana")["bidang"] == "total_anggaran"
    # IKK.1 at 99,84 % becomes tercapai under the lower threshold
    f = figure(report, "IKK.1", 3)
    assert (f["lama"]["status"], f["baru"]["status"]) == ("belum_tercapai", "tercapai")
    assert f["lama"]["capaian"] == f["baru"]["capaian"]


def test_population_added_removed_and_renamed(renja: Renja, data: Path) -> None:
    path = data / "instansi.yaml"
    edit(
        path,
        "{kode: KAB-BADUNG, nama: Kabupaten Badung, provinsi: Bali, jenis: kabupaten}",
        "{kode: KAB-BADUNG, nama: Kabupaten Badung Raya, provinsi: Bali, jenis: kabupaten, "
        "alias: [Kabupaten Badung]}",
    )
    edit(path, "  - {kode: KOTA-DENPASAR, nama: Kota Denpasar, provinsi: Bali, jenis: kota}\n", "")
    edit(
        path,
        "  - {kode: KAB-BELU,",
        "  - {kode: KAB-BARU, nama: Kabupaten Baru, provinsi: NTT, jenis: kabupaten}\n"
        "  - {kode: KAB-BELU,",
    )
    for n in (1, 2, 3):
        folder = data / "realisasi" / "2025" / f"tw{n}"
        for csv in folder.glob("*.csv"):
            if csv.name.startswith("survei-"):
                continue  # survey responses, not records per instansi
            lines = csv.read_text(encoding="utf-8").splitlines(keepends=True)
            kept = [x for x in lines if "KOTA-DENPASAR" not in x and "Kota Denpasar" not in x]
            csv.write_text("".join(kept), encoding="utf-8")
    code, report = beda_json(renja)
    assert code == 0, report["temuan"]
    pop = changes(report, "populasi")
    by = {(p["subjek"], p["bidang"]): (p["lama"], p["baru"]) for p in pop}
    assert by[("instansi KAB-BADUNG", "nama")] == ("Kabupaten Badung", "Kabupaten Badung Raya")
    assert by[("instansi KAB-BADUNG", "alias")] == ([], ["Kabupaten Badung"])
    assert by[("instansi KOTA-DENPASAR", None)] == ("Kota Denpasar", None)
    assert by[("instansi KAB-BARU", None)] == (None, "Kabupaten Baru")
    # percentages of the 44 instansi are still over 44, but KAB-BARU has no record
    assert any(a["kode"] == "IKK.5" for a in report["angka"])


def _tinggi_dari_90(data: Path) -> None:
    """Lower the 'Tinggi' band of skala.yaml to 90 (and 'Sedang' to end at 89,99)."""
    edit(
        data / "skala.yaml",
        "{kode: Tinggi, min: 95.00, maks: 99.99}",
        "{kode: Tinggi, min: 90.00, maks: 99.99}",
    )
    edit(
        data / "skala.yaml",
        "{kode: Sedang, min: 85.00, maks: 94.99}",
        "{kode: Sedang, min: 85.00, maks: 89.99}",
    )


def test_scale_bounds(renja: Renja, data: Path) -> None:
    _tinggi_dari_90(data)
    code, report = beda_json(renja)
    assert code == 0
    bounds = {p["bidang"]: (p["lama"], p["baru"]) for p in changes(report, "skala")}
    assert bounds == {"predikat.Tinggi.min": (95, 90), "predikat.Sedang.maks": (94.99, 89.99)}
    line = line_of(data / "skala.yaml", "{kode: Tinggi, min: 90.00")
    assert {p["baris"] for p in changes(report, "skala") if "Tinggi" in p["bidang"]} == {line}
    moved = figure(report, "IKK.5", 3)
    assert moved["baru"]["realisasi"] > moved["lama"]["realisasi"]


def test_realisasi_and_budget_of_a_period(renja: Renja, data: Path) -> None:
    edit(tw(data, 2), "IKK.4: {pembilang: 9875", "IKK.4: {pembilang: 10875")
    edit(tw(data, 2), "  SK.4: 35000000", "  SK.4: 36000000")
    edit(tw(data, 3), "  IKK.12: {nilai: 99.12, sumber: OM-SPAN September 2025}\n", "")
    code, report = beda_json(renja)
    assert code == 0
    r = one(report, "realisasi", subjek="IKK.4")
    assert (r["periode"], r["bidang"], r["lama"], r["baru"]) == ("tw2", "pembilang", 9875, 10875)
    assert r["baris"] == line_of(tw(data, 2), "IKK.4: {pembilang: 10875")
    gone = one(report, "realisasi", subjek="IKK.12", bidang="nilai")
    assert (gone["lama"], gone["baru"], gone["sisi"]) == (99.12, None, "lama")
    b = one(report, "realisasi_anggaran", subjek="SK.4")
    assert (b["lama"], b["baru"]) == (35000000, 36000000)
    f = figure(report, "IKK.4", 2)
    assert (f["lama"]["realisasi"], f["baru"]["realisasi"]) == (4.94, 5.44)
    # IKK.12 falls back to TW II's 98,60 at TW III: the figure says so
    f12 = figure(report, "IKK.12", 3)
    assert (f12["lama"]["realisasi"], f12["baru"]["realisasi"]) == (99.12, 98.6)
    assert f12["baru"]["periode_data"] == "tw2"


def test_record_files_added_removed_and_changed(renja: Renja, data: Path) -> None:
    csv = data / "realisasi/2025/tw3/indeks-kualitas-data.csv"
    lines = csv.read_text(encoding="utf-8").splitlines()
    header, rows = lines[0], lines[1:]
    changed = [r.rsplit(";", 1)[0] + ";99,50" for r in rows[:7]]
    kept = changed + rows[7:-2]
    csv.write_text("\n".join([header, *kept]) + "\n", encoding="utf-8")
    (data / "realisasi/2025/tw3/rekomendasi-wasdal.csv").unlink()
    register = data / "realisasi/2025/tw3/rekomendasi-wasdal.csv"
    shutil.copy(data / "realisasi/2025/tw2/rekomendasi-wasdal.csv", register)
    with register.open("a", encoding="utf-8") as handle:
        handle.write("REK-2025-09,Kota Kupang,3,tidak\n")
    (data / "realisasi/2025/tw3/catatan-baru.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    code, report = beda_json(renja)
    r = one(report, "rekaman", subjek="tw3/indeks-kualitas-data.csv")
    assert r["jumlah"]["dihapus"] == 2 and r["jumlah"]["ditambah"] == 0
    assert 1 <= r["jumlah"]["berubah"] <= 7
    assert len(r["rincian"]) == 6 and r["rincian"][-1].startswith("… dan ")
    assert r["rincian"][0].startswith("~ PROV-BALI: nilai ") and r["rincian"][0].endswith("→ 99,50")
    assert r["indikator"] == ["IKK.5"] and r["bidang"] == "per instansi"
    assert r["baris"] == 2  # the first changed row, in the new file
    w = one(report, "rekaman", subjek="tw3/rekomendasi-wasdal.csv")
    assert w["jumlah"]["ditambah"] == 1 and "+ REK-2025-09" in w["rincian"]
    new_file = one(report, "rekaman", subjek="tw3/catatan-baru.csv")
    assert (new_file["lama"], new_file["baru"]) == (None, "1 baris")
    assert code == 0


def test_narratives(renja: Renja, data: Path) -> None:
    edit(
        tw(data, 3),
        "Dua rencana aksi tertunda karena fasilitasi seleksi CASN.",
        "Dua rencana aksi tertunda.",
    )
    edit(
        targets(data),
        "catatan: Rencana tindak lanjut disusun atas 3 unsur survei dengan nilai terendah.",
        "catatan: RTL atas 3 unsur terendah.",
    )
    code, report = beda_json(renja)
    assert code == 0
    n = {(p["subjek"], p["bidang"]): (p["lama"], p["baru"]) for p in changes(report, "narasi")}
    assert n[("IKK.10", "kendala")] == (
        "Dua rencana aksi tertunda karena fasilitasi seleksi CASN.",
        "Dua rencana aksi tertunda.",
    )
    assert n[("IKK.1", "catatan")][1] == "RTL atas 3 unsur terendah."
    assert report["angka"] == []


def test_a_quarter_and_a_year_added_or_removed(renja: Renja, data: Path) -> None:
    tw(data, 3).unlink()
    shutil.rmtree(data / "realisasi/2025/tw3")
    (data / "targets-2024.yaml").unlink()
    shutil.rmtree(data / "realisasi/2024")
    code, report = beda_json(renja)
    assert code == 0
    gone = one(report, "periode_dihapus")
    assert gone["subjek"] == "tw3.yaml" and gone["lama"].endswith("10 berkas rekaman")
    assert one(report, "rencana_dihapus")["subjek"] == "targets-2024.yaml"
    assert not changes(report, "rekaman")  # the quarter's record files go with it
    # TW III figures disappear from the new side, figures of 2024 are not listed
    assert {a["tahun"] for a in report["angka"]} == {2025}


# --- figures before and after ------------------------------------------------------------


def test_figures_before_and_after_for_every_indicator_that_moves(renja: Renja, data: Path) -> None:
    lower_ikk6_target(data)
    code, report = beda_json(renja)
    moved = {(a["kode"], a["triwulan"]) for a in report["angka"]}
    assert moved == {("IKK.6", 1), ("IKK.6", 2), ("IKK.6", 3)}
    f = figure(report, "IKK.6", 3)
    assert f["posisi"] == "s.d. TW III"
    assert (f["lama"]["target"], f["baru"]["target"]) == (30, 25)
    assert f["lama"]["realisasi"] == f["baru"]["realisasi"] == 27.9
    assert (round(f["lama"]["capaian"], 2), round(f["baru"]["capaian"], 2)) == (93.0, 111.6)
    assert (f["lama"]["status"], f["baru"]["status"]) == ("belum_tercapai", "tercapai")
    text = renja("beda").stdout
    assert (
        "angka s.d. TW III: target 30 % → 25 %; realisasi 27,9 %; capaian 93,00 % → "
        "111,60 %; belum tercapai → tercapai" in text
    )
    assert code == 0  # not signed: the flip is a warning
    assert renja("beda", "--ketat").exit_code == 1


# --- every input of a figure ---------------------------------------------------------------

TW3 = Path("realisasi/2025/tw3")
KOMPAS = TW3 / "survei-pembinaan-kompas-asn.csv"
"""A survey file IKK.1 reads through the pattern ``survei-pembinaan-*.csv``."""
LAYANAN = TW3 / "survei-ikm-layanan.csv"
"""A survey file named outright; like every sample survey it starts with a comment line."""
U9_DIBALIK = "unsur:\n  U9:\n    jawaban: [Sangat baik, Baik, Cukup, Buruk]\n"
"""An office's ``survei.yaml`` reading U9's answers the other way round."""


def worse_answers(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert "Sangat kompeten" in text and "Sangat baik" in text
    text = text.replace("Sangat kompeten", "Tidak kompeten").replace("Sangat baik", "Buruk")
    path.write_text(text, encoding="utf-8")


def moved(report: dict[str, Any], kode: str, triwulan: int) -> tuple[float, float]:
    f = figure(report, kode, triwulan)
    return f["lama"]["realisasi"], f["baru"]["realisasi"]


def test_a_survey_file_found_by_pattern_moves_the_figure(renja: Renja, data: Path) -> None:
    worse_answers(data / KOMPAS)
    code, report = beda_json(renja)
    assert (code, report["temuan"]) == (0, [])
    before, after = moved(report, "IKK.1", 3)
    assert after < before
    r = one(report, "rekaman", subjek="tw3/survei-pembinaan-kompas-asn.csv")
    assert r["indikator"] == ["IKK.1"] and r["bidang"] == "per Timestamp"
    assert r["jumlah"]["berubah"] > 0 and r["jumlah"]["ditambah"] == r["jumlah"]["dihapus"] == 0
    assert r["rincian"][0].startswith("~ 2025/08/21 ") and "U6 4 → 1" in r["rincian"][0]


def test_survei_yaml_moves_the_figure(renja: Renja, data: Path, repo: Path) -> None:
    (data / "survei.yaml").write_text(U9_DIBALIK, encoding="utf-8")
    code, report = beda_json(renja)
    assert (code, report["temuan"]) == (0, [])
    assert one(report, "berkas", subjek="survei.yaml")["lama"] is None
    u9 = one(report, "survei", bidang="unsur.U9.jawaban")
    assert u9["baru"] == ["Sangat baik", "Baik", "Cukup", "Buruk"]
    assert u9["baris"] == 3
    before, after = moved(report, "IKK.1", 3)
    assert after < before
    # an edit of the file already there moves the figure too
    commit(repo, "survei.yaml kantor")
    (data / "survei.yaml").write_text("bobot: dibulatkan\n" + U9_DIBALIK, encoding="utf-8")
    code, report = beda_json(renja)
    assert (code, report["temuan"]) == (0, [])
    bobot = one(report, "survei", bidang="bobot")
    assert (bobot["lama"], bobot["baru"], bobot["baris"]) == ("tepat", "dibulatkan", 1)
    assert figure(report, "IKK.1", 3)


def test_survey_files_are_read_as_the_commands_read_them(renja: Renja, data: Path) -> None:
    """A leading '# contoh' comment line is fine; an answer in other capitals is the same
    answer; a changed answer is listed by respondent."""
    path = data / LAYANAN
    assert path.read_text(encoding="utf-8").startswith("# ")
    edit(
        path,
        "+8,Mutasi Antar Instansi,25,Perempuan,S1,Sesuai,",
        "+8,Mutasi Antar Instansi,25,Perempuan,S1,SESUAI,",
    )
    code, report = beda_json(renja)
    assert (code, report["perubahan"], report["angka"], report["temuan"]) == (0, [], [], [])
    edit(path, "S1,SESUAI,Sangat mudah,Sangat cepat,", "S1,SESUAI,Sangat mudah,Cepat,")
    code, report = beda_json(renja)
    assert (code, report["temuan"]) == (0, [])
    r = one(report, "rekaman", subjek="tw3/survei-ikm-layanan.csv")
    assert r["rincian"] == ["~ 2025/07/01 10:05:12 AM GMT+8: U3 4 → 3"]
    assert r["baris"] == 3
    before, after = moved(report, "IKK.1", 3)
    assert after < before


def test_a_survey_pattern_reaching_outside_the_year_folder(
    renja: Renja, data: Path, repo: Path
) -> None:
    edit(
        targets(data),
        "survei: survei-pembinaan-*.csv",
        "survei: ../../bersama/survei-pembinaan-*.csv",
    )
    shared = data / "realisasi" / "bersama"
    shared.mkdir()
    for survey in (data / TW3).glob("survei-pembinaan-*.csv"):
        survey.rename(shared / survey.name)
    for n in (1, 2):  # the responses are of TW III: earlier quarters would refuse them
        tw(data, n).unlink()
        shutil.rmtree(tw(data, n).with_suffix(""))
    commit(repo, "survei pembinaan di folder bersama")
    _, unchanged = beda_json(renja)
    assert unchanged["angka"] == []
    worse_answers(shared / KOMPAS.name)
    _, report = beda_json(renja)
    assert report["temuan"] == unchanged["temuan"]  # cumulative figures without TW I-II
    before, after = moved(report, "IKK.1", 3)
    assert after < before


def test_a_record_file_moves_the_figure(renja: Renja, data: Path) -> None:
    csv = data / TW3 / "indeks-kualitas-data.csv"
    lines = csv.read_text(encoding="utf-8").splitlines()
    rows = [r.rsplit(";", 1)[0] + ";99,50" for r in lines[1:]]
    csv.write_text("\n".join([lines[0], *rows]) + "\n", encoding="utf-8")
    code, report = beda_json(renja)
    assert code == 0
    assert moved(report, "IKK.5", 3) == (31.82, 97.73)  # 43 of 44 instansi (one not listed)


def test_reference_files_and_settings_move_the_figures(renja: Renja, data: Path) -> None:
    """instansi.yaml (the population), skala.yaml (the grade bands) and pengaturan."""
    _tinggi_dari_90(data)
    code, report = beda_json(renja)
    assert code == 0 and moved(report, "IKK.5", 3)[1] > moved(report, "IKK.5", 3)[0]
    (data / "skala.yaml").write_bytes((DATA / "skala.yaml").read_bytes())
    edit(
        data / "instansi.yaml",
        "  - {kode: KAB-BELU,",
        "  - {kode: KAB-BARU, nama: Kabupaten Baru, provinsi: NTT, jenis: kabupaten}\n"
        "  - {kode: KAB-BELU,",
    )
    code, report = beda_json(renja)
    assert code == 0 and moved(report, "IKK.5", 3)[1] < moved(report, "IKK.5", 3)[0]
    (data / "instansi.yaml").write_bytes((DATA / "instansi.yaml").read_bytes())
    edit(targets(data), "presisi_realisasi: 2", "presisi_realisasi: 1")
    code, report = beda_json(renja)
    assert code == 0 and moved(report, "IKK.1", 3) == (93.69, 93.7)


# --- history ------------------------------------------------------------------------------


def test_target_changed_after_signing_is_an_error_at_its_line(
    renja: Renja, data: Path, repo: Path
) -> None:
    sign_pk(data, repo)
    lower_ikk6_target(data)
    code, report = beda_json(renja)
    assert code == 1
    [r501] = findings(report, "R501")
    assert r501["tingkat"] == "galat" and r501["sisi"] == "baru"
    assert r501["berkas"] == "data/targets-2025.yaml"
    assert r501["baris"] == line_of(targets(data), "target: {pk: 25, renstra: 30}")
    assert "2025-02-20" in r501["pesan"] and "30 % → 25 %" in r501["pesan"]
    assert r501["bidang"] == "IKK.6 → target.pk"
    github = renja("beda", "--format", "github")
    assert github.exit_code == 1
    assert (
        f"::error file=data/targets-2025.yaml,line={r501['baris']},col=22,title=R501::"
        in github.stdout
    )
    assert "::warning file=data/targets-2025.yaml" in github.stdout  # R505
    markdown = renja("beda", "--format", "markdown")
    assert "❌" in markdown.stdout and "| R501 | galat |" in markdown.stdout
    assert "| 2025 | IKK.6 Arsip kepegawaian digital kategori terisi | s.d. TW III |" in (
        markdown.stdout
    )


def test_other_targets_after_signing_are_warnings(renja: Renja, data: Path, repo: Path) -> None:
    sign_pk(data, repo)
    edit(
        targets(data),
        IKK6_TARGET,
        "target: {pk: 30, renstra: 28}\n        target_triwulan: {1: 10, 2: 17",
    )
    edit(
        targets(data),
        "target_triwulan: {1: 15, 2: 20, 3: 25, 4: 30}",
        "target_triwulan: {1: 15, 2: 20, 3: 22, 4: 30}",
    )
    code, report = beda_json(renja)
    assert code == 0
    assert [t["tingkat"] for t in findings(report, "R502")] == ["peringatan", "peringatan"]
    assert not findings(report, "R501")
    assert renja("beda", "--ketat").exit_code == 1


def test_signing_the_pk_is_a_change_not_a_finding(renja: Renja, data: Path) -> None:
    edit(
        targets(data),
        "  instansi_hilang: tidak_memenuhi",
        "  instansi_hilang: tidak_memenuhi\n  pk_ditandatangani: 2025-02-20",
    )
    lower_ikk6_target(data)  # targets of the PK being signed: not yet history
    code, report = beda_json(renja)
    s = one(report, "pengaturan")
    assert (s["bidang"], s["lama"], s["baru"]) == ("pk_ditandatangani", None, "2025-02-20")
    assert not findings(report, "R501") and code == 0


def test_unsigning_to_rewrite_is_still_caught(renja: Renja, data: Path, repo: Path) -> None:
    sign_pk(data, repo)
    edit(targets(data), "\n  pk_ditandatangani: 2025-02-20", "")
    lower_ikk6_target(data)
    code, report = beda_json(renja)
    assert code == 1
    assert [t["tingkat"] for t in findings(report, "R506")] == ["galat"]
    assert len(findings(report, "R501")) == 1  # the old side's mark decides


def test_closed_quarter_edited(renja: Renja, data: Path, repo: Path) -> None:
    close_tw2(data, repo)
    edit(tw(data, 2), "IKK.4: {pembilang: 9875", "IKK.4: {pembilang: 10875")
    edit(tw(data, 2), "  SK.1: 260000000", "  SK.1: 270000000")
    edit(
        tw(data, 2),
        "keterangan: 4 temuan pemeriksaan BPK atas LK 2024",
        "keterangan: empat temuan BPK",
    )
    edit(tw(data, 1), "IKK.4: {pembilang: 8210", "IKK.4: {pembilang: 8300")
    code, report = beda_json(renja)
    assert code == 1
    r503 = findings(report, "R503")
    assert {t["bidang"] for t in r503} == {"IKK.4 → pembilang", "anggaran.SK.1"}
    assert all(t["tingkat"] == "galat" and "2025-07-15" in t["pesan"] for t in r503)
    assert next(t for t in r503 if t["bidang"] == "IKK.4 → pembilang")["baris"] == line_of(
        tw(data, 2), "IKK.4: {pembilang: 10875"
    )
    [r504] = findings(report, "R504")
    assert r504["tingkat"] == "peringatan" and r504["bidang"] == "IKK.13 → keterangan"
    # TW I is not closed: its change is a change, not a finding
    assert one(report, "realisasi", periode="tw1")["baru"] == 8300
    assert figure(report, "IKK.4", 2)["ditutup"] == "2025-07-15"


def test_closed_quarter_record_file_edited(renja: Renja, data: Path, repo: Path) -> None:
    close_tw2(data, repo)
    edit(
        data / "realisasi/2025/tw2/manajemen-talenta.csv",
        "KAB-BANGLI,siap,tidak",
        "KAB-BANGLI,talent pool,ya",
    )
    code, report = beda_json(renja)
    assert code == 1
    [r503] = findings(report, "R503")
    assert r503["bidang"] == "tw2/manajemen-talenta.csv" and r503["baris"] == 4
    assert "1 berubah" in r503["pesan"]
    assert not findings(report, "R507")  # the file itself changed: R503 says it


def test_reopening_a_closed_quarter(renja: Renja, data: Path, repo: Path) -> None:
    close_tw2(data, repo)
    edit(tw(data, 2), "ditutup: 2025-07-15\n", "")
    edit(tw(data, 2), "IKK.4: {pembilang: 9875", "IKK.4: {pembilang: 10875")
    code, report = beda_json(renja)
    assert code == 1
    assert len(findings(report, "R506")) == 1
    assert len(findings(report, "R503")) == 1


def test_closed_quarter_moved_by_a_scale(renja: Renja, data: Path, repo: Path) -> None:
    close_tw2(data, repo)
    _tinggi_dari_90(data)
    code, report = beda_json(renja)
    assert code == 0
    r507 = findings(report, "R507")
    assert [(t["bidang"], t["tingkat"]) for t in r507] == [("IKK.5", "peringatan")]
    assert "TW II 2025 yang ditutup 2025-07-15" in r507[0]["pesan"]


def test_status_flipped_by_the_target_not_the_realisasi(renja: Renja, data: Path) -> None:
    lower_ikk6_target(data)
    code, report = beda_json(renja)
    [r505] = findings(report, "R505")
    assert r505["tingkat"] == "peringatan" and r505["bidang"] == "IKK.6"
    assert "s.d. TW III" in r505["pesan"] and "93,00 %" in r505["pesan"]
    assert r505["baris"] == line_of(targets(data), "target: {pk: 25, renstra: 30}")
    assert code == 0


def test_status_flipped_by_the_realisasi_is_no_finding(renja: Renja, data: Path) -> None:
    edit(tw(data, 3), "  IKK.12: {nilai: 99.12,", "  IKK.12: {nilai: 99.50,")
    edit(tw(data, 3), "IKK.4:\n    pembilang: 12340", "IKK.4:\n    pembilang: 18600")
    code, report = beda_json(renja)
    f = figure(report, "IKK.4", 3)
    assert (f["lama"]["status"], f["baru"]["status"]) == ("belum_tercapai", "tercapai")
    assert report["temuan"] == [] and code == 0


# --- broken sides, git and options ----------------------------------------------------------


def test_a_broken_new_side_gives_located_findings_not_a_crash(renja: Renja, data: Path) -> None:
    edit(tw(data, 2), "IKK.4: {pembilang: 9875", "IKK.4: {pembilang: 9875,")
    edit(tw(data, 3), "  IKK.12: {nilai: 99.12,", "  IKK.12: {nilai: 120,")
    code, report = beda_json(renja)
    assert code == 1
    [r001] = findings(report, "R001")
    assert r001["tingkat"] == "galat" and r001["berkas"] == "data/realisasi/2025/tw2.yaml"
    assert r001["baris"] == line_of(tw(data, 2), "IKK.4: {pembilang: 9875,")
    r207 = findings(report, "R207")
    assert [t["baris"] for t in r207] == [line_of(tw(data, 3), "IKK.12: {nilai: 120")]
    # the same problems validasi reports
    validasi = json.loads(renja("validasi", "data", "--format", "json").stdout)
    assert {(m["kode"], m["berkas"], m["baris"]) for m in validasi["masalah"]} == {
        (t["kode"], t["berkas"], t["baris"]) for t in report["temuan"]
    }
    # no figure is compared beside an unreadable quarter
    assert report["angka"] == []


def test_a_broken_plan_stops_only_its_year(renja: Renja, data: Path) -> None:
    edit(
        targets(data),
        "target: {pk: 30, renstra: 30}\n        target_triwulan: {1: 10",
        "target: {pk: 130, renstra: 30}\n        target_triwulan: {1: 10",
    )
    edit(data / "targets-2024.yaml", "tahun: 2024", "tahun: 2024\nkantor_baru: x")
    code, report = beda_json(renja)
    assert code == 1
    assert {t["kode"] for t in report["temuan"]} == {"R207", "R102"}


def test_a_broken_old_side_is_a_warning(renja: Renja, data: Path, repo: Path) -> None:
    edit(data / "skala.yaml", "presisi: 0", "presisi: nol")
    commit(repo, "skala rusak")
    edit(data / "skala.yaml", "presisi: nol", "presisi: 0")
    code, report = beda_json(renja)
    assert code == 0
    [found] = findings(report, "R103")
    assert found["sisi"] == "lama" and found["tingkat"] == "peringatan"
    assert found["berkas"] == "HEAD:data/skala.yaml" and found["pesan"].startswith("(versi lama)")
    github = renja("beda", "--format", "github").stdout
    assert "::warning title=R103::" in github  # no file= for a file not in the checkout


def test_a_problem_on_both_sides_is_reported_once(renja: Renja, data: Path, repo: Path) -> None:
    edit(tw(data, 3), "  IKK.12: {nilai: 99.12,", "  IKK.12: {nilai: 120,")
    commit(repo, "nilai di luar rentang")
    edit(tw(data, 3), "Dua rencana aksi tertunda karena fasilitasi seleksi CASN.", "Tertunda.")
    code, report = beda_json(renja)
    assert [(t["kode"], t["sisi"]) for t in report["temuan"]] == [("R207", "baru")]
    assert code == 1


def test_messages_never_name_the_temporary_folder(renja: Renja, data: Path, repo: Path) -> None:
    (data / "instansi.yaml").unlink()
    commit(repo, "tanpa instansi.yaml")
    edit(tw(data, 3), "  IKK.12: {nilai: 99.12,", "  IKK.12: {nilai: 99.50,")
    result = renja("beda", "HEAD", "--format", "json")
    report = json.loads(result.stdout)
    r000 = [t for t in report["temuan"] if t["kode"] == "R000"]
    assert r000 and all("renja-beda-" not in t["pesan"] for t in r000)
    assert {t["sisi"] for t in r000} == {"baru"}  # the same problem on both sides: once
    assert "renja-beda-" not in result.stdout


def test_two_revisions_and_nothing_written(renja: Renja, data: Path, repo: Path) -> None:
    lower_ikk6_target(data)
    commit(repo, "target IKK.6 diturunkan")
    edit(tw(data, 3), "  IKK.12: {nilai: 99.12,", "  IKK.12: {nilai: 99.50,")  # not compared
    before = git(repo, "status", "--porcelain")
    code, report = beda_json(renja, "HEAD~1", "HEAD")
    assert (report["lama"], report["baru"]) == ("HEAD~1:data", "HEAD:data")
    assert [p["jenis"] for p in report["perubahan"]] == ["target"]
    assert report["perubahan"][0]["berkas"] == "data/targets-2025.yaml"
    assert git(repo, "status", "--porcelain") == before
    assert code == 0


def test_data_folder_at_the_repository_root(
    renja: Renja, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "akar"
    shutil.copytree(DATA, root)
    git(root, "init", "-q")
    commit(root, "data di akar")
    lower_ikk6_target(root)
    monkeypatch.chdir(root)
    code, report = beda_json(renja, "--data", ".")
    assert one(report, "target")["berkas"] == "targets-2025.yaml"
    assert code == 0


def test_not_a_repository_or_unknown_revision_is_a_usage_error(
    renja: Renja, data: Path, tmp_path: Path
) -> None:
    lone = tmp_path / "bukan-repo"
    shutil.copytree(DATA, lone)
    outside = subprocess.run(["git", "rev-parse"], cwd=lone, capture_output=True, check=False)
    if outside.returncode != 0:  # tmp_path could sit inside a repository on some machines
        result = renja("beda", "--data", str(lone))
        assert result.exit_code == 2 and "U005" in result.stderr
        assert "tidak berada di repositori git" in result.stderr and "--dari" in result.stderr
    unknown = renja("beda", "tidak-ada")
    assert unknown.exit_code == 2 and "U005" in unknown.stderr
    assert "revisi git 'tidak-ada' tidak dikenal" in unknown.stderr
    dash = renja("beda", "--", "--output=x")
    assert dash.exit_code == 2 and "U005" in dash.stderr


def test_before_the_first_commit_everything_is_new(
    renja: Renja, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pre-commit hook on a repository's first commit: nothing to rewrite yet."""
    root = tmp_path / "baru"
    root.mkdir()
    git(root, "init", "-q")
    shutil.copytree(DATA, root / "data")
    monkeypatch.chdir(root)
    code, report = beda_json(renja)
    assert code == 0 and report["temuan"] == []
    assert {p["jenis"] for p in report["perubahan"]} == {"rencana_ditambah", "berkas"}


def test_the_pre_commit_hook_runs_the_history_check(renja: Renja, data: Path, repo: Path) -> None:
    import yaml

    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "renja-beda")
    program, *args = hook["entry"].split()
    assert program == "renja" and hook["pass_filenames"] is False
    assert renja(*args, *hook["args"]).exit_code == 0
    close_tw2(data, repo)
    edit(tw(data, 2), "IKK.4: {pembilang: 9875", "IKK.4: {pembilang: 9900")
    blocked = renja(*args, *hook["args"])
    assert blocked.exit_code == 1 and "R503" in blocked.stdout


def test_git_missing(renja: Renja, data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("renja_cli.laporan.beda.shutil.which", lambda _: None)
    result = renja("beda")
    assert result.exit_code == 2
    assert "git tidak ditemukan" in result.stderr and "--dari" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("HEAD", "HEAD", "HEAD"),
        ("--dari", "data"),
        ("--dari", "data", "--ke", "data", "HEAD"),
        ("--dari", "tidak-ada", "--ke", "data"),
    ],
)
def test_option_mistakes_exit_2(renja: Renja, data: Path, args: tuple[str, ...]) -> None:
    result = renja("beda", *args)
    assert result.exit_code == 2, result.output


def test_github_actions_picks_the_annotation_format(
    renja: Renja, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lower_ikk6_target(data)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    out = renja("beda").stdout
    line = line_of(targets(data), "target: {pk: 25, renstra: 30}")
    assert f"::notice file=data/targets-2025.yaml,line={line},col=22,title=renja beda::" in out
    assert "::warning file=data/targets-2025.yaml" in out
    assert "%25" in out  # "30 %" escaped for the workflow command
