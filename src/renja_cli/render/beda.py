"""Renderers of :class:`LaporanBeda`: text, JSON, Markdown (PR comment, job summary)
and GitHub annotations."""

from __future__ import annotations

from pathlib import Path
from typing import Any, assert_never

from renja_cli.errors import Location
from renja_cli.hitung.periode import label_periode
from renja_cli.laporan.beda import LaporanBeda, Perubahan, PerubahanAngka, Temuan, teks_nilai
from renja_cli.laporan.objek import BarisCapaian
from renja_cli.render.common import STATUS_LABEL, sel_capaian, sel_realisasi, sel_target
from renja_cli.render.formats import FormatBeda
from renja_cli.render.mesin import json_mesin
from renja_cli.teks import escape_md, kode_md

JENIS_LABEL = {
    "rencana": "rencana",
    "rencana_ditambah": "berkas target ditambah",
    "rencana_dihapus": "berkas target dihapus",
    "pengaturan": "pengaturan",
    "cascade": "cascade",
    "sasaran": "sasaran",
    "sasaran_ditambah": "sasaran ditambah",
    "sasaran_dihapus": "sasaran dihapus",
    "pagu": "pagu anggaran",
    "indikator_ditambah": "indikator ditambah",
    "indikator_dihapus": "indikator dihapus",
    "indikator_nama": "nama diganti",
    "indikator_pindah": "pindah sasaran",
    "target": "target",
    "target_triwulan": "target triwulan",
    "arah": "arah",
    "formula": "formula",
    "periode_rumus": "aturan periode",
    "satuan": "satuan",
    "rentang": "rentang nilai",
    "aturan_capaian": "aturan capaian",
    "riwayat": "riwayat",
    "narasi": "narasi",
    "periode_ditambah": "berkas realisasi ditambah",
    "periode_dihapus": "berkas realisasi dihapus",
    "status_periode": "status periode",
    "realisasi": "realisasi",
    "realisasi_anggaran": "realisasi anggaran",
    "rekaman": "berkas rekaman",
    "populasi": "populasi",
    "skala": "skala",
    "survei": "referensi survei",
    "berkas": "berkas referensi",
}
TIDAK_ADA = "tidak ada perubahan"


def render(laporan: LaporanBeda, fmt: FormatBeda, ketat: bool = False) -> str:
    """The one dispatch from format to renderer."""
    match fmt:
        case FormatBeda.teks:
            return render_teks(laporan)
        case FormatBeda.json:
            return render_json(laporan, ketat)
        case FormatBeda.markdown:
            return render_markdown(laporan, ketat)
        case FormatBeda.github:
            return render_github(laporan)
        case _:
            assert_never(fmt)


# --- words --------------------------------------------------------------------------------


_DENGAN_LABEL = frozenset(
    {"rencana", "pagu", "cascade", "sasaran", "realisasi", "realisasi_anggaran", "populasi"}
)
PANJANG_TEKS = 70
"""Longer texts (narratives) are cut in lines; JSON keeps them whole."""


def _nilai(value: Any, persen: bool) -> str:
    text = teks_nilai(value, persen)
    return text if len(text) <= PANJANG_TEKS else text[: PANJANG_TEKS - 1] + "…"


def _bidang(bidang: str | None) -> str:
    if not bidang:
        return ""
    for prefix in ("target_triwulan.", "target."):
        if bidang.startswith(prefix):
            return prefix[:-1].replace("_", " ") + " " + bidang[len(prefix) :]
    return bidang


def uraian(p: Perubahan, subjek: bool = True) -> str:
    """One change in one line of Indonesian (values as reports write them)."""
    label = JENIS_LABEL.get(p.jenis, p.jenis)
    old, new = _nilai(p.lama, p.persen), _nilai(p.baru, p.persen)
    if p.jenis in ("indikator_ditambah", "sasaran_ditambah"):
        return f"{label}: {p.subjek} {new}"
    if p.jenis in ("indikator_dihapus", "sasaran_dihapus"):
        return f"{label}: {p.subjek} {old}"
    if p.jenis in ("rencana_ditambah", "rencana_dihapus"):
        return f"{label}: {p.subjek} ({new if p.lama is None else old})"
    if p.jenis == "berkas":
        return f"{label} {p.subjek} {'ditambah' if p.lama is None else 'dihapus'}"
    if p.jenis in ("periode_ditambah", "periode_dihapus"):
        return f"{label}: {p.subjek} ({new if p.lama is None else old})"
    if p.jenis == "rekaman":
        where = f"{p.subjek} ({p.bidang})" if p.bidang else p.subjek
        if p.jumlah:
            counts = ", ".join(f"{n} {k}" for k, n in p.jumlah if n) or "isi berubah"
            return f"{label} {where}: {counts}"
        if p.lama is None:
            return f"{label} {where} ditambah ({new})"
        if p.baru is None:
            return f"{label} {where} dihapus ({old})"
        return f"{label} {where}: {old} → {new}"
    parts = [label] if p.jenis in _DENGAN_LABEL else []
    if subjek and p.subjek not in parts:
        parts.append(p.subjek)
    if p.periode:
        parts.append(label_periode(p.periode))
    parts.append(_bidang(p.bidang))
    head = " ".join(x for x in parts if x) or label
    if p.lama is None:
        return f"{head}: ditambah {new}"
    if p.baru is None:
        return f"{head}: dihapus (sebelumnya {old})"
    return f"{head}: {old} → {new}"


def _dua(old: str, new: str) -> str:
    return old if old == new else f"{old} → {new}"


def _sel(row: BarisCapaian | None, cell: Any) -> str:
    return "—" if row is None else str(cell(row))


def _status(row: BarisCapaian | None) -> str:
    return "—" if row is None else STATUS_LABEL[row.status]


def uraian_angka(a: PerubahanAngka) -> str:
    """``s.d. TW III: target 30 % → 25 %; realisasi 27,27 %; capaian 90,91 % → 109,09 %; …``"""
    parts = [
        f"target {_dua(_sel(a.lama, sel_target), _sel(a.baru, sel_target))}",
        f"realisasi {_dua(_sel(a.lama, sel_realisasi), _sel(a.baru, sel_realisasi))}",
        f"capaian {_dua(_sel(a.lama, sel_capaian), _sel(a.baru, sel_capaian))}",
        _dua(_status(a.lama), _status(a.baru)),
    ]
    closed = f" (ditutup {a.ditutup})" if a.ditutup else ""
    return f"{a.posisi}{closed}: " + "; ".join(parts)


def _where(loc: Location | None) -> str:
    return str(loc) if loc is not None and loc.path is not None else ""


def _temuan(t: Temuan) -> str:
    label = "" if t.tingkat == "galat" else " (peringatan)"
    field = f"{t.bidang}: " if t.bidang else ""
    where = _where(t.lokasi)
    return f"{where + ': ' if where else ''}{t.kode}{label} {field}{t.pesan}"


def ringkasan(laporan: LaporanBeda) -> str:
    if not laporan.ada_perubahan and not laporan.temuan:
        return f"{TIDAK_ADA}: {laporan.lama} → {laporan.baru}"
    return (
        f"{len(laporan.perubahan)} perubahan, {len(laporan.angka)} angka berubah, "
        f"{laporan.jumlah_galat} galat, {laporan.jumlah_peringatan} peringatan"
    )


def _kelompok(
    laporan: LaporanBeda,
) -> list[
    tuple[int | None, dict[str, list[Perubahan]], list[Perubahan], dict[str, list[PerubahanAngka]]]
]:
    """Per year: changes by indicator, other changes, figures by indicator."""
    years = sorted(
        {p.tahun for p in laporan.perubahan} | {a.tahun for a in laporan.angka},
        key=lambda y: (y is not None, y or 0),
    )
    result = []
    for year in years:
        per: dict[str, list[Perubahan]] = {}
        other: list[Perubahan] = []
        for p in laporan.perubahan:
            if p.tahun != year:
                continue
            if len(p.indikator) == 1 and p.jenis != "rekaman":
                per.setdefault(p.indikator[0], []).append(p)
            else:
                other.append(p)
        figures: dict[str, list[PerubahanAngka]] = {}
        for a in laporan.angka:
            if a.tahun == year:
                figures.setdefault(a.kode, []).append(a)
        result.append((year, per, other, figures))
    return result


# --- formats ------------------------------------------------------------------------------


def render_teks(laporan: LaporanBeda) -> str:
    lines = [f"renja beda: {laporan.lama} → {laporan.baru}"]
    if not laporan.ada_perubahan and not laporan.temuan:
        return "\n".join([*lines, TIDAK_ADA]) + "\n"
    names = laporan.nama_indikator

    def line(indent: int, text: str, loc: Location | None = None) -> None:
        where = _where(loc)
        lines.append(" " * indent + text + (f"  [{where}]" if where else ""))

    def change(p: Perubahan, indent: int, subjek: bool = True) -> None:
        line(indent, uraian(p, subjek), p.lokasi)
        for detail in p.rincian:
            line(indent + 4, detail)

    for year, per, other, figures in _kelompok(laporan):
        lines += ["", "Referensi (semua tahun)" if year is None else f"Tahun {year}"]
        for kode, items in sorted(per.items(), key=lambda kv: _urut_kode(kv[0])):
            nama = names.get((year or 0, kode))
            line(2, f"{kode} {nama}" if nama else kode)
            for p in items:
                change(p, 4, subjek=False)
            for a in figures.pop(kode, []):
                line(4, "angka " + uraian_angka(a))
        for p in other:
            change(p, 2)
        if figures:
            line(2, "Angka yang ikut berubah")
            for kode, moved in figures.items():
                for a in moved:
                    line(4, f"{kode} {uraian_angka(a)}")
    if laporan.temuan:
        lines += ["", "Temuan"]
        lines += [f"  {_temuan(t)}" for t in _urut(laporan.temuan)]
    lines += ["", ringkasan(laporan)]
    return "\n".join(lines) + "\n"


def _urut_kode(kode: str) -> tuple[object, ...]:
    """IKK.2 before IKK.10."""
    return tuple(int(x) if x.isdigit() else x for x in kode.split("."))


def _urut(temuan: tuple[Temuan, ...]) -> list[Temuan]:
    return sorted(
        temuan,
        key=lambda t: (
            t.tingkat != "galat",
            str(t.lokasi.path) if t.lokasi and t.lokasi.path else "",
            (t.lokasi.line or 0) if t.lokasi else 0,
        ),
    )


def _lokasi_json(loc: Location | None) -> dict[str, Any]:
    return {
        "berkas": Path(loc.path).as_posix() if loc is not None and loc.path else None,
        "baris": loc.line if loc is not None else None,
        "kolom": loc.column if loc is not None else None,
    }


def _angka_json(row: BarisCapaian | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {
        "target_jenis": row.target_jenis,
        "target": row.target,
        "target_min": row.target_min,
        "target_maks": row.target_maks,
        "realisasi": row.realisasi,
        "capaian": row.capaian,
        "status": row.status,
        "periode_data": row.periode_data,
    }


def render_json(laporan: LaporanBeda, ketat: bool = False) -> str:
    payload = {
        "lama": laporan.lama,
        "baru": laporan.baru,
        "ada_perubahan": laporan.ada_perubahan,
        "valid": laporan.valid(ketat),
        "galat": laporan.jumlah_galat,
        "peringatan": laporan.jumlah_peringatan,
        "perubahan": [
            {
                "jenis": p.jenis,
                "uraian": uraian(p),
                "tahun": p.tahun,
                "periode": p.periode,
                "subjek": p.subjek,
                "bidang": p.bidang,
                "lama": p.lama,
                "baru": p.baru,
                "indikator": list(p.indikator),
                "jumlah": dict(p.jumlah) if p.jumlah else None,
                "rincian": list(p.rincian),
                "sisi": p.sisi,
                **_lokasi_json(p.lokasi),
            }
            for p in laporan.perubahan
        ],
        "angka": [
            {
                "tahun": a.tahun,
                "triwulan": a.triwulan,
                "posisi": a.posisi,
                "kode": a.kode,
                "nama": a.nama,
                "ditutup": a.ditutup.isoformat() if a.ditutup else None,
                "lama": _angka_json(a.lama),
                "baru": _angka_json(a.baru),
            }
            for a in laporan.angka
        ],
        "temuan": [
            {
                "kode": t.kode,
                "tingkat": t.tingkat,
                "sisi": t.sisi,
                **_lokasi_json(t.lokasi),
                "bidang": t.bidang,
                "pesan": t.pesan,
            }
            for t in _urut(laporan.temuan)
        ],
    }
    return json_mesin(payload)


def _md_loc(loc: Location | None) -> str:
    where = _where(loc)
    return kode_md(Path(where).as_posix()) if where else ""


def render_markdown(laporan: LaporanBeda, ketat: bool = False) -> str:
    """A PR comment or job summary: verdict, findings, changes, figures."""
    lines = [f"## renja beda: `{laporan.lama}` → `{laporan.baru}`", ""]
    if not laporan.ada_perubahan and not laporan.temuan:
        return "\n".join([*lines, f"✅ {TIDAK_ADA}"]) + "\n"
    if laporan.valid(ketat):
        verdict = "✅ tidak ada penulisan ulang riwayat"
    else:
        verdict = "❌ riwayat ditulis ulang atau data tidak valid"
    lines += [f"{verdict} — {ringkasan(laporan)}", ""]
    if laporan.temuan:
        lines += [
            "### Temuan",
            "",
            "| Berkas | Kode | Tingkat | Pesan |",
            "|---|---|---|---|",
        ]
        for t in _urut(laporan.temuan):
            field = f"{t.bidang}: " if t.bidang else ""
            lines.append(
                f"| {_md_loc(t.lokasi)} | {t.kode} | {t.tingkat} | {escape_md(field + t.pesan)} |"
            )
        lines.append("")
    if laporan.perubahan:
        lines += ["### Perubahan", "", "| Tahun | Perubahan | Berkas |", "|---|---|---|"]
        for p in laporan.perubahan:
            text = escape_md(uraian(p))
            if p.rincian:
                text += "<br>" + "<br>".join(escape_md(d) for d in p.rincian)
            year = "" if p.tahun is None else str(p.tahun)
            lines.append(f"| {year} | {text} | {_md_loc(p.lokasi)} |")
        lines.append("")
    if laporan.angka:
        lines += [
            "### Dampak pada angka",
            "",
            "| Tahun | Indikator | Posisi | Target | Realisasi | Capaian | Status |",
            "|---|---|---|---:|---:|---:|---|",
        ]
        for a in laporan.angka:
            old, new = _status(a.lama), _status(a.baru)
            status = old if old == new else f"{old} → **{new}**"
            posisi = a.posisi + (f" (ditutup {a.ditutup})" if a.ditutup else "")
            lines.append(
                f"| {a.tahun} | {a.kode} {escape_md(a.nama)} | {posisi} "
                f"| {_dua(_sel(a.lama, sel_target), _sel(a.baru, sel_target))} "
                f"| {_dua(_sel(a.lama, sel_realisasi), _sel(a.baru, sel_realisasi))} "
                f"| {_dua(_sel(a.lama, sel_capaian), _sel(a.baru, sel_capaian))} | {status} |"
            )
        lines.append("")
    return "\n".join(lines)


def _escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def _props(loc: Location | None, on_disk: bool, title: str) -> str:
    props = []
    if on_disk and loc is not None and loc.path is not None:
        props.append(f"file={_escape(Path(loc.path).as_posix(), True)}")
        if loc.line is not None:
            props.append(f"line={loc.line}")
            if loc.column is not None:
                props.append(f"col={loc.column}")
    props.append(f"title={_escape(title, True)}")
    return ",".join(props)


def render_github(laporan: LaporanBeda) -> str:
    """Workflow commands: findings as errors/warnings, other changes as notices, each at
    its line in the new version (the old version's files are not in the checkout)."""
    lines = []
    for t in _urut(laporan.temuan):
        level = "error" if t.tingkat == "galat" else "warning"
        on_disk = t.sisi == "baru"
        text = _pesan_github(t, on_disk)
        lines.append(f"::{level} {_props(t.lokasi, on_disk, t.kode)}::{_escape(text)}")
    for p in laporan.perubahan:
        on_disk = p.sisi == "baru"
        text = uraian(p)
        if not on_disk and p.lokasi is not None:
            text += f" ({p.lokasi})"
        if p.rincian:
            text += "\n" + "\n".join(p.rincian)
        lines.append(f"::notice {_props(p.lokasi, on_disk, 'renja beda')}::{_escape(text)}")
    lines.append(ringkasan(laporan))
    return "\n".join(lines) + "\n"


def _pesan_github(t: Temuan, on_disk: bool) -> str:
    field = f"{t.bidang}: " if t.bidang else ""
    where = "" if on_disk or t.lokasi is None else f" ({t.lokasi})"
    return f"{field}{t.pesan}{where}"
