#!/usr/bin/env bash
# Set up everything and run the main job: install, build the index if missing, start the chat.
set -euo pipefail
cd "$(dirname "$0")"
bash install.sh
export HF_HUB_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False
[[ -f index/manifest.json ]] || qa build
exec qa serve "$@"
