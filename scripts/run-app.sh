#!/usr/bin/env bash
# Open Offduty (first time: sets everything up). Arguments go to `offduty`, e.g. --demo.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/bootstrap.sh"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ "${QT_QPA_PLATFORM:-}" != "offscreen" ]; then
  echo "run-app: no display found; starting on a virtual screen (Xvfb). Use --screenshot DIR to see pages." >&2
  exec xvfb-run -a -s "-screen 0 1280x900x24" "$ROOT/.venv/bin/offduty" "$@"
fi
exec "$ROOT/.venv/bin/offduty" "$@"
