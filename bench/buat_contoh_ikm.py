"""Generate the EXAMPLE survey exports of TW III 2025 (seeded, reproducible).

Usage: python bench/buat_contoh_ikm.py [--keluaran FOLDER]

Writes, into FOLDER (default ``data/realisasi/2025/tw3``; copy to tests/fixtures too):

* ``survei-ikm-layanan.csv`` — a Google Forms CSV export of the service
  survey: 240 responses, ``Timestamp`` in July–September 2025, a
  ``Jenis Layanan`` column, answers as the regulation's option texts, the
  questionnaire's own order (sarana 8, pengaduan 9), a few blank answers and
  one respondent who answered nothing;
* ``survei-pembinaan-<kegiatan>.csv`` — three guidance events (45, 38 and
  56 responses); the Rakor file is saved the way Excel with Indonesian
  settings saves it (``;`` separator, ``dd/mm/yyyy`` dates, CRLF).

Every file starts with ``# contoh: …`` so every renja output marks it as
example data. The answer distributions are chosen so the IKMs come out
plausible for this office (about 92–95).
"""

from __future__ import annotations

import argparse
import csv
import random
from datetime import datetime, timedelta
from pathlib import Path

PENANDA = "# contoh: data contoh, bukan data resmi (bench/buat_contoh_ikm.py)"
BAWAAN = Path(__file__).resolve().parents[1] / "data/realisasi/2025/tw3"

# Questionnaire order of the regulation's annex: 8 = sarana, 9 = pengaduan.
PERTANYAAN = [
    (
        "U1",
        "1. Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan "
        "dengan jenis pelayanannya?",
    ),
    ("U2", "2. Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?"),
    ("U3", "3. Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?"),
    ("U4", "4. Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?"),
    (
        "U5",
        "5. Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang "
        "tercantum dalam standar pelayanan dengan hasil yang diberikan?",
    ),
    ("U6", "6. Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?"),
    (
        "U7",
        "7. Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait "
        "kesopanan dan keramahan?",
    ),
    ("U9", "8. Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?"),
    ("U8", "9. Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?"),
]
JAWABAN = {
    "U1": ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"],
    "U2": ["Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"],
    "U3": ["Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"],
    "U4": ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"],
    "U5": ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"],
    "U6": ["Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"],
    "U7": [
        "Tidak sopan dan ramah",
        "Kurang sopan dan ramah",
        "Sopan dan ramah",
        "Sangat sopan dan ramah",
    ],
    "U8": [
        "Tidak ada",
        "Ada tetapi tidak berfungsi",
        "Berfungsi kurang maksimal",
        "Dikelola dengan baik",
    ],
    "U9": ["Buruk", "Cukup", "Baik", "Sangat baik"],
}
# Probability of scores 1, 2, 3, 4 per unsur; waktu, sarana and pengaduan lowest.
SEBARAN = {
    "U1": (0.000, 0.010, 0.200, 0.790),
    "U2": (0.000, 0.020, 0.220, 0.760),
    "U3": (0.005, 0.040, 0.320, 0.635),
    "U4": (0.000, 0.000, 0.020, 0.980),
    "U5": (0.000, 0.010, 0.210, 0.780),
    "U6": (0.000, 0.005, 0.180, 0.815),
    "U7": (0.000, 0.005, 0.140, 0.855),
    "U8": (0.005, 0.030, 0.300, 0.665),
    "U9": (0.005, 0.035, 0.310, 0.650),
}
LAYANAN = [
    ("Kenaikan Pangkat", 0.30),
    ("Pensiun (BUP)", 0.25),
    ("Mutasi Antar Instansi", 0.15),
    ("Peremajaan Data SIASN", 0.20),
    ("Konsultasi Kepegawaian", 0.10),
]
INSTANSI = [
    "Pemerintah Provinsi Bali",
    "Kabupaten Badung",
    "Kota Denpasar",
    "Kabupaten Buleleng",
    "Kota Mataram",
    "Kabupaten Lombok Tengah",
    "Kabupaten Sumbawa",
    "Kota Kupang",
    "Kabupaten Sikka",
    "Kabupaten Manggarai Barat",
    "Kabupaten Sumba Barat Daya",
]
SARAN = [
    "",
    "",
    "",
    "",
    "",
    "Pertahankan pelayanannya",
    "Ruang tunggu diperluas",
    "Informasi status berkas lewat WhatsApp, agar tidak perlu datang",
    "Terima kasih",
    "Antrean lebih tertib",
    "Petugas sangat membantu, mohon ditambah di loket",
]


def _skor(rnd: random.Random, kode: str, geser: float = 0.0) -> int:
    p1, p2, p3, p4 = SEBARAN[kode]
    p4 = max(min(p4 + geser, 0.99), 0.0)
    p3 = max(1 - p1 - p2 - p4, 0.0)
    return rnd.choices((1, 2, 3, 4), weights=(p1, p2, p3, p4))[0]


def _waktu_google(t: datetime) -> str:
    hour = t.hour % 12 or 12
    return f"{t:%Y/%m/%d} {hour}:{t:%M:%S} {'AM' if t.hour < 12 else 'PM'} GMT+8"


def _jawaban(rnd: random.Random, geser: float, kosong: float) -> list[str]:
    row = []
    for kode, _ in PERTANYAAN:
        row.append("" if rnd.random() < kosong else JAWABAN[kode][_skor(rnd, kode, geser) - 1])
    return row


def layanan(folder: Path) -> Path:
    rnd = random.Random(202503)
    header = ["Timestamp", "Jenis Layanan", "Usia", "Jenis Kelamin", "Pendidikan"]
    header += [q for _, q in PERTANYAAN] + ["Saran dan masukan"]
    start = datetime(2025, 7, 1, 8, 0)
    rows: list[tuple[datetime, list[str]]] = []
    for i in range(240):
        day = start + timedelta(days=i * 91 // 240)
        while day.weekday() >= 5:  # the office serves on working days
            day += timedelta(days=1)
        t = day + timedelta(minutes=rnd.randint(0, 450), seconds=rnd.randint(0, 59))
        service = rnd.choices([s for s, _ in LAYANAN], weights=[w for _, w in LAYANAN])[0]
        geser = -0.08 if service == "Peremajaan Data SIASN" else 0.0
        answers = _jawaban(rnd, geser, kosong=0.01)
        if i == 117:  # opened the form, chose a service, answered nothing
            answers = [""] * len(PERTANYAAN)
        rows.append(
            (
                t,
                [
                    _waktu_google(t),
                    service,
                    str(rnd.randint(23, 58)),
                    rnd.choice(["Laki-laki", "Perempuan"]),
                    rnd.choice(["SMA", "D3", "S1", "S1", "S2"]),
                    *answers,
                    rnd.choice(SARAN),
                ],
            )
        )
    path = folder / "survei-ikm-layanan.csv"
    _tulis(path, header, [row for _, row in sorted(rows, key=lambda r: r[0])])
    return path


KEGIATAN = [
    # (file stem, event, day, respondents, shift of P(4), Excel-style export)
    (
        "sersan-bup-lombok-tengah",
        "SERSAN BUP Lombok Tengah",
        datetime(2025, 7, 17, 9),
        45,
        0.02,
        False,
    ),
    ("kompas-asn", "Kompas ASN: Konsultasi MASN", datetime(2025, 8, 21, 9), 38, 0.06, False),
    (
        "rakor-kepegawaian-ntt",
        "Rakor Permasalahan Kepegawaian NTT",
        datetime(2025, 9, 11, 13),
        56,
        -0.02,
        True,
    ),
]


def pembinaan(folder: Path) -> list[Path]:
    paths = []
    for n, (stem, event, day, count, geser, excel) in enumerate(KEGIATAN):
        rnd = random.Random(2025_09 + n)
        header = ["Timestamp", "Nama Kegiatan", "Instansi"]
        header += [q for _, q in PERTANYAAN] + ["Saran"]
        rows = []
        for i in range(count):
            t = day + timedelta(minutes=90 + i * 2 + rnd.randint(0, 3), seconds=rnd.randint(0, 59))
            stamp = f"{t:%d/%m/%Y %H:%M:%S}" if excel else _waktu_google(t)
            answers = _jawaban(rnd, geser, kosong=0.005)
            rows.append([stamp, event, rnd.choice(INSTANSI), *answers, rnd.choice(SARAN)])
        path = folder / f"survei-pembinaan-{stem}.csv"
        _tulis(path, header, rows, ";" if excel else ",", "\r\n" if excel else "\n")
        paths.append(path)
    return paths


def _tulis(
    path: Path, header: list[str], rows: list[list[str]], sep: str = ",", eol: str = "\n"
) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(PENANDA + eol)
        writer = csv.writer(handle, delimiter=sep, lineterminator=eol)
        writer.writerow(header)
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--keluaran", type=Path, default=BAWAAN)
    args = parser.parse_args(argv)
    args.keluaran.mkdir(parents=True, exist_ok=True)
    for path in [layanan(args.keluaran), *pembinaan(args.keluaran)]:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
