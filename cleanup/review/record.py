"""What the manifest records of a page for the review: its decoded text, its warnings, its rule trace.

The trace keeps what changed text and what gave a block its role. Text rules (NM, SP, PU,
CV) are kept as [code, first, last, before, after], long texts cut to the change with a
little context; a role (CL) as [code, first, last, role]; assembly's segmentation decisions
(AS19-AS24, AS09: a few a page) as [code, first, last, shown, why]. Join decisions (JN) are
left out: one per line of the page, they would double the record, and the spans already show
which lines were joined into one block (`cleanup explain` names the rule of each).
"""

from __future__ import annotations

from ..model import Page, Step

CONTEXT = 12  # characters kept either side of a change in a long text
CHANGE = 24  # characters of a long change kept (a rule that changes a whole paragraph shows its start)
LONG = 2 * CONTEXT + CHANGE  # a text longer than this is cut to its change


def page_record(page: Page) -> dict:
    steps = [compact(step) for step in page.steps if not step.code.startswith("JN")]
    return {"text": page.text, "warnings": list(page.warnings), "steps": steps}


def compact(step: Step) -> list:
    """A step as the manifest keeps it.

    >>> compact(Step("CL02", "find-byline", 4, 4, "本报通讯员 董校霖", "byline: 本报通讯员 董校霖  [byline 15 = CL02 +15; body 0 = bias 0]"))
    ['CL02', 4, 4, 'byline']
    >>> compact(Step("SP02", "close-spread-characters", 18, 18, "和 灭 火", "和灭火"))
    ['SP02', 18, 18, '和 灭 火', '和灭火']
    """
    role, sep, rest = step.after.partition(": ")
    if sep and rest.partition("  [")[0] == step.before and role.isalpha():  # classify traces "role: text  [votes]"
        return [step.code, step.first, step.last, role]
    return [step.code, step.first, step.last, *clip(step.before, step.after)]


def clip(before: str, after: str) -> tuple[str, str]:
    """Long texts cut to the part that changed, CONTEXT characters either side, marked with "…";
    a change longer than CHANGE characters is cut to its start.

    >>> clip("甲" * 40 + "今年8 月开赛" + "乙" * 40, "甲" * 40 + "今年8月开赛" + "乙" * 40)
    ('…甲甲甲甲甲甲甲甲甲今年8 月开赛乙乙乙乙乙乙乙乙乙…', '…甲甲甲甲甲甲甲甲甲今年8月开赛乙乙乙乙乙乙乙乙乙…')
    >>> clip("，".join(["甲乙"] * 40), ",".join(["甲乙"] * 40))
    ('甲乙，甲乙，甲乙，甲乙，甲乙，甲乙，甲乙，甲乙，甲乙…', '甲乙,甲乙,甲乙,甲乙,甲乙,甲乙,甲乙,甲乙,甲乙…')
    >>> clip("和 灭 火", "和灭火")
    ('和 灭 火', '和灭火')
    """
    if len(before) <= LONG and len(after) <= LONG:
        return before, after
    head = 0
    limit = min(len(before), len(after))
    while head < limit and before[head] == after[head]:
        head += 1
    tail = 0
    while tail < limit - head and before[-1 - tail] == after[-1 - tail]:
        tail += 1
    start = max(0, head - CONTEXT)
    lead = "…" if start else ""

    def cut(text: str) -> str:
        end = min(len(text) - max(0, tail - CONTEXT), head + CHANGE)
        return lead + text[start:end] + ("…" if end < len(text) else "")

    return cut(before), cut(after)
