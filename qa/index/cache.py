"""Vectors remembered by what was embedded: (model, precision, kind, exact text) -> vector.

A build, an `add` and the tests ask the cache first and embed only what it lacks, so a passage is
embedded once per machine, whatever library it goes into. The vectors of the shipped `data/`
reports ship with the project (`vectors/`, float16: a fresh clone's first build embeds nothing
it already has); whatever else gets embedded is added to the user's cache (`$QA_HOME/vectors`,
default `~/.local/share/baogao-qa/vectors`; `QA_VECTOR_CACHE=off` turns the cache off,
`QA_VECTOR_CACHE=DIR` moves it). A changed chunk has another text, so it is simply not found.

Each file is one `.npz` shard (written whole, then renamed): `keys` (n x 16 bytes, a BLAKE2b digest
of model, kind and text), `vectors` (n x dim, float16) and `meta` (model, precision, dim).
Float16 keeps a cosine of 0.99999+ to the float32 vector; every vector is re-normalized on
the way out. A float32 vector also serves a build that would compute bfloat16 (it is the
reference those faster paths approximate).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

from qa.common.paths import home, project_root

log = logging.getLogger(__name__)

SHIPPED = "vectors"  # the project's own folder of shards, beside data/


def key(model: str, kind: str, text: str) -> bytes:
    """The 16-byte digest a vector is found by."""
    return hashlib.blake2b(f"{model}\0{kind}\0{text}".encode(), digest_size=16).digest()


def default_folders() -> tuple[list[Path], Path | None]:
    """(the folders read, the folder new vectors are written to), from the environment."""
    setting = os.environ.get("QA_VECTOR_CACHE", "")
    if setting.lower() in ("off", "0", "no", "false"):
        return [], None
    user = Path(setting) if setting else home() / "vectors"
    root = project_root()
    shipped = [root / SHIPPED] if root and (root / SHIPPED).is_dir() else []
    return shipped + [user], user


class VectorCache:
    """Shards of vectors in folders, looked up by digest; new vectors go to one writable folder.

    Args:
        folders: folders of `.npz` shards to read (missing ones are fine).
        writable: where `store` writes a new shard (None: nothing is written).
    """

    def __init__(self, folders: list[Path], writable: Path | None = None):
        self.folders = [Path(f) for f in folders]
        self.writable = Path(writable) if writable else None
        self._rows: dict[tuple[str, str], dict[bytes, np.ndarray]] | None = None
        self._lock = threading.Lock()

    @classmethod
    def default(cls) -> VectorCache:
        folders, writable = default_folders()
        return cls(folders, writable)

    def _load(self) -> dict[tuple[str, str], dict[bytes, np.ndarray]]:
        with self._lock:
            if self._rows is None:
                rows: dict[tuple[str, str], dict[bytes, np.ndarray]] = {}
                for folder in self.folders:
                    for shard in sorted(folder.glob("*.npz")) if folder.is_dir() else []:
                        try:
                            with np.load(shard, allow_pickle=False) as z:
                                meta = json.loads(bytes(z["meta"]).decode())
                                keys, vectors = z["keys"], z["vectors"]
                        except (OSError, ValueError, KeyError) as e:
                            log.warning("vector cache: skipping unreadable %s (%s)", shard, e)
                            continue
                        table = rows.setdefault((meta["model"], meta["precision"]), {})
                        for k, v in zip(keys, vectors, strict=True):
                            table[bytes(k)] = v
                self._rows = rows
            return self._rows

    def __len__(self) -> int:
        return sum(len(t) for t in self._load().values())

    def lookup(self, model: str, precision: str, kind: str, texts: list[str]) -> tuple[np.ndarray | None, list[int]]:
        """The cached vectors of `texts` (float32, normalized; zero rows where missing) and the missing positions."""
        tables = [self._load().get((model, p)) for p in dict.fromkeys((precision, "float32"))]
        tables = [t for t in tables if t]
        found: dict[int, np.ndarray] = {}
        for i, text in enumerate(texts):
            k = key(model, kind, text)
            for table in tables:
                if k in table:
                    found[i] = table[k]
                    break
        missing = [i for i in range(len(texts)) if i not in found]
        if not found:
            return None, missing
        dim = len(next(iter(found.values())))
        out = np.zeros((len(texts), dim), dtype=np.float32)
        for i, v in found.items():
            out[i] = v
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1, norms), missing

    def store(self, model: str, precision: str, kind: str, texts: list[str], vectors: np.ndarray) -> Path | None:
        """Add vectors as one new shard in the writable folder (atomically); returns its path."""
        if self.writable is None or not texts:
            return None
        keys = np.frombuffer(b"".join(key(model, kind, t) for t in texts), dtype=np.uint8).reshape(len(texts), 16)
        halves = np.asarray(vectors, dtype=np.float16)
        meta = np.frombuffer(json.dumps({"model": model, "precision": precision, "dim": int(vectors.shape[1]),
                                         "kind": kind}).encode(), dtype=np.uint8)
        try:
            self.writable.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".shard-", suffix=".npz", dir=self.writable)
            with os.fdopen(fd, "wb") as f:
                np.savez(f, keys=keys, vectors=halves, meta=meta)
            os.chmod(tmp, 0o644)
            path = self.writable / f"{model.replace('/', '--')}-{precision}-{time.time_ns()}-{os.getpid()}.npz"
            os.replace(tmp, path)
        except OSError as e:  # a read-only or full disk: the build goes on without remembering
            log.warning("vector cache: could not write to %s (%s)", self.writable, e)
            return None
        with self._lock:
            if self._rows is not None:
                table = self._rows.setdefault((model, precision), {})
                for k, v in zip(keys, halves, strict=True):
                    table[bytes(k)] = v
        return path


def embed_cached(embedder, texts: list[str], kind: str = "passage", cache: VectorCache | None = None,
                 spot_check: int = 2, seed: int = 0) -> tuple[np.ndarray, int]:
    """Vectors of `texts`: from the cache where it has them, else embedded (and remembered).

    A few cached texts (`spot_check`) are re-embedded whenever the model is loaded anyway and
    compared (cosine >= 0.999); a cache that disagrees is not trusted for this call.

    Returns:
        (vectors, how many came from the cache)
    """
    precision = getattr(embedder, "precision", "float32")
    model = embedder.name
    if cache is None or not texts:
        return embedder.encode(texts, kind=kind), 0
    cached, missing = cache.lookup(model, precision, kind, texts)
    if cached is None:
        vectors = embedder.encode(texts, kind=kind)
        cache.store(model, precision, kind, texts, vectors)
        return vectors, 0
    if missing:
        absent = set(missing)
        hits = [i for i in range(len(texts)) if i not in absent]
        sample = list(np.random.default_rng(seed).choice(hits, size=min(spot_check, len(hits)), replace=False))
        fresh = embedder.encode([texts[i] for i in missing + sample], kind=kind)
        agreement = (fresh[len(missing):] * cached[sample]).sum(axis=1)
        if len(agreement) and agreement.min() < 0.999:
            log.warning("vector cache disagrees with %s (cosine %.4f): embedding everything", model, agreement.min())
            vectors = embedder.encode(texts, kind=kind)
            cache.store(model, precision, kind, texts, vectors)
            return vectors, 0
        cached[missing] = fresh[: len(missing)]
        cache.store(model, precision, kind, [texts[i] for i in missing], fresh[: len(missing)])
    return cached, len(texts) - len(missing)


def compact(folder: Path) -> list[Path]:
    """Merge a folder's shards into one per (model, precision): how the shipped `vectors/` is kept small."""
    folder = Path(folder)
    old = sorted(folder.glob("*.npz"))
    cache = VectorCache([folder], folder)
    written = []
    for (model, precision), table in sorted(cache._load().items()):
        keys = np.frombuffer(b"".join(table), dtype=np.uint8).reshape(len(table), 16)
        vectors = np.stack(list(table.values())).astype(np.float16)
        meta = np.frombuffer(json.dumps({"model": model, "precision": precision, "dim": int(vectors.shape[1]),
                                         "kind": "passage"}).encode(), dtype=np.uint8)
        fd, tmp = tempfile.mkstemp(prefix=".shard-", suffix=".npz", dir=folder)
        with os.fdopen(fd, "wb") as f:
            np.savez_compressed(f, keys=keys, vectors=vectors, meta=meta)
        os.chmod(tmp, 0o644)
        path = folder / f"{model.replace('/', '--')}-{precision}.npz"
        os.replace(tmp, path)
        written.append(path)
    for shard in old:
        if shard not in written:
            shard.unlink()
    return written


def remember(index_folders: list[Path], cache: VectorCache) -> int:
    """Put the vectors of built libraries into a cache (what a build embedded, keyed by what it embedded)."""
    from qa.index.store import embed_text, load

    n = 0
    for folder in index_folders:
        index = load(Path(folder))
        m = index.manifest
        texts = [embed_text(c, m.embed_context) for c in index.chunks]
        cache.store(m.model, m.precision, "passage", texts, index.vectors())
        n += len(texts)
    return n


def main(argv: list[str] | None = None) -> int:
    """`python -m qa.index.cache remember INDEX... --into DIR` / `compact DIR`: keep the shipped vectors."""
    import argparse

    p = argparse.ArgumentParser(prog="python -m qa.index.cache", description=main.__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    r = sub.add_parser("remember", help="store the vectors of built index folders in a cache folder")
    r.add_argument("indexes", nargs="+", type=Path)
    r.add_argument("--into", type=Path, default=Path(SHIPPED))
    c = sub.add_parser("compact", help="merge a cache folder's shards into one per model and precision")
    c.add_argument("folder", type=Path, nargs="?", default=Path(SHIPPED))
    args = p.parse_args(argv)
    if args.command == "remember":
        n = remember(args.indexes, VectorCache([args.into], args.into))
        print(f"remembered {n} vectors in {args.into}")
    else:
        for written in compact(args.folder):
            print(f"wrote {written}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
