"""The page factory: random newspaper pages, printed and extracted, with their truth (issue 12).

    python -m benchmarks.factory --pages N --seed S OUT      # N pages into OUT
    python -m benchmarks.factory corpus [tests/corpus]       # the committed fit and check splits
    python -m benchmarks.factory pool                        # rebuild texts.json from the truth
"""
