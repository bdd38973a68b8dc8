"""Command-line interface: thin commands over the library; errors become one line and an exit code."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__, inputs, reader
from .errors import CommuniqueError, InputError
from .langpack import SUPPORTED
from .pipeline import Pipeline
from .settings import Settings


class _Group(click.Group):
    """Turns every CommuniqueError into one line on stderr and exit code 2: no traceback reaches a user."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except CommuniqueError as exc:
            click.echo(f"communique: {exc}", err=True)
            ctx.exit(2)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:  # a bug: still one line for the user, not a traceback
            click.echo(f"communique: internal error ({type(exc).__name__}: {exc}); please report it", err=True)
            ctx.exit(3)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="communique")
def main() -> None:
    """Turn news reports about diplomacy into structured, verifiable event data."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "json", "summary"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one contract object per line; json: one array; summary: readable text.",
)
@click.option(
    "--lang",
    "language",
    default=None,
    callback=lambda _ctx, _param, code: _language(code),
    help="Force the language (sv, en) instead of detecting it.",
)
@click.option("--max-bytes", default=reader.MAX_BYTES_DEFAULT, show_default=True, help="Refuse larger input files.")
@click.option(
    "--ner",
    is_flag=True,
    help="Also find unlisted persons and organizations with the Swedish NER model (communique[ner]).",
)
def extract(paths: tuple[str, ...], fmt: str, language: str | None, max_bytes: int, ner: bool) -> None:
    """Extract actors and events from article files, directories or '-' (stdin).

    Bad files are reported on stderr, one line each; the others are still processed; the exit code
    is 1 when any input failed.
    """
    pipeline = Pipeline(settings=Settings(language=language, max_bytes=max_bytes, ner=ner))
    failures = 0
    results = []
    for result in _results(pipeline, paths, max_bytes):
        if isinstance(result, CommuniqueError):
            failures += 1
            click.echo(f"communique: {result}", err=True)
            continue
        if fmt == "json":
            results.append(result.to_dict())
        elif fmt == "jsonl":
            click.echo(json.dumps(result.to_dict(), ensure_ascii=False))
        else:
            from .summary import render

            click.echo(render(result))
    if fmt == "json":
        click.echo(json.dumps(results, ensure_ascii=False, indent=2))
    if failures:
        sys.exit(1)


def _language(code: str | None) -> str | None:
    """Refuse a forced language without a pack once, before any file is read."""
    if code is not None and code not in SUPPORTED:
        raise click.BadParameter(f"no language pack for '{code}' (supported: {', '.join(SUPPORTED)})")
    return code


def _results(pipeline: Pipeline, paths: tuple[str, ...], max_bytes: int):
    """One result per input document, in the order the inputs were given ('-' included)."""
    for raw in paths:
        if raw == "-":
            try:
                yield pipeline.process(reader.from_bytes(sys.stdin.buffer.read(), None, max_bytes))
            except CommuniqueError as exc:
                yield exc
        elif not Path(raw).exists():
            yield InputError(raw, "no such file or directory")
        else:
            yield from pipeline.process_paths(inputs.expand([raw]))


@main.command()
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option(
    "--articles",
    type=click.Path(exists=True, file_okay=False),
    default=None,
    help="Folder of the articles (default: the gold folder's parent).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate(gold_dir: str, articles: str | None, as_json: bool) -> None:
    """Score extraction against gold files (precision, recall, F1 per field)."""
    from . import evaluate as scoring

    report = scoring.evaluate_dir(Path(gold_dir), Path(articles) if articles else None)
    click.echo(json.dumps(report.to_dict(), indent=2) if as_json else report.table())


def run() -> None:
    """Console entry point (`communique`); errors are handled by the group."""
    main(standalone_mode=True)


def _register_store_commands() -> None:
    from .cli_store import COMMANDS
    from .cli_web import COMMANDS as WEB_COMMANDS

    for command in COMMANDS + WEB_COMMANDS:
        main.add_command(command)


_register_store_commands()


if __name__ == "__main__":
    run()
