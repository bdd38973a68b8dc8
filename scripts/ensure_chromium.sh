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

. "$(dirname "$0")/apt_install.sh"
apt_install chromium --no-install-recommends chromium
case $? in
    1) unavailable "not found and $APT_REASON" ;;
    2) unavailable "$APT_REASON" ;;
esac
[ -x /usr/bin/chromium ] || unavailable "installed the package but /usr/bin/chromium is missing"
echo "chromium: installed $(/usr/bin/chromium --version 2>/dev/null | head -n 1)"
exit 0
