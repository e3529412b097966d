#!/usr/bin/env bash
# Bootstrap the development/runtime environment for Sanwang Console.
#
# - Installs missing Debian/Ubuntu system packages (apt-get when root; otherwise prints
#   the exact sudo command once and fails).
# - Makes sure a Python >= 3.11 with venv support exists.
# - Creates $REPO/.venv and (re)installs the project editable with the [test] extra,
#   but only when setup.cfg/pyproject.toml changed since the last successful install.
#
# Idempotent and silent when nothing is missing. Can be executed or sourced; when
# sourced, it sets REPO and returns instead of exiting.
#
# Environment knobs:
#   PYTHON                   interpreter used to create the venv (default: first of
#                            python3, python3.13, python3.12, python3.11 that is >= 3.11)
#   CONSOLE_SKIP_SYSTEM_DEPS=1  skip the system package check (e.g. in a prepared image)

_bs_system_packages=(
    libvlc5 vlc-plugin-base vlc-plugin-video-output ffmpeg
    python3-gi gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-base
    gstreamer1.0-plugins-good gstreamer1.0-plugins-bad gstreamer1.0-plugins-ugly
    fonts-wqy-zenhei xvfb x11-apps poppler-utils poppler-data postgresql
    libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
    libxcb-image0 libxcb-render-util0 libegl1 libgl1 libfontconfig1 libdbus-1-3
    libnss3 libxcomposite1 libxdamage1 libxrandr2 libxtst6 libxkbfile1 libasound2
    libgbm1 libxshmfence1
)

_bs_err() { printf 'bootstrap: %s\n' "$*" >&2; }

_bs_tail_log() {
    # Show the end of a log file on stderr.
    _bs_err "last lines of $1:"
    tail -n 40 "$1" >&2
}

_bs_is_root() { [ "$(id -u)" -eq 0 ]; }

# Print the subset of the given packages that are not installed.
# A package also counts as installed under its Ubuntu 24.04 "t64" name
# (libasound2 -> libasound2t64 and the like).
_bs_missing_packages() {
    local status pkg
    status="$(dpkg-query -W -f='${Package} ${Status}\n' "$@" "${@/%/t64}" 2>/dev/null \
        | awk '$NF == "installed" && $(NF-1) == "ok" { print $1 }')"
    for pkg in "$@"; do
        if ! grep -qxF -e "$pkg" -e "${pkg}t64" <<<"$status"; then
            printf '%s\n' "$pkg"
        fi
    done
}

# Install packages with apt-get (root only); quiet, logs to /tmp.
_bs_apt_install() {
    local log
    log="$(mktemp /tmp/sanwang-bootstrap-apt.XXXXXX.log)"
    _bs_err "installing system packages: $* (log: $log)"
    if ! { apt-get update -qq \
            && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
                --no-install-recommends "$@"; } >"$log" 2>&1; then
        _bs_err "apt-get install failed"
        _bs_tail_log "$log"
        return 1
    fi
    rm -f "$log"
}

_bs_system_deps() {
    [ "${CONSOLE_SKIP_SYSTEM_DEPS:-0}" = 1 ] && return 0
    if ! command -v dpkg-query >/dev/null 2>&1; then
        _bs_err "note: dpkg not found (not Debian/Ubuntu); make sure libVLC, ffmpeg," \
            "PostgreSQL server binaries, poppler-utils, Xvfb and a CJK font are installed"
        return 0
    fi
    local missing
    mapfile -t missing < <(_bs_missing_packages "${_bs_system_packages[@]}")
    [ "${#missing[@]}" -eq 0 ] && return 0
    if ! _bs_is_root; then
        _bs_err "missing system packages. Install them with:"
        printf '\n    sudo apt-get install --no-install-recommends %s\n\n' "${missing[*]}" >&2
        return 1
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        _bs_err "missing system packages and apt-get not found: ${missing[*]}"
        return 1
    fi
    _bs_apt_install "${missing[@]}" || return 1
    mapfile -t missing < <(_bs_missing_packages "${_bs_system_packages[@]}")
    if [ "${#missing[@]}" -ne 0 ]; then
        _bs_err "still missing after apt-get install: ${missing[*]}"
        return 1
    fi
}

# True if interpreter $1 is Python >= 3.11.
_bs_py_ok() {
    "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' >/dev/null 2>&1
}

_bs_find_python() {
    local cand
    if [ -n "${PYTHON:-}" ]; then
        if _bs_py_ok "$PYTHON"; then
            printf '%s\n' "$PYTHON"
            return 0
        fi
        _bs_err "PYTHON=$PYTHON is not a Python >= 3.11"
        return 1
    fi
    for cand in python3 python3.13 python3.12 python3.11; do
        if command -v "$cand" >/dev/null 2>&1 && _bs_py_ok "$cand"; then
            printf '%s\n' "$cand"
            return 0
        fi
    done
    _bs_err "Python >= 3.11 not found (python3 is $(python3 -V 2>&1 || echo absent))." \
        "Install Python 3.11 or newer, or point PYTHON at one."
    return 1
}

# Make sure "$1 -m venv" works (venv + ensurepip); apt-get python3-venv when root.
_bs_ensure_venv_module() {
    local py="$1" ver
    "$py" -c 'import venv, ensurepip' >/dev/null 2>&1 && return 0
    ver="$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
    if _bs_is_root && command -v apt-get >/dev/null 2>&1; then
        _bs_apt_install python3-venv "python${ver}-venv" || return 1
        "$py" -c 'import venv, ensurepip' >/dev/null 2>&1 && return 0
    fi
    _bs_err "$py cannot create virtual environments (venv/ensurepip missing)."
    if command -v apt-get >/dev/null 2>&1; then
        printf '\n    sudo apt-get install python3-venv python%s-venv\n\n' "$ver" >&2
    fi
    return 1
}

_bs_hash() {
    # sha256 of setup.cfg + pyproject.toml (portable: uses Python's hashlib).
    "$1" - "$REPO/setup.cfg" "$REPO/pyproject.toml" <<'EOF'
import hashlib, sys
h = hashlib.sha256()
for name in sys.argv[1:]:
    with open(name, "rb") as f:
        h.update(f.read())
print(h.hexdigest())
EOF
}

_bs_venv() {
    local venv="$REPO/.venv" vpy="$REPO/.venv/bin/python" stamp="$REPO/.venv/.bootstrap-stamp"
    local py want have="" log recreate=0

    # A usable venv: its interpreter runs, is >= 3.11 and the venv was made for this
    # path (venvs are not relocatable; a copied/moved checkout gets a fresh one).
    if [ ! -x "$vpy" ] || ! _bs_py_ok "$vpy"; then
        recreate=1
    elif ! grep -qF "$venv" "$venv/bin/activate" 2>/dev/null; then
        recreate=1
    fi

    if [ "$recreate" = 1 ]; then
        py="$(_bs_find_python)" || return 1
        _bs_ensure_venv_module "$py" || return 1
        _bs_err "creating virtualenv $venv"
        log="$(mktemp /tmp/sanwang-bootstrap-venv.XXXXXX.log)"
        if ! { "$py" -m venv --clear "$venv" \
                && "$vpy" -m pip install -q --disable-pip-version-check --upgrade pip; } \
                >"$log" 2>&1; then
            _bs_err "creating the virtualenv failed"
            _bs_tail_log "$log"
            return 1
        fi
        rm -f "$log"
    fi

    want="$(_bs_hash "$vpy")" || return 1
    [ -f "$stamp" ] && have="$(cat "$stamp")"
    [ "$want" = "$have" ] && return 0

    _bs_err "installing Python dependencies into $venv"
    log="$(mktemp /tmp/sanwang-bootstrap-pip.XXXXXX.log)"
    rm -f "$stamp"
    if ! (cd "$REPO" && "$vpy" -m pip install -q --disable-pip-version-check \
            -e '.[test]') >"$log" 2>&1; then
        _bs_err "pip install -e '.[test]' failed"
        _bs_tail_log "$log"
        return 1
    fi
    rm -f "$log"
    printf '%s\n' "$want" >"$stamp"
}

_bs_main() {
    _bs_system_deps || return 1
    local lock
    if command -v flock >/dev/null 2>&1; then
        # Serialize concurrent bootstraps of this checkout (e.g. run.sh and test.sh
        # started together). The lock lives outside .venv, which may be recreated.
        lock="/tmp/sanwang-bootstrap-$(id -u)-$(printf '%s' "$REPO" | cksum | cut -d' ' -f1).lock"
        (
            flock 9 || exit 1
            _bs_venv
        ) 9>"$lock"
    else
        _bs_venv
    fi
}

REPO="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}" 2>/dev/null \
    || printf '%s' "${BASH_SOURCE[0]}")")/.." && pwd -P)"
export REPO

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
    # Sourced: don't change the caller's shell options; report through the status.
    _bs_main
    return $?
fi

set -uo pipefail
_bs_main
exit $?
