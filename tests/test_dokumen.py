"""The document model and its three renderers, checked on the sample document.

The browser half (Chromium loads the HTML, prints it) is test_dokumen_browser.py.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from dokumen_contoh import IMG, INDIKATOR, JUDUL_BAGIAN, SKRIP, dokumen_contoh
from renja_cli.dokumen.docx import render_docx
from renja_cli.dokumen.html import render_html
from renja_cli.dokumen.markdown import render_markdown
from renja_cli.dokumen.model import (
    Baris,
    Batang,
    CatatanKaki,
    Daftar,
    Dokumen,
    GrafikBatang,
    GrupKolom,
    Judul,
    Kolom,
    Paragraf,
    Rujukan,
    Tabel,
    Teks,
    panjang_petak,
    penomoran,
    petak,
    rapikan,
    skala,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DOK = dokumen_contoh()
NOMOR = penomoran(DOK)
KETERANGAN = [
    NOMOR.keterangan(i, b.judul)
    for i, b in enumerate(DOK.blok)
    if isinstance(b, Tabel | GrafikBatang)
]
JUDUL = [(b.level, b.teks) for b in DOK.blok if isinstance(b, Judul)]
CATATAN = [c.teks for c in NOMOR.urutan]


@pytest.fixture(scope="module")
def docx_bytes() -> bytes:
    return render_docx(DOK)


@pytest.fixture(scope="module")
def html_teks() -> str:
    return render_html(DOK)


@pytest.fixture(scope="module")
def md_teks() -> str:
    return render_markdown(DOK)


# -- the model ---------------------------------------------------------------------


def test_penomoran_sekali_untuk_semua_format() -> None:
    """Tables and figures count apart; footnotes take their number at first reference."""
    assert KETERANGAN[0] == "Tabel 1. Ringkasan capaian indikator kinerja tahun 2025"
    assert KETERANGAN[1] == "Gambar 1. Capaian indikator kinerja 2025"
    assert [k.split(".")[0] for k in KETERANGAN] == ["Tabel 1", "Gambar 1"] + [
        f"Tabel {n}" for n in range(2, 8)
    ]
    assert NOMOR.catatan == {"konflik": 1, "sumber": 2, "asumsi": 3}
    assert [c.kunci for c in NOMOR.urutan] == ["konflik", "sumber", "asumsi"]


def test_rujukan_catatan_harus_cocok() -> None:
    tanpa_definisi = Dokumen("x", (Paragraf((Teks("a"), Rujukan("hilang"))),))
    with pytest.raises(ValueError, match="unknown key 'hilang'"):
        penomoran(tanpa_definisi)
    tak_dirujuk = Dokumen("x", (Paragraf("a"),), catatan_kaki=(CatatanKaki("sepi", "t"),))
    with pytest.raises(ValueError, match="never referenced"):
        penomoran(tak_dirujuk)
    with pytest.raises(ValueError, match="defined twice"):
        Dokumen("x", (), catatan_kaki=(CatatanKaki("a", "1"), CatatanKaki("a", "2")))


def test_model_menolak_bentuk_salah() -> None:
    with pytest.raises(ValueError, match="row 0 has 1 cells, expected 2"):
        Tabel("t", (Kolom("a"), Kolom("b")), (Baris(("x",)),))
    with pytest.raises(ValueError, match="grup spans"):
        Tabel("t", (Kolom("a"), Kolom("b")), (), grup=(GrupKolom("g", 3),))
    with pytest.raises(ValueError, match="level"):
        Judul(4, "x")
    with pytest.raises(ValueError, match="status"):
        Baris(("x",), status="hijau")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="rata"):
        Kolom("x", "justify")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="status"):
        Batang("x", 1.0, "1", status="merah")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("nilai", "maks", "hasil"),
    [
        ([131.11, 50.0], None, (140.0, 20.0)),
        ([98.0], None, (100.0, 20.0)),
        ([250.0], None, (250.0, 50.0)),
        ([0.4], None, (100.0, 20.0)),  # the reference line (100) sets the scale
        ([40.0], 60.0, (60.0, 10.0)),  # a fixed end clips longer bars
    ],
)
def test_skala_grafik(nilai: list[float], maks: float | None, hasil: tuple[float, float]) -> None:
    g = GrafikBatang("g", tuple(Batang(str(v), v, str(v)) for v in nilai), maks=maks)
    assert skala(g) == hasil


def test_petak_garis_acuan_tepat_dan_batang_dibulatkan_ke_bawah() -> None:
    """On a grid a 98,87 % bar must stay short of the 100 % line."""
    g = GrafikBatang("g", (Batang("a", 131.11, "x"),))
    n, garis = petak(g, 50)
    assert (n, garis) == (49, 35)
    assert panjang_petak(98.87, 140.0, n) == 34
    assert panjang_petak(100.0, 140.0, n) == 35
    assert panjang_petak(500.0, 140.0, n) == n
    assert panjang_petak(None, 140.0, n) == panjang_petak(-3.0, 140.0, n) == 0


def test_impor_tanpa_python_docx() -> None:
    """Start-up time: importing the renderers must not import python-docx or rich."""
    kode = (
        "import sys, renja_cli.dokumen.docx, renja_cli.dokumen.html, renja_cli.dokumen.markdown;"
        "print(sorted(m for m in ('docx', 'lxml', 'rich') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# -- .docx -------------------------------------------------------------------------


def _docx(data: bytes):  # type: ignore[no-untyped-def]
    import docx

    return docx.Document(io.BytesIO(data))


def test_docx_judul_memakai_gaya_heading_berurutan(docx_bytes: bytes) -> None:
    doc = _docx(docx_bytes)
    styles = [(p.style.name, p.text) for p in doc.paragraphs]
    assert styles[0] == ("Title", DOK.judul)
    assert styles[1] == ("Subtitle", DOK.subjudul)
    headings = [
        (int(name.removeprefix("Heading ")), text)
        for name, text in styles
        if name.startswith("Heading ")
    ]
    assert headings == JUDUL
    assert [t for lv, t in headings if lv == 1] == list(JUDUL_BAGIAN)


def test_docx_tabel_kepala_berulang_dan_keterangan(docx_bytes: bytes) -> None:
    from docx.text.paragraph import Paragraph

    doc = _docx(docx_bytes)
    body = doc.element.body
    keterangan = []
    for el in body.iterchildren(f"{W}tbl"):
        sebelum = Paragraph(el.getprevious(), doc)
        assert sebelum.style.name == "Caption"
        keterangan.append(sebelum.text)
        rows = el.findall(f"{W}tr")
        assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None, keterangan[-1]
        for row in rows:
            assert row.find(f"{W}trPr/{W}cantSplit") is not None
    assert keterangan == KETERANGAN
    # the caption number is a SEQ field, so Word's table of figures finds it
    instr = [t.text.strip() for t in body.iter(f"{W}instrText")]
    assert instr.count("SEQ Tabel \\* ARABIC") == 7
    assert instr.count("SEQ Gambar \\* ARABIC") == 1


def test_docx_angka_sebagai_teks_rata_kanan(docx_bytes: bytes) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = _docx(docx_bytes)
    ringkasan = doc.tables[0]
    assert [c.text for c in ringkasan.rows[0].cells][-2:] == ["Capaian", "Status"]
    kepala = [c.text for c in ringkasan.rows[1].cells]
    assert kepala[1:5] == ["Persentase desa dengan sanitasi layak", "80 %", "79,1 %", "98,88 %"]
    for row in ringkasan.rows[1:]:
        assert row.cells[4].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
        assert row.cells[1].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT
    teks = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    for angka in ("131,11 %", "Rp 885.000.000", "Rp 2.437.037.034", "72,6 %"):
        assert angka in teks
    assert "Persentase rekomendasi BPK & inspektorat ditindaklanjuti" in teks
    assert "Cakupan layanan air minum | perpipaan" in teks


def test_docx_tabel_lebar_di_halaman_lanskap(docx_bytes: bytes) -> None:
    from docx.enum.section import WD_ORIENT

    doc = _docx(docx_bytes)
    orient = [s.orientation for s in doc.sections]
    assert orient.count(WD_ORIENT.LANDSCAPE) == 3
    for s in doc.sections:
        assert (s.page_width > s.page_height) == (s.orientation == WD_ORIENT.LANDSCAPE)
    # each table's section is the first sectPr after it in the body
    body = list(doc.element.body.iterchildren())
    for i, el in enumerate(body):
        if el.tag != f"{W}tbl":
            continue
        judul = "".join(body[i - 1].itertext())
        sect = next(
            e for e in body[i:] if e.tag == f"{W}sectPr" or e.find(f".//{W}sectPr") is not None
        )
        sect = sect if sect.tag == f"{W}sectPr" else sect.find(f".//{W}sectPr")
        lanskap = sect.find(f"{W}pgSz").get(f"{W}orient") == "landscape"
        assert lanskap == ("2022–2025" in judul), judul


def test_docx_nomor_halaman_di_kaki(docx_bytes: bytes) -> None:
    doc = _docx(docx_bytes)
    for section in doc.sections:
        footer = section.footer
        xml = footer._element.xml
        assert "PAGE" in [t.text.strip() for t in footer._element.iter(f"{W}instrText")]
        assert "NUMPAGES" in xml
        assert footer.paragraphs[0].text.startswith("Halaman ")


def test_docx_catatan_kaki_asli(docx_bytes: bytes) -> None:
    z = zipfile.ZipFile(io.BytesIO(docx_bytes))
    types = z.read("[Content_Types].xml").decode()
    assert 'PartName="/word/footnotes.xml"' in types
    assert "footnotes" in z.read("word/_rels/document.xml.rels").decode()
    from lxml import etree

    notes = etree.fromstring(z.read("word/footnotes.xml"))
    isi = {
        int(n.get(f"{W}id")): "".join(n.itertext()).strip()
        for n in notes.iterchildren(f"{W}footnote")
        if n.get(f"{W}type") is None
    }
    assert isi == dict(enumerate(CATATAN, start=1))
    assert SKRIP in isi[1]  # the markup is text in the note, not XML
    document = etree.fromstring(z.read("word/document.xml"))
    refs = [int(r.get(f"{W}id")) for r in document.iter(f"{W}footnoteReference")]
    assert refs == [1, 2, 3]  # one real reference each, in reading order
    settings = z.read("word/settings.xml").decode()
    assert "<w:footnotePr>" in settings


def test_docx_grafik_sebagai_tabel_berarsir(docx_bytes: bytes) -> None:
    doc = _docx(docx_bytes)
    grafik = doc.tables[1]
    baris = grafik.rows[1 : 1 + len(INDIKATOR)]
    assert [r.cells[0].text for r in baris] == [n for n, _, _ in INDIKATOR]
    fills = []
    for row in baris:
        fills.append(
            [
                tc.find(f"{W}tcPr/{W}shd").get(f"{W}fill")
                for tc in row._tr.iterchildren(f"{W}tc")
                if tc.find(f"{W}tcPr/{W}shd") is not None
            ]
        )
    assert fills[0] == [
        "C62828"
    ]  # 98,88 % (79,1 / 80 = 98,875 exactly): one red run, short of the line
    assert fills[1] == ["2E7D32", "2E7D32"]  # 103,03 %: split at the 100 % line
    assert fills[10] == []  # no data: no bar
    assert "98,88 % (belum tercapai)" in baris[0].cells[-1].text
    dashed = grafik._tbl.xml.count('w:val="dashed"')
    assert dashed >= len(INDIKATOR)


@pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice tidak terpasang (apt-get install libreoffice-writer-nogui)",
)
def test_docx_dibuka_libreoffice(docx_bytes: bytes, tmp_path: Path) -> None:
    """The file opens in a real word processor: LibreOffice converts it to PDF."""
    src = tmp_path / "dokumen.docx"
    src.write_bytes(docx_bytes)
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
        capture_output=True, check=True, timeout=120,
    )  # fmt: skip
    pdf = (tmp_path / "dokumen.pdf").read_bytes()
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) >= 10
    if shutil.which("pdftotext"):
        teks = subprocess.run(
            ["pdftotext", "-layout", str(tmp_path / "dokumen.pdf"), "-"],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        for judul in JUDUL_BAGIAN:
            assert judul in teks
        assert "Halaman 1 dari" in teks
        assert "Renja menulis 82 %" in teks  # a footnote, at the foot of its page


# -- Markdown ----------------------------------------------------------------------


def _sel_md(baris: str) -> list[str]:
    """Split a pipe-table row on unescaped pipes."""
    assert baris.startswith("| ") and baris.endswith(" |"), baris
    return re.split(r"(?<!\\)\|", baris[1:-1])


def _tabel_md(md: str) -> list[list[str]]:
    tabel: list[list[str]] = []
    kini: list[str] = []
    for line in [*md.split("\n"), ""]:
        if line.startswith("|"):
            kini.append(line)
        elif kini:
            tabel.append(kini)
            kini = []
    return tabel


def test_markdown_tabel_pipa_rapi(md_teks: str) -> None:
    tabel = _tabel_md(md_teks)
    assert len(tabel) == len(KETERANGAN)
    for t in tabel:
        kepala = _sel_md(t[0])
        assert re.fullmatch(r"\|(:?---:?\|)+", t[1]), t[1]
        assert t[1].count("|") - 1 == len(kepala)
        for baris in t[2:]:
            assert len(_sel_md(baris)) == len(kepala), baris
    ringkasan = tabel[0]
    assert ringkasan[1] == "|---:|:---|---:|---:|---:|:---|"
    assert "| 6 | Cakupan layanan air minum \\| perpipaan | 65 % |" in md_teks


def test_markdown_judul_keterangan_dan_yaml(md_teks: str) -> None:
    kepala = yaml.safe_load(md_teks.split("---\n")[1])
    assert kepala == {"title": DOK.judul, "subtitle": DOK.subjudul, "lang": "id"}
    judul = [
        (len(m[1]), m[2].replace("\\", "")) for m in re.finditer(r"^(#+) (.*)$", md_teks, re.M)
    ]
    assert judul == JUDUL
    paragraf = md_teks.split("\n\n")
    assert [p for p in paragraf if re.match(r"(Tabel|Gambar) \d+\. ", p)] == KETERANGAN


def test_markdown_catatan_kaki_sekali(md_teks: str) -> None:
    definisi = re.findall(r"^\[\^(\d+)\]: ", md_teks, re.M)
    assert definisi == ["1", "2", "3"]
    rujukan = re.findall(r"\[\^(\d+)\](?!:)", md_teks)
    assert rujukan == ["1", "2", "3"]  # once each: pandoc makes a new note per [^n]
    assert md_teks.count("72,6 %^1^") == 3  # "konflik" cited again, as superscript
    assert "[^1]: Renja menulis 82 %, LKjIP menulis 83 % \\<script\\>alert(1)\\</script\\>" in (
        md_teks
    )


def test_markdown_meloloskan_karakter_khusus(md_teks: str) -> None:
    # every "<" from data is escaped; the only raw one opens the page-break comment
    assert set(re.findall(r"(?<!\\)<.{3}", md_teks)) == {"<!--"}
    assert "\\<script\\>alert(1)\\</script\\>" in md_teks
    assert "\\<img src=x onerror=alert(1)\\>" in md_teks
    assert "BPK \\& inspektorat" in md_teks
    # a paragraph starting with "- " would become a list; *tidak* would become emphasis
    assert "\n\\- Capaian ini \\*tidak\\* final; 1. angka sementara \\& \\[belum\\] diaudit.\n" in (
        md_teks
    )
    assert "**6 tercapai**" in md_teks  # real emphasis stays emphasis


def test_markdown_grafik_batang_teks(md_teks: str) -> None:
    grafik = _tabel_md(md_teks)[1]
    assert len(grafik) == 2 + len(INDIKATOR)
    pertama = _sel_md(grafik[2])  # 98,87 %: short of the line
    assert pertama[3].strip() == "`" + "█" * 19 + "·┃`"
    assert _sel_md(grafik[3])[3].strip() == "`" + "█" * 20 + "┃`"  # 103,03 %


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc tidak terpasang")
def test_markdown_dibaca_pandoc(md_teks: str) -> None:
    """pandoc reads the tables as tables, the notes as three notes, data as text."""
    html = subprocess.run(
        ["pandoc", "-f", "markdown", "-t", "html5"],
        input=md_teks, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert html.count("<table") == len(KETERANGAN)
    assert html.count('<li id="fn') == 3
    assert "<script" not in html and "<img" not in html
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 4  # 3 kendala + 1 note
    html = " ".join(html.split())
    assert re.findall(r"<h1[^>]*>(.*?)</h1>", html) == list(JUDUL_BAGIAN)
    assert "<p>- Capaian ini *tidak* final; 1. angka sementara &amp; [belum] diaudit.</p>" in html


_teks = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=150, deadline=None)
@given(sel=st.lists(_teks, min_size=2, max_size=2), kalimat=_teks)
def test_markdown_dan_html_tahan_teks_apa_pun(sel: list[str], kalimat: str) -> None:
    """Any text keeps a pipe table rectangular and stays text in HTML."""
    dok = Dokumen(
        "Uji",
        (
            Tabel("t", (Kolom("a"), Kolom("b", "kanan")), (Baris((sel[0], sel[1])),)),
            Daftar((kalimat,)),
        ),
    )
    md = render_markdown(dok)
    (tabel,) = _tabel_md(md)
    assert all(len(_sel_md(b)) == 2 for b in (tabel[0], *tabel[2:]))
    h = _Html()
    h.feed(render_html(dok))
    assert {t for t, _ in h.tags} <= TAG_STRUKTUR
    teks = "".join(h.teks)
    for x in [*sel, kalimat]:
        assert rapikan(x) in teks


# -- HTML --------------------------------------------------------------------------

TAG_STRUKTUR = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "h4", "p",
    "main", "nav", "ol", "ul", "li", "a", "strong", "em", "sup", "table", "caption",
    "colgroup", "col", "thead", "tbody", "tr", "th", "td", "div", "figure", "figcaption",
    "svg", "g", "rect", "line", "text", "tspan", "section", "span",
}  # fmt: skip


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.teks: list[str] = []
        self.style: list[str] = []
        self._di_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._di_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._di_style = False

    def handle_data(self, data: str) -> None:
        (self.style if self._di_style else self.teks).append(data)


@pytest.fixture(scope="module")
def html_parsed(html_teks: str) -> _Html:
    h = _Html()
    h.feed(html_teks)
    h.close()
    return h


def test_html_tanpa_skrip_dan_tanpa_sumber_luar(html_teks: str, html_parsed: _Html) -> None:
    tags = {t for t, _ in html_parsed.tags}
    assert tags <= TAG_STRUKTUR, tags - TAG_STRUKTUR
    assert "script" not in tags and "img" not in tags and "link" not in tags
    for tag, attrs in html_parsed.tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            if name in ("src", "href", "xlink:href", "action", "srcset"):
                assert value is not None and value.startswith("#"), (tag, name, value)
            if name == "style":
                assert "url(" not in (value or "")
    css = "".join(html_parsed.style)
    assert "url(" not in css and "@import" not in css
    assert not re.search(r"https?:|//[\w.]", html_teks.replace("</", ""))
    assert "default-src 'none'" in html_teks  # CSP: even a mistake cannot fetch


def test_html_teks_data_diloloskan(html_teks: str, html_parsed: _Html) -> None:
    teks = "".join(html_parsed.teks)
    assert f"Data terlambat {SKRIP}" in teks
    assert f"Format tidak seragam {IMG}" in teks
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html_teks
    assert "Rp 885.000.000" in teks and "98,87 %" in teks
    assert "BPK &amp; inspektorat" in html_teks
    assert "<b>" not in html_teks


def test_html_grafik_satu_batang_per_indikator(html_parsed: _Html) -> None:
    rect = [a for t, a in html_parsed.tags if t == "rect"]
    batang = [a for a in rect if "batang" in (a.get("class") or "").split()]
    assert len(batang) == len(INDIKATOR)
    kelas = [(a.get("class") or "").split()[1] for a in batang]
    assert kelas[:3] == ["belum_tercapai", "tercapai", "tercapai"]
    assert kelas[10] == "belum_ada_data" and batang[10]["width"] == "0.00"
    lebar = [float(a["width"] or 0) for a in batang]
    assert lebar[11] / lebar[0] == pytest.approx(131.11 / 98.87, rel=1e-3)
    teks = "".join(html_parsed.teks)
    assert "Persentase desa dengan sanitasi layak: 98,88 % (belum tercapai)" in teks  # <title>
    assert "Persentase data kinerja terverifikasi: belum ada data" in teks


def test_html_struktur_cetak(html_teks: str, html_parsed: _Html) -> None:
    tables = [a for t, a in html_parsed.tags if t == "table"]
    assert len(tables) == html_teks.count("<thead>") == len(KETERANGAN) - 1
    assert html_teks.count('class="tabel-lebar"') == 3
    assert "@page { size: A4" in html_teks and "@page lebar { size: A4 landscape; }" in html_teks
    assert "break-inside: avoid" in html_teks and "break-after: avoid" in html_teks
    teks = "".join(html_parsed.teks)
    for k in KETERANGAN:
        assert k in teks
    h2 = re.findall(r"<h2 [^>]*>(.*?)</h2>", html_teks)
    assert h2 == [j.replace("&", "&amp;") for j in JUDUL_BAGIAN]


def test_keterangan_sama_di_tiga_format(docx_bytes: bytes, html_teks: str, md_teks: str) -> None:
    """Table/figure numbers come from one function: every format prints the same captions."""
    html_k = re.findall(r"<(?:caption|figcaption)[^>]*>(.*?)</", html_teks)
    md_k = [p for p in md_teks.split("\n\n") if re.match(r"(Tabel|Gambar) \d+\. ", p)]
    doc = _docx(docx_bytes)
    docx_k = [p.text for p in doc.paragraphs if p.style.name == "Caption"]
    assert html_k == md_k == docx_k == KETERANGAN


def test_docx_rujukan_ulang_dan_daftar_bernomor_mulai_dari_satu(docx_bytes: bytes) -> None:
    """A note cited again shows its number in superscript; each numbered list restarts."""
    doc = _docx(docx_bytes)
    ulang = [
        r.text
        for t in doc.tables
        for row in t.rows
        for c in row.cells
        for p in c.paragraphs
        for r in p.runs
        if r.style is not None and r.style.name == "footnote reference"
    ]
    assert ulang == ["1", "1", "1"]  # "konflik" again in each multi-year table
    num_ids = []
    for p in doc.paragraphs:
        if p.style.name == "List Number":
            num_ids.append(p._p.pPr.numPr.numId.val)
    assert len(num_ids) == 12 and len(set(num_ids)) == 6  # 6 lists of 2 items


def test_daftar_isi() -> None:
    """Word fills a TOC field from the Heading styles; HTML links to the headings."""
    dok = Dokumen(
        "Judul",
        (Judul(1, "Satu"), Paragraf("a"), Judul(2, "Dua & tiga"), Paragraf("b")),
        daftar_isi=True,
    )
    z = zipfile.ZipFile(io.BytesIO(render_docx(dok)))
    document = z.read("word/document.xml").decode()
    assert 'TOC \\o "1-3" \\h \\z \\u' in document
    assert '<w:updateFields w:val="true"/>' in z.read("word/settings.xml").decode()
    html = render_html(dok)
    assert '<a href="#bagian-0">Satu</a>' in html
    assert '<a href="#bagian-2">Dua &amp; tiga</a>' in html
    assert '<h3 id="bagian-2">Dua &amp; tiga</h3>' in html
