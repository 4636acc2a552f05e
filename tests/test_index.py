"""The index folder: round trip, refusal of mismatches, atomic builds (fake embedder)."""

import json

import numpy as np
import pytest
from conftest import RAW

from qa.index import CHUNKS, MANIFEST, VECTORS, IndexLoadError, build, load


@pytest.fixture
def built(tmp_path, fake_embedder):
    folder = tmp_path / "index"
    build(RAW, folder, fake_embedder)
    return folder


def test_round_trip(built, fake_embedder):
    index = load(built, model=fake_embedder.name, source=RAW)
    manifest = json.loads((built / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["model"] == "fake/char-hash" and manifest["dimension"] == 64
    assert manifest["n_chunks"] == len(index.chunks) == index.faiss_index.ntotal
    assert {"format_version", "chunking", "corpus_sha256", "built_at", "library_versions"} <= set(manifest)
    assert sorted(p.name for p in built.iterdir()) == ["README.md", "chunks.jsonl", "keyword", "manifest.json",
                                                        "vectors.faiss"]


def test_no_pickle_in_index(built):
    for path in built.rglob("*.npy"):
        np.load(path, allow_pickle=False)  # raises if an object array (pickle) was written


def test_refuses_other_model(built):
    with pytest.raises(IndexLoadError) as e:
        load(built, model="BAAI/bge-small-zh-v1.5")
    msg = str(e.value)
    assert "fake/char-hash" in msg and "BAAI/bge-small-zh-v1.5" in msg and "qa build --model" in msg


def test_refuses_other_corpus(built, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("政府工作報告\n一、2023年工作回顧\n完成。\n", encoding="utf-8")
    with pytest.raises(IndexLoadError, match="corpus sha256"):
        load(built, source=other)


def test_refuses_missing_manifest(built):
    (built / MANIFEST).unlink()
    with pytest.raises(IndexLoadError, match="manifest is missing.*qa build"):
        load(built)


def test_refuses_future_format(built):
    m = json.loads((built / MANIFEST).read_text(encoding="utf-8"))
    m["format_version"] = 99
    (built / MANIFEST).write_text(json.dumps(m), encoding="utf-8")
    with pytest.raises(IndexLoadError, match="format version 99 is newer"):
        load(built)


def test_refuses_truncated_faiss(built):
    data = (built / VECTORS).read_bytes()
    (built / VECTORS).write_bytes(data[: len(data) // 2])
    with pytest.raises(IndexLoadError, match="vectors.faiss: the FAISS file is corrupt or truncated"):
        load(built)


def test_refuses_count_mismatch(built):
    lines = (built / CHUNKS).read_text(encoding="utf-8").splitlines()
    (built / CHUNKS).write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    with pytest.raises(IndexLoadError, match=f"holds {len(lines)} vectors but {CHUNKS} has {len(lines) - 1} chunks"):
        load(built)


class ExplodingEmbedder:
    name, dim = "fake/explodes", 64

    def encode(self, texts, kind="query", **_):
        raise RuntimeError("model crashed mid-build")


def test_failed_build_keeps_previous_index(built, fake_embedder):
    before = {p.name: p.read_bytes() for p in built.iterdir() if p.is_file()}
    with pytest.raises(RuntimeError, match="mid-build"):
        build(RAW, built, ExplodingEmbedder())
    after = {p.name: p.read_bytes() for p in built.iterdir() if p.is_file()}
    assert after == before
    load(built, model=fake_embedder.name)
    assert not [p for p in built.parent.iterdir() if p.name.startswith(".index.")]


def test_rebuild_cleans_stale_temporary_folders(built, fake_embedder):
    stale = built.parent / ".index.building-deadbeef"
    stale.mkdir()
    (stale / "chunks.jsonl").write_text("half", encoding="utf-8")
    build(RAW, built, fake_embedder)
    assert not stale.exists()


def _next_year_report(tmp_path):
    """A stand-in for next year's report: the same text one year on."""
    text = RAW.read_text(encoding="utf-8").replace("2024", "2025").replace("2023", "2024")
    path = tmp_path / "jixian-2025.raw.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_several_reports_in_one_index(tmp_path, fake_embedder):
    second = _next_year_report(tmp_path)
    folder = tmp_path / "index"
    one = build(RAW, tmp_path / "one", fake_embedder)
    both = build([RAW, second], folder, fake_embedder)
    assert both.n_chunks == 2 * one.n_chunks
    assert both.clean.pinyin_annotations == 2 * one.clean.pinyin_annotations
    index = load(folder, source=[RAW, second])
    assert sorted({c.doc_title for c in index.chunks}) == ["吉縣政府工作報告(2024年4月8日)", "吉縣政府工作報告(2025年4月8日)"]
    assert index.manifest["sources"] == [RAW.name, second.name]
    with pytest.raises(IndexLoadError, match=f"qa build --source {second} --source {RAW}"):
        load(folder, source=[second, RAW])  # order matters (chunk ids follow it); the fix rebuilds as asked


def test_year_cue_follows_the_latest_report(tmp_path, fake_embedder):
    from qa.cues import part_year
    from qa.retrieve import Retriever

    folder = tmp_path / "index"
    build([RAW, _next_year_report(tmp_path)], folder, fake_embedder)
    from qa.retrieve import FusionSettings

    index = load(folder)
    with_cue = Retriever(index, fake_embedder).scores("去年招聘了多少教师？")
    without = Retriever(index, fake_embedder, FusionSettings(year_weight=0.0)).scores("去年招聘了多少教师？")
    years = {i: part_year(index.chunks[i].part) for i in with_cue}
    assert {y for y in years.values() if y} == {2023, 2024, 2025}
    for i, y in years.items():  # 去年 is 2024 for the latest report: its review, and the 2024 plan
        expected = 0.0 if y is None else (1.0 if y == 2024 else -1.0)
        assert with_cue[i] - without[i] == pytest.approx(expected)


def test_same_report_twice_is_refused(tmp_path, fake_embedder):
    from qa.source import SourceError

    with pytest.raises(SourceError, match="same title"):
        build([RAW, RAW], tmp_path / "index", fake_embedder)
    assert not (tmp_path / "index").exists()
