"""`cleanup` in a shell pipeline: JSON lines in on stdin, JSON lines out on stdout."""

import json
import subprocess
import sys
from pathlib import Path

from .conftest import DUMPS, GOLDEN

CLEANUP = str(Path(sys.executable).parent / "cleanup")
MAKE_RECORDS = (
    "import json, pathlib, sys\n"
    "for p in sorted(pathlib.Path(sys.argv[1]).glob('*.txt')):\n"
    "    print(json.dumps({'source': p.name, 'text': p.read_text(encoding='utf-8')}, ensure_ascii=False))\n"
)


def pipeline(*commands: list[str]) -> tuple[bytes, list[int], bytes]:
    """Run commands joined by pipes, as a shell would: last stdout, exit codes, all stderr."""
    processes, feed = [], subprocess.DEVNULL
    for command in commands:
        process = subprocess.Popen(command, stdin=feed, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if processes:
            processes[-1].stdout.close()  # so the writer sees a closed pipe if the reader stops
        processes.append(process)
        feed = process.stdout
    out = processes[-1].stdout.read()
    errors = b"".join(p.stderr.read() for p in processes)
    return out, [p.wait() for p in processes], errors


def test_records_piped_through_give_what_files_give():
    from_files = subprocess.run([CLEANUP, "reflow", str(GOLDEN), "--format", "jsonl"], capture_output=True)
    assert from_files.returncode == 0
    for jobs in ("1", "2"):
        out, codes, _ = pipeline([sys.executable, "-c", MAKE_RECORDS, str(GOLDEN)],
                                 [CLEANUP, "reflow", "-", "--stdin", "jsonl", "--format", "jsonl", "-j", jobs])
        assert codes == [0, 0]
        assert out == from_files.stdout
    sources = {json.loads(line)["source"] for line in out.splitlines()}
    assert sources == {d.name for d in DUMPS}


def test_a_bad_record_fails_alone(tmp_path):
    good = json.dumps({"source": "a/../页.txt", "text": "本报讯 社区开展活动。\n"}, ensure_ascii=False)
    lines = [good, "not json", '{"source": "x.txt"}', "", b"\xff".decode("latin-1"), good.replace("页", "二")]
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with open(tmp_path / "in.jsonl", "rb") as feed:
        result = subprocess.run([CLEANUP, "reflow", "-", "--stdin", "jsonl", "-o", str(tmp_path / "out")],
                                stdin=feed, capture_output=True, text=True)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert [e.split(":")[1] for e in errors] == [" stdin line 2", " stdin line 3", " stdin line 5"]
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["manifest.jsonl", "二", "页"]


def test_a_reader_that_stops_early_ends_the_run_quietly():
    out, codes, errors = pipeline([sys.executable, "-c", MAKE_RECORDS, str(GOLDEN)],
                                  [CLEANUP, "reflow", "-", "--stdin", "jsonl", "--format", "jsonl", "-j", "1"],
                                  [sys.executable, "-c", "import sys; print(sys.stdin.readline(), end='')"])
    assert json.loads(out)["index"] == 1
    assert codes[1] == 141  # as a shell tool stopped by SIGPIPE
    assert b"Traceback" not in errors and b"Exception" not in errors


def test_a_source_name_with_an_unpaired_surrogate_becomes_writable():
    import io

    from cleanup.batch import read_records
    from cleanup.output import safe_stem

    [source] = read_records(io.BytesIO(b'{"source": "a\\ud800b\\udcff.txt", "text": "x"}\n'))
    assert safe_stem(source.name) == "a\ufffdb\ufffd"  # as in a file name that is not UTF-8
