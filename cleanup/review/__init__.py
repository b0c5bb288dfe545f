"""The review page: a batch checked by looking, the dump beside the items it became.

`record` says what the manifest keeps for it (imported at every reflow: no Jinja there);
`build` reads OUT back and writes OUT/review/ (Jinja2 and markdown-it-py, the `review` extra).
"""
