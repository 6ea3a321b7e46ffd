"""The evaluation chapter as a document: ``renja laporan --jenis evaluasi``.

Built from :class:`~renja_cli.laporan.evaluasi.LaporanEvaluasi` in the order of
the seed's BAB II: a summary of every indicator (table and chart), then per
sasaran each indicator's definition and formula, its targets and capaian, its
years, the arithmetic behind the realisasi, the analysis, *kendala*, *upaya*
and *rencana tindak lanjut* written in the realisasi file, and the sasaran's
budget. Every number is a figure of the report objects, formatted here with
:mod:`renja_cli.numbers`; marks and the seed's conflicts become footnotes.
"""

from __future__ import annotations

from dataclasses import replace

from renja_cli.dokumen.model import (
    Baris,
    Batang,
    Blok,
    Dokumen,
    GrafikBatang,
    Isi,
    Judul,
    Kolom,
    Paragraf,
    PemisahHalaman,
    Peringatan,
    Rujukan,
    Tabel,
    Teks,
)
from renja_cli.hitung.periode import label_periode
from renja_cli.laporan.dokumen_bersama import (
    JUDUL_NARASI,
    STATUS_TEKS,
    CatatanDokumen,
    blok_narasi,
    label_target,
)
from renja_cli.laporan.evaluasi import (
    EvaluasiIndikator,
    EvaluasiSasaran,
    LaporanEvaluasi,
    TahunEvaluasi,
)
from renja_cli.laporan.tanda import tanda_realisasi, tanda_target
from renja_cli.model.dasar import as_list, as_target
from renja_cli.model.realisasi import BAGIAN_NARASI
from renja_cli.numbers import Tampilan, format_number, format_percent, format_rupiah
from renja_cli.render.common import sel_agregat, sel_realisasi, sel_target

PERSPEKTIF = {
    "stakeholder": "Stakeholders perspective",
    "customer": "Customer perspective",
    "proses_internal": "Internal process perspective",
    "pembelajaran": "Learn and growth perspective",
}
ATURAN_PERIODE = {
    "terakhir": "nilai triwulan terakhir",
    "kumulatif": "dijumlah kumulatif",
    "rata_rata": "rata-rata triwulan",
}


def _pct(value: float | None) -> str:
    return "—" if value is None else format_percent(value)


def _nilai(value: float | str | None, tampilan: Tampilan) -> str:
    """A number in the indicator's unit and precision; a grade (WTP) as given."""
    if value is None:
        return "—"
    return value if isinstance(value, str) else tampilan.teks(value)


def _selisih(value: float | None, persen: bool) -> str:
    if value is None:
        return "—"
    text = format_number(abs(value))
    sign = "+" if value > 0 else "−" if value < 0 else ""
    return f"{sign}{text}{' poin' if persen else ''}"


def _ringkasan(lap: LaporanEvaluasi, c: CatatanDokumen) -> list[Blok]:
    cap = lap.capaian
    n = cap.jumlah_status
    rows = cap.baris
    jenis = label_target(cap.target_jenis)
    blok: list[Blok] = [
        Judul(1, f"Ringkasan capaian kinerja {lap.tahun}"),
        Paragraf(
            f"Dari {len(rows)} {cap.jenis_indikator} tahun {lap.tahun} (posisi {cap.periode}, "
            f"target {jenis}), {n['tercapai']} tercapai, {n['belum_tercapai']} belum tercapai "
            f"dan {n['belum_ada_data']} belum ada data. Nilai capaian kantor: "
            f"{sel_agregat(cap.nilai_kantor)}."
        ),
    ]
    with_predikat = any(r.predikat is not None for r in rows)
    kolom = [
        Kolom("No", "kanan", 0.5),
        Kolom("Kode", "kiri", 0.9),
        Kolom("Indikator", "kiri", 4.2),
        Kolom(f"Target {jenis}", "kanan", 1.1),
        Kolom("Realisasi", "kanan", 1.2),
        Kolom("Capaian", "kanan", 1.1),
        Kolom("Status", "kiri", 1.2),
    ]
    if with_predikat:
        kolom.append(Kolom("Predikat", "kiri", 1.0))
    baris = []
    for no, r in enumerate(rows, start=1):
        cells: list[Isi] = [
            str(no),
            r.kode,
            r.nama,
            c.sel(sel_target(r), c.tanda(tanda_target(r.tanda, r.target_jenis))),
            c.sel(sel_realisasi(r, cap.periode_akhir), c.tanda(tanda_realisasi(r.tanda))),
            _pct(r.capaian),
            STATUS_TEKS[r.status],
        ]
        if with_predikat:
            cells.append(r.predikat or "—")
        baris.append(Baris(tuple(cells), status=r.status))
    blok.append(
        Tabel(
            judul=f"Capaian indikator kinerja tahun {lap.tahun} terhadap target {jenis}",
            kolom=tuple(kolom),
            baris=tuple(baris),
            sumber=f"Sumber: targets-{lap.tahun}.yaml dan berkas realisasi/{lap.tahun}/ "
            f"(posisi {cap.periode}).",
        )
    )
    blok.append(
        GrafikBatang(
            judul=f"Capaian indikator kinerja tahun {lap.tahun} (target {jenis} = 100 %)",
            batang=tuple(
                Batang(
                    f"{r.kode} {r.nama_singkat or r.nama}",
                    r.capaian,
                    "belum ada data" if r.capaian is None else format_percent(r.capaian),
                    r.status,
                )
                for r in rows
            ),
            label_acuan="target",
        )
    )
    for note in cap.catatan:
        blok.append(Paragraf((Teks("Catatan: ", tebal=True), Teks(note))))
    return blok


def _target_jenis(ev: EvaluasiIndikator, nama: str) -> str:
    """One named target as ``capaian --target nama`` writes it: a value, a range
    (``60–85``), a grade (``WTP``) or ``—`` when not filled in."""
    r = ev.baris
    if nama == r.target_jenis:
        return sel_target(r)
    spec = as_target(ev.indikator.target.get(nama))
    lain = replace(
        r,
        target=spec.nilai if spec else None,
        target_min=spec.min if spec else None,
        target_maks=spec.maks if spec else None,
        target_predikat=spec.predikat if spec else None,
    )
    return sel_target(lain)


def _label_tahun(y: TahunEvaluasi) -> str:
    t = y.titik
    return (
        str(t.tahun) if t.periode == "tahunan" else f"{t.tahun} (s.d. {label_periode(t.periode)})"
    )


def _profil(ev: EvaluasiIndikator, c: CatatanDokumen) -> list[Blok]:
    ind = ev.indikator
    blok: list[Blok] = []
    if ind.definisi:
        blok.append(Paragraf((Teks("Definisi: ", tebal=True), Teks(ind.definisi))))
    if ind.cara_hitung:
        blok.append(
            Paragraf((Teks("Cara menghitung (naskah): ", tebal=True), Teks(ind.cara_hitung)))
        )
    rumus = f"{ev.rincian.uraian_formula}; gabungan triwulan: {ATURAN_PERIODE[ind.periode]}"
    blok.append(
        Paragraf(
            (
                Teks("Rumus: ", tebal=True),
                Teks(rumus),
                *c.tanda(ind.tanda_bidang("formula", "periode")),
            )
        )
    )
    if ind.sumber_data:
        blok.append(Paragraf((Teks("Sumber data: ", tebal=True), Teks(ind.sumber_data))))
    if ind.penanggung_jawab:
        blok.append(
            Paragraf(
                (
                    Teks("Penanggung jawab: ", tebal=True),
                    Teks(", ".join(ind.penanggung_jawab)),
                    *c.tanda(ind.tanda_bidang("penanggung_jawab")),
                )
            )
        )
    for t in ind.tautan:
        kata = "Berasal dari" if t.hubungan == "berasal_dari" else "Digantikan oleh"
        blok.append(
            Paragraf(
                (
                    Teks(f"{kata}: ", tebal=True),
                    Teks(f"{t.kode} ({t.status})"),
                    c.rujuk(f"{kata} {t.kode}: {t.sumber}"),
                )
            )
        )
    for note in as_list(ind.catatan):
        blok.append(Paragraf((Teks("Catatan: ", tebal=True), Teks(note))))
    return blok


def _tabel_target(ev: EvaluasiIndikator, tahun: int, akhir: str | None, c: CatatanDokumen) -> Tabel:
    r = ev.baris
    rows = []
    for t in ev.target:
        rows.append(
            Baris(
                (
                    label_target(t.nama),
                    c.sel(_target_jenis(ev, t.nama), c.tanda(t.tanda), c.semua(t.catatan)),
                    c.sel(sel_realisasi(r, akhir), c.tanda(tanda_realisasi(r.tanda))),
                    _pct(t.capaian),
                    STATUS_TEKS[t.status],
                ),
                status=t.status,
            )
        )
    return Tabel(
        judul=f"Target dan capaian {r.kode} tahun {tahun}",
        kolom=(
            Kolom("Jenis target", "kiri", 1.4),
            Kolom("Target", "kanan", 1.0),
            Kolom("Realisasi", "kanan", 1.2),
            Kolom("Capaian", "kanan", 1.0),
            Kolom("Status", "kiri", 1.2),
        ),
        baris=tuple(rows),
    )


def _tabel_tahun(ev: EvaluasiIndikator, akhir: str | None, c: CatatanDokumen) -> Tabel:
    r = ev.baris
    kode_lain = any(y.titik.kode != r.kode for y in ev.tahun)
    kolom = [Kolom("Tahun", "kiri", 1.4)]
    if kode_lain:
        kolom.append(Kolom("Indikator", "kiri", 1.0))
    kolom += [
        Kolom("Target", "kanan", 1.0),
        Kolom("Realisasi", "kanan", 1.2),
        Kolom("Capaian", "kanan", 1.0),
        Kolom("Perubahan", "kanan", 1.1),
    ]
    rows = []
    for y in ev.tahun:
        t = y.titik
        notes = [t.catatan] if t.catatan else []
        cells: list[Isi] = [c.sel(_label_tahun(y), c.tanda(t.tanda), c.semua(notes))]
        if kode_lain:
            cells.append(t.kode)
        # the evaluated year's row is the summary's row: the same target and
        # realisasi cells (a range, a grade, an older quarter's value)
        kini = y is ev.tahun[-1] and t.realisasi == r.realisasi
        cells += [
            sel_target(r) if kini else _nilai(t.target, r.tampilan),
            sel_realisasi(r, akhir) if kini else _nilai(t.realisasi, r.tampilan),
            _pct(t.capaian),
            _selisih(y.perubahan, r.persen),
        ]
        rows.append(Baris(tuple(cells), status=t.status if t.realisasi is not None else None))
    first, last = ev.tahun[0].titik.tahun, ev.tahun[-1].titik.tahun
    span = str(first) if first == last else f"{first}–{last}"
    return Tabel(
        judul=f"Target, realisasi dan capaian {r.kode} {span}",
        kolom=tuple(kolom),
        baris=tuple(rows),
        sumber="Perubahan: realisasi dikurangi realisasi tahun sebelumnya.",
    )


def _indikator(
    ev: EvaluasiIndikator, tahun: int, akhir: str | None, c: CatatanDokumen
) -> list[Blok]:
    r = ev.baris
    blok: list[Blok] = [Judul(2, f"{r.kode} {r.nama}")]
    blok += _profil(ev, c)
    blok.append(_tabel_target(ev, tahun, akhir, c))
    blok.append(_tabel_tahun(ev, akhir, c))
    for f in ev.indikator.fragmen:
        angka = ", ".join(r.tampilan.teks(v) for v in f.target)
        notes = as_list(f.catatan)
        blok.append(
            Paragraf(
                (
                    Teks("Target tanpa tahun di sumber: ", tebal=True),
                    Teks(f"{angka} ({f.sumber})"),
                    *c.semua(notes),
                )
            )
        )
    h = ev.rincian.hitungan
    if h.bentuk not in ("nilai", "kosong"):
        from renja_cli.render.rincian import kalimat

        blok.append(Paragraf((Teks("Hitungan realisasi: ", tebal=True), Teks(kalimat(ev.rincian)))))
    if ev.tahun_lalu is not None and ev.perubahan is not None and r.realisasi is not None:
        lalu = ev.tahun_lalu.titik
        arah = "naik" if ev.perubahan > 0 else "turun" if ev.perubahan < 0 else "tetap"
        besar = "" if arah == "tetap" else f" {format_number(abs(ev.perubahan))}"
        besar += " poin" if besar and r.persen else ""
        # both figures keep the marks they carry in the table above
        blok.append(
            Paragraf(
                (
                    Teks(f"Dibandingkan tahun {lalu.tahun} ({_nilai(lalu.realisasi, r.tampilan)}"),
                    *c.tanda(lalu.tanda),
                    Teks(f"), realisasi {tahun} ({_nilai(r.realisasi, r.tampilan)}"),
                    *c.tanda(tanda_realisasi(r.tanda)),
                    Teks(f") {arah}{besar}."),
                )
            )
        )
    for note in r.keterangan:
        blok.append(Paragraf((Teks("Keterangan realisasi: ", tebal=True), Teks(note))))
    narasi = ev.rincian.narasi
    periode = ev.rincian.periode_narasi
    for bagian in BAGIAN_NARASI:
        # a bold label rather than a heading keeps the table of contents to sasaran
        # and indicators
        blok.append(Paragraf((Teks(JUDUL_NARASI[bagian], tebal=True),)))
        isi = narasi.get(bagian)
        if isi:
            blok += blok_narasi(isi, c)
        else:
            where = f"berkas realisasi {periode}" if periode else "berkas realisasi"
            blok.append(Paragraf((Teks(f"Tidak diisi di {where}.", miring=True),)))
    return blok


def _anggaran(s: EvaluasiSasaran, lap: LaporanEvaluasi, c: CatatanDokumen) -> list[Blok]:
    a = s.anggaran
    blok: list[Blok] = [Judul(2, f"Anggaran {s.kode}")]
    if a is None or a.pagu is None:
        refs: tuple[Rujukan, ...] = c.semua(lap.catatan)
        blok.append(
            Paragraf((Teks(f"Pagu {s.kode} tidak tercantum di targets-{lap.tahun}.yaml."), *refs))
        )
        return blok
    blok.append(
        Tabel(
            judul=f"Anggaran dan penyerapan {s.kode}, posisi {lap.capaian.periode}",
            kolom=(
                Kolom("Pagu", "kanan"),
                Kolom("Realisasi", "kanan"),
                Kolom("Serapan", "kanan"),
                Kolom("Capaian kinerja rata-rata", "kanan"),
                Kolom("Indeks efisiensi", "kanan"),
            ),
            baris=(
                Baris(
                    (
                        format_rupiah(a.pagu),
                        format_rupiah(a.realisasi),
                        _pct(a.serapan),
                        _pct(a.capaian_kinerja),
                        "—" if a.indeks_efisiensi is None else format_number(a.indeks_efisiensi),
                    )
                ),
            ),
            sumber="Serapan = realisasi anggaran ÷ pagu; indeks efisiensi = capaian kinerja "
            "rata-rata ÷ serapan (≥ 1: kinerja lebih cepat daripada belanja).",
        )
    )
    return blok


def dokumen_evaluasi(lap: LaporanEvaluasi) -> Dokumen:
    """The chapter as a :class:`Dokumen` for the .docx, HTML and Markdown renderers."""
    c = CatatanDokumen()
    cap = lap.capaian
    blok: list[Blok] = []
    if lap.contoh:
        blok.append(Peringatan("DATA CONTOH — realisasi di bab ini bukan data resmi."))
    if lap.dokumen:
        blok.append(Paragraf((Teks("Sumber target dan riwayat: ", tebal=True), Teks(lap.dokumen))))
    blok += _ringkasan(lap, c)
    for s in lap.sasaran:
        blok.append(PemisahHalaman())
        blok.append(Judul(1, f"{s.kode} {s.nama}"))
        info = PERSPEKTIF.get(s.perspektif, s.perspektif)
        if s.induk:
            info += f" · induk {s.induk}"
        kode = ", ".join(ev.baris.kode for ev in s.indikator)
        kelompok = next((k for k in cap.kelompok if k.kode == s.kode), None)
        nilai = f" Nilai capaian sasaran: {sel_agregat(kelompok.nilai)}." if kelompok else ""
        blok.append(Paragraf(f"{info}. Indikator: {kode}.{nilai}"))
        for ev in s.indikator:
            blok += _indikator(ev, lap.tahun, cap.periode_akhir, c)
        blok += _anggaran(s, lap, c)
    return Dokumen(
        judul=f"BAB II Evaluasi Pelaksanaan Rencana Kerja {lap.tahun}",
        subjudul=f"{cap.kantor} — posisi {cap.periode}, target {label_target(cap.target_jenis)}",
        blok=tuple(blok),
        catatan_kaki=tuple(c.daftar),
        daftar_isi=True,
    )


__all__ = ["dokumen_evaluasi"]
