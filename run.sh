#!/usr/bin/env bash
# Set up everything and run the main job: install into .venv, build the library of reports in data/
# on first use (progress per report), start the chat on http://127.0.0.1:7860.
set -euo pipefail
cd "$(dirname "$0")"
bash install.sh
export HF_HUB_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False
if ! .venv/bin/qa list > /dev/null 2> /tmp/qa-list-$$.err; then
  # A library written by an older version (or damaged) cannot be read: rebuilt from data/.
  [[ -f index/manifest.json ]] && echo "$(tail -1 /tmp/qa-list-$$.err | sed "s/^error: //") Rebuilding it from data/" \
    "(reports added with qa add must be added again)." >&2
  .venv/bin/qa build --source data
fi
rm -f /tmp/qa-list-$$.err
exec .venv/bin/qa serve "$@"
