"""``renja pohon``: the cascade of Gambar 4 with the figures of capaian and ringkasan."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from renja_cli.cli.app import aplikasi_untuk
from tests.conftest import DATA, InvokeResult
from tests.pembangun import folder, indikator

Renja = Callable[..., InvokeResult]

# Gambar 4 of the Renja (DOMAIN.md): SS → SP → SK → IKK
GAMBAR_4 = {
    "SS.1": {
        "SP1.1": {"SK.1": ["IKK.1", "IKK.2"]},
        "SP1.2": {"SK.2": ["IKK.3"], "SK.3": ["IKK.4"]},
        "SP1.3": {"SK.4": ["IKK.5", "IKK.6"]},
        "SP1.4": {"SK.5": ["IKK.7", "IKK.8", "IKK.9"]},
    },
    "SS.2": {
        "SP2.1": {"SK.6": ["IKK.10", "IKK.11"]},
        "SP2.2": {"SK.7": ["IKK.12", "IKK.13"]},
    },
}


def pohon_json(renja: Renja, *args: str, data: Path = DATA) -> dict[str, Any]:
    result = renja("pohon", "--data", str(data), "--format", "json", *args)
    assert result.exit_code == 0, result.output
    payload: dict[str, Any] = json.loads(result.stdout)
    return payload


def shape(node: dict[str, Any]) -> Any:
    """The tree as nested codes, indicators as a list under their SK."""
    if node["jenis"] == "sasaran_kegiatan":
        return [a["kode"] for a in node["anak"]]
    return {a["kode"]: shape(a) for a in node["anak"]}


def walk(node: dict[str, Any]) -> list[dict[str, Any]]:
    return [node, *(n for a in node["anak"] for n in walk(a))]


def test_the_tree_is_gambar_4(renja: Renja) -> None:
    tree = pohon_json(renja, "--tahun", "2025")["pohon"]
    assert tree["jenis"] == "kantor" and tree["nama"] == "Kantor Regional X BKN Denpasar"
    assert shape(tree) == GAMBAR_4
    kinds = {n["kode"]: n["jenis"] for n in walk(tree) if n["kode"]}
    assert kinds["SS.2"] == "sasaran_strategis" and kinds["SP2.2"] == "sasaran_program"
    assert kinds["SK.7"] == "sasaran_kegiatan" and kinds["IKK.13"] == "indikator"


@pytest.mark.parametrize("triwulan", ["1", "2", "3"])
def test_figures_are_those_of_capaian_and_ringkasan(renja: Renja, triwulan: str) -> None:
    payload = pohon_json(renja, "--tahun", "2025", "--triwulan", triwulan)
    leaves = {n["kode"]: n for n in walk(payload["pohon"]) if n["jenis"] == "indikator"}
    capaian = json.loads(
        renja(
            "capaian", "--tahun", "2025", "--triwulan", triwulan, "--data", str(DATA), "-f", "json"
        ).stdout
    )
    assert len(leaves) == len(capaian) == 13
    for row in capaian:
        leaf = leaves[row["kode"]]
        for key in ("target", "realisasi", "capaian", "status", "periode_data"):
            assert leaf[key] == row[key], (row["kode"], key)
    ringkasan = json.loads(
        renja(
            "ringkasan",
            "--tahun",
            "2025",
            "--triwulan",
            triwulan,
            "--data",
            str(DATA),
            "-f",
            "json",
        ).stdout
    )
    sk = {n["kode"]: n for n in walk(payload["pohon"]) if n["jenis"] == "sasaran_kegiatan"}
    for panel in ringkasan["sasaran"]:
        money = sk[panel["kode"]]["anggaran"]
        assert money["pagu"] == panel["anggaran"]["pagu"]
        assert money["realisasi"] == panel["anggaran"]["realisasi"]
        assert money["serapan"] == panel["anggaran"]["serapan"]


def test_counts_and_budget_roll_up(renja: Renja) -> None:
    tree = pohon_json(renja, "--tahun", "2025", "--triwulan", "3")["pohon"]
    for node in walk(tree):
        if node["jenis"] == "indikator":
            continue
        below = [n for n in walk(node) if n["jenis"] == "indikator"]
        assert node["jumlah_indikator"] == len(below)
        for status, count in node["jumlah_status"].items():
            assert count == sum(1 for n in below if n["status"] == status)
        sks = [n for n in walk(node) if n["jenis"] == "sasaran_kegiatan"]
        assert node["anggaran"]["pagu"] == sum(n["anggaran"]["pagu"] for n in sks)
    assert tree["anggaran"]["pagu"] == 15_669_146_000
    assert tree["jumlah_status"] == {"tercapai": 7, "belum_tercapai": 6, "belum_ada_data": 0}


def test_table_is_readable_at_100_columns(renja: Renja) -> None:
    result = renja("pohon", "--tahun", "2025", "--data", str(DATA))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 100
    text = result.stdout
    assert "Pohon Kinerja 2025 — Kantor Regional X BKN Denpasar" in lines[0]
    assert "├── SS.1 Meningkatkan kapasitas instansi pemerintah" in text
    assert "SK.4 Meningkatnya maturitas penyelenggaraan manajemen ASN secara elektronik" in text
    assert "pagu Rp 120.000.000, realisasi Rp 85.000.000 (serapan 70,83 %)" in text
    assert "IKK.5 Instansi dengan kualitas data ASN minimal Tinggi" in text
    assert "target 30 % · realisasi 31,82 % · capaian 106,07 % tercapai" in text
    assert "Jumlah: 7 tercapai · 6 belum" in text
    assert "DATA CONTOH" in text
    # every indicator sits four levels deep: kantor, SS, SP, SK
    ikk = next(line for line in lines if "IKK.5 " in line)
    assert ikk.index("IKK.5") == 16


def test_markdown_is_a_nested_list(renja: Renja) -> None:
    result = renja("pohon", "--tahun", "2025", "--data", str(DATA), "-f", "markdown")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "# Pohon Kinerja 2025 — Kantor Regional X BKN Denpasar"
    assert any(line.startswith("- **SS.1** ") for line in lines)
    assert any(line.startswith("  - **SP1.3** ") for line in lines)
    assert any(line.startswith("    - **SK.4** ") and "serapan 70,83 %" in line for line in lines)
    assert any(
        line.startswith("      - IKK.5 ") and "capaian 106,07 % (tercapai)" in line
        for line in lines
    )


def test_a_plan_without_cascade_puts_sasaran_on_top(renja: Renja) -> None:
    payload = pohon_json(renja, "--tahun", "2024")
    tree = payload["pohon"]
    assert [a["jenis"] for a in tree["anak"]] == ["sasaran_kegiatan"] * len(tree["anak"])
    assert tree["jumlah_indikator"] == 14
    assert payload["jenis_indikator"] == "IKU" and payload["triwulan"] == 4


def test_what_hangs_nowhere_is_shown_on_top(renja: Renja, tmp_path: Path) -> None:
    root = folder(
        tmp_path / "data",
        [indikator("IKK.1")],
        {"tw1": {"IKK.1": {"nilai": 60}}},
        sasaran_strategis=[{"kode": "SS.1", "nama": "Strategis"}],
        sasaran_program=[
            {"kode": "SP.1", "induk": "SS.1", "nama": "Program dengan induk"},
            {"kode": "SP.9", "nama": "Program tanpa induk"},
        ],
    )
    tree = pohon_json(renja, "--tahun", "2030", data=root)["pohon"]
    assert [(a["jenis"], a["kode"]) for a in tree["anak"]] == [
        ("sasaran_strategis", "SS.1"),
        ("sasaran_program", "SP.9"),
        ("sasaran_kegiatan", "SK.1"),
    ]
    assert tree["anak"][0]["jumlah_indikator"] == 0
    assert tree["jumlah_status"]["tercapai"] == 1


def test_usage_errors(renja: Renja) -> None:
    assert renja("pohon", "--data", str(DATA)).exit_code == 2
    assert renja("pohon", "--tahun", "2031", "--data", str(DATA)).exit_code == 2
    assert renja("pohon", "--tahun", "2025", "--triwulan", "5", "--data", str(DATA)).exit_code == 2


@pytest.mark.parametrize("name", ["pohon", "beda"])
def test_the_new_commands_are_listed_and_documented(renja: Renja, name: str) -> None:
    assert f"  {name} " in renja("--help").stdout
    result = renja(name, "--help")
    assert result.exit_code == 0 and f"Pemakaian: renja {name}" in result.stdout


def test_every_format_of_the_new_commands_has_a_renderer(renja: Renja) -> None:
    from renja_cli.render.formats import FormatBeda, FormatPohon

    for fmt in FormatPohon:
        result = renja("pohon", "--tahun", "2025", "--data", str(DATA), "-f", fmt.value)
        assert result.exit_code == 0 and result.stdout, fmt
    for fmt in FormatBeda:
        result = renja("beda", "--dari", str(DATA), "--ke", str(DATA), "-f", fmt.value)
        assert result.exit_code == 0 and result.stdout, fmt


# --- marks (asumsi/turunan/contoh): pohon shows what capaian shows, row by row ---

Tanda = tuple[str, str, str]
"""(jenis, bidang, teks) of one mark."""

KODE_BARIS = re.compile(r"^[\s│├└─|\-]*(IK[KU]\.\d+)(?!\d)")
CATATAN = re.compile(r"^(?:- )?\[(\d+)\] (asumsi|turunan|contoh) — (.+?): (.*)$")
"""A footnote under a table: ``[1] asumsi — IKK.4 formula.penyebut_tetap: …``."""


@cache
def keluaran(*args: str) -> str:
    """stdout of ``renja ARGS --data DATA`` (each output is produced once per run)."""
    result = CliRunner().invoke(aplikasi_untuk(args), [*args, "--data", str(DATA)])
    assert result.exit_code == 0, (args, result.output)
    return result.stdout


def tanda_teks(text: str) -> dict[str, set[Tanda]]:
    """Marks each indicator row of a table or Markdown output shows: the ``[n]`` in the
    row's cells, resolved through the footnotes under it to the row's own entries."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if CATATAN.match(line)), len(lines))
    nomor: dict[str, set[int]] = {}
    kode = None
    for line in lines[:start]:
        if m := KODE_BARIS.match(line):
            kode = m.group(1)
            nomor.setdefault(kode, set())
        for n in re.findall(r"\[(\d+)\]", line):
            assert kode is not None, line
            nomor[kode].add(int(n))
    # a footnote wraps in the terminal; the report's last lines end the list
    notes: list[str] = []
    for line in lines[start:]:
        if line.startswith(("Realisasi ini DATA CONTOH", "Data: ", "Total anggaran", "Belum ada")):
            break
        if CATATAN.match(line) or not notes:
            notes.append(line)
        elif line:
            notes[-1] += " " + line
    catatan: dict[int, tuple[str, list[str], str]] = {}
    for note in notes:
        m = CATATAN.match(note)
        assert m, note
        catatan[int(m.group(1))] = (m.group(2), m.group(3).split(", "), m.group(4))
    assert sorted(catatan) == list(range(1, len(catatan) + 1))
    out: dict[str, set[Tanda]] = {}
    for kode, numbers in nomor.items():
        out[kode] = set()
        for n in numbers:
            jenis, where, teks = catatan[n]
            mine = [w for w in where if w.split(" ")[0] == kode]
            assert mine, (kode, n, where)  # a number in a row names that row below
            out[kode] |= {(jenis, w.partition(" ")[2], teks) for w in mine}
    return out


def _tanda_json(items: list[dict[str, str]]) -> set[Tanda]:
    return {(t["jenis"], t["bidang"], t["teks"]) for t in items}


def _daun(payload: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {n["kode"]: n for n in walk(payload["pohon"]) if n["jenis"] == "indikator"}


POSISI = [
    (tahun, triwulan, target)
    for tahun, triwulans, targets in (
        ("2024", (None, "4"), ("pk", "renstra", "pk_2023")),
        ("2025", (None, "1", "2", "3", "4"), ("pk", "renstra")),
    )
    for triwulan in triwulans
    for target in targets
]


@pytest.mark.parametrize("fmt", ["tabel", "markdown", "json"])
@pytest.mark.parametrize(("tahun", "triwulan", "target"), POSISI)
def test_pohon_shows_the_marks_capaian_shows(
    fmt: str, tahun: str, triwulan: str | None, target: str
) -> None:
    """For every indicator row, the set of marks pohon shows is the set capaian shows
    (and so is the DATA CONTOH notice): one rule for which value carries which mark."""
    args = ["--tahun", tahun, "--target", target, "--format", fmt]
    if triwulan is not None:
        args += ["--triwulan", triwulan]
    pohon, capaian = keluaran("pohon", *args), keluaran("capaian", *args)
    if fmt == "json":
        leaves, rows = _daun(json.loads(pohon)), json.loads(capaian)
        assert {r["kode"] for r in rows} == set(leaves)
        for row in rows:
            assert _tanda_json(leaves[row["kode"]]["asumsi"]) == _tanda_json(row["asumsi"])
        assert json.loads(pohon)["contoh"] == all(r["contoh"] for r in rows)
        return
    di_pohon, di_capaian = tanda_teks(pohon), tanda_teks(capaian)
    assert any(di_capaian.values())  # the fixture data marks values in every position
    assert set(di_pohon) == set(di_capaian) and len(di_pohon) in (13, 14)
    for kode, marks in di_capaian.items():
        assert di_pohon[kode] == marks, kode
    notice = "DATA CONTOH" if fmt == "tabel" else "> **Data contoh**"
    assert (notice in pohon) == (notice in capaian)


def test_the_marks_the_reviewer_found_missing() -> None:
    """IKU.9's derived target 86 and IKU.5's derived realisasi (2024); the IKK.4/IKK.6
    assumptions and IKK.10's example denominator of 24 (2025), in every format."""
    tabel = tanda_teks(keluaran("pohon", "--tahun", "2024", "--format", "tabel"))
    assert {(j, b) for j, b, _ in tabel["IKU.9"]} == {("turunan", "target.pk")}
    assert {(j, b) for j, b, _ in tabel["IKU.5"]} == {("turunan", "realisasi")}
    assert not tabel["IKU.3"]
    text = keluaran("pohon", "--tahun", "2024", "--format", "tabel")
    assert re.search(r"IKU\.9 .*\n.*target 86 \[\d\] · realisasi 86,64 · capaian", text)
    md = keluaran("pohon", "--tahun", "2025", "--triwulan", "3", "--format", "markdown")
    assert re.search(r"IKK\.10 .* realisasi 75 % \[\d\], capaian 75,00 %", md)
    assert "Tanda nilai yang tidak dinyatakan sumber:" in md
    assert {(j, b) for j, b, _ in tanda_teks(md)["IKK.10"]} == {
        ("contoh", "formula.penyebut_tetap")
    }
    leaves = _daun(json.loads(keluaran("pohon", "--tahun", "2025", "--format", "json")))
    assert ("contoh", "formula.penyebut_tetap") in {
        (t["jenis"], t["bidang"]) for t in leaves["IKK.10"]["asumsi"]
    }
    assert "24 adalah contoh" in leaves["IKK.10"]["asumsi"][-1]["teks"]
    for kode, bidang in (("IKK.4", "formula.penyebut_tetap"), ("IKK.6", "formula.lengkap")):
        assert any(t["bidang"].startswith(bidang) for t in leaves[kode]["asumsi"]), kode
        assert all(t["jenis"] == "asumsi" for t in leaves[kode]["asumsi"]), kode


@pytest.mark.parametrize("triwulan", ["1", "2", "3"])
def test_json_marks_the_quarter_target_as_ringkasan_does(triwulan: str) -> None:
    """The leaf shows ``target_triwulan``; its mark stands beside it."""
    args = ("--tahun", "2025", "--triwulan", triwulan, "--format", "json")
    leaves = _daun(json.loads(keluaran("pohon", *args)))
    ringkasan = json.loads(keluaran("ringkasan", *args))
    rows = [r for s in ringkasan["sasaran"] for r in s["indikator"]]
    assert len(rows) == 13
    for row in rows:
        leaf = leaves[row["kode"]]
        assert leaf["target_triwulan"] == row["target_triwulan"]
        got = leaf["asumsi_target_triwulan"]
        assert _tanda_json(got) == _tanda_json(row["asumsi_target_triwulan"]), row["kode"]
        assert all(t["bidang"] == "target_triwulan" for t in got)
    assert sum(1 for leaf in leaves.values() if leaf["asumsi_target_triwulan"]) >= 6
