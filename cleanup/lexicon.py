"""Load the rule data in rules/*.toml once, as frozensets and compiled regexes."""

from __future__ import annotations

import functools
import re
import tomllib
import warnings
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import regex


@dataclass(frozen=True, slots=True)
class Lexicon:
    invisible: frozenset[str]
    radicals: dict[str, str]
    kangxi_simplified: dict[str, str]  # a two-form character's radical -> its simplified form
    widen: dict[str, str]
    sentence_end: frozenset[str]
    closers: frozenset[str]
    never_start: frozenset[str]
    number_units: frozenset[str]
    dangling_ends: frozenset[str]
    byline_roles: tuple[str, ...]  # longest first, so 本报记者 wins over 记者
    office_suffixes: tuple[str, ...]
    office_units: str  # characters of a unit right before an office (市委书记)
    name_stops: str  # characters that go on a sentence, never end a name
    byline_bullets: str
    credit_suffixes: tuple[str, ...]
    photographer_suffixes: tuple[str, ...]  # the credit suffixes a bare name carries (谭永生 摄)
    dateline_re: re.Pattern | regex.Pattern  # datelines and attributions: what opens a paragraph
    attribution_re: re.Pattern | regex.Pattern
    note_openers: tuple[str, ...]
    caption_cue_re: re.Pattern | regex.Pattern
    caption_formula_re: re.Pattern | regex.Pattern  # matched at a paragraph's start (CL30)
    event_verb_re: re.Pattern | regex.Pattern


def _rules_dir() -> Path:
    """rules/ ships inside the installed package; in a checkout it sits beside it."""
    packaged = resources.files("cleanup") / "rules"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "rules"


def read_rules(name: str) -> dict:
    """One rules/*.toml file, parsed (for the stages that keep their own tables there)."""
    return _read(name)


def _read(name: str) -> dict:
    with open(_rules_dir() / name, "rb") as handle:
        return tomllib.load(handle)


@functools.cache
def load() -> Lexicon:
    chars, punct, markers = _read("characters.toml"), _read("punctuation.toml"), _read("markers.toml")
    markers = {key: _both_scripts(value) for key, value in markers.items()}
    punct = {**punct, **{key: "".join(dict.fromkeys(_both_scripts(list(punct[key])))) for key in ("dangling_ends", "number_units")}}
    by_length = lambda words: tuple(sorted(words, key=len, reverse=True))  # noqa: E731
    return Lexicon(
        invisible=frozenset(chars["invisible"]),
        radicals=dict(chars["radical_supplement"]),
        kangxi_simplified=dict(chars["kangxi_simplified"]),
        widen=dict(punct["widen"]),
        sentence_end=frozenset(punct["sentence_end"]),
        closers=frozenset(punct["closers"]),
        never_start=frozenset(punct["never_start"]),
        number_units=frozenset(punct["number_units"]),
        dangling_ends=frozenset(punct["dangling_ends"]),
        byline_roles=by_length(markers["byline_roles"]),
        office_suffixes=by_length(markers["office_suffixes"]),
        office_units="".join(dict.fromkeys(markers["office_units"])),
        name_stops="".join(dict.fromkeys(markers["name_stops"])),
        byline_bullets="".join(markers["byline_bullets"]),
        credit_suffixes=by_length(markers["credit_suffixes"]),
        photographer_suffixes=by_length(markers["photographer_suffixes"]),
        dateline_re=_at_start(markers["dateline_patterns"] + markers["attribution_patterns"]),
        attribution_re=compile_pattern("|".join(f"(?:{p})" for p in markers["attribution_patterns"])),
        note_openers=by_length(markers["note_openers"]),
        caption_cue_re=compile_pattern("|".join(markers["caption_cues"])),
        caption_formula_re=compile_pattern("|".join(f"(?:{p})" for p in markers["caption_formulas"])),
        event_verb_re=compile_pattern("|".join(re.escape(v) for v in markers["event_verbs"])),
    )


def _both_scripts(words: list[str]) -> list[str]:
    """Each word or pattern followed by its traditional form (OpenCC s2t), where that differs.

    The rule data is written in simplified characters; a page printed in traditional ones
    (or converted) must be read the same: 本报记者 and 本報記者 are one byline role.
    Patterns convert safely: OpenCC changes only Han characters, never regex syntax.

    >>> _both_scripts(["本报记者", "■"])
    ['本报记者', '本報記者', '■']
    """
    out = []
    for word in words:
        out.append(word)
        other = converter("s2t").convert(word)
        if other != word:
            out.append(other)
    return out


@functools.cache
def converter(name: str):
    """An OpenCC converter ("s2t", "t2s", or a config file), made once a process.

    OpenCC is imported only when one is first asked for: it is slow to load (about 0.08 s).
    """
    import opencc

    return opencc.OpenCC(name if name.endswith(".json") else f"{name}.json")


TRADITIONAL_SHARE = 0.05  # a page's characters OpenCC's t2s changes, more than this share: printed in traditional ones


def printed_traditional(numbered: list[tuple[int, str]]) -> bool:
    """Whether a page is printed in traditional characters: OpenCC's t2s changes more than TRADITIONAL_SHARE of them.

    >>> printed_traditional([(1, "運用科學方法，推動經濟發展")]), printed_traditional([(1, "运用科学方法，推动经济发展")])
    (True, False)
    """
    text = "".join(t.strip() for _, t in numbered)
    simple = converter("t2s").convert(text)
    changed = sum(1 for a, b in zip(text, simple) if a != b) if len(simple) == len(text) else len(text)
    return changed > TRADITIONAL_SHARE * max(1, len(text))


def compile_pattern(pattern: str) -> re.Pattern | regex.Pattern:
    """A rule-data pattern: Python's `re` syntax, or the `regex` module's where `re` cannot read
    it (\\p{Han}) or warns that it reads it otherwise ([[:alpha:]]). `re` is used when it can:
    these run on every line, and it is several times faster on such plain patterns.

    >>> [compile_pattern(p).__class__.__module__ for p in (r"^本报讯", r"\\p{Han}", "[[:alpha:]]")]
    ['re', '_regex', '_regex']
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # FutureWarning: re would read a nested set another way
            return re.compile(pattern)
    except (re.error, FutureWarning):
        return regex.compile(pattern)


def _at_start(patterns: list[str]) -> re.Pattern | regex.Pattern:
    """One regex for patterns that are only ever matched at the start of a text (re.match).

    Each pattern's own ^ is dropped for one ^ before the alternation: regex then
    turns a text away in two thirds of the time, and .match means the same.
    """
    return compile_pattern("^(?:" + "|".join(f"(?:{p.removeprefix('^')})" for p in patterns) + ")")


@functools.cache
def codes() -> dict[str, dict[str, str]]:
    """The codes of warnings and explain steps that are not rules: name, summary, doc (rules/codes.toml)."""
    return {code: {key: value.strip() for key, value in entry.items()} for code, entry in _read("codes.toml").items()}
