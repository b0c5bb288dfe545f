"""Seeded draws from the spec's ranges, weight tables and probabilities."""

from __future__ import annotations

import random
import tomllib
from pathlib import Path

SPEC_PATH = Path(__file__).with_name("spec.toml")


def load_spec(path: Path = SPEC_PATH) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


class Draw:
    """A random.Random that reads the spec's forms: [lo, hi], {name = weight}, p."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def uniform(self, bounds: list[float]) -> float:
        return self.rng.uniform(bounds[0], bounds[1])

    def integer(self, bounds: list[int]) -> int:
        return self.rng.randint(int(bounds[0]), int(bounds[1]))

    def weighted(self, table: dict[str, float]) -> str:
        names = list(table)
        return self.rng.choices(names, weights=[table[n] for n in names])[0]

    def choice(self, seq):
        return self.rng.choice(seq)

    def shuffle(self, seq: list) -> None:
        self.rng.shuffle(seq)

    def seed(self) -> int:
        """A fresh seed for a sub-draw (a picture), so it does not shift the page's draws."""
        return self.rng.randrange(2**31)
