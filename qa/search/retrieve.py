"""Query -> ranked hits: dense (the reports' vectors), keyword (bm25s), and their fusion, within the routed reports.

One dense search and one keyword scoring per question. `hybrid` is the product: fused scores
plus what no generic RAG stack uses, the library's structure (which reports a question is about,
which part of a report reviews or plans the year asked for). `bm25`, `dense` and `rrf` (the
reference recipe: jieba BM25 + dense with reciprocal-rank fusion 0.5/0.5, like Langchain-Chatchat's
EnsembleRetriever) search the whole library (or the reports the user picked) as plain retrievers do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property

import numpy as np

from qa.index.embed import Embedder
from qa.index.store import Index, for_dense
from qa.ingest.chunk import Chunk
from qa.ingest.identity import ReportInfo
from qa.ingest.structure import HEADER_PART
from qa.search.dictionary import english_terms, english_words
from qa.search.query import Query, expansions_for, focus_terms, head_term
from qa.search.question import REPORT_WORDS, Reader, Reading
from qa.search.route import Route, route
from qa.search.vocabulary import glossary_terms, pinyin_table, pinyin_terms, without_glossary

POOL = 100  # candidates each side contributes to fusion
MERGE_MAX_CHARS = 600  # chunks of one paragraph are shown as one passage up to this length


@dataclass(frozen=True)
class Hit:
    """One retrieved chunk with its rank and score, and the report it comes from."""

    rank: int
    score: float
    chunk: Chunk
    report: ReportInfo

    def to_json(self) -> dict:
        c, r = self.chunk, self.report
        return {
            "rank": self.rank, "score": round(float(self.score), 6), "chunk_id": c.chunk_id, "passage_id": c.passage_id,
            "text": c.text,
            "report": r.id, "report_title": r.title, "place": r.place, "level": r.level, "year": r.year,
            "date": r.date, "part": c.part, "section": c.section, "paragraph": c.paragraph, "where": c.where,
            "span": [c.start, c.end],
        }


@dataclass(frozen=True)
class Retrieval:
    """What a search found: the hits, best first, and the best cosine among the searched passages."""

    query: Query
    hits: tuple[Hit, ...]
    dense_top: float
    cosines: dict = field(default_factory=dict)  # chunk id -> the question's cosine to it (the dense pool)

    @cached_property
    def _cosine_floor(self) -> float:
        return min(self.cosines.values(), default=self.dense_top)

    def cosine(self, chunk_id: int) -> float:
        """The question's cosine to a chunk; below the dense pool, the pool's lowest."""
        return self.cosines.get(chunk_id, self._cosine_floor)


@dataclass(frozen=True)
class FusionSettings:
    """How hybrid combines the two sides and the library's structure (measured on the dev sets)."""

    dense_weight: float = 0.4
    year_weight: float = 1.0  # in standard deviations: for the part about the year the question asks
    header_weight: float = 1.0  # against the title/date/speaker passage, unless the question asks who or when
    glossary: bool = True  # expand English questions' keyword query with the report's Chinese terms
    synonyms: bool = True  # expand the keyword query with the report's words for everyday words
    routing: bool = True  # search only the reports the question names
    scaling: str = "zscore"  # how each side's scores are put on one scale: "zscore" or "minmax"
    rrf_k: int = 60

    def __post_init__(self):
        if self.scaling not in ("zscore", "minmax"):
            raise ValueError(f"scaling={self.scaling!r} is unknown; use zscore or minmax")
        if not 0.0 <= self.dense_weight <= 1.0:
            raise ValueError(f"dense_weight={self.dense_weight!r}: use a number from 0 to 1")
        if self.year_weight < 0 or self.header_weight < 0 or self.rrf_k < 1:
            raise ValueError("year_weight and header_weight must be >= 0 and rrf_k >= 1")


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


def minmax(scores: dict[int, float]) -> dict[int, float]:
    """Scores scaled to 0..1 over the candidate pool (the usual alternative to z-scores)."""
    if not scores:
        return {}
    lo, hi = min(scores.values()), max(scores.values())
    return {i: (s - lo) / (hi - lo) if hi > lo else 1.0 for i, s in scores.items()}


def score_fusion(dense: dict[int, float], keyword: dict[int, float], dense_weight: float,
                 scaling: str = "zscore") -> dict[int, float]:
    """Weighted sum of scaled scores; a candidate one side did not return gets that side's minimum."""
    scale = standardize if scaling == "zscore" else minmax
    d, k = scale(dense), scale(keyword)
    d_floor, k_floor = min(d.values(), default=0.0), min(k.values(), default=0.0)
    return {i: dense_weight * d.get(i, d_floor) + (1 - dense_weight) * k.get(i, k_floor) for i in set(d) | set(k)}


def rrf_fusion(rankings: list[list[int]], weights: list[float], k: int = 60) -> dict[int, float]:
    """Reciprocal-rank fusion: sum of weight / (k + rank), rank from 1."""
    out: dict[int, float] = {}
    for ranking, w in zip(rankings, weights, strict=True):
        for r, i in enumerate(ranking, start=1):
            out[i] = out.get(i, 0.0) + w / (k + r)
    return out


def top_ids(scores: dict[int, float], k: int) -> list[int]:
    """Ids by score descending, ties broken by id: the same input gives the same order."""
    return sorted(scores, key=lambda i: (-scores[i], i))[:k]


class Retriever:
    """Searches one loaded library with one embedder (both loaded once)."""

    def __init__(self, index: Index, embedder: Embedder, fusion: FusionSettings = FusionSettings()):
        self.index = index
        self.embedder = embedder
        self.fusion = fusion
        self.known_places = tuple(r.place_obj for r in index.reports if r.place)
        self.report_ids = [r.id for r in index.reports]
        self.read = Reader(self.known_places)

    @property
    def n_chunks(self) -> int:
        return len(self.index.chunks)

    def query(self, question: str | Reading, reports: tuple[str, ...] | list[str] = (), routing: bool | None = None,
              decided: Route | None = None) -> Query:
        """Route and embed a cleaned question once (read by the session's reader unless already read).

        Args:
            question: the cleaned question, or its reading.
            reports: ids of the reports the user chose to search (all when empty; checked at the entry,
                `qa.common.options.check_reports`).
            routing: route by the places and years the question names (default: the fusion setting).
            decided: a route already decided (a place's older reports, when its newest does not answer).
        """
        reading = question if isinstance(question, Reading) else self.read(question)
        text = reading.text
        the_route = decided or self.route(reading, reports, routing)
        expansions = expansions_for(reading, self.fusion.glossary, self.fusion.synonyms)
        english = ""
        if self.fusion.glossary and reading.english:  # the reviewed glossary first, the dictionary for the rest
            names = {n for p in reading.places for n in (p.name, p.short)}  # routed by, not asked about
            unnamed = text  # `Sichuan` is routed by, not glossed (巴蜀) nor spelled out (`Hebei` is also 喝杯)
            for name in sorted(reading.place_names, key=len, reverse=True):
                unnamed = re.sub(re.escape(name), " ", unnamed, flags=re.I)
            glossed = frozenset(english_words(unnamed)) - frozenset(english_words(without_glossary(unnamed)))
            words = [w for w in english_terms(unnamed, self.index.keyword.df, glossed) if w not in names]
            english = f"{glossary_terms(text)} {' '.join(words)}"
            # `expansions` holds the glossary's words already (`expansions_for`): the dictionary's are added.
            expansions = f"{expansions} {' '.join(words)} {pinyin_terms(unnamed, self._pinyin)}".strip()
        topic = reading.topic if the_route.named else reading.normalized
        keyword_text = f"{topic} {expansions}".strip()
        tokens = tuple(dict.fromkeys(self.index.keyword.query_tokens(keyword_text)))
        dense_text = for_dense(text)
        vector = self.embedder.encode([dense_text], kind="query")
        within = self._route_ids(the_route.reports)
        keyword = self.index.keyword
        # A word's weight is its rarity among the reports searched: a report weighs its words the same
        # alone and inside a library (as its BM25 scores do).
        def known(word: str) -> bool:  # a passage searched has it
            return keyword.df(word, within) > 0

        focus = focus_terms(reading, the_route.named, expansions, lambda w: keyword.idf(w, within=within), english.strip(),
                            known=known)
        head = head_term(focus, known)
        return Query(reading, the_route, keyword_text, tokens, dense_text, vector, expansions, focus, head)

    def route(self, reading: Reading, reports: tuple[str, ...] | list[str] = (), routing: bool | None = None) -> Route:
        """Where `query` sends a question, without embedding it (routing: as in `query`)."""
        selected = tuple(reports)
        routing = self.fusion.routing if routing is None else routing
        return route(reading, self.index.reports, selected) if routing else Route(selected)

    @cached_property
    def _pinyin(self) -> dict[str, str]:
        """The library's words by their pinyin, for English questions that spell a name (`Hukou`)."""
        return pinyin_table(self.index.keyword.vocabulary)

    def allowed(self, query: Query) -> np.ndarray | None:
        """The chunk ids a query may return (None: all of them)."""
        return self._route_ids(query.route.reports)

    def _route_ids(self, ids: tuple[str, ...]) -> np.ndarray | None:
        if not ids or len(ids) == len(self.index.reports):
            return None
        return np.concatenate([np.arange(*self.index.ranges[r]) for r in ids])

    def dense_scores(self, query: Query, allowed: np.ndarray | None, pool: int = POOL) -> dict[int, float]:
        n = self.n_chunks if allowed is None else len(allowed)
        if n == 0:
            return {}
        scores, ids = self.index.dense.search(query.vector, min(pool, n), allowed)
        return {int(i): float(s) for i, s in zip(ids[0], scores[0], strict=True) if i >= 0}

    def keyword_scores(self, query: Query, allowed: np.ndarray | None, pool: int = POOL) -> dict[int, float]:
        scores = self.index.keyword.scores(list(query.tokens), allowed)
        candidates = np.arange(len(scores)) if allowed is None else allowed
        if len(candidates) == 0:
            return {}
        sub = scores[candidates]
        n = min(pool, len(sub))
        best = candidates[np.argpartition(-sub, n - 1)[:n]] if n < len(sub) else candidates
        # Zero scores stay in the pool: they are what a match stands out from when fusing
        # (a question only one chunk matches would otherwise have no spread to stand out on).
        return {int(i): float(scores[i]) for i in best}

    def search(self, query: Query, k: int = 5, mode: str = "hybrid") -> Retrieval:
        """The top `k` chunks for `query`, best first, with the best cosine for the abstention rule.

        `k` and `mode` are checked at the entry (`qa.common.options`), not again here.
        """
        if query.route.missing:
            return Retrieval(query, (), 0.0)
        allowed = self.allowed(query)
        dense = self.dense_scores(query, allowed)
        dense_top = max(dense.values(), default=0.0)
        if mode == "dense":
            scores = dense
        elif mode == "bm25":
            scores = self.keyword_scores(query, allowed)
        elif mode == "rrf":
            keyword = self.keyword_scores(query, allowed)
            scores = rrf_fusion([top_ids(keyword, POOL), top_ids(dense, POOL)], [0.5, 0.5], self.fusion.rrf_k)
        else:
            fused = score_fusion(dense, self.keyword_scores(query, allowed), self.fusion.dense_weight,
                                 self.fusion.scaling)
            scores = self._structure(query, fused)
        return Retrieval(query, self._paragraph_hits(scores, k), dense_top, dense)

    def _paragraph_hits(self, scores: dict[int, float], k: int) -> tuple[Hit, ...]:
        """The top `k` passages: chunks of one paragraph among the best become one passage spanning them
        (a source card never repeats a paragraph's words); a chunk too far from the others of its paragraph
        to join them within `MERGE_MAX_CHARS` is a passage of its own."""
        chunks, reports = self.index.chunks, self.index.report_by_id
        groups: dict[tuple[str, int, int], list[int]] = {}
        for i in top_ids(scores, 3 * k):
            same = [key for key in groups if key[:2] == (chunks[i].report, chunks[i].seq)]
            joined = next((key for key in same if max(chunks[j].end for j in [*groups[key], i])
                           - min(chunks[j].start for j in [*groups[key], i]) <= MERGE_MAX_CHARS), None)
            if joined is not None:
                groups[joined].append(i)
            elif len(groups) < k:
                groups[(chunks[i].report, chunks[i].seq, len(same))] = [i]
        hits = []
        for rank, ((report, seq, _), ids) in enumerate(groups.items(), start=1):
            best = chunks[ids[0]]
            if len(ids) > 1:
                start, end = min(chunks[i].start for i in ids), max(chunks[i].end for i in ids)
                text = self.index.paragraph_text(report, seq)
                offset = min(chunks[i].start for i in self.index.paragraph_chunk_ids(report, seq))
                best = replace(best, start=start, end=end, text=text[start - offset:end - offset])
            hits.append(Hit(rank, scores[ids[0]], best, reports[report]))
        return tuple(hits)

    def _structure(self, query: Query, fused: dict[int, float]) -> dict[int, float]:
        """The library's structure on top of the fused scores: the year's part, the header passage."""
        f, reading = self.fusion, query.reading
        chunks, reports = self.index.chunks, self.index.report_by_id
        wants_header = reading.wants_person or reading.wants_date
        if wants_header and query.route.named and 0 < len(query.route.reports) <= 3:
            # who gave the report and when: its header passage, even where no word of the question is in it
            # (`Who delivered Hangzhou's report?` shares no word with `杭州市人民政府市长 姚高员`)
            # (at the top when the question names the report itself, `作的报告`, `deliver the report`)
            floor = (max if REPORT_WORDS.search(reading.normalized) else min)(fused.values(), default=0.0)
            for report in query.route.reports:
                lo, hi = self.index.ranges[report]
                fused.update({i: max(fused.get(i, floor), floor) for i in range(lo, min(hi, lo + 3)) if chunks[i].part == HEADER_PART})
        years: dict[str, int | None] = {}
        for i in fused:
            c = chunks[i]
            if c.report not in years:
                years[c.report] = query.year_for(reports[c.report])
            wanted = years[c.report]
            if f.year_weight and wanted is not None and c.year is not None:
                fused[i] += f.year_weight if c.year == wanted else -f.year_weight
            if f.header_weight and c.part == HEADER_PART:
                fused[i] += f.header_weight if wants_header else -f.header_weight
        return fused
