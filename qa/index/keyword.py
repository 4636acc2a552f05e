"""The Chinese keyword index: bm25s over normalized text, tokenized into jieba words (or characters+bigrams)."""

from __future__ import annotations

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


def _lucene_idf(df, n):
    """bm25s's default ("lucene") inverse document frequency (of one count or an array of them)."""
    return np.log(1 + (n - df + 0.5) / (df + 0.5))


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

    def postings(self) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
        """(tokens, each token's passage count, the passages, the BM25 term-frequency part) of every
        token, token by token: bm25s's scores with its idf taken out (the library applies its own)."""
        scores = self._bm25.scores
        counts = np.diff(np.asarray(scores["indptr"], dtype=np.int64))
        by_id = sorted(self._bm25.vocab_dict.items(), key=lambda kv: kv[1])
        tokens = [t for t, i in by_id if i < len(counts)]  # bm25s's empty token has no postings
        idf = _lucene_idf(counts, self.n_docs)
        weights = np.asarray(scores["data"], dtype=np.float32) / np.repeat(idf, counts).astype(np.float32)
        return tokens, counts, np.asarray(scores["indices"], dtype=np.int64), weights


class LibraryKeyword:
    """A library's keyword side: every report's postings in one inverted index over the library's
    passages (ids in report order), each posting a token's BM25 term-frequency part in a passage,
    normalized by the passage lengths of its own report.

    The idf is applied at question time, over the passages searched: a word's weight is its rarity
    among them, whichever reports they are, so a report ranks its passages the same alone and inside
    any library. A change merges postings instead of tokenizing again: `appended` puts new reports'
    postings (from their shards' bm25s indexes) after the last passage, `without` drops removed
    reports' and moves later passages down. A search restricted to some reports reads only their
    slices of each token's postings (sorted by passage).

        keyword/  vocab.json   {"n_docs": N, "tokens": [...]}   (a token's id is its place)
                  indptr.npy   token t's postings are [indptr[t], indptr[t + 1])
                  docs.npy     passage ids, increasing within a token (int32)
                  weights.npy  the term-frequency parts (float32)
    """

    def __init__(self, tokens: list[str], indptr: np.ndarray, docs: np.ndarray, weights: np.ndarray, n_docs: int,
                 tokenizer: str):
        self.tokens, self.indptr, self.docs, self.weights = tokens, indptr, docs, weights
        self.n_docs = int(n_docs)
        self.tokenizer = tokenizer
        self._id = {t: i for i, t in enumerate(tokens)}

    @classmethod
    def empty(cls, tokenizer: str) -> LibraryKeyword:
        return cls([], np.zeros(1, np.int64), np.zeros(0, np.int32), np.zeros(0, np.float32), 0, tokenizer)

    @classmethod
    def of(cls, reports: list[KeywordIndex], tokenizer: str) -> LibraryKeyword:
        """The library of these reports' indexes, in this order."""
        return cls.empty(tokenizer).appended(reports)

    def save(self, folder: Path) -> None:
        import json

        folder.mkdir(parents=True, exist_ok=True)
        (folder / "vocab.json").write_text(json.dumps({"n_docs": self.n_docs, "tokens": self.tokens},
                                                      ensure_ascii=False), encoding="utf-8")
        for name, array in (("indptr", self.indptr), ("docs", self.docs), ("weights", self.weights)):
            np.save(folder / f"{name}.npy", np.ascontiguousarray(array))

    @classmethod
    def load(cls, folder: Path, tokenizer: str) -> LibraryKeyword:
        """Read a library's keyword index, its arrays memory-mapped (shared by every process serving it)."""
        import json

        meta = json.loads((folder / "vocab.json").read_text(encoding="utf-8"))
        arrays = [np.load(folder / f"{name}.npy", mmap_mode="r") for name in ("indptr", "docs", "weights")]
        indptr, docs, weights = arrays
        if len(indptr) != len(meta["tokens"]) + 1 or len(docs) != len(weights) or int(indptr[-1]) != len(docs):
            raise ValueError("its arrays do not match each other")
        return cls(list(meta["tokens"]), indptr, docs, weights, int(meta["n_docs"]), tokenizer)

    def appended(self, reports: list[KeywordIndex]) -> LibraryKeyword:
        """This library with the reports' postings after its last passage (their passages numbered on)."""
        tokens, ids = list(self.tokens), dict(self._id)
        token_of, docs_of, weights_of, first = [], [], [], self.n_docs
        for report in reports:
            own, counts, docs, weights = report.postings()
            mapped = np.empty(len(own), np.int64)
            for i, t in enumerate(own):
                mapped[i] = ids.setdefault(t, len(tokens))
                if mapped[i] == len(tokens):
                    tokens.append(t)
            token_of.append(np.repeat(mapped, counts))
            docs_of.append(docs + first)
            weights_of.append(weights)
            first += report.n_docs
        token = np.concatenate(token_of) if token_of else np.zeros(0, np.int64)
        order = np.lexsort((np.concatenate(docs_of) if docs_of else token, token))
        token = token[order]
        new_docs = np.concatenate(docs_of)[order] if docs_of else np.zeros(0, np.int64)
        new_weights = np.concatenate(weights_of)[order] if weights_of else np.zeros(0, np.float32)
        # Each token's old postings first (lower passage ids), then its new ones.
        old_counts = np.zeros(len(tokens), np.int64)
        old_counts[:len(self.tokens)] = np.diff(self.indptr)
        new_counts = np.bincount(token, minlength=len(tokens))
        indptr = np.concatenate([[0], np.cumsum(old_counts + new_counts)]).astype(np.int64)
        docs = np.empty(int(indptr[-1]), np.int32)
        weights = np.empty(int(indptr[-1]), np.float32)
        old_token = np.repeat(np.arange(len(self.tokens)), old_counts[:len(self.tokens)])
        at = np.arange(len(self.docs)) - np.asarray(self.indptr)[old_token] + indptr[old_token]
        docs[at], weights[at] = self.docs, self.weights
        group = np.concatenate([[0], np.cumsum(new_counts)])[token]
        at = indptr[token] + old_counts[token] + np.arange(len(token)) - group
        docs[at], weights[at] = new_docs, new_weights
        return LibraryKeyword(tokens, indptr, docs, weights, first, self.tokenizer)

    def without(self, ranges: list[tuple[int, int]]) -> LibraryKeyword:
        """This library without the passages of `ranges` (half-open, one per report), later ids moved down."""
        if not ranges:
            return self
        ranges = sorted(ranges)
        lo, hi = np.array([r[0] for r in ranges]), np.array([r[1] for r in ranges])
        docs = np.asarray(self.docs, dtype=np.int64)
        k = np.searchsorted(lo, docs, side="right") - 1
        keep = ~((k >= 0) & (docs < hi[np.maximum(k, 0)]))
        below = np.concatenate([[0], np.cumsum(hi - lo)])  # passages removed below each range's end
        kept = docs[keep]
        token = np.repeat(np.arange(len(self.tokens)), np.diff(self.indptr))[keep]
        indptr = np.concatenate([[0], np.cumsum(np.bincount(token, minlength=len(self.tokens)))]).astype(np.int64)
        return LibraryKeyword(self.tokens, indptr, (kept - below[np.searchsorted(hi, kept, side="right")]).astype(np.int32),
                              np.asarray(self.weights)[keep], self.n_docs - int(below[-1]), self.tokenizer)

    @property
    def vocabulary(self) -> list[str]:
        """Every token some passage has."""
        counts = np.diff(self.indptr)
        return [t for t, c in zip(self.tokens, counts, strict=True) if c]

    def query_tokens(self, normalized_question: str) -> list[str]:
        """The question's tokens that the library knows (question words dropped)."""
        return [t for t in tokenize(strip_question_words(normalized_question), self.tokenizer) if self._count(t)]

    def _count(self, token: str) -> int:
        t = self._id.get(token)
        return 0 if t is None else int(self.indptr[t + 1] - self.indptr[t])

    def _postings(self, token: str, spans: tuple[np.ndarray, np.ndarray] | None) -> tuple[np.ndarray, np.ndarray]:
        """(passages, weights) of a token, within the searched spans (None: the whole library)."""
        t = self._id.get(token)
        if t is None:
            return np.zeros(0, np.int32), np.zeros(0, np.float32)
        docs, weights = self.docs[self.indptr[t]:self.indptr[t + 1]], self.weights[self.indptr[t]:self.indptr[t + 1]]
        if spans is None:
            return docs, weights
        starts, ends = np.searchsorted(docs, spans[0]), np.searchsorted(docs, spans[1])
        pick = [np.arange(s, e) for s, e in zip(starts.tolist(), ends.tolist(), strict=True) if e > s]
        if not pick:
            return np.zeros(0, np.int32), np.zeros(0, np.float32)
        pick = np.concatenate(pick)
        return docs[pick], weights[pick]

    @staticmethod
    def _spans(within: np.ndarray | None) -> tuple[np.ndarray, np.ndarray] | None:
        """The searched ids as half-open runs (starts, ends): one per report searched."""
        if within is None:
            return None
        ids = np.unique(np.asarray(within, dtype=np.int64))
        if len(ids) == 0:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        breaks = np.nonzero(np.diff(ids) != 1)[0]
        return ids[np.concatenate([[0], breaks + 1])], ids[np.concatenate([breaks, [len(ids) - 1]])] + 1

    def df(self, word: str, within: np.ndarray | None = None) -> int:
        """How many chunks have the word (among `within`, when given)."""
        if within is None:
            return self._count(word)
        return len(self._postings(word, self._spans(within))[0])

    def idf(self, word: str, cap: float = 6.0, within: np.ndarray | None = None) -> float:
        """How rare a word is (bm25s's idf), capped: a word no chunk has is often a paraphrase.

        Args:
            within: chunk ids being searched: the rarity among them (None: the whole library).
        """
        n = self.n_docs if within is None else len(within)
        return min(cap, float(_lucene_idf(self.df(word, within), n)))

    def scores(self, tokens: list[str], within: np.ndarray | None = None) -> np.ndarray:
        """BM25 score of every chunk for the question's tokens (0 where none matches, and outside `within`).

        Args:
            within: chunk ids being searched (some reports of a library; None: all of it).
        """
        out = np.zeros(self.n_docs, dtype=np.float32)
        spans = self._spans(within)
        n = self.n_docs if within is None else len(within)
        for token in tokens:  # a token twice counts twice, as in bm25s
            docs, weights = self._postings(token, spans)
            if len(docs):
                out[docs] += weights * np.float32(_lucene_idf(len(docs), n))
        return out
