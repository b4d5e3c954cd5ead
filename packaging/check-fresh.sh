#!/usr/bin/env bash
# Fresh-machine check: clone the repository into an empty folder, make a new virtual environment, run the README's
# two commands (the app started offscreen with a timeout, plus its self-test; then the full test suite), and fail
# if anything outside the README was needed.
#   packaging/check-fresh.sh [REPO]      (default: this repository)
set -euo pipefail
REPO="${1:-$(cd "$(dirname "$0")/.." && pwd)}"
WORK="$(mktemp -d /tmp/cdo-fresh-XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
export QT_QPA_PLATFORM=offscreen
export CDO_DATA_DIR="$WORK/data"          # never touch the user's data folder
export HOME="$WORK/home"; mkdir -p "$HOME" # nor their settings
unset PYTHONPATH VIRTUAL_ENV

git clone -q "$REPO" "$WORK/repo"
cd "$WORK/repo"

# README step 1 — install and start the app on its embedded default (a GUI never exits by itself: a timeout ends it;
# exit 124 from timeout means it was still running, i.e. it started).
python3 -m venv .venv && .venv/bin/pip install -q -e .
set +e
timeout 20 .venv/bin/python main.py
code=$?
set -e
if [ "$code" -ne 124 ] && [ "$code" -ne 0 ]; then
    echo "FAIL: the app exited with $code on start" >&2
    exit 1
fi
[ -f "$CDO_DATA_DIR/cdo.sqlite3" ] || { echo "FAIL: the app did not create its database" >&2; exit 1; }
.venv/bin/python -m cdo_desktop.selftest

# README step 2 — install and pass the tests (a fresh venv, as the README says).
rm -rf .venv
python3 -m venv .venv && .venv/bin/pip install -q -e '.[test]' && .venv/bin/python -m pytest -q -p no:cacheprovider
echo "fresh-machine check passed"
