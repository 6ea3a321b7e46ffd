"""The quarterly summary as an Excel workbook (openpyxl, imported only here).

One sheet per view, frozen header row, column widths that fit, Indonesian
display formats (``#.##0,00`` in an Indonesian Excel), and plain values only:
numbers are stored rounded as the report shows them, never as formulas.
"""

from __future__ import annotations

import io
from typing import Any

from renja_cli.laporan.ringkasan import LaporanRingkasan
from renja_cli.numbers import round_half_up
from renja_cli.render.common import STATUS_LABEL, tanda_teks
from renja_cli.render.ringkasan import PANAH, PROYEKSI_LABEL

FMT_PERSEN = '0.00" %"'
FMT_ANGKA = "#,##0.00"
FMT_RUPIAH = '"Rp "#,##0'
FMT_INDEKS = "0.00"


def _r(value: float | None) -> float | None:
    return None if value is None else float(round_half_up(value))


def _sheet(
    wb: Any, title: str, header: list[str], rows: list[list[Any]], formats: dict[int, str]
) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    ws = wb.create_sheet(title)
    ws.append(header)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    for row in rows:
        ws.append(row)
    for col, fmt in formats.items():
        for (cell,) in ws.iter_rows(min_row=2, min_col=col, max_col=col):
            cell.number_format = fmt
    for index, title_cell in enumerate(ws[1], start=1):
        values = [title_cell.value, *(r[index - 1] for r in rows)]
        longest = max(len(_shown(v, formats.get(index))) for v in values)
        ws.column_dimensions[title_cell.column_letter].width = min(max(8, longest + 2), 60)
    ws.freeze_panes = "A2"


def _shown(value: Any, fmt: str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float | int) and fmt:
        return (
            f"{value:,.2f} %"
            if fmt == FMT_PERSEN
            else f"Rp {value:,.0f}"
            if (fmt == FMT_RUPIAH)
            else f"{value:,.2f}"
        )
    return str(value)


def render_xlsx(lap: LaporanRingkasan) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    info = wb.worksheets[0]
    info.title = "Keterangan"
    rows = []
    for r in lap.baris:
        b = r.tahunan
        rows.append(
            [
                b.sasaran,
                b.kode,
                b.nama_singkat or b.nama,
                b.satuan,
                _r(r.target_tw),
                _r(r.capaian_tw),
                _r(b.target),
                _r(b.realisasi),
                _r(b.capaian),
                PANAH[r.perubahan],
                STATUS_LABEL[r.status],
                tanda_teks(r.tanda),
            ]
        )
    _sheet(
        wb,
        "Capaian",
        [
            "Sasaran",
            "Kode",
            "Indikator",
            "Satuan",
            "Target TW",
            "Capaian TW",
            "Target tahunan",
            "Realisasi",
            "Capaian tahunan",
            "Perubahan",
            "Status",
            "Asumsi / turunan / contoh",
        ],
        rows,
        {5: FMT_ANGKA, 6: FMT_PERSEN, 7: FMT_ANGKA, 8: FMT_ANGKA, 9: FMT_PERSEN},
    )
    budget = [
        [
            p.kode,
            p.nama,
            p.anggaran.pagu,
            _r(p.anggaran.realisasi),
            _r(p.anggaran.serapan),
            _r(p.anggaran.capaian_kinerja),
            _r(p.anggaran.indeks_efisiensi),
        ]
        for p in lap.panel
    ]
    budget.append(
        [
            "Total",
            "",
            lap.total_pagu,
            _r(lap.total_realisasi_anggaran),
            _r(lap.serapan_total),
            None,
            None,
        ]
    )
    _sheet(
        wb,
        "Anggaran",
        ["Sasaran", "Nama", "Pagu", "Realisasi", "Serapan", "Capaian kinerja", "Indeks efisiensi"],
        budget,
        {3: FMT_RUPIAH, 4: FMT_RUPIAH, 5: FMT_PERSEN, 6: FMT_PERSEN, 7: FMT_INDEKS},
    )
    _sheet(
        wb,
        "Perlu perhatian",
        ["Kode", "Status", "Kendala", "Rencana tindak lanjut"],
        [
            [
                r.tahunan.kode,
                STATUS_LABEL[r.status],
                "\n".join(r.kendala),
                "\n".join(r.rencana_tindak_lanjut),
            ]
            for r in lap.perlu_perhatian
        ],
        {},
    )
    _sheet(
        wb,
        "Proyeksi",
        ["Kode", "Proyeksi", "Dibutuhkan", "Triwulan tersisa", "Uraian"],
        [
            [
                r.tahunan.kode,
                PROYEKSI_LABEL[r.proyeksi.status],
                _r(r.proyeksi.dibutuhkan),
                r.proyeksi.triwulan_tersisa,
                r.proyeksi.uraian,
            ]
            for r in lap.baris
        ],
        {3: FMT_ANGKA},
    )
    for line in (
        ["Ringkasan triwulan", f"TW {lap.triwulan} tahun {lap.tahun}"],
        ["Kantor", lap.kantor],
        ["Posisi", lap.periode],
        ["Target", lap.target_jenis.upper()],
        ["Data", lap.data],
        ["Catatan", "DATA CONTOH, bukan data resmi" if lap.contoh else "data resmi"],
    ):
        info.append(line)
    info.column_dimensions["A"].width = 20
    info.column_dimensions["B"].width = 70
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
