"""The quarterly monev report as a document: ``renja laporan --jenis triwulan`` and
``renja ringkasan --keluaran monev.html|.docx``.

Built from :class:`~renja_cli.laporan.ringkasan.LaporanRingkasan`: the summary
with the bar chart of annual capaian, the budget, one section per sasaran,
what needs attention with its *kendala* and *rencana tindak lanjut*, and the
projection to year end. Every number is a figure of the summary, formatted here.
"""

from __future__ import annotations

from collections.abc import Mapping

from renja_cli.dokumen.model import (
    Baris,
    Batang,
    Blok,
    Daftar,
    Dokumen,
    GrafikBatang,
    Isi,
    Judul,
    Kolom,
    Paragraf,
    Peringatan,
    Tabel,
    Teks,
)
from renja_cli.hitung.capaian import Status
from renja_cli.hitung.periode import ROMAWI
from renja_cli.laporan.dokumen_bersama import STATUS_TEKS, CatatanDokumen, label_target
from renja_cli.laporan.ringkasan import AnggaranSasaran, BarisRingkasan, LaporanRingkasan
from renja_cli.laporan.tanda import tanda_realisasi, tanda_target
from renja_cli.numbers import format_number, format_percent, format_rupiah
from renja_cli.render.common import sel_realisasi, sel_target

PANAH = {"naik": "▲ naik", "turun": "▼ turun", "tetap": "= tetap", None: "—"}
PROYEKSI = {
    "tercapai": "Tercapai",
    "perlu": "Perlu",
    "tidak_terjangkau": "Tidak terjangkau",
    "tanpa_data": "Belum ada data",
}


def _pct(value: float | None) -> str:
    return "—" if value is None else format_percent(value)


def _pagu(value: int | None) -> str:
    """A pagu the targets file does not state is ``—``, as in ``ringkasan --format json``
    (null), never ``Rp 0``."""
    return "—" if value is None else format_rupiah(value)


def _efisiensi(a: AnggaranSasaran) -> str:
    if a.indeks_efisiensi is None:
        return "—"
    label = "efisien" if a.efisien else "kurang efisien"
    return f"{format_number(a.indeks_efisiensi)} ({label})"


def _hitung(counts: Mapping[Status, int]) -> str:
    return (
        f"{counts['tercapai']} tercapai, {counts['belum_tercapai']} belum tercapai, "
        f"{counts['belum_ada_data']} belum ada data"
    )


def _sel_baris(r: BarisRingkasan, c: CatatanDokumen, dengan_nama: bool = True) -> tuple[Isi, ...]:
    b = r.tahunan
    target_tw = "—" if r.target_tw is None else b.tampilan.teks(r.target_tw)
    ada = b.realisasi is not None or b.realisasi_predikat is not None
    cells: list[Isi] = [b.kode]
    if dengan_nama:
        cells.append(b.nama_singkat or b.nama)
    cells += [
        c.sel(target_tw, c.tanda(r.tanda_tw)),
        _pct(r.capaian_tw),
        c.sel(sel_target(b), c.tanda(tanda_target(b.tanda, b.target_jenis))),
        c.sel(sel_realisasi(b), c.tanda(tanda_realisasi(b.tanda)) if ada else ()),
        _pct(b.capaian),
        PANAH[r.perubahan],
        STATUS_TEKS[r.status],
    ]
    return tuple(cells)


KOLOM_BARIS = (
    Kolom("Kode", "kiri", 0.9),
    Kolom("Indikator", "kiri", 3.2),
    Kolom("Target TW", "kanan", 1.0),
    Kolom("Capaian TW", "kanan", 1.1),
    Kolom("Target tahunan", "kanan", 1.0),
    Kolom("Realisasi", "kanan", 1.1),
    Kolom("Capaian tahunan", "kanan", 1.1),
    Kolom("Perubahan", "kiri", 1.0),
    Kolom("Status", "kiri", 1.2),
)


def _anggaran(lap: LaporanRingkasan) -> list[Blok]:
    rows = [
        Baris(
            (
                f"{p.kode} {p.nama}",
                _pagu(p.anggaran.pagu),
                format_rupiah(p.anggaran.realisasi),
                _pct(p.anggaran.serapan),
                _pct(p.anggaran.capaian_kinerja),
                _efisiensi(p.anggaran),
            )
        )
        for p in lap.panel
    ]
    rows.append(
        Baris(
            (
                "Jumlah",
                _pagu(lap.total_pagu),
                format_rupiah(lap.total_realisasi_anggaran),
                _pct(lap.serapan_total),
                "",
                "",
            ),
            tebal=True,
        )
    )
    return [
        Judul(1, "Anggaran"),
        Tabel(
            judul=f"Pagu, realisasi dan serapan anggaran s.d. TW {ROMAWI[lap.triwulan]} "
            f"{lap.tahun}",
            kolom=(
                Kolom("Sasaran", "kiri", 3.4),
                Kolom("Pagu", "kanan", 1.5),
                Kolom("Realisasi", "kanan", 1.5),
                Kolom("Serapan", "kanan", 1.0),
                Kolom("Capaian kinerja", "kanan", 1.1),
                Kolom("Indeks efisiensi", "kanan", 1.4),
            ),
            baris=tuple(rows),
            sumber="Serapan = realisasi anggaran s.d. triwulan ÷ pagu; indeks efisiensi = "
            "capaian kinerja rata-rata ÷ serapan (≥ 1: kinerja lebih cepat daripada belanja).",
        ),
    ]


def _perhatian(lap: LaporanRingkasan) -> list[Blok]:
    blok: list[Blok] = [Judul(1, "Perlu perhatian")]
    rows = lap.perlu_perhatian
    if not rows:
        blok.append(Paragraf("Semua indikator sesuai target triwulan."))
        return blok
    blok.append(
        Paragraf(
            "Indikator di bawah target triwulan (atau target tahunan bila tidak ada target "
            "triwulan) dan yang belum ada data, dengan kendala dan rencana tindak lanjut dari "
            "berkas realisasi."
        )
    )
    for r in rows:
        b = r.tahunan
        blok.append(Judul(2, f"{b.kode} {b.nama_singkat or b.nama}"))
        blok.append(
            Paragraf(
                (
                    Teks("Status: ", tebal=True),
                    Teks(f"{STATUS_TEKS[r.status]}; capaian tahunan {_pct(b.capaian)}. "),
                    Teks("Proyeksi: ", tebal=True),
                    Teks(f"{PROYEKSI[r.proyeksi.status]} — {r.proyeksi.uraian}."),
                )
            )
        )
        blok.append(Paragraf((Teks("Kendala", tebal=True),)))
        blok.append(Daftar(r.kendala) if r.kendala else Paragraf("Tidak diisi."))
        blok.append(Paragraf((Teks("Rencana tindak lanjut", tebal=True),)))
        if r.rencana_tindak_lanjut:
            blok.append(Daftar(r.rencana_tindak_lanjut))
        else:
            blok.append(Paragraf("Tidak diisi."))
    return blok


def dokumen_triwulan(lap: LaporanRingkasan) -> Dokumen:
    """The monev report as a :class:`Dokumen` for the .docx, HTML and Markdown renderers."""
    c = CatatanDokumen()
    jenis = label_target(lap.target_jenis)
    tw = ROMAWI[lap.triwulan]
    blok: list[Blok] = []
    if lap.contoh:
        blok.append(Peringatan("DATA CONTOH — realisasi di laporan ini bukan data resmi."))
    blok += [Peringatan(f"Catatan: {note}.") for note in lap.catatan]
    blok += [
        Judul(1, "Ringkasan"),
        Paragraf(
            f"Posisi {lap.periode}, target {jenis}: dari {len(lap.baris)} indikator, "
            f"{_hitung(lap.jumlah_status)} (status terhadap target triwulan bila ada)."
        ),
        Tabel(
            judul=f"Capaian indikator s.d. TW {tw} {lap.tahun}",
            kolom=KOLOM_BARIS,
            baris=tuple(Baris(_sel_baris(r, c), status=r.status) for r in lap.baris),
            lebar=True,
            sumber=f"Sumber: targets-{lap.tahun}.yaml dan berkas realisasi/{lap.tahun}/ s.d. "
            f"TW {tw}. Perubahan: capaian tahunan dibanding triwulan sebelumnya.",
        ),
        GrafikBatang(
            judul=f"Capaian terhadap target tahunan s.d. TW {tw} {lap.tahun}",
            batang=tuple(
                Batang(
                    f"{r.tahunan.kode} {r.tahunan.nama_singkat or r.tahunan.nama}",
                    r.tahunan.capaian,
                    "belum ada data"
                    if r.tahunan.capaian is None
                    else format_percent(r.tahunan.capaian),
                    r.tahunan.status,
                )
                for r in lap.baris
            ),
            label_acuan="target",
        ),
    ]
    blok += _anggaran(lap)
    for p in lap.panel:
        a = p.anggaran
        blok += [
            Judul(1, f"{p.kode} {p.nama}"),
            Paragraf(f"{_hitung(p.jumlah_status)}."),
            Tabel(
                judul=f"Indikator {p.kode} s.d. TW {tw} {lap.tahun}",
                kolom=KOLOM_BARIS,
                baris=tuple(Baris(_sel_baris(r, c), status=r.status) for r in p.baris),
                lebar=True,
            ),
            Paragraf(
                (
                    Teks("Anggaran: ", tebal=True),
                    Teks(
                        f"pagu {_pagu(a.pagu)}, realisasi "
                        f"{format_rupiah(a.realisasi)}, serapan {_pct(a.serapan)}, indeks "
                        f"efisiensi {_efisiensi(a)}."
                    ),
                )
            ),
        ]
    blok += _perhatian(lap)
    blok += [
        Judul(1, "Proyeksi akhir tahun"),
        Tabel(
            judul=f"Proyeksi akhir tahun {lap.tahun}",
            kolom=(
                Kolom("Kode", "kiri", 0.9),
                Kolom("Proyeksi", "kiri", 1.3),
                Kolom("Uraian", "kiri", 5.0),
            ),
            baris=tuple(
                Baris(
                    (r.tahunan.kode, PROYEKSI[r.proyeksi.status], r.proyeksi.uraian),
                    status=r.tahunan.status,
                )
                for r in lap.baris
            ),
        ),
    ]
    return Dokumen(
        judul=f"Laporan Monitoring dan Evaluasi Triwulan {tw} Tahun {lap.tahun}",
        subjudul=f"{lap.kantor} — posisi {lap.periode}, target {jenis}",
        blok=tuple(blok),
        catatan_kaki=tuple(c.daftar),
    )
