"""Realisasi files: ``realisasi/<tahun>/<periode>.yaml``."""

from typing import Self

from pydantic import Field, model_validator

from renja_cli.model.dasar import (
    Catatan,
    Jumlah,
    Kode,
    KodeBebas,
    NamaPeriode,
    Strict,
    Tanggal,
    Teks,
)


class EntriRealisasi(Strict):
    """Realisasi of one indicator in one period, in the shape its formula needs."""

    nilai: float | None = None
    predikat: Teks | None = Field(
        None,
        description="Realisasi berupa predikat (opini WTP, nilai SAKIP BB) bagi indikator berskala",
    )
    pembilang: Jumlah | None = Field(None, description="Jumlah yang dihitung (bilangan bulat)")
    penyebut: Jumlah | None = Field(None, description="Jumlah seluruhnya (bilangan bulat)")
    komponen: dict[KodeBebas, float | None] | None = None
    tersedia: bool = Field(True, description="false = belum tersedia (mis. nilai belum terbit)")
    sementara: bool = Field(False, description="Nilai sementara (belum final)")
    keterangan: Catatan | None = None
    sumber: Teks | None = None
    kendala: Catatan | None = None
    rencana_tindak_lanjut: Catatan | None = None

    @model_validator(mode="after")
    def _shape(self) -> Self:
        given = [
            name
            for name, present in (
                ("nilai", self.nilai is not None),
                ("predikat", self.predikat is not None),
                ("pembilang/penyebut", self.pembilang is not None or self.penyebut is not None),
                ("komponen", self.komponen is not None),
            )
            if present
        ]
        if len(given) > 1:
            raise ValueError(f"[R217] isi salah satu saja: {' atau '.join(given)}")
        if not self.tersedia and given:
            raise ValueError("[R217] tersedia: false tetapi nilai diisi")
        if self.penyebut is not None and self.pembilang is None:
            raise ValueError("[R217] penyebut diisi tanpa pembilang")
        return self

    @property
    def ada_nilai(self) -> bool:
        """The entry itself gives the period's value (not only narrative)."""
        return self.nilai is not None or self.pembilang is not None or self.predikat is not None


class BerkasRealisasi(Strict):
    """One period's realisasi file: ``realisasi/<tahun>/<periode>.yaml``."""

    tahun: int = Field(ge=2000, le=2100)
    periode: NamaPeriode
    contoh: bool = Field(False, description="true = data contoh, bukan data resmi")
    ditutup: Tanggal | None = Field(
        None,
        description="Tanggal periode ini ditutup (rapat monev); sesudahnya renja beda menandai "
        "perubahan realisasinya sebagai penulisan ulang riwayat",
    )
    keterangan: Catatan | None = None
    realisasi: dict[Kode, EntriRealisasi] = Field(default_factory=dict)
    anggaran: dict[Kode, Jumlah] | None = Field(
        None,
        description="Realisasi anggaran (rupiah, bilangan bulat) per sasaran dalam periode ini",
    )
