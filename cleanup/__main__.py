"""`python -m cleanup`: the same command line as `cleanup`."""

from .cli import app

app(prog_name="cleanup")
