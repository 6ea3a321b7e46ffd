"""Error and warning codes of the survey (IKM) reader, R401–R419.

Kept as one table so it can be merged into the central list of codes; every
:class:`~renja_cli.errors.DataError` the package raises carries one of them.
"""

from __future__ import annotations

KODE_GALAT: dict[str, str] = {
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
    "R416": "responden ganda: cap waktu dan jawaban identik (*peringatan*, tetap dihitung)",
    "R417": "jumlah responden di bawah sampel minimal Krejcie–Morgan (*peringatan*)",
    "R418": "permintaan tidak valid: tanpa berkas, populasi bukan bilangan bulat positif, "
    "atau aturan bobot/gabung/per tidak dikenal",
    "R419": "nomor unsur di judul kolom (mis. 'U8.') berbeda dengan unsur menurut namanya; "
    "nama yang dipakai (*peringatan*)",
}
"""Meaning of each code, in Indonesian, as shown in the README's code table."""

PERINGATAN = frozenset({"R416", "R417", "R419"})
"""Codes that are only ever warnings (R407 is a warning when it skips a group)."""
