"""One loaded index with its model: what the CLI and the chat hold for their lifetime."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qa.embed import Embedder, SentenceTransformerEmbedder
from qa.index import DEFAULT_INDEX, Index, load, read_manifest
from qa.retrieve import Retriever


@dataclass
class Session:
    index: Index
    embedder: Embedder
    retriever: Retriever

    @classmethod
    def open(cls, folder: Path = DEFAULT_INDEX, embedder: Embedder | None = None) -> "Session":
        """Load the index, then the model its manifest names (each once)."""
        model = read_manifest(Path(folder))["model"]
        index = load(Path(folder), model=model)
        embedder = embedder or SentenceTransformerEmbedder(model)
        return cls(index, embedder, Retriever(index, embedder))
