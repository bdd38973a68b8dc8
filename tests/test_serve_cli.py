"""`communique serve` from the command line: a real server process, and one-line errors for bad set-ups."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from click.testing import CliRunner

from communique.cli import main
from web_server import free_port

ROOT = Path(__file__).resolve().parents[1]


def test_serve_answers_over_http_until_stopped(tmp_path):
    db = f"sqlite:///{tmp_path}/store.db"
    subprocess.run(
        [sys.executable, "-m", "communique.cli", "ingest", str(ROOT / "examples" / "en"), "--db", db, "--json"],
        check=True,
        capture_output=True,
    )
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "communique.cli", "serve", "--db", db, "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "COMMUNIQUE_TOKEN": "abc"},
    )
    try:
        body = None
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/events?limit=2", timeout=2) as r:
                    body = json.loads(r.read())
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        assert body is not None and len(body["items"]) == 2
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/documents", data=b"x", headers={"Authorization": "Bearer wrong"}
        )
        try:
            urllib.request.urlopen(request, timeout=5)
            raise AssertionError("a wrong token was accepted")
        except urllib.error.HTTPError as err:
            assert err.code == 401
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_bad_database_is_one_line_and_no_traceback(tmp_path):
    result = CliRunner().invoke(main, ["serve", "--db", "postgresql://nobody@127.0.0.1:1/none"])
    assert result.exit_code != 0 and "cannot open database" in result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1


def test_bad_config_file_is_one_line(tmp_path):
    config = tmp_path / "serve.toml"
    config.write_text('tokn = "x"\n')
    result = CliRunner().invoke(main, ["serve", "--config", str(config), "--db", f"sqlite:///{tmp_path}/s.db"])
    assert result.exit_code != 0 and "unknown setting 'tokn'" in result.output and "Traceback" not in result.output
    config.write_text("max_page_size = 'many'\n")
    result = CliRunner().invoke(main, ["serve", "--config", str(config), "--db", f"sqlite:///{tmp_path}/s.db"])
    assert result.exit_code != 0 and "max_page_size" in result.output


def test_protecting_reads_without_a_token_is_refused(tmp_path, monkeypatch):
    monkeypatch.delenv("COMMUNIQUE_TOKEN", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    result = CliRunner().invoke(main, ["serve", "--protect-reads", "--db", f"sqlite:///{tmp_path}/s.db"])
    assert result.exit_code != 0 and "needs a token" in result.output
