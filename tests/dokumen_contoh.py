"""A sample document exercising every block type, shared by tests and docs/buat_gambar.py.

It looks like a BAB II evaluation chapter: a summary table of 13 indicators,
a bar chart of their capaian, three sasaran sections with a wide multi-year
table, kendala that carry markup (which must stay text), footnotes (one
referenced twice) and a DATA CONTOH warning. Numbers are formatted here, by
the caller, as builders will do.
"""

from __future__ import annotations

from renja_cli.dokumen.model import (
    Baris,
    Batang,
    Blok,
    CatatanKaki,
    Daftar,
    Dokumen,
    GrafikBatang,
    GrupKolom,
    Judul,
    Kolom,
    Paragraf,
    PemisahHalaman,
    Peringatan,
    Rujukan,
    Status,
    Tabel,
    Teks,
)
from renja_cli.numbers import format_percent, format_rupiah, format_value

SKRIP = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"

# (name, target, realisasi or None): capaian = realisasi / target × 100.
INDIKATOR: tuple[tuple[str, float, float | None], ...] = (
    ("Persentase desa dengan sanitasi layak", 80.0, 79.1),
    ("Indeks kepuasan masyarakat", 82.5, 85.0),
    ("Persentase dokumen perencanaan tepat waktu", 100.0, 100.0),
    ("Nilai SAKIP perangkat daerah", 70.0, 64.2),
    ("Persentase rekomendasi BPK & inspektorat ditindaklanjuti", 90.0, 95.5),
    ("Cakupan layanan air minum | perpipaan", 65.0, 58.3),
    ("Persentase ASN berkinerja baik", 85.0, 86.7),
    ("Indeks reformasi birokrasi", 75.0, 71.0),
    ("Persentase aduan ditangani < 5 hari", 95.0, 98.87),
    ("Tingkat penyerapan anggaran", 95.0, 91.2),
    ("Persentase data kinerja terverifikasi", 100.0, None),
    ("Rasio kegiatan sesuai Renja", 90.0, 118.0),
    ("Persentase kelurahan dengan RTL tuntas", 60.0, 30.0),
)

SASARAN = (
    "Meningkatnya kualitas layanan dasar",
    "Meningkatnya akuntabilitas kinerja",
    "Meningkatnya tata kelola keuangan",
)


def capaian(target: float, realisasi: float | None) -> float | None:
    return None if realisasi is None else realisasi / target * 100


def status(nilai: float | None) -> Status:
    if nilai is None:
        return "belum_ada_data"
    return "tercapai" if nilai >= 100 else "belum_tercapai"


def teks_status(s: Status) -> str:
    return {"tercapai": "Tercapai", "belum_tercapai": "Belum tercapai"}.get(s, "Belum ada data")


def _ringkasan() -> Tabel:
    baris = []
    for no, (nama, target, realisasi) in enumerate(INDIKATOR, start=1):
        c = capaian(target, realisasi)
        baris.append(
            Baris(
                (
                    str(no),
                    nama,
                    format_value(target, True),
                    "—" if realisasi is None else format_value(realisasi, True),
                    "—" if c is None else format_percent(c),
                    teks_status(status(c)),
                ),
                status=status(c),
            )
        )
    return Tabel(
        judul="Ringkasan capaian indikator kinerja tahun 2025",
        kolom=(
            Kolom("No", "kanan", 0.6),
            Kolom("Indikator", "kiri", 4.0),
            Kolom("Target", "kanan", 1.2),
            Kolom("Realisasi", "kanan", 1.2),
            Kolom("Capaian", "kanan", 1.3),
            Kolom("Status", "kiri", 1.5),
        ),
        baris=tuple(baris),
        sumber="Sumber: Renja 2025 & laporan triwulan IV (data contoh)",
    )


def _grafik() -> GrafikBatang:
    batang = []
    for nama, target, realisasi in INDIKATOR:
        c = capaian(target, realisasi)
        teks = "belum ada data" if c is None else format_percent(c)
        batang.append(Batang(nama, c, teks, status(c)))
    return GrafikBatang(judul="Capaian indikator kinerja 2025", batang=tuple(batang))


def _multi_tahun(nama: str) -> Tabel:
    tahun = (2022, 2023, 2024, 2025)
    kolom = [Kolom("Indikator", "kiri", 2.2)]
    for _ in tahun:
        kolom += [Kolom("Target", "kanan"), Kolom("Realisasi", "kanan"), Kolom("Capaian", "kanan")]
    sel: list[str | tuple[Teks | Rujukan, ...]] = [nama]
    for k, _ in enumerate(tahun):
        target, realisasi = 70.0 + 5 * k, 66.5 + 6.1 * k
        sel += [format_value(target, True), format_value(realisasi, True)]
        sel.append(format_percent(realisasi / target * 100))
    sel[5] = (Teks(str(sel[5])), Rujukan("konflik"))
    return Tabel(
        judul=f"Target, realisasi dan capaian {nama} 2022–2025",
        kolom=tuple(kolom),
        grup=(GrupKolom("", 1), *(GrupKolom(str(t), 3) for t in tahun)),
        baris=(Baris(tuple(sel)),),
        lebar=True,
    )


def _anggaran(pagu: float, realisasi: float) -> Tabel:
    angka = (format_rupiah(pagu), format_rupiah(realisasi), format_percent(realisasi / pagu * 100))
    return Tabel(
        judul="Anggaran dan penyerapan",
        kolom=(
            Kolom("Program", "kiri", 3.0),
            Kolom("Pagu", "kanan", 1.6),
            Kolom("Realisasi", "kanan", 1.6),
            Kolom("Penyerapan", "kanan", 1.0),
        ),
        baris=(
            Baris(("Program penunjang urusan", *angka)),
            Baris(("Jumlah", *angka), tebal=True),
        ),
    )


def _bagian(no: int, sasaran: str) -> list[Blok]:
    nama, target, realisasi = INDIKATOR[no - 1]
    c = capaian(target, realisasi)
    assert c is not None and realisasi is not None
    return [
        PemisahHalaman(),
        Judul(1, f"2.{no + 1} Sasaran {no}: {sasaran}"),
        Judul(2, f"IKU {no}. {nama}"),
        Paragraf(
            (
                Teks("Definisi: ", tebal=True),
                Teks(f"{nama} dihitung dari jumlah capaian dibagi jumlah sasaran."),
            )
        ),
        Paragraf(
            (
                Teks("Rumus: ", tebal=True),
                Teks("realisasi dibagi target dikali 100 %", miring=True),
                Rujukan("asumsi"),
            )
        ),
        _multi_tahun(nama),
        Paragraf(
            f"Capaian = {format_value(realisasi, True)} ÷ {format_value(target, True)} × 100 % "
            f"= {format_percent(c)}."
        ),
        Judul(3, "Analisis"),
        Paragraf("- Capaian ini *tidak* final; 1. angka sementara & [belum] diaudit."),
        Judul(3, "Kendala"),
        Daftar((f"Data terlambat {SKRIP}", f"Format tidak seragam {IMG}", "Pipa | bocor")),
        Judul(3, "Upaya"),
        Daftar(("Rapat koordinasi bulanan", "Pendampingan teknis"), bernomor=True),
        Judul(3, "Rencana tindak lanjut"),
        Daftar(("Verifikasi data triwulan I", "Bimbingan teknis"), bernomor=True),
        Judul(3, "Anggaran"),
        _anggaran(885_000_000.0 * no, 812_345_678.0 * no),
    ]


def dokumen_contoh() -> Dokumen:
    blok: list[Blok] = [
        Peringatan("DATA CONTOH — angka ini bukan data resmi"),
        Judul(1, "2.1 Ringkasan Capaian Kinerja"),
        Paragraf(
            (
                Teks("Dari 13 indikator, "),
                Teks("6 tercapai", tebal=True),
                Teks(" dan satu belum ada data"),
                Rujukan("konflik"),
                Teks("."),
            )
        ),
        _ringkasan(),
        _grafik(),
        Paragraf((Teks("Angka realisasi mengikuti laporan terakhir"), Rujukan("sumber"))),
    ]
    for no, sasaran in enumerate(SASARAN, start=1):
        blok += _bagian(no, sasaran)
    return Dokumen(
        judul="BAB II Akuntabilitas Kinerja",
        subjudul="Laporan Kinerja Instansi Pemerintah 2025 — Dinas Contoh & Mitra",
        blok=tuple(blok),
        catatan_kaki=(
            CatatanKaki("konflik", f"Renja menulis 82 %, LKjIP menulis 83 % {SKRIP}"),
            CatatanKaki("asumsi", "Target tahunan dianggap sama untuk tiap triwulan."),
            CatatanKaki("sumber", "Laporan triwulan IV <b>belum</b> ditandatangani | sementara."),
        ),
    )


JUDUL_BAGIAN = (
    "2.1 Ringkasan Capaian Kinerja",
    *(f"2.{no + 1} Sasaran {no}: {s}" for no, s in enumerate(SASARAN, start=1)),
)
"""Level-1 headings, in order: every output must carry each once."""
