#!/usr/bin/env bash
# Run every check: ruff, mypy, then pytest (SQLite and a throwaway PostgreSQL).
# Arguments are passed to pytest. Stops at the first failure.
set -uo pipefail

REPO="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd -P)"
"$REPO/scripts/bootstrap.sh" || exit $?
cd "$REPO" || exit 1
VENV="$REPO/.venv/bin"

step() { printf '==> %s\n' "$*"; }
fail() { printf 'test.sh: %s failed (exit %s)\n' "$1" "$2" >&2; exit "$2"; }

step "ruff check ."
"$VENV/ruff" check . || fail ruff $?

step "mypy"
"$VENV/mypy" || fail mypy $?

# A private runtime dir for Qt/QtWebEngine (they warn or fail without one).
XDG_RUNTIME_DIR="$(mktemp -d /tmp/sanwang-xdg-runtime.XXXXXX)" || exit 1
chmod 0700 "$XDG_RUNTIME_DIR"
trap 'rm -rf "$XDG_RUNTIME_DIR"' EXIT
export XDG_RUNTIME_DIR
export QT_QPA_PLATFORM=offscreen
export QTWEBENGINE_DISABLE_SANDBOX=1

step "pytest $*"
"$VENV/python" -m pytest "$@"
rc=$?
# 5 = no tests collected: that is a failure here, not a pass.
[ "$rc" -eq 0 ] || fail pytest "$rc"
