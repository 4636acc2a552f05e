#!/usr/bin/env bash
# Install what 报告问答 needs on a fresh machine: CPU torch pinned first (a plain `torch` pulls a
# multi-GB CUDA build), then this package. `install.sh --test` adds the test tools and Debian's
# chromium + CJK fonts for the browser tests.
set -euo pipefail
cd "$(dirname "$0")"
PY=${PYTHON:-python3}
$PY -m pip install --quiet --disable-pip-version-check "torch==2.13.0"
if [[ "${1:-}" == "--test" ]]; then
  $PY -m pip install --quiet --disable-pip-version-check -e ".[test]"
  if ! [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]] || ! fc-list 2>/dev/null | grep -qi "noto.*cjk"; then
    if command -v apt-get >/dev/null; then
      SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
      $SUDO apt-get update -qq
      DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver fonts-noto-cjk >/dev/null
    else
      echo "warning: no apt-get; install chromium, chromium-driver and fonts-noto-cjk for the browser tests" >&2
    fi
  fi
else
  $PY -m pip install --quiet --disable-pip-version-check -e .
fi
