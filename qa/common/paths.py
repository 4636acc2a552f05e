"""Where the library lives by default, whatever folder the command runs from.

In a checkout of the project: its `index/` and `data/`. Installed elsewhere (`pip install .`):
`$QA_HOME/index` (default `~/.local/share/baogao-qa/index`). `$QA_INDEX` overrides the index folder.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def project_root() -> Path | None:
    """The checkout this package runs from, if it runs from one."""
    root = Path(__file__).resolve().parents[2]
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


def write_atomically(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Write a whole file or nothing: a temporary sibling, renamed into place."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
