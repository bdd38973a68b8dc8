"""A throwaway PostgreSQL server for the test suite.

    with ThrowawayPostgres() as url:   # postgresql+psycopg://postgres@127.0.0.1:PORT/postgres
        ...

Creates a cluster in a fresh temporary directory (initdb, trust auth, fsync off), starts it
on a free 127.0.0.1 port with its unix socket in that directory, and on exit stops it
(``pg_ctl stop -m immediate``) and removes the directory, also after errors.

As root, initdb and the server run as the ``postgres`` user (via ``runuser`` or ``su``),
since PostgreSQL refuses to run as root. Binaries come from PATH or /usr/lib/postgresql/*/bin
(scripts/ensure_postgres.sh installs them). ``available()`` says why the server cannot be
used, or None when it can, so tests can skip with that reason.
"""

from __future__ import annotations

import atexit
import glob
import os
import pwd
import shlex
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

__all__ = ["PostgresUnavailable", "ThrowawayPostgres", "available", "find_bindir"]

RUN_AS_ROOT_USER = "postgres"  # used when running as root; "nobody" is the fallback
_failure: str | None = None  # reason recorded by a failed start, reported by available()


class PostgresUnavailable(RuntimeError):
    """The throwaway server cannot be created or started; str() is the reason."""


def find_bindir() -> Path | None:
    """Directory holding initdb and pg_ctl: $COMMUNIQUE_PG_BINDIR if set, else PATH, else the newest
    /usr/lib/postgresql/*/bin."""
    forced = os.environ.get("COMMUNIQUE_PG_BINDIR")
    if forced:
        ok = all(os.access(Path(forced, b), os.X_OK) for b in ("initdb", "pg_ctl"))
        return Path(forced) if ok else None
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if initdb and pg_ctl and Path(initdb).parent == Path(pg_ctl).parent:
        return Path(initdb).parent

    def version(d: str) -> tuple[int, ...]:
        v = Path(d).parent.name
        return tuple(int(p) for p in v.split(".") if p.isdigit())

    for d in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=version, reverse=True):
        if os.access(Path(d, "initdb"), os.X_OK) and os.access(Path(d, "pg_ctl"), os.X_OK):
            return Path(d)
    return None


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _run_user() -> str | None:
    """Non-root account to run the server as (root only)."""
    for name in (RUN_AS_ROOT_USER, "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    return None


def _user_wrapper(user: str) -> list[str] | None:
    """argv prefix that runs a command as ``user``: runuser, else su. None if neither exists."""
    if shutil.which("runuser"):
        return ["runuser", "-u", user, "--"]
    if shutil.which("su"):
        return ["su", user, "-s", "/bin/sh", "-c"]  # the command follows as one shell string
    return None


def available() -> str | None:
    """None when a throwaway server can be started here, else the reason why not.

    Cheap checks only (binaries, a user to run as, su/runuser); a start that failed earlier in
    this process (e.g. initdb failing) is remembered and returned as the reason.
    """
    if _failure:
        return _failure
    if find_bindir() is None:
        where = os.environ.get("COMMUNIQUE_PG_BINDIR") or "PATH or /usr/lib/postgresql/*/bin"
        return f"no PostgreSQL binaries (initdb/pg_ctl) in {where}"
    if _is_root():
        user = _run_user()
        if user is None:
            return "running as root and no 'postgres' or 'nobody' user to run the server as"
        if _user_wrapper(user) is None:
            return "running as root and neither runuser nor su is available"
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return "no output"


class ThrowawayPostgres:
    """Context manager: a private PostgreSQL cluster living in a temporary directory."""

    def __init__(self, *, startup_timeout: float = 30.0, bindir: str | Path | None = None):
        self.startup_timeout = startup_timeout
        self.bindir = Path(bindir) if bindir else find_bindir()
        self.dir: Path | None = None
        self.port: int | None = None
        self.startup_seconds: float | None = None  # initdb + start, measured
        self._user: str | None = None
        self._wrapper: list[str] | None = None
        self._started = False

    # -- public -----------------------------------------------------------------------------
    @property
    def url(self) -> str:
        return self.url_for("postgres")

    def url_for(self, database: str) -> str:
        if self.port is None:
            raise RuntimeError("server not started")
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    @property
    def socket_dir(self) -> Path | None:
        return self.dir

    def __enter__(self) -> str:
        self.start()
        return self.url

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self) -> str:
        global _failure
        reason = available()
        if reason:
            raise PostgresUnavailable(reason)
        t0 = time.perf_counter()
        try:
            self._make_dir()
            self._initdb()
            self._start_server()
        except PostgresUnavailable as e:
            _failure = str(e)
            self.stop()
            raise
        except BaseException:
            self.stop()
            raise
        self.startup_seconds = time.perf_counter() - t0
        atexit.register(self.stop)  # safety net if the caller never reaches __exit__
        return self.url

    def stop(self) -> None:
        """Stop the server (immediate mode) and remove the directory. Safe to call twice."""
        d, self.dir = self.dir, None
        if d is None:
            return
        try:
            if self._started:
                self._started = False
                r = self._run(["pg_ctl", "-D", str(d / "data"), "-m", "immediate", "-w", "-t", "20", "stop"])
                if r.returncode != 0:
                    self._kill_postmaster(d / "data")
        finally:
            shutil.rmtree(d, ignore_errors=True)
            atexit.unregister(self.stop)

    # -- internals --------------------------------------------------------------------------
    def _make_dir(self) -> None:
        base = None
        if _is_root():
            self._user = _run_user()
            self._wrapper = _user_wrapper(self._user)
            # the run user must be able to reach the directory: avoid a private TMPDIR
            tmp = Path(tempfile.gettempdir())
            if not all(os.stat(p).st_mode & 0o001 for p in [tmp, *tmp.parents]):
                base = "/tmp"
        # short path: the unix socket path must stay under ~107 bytes
        self.dir = Path(tempfile.mkdtemp(prefix="pg-", dir=base))
        if self._user:
            pw = pwd.getpwnam(self._user)
            os.chown(self.dir, pw.pw_uid, pw.pw_gid)
        os.chmod(self.dir, 0o700)

    def _run(self, argv: list[str], timeout: float | None = None) -> subprocess.CompletedProcess:
        argv = [str(self.bindir / argv[0]), *argv[1:]]
        if self._wrapper:
            argv = [*self._wrapper, shlex.join(argv)] if self._wrapper[0] == "su" else [*self._wrapper, *argv]
        env = dict(os.environ, LC_ALL="C", LANG="C")
        for k in ("PGDATA", "PGPORT", "PGHOST", "PGUSER", "PGDATABASE", "PGOPTIONS"):
            env.pop(k, None)
        return subprocess.run(
            argv,
            cwd=self.dir or "/",
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout or self.startup_timeout + 30,
            check=False,
        )

    def _initdb(self) -> None:
        r = self._run(
            [
                "initdb",
                "-D",
                str(self.dir / "data"),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            ]
        )
        if r.returncode != 0:
            raise PostgresUnavailable(f"initdb failed: {_first_line(r.stderr or r.stdout)}")

    def _start_server(self) -> None:
        last = ""
        for _attempt in range(3):  # the free port can be taken between probe and bind: retry
            self.port = _free_port()
            opts = (
                f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off -c max_connections=50"
            )
            log = self.dir / f"server-{self.port}.log"
            r = self._run(
                [
                    "pg_ctl",
                    "-D",
                    str(self.dir / "data"),
                    "-l",
                    str(log),
                    "-o",
                    opts,
                    "-w",
                    "-t",
                    str(int(self.startup_timeout)),
                    "start",
                ]
            )
            if r.returncode == 0:
                self._started = True
                return
            self._kill_postmaster(self.dir / "data")
            try:
                last = _first_line(log.read_text(errors="replace"))
            except OSError:
                last = _first_line(r.stderr or r.stdout)
            if "could not bind" not in last and "already in use" not in last:
                break
        raise PostgresUnavailable(f"pg_ctl start failed: {last}")

    @staticmethod
    def _kill_postmaster(datadir: Path) -> None:
        try:
            pid = int((datadir / "postmaster.pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return
        for sig, wait in ((signal.SIGQUIT, 5.0), (signal.SIGKILL, 5.0)):
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                return
            except PermissionError:
                return
            deadline = time.monotonic() + wait
            while time.monotonic() < deadline:
                try:
                    os.kill(pid, 0)
                except ProcessLookupError:
                    return
                time.sleep(0.05)


if __name__ == "__main__":  # python tests/pg_server.py: start, query, stop, report timings
    import sys

    why = available()
    if why:
        print(f"unavailable: {why}")
        sys.exit(0)
    t0 = time.perf_counter()
    srv = ThrowawayPostgres()
    with srv as url:
        import sqlalchemy as sa

        with sa.create_engine(url).connect() as c:
            print(c.execute(sa.text("select version()")).scalar())
        print(f"url {url}\nstartup {srv.startup_seconds:.2f}s")
    print(f"total incl. stop {time.perf_counter() - t0:.2f}s")
