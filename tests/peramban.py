"""Headless Chromium for tests and docs/buat_gambar.py: the system browser, driven by Playwright.

Playwright never downloads a browser here: it launches the Debian ``chromium``
package (``apt-get install chromium``) with the flags that keep it off the
network (no component updates, no sync, no background requests), since the
machines reach package registries only.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

ARGUMEN = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
    "--disable-extensions",
]


def chromium() -> str | None:
    """Path of the system Chromium, or None when it is not installed."""
    found = shutil.which("chromium")
    if found:
        return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


@contextmanager
def peramban() -> Iterator[Browser]:
    """A launched headless Chromium, closed on exit."""
    from playwright.sync_api import sync_playwright

    path = chromium()
    if path is None:
        raise RuntimeError("Chromium tidak ditemukan; pasang dengan: apt-get install chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, args=ARGUMEN)
        try:
            yield browser
        finally:
            browser.close()


class Halaman:
    """A loaded page with everything it did recorded: requests, console, errors, dialogs."""

    def __init__(self, page: Page, url: str) -> None:
        self.page = page
        self.url = url
        self.requests: list[str] = []
        self.console: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", self._dialog)
        page.goto(url, wait_until="load")

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


def halaman_pdf(pdf: bytes) -> list[tuple[int, int]]:
    """(width, height) in points of every ``/Type /Page`` object, in file order."""
    import re

    sizes = []
    for obj in pdf.split(b"endobj"):
        kamus = obj.split(b"stream")[0]
        if not re.search(rb"/Type\s*/Page\b", kamus):
            continue
        box = re.search(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", kamus)
        assert box, kamus[:200]
        x0, y0, x1, y1 = (float(v) for v in box.groups())
        sizes.append((round(x1 - x0), round(y1 - y0)))
    return sizes


def tangkap_layar(html: Path, png: Path, lebar: int = 1100, tinggi: int | None = None) -> None:
    """PNG of an HTML file as a person sees it on screen: the full page, or its top
    ``tinggi`` pixels."""
    with peramban() as browser:
        page = browser.new_page(viewport={"width": lebar, "height": 900})
        page.goto(html.resolve().as_uri(), wait_until="load")
        if tinggi is None:
            page.screenshot(path=str(png), full_page=True)
        else:
            clip = {"x": 0, "y": 0, "width": lebar, "height": tinggi}
            page.screenshot(path=str(png), full_page=True, clip=clip)
