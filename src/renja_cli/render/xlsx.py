"""The quarterly summary as an Excel workbook (openpyxl, imported only here).

Every sheet prints on A4 landscape one page wide with its title and header
rows on each page, carries the example-data warning in its title rows and
printed page header, freezes its header, filters, wraps long text and colours
status with conditional formats. Numbers are plain values stored rounded as
the report shows them, never formulas; a column that mixes units (the
projection) has a units column beside it. Text from data is always text
(:mod:`renja_cli.render.lembar`), so a narrative like ``=HYPERLINK(…)`` stays
a narrative. The *Grafik* sheet holds a native Excel bar chart of annual
capaian with the 100 % line. The data folder is named, not its absolute path.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from renja_cli.laporan.objek import BarisCapaian
from renja_cli.laporan.ringkasan import BarisRingkasan, LaporanRingkasan
from renja_cli.numbers import round_half_up
from renja_cli.rekaman import dataclass, field
from renja_cli.render.common import STATUS_LABEL, nama, sel_agregat, sel_target, tanda_teks
from renja_cli.render.lembar import baris, cetak, gaya_judul, tinggi_baris, tulis
from renja_cli.render.ringkasan import PANAH, PROYEKSI_LABEL

FMT_PERSEN = '0.00" %"'
FMT_ANGKA = "#,##0.00"
FMT_JUMLAH = "#,##0"
FMT_RUPIAH = '"Rp "#,##0'
FMT_INDEKS = "0.00"

BARIS_JUDUL = 3
"""Rows 1-2 are the title and the position (or example-data warning); row 3 the header."""

PERINGATAN_CONTOH = "DATA CONTOH — realisasi ini bukan data resmi"

WARNA_STATUS = {
    "tercapai": ("C6EFCE", "006100"),
    "belum tercapai": ("FFC7CE", "9C0006"),
    "belum ada data": ("FFEB9C", "9C5700"),
    "tidak terjangkau": ("FFC7CE", "9C0006"),
    "perlu": ("FFEB9C", "9C5700"),
}


def _r(value: float | None) -> float | None:
    return None if value is None else float(round_half_up(value))


def nama_folder(data: str) -> str:
    """``/home/x/kanreg/data (opsi --data)`` → ``data (opsi --data)``: no absolute path
    in a file that travels by e-mail."""
    path, sep, origin = data.rpartition(" (")
    if not sep:
        return Path(data).name or data
    return f"{Path(path).name or path} ({origin}"


@dataclass
class Kolom:
    judul: str
    lebar: float
    format: str | None = None
    bungkus: bool = False
    status: bool = False
    """Coloured by conditional formats (tercapai green, belum red, no data yellow)."""


@dataclass
class Tabel:
    nama: str
    kolom: list[Kolom]
    isi: list[list[Any]]
    format_sel: dict[tuple[int, int], str] = field(default_factory=dict)
    """Number format of single cells (row index, column index), for mixed units."""
    tebal: set[int] = field(default_factory=set)
    """Row indexes written bold (totals)."""
    beku: str = "A4"


def _sheet(wb: Any, lap: LaporanRingkasan, tabel: Tabel) -> Any:
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(tabel.nama)
    title = f"Ringkasan TW {lap.triwulan} {lap.tahun} — {lap.kantor} — {tabel.nama}"
    tulis(ws, 1, 1, title).font = Font(bold=True, size=12)
    if lap.contoh:
        tulis(ws, 2, 1, PERINGATAN_CONTOH).font = Font(bold=True, color="C00000")
    else:
        tulis(ws, 2, 1, f"Posisi {lap.periode} · target {lap.target_jenis.upper()}")
    widths = [k.lebar for k in tabel.kolom]
    gaya_judul(baris(ws, BARIS_JUDUL, [k.judul for k in tabel.kolom]))
    tinggi_baris(ws, BARIS_JUDUL, widths)
    top = Alignment(vertical="top")
    wrap = Alignment(vertical="top", wrap_text=True)
    for i, values in enumerate(tabel.isi):
        row = BARIS_JUDUL + 1 + i
        cells = baris(ws, row, values)
        for j, (cell, kolom) in enumerate(zip(cells, tabel.kolom, strict=True)):
            fmt = tabel.format_sel.get((i, j), kolom.format)
            if fmt and isinstance(cell.value, int | float):
                cell.number_format = fmt
            cell.alignment = wrap if kolom.bungkus else top
            if i in tabel.tebal:
                cell.font = Font(bold=True)
        tinggi_baris(ws, row, [k.lebar if k.bungkus else 1e9 for k in tabel.kolom])
    last_row = BARIS_JUDUL + max(len(tabel.isi), 1)
    last_col = get_column_letter(len(tabel.kolom))
    for j, kolom in enumerate(tabel.kolom, start=1):
        letter = get_column_letter(j)
        ws.column_dimensions[letter].width = kolom.lebar
        if kolom.status and tabel.isi:
            where = f"{letter}{BARIS_JUDUL + 1}:{letter}{last_row}"
            for label, (fill, font) in WARNA_STATUS.items():
                ws.conditional_formatting.add(
                    where,
                    CellIsRule(  # type: ignore[no-untyped-call]
                        operator="equal",
                        formula=[f'"{label}"'],
                        fill=PatternFill(start_color=fill, end_color=fill, fill_type="solid"),
                        font=Font(color=font),
                    ),
                )
    ws.freeze_panes = tabel.beku
    ws.auto_filter.ref = f"A{BARIS_JUDUL}:{last_col}{last_row}"
    cetak(ws, f"1:{BARIS_JUDUL}", PERINGATAN_CONTOH if lap.contoh else None)
    return ws


def _satuan_proyeksi(r: BarisRingkasan) -> tuple[str, str]:
    """Unit and number format of the projection's 'dibutuhkan' for one row."""
    if r.proyeksi.jenis in ("butir", "kurangi"):
        return "butir", FMT_JUMLAH
    if r.tahunan.persen:
        return "persen", FMT_PERSEN
    return r.tahunan.satuan, FMT_ANGKA


def _target(b: BarisCapaian) -> float | str | None:
    """The annual target: a number, a grade (``WTP``) or a range as text."""
    if b.target_predikat is not None:
        return b.target_predikat
    if b.target is None and b.target_min is not None and b.target_maks is not None:
        return sel_target(b)
    return _tampil(b.target, b)


def _realisasi(b: BarisCapaian) -> float | str | None:
    """The realisasi as a number, or the grade given when there is no number."""
    return b.realisasi_predikat if b.realisasi is None else _tampil(b.realisasi, b)


def _tampil(value: float | None, b: BarisCapaian) -> float | None:
    """A target or realisasi as the table shows it (79,996 stays 79,996, not 80)."""
    return None if value is None else b.tampilan.bulat(value)


def _tabel_capaian(lap: LaporanRingkasan) -> Tabel:
    rows = []
    graded = any(r.tahunan.realisasi_predikat or r.tahunan.predikat for r in lap.baris)
    format_sel: dict[tuple[int, int], str] = {}
    for i, r in enumerate(lap.baris):
        b = r.tahunan
        for j in (4, 6, 7):  # target TW, target, realisasi: the decimals the table shows
            format_sel[(i, j)] = b.tampilan.format_excel()
        row: list[Any] = [
            b.sasaran,
            b.kode,
            nama(b),
            b.satuan,
            _tampil(r.target_tw, b),
            _r(r.capaian_tw),
            _target(b),
            _realisasi(b),
            _r(b.capaian),
            PANAH[r.perubahan],
            STATUS_LABEL[r.status],
        ]
        if graded:
            row += [b.realisasi_predikat, b.predikat]
        rows.append([*row, tanda_teks(r.tanda)])
    kolom = [
        Kolom("Sasaran", 9),
        Kolom("Kode", 9),
        Kolom("Indikator", 48, bungkus=True),
        Kolom("Satuan", 9),
        Kolom("Target TW", 11, FMT_ANGKA),
        Kolom("Capaian TW", 12, FMT_PERSEN),
        Kolom("Target tahunan", 11, FMT_ANGKA),
        Kolom("Realisasi", 11, FMT_ANGKA),
        Kolom("Capaian tahunan", 12, FMT_PERSEN),
        Kolom("Perubahan", 11),
        Kolom("Status", 16, status=True),
    ]
    if graded:
        kolom += [Kolom("Predikat realisasi", 12), Kolom("Predikat capaian", 14)]
    # values the source does not state (asumsi/turunan/contoh), beside the figures using them
    kolom.append(Kolom("Asumsi / turunan / contoh", 40, bungkus=True))
    return Tabel("Capaian", kolom, rows, format_sel=format_sel, beku="D4")


def _tabel_anggaran(lap: LaporanRingkasan) -> Tabel:
    rows: list[list[Any]] = [
        [
            p.kode,
            p.nama,
            p.anggaran.pagu,
            _r(p.anggaran.realisasi),
            _r(p.anggaran.serapan),
            _r(p.anggaran.capaian_kinerja),
            _r(p.anggaran.indeks_efisiensi),
            p.nilai.predikat,
        ]
        for p in lap.panel
    ]
    rows.append(
        [
            "Total",
            "",
            lap.total_pagu,
            _r(lap.total_realisasi_anggaran),
            _r(lap.serapan_total),
            _r(lap.nilai_kantor.nilai),
            None,
            lap.nilai_kantor.predikat,
        ]
    )
    return Tabel(
        "Anggaran",
        [
            Kolom("Sasaran", 9),
            Kolom("Nama", 50, bungkus=True),
            Kolom("Pagu", 18, FMT_RUPIAH),
            Kolom("Realisasi", 18, FMT_RUPIAH),
            Kolom("Serapan", 11, FMT_PERSEN),
            Kolom("Nilai capaian", 12, FMT_PERSEN),
            Kolom("Indeks efisiensi", 12, FMT_INDEKS),
            Kolom("Predikat", 14),
        ],
        rows,
        tebal={len(rows) - 1},
    )


def _tabel_perhatian(lap: LaporanRingkasan) -> Tabel:
    return Tabel(
        "Perlu perhatian",
        [
            Kolom("Kode", 9),
            Kolom("Indikator", 32, bungkus=True),
            Kolom("Status", 16, status=True),
            Kolom("Kendala", 45, bungkus=True),
            Kolom("Rencana tindak lanjut", 45, bungkus=True),
            Kolom("Proyeksi", 40, bungkus=True),
        ],
        [
            [
                r.tahunan.kode,
                nama(r.tahunan),
                STATUS_LABEL[r.status],
                "\n".join(r.kendala),
                "\n".join(r.rencana_tindak_lanjut),
                r.proyeksi.uraian,
            ]
            for r in lap.perlu_perhatian
        ],
    )


def _tabel_proyeksi(lap: LaporanRingkasan) -> Tabel:
    rows = []
    formats: dict[tuple[int, int], str] = {}
    for i, r in enumerate(lap.baris):
        satuan, fmt = _satuan_proyeksi(r)
        formats[(i, 3)] = fmt
        needed = r.proyeksi.dibutuhkan
        rows.append(
            [
                r.tahunan.kode,
                nama(r.tahunan),
                PROYEKSI_LABEL[r.proyeksi.status],
                _r(needed),
                satuan if needed is not None else "",
                r.proyeksi.triwulan_tersisa,
                r.proyeksi.uraian,
            ]
        )
    return Tabel(
        "Proyeksi",
        [
            Kolom("Kode", 9),
            Kolom("Indikator", 32, bungkus=True),
            Kolom("Proyeksi", 16, status=True),
            Kolom("Dibutuhkan", 13),
            Kolom("Satuan", 9),
            Kolom("Triwulan tersisa", 10),
            Kolom("Uraian", 55, bungkus=True),
        ],
        rows,
        format_sel=formats,
    )


def _tabel_grafik(lap: LaporanRingkasan) -> Tabel:
    return Tabel(
        "Grafik",
        [
            Kolom("Kode", 9),
            Kolom("Indikator", 32, bungkus=True),
            Kolom("Capaian tahunan", 12, FMT_PERSEN),
            Kolom("Target (100 %)", 12, FMT_PERSEN),
            Kolom("Status", 16, status=True),
        ],
        [
            [
                r.tahunan.kode,
                nama(r.tahunan),
                _r(r.tahunan.capaian),
                100.0,
                STATUS_LABEL[r.tahunan.status],
            ]
            for r in lap.baris
        ],
    )


def _grafik(ws: Any, n: int) -> None:
    """Bar chart of annual capaian with the 100 % target as a line series."""
    from openpyxl.chart import BarChart, LineChart, Reference

    first, last = BARIS_JUDUL + 1, BARIS_JUDUL + n
    categories = Reference(ws, min_col=1, min_row=first, max_row=last)
    bar = BarChart()
    bar.type = "col"
    bar.title = "Capaian tahunan terhadap target (garis = 100 %)"
    bar.y_axis.title = "Capaian (%)"
    bar.y_axis.number_format = "0"
    bar.y_axis.scaling.min = 0
    bar.x_axis.title = "Indikator"
    bar.add_data(Reference(ws, min_col=3, min_row=BARIS_JUDUL, max_row=last), titles_from_data=True)
    bar.set_categories(categories)
    line = LineChart()
    line.add_data(
        Reference(ws, min_col=4, min_row=BARIS_JUDUL, max_row=last), titles_from_data=True
    )
    line.set_categories(categories)
    line.series[0].graphicalProperties.line.solidFill = "C00000"
    line.series[0].graphicalProperties.line.width = 28575  # 2.25 pt
    line.series[0].marker.symbol = "none"
    bar.x_axis.delete = False
    bar.y_axis.delete = False
    bar += line
    bar.legend.position = "b"
    bar.width, bar.height = 26, 12
    ws.add_chart(bar, "G3")


def render_xlsx(lap: LaporanRingkasan) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    info = wb.worksheets[0]
    info.title = "Keterangan"
    tulis(info, 1, 1, f"Ringkasan TW {lap.triwulan} {lap.tahun} — {lap.kantor}").font = Font(
        bold=True, size=12
    )
    if lap.contoh:
        tulis(info, 2, 1, PERINGATAN_CONTOH).font = Font(bold=True, color="C00000")
    lines = [
        ("Ringkasan triwulan", f"TW {lap.triwulan} tahun {lap.tahun}"),
        ("Kantor", lap.kantor),
        ("Posisi", lap.periode),
        ("Target", lap.target_jenis.upper()),
        ("Nilai capaian kantor", sel_agregat(lap.nilai_kantor)),
        ("Data", nama_folder(lap.data)),
        ("Catatan", "DATA CONTOH, bukan data resmi" if lap.contoh else "data resmi"),
        *(("Catatan", note) for note in lap.catatan),
    ]
    for i, (key, value) in enumerate(lines, start=BARIS_JUDUL + 1):
        tulis(info, i, 1, key).font = Font(bold=True)
        tulis(info, i, 2, value).alignment = Alignment(wrap_text=True, vertical="top")
    info.column_dimensions["A"].width = 20
    info.column_dimensions["B"].width = 70
    cetak(info, f"1:{BARIS_JUDUL}", PERINGATAN_CONTOH if lap.contoh else None)
    _sheet(wb, lap, _tabel_capaian(lap))
    grafik = _sheet(wb, lap, _tabel_grafik(lap))
    if lap.baris:
        _grafik(grafik, len(lap.baris))
    _sheet(wb, lap, _tabel_anggaran(lap))
    _sheet(wb, lap, _tabel_perhatian(lap))
    _sheet(wb, lap, _tabel_proyeksi(lap))
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
