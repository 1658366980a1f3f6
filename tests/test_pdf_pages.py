"""Every PDF page rendered with pdftoppm (poppler) and found non-blank."""

import subprocess

from .conftest import require


def test_every_page_renders_non_blank(heidelberg_report, tmp_path):
    pdftoppm = require("pdftoppm")
    subprocess.run([pdftoppm, "-r", "20", "-gray", str(heidelberg_report.pdf), str(tmp_path / "p")], check=True)
    pages = sorted(tmp_path.glob("p-*.pgm"))
    assert len(pages) > 20
    for page in pages:
        raw = page.read_bytes()
        # PGM: header "P5\n<w> <h>\n255\n" then one byte per pixel.
        pixels = raw.split(b"\n", 3)[3]
        dark = sum(1 for b in pixels if b < 200)
        assert dark > 30, f"{page.name} looks blank"
