"""The Chinese keyword index: bm25s over normalized text, tokenized into jieba words (or characters+bigrams)."""

from __future__ import annotations

import math
import re
from functools import lru_cache
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
    """bm25s over token lists; scores every chunk for a question."""

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

    def df(self, word: str, within: np.ndarray | None = None) -> int:
        """How many chunks have the word (among `within`, when given)."""
        tid = self._bm25.vocab_dict.get(word)
        if tid is None:
            return 0
        s = self._bm25.scores
        if within is None:
            return int(s["indptr"][tid + 1] - s["indptr"][tid])
        return int(np.isin(s["indices"][s["indptr"][tid]:s["indptr"][tid + 1]], within).sum())

    def idf(self, word: str, cap: float = 6.0, within: np.ndarray | None = None) -> float:
        """How rare a word is (bm25s's idf), capped: a word no chunk has is often a paraphrase.

        Args:
            within: chunk ids being searched: the rarity among them (None: the whole library).
        """
        if within is None:
            return min(cap, _lucene_idf(self.df(word), self.n_docs))
        return min(cap, _lucene_idf(self.df(word, within), len(within)))

    @property
    def vocabulary(self) -> list[str]:
        """Every token the index knows."""
        return list(self._bm25.vocab_dict)

    @property
    def n_docs(self) -> int:
        return int(self._bm25.scores["num_docs"])

    def query_tokens(self, normalized_question: str) -> list[str]:
        """The question's tokens that the index knows (question words dropped)."""
        vocab = self._bm25.vocab_dict
        return [t for t in tokenize(strip_question_words(normalized_question), self.tokenizer) if t in vocab]

    def scores(self, tokens: list[str], within: np.ndarray | None = None) -> np.ndarray:
        """BM25 score of every chunk for the question's tokens (0 where none matches).

        Args:
            within: chunk ids being searched (some reports of a library). Each token's IDF is then
                the one it has among those chunks, so a report ranks its passages the same whatever
                else the library holds (bm25s stores idf x tf per token; the idf is rescaled).
        """
        if not tokens:
            return np.zeros(self.n_docs, dtype=np.float32)
        if within is None or self._bm25.method != "lucene":
            return np.asarray(self._bm25.get_scores(tokens), dtype=np.float32)
        s, vocab = self._bm25.scores, self._bm25.vocab_dict
        data, indices, indptr, n = s["data"], s["indices"], s["indptr"], s["num_docs"]
        inside = np.zeros(n, dtype=bool)
        inside[within] = True
        out = np.zeros(n, dtype=np.float32)
        for token in tokens:
            t = vocab[token]
            docs, values = indices[indptr[t]:indptr[t + 1]], data[indptr[t]:indptr[t + 1]]
            df_local = int(inside[docs].sum())
            if df_local == 0:
                continue
            ratio = _lucene_idf(df_local, len(within)) / _lucene_idf(len(docs), n)
            out[docs] += values * ratio
        return out
