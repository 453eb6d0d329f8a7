#!/usr/bin/env bash
# Inside a private D-Bus session: start gnome-keyring with a throwaway home, unlocked with a
# throwaway password, then run the given command. The developer's own keyring is never touched.
# OFFDUTY_TEST_KEYRING=1 is set only when the throwaway Secret Service really started; without it
# the real-keyring tests skip (and say why) instead of failing.
set -euo pipefail
KEYHOME="$(mktemp -d -t offduty-keyring.XXXXXX)"
trap 'rm -rf "$KEYHOME"' EXIT
export XDG_DATA_HOME="$KEYHOME/data" XDG_CONFIG_HOME="$KEYHOME/config" XDG_CACHE_HOME="$KEYHOME/cache"
mkdir -p "$XDG_DATA_HOME/keyrings" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  echo "with-test-keyring: no D-Bus session (run under dbus-run-session); keyring tests will skip" >&2
elif ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
  echo "with-test-keyring: gnome-keyring is not installed (scripts/bootstrap.sh installs it); keyring tests will skip" >&2
elif started="$(printf '%s' 'offduty-test-only' | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)"; then
  eval "$started"
  export GNOME_KEYRING_CONTROL
  export OFFDUTY_TEST_KEYRING=1
else
  echo "with-test-keyring: gnome-keyring-daemon did not start; keyring tests will skip" >&2
fi
"$@"
