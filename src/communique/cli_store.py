"""Commands over the event store: ingest, events, actors, show, export."""

from __future__ import annotations

import json
import os
import sys
from datetime import date

import click

from .errors import CommuniqueError
from .pipeline import Pipeline
from .settings import Settings

DB_OPTION = click.option(
    "--db",
    "db_url",
    default=None,
    envvar="COMMUNIQUE_DB",
    help="Database URL: sqlite:///path.db (default: a file in the user data dir) or postgresql://user@host/dbname.",
)


def _store(db_url: str | None):
    from .store import Store

    return Store(db_url)


@click.command()
@click.argument("sources", nargs=-1, required=True)
@DB_OPTION
@click.option("--lang", "language", default=None, help="Force the language instead of detecting it.")
@click.option("--json", "as_json", is_flag=True, help="No progress bar; print the summary as JSON.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes for extraction (default: all cores); the store is the same as with --jobs 1.",
)
@click.option(
    "--dask",
    "dask",
    default=None,
    metavar="ADDRESS",
    help="Extract on a Dask cluster: a scheduler address (tcp://host:8786) or 'local' for a LocalCluster.",
)
@click.option(
    "--parquet-out",
    "parquet_out",
    default=None,
    metavar="DIR",
    help="Write Parquet event files into DIR instead of a database, by the workers themselves (load them "
    "with 'communique load DIR').",
)
@click.option(
    "--files-per-part",
    type=click.IntRange(min=1),
    default=200,  # units.FILES_PER_UNIT, not imported here: the sources modules are slow to import
    show_default=True,
    help="With --parquet-out: input files coded and written together as one part (a file over 4 MB is one part).",
)
def ingest(
    sources: tuple[str, ...],
    db_url: str | None,
    language: str | None,
    as_json: bool,
    jobs: int | None,
    dask: str | None,
    parquet_out: str | None,
    files_per_part: int,
) -> None:
    """Extract and store articles from files, directories, JSONL, Parquet, HTML, RSS/Atom, WARC or '-' (stdin).

    Documents already stored are skipped, so an interrupted ingest is finished by running it again.
    With --parquet-out, input files whose parts exist are skipped instead. Exit code 1 when any input failed.
    """
    jobs = jobs or os.cpu_count() or 1
    if jobs > 1 and not dask:
        from .parallel import start_server

        start_server()
    if parquet_out is not None and click.get_current_context().get_parameter_source("db_url").name == "COMMANDLINE":
        raise click.UsageError("--parquet-out writes no database: leave out --db, and give it to 'communique load'")
    if parquet_out is not None:
        from pathlib import Path

        from .scaleout import write_parts

        bar, progress = _progress(as_json, " parts", lambda summary: summary.written)
        settings = Settings(language=language)
        summary = write_parts(list(sources), Path(parquet_out), settings, jobs, dask, progress, files_per_part)
        _report(summary, as_json, bar)
        return
    from .ingest import ingest as run_ingest

    store = _store(db_url)
    pipeline = Pipeline(settings=Settings(language=language))
    bar, progress = _progress(as_json, " docs", lambda summary: summary.read + summary.failed)
    with store:
        summary = run_ingest(sources, store, pipeline, progress, jobs=jobs, dask=dask)
    _report(summary, as_json, bar)


@click.command()
@click.argument("parts_dir", metavar="DIR")
@DB_OPTION
@click.option("--json", "as_json", is_flag=True, help="No progress bar; print the summary as JSON.")
def load(parts_dir: str, db_url: str | None, as_json: bool) -> None:
    """Store the Parquet event files that 'ingest --parquet-out DIR' wrote: the same store as one ingest.

    Documents already stored are skipped, so loading twice changes nothing. Exit code 1 when any input
    failed during the ingest (its failures are reported again).
    """
    from pathlib import Path

    from .scaleout import load_parts

    bar, progress = _progress(as_json, " docs", lambda summary: summary.read + summary.failed)
    with _store(db_url) as store:
        summary = load_parts(Path(parts_dir), store, progress)
    _report(summary, as_json, bar)


def _progress(as_json: bool, unit: str, count):
    """A progress bar on a terminal (none with --json) and the callback that moves it to `count(summary)`."""
    bar = None
    if not as_json and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(unit=unit, file=sys.stderr, dynamic_ncols=True)
    last = [0]

    def progress(summary) -> None:
        if bar is not None:
            done = count(summary)
            bar.update(done - last[0])
            last[0] = done

    return bar, progress


def _report(summary, as_json: bool, bar) -> None:
    """The summary (a line, or JSON) with one line per failure; exit code 1 when anything failed."""
    if bar is not None:
        bar.close()
    if as_json:
        click.echo(json.dumps(summary.to_dict(), ensure_ascii=False))
    else:
        for failure in summary.failures:
            click.echo(f"communique: {failure}", err=True)
        click.echo(summary.line())
    if summary.failed:
        sys.exit(1)


def _filters(func):
    options = [
        click.option("--actor", help="Actor name (substring, case-insensitive) or Wikidata QID."),
        click.option("--country", help="ISO 3166-1 alpha-3 code on either side."),
        click.option("--type", "event_type", help="PLOVER event type, e.g. CONSULT."),
        click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="From this date (YYYY-MM-DD)."),
        click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Up to this date (YYYY-MM-DD)."),
        click.option("--sector", help="Cooperation sector, e.g. trade."),
        click.option("--text", help="Words that must occur in the evidence sentence."),
        click.option("--limit", default=100, show_default=True, type=click.IntRange(1, 100000)),
        click.option("--offset", default=0, type=click.IntRange(0)),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _event_filter(kw: dict):
    from .store import EventFilter

    def day(value) -> date | None:
        return value.date() if value else None

    return EventFilter(
        actor=kw["actor"],
        country=kw["country"],
        event_type=kw["event_type"],
        since=day(kw["since"]),
        until=day(kw["until"]),
        sector=kw["sector"],
        text=kw["text"],
        limit=kw["limit"],
        offset=kw["offset"],
    )


@click.command()
@_filters
@DB_OPTION
@click.option("--mentions", is_flag=True, help="One row per event mention instead of per cluster.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "jsonl", "csv"]), default="table", show_default=True
)
def events(db_url: str | None, mentions: bool, fmt: str, **kw) -> None:
    """List stored events: merged clusters by default, single mentions with --mentions."""
    from .store.queries import find_events

    with _store(db_url) as store, store.connect() as conn:
        found = find_events(conn, _event_filter(kw), clusters=not mentions)
    _print(found, fmt, _event_row)


@click.command()
@DB_OPTION
@click.option("--name", help="Name substring or Wikidata QID.")
@click.option("--limit", default=100, show_default=True, type=click.IntRange(1, 100000))
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "jsonl", "csv"]), default="table", show_default=True
)
def actors(db_url: str | None, name: str | None, limit: int, fmt: str) -> None:
    """List stored actors with how many events they take part in."""
    from .store.queries import list_actors

    with _store(db_url) as store, store.connect() as conn:
        found = list_actors(conn, name, limit)
    _print(
        found, fmt, lambda a: [a["id"], a["name"], a["kind"], a["country"] or "", a["wikidata"] or "", str(a["events"])]
    )


@click.command()
@click.argument("event_id")
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def show(event_id: str, db_url: str | None, fmt: str) -> None:
    """Show one event ("<document>:e1") or cluster ("c12") with its evidence sentences."""
    from .store.queries import get_event

    with _store(db_url) as store, store.connect() as conn:
        event = get_event(conn, event_id)
    if fmt == "json":
        click.echo(json.dumps(event, ensure_ascii=False, indent=2))
        return
    click.echo(" ".join(_event_row(event)))
    for span in event["evidence"]:
        click.echo(f"  [{span['document_id']} {span['start']}-{span['end']}] {_highlight(span['text'], event)}")


@click.command()
@click.argument("out")
@_filters
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "plover", "cameo"]), required=True)
@click.option("--mentions", is_flag=True, help="Export event mentions instead of clusters.")
def export(out: str, db_url: str | None, fmt: str, mentions: bool, **kw) -> None:
    """Export stored events to OUT ('-' for stdout) as JSONL, CSV, Parquet, PLOVER JSON or CAMEO TSV."""
    from . import export as exporter
    from .store.queries import find_events

    kw["limit"] = kw["limit"] if kw["limit"] != 100 else 10_000_000
    with _store(db_url) as store, store.connect() as conn:
        found = find_events(conn, _event_filter(kw), clusters=not mentions)
    written = exporter.write(found, fmt, out)
    click.echo(f"wrote {written} events to {out}", err=True)


def _event_row(e: dict) -> list[str]:
    when = f"{e['date']['start']}..{e['date']['end']}" if e.get("date") else "-"
    mode = f"/{e['mode']}" if e.get("mode") else ""
    return [
        e["id"],
        when,
        f"{e['event_type']}{mode}",
        ",".join(e["actor_names"]) or "-",
        "->",
        ",".join(e["recipient_names"]) or "-",
        e["modality"],
        f"docs={len(e.get('documents', [e['document_id']]))}",
    ]


def _highlight(text: str, event: dict) -> str:
    """Mark the participants' names in an evidence sentence for the terminal."""
    for name in set(event["actor_names"] + event["recipient_names"]):
        for part in {name, name.split()[-1]}:
            text = text.replace(part, click.style(part, bold=True))
    return text


def _print(rows: list[dict], fmt: str, as_row) -> None:
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    elif fmt == "csv":
        import csv

        writer = csv.writer(sys.stdout)
        for row in rows:
            writer.writerow(as_row(row))
    else:
        for row in rows:
            click.echo("  ".join(as_row(row)))


@click.command("evaluate-merge")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--articles",
    type=click.Path(exists=True, file_okay=False),
    default=None,
    help="Folder the gold's article paths are relative to (default: the gold file's folder).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate_merge(gold: str, articles: str | None, as_json: bool) -> None:
    """Score cross-article merging against labelled article groups (pairwise precision, recall, F1)."""
    from pathlib import Path

    from .evaluate_merge import evaluate_merge as score

    report = score(Path(gold), Path(articles) if articles else None)
    click.echo(json.dumps(report.to_dict(), indent=2) if as_json else report.table())


COMMANDS = (ingest, load, events, actors, show, export, evaluate_merge)
__all__ = ["COMMANDS", "CommuniqueError"]
