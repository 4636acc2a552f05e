"""Reference tests: our keyword scoring and fusion against textbook implementations.

The keyword side scores one report's passages with the IDF they have within that report
(`LibraryKeyword.scores(within=…)`); bm25s built on that report alone is the reference. RRF is
checked against its definition (Cormack et al. 2009: sum of 1 / (k + rank)).
"""

from __future__ import annotations

import numpy as np
from conftest import DATA

from qa.common.normalize import for_search
from qa.index.keyword import KeywordIndex, LibraryKeyword, tokenize
from qa.search.retrieve import rrf_fusion


def _paragraphs(path, n):
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if len(line.strip()) > 30]
    return [for_search(line) for line in lines[:n]]


def test_one_reports_keyword_scores_match_bm25s_built_on_that_report_alone():
    import bm25s

    shanxi = _paragraphs(DATA / "provinces-2025" / "shanxi-2025.txt", 60)
    shaanxi = _paragraphs(DATA / "provinces-2025" / "shaanxi-2025.txt", 60)
    library = LibraryKeyword.of([KeywordIndex.build(shanxi), KeywordIndex.build(shaanxi)], "jieba")
    alone = bm25s.BM25()
    alone.index([tokenize(t) for t in shanxi], show_progress=False)
    together = bm25s.BM25()
    together.index([tokenize(t) for t in shanxi + shaanxi], show_progress=False)
    for question in ("城镇新增就业目标", "地区生产总值增长", "粮食产量", "煤炭"):
        tokens = [t for t in library.query_tokens(for_search(question)) if t in alone.vocab_dict]
        ours = library.scores(tokens, within=np.arange(len(shanxi)))
        np.testing.assert_allclose(ours[: len(shanxi)], alone.get_scores(tokens), rtol=1e-5, err_msg=question)
        assert not ours[len(shanxi):].any()  # the other report is not searched
        # The whole library: each token's idf is the library's, as bm25s built on both reports has it;
        # term frequencies stay normalized by each report's own passage lengths, so the ranking is the reference's.
        everything, reference = library.scores(tokens), together.get_scores(tokens)
        assert np.corrcoef(everything, reference)[0, 1] > 0.99, question


def test_rrf_is_the_textbook_sum_of_reciprocal_ranks():
    keyword, dense = [3, 1, 2], [2, 3, 4]
    ours = rrf_fusion([keyword, dense], [0.5, 0.5], k=60)
    textbook = {}
    for ranking in (keyword, dense):
        for rank, doc in enumerate(ranking, start=1):
            textbook[doc] = textbook.get(doc, 0.0) + 0.5 / (60 + rank)
    assert ours.keys() == textbook.keys()
    assert all(abs(ours[d] - textbook[d]) < 1e-12 for d in ours)
    assert max(ours, key=ours.get) in (2, 3)  # found near the top by both


def test_a_library_changed_by_merging_searches_as_one_built_from_its_reports():
    """`qa add` and `qa remove` merge postings instead of tokenizing again: the result must score every
    passage as a library built from the same reports does."""
    names = ("shanxi-2025", "shaanxi-2025", "henan-2025", "hebei-2025")
    texts = [_paragraphs(DATA / "provinces-2025" / f"{n}.txt", 40) for n in names]
    a, b, c, d = (KeywordIndex.build(t) for t in texts)
    changed = LibraryKeyword.of([a, b, c], "jieba").without([(0, len(texts[0]))]).appended([d])
    fresh = LibraryKeyword.of([b, c, d], "jieba")
    assert changed.n_docs == fresh.n_docs == sum(len(t) for t in texts[1:])
    assert sorted(changed.vocabulary) == sorted(fresh.vocabulary)
    henan = np.arange(len(texts[1]), len(texts[1]) + len(texts[2]))
    for question in ("城镇新增就业目标", "地区生产总值增长", "粮食产量", "煤炭", "黄河流域生态保护"):
        tokens = fresh.query_tokens(for_search(question))
        assert tokens == changed.query_tokens(for_search(question))
        np.testing.assert_allclose(changed.scores(tokens), fresh.scores(tokens), rtol=1e-6, err_msg=question)
        np.testing.assert_allclose(changed.scores(tokens, henan), fresh.scores(tokens, henan), rtol=1e-6)
        assert [changed.df(t, henan) for t in tokens] == [fresh.df(t, henan) for t in tokens]
