"""Rules every formula kind shares: a period's YAML entry against its record files."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from renja_cli.errors import DataError, Location
from renja_cli.formula.hasil import HasilPeriode, KonteksFormula
from renja_cli.io.berkas import cari_peran, daftar_folder
from renja_cli.model.dasar import as_list
from renja_cli.model.realisasi import EntriRealisasi, ratakan


def dari_entri(ctx: KonteksFormula, kode: str, periode: str, entry: EntriRealisasi) -> HasilPeriode:
    """The narrative and flags of a YAML entry, located at the entry."""
    field = (
        "nilai" if entry.nilai is not None else "pembilang" if entry.pembilang is not None else None
    )
    where = ("realisasi", kode, field) if field else ("realisasi", kode)
    return HasilPeriode(
        tersedia=entry.tersedia,
        nilai=entry.nilai,
        predikat=entry.predikat,
        sementara=entry.sementara,
        keterangan=as_list(entry.keterangan),
        kendala=ratakan(entry.kendala),
        rencana_tindak_lanjut=ratakan(entry.rencana_tindak_lanjut),
        narasi=entry.narasi(),
        tanda=entry.tanda_nilai("realisasi"),
        lokasi=ctx.lokasi(periode, *where),
    )


def dengan_narasi(rekaman: HasilPeriode, entry: EntriRealisasi | None) -> HasilPeriode:
    """A value from records, with the narrative the YAML entry adds."""
    if entry is None:
        return rekaman
    return replace(
        rekaman,
        tersedia=entry.tersedia and rekaman.tersedia,
        sementara=entry.sementara or rekaman.sementara,
        keterangan=rekaman.keterangan + as_list(entry.keterangan),
        kendala=ratakan(entry.kendala),
        rencana_tindak_lanjut=ratakan(entry.rencana_tindak_lanjut),
        narasi=entry.narasi(),
        tanda=rekaman.tanda + entry.tanda_nilai("realisasi"),
    )


def bentuk_salah(
    ctx: KonteksFormula, kode: str, periode: str, field: str, jenis: str, boleh: str
) -> DataError:
    return DataError(
        f"{field} tidak untuk formula {jenis}; isi {boleh}",
        ctx.lokasi(periode, "realisasi", kode, field),
        field=kode,
        code="R205",
    )


def dua_kali(ctx: KonteksFormula, kode: str, periode: str, berkas: Path, *loc: str) -> DataError:
    return DataError(
        f"realisasi diberikan dua kali: langsung di YAML dan dari berkas rekaman "
        f"({berkas.name}); hapus salah satunya",
        ctx.lokasi(periode, "realisasi", kode, *loc),
        field=kode,
        code="R204",
    )


def cari_rekaman(folder: Path, nama: str) -> Path | None:
    """The record file ``nama`` of a period folder, found by its role (R013 for two)."""
    name = Path(nama)
    return cari_peran(folder, name.stem, (name.suffix,))


def rekaman_dibaca(folder: Path, names: tuple[str, ...]) -> tuple[Path, ...]:
    """The record files ``names`` of a period folder as :func:`berkas_rekaman` finds
    them; an absent one as the path it would have, so its appearing is seen."""
    return tuple(cari_rekaman(folder, n) or folder / n for n in names)


def berkas_rekaman(
    ctx: KonteksFormula,
    kode: str,
    periode: str,
    nama: str,
    diganti_yaml: bool,
    pola: bool = False,
) -> Path | HasilPeriode | None:
    """The record file ``nama`` of a period, or what its absence means.

    No period folder: the period says nothing from records (None). A folder
    without the file: an error (R313), unless the YAML gives the value itself
    or says it is not available (``diganti_yaml``), or the office chose
    ``pengaturan.berkas_hilang: belum_ada_data`` — then the period is reported
    as having no data, never silently replaced by an earlier period.
    """
    folder = ctx.folder(periode)
    if folder is None or not folder.is_dir():
        return None
    name = Path(nama)
    path = None if pola else cari_rekaman(folder, nama)
    if path is not None:
        return path
    if diganti_yaml:
        return None
    pesan = f"berkas {nama} tidak ada di folder {folder.name}/ (dibutuhkan formula {kode})"
    if ctx.pengaturan.berkas_hilang == "belum_ada_data":
        return HasilPeriode(
            tersedia=False,
            lengkap=False,
            keterangan=(pesan,),
            lokasi=Location(folder / nama),
        )
    others = [n for n in daftar_folder(folder) if n.endswith(name.suffix) or pola]
    ada = f"; yang ada: {', '.join(others)}" if others else ""
    raise DataError(
        f"{pesan}{ada}. Bila memang belum ada, tulis '{kode}: {{tersedia: false}}' di "
        f"{periode}.yaml",
        Location(folder / nama),
        field=kode,
        code="R313",
    )


def batas_periode(path: Path, line: int, periode: str, tahun: int, column: str, text: str) -> None:
    """A register row may not be dated after the period of the file it stands in."""
    from datetime import date

    from renja_cli.hitung.periode import sesudah_periode, triwulan_tanggal
    from renja_cli.io.csvfile import angka

    if not text:
        return
    if column.startswith("triwulan"):
        value = angka(path, line, column, text)
        if value not in (1, 2, 3, 4):
            raise DataError(
                f"kolom {column}: triwulan harus 1-4, bukan '{text}'",
                Location(path, line),
                code="R304",
            )
        quarter, year = int(value), tahun
    else:
        try:
            day = date.fromisoformat(text.strip())
        except ValueError:
            raise DataError(
                f"kolom {column}: tanggal '{text}' tidak dikenal; tulis TTTT-BB-HH "
                "(mis. 2025-07-15)",
                Location(path, line),
                code="R304",
            ) from None
        quarter, year = triwulan_tanggal(day), day.year
    if sesudah_periode(year, quarter, periode, tahun):
        raise DataError(
            f"kolom {column}: {text} jatuh sesudah periode berkas ini ({periode} {tahun}); "
            f"catatan itu masuk berkas triwulan {quarter} tahun {year}",
            Location(path, line),
            code="R312",
        )


KOLOM_TANGGAL = ("triwulan_terbit", "triwulan", "tanggal_terbit", "tanggal")


def satu_berkas(
    ctx: KonteksFormula,
    kode: str,
    periode: str,
    entry: EntriRealisasi | None,
    jenis: str,
    nama: str,
    hitung: Callable[[Path], HasilPeriode],
    boleh: tuple[str, ...] = (),
) -> HasilPeriode | None:
    """A period of a formula computed from one record file (``nama``), or from a value
    the YAML entry gives instead. ``boleh``: entry shapes the kind also accepts
    without the file (``pembilang`` for ``rasio``); everything else is R205."""
    if entry is not None:
        for field in ("predikat", "pembilang", "komponen"):
            if field not in boleh and getattr(entry, field) is not None:
                raise bentuk_salah(ctx, kode, periode, field, jenis, f"berkas {nama} atau nilai")
    found = berkas_rekaman(
        ctx, kode, periode, nama, entry is not None and (entry.ada_nilai or not entry.tersedia)
    )
    if isinstance(found, HasilPeriode):
        return dengan_narasi(found, entry)
    if found is not None:
        if entry is not None and entry.ada_nilai:
            raise dua_kali(
                ctx, kode, periode, found, "nilai" if entry.nilai is not None else "pembilang"
            )
        return dengan_narasi(hitung(found), entry)
    return None if entry is None else dari_entri(ctx, kode, periode, entry)
