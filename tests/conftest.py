from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "golden"
DUMPS = sorted(GOLDEN.glob("*.txt"))


@pytest.fixture
def golden_dir() -> Path:
    return GOLDEN
