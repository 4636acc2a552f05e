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
    library = LibraryKeyword([KeywordIndex.build(shanxi), KeywordIndex.build(shaanxi)], "jieba")
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
