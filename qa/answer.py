"""Hits -> a cited answer composed of the report's own sentences, or an honest abstention.

No language model runs here: the answer quotes the one to three sentences (or clauses of a long
sentence) of the top passages that best carry what the question asks for, each ending with the
[n] of the passage it comes from. A quoted sentence is never rewritten, so every claim can be
checked against the source it cites.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from qa.chunk import SENTENCE
from qa.clean import GARBLED
from qa.keyword import jieba_tokenizer, strip_question_words
from qa.normalize import for_search, to_simplified
from qa.retrieve import Hit, Retrieval
from qa.vocabulary import glossary_terms, synonym_terms

NOT_FOUND = "报告中没有找到与这个问题直接相关的内容。"
MAYBE_RELATED = "可能相关"
# Words too common in a county report to show that a passage is about the question.
COMMON_WORDS = frozenset(["吉县", "县里", "我县", "全县", "今年", "去年", "我们", "情况", "工作", "哪些", "什么", "多少", "怎么"])
_NUMBER = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|万|亿|余|多)?\s*[\u4e00-\u9fff㎡]?")
_ASKS_NUMBER = re.compile(r"多少|几|多大|多长|多高|多快|how (?:many|much|fast|long)|what (?:is|was) the .*(?:rate|output|target)")
_CLAUSE = re.compile(r"[^,，:：]*[,，:：]|[^,，:：]+$")
LONG_SENTENCE = 90  # longer sentences are answered clause by clause


@dataclass(frozen=True)
class AnswerSettings:
    """How answers are composed and when they abstain (calibrated on the dev set).

    The report is judged to cover a question when enough of the question's content words
    (or their report synonyms) occur in the top passages; at exactly `min_coverage` the dense
    similarity of the best passage must also reach `min_dense_at_edge`.
    """

    min_coverage: float = 0.5
    min_dense_at_edge: float = 0.865
    max_sentences: int = 2
    second_within: float = 0.1  # a second sentence is quoted when it scores this close to the best
    passages: int = 3  # how many top passages the answer may quote from


@dataclass(frozen=True)
class AnswerPart:
    text: str  # quoted from the source chunk, in the report's script
    source: int  # 1-based number of the cited source


@dataclass(frozen=True)
class Answer:
    question: str
    parts: tuple[AnswerPart, ...]
    sources: tuple[Hit, ...]
    abstained: bool
    coverage: float
    best_sentences: dict = field(default_factory=dict)  # source number -> [(start, end)] in chunk text
    message: str = ""  # why nothing was searched (the library lacks the place or year asked about)
    note: str = ""  # what qualifies the answer (which report it follows when the question left it open)

    def text(self, simplified: bool = False) -> str:
        """The answer as one string with [n] markers (or the not-found message)."""
        if self.abstained:
            return self.message or NOT_FOUND
        out = "".join(f"{p.text}[{p.source}]" for p in self.parts)
        out = f"{out}（{self.note}）" if self.note else out
        return to_simplified(out) if simplified else out

    def to_json(self) -> dict:
        """The `qa ask --json` object."""
        return {
            "question": self.question,
            "answer": self.text(),
            "answer_sources": sorted({p.source for p in self.parts}),
            "abstained": self.abstained,
            "message": self.message,
            "note": self.note,
            "hits": [h.to_json() for h in self.sources],
        }


def content_words(query) -> list[str]:
    """The words of a question that a passage about it should contain (not the places and years it was routed by)."""
    reading = query.reading
    if reading.english:
        normalized = for_search(f"{glossary_terms(reading.text)} {query.expansions}")
    else:
        normalized = reading.topic if query.route.named else reading.normalized
    words = jieba_tokenizer().lcut(strip_question_words(normalized))
    return [w for w in words if w.strip() and (len(w) >= 2 or w.isdigit()) and w not in COMMON_WORDS]


def _covered(word: str, text: str) -> bool:
    return word in text or any(s in text for s in synonym_terms(word).split())


def coverage(words: list[str], texts: list[str]) -> float:
    """Fraction of a question's content words found in the (normalized) texts."""
    if not words:
        return 0.0
    joined = " ".join(for_search(t) for t in texts)
    return sum(_covered(w, joined) for w in words) / len(words)


def _units(text: str) -> list[tuple[int, int]]:
    """Spans of the quotable units of a chunk: sentences, long ones cut into clauses."""
    spans = []
    for m in SENTENCE.finditer(text):
        s, e = m.start(), m.end()
        if e - s <= LONG_SENTENCE:
            spans.append((s, e))
            continue
        cur = s
        for c in _CLAUSE.finditer(text, s, e):
            # A clause stands on its own when it is long enough to carry a fact.
            if c.end() - cur >= 12 or c.end() == e:
                spans.append((cur, c.end()))
                cur = c.end()
        if cur < e:
            spans.append((cur, e))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _score_unit(unit: str, words: list[str], asks_number: bool, year_ok: int) -> float:
    norm = for_search(unit)
    score = sum(len(w) for w in words if _covered(w, norm)) / max(1, sum(len(w) for w in words))
    if asks_number and _NUMBER.search(unit):
        score += 0.3
    return score + 0.2 * year_ok


def compose(retrieval: Retrieval, settings: AnswerSettings = AnswerSettings()) -> Answer:
    """Compose the answer to a question from what its search found."""
    query, hits, dense_top = retrieval.query, list(retrieval.hits), retrieval.dense_top
    question = query.text
    if query.route.missing:
        return Answer(question, (), (), True, 0.0, message=query.route.missing)
    top = hits[: settings.passages]
    words = content_words(query)
    cov = coverage(words, [h.chunk.text for h in top])
    abstain = not hits or cov < settings.min_coverage or (
        cov == settings.min_coverage and dense_top < settings.min_dense_at_edge)
    if abstain:
        return Answer(question, (), tuple(hits), True, cov)

    asks_number = bool(_ASKS_NUMBER.search(to_simplified(question).lower()))
    candidates = []
    for rank, h in enumerate(top, start=1):
        wanted_year, year = query.year_for(h.report), h.chunk.year
        year_ok = 0 if wanted_year is None or year is None else (1 if year == wanted_year else -1)
        for s, e in _units(h.chunk.text):
            unit = h.chunk.text[s:e]
            if GARBLED in unit:
                continue  # a flagged run is not report text: never quote it
            # Earlier passages win ties: the ranking already weighed the whole passage.
            score = _score_unit(unit, words, asks_number, year_ok) - 0.05 * (rank - 1)
            candidates.append((score, rank, s, e, unit.strip()))
    if not candidates:  # every sentence of the top passages is a flagged garbled run
        return Answer(question, (), tuple(hits), True, cov)
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    chosen = [candidates[0]]
    for c in candidates[1:]:
        if len(chosen) >= settings.max_sentences or c[0] < candidates[0][0] - settings.second_within:
            break
        chosen.append(c)
    chosen.sort(key=lambda c: (c[1], c[2]))  # read in report order
    parts = tuple(AnswerPart(c[4], c[1]) for c in chosen)
    spans: dict[int, list[tuple[int, int]]] = {}
    for c in chosen:
        spans.setdefault(c[1], []).append((c[2], c[3]))
    return Answer(question, parts, tuple(hits), False, cov, spans, note=query.route.note)
