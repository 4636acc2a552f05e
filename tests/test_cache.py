"""The vector cache: a passage embedded once is found again by its exact text; nothing else is."""

from __future__ import annotations

import numpy as np
import pytest

from qa.index.cache import VectorCache, embed_cached


class Counting:
    """The fake embedder, counting the texts it is asked to embed."""

    def __init__(self, inner, name="fake/char-hash", precision="float32"):
        self.inner, self.name, self.precision, self.dim = inner, name, precision, inner.dim
        self.embedded: list[str] = []

    def encode(self, texts, kind="query", **_):
        self.embedded += list(texts)
        return self.inner.encode(texts, kind)


TEXTS = ["城镇新增就业45万人", "地区生产总值增长5%左右", "粮食产量稳定在300亿斤以上"]


def test_a_second_build_embeds_nothing_it_already_has(tmp_path, fake_embedder):
    model = Counting(fake_embedder)
    first, n_cached = embed_cached(model, TEXTS, "passage", VectorCache([tmp_path], tmp_path))
    assert n_cached == 0 and model.embedded == TEXTS
    model.embedded.clear()
    again, n_cached = embed_cached(model, TEXTS, "passage", VectorCache([tmp_path], tmp_path))  # a new process
    assert n_cached == 3 and model.embedded == []
    assert np.allclose(again, first, atol=1e-3)  # float16 on disk
    assert np.allclose(np.linalg.norm(again, axis=1), 1.0, atol=1e-5)


def test_a_changed_text_is_not_found_and_gets_embedded(tmp_path, fake_embedder):
    model = Counting(fake_embedder)
    embed_cached(model, TEXTS, "passage", VectorCache([tmp_path], tmp_path))
    model.embedded.clear()
    changed = [TEXTS[0], TEXTS[1] + "。", TEXTS[2]]
    vectors, n_cached = embed_cached(model, changed, "passage", VectorCache([tmp_path], tmp_path), spot_check=1)
    assert n_cached == 2
    assert model.embedded[0] == changed[1] and len(model.embedded) == 2  # the changed one + one spot check
    assert np.allclose(vectors, fake_embedder.encode(changed), atol=1e-3)


def test_other_model_kind_or_precision_is_not_served(tmp_path, fake_embedder):
    embed_cached(Counting(fake_embedder), TEXTS, "passage", VectorCache([tmp_path], tmp_path))
    cache = VectorCache([tmp_path])
    assert cache.lookup("other/model", "float32", "passage", TEXTS)[1] == [0, 1, 2]
    assert cache.lookup("fake/char-hash", "float32", "query", TEXTS)[1] == [0, 1, 2]
    # a float32 vector serves a bfloat16 build (it is the reference); not the other way round
    assert cache.lookup("fake/char-hash", "bfloat16", "passage", TEXTS)[1] == []
    embed_cached(Counting(fake_embedder, precision="bfloat16"), ["只在bf16里"], "passage", VectorCache([tmp_path], tmp_path))
    assert VectorCache([tmp_path]).lookup("fake/char-hash", "float32", "passage", ["只在bf16里"])[1] == [0]


def test_a_cache_that_disagrees_with_the_model_is_not_trusted(tmp_path, fake_embedder):
    embed_cached(Counting(fake_embedder, name="m"), TEXTS, "passage", VectorCache([tmp_path], tmp_path))

    class Other(Counting):
        def encode(self, texts, kind="query", **_):
            self.embedded += list(texts)
            return self.inner.encode([t[::-1] + "变" for t in texts], kind)

    model = Other(fake_embedder, name="m")
    vectors, n_cached = embed_cached(model, TEXTS + ["新的一句"], "passage", VectorCache([tmp_path], tmp_path))
    assert n_cached == 0  # the spot check failed: everything was embedded afresh
    assert np.allclose(vectors, model.encode(TEXTS + ["新的一句"]), atol=1e-6)


def test_unreadable_shards_are_skipped_and_nothing_is_half_written(tmp_path, fake_embedder):
    (tmp_path / "broken.npz").write_bytes(b"not a zip")
    embed_cached(Counting(fake_embedder), TEXTS, "passage", VectorCache([tmp_path], tmp_path))
    assert VectorCache([tmp_path]).lookup("fake/char-hash", "float32", "passage", TEXTS)[1] == []
    assert not list(tmp_path.glob(".shard-*"))  # temporary files renamed into place or gone


def test_the_cache_can_be_turned_off(monkeypatch, tmp_path):
    monkeypatch.setenv("QA_VECTOR_CACHE", "off")
    assert VectorCache.default().folders == [] and VectorCache.default().writable is None
    monkeypatch.setenv("QA_VECTOR_CACHE", str(tmp_path / "v"))
    assert VectorCache.default().writable == tmp_path / "v"


@pytest.mark.slow
def test_the_shipped_vectors_are_the_models_vectors(real_embedder, vector_cache):
    """A spot check of the shipped cache against the model itself: cosine >= 0.999 on a sample."""
    from conftest import RAW

    from qa.index.build import prepare
    from qa.index.manifest import IndexSettings
    from qa.index.store import embed_text
    from qa.ingest.source import read_reports

    source = read_reports([RAW])[0][0]
    texts = [embed_text(c, True) for c in prepare(source, IndexSettings()).chunks][:6]
    cached, missing = vector_cache.lookup(real_embedder.name, real_embedder.precision, "passage", texts)
    assert missing == [], "the shipped vectors lack Ji County's passages: rebuild vectors/ (see vectors/README.md)"
    fresh = real_embedder.encode(texts, kind="passage")
    assert (cached * fresh).sum(axis=1).min() >= 0.999
