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
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser

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


def tangkap_layar(html: Path, png: Path, lebar: int = 1100) -> None:
    """Full-page PNG of an HTML file, as a person sees it on screen."""
    with peramban() as browser:
        page = browser.new_page(viewport={"width": lebar, "height": 900})
        page.goto(html.resolve().as_uri(), wait_until="load")
        page.screenshot(path=str(png), full_page=True)
