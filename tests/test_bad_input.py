"""Every kind of bad input has a defined outcome (README, "Errors and exit codes")."""

import gzip
import json
import os
import random
import subprocess
import sys
import textwrap
import zlib
from pathlib import Path

import opencc
import pytest
from typer.testing import CliRunner

from cleanup import batch, conserve, headlines, output, pipeline
from cleanup.cli import app
from cleanup.decode import decode
from cleanup.layout import split_lines
from cleanup.model import Config

from .conftest import DUMPS

runner = CliRunner()
PAGE = DUMPS[0].read_text(encoding="utf-8")
GOOD = DUMPS[0].read_bytes()


def reflow(*args: str, jobs: int = 1):
    """In one process unless told: several tests patch functions of this process."""
    return runner.invoke(app, ["reflow", "--jobs", str(jobs), *map(str, args)])


def errors(result) -> list[str]:
    """The error lines on stderr; anything else there may only be the one-line summary."""
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    others = [line for line in lines if not line.startswith("error: ")]
    assert others in ([], lines[-1:]) and all(" failed, " in line for line in others), lines
    return [line for line in lines if line.startswith("error: ")]


def batch_with(tmp_path: Path, name: str, raw: bytes, jobs: int = 1):
    """A folder holding one good dump and the given one, cleaned into OUT."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_bytes(GOOD)
    (folder / name).write_bytes(raw)
    return reflow(folder, "-o", tmp_path / "out", jobs=jobs)


def page_folders(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.is_dir() and not p.name.startswith("."))


# -- files that are not a page ---------------------------------------------------------------

NOT_A_PAGE = {
    "empty": (b"", "empty file"),
    "spaces": (b"  \n\t\r\n\n", "no printed text"),
    "ideographic-spaces": ("\u3000\u3000\n\u00a0\n".encode(), "no printed text"),
    "bom-only": (b"\xef\xbb\xbf", "no printed text"),
    "utf16-spaces": ("  \n \n".encode("utf-16"), "no printed text"),
    "control-characters": (b"\x01\x02\x07\x1b\x7f\n", "no printed text"),
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4, "binary data"),
    "jpeg": (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01" + bytes(range(255, 0, -1)) * 4, "binary data"),
    "nul-bytes": (GOOD[:200] + b"\x00\x00\x00\x00" + GOOD[200:], "binary data"),
    "random-without-nul": (bytes(b for b in random.Random(5).randbytes(4000) if b), "binary data"),
    # a format's signature, then bytes that chardet or lenient UTF-8 would read as text (issue 17)
    "png-then-random": (b"\x89PNG\r\n\x1a\n" + bytes(b for b in random.Random(7).randbytes(3000) if b),
                        "binary data (a PNG image)"),
    "gif": (b"GIF89a" + bytes(b for b in random.Random(8).randbytes(2000) if b), "binary data (a GIF image)"),
    "pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + zlib.compress(GOOD), "binary data (a PDF document)"),
    "zip": (b"PK\x03\x04" + zlib.compress(GOOD), "binary data (a ZIP archive"),
    "gzip": (gzip.compress(GOOD), "binary data (gzip-compressed data)"),
    "webp": (b"RIFF\x10\x27\x00\x00WEBPVP8 " + random.Random(9).randbytes(400), "binary data (a WebP image)"),
    # no signature: most of it decodes to nothing readable in any encoding
    "high-bytes": (bytes(b | 0x80 for b in random.Random(6).randbytes(4000)), "binary data"),
}


@pytest.mark.parametrize("case", NOT_A_PAGE, ids=str)
def test_a_file_that_is_not_a_page_is_named_with_its_reason_and_the_batch_goes_on(tmp_path, case):
    raw, reason = NOT_A_PAGE[case]
    result = batch_with(tmp_path, f"{case}.txt", raw)
    assert result.exit_code == 1
    [line] = errors(result)
    assert line.startswith(f"error: {tmp_path / 'in' / case}.txt: {reason}")
    assert page_folders(tmp_path / "out") == ["good"]
    assert {json.loads(line)["source"] for line in (tmp_path / "out" / "manifest.jsonl").open()} == {"good.txt"}


# -- encodings and invalid bytes -------------------------------------------------------------

TRADITIONAL = opencc.OpenCC("s2t.json").convert(PAGE).encode("big5", errors="ignore").decode("big5")


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-16-le", "utf-16-be", "utf-16", "utf-8-sig",
                                      "bom+utf-16-le", "bom+utf-16-be"])
def test_every_encoding_gives_the_same_items_as_utf8(encoding):
    raw = ("\ufeff" + PAGE).encode(encoding[4:]) if encoding.startswith("bom+") else PAGE.encode(encoding)
    assert output.page_files(pipeline.clean(raw, "p.txt")) == output.page_files(pipeline.clean(GOOD, "p.txt"))


def test_big5_is_detected():
    decoded = decode(TRADITIONAL.encode("big5"))
    assert decoded.encoding == "big5hkscs" and decoded.text == TRADITIONAL


@pytest.mark.parametrize("text, encoding", [(PAGE, "utf-8"), (PAGE, "gb18030"), (TRADITIONAL, "big5hkscs")])
@pytest.mark.parametrize("junk", [b"\xff", b"\x80", b"\xff\x80\xff"])
def test_invalid_bytes_become_replacement_characters_with_their_offsets(text, encoding, junk):
    raw = text.encode(encoding)
    at = len(text[:300].encode(encoding))  # a character boundary
    decoded = decode(raw[:at] + junk + raw[at:])
    assert decoded.encoding == encoding
    before, _, after = decoded.text.partition("\ufffd")
    assert before == text[:300] and after.lstrip("\ufffd") == text[300:]
    warning = next(w for w in decoded.warnings if w.startswith("DC04"))
    assert f"in {encoding} at byte {at}" in warning


def test_invalid_bytes_are_reported_through_the_command_line(tmp_path):
    at = len(PAGE[:200].encode())
    result = batch_with(tmp_path, "broken.txt", GOOD[:at] + b"\xff\xfe" + GOOD[at:])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in (tmp_path / "out" / "manifest.jsonl").open()]
    warnings = {w for r in records if r["source"] == "broken.txt" for w in r["warnings"]}
    assert f"DC04 2 invalid byte sequence(s) in utf-8 at byte {at}, {at + 1}" in warnings, warnings
    assert "\ufffd" in "".join(p.read_text() for p in (tmp_path / "out" / "broken").glob("*.md"))


@pytest.mark.parametrize("ends", ["\r", "\r\n", "mixed"])
def test_line_ends_do_not_matter(ends):
    lines = PAGE.split("\n")
    if ends == "mixed":
        # a CR is never put before an empty line, where CR + LF would read as one line end
        seps = [["\n", "\r\n", "\r"][i % 3] for i in range(len(lines) - 1)]
        seps = [s if s != "\r" or lines[i + 1] else "\n" for i, s in enumerate(seps)]
        text = "".join(line + sep for line, sep in zip(lines, seps)) + lines[-1]
    else:
        text = ends.join(lines)
    assert output.page_files(pipeline.clean(text.encode(), "p.txt")) == output.page_files(pipeline.clean(GOOD, "p.txt"))


# -- size ------------------------------------------------------------------------------------


def test_a_50_mb_dump_streams_through_decoding_and_line_splitting():
    raw = b"\n\n".join(d.read_bytes() for d in DUMPS)
    big = raw * (50 * 2**20 // len(raw) + 1)
    assert len(big) > 50 * 2**20
    text = decode(big).text
    assert text[-1000:] == big[-3000:].decode("utf-8", "ignore")[-1000:]
    assert len(split_lines(text)) == big.count(b"\n") + (not big.endswith(b"\n"))


def test_a_dump_of_many_pages_costs_linear_headline_matching(monkeypatch):
    """Headlines compete only for nearby stories, so twice the pages cost twice the matching."""
    monkeypatch.setattr(headlines, "NEARBY", 2)  # so that a few pages already exceed the window
    calls = []
    real = headlines.similarity
    monkeypatch.setattr(headlines, "similarity", lambda *a: calls.append(1) or real(*a))
    dump = "\n\n".join(d.read_text(encoding="utf-8") for d in DUMPS)
    counts = []
    for copies in (2, 4):
        calls.clear()
        page = pipeline.clean("\n\n".join([dump] * copies).encode(), "p.txt")
        counts.append(len(calls))
    assert counts[1] <= 2.2 * counts[0]
    missing, extra = conserve.compare("\n\n".join([dump] * 4), list(output.page_files(page).values()))
    assert not missing and not extra


def test_a_1_mb_line_is_one_paragraph_with_every_character():
    line = ("".join(PAGE.split()) * 400).encode()[: 2**20 + 3].decode("utf-8", "ignore")
    assert len(line.encode()) >= 2**20
    page = pipeline.clean(line.encode(), "p.txt")
    missing, extra = conserve.compare(line, list(output.page_files(page).values()))
    assert not missing and not extra


# -- paths -----------------------------------------------------------------------------------


def test_a_file_that_cannot_be_read_is_named_and_the_batch_goes_on(tmp_path, monkeypatch):
    locked = tmp_path / "in" / "locked.txt"
    real = Path.read_bytes

    def read_bytes(path):
        if path == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = batch_with(tmp_path, "locked.txt", GOOD)
    assert result.exit_code == 1
    assert errors(result) == [f"error: {locked}: cannot read: Permission denied"]
    assert page_folders(tmp_path / "out") == ["good"]


def test_a_read_that_fails_in_the_os_is_one_line(tmp_path):
    outcome = batch.run_one(batch.Source("folder.txt", tmp_path), Config())
    assert outcome.page is None and outcome.error.startswith("cannot read: ")


def test_a_path_that_does_not_exist_is_named_and_the_batch_goes_on(tmp_path):
    result = reflow(DUMPS[0], tmp_path / "nope.txt", tmp_path / "no-folder", "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert errors(result) == [f"error: {tmp_path / 'nope.txt'}: no such file or folder",
                              f"error: {tmp_path / 'no-folder'}: no such file or folder"]
    assert page_folders(tmp_path / "out") == [DUMPS[0].stem]


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("second", ["b/page.txt", "b/Page.txt", "b/page.TXT"])
def test_two_inputs_with_one_stem_keep_the_first_and_name_the_second(tmp_path, second, jobs):
    for rel, text in (("a/page.txt", "来自甲的内容。"), (second, "来自乙的内容。")):
        (tmp_path / rel).parent.mkdir(exist_ok=True)
        (tmp_path / rel).write_text(f"本报讯 {text}\n", encoding="utf-8")
    result = reflow(tmp_path / "a/page.txt", tmp_path / second, "-o", tmp_path / "out", jobs=jobs)
    assert result.exit_code == 1
    assert errors(result) == [f"error: {tmp_path / second}: same name as {tmp_path / 'a/page.txt'}; "
                              "not written (rename one of them)"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["manifest.jsonl", "page"], "leftovers"
    assert "来自甲" in (tmp_path / "out" / "page" / "01.md").read_text()


@pytest.mark.parametrize("name", ["a b.txt", "第3版 要闻.txt", "-x.txt", "--help.txt", "tab\there.txt"])
def test_names_with_spaces_chinese_or_a_leading_dash(tmp_path, name):
    (tmp_path / name).write_bytes(GOOD)
    result = runner.invoke(app, ["reflow", "-o", str(tmp_path / "out"), "--", str(tmp_path / name)])
    assert result.exit_code == 0, result.output
    stem = name[:-4].replace("\t", "_")
    assert page_folders(tmp_path / "out") == [stem]
    first = (tmp_path / "out" / stem / "01.md").read_text()
    assert first.startswith("---\nsource: ")
    records = [json.loads(line) for line in (tmp_path / "out" / "manifest.jsonl").open()]
    assert {r["source"] for r in records} == {name} and records[0]["path"] == f"{stem}/01.md"


def test_a_file_name_that_is_not_utf8_is_written_with_a_replacement_character(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    try:
        (folder / os.fsdecode(b"\xff\xfe.txt")).write_bytes(GOOD)
    except (UnicodeEncodeError, OSError):
        pytest.skip("this file system only takes UTF-8 names")
    result = reflow(folder, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert page_folders(tmp_path / "out") == ["\ufffd\ufffd"]


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("out", ["a-file", "a-file/below"])
def test_an_output_folder_that_cannot_be_written_is_one_line(tmp_path, out, jobs):
    (tmp_path / "a-file").write_text("not a folder")
    result = reflow(DUMPS[0], DUMPS[1], "-o", tmp_path / out, jobs=jobs)
    assert result.exit_code == 1
    assert len(errors(result)) == 1 and errors(result)[0].startswith(f"error: {tmp_path / out}: cannot write: ")
    assert (tmp_path / "a-file").read_text() == "not a folder"


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("kind", ["file", "folder"])
def test_a_page_folder_never_replaces_the_users_own_file_or_folder(tmp_path, kind, jobs):
    out = tmp_path / "out"
    out.mkdir()
    mine = out / DUMPS[0].stem
    if kind == "file":
        mine.write_text("mine")
    else:
        mine.mkdir()
        (mine / "notes.txt").write_text("mine")
    result = reflow(DUMPS[0], DUMPS[1], "-o", out, jobs=jobs)
    assert result.exit_code == 1
    assert errors(result) == [f"error: {DUMPS[0]}: cannot write {mine}: exists and is not a page folder; not replaced"]
    assert (mine if kind == "file" else mine / "notes.txt").read_text() == "mine"
    assert (out / DUMPS[1].stem / "01.md").is_file()
    assert sorted(p.name for p in out.iterdir()) == sorted([mine.name, DUMPS[1].stem, "manifest.jsonl"]), "leftovers"


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_second_run_replaces_its_own_page_folders(tmp_path, jobs):
    assert reflow(DUMPS[0], DUMPS[1], "-o", tmp_path, jobs=jobs).exit_code == 0
    (tmp_path / DUMPS[0].stem / "99.md").write_text("stale")
    assert reflow(DUMPS[0], DUMPS[1], "-o", tmp_path, jobs=jobs).exit_code == 0
    assert not (tmp_path / DUMPS[0].stem / "99.md").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([DUMPS[0].stem, DUMPS[1].stem, "manifest.jsonl"])


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_name_too_long_for_the_file_system_fails_that_page_alone(tmp_path, jobs):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_bytes(GOOD)
    long = folder / ("a" * 250 + ".txt")  # a file name fits in 255 bytes; its temporary folder's does not
    long.write_bytes(GOOD)
    result = reflow(folder, "-o", tmp_path / "out", jobs=jobs)
    assert result.exit_code == 1
    [line] = errors(result)
    assert line.startswith(f"error: {long}: cannot write ") and line.endswith(": File name too long")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["good", "manifest.jsonl"], "leftovers"


@pytest.mark.parametrize("name, stem", [("../x.txt", "x"), ("/etc/x.txt", "x"), ("..\\..\\x.txt", "x"),
                                        ("a/../../x", "x"), ("C:\\x.txt", "x")])
def test_a_crafted_name_cannot_escape_out(tmp_path, name, stem):
    result = runner.invoke(app, ["reflow", "-", "--name", name, "-o", str(tmp_path / "out")], input=GOOD)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert page_folders(tmp_path / "out") == [stem]


@pytest.mark.parametrize("name", ["..", ".", "", "/", ".hidden.txt", "..txt"])
def test_a_name_with_no_safe_folder_is_refused(tmp_path, name):
    result = runner.invoke(app, ["reflow", "-", "--name", name, "-o", str(tmp_path / "out")], input=GOOD)
    assert result.exit_code == 1
    assert "cannot make a safe folder name" in errors(result)[0]
    assert page_folders(tmp_path / "out") == []


def test_a_bug_in_one_page_is_named_and_the_batch_goes_on(tmp_path, monkeypatch):
    real = pipeline.clean_text

    def failing(text, source, *args):
        if source == "bug.txt":
            raise IndexError("list index out of range")
        return real(text, source, *args)

    monkeypatch.setattr(pipeline, "clean_text", failing)
    result = batch_with(tmp_path, "bug.txt", GOOD)
    assert result.exit_code == 1
    assert errors(result) == [f"error: {tmp_path / 'in' / 'bug.txt'}: internal error (IndexError: list index out of range)"]
    assert page_folders(tmp_path / "out") == ["good"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_batch_of_many_bad_files_writes_the_good_ones(tmp_path, jobs):
    folder = tmp_path / "in"
    folder.mkdir()
    for case, (raw, _) in NOT_A_PAGE.items():
        (folder / f"{case}.txt").write_bytes(raw)
    for n, dump in enumerate(DUMPS):
        (folder / f"good{n}.txt").write_bytes(dump.read_bytes())
    result = reflow(folder, tmp_path / "missing.txt", "-o", tmp_path / "out", jobs=jobs)
    assert result.exit_code == 1
    assert len(errors(result)) == len(NOT_A_PAGE) + 1
    assert f"{len(DUMPS)} pages" in result.stderr.splitlines()[-1]
    assert page_folders(tmp_path / "out") == [f"good{n}" for n in range(len(DUMPS))]


# -- interruption, inputs untouched, streaming -----------------------------------------------


def test_an_interrupt_while_writing_leaves_only_whole_pages(tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert reflow(DUMPS[0], "-o", out).exit_code == 0  # an earlier run's manifest
    earlier = (out / "manifest.jsonl").read_bytes()
    real, writes = Path.write_text, []

    def write_text(path, text, *args, **kwargs):
        writes.append(path)
        if len(writes) == 9:  # in the middle of the second page
            real(path, text[: len(text) // 2], *args, **kwargs)
            raise KeyboardInterrupt
        return real(path, text, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", write_text)
    result = reflow(*DUMPS, "-o", out)
    assert result.exit_code == 130  # the interrupt stopped the run
    assert len(output.page_files(pipeline.clean(DUMPS[0].read_bytes(), DUMPS[0].name))) < 9
    assert page_folders(out) == [DUMPS[0].stem]
    assert sorted(p.name for p in out.iterdir()) == sorted([DUMPS[0].stem, "manifest.jsonl"]), "leftovers"
    assert (out / "manifest.jsonl").read_bytes() == earlier
    _assert_complete(out)


def test_a_kill_while_writing_leaves_no_half_written_file(tmp_path):
    """SIGKILL in the middle of an item file: visible files are whole; only hidden temporaries remain."""
    out = tmp_path / "out"
    script = textwrap.dedent(f"""
        import os, signal, sys
        from pathlib import Path
        real, writes = Path.write_text, []
        def write_text(path, text, *args, **kwargs):
            writes.append(path)
            if len(writes) == 9:
                real(path, text[: len(text) // 2], *args, **kwargs)
                os.kill(os.getpid(), signal.SIGKILL)
            return real(path, text, *args, **kwargs)
        Path.write_text = write_text
        from cleanup.cli import app
        sys.argv = ["cleanup", "reflow", "-j", "1", *{[str(d) for d in DUMPS]!r}, "-o", {str(out)!r}]
        app()
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == -9, result.stderr
    assert page_folders(out) == [DUMPS[0].stem]
    assert not (out / "manifest.jsonl").exists()
    assert all(p.name.startswith(".") for p in out.iterdir() if p.name != DUMPS[0].stem)
    _assert_complete(out)


def _assert_complete(out: Path) -> None:
    for folder in (p for p in out.iterdir() if p.is_dir() and not p.name.startswith(".")):
        dump = next(d for d in DUMPS if d.stem == folder.name)
        expected = output.page_files(pipeline.clean(dump.read_bytes(), dump.name))
        assert {p.name: p.read_text() for p in folder.iterdir()} == expected


@pytest.mark.parametrize("jobs", [1, 2])
def test_inputs_are_never_modified(tmp_path, jobs):
    folder = tmp_path / "in"
    folder.mkdir()
    for dump in DUMPS:
        (folder / dump.name).write_bytes(dump.read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_mode) for p in folder.iterdir()}
    for _ in range(2):  # OUT is the input folder itself, and the second run replaces the first's pages
        reflow(folder, "-o", folder, jobs=jobs)
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_mode) for p in folder.glob("*.txt")}
    assert after == before


def test_each_page_is_written_before_the_next_is_cleaned(tmp_path, monkeypatch):
    """Items are not gathered: when page k is cleaned, pages 1..k-1 are on disk with their manifest lines."""
    out = tmp_path / "out"
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(12):
        (folder / f"p{n:02d}.txt").write_bytes(DUMPS[n % len(DUMPS)].read_bytes())
    real, seen = batch.run_one, []

    def run_one(source, config):
        written = page_folders(out) if out.exists() else []
        pending = list(out.glob(".manifest.*.tmp"))
        lines = pending[0].read_text().splitlines() if pending else []
        seen.append((len(written), len({json.loads(line)["source"] for line in lines})))
        return real(source, config)

    monkeypatch.setattr(batch, "run_one", run_one)
    assert reflow(folder, "-o", out).exit_code == 0
    assert seen == [(k, k) for k in range(12)]


def test_jsonl_streams_each_page_before_the_next_is_cleaned(monkeypatch):
    real, printed = batch.run_one, []

    def run_one(source, config):
        printed.append(sys.stdout.buffer.getvalue().count(b"\n"))  # the test runner's stdout
        return real(source, config)

    monkeypatch.setattr(batch, "run_one", run_one)
    assert reflow(*DUMPS, "--format", "jsonl").exit_code == 0
    sizes = [len(output.page_files(pipeline.clean(d.read_bytes(), d.name))) for d in DUMPS]
    assert printed == [sum(sizes[:k]) for k in range(len(DUMPS))]
