"""What the README and the package promise a newcomer: install lines, links, codes, the API (issue 17)."""

import doctest
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import cleanup
from cleanup import lexicon
from cleanup.cli import app
from cleanup.rulebook import REGISTRY

from .conftest import DUMPS, ROOT

runner = CliRunner()
README = ROOT / "README.md"
DOCS = [README, *(ROOT / "docs").glob("*.md"), *(ROOT / "benchmarks").glob("*.py"), ROOT / ".ci" / "run",
        *(ROOT / "cleanup").glob("*.py")]


# -- 6: the distribution's own name ------------------------------------------------------------


def test_every_install_line_names_this_project_not_the_pypi_cleanup():
    from importlib.metadata import distribution

    scripts = {ep.name: ep.value for ep in distribution("zh-newspaper-cleanup").entry_points}
    assert scripts["cleanup"] == "cleanup.cli:app"
    lines = [(path.name, line) for path in DOCS for line in path.read_text(encoding="utf-8").splitlines()
             if "pip install" in line]
    assert lines
    for where, line in lines:
        targets = re.findall(r"pip install (?:-\S+ )*'?([^'\s]+)", line)
        assert targets and all(t.startswith(".") or t.startswith("zh-newspaper-cleanup") for t in targets), (where, line)
    extras = re.findall(r"'?([\w.-]+)\[(\w+)\]'?", README.read_text(encoding="utf-8"))
    assert ("cleanup", "dask") not in extras and ("cleanup", "bench") not in extras


# -- 11: the README's links and commands work from a clone --------------------------------------


def test_the_readme_links_to_files_in_the_repository():
    text = README.read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)#\s]+)", text)
    assert "docs/FORMAT.md" in links
    for link in links:
        assert not link.startswith(("/", "..")) and (ROOT / link).exists(), link
    assert "../shared" not in text and "/work/" not in text


def test_the_contract_in_docs_is_the_shared_one_with_file_names_extended():
    ours = (ROOT / "docs" / "FORMAT.md").read_text(encoding="utf-8")
    assert "four from 1,000" in ours and "## Output layout" in ours and "## The cleaned text" in ours


def test_readme_commands_name_the_venvs_programs():
    """A clone has no activated venv: every command line starts with .venv/bin/ or python3 -m venv."""
    blocks = re.findall(r"\n    (\S.*)", README.read_text(encoding="utf-8"))
    commands = [line for line in blocks if re.match(r"(pip|python)\s", line)]
    assert not commands, commands


def test_the_50_mb_claim_states_a_measurement():
    row = next(line for line in README.read_text(encoding="utf-8").splitlines() if line.startswith("| a 50 MB dump"))
    assert "/usr/bin/time -v" in README.read_text(encoding="utf-8")
    assert re.search(r"\d+ s", row) and re.search(r"\d(\.\d+)? GB|\d+ MB", row), row


# -- 9: every code that can show up can be looked up -------------------------------------------

EMITTED_RE = re.compile(r"""(?:f?["']|Step\(["'])([A-Z]{2}\d{2})[ "']""")


def emitted_codes() -> set[str]:
    return {code for path in (ROOT / "cleanup").glob("*.py") for code in EMITTED_RE.findall(path.read_text("utf-8"))}


def test_every_code_in_a_warning_or_explain_is_documented():
    codes = emitted_codes() | {w[:4] for d in DUMPS for w in _warnings(d)}
    assert {"AS01", "DC02", "CV01", "DC07"} <= codes
    for code in sorted(codes):
        result = runner.invoke(app, ["rules", code])
        assert result.exit_code == 0, (code, result.output)
        assert result.stdout.startswith(code) and len(result.stdout.splitlines()) > 2, (code, result.stdout)


def test_codes_toml_names_no_rule_and_every_entry_is_complete():
    entries = lexicon.codes()
    assert not set(entries) & set(REGISTRY)
    assert all(entry["name"] and entry["summary"] and entry["doc"] for entry in entries.values())


def _warnings(dump: Path) -> list[str]:
    page = cleanup.clean(dump.read_bytes(), dump.name)
    return [*page.warnings, *(w for item in page.items for w in item.warnings)]


# -- 15: the Python API --------------------------------------------------------------------------


def test_the_readme_api_example_runs():
    results = doctest.testfile(str(README), module_relative=False, optionflags=doctest.ELLIPSIS, verbose=False)
    assert results.attempted >= 5 and results.failed == 0


def test_all_names_what_the_readme_documents_and_each_name_resolves():
    text = README.read_text(encoding="utf-8")
    api = text[text.index("## Python API"):]
    for name in cleanup.__all__:
        assert getattr(cleanup, name) is not None
        assert f"`{name}" in api, name
    namespace: dict = {}
    exec("from cleanup import *", namespace)
    assert set(cleanup.__all__) <= set(namespace)


def test_the_package_is_marked_typed():
    assert (ROOT / "cleanup" / "py.typed").is_file()
    code = "import importlib.resources as r; assert (r.files('cleanup') / 'py.typed').is_file()"
    assert subprocess.run([sys.executable, "-c", code], cwd="/", capture_output=True).returncode == 0


@pytest.mark.parametrize("command", [["--version"], ["reflow", "--help"]])
def test_python_dash_m_runs_the_command_line(command):
    result = subprocess.run([sys.executable, "-m", "cleanup", *command], capture_output=True, text=True)
    assert result.returncode == 0 and "cleanup" in result.stdout
