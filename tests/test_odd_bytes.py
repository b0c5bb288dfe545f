"""Odd bytes and odd folders among good pages: a BOM the bytes contradict, a stray NUL, *.TXT,
broken links, unreadable folders (issue 17). The battery of files that are not pages is
test_bad_input.NOT_A_PAGE."""

import codecs
import json
import os
from pathlib import Path

import pytest

from cleanup.decode import decode

from .conftest import DUMPS
from .test_bad_input import GOOD, PAGE, batch_with, errors, page_folders, reflow


BOM_MISMATCHES = {
    "utf8-bom-on-gb18030": (codecs.BOM_UTF8 + PAGE.encode("gb18030"), "gb18030"),
    "utf16le-bom-on-utf8": (codecs.BOM_UTF16_LE + GOOD, "utf-8"),
    "utf16be-bom-on-utf8": (codecs.BOM_UTF16_BE + GOOD, "utf-8"),
    "utf16le-bom-on-gb18030": (codecs.BOM_UTF16_LE + PAGE.encode("gb18030"), "gb18030"),
}


@pytest.mark.parametrize("case", BOM_MISMATCHES, ids=str)
def test_a_bom_the_bytes_contradict_is_read_by_what_the_bytes_are_with_a_warning(case):
    raw, encoding = BOM_MISMATCHES[case]
    decoded = decode(raw)
    assert decoded.encoding == encoding and decoded.text == PAGE
    assert any(w.startswith("DC07 ") and encoding in w for w in decoded.warnings), decoded.warnings
    assert not any(w.startswith("DC04") for w in decoded.warnings)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be-bom"])
def test_a_bom_the_bytes_agree_with_is_read_silently_even_with_a_bad_byte(encoding):
    raw = ("\ufeff" + PAGE).encode("utf-16-be") if encoding == "utf-16-be-bom" else PAGE.encode(encoding)
    at = 3 + len(PAGE[:300].encode())  # after the BOM, at a character boundary
    decoded = decode(raw[:at] + b"\xff" + raw[at:] if encoding == "utf-8-sig" else raw)
    assert not any(w.startswith("DC07") for w in decoded.warnings)
    assert decoded.text.replace("\ufffd", "") == PAGE


def test_a_stray_nul_in_a_utf8_page_is_removed_with_a_warning(tmp_path):
    at = len(PAGE[:300].encode())
    result = batch_with(tmp_path, "nul.txt", GOOD[:at] + b"\x00" + GOOD[at:])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in (tmp_path / "out" / "manifest.jsonl").open()]
    assert "DC06 1 control character(s) removed" in {w for r in records if r["source"] == "nul.txt" for w in r["warnings"]}
    assert sorted(page_folders(tmp_path / "out")) == ["good", "nul"]


def test_a_folder_takes_txt_files_in_any_case_and_names_what_it_cannot_read(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(GOOD)
    (folder / "B.TXT").write_bytes(DUMPS[1].read_bytes())
    (folder / "c.Txt").symlink_to(tmp_path / "gone.txt")
    (folder / "notes.md").write_text("not a page")
    result = reflow(folder, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert errors(result) == [f"error: {folder / 'c.Txt'}: cannot read: broken symbolic link to {tmp_path / 'gone.txt'}"]
    assert page_folders(tmp_path / "out") == ["B", "a"]


def test_a_folder_that_cannot_be_read_gives_the_os_reason(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(GOOD)
    real = os.scandir

    def scandir(path="."):
        if Path(path) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = reflow(folder, DUMPS[1], "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert errors(result) == [f"error: {folder}: cannot read: Permission denied"]
    assert page_folders(tmp_path / "out") == [DUMPS[1].stem]
