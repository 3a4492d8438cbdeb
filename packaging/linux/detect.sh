#!/bin/sh
# Kaspersky Transition Helper detection script for cron, Ansible and RMM tools
# (docs/it-deploy.md). It runs the check with no window, keeps the JSON result
# in a folder and prints one summary line. Exit codes are the app's:
#   0 no Kaspersky to remove, 1 Kaspersky found, 3 some checks could not
#   finish, 4 the check failed or its result could not be written.
# TH_BIN     the app (default: next to this script, else /usr/bin/transition-helper)
# TH_RESULTS the folder for <host>.json (default /var/lib/kaspersky-transition-helper)
set -u
here=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
bin=${TH_BIN:-}
if [ -z "$bin" ]; then
  for b in "$here/transition-helper" /usr/bin/transition-helper; do
    if [ -x "$b" ]; then bin=$b; break; fi
  done
fi
if [ -z "$bin" ] || [ ! -x "$bin" ]; then
  echo "FAILED: transition-helper was not found (set TH_BIN); exit 4"
  exit 4
fi
dir=${TH_RESULTS:-/var/lib/kaspersky-transition-helper}
if ! mkdir -p -- "$dir" 2>/dev/null; then
  echo "FAILED: the folder $dir could not be made (set TH_RESULTS); exit 4"
  exit 4
fi
host=$(uname -n)
exec "$bin" scan --json --output "$dir/$host.json" --summary
