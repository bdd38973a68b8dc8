# Sourced by the ensure_*.sh scripts: install Debian packages the tests need, or say why not.
#
# apt_install LABEL APT-GET-INSTALL-ARGUMENTS...
#   0: installed.
#   1: cannot try (not root, or no apt-get); APT_REASON says which, to follow "... not found and".
#   2: apt-get failed; APT_REASON is "apt-get failed: " and the first error it printed.

apt_install() {
    label=$1
    shift
    APT_REASON=""
    if [ "$(id -u)" != 0 ]; then
        APT_REASON="not root, cannot install"
        return 1
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        APT_REASON="no apt-get"
        return 1
    fi
    echo "$label: installing the Debian package (apt-get) ..."
    apt_log=$(mktemp)
    apt_timeout=""
    command -v timeout >/dev/null 2>&1 && apt_timeout="timeout 900"
    if ! { $apt_timeout apt-get update -qq \
            && DEBIAN_FRONTEND=noninteractive $apt_timeout apt-get install -y -qq "$@"; } >"$apt_log" 2>&1; then
        APT_REASON=$(grep -E '^(E|W):' "$apt_log" | head -n 1)
        [ -n "$APT_REASON" ] || APT_REASON=$(tail -n 1 "$apt_log")
        APT_REASON="apt-get failed: ${APT_REASON:-unknown error}"
        rm -f "$apt_log"
        return 2
    fi
    rm -f "$apt_log"
    return 0
}
