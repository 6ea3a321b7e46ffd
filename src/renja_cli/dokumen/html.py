"""One self-contained HTML file: inline CSS, inline SVG charts, no script.

The file makes no request of any kind (a Content-Security-Policy meta tag
forbids them, so even a mistake cannot fetch anything), reads without
JavaScript and prints to A4: wide tables go on landscape pages, table headers
repeat, headings stay with what follows. Every text from data goes through
:func:`html.escape`, so a *kendala* holding markup shows as text.
"""

from __future__ import annotations

from html import escape

from renja_cli.dokumen.model import (
    STATUS_LABEL,
    Baris,
    Batang,
    Blok,
    Daftar,
    Dokumen,
    GrafikBatang,
    Isi,
    Judul,
    Paragraf,
    PemisahHalaman,
    Penomoran,
    Peringatan,
    Rujukan,
    Tabel,
    keterangan_batang,
    penomoran,
    rapikan,
    runs,
    skala,
)
from renja_cli.numbers import format_number

CSP = "default-src 'none'; style-src 'unsafe-inline'"

CSS = """
@page { size: A4; margin: 18mm 16mm 20mm;
  @bottom-center { content: "Halaman " counter(page) " dari " counter(pages);
    font: 9pt sans-serif; color: #555; } }
@page lebar { size: A4 landscape; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; box-sizing: border-box; }
html { color-scheme: light; }
body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 11pt;
  line-height: 1.45; color: #1a1a1a; background: #fff; max-width: 62rem; margin: 0 auto;
  padding: 1.5rem; }
header { margin-bottom: 1.5rem; }
h1 { font-size: 18pt; margin: 0 0 .2em; }
h2 { font-size: 15pt; margin: 1.4em 0 .4em; }
h3 { font-size: 13pt; margin: 1.2em 0 .35em; }
h4 { font-size: 11.5pt; margin: 1em 0 .3em; }
h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; break-inside: avoid; }
.subjudul { font-size: 12pt; color: #444; margin: 0; }
p, li { orphans: 2; widows: 2; }
table { border-collapse: collapse; width: 100%; margin: .6em 0 .3em; font-size: 9.5pt;
  break-inside: avoid; page-break-inside: avoid; }
caption { caption-side: top; text-align: left; font-weight: bold; padding: 0 0 .35em; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #8a8a8a; padding: .25em .45em; vertical-align: top; }
th { background: #dde8f3; text-align: left; }
.kanan { text-align: right; }
.tengah { text-align: center; }
td.kanan { font-variant-numeric: tabular-nums; }
tr.tercapai > td { background: #edf7ed; }
tr.belum_tercapai > td { background: #fdecea; }
tr.belum_ada_data > td { background: #f2f2f2; }
tr.tebal > td { font-weight: bold; }
.sumber { font-size: 9pt; color: #444; margin: 0 0 1em; }
.tabel-lebar { page: lebar; }
figure { margin: 1em 0; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-weight: bold; margin-bottom: .35em; }
svg.grafik { width: 100%; height: auto; display: block; }
svg.grafik text { font-family: inherit; fill: #1a1a1a; }
svg.grafik .label { font-size: 11px; }
svg.grafik .nilai { font-size: 11px; paint-order: stroke; stroke: #fff; stroke-width: 3px;
  stroke-linejoin: round; }
svg.grafik .skala { font-size: 10px; fill: #555; }
svg.grafik .kisi { stroke: #ddd; stroke-width: 1; }
svg.grafik .sumbu { stroke: #888; stroke-width: 1; }
svg.grafik .acuan { stroke: #111; stroke-width: 1.5; stroke-dasharray: 5 3; }
svg.grafik .teks-acuan { font-size: 10px; font-weight: bold; }
.batang.tercapai, .sampel.tercapai { fill: #2e7d32; background: #2e7d32; }
.batang.belum_tercapai, .sampel.belum_tercapai { fill: #c62828; background: #c62828; }
.batang.belum_ada_data, .sampel.belum_ada_data { fill: #9e9e9e; background: #9e9e9e; }
.batang.netral, .sampel.netral { fill: #1565c0; background: #1565c0; }
.legenda { list-style: none; padding: 0; margin: .3em 0 0; font-size: 9.5pt; }
.legenda li { display: inline-block; margin-right: 1.2em; }
.sampel { display: inline-block; width: .9em; height: .9em; vertical-align: -.1em;
  margin-right: .35em; }
.peringatan { border: 2px solid #b45309; background: #fff4e0; padding: .6em .9em;
  margin: 1em 0; font-weight: bold; break-inside: avoid; }
.pemisah-halaman { break-after: page; page-break-after: always; }
sup.rujukan { line-height: 0; font-size: .75em; }
sup.rujukan a { text-decoration: none; }
nav.daftar-isi ol { list-style: none; padding-left: 0; }
nav.daftar-isi .level-2 { padding-left: 1.2em; }
nav.daftar-isi .level-3 { padding-left: 2.4em; }
.judul-daftar-isi { font-weight: bold; }
.catatan-kaki { font-size: 9.5pt; border-top: 1px solid #8a8a8a; margin-top: 2em;
  padding-top: .4em; }
@media print { body { max-width: none; padding: 0; } a { color: inherit; } }
"""


def _e(teks: str) -> str:
    return escape(rapikan(teks), quote=True)


class _Penulis:
    """Walks the document once; keeps footnote marker ids unique."""

    def __init__(self, dok: Dokumen) -> None:
        self.dok = dok
        self.nomor: Penomoran = penomoran(dok)
        self.rujukan_ke: dict[int, int] = {}

    def isi(self, isi: Isi) -> str:
        out: list[str] = []
        for run in runs(isi):
            if isinstance(run, Rujukan):
                out.append(self.rujukan(run))
                continue
            teks = _e(run.teks)
            if run.tebal:
                teks = f"<strong>{teks}</strong>"
            if run.miring:
                teks = f"<em>{teks}</em>"
            out.append(teks)
        return "".join(out)

    def rujukan(self, run: Rujukan) -> str:
        n = self.nomor.catatan[run.kunci]
        k = self.rujukan_ke[n] = self.rujukan_ke.get(n, 0) + 1
        ident = f"rujukan-{n}" if k == 1 else f"rujukan-{n}-{k}"
        return (
            f'<sup class="rujukan" id="{ident}">'
            f'<a href="#catatan-{n}" aria-label="catatan {n}">{n}</a></sup>'
        )

    def blok(self, i: int, blok: Blok) -> str:
        if isinstance(blok, Judul):
            h = blok.level + 1
            return f'<h{h} id="bagian-{i}">{_e(blok.teks)}</h{h}>'
        if isinstance(blok, Paragraf):
            return f"<p>{self.isi(blok.isi)}</p>"
        if isinstance(blok, Daftar):
            tag = "ol" if blok.bernomor else "ul"
            items = "".join(f"<li>{self.isi(b)}</li>" for b in blok.butir)
            return f"<{tag}>{items}</{tag}>"
        if isinstance(blok, Tabel):
            return self.tabel(i, blok)
        if isinstance(blok, GrafikBatang):
            return self.grafik(i, blok)
        if isinstance(blok, Peringatan):
            return f'<div class="peringatan" role="note">{_e(blok.teks)}</div>'
        if isinstance(blok, PemisahHalaman):
            return '<div class="pemisah-halaman"></div>'
        raise TypeError(f"unknown block {type(blok).__name__}")  # pragma: no cover

    def tabel(self, i: int, t: Tabel) -> str:
        kelas: list[str] = [k.rata for k in t.kolom]
        kepala: list[str] = []
        if t.grup:
            sel = "".join(
                f'<th colspan="{g.rentang}" scope="colgroup" class="tengah">{_e(g.judul)}</th>'
                for g in t.grup
            )
            kepala.append(f"<tr>{sel}</tr>")
        sel = "".join(f'<th scope="col" class="{k.rata}">{_e(k.judul)}</th>' for k in t.kolom)
        kepala.append(f"<tr>{sel}</tr>")
        total = sum(k.lebar for k in t.kolom)
        cols = "".join(f'<col style="width:{k.lebar / total * 100:.2f}%">' for k in t.kolom)
        badan = "".join(self.baris(b, kelas) for b in t.baris)
        caption = _e(self.nomor.keterangan(i, t.judul))
        html = (
            f'<table id="tabel-{i}"><caption>{caption}</caption><colgroup>{cols}</colgroup>'
            f"<thead>{''.join(kepala)}</thead><tbody>{badan}</tbody></table>"
        )
        if t.sumber:
            html += f'<p class="sumber">{_e(t.sumber)}</p>'
        if t.lebar:
            html = f'<div class="tabel-lebar">{html}</div>'
        return html

    def baris(self, b: Baris, kelas: list[str]) -> str:
        kelas_baris = [c for c in (b.status, "tebal" if b.tebal else None) if c]
        attr = f' class="{" ".join(kelas_baris)}"' if kelas_baris else ""
        sel = "".join(
            f'<td class="{k}">{self.isi(s)}</td>' for k, s in zip(kelas, b.sel, strict=True)
        )
        return f"<tr{attr}>{sel}</tr>"

    def grafik(self, i: int, g: GrafikBatang) -> str:
        caption = _e(self.nomor.keterangan(i, g.judul))
        svg = grafik_svg(g, f"gambar-{i}-judul", self.nomor.keterangan(i, g.judul))
        dipakai = [s for s in STATUS_LABEL if any(b.status == s for b in g.batang)]
        legenda = "".join(
            f'<li><span class="sampel {s}"></span>{_e(STATUS_LABEL[s])}</li>' for s in dipakai
        )
        if g.garis_acuan is not None:
            legenda += f"<li>- - - {_e(_teks_acuan(g))}</li>"
        return (
            f'<figure id="gambar-{i}"><figcaption id="gambar-{i}-judul">{caption}</figcaption>'
            f'{svg}<ul class="legenda">{legenda}</ul></figure>'
        )

    def daftar_isi(self) -> str:
        butir = "".join(
            f'<li class="level-{b.level}"><a href="#bagian-{i}">{_e(b.teks)}</a></li>'
            for i, b in enumerate(self.dok.blok)
            if isinstance(b, Judul)
        )
        return (
            '<nav class="daftar-isi" aria-label="Daftar isi">'
            f'<p class="judul-daftar-isi">Daftar Isi</p><ol>{butir}</ol></nav>'
        )

    def catatan(self) -> str:
        if not self.nomor.urutan:
            return ""
        butir = "".join(
            f'<li id="catatan-{n}">{_e(c.teks)} '
            f'<a href="#rujukan-{n}" aria-label="kembali ke teks">↑</a></li>'
            for n, c in enumerate(self.nomor.urutan, start=1)
        )
        return f'<section class="catatan-kaki" aria-label="Catatan kaki"><ol>{butir}</ol></section>'


def _angka(nilai: float) -> str:
    return format_number(nilai, 2, trim=True)


def _teks_acuan(g: GrafikBatang) -> str:
    assert g.garis_acuan is not None
    satuan = f" {g.satuan}" if g.satuan else ""
    return f"{g.label_acuan} {_angka(g.garis_acuan)}{satuan}".strip()


def _baris_label(label: str, lebar: int = 40, maks_baris: int = 2) -> list[str]:
    """Wrap a label into at most two lines; the bar's <title> keeps the whole text."""
    kata = rapikan(label).split(" ")
    baris: list[str] = []
    kini = ""
    for k in kata:
        if kini and len(kini) + 1 + len(k) > lebar:
            baris.append(kini)
            kini = k
        else:
            kini = f"{kini} {k}" if kini else k
    baris.append(kini)
    if len(baris) > maks_baris:
        baris = baris[:maks_baris]
        baris[-1] = baris[-1][: lebar - 1].rstrip() + "…"
    return [b if len(b) <= lebar else b[: lebar - 1] + "…" for b in baris]


# Geometry of the chart, in SVG user units (the SVG scales to the page width).
W, X0, BAR_W, ATAS, BAWAH = 720, 262, 350, 22, 26


def grafik_svg(g: GrafikBatang, labelledby: str, judul: str) -> str:
    """A horizontal bar chart: one ``rect.batang`` per bar, scale ticks, dashed reference."""
    maks, langkah = skala(g)
    satuan = f" {g.satuan}" if g.satuan else ""
    bagian: list[str] = []
    y = ATAS
    for b in g.batang:
        label = _baris_label(b.label)
        tinggi = 24 if len(label) == 1 else 36
        bagian.append(_batang_svg(b, label, y, tinggi, maks))
        y += tinggi
    dasar = y
    kisi: list[str] = []
    n = round(maks / langkah)
    for k in range(n + 1):
        x = X0 + BAR_W * k / n
        kisi.append(
            f'<line class="kisi" x1="{x:.1f}" y1="{ATAS - 4}" x2="{x:.1f}" y2="{dasar}"/>'
            f'<text class="skala" x="{x:.1f}" y="{dasar + 14}" text-anchor="middle">'
            f"{escape(_angka(k * langkah))}{escape(satuan)}</text>"
        )
    kisi.append(f'<line class="sumbu" x1="{X0}" y1="{ATAS - 4}" x2="{X0}" y2="{dasar}"/>')
    acuan = ""
    if g.garis_acuan is not None and 0 <= g.garis_acuan <= maks:
        x = X0 + BAR_W * g.garis_acuan / maks
        acuan = (
            f'<line class="acuan" x1="{x:.1f}" y1="{ATAS - 8}" x2="{x:.1f}" y2="{dasar}"/>'
            f'<text class="teks-acuan" x="{x:.1f}" y="{ATAS - 11}" text-anchor="middle">'
            f"{_e(_teks_acuan(g))}</text>"
        )
    tinggi_svg = dasar + BAWAH
    return (
        f'<svg class="grafik" viewBox="0 0 {W} {tinggi_svg}" '
        f'role="group" aria-labelledby="{labelledby}">'
        f"<title>{_e(judul)}</title>{''.join(kisi)}{''.join(bagian)}{acuan}</svg>"
    )


def _batang_svg(b: Batang, label: list[str], y: int, tinggi: int, maks: float) -> str:
    nilai = b.nilai if b.nilai is not None and b.nilai > 0 else 0.0
    panjang = BAR_W * min(nilai, maks) / maks
    status = b.status or "netral"
    keterangan = f"{rapikan(b.label)}: {keterangan_batang(b)}"
    tengah = y + tinggi / 2
    baris_label = "".join(
        f'<tspan x="{X0 - 8}" dy="{"0" if k == 0 else "1.2em"}">{_e(t)}</tspan>'
        for k, t in enumerate(label)
    )
    awal = tengah - (len(label) - 1) * 6.5 + 4
    return (
        f'<g class="baris-grafik">'
        f'<text class="label" x="{X0 - 8}" y="{awal:.1f}" text-anchor="end">{baris_label}</text>'
        f'<rect class="batang {status}" x="{X0}" y="{tengah - 8:.1f}" width="{panjang:.2f}" '
        f'height="16" data-nilai="{escape(repr(b.nilai))}"><title>{_e(keterangan)}</title></rect>'
        f'<text class="nilai" x="{X0 + panjang + 5:.1f}" y="{tengah + 4:.1f}">'
        f"{_e(b.teks_nilai)}</text></g>"
    )


def render_html(dok: Dokumen) -> str:
    """The whole document as one HTML page (UTF-8 text)."""
    p = _Penulis(dok)
    badan = "\n".join(p.blok(i, b) for i, b in enumerate(dok.blok))
    subjudul = f'<p class="subjudul">{_e(dok.subjudul)}</p>' if dok.subjudul else ""
    daftar_isi = p.daftar_isi() if dok.daftar_isi else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="id">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        f"<title>{_e(dok.judul)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"<header><h1>{_e(dok.judul)}</h1>{subjudul}</header>\n{daftar_isi}\n"
        f"<main>\n{badan}\n</main>\n{p.catatan()}\n</body>\n</html>\n"
    )
