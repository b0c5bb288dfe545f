"""The @rule decorator, the registry of rules, and the runner that traces them.

A rule is a small pure function. Its code (NM01, SP02…) is stable and never
reused; its name is the function's name; its docstring's first line is its
one-line purpose and its doctests are its before/after examples.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .model import Step

STAGES = {
    "NM": "normalize", "NZ": "noise", "FU": "furniture", "JN": "join", "CL": "classify", "SP": "spacing",
    "PU": "punctuation", "CV": "convert", "CO": "columns", "AS": "assemble", "MD": "render",
}


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    func: Callable
    scope: frozenset[str]  # block roles a text rule applies to; empty = all

    @property
    def stage(self) -> str:
        return STAGES[self.code[:2]]

    @property
    def summary(self) -> str:
        return (self.func.__doc__ or "").strip().splitlines()[0]

    @property
    def doc(self) -> str:
        return (self.func.__doc__ or "").strip()


REGISTRY: dict[str, Rule] = {}


def rule(code: str, *, scope: Iterable[str] = ()) -> Callable[[Callable], Callable]:
    """Register a function as rule `code`; the function itself is returned unchanged."""

    def register(func: Callable) -> Callable:
        if code in REGISTRY:
            raise ValueError(f"rule code {code} is used twice")
        if code[:2] not in STAGES:
            raise ValueError(f"rule code {code} has no known stage prefix")
        REGISTRY[code] = Rule(code, func.__name__.replace("_", "-"), func, frozenset(scope))
        return func

    return register


def find(prefix: str) -> list[Rule]:
    """Rules whose code or name starts with `prefix` (case-insensitive)."""
    prefix = prefix.upper()
    return [r for r in REGISTRY.values() if r.code.startswith(prefix) or r.name.upper().startswith(prefix)]


def apply_text_rules(
    rules: Iterable[Rule], text: str, role: str, span: tuple[int, int], trace: list[Step] | None
) -> str:
    """Run text rules in order; record a Step for each rule that changed the text."""
    for r in rules:
        if r.scope and role not in r.scope:
            continue
        changed = r.func(text)
        if changed != text:
            if trace is not None:
                trace.append(Step(r.code, r.name, span[0], span[1], text, changed))
            text = changed
    return text
