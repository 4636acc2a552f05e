"""The Chinese keyword index: bm25s over normalized text, tokenized into jieba words (or characters+bigrams)."""

from __future__ import annotations

import math
import re
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np

from qa.common.asking import alternation
from qa.common.asking import words as asking_words

# Latin words and numbers stay whole (`gdp`, `11.8`, `13513`); CJK runs become jieba words
# (search mode) and/or characters+bigrams; everything else (punctuation) is dropped.
_TOKEN = re.compile(r"[a-z]+|\d+(?:\.\d+)?%?|[\u3400-\u9fff\uf900-\ufaff]+")
TOKENIZERS = ("bigram", "jieba", "both")

# Question words carry no evidence: a passage does not say `多少` where it gives a number.
QUESTION_WORDS = (*asking_words("figure", "which", "how", "yesno", "where"), "几个", "几家", "几次", "哪",
                  "是", "有", "了", "的", "要", "请问", "请", "一下")
_QUESTION_WORDS = re.compile(alternation(QUESTION_WORDS))


def strip_question_words(normalized_question: str) -> str:
    """Drop question words from a normalized question (keyword side only)."""
    return _QUESTION_WORDS.sub(" ", normalized_question)


@lru_cache(maxsize=1)
def jieba_tokenizer():
    """jieba, initialized once (its dictionary takes ~1 s to load)."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def tokenize(normalized: str, tokenizer: str = "jieba") -> list[str]:
    """Keyword tokens of an already normalized text (see `qa.normalize.for_search`).

    Args:
        tokenizer: "jieba" (words, search mode), "bigram" (characters and bigrams) or "both".
    """
    if tokenizer not in TOKENIZERS:
        raise ValueError(f"tokenizer={tokenizer!r} is unknown; use one of {', '.join(TOKENIZERS)}")
    tokens: list[str] = []
    for m in _TOKEN.finditer(normalized):
        run = m.group(0)
        if not ("\u3400" <= run[0] <= "\u9fff" or "\uf900" <= run[0] <= "\ufaff"):
            tokens.append(run)
            continue
        if tokenizer in ("bigram", "both"):
            tokens.extend(run)
            tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
        if tokenizer in ("jieba", "both"):
            tokens.extend(w for w in jieba_tokenizer().lcut_for_search(run) if w.strip())
    return tokens


def _lucene_idf(df: int, n: int) -> float:
    """bm25s's default ("lucene") inverse document frequency."""
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


class KeywordIndex:
    """One report's bm25s index over its chunks' token lists (a library holds one per report, `LibraryKeyword`)."""

    def __init__(self, retriever, tokenizer: str):
        self._bm25 = retriever
        self.tokenizer = tokenizer

    @classmethod
    def build(cls, normalized_texts: list[str], tokenizer: str = "jieba") -> KeywordIndex:
        import bm25s

        retriever = bm25s.BM25()
        retriever.index([tokenize(t, tokenizer) for t in normalized_texts], show_progress=False)
        return cls(retriever, tokenizer)

    def save(self, folder: Path) -> None:
        self._bm25.save(str(folder))

    @classmethod
    def load(cls, folder: Path, tokenizer: str) -> KeywordIndex:
        import bm25s

        # Memory-mapped: the score arrays' pages are shared by every process serving the library (x100: 730 MB
        # private without it, measured by bench.scale).
        return cls(bm25s.BM25.load(str(folder), mmap=True), tokenizer)

    @property
    def n_docs(self) -> int:
        return int(self._bm25.scores["num_docs"])


class LibraryKeyword:
    """A library's keyword side: one `KeywordIndex` per report, in library order (ids are places in the
    library, the first report's chunks first).

    A word's idf is its rarity among the chunks searched, whichever reports they are: each report's
    bm25s scores (its idf x its term-frequency part, normalized by its own passage lengths) are
    rescaled from the report's idf to the searched set's, so a report ranks its passages the same alone
    and inside any library, and adding or removing a report touches no other report's postings.
    """

    def __init__(self, parts: list[KeywordIndex], tokenizer: str):
        self.parts = parts
        self.tokenizer = tokenizer
        self.offsets = np.cumsum([0] + [p.n_docs for p in parts])

    @property
    def n_docs(self) -> int:
        return int(self.offsets[-1])

    @cached_property
    def _df(self) -> dict[str, int]:
        """Each token's document frequency in the whole library."""
        out: dict[str, int] = {}
        for part in self.parts:
            counts = np.diff(part._bm25.scores["indptr"]).tolist()
            for token, tid in part._bm25.vocab_dict.items():
                if tid < len(counts):  # bm25s's empty token has no postings
                    out[token] = out.get(token, 0) + counts[tid]
        return out

    @property
    def vocabulary(self) -> list[str]:
        """Every token some report has."""
        return list(self._df)

    def query_tokens(self, normalized_question: str) -> list[str]:
        """The question's tokens that the library knows (question words dropped)."""
        return [t for t in tokenize(strip_question_words(normalized_question), self.tokenizer) if t in self._df]

    def _postings(self, token: str, within: np.ndarray | None):
        """(library ids, scores, the report's idf) of each report's postings of `token`, within the searched ids."""
        out = []
        spans = range(len(self.parts)) if within is None else self._touched(within)
        for s in spans:
            bm25 = self.parts[s]._bm25
            tid = bm25.vocab_dict.get(token)
            if tid is None:
                continue
            sc = bm25.scores
            lo, hi = sc["indptr"][tid], sc["indptr"][tid + 1]
            docs = np.asarray(sc["indices"][lo:hi], dtype=np.int64) + self.offsets[s]
            out.append((docs, sc["data"][lo:hi], _lucene_idf(hi - lo, int(sc["num_docs"]))))
        return out

    def _touched(self, within: np.ndarray) -> list[int]:
        bounds = np.searchsorted(np.sort(within), self.offsets)
        return np.nonzero(np.diff(bounds))[0].tolist()

    def df(self, word: str, within: np.ndarray | None = None) -> int:
        """How many chunks have the word (among `within`, when given)."""
        if within is None:
            return self._df.get(word, 0)
        if word not in self._df:
            return 0
        inside = self._inside(within)
        return sum(int(inside[docs].sum()) for docs, _, _ in self._postings(word, within))

    def _inside(self, within: np.ndarray) -> np.ndarray:
        inside = np.zeros(self.n_docs, dtype=bool)
        inside[within] = True
        return inside

    def idf(self, word: str, cap: float = 6.0, within: np.ndarray | None = None) -> float:
        """How rare a word is (bm25s's idf), capped: a word no chunk has is often a paraphrase.

        Args:
            within: chunk ids being searched: the rarity among them (None: the whole library).
        """
        n = self.n_docs if within is None else len(within)
        return min(cap, _lucene_idf(self.df(word, within), n))

    def scores(self, tokens: list[str], within: np.ndarray | None = None) -> np.ndarray:
        """BM25 score of every chunk for the question's tokens (0 where none matches, and outside `within`).

        Args:
            within: chunk ids being searched (some reports of a library; None: all of it).
        """
        out = np.zeros(self.n_docs, dtype=np.float32)
        inside = None if within is None else self._inside(within)
        n = self.n_docs if within is None else len(within)
        for token in tokens:  # a token twice counts twice, as in bm25s
            if token not in self._df:
                continue
            postings = self._postings(token, within)
            if inside is not None:
                postings = [(d[inside[d]], v[inside[d]], idf) for d, v, idf in postings]
            df = sum(len(d) for d, _, _ in postings)
            if df == 0:
                continue
            wanted = _lucene_idf(df, n)
            for docs, values, idf in postings:
                out[docs] += values * (wanted / idf)
        return out
