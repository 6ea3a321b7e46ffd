"""The documents of ``renja laporan`` write every figure as ``capaian`` and
``ringkasan`` do: a range or a grade target, a realisasi older than the position,
a pagu nobody stated, and the marks of the figures a sentence repeats."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from tests.pembangun import folder, indikator, tulis_yaml

TURUNAN_2029 = "realisasi 2029 dibaca dari grafik"


def _folder(root: Path, anggaran: bool = True) -> Path:
    folder(
        root,
        [
            indikator(
                "IKK.1",
                satuan="predikat",
                skala="opini_bpk",
                target={"pk": {"predikat": "WTP"}, "renstra": {"predikat": "WDP"}},
            ),
            indikator(
                "IKK.2",
                satuan="indeks",
                arah="stabil",
                target={"pk": 70, "renstra": {"min": 60, "maks": 85}, "pk_2029": None},
            ),
            indikator(
                "IKK.3",
                target={"pk": 50},
                riwayat={2029: {"realisasi": 40, "turunan": TURUNAN_2029}},
            ),
        ],
        {
            "tw1": {"IKK.1": {"predikat": "WDP"}, "IKK.2": {"nilai": 65}, "IKK.3": {"nilai": 45}},
            "tw2": {"IKK.1": {"predikat": "WDP"}, "IKK.2": {"nilai": 66}},
        },
    )
    skala = yaml.safe_load((root / "skala.yaml").read_text())
    skala["skala"]["opini_bpk"] = {
        "nama": "Opini BPK",
        "tingkat": [{"kode": "WTP"}, {"kode": "WDP"}, {"kode": "TW"}],
    }
    tulis_yaml(root / "skala.yaml", skala)
    if not anggaran:
        plan = yaml.safe_load((root / "targets-2030.yaml").read_text())
        del plan["sasaran"][0]["anggaran"]
        tulis_yaml(root / "targets-2030.yaml", plan)
    return root


def _tabel_docx(path: Path) -> list[list[list[str]]]:
    """Every table of a .docx as rows of cell texts (footnote numbers left out)."""
    from docx import Document

    from tests.test_laporan import _teks_sel

    return [
        [[_teks_sel(c) for c in row.cells] for row in t.rows] for t in Document(str(path)).tables
    ]


def _tulis(renja: Any, root: Path, path: Path, *args: str) -> Path:
    result = renja(
        "laporan", "--tahun", "2030", *args, "--keluaran", str(path), "--data", str(root)
    )
    assert result.exit_code == 0, result.output
    return path


def test_target_lain_dan_tahun_berjalan_seperti_capaian(renja, tmp_path: Path) -> None:
    """A grade, a range or an unfilled target against which the chapter is not
    written shows as ``capaian --target`` shows it, never as the word 'rentang';
    the evaluated year's row of the multi-year table repeats the summary's target."""
    root = _folder(tmp_path / "data")
    renstra = json.loads(
        renja(
            "capaian", "--tahun", "2030", "--target", "renstra", "--format", "json",
            "--data", str(root),
        ).stdout
    )  # fmt: skip
    assert renstra[0]["target_predikat"] == "WDP"
    assert (renstra[1]["target_min"], renstra[1]["target_maks"]) == (60, 85)
    tabel = _tabel_docx(_tulis(renja, root, tmp_path / "bab.docx"))
    target = [t for t in tabel if t[0][0] == "Jenis target"]
    assert [r[:2] for r in target[0][1:]] == [["PK", "WTP"], ["Renstra", "WDP"]]
    assert [r[:2] for r in target[1][1:]] == [["PK", "70"], ["Renstra", "60–85"], ["PK 2029", "—"]]
    tahun = [t for t in tabel if t[0][0] == "Tahun"]
    assert tahun[0][-1][1:3] == ["WTP", "WDP"]  # IKK.1 in 2030: the grade target, not "—"
    bab = _tabel_docx(_tulis(renja, root, tmp_path / "renstra.docx", "--target", "renstra"))
    tahun = [t for t in bab if t[0][0] == "Tahun"]
    assert tahun[1][-1][1:3] == ["60–85", "66"]  # IKK.2 against its Renstra range


def test_realisasi_triwulan_lalu_bertanda_seperti_capaian(renja, tmp_path: Path) -> None:
    """IKK.3 has no TW II value: ``capaian`` writes ``45 % [TW I]``, so does the chapter
    (summary, target table and the year's row)."""
    root = _folder(tmp_path / "data")
    md = renja("capaian", "--tahun", "2030", "--format", "markdown", "--data", str(root))
    assert "45 % [TW I]" in md.stdout
    tabel = _tabel_docx(_tulis(renja, root, tmp_path / "bab.docx"))
    ringkasan = tabel[0]
    ikk3 = next(r for r in ringkasan if r[1] == "IKK.3")
    assert ikk3[4] == "45 % [TW I]"
    target = next(t for t in tabel if t[0][0] == "Jenis target" and t[1][1] == "50 %")
    assert target[1][2] == "45 % [TW I]"
    tahun = [t for t in tabel if t[0][0] == "Tahun"][2]
    assert tahun[-1][2] == "45 % [TW I]"
    html = _tulis(renja, root, tmp_path / "bab.html").read_text()
    assert "45 % [TW I]" in html


def test_kalimat_perbandingan_membawa_tanda(renja, tmp_path: Path) -> None:
    """'Dibandingkan tahun 2029 (40 %)' repeats a turunan figure: its note is cited."""
    root = _folder(tmp_path / "data")
    md = _tulis(renja, root, tmp_path / "bab.md").read_text()
    kalimat = next(line for line in md.splitlines() if line.startswith("Dibandingkan tahun 2029"))
    nomor = next(
        line.split("]", 1)[0][2:]
        for line in md.splitlines()
        if line.startswith("[^") and TURUNAN_2029 in line
    )
    assert kalimat.startswith(f"Dibandingkan tahun 2029 (40 %^{nomor}^)"), kalimat


def test_pagu_tidak_tercantum_bukan_rp_0(renja, tmp_path: Path) -> None:
    """A sasaran without ``anggaran`` has pagu null in ``ringkasan --format json``; the
    monev document writes '—', not 'Rp 0' (a budget of zero is a stated figure)."""
    root = _folder(tmp_path / "data", anggaran=False)
    data = json.loads(
        renja("ringkasan", "--tahun", "2030", "--format", "json", "--data", str(root)).stdout
    )
    assert data["sasaran"][0]["anggaran"]["pagu"] is None
    path = _tulis(renja, root, tmp_path / "monev.docx", "--jenis", "triwulan")
    anggaran = next(t for t in _tabel_docx(path) if t[0][:2] == ["Sasaran", "Pagu"])
    assert anggaran[1][1] == "—"
    md = _tulis(renja, root, tmp_path / "monev.md", "--jenis", "triwulan").read_text()
    assert "**Anggaran:** pagu —," in md
