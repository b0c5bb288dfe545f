"""Whether a page was read by an OCR engine, judged from its dump text alone.

A PDF text extractor copies the characters the typesetter set; an OCR engine guesses them from
the print, and its guesses leave marks no extractor writes: a wide gap or `|` where it read
across a gutter, a bracket read as 〈 or closed in the other width, a half-width clause mark
and space amid full-width text, a dash read as 一一 on a page that prints no ——, a quote
closed in the other width, a stroke read as |, a digit run with a bracket or a % misread in it.
Each cue is counted over the page and weighed (rules/ocrpage.toml, fitted by
benchmarks/ocrpage/fit.py on the fit split's Tesseract and text dumps): a weight for the cue
found at all, another for finding it again. As fitted, a gap alone is enough; any other cue
needs to be found twice or beside another (a typo of the print, one place, looks like one
misread; an engine repeats its habits). RapidOCR's text is nearly free of these marks: its
boxes tell it apart (columns.boxes_by_height), not this judgement.
"""

from __future__ import annotations

import functools
import re

from . import gutters, lexicon

_HAN = "\u4e00-\u9fff"
# a bracket read as 〈 that no 〉 closes on its line (〈〉 pairs inside 《》 are printed)
_ANGLE_RE = re.compile("〈(?![^〈〉\n]*〉)")
# a half-width clause mark and a space after a Han character (定增; 5月份): extractors copy the
# print's marks, and a page set in half-width marks sets no full-width ones near them
_HALF_SPACED_RE = re.compile(f"[{_HAN}][;:?!] (?=[{_HAN}0-9“\"])")
_FULL_RE = re.compile("[，；：？！]")
_NEAR = 2  # lines either side where a full-width mark shows the print's marks were full-width
# —— read as 一一 (a dash opens or closes on a mark or a line's edge; 一一解答 stands among Han)
_YIYI_RE = re.compile(f"(?:^|[^{_HAN}])一一|一一(?:$|[^{_HAN}])", re.M)
# a bracket or quote closed in the other width than it opened
_PAREN_MIX_RE = re.compile(r"[（〈《][^（）()〈〉《》\n]{0,30}\)|\([^（）()〈〉《》\n]{0,30}[）〉》]|《[^（）()《》\n]{0,30}）")
_QUOTE_MIX_RE = re.compile('“[^“”"\n]{0,40}"|"[^"“”\n]{1,40}”')
_WORDS = 4  # a line of fewer words is too short to call letter-spaced
# a stroke or rule read as | where no gutter was (a line of it alone, 党建引|领)
_BAR_RE = re.compile("[|｜]")
# a digit run broken by a misread: % read with a digit after it (0.40%6), a bracket among digits (1]月)
_DIGIT_JUNK_RE = re.compile(r"%[0-9]|[0-9][\]\[]|[\]\[][0-9]")
CUES = ("gaps", "angle", "half_spaced", "dash_yiyi", "paren_mix", "quote_mix", "bar", "digit_junk")


def counts(lines) -> dict[str, int]:
    """How often each cue shows on a page's lines.

    >>> found = counts(["本报讯〈记者 王欢)近日，", "改为竞价定增; 5月份以来，", "一一政策松绑"])
    >>> [cue for cue in CUES if found[cue]]
    ['angle', 'half_spaced', 'dash_yiyi', 'paren_mix']
    """
    lines = [line for line in lines if line.strip()]
    text = "\n".join(lines)
    full = [bool(_FULL_RE.search(line)) for line in lines]
    found = {
        # a letter-spaced line (an extractor's spread, 2008  年 全 年   235  人) holds gaps as wide
        "gaps": sum(1 for line in lines if gutters.ocr_gaps(line) and not _letter_spaced(line)),
        "angle": len(_ANGLE_RE.findall(text)),
        "half_spaced": sum(1 for k, line in enumerate(lines)
                           if _HALF_SPACED_RE.search(line) and any(full[max(0, k - _NEAR):k + _NEAR + 1])),
        "dash_yiyi": 0 if "——" in text else len(_YIYI_RE.findall(text)),
        "paren_mix": len(_PAREN_MIX_RE.findall(text)),
        "quote_mix": len(_QUOTE_MIX_RE.findall(text)),
        "bar": sum(1 for line in lines if _BAR_RE.search(line) and not gutters.ocr_gaps(line)),
        "digit_junk": len(_DIGIT_JUNK_RE.findall(text)),
    }
    return found


def _letter_spaced(line: str) -> bool:
    """Half a line's words or more are single characters: an extractor spaced its letters out
    (谁 知   50  张); an engine's gap parts phrases (场。     所持有的 | 陆良).

    >>> _letter_spaced("2008  年 全 年   235  人 的"), _letter_spaced("场。     所持有的 | 陆良")
    (True, False)
    """
    words = line.split()
    return len(words) >= _WORDS and sum(len(word) == 1 for word in words) >= 0.5 * len(words)


@functools.cache
def _model() -> tuple[float, dict[str, tuple[float, float]]]:
    data = lexicon.read_rules("ocrpage.toml")
    return float(data["bias"]), {cue: (float(w[0]), float(w[1])) for cue, w in data["weights"].items()}


def score(found: dict[str, int]) -> float:
    """The page's score: bias, plus each cue's weight once found and its second weight found twice."""
    bias, weights = _model()
    return bias + sum(once * (n >= 1) + again * (n >= 2) for cue, n in found.items() for once, again in [weights.get(cue, (0.0, 0.0))])


def read_by_ocr(lines) -> bool:
    """A page read by an OCR engine (HD04's gate, the doubt model's page cue): its cues weigh above 0.

    >>> read_by_ocr(["本报讯 记者", "场。     所持有的 | 陆良"]), read_by_ocr(["本报讯 记者"])
    (True, False)
    """
    return score(counts(lines)) > 0
