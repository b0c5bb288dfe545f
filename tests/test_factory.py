"""The page factory's composer and the committed corpus it made (issue 12 §2–3).

No Chromium here: pages are composed, not printed. The corpus's truth is held to
FORMAT.md, and each recorded page is composed again from its spec, seed and bands: its
truth must come out the same, and hold exactly the characters the page prints.
"""

import copy
import doctest
import json
import statistics
import unicodedata
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from benchmarks.factory import build, compose, html, layout, pool, printed, stories, truth
from cleanup import wordmatch
from benchmarks.factory.draw import load_spec
from benchmarks.factory.stories import Source
from cleanup import conserve

from .test_expected_files import KEY_ORDER, commonmark_blocks, plain_blocks, split

CORPUS = Path(__file__).parent / "corpus"
SPLITS = ("fit", "check")
KINDS = {"article", "photo", "note", "furniture"}


@lru_cache(maxsize=4)
def _source(half: str, spec_path: str | None = None) -> tuple[dict, Source]:
    spec = load_spec(Path(spec_path)) if spec_path else load_spec()
    return spec, Source(pool.load_pool()["halves"][half], spec)


def _page(seed: int, half: str, spec_path: str | None = None, keep=None):
    spec, source = _source(half, spec_path)
    page = compose.compose(seed, spec, source, keep)
    return html.render(page, with_images=False), page.items()


def test_print_transforms_and_band_fitting_examples():
    for module in (printed, build, layout, stories, truth):
        assert doctest.testmod(module).failed == 0


@pytest.mark.parametrize("half", SPLITS)
def test_the_same_seed_makes_the_same_page_and_truth(half):
    first, second = _page(7, half), _page(7, half)
    assert first[0] == second[0]
    assert [truth.render_item(i, "p.txt") for i in first[1]] == [truth.render_item(i, "p.txt") for i in second[1]]
    assert _page(8, half)[0] != first[0]


@pytest.mark.parametrize("half", SPLITS)
@pytest.mark.parametrize("seed", range(12))
def test_truth_holds_exactly_the_characters_the_page_prints(half, seed):
    document, items = _page(seed, half)
    files = [truth.render_item(item, "p.txt") for item in items]
    missing, extra = conserve.compare(html.visible_text(document), files)
    assert not missing and not extra, f"missing {''.join(missing.elements())!r}, extra {''.join(extra.elements())!r}"


CLAUSE_MARKS = "，。；：！？"


@pytest.mark.parametrize("half", SPLITS)
def test_added_dash_lines_are_whole_clauses(half):
    """A clause lifted into a —— line starts and ends at punctuation, never mid-word."""
    lifted = 0
    for seed in range(30):
        for item in _page(seed, half)[1]:
            texts = [b.text for b in item.blocks if b.role == "body"]
            for block in item.blocks:
                if not (block.role == "body" and block.text.startswith("——") and len(block.text) <= 17):
                    continue
                clause = block.text[2:-1]
                for home in [t for t in texts if clause in t and not t.startswith("——")]:
                    at = home.index(clause)
                    lifted += 1
                    assert at == 0 or home[at - 1] in CLAUSE_MARKS + "“", (clause, home)
                    assert home[at + len(clause):][:1] in CLAUSE_MARKS + "”", (clause, home)
    assert lifted >= 5


@pytest.mark.parametrize("half", SPLITS)
def test_section_headings_speak_of_their_section_as_real_ones_do(half):
    """Real section headings share about a third of their pairs with the text under them, and some with the story above.

    (The golden and dev pages' 17 headings: a median of 0.27 under, 0.42 above.) A clause
    copied whole would share all of them under and few above, and teach the labeller that
    a line the text below repeats is a heading, not a title.
    """
    under, above = [], []
    for seed in range(40):
        for item in _page(seed, half)[1]:
            blocks = [b for b in item.blocks if b.role in ("body", "heading")]
            for k, block in enumerate(blocks):
                if block.role == "heading" and 0 < k < len(blocks) - 1:
                    under.append(wordmatch.shared_share(block.text, blocks[k + 1].text))
                    above.append(wordmatch.shared_share(block.text, " ".join(b.text for b in blocks[:k])))
    assert len(under) >= 10
    assert 0.15 <= statistics.median(under) <= 0.6 and statistics.median(above) >= 0.15


def _one_phrase_titles(seed: int, half: str, index: int) -> tuple[int, int]:
    """A page's titles, and those of them that are one whole clause of a story of the pool, 6-16 characters."""
    spec, source = _source(half)
    found = {stories.unquote(c) for s in source.articles for _, text in s["blocks"] for c in stories.clauses(text, 6, 16)}
    titles = [t for t in ("".join(b.text for b in item.blocks if b.role == "title")
                          for item in compose.compose(seed, spec, source, None, index).items() if item.kind == "article") if t]
    return len(titles), sum(t.split("：")[-1] in found for t in titles)


@pytest.mark.parametrize("half", SPLITS)
def test_one_phrase_titles_of_couplet_length_only_on_later_pages(half):
    """From page one_phrase_from on, a share of titles are one phrase as long as a couplet (中国武器出口升至世界第五
    beside 站好岗 放好哨): a whole clause of the story, 6-16 characters, no phrase space. Earlier pages
    draw nothing for them, so the committed corpus comes again byte for byte."""
    spec, source = _source(half)
    first = spec["headline"]["one_phrase_from"]
    assert [truth.render_item(i, "p.txt") for i in compose.compose(3, spec, source, None, first - 1).items()] \
        == [truth.render_item(i, "p.txt") for i in compose.compose(3, spec, source).items()]
    earlier = [_one_phrase_titles(seed, half, first - 1) for seed in range(40)]
    later = [_one_phrase_titles(seed, half, first) for seed in range(40)]
    share = sum(c for _, c in later) / sum(t for t, _ in later)
    assert sum(c for _, c in earlier) / sum(t for t, _ in earlier) < 0.05
    assert 0.4 * spec["headline"]["one_phrase"] <= share <= 1.5 * spec["headline"]["one_phrase"]


def _caption_shares(seed: int, half: str, index: int) -> list[float]:
    """Per photo of a page: the share of its caption's word pairs that an article of the page prints."""
    spec, source = _source(half)
    items = compose.compose(seed, spec, source, None, index).items()
    articles = [" ".join(t for _, t in i.paragraphs) for i in items if i.kind == "article"]
    return [max((wordmatch.shared_share(" ".join(i.texts("caption")), a) for a in articles), default=0.0)
            for i in items if i.kind == "photo"]


@pytest.mark.parametrize("half", SPLITS)
def test_captions_tell_their_own_story_only_on_later_pages(half):
    """From page caption_own_story_from on, a caption is told from the story it stands in or beside, so it
    shares that story's words as on real pages (earlier pages drew it from a shared pool, and a
    "words shared with the story" cue looked like a caption detector there only). Earlier pages draw
    nothing new, so the committed corpus comes again byte for byte."""
    spec, source = _source(half)
    first = spec["photo"]["caption_own_story_from"]
    without = copy.deepcopy(spec)
    del without["photo"]["caption_own_story_from"]
    plain = Source(pool.load_pool()["halves"][half], without)
    for seed in range(3):
        assert [truth.render_item(i, "p.txt") for i in compose.compose(seed, spec, source, None, first - 1).items()] \
            == [truth.render_item(i, "p.txt") for i in compose.compose(seed, without, plain, None, first - 1).items()]
    earlier = [s for seed in range(30) for s in _caption_shares(seed, half, first - 1)]
    later = [s for seed in range(30) for s in _caption_shares(seed, half, first)]
    assert len(earlier) >= 50 and len(later) >= 50
    assert statistics.median(earlier) < 0.3 and statistics.median(later) >= 0.7
    assert sum(s >= 0.5 for s in later) / len(later) >= 0.85


def test_pool_halves_share_no_story():
    halves = pool.load_pool()["halves"]
    fit = {json.dumps(s["blocks"], ensure_ascii=False) for s in halves["fit"]}
    assert not any(json.dumps(s["blocks"], ensure_ascii=False) in fit for s in halves["check"])
    assert all(halves[h] for h in SPLITS)


def _recipes() -> list[tuple[str, dict]]:
    pages = []
    for half in SPLITS:
        recipe_path = CORPUS / half / "recipe.json"
        if recipe_path.exists():
            pages += [(half, page) for page in json.loads(recipe_path.read_text())["pages"]]
    return pages


def test_the_corpus_is_there_in_both_splits():
    counts = {half: sum(1 for h, _ in _recipes() if h == half) for half in SPLITS}
    assert counts["fit"] >= 60 and counts["check"] >= 20, counts


def check_truth_file(path: Path) -> dict:
    text = path.read_bytes().decode("utf-8")
    assert text == unicodedata.normalize("NFC", text)
    assert "\r" not in text and text.endswith("\n") and not text.endswith("\n\n")
    head, body = split(text)
    meta = yaml.safe_load(head)
    assert list(meta) == [k for k in KEY_ORDER if k in meta], f"keys out of order: {list(meta)}"
    assert meta["source"] == path.parent.name + ".txt"
    assert meta["kind"] in KINDS
    assert all(isinstance(v, str) and v and v == v.strip() for v in meta.values())
    assert all(line == line.strip() for line in body.splitlines())
    assert commonmark_blocks(body) == plain_blocks(body)
    if meta.get("title"):
        assert body.startswith("# "), "a title is printed as the first block"
    else:
        assert not body.startswith("#")
    if meta["kind"] == "furniture":
        assert set(meta) == {"source", "kind"}
    return meta


@pytest.mark.parametrize("half,page", _recipes(), ids=lambda v: v if isinstance(v, str) else v["stem"])
def test_corpus_page_truth_is_well_formed_and_alike_in_every_dump(half, page):
    folders = sorted((CORPUS / half / "truth").glob(f"{page['stem']}_*"))
    groups = [f.name.split("_", 1)[1] for f in folders]
    assert set(groups) == set(build.GROUPS), groups  # every page has all seven dumps
    for group in groups:
        assert (CORPUS / half / "dumps" / f"{page['stem']}_{group}.txt").is_file()
    reference = None
    for folder in folders:
        files = sorted(folder.glob("*.md"))
        assert files and [f.name for f in files] == [f"{n:02d}.md" for n in range(1, len(files) + 1)]
        for path in files:
            check_truth_file(path)
        texts = [p.read_text(encoding="utf-8").replace(f"source: {folder.name}.txt\n", "", 1) for p in files]
        assert reference is None or texts == reference, f"{folder.name} differs from the page's other truth"
        reference = texts


@pytest.mark.parametrize("half,page", _recipes(), ids=lambda v: v if isinstance(v, str) else v["stem"])
def test_corpus_page_comes_again_from_its_spec_seed_and_bands(half, page):
    document, items = _page(page["seed"], half, str(CORPUS / half / "spec.toml"), page["bands"])
    name = f"{page['stem']}_pdftotext"
    folder = CORPUS / half / "truth" / name
    committed = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.md"))]
    assert [truth.render_item(item, f"{name}.txt") for item in items] == committed, "regenerate the corpus (tests/corpus/README.md)"
    missing, extra = conserve.compare(html.visible_text(document), committed)
    assert not missing and not extra


def _broadsheet_spec(on: bool) -> dict:
    spec = copy.deepcopy(load_spec())
    if on:
        spec["broadsheet"].update(staggered=1.0, two_rounds=1.0, one_line_chunks=0.5, wide_head=1.0,
                                  split_shares=[0.45, 1.8])
    return spec


def test_broadsheet_shapes_only_where_the_spec_asks_and_the_truth_still_holds():
    """The [broadsheet] shapes (compose.broadsheet) are off in the spec and absent from the fit corpus's
    spec: there the page comes again unchanged. Turned on, pages get stories set under others, bodies
    in two rounds of columns, loose bodies and wide headlines over narrower bodies, and the truth still
    holds exactly the characters printed."""
    off, absent = _broadsheet_spec(False), copy.deepcopy(load_spec())
    del absent["broadsheet"]
    for seed in range(3):
        pages = [compose.compose(seed, s, Source(pool.load_pool()["halves"]["fit"], s), None, 1000) for s in (off, absent)]
        assert html.render(pages[0], with_images=False) == html.render(pages[1], with_images=False)
    on = _broadsheet_spec(True)
    seen = {"below": 0, "round_cut": 0, "line_height": 0, "aside": 0}
    for seed in range(12):
        page = compose.compose(seed, on, Source(pool.load_pool()["halves"]["fit"], on), None, 1000)
        document = html.render(page, with_images=False)
        for module in (m for band in page.bands for m in band.modules):
            for shape in seen:
                seen[shape] += bool(getattr(module, shape))
        files = [truth.render_item(item, "p.txt") for item in page.items()]
        missing, extra = conserve.compare(html.visible_text(document), files)
        assert not missing and not extra, f"seed {seed}: missing {''.join(missing.elements())!r}, extra {''.join(extra.elements())!r}"
        if any(m.round_cut for band in page.bands for m in band.modules):
            assert '<p style="text-indent:0">' in document  # the paragraph goes on unindented
    assert all(seen.values()), seen


def test_a_grid_page_sets_every_story_at_one_measure():
    """[broadsheet] grid: every story's columns at one measure and type size (stories side by side read
    alike, as on a broadsheet's column grid), its body boxes as wide as those columns; the truth holds."""
    spec = _broadsheet_spec(False)
    spec["broadsheet"].update(grid=1.0, grid_chars=[11, 16])
    for seed in range(6):
        page = compose.compose(seed, spec, Source(pool.load_pool()["halves"]["fit"], spec), None, 1000)
        modules = [m for band in page.bands for m in band.modules if m.story.item.kind in ("article", "note")]
        assert 11 <= page.grid_chars <= 16 and modules
        assert {(m.chars, round(m.font, 6)) for m in modules} == {(page.grid_chars, round(page.body_pt * layout.MM_PER_PT, 6))}
        document = html.render(page, with_images=False)
        assert document.count("width:") >= len(modules)
        files = [truth.render_item(item, "p.txt") for item in page.items()]
        missing, extra = conserve.compare(html.visible_text(document), files)
        assert not missing and not extra
