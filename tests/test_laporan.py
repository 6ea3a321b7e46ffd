"""``renja laporan``: the evaluation chapter and the monev report as documents.

The chapter of 2024 is checked against the seed's own BAB II: every IKU has its
heading, a table with the printed target, realisasi and capaian of 2024, and
its kendala and follow-up plan as the realisasi file writes them.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml

from renja_cli.dokumen.model import rapikan
from renja_cli.model.realisasi import BerkasRealisasi, BlokNarasi
from tests.conftest import DATA

# (target, realisasi, capaian) of 2024 as the seed prints them (DOMAIN.md, BAB II)
SEED_2024 = {
    "IKU.1": ("100 %", "—", "—"),
    "IKU.2": ("100 %", "100 %", "100,00 %"),
    "IKU.3": ("95", "93,93", "98,87 %"),
    "IKU.4": ("95", "95,69", "100,73 %"),
    "IKU.5": ("100 %", "100 %", "100,00 %"),
    "IKU.6": ("100 %", "100 %", "100,00 %"),
    "IKU.7": ("100 %", "100 %", "100,00 %"),
    "IKU.8": ("100 %", "100 %", "100,00 %"),
    "IKU.9": ("86", "86,64", "100,74 %"),
    "IKU.10": ("100 %", "100 %", "100,00 %"),
    "IKU.11": ("85", "81,15 (sementara)", "95,47 %"),
    "IKU.12": ("80", "75,45", "94,31 %"),
    "IKU.13": ("99", "98,49", "99,48 %"),
    "IKU.14": ("100 %", "100 %", "100,00 %"),
}
# capaian against the other targets the seed states (l.1533-1538, 1784-1787)
SEED_LAIN = {
    "IKU.9": {"Renstra": "99,88 %", "PK 2023": "106,05 %"},
    "IKU.12": {"Renstra": "96,73 %", "PK 2023": "94,31 %"},
    "IKU.4": {"Renstra": "100,73 %"},
}


def _tulis(renja: Any, path: Path, *args: str, data: Path = DATA) -> Path:
    result = renja("laporan", *args, "--keluaran", str(path), "--data", str(data))
    assert result.exit_code == 0, result.output
    assert f"ditulis: {path}" in result.stdout
    return path


def _teks_sel(cell: Any) -> str:
    """Cell text without footnote numbers (a repeated note is a superscript run)."""
    parts = []
    for p in cell.paragraphs:
        for run in p.runs:
            if run.style is not None and run.style.name == "footnote reference":
                continue
            parts.append(run.text)
    return rapikan("".join(parts)).strip()


def _bagian_docx(path: Path) -> dict[str, list[Any]]:
    """Body items (paragraphs and tables) under each Heading 2, by indicator code."""
    from docx import Document

    doc = Document(str(path))
    sections: dict[str, list[Any]] = {}
    current: list[Any] | None = None
    for item in doc.iter_inner_content():
        style = getattr(item, "style", None)
        name = style.name if style is not None else ""
        if name == "Heading 2" and hasattr(item, "text"):
            kode = item.text.split(" ", 1)[0]
            current = sections.setdefault(kode, [])
            continue
        if name == "Heading 1":
            current = None
            continue
        if current is not None:
            current.append(item)
    return sections


def _narasi(kode: str, bagian: str) -> list[str]:
    """Every sentence the 2024 realisasi file writes for one narrative part."""
    data = yaml.safe_load((DATA / "realisasi" / "2024" / "tahunan.yaml").read_text())
    berkas = BerkasRealisasi.model_validate(data, strict=False)
    entry = berkas.realisasi[kode]
    texts: list[str] = []
    for blok in entry.narasi().get(bagian, ()):
        if isinstance(blok, str):
            texts.append(blok)
        elif isinstance(blok, BlokNarasi):
            texts += [t for t in (blok.teks, *(blok.butir or [])) if t]
    return [rapikan(t) for t in texts]


@pytest.fixture(scope="module")
def bab2_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from typer.testing import CliRunner

    from renja_cli.cli.app import app

    path = tmp_path_factory.mktemp("laporan") / "bab2.docx"
    result = CliRunner().invoke(
        app,
        [
            "laporan",
            "--tahun",
            "2024",
            "--jenis",
            "evaluasi",
            "--keluaran",
            str(path),
            "--data",
            str(DATA),
        ],
    )
    assert result.exit_code == 0, result.output
    return path


def test_bab2_docx_memuat_setiap_iku_seperti_naskah(bab2_docx: Path) -> None:
    """Each of the 14 IKU: heading, a table with the seed's 2024 figures, kendala/RTL."""
    sections = _bagian_docx(bab2_docx)
    assert [k for k in sections if not k.startswith("Anggaran")] == list(SEED_2024)
    for kode, (target, realisasi, capaian) in SEED_2024.items():
        items = sections[kode]
        rows = [
            [_teks_sel(c) for c in row.cells] for t in items if hasattr(t, "rows") for row in t.rows
        ]
        assert any(r[:4] == ["2024", target, realisasi, capaian] for r in rows), (kode, rows)
        assert any(r[:4] == ["PK", target, realisasi, capaian] for r in rows), (kode, rows)
        for jenis, expected in SEED_LAIN.get(kode, {}).items():
            assert any(r[0] == jenis and r[3] == expected for r in rows), (kode, jenis, rows)
        text = {rapikan(p.text).strip() for p in items if hasattr(p, "text")}
        for bagian in ("kendala", "rencana_tindak_lanjut"):
            expected_texts = _narasi(kode, bagian)
            for sentence in expected_texts:
                assert sentence in text, (kode, bagian, sentence[:60])
    # the parts the seed does not write say so instead of disappearing
    assert _narasi("IKU.5", "kendala") == [] and _narasi("IKU.14", "rencana_tindak_lanjut") == []
    iku14 = [rapikan(p.text) for p in sections["IKU.14"] if hasattr(p, "text")]
    assert "Tidak diisi di berkas realisasi tahunan." in iku14


def test_bab2_docx_urutan_bab_dan_catatan_kaki(bab2_docx: Path) -> None:
    """Summary first, then one Heading 1 per sasaran; conflicts and marks as footnotes."""
    from docx import Document

    doc = Document(str(bab2_docx))
    heading1 = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert heading1[0] == "Ringkasan capaian kinerja 2024"
    assert [h.split(" ")[0] for h in heading1[1:]] == [f"SS.{i}" for i in range(1, 8)]
    captions = [p.text for p in doc.paragraphs if p.style.name == "Caption"]
    assert captions[0] == "Tabel 1. Capaian indikator kinerja tahun 2024 terhadap target PK"
    assert captions[1].startswith("Gambar 1. ")
    numbers = [int(m.group(1)) for c in captions if (m := re.match(r"Tabel (\d+)\.", c))]
    assert numbers == list(range(1, len(numbers) + 1))
    with zipfile.ZipFile(bab2_docx) as z:
        notes = rapikan(re.sub(r"<[^>]+>", "", z.read("word/footnotes.xml").decode()))
    assert "Naskah menulis &#x27;2,2 poin&#x27;" in notes or "Naskah menulis '2,2 poin'" in notes
    assert "di tahun 2022" in notes  # IKU 8's 33,33 %
    assert "94,55" in notes or "94,55" in " ".join(p.text for p in doc.paragraphs)
    assert "Turunan (target.pk)" in notes  # IKU 9's PK 86


def test_bab2_markdown_dan_html(renja, tmp_path: Path) -> None:
    md = _tulis(renja, tmp_path / "bab2.md", "--tahun", "2024").read_text()
    assert md.startswith('---\ntitle: "BAB II Evaluasi Pelaksanaan Rencana Kerja 2024"')
    # the year carries the seed's '2,2 poin' note as a footnote
    assert re.search(r"\| 2024\[\^\d+\] \| 95 \| 93,93 \| 98,87 % \| \+2,83 \|", md)
    assert "Dibandingkan tahun 2023 (91,1), realisasi 2024 (93,93) naik 2,83." in md
    assert "Tabel 1. Capaian indikator kinerja tahun 2024 terhadap target PK" in md
    html = _tulis(renja, tmp_path / "bab2.html", "--tahun", "2024").read_text()
    assert html.count('<rect class="batang') == 14
    assert "Kegiatan Pembinaan Manajemen Kepegawaian Kantor Regional X BKN Tahun 2024" in html


def test_hitungan_realisasi_dari_rincian(renja, tmp_path: Path) -> None:
    """Where renja computed the realisasi, the chapter states rincian's sentence."""
    md = _tulis(renja, tmp_path / "bab.md", "--tahun", "2025").read_text()
    assert "**Hitungan realisasi:** 14 dari 44 instansi ≥ Tinggi = 31,82 %" in md
    assert "> **DATA CONTOH" in md or "DATA CONTOH" in md


def test_evaluasi_2025_anggaran_sasaran(renja, tmp_path: Path) -> None:
    md = _tulis(renja, tmp_path / "bab.md", "--tahun", "2025", "--triwulan", "3").read_text()
    assert "Anggaran dan penyerapan SK.1, posisi s.d. TW III" in md
    assert "| Rp 885.000.000 | Rp 650.000.000 | 73,45 % |" in md
    assert "Pagu SK.1 tidak tercantum" not in md


def test_laporan_triwulan_docx(renja, tmp_path: Path) -> None:
    from docx import Document

    path = _tulis(
        renja, tmp_path / "monev.docx", "--tahun", "2025", "--jenis", "triwulan", "--triwulan", "3"
    )
    doc = Document(str(path))
    heading1 = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert heading1[:2] == ["Ringkasan", "Anggaran"]
    assert [h.split(" ")[0] for h in heading1[2:9]] == [f"SK.{i}" for i in range(1, 8)]
    assert heading1[9:] == ["Perlu perhatian", "Proyeksi akhir tahun"]
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Jadwal penilaian kompetensi bersama BKN Pusat baru terlaksana di akhir TW III." in text


def test_ringkasan_keluaran_html_docx(renja, tmp_path: Path) -> None:
    for name in ("monev.html", "monev.docx"):
        path = tmp_path / name
        result = renja(
            "ringkasan",
            "--tahun",
            "2025",
            "--triwulan",
            "3",
            "--keluaran",
            str(path),
            "--data",
            str(DATA),
        )
        assert result.exit_code == 0, result.output
        assert path.stat().st_size > 10_000
    html = (tmp_path / "monev.html").read_text()
    assert "Laporan Monitoring dan Evaluasi Triwulan III Tahun 2025" in html
    assert html.count('<rect class="batang') == 13


@pytest.mark.parametrize(
    ("args", "pesan"),
    [
        (("--tahun", "2024"), "--keluaran wajib diisi"),
        (("--tahun", "2024", "--keluaran", "bab.pdf"), "akhiran berkas '.pdf' tidak dikenal"),
        (("--keluaran", "bab.docx"), "--tahun wajib diisi"),
        (
            ("--tahun", "2024", "--jenis", "bulanan", "--keluaran", "b.md"),
            "'bulanan' bukan pilihan",
        ),
    ],
)
def test_opsi_salah(renja, tmp_path: Path, args: tuple[str, ...], pesan: str) -> None:
    args = tuple(str(tmp_path / a) if a.startswith("bab") or a == "b.md" else a for a in args)
    result = renja("laporan", *args, "--data", str(DATA))
    assert result.exit_code == 2
    assert pesan in result.stderr


def test_tidak_menimpa_tanpa_timpa(renja, tmp_path: Path) -> None:
    path = tmp_path / "bab2.md"
    path.write_text("lama")
    result = renja("laporan", "--tahun", "2024", "--keluaran", str(path), "--data", str(DATA))
    assert result.exit_code == 2 and path.read_text() == "lama"
    _tulis(renja, path, "--tahun", "2024", "--timpa")
    assert path.read_text().startswith("---")


def test_tidak_menulis_ke_folder_data(renja, data_copy: Path) -> None:
    result = renja(
        "laporan",
        "--tahun",
        "2024",
        "--keluaran",
        str(data_copy / "bab2.md"),
        "--data",
        str(data_copy),
    )
    assert result.exit_code == 2
    assert not (data_copy / "bab2.md").exists()


SKRIP = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"


def test_markup_dari_data_tetap_teks(renja, data_copy: Path, tmp_path: Path) -> None:
    """A kendala or analysis carrying markup shows as text in every format."""
    tw3 = data_copy / "realisasi" / "2025" / "tw3.yaml"
    text = tw3.read_text()
    text = text.replace(
        "kendala: Jadwal penilaian kompetensi",
        f'kendala: "Jadwal {SKRIP} {IMG} penilaian kompetensi',
    ).replace("baru terlaksana di akhir TW III.", 'baru terlaksana di akhir TW III."')
    tw3.write_text(text)
    tahunan = data_copy / "realisasi" / "2024" / "tahunan.yaml"
    tahunan.write_text(
        tahunan.read_text().replace(
            "- Tetap mengoptimalisasi KMS MASN.", f"- 'Tetap mengoptimalisasi KMS MASN {IMG}.'"
        )
    )
    html = _tulis(
        renja, tmp_path / "m.html", "--tahun", "2025", "--jenis", "triwulan", data=data_copy
    ).read_text()
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    bab = _tulis(renja, tmp_path / "b.html", "--tahun", "2024", data=data_copy).read_text()
    assert "<img" not in bab and "&lt;img src=x onerror=alert(1)&gt;" in bab
    md = _tulis(renja, tmp_path / "b.md", "--tahun", "2024", data=data_copy).read_text()
    assert "\\<img src=x onerror=alert(1)\\>" in md
