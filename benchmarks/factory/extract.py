"""Print a page with headless Chromium and read it back with six real extractors.

Each dump is the tool's own output, byte for byte (form feeds included): `pdftotext`
(default mode) and `pdftotext -raw` from poppler-utils, pdfminer.six `extract_text`
defaults, PyMuPDF `page.get_text()`, Tesseract `chi_sim` on a 200-dpi pdftoppm image,
and RapidOCR (PP-OCRv4 models from its wheel) one line per text box in its own order.
Nothing is downloaded: Chromium runs with a fresh empty profile and no network services.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path

GROUPS = ("pdftotext", "pdftotext-raw", "pdfminer", "pymupdf", "ocr", "paddle")
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-pdf-header-footer",
)
# One thread per engine: the corpus runs at most two pages at once on a shared machine.
_ONE_THREAD = {"OMP_THREAD_LIMIT": "1", "OMP_NUM_THREADS": "1"}


def print_pdf(html_path: Path, pdf_path: Path) -> None:
    """HTML -> PDF with Debian's chromium, in a new empty profile folder."""
    with tempfile.TemporaryDirectory(prefix="factory-chromium-") as profile:
        command = ["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                   f"--print-to-pdf={pdf_path}", html_path.resolve().as_uri()]
        subprocess.run(command, check=True, capture_output=True, timeout=180)
    if not pdf_path.exists():
        raise RuntimeError(f"chromium wrote no PDF for {html_path}")


def measure(html_path: Path) -> tuple[float, list[float]]:
    """The room for bands and each band's height, in mm, as Chromium lays the page out."""
    import re

    with tempfile.TemporaryDirectory(prefix="factory-chromium-") as profile:
        command = ["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", html_path.resolve().as_uri()]
        dom = subprocess.run(command, check=True, capture_output=True, timeout=180).stdout.decode("utf-8")
    room = float(re.search(r'data-room="([\d.-]+)"', dom).group(1))
    return room, [float(h) for h in re.findall(r'data-h="([\d.]+)"', dom)]


def page_count(pdf_path: Path) -> int:
    import pymupdf

    with pymupdf.open(pdf_path) as document:
        return document.page_count


def _run(command: list[str]) -> bytes:
    env = {**os.environ, **_ONE_THREAD}
    return subprocess.run(command, check=True, capture_output=True, timeout=600, env=env).stdout


def pdftotext(pdf: Path, raw: bool = False) -> bytes:
    return _run(["pdftotext", *(["-raw"] if raw else []), "-enc", "UTF-8", str(pdf), "-"])


def pdfminer_text(pdf: Path) -> bytes:
    from pdfminer.high_level import extract_text

    return extract_text(str(pdf)).encode("utf-8")


def pymupdf_text(pdf: Path) -> bytes:
    import pymupdf

    with pymupdf.open(pdf) as document:
        return "".join(page.get_text() for page in document).encode("utf-8")


def page_image(pdf: Path, folder: Path) -> Path:
    """pdftoppm -r 200 -png: the image both OCR engines read."""
    _run(["pdftoppm", "-r", "200", "-png", "-singlefile", str(pdf), str(folder / "page")])
    return folder / "page.png"


def tesseract_text(png: Path, folder: Path) -> bytes:
    _run(["tesseract", str(png), str(folder / "ocr"), "-l", "chi_sim"])
    return (folder / "ocr.txt").read_bytes()


@lru_cache(maxsize=1)
def _rapidocr():
    from rapidocr_onnxruntime import RapidOCR

    return RapidOCR(max_side_len=10000, intra_op_num_threads=1, inter_op_num_threads=1)


def rapidocr_text(png: Path) -> bytes:
    """One line per text box, in the order the library returns them."""
    result, _ = _rapidocr()(str(png))
    return "".join(text + "\n" for _, text, _ in (result or [])).encode("utf-8")


def extract_all(pdf: Path, folder: Path, groups: tuple[str, ...] = GROUPS) -> dict[str, bytes]:
    """Every requested extractor's dump of one printed page."""
    out: dict[str, bytes] = {}
    if "pdftotext" in groups:
        out["pdftotext"] = pdftotext(pdf)
    if "pdftotext-raw" in groups:
        out["pdftotext-raw"] = pdftotext(pdf, raw=True)
    if "pdfminer" in groups:
        out["pdfminer"] = pdfminer_text(pdf)
    if "pymupdf" in groups:
        out["pymupdf"] = pymupdf_text(pdf)
    if "ocr" in groups or "paddle" in groups:
        png = page_image(pdf, folder)
        if "ocr" in groups:
            out["ocr"] = tesseract_text(png, folder)
        if "paddle" in groups:
            out["paddle"] = rapidocr_text(png)
    return out
