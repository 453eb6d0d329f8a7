#!/usr/bin/env bash
# Inside a private D-Bus session: start gnome-keyring with a throwaway home, unlocked with a
# throwaway password, then run the given command. The developer's own keyring is never touched.
set -euo pipefail
KEYHOME="$(mktemp -d -t offduty-keyring.XXXXXX)"
trap 'rm -rf "$KEYHOME"' EXIT
export XDG_DATA_HOME="$KEYHOME/data" XDG_CONFIG_HOME="$KEYHOME/config" XDG_CACHE_HOME="$KEYHOME/cache"
mkdir -p "$XDG_DATA_HOME/keyrings" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
if command -v gnome-keyring-daemon >/dev/null 2>&1; then
  eval "$(printf '%s' 'offduty-test-only' | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)"
  export GNOME_KEYRING_CONTROL
fi
export OFFDUTY_TEST_KEYRING=1
"$@"
