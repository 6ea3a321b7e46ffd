"""Marks of values the source does not state (asumsi, turunan, contoh).

Every mark written in the data must appear in every output that uses the value
it stands beside: a target's mark wherever that target is printed, a quarterly
target's mark in the monev outputs, a formula's or an entry's mark wherever the
realisasi is printed, a history year's mark in the trend and the chapter.
"""

from __future__ import annotations

import html
import json
import re
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from renja_cli.cli.app import app
from renja_cli.data.baca import read_rencana
from renja_cli.model.dasar import TandaNilai
from renja_cli.model.realisasi import BerkasRealisasi
from tests.conftest import DATA
from tests.pembangun import folder, indikator

KELUARAN = Path(tempfile.mkdtemp(prefix="renja-tanda-"))
"""Files the outputs are written to (each output is produced once per run)."""


@dataclass(frozen=True)
class Tempat:
    """One mark in the data and what it qualifies."""

    tahun: int
    kode: str
    kelas: str  # target | target_triwulan | realisasi | penanggung_jawab | riwayat
    nama: str  # the target's name, the history year, the field
    tanda: TandaNilai

    def __str__(self) -> str:
        return f"{self.tahun} {self.kode} {self.tanda.bidang} ({self.tanda.jenis})"


def _tempat() -> Iterator[Tempat]:
    for tahun in (2024, 2025):
        rencana, _ = read_rencana(DATA / f"targets-{tahun}.yaml")
        for _, ind in rencana.indikator():
            for name in ind.target:
                for t in ind.tanda_target(name):
                    yield Tempat(tahun, ind.kode, "target", name, t)
            for key, mark in ind.tanda.items():
                head = key.split(".")[0]
                if head == "target":
                    continue  # counted with the target above (tanda_target)
                kelas = "realisasi" if head in ("formula", "periode") else head
                for t in mark.tanda_nilai(key):
                    yield Tempat(tahun, ind.kode, kelas, key, t)
            for year, item in ind.riwayat.items():
                for t in item.tanda_nilai(f"riwayat.{year}"):
                    yield Tempat(tahun, ind.kode, "riwayat", str(year), t)
        folder_tahun = DATA / "realisasi" / str(tahun)
        for path in sorted(folder_tahun.glob("*.yaml")):
            data = yaml.safe_load(path.read_text())
            berkas = BerkasRealisasi.model_validate(data, strict=False)
            for kode, entry in berkas.realisasi.items():
                for t in entry.tanda_nilai("realisasi"):
                    yield Tempat(tahun, kode, "realisasi", path.stem, t)


TEMPAT = list(_tempat())


def _rata(text: str) -> str:
    """Output text compared as words: entities decoded, escapes dropped, wrapping undone."""
    return " ".join(html.unescape(text).replace("\\", "").split())


@cache
def keluaran(*args: str) -> str:
    """The text an output shows, flattened (files are read back, footnotes included)."""
    suffix = next((a for a in args if a.startswith(".")), None)
    argv = [a for a in args if not a.startswith(".")]
    path = None
    if suffix is not None:
        name = re.sub(r"[^a-z0-9]+", "-", "-".join(argv).lower())
        path = KELUARAN / f"{name}{suffix}"
        argv += ["--keluaran", str(path), "--timpa"]
    result = CliRunner().invoke(app, [*argv, "--data", str(DATA)])
    assert result.exit_code == 0, (args, result.output)
    if path is None:
        return _rata(result.stdout)
    if suffix == ".docx":
        from docx import Document

        doc = Document(str(path))
        parts = [p.text for p in doc.paragraphs]
        parts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
        with zipfile.ZipFile(path) as z:
            parts.append(re.sub(r"<[^>]+>", " ", z.read("word/footnotes.xml").decode()))
        return _rata("\n".join(parts))
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        wb = load_workbook(path)
        cells = [str(c) for ws in wb for row in ws.iter_rows(values_only=True) for c in row if c]
        return _rata("\n".join(cells))
    return _rata(path.read_text(encoding="utf-8"))


def _keluaran_untuk(t: Tempat) -> list[tuple[str, ...]]:
    """The outputs that show the value a mark stands beside."""
    y = str(t.tahun)
    dok = (".md", ".html", ".docx")
    out: list[tuple[str, ...]] = []
    if t.kelas == "target":
        for fmt in ("tabel", "markdown", "json", "csv"):
            out.append(("capaian", "--tahun", y, "--target", t.nama, "--format", fmt))
        out.append(("capaian", "--tahun", y, "--format", "json"))  # semua_target
        for fmt in ("tabel", "markdown", "json"):
            out.append(("rincian", t.kode, "--tahun", y, "--format", fmt))
        for fmt in ("tabel", "markdown", "json", "csv"):
            out.append(("ringkasan", "--tahun", y, "--target", t.nama, "--format", fmt))
        out.append(("ringkasan", "--tahun", y, "--target", t.nama, ".xlsx"))
        for fmt in ("tabel", "markdown", "json"):
            out.append(("pohon", "--tahun", y, "--target", t.nama, "--format", fmt))
        out += [("laporan", "--tahun", y, s) for s in dok]
        out += [
            ("laporan", "--tahun", y, "--jenis", "triwulan", "--target", t.nama, s) for s in dok
        ]
        if t.nama == "pk":  # tren shows the main target of the current year
            out += [("tren", t.kode, "--format", f) for f in ("tabel", "markdown", "json")]
    elif t.kelas == "target_triwulan":
        for fmt in ("tabel", "markdown", "json", "csv"):
            out.append(("ringkasan", "--tahun", y, "--triwulan", "3", "--format", fmt))
        out.append(("ringkasan", "--tahun", y, "--triwulan", "3", ".xlsx"))
        out.append(("pohon", "--tahun", y, "--triwulan", "3", "--format", "json"))
        out += [("laporan", "--tahun", y, "--jenis", "triwulan", "--triwulan", "3", s) for s in dok]
    elif t.kelas == "realisasi":
        for fmt in ("tabel", "markdown", "json", "csv"):
            out.append(("capaian", "--tahun", y, "--format", fmt))
        for fmt in ("tabel", "markdown", "json"):
            out.append(("rincian", t.kode, "--tahun", y, "--format", fmt))
        for fmt in ("tabel", "markdown", "json", "csv"):
            out.append(("ringkasan", "--tahun", y, "--format", fmt))
        out.append(("ringkasan", "--tahun", y, ".xlsx"))
        for fmt in ("tabel", "markdown", "json"):
            out.append(("pohon", "--tahun", y, "--format", fmt))
        out += [("laporan", "--tahun", y, s) for s in dok]
        out += [("laporan", "--tahun", y, "--jenis", "triwulan", s) for s in dok]
    elif t.kelas == "penanggung_jawab":
        out += [("laporan", "--tahun", y, s) for s in dok]
    elif t.kelas == "riwayat":
        out += [("laporan", "--tahun", y, s) for s in dok]
        if t.nama == "riwayat" or int(t.nama) < t.tahun:  # history years, not the current one
            out += [("tren", t.kode, "--format", f) for f in ("tabel", "markdown", "json")]
    else:  # pragma: no cover - a new kind of mark needs its outputs listed here
        raise AssertionError(f"tanda {t} tanpa daftar keluaran")
    return out


def test_data_memuat_tanda() -> None:
    """The data marks what the seed does not state: the census the test below walks."""
    kinds = {(t.kelas, t.tanda.jenis) for t in TEMPAT}
    assert ("target_triwulan", "asumsi") in kinds
    assert ("target", "asumsi") in kinds and ("target", "turunan") in kinds
    assert ("realisasi", "contoh") in kinds  # IKK.10's 24 rencana aksi
    assert ("realisasi", "turunan") in kinds  # IKU.5's 2 / 2
    assert ("penanggung_jawab", "turunan") in kinds
    assert ("riwayat", "turunan") in kinds
    assert len([t for t in TEMPAT if t.kelas == "target_triwulan"]) == 12
    assert len(TEMPAT) >= 40


@pytest.mark.parametrize("tempat", TEMPAT, ids=str)
def test_tanda_tampil_di_setiap_keluaran(tempat: Tempat) -> None:
    teks = _rata(tempat.tanda.teks)
    for args in _keluaran_untuk(tempat):
        assert teks in keluaran(*args), (str(tempat), args)


def test_json_memberi_daftar_asumsi() -> None:
    """Machine formats carry marks as a list with stable keys, per row and per target."""
    rows = json.loads(CliRunner().invoke(app, ["capaian", "--tahun", "2025", "--format",
                                               "json", "--data", str(DATA)]).stdout)  # fmt: skip
    ikk10 = next(r for r in rows if r["kode"] == "IKK.10")
    assert ikk10["asumsi"][1] == {
        "jenis": "contoh",
        "bidang": "formula.penyebut_tetap",
        "teks": ikk10["asumsi"][1]["teks"],
    }
    assert ikk10["semua_target"]["renstra"]["asumsi"][0]["jenis"] == "asumsi"
    assert ikk10["semua_target"]["pk"]["asumsi"] == []
    ikk1 = next(r for r in rows if r["kode"] == "IKK.1")
    assert ikk1["asumsi"] == [] and "renstra" not in ikk1["semua_target"]


# --- the mark itself: where it may stand --------------------------------------


@pytest.mark.parametrize(
    ("tanda", "pesan"),
    [
        ({"target_triwulan": {"asumsi": "x"}}, "target_triwulan tidak diisi"),
        ({"formula.penyebut": {"asumsi": "x"}}, "formula nilai tidak punya kolom penyebut"),
        ({"target.rpjmn": {"asumsi": "x"}}, "sebut satu target yang ada (target.pk)"),
        ({"target": {"asumsi": "x"}}, "sebut satu target yang ada"),
        ({"warna": {"asumsi": "x"}}, "kolom warna tidak dikenal untuk tanda"),
        ({"kode": {"asumsi": "x"}}, "kolom kode tidak dikenal untuk tanda"),
    ],
)
def test_tanda_untuk_kolom_yang_tidak_ada(
    renja, tmp_path: Path, tanda: dict[str, object], pesan: str
) -> None:
    root = folder(tmp_path, [indikator(tanda=tanda)], {"tw1": {"IKK.1": {"nilai": 40}}})
    result = renja("capaian", "--tahun", "2030", "--data", str(root))
    assert result.exit_code == 1
    assert "R220" in result.stderr and pesan in result.stderr
    assert "targets-2030.yaml:" in result.stderr


def test_tanda_kosong_ditolak(renja, tmp_path: Path) -> None:
    root = folder(tmp_path, [indikator(target_triwulan={1: 10}, tanda={"target_triwulan": {}})])
    result = renja("validasi", str(root))
    assert result.exit_code == 1
    assert "R220" in result.stdout and "isi asumsi, turunan atau contoh" in result.stdout


def test_contoh_true_dan_tanda_entri(renja, tmp_path: Path) -> None:
    """``contoh: true`` on a value and a mark on a realisasi entry reach the table."""
    root = folder(
        tmp_path,
        [indikator(target={"pk": {"nilai": 50, "contoh": True}})],
        {"tw1": {"IKK.1": {"nilai": 40, "asumsi": "nilai diperkirakan dari laporan bulanan"}}},
    )
    result = renja("capaian", "--tahun", "2030", "--data", str(root), "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert "| 50 % [1] | 40 % [2] |" in result.stdout
    assert "[1] contoh — IKK.1 target.pk: nilai contoh, bukan data resmi" in result.stdout
    assert "[2] asumsi — IKK.1 realisasi: nilai diperkirakan dari laporan bulanan" in result.stdout


def test_tanda_target_di_bawah_tanda(renja, tmp_path: Path) -> None:
    """``tanda: {target.renstra: …}`` marks a target written in the short form."""
    root = folder(
        tmp_path,
        [
            indikator(
                target={"pk": 50, "renstra": 60},
                tanda={"target.renstra": {"asumsi": "kolom kedua dibaca Renstra"}},
            )
        ],
        {"tw1": {"IKK.1": {"nilai": 40}}},
    )
    args = ("capaian", "--tahun", "2030", "--data", str(root), "--format", "markdown")
    pk = renja(*args)
    assert pk.exit_code == 0, pk.output
    assert "kolom kedua dibaca Renstra" not in pk.stdout  # the PK column shows no Renstra
    renstra = renja(*args, "--target", "renstra")
    assert "| 60 % [1] |" in renstra.stdout
    assert "[1] asumsi — IKK.1 target.renstra: kolom kedua dibaca Renstra" in renstra.stdout
