"""The dense index's format by size (qa.index.ann): flat below the threshold, IVF-SQ8 above, checked
against a numpy brute force on random vectors; a library in either format loads and searches its reports."""

import json

import numpy as np
import pytest
from conftest import DATA, RAW

from qa.common.errors import IndexLoadError
from qa.index import ann
from qa.index.build import add, build
from qa.index.manifest import MANIFEST
from qa.index.store import load
from qa.search.retrieve import Retriever


def unit_rows(n: int, d: int = 32, seed: int = 0) -> np.ndarray:
    x = np.random.default_rng(seed).standard_normal((n, d)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def test_the_format_follows_the_size():
    assert ann.choose(1000, flat_max=1000) == "flat" and ann.choose(1001, flat_max=1000) == "ivf-sq8"
    assert ann.format_of(ann.make(unit_rows(500), flat_max=1000)) == "flat"
    assert ann.format_of(ann.make(unit_rows(2000), flat_max=1000)) == "ivf-sq8"
    assert [ann.n_lists(n) for n in (100_000, 376_100, 7_000_000)] == [512, 1024, 4096]
    assert ann.choose(ann.FLAT_MAX) == "flat" and ann.choose(ann.FLAT_MAX + 1) == "ivf-sq8"


def test_ivf_returns_the_true_cosines_and_finds_a_stored_vector():
    x = unit_rows(3000)
    index = ann.make(x, flat_max=1000)
    scores, ids = ann.search(index, x[7:8], 10)
    assert ids[0, 0] == 7
    np.testing.assert_allclose(scores[0], x[ids[0]] @ x[7], atol=2e-3)  # re-scored with float16 vectors
    np.testing.assert_allclose(index.reconstruct_n(0, 3000), x, atol=1e-3)  # Index.vectors() still works


@pytest.mark.parametrize("exact_max", [10**6, 100])
def test_a_routed_search_stays_in_its_range(exact_max):
    """Few allowed ids are scored exactly (the brute force's top k); many go through the IVF lists with
    a selector: only allowed ids either way."""
    x = unit_rows(3000)
    index = ann.make(x, flat_max=1000)
    allowed = np.concatenate([np.arange(500, 700), np.arange(2000, 2300)])
    q = unit_rows(1, seed=1)
    scores, ids = ann.search(index, q, 20, allowed, exact_max=exact_max)
    got = ids[0][ids[0] >= 0]
    assert len(got) > 0 and set(got) <= set(allowed)
    if exact_max >= len(allowed):
        brute = allowed[np.argsort(-(x[allowed] @ q[0]))[:20]]
        assert list(got) == list(brute)
        np.testing.assert_allclose(scores[0], x[got] @ q[0], atol=2e-3)


def test_a_library_past_the_threshold_is_ivf_and_answers_inside_its_reports(tmp_path, fake_embedder, monkeypatch):
    monkeypatch.setattr(ann, "FLAT_MAX", 50)
    folder = tmp_path / "index"
    build(RAW, folder, fake_embedder)
    add(folder, DATA / "national-2024.txt", fake_embedder)
    index = load(folder)
    assert index.manifest.index_format == "ivf-sq8" and "IVF" in index.manifest.vectors
    assert json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["index_format"] == "ivf-sq8"
    assert index.vectors().shape == (len(index.chunks), fake_embedder.dim)
    retriever = Retriever(index, fake_embedder)
    for report in ("national-2024", "jixian-2024-work-report.raw"):
        hits = retriever.search(retriever.query("地区生产总值增长目标", [report]), k=10).hits
        assert hits and {h.report.id for h in hits} == {report}


def test_a_manifest_without_the_format_is_flat_and_a_mismatch_is_refused(tmp_path, fake_embedder):
    folder = tmp_path / "index"
    build(RAW, folder, fake_embedder)
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["index_format"] == "flat"
    del manifest["index_format"]  # written before formats were chosen by size
    (folder / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    assert load(folder).manifest.index_format == "flat"
    manifest["index_format"] = "ivf-sq8"
    (folder / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(IndexLoadError, match="vectors.faiss: the library-wide vectors file is missing"):
        load(folder)
    manifest["index_format"] = "hnsw"
    (folder / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(IndexLoadError, match="index_format 'hnsw' is unknown"):
        load(folder)
