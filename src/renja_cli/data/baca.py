"""Reading a year's targets file and realisasi files, with the rules across a file."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from renja_cli.cache_berkas import ingat
from renja_cli.errors import DataError, DataErrors, Location, raise_all
from renja_cli.io.berkas import cari_peran, daftar_folder
from renja_cli.io.pesan import validate
from renja_cli.io.yamlfile import Positions, load_file
from renja_cli.model.dasar import as_target
from renja_cli.model.realisasi import BerkasRealisasi
from renja_cli.model.rencana import SATUAN_BAWAAN, Indikator, RencanaKerja
from renja_cli.rekaman import dataclass, field

PERIODE_URUT = ("tw1", "tw2", "tw3", "tw4")
SEMUA_PERIODE = (*PERIODE_URUT, "tahunan")
_TARGET_NAME = re.compile(r"^targets-(\d{4})\.ya?ml$")


def periksa_rencana(rencana: RencanaKerja, positions: Positions) -> list[DataError]:
    """Rules across the whole plan, each located at the value that breaks it."""
    errors: list[DataError] = []

    def err(code: str, message: str, *loc: str | int, field: str | None = None) -> None:
        errors.append(DataError(message, positions.locate(loc), field=field, code=code))

    seen: dict[str, str] = {}
    known = {t.kode for t in rencana.sasaran_program} | {t.kode for t in rencana.sasaran_strategis}
    utama = rencana.pengaturan.target_utama
    for i, sk in enumerate(rencana.sasaran):
        if sk.kode in seen:
            err(
                "R210",
                f"kode {sk.kode} ganda (juga dipakai {seen[sk.kode]})",
                "sasaran",
                i,
                "kode",
                field=sk.kode,
            )
        seen.setdefault(sk.kode, "sasaran lain")
        if known and sk.induk is not None and sk.induk not in known:
            err(
                "R212",
                f"induk {sk.induk} tidak ada di sasaran_program/sasaran_strategis",
                "sasaran",
                i,
                "induk",
                field=sk.kode,
            )
        for j, ind in enumerate(sk.indikator):
            where = ("sasaran", i, "indikator", j)
            if ind.kode in seen:
                err(
                    "R210",
                    f"kode indikator {ind.kode} ganda (sudah ada di {seen[ind.kode]}); "
                    "setiap indikator berada di tepat satu sasaran",
                    *where,
                    "kode",
                    field=ind.kode,
                )
            seen.setdefault(ind.kode, sk.kode)
            awalan = rencana.awalan_kode
            if not any(ind.kode.startswith(a + ".") for a in awalan):
                err(
                    "R213",
                    f"kode indikator harus berawalan {' atau '.join(a + '.' for a in awalan)} "
                    "(tingkat_indikator di berkas targets)",
                    *where,
                    "kode",
                    field=ind.kode,
                )
            if ind.satuan not in SATUAN_BAWAAN and ind.satuan not in rencana.satuan_kustom:
                pilihan = [*SATUAN_BAWAAN, *rencana.satuan_kustom]
                err(
                    "R104",
                    f"satuan '{ind.satuan}' tidak dikenal; pilihan: {', '.join(pilihan)} "
                    "(tambahkan satuan lain di satuan_kustom)",
                    *where,
                    "satuan",
                    field=ind.kode,
                )
            errors.extend(_periksa_bentuk(ind, positions, where))
            if utama not in ind.target:
                err(
                    "R213",
                    f"tidak punya target '{utama}' (pengaturan.target_utama)",
                    *where,
                    "target",
                    field=ind.kode,
                )
            f = ind.formula
            if ind.periode == "kumulatif" and (
                f.jenis in {"persentase_instansi", "arsip_digital", "rata_rata"}
                or (f.jenis == "rasio" and f.berkas is not None)
            ):
                err(
                    "R105",
                    f"periode kumulatif tidak bermakna untuk formula {f.jenis}"
                    f"{' dengan berkas register' if f.jenis == 'rasio' else ''}: nilai tiap "
                    "triwulan sudah keadaan s.d. akhir triwulan itu; pakai periode: terakhir",
                    *where,
                    "periode",
                    field=ind.kode,
                )
            for key in ind.tanda:
                masalah = periksa_bidang_tanda(ind, key)
                if masalah:
                    err("R220", masalah, *where, "tanda", key, field=f"{ind.kode} → tanda.{key}")
            rentang = ind.rentang_nilai
            if rentang is None:
                continue
            for name, entry in ind.target.items():
                spec = as_target(entry)
                if spec is None:
                    continue
                for value in (spec.nilai, spec.min, spec.maks):
                    if value is not None and not rentang.memuat(value):
                        err(
                            "R207",
                            f"target {name} {value:g} di luar rentang "
                            f"{rentang.min:g}-{rentang.maks:g}",
                            *where,
                            "target",
                            name,
                            field=f"{ind.kode} → target.{name}",
                        )
            for tw, value in (ind.target_triwulan or {}).items():
                if not rentang.memuat(value):
                    err(
                        "R207",
                        f"target triwulan {tw} {value:g} di luar rentang "
                        f"{rentang.min:g}-{rentang.maks:g}",
                        *where,
                        "target_triwulan",
                        tw,
                        field=f"{ind.kode} → target_triwulan.{tw}",
                    )
    if rencana.total_anggaran is not None:
        total = sum(sk.anggaran or 0 for sk in rencana.sasaran)
        if total != rencana.total_anggaran:
            err(
                "R211",
                f"total_anggaran {rencana.total_anggaran} ≠ jumlah anggaran sasaran {total}",
                "total_anggaran",
                field="total_anggaran",
            )
    return errors


def _periksa_bentuk(
    ind: Indikator, positions: Positions, where: tuple[str | int, ...]
) -> list[DataError]:
    """Grades only where the indicator has a scale; graded indicators take values as given."""
    errors: list[DataError] = []
    if ind.skala is not None and (ind.formula.jenis != "nilai" or ind.periode != "terakhir"):
        errors.append(
            DataError(
                "indikator berpredikat (skala) memerlukan formula nilai dan periode terakhir: "
                "predikat tidak dijumlah atau dirata-rata",
                positions.locate((*where, "skala")),
                field=ind.kode,
                code="R105",
            )
        )
    if ind.skala is not None:
        return errors
    for name, entry in ind.target.items():
        grade = entry if isinstance(entry, str) else getattr(entry, "predikat", None)
        if grade is None:
            continue
        hint = ""
        if re.fullmatch(r"[+-]?[\d.]*\d,\d+", grade.strip()):
            hint = f"; tulis {grade.strip().replace('.', '').replace(',', '.')} (titik desimal)"
        errors.append(
            DataError(
                f"harus berupa angka, bukan '{grade}'{hint} (target berupa predikat seperti "
                "WTP atau BB hanya untuk indikator dengan 'skala')",
                positions.locate((*where, "target", name)),
                field=f"{ind.kode} → target.{name}",
                code="R103",
            )
        )
    return errors


def peringatan_rencana(rencana: RencanaKerja, positions: Positions) -> list[DataError]:
    """What ``validasi`` warns about (``--ketat`` fails on it): targets not filled in yet."""
    warnings: list[DataError] = []
    for i, sk in enumerate(rencana.sasaran):
        for j, ind in enumerate(sk.indikator):
            for name, entry in ind.target.items():
                if entry is None:
                    warnings.append(
                        DataError(
                            f"target {name} belum diisi",
                            positions.locate(("sasaran", i, "indikator", j, "target", name)),
                            field=f"{ind.kode} → target.{name}",
                            code="R219",
                        )
                    )
    return warnings


_BUKAN_NILAI = {"kode", "tanda", "tautan", "fragmen"}


def periksa_bidang_tanda(ind: Indikator, key: str) -> str | None:
    """Why ``tanda.<key>`` names no value of the indicator (None when it does)."""
    head, _, rest = key.partition(".")
    if head == "target":
        if rest in ind.target:
            return None
        pilihan = ", ".join(f"target.{n}" for n in ind.target)
        return f"{key}: sebut satu target yang ada ({pilihan})"
    if head == "riwayat" and not rest:
        return None if ind.riwayat else "tanda untuk riwayat, padahal riwayat kosong"
    if head == "formula" and rest:
        fields = type(ind.formula).model_fields
        if rest not in fields:
            pilihan = ", ".join(f"formula.{n}" for n in fields if n != "jenis")
            return f"formula {ind.formula.jenis} tidak punya kolom {rest}; pilihan: {pilihan}"
        return None if getattr(ind.formula, rest) is not None else f"{key} tidak diisi"
    if rest or head in _BUKAN_NILAI or head not in type(ind).model_fields:
        return f"kolom {key} tidak dikenal untuk tanda"
    value = getattr(ind, head)
    if value is None or value == [] or value == {}:
        return f"{key} tidak diisi: tanda hanya untuk nilai yang ada"
    return None


def read_rencana(path: Path) -> tuple[RencanaKerja, Positions]:
    """Load and validate one targets file, keeping positions for later checks (from the
    per-file cache while the file is unchanged)."""
    return ingat("rencana", (str(path),), lambda: _read_rencana(path))


def _read_rencana(path: Path) -> tuple[RencanaKerja, Positions]:
    data, positions = load_file(path)
    rencana = validate(RencanaKerja, data, positions)
    errors = periksa_rencana(rencana, positions)
    match = _TARGET_NAME.match(path.name)
    if match and int(match.group(1)) != rencana.tahun:
        errors.append(
            DataError(
                f"tahun {rencana.tahun} tidak sesuai nama berkas ({path.name})",
                positions.locate(("tahun",)),
                field="tahun",
                code="R201",
            )
        )
    raise_all(errors)
    return rencana, positions


@dataclass
class RealisasiTahun:
    """Every realisasi file of one year, by period name, with their folders."""

    tahun: int
    berkas: dict[str, BerkasRealisasi] = field(default_factory=dict)
    paths: dict[str, Path] = field(default_factory=dict)
    positions: dict[str, Positions] = field(default_factory=dict)
    rusak: set[str] = field(default_factory=set)
    """Periods whose file exists but could not be read (``validasi`` goes on without them)."""

    @property
    def contoh(self) -> bool:
        return any(b.contoh for b in self.berkas.values())

    def folder(self, periode: str) -> Path | None:
        """Folder of per-record CSV files of a period (``tw3.yaml`` → ``tw3/``)."""
        path = self.paths.get(periode)
        if path is None:
            return None
        return path.with_suffix("")

    def anggaran(self, kode: str, periods: Sequence[str]) -> int:
        """Budget spent by sasaran ``kode`` over ``periods`` (each file holds its own
        quarter's spending; the year-end file the whole year's)."""
        return sum((self.berkas[p].anggaran or {}).get(kode, 0) for p in periods)

    def gabungan_utuh(self, aturan_periode: str, sampai: str) -> bool:
        """Whether a figure combined up to ``sampai`` has every quarter it needs.

        A running total or mean without an unreadable or missing quarter would be made
        up, so nobody checks or compares it (that file is reported on its own: R015);
        a latest-value rule and the year-end file stand alone.
        """
        if aturan_periode == "terakhir" or sampai == "tahunan":
            return True
        needed = PERIODE_URUT[: PERIODE_URUT.index(sampai) + 1]
        return not any(p in self.rusak or p not in self.berkas for p in needed)

    def triwulan_tersedia(self) -> list[int]:
        return [i + 1 for i, name in enumerate(PERIODE_URUT) if name in self.berkas]

    def lokasi(self, periode: str, *loc: str | int) -> Location:
        positions = self.positions.get(periode)
        if positions is None:
            return Location(self.paths.get(periode))
        return positions.locate(loc)


def read_realisasi(path: Path) -> tuple[BerkasRealisasi, Positions]:
    """One period's file, validated (from the per-file cache while it is unchanged)."""
    return ingat("realisasi", (str(path),), lambda: _read_realisasi(path))


def _read_realisasi(path: Path) -> tuple[BerkasRealisasi, Positions]:
    data, positions = load_file(path)
    return validate(BerkasRealisasi, data, positions), positions


def realisasi_folder(root: Path, tahun: int) -> Path:
    return root / "realisasi" / str(tahun)


def period_files(folder: Path) -> tuple[list[Path], list[DataError]]:
    """The period YAML files of a year folder; two files for one period are an error."""
    groups: dict[str, list[str]] = {}
    for name in daftar_folder(folder):
        stem, dot, suffix = name.rpartition(".")
        if dot and suffix.casefold() in {"yaml", "yml"}:
            groups.setdefault(stem.casefold(), []).append(name)
    paths: list[Path] = []
    errors: list[DataError] = []
    for names in groups.values():
        if len(names) > 1:
            errors.append(
                DataError(
                    f"dua berkas untuk satu periode: {' dan '.join(names)}; hapus salah satunya",
                    Location(folder / names[0]),
                    code="R013",
                )
            )
            continue
        paths.append(folder / names[0])
    errors.extend(triwulan_hilang(folder, groups))
    return paths, errors


def triwulan_hilang(folder: Path, hadir: Iterable[str]) -> list[DataError]:
    """R015: a quarter's file is missing while a later quarter's is there.

    Quarters combine: a running total, a mean over quarters and the budget spent
    to date add each quarter's own figures. Without ``tw2.yaml`` the figures s.d.
    TW III would silently lack a quarter; an office with nothing to report for a
    quarter writes that file with ``realisasi: {}``. The year-end file stands alone,
    and with it a ``tw4.yaml`` is never combined (TW IV reads ``tahunan.yaml``).
    """
    from renja_cli.hitung.periode import label_periode

    hadir = set(hadir)
    combined = PERIODE_URUT[:3] if "tahunan" in hadir else PERIODE_URUT
    quarters = [p for p in combined if p in hadir]
    if not quarters:
        return []
    last = quarters[-1]
    errors: list[DataError] = []
    for p in PERIODE_URUT[: PERIODE_URUT.index(last)]:
        if p not in hadir:
            errors.append(
                DataError(
                    f"{p}.yaml tidak ada, padahal {last}.yaml ada: realisasi kumulatif, "
                    f"rata-rata triwulan dan serapan anggaran s.d. {label_periode(last)} "
                    f"akan kurang satu triwulan; buat {p}.yaml (isi `realisasi: {{}}` bila "
                    "triwulan itu memang tanpa capaian)",
                    Location(folder / f"{p}.yaml"),
                    code="R015",
                )
            )
    return errors


def load_realisasi(
    root: Path, rencana: RencanaKerja, kumpulkan: list[DataError] | None = None
) -> RealisasiTahun:
    """Load ``realisasi/<tahun>/*.yaml`` and check each against the plan.

    With ``kumpulkan``, problems are appended there and every readable file is
    still returned (``validasi`` goes on checking); otherwise they are raised.
    """
    result = RealisasiTahun(rencana.tahun)
    folder = realisasi_folder(root, rencana.tahun)
    paths, errors = period_files(folder)
    known = {ind.kode for _, ind in rencana.indikator()}
    known_sk = {sk.kode for sk in rencana.sasaran}
    for path in paths:
        try:
            berkas, positions = read_realisasi(path)
        except DataErrors as exc:
            errors.extend(exc.errors)
            result.rusak.add(path.stem.casefold())
            continue
        except DataError as exc:
            errors.append(exc)
            result.rusak.add(path.stem.casefold())
            continue
        errors.extend(_periksa_berkas(path, berkas, positions, rencana, known, known_sk))
        if path.stem != berkas.periode:
            result.rusak.add(path.stem.casefold())
            continue
        result.berkas[berkas.periode] = berkas
        result.paths[berkas.periode] = path
        result.positions[berkas.periode] = positions
        try:  # its record folder: 'TW3/' beside tw3.yaml is read on Windows, not on Linux
            cari_peran(folder, berkas.periode, ("",))
        except DataError as exc:
            errors.append(exc)
    errors.extend(periksa_anggaran(rencana, result))
    if kumpulkan is not None:
        kumpulkan.extend(errors)
    else:
        raise_all(errors)
    return result


def periksa_anggaran(rencana: RencanaKerja, realisasi: RealisasiTahun) -> list[DataError]:
    """Spending never exceeds the pagu (R221): a DIPA cannot be overspent, and the usual
    cause is a running total typed where the quarter's own spending belongs."""
    from renja_cli.hitung.periode import label_periode
    from renja_cli.numbers import format_percent, format_rupiah

    errors: list[DataError] = []
    quarters = [p for p in PERIODE_URUT if p in realisasi.berkas]
    ends = [[*quarters[: i + 1]] for i in range(len(quarters))]
    if "tahunan" in realisasi.berkas:
        ends.append(["tahunan"])
    for sk in rencana.sasaran:
        if sk.anggaran is None:
            continue
        for periods in ends:
            spent = realisasi.anggaran(sk.kode, periods)
            if spent <= sk.anggaran:
                continue
            last = periods[-1]
            positions = realisasi.positions.get(last)
            where = (
                positions.locate(("anggaran", sk.kode))
                if positions is not None
                else Location(realisasi.paths.get(last))
            )
            serapan = (
                f" (serapan {format_percent(spent / sk.anggaran * 100)})" if sk.anggaran else ""
            )
            errors.append(
                DataError(
                    f"realisasi anggaran {sk.kode} s.d. {label_periode(last)} "
                    f"{format_rupiah(spent)} melebihi pagu {format_rupiah(sk.anggaran)}{serapan}; "
                    "setiap berkas triwulan memuat realisasi DALAM triwulan itu saja, bukan "
                    "kumulatif",
                    where,
                    field=f"anggaran.{sk.kode}",
                    code="R221",
                )
            )
            break  # once per sasaran: the first quarter that overspends
    return errors


def _periksa_berkas(
    path: Path,
    berkas: BerkasRealisasi,
    positions: Positions,
    rencana: RencanaKerja,
    known: Iterable[str],
    known_sk: Iterable[str],
) -> list[DataError]:
    errors: list[DataError] = []
    if path.stem != berkas.periode:
        errors.append(
            DataError(
                f"periode '{berkas.periode}' tidak sesuai nama berkas ({path.name})",
                positions.locate(("periode",)),
                field="periode",
                code="R202",
            )
        )
    if berkas.tahun != rencana.tahun:
        errors.append(
            DataError(
                f"tahun {berkas.tahun} tidak sesuai folder realisasi/{rencana.tahun}",
                positions.locate(("tahun",)),
                field="tahun",
                code="R201",
            )
        )
    for kode in berkas.realisasi:
        if kode not in known:
            errors.append(
                DataError(
                    f"indikator {kode} tidak ada di targets-{rencana.tahun}.yaml",
                    positions.locate(("realisasi", kode)),
                    field=kode,
                    code="R203",
                )
            )
    for kode in berkas.anggaran or {}:
        if kode not in known_sk:
            errors.append(
                DataError(
                    f"sasaran {kode} tidak ada di targets-{rencana.tahun}.yaml",
                    positions.locate_key(("anggaran", kode)),
                    field=f"anggaran.{kode}",
                    code="R203",
                )
            )
    return errors
