"""Structure does not depend on the script: a page in traditional characters is split as in simplified."""

from pathlib import Path

import opencc
import pytest

from cleanup import lexicon, output, pipeline

from .conftest import DUMPS

TO_TRADITIONAL, TO_SIMPLIFIED = opencc.OpenCC("s2t.json"), opencc.OpenCC("t2s.json")


def _items(text: str, name: str) -> dict[str, str]:
    return {k: v for k, v in output.page_files(pipeline.clean_text(text, name)).items() if k.endswith(".md")}


@pytest.mark.parametrize("dump", DUMPS, ids=lambda p: p.stem)
def test_a_golden_page_in_traditional_script_gives_the_same_items(dump: Path):
    """Compared through t2s: OpenCC converts a word cut by a line break otherwise than the whole word."""
    text = dump.read_text(encoding="utf-8")
    simplified = _items(text, dump.name)
    traditional = _items(TO_TRADITIONAL.convert(text), dump.name)
    assert sorted(traditional) == sorted(simplified)
    for name, item in simplified.items():
        assert TO_SIMPLIFIED.convert(traditional[name]) == TO_SIMPLIFIED.convert(TO_TRADITIONAL.convert(item)), name


def test_the_rule_data_reads_both_scripts():
    lex = lexicon.load()
    assert {"本报记者", "本報記者"} <= set(lex.byline_roles)
    assert {"编者按", "編者按"} <= set(lex.note_openers)
    assert lex.dateline_re.match("本報訊（記者 王歡）") and lex.dateline_re.match("本报讯（记者 王欢）")
