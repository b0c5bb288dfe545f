"""Item.spans: the dump lines each item came from, as the manifest and the review page use them."""

from hypothesis import HealthCheck, example, given, settings

from cleanup import conserve, output, pipeline
from cleanup.layout import split_lines

from .conftest import DUMPS
from .test_properties import GOLDEN_LINES, mixed_page

ROLES = {"title", "subtitle", "byline", "body", "heading", "caption", "credit", "column", "furniture", "noise"}


def _assert_spans_hold(text: str) -> None:
    """Every printed line lies in one item's spans, and each item's lines hold exactly its characters."""
    page = pipeline.clean_text(text, "p.txt")
    lines = dict(split_lines(text))
    owner: dict[int, int] = {}
    for k, (item, markdown) in enumerate(zip(page.items, output.page_files(page).values())):
        assert item.spans and all(first <= last and role in ROLES for first, last, role in item.spans), item.spans
        numbers = sorted({n for first, last, _ in item.spans for n in range(first, last + 1)})
        for n in numbers:
            assert owner.setdefault(n, k) == k, f"line {n} in items {owner[n] + 1} and {k + 1}"
        # the item's own lines, not the page's: a span off by one line breaks this
        want = conserve.printed_characters("\n".join(lines[n] for n in numbers))
        have = conserve.printed_characters(conserve.item_text(markdown))
        assert want == have, (item.title, want - have, have - want)
    printed = {n for n, line in lines.items() if line.strip()}
    assert printed <= owner.keys(), sorted(printed - owner.keys())


def test_spans_of_the_golden_pages_cover_every_line_once_with_its_items_characters():
    for dump in DUMPS:
        _assert_spans_hold(dump.read_bytes().decode("utf-8-sig"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mixed_page)
# a page's stories twice over: the column stage puts a run of heads back out of dump order, and the
# ——subtitle AS rejoined to the title ending the run before took that title's blocks by line number, so
# a headline of another group too (铁东区北门街开展普法宣讲活动: the title of two items)
@example("\n".join(GOLDEN_LINES[1][31:78] + GOLDEN_LINES[1][32:77] + GOLDEN_LINES[0][1:2]))
# a wrapped story, then one-line paragraphs whose phrase spaces were taken for gutters: the page was
# de-interleaved and a line cut at “守正道 送新风 went to two items (issue 14, seed 104)
@example("\n".join(GOLDEN_LINES[0][172:232] + GOLDEN_LINES[1][29:81] + GOLDEN_LINES[3][2:21] * 2 + GOLDEN_LINES[3][2:19]))
def test_spans_of_mixed_real_pages_cover_every_line_once_with_its_items_characters(text):
    """Shuffled real lines reach the repairs that move paragraphs between items (AS05, AS10, AS12...)."""
    _assert_spans_hold(text)


def test_a_headline_title_subtitle_byline_and_body_get_their_roles():
    page = pipeline.clean_text("普及消防知识\n提高自救能力\n\n本报通讯员 王欣\n\n"
                               "本报讯（通讯员 王欣）为进一步提高居民自救互救、参与火灾扑救的能力，近日开展宣传活动。\n", "p.txt")
    (item,) = page.items
    assert [role for _, _, role in item.spans] == ["title", "title", "byline", "body"]
    assert [(first, last) for first, last, _ in item.spans] == [(1, 1), (2, 2), (4, 4), (6, 6)]
