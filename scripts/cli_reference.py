"""Print the CLI reference (Markdown) from the click commands; README.md embeds it between markers.

`python scripts/cli_reference.py --write` rewrites the block in README.md; tests/test_readme.py
checks that the README is current.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import click

from communique.cli import main

BEGIN, END = "<!-- cli-reference:begin -->", "<!-- cli-reference:end -->"
README = Path(__file__).resolve().parents[1] / "README.md"


def reference() -> str:
    parts = []
    settings = dict(main.context_settings, terminal_width=100, max_content_width=100)
    with click.Context(main, info_name="communique", **settings) as ctx:
        parts.append("```\n" + main.get_help(ctx).rstrip() + "\n```")
        for name in sorted(main.commands):
            command = main.commands[name]
            with click.Context(command, info_name=name, parent=ctx, **settings) as sub:
                parts.append(f"### `communique {name}`\n\n```\n" + command.get_help(sub).rstrip() + "\n```")
    return "\n\n".join(parts)


def embed(readme: str) -> str:
    block = f"{BEGIN}\n{reference()}\n{END}"
    return re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), lambda _: block, readme, flags=re.S)


if __name__ == "__main__":
    if "--write" in sys.argv:
        README.write_text(embed(README.read_text(encoding="utf-8")), encoding="utf-8")
    else:
        print(reference())
