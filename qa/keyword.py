"""The Chinese keyword index: bm25s over normalized text, tokenized into jieba words (or characters+bigrams)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import numpy as np

# Latin words and numbers stay whole (`gdp`, `11.8`, `13513`); CJK runs become jieba words
# (search mode) and/or characters+bigrams; everything else (punctuation) is dropped.
_TOKEN = re.compile(r"[a-z]+|\d+(?:\.\d+)?%?|[\u3400-\u9fff\uf900-\ufaff]+")
TOKENIZERS = ("bigram", "jieba", "both")

# Question words carry no evidence: a passage does not say `多少` where it gives a number.
QUESTION_WORDS = (
    "多少", "几个", "几家", "几次", "几", "什么", "什麼", "哪些", "哪个", "哪里", "哪", "怎么", "怎样",
    "如何", "是否", "吗", "呢", "是", "有", "了", "的", "要", "请问", "请", "一下",
)
_QUESTION_WORDS = re.compile("|".join(sorted(QUESTION_WORDS, key=len, reverse=True)))


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


def tokenize(normalized: str, mode: str = "jieba") -> list[str]:
    """Keyword tokens of an already normalized text (see `qa.normalize.for_search`)."""
    tokens: list[str] = []
    for m in _TOKEN.finditer(normalized):
        run = m.group(0)
        if not ("\u3400" <= run[0] <= "\u9fff" or "\uf900" <= run[0] <= "\ufaff"):
            tokens.append(run)
            continue
        if mode in ("bigram", "both"):
            tokens.extend(run)
            tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
        if mode in ("jieba", "both"):
            tokens.extend(w for w in jieba_tokenizer().lcut_for_search(run) if w.strip())
    return tokens


class KeywordIndex:
    """bm25s over token lists; scores every chunk for a question."""

    def __init__(self, retriever, mode: str):
        self._bm25 = retriever
        self.mode = mode

    @classmethod
    def build(cls, normalized_texts: list[str], mode: str = "jieba") -> KeywordIndex:
        import bm25s

        retriever = bm25s.BM25()
        retriever.index([tokenize(t, mode) for t in normalized_texts], show_progress=False)
        return cls(retriever, mode)

    def save(self, folder: Path) -> None:
        self._bm25.save(str(folder))

    @classmethod
    def load(cls, folder: Path, mode: str) -> KeywordIndex:
        import bm25s

        return cls(bm25s.BM25.load(str(folder)), mode)

    def scores(self, normalized_question: str) -> np.ndarray:
        """BM25 score of every chunk (0 where no token matches)."""
        vocab = self._bm25.vocab_dict
        tokens = [t for t in tokenize(strip_question_words(normalized_question), self.mode) if t in vocab]
        if not tokens:
            return np.zeros(self._bm25.scores["num_docs"], dtype=np.float32)
        return np.asarray(self._bm25.get_scores(tokens), dtype=np.float32)
