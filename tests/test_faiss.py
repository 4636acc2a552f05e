"""The product's dense search (FAISS through qa.index/qa.search.retrieve) agrees with a numpy brute force."""

import numpy as np
from conftest import DATA, RAW, FakeEmbedder

from qa.index.build import build
from qa.index.store import load
from qa.search.retrieve import Retriever


def test_dense_search_matches_numpy(tmp_path):
    embedder = FakeEmbedder()
    build([RAW, DATA / "national-2024.txt"], tmp_path / "index", embedder)
    index = load(tmp_path / "index")
    retriever = Retriever(index, embedder)
    vectors = index.vectors()
    for question in ("苹果产量是多少", "国内生产总值增长目标", "招聘教师", "就业"):
        query = retriever.query(question)
        brute = vectors @ query.vector[0]
        got = retriever.dense_scores(query, None, pool=10)
        # The ten best scores (ids may differ only among exact ties), each the true cosine of its chunk.
        np.testing.assert_allclose(sorted(got.values(), reverse=True), np.sort(brute)[::-1][:10], atol=1e-5)
        for i, score in got.items():
            assert abs(score - brute[i]) < 1e-5
        # Restricted to one report: the same scores, only that report's chunks.
        lo, hi = index.ranges["national-2024"]
        inside = retriever.dense_scores(query, np.arange(lo, hi), pool=10)
        np.testing.assert_allclose(sorted(inside.values(), reverse=True), np.sort(brute[lo:hi])[::-1][:10], atol=1e-5)
        assert all(lo <= i < hi for i in inside)
