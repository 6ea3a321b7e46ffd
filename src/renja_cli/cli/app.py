"""``renja`` commands. Each one parses options, calls one core function and
hands the result to a renderer; errors are turned into exit codes once, here."""

from __future__ import annotations

import copy
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from renja_cli.cache import kata_perintah, melengkapi
from renja_cli.cli.bahasa import terjemah_bantuan, terjemah_galat
from renja_cli.cli.konsol import konsol
from renja_cli.errors import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_INVALID,
    EXIT_USAGE,
    DataErrors,
    RenjaError,
    UsageError,
)
from renja_cli.render.formats import (
    KELUARAN_LAPORAN,
    KELUARAN_RINGKASAN,
    CsvKeluaran,
    FormatBeda,
    FormatCapaian,
    FormatDokumen,
    FormatIkm,
    FormatPohon,
    FormatRincian,
    FormatRingkasan,
    FormatTren,
    FormatValidasi,
    JenisLaporan,
)


def _stderr() -> Any:
    return konsol(stderr=True, soft_wrap=True)


def _berlabel(label: str, style: str, text: str) -> Any:
    """``label`` styled, then ``text`` exactly as it is (it may hold '[', ':x:')."""
    from rich.text import Text

    return Text.assemble((label, style), " ", text)


def print_error(exc: RenjaError) -> None:
    errors = exc.errors if isinstance(exc, DataErrors) else [exc]
    console = _stderr()
    for err in errors:
        code = f"{err.code} "
        where = f"{err.location}: " if err.location is not None else ""
        field = f"{err.field}: " if err.field else ""
        console.print(_berlabel("galat", "bold red", f"{where}{code}{field}{err.message}"))
    if len(errors) > 1:
        console.print(f"{len(errors)} galat.")


class RenjaCommand(TyperCommand):
    """A command whose help page speaks Indonesian."""

    def get_help(self, ctx: Any) -> str:
        return terjemah_bantuan(super().get_help(ctx))


class RenjaGroup(TyperGroup):
    """Catches every error once, whichever way the app is invoked."""

    def get_help(self, ctx: Any) -> str:
        return terjemah_bantuan(super().get_help(ctx))

    def main(
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            result = super().main(
                args,
                prog_name,
                complete_var,
                standalone_mode=False,
                windows_expand_args=windows_expand_args,
                **extra,
            )
            code = result if isinstance(result, int) else 0
            if code == EXIT_INTERRUPTED:  # typer turns Ctrl-C into a silent Exit(130)
                sys.stderr.write("dibatalkan\n")
        except typer.TyperException as exc:  # click's usage errors (vendored by typer)
            ctx = getattr(exc, "ctx", None)
            if type(exc).__name__ == "NoArgsIsHelpError" and ctx is not None:
                typer.echo(ctx.get_help())
                code = 0
            else:
                hint = f"\nLihat '{ctx.command_path} --help'." if ctx is not None else ""
                pesan = f"{terjemah_galat(exc.format_message())}{hint}"
                _stderr().print(_berlabel("galat", "bold red", pesan))
                code = exc.exit_code
        except (typer.Abort, KeyboardInterrupt):
            sys.stderr.write("dibatalkan\n")
            code = EXIT_INTERRUPTED
        except RenjaError as exc:
            print_error(exc)
            code = exc.exit_code
        except Exception as exc:  # the user must never see a traceback
            if os.environ.get("RENJA_DEBUG"):
                raise
            pesan = (
                f"{type(exc).__name__}: {exc}\n"
                "Ini kesalahan program renja, bukan data Anda; laporkan dengan perintah yang "
                "dijalankan (RENJA_DEBUG=1 menampilkan rinciannya)."
            )
            _stderr().print(_berlabel("galat internal", "bold red", pesan))
            code = EXIT_INTERNAL
        if standalone_mode:
            sys.exit(code)
        return code


app = typer.Typer(
    cls=RenjaGroup,
    name="renja",
    help="Capaian kinerja SAKIP (IKK/IKU): hitung, rinci, validasi, ringkas.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def perintah(nama: str, contoh: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``@app.command`` with the Indonesian help page and a *Contoh:* section."""
    epilog = "\b\nContoh:\n" + "\n".join(f"  {line}" for line in contoh.strip().splitlines())
    return app.command(nama, cls=RenjaCommand, epilog=epilog)


DataOpt = Annotated[
    Path | None,
    typer.Option(
        "--data",
        metavar="FOLDER",
        help="Folder data (bawaan: $RENJA_DATA, lalu ./data, lalu data bawaan paket).",
        show_default=False,
    ),
]
TahunOpt = Annotated[
    int | None,
    typer.Option("--tahun", "-t", metavar="TAHUN", help="Tahun kinerja, mis. 2025."),
]
TriwulanOpt = Annotated[
    int | None,
    typer.Option(
        "--triwulan",
        "-w",
        metavar="N",
        help="Posisi s.d. triwulan 1-4 (bawaan: terakhir yang ada).",
    ),
]


TargetOpt = Annotated[
    str | None,
    typer.Option(
        "--target",
        metavar="JENIS",
        help="Jenis target: pk (bawaan), renstra, … (kunci di 'target:').",
    ),
]


def _need_tahun(tahun: int | None) -> int:
    if tahun is None:
        raise UsageError("opsi --tahun wajib diisi, mis. --tahun 2025", code="U001")
    return tahun


def _out(text: str) -> None:
    sys.stdout.write(text)


def _baris(text: str) -> None:
    """One line through sys.stdout, which cli.aliran made safe for any console."""
    _out(f"{text}\n")


def _print_rich(renderable: Any) -> None:
    """On a terminal, print as Rich does; into a file or pipe (CI logs, cron mail,
    ``> monev.txt``), the same text without the padding Rich adds at line ends."""
    console = konsol()
    if console.is_terminal:
        console.print(renderable)
        return
    with console.capture() as captured:
        console.print(renderable)
    _out("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))


def _emit(result: Any) -> None:
    """Text goes to stdout as it is, bytes (csv-excel: BOM, CRLF) untouched, a Rich
    renderable to the console."""
    if isinstance(result, bytes):
        sys.stdout.flush()
        sys.stdout.buffer.write(result)
        sys.stdout.buffer.flush()
    elif isinstance(result, str):
        _out(result)
    else:
        _print_rich(result)


@perintah(
    "capaian",
    """renja capaian --tahun 2025
renja capaian --tahun 2025 --triwulan 2 --format json
renja capaian --tahun 2024 --target renstra --sk SS.1""",
)
def capaian(
    tahun: TahunOpt = None,
    triwulan: TriwulanOpt = None,
    target: TargetOpt = None,
    sk: Annotated[
        str | None, typer.Option("--sk", metavar="KODE", help="Hanya satu sasaran, mis. SK.1.")
    ] = None,
    format: Annotated[
        FormatCapaian,
        typer.Option("--format", "-f", help="Bentuk keluaran.", case_sensitive=False),
    ] = FormatCapaian.tabel,
    data: DataOpt = None,
    nama_lengkap: Annotated[
        bool, typer.Option("--nama-lengkap", help="Tampilkan nama indikator lengkap di tabel.")
    ] = False,
) -> None:
    """Capaian setiap indikator terhadap targetnya, dikelompokkan per sasaran."""
    from renja_cli.data.folder import resolve_data_dir
    from renja_cli.laporan.capaian import susun_capaian
    from renja_cli.render import capaian as render

    laporan = susun_capaian(resolve_data_dir(data), _need_tahun(tahun), triwulan, target, sk)
    _emit(render.render(laporan, format, nama_lengkap))


@perintah(
    "rincian",
    """renja rincian IKK.5 --tahun 2025
renja rincian ikk.1 --tahun 2025 --triwulan 3 --format markdown""",
)
def rincian(
    kode: Annotated[
        str, typer.Argument(help="Kode indikator, mis. IKK.5.", show_default=False, metavar="KODE")
    ],
    tahun: TahunOpt = None,
    triwulan: TriwulanOpt = None,
    target: TargetOpt = None,
    format: Annotated[
        FormatRincian,
        typer.Option("--format", "-f", help="Bentuk keluaran.", case_sensitive=False),
    ] = FormatRincian.tabel,
    data: DataOpt = None,
) -> None:
    """Hitungan dan catatan di balik realisasi satu indikator."""
    from renja_cli.data.folder import resolve_data_dir
    from renja_cli.laporan.rincian import susun_rincian
    from renja_cli.render import rincian as render

    lap = susun_rincian(resolve_data_dir(data), _need_tahun(tahun), kode, triwulan, target)
    _emit(render.render(lap, format))


@perintah(
    "ringkasan",
    """renja ringkasan --tahun 2025 --triwulan 3
renja ringkasan --tahun 2025 --triwulan 3 --keluaran monev-tw3.xlsx""",
)
def ringkasan(
    tahun: TahunOpt = None,
    triwulan: TriwulanOpt = None,
    target: TargetOpt = None,
    format: Annotated[
        FormatRingkasan,
        typer.Option("--format", "-f", help="Bentuk keluaran di layar.", case_sensitive=False),
    ] = FormatRingkasan.tabel,
    keluaran: Annotated[
        Path | None,
        typer.Option(
            "--keluaran",
            "-o",
            metavar="BERKAS",
            help="Tulis ke berkas .xlsx, .md, .csv, .json, atau laporan monev .html/.docx.",
            show_default=False,
        ),
    ] = None,
    timpa: Annotated[bool, typer.Option("--timpa", help="Timpa berkas keluaran yang ada.")] = False,
    csv_jenis: Annotated[
        CsvKeluaran | None,
        typer.Option(
            "--csv",
            case_sensitive=False,
            help="Jenis berkas --keluaran .csv: mesin (bawaan; ',' dan titik desimal) atau "
            "excel (';', koma desimal, untuk Excel berbahasa Indonesia).",
            show_default=False,
        ),
    ] = None,
    data: DataOpt = None,
) -> None:
    """Ringkasan triwulan untuk rapat monev: capaian, anggaran, perhatian, proyeksi."""
    from renja_cli.data.folder import resolve_data_dir
    from renja_cli.laporan.ringkasan import susun_ringkasan
    from renja_cli.render import ringkasan as render

    source = resolve_data_dir(data)
    kind = None
    if keluaran is not None:
        kind = KELUARAN_RINGKASAN.get(keluaran.suffix.lower())
        if kind is None:
            raise UsageError(
                f"akhiran berkas '{keluaran.suffix}' tidak dikenal; pilihan: "
                + ", ".join(KELUARAN_RINGKASAN),
                code="U001",
            )
    if csv_jenis is not None and kind != "csv":
        raise UsageError("opsi --csv hanya untuk --keluaran berkas .csv", code="U001")
    lap = susun_ringkasan(source, _need_tahun(tahun), triwulan, target)
    if keluaran is not None:
        from renja_cli.io.tulis import tulis_atomik

        payload: bytes
        if kind is None or kind == "xlsx":
            from renja_cli.render.xlsx import render_xlsx

            payload = render_xlsx(lap)
        elif kind == "csv" and csv_jenis is CsvKeluaran.excel:
            payload = render.render_csv_excel(lap)
        elif kind in ("html", "docx"):
            from renja_cli.laporan.dokumen_triwulan import dokumen_triwulan
            from renja_cli.render.dokumen import render_dokumen

            payload = render_dokumen(dokumen_triwulan(lap), FormatDokumen(kind))
        else:
            payload = render.render(lap, FormatRingkasan(kind)).encode()
        tulis_atomik(keluaran, payload, timpa, masukan=[source.root])
        typer.echo(f"ditulis: {keluaran}")
        return
    _emit(render.render(lap, format))


@perintah(
    "laporan",
    """renja laporan --tahun 2024 --keluaran bab2.docx
renja laporan --tahun 2025 --jenis triwulan --triwulan 3 --keluaran monev.html""",
)
def laporan(
    tahun: TahunOpt = None,
    jenis: Annotated[
        JenisLaporan,
        typer.Option(
            "--jenis",
            help="evaluasi (bawaan): bab evaluasi tahunan (BAB II); triwulan: laporan monev "
            "triwulan.",
            case_sensitive=False,
            show_default=False,
        ),
    ] = JenisLaporan.evaluasi,
    triwulan: TriwulanOpt = None,
    target: TargetOpt = None,
    keluaran: Annotated[
        Path | None,
        typer.Option(
            "--keluaran",
            "-o",
            metavar="BERKAS",
            help="Berkas .docx, .html atau .md.",
            show_default=False,
        ),
    ] = None,
    timpa: Annotated[bool, typer.Option("--timpa", help="Timpa berkas keluaran yang ada.")] = False,
    data: DataOpt = None,
) -> None:
    """Tulis bab evaluasi tahunan atau laporan monev triwulan (.docx, .html, .md)."""
    from renja_cli.data.folder import resolve_data_dir
    from renja_cli.io.tulis import tulis_atomik
    from renja_cli.render.dokumen import render_dokumen

    if keluaran is None:
        raise UsageError("opsi --keluaran wajib diisi, mis. --keluaran bab2.docx", code="U001")
    fmt = KELUARAN_LAPORAN.get(keluaran.suffix.lower())
    if fmt is None:
        raise UsageError(
            f"akhiran berkas '{keluaran.suffix}' tidak dikenal; pilihan: "
            + ", ".join(KELUARAN_LAPORAN),
            code="U001",
        )
    source = resolve_data_dir(data)
    tahun_ = _need_tahun(tahun)
    if jenis is JenisLaporan.evaluasi:
        from renja_cli.laporan.dokumen_evaluasi import dokumen_evaluasi
        from renja_cli.laporan.evaluasi import susun_evaluasi

        dok = dokumen_evaluasi(susun_evaluasi(source, tahun_, triwulan, target))
    else:
        from renja_cli.laporan.dokumen_triwulan import dokumen_triwulan
        from renja_cli.laporan.ringkasan import susun_ringkasan

        dok = dokumen_triwulan(susun_ringkasan(source, tahun_, triwulan, target))
    tulis_atomik(keluaran, render_dokumen(dok, fmt), timpa, masukan=[source.root])
    typer.echo(f"ditulis: {keluaran}")


@perintah(
    "tren",
    """renja tren IKU.3
renja tren IKK.12 --format json""",
)
def tren(
    kode: Annotated[
        str,
        typer.Argument(
            help="Kode indikator, mis. IKU.3 atau IKK.12.", show_default=False, metavar="KODE"
        ),
    ],
    format: Annotated[
        FormatTren,
        typer.Option("--format", "-f", help="Bentuk keluaran.", case_sensitive=False),
    ] = FormatTren.tabel,
    data: DataOpt = None,
) -> None:
    """Tren beberapa tahun satu indikator (riwayat, pendahulu, lalu per triwulan)."""
    from renja_cli.data.folder import resolve_data_dir
    from renja_cli.laporan.tren import susun_tren
    from renja_cli.render import tren as render

    lap = susun_tren(resolve_data_dir(data), kode)
    _emit(render.render(lap, format))


@perintah(
    "validasi",
    """renja validasi data/
renja validasi data/ --ketat --format github""",
)
def validasi(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Berkas atau folder (bawaan: ./data).", show_default=False, metavar="JALUR"
        ),
    ] = None,
    format: Annotated[
        FormatValidasi | None,
        typer.Option(
            "--format",
            "-f",
            help="teks (bawaan), json, github (bawaan bila GITHUB_ACTIONS), markdown.",
            show_default=False,
        ),
    ] = None,
    ketat: Annotated[
        bool, typer.Option("--ketat", help="Peringatan juga membuat validasi gagal.")
    ] = False,
) -> None:
    """Validasi berkas target dan realisasi: semua galat sekaligus, dengan baris dan kolom."""
    from renja_cli.laporan.validasi import validasi as periksa
    from renja_cli.render import validasi as render

    if format is None:
        github = os.environ.get("GITHUB_ACTIONS", "").lower() == "true"
        format = FormatValidasi.github if github else FormatValidasi.teks
    hasil = periksa(paths or [Path("data")])
    _out(render.render(hasil, format, ketat))
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if format is FormatValidasi.github and summary:
        # the job's summary page gets the Markdown table too
        try:
            with Path(summary).open("a", encoding="utf-8") as handle:
                handle.write(render.render_markdown(hasil, ketat))
        except OSError as exc:
            raise UsageError(
                f"GITHUB_STEP_SUMMARY '{summary}' tidak dapat ditulis: {exc.strerror}",
                code="U004",
            ) from None
    if not hasil.valid(ketat):
        raise typer.Exit(EXIT_INVALID)


@perintah(
    "templat",
    """renja templat --tahun 2025 --triwulan 4 --keluaran isian-tw4.xlsx
renja templat --tahun 2025 --triwulan 3 --isi --data data/""",
)
def templat(
    tahun: TahunOpt = None,
    triwulan: Annotated[
        int | None,
        typer.Option("--triwulan", "-w", metavar="N", help="Triwulan yang diisi, 1-4 (wajib)."),
    ] = None,
    keluaran: Annotated[
        Path | None,
        typer.Option(
            "--keluaran",
            "-o",
            metavar="BERKAS",
            help="Berkas .xlsx yang ditulis (bawaan: isian-<tahun>-tw<N>.xlsx).",
            show_default=False,
        ),
    ] = None,
    isi: Annotated[
        bool, typer.Option("--isi", help="Isi dengan berkas triwulan itu yang sudah ada.")
    ] = False,
    timpa: Annotated[bool, typer.Option("--timpa", help="Timpa berkas keluaran yang ada.")] = False,
    data: DataOpt = None,
) -> None:
    """Buku kerja Excel untuk mengisi realisasi satu triwulan; kembalikan dengan renja impor."""
    from renja_cli.data.folder import resolve_data_dir
    from renja_cli.io.tulis import tulis_atomik
    from renja_cli.isian.templat import buat_templat

    source = resolve_data_dir(data)
    tahun = _need_tahun(tahun)
    path = keluaran or Path(f"isian-{tahun}-tw{triwulan}.xlsx")
    if path.suffix.lower() != ".xlsx":
        raise UsageError(f"berkas keluaran harus .xlsx, bukan '{path.suffix}'", code="U001")
    hasil = buat_templat(source, tahun, triwulan, isi)
    tulis_atomik(path, hasil.isi, timpa, masukan=[source.root])
    sheets = ", ".join(r.nama for r in hasil.tata.rekaman)
    _baris(f"ditulis: {path}")
    _baris(f"lembar rekaman: {sheets or '-'}")
    _baris(f"isi awal: {hasil.praisi.asal or 'kosong'}")
    _baris(f"Setelah diisi: renja impor {path} --tahun {tahun} --triwulan {hasil.tata.triwulan}")


@perintah(
    "impor",
    """renja impor isian-tw4.xlsx --tahun 2025 --triwulan 4 --data data/
renja impor isian-tw3.xlsx --tahun 2025 --triwulan 3 --data data/ --timpa""",
)
def impor(
    berkas: Annotated[
        Path,
        typer.Argument(
            help="Buku kerja isian (.xlsx) dari renja templat.",
            show_default=False,
            metavar="BERKAS",
        ),
    ],
    tahun: TahunOpt = None,
    triwulan: Annotated[
        int | None,
        typer.Option("--triwulan", "-w", metavar="N", help="Triwulan buku kerja itu, 1-4 (wajib)."),
    ] = None,
    timpa: Annotated[
        bool, typer.Option("--timpa", help="Timpa tw<N>.yaml dan CSV triwulan yang sudah ada.")
    ] = False,
    data: DataOpt = None,
) -> None:
    """Baca buku kerja isian, periksa seperti validasi, lalu tulis tw<N>.yaml dan CSV-nya."""
    from renja_cli.data.folder import resolve_data_dir
    from renja_cli.isian.impor import siapkan_impor

    source = resolve_data_dir(data)
    hasil = siapkan_impor(source, berkas, _need_tahun(tahun), triwulan)
    _baris(
        f"{berkas}: lolos validasi ({hasil.indikator} indikator berisi, "
        f"{hasil.baris_rekaman} baris rekaman)"
    )
    console = _stderr()
    for w in hasil.peringatan:
        console.print(_berlabel("peringatan", "bold yellow", str(w)))
    _baris("Perubahan terhadap berkas yang ada:")
    for line in hasil.perubahan:
        _baris(f"  {line}")
    for path in hasil.tulis(timpa):
        _baris(f"ditulis: {path}")


@perintah(
    "beda",
    """renja beda
renja beda HEAD~1 HEAD --format markdown
renja beda --dari data-lama/ --ke data/""",
)
def beda(
    revisi: Annotated[
        list[str] | None,
        typer.Argument(
            help="REV_A [REV_B]: dua revisi git (bawaan: HEAD lawan pohon kerja).",
            show_default=False,
            metavar="REVISI",
        ),
    ] = None,
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            metavar="FOLDER",
            help="Folder data di repositori git (bawaan: $RENJA_DATA, lalu ./data).",
            show_default=False,
        ),
    ] = None,
    dari: Annotated[
        Path | None,
        typer.Option(
            "--dari",
            metavar="FOLDER",
            help="Folder data versi lama (tanpa git).",
            show_default=False,
        ),
    ] = None,
    ke: Annotated[
        Path | None,
        typer.Option(
            "--ke", metavar="FOLDER", help="Folder data versi baru (tanpa git).", show_default=False
        ),
    ] = None,
    format: Annotated[
        FormatBeda | None,
        typer.Option(
            "--format",
            "-f",
            help="teks (bawaan), json, markdown, github (bawaan bila GITHUB_ACTIONS).",
            show_default=False,
        ),
    ] = None,
    ketat: Annotated[
        bool, typer.Option("--ketat", help="Peringatan juga membuat perintah gagal.")
    ] = False,
) -> None:
    """Perubahan makna data antara dua versi, dan yang menulis ulang riwayat."""
    from renja_cli.laporan.beda import beda_folder, beda_git, folder_data
    from renja_cli.render import beda as render

    revisions = revisi or []
    if len(revisions) > 2:
        raise UsageError(
            f"paling banyak dua revisi (REV_A REV_B), bukan {len(revisions)}", code="U001"
        )
    if (dari is None) != (ke is None):
        raise UsageError("--dari dan --ke dipakai bersama", code="U001")
    if dari is not None and ke is not None:
        if revisions or data is not None:
            raise UsageError(
                "--dari/--ke membandingkan dua folder; jangan beri revisi git atau --data",
                code="U001",
            )
        laporan = beda_folder(dari, ke)
    else:
        second = revisions[1] if len(revisions) > 1 else None
        laporan = beda_git(folder_data(data), revisions[0] if revisions else "HEAD", second)
    if format is None:
        github = os.environ.get("GITHUB_ACTIONS", "").lower() == "true"
        format = FormatBeda.github if github else FormatBeda.teks
    _out(render.render(laporan, format, ketat))
    if not laporan.valid(ketat):
        raise typer.Exit(EXIT_INVALID)


@perintah(
    "pohon",
    """renja pohon --tahun 2025
renja pohon --tahun 2025 --triwulan 3 --format json""",
)
def pohon(
    tahun: TahunOpt = None,
    triwulan: TriwulanOpt = None,
    target: TargetOpt = None,
    format: Annotated[
        FormatPohon,
        typer.Option("--format", "-f", help="Bentuk keluaran.", case_sensitive=False),
    ] = FormatPohon.tabel,
    data: DataOpt = None,
) -> None:
    """Pohon kinerja: sasaran strategis, program, kegiatan dan indikator dengan capaiannya."""
    from renja_cli.data.folder import resolve_data_dir
    from renja_cli.laporan.pohon import susun_pohon
    from renja_cli.render import pohon as render

    lap = susun_pohon(resolve_data_dir(data), _need_tahun(tahun), triwulan, target)
    _emit(render.render(lap, format))


@perintah(
    "skema",
    """renja skema --keluaran schema/
renja skema --jenis realisasi""",
)
def skema(
    keluaran: Annotated[
        Path | None,
        typer.Option(
            "--keluaran",
            "-o",
            metavar="FOLDER",
            help="Folder tujuan berkas *.schema.json.",
            show_default=False,
        ),
    ] = None,
    jenis: Annotated[
        str | None,
        typer.Option(
            "--jenis", metavar="JENIS", help="Satu skema saja: targets, realisasi, instansi, skala."
        ),
    ] = None,
) -> None:
    """JSON Schema berkas target dan realisasi, dibuat dari model pydantic."""
    from renja_cli.schema import skema_json, tulis_skema

    if keluaran is None:
        _out(skema_json(jenis or "targets"))
        return
    for path in tulis_skema(keluaran, jenis):
        typer.echo(f"ditulis: {path}")


@perintah(
    "ikm",
    """renja ikm survei-layanan.csv --populasi 600
renja ikm survei-pembinaan-*.csv --per triwulan --format json""",
)
def ikm(
    berkas: Annotated[
        list[Path],
        typer.Argument(
            help="Berkas jawaban survei (.csv Google Forms, .xlsx).",
            show_default=False,
            metavar="BERKAS",
        ),
    ],
    populasi: Annotated[
        int | None,
        typer.Option(
            "--populasi",
            metavar="JUMLAH",
            help="Jumlah pengguna layanan (uji sampel Krejcie–Morgan).",
        ),
    ] = None,
    per: Annotated[
        str | None,
        typer.Option(
            "--per",
            metavar="layanan|triwulan|bulan",
            help="Rincian per layanan, triwulan atau bulan.",
        ),
    ] = None,
    gabung: Annotated[
        str | None,
        typer.Option(
            "--gabung",
            metavar="ATURAN",
            help="Beberapa berkas: rata_rata_kegiatan (bawaan) atau gabungan_responden.",
        ),
    ] = None,
    format: Annotated[
        FormatIkm,
        typer.Option("--format", "-f", help="Bentuk keluaran.", case_sensitive=False),
    ] = FormatIkm.tabel,
    data: DataOpt = None,
) -> None:
    """IKM dari jawaban survei (PermenPANRB 14/2017): NRR per unsur, mutu, 3 unsur terendah."""
    from renja_cli.data.folder import resolve_data_dir
    from renja_cli.data.referensi import Referensi
    from renja_cli.ikm import ikm_dari_berkas
    from renja_cli.ikm import render as render_ikm

    referensi = Referensi(resolve_data_dir(data).root).survei
    hasil = ikm_dari_berkas(
        berkas,
        referensi,
        populasi=populasi,
        per=per,  # type: ignore[arg-type]  # checked by the core (R418)
        gabung=gabung,  # type: ignore[arg-type]
    )
    _emit(render_ikm.render(hasil, format))


@perintah(
    "init",
    """renja init --tahun 2026 --dari 2025 --data data/
renja init --kantor "Dinas Kesehatan Kabupaten X" data-dinas/""",
)
def init(
    folder: Annotated[
        Path | None,
        typer.Argument(
            help="Folder data baru (dengan --kantor).", show_default=False, metavar="FOLDER"
        ),
    ] = None,
    tahun: TahunOpt = None,
    dari: Annotated[
        int | None,
        typer.Option("--dari", metavar="TAHUN", help="Tahun rencana yang dibawa ke tahun baru."),
    ] = None,
    kantor: Annotated[
        str | None,
        typer.Option("--kantor", metavar="NAMA", help="Nama kantor untuk folder data baru."),
    ] = None,
    timpa: Annotated[bool, typer.Option("--timpa", help="Timpa berkas yang ada.")] = False,
    data: DataOpt = None,
) -> None:
    """Mulai tahun baru dari rencana tahun lalu, atau folder data untuk kantor baru."""
    from renja_cli import inisiasi
    from renja_cli.data.folder import resolve_data_dir
    from renja_cli.io.tulis import tulis_atomik

    if kantor is not None:
        if folder is None:
            raise UsageError('beri FOLDER tujuan: renja init --kantor "…" FOLDER', code="U001")
        files = inisiasi.kantor_baru(folder, kantor, tahun or 2026)
    else:
        if tahun is None or dari is None:
            raise UsageError(
                'pakai renja init --tahun 2026 --dari 2025, atau renja init --kantor "…" FOLDER',
                code="U001",
            )
        source = resolve_data_dir(data)
        if source.bawaan:
            raise UsageError("data bawaan paket tidak ditulisi; beri --data FOLDER", code="U004")
        files = inisiasi.tahun_baru(source, tahun, dari)
    inisiasi.tujuan_kosong(files, timpa)
    for path, text in files.items():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(
                f"folder '{path.parent}' tidak dapat dibuat: {exc.strerror}", code="U004"
            ) from None
        tulis_atomik(path, text.encode(), timpa=True)
        typer.echo(f"ditulis: {path}")


def _versi(value: bool) -> None:
    if value:
        from renja_cli import __version__

        typer.echo(f"renja {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    versi: Annotated[
        bool,
        typer.Option(
            "--versi",
            "--version",
            "-V",
            help="Tampilkan versi lalu keluar.",
            is_eager=True,
            callback=_versi,
        ),
    ] = False,
) -> None:
    """Capaian kinerja SAKIP (IKK/IKU): hitung, rinci, validasi, ringkas."""


def aplikasi_untuk(argv: Sequence[str]) -> typer.Typer:
    """The app to run ``renja ARGV`` with: the named command alone, or the whole app.

    Before dispatching, typer reads every registered command's signature and
    builds its parameters — a sixth of a cold start with fifteen commands. The
    root takes no option with a value, so the first word is the command; with
    only that command registered (the root callback kept, so it is still a
    group) help pages, usage errors and results are the same
    (``tests/test_cli.py``). The root's help, completion and an unknown word
    get the whole app, with its list of commands and its suggestions.
    """
    if melengkapi(os.environ):
        return app
    nama = kata_perintah(argv)
    keep = [c for c in app.registered_commands if c.name == nama]
    if len(keep) != 1:
        return app
    satu = copy.copy(app)
    satu.registered_commands = keep
    return satu


def main() -> None:
    """Run the app (the console script enters through :func:`renja_cli.cli.main`)."""
    aplikasi_untuk(sys.argv[1:])()


__all__ = ["EXIT_INTERNAL", "EXIT_INVALID", "EXIT_USAGE", "aplikasi_untuk", "app", "main"]
