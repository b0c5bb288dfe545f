"""One line on what a code means: a rule's one-line purpose, or a warning code's description."""

from __future__ import annotations



def load_descriptions() -> dict[str, str]:
    """Every known code -> its one line: the warning codes of rules/codes.toml, then every rule."""
    from .. import pipeline  # noqa: F401  (importing it registers every rule)
    from ..lexicon import codes
    from ..rulebook import REGISTRY

    described = {code: entry["summary"] for code, entry in codes().items()}
    for code, rule in REGISTRY.items():
        described.setdefault(code, f"{rule.name}: {rule.summary}")
    return described


def split_warning(warning: str) -> tuple[str, str]:
    """A warning -> its code and its message.

    >>> split_warning("AS02 headline with no matching story")
    ('AS02', 'headline with no matching story')
    >>> split_warning("something without a code")
    ('', 'something without a code')
    """
    code, _, message = warning.partition(" ")
    if len(code) == 4 and code[:2].isalpha() and code[:2].isupper() and code[2:].isdigit():
        return code, message
    return "", warning
