#!/usr/bin/env bash
# Run the whole test suite (first time: sets everything up). Extra arguments go to pytest.
# Tests use a throwaway Secret Service (gnome-keyring on a private D-Bus session), never yours.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/bootstrap.sh"
export QT_QPA_PLATFORM=offscreen
if [ "${OFFDUTY_TEST_KEYRING:-}" != "1" ]; then
  exec dbus-run-session -- bash "$ROOT/scripts/with-test-keyring.sh" "$ROOT/.venv/bin/python" -m pytest -n 2 "$@"
fi
exec "$ROOT/.venv/bin/python" -m pytest -n 2 "$@"
