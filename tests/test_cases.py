"""Cases as data: tests/cases/*.md, a small dump and the items a careful reader writes for it.

The format is explained in tests/cases/README.md. Each case runs the whole pipeline on its
dump and compares a compact, exact rendering of the written files with the expectation.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from cleanup import conserve, output, pipeline

CASES_DIR = Path(__file__).parent / "cases"
SOURCE = "case.txt"
_EXPECT_FAIL_RE = re.compile(r"^expect: fail — (\S.*)$")
_UNESCAPE_RE = re.compile(r"\\([!-/:-@\[-`{-~])")
_LABEL_RE = re.compile(r"^(?:=== \d+\.md (?:article|photo|note)$|column: |# |## |subtitle: |byline: |credit: )")


@dataclass(frozen=True)
class Case:
    path: Path
    line: int  # 1-based line of the title
    title: str
    dump: str
    expected: str
    fails_because: str | None  # the tool's known shortcoming, or None

    @property
    def where(self) -> str:
        return f"{self.path.name}:{self.line}"


def read_cases(path: Path) -> list[Case]:
    """Parse one dot-format file.

    Outside a case only blank lines, `#` comment lines and the expect line are allowed:
    stray text almost always means a miscounted '.', so it is an error.
    """
    lines = path.read_text(encoding="utf-8").split("\n")
    cases, used, i = [], set(), 0
    while i < len(lines):
        if lines[i] != ".":
            i += 1
            continue
        title_at = i - 1
        if title_at < 0 or not lines[title_at].strip() or lines[title_at].startswith("#"):
            raise ValueError(f"{path.name}:{i + 1}: a case's opening '.' needs a title line above it")
        ends = [j for j in range(i + 1, len(lines)) if lines[j] == "."][:2]
        if len(ends) < 2:
            raise ValueError(f"{path.name}:{i + 1}: case not closed by two more '.' lines")
        reason = None
        if title_at >= 1 and (match := _EXPECT_FAIL_RE.match(lines[title_at - 1])):
            reason = match.group(1)
            used.add(title_at - 1)
        used.update(range(title_at, ends[1] + 1))
        cases.append(Case(path, title_at + 1, lines[title_at].strip(),
                          "\n".join(lines[i + 1:ends[0]]) + "\n", "\n".join(lines[ends[0] + 1:ends[1]]), reason))
        i = ends[1] + 1
    for no, text in enumerate(lines):
        if no not in used and text.strip() and not text.startswith("#"):
            raise ValueError(f"{path.name}:{no + 1}: text outside a case: {text[:40]!r}")
    return cases


def compact(files: dict[str, str]) -> str:
    """The written files, one line per block, each block labelled with its role.

    `=== NN.md kind`, then `column: …`, `# title`, `subtitle: …`, `byline: …`, paragraphs as
    written (`## ` for a heading), `credit: …`. Front matter values are checked against the
    body blocks they repeat, so nothing of the files is left out.
    """
    out = []
    for name, text in files.items():
        assert text.startswith("---\n") and text.endswith("\n") and not text.endswith("\n\n"), f"{name}: envelope"
        head, sep, body = text[4:].partition("\n---\n\n")
        assert sep, f"{name}: front matter not closed"
        meta = yaml.safe_load(head)
        assert meta["source"] == SOURCE, f"{name}: source {meta['source']!r}"
        blocks = body[:-1].split("\n\n")
        assert all(b and "\n" not in b for b in blocks), f"{name}: a block is empty or spans lines"
        labels = [""] * len(blocks)
        at = 0
        if meta.get("title"):
            assert blocks[0].startswith("# ") and _unescape(blocks[0][2:]) == meta["title"], f"{name}: title"
            at = 1
        for key in ("subtitle", "byline"):
            if meta.get(key):
                assert at < len(blocks) and _unescape(blocks[at]) == meta[key], f"{name}: {key}"
                labels[at], at = f"{key}: ", at + 1
        if meta.get("credit"):
            assert at < len(blocks) and _unescape(blocks[-1]) == meta["credit"], f"{name}: credit"
            labels[-1] = "credit: "
        out.append(f"=== {name} {meta['kind']}")
        if meta.get("column"):
            out.append(f"column: {meta['column']}")
        out.extend(label + block for label, block in zip(labels, blocks))
    return "\n".join(out)


def _unescape(text: str) -> str:
    return _UNESCAPE_RE.sub(r"\1", text)


def run(case: Case) -> str:
    return compact(output.page_files(pipeline.clean(case.dump.encode("utf-8"), SOURCE)))


def printed_text(expected: str) -> str:
    """What the expectation prints: its lines without their role labels."""
    return "\n".join(_unescape(_LABEL_RE.sub("", line)) for line in expected.split("\n"))


ALL_CASES = [case for path in sorted(CASES_DIR.glob("*.md")) if path.name != "README.md"
             for case in read_cases(path)]


def _params(with_marks: bool):
    for case in ALL_CASES:
        marks = [pytest.mark.xfail(strict=True, reason=case.fails_because)] \
            if with_marks and case.fails_because else []
        yield pytest.param(case, id=case.where, marks=marks)


@pytest.mark.parametrize("case", list(_params(with_marks=True)))
def test_case(case: Case):
    written = run(case)
    if written != case.expected:
        diff = "\n".join(difflib.unified_diff(case.expected.split("\n"), written.split("\n"),
                                              "expected", "written", lineterm="", n=2))
        pytest.fail(f"{case.where}: {case.title}\n{diff}", pytrace=False)


@pytest.mark.parametrize("case", list(_params(with_marks=False)))
def test_case_expectation_holds_the_dump_characters(case: Case):
    """A hand-written expectation that drops or adds a character is a typo in the case."""
    missing, extra = conserve.compare(case.dump, [printed_text(case.expected)])
    assert not missing and not extra, \
        f"{case.where}: expectation lacks {''.join(missing.elements())!r}, adds {''.join(extra.elements())!r}"


@pytest.mark.parametrize("case", list(_params(with_marks=False)))
def test_case_expectation_is_well_formed(case: Case):
    lines = case.expected.split("\n")
    assert lines[0].startswith("=== 01.md "), f"{case.where}: expectation starts with the first file"
    names = [line.split()[1] for line in lines if line.startswith("=== ")]
    assert names == [f"{n:02d}.md" for n in range(1, len(names) + 1)], f"{case.where}: files numbered in order"
    assert all(line == line.strip() and line for line in lines), f"{case.where}: blank or padded line"


def test_case_files_hold_cases():
    files = [p for p in CASES_DIR.glob("*.md") if p.name != "README.md"]
    assert files and all(read_cases(p) for p in files)
    titles = [case.title for case in ALL_CASES]
    assert len(titles) == len(set(titles)), "two cases share a title"


def test_text_outside_a_case_is_refused(tmp_path):
    path = tmp_path / "x.md"
    path.write_text("a case\n.\n甲\n.\n=== 01.md article\n甲\n.\nstray\n", encoding="utf-8")
    with pytest.raises(ValueError, match="x.md:8: text outside a case"):
        read_cases(path)


def test_expect_fail_line_is_read(tmp_path):
    path = tmp_path / "x.md"
    path.write_text("# section\n\nexpect: fail — why\na case\n.\n甲\n.\n=== 01.md article\n甲\n.\n", encoding="utf-8")
    (case,) = read_cases(path)
    assert (case.line, case.title, case.dump, case.expected, case.fails_because) == \
        (4, "a case", "甲\n", "=== 01.md article\n甲", "why")
