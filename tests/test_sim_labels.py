"""The page factory's text simulator and line labeller (benchmarks/factory): no Chromium needed."""

import random

import pytest
import regex

from benchmarks.factory import labelcheck
from benchmarks.factory.fold import fold
from benchmarks.factory.labels import label_lines
from benchmarks.factory.labels import main as labels_main
from benchmarks.factory.simulate import load_spec, pick_pages, simulate_page, simulate_page_with_labels
from benchmarks.factory.truth import read_truth, write_truth
from cleanup import conserve, output, pipeline
from cleanup.decode import decode

from .conftest import GOLDEN

TRUTHS = sorted(path for path in GOLDEN.iterdir() if path.is_dir())
SEEDS = range(8)


def _pages():
    """Every golden truth with a few seeds each: (truth folder, seed)."""
    return [(folder, seed) for seed in SEEDS for folder in TRUTHS]


@pytest.fixture(scope="module")
def simulated(tmp_path_factory):
    """(items, files of the truth, dump bytes, record) for each page: the golden truths in
    turn, and pages mixed from their stories (some with a running head and foot)."""
    pages = []
    for folder, seed in _pages():
        items = read_truth(folder)
        data, record = simulate_page_with_labels(items, seed)
        files = [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.md"))]
        pages.append((items, files, data, record))
    for n, items in enumerate(pick_pages(TRUTHS, 12, 3, True, load_spec())):
        data, record = simulate_page_with_labels(items, 100 + n)
        folder = tmp_path_factory.mktemp("mixed")
        write_truth(items, folder, "mixed.txt")
        pages.append((items, [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.md"))], data, record))
    return pages


def test_simulation_is_deterministic():
    items = read_truth(TRUTHS[0])
    assert simulate_page(items, 5) == simulate_page(items, 5)
    assert simulate_page(items, 5) != simulate_page(items, 6)


def test_dumps_hold_every_printed_character_of_the_truth(simulated):
    for _, files, data, _ in simulated:
        missing, extra = conserve.compare(decode(data).text, files)
        assert not missing and not extra, (missing, extra)


def test_the_record_numbers_lines_as_cleanup_does(simulated):
    for _, _, data, record in simulated:
        text = decode(data).text
        assert [label.text for label in record] == [line for _, line in _split(text)]


def test_each_block_is_its_segments_in_dump_order(simulated):
    """The record is right: a block's recorded stretches, read in dump order, are the block."""
    for items, _, _, record in simulated:
        held = {}
        for label in record:
            for segment in label.segments:
                held.setdefault((segment.item, segment.block), []).append(label.text[segment.start:segment.end])
        for item in items:
            for index, block in enumerate(item.blocks):
                assert fold("".join(held[item.number, index]))[0] == fold(block.text)[0], (item.number, index)


def test_items_keep_their_order_of_first_appearance(simulated):
    """So the truth's file numbers (by the item's earliest block) stay right."""
    for items, _, _, record in simulated:
        first = [s.item for label in record for s in label.segments if s.starts_item]
        assert first == [item.number for item in items if item.blocks]


def test_damage_is_varied_across_seeds(simulated):
    """Every kind of damage the samples show turns up in a few dozen pages."""
    seen, encodings = set(), set()
    for items, _, data, record in simulated:
        decoded = decode(data)
        encodings.add(decoded.encoding.replace("-sig", ""))
        blocks = {(item.number, index): block.text for item in items for index, block in enumerate(item.blocks)}
        seen |= {name for name, shows in DAMAGE.items() if shows(decoded.text, record, blocks)}
    assert seen == set(DAMAGE), set(DAMAGE) - seen
    assert {"utf-8", "gb18030", "utf-16"} <= encodings, encodings


def _lines(text):
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _caption_inside(record):
    """A caption printed between two lines of one body paragraph of another item."""
    order = [s for _, s in _order(record)]
    for k, segment in enumerate(order):
        if segment.role == "caption" and 0 < k:
            before = order[k - 1]
            after = next((s for s in order[k + 1:] if s.item != segment.item), None)
            if before.role == "body" and after and (after.item, after.block) == (before.item, before.block):
                return True
    return False


def _order(record):
    """(line index, segment) in dump order, blank lines left out."""
    return [(n, s) for n, label in enumerate(record) for s in label.segments]


DAMAGE = {
    "spread": lambda text, record, blocks: bool(regex.search(r"(\p{Han} ){5}\p{Han}", text)),
    "digit space": lambda text, record, blocks: bool(regex.search(r"\p{Han} \d|\d \p{Han}", text)),
    "half-width marks": lambda text, record, blocks: bool(regex.search(r"\p{Han}[,;:?!()]", text)),
    "U+3000 indent": lambda text, record, blocks: any(line.startswith("\u3000\u3000") for line in _lines(text)),
    "tab indent": lambda text, record, blocks: any(line.startswith("\t") for line in _lines(text)),
    "space indent": lambda text, record, blocks: bool(regex.search(r"(?m)^ \p{Han}", text)),
    "CRLF": lambda text, record, blocks: "\r\n" in text,
    "CR": lambda text, record, blocks: "\r" in text and "\r\n" not in text,
    "leading blank lines": lambda text, record, blocks: not record[0].segments,
    "double spacing": lambda text, record, blocks: sum(
        bool(a.segments) and not b.segments for a, b in zip(record, record[1:])) > 0.9 * sum(bool(a.segments) for a in record),
    "column jump": lambda text, record, blocks: any(
        a.segments and not b.segments and c.segments and a.segments[-1].block == c.segments[0].block
        and a.segments[-1].item == c.segments[0].item and not c.segments[0].starts_block
        for a, b, c in zip(record, record[1:], record[2:])),
    "caption inside a story": lambda text, record, blocks: _caption_inside(record),
    "headline after its story": lambda text, record, blocks: any(
        s.role == "title" and not s.starts_item for _, s in _order(record)),
    "headline run": lambda text, record, blocks: any(
        a.role == "title" and b.role in ("title", "subtitle") and a.item != b.item and not a.starts_item
        for (_, a), (_, b) in zip(_order(record), _order(record)[1:])),
    "run-in credit": lambda text, record, blocks: any(
        [s.role for s in label.segments] == ["caption", "credit"] for label in record),
    "spread name": lambda text, record, blocks: any(
        s.role in ("byline", "credit") and label.text[s.start:s.end].count(" ") > blocks[s.item, s.block].count(" ")
        for label in record for s in label.segments),
    "column label": lambda text, record, blocks: any(s.role == "column" for _, s in _order(record)),
    "running head and foot": lambda text, record, blocks: any(
        s.role == "furniture" for s in record[-1].segments + record[-2].segments),
    "title on two lines": lambda text, record, blocks: any(
        s.role == "title" and not s.starts_block for _, s in _order(record)),
}


def test_cleanup_conserves_characters_on_simulated_pages(simulated):
    for _, _, data, _ in simulated[:30]:
        page = pipeline.clean(data, "sim.txt")
        missing, extra = conserve.compare(decode(data).text, list(output.page_files(page).values()))
        assert not missing and not extra, (missing, extra)


def test_labels_agree_with_the_simulators_record(simulated):
    counts = {}
    for items, _, data, record in simulated:
        counts = _add(counts, labelcheck.compare(record, label_lines(decode(data).text, items)))
    assert counts["agree"] / counts["lines"] >= 0.995, counts
    assert counts["starts_item"] / counts["lines"] >= 0.995, counts


def test_labels_hold_up_under_misreadings_and_joined_columns(simulated):
    counts = {}
    for items, _, _, record in simulated[:20]:
        rng = random.Random(len(record))
        damaged = labelcheck.join_columns(labelcheck.misread(record, 0.05, rng), rng)
        text = "\n".join(label.text for label in damaged) + "\n"
        counts = _add(counts, labelcheck.compare(damaged, label_lines(text, items)))
    assert counts["agree"] / counts["lines"] >= 0.98, counts


def test_labels_read_traditional_script_and_radical_code_points(simulated):
    counts = {}
    for items, _, _, record in simulated[:10]:
        restyled = labelcheck.restyle(record, random.Random(len(record)))
        assert any(label.text != plain.text for label, plain in zip(restyled, record))
        text = "\n".join(label.text for label in restyled) + "\n"
        counts = _add(counts, labelcheck.compare(restyled, label_lines(text, items)))
    assert counts["agree"] / counts["lines"] >= 0.995, counts


# Lines of the golden dumps read against their judgment calls (golden/README.md):
# (page, line, [(role, item, block, starts_block, starts_item), ...]).
GOLDEN_LINES = [
    ("000_d20242aeae1e2cd8", 1, [("title", 1, 0, True, True)]),
    ("000_d20242aeae1e2cd8", 4, [("byline", 1, 2, True, False)]),
    ("000_d20242aeae1e2cd8", 18, [("body", 2, 3, False, False)]),  # 和 灭 火 器 材 … 的 知
    ("000_d20242aeae1e2cd8", 20, [("body", 2, 3, False, False)]),  # 识。 after the column jump
    ("000_d20242aeae1e2cd8", 123, [("title", 2, 0, True, False)]),  # the headline run after the briefs
    ("000_d20242aeae1e2cd8", 124, [("title", 2, 0, False, False)]),
    ("000_d20242aeae1e2cd8", 127, [("title", 4, 0, True, False)]),
    ("000_d20242aeae1e2cd8", 132, [("caption", 6, 0, True, True)]),
    ("000_d20242aeae1e2cd8", 148, [("body", 1, 3, True, False)]),  # the feature's lede, far from its headline
    ("000_d20242aeae1e2cd8", 177, [("heading", 1, 5, True, False)]),
    ("001_5c50730ce092d865", 21, [("body", 1, 7, False, False)]),  # 博集团… after 坤 / (blank)
    ("001_5c50730ce092d865", 84, [("credit", 6, 1, True, False)]),
    ("002_db47d546c139d7a6", 1, [("title", 1, 0, True, True)]),  # 编者按
    ("002_db47d546c139d7a6", 25, [("byline", 2, 2, True, False)]),
    ("003_aa2afd14d305bbb0", 49, [("title", 4, 0, True, False)]),  # a headline printed after its story
    ("003_aa2afd14d305bbb0", 63, [("caption", 6, 0, False, False), ("credit", 6, 1, True, False)]),
    ("004_e98120198b7128b3", 43, [("column", 2, 0, True, True)]),
    ("004_e98120198b7128b3", 99, [("credit", 6, 1, True, False)]),
]


@pytest.mark.parametrize(("page", "no", "want"), GOLDEN_LINES)
def test_golden_lines_are_labelled_as_read(page, no, want):
    labels = _golden_labels(page)
    got = [(s.role, s.item, s.block, s.starts_block, s.starts_item) for s in labels[no - 1].segments]
    assert got == want, labels[no - 1].text


def test_golden_run_in_credit_is_cut_at_its_space():
    line = _golden_labels("003_aa2afd14d305bbb0")[62]
    caption, credit = line.segments
    assert line.text[credit.start:credit.end] == "本报记者 杨翠叶"
    assert line.text[caption.end - 1] == "。"


def test_golden_pages_have_no_noise_and_every_line_a_label():
    for page in TRUTHS:
        for label in _golden_labels(page.name):
            assert bool(label.segments) == bool(label.text.strip()), label
            assert all(s.role != "noise" for s in label.segments), label


def test_labels_cli_prints_a_row_per_line(capsys):
    assert labels_main([str(GOLDEN / "003_aa2afd14d305bbb0.txt"), str(GOLDEN / "003_aa2afd14d305bbb0")]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0].split("\t") == ["no", "role", "item", "block", "starts", "text"]
    assert len(rows) == 1 + 75 and rows[63].split("\t")[:5] == ["63", "caption+credit", "6+6", "0+1", "-+B"]


def test_labels_cli_names_a_bad_truth_folder(capsys, tmp_path):
    assert labels_main([str(GOLDEN / "003_aa2afd14d305bbb0.txt"), str(tmp_path)]) == 1
    assert capsys.readouterr().err.startswith("error:")


def test_spec_has_its_sim_table():
    spec = load_spec()
    assert spec["width"] == [11, 30] and set(spec["encoding"]) >= {"utf-8", "utf-8-sig", "gb18030", "utf-16"}


_CACHE: dict[str, list] = {}


def _golden_labels(page: str):
    if page not in _CACHE:
        text = decode((GOLDEN / f"{page}.txt").read_bytes()).text
        _CACHE[page] = label_lines(text, read_truth(GOLDEN / page))
    return _CACHE[page]


def _split(text: str):
    from cleanup.layout import split_lines

    return split_lines(text)


def _add(counts: dict, more) -> dict:
    return {key: counts.get(key, 0) + more.get(key, 0) for key in set(counts) | set(more)}

