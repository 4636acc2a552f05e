#!/usr/bin/env bash
# Install what 报告问答 needs into the project's own virtual environment (.venv), never into the
# system's Python: CPU torch pinned first (a plain `torch` pulls a multi-GB CUDA build), then this
# package. `install.sh --test` adds the test tools and Debian's chromium + CJK fonts for the browser
# tests. Without the standard `venv` module (Debian without python3-venv), uv from PyPI is unpacked
# into .tools/ (not installed anywhere) and makes the environment.
set -euo pipefail
cd "$(dirname "$0")"
PY=${PYTHON:-python3}
VENV=.venv
PIP_FLAGS=(--quiet --disable-pip-version-check)

if [[ ! -x $VENV/bin/python ]]; then
  rm -rf "$VENV"
  if ! "$PY" -m venv "$VENV" 2>/dev/null; then
    rm -rf "$VENV"
    echo "python's venv module is missing; unpacking uv from PyPI into .tools/ to make $VENV" >&2
    "$PY" -m pip install "${PIP_FLAGS[@]}" --target .tools uv
    .tools/bin/uv venv --seed --python "$PY" "$VENV"
  fi
fi
PIP=("$VENV/bin/python" -m pip)
# CPU torch: PyTorch's CPU wheel index first (plain PyPI serves the multi-GB CUDA build on Linux), then
# the configured index; say which one served it. Skipped when the right torch is already there.
TORCH_CPU_INDEX=${TORCH_CPU_INDEX:-https://download.pytorch.org/whl/cpu}
if ! "$VENV/bin/python" -c "import sys, torch; sys.exit(torch.__version__.split('+')[0] != '2.13.0')" 2>/dev/null; then
  if "${PIP[@]}" install "${PIP_FLAGS[@]}" --timeout 10 --retries 0 --index-url "$TORCH_CPU_INDEX" "torch==2.13.0" 2>/dev/null; then
    echo "torch 2.13.0 (CPU) installed from $TORCH_CPU_INDEX" >&2
  else
    "${PIP[@]}" install "${PIP_FLAGS[@]}" "torch==2.13.0"
    echo "torch 2.13.0 installed from the configured package index ($TORCH_CPU_INDEX was not reachable)" >&2
  fi
fi
# The project itself: skipped when this venv already holds it as pyproject.toml says now (a stamp of its hash).
STAMP="$VENV/.installed${1:-}"
WANT="$(sha256sum pyproject.toml | cut -d' ' -f1)"
installed() { [[ -f "$STAMP" && "$(cat "$STAMP")" == "$WANT" ]] && "$VENV/bin/python" -c "import qa" 2>/dev/null; }
if [[ "${1:-}" == "--test" ]]; then
  installed || { "${PIP[@]}" install "${PIP_FLAGS[@]}" -e ".[test]" && echo "$WANT" > "$STAMP"; }
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
  installed || { "${PIP[@]}" install "${PIP_FLAGS[@]}" -e . && echo "$WANT" > "$STAMP"; }
fi
