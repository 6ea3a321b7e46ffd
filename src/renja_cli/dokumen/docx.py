"""Word .docx via python-docx (imported only when rendering, for start-up time).

What makes it a real Word document rather than styled text:

* headings use Heading 1–3 (Title/Subtitle for the document's own title), so
  Word's table of contents and navigation pane work; ``daftar_isi`` inserts a
  TOC field that Word fills in when the file is opened;
* tables are Word tables: header rows repeat on every page (``w:tblHeader``),
  rows do not split, fixed column widths from ``Kolom.lebar``, numbers right-
  aligned; captions ``Tabel N.``/``Gambar N.`` carry a SEQ field so Word's
  "table of figures" finds them, with the number decided by the model;
* wide tables sit in their own landscape section (with the heading right
  before them); the footer shows ``Halaman N dari M`` through PAGE/NUMPAGES;
* footnotes are real footnotes: python-docx has no API for them, so this
  module adds the ``word/footnotes.xml`` part itself and places
  ``w:footnoteReference`` runs. A second reference to the same note cannot be
  a second Word footnote (Word would number it anew), so it is written as the
  same number in superscript;
* a bar chart is a table: one row per bar, the bar area cut into narrow
  cells shaded up to the bar's length, a dashed cell border for the reference
  line. It needs no image and looks the same in Word and LibreOffice.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape as xml_escape

from renja_cli.dokumen.model import (
    Blok,
    Daftar,
    Dokumen,
    GrafikBatang,
    Isi,
    Judul,
    Kolom,
    Paragraf,
    PemisahHalaman,
    Penomoran,
    Peringatan,
    Rujukan,
    Tabel,
    keterangan_batang,
    panjang_petak,
    penomoran,
    petak,
    rapikan,
    runs,
    skala,
)
from renja_cli.numbers import format_number

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.oxml.xmlchemy import BaseOxmlElement
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

WARNA_STATUS = {
    "tercapai": "2E7D32",
    "belum_tercapai": "C62828",
    "belum_ada_data": "9E9E9E",
    None: "1565C0",
}
WARNA_BARIS = {"tercapai": "EDF7ED", "belum_tercapai": "FDECEA", "belum_ada_data": "F2F2F2"}
WARNA_KEPALA = "DDE8F3"
SEL_GRAFIK_MAKS = 50
"""At most this many narrow cells make up a chart's bar area (Word allows 63 columns)."""

_TIDAK_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# Successors of elements this module inserts, in the schema's order, so Word's
# strict reader accepts the XML (python-docx orders only what it knows).
_SETELAH_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip
_SETELAH_PSHD = _SETELAH_PBDR[1:]
_SETELAH_TCSHD = ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")
_SETELAH_TBLCELLMAR = ("w:tblLook", "w:tblCaption", "w:tblDescription")
_SETELAH_FOOTNOTEPR = ("w:endnotePr", "w:compat", "w:docVars", "w:rsids")
_SETELAH_UPDATEFIELDS = ("w:hdrShapeDefaults", "w:footnotePr", *_SETELAH_FOOTNOTEPR)


def _bersih(teks: str) -> str:
    """Text safe for XML 1.0 and on one line, as in the other renderers."""
    return _TIDAK_XML.sub("", rapikan(teks))


def _el(tag: str, **attrs: str) -> BaseOxmlElement:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    el = OxmlElement(tag)
    for k, v in attrs.items():
        el.set(qn(f"w:{k}"), v)
    return el


def _sisip(parent: BaseOxmlElement, child: BaseOxmlElement, penerus: tuple[str, ...]) -> None:
    """Insert ``child`` before its first schema successor present, else at the end."""
    from docx.oxml.ns import qn

    tags = {qn(t) for t in penerus}
    for kini in parent:
        if kini.tag in tags:
            kini.addprevious(child)
            return
    parent.append(child)


def _field(p: Paragraph, instr: str, hasil: str, kotor: bool = False) -> None:
    """A complex field (PAGE, SEQ, TOC) with a cached result shown until updated."""
    from docx.oxml.ns import qn

    begin = _el("w:fldChar", fldCharType="begin")
    if kotor:
        begin.set(qn("w:dirty"), "true")
    p.add_run()._r.append(begin)
    instr_el = _el("w:instrText")
    instr_el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr_el.text = f" {instr} "
    p.add_run()._r.append(instr_el)
    p.add_run()._r.append(_el("w:fldChar", fldCharType="separate"))
    p.add_run(hasil)
    p.add_run()._r.append(_el("w:fldChar", fldCharType="end"))


def _shd(fill: str) -> BaseOxmlElement:
    return _el("w:shd", val="clear", color="auto", fill=fill)


def _arsir_sel(cell: _Cell, fill: str) -> None:
    _sisip(cell._tc.get_or_add_tcPr(), _shd(fill), _SETELAH_TCSHD)


def _tc_xml(
    lebar: int,
    teks: str = "",
    *,
    span: int = 1,
    fill: str | None = None,
    batas: dict[str, tuple[str, int, str]] | None = None,
    margin: tuple[int, int] | None = None,
    tebal: bool = False,
    rata: str = "kiri",
) -> str:
    """One chart cell as WordprocessingML, children in schema order, 8.5 pt text."""
    pr = [f'<w:tcW w:w="{lebar}" w:type="dxa"/>']
    if span > 1:
        pr.append(f'<w:gridSpan w:val="{span}"/>')
    if batas:
        garis = "".join(
            f'<w:{s} w:val="{batas[s][0]}" w:sz="{batas[s][1]}" w:space="0" '
            f'w:color="{batas[s][2]}"/>'
            for s in ("top", "left", "bottom", "right")
            if s in batas
        )
        pr.append(f"<w:tcBorders>{garis}</w:tcBorders>")
    if fill:
        pr.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>')
    if margin:
        pr.append(
            f'<w:tcMar><w:left w:w="{margin[0]}" w:type="dxa"/>'
            f'<w:right w:w="{margin[1]}" w:type="dxa"/></w:tcMar>'
        )
    jc = {"kiri": "left", "tengah": "center", "kanan": "right"}[rata]
    r_pr = f'{"<w:b/>" if tebal else ""}<w:sz w:val="17"/><w:szCs w:val="17"/>'
    run = ""
    if teks:
        run = f'<w:r><w:rPr>{r_pr}</w:rPr><w:t xml:space="preserve">{_xml(teks)}</w:t></w:r>'
    return (
        f"<w:tc><w:tcPr>{''.join(pr)}</w:tcPr><w:p><w:pPr>{KEEP}"
        f'<w:spacing w:before="0" w:after="0"/><w:jc w:val="{jc}"/>'
        f"<w:rPr>{r_pr}</w:rPr></w:pPr>{run}</w:p></w:tc>"
    )


KEEP = "\x00keep\x00"
"""Placeholder for <w:keepNext/>, filled per row (text never holds NUL: _bersih drops it)."""


def _tr_xml(sel: list[str], kepala: bool = False, terakhir: bool = False) -> str:
    """A chart row; all but the last keep with the next, so the chart stays on one page."""
    from docx.oxml.ns import nsdecls

    tr_pr = "<w:cantSplit/><w:tblHeader/>" if kepala else "<w:cantSplit/>"
    isi = "".join(sel).replace(KEEP, "" if terakhir else "<w:keepNext/>")
    return f"<w:tr {nsdecls('w')}><w:trPr>{tr_pr}</w:trPr>{isi}</w:tr>"


def _xml(teks: str) -> str:
    return xml_escape(_bersih(teks))


def _tambah_baris(t: Table) -> Any:
    return t.add_row()  # type: ignore[no-untyped-call]


def _baris_kepala(row: Any) -> None:
    """Repeat this row at the top of every page the table runs onto."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(_el("w:cantSplit"))
    tr_pr.append(_el("w:tblHeader"))


def _tak_terbelah(row: Any) -> None:
    row._tr.get_or_add_trPr().append(_el("w:cantSplit"))


class _Penulis:
    def __init__(self, dok: Dokumen) -> None:
        from docx import Document

        self.dok = dok
        self.nomor: Penomoran = penomoran(dok)
        self.doc: DocxDocument = Document()
        self.sudah_dirujuk: set[int] = set()
        self.lanskap = False
        self.list_bernomor = 0
        self._siapkan()

    # -- setup -----------------------------------------------------------------
    def _siapkan(self) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Cm, Pt, RGBColor

        doc = self.doc
        sec = doc.sections[0]
        sec.page_width, sec.page_height = Cm(21), Cm(29.7)
        sec.left_margin = sec.right_margin = Cm(2.5)
        sec.top_margin, sec.bottom_margin = Cm(2.5), Cm(2.2)
        normal = doc.styles["Normal"]
        normal.font.name = "Arial"
        normal.font.size = Pt(11)
        r_pr = normal.element.get_or_add_rPr()
        r_pr.append(_el("w:lang", val="id-ID"))
        caption = doc.styles["Caption"]
        caption.font.size = Pt(10)
        caption.font.bold = True
        caption.font.color.rgb = RGBColor(0, 0, 0)
        caption.paragraph_format.keep_with_next = True
        caption.paragraph_format.space_before = Pt(8)
        caption.paragraph_format.space_after = Pt(3)
        self._gaya_catatan()
        footer = sec.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_run("Halaman ")
        _field(footer, "PAGE", "1")
        footer.add_run(" dari ")
        _field(footer, "NUMPAGES", "1")
        core = doc.core_properties
        core.title = _bersih(self.dok.judul)
        core.subject = _bersih(self.dok.subjudul)
        core.author = "renja"
        core.last_modified_by = "renja"
        core.language = "id-ID"
        core.comments = ""

    def _gaya_catatan(self) -> None:
        """Word's built-in footnote styles, by their built-in names."""
        from docx.enum.style import WD_STYLE_TYPE
        from docx.shared import Pt

        teks = self.doc.styles.add_style("footnote text", WD_STYLE_TYPE.PARAGRAPH)
        teks.base_style = self.doc.styles["Normal"]
        teks.font.size = Pt(9)
        teks.paragraph_format.space_after = Pt(0)
        rujukan = self.doc.styles.add_style("footnote reference", WD_STYLE_TYPE.CHARACTER)
        rujukan.font.superscript = True
        self.gaya_teks_catatan = teks.style_id
        self.gaya_rujukan = rujukan.style_id

    # -- text ------------------------------------------------------------------
    def isi(self, p: Paragraph, isi: Isi, tebal: bool = False) -> None:
        for run in runs(isi):
            if isinstance(run, Rujukan):
                self.rujukan(p, self.nomor.catatan[run.kunci])
                continue
            r = p.add_run(_bersih(run.teks))
            r.bold = run.tebal or tebal or None
            r.italic = run.miring or None

    def rujukan(self, p: Paragraph, n: int) -> None:
        r = p.add_run()
        r.style = self.doc.styles["footnote reference"]
        if n in self.sudah_dirujuk:
            r.text = str(n)
            return
        self.sudah_dirujuk.add(n)
        r._r.append(_el("w:footnoteReference", id=str(n)))

    def keterangan(self, i: int, judul: str) -> None:
        """``Tabel 3. judul`` in Caption style; the number is a SEQ field."""
        urut = self.nomor.urut[i]
        assert urut is not None
        jenis, n = urut
        p = self.doc.add_paragraph(style="Caption")
        p.add_run(f"{jenis} ")
        _field(p, f"SEQ {jenis} \\* ARABIC", str(n))
        p.add_run(f". {_bersih(judul)}")

    # -- layout ----------------------------------------------------------------
    def lebar_teks(self) -> int:
        """Text width in twips: widths are whole twips so merged cells add up exactly."""
        sec = self.doc.sections[-1]
        assert sec.page_width is not None and sec.left_margin is not None
        assert sec.right_margin is not None
        return int(sec.page_width - sec.left_margin - sec.right_margin) // 635

    def orientasi(self, lanskap: bool) -> None:
        """Open a new section when the page orientation must change."""
        if lanskap == self.lanskap:
            return
        from docx.enum.section import WD_ORIENT, WD_SECTION

        sec = self.doc.add_section(WD_SECTION.NEW_PAGE)
        lebar, tinggi = sec.page_width, sec.page_height
        assert lebar is not None and tinggi is not None
        if lanskap != (lebar > tinggi):
            sec.page_width, sec.page_height = tinggi, lebar
        sec.orientation = WD_ORIENT.LANDSCAPE if lanskap else WD_ORIENT.PORTRAIT
        self.lanskap = lanskap

    def perlu_lanskap(self, i: int) -> bool:
        """A wide table, or a heading run leading straight into one."""
        for blok in self.dok.blok[i:]:
            if isinstance(blok, Judul):
                continue
            return isinstance(blok, Tabel) and blok.lebar
        return False

    # -- blocks ----------------------------------------------------------------
    def tulis(self) -> bytes:
        doc = self.doc
        doc.add_paragraph(_bersih(self.dok.judul), style="Title")
        if self.dok.subjudul:
            doc.add_paragraph(_bersih(self.dok.subjudul), style="Subtitle")
        if self.dok.daftar_isi:
            self.daftar_isi()
        for i, blok in enumerate(self.dok.blok):
            self.orientasi(self.perlu_lanskap(i))
            self.blok(i, blok)
        self.catatan_kaki()
        buf = io.BytesIO()
        doc.save(buf)
        return buf.getvalue()

    def blok(self, i: int, blok: Blok) -> None:
        doc = self.doc
        if isinstance(blok, Judul):
            doc.add_heading(_bersih(blok.teks), level=blok.level)
        elif isinstance(blok, Paragraf):
            self.isi(doc.add_paragraph(), blok.isi)
        elif isinstance(blok, Daftar):
            self.daftar(blok)
        elif isinstance(blok, Tabel):
            self.tabel(i, blok)
        elif isinstance(blok, GrafikBatang):
            self.grafik(i, blok)
        elif isinstance(blok, Peringatan):
            self.peringatan(blok.teks)
        elif isinstance(blok, PemisahHalaman):
            self.halaman_baru()
        else:  # pragma: no cover
            raise TypeError(f"unknown block {type(blok).__name__}")

    def halaman_baru(self) -> None:
        from docx.enum.text import WD_BREAK

        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def daftar(self, d: Daftar) -> None:
        gaya = "List Number" if d.bernomor else "List Bullet"
        num_id = self._nomor_baru() if d.bernomor else None
        for butir in d.butir:
            p = self.doc.add_paragraph(style=gaya)
            if num_id is not None:
                num_pr = p._p.get_or_add_pPr().get_or_add_numPr()
                num_pr.get_or_add_ilvl().val = 0
                num_pr.get_or_add_numId().val = num_id
            self.isi(p, butir)

    def _nomor_baru(self) -> int:
        """A numbering instance restarting at 1, so each numbered list counts from 1."""
        from docx.oxml.ns import qn

        gaya = self.doc.styles["List Number"].element
        num_id_el = gaya.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
        assert num_id_el is not None
        numbering = self.doc.part.numbering_part.element
        lama = numbering.num_having_numId(int(num_id_el.get(qn("w:val"))))
        num = numbering.add_num(lama.abstractNumId.val)
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        return int(num.numId)

    def peringatan(self, teks: str) -> None:
        from docx.shared import Pt, RGBColor

        p = self.doc.add_paragraph()
        p_pr = p._p.get_or_add_pPr()
        bdr = _el("w:pBdr")
        for sisi in ("top", "left", "bottom", "right"):
            bdr.append(_el(f"w:{sisi}", val="single", sz="12", space="4", color="B45309"))
        _sisip(p_pr, bdr, _SETELAH_PBDR)
        _sisip(p_pr, _shd("FFF4E0"), _SETELAH_PSHD)
        p.paragraph_format.space_before = Pt(6)
        p.paragraph_format.space_after = Pt(10)
        r = p.add_run(_bersih(teks))
        r.bold = True
        r.font.color.rgb = RGBColor(0x7C, 0x2D, 0x12)

    def _tabel_baru(self, lebar_kolom: list[int]) -> Table:
        from docx.enum.table import WD_TABLE_ALIGNMENT
        from docx.shared import Twips

        t: Table = self.doc.add_table(rows=0, cols=len(lebar_kolom))
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        t.autofit = False  # fixed layout: the widths below hold in Word and LibreOffice
        for col, w in zip(t.columns, lebar_kolom, strict=True):
            col.width = Twips(w)
        return t

    def _sel(self, cell: _Cell, lebar: int, rata: str) -> Paragraph:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt, Twips

        cell.width = Twips(lebar)
        p: Paragraph = cell.paragraphs[0]
        p.alignment = {
            "kiri": WD_ALIGN_PARAGRAPH.LEFT,
            "tengah": WD_ALIGN_PARAGRAPH.CENTER,
            "kanan": WD_ALIGN_PARAGRAPH.RIGHT,
        }[rata]
        p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.space_before = Pt(0)
        return p

    def _lebar(self, kolom: tuple[Kolom, ...]) -> list[int]:
        total = sum(k.lebar for k in kolom)
        return [int(self.lebar_teks() * k.lebar / total) for k in kolom]

    def tabel(self, i: int, tab: Tabel) -> None:
        from docx.shared import Pt

        self.keterangan(i, tab.judul)
        lebar = self._lebar(tab.kolom)
        t = self._tabel_baru(lebar)
        t.style = self.doc.styles["Table Grid"]
        if tab.grup:
            row = _tambah_baris(t)
            _baris_kepala(row)
            awal = 0
            for g in tab.grup:
                sel = row.cells[awal]
                if g.rentang > 1:
                    sel = sel.merge(row.cells[awal + g.rentang - 1])
                for j in range(awal, awal + g.rentang):
                    row.cells[j].width = t.columns[j].width
                p = self._sel(sel, sum(lebar[awal : awal + g.rentang]), "tengah")
                p.add_run(_bersih(g.judul)).bold = True
                _arsir_sel(sel, WARNA_KEPALA)
                awal += g.rentang
        row = _tambah_baris(t)
        _baris_kepala(row)
        for cell, k, w in zip(row.cells, tab.kolom, lebar, strict=True):
            self._sel(cell, w, k.rata).add_run(_bersih(k.judul)).bold = True
            _arsir_sel(cell, WARNA_KEPALA)
        for baris in tab.baris:
            row = _tambah_baris(t)
            _tak_terbelah(row)
            for cell, k, w, isi in zip(row.cells, tab.kolom, lebar, baris.sel, strict=True):
                self.isi(self._sel(cell, w, k.rata), isi, tebal=baris.tebal)
                if baris.status in WARNA_BARIS:
                    _arsir_sel(cell, WARNA_BARIS[baris.status])
        for row in t.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    for r in p.runs:
                        r.font.size = Pt(9.5)
        if tab.sumber:
            p = self.doc.add_paragraph()
            r = p.add_run(_bersih(tab.sumber))
            r.italic = True
            r.font.size = Pt(9)
        else:
            self.doc.add_paragraph().paragraph_format.space_after = Pt(2)

    def grafik(self, i: int, g: GrafikBatang) -> None:
        """The bar chart as a table of narrow shaded cells (see the module docstring).

        Rows are written as XML directly: python-docx's cell access is quadratic
        in the column count, and this table has ~50 columns.
        """
        from docx.oxml import parse_xml
        from docx.shared import Pt

        self.keterangan(i, g.judul)
        maks, langkah = skala(g)
        n, garis = petak(g, SEL_GRAFIK_MAKS)
        tik = max(1, round(maks / langkah))
        per_tik = n // tik
        total = self.lebar_teks()
        w_label, w_nilai = int(total * 0.3), int(total * 0.2)
        w_sel = (total - w_label - w_nilai) // n
        t = self._tabel_baru([w_label, *([w_sel] * n), w_nilai])
        mar = _el("w:tblCellMar")
        mar.append(_el("w:left", w="0", type="dxa"))
        mar.append(_el("w:right", w="0", type="dxa"))
        _sisip(t._tbl.tblPr, mar, _SETELAH_TBLCELLMAR)
        satuan = f" {g.satuan}" if g.satuan else ""

        def batas(awal: int, akhir: int) -> dict[str, tuple[str, int, str]]:
            """Borders of a bar-area cell covering grid columns awal+1..akhir."""
            b = {"left": ("single", 6, "808080")} if awal == 0 else {}
            if garis is not None and awal == garis and garis < n:
                b["left"] = ("dashed", 12, "000000")
            if garis is not None and akhir == garis and garis > 0:
                b["right"] = ("dashed", 12, "000000")
            return b

        def area(potong: list[int], fill: str, isi: int) -> list[str]:
            """The filled run (cut at ``potong``) as merged cells, then single empty cells."""
            sel = [
                _tc_xml(w_sel * (akhir - awal), span=akhir - awal, fill=fill,
                        batas=batas(awal, akhir))
                for awal, akhir in zip([0, *potong], [*potong, isi], strict=True)
                if akhir > awal
            ]  # fmt: skip
            return sel + [_tc_xml(w_sel, batas=batas(k, k + 1)) for k in range(isi, n)]

        def label(teks: str, tebal: bool = False) -> str:
            return _tc_xml(w_label, teks, tebal=tebal, margin=(60, 100))

        def nilai(teks: str, tebal: bool = False) -> str:
            return _tc_xml(w_nilai, teks, tebal=tebal, margin=(80, 60))

        acuan = ""
        if g.garis_acuan is not None:
            acuan = f"┆ = {g.label_acuan} {format_number(g.garis_acuan, 2, trim=True)}{satuan}"
        tengah = _tc_xml(w_sel * n, acuan, span=n, rata="tengah")
        baris = [_tr_xml([label("Indikator", True), tengah, nilai("Nilai", True)], kepala=True)]
        for b in g.batang:
            panjang = panjang_petak(b.nilai, maks, n)
            # One merged cell per bar, cut at the reference line: no seams inside a bar.
            potong = [garis] if garis is not None and 0 < garis < panjang else []
            sel = area(potong, WARNA_STATUS[b.status], panjang)
            baris.append(_tr_xml([label(b.label), *sel, nilai(keterangan_batang(b))]))
        sumbu = [
            _tc_xml(w_sel * per_tik, format_number(k * langkah, 2, trim=True), span=per_tik,
                    batas={"top": ("single", 4, "808080")})
            for k in range(tik)
        ]  # fmt: skip
        ujung = nilai(f"{format_number(maks, 2, trim=True)}{satuan}")
        baris.append(_tr_xml([label(""), *sumbu, ujung], terakhir=True))
        for xml in baris:
            t._tbl.append(parse_xml(xml))
        self.doc.add_paragraph().paragraph_format.space_after = Pt(2)

    def daftar_isi(self) -> None:
        from docx.oxml.ns import qn

        self.doc.add_paragraph("Daftar Isi", style="TOC Heading")
        p = self.doc.add_paragraph()
        _field(
            p,
            'TOC \\o "1-3" \\h \\z \\u',
            "Daftar isi akan terisi saat bidang diperbarui (klik kanan → Perbarui Bidang).",
            kotor=True,
        )
        settings = self.doc.settings.element
        if settings.find(qn("w:updateFields")) is None:
            _sisip(settings, _el("w:updateFields", val="true"), _SETELAH_UPDATEFIELDS)
        self.halaman_baru()

    # -- footnotes ---------------------------------------------------------------
    def catatan_kaki(self) -> None:
        """Add word/footnotes.xml: separators (ids -1, 0) then one note per number."""
        if not self.nomor.urutan:
            return
        from docx.opc.constants import CONTENT_TYPE as CT
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
        from docx.opc.packuri import PackURI
        from docx.opc.part import XmlPart
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls, qn

        root = parse_xml(
            f"<w:footnotes {nsdecls('w')}>"
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr>'
            '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
            "<w:r><w:separator/></w:r></w:p></w:footnote>"
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr>'
            '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
            "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
            "</w:footnotes>"
        )
        for n, catatan in enumerate(self.nomor.urutan, start=1):
            note = _el("w:footnote", id=str(n))
            p = _el("w:p")
            p_pr = _el("w:pPr")
            p_pr.append(_el("w:pStyle", val=self.gaya_teks_catatan))
            p.append(p_pr)
            r = _el("w:r")
            r_pr = _el("w:rPr")
            r_pr.append(_el("w:rStyle", val=self.gaya_rujukan))
            r.append(r_pr)
            r.append(_el("w:footnoteRef"))
            p.append(r)
            r = _el("w:r")
            t = _el("w:t")
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            t.text = f" {_bersih(catatan.teks)}"
            r.append(t)
            p.append(r)
            note.append(p)
            root.append(note)
        package = self.doc.part.package
        assert package is not None
        part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, root, package)
        self.doc.part.relate_to(part, RT.FOOTNOTES)
        settings = self.doc.settings.element
        if settings.find(qn("w:footnotePr")) is None:
            pr = _el("w:footnotePr")
            pr.append(_el("w:footnote", id="-1"))
            pr.append(_el("w:footnote", id="0"))
            _sisip(settings, pr, _SETELAH_FOOTNOTEPR)


def render_docx(dok: Dokumen) -> bytes:
    """The whole document as .docx bytes (A4, Indonesian proofing language)."""
    return _Penulis(dok).tulis()
