"""`cleanup score`: how close a folder of items is to a hand-made truth of the same pages.

Modules: `items` reads NN.md files, `align` matches items and aligns text,
`metrics` counts a page's errors and turns counts into figures, `folders`
walks TRUTH and OUT, `report` prints, `command` is the CLI. Importing this
package costs nothing: numpy, scipy and PyYAML (the `score` extra) load only
when a page is scored.
"""
