"""The layout of a quarter's input workbook, derived from the year's plan.

``templat`` writes it and ``impor`` reads by it: both call :func:`susun_tata`
with the same plan, so the workbook needs no hidden description of itself.
Sheets: *Petunjuk* (instructions and the workbook's year and quarter),
*Realisasi* (one row per indicator, and per component of a mean), one sheet
per record file the formulas read (named after the file), *Anggaran* (budget
spent in the quarter per Sasaran) and *Instansi* (the population, for look-up).
Nothing here imports openpyxl.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from renja_cli.data.referensi import Referensi
from renja_cli.formula import Formula, berkas_formula
from renja_cli.model.dasar import Rentang, as_target
from renja_cli.model.realisasi import BAGIAN_NARASI
from renja_cli.model.referensi import Skala
from renja_cli.model.rencana import Indikator, RencanaKerja
from renja_cli.numbers import format_number
from renja_cli.rekaman import dataclass

LEMBAR_PETUNJUK = "Petunjuk"
LEMBAR_REALISASI = "Realisasi"
LEMBAR_ANGGARAN = "Anggaran"
LEMBAR_INSTANSI = "Instansi"
LEMBAR_TETAP = (LEMBAR_PETUNJUK, LEMBAR_REALISASI, LEMBAR_ANGGARAN, LEMBAR_INSTANSI)

# Labels of the Petunjuk sheet's key cells (column A), read back by ``impor``.
LABEL_TAHUN = "Tahun"
LABEL_TRIWULAN = "Triwulan"
LABEL_CONTOH = "Data contoh"
LABEL_KETERANGAN = "Keterangan berkas"

KOLOM_REALISASI: tuple[tuple[str, str], ...] = (
    ("kode", "Kode"),
    ("komponen", "Komponen"),
    ("nama", "Indikator / komponen"),
    ("satuan", "Satuan"),
    ("target_tw", "Target TW"),
    ("target", "Target tahunan"),
    ("cara", "Cara mengisi"),
    ("nilai", "Nilai"),
    ("predikat", "Predikat"),
    ("pembilang", "Pembilang"),
    ("penyebut", "Penyebut"),
    ("tersedia", "Tersedia"),
    ("sementara", "Sementara"),
    ("sumber", "Sumber"),
    ("keterangan", "Keterangan"),
    ("asumsi", "Asumsi"),
    ("turunan", "Turunan"),
    ("contoh", "Contoh"),
    ("analisis", "Analisis"),
    ("kendala", "Kendala"),
    ("upaya", "Upaya"),
    ("rencana_tindak_lanjut", "Rencana tindak lanjut"),
)
"""(key, header) of the Realisasi sheet, in column order."""

TEKS = ("sumber", "keterangan")
TANDA = ("asumsi", "turunan", "contoh")
"""Marks of the entry's value (the source does not state it): text, ``contoh`` also ya."""
NARASI = BAGIAN_NARASI
"""Narrative parts; one point per line of the cell (Alt+Enter)."""
ISIAN_INDIKATOR = ("tersedia", "sementara", *TEKS, *TANDA, *NARASI)
ISIAN_ANGKA = ("nilai", "predikat", "pembilang", "penyebut")

KOLOM_ANGGARAN: tuple[tuple[str, str], ...] = (
    ("kode", "Sasaran"),
    ("nama", "Nama sasaran"),
    ("pagu", "Pagu (Rp)"),
    ("realisasi", "Realisasi anggaran dalam triwulan (Rp)"),
)

JenisLembar = Literal["instansi", "arsip", "register", "kegiatan"]
JenisKolom = Literal[
    "kode_instansi", "nama", "teks", "angka", "ya_tidak", "dokumen", "nip", "triwulan", "instansi"
]


@dataclass(frozen=True, slots=True)
class KolomRekaman:
    """One column of a record sheet; its header is the CSV column name."""

    nama: str
    jenis: JenisKolom
    keterangan: str
    rentang: tuple[float, float] | None = None

    @property
    def terkunci(self) -> bool:
        """Code and name cells of the population are not typed."""
        return self.jenis in ("kode_instansi", "nama")


@dataclass(frozen=True, slots=True)
class LembarRekaman:
    """A sheet that becomes one record file of the quarter's folder."""

    nama: str
    berkas: str
    jenis: JenisLembar
    kolom: tuple[KolomRekaman, ...]
    indikator: tuple[str, ...]

    @property
    def kunci(self) -> str:
        """The column naming a row (instansi, NIP, item number, event)."""
        return self.kolom[0].nama


@dataclass(frozen=True, slots=True)
class BarisRealisasi:
    """One row of the Realisasi sheet: an indicator, or one component of a mean."""

    kode: str
    komponen: str | None
    nama: str
    satuan: str
    target_tw: float | None
    target: float | str | None
    cara: str
    isian: tuple[str, ...]
    """Keys of :data:`KOLOM_REALISASI` typed on this row."""
    rentang: Rentang | None
    bulat: tuple[str, ...] = ()
    """Keys whose values are whole numbers (counts)."""
    predikat: tuple[str, ...] = ()
    """Grades the Predikat cell accepts (indicators with a ``skala``), best first."""
    survei: str | None = None
    """A component's survey-answer file name or pattern (``survei-pembinaan-*.csv``)."""


@dataclass(frozen=True, slots=True)
class TataIsian:
    """Everything the workbook of one quarter holds, in order."""

    tahun: int
    triwulan: int
    kantor: str
    target_jenis: str
    realisasi: tuple[BarisRealisasi, ...]
    rekaman: tuple[LembarRekaman, ...]
    anggaran: tuple[tuple[str, str, int | None], ...]

    @property
    def periode(self) -> str:
        return f"tw{self.triwulan}"


def _angka(value: float) -> str:
    return format_number(value, 2, trim=True)


def _target(ind: Indikator, jenis: str) -> float | str | None:
    """The main target as the sheet shows it: a number, a range, a grade, or nothing
    when it is not filled in yet."""
    spec = as_target(ind.target.get(jenis))
    if spec is None:
        return None
    if spec.predikat is not None:
        return spec.predikat
    if spec.nilai is not None:
        return spec.nilai
    if spec.min is not None and spec.maks is not None:
        return f"{_angka(spec.min)}–{_angka(spec.maks)}"
    return None


def nama_lembar(berkas: str, dipakai: set[str]) -> str:
    """A sheet name for a record file: its stem, legal for Excel (31 characters,
    none of ``[]:*?/\\'``), different from every name in ``dipakai``."""
    base = re.sub(r"[\[\]:*?/\\']", "_", Path(berkas).stem)[:31] or "rekaman"
    name, n = base, 2
    while name.casefold() in dipakai:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    dipakai.add(name.casefold())
    return name


def _kolom_instansi(ind: Indikator, referensi: Referensi) -> list[KolomRekaman]:
    """The criterion column a ``persentase_instansi`` formula reads."""
    f = ind.formula
    assert f.jenis == "persentase_instansi"
    k = f.kriteria
    if k.jenis == "status":
        return [KolomRekaman(k.kolom, "ya_tidak", f"{ind.kode}: ya bila instansi memenuhi")]
    skala = referensi.skala(k.skala)
    assert isinstance(skala, Skala)  # periksa_rujukan refused an ordinal one (R307)
    low, high = skala.predikat[-1].bawah, skala.predikat[0].atas
    bounds = (low, high) if low is not None and high is not None else None
    return [
        KolomRekaman(
            k.kolom,
            "angka",
            f"{ind.kode}: nilai {skala.nama} ({skala.batas_teks}); dihitung bila minimal "
            f"{k.minimal}",
            bounds,
        )
    ]


def _lembar(
    ind: Indikator, berkas: str, referensi: Referensi, triwulan: int
) -> tuple[JenisLembar, list[KolomRekaman]]:
    """Kind and columns of the record sheet ``berkas`` for one indicator."""
    f = ind.formula
    tw = (1.0, float(triwulan))
    if f.jenis == "persentase_instansi":
        return "instansi", [
            KolomRekaman("instansi", "kode_instansi", "kode instansi (jangan diubah)"),
            KolomRekaman("nama", "nama", "nama instansi"),
            *_kolom_instansi(ind, referensi),
        ]
    if f.jenis == "arsip_digital":
        skema = referensi.arsip(f.skema)
        return "arsip", [
            KolomRekaman("nip", "nip", "NIP 18 angka (disimpan sebagai teks)"),
            *(
                KolomRekaman(d.kolom, "dokumen", f"dokumen {i} {d.nama}: 1 = ada, 0 = tidak ada")
                for i, d in enumerate(skema.dokumen, start=1)
            ),
        ]
    if f.jenis == "rasio":
        return "register", [
            KolomRekaman("nomor", "teks", "nomor butir (unik)"),
            KolomRekaman("instansi", "instansi", "kode atau nama instansi"),
            KolomRekaman("triwulan_terbit", "triwulan", f"triwulan terbit, 1–{triwulan}", tw),
            KolomRekaman("ditindaklanjuti", "ya_tidak", "ya bila sudah ditindaklanjuti"),
        ]
    assert f.jenis == "rata_rata"
    komponen = next(k for k in f.komponen if k.berkas == berkas)
    rentang = (komponen.rentang.min, komponen.rentang.maks) if komponen.rentang else None
    batas = f" ({_angka(rentang[0])}–{_angka(rentang[1])})" if rentang else ""
    return "kegiatan", [
        KolomRekaman("kegiatan", "teks", "nama kegiatan"),
        KolomRekaman("triwulan", "triwulan", f"triwulan kegiatan, 1–{triwulan}", tw),
        KolomRekaman("nilai", "angka", f"{komponen.nama}{batas}", rentang),
    ]


def berkas_lembar(formula: Formula) -> tuple[str, ...]:
    """The record files a formula reads that become sheets: every one but survey
    answers (``survei:``), which are exports of their own and stay files in the folder."""
    if formula.jenis == "rata_rata":
        return tuple(k.berkas for k in formula.komponen if k.berkas)
    return berkas_formula(formula)


def _cara(ind: Indikator, lembar: dict[str, str], angka: bool = True) -> str:
    f = ind.formula
    sheets = [lembar[b] for b in berkas_lembar(f) if b in lembar]
    where = ", ".join(sheets)
    match f.jenis:
        case "nilai" if ind.skala is not None:
            return f"ketik Predikat (skala {ind.skala}){' atau Nilai' if angka else ''}"
        case "nilai":
            return "ketik Nilai"
        case "rasio" if f.berkas:
            return f"dari lembar {where}; di sini narasi (atau Nilai bila lembar itu kosong)"
        case "rasio":
            tetap = (
                f"; Penyebut kosong = {format_number(f.penyebut_tetap, 0)}"
                if f.penyebut_tetap
                else ""
            )
            return f"ketik Pembilang dan Penyebut ({f.pembilang} / {f.penyebut}){tetap}"
        case "persentase_instansi" | "arsip_digital":
            return f"dari lembar {where}; di sini narasi (atau Nilai bila lembar itu kosong)"
        case "rata_rata":
            return "rata-rata komponen di baris berikut (atau Nilai rata-rata langsung)"
    return "ketik Nilai"  # pragma: no cover - every kind is matched above


def susun_tata(rencana: RencanaKerja, referensi: Referensi, triwulan: int) -> TataIsian:
    """The workbook layout of ``rencana`` for quarter ``triwulan``."""
    jenis = rencana.pengaturan.target_utama
    dipakai = {n.casefold() for n in LEMBAR_TETAP}
    sheets: dict[str, str] = {}
    kinds: dict[str, JenisLembar] = {}
    columns: dict[str, list[KolomRekaman]] = {}
    users: dict[str, list[str]] = {}
    for _, ind in rencana.indikator():
        for berkas in berkas_lembar(ind.formula):
            kind, cols = _lembar(ind, berkas, referensi, triwulan)
            if berkas not in sheets:
                sheets[berkas] = nama_lembar(berkas, dipakai)
                kinds[berkas], columns[berkas], users[berkas] = kind, [], []
            known = {c.nama for c in columns[berkas]}
            columns[berkas].extend(c for c in cols if c.nama not in known)
            users[berkas].append(ind.kode)
    rows: list[BarisRealisasi] = []
    for _, ind in rencana.indikator():
        f = ind.formula
        counts = ("pembilang", "penyebut") if f.jenis == "rasio" else ()
        grades: tuple[str, ...] = ()
        numbers: tuple[str, ...] = ("nilai",)
        if ind.skala is not None:
            skala = referensi.skala(ind.skala)
            grades = tuple(skala.kode_urut)
            if not isinstance(skala, Skala):
                numbers = ()  # an ordinal scale has grades only (opini WTP)
        rows.append(
            BarisRealisasi(
                kode=ind.kode,
                komponen=None,
                nama=ind.nama_singkat or ind.nama,
                satuan=ind.satuan,
                target_tw=(ind.target_triwulan or {}).get(triwulan),  # type: ignore[call-overload]
                target=_target(ind, jenis),
                cara=_cara(ind, sheets, bool(numbers)),
                isian=(*numbers, *(("predikat",) if grades else ()), *counts, *ISIAN_INDIKATOR),
                rentang=ind.rentang_nilai,
                bulat=counts,
                predikat=grades,
            )
        )
        if f.jenis == "rata_rata":
            for k in f.komponen:
                ways = []
                if k.survei:
                    ways.append(f"dari jawaban survei {k.survei} di folder tw{triwulan}/")
                if k.berkas:
                    ways.append(f"dari lembar {sheets[k.berkas]} (rata-rata per kegiatan)")
                cara = (
                    "; atau ".join(ways)
                    + ("; bila tidak ada, " if ways else "")
                    + ("ketik Nilai komponen")
                )
                rows.append(
                    BarisRealisasi(
                        kode=ind.kode,
                        komponen=k.kode,
                        nama=k.nama,
                        satuan="",
                        target_tw=None,
                        target=k.target,
                        cara=cara,
                        isian=("nilai",),
                        rentang=k.rentang,
                        survei=k.survei,
                    )
                )
    rekaman = tuple(
        LembarRekaman(sheets[b], b, kinds[b], tuple(columns[b]), tuple(users[b])) for b in sheets
    )
    return TataIsian(
        tahun=rencana.tahun,
        triwulan=triwulan,
        kantor=rencana.kantor,
        target_jenis=jenis,
        realisasi=tuple(rows),
        rekaman=rekaman,
        anggaran=tuple((sk.kode, sk.nama, sk.anggaran) for sk in rencana.sasaran),
    )
