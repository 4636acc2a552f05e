"""FAISS inner-product search agrees with a numpy brute force."""

import faiss
import numpy as np


def test_flat_ip_matches_numpy():
    rng = np.random.default_rng(0)
    base = rng.normal(size=(500, 48)).astype(np.float32)
    base /= np.linalg.norm(base, axis=1, keepdims=True)
    queries = rng.normal(size=(20, 48)).astype(np.float32)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    index = faiss.IndexFlatIP(48)
    index.add(base)
    scores, ids = index.search(queries, 10)
    brute = queries @ base.T
    expected = np.argsort(-brute, axis=1)[:, :10]
    np.testing.assert_array_equal(ids, expected)
    np.testing.assert_allclose(scores, np.take_along_axis(brute, expected, axis=1), rtol=1e-5)
