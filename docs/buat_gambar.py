"""Screenshot of an HTML document for the docs, taken by headless Chromium.

Usage:
    python docs/buat_gambar.py                          # the sample document
    python docs/buat_gambar.py --html monev.html --keluaran docs/monev.png --tinggi 1500

Without ``--html`` it renders the sample document of the tests
(tests/dokumen_contoh.py). Needs Debian's ``chromium`` and the test extra
(``pip install -e '.[test]'``); makes no network request.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from peramban import tangkap_layar  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", type=Path, help="berkas HTML (bawaan: dokumen contoh)")
    parser.add_argument("--keluaran", type=Path, default=REPO / "docs" / "dokumen-contoh.png")
    parser.add_argument("--lebar", type=int, default=1100, help="lebar jendela, piksel")
    parser.add_argument(
        "--tinggi",
        type=int,
        help="hanya bagian atas setinggi ini, piksel (bawaan: seluruh halaman)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        html: Path = args.html
        if html is None:
            from dokumen_contoh import dokumen_contoh
            from renja_cli.dokumen.html import render_html

            html = Path(tmp) / "dokumen-contoh.html"
            html.write_text(render_html(dokumen_contoh()), encoding="utf-8")
        tangkap_layar(html, args.keluaran, lebar=args.lebar, tinggi=args.tinggi)
    print(f"Gambar ditulis: {args.keluaran}")


if __name__ == "__main__":
    main()
