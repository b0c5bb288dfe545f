"""CV02: a traditional page Tesseract read in simplified characters is put back, said, and conserved."""

from pathlib import Path

from cleanup import conserve, pipeline
from cleanup.lexicon import printed_traditional
from cleanup.model import Config
from cleanup.output import page_files

DUMP = Path(__file__).parent / "corpus" / "fit" / "dumps" / "f024_ocr.txt"  # printed traditional, read by chi_sim
TRUTH = DUMP.parent.parent / "truth" / "f024_ocr"


def _bodies(page):
    return "".join(text for item in page.items if item.kind != "noise" for _, text in item.body)


def test_a_traditional_page_read_in_simplified_is_put_back_and_warned():
    page = pipeline.clean(DUMP.read_bytes(), DUMP.name)
    assert any(w.startswith("CV02 ") for w in page.warnings)
    assert printed_traditional([(0, _bodies(page))])
    truth = "".join(p.read_text(encoding="utf-8") for p in sorted(TRUTH.glob("*.md")))
    assert "經" in truth and "經" in _bodies(page)  # the truth is traditional, as printed


def test_every_character_is_counted_once_after_the_conversion():
    page = pipeline.clean(DUMP.read_bytes(), DUMP.name)
    missing, extra = conserve.compare(DUMP.read_text(encoding="utf-8"), [text for name, text in page_files(page).items() if name.endswith(".md")])
    assert not missing and not extra, (missing, extra)


def test_a_script_the_user_chose_is_kept():
    page = pipeline.clean(DUMP.read_bytes(), DUMP.name, Config(convert="t2s"))
    assert not any(w.startswith("CV02 ") for w in page.warnings)
    assert not printed_traditional([(0, _bodies(page))])


def test_a_simplified_page_is_left_alone():
    dump = DUMP.with_name("f001_ocr.txt")
    page = pipeline.clean(dump.read_bytes(), dump.name)
    assert not any(w.startswith("CV02 ") for w in page.warnings)
