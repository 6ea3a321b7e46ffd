"""What ``templat`` writes into the workbook before anyone types: the existing
files of the quarter (``--isi``) or, without it, what carries over from the
previous quarter.

Carried over from the previous quarter: registers and per-event files (they
are cumulative, so last quarter's items stay and get updated) and the NIPs of
per-NIP files (their document flags are measured anew). Per-instansi sheets
always list the whole population; their values come only from ``--isi``.
Record files are read with the core's strict readers, so data ``validasi``
rejects is rejected here with the same located message.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from renja_cli.data.baca import read_realisasi, realisasi_folder
from renja_cli.data.referensi import Referensi
from renja_cli.errors import DataError, Location, UsageError
from renja_cli.io.berkas import cari_peran
from renja_cli.io.csvfile import buka_csv, ya_tidak
from renja_cli.isian.tata import LembarRekaman, TataIsian
from renja_cli.model.realisasi import EntriRealisasi
from renja_cli.numbers import NumberFormatError, parse_number
from renja_cli.rekaman import dataclass, field


@dataclass
class IsiLembar:
    """Rows for one record sheet: values by column name, and extra columns to keep."""

    tambahan: list[str] = field(default_factory=list)
    """Columns of the existing file that no formula reads (kept as text)."""
    baris: list[dict[str, Any]] = field(default_factory=list)
    per_instansi: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Per-instansi sheets: values by instansi code."""
    asal: Path | None = None


@dataclass
class PraIsi:
    """Everything written into the workbook before it is handed out."""

    entri: dict[str, EntriRealisasi] = field(default_factory=dict)
    anggaran: dict[str, int] = field(default_factory=dict)
    contoh: bool = False
    keterangan: str | None = None
    lembar: dict[str, IsiLembar] = field(default_factory=dict)
    asal: str | None = None
    """Where the values came from, for the instructions sheet."""


def _sel(kolom_jenis: str | None, text: str) -> Any:
    """A CSV cell as the workbook shows it: numbers as numbers, yes/no normalised.

    Anything the rule cannot read stays as typed, so ``impor`` reports it."""
    text = text.strip()
    if not text:
        return None
    try:
        if kolom_jenis == "angka":
            return parse_number(text)
        if kolom_jenis in ("triwulan", "dokumen"):
            if kolom_jenis == "dokumen" and not text.replace(".", "").isdigit():
                return 1 if ya_tidak(Path(), 0, "", text) else 0
            value = parse_number(text)
            return int(value) if value.is_integer() else value
        if kolom_jenis == "ya_tidak":
            return "ya" if ya_tidak(Path(), 0, "", text) else "tidak"
    except (NumberFormatError, DataError):
        return text
    return text


def baca_lembar(
    path: Path, lembar: LembarRekaman, referensi: Referensi, hanya: tuple[str, ...] | None = None
) -> IsiLembar:
    """Rows of an existing record file for ``lembar`` (``hanya``: only these columns)."""
    csv_file = buka_csv(path)
    known = {k.nama: k for k in lembar.kolom}
    wanted = [h for h in csv_file.header if hanya is None or h in hanya]
    isi = IsiLembar(tambahan=[h for h in wanted if h not in known], asal=path)
    index = {h: csv_file.header.index(h) for h in wanted}
    col_instansi = csv_file.column("instansi") if lembar.jenis == "instansi" else None
    for line, cells in csv_file.rows():
        row: dict[str, Any] = {}
        for name, i in index.items():
            kolom = known.get(name)
            row[name] = _sel(kolom.jenis if kolom else None, cells[i])
        if col_instansi is not None:
            found = referensi.pencari.cari(cells[col_instansi], path, line)
            if found.kode in isi.per_instansi:
                raise DataError(
                    f"instansi {found.nama} ({found.kode}) ganda", Location(path, line), code="R308"
                )
            row.pop("instansi", None)
            isi.per_instansi[found.kode] = row
        elif any(v is not None for v in row.values()):
            isi.baris.append(row)
    return isi


def _berkas(folder: Path, nama: str) -> Path | None:
    name = Path(nama)
    return cari_peran(folder, name.stem, (name.suffix,)) if folder.is_dir() else None


def dari_triwulan(root: Path, tata: TataIsian, referensi: Referensi) -> PraIsi:
    """``--isi``: the quarter's own YAML and record files, as they are."""
    folder = realisasi_folder(root, tata.tahun)
    path = cari_peran(folder, tata.periode, (".yaml", ".yml"))
    if path is None:
        raise UsageError(
            f"--isi: tidak ada {tata.periode}.yaml di {folder}; buat templat tanpa --isi",
            code="U002",
        )
    berkas, _ = read_realisasi(path)
    isi = PraIsi(
        entri=dict(berkas.realisasi),
        anggaran=dict(berkas.anggaran or {}),
        contoh=berkas.contoh,
        keterangan="\n".join(
            [berkas.keterangan] if isinstance(berkas.keterangan, str) else berkas.keterangan or []
        )
        or None,
        asal=f"{tata.periode}.yaml dan folder {tata.periode}/ (renja templat --isi)",
    )
    for lembar in tata.rekaman:
        found = _berkas(path.with_suffix(""), lembar.berkas)
        if found is not None:
            isi.lembar[lembar.nama] = baca_lembar(found, lembar, referensi)
    return isi


def dari_sebelumnya(root: Path, tata: TataIsian, referensi: Referensi) -> PraIsi:
    """Without ``--isi``: what carries over from the previous quarter's records."""
    isi = PraIsi()
    if tata.triwulan == 1:
        return isi
    folder = realisasi_folder(root, tata.tahun) / f"tw{tata.triwulan - 1}"
    sources = []
    for lembar in tata.rekaman:
        if lembar.jenis == "instansi":
            continue
        found = _berkas(folder, lembar.berkas)
        if found is None:
            continue
        hanya = ("nip", "instansi") if lembar.jenis == "arsip" else None
        isi.lembar[lembar.nama] = baca_lembar(found, lembar, referensi, hanya)
        sources.append(lembar.berkas)
    if sources:
        isi.asal = f"dibawa dari tw{tata.triwulan - 1}/: {', '.join(sources)}"
    return isi
