#!/bin/sh
# Make sure a Chromium browser is present for the web UI tests (Playwright drives it).
#
# Playwright's own browser download needs a server this machine cannot reach, so the tests use
# Debian's chromium package. Idempotent, fast when Chromium is there, and never fails the build:
# when it cannot install, it prints one line and exits 0, and the browser tests are skipped.

for candidate in "$CHROMIUM" /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then
        echo "chromium: $("$candidate" --version 2>/dev/null | head -n 1) at $candidate"
        exit 0
    fi
done

unavailable() {
    echo "chromium: not available ($1); browser tests will be skipped"
    exit 0
}

[ "$(id -u)" = 0 ] || unavailable "not found and not root, cannot install"
command -v apt-get >/dev/null 2>&1 || unavailable "not found and no apt-get"

echo "chromium: installing the Debian package (apt-get) ..."
log=$(mktemp)
TIMEOUT=""
command -v timeout >/dev/null 2>&1 && TIMEOUT="timeout 900"
if ! { $TIMEOUT apt-get update -qq \
        && DEBIAN_FRONTEND=noninteractive $TIMEOUT apt-get install -y -qq --no-install-recommends chromium; } >"$log" 2>&1; then
    reason=$(grep -E '^(E|W):' "$log" | head -n 1)
    [ -n "$reason" ] || reason=$(tail -n 1 "$log")
    rm -f "$log"
    unavailable "apt-get failed: ${reason:-unknown error}"
fi
rm -f "$log"
[ -x /usr/bin/chromium ] || unavailable "installed the package but /usr/bin/chromium is missing"
echo "chromium: installed $(/usr/bin/chromium --version 2>/dev/null | head -n 1)"
exit 0
