from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "golden"
DUMPS = sorted(GOLDEN.glob("*.txt"))


@pytest.fixture
def golden_dir() -> Path:
    return GOLDEN

# CI replays a fixed set of examples, so a run is green or red for the code alone;
# local runs keep exploring new examples.
import os  # noqa: E402

from hypothesis import settings  # noqa: E402

settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
