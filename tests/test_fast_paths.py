"""The fast paths give the plain definitions' answers: cheap pre-checks never turn away a match,
the sliding column-width window finds what counting each line's neighbours finds, and a similarity
cut short is cut only under its floor."""

import unicodedata
from collections import Counter
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from cleanup import layout, normalize, polish, shapes, wordmatch
from cleanup.heads import Head
from cleanup.rulebook import REGISTRY

# Characters that the shape regexes and the rules' pre-checks look for, and some they do not.
ALPHABET = "本报记者通讯员新华社摄影供图文编者按市委书记主任何嘉王鹏的了是一二月日，。、；：？！“”‘’（）()" \
           " \u3000\t\u00a0\x1c\u2028,:;?!\"'-—%aZ09０Ａ\u2f1f\u2e8c"
# ...and lines put together like bylines and credits, near misses included.
pick = st.sampled_from
credit_like = st.tuples(
    pick(["", "（", "社区开设培训班。 "]), pick(["本报记者", "记者", "文/图", "四平市委书记", "主任", ""]),
    pick(["", " ", "\u3000"]), pick(["何嘉", "王 鹏", "何嘉说"]), pick(["", " 王鹏", " 通讯员 王欣"]),
    pick(["", " 摄", "供图", "拍摄"]), pick(["", "）", "。"]),
).map("".join)
line = st.one_of(st.text(alphabet=ALPHABET, max_size=40), credit_like)
SETTINGS = settings(max_examples=400, deadline=None)
GOLDEN = Path(__file__).resolve().parent.parent / "golden"


@settings(max_examples=1500, deadline=None)
@given(line)
def test_shape_pre_checks_turn_away_no_match(text):
    plain = text.strip()
    credit = len(plain) <= 40 and bool(shapes.CREDIT_RE.match(plain))
    byline = (len(plain) <= 60 and not credit
              and bool(shapes.BYLINE_RE.match(plain) or shapes.OFFICE_BYLINE_RE.match(plain)))
    closed_up = (len(plain) <= 40 and not credit and " " not in plain and "\u3000" not in plain
                 and bool(shapes.UNSPACED_BYLINE_RE.match(plain) or shapes.UNSPACED_OFFICE_BYLINE_RE.match(plain)))
    byline = byline or closed_up
    assert shapes.is_credit(text) == credit
    assert shapes.is_byline(text) == byline
    run_in = shapes.RUN_IN_CREDIT_RE.match(text) or shapes._UNSPACED_RUN_IN_CREDIT_RE.match(text) \
        or shapes._NAMED_RUN_IN_CREDIT_RE.match(text)
    assert bool(shapes.run_in_credit(text)) == bool(run_in)


@SETTINGS
@given(line)
def test_rule_pre_checks_turn_away_only_text_the_rule_keeps(text):
    kangxi = normalize._KANGXI_RE.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    plain = {
        "NM03": text.translate(normalize._FULLWIDTH_ALNUM),
        "NM04": kangxi.translate(normalize._RADICALS),
        "SP01": polish._SPACES_RE.sub(" ", text).strip(),
        "SP02": polish._SPREAD_RE.sub("", text),
        "SP03": polish._ALNUM_SPACE_RE.sub("", text),
        "SP04": polish._PUNCT_SPACE_RE.sub("", text),
    }
    for code, expected in plain.items():
        assert REGISTRY[code].func(text) == expected, code


def _width_by_counting(lengths, usable, i):
    """The plain definition: count the usable lines within _WINDOW of line i afresh."""
    lo, hi = max(0, i - layout._WINDOW), min(len(lengths), i + layout._WINDOW + 1)
    near = [round(lengths[j]) for j in range(lo, hi) if usable[j]]
    if len(near) < 3:
        return None
    counts = Counter(near)
    best, support = max(((c, sum(counts[c + d] for d in (-1, 0, 1))) for c in counts), key=lambda cs: (cs[1], cs[0]))
    return float(best) if support >= max(3, 0.35 * len(near)) else None


lengths = st.lists(st.one_of(st.integers(0, 30).map(float), st.sampled_from([12.0, 12.5, 13.0, 13.5, 14.0])),
                   max_size=50)


@SETTINGS
@given(lengths, st.randoms())
def test_sliding_width_window_matches_counting(values, rng):
    usable = [rng.random() < 0.8 for _ in values]
    expected = tuple(_width_by_counting(values, usable, i) for i in range(len(values)))
    assert layout._local_widths(tuple(values), usable) == expected


# Headlines and story text cut from the golden pages, so that many pairs share words.
_GOLDEN_TEXT = "".join(p.read_text(encoding="utf-8") for p in sorted(GOLDEN.glob("*.txt")))
snippet = st.tuples(st.integers(0, len(_GOLDEN_TEXT)), st.integers(0, 600)).map(lambda t: _GOLDEN_TEXT[t[0]:t[0] + t[1]])


@SETTINGS
@given(snippet.map(lambda s: s[:30]), snippet, st.floats(0.0, 1.2))
def test_similarity_cut_short_only_under_its_floor(title, story, below):
    head = Head(title=title)
    exact = wordmatch.similarity(head, story)
    cut = wordmatch.similarity(wordmatch.Words(head.text), wordmatch.Story(story), below)
    assert cut == exact or (cut is None and exact < below)
