#!/usr/bin/env bash
# Run the whole test suite (slow and browser tests included) in .venv, installing what the tests need.
set -euo pipefail
cd "$(dirname "$0")"
bash install.sh --test
export HF_HUB_OFFLINE=1 GRADIO_ANALYTICS_ENABLED=False NO_PROXY=127.0.0.1,localhost no_proxy=127.0.0.1,localhost
# One worker per core; each test file stays on one worker, so its fixtures are built once there.
exec .venv/bin/python -m pytest -v -p no:cacheprovider -n auto --dist loadfile --no-loadscope-reorder "$@"
