"""Writing the input workbook (openpyxl, imported only here).

Input cells are yellow and unlocked; codes, names, targets and headers are
locked by sheet protection without a password (Review › Unprotect Sheet lifts
it). Excel's data validation guides typing — yes/no lists, numeric ranges
from the indicator's range or scale, whole numbers for counts, NIPs as text
of 18 characters — but ``impor`` applies renja's own rules, so a workbook
saved without any of this (Google Sheets) is read the same way.
"""

from __future__ import annotations

import io
from typing import Any

from renja_cli.isian.praisi import IsiLembar, PraIsi
from renja_cli.isian.tata import (
    ISIAN_ANGKA,
    ISIAN_INDIKATOR,
    KOLOM_ANGGARAN,
    KOLOM_REALISASI,
    LABEL_CONTOH,
    LABEL_KETERANGAN,
    LABEL_TAHUN,
    LABEL_TRIWULAN,
    LEMBAR_ANGGARAN,
    LEMBAR_INSTANSI,
    LEMBAR_PETUNJUK,
    LEMBAR_REALISASI,
    NARASI,
    BarisRealisasi,
    KolomRekaman,
    LembarRekaman,
    TataIsian,
)
from renja_cli.model.dasar import as_list
from renja_cli.model.realisasi import EntriRealisasi, Narasi, ratakan
from renja_cli.model.referensi import DaftarInstansi
from renja_cli.render.lembar import (
    WARNA_ISIAN,
    WARNA_TERKUNCI,
    baris,
    cetak,
    gaya_judul,
    tinggi_baris,
    tulis,
)

BARIS_AKHIR = 1_048_576
"""Excel's last row: validations of open-ended sheets cover every row."""

FMT_RUPIAH = '"Rp "#,##0'
FMT_JUMLAH = "#,##0"

LEBAR_REALISASI = {
    "kode": 9,
    "komponen": 15,
    "nama": 38,
    "satuan": 8,
    "target_tw": 9,
    "target": 10,
    "cara": 34,
    "nilai": 11,
    "predikat": 11,
    "pembilang": 11,
    "penyebut": 11,
    "tersedia": 9,
    "sementara": 10,
    "sumber": 22,
    "keterangan": 28,
    "asumsi": 22,
    "turunan": 22,
    "contoh": 12,
    "analisis": 40,
    "kendala": 40,
    "upaya": 40,
    "rencana_tindak_lanjut": 40,
}
INPUT = frozenset((*ISIAN_ANGKA, *ISIAN_INDIKATOR))
BUNGKUS_REALISASI = {"nama", "cara", "sumber", "keterangan", "asumsi", "turunan", *NARASI}
LEBAR_KOLOM = {
    "kode_instansi": 16,
    "nama": 34,
    "teks": 30,
    "angka": 12,
    "ya_tidak": 14,
    "dokumen": 11,
    "nip": 21,
    "triwulan": 14,
    "instansi": 22,
}


class _Validasi:
    """Collects data validations by rule, so each rule is written once."""

    def __init__(self) -> None:
        self.rules: dict[tuple[Any, ...], list[str]] = {}

    def add(self, ref: str, *rule: Any) -> None:
        self.rules.setdefault(rule, []).append(ref)

    def pasang(self, ws: Any) -> None:
        from openpyxl.worksheet.datavalidation import DataValidation

        for rule, refs in self.rules.items():
            kind, operator, f1, f2, prompt, warning_only = rule
            dv = DataValidation(
                type=kind,
                operator=operator,
                formula1=f1,
                formula2=f2,
                allow_blank=True,
                showErrorMessage=True,
                showInputMessage=bool(prompt),
                errorStyle="warning" if warning_only else "stop",
                errorTitle="Isian tidak sesuai",
                error=prompt or "Nilai tidak sesuai aturan kolom ini.",
                promptTitle="Petunjuk" if prompt else None,
                prompt=prompt or None,
            )
            dv.sqref = " ".join(refs)
            ws.add_data_validation(dv)


def _angka(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def _aturan_angka(rentang: tuple[float, float] | None, bulat: bool, label: str) -> tuple[Any, ...]:
    kind = "whole" if bulat else "decimal"
    if rentang is None:
        low, high = ("0", "999999999999999") if bulat else ("-1E+15", "1E+15")
        text = f"{label}: bilangan bulat ≥ 0" if bulat else f"{label}: angka"
        return (kind, "between", low, high, text, False)
    text = f"{label}: {_angka(rentang[0])}–{_angka(rentang[1])}"
    return (kind, "between", _rumus_angka(rentang[0]), _rumus_angka(rentang[1]), text, False)


def _rumus_angka(value: float) -> str:
    """A bound as Excel's validation formula writes it (``25``, ``99.99``)."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


YA_TIDAK = ("list", None, '"ya,tidak"', None, "ya atau tidak", False)
DOKUMEN = ("list", None, '"1,0"', None, "1 = dokumen ada, 0 = tidak ada", False)


def _kunci(cell: Any, terkunci: bool) -> None:
    from openpyxl.styles import PatternFill, Protection

    cell.protection = Protection(locked=terkunci)
    if not terkunci:
        cell.fill = PatternFill("solid", fgColor=WARNA_ISIAN)


def _abu(cell: Any) -> None:
    from openpyxl.styles import PatternFill

    cell.fill = PatternFill("solid", fgColor=WARNA_TERKUNCI)


def _lindungi(ws: Any, baris_bebas: bool) -> None:
    """Protect the sheet without a password; formatting and (where rows are open)
    inserting and deleting rows stay allowed."""
    p = ws.protection
    p.sheet = True
    p.formatColumns = False
    p.formatRows = False
    p.autoFilter = False
    if baris_bebas:
        p.insertRows = False
        p.deleteRows = False
        p.sort = False


def _teks(value: str | list[str] | None) -> str | None:
    return "\n".join(as_list(value)) or None


def berstruktur(value: Narasi | None) -> bool:
    """A narrative with blocks (items, tables, notes) a cell cannot hold as typed."""
    return isinstance(value, list) and any(not isinstance(b, str) for b in value)


def teks_narasi(value: Narasi | None) -> str | None:
    """A narrative as one point per line (blocks flattened as reports list them)."""
    return "\n".join(ratakan(value)) or None


def _nilai_realisasi(row: BarisRealisasi, entry: EntriRealisasi | None) -> dict[str, Any]:
    if entry is None:
        return {}
    if row.komponen is not None:
        return {"nilai": (entry.komponen or {}).get(row.komponen)}
    return {
        "nilai": entry.nilai,
        "predikat": entry.predikat,
        "pembilang": entry.pembilang,
        "penyebut": entry.penyebut,
        "tersedia": None if entry.tersedia else "tidak",
        "sementara": "ya" if entry.sementara else None,
        "sumber": entry.sumber,
        "keterangan": _teks(entry.keterangan),
        "asumsi": entry.asumsi,
        "turunan": entry.turunan,
        "contoh": "ya" if entry.contoh is True else entry.contoh or None,
        **{key: teks_narasi(getattr(entry, key)) for key in NARASI},
    }


def _realisasi(wb: Any, tata: TataIsian, isi: PraIsi) -> None:
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(LEMBAR_REALISASI)
    keys = [k for k, _ in KOLOM_REALISASI]
    headers = [h for _, h in KOLOM_REALISASI]
    headers[keys.index("target_tw")] = f"Target TW {tata.triwulan}"
    headers[keys.index("target")] = f"Target tahunan ({tata.target_jenis.upper()})"
    gaya_judul(baris(ws, 1, headers))
    widths = [LEBAR_REALISASI[k] for k in keys]
    tinggi_baris(ws, 1, widths)
    validasi = _Validasi()
    for r, row in enumerate(tata.realisasi, start=2):
        values = {
            "kode": row.kode,
            "komponen": row.komponen,
            "nama": row.nama,
            "satuan": row.satuan,
            "target_tw": row.target_tw,
            "target": row.target,
            "cara": row.cara,
            **_nilai_realisasi(row, isi.entri.get(row.kode)),
        }
        for c, key in enumerate(keys, start=1):
            cell = tulis(ws, r, c, values.get(key))
            cell.alignment = Alignment(vertical="top", wrap_text=key in BUNGKUS_REALISASI)
            open_ = key in row.isian
            entry = isi.entri.get(row.kode) if row.komponen is None else None
            if key in NARASI and entry is not None and berstruktur(getattr(entry, key)):
                open_ = False  # kept as written in the YAML file by impor
                _komentar(
                    cell,
                    "Narasi berstruktur (butir, tabel, catatan) di berkas YAML: ditampilkan "
                    "rata di sini dan dipertahankan apa adanya oleh renja impor. Ubah di YAML.",
                )
            if key in INPUT:
                _kunci(cell, not open_)
                if not open_:
                    _abu(cell)
            ref = f"{get_column_letter(c)}{r}"
            if not open_:
                continue
            if key == "nilai":
                rentang = (row.rentang.min, row.rentang.maks) if row.rentang else None
                validasi.add(ref, *_aturan_angka(rentang, False, "Nilai"))
            elif key == "predikat" and row.predikat:
                grades = ",".join(row.predikat)
                validasi.add(ref, "list", None, f'"{grades}"', None, f"Predikat: {grades}", True)
            elif key in row.bulat:
                validasi.add(ref, *_aturan_angka(None, True, key.capitalize()))
            elif key in ("tersedia", "sementara"):
                validasi.add(ref, *YA_TIDAK)
        tinggi_baris(
            ws, r, [w if k in BUNGKUS_REALISASI else 1e9 for k, w in zip(keys, widths, strict=True)]
        )
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    validasi.pasang(ws)
    ws.freeze_panes = "D2"
    cetak(ws, "1:1")
    _lindungi(ws, baris_bebas=False)


def _komentar(cell: Any, text: str) -> None:
    from openpyxl.comments import Comment

    cell.comment = Comment(text, "renja")


def _aturan_kolom(kolom: KolomRekaman, ref: str, n_instansi: int) -> tuple[Any, ...] | None:
    """The validation of a record column (the instansi list only with a population)."""
    match kolom.jenis:
        case "ya_tidak":
            return YA_TIDAK
        case "dokumen":
            return DOKUMEN
        case "angka":
            return _aturan_angka(kolom.rentang, False, kolom.nama)
        case "triwulan":
            return _aturan_angka(kolom.rentang, True, kolom.nama)
        case "nip":
            return ("textLength", "equal", "18", None, "NIP: 18 angka, sebagai teks", False)
        case "instansi" if n_instansi:
            return (
                "list",
                None,
                f"{LEMBAR_INSTANSI}!$A$2:$A${n_instansi + 1}",
                None,
                "kode instansi (lihat lembar Instansi); nama resmi juga diterima",
                True,
            )
    return None


def _rekaman(
    wb: Any, lembar: LembarRekaman, isi: IsiLembar | None, instansi: DaftarInstansi | None
) -> None:
    from openpyxl.styles import Alignment, PatternFill, Protection
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(lembar.nama)
    isi = isi or IsiLembar()
    known = {k.nama for k in lembar.kolom}
    kolom = [
        *lembar.kolom,
        *(
            KolomRekaman(t, "teks", "kolom tambahan dari berkas lama")
            for t in isi.tambahan
            if t not in known
        ),
    ]
    header = baris(ws, 1, [k.nama for k in kolom])
    gaya_judul(header)
    for cell, k in zip(header, kolom, strict=True):
        _komentar(cell, f"{k.keterangan}\nIndikator: {', '.join(lembar.indikator)}")
    rows: list[dict[str, Any]]
    population = instansi.instansi if instansi is not None else []
    if lembar.jenis == "instansi":
        rows = [
            {"instansi": i.kode, "nama": i.nama, **isi.per_instansi.get(i.kode, {})}
            for i in population
        ]
    else:
        rows = isi.baris
    open_ended = lembar.jenis != "instansi"
    last = len(rows) + 1 if not open_ended else BARIS_AKHIR
    validasi = _Validasi()
    fit = {
        "kode_instansi": max((len(i.kode) for i in population), default=0) + 3,
        "nama": max((len(i.nama) for i in population), default=0) + 2,
    }
    for c, k in enumerate(kolom, start=1):
        letter = get_column_letter(c)
        ws.column_dimensions[letter].width = max(LEBAR_KOLOM[k.jenis], fit.get(k.jenis, 0))
        if open_ended and not k.terkunci:
            dim = ws.column_dimensions[letter]
            dim.protection = Protection(locked=False)
            dim.fill = PatternFill("solid", fgColor=WARNA_ISIAN)
            if k.jenis == "nip":
                dim.number_format = "@"
        rule = _aturan_kolom(k, letter, len(population))
        if rule is not None and not k.terkunci:
            validasi.add(f"{letter}2:{letter}{last}", *rule)
    for r, values in enumerate(rows, start=2):
        for c, k in enumerate(kolom, start=1):
            cell = tulis(ws, r, c, values.get(k.nama))
            _kunci(cell, k.terkunci)
            if k.terkunci:
                _abu(cell)
            if k.jenis == "nip":
                cell.number_format = "@"
            cell.alignment = Alignment(vertical="top")
    validasi.pasang(ws)
    ws.freeze_panes = "C2" if lembar.jenis == "instansi" else "B2"
    cetak(ws, "1:1")
    _lindungi(ws, baris_bebas=open_ended)


def _anggaran(wb: Any, tata: TataIsian, isi: PraIsi) -> None:
    from openpyxl.styles import Alignment

    ws = wb.create_sheet(LEMBAR_ANGGARAN)
    headers = [h for _, h in KOLOM_ANGGARAN]
    headers[-1] = f"Realisasi anggaran TW {tata.triwulan} (Rp, dalam triwulan itu saja)"
    gaya_judul(baris(ws, 1, headers))
    validasi = _Validasi()
    for r, (kode, nama, pagu) in enumerate(tata.anggaran, start=2):
        cells = baris(ws, r, [kode, nama, pagu, isi.anggaran.get(kode)])
        for cell in cells[:3]:
            _kunci(cell, True)
            _abu(cell)
        cells[1].alignment = Alignment(wrap_text=True, vertical="top")
        cells[2].number_format = FMT_RUPIAH
        _kunci(cells[3], False)
        cells[3].number_format = FMT_JUMLAH
        validasi.add(f"D{r}", *_aturan_angka(None, True, "Realisasi anggaran (rupiah)"))
        tinggi_baris(ws, r, [1e9, 50.0, 1e9, 1e9])
    for letter, width in zip("ABCD", (10, 50, 20, 26), strict=True):
        ws.column_dimensions[letter].width = width
    validasi.pasang(ws)
    ws.freeze_panes = "C2"
    cetak(ws, "1:1")
    _lindungi(ws, baris_bebas=False)


def _instansi(wb: Any, instansi: DaftarInstansi) -> None:
    ws = wb.create_sheet(LEMBAR_INSTANSI)
    gaya_judul(baris(ws, 1, ["kode", "nama", "provinsi", "jenis", "alias"]))
    for r, i in enumerate(instansi.instansi, start=2):
        baris(ws, r, [i.kode, i.nama, i.provinsi, i.jenis, ", ".join(i.alias)])
    code = max((len(i.kode) for i in instansi.instansi), default=0) + 3
    for letter, width in zip("ABCDE", (max(18, code), 40, 12, 12, 40), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    cetak(ws, "1:1")
    _lindungi(ws, baris_bebas=False)


def _petunjuk(
    wb: Any, tata: TataIsian, isi: PraIsi, folder: str, versi: str, instansi_ada: bool
) -> None:
    from openpyxl.styles import Alignment, Font

    ws = wb.worksheets[0]
    ws.title = LEMBAR_PETUNJUK
    tulis(
        ws, 1, 1, f"Isian realisasi TW {tata.triwulan} tahun {tata.tahun} — {tata.kantor}"
    ).font = Font(bold=True, size=13)
    if isi.contoh:
        tulis(ws, 2, 1, "DATA CONTOH — isian ini berisi data contoh, bukan data resmi").font = Font(
            bold=True, color="C00000"
        )
    pairs: list[tuple[str, Any, bool]] = [
        (LABEL_TAHUN, tata.tahun, False),
        (LABEL_TRIWULAN, tata.triwulan, False),
        ("Kantor", tata.kantor, False),
        ("Folder data", folder, False),
        (LABEL_CONTOH, "ya" if isi.contoh else "tidak", True),
        (LABEL_KETERANGAN, isi.keterangan, True),
        ("Isi awal", isi.asal or "kosong (templat baru)", False),
        ("Dibuat dengan", f"renja {versi} (renja templat)", False),
    ]
    validasi = _Validasi()
    for r, (label, value, open_) in enumerate(pairs, start=4):
        tulis(ws, r, 1, label).font = Font(bold=True)
        cell = tulis(ws, r, 2, value)
        cell.alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
        _kunci(cell, not open_)
        if label == LABEL_CONTOH:
            validasi.add(f"B{r}", *YA_TIDAK)
        tinggi_baris(ws, r, [1e9, 34.0])
    r = 4 + len(pairs) + 1
    steps = [
        "Langkah",
        "1. Isi sel KUNING saja. Sel abu-abu (kode, nama, target) terkunci; proteksi lembar "
        "tanpa sandi.",
        f"2. Lembar {LEMBAR_REALISASI}: satu baris per indikator (dan per komponen rata-rata). "
        "Kolom 'Cara mengisi' menyebut sel yang diisi. Tersedia = tidak bila nilai belum "
        "terbit. Beberapa kendala atau rencana tindak lanjut: satu per baris dalam sel "
        "(Alt+Enter).",
        "3. Lembar rekaman (di bawah) menjadi berkas CSV folder triwulan: satu baris per "
        "instansi, NIP, butir register atau kegiatan. Register dan kegiatan bersifat "
        "kumulatif s.d. akhir triwulan ini. NIP dan butir triwulan sebelumnya sudah terisi: "
        "perbarui; kolom dokumen yang kosong dihitung tidak ada.",
        f"4. Lembar {LEMBAR_ANGGARAN}: realisasi anggaran DALAM triwulan ini saja per sasaran.",
        "5. Ketik nilai, jangan rumus: sel berisi rumus ditolak saat impor. NIP ditulis "
        "sebagai teks 18 angka.",
        f"6. Simpan sebagai .xlsx (Google Sheets: File › Download › Microsoft Excel), lalu: "
        f"renja impor BERKAS.xlsx --tahun {tata.tahun} --triwulan {tata.triwulan}",
    ]
    for i, text in enumerate(steps):
        cell = tulis(ws, r + i, 1, text)
        if i == 0:
            cell.font = Font(bold=True)
        ws.merge_cells(start_row=r + i, start_column=1, end_row=r + i, end_column=4)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        tinggi_baris(ws, r + i, [110.0])
    r += len(steps) + 1
    gaya_judul(baris(ws, r, ["Lembar", "Berkas", "Indikator", "Isi"]))
    table = [
        (LEMBAR_REALISASI, f"{tata.periode}.yaml", "semua", "nilai, pembilang/penyebut, narasi"),
        *(
            (x.nama, f"{tata.periode}/{x.berkas}", ", ".join(x.indikator), _uraian_lembar(x))
            for x in tata.rekaman
        ),
        (LEMBAR_ANGGARAN, f"{tata.periode}.yaml (anggaran)", "—", "realisasi anggaran"),
    ]
    if instansi_ada:
        table.append((LEMBAR_INSTANSI, "—", "—", "daftar instansi (rujukan, tidak diimpor)"))
    for i, values in enumerate(table, start=r + 1):
        for cell in baris(ws, i, list(values)):
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCD", (24, 34, 26, 44), strict=True):
        ws.column_dimensions[letter].width = width
    validasi.pasang(ws)
    cetak(ws, "1:1")
    _lindungi(ws, baris_bebas=False)


def _uraian_lembar(lembar: LembarRekaman) -> str:
    return {
        "instansi": "satu baris per instansi (populasi terisi)",
        "arsip": "satu baris per NIP, sembilan kolom dokumen 1/0",
        "register": "satu baris per butir: nomor, instansi, triwulan terbit, ditindaklanjuti",
        "kegiatan": "satu baris per kegiatan: nama, triwulan, nilai",
    }[lembar.jenis]


def tulis_templat(
    tata: TataIsian, isi: PraIsi, instansi: DaftarInstansi | None, folder: str, versi: str
) -> bytes:
    """The workbook of ``tata`` with ``isi`` written in, as .xlsx bytes."""
    from openpyxl import Workbook

    wb = Workbook()
    _petunjuk(wb, tata, isi, folder, versi, instansi is not None)
    _realisasi(wb, tata, isi)
    for lembar in tata.rekaman:
        _rekaman(wb, lembar, isi.lembar.get(lembar.nama), instansi)
    _anggaran(wb, tata, isi)
    if instansi is not None:
        _instansi(wb, instansi)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
