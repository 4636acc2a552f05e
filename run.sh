#!/usr/bin/env bash
# Set up everything and run the main job: install into .venv, build the library of reports in data/
# on first use (progress per report), start the chat on http://127.0.0.1:7860.
set -euo pipefail
cd "$(dirname "$0")"
bash install.sh
export HF_HUB_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False
[[ -f index/manifest.json ]] || .venv/bin/qa build --source data
exec .venv/bin/qa serve "$@"
