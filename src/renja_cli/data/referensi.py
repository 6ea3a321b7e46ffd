"""Reference data of a data folder (instansi, scales), loaded on first use, and the
instansi lookup records use."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from renja_cli import bacaan
from renja_cli.cache_berkas import ingat
from renja_cli.errors import DataError, Location
from renja_cli.io.berkas import cari_peran
from renja_cli.io.pesan import tampak, validate
from renja_cli.io.yamlfile import load_file
from renja_cli.model.referensi import (
    DaftarInstansi,
    DaftarSkala,
    Instansi,
    Skala,
    SkalaOrdinal,
    SkemaArsip,
)

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)


def _norm_name(text: str) -> str:
    text = text.casefold().replace(".", " ")
    text = re.sub(r"\b(pemerintah|pemkab|pemkot|pemprov)\b", "", text)
    text = re.sub(r"\bkab\b", "kabupaten", text)
    text = re.sub(r"\bprov\b", "provinsi", text)
    return " ".join(text.split())


class PencariInstansi:
    """Finds an instansi by code, official name, alias or a loose spelling."""

    def __init__(self, daftar: DaftarInstansi) -> None:
        self.daftar = daftar
        self.exact: dict[str, Instansi] = {}
        self.loose: dict[str, list[Instansi]] = {}
        for item in daftar.instansi:
            for label in (item.kode, item.nama, *item.alias):
                self.exact[label.casefold()] = item
                self.loose.setdefault(_norm_name(label), []).append(item)
            bare = re.sub(r"^(kabupaten|kota|provinsi)\s+", "", _norm_name(item.nama))
            self.loose.setdefault(bare, []).append(item)

    def cari(self, text: str, path: Path, line: int) -> Instansi:
        key = text.strip()
        found = self.exact.get(key.casefold())
        if found is not None:
            return found
        candidates = {i.kode: i for i in self.loose.get(_norm_name(key), [])}
        if len(candidates) == 1:
            return next(iter(candidates.values()))
        if len(candidates) > 1:
            names = " atau ".join(f"{i.nama} ({i.kode})" for i in candidates.values())
            raise DataError(
                f"instansi '{tampak(key)}' ambigu: {names}", Location(path, line), code="R305"
            )
        labels = [i.nama for i in self.daftar.instansi] + [i.kode for i in self.daftar.instansi]
        close = difflib.get_close_matches(key, labels, n=2, cutoff=0.6)
        if not close:
            close = difflib.get_close_matches(
                _norm_name(key), [_norm_name(x) for x in labels], n=1, cutoff=0.6
            )
        hint = f"; maksud Anda: {' atau '.join(close)}?" if close else ""
        if tampak(key) != key:
            hint += " (nama memuat karakter tak terlihat atau huruf non-Latin)"
        raise DataError(
            f"instansi '{tampak(key)}' tidak dikenal di instansi.yaml{hint}",
            Location(path, line),
            code="R306",
        )


class Referensi:
    """Reference data of a data folder (instansi, scales), loaded on first use."""

    def __init__(self, root: Path) -> None:
        bacaan.catat_folder(root)  # cache: a missing reference file may appear
        self.root = root
        self._instansi: DaftarInstansi | None = None
        self._skala: DaftarSkala | None = None
        self._pencari: PencariInstansi | None = None
        self._survei: Any = None
        self._dibaca: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        """Files and folder keys behind each loaded part: recorded again on every use,
        so a cached computation that uses a part loaded before it still depends on
        them (a formula result on ``instansi.yaml``, on ``survei.yaml`` appearing)."""

    def _muat(self, bagian: str, path: Path | None, baca: Callable[[], T]) -> T:
        """``baca()`` through the per-file cache: the content of ``path`` (found by
        name in the data folder, whose names are recorded with it) gives the part."""
        bac = bacaan.masuk()
        try:
            bacaan.catat_nama(self.root)  # which file holds the role, or that none does
            hasil = ingat(f"referensi.{bagian}", (str(path),), baca)
        finally:
            bacaan.keluar(bac)
        self._dibaca[bagian] = (tuple(bac.berkas), tuple(bac.folder))
        return hasil

    def _berkas(self, bagian: str, model: type[M]) -> M:
        """The reference file of role ``bagian``, validated as ``model``."""
        path = self.path(bagian)

        def baca() -> M:
            data, positions = load_file(path)
            return validate(model, data, positions)

        return self._muat(bagian, path, baca)

    def _pakai(self, bagian: str) -> None:
        files, folders = self._dibaca.get(bagian, ((), ()))
        for path in files:
            bacaan.catat(path)
        for key in folders:
            bacaan.catat_kunci(key)

    def path(self, stem: str) -> Path:
        found = cari_peran(self.root, stem, (".yaml", ".yml"))
        if found is None:
            raise DataError(
                f"berkas referensi {stem}.yaml tidak ada di {self.root}",
                Location(self.root / f"{stem}.yaml"),
                code="R000",
            )
        return found

    @property
    def instansi(self) -> DaftarInstansi:
        if self._instansi is None:
            self._instansi = self._berkas("instansi", DaftarInstansi)
        self._pakai("instansi")
        return self._instansi

    @property
    def pencari(self) -> PencariInstansi:
        if self._pencari is None:
            self._pencari = PencariInstansi(self.instansi)
        self._pakai("instansi")  # built from instansi.yaml: every use depends on it
        return self._pencari

    @property
    def survei(self) -> Any:
        """The survey (IKM) reference: the regulation's defaults, with ``survei.yaml`` of
        the data folder applied on top when there is one."""
        if self._survei is None:
            own = cari_peran(self.root, "survei", (".yaml", ".yml"))

            def baca() -> Any:
                from renja_cli.ikm import muat_penyesuaian, muat_referensi

                return muat_penyesuaian(own) if own is not None else muat_referensi()

            self._survei = self._muat("survei", own, baca)
        self._pakai("survei")
        return self._survei

    @property
    def daftar_skala(self) -> DaftarSkala:
        if self._skala is None:
            self._skala = self._berkas("skala", DaftarSkala)
        self._pakai("skala")
        return self._skala

    def skala(self, nama: str, used_in: Path | None = None) -> Skala | SkalaOrdinal:
        found = self.daftar_skala.skala.get(nama)
        if found is None:
            pilihan = ", ".join(sorted(self.daftar_skala.skala))
            raise DataError(
                f"skala '{nama}' tidak ada di skala.yaml (pilihan: {pilihan})",
                Location(used_in),
                code="R307",
            )
        return found

    def arsip(self, nama: str, used_in: Path | None = None) -> SkemaArsip:
        """An archive scheme of skala.yaml (document kinds and category rules)."""
        found = self.daftar_skala.arsip.get(nama)
        if found is None:
            pilihan = ", ".join(sorted(self.daftar_skala.arsip)) or "tidak ada"
            raise DataError(
                f"skema arsip '{nama}' tidak ada di skala.yaml bagian 'arsip' (pilihan: {pilihan})",
                Location(used_in),
                code="R307",
            )
        return found
