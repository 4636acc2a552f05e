"""Question -> ranked hits: dense (FAISS), keyword (bm25s), and their fusion."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from qa.chunk import Chunk
from qa.cues import glossary_terms, part_year, question_year, report_year, synonym_terms
from qa.embed import Embedder
from qa.index import Index, for_dense
from qa.normalize import for_search

MODES = ("hybrid", "dense", "bm25", "rrf")
POOL = 100  # candidates each side contributes to fusion


@dataclass(frozen=True)
class Hit:
    """One retrieved chunk with its rank and score."""

    rank: int
    score: float
    chunk: Chunk

    def to_json(self) -> dict:
        c = self.chunk
        return {
            "rank": self.rank, "score": round(float(self.score), 6), "chunk_id": c.chunk_id,
            "text": c.text, "part": c.part, "section": c.section, "paragraph": c.paragraph,
            "doc_title": c.doc_title, "span": [c.start, c.end],
        }


@dataclass(frozen=True)
class FusionSettings:
    """How hybrid combines the two sides (chosen by measuring on the dev set)."""

    dense_weight: float = 0.4
    year_weight: float = 1.0  # in standard deviations: for the part of the year the question asks about
    glossary: bool = True  # expand English questions' keyword query with the report's Chinese terms
    synonyms: bool = True  # expand the keyword query with the report's words for everyday words
    rrf_k: int = 60


def standardize(scores: dict[int, float]) -> dict[int, float]:
    """z-scores over the candidate pool: how far each candidate stands out on this side.

    Dense cosines sit in a narrow band (~0.8-0.93 for e5) while BM25 scores spread widely;
    standardizing puts both on one scale per question (measured better than min-max here).
    """
    if not scores:
        return {}
    values = np.fromiter(scores.values(), dtype=np.float64)
    mean, std = values.mean(), values.std()
    return {i: (s - mean) / std if std > 0 else 0.0 for i, s in scores.items()}


def score_fusion(dense: dict[int, float], keyword: dict[int, float], dense_weight: float) -> dict[int, float]:
    """Weighted sum of standardized scores; a candidate one side did not return gets that side's minimum."""
    d, k = standardize(dense), standardize(keyword)
    d_floor, k_floor = min(d.values(), default=0.0), min(k.values(), default=0.0)
    return {i: dense_weight * d.get(i, d_floor) + (1 - dense_weight) * k.get(i, k_floor) for i in set(d) | set(k)}


def rrf_fusion(rankings: list[list[int]], weights: list[float], k: int = 60) -> dict[int, float]:
    """Reciprocal-rank fusion: sum of weight / (k + rank), rank from 1."""
    out: dict[int, float] = {}
    for ranking, w in zip(rankings, weights, strict=False):
        for r, i in enumerate(ranking, start=1):
            out[i] = out.get(i, 0.0) + w / (k + r)
    return out


def top_ids(scores: dict[int, float], k: int) -> list[int]:
    """Ids by score descending, ties broken by id: the same input gives the same order."""
    return sorted(scores, key=lambda i: (-scores[i], i))[:k]


class Retriever:
    """Searches one loaded index with one embedder (both loaded once)."""

    def __init__(self, index: Index, embedder: Embedder, fusion: FusionSettings = FusionSettings()):
        self.index = index
        self.embedder = embedder
        self.fusion = fusion
        self._this_year = report_year(index.chunks)
        self._chunk_years = [part_year(c.part) for c in index.chunks]
        self._query_cache: dict[str, np.ndarray] = {}

    @property
    def n_chunks(self) -> int:
        return len(self.index.chunks)

    def query_vector(self, question: str) -> np.ndarray:
        """The question's embedding; the last few are cached (answering asks for it twice)."""
        key = for_dense(question)
        if key not in self._query_cache:
            if len(self._query_cache) >= 256:
                self._query_cache.pop(next(iter(self._query_cache)))
            self._query_cache[key] = self.embedder.encode([key], kind="query")
        return self._query_cache[key]

    def dense_scores(self, question: str, pool: int = POOL) -> dict[int, float]:
        q = self.query_vector(question)
        scores, ids = self.index.faiss_index.search(q, min(pool, self.n_chunks))
        return {int(i): float(s) for i, s in zip(ids[0], scores[0], strict=False) if i >= 0}

    def keyword_scores(self, question: str, pool: int = POOL) -> dict[int, float]:
        scores = self.index.keyword.scores(for_search(question))
        n = min(pool, len(scores))
        best = np.argpartition(-scores, n - 1)[:n] if n < len(scores) else np.arange(len(scores))
        # Zero scores stay in the pool: they are what a match stands out from when fusing
        # (a question only one chunk matches would otherwise have no spread to stand out on).
        return {int(i): float(scores[i]) for i in best}

    def scores(self, question: str, mode: str = "hybrid") -> dict[int, float]:
        """Score of each candidate chunk under `mode`."""
        if mode == "dense":
            return self.dense_scores(question)
        if mode == "bm25":
            return self.keyword_scores(question)
        dense, keyword = self.dense_scores(question), self.keyword_scores(question)
        if mode == "rrf":
            # The reference recipe (Langchain-Chatchat's EnsembleRetriever): RRF 0.5/0.5.
            return rrf_fusion([top_ids(keyword, POOL), top_ids(dense, POOL)], [0.5, 0.5], self.fusion.rrf_k)
        if mode == "hybrid":
            return self._hybrid(question)
        raise ValueError(f"unknown mode {mode!r}; use one of {', '.join(MODES)}")

    def _hybrid(self, question: str) -> dict[int, float]:
        f = self.fusion
        extra = glossary_terms(question) if f.glossary else ""
        if f.synonyms:
            extra += " " + synonym_terms(for_search(f"{question} {extra}"))
        extra = extra.strip()
        dense = self.dense_scores(question)
        keyword = self.keyword_scores(f"{question} {extra}" if extra else question)
        fused = score_fusion(dense, keyword, f.dense_weight)
        year = question_year(for_search(question), self._this_year) if f.year_weight else None
        if year is not None:
            for i in fused:
                y = self._chunk_years[i]
                if y is not None:
                    fused[i] += f.year_weight if y == year else -f.year_weight
        return fused

    def search(self, question: str, k: int = 5, mode: str = "hybrid") -> list[Hit]:
        """The top `k` chunks for `question`, best first."""
        scores = self.scores(question, mode)
        return [Hit(r, scores[i], self.index.chunks[i]) for r, i in enumerate(top_ids(scores, k), start=1)]
