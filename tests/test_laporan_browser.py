"""The monev page and the evaluation chapter in a real headless Chromium.

Both pages are written by the CLI from a copy of the data whose *kendala*
carries markup: they must load offline with no console error, draw one bar per
indicator, and print to A4 with every section. Skipped only when no Chromium
is installed (.ci/run installs Debian's package).
"""

from __future__ import annotations

import shutil
import struct
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from typer.testing import CliRunner

from peramban import Halaman, chromium, halaman_pdf, peramban
from renja_cli.cli.app import app
from tests.conftest import DATA

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.skipif(
    chromium() is None,
    reason="Chromium tidak terpasang (apt-get install chromium; .ci/run memasangnya)",
)

SKRIP = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
SEKSI_MONEV = (
    "Ringkasan",
    "Anggaran",
    "SK.1",
    "SK.2",
    "SK.3",
    "SK.4",
    "SK.5",
    "SK.6",
    "SK.7",
    "Perlu perhatian",
    "Proyeksi akhir tahun",
)
SEKSI_BAB2 = ("Ringkasan capaian kinerja 2024", *(f"SS.{i}" for i in range(1, 8)))


def _cli(*args: str) -> None:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Data whose TW III kendala and 2024 follow-up plan carry markup."""
    root = tmp_path_factory.mktemp("laporan")
    data = root / "data"
    shutil.copytree(DATA, data)
    for path, old, new in (
        (
            data / "realisasi" / "2025" / "tw3.yaml",
            "kendala: Jadwal penilaian kompetensi bersama BKN Pusat baru terlaksana di akhir "
            "TW III.",
            f"kendala: 'Jadwal penilaian {SKRIP} terlambat {IMG}'",
        ),
        (
            data / "realisasi" / "2024" / "tahunan.yaml",
            "- Tetap mengoptimalisasi KMS MASN.",
            f"- 'Tetap mengoptimalisasi KMS MASN {IMG}.'",
        ),
    ):
        text = path.read_text()
        assert old in text
        path.write_text(text.replace(old, new))
    out = root / "keluaran"
    out.mkdir()
    _cli("ringkasan", "--tahun", "2025", "--triwulan", "3", "--data", str(data),
         "--keluaran", str(out / "monev.html"))  # fmt: skip
    _cli("laporan", "--tahun", "2024", "--data", str(data), "--keluaran", str(out / "bab2.html"))
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with peramban() as b:
        yield b


def _buka(browser: Browser, path: Path) -> Iterator[Halaman]:
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    yield Halaman(context.new_page(), path.as_uri())
    context.close()


@pytest.fixture(scope="module")
def monev(browser: Browser, folder: Path) -> Iterator[Halaman]:
    yield from _buka(browser, folder / "monev.html")


@pytest.fixture(scope="module")
def bab2(browser: Browser, folder: Path) -> Iterator[Halaman]:
    yield from _buka(browser, folder / "bab2.html")


@pytest.mark.parametrize("nama", ["monev", "bab2"])
def test_tanpa_jaringan_tanpa_galat(nama: str, request: pytest.FixtureRequest) -> None:
    """Only the file itself is requested; the markup in the data neither runs nor renders."""
    halaman: Halaman = request.getfixturevalue(nama)
    page = halaman.page
    page.wait_for_timeout(300)  # a stray onerror/timer would fire by now
    assert halaman.requests == [halaman.url]
    assert [c for c in halaman.console if c.startswith(("error", "warning"))] == []
    assert halaman.errors == [] and halaman.dialogs == []
    assert page.evaluate("document.scripts.length") == 0
    assert page.evaluate("document.images.length") == 0
    teks = page.inner_text("body")
    if nama == "monev":
        assert f"Jadwal penilaian {SKRIP} terlambat {IMG}" in teks
        assert "Rp 885.000.000" in teks and "Rp 15.669.146.000" in teks
    else:
        assert f"Tetap mengoptimalisasi KMS MASN {IMG}." in teks
        assert "98,87 %" in teks and "93,93" in teks


@pytest.mark.parametrize(("nama", "kode"), [("monev", "IKK"), ("bab2", "IKU")])
def test_grafik_satu_batang_per_indikator(
    nama: str, kode: str, request: pytest.FixtureRequest
) -> None:
    """One bar per indicator, in order, its length proportional to the capaian it shows."""
    halaman: Halaman = request.getfixturevalue(nama)
    bars = halaman.page.evaluate(
        """() => [...document.querySelectorAll('svg.grafik rect.batang')].map(r => ({
            w: r.getBoundingClientRect().width, nilai: r.dataset.nilai,
            title: r.querySelector('title').textContent}))"""
    )
    n = 13 if kode == "IKK" else 14
    assert [b["title"].split(" ")[0] for b in bars] == [f"{kode}.{i}" for i in range(1, n + 1)]
    drawn = [(float(b["nilai"]), b["w"]) for b in bars if b["nilai"] != "None"]
    assert len(drawn) >= n - 1
    per_unit = drawn[0][1] / drawn[0][0]
    for nilai, width in drawn:
        assert width == pytest.approx(nilai * per_unit, abs=0.6)
    if kode == "IKU":  # IKU 1 has no 2024 value: a bar of no length that says so
        assert bars[0]["nilai"] == "None" and bars[0]["w"] == 0
        assert bars[0]["title"].endswith("belum ada data")


@pytest.mark.parametrize("nama", ["monev", "bab2"])
def test_tangkapan_layar(nama: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    halaman: Halaman = request.getfixturevalue(nama)
    png = tmp_path / f"{nama}.png"
    halaman.page.screenshot(path=str(png), full_page=True)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    lebar, tinggi = struct.unpack(">II", data[16:24])
    assert lebar == 1100 and tinggi > 2000


@pytest.mark.parametrize(("nama", "seksi"), [("monev", SEKSI_MONEV), ("bab2", SEKSI_BAB2)])
def test_cetak_pdf_a4(
    browser: Browser, folder: Path, tmp_path: Path, nama: str, seksi: tuple[str, ...]
) -> None:
    """Printed by the browser: A4 pages (landscape for wide tables) and every section."""
    context = browser.new_context()
    page = context.new_page()
    page.goto((folder / f"{nama}.html").as_uri(), wait_until="load")
    page.emulate_media(media="print")
    judul = page.eval_on_selector_all("main h2", "els => els.map(e => e.textContent)")
    assert len(judul) == len(seksi)
    assert all(j.startswith(s) for j, s in zip(judul, seksi, strict=True)), judul
    pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    context.close()
    path = tmp_path / f"{nama}.pdf"
    path.write_bytes(pdf)
    halaman = halaman_pdf(pdf)
    assert set(halaman) <= {(595, 842), (842, 595)}
    assert len(halaman) >= len(seksi) // 2
    if shutil.which("pdftotext"):
        teks = subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
        flat = " ".join(teks.split())
        for j in judul:
            assert " ".join(j.split())[:40] in flat, j
        assert f"Halaman 1 dari {len(halaman)}" in teks
