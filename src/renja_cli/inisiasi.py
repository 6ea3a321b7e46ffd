"""``renja init``: a new year from last year's plan, or a data folder for a new office.

Both return the files to write (path → text) and never write themselves; the
CLI writes them atomically. Targets are left for the office to fill in
(``pk: null``), which ``validasi`` reports as R219 warnings until they are.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from renja_cli.data.baca import read_rencana
from renja_cli.data.folder import DataSource, target_path
from renja_cli.errors import Location, UsageError
from renja_cli.io.berkas import baca_teks
from renja_cli.schema import SKEMA, skema_json

_LSP = "# yaml-language-server: $schema="


def _dump(data: Any) -> str:
    import yaml

    return str(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100))


def tahun_baru(source: DataSource, tahun: int, dari: int) -> dict[Path, str]:
    """``targets-<tahun>.yaml`` carrying codes, names, formulas and settings of ``dari``.

    Every named target, components' included, becomes ``null`` (to fill in); quarterly
    targets, the notes and marks (asumsi/turunan/contoh) of the old targets and the
    date the old PK was signed are dropped, since none of them speaks of the new
    year; each indicator names last year's as its ``pendahulu``, so ``tren``
    continues across the two years.
    """
    if tahun <= dari:
        raise UsageError(f"--tahun {tahun} harus sesudah --dari {dari}", code="U001")
    old_path = target_path(source.root, dari)
    rencana, _ = read_rencana(old_path)
    data = rencana.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    data["tahun"] = tahun
    data.pop("catatan", None)
    data["dokumen"] = f"Perjanjian Kinerja {tahun} (disusun dari {dari}; target belum diisi)"
    data["pengaturan"] = rencana.pengaturan.model_dump(mode="json")
    data["pengaturan"]["pk_ditandatangani"] = None  # the new year's PK is not signed yet
    data.pop("total_anggaran", None)  # a new year's budget is not last year's
    data.pop("program_prioritas", None)  # nor its priority programmes
    for sk_data, sk in zip(data["sasaran"], rencana.sasaran, strict=True):
        sk_data.pop("anggaran", None)
        for ind_data, ind in zip(sk_data["indikator"], sk.indikator, strict=True):
            ind_data["target"] = dict.fromkeys(ind.target)
            ind_data.pop("target_triwulan", None)
            for komponen in ind_data.get("formula", {}).get("komponen", []):
                if "target" in komponen:  # a component's own target is a target too
                    komponen["target"] = None
            # a mark goes with the value it stood by: the quarterly targets and every
            # named target (``target.renstra``) are gone
            tanda = {
                k: v
                for k, v in ind_data.get("tanda", {}).items()
                if k.split(".")[0] not in ("target", "target_triwulan")
            }
            ind_data["tanda"] = tanda
            if not tanda:
                ind_data.pop("tanda", None)
            ind_data.setdefault("pendahulu", [])
            if ind.kode not in ind_data["pendahulu"]:
                ind_data["pendahulu"] = [*ind_data["pendahulu"], ind.kode]
    first = baca_teks(old_path).splitlines()[0] if old_path.exists() else ""
    header = [first] if first.startswith(_LSP) else []
    header += [
        f"# Rencana kinerja {tahun}, disusun oleh `renja init --tahun {tahun} --dari {dari}`",
        f"# dari {old_path.name}: kode, nama, formula dan pengaturan dibawa; SEMUA TARGET",
        "# BELUM DIISI (null) — isi dari Perjanjian Kinerja yang ditandatangani, begitu pula",
        "# anggaran sasaran dan total_anggaran, lalu jalankan `renja validasi` (R219 menandai",
        "# target yang masih kosong).",
    ]
    path = source.root / f"targets-{tahun}.yaml"
    return {path: "\n".join(header) + "\n" + _dump(data)}


def kantor_baru(folder: Path, kantor: str, tahun: int) -> dict[Path, str]:
    """A minimal valid data folder for a new office, every field explained."""
    if not kantor.strip():
        raise UsageError("--kantor tidak boleh kosong", code="U001")
    files: dict[Path, str] = {}
    for jenis in SKEMA:
        files[folder / "skema" / f"{jenis}.schema.json"] = skema_json(jenis)
    files[folder / "instansi.yaml"] = _INSTANSI
    files[folder / "skala.yaml"] = _SKALA
    files[folder / f"targets-{tahun}.yaml"] = _TARGETS.format(tahun=tahun, kantor=_quoted(kantor))
    files[folder / "realisasi" / str(tahun) / "tw1.yaml"] = _TW1.format(tahun=tahun)
    return files


def tujuan_kosong(files: dict[Path, str], timpa: bool) -> None:
    """Refuse to overwrite an existing file unless ``--timpa``."""
    if timpa:
        return
    existing = [p for p in files if p.exists()]
    if existing:
        raise UsageError(
            f"'{existing[0]}' sudah ada; tambahkan --timpa untuk menimpanya",
            Location(existing[0]),
            code="U004",
        )


def _quoted(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)


_INSTANSI = """# yaml-language-server: $schema=skema/instansi.schema.json
# Populasi instansi untuk formula persentase_instansi ("persentase instansi yang ...").
# Ganti dengan daftar instansi yang Anda bina/layani. Setiap instansi:
#   kode      kode unik, huruf besar (dipakai di CSV rekaman)
#   nama      nama resmi (CSV boleh memakai kode, nama atau alias)
#   provinsi  provinsi instansi
#   jenis     provinsi, kabupaten, kota, kementerian, lembaga atau lainnya
#   alias     nama lain yang ditulis orang (opsional)
populasi: instansi
instansi:
  - {kode: INSTANSI-A, nama: Instansi Contoh A, provinsi: Provinsi Contoh, jenis: kabupaten}
  - kode: INSTANSI-B
    nama: Instansi Contoh B
    provinsi: Provinsi Contoh
    jenis: kota
    alias: [Kota B]
"""

_SKALA = """# yaml-language-server: $schema=skema/skala.schema.json
# Skala predikat. Skala berpita (predikat: min/lebih_dari - maks/kurang_dari) menggolongkan
# angka; skala ordinal (tingkat:) mengurutkan predikat seperti opini BPK. Urutan: terbaik
# lebih dulu. Batas min/maks inklusif, lebih_dari/kurang_dari eksklusif; nilai dibulatkan
# ke 'presisi' desimal sebelum digolongkan. Skala divalidasi: tanpa celah dan tumpang tindih.
skala:
  predikat_capaian:          # dipakai pengaturan.skala_capaian di targets
    nama: Predikat capaian kinerja
    sumber: Sesuaikan dengan pedoman yang berlaku di kantor Anda
    presisi: 2
    predikat:
      - {kode: Sangat Baik, lebih_dari: 90}
      - {kode: Baik, lebih_dari: 75, maks: 90}
      - {kode: Cukup, lebih_dari: 65, maks: 75}
      - {kode: Kurang, lebih_dari: 50, maks: 65}
      - {kode: Sangat Kurang, maks: 50}
  opini_bpk:                 # contoh skala ordinal untuk target berupa predikat
    nama: Opini BPK
    tingkat:
      - {kode: WTP, nama: Wajar Tanpa Pengecualian}
      - {kode: WDP, nama: Wajar Dengan Pengecualian}
      - {kode: TW, nama: Tidak Wajar}
      - {kode: TMP, nama: Tidak Menyatakan Pendapat}
"""

_TARGETS = """# yaml-language-server: $schema=skema/targets.schema.json
# Rencana kinerja (Perjanjian Kinerja) satu tahun. Dibuat oleh `renja init`; isi target
# (saat ini null) dari dokumen PK, lalu jalankan `renja validasi`.
# Angka ditulis dengan titik desimal (54.55), jumlah tanpa pemisah ribuan (199820).
tahun: {tahun}
kantor: {kantor}
dokumen: Perjanjian Kinerja {tahun}
jenis_indikator: IKU            # tingkat indikator utama; kode indikator berawalan IKU.
tingkat_indikator:              # tingkat lain yang dilaporkan dan awalan kodenya
  - {{awalan: IKU, nama: Indikator Kinerja Utama}}
total_anggaran: null            # isi: jumlah pagu semua sasaran (rupiah); diperiksa
satuan_kustom: {{}}               # satuan tambahan, mis. hari: {{nama: hari, akhiran: " hari"}}

pengaturan:
  target_utama: pk              # target bila --target tidak diberikan
  batas_capaian: null           # mis. 120 untuk membatasi capaian tiap indikator
  aturan_turun: kondisi_khusus  # indikator "turun": (2 x target - realisasi) / target x 100
  ambang_tercapai: 100          # capaian (dibulatkan 2 desimal) >= ini berstatus tercapai
  presisi_realisasi: 2          # realisasi hasil hitungan dibulatkan sebelum capaian dihitung
  instansi_hilang: tidak_memenuhi  # instansi tanpa catatan CSV dihitung tidak memenuhi
  berkas_hilang: galat          # berkas CSV formula hilang dari folder triwulan: galat
  skala_capaian: predikat_capaian  # skala predikat capaian di skala.yaml (null = tanpa)
  batas_agregat: null           # batas capaian tiap indikator sebelum dirata-rata
  agregat_kantor: rata_rata_sasaran  # nilai kantor: rata-rata nilai sasaran

sasaran:
  - kode: SS.1                  # kode sasaran (SS, SK, SP …, lalu .nomor)
    nama: Sasaran contoh — ganti dengan sasaran strategis Anda
    perspektif: stakeholder     # stakeholder, customer, proses_internal, pembelajaran
    anggaran: null              # isi: pagu sasaran (rupiah); null = belum diisi
    indikator:
      - kode: IKU.1
        nama: Indikator contoh — persentase (makin tinggi makin baik)
        satuan: persen          # persen, indeks, skor, nilai, jumlah, predikat, atau satuan_kustom
        arah: naik              # naik, turun (makin rendah makin baik), stabil (rentang)
        target: {{pk: null}}      # isi: angka (95), rentang ({{min: 60, maks: 85}}) atau predikat
        formula: {{jenis: rasio, pembilang: yang dihitung, penyebut: seluruhnya}}
        periode: terakhir       # terakhir, kumulatif atau rata_rata antar-triwulan
      - kode: IKU.2
        nama: Indikator contoh — opini BPK (target berupa predikat)
        satuan: predikat
        skala: opini_bpk        # predikat realisasi setidaknya setara target = tercapai
        target: {{pk: null}}      # mis. WTP
"""

_TW1 = """# yaml-language-server: $schema=../../skema/realisasi.schema.json
# Realisasi triwulan I. Per indikator: nilai, pembilang/penyebut, komponen, atau predikat
# (sesuai formula), atau tersedia: false bila belum ada; kendala dan rencana tindak lanjut.
tahun: {tahun}
periode: tw1
realisasi: {{}}
anggaran: {{}}                    # realisasi anggaran dalam triwulan ini per sasaran (rupiah)
"""
