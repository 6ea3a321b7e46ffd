"""One error family, one table of error codes, one set of exit codes.

Every failure a user can cause is a :class:`RenjaError` with a stable code from
:data:`KODE`; the CLI catches it once and turns it into an Indonesian message
and the exit code documented in the README ("Kode keluar", "Kode galat" — a
test keeps both README tables equal to the ones here).
"""

from __future__ import annotations

from pathlib import Path

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130

KODE_KELUAR: dict[int, str] = {
    EXIT_OK: "berhasil",
    EXIT_INVALID: "data tidak valid (berkas rusak, nilai salah, kode tidak dikenal)",
    EXIT_USAGE: "kesalahan penggunaan (opsi salah, tahun/folder tidak ada, berkas keluaran "
    "tidak dapat ditulis)",
    EXIT_INTERNAL: "galat internal renja (laporkan; `RENJA_DEBUG=1` menampilkan rinciannya)",
    EXIT_INTERRUPTED: "dibatalkan pengguna (Ctrl-C)",
}

KODE: dict[str, str] = {
    # reading files
    "R000": "berkas tidak ditemukan / tidak dapat dibaca",
    "R001": "sintaks YAML tidak valid",
    "R002": "kunci ganda (YAML biasa diam-diam memakai yang terakhir)",
    "R003": 'alias/anchor YAML (`*nama`, `<<`) — ditolak, juga "bom alias"',
    "R004": "isi berkas bukan pemetaan / kunci bukan teks",
    "R005": "angka `.nan` / `.inf`",
    "R006": "tab sebagai indentasi",
    "R007": "berkas kosong",
    "R008": "bukan UTF-8 / berisi bita NUL",
    "R009": "angka yang bisa salah baca: nol di depan (`012340`), terlalu panjang",
    "R010": "berkas tidak dikenal (*peringatan*)",
    "R011": "CSV tidak dirujuk formula mana pun (*peringatan*)",
    "R012": "folder periode tanpa berkas YAML periode itu (*peringatan*)",
    "R013": "dua berkas untuk satu peran (`tw3.yaml` dan `tw3.yml`, beda huruf besar/kecil)",
    "R014": "bukan berkas biasa (folder, FIFO, perangkat)",
    "R015": "triwulan sebelumnya tidak ada (`tw3.yaml` ada, `tw2.yaml` tidak)",
    # one value against the schema
    "R101": "kolom wajib belum diisi",
    "R102": "kunci tidak dikenal (salah ketik?)",
    "R103": "tipe salah: angka, bilangan bulat (jumlah), teks, daftar/pemetaan, batas",
    "R104": "pilihan tidak dikenal (jenis formula, satuan, periode `tw5`, …)",
    "R105": "aturan lain pada satu nilai",
    # consistency across values and files
    "R201": "tahun tidak cocok dengan nama berkas/folder, atau tahun tanpa `targets-<tahun>.yaml`",
    "R202": "periode tidak cocok dengan nama berkas",
    "R203": "indikator, sasaran atau komponen tidak dikenal",
    "R204": "realisasi diberikan dua kali (YAML dan CSV)",
    "R205": "bentuk realisasi tidak cocok dengan formula",
    "R206": "pembilang melebihi penyebut (per periode atau kumulatif)",
    "R207": "nilai di luar rentang: persen 0–100, IKM 25–100, `rentang` indikator",
    "R208": "realisasi 0 tidak dapat dipakai aturan `target_per_realisasi` (pembagian nol)",
    "R209": "pengaturan capaian yang tidak mungkin dipenuhi (ambang di atas batas capaian)",
    "R210": "kode ganda (SK, IKK, komponen, instansi)",
    "R211": "`total_anggaran` ≠ jumlah anggaran sasaran",
    "R212": "induk sasaran tidak ada di cascade",
    "R213": "indikator tanpa target utama / awalan kode salah",
    "R214": "skala predikat bercelah, tumpang tindih atau tidak berurutan",
    "R215": "bentuk target (nilai atau min–maks)",
    "R216": "target 0 (pembagian nol)",
    "R217": "bentuk entri realisasi",
    "R218": "predikat (WTP, BB …) tidak ada di skala indikator",
    "R219": "target belum diisi (*peringatan*; `renja init`)",
    "R220": "tanda asumsi/turunan/contoh untuk kolom yang tidak dikenal atau tidak diisi",
    "R221": "realisasi anggaran melebihi pagu sasaran (kumulatif diisi sebagai triwulanan?)",
    "R222": "tw4.yaml dan tahunan.yaml berbeda untuk satu indikator; akhir tahun memakai "
    "tahunan.yaml (*peringatan*)",
    "R223": "riwayat tahun lalu berbeda dari berkas realisasi tahun itu (*peringatan*)",
    # record files (CSV)
    "R301": "CSV: kolom wajib tidak ada",
    "R302": "CSV rusak: tanda kutip tidak ditutup, sel berisi baris baru",
    "R303": "CSV: judul kolom ganda atau kosong",
    "R304": "CSV: sel bukan angka / ya-tidak / kosong padahal wajib",
    "R305": "CSV: nama instansi ambigu",
    "R306": 'CSV: instansi tidak dikenal (dengan saran "maksud Anda")',
    "R307": "populasi, skala atau predikat tidak dikenal",
    "R308": "CSV: baris ganda untuk satu instansi, NIP atau nomor",
    "R309": "nilai di luar skala predikat (mis. merit di luar 100–400)",
    "R310": "CSV: baris lebih lebar dari judul kolom (koma desimal tanpa tanda kutip?)",
    "R311": "NIP tidak sah: bukan 18 angka, notasi ilmiah dari Excel",
    "R312": "catatan bertanggal sesudah periode berkasnya",
    "R313": "berkas rekaman formula tidak ada di folder periode",
    "R314": "berkas rekaman hanya berisi judul kolom (*peringatan*)",
    # survey files (IKM, renja ikm)
    "R401": "berkas survei tidak dapat dibaca: tidak ada, bukan .csv/.xlsx, xlsx rusak "
    "atau lembar tidak ada",
    "R402": "berkas survei CSV bukan UTF-8 atau berisi bita NUL",
    "R403": "CSV rusak: tanda kutip tidak ditutup atau teks setelah tanda kutip penutup",
    "R404": "baris berisi lebih banyak sel terisi daripada judul kolom",
    "R405": "survei kosong: tanpa baris judul kolom atau tanpa responden yang menjawab",
    "R406": "judul kolom tidak cocok dengan unsur mana pun dan berkas memuat kurang dari "
    "sembilan unsur (pesan menyebut sembilan unsur yang diharapkan)",
    "R407": "unsur tidak ada di berkas, atau tidak dijawab satu responden pun "
    "(pada kelompok: *peringatan*, kelompok tidak dihitung)",
    "R408": "satu unsur dipetakan oleh lebih dari satu kolom",
    "R409": "judul kolom cocok dengan lebih dari satu unsur; petakan di survei.yaml",
    "R410": "jawaban teks tidak dikenal untuk unsur itu (dengan saran 'maksud Anda')",
    "R411": "skor angka di luar 1–4 atau bukan bilangan bulat",
    "R412": "sel xlsx berisi rumus atau galat Excel (rumus tidak pernah dihitung)",
    "R413": "cap waktu tidak terbaca (pengelompokan per triwulan/bulan)",
    "R414": "kolom pengelompokan tidak ada (jenis layanan atau cap waktu)",
    "R415": "referensi survei (survei.yaml) tidak valid",
    "R416": "responden ganda: cap waktu dan jawaban identik, dalam satu berkas atau antarberkas "
    "(*peringatan*, tetap dihitung)",
    "R417": "jumlah responden di bawah sampel minimal Krejcie–Morgan (*peringatan*)",
    "R418": "permintaan tidak valid: tanpa berkas, populasi bukan bilangan bulat positif, "
    "atau aturan bobot/gabung/per tidak dikenal",
    "R419": "nomor unsur di judul kolom (mis. 'U8.') berbeda dengan unsur menurut namanya; "
    "nama yang dipakai (*peringatan*)",
    "R420": "berkas survei disebut dua kali atau isinya sama persis dengan berkas lain",
    "R421": "responden lebih banyak daripada populasi (*peringatan*)",
    "R422": "satu berkas survei memuat beberapa kegiatan padahal IKM dirata-rata per kegiatan",
    "R423": "jawaban survei bertanggal sebelum tahun folder berkasnya (ekspor formulir yang "
    "dipakai lagi memuat jawaban tahun lalu)",
    "R424": "buku kerja survei memuat lebih dari satu lembar jawaban yang tampak "
    "(hanya satu yang dibaca)",
    # history between two versions of the data (renja beda)
    "R501": "target PK diubah, ditambah atau dihapus sesudah PK ditandatangani "
    "(`pengaturan.pk_ditandatangani`), juga `target_utama` dan `arah`",
    "R502": "sesudah PK ditandatangani: target lain (Renstra, triwulan), formula, aturan periode "
    "atau aturan capaian diubah (*peringatan*)",
    "R503": "realisasi periode yang sudah ditutup (`ditutup:`) diubah: nilai, anggaran, "
    "berkas rekaman, atau berkas periode dihapus",
    "R504": "narasi periode yang sudah ditutup diubah: keterangan, sumber, kendala, rencana "
    "tindak lanjut, tanda contoh (*peringatan*)",
    "R505": "status berubah dari belum tercapai menjadi tercapai karena target atau aturan "
    "capaian, bukan karena realisasi (*peringatan*)",
    "R506": "tanda `pk_ditandatangani` atau `ditutup` dihapus atau tanggalnya diubah",
    "R507": "realisasi periode yang sudah ditutup berubah karena perubahan lain (formula, skala, "
    "populasi, pengaturan) (*peringatan*)",
    # input workbook (renja templat / renja impor)
    "R601": "buku kerja isian tidak dapat dibaca (bukan .xlsx, rusak)",
    "R602": "buku kerja isian tidak cocok: lembar atau judul kolom hilang/diubah, isian tahun "
    "atau triwulan lain",
    "R603": "sel isian berisi rumus atau galat Excel (rumus tidak pernah dihitung)",
    "R604": "lembar rekaman isian kosong padahal berkasnya sudah ada di folder triwulan",
    "R605": "sel isian digabung (merge): hanya sel kiri atas yang menyimpan nilai",
    "R606": "angka isian berformat persen: Excel menyimpan 88% sebagai 0,88",
    "R607": "lembar isian per instansi kehilangan baris instansi (terhapus?) (*peringatan*)",
    # usage
    "U001": "opsi atau argumen tidak valid",
    "U002": "tahun, folder data atau berkas masukan tidak ada",
    "U003": "kode indikator, sasaran, target atau jenis tidak dikenal",
    "U004": "berkas keluaran tidak dapat ditulis (sudah ada, folder tidak ada, izin, "
    "di dalam folder data)",
    "U005": "git tidak ada, folder bukan repositori git, atau revisi git tidak dikenal",
}


class Location:
    """Where in a file a problem sits (1-based line and column, or a workbook cell)."""

    __slots__ = ("cell", "column", "line", "path", "sheet")

    def __init__(
        self,
        path: Path | None = None,
        line: int | None = None,
        column: int | None = None,
        sheet: str | None = None,
        cell: str | None = None,
    ) -> None:
        self.path = path
        self.line = line
        self.column = column
        self.sheet = sheet
        """Worksheet of a workbook; with ``cell`` shown as ``file.xlsx!Sheet!C12``."""
        self.cell = cell

    def _key(self) -> tuple[object, ...]:
        return (self.path, self.line, self.column, self.sheet, self.cell)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Location) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Location({self})"

    def __str__(self) -> str:
        if self.sheet is not None:
            where = f"{self.path if self.path is not None else '<masukan>'}!{self.sheet}"
            return f"{where}!{self.cell}" if self.cell else where
        parts = [str(self.path) if self.path is not None else "<masukan>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


class RenjaError(Exception):
    """Base of every error the user can cause; carries its code and exit code."""

    exit_code = EXIT_INVALID

    def __init__(
        self,
        message: str,
        location: Location | None = None,
        field: str | None = None,
        *,
        code: str,
    ) -> None:
        super().__init__(message)
        if code not in KODE:
            raise ValueError(f"unknown error code {code}")  # a programming error
        self.message = message
        self.location = location
        self.field = field
        self.code = code

    def __str__(self) -> str:
        prefix = f"{self.location}: " if self.location is not None else ""
        field = f"{self.field}: " if self.field else ""
        return f"{prefix}{self.code} {field}{self.message}"


class UsageError(RenjaError):
    """The command was asked for something that cannot exist or be written (exit 2)."""

    exit_code = EXIT_USAGE


class DataError(RenjaError):
    """A data file is malformed or inconsistent (exit 1)."""

    exit_code = EXIT_INVALID


class DataErrors(DataError):
    """Several data problems found at once (exit 1)."""

    errors: list[DataError]

    def __init__(self, errors: list[DataError]) -> None:
        flat: list[DataError] = []
        for e in errors:
            flat.extend(e.errors if isinstance(e, DataErrors) else [e])
        self.errors = flat
        first = flat[0] if flat else None
        super().__init__(
            "\n".join(str(e) for e in flat) or "data tidak valid",
            first.location if first else None,
            code=first.code if first else "R105",
        )

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)


def raise_all(errors: list[DataError]) -> None:
    """Raise nothing, the one error, or all of them together."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise DataErrors(errors)
