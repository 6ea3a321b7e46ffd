"""``renja pohon``: the performance tree (Gambar 4 of the Renja) with the figures.

Sasaran Strategis → Sasaran Program → Sasaran Kegiatan → indicators, as the
plan's cascade says (``sasaran_strategis``, ``sasaran_program`` with
``induk``, ``SasaranKegiatan.induk``). Every figure comes from
:func:`susun_ringkasan` — the capaian of ``renja capaian`` and the budget of
``renja ringkasan`` — so the tree never computes a figure of its own; it only
adds up counts and rupiah per node.
"""

from __future__ import annotations

from typing import Literal

from renja_cli.data.baca import read_rencana
from renja_cli.data.folder import DataSource, target_path
from renja_cli.hitung.capaian import STATUSES, Status
from renja_cli.laporan.ringkasan import (
    AnggaranSasaran,
    BarisRingkasan,
    PanelSasaran,
    susun_ringkasan,
)
from renja_cli.model.rencana import RencanaKerja, Tujuan
from renja_cli.rekaman import dataclass

JenisSimpul = Literal["kantor", "sasaran_strategis", "sasaran_program", "sasaran_kegiatan"]


@dataclass(frozen=True, slots=True)
class SimpulPohon:
    """A node of the tree with the counts of every indicator below it."""

    jenis: JenisSimpul
    kode: str | None
    nama: str
    anak: tuple[SimpulPohon, ...] = ()
    indikator: tuple[BarisRingkasan, ...] = ()
    """The indicators of a Sasaran Kegiatan (empty higher up), each with the marks
    (asumsi/turunan/contoh) of its values, as ``capaian`` and ``ringkasan`` carry them."""
    anggaran: AnggaranSasaran | None = None
    """Budget and absorption of a Sasaran Kegiatan, as ``ringkasan`` reports it."""

    def semua_indikator(self) -> list[BarisRingkasan]:
        return [*self.indikator, *(b for a in self.anak for b in a.semua_indikator())]

    @property
    def jumlah_status(self) -> dict[Status, int]:
        """Indicators below this node by their status against the year's target."""
        rows = self.semua_indikator()
        return {s: sum(1 for r in rows if r.tahunan.status == s) for s in STATUSES}

    @property
    def jumlah_indikator(self) -> int:
        return len(self.semua_indikator())

    @property
    def pagu(self) -> int | None:
        """Budget of every Sasaran Kegiatan below (None when none states one)."""
        values = [s.anggaran.pagu for s in self._sasaran() if s.anggaran is not None]
        known = [v for v in values if v is not None]
        return sum(known) if known else None

    @property
    def realisasi_anggaran(self) -> int:
        return sum(s.anggaran.realisasi for s in self._sasaran() if s.anggaran is not None)

    def _sasaran(self) -> list[SimpulPohon]:
        own = [self] if self.jenis == "sasaran_kegiatan" else []
        return own + [s for a in self.anak for s in a._sasaran()]


@dataclass(frozen=True, slots=True)
class LaporanPohon:
    """The tree of a year at a quarter."""

    tahun: int
    triwulan: int
    periode: str
    kantor: str
    jenis_indikator: str
    target_jenis: str
    akar: SimpulPohon
    data: str
    contoh: bool
    catatan: tuple[str, ...] = ()
    """The summary's notes (a quarter asked for without its file)."""


def susun_pohon(
    source: DataSource, tahun: int, triwulan: int | None = None, target_jenis: str | None = None
) -> LaporanPohon:
    """The cascade of ``tahun`` with the summary's figures at ``triwulan``."""
    ringkasan = susun_ringkasan(source, tahun, triwulan, target_jenis)
    rencana, _ = read_rencana(target_path(source.root, tahun))
    panels = {p.kode: p for p in ringkasan.panel}
    akar = SimpulPohon(
        "kantor", None, rencana.kantor, tuple(_cabang(rencana, panels)), anggaran=None
    )
    return LaporanPohon(
        tahun=tahun,
        triwulan=ringkasan.triwulan,
        periode=ringkasan.periode,
        kantor=rencana.kantor,
        jenis_indikator=rencana.jenis_indikator,
        target_jenis=ringkasan.target_jenis,
        akar=akar,
        data=ringkasan.data,
        contoh=ringkasan.contoh,
        catatan=ringkasan.catatan,
    )


def _cabang(rencana: RencanaKerja, panels: dict[str, PanelSasaran]) -> list[SimpulPohon]:
    """Top-level nodes: each SS with its SPs and SKs; what hangs nowhere goes on top."""
    ss_codes = {t.kode for t in rencana.sasaran_strategis}
    sp_codes = {t.kode for t in rencana.sasaran_program}

    def sk_nodes(induk: str | None) -> list[SimpulPohon]:
        nodes = []
        for sk in rencana.sasaran:
            parent = sk.induk if sk.induk in sp_codes | ss_codes else None
            if parent == induk and sk.kode in panels:
                panel = panels[sk.kode]
                nodes.append(
                    SimpulPohon(
                        "sasaran_kegiatan",
                        sk.kode,
                        sk.nama,
                        indikator=panel.baris,
                        anggaran=panel.anggaran,
                    )
                )
        return nodes

    def sp_node(sp: Tujuan) -> SimpulPohon:
        return SimpulPohon("sasaran_program", sp.kode, sp.nama, tuple(sk_nodes(sp.kode)))

    top: list[SimpulPohon] = []
    for ss in rencana.sasaran_strategis:
        children = [sp_node(sp) for sp in rencana.sasaran_program if sp.induk == ss.kode]
        children += sk_nodes(ss.kode)  # an SK hung straight under an SS
        top.append(SimpulPohon("sasaran_strategis", ss.kode, ss.nama, tuple(children)))
    top += [sp_node(sp) for sp in rencana.sasaran_program if sp.induk not in ss_codes]
    top += sk_nodes(None)
    return top
