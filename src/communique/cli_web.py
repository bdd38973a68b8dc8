"""`communique serve`: the REST API and the web pages over one event database."""

from __future__ import annotations

from pathlib import Path

import click

from .cli_store import DB_OPTION


@click.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="Server processes.")
@click.option(
    "--config",
    "config",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="TOML settings (default: ~/.config/communique/serve.toml when it exists).",
)
@click.option("--protect-reads", is_flag=True, default=None, help="Reads need the token too.")
@click.option("--rate", type=click.FloatRange(min=0), default=None, help="Requests/s per client (0: no limit).")
def serve(
    db_url: str | None,
    host: str,
    port: int,
    workers: int,
    config: Path | None,
    protect_reads: bool | None,
    rate: float | None,
) -> None:
    """Serve the API (/api, OpenAPI at /openapi.json and /docs) and the web pages.

    Writes (POST /api/documents) need the token from COMMUNIQUE_TOKEN or the config file.
    """
    import os

    import uvicorn

    from .web import app as web_app
    from .web.settings import load

    settings = load(config, db=db_url, protect_reads=protect_reads, rate_per_second=rate)
    web_app.create_app(settings).state.service.store.close()  # fail here, in one line, on a bad database or config
    os.environ["COMMUNIQUE_SERVE_SETTINGS"] = web_app.settings_to_env(settings)
    uvicorn.run(
        "communique.web.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
    )


COMMANDS = (serve,)
