"""One loaded index with its model: what the CLI and the chat hold for their lifetime."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qa.answer import Answer, AnswerSettings, compose
from qa.embed import Embedder, query_embedder
from qa.index import DEFAULT_INDEX, Index, load, read_manifest
from qa.question import MAX_K, clean_question
from qa.retrieve import MODES, Retriever


@dataclass
class Session:
    index: Index
    embedder: Embedder
    retriever: Retriever

    @classmethod
    def open(cls, folder: Path = DEFAULT_INDEX, embedder: Embedder | None = None, engine: str = "auto") -> Session:
        """Load the index, then the model its manifest names (each once).

        Args:
            engine: how questions are embedded (see `qa.embed.query_embedder`).
        """
        model = read_manifest(Path(folder))["model"]
        index = load(Path(folder), model=model)
        embedder = embedder or query_embedder(model, engine)
        return cls(index, embedder, Retriever(index, embedder))

    def ask(self, question: str, k: int = 5, mode: str = "hybrid",
            settings: AnswerSettings = AnswerSettings()) -> Answer:
        """Check the question, retrieve `k` passages and compose the cited answer.

        Raises:
            QuestionError: the question is empty, too long or has nothing to search for.
            ValueError: `k` or `mode` is out of range (the message names the allowed values).
        """
        question = clean_question(question)
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}; use one of {', '.join(MODES)}")
        limit = min(MAX_K, len(self.index.chunks))
        if not 1 <= k <= limit:
            raise ValueError(f"k={k} is out of range; use a number from 1 to {limit}")
        hits = self.retriever.search(question, k=k, mode=mode)
        dense = self.retriever.dense_scores(question, pool=1)
        return compose(question, hits, max(dense.values(), default=0.0), settings)
