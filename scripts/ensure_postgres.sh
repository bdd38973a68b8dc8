#!/bin/sh
# Make sure PostgreSQL server binaries (initdb, pg_ctl) are present for the test suite.
#
# The tests start their own throwaway cluster (tests/pg_server.py); this script only
# installs the binaries. It is idempotent, takes well under a second when PostgreSQL is
# already there, and never fails the build: when it cannot install, it prints one line
# and exits 0, and the PostgreSQL tests are skipped.
#
# Installs only as root with apt-get (Debian/Ubuntu). The Debian package may create and
# start its own "main" cluster; that cluster is not used and is left alone.

find_pg() {
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        PG_BINDIR=$(dirname "$(command -v initdb)")
        return 0
    fi
    # Debian/Ubuntu keep the server binaries off PATH; pick the newest version.
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5,5 -n -r); do
        if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
            PG_BINDIR=$d
            return 0
        fi
    done
    return 1
}

unavailable() {
    echo "postgresql: not available ($1); PostgreSQL tests will be skipped"
    exit 0
}

if find_pg; then
    echo "postgresql: $("$PG_BINDIR/initdb" --version 2>/dev/null | sed 's/^initdb (PostgreSQL) //') at $PG_BINDIR"
    exit 0
fi

. "$(dirname "$0")/apt_install.sh"
apt_install postgresql postgresql
case $? in
    1) unavailable "initdb/pg_ctl not found and $APT_REASON" ;;
    2) unavailable "$APT_REASON" ;;
esac

find_pg || unavailable "installed the package but initdb/pg_ctl still not found"
echo "postgresql: installed $("$PG_BINDIR/initdb" --version 2>/dev/null | sed 's/^initdb (PostgreSQL) //') at $PG_BINDIR"
exit 0
