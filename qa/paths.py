"""Where the library lives by default, whatever folder the command runs from.

In a checkout of the project: its `index/` and `data/`. Installed elsewhere (`pip install .`):
`$QA_HOME/index` (default `~/.local/share/baogao-qa/index`). `$QA_INDEX` overrides the index folder.
"""

from __future__ import annotations

import os
from pathlib import Path


def project_root() -> Path | None:
    """The checkout this package runs from, if it runs from one."""
    root = Path(__file__).resolve().parents[1]
    pyproject = root / "pyproject.toml"
    try:
        if pyproject.is_file() and 'name = "baogao-qa"' in pyproject.read_text(encoding="utf-8"):
            return root
    except OSError:
        pass
    return None


def home() -> Path:
    return Path(os.environ.get("QA_HOME") or Path.home() / ".local" / "share" / "baogao-qa")


def default_index() -> Path:
    if os.environ.get("QA_INDEX"):
        return Path(os.environ["QA_INDEX"])
    root = project_root()
    return root / "index" if root else home() / "index"


def default_data() -> Path:
    """The reports `qa build` indexes when given no --source: the checkout's `data/` folder."""
    root = project_root()
    return root / "data" if root else home() / "data"
