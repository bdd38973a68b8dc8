"""The README is what a newcomer reads first: its commands and CLI reference must be true."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _cli_reference():
    spec = importlib.util.spec_from_file_location("cli_reference", ROOT / "scripts" / "cli_reference.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_shows_the_two_setup_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme


def test_readme_cli_reference_is_current():
    module = _cli_reference()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert module.embed(readme) == readme, "run: .venv/bin/python scripts/cli_reference.py --write"


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
