"""The HTML document in a real headless Chromium: offline, script-free, printable to A4.

Skipped only when no Chromium is installed (.ci/run installs Debian's package).
"""

from __future__ import annotations

import shutil
import struct
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from dokumen_contoh import IMG, INDIKATOR, JUDUL_BAGIAN, SKRIP, capaian, dokumen_contoh
from peramban import Halaman, chromium, halaman_pdf, peramban
from renja_cli.dokumen.html import render_html
from renja_cli.dokumen.model import GrafikBatang, skala

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.skipif(
    chromium() is None,
    reason="Chromium tidak terpasang (apt-get install chromium; .ci/run memasangnya)",
)

DOK = dokumen_contoh()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with peramban() as b:
        yield b


@pytest.fixture(scope="module")
def berkas_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("html") / "dokumen.html"
    path.write_text(render_html(DOK), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def halaman(browser: Browser, berkas_html: Path) -> Iterator[Halaman]:
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    h = Halaman(context.new_page(), berkas_html.as_uri())
    yield h
    context.close()


def test_tanpa_jaringan_tanpa_galat_tanpa_dialog(halaman: Halaman) -> None:
    """Only the file itself is requested; injected markup neither runs nor renders."""
    page = halaman.page
    page.wait_for_timeout(300)  # give a stray onerror/timer a chance to fire
    assert halaman.requests == [halaman.url]
    assert [c for c in halaman.console if c.startswith(("error", "warning"))] == []
    assert halaman.errors == []
    assert halaman.dialogs == []
    assert page.evaluate("document.scripts.length") == 0
    assert page.evaluate("document.images.length") == 0
    teks = page.inner_text("body")
    assert f"Data terlambat {SKRIP}" in teks
    assert f"Format tidak seragam {IMG}" in teks
    assert "Rp 885.000.000" in teks and "98,87 %" in teks


def test_grafik_satu_batang_sebanding(halaman: Halaman) -> None:
    """One drawn bar per indicator, widths proportional to capaian, line at 100 %."""
    bars = halaman.page.evaluate(
        """() => [...document.querySelectorAll('svg.grafik rect.batang')].map(r => ({
            w: r.getBoundingClientRect().width, x: r.getBoundingClientRect().left,
            fill: getComputedStyle(r).fill, title: r.querySelector('title').textContent}))"""
    )
    assert len(bars) == len(INDIKATOR)
    nilai = [capaian(t, r) for _, t, r in INDIKATOR]
    grafik = next(b for b in DOK.blok if isinstance(b, GrafikBatang))
    maks, _ = skala(grafik)
    per_unit = bars[0]["w"] / nilai[0]
    for bar, v in zip(bars, nilai, strict=True):
        assert bar["w"] == pytest.approx((v or 0) * per_unit, abs=0.6)
        assert bar["x"] == pytest.approx(bars[0]["x"], abs=0.01)
    warna = {b["fill"] for b in bars}
    assert warna == {"rgb(46, 125, 50)", "rgb(198, 40, 40)", "rgb(158, 158, 158)"}
    acuan = halaman.page.evaluate(
        "document.querySelector('svg.grafik line.acuan').getBoundingClientRect().left"
    )
    assert acuan == pytest.approx(bars[0]["x"] + 100 * per_unit, abs=1.5)
    assert bars[0]["x"] + maks * per_unit > acuan
    assert bars[10]["title"] == "Persentase data kinerja terverifikasi: belum ada data"


def test_tangkapan_layar(halaman: Halaman, tmp_path: Path) -> None:
    png = tmp_path / "dokumen.png"
    halaman.page.screenshot(path=str(png), full_page=True)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    lebar, tinggi = struct.unpack(">II", data[16:24])
    assert lebar == 1100 and tinggi > 2000


def test_cetak_pdf_a4(browser: Browser, berkas_html: Path, tmp_path: Path) -> None:
    """Printed by the browser: A4, wide tables on landscape pages, every section there."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(berkas_html.as_uri(), wait_until="load")
    page.emulate_media(media="print")
    judul = page.eval_on_selector_all("main h2", "els => els.map(e => e.textContent)")
    assert judul == list(JUDUL_BAGIAN)
    pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    context.close()
    path = tmp_path / "dokumen.pdf"
    path.write_bytes(pdf)
    halaman = halaman_pdf(pdf)
    a4, lanskap = (595, 842), (842, 595)
    assert set(halaman) == {a4, lanskap}
    assert halaman.count(lanskap) == 3  # one per wide multi-year table
    # title page, summary table and chart, then per sasaran: text, the wide table,
    # the rest; forced breaks before each sasaran
    assert 10 <= len(halaman) <= 16, len(halaman)
    if shutil.which("pdftotext"):
        teks = subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
        for j in JUDUL_BAGIAN:
            assert teks.count(j) == 1, j
        assert f"Halaman 1 dari {len(halaman)}" in teks
        assert "Tabel 7. Anggaran dan penyerapan" in teks
        assert SKRIP in teks
        # a section heading never ends a page (headings are kept with what follows)
        for pagina in teks.split("\f"):
            baris = [b.strip() for b in pagina.splitlines() if b.strip()]
            isi = [b for b in baris if not b.startswith("Halaman ")]
            if isi:
                assert isi[-1] not in JUDUL_BAGIAN, isi[-1]
