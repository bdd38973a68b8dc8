"""`python -m communique` runs the command-line interface."""

from .cli import run

run()
