#!/usr/bin/env bash
# Start Sanwang Console. With no arguments it opens the GUI on the demo SQLite database;
# arguments are passed to main.py (e.g. --db URL, or a subcommand such as "db upgrade").
set -uo pipefail

REPO="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd -P)"
"$REPO/scripts/bootstrap.sh" || exit $?

# The GUI needs a display. Subcommands (a first argument that is not an option, other
# than "gui") and --help/--version do not, so they are not checked.
needs_display=1
case "${1:-}" in
    -h | --help | --version) needs_display=0 ;;
    "" | gui | -*) ;;
    *) needs_display=0 ;;
esac
if [ "$needs_display" = 1 ] && [ "$(uname -s)" = Linux ] \
    && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] \
    && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    cat >&2 <<'MSG'
run.sh: no display found (DISPLAY and WAYLAND_DISPLAY are unset).
Run it from a desktop session, or on a headless machine either use a virtual X server:

    xvfb-run -a -s '-screen 0 1920x1080x24' ./run.sh

or Qt's offscreen platform (nothing is shown; useful for smoke tests):

    QT_QPA_PLATFORM=offscreen ./run.sh
MSG
    exit 1
fi

cd "$REPO" || exit 1
exec "$REPO/.venv/bin/python" main.py "$@"
