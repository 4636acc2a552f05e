"""The index folder: round trip, refusal of mismatches, atomic changes, a library that grows (fake embedder)."""

import json
from pathlib import Path

import numpy as np
import pytest
from conftest import DATA, RAW, FakeEmbedder, files_of

from qa.common.errors import IndexLoadError, SourceError
from qa.index.build import add, build, remove
from qa.index.manifest import MANIFEST, IndexSettings, Manifest
from qa.index.store import CHUNKS, REPORTS, SHARDS, VECTORS, load
from qa.search.retrieve import Retriever

SHANXI = DATA / "provinces-2025" / "shanxi-2025.txt"
SHAANXI = DATA / "provinces-2025" / "shaanxi-2025.txt"


@pytest.fixture
def built(tmp_path, fake_embedder):
    folder = tmp_path / "index"
    build(RAW, folder, fake_embedder)
    return folder


def test_round_trip(built, fake_embedder):
    index = load(built, model=fake_embedder.name)
    assert isinstance(index.manifest, Manifest)
    manifest = json.loads((built / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["model"] == "fake/char-hash" and manifest["dimension"] == 64
    assert manifest["n_chunks"] == len(index.chunks) == index.dense.ntotal
    assert manifest["reports"] == ["jixian-2024-work-report.raw"]
    assert {"format_version", "chunking", "built_at", "updated_at", "library_versions", "precision"} <= set(manifest)
    assert sorted(p.name for p in built.iterdir()) == ["README.md", "keyword", "manifest.json", "reports.jsonl", "shards"]
    shard = built / SHARDS / "jixian-2024-work-report.raw"
    assert sorted(p.name for p in shard.iterdir()) == ["chunks.jsonl", "keyword", "vectors.npy"]
    assert np.load(shard / VECTORS).shape == (len(index.chunks), 64)
    report = json.loads((built / REPORTS).read_text(encoding="utf-8"))
    assert report["id"] == "jixian-2024-work-report.raw" and report["place"] == "吉县" and report["year"] == 2024
    assert len(report["sha256"]) == 64 and report["n_chunks"] == len(index.chunks)


def test_no_pickle_in_index(built):
    for path in built.rglob("*.npy"):
        np.load(path, allow_pickle=False)  # raises if an object array (pickle) was written


def test_refuses_other_model(built):
    with pytest.raises(IndexLoadError) as e:
        load(built, model="BAAI/bge-small-zh-v1.5")
    msg = str(e.value)
    assert "fake/char-hash" in msg and "BAAI/bge-small-zh-v1.5" in msg and "qa build --model" in msg


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


def test_refuses_malformed_manifest(built):
    m = json.loads((built / MANIFEST).read_text(encoding="utf-8"))
    del m["dimension"]
    (built / MANIFEST).write_text(json.dumps(m), encoding="utf-8")
    with pytest.raises(IndexLoadError, match="incomplete or malformed.*dimension"):
        load(built)


JI_SHARD = f"{SHARDS}/jixian-2024-work-report.raw"


def test_refuses_truncated_vectors(built):
    path = built / JI_SHARD / VECTORS
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(IndexLoadError, match="vectors.npy: the vectors file is corrupt or truncated.*qa build"):
        load(built)


def test_refuses_count_mismatch(built):
    path = built / JI_SHARD / CHUNKS
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    with pytest.raises(IndexLoadError, match=f"holds {len(lines)} vectors but {CHUNKS} has {len(lines) - 1} chunks"):
        load(built)


def test_refuses_a_missing_shard(built):
    import shutil

    shutil.rmtree(built / JI_SHARD)
    with pytest.raises(IndexLoadError, match="the shard of report 'jixian-2024-work-report.raw' is missing"):
        load(built)


def test_refuses_corrupt_chunk_line(built):
    path = built / JI_SHARD / CHUNKS
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3][: len(lines[3]) // 2]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(IndexLoadError, match="chunks.jsonl: a line is not a valid chunk.*qa build"):
        load(built)


class ExplodingEmbedder(FakeEmbedder):
    name = "fake/char-hash"

    def encode(self, texts, kind="query", **_):
        raise RuntimeError("model crashed mid-build")


def test_failed_build_keeps_previous_index(built, fake_embedder):
    before = files_of(built)
    with pytest.raises(RuntimeError, match="mid-build"):
        build(RAW, built, ExplodingEmbedder())
    with pytest.raises(RuntimeError, match="mid-build"):
        add(built, SHANXI, ExplodingEmbedder())
    after = files_of(built)
    assert after == before
    load(built, model=fake_embedder.name)
    assert not [p for p in built.parent.iterdir() if p.name.startswith(".index.") and p.name != ".index.lock"]


def test_rebuild_cleans_stale_temporary_folders(built, fake_embedder):
    stale = built.parent / ".index.building-deadbeef"
    stale.mkdir()
    (stale / "chunks.jsonl").write_text("half", encoding="utf-8")
    build(RAW, built, fake_embedder)
    assert not stale.exists()


class CountingEmbedder(FakeEmbedder):
    def __init__(self):
        self.texts = 0

    def encode(self, texts, kind="query", **kw):
        self.texts += len(texts)
        return super().encode(texts, kind)


def _inodes(shard: Path) -> dict[str, int]:
    return {str(p.relative_to(shard)): p.stat().st_ino for p in shard.rglob("*") if p.is_file()}


def test_add_embeds_only_the_new_report_and_remove_drops_it(built):
    before = load(built)
    ji_files = _inodes(built / JI_SHARD)
    counting = CountingEmbedder()
    result = add(built, SHANXI, counting)
    after = load(built)
    new = [c for c in after.chunks if c.report == "shanxi-2025"]
    assert counting.texts == len(new) > 0  # Ji County's chunks were not embedded again
    assert [r.id for r in after.reports] == ["jixian-2024-work-report.raw", "shanxi-2025"]
    assert result.n_reports == 2 and result.n_chunks == len(before.chunks) + len(new)
    # The old report's vectors are the stored ones, unchanged.
    np.testing.assert_array_equal(after.vectors()[: len(before.chunks)], before.vectors())
    assert after.manifest.built_at == before.manifest.built_at and after.manifest.updated_at >= before.manifest.updated_at
    assert _inodes(built / JI_SHARD) == ji_files  # the report kept is the same files, not a copy written again
    shanxi_files = _inodes(built / SHARDS / "shanxi-2025")

    remove(built, ["jixian-2024-work-report.raw"])
    assert _inodes(built / SHARDS / "shanxi-2025") == shanxi_files and not (built / JI_SHARD).exists()
    left = load(built)
    assert [r.id for r in left.reports] == ["shanxi-2025"]
    assert [c.chunk_id for c in left.chunks] == list(range(len(new)))
    np.testing.assert_array_equal(left.vectors(), after.vectors()[len(before.chunks):])
    # The positions moved; the passages' names did not (what `qa ask --json` gives as passage_id).
    assert [c.passage_id for c in left.chunks] == [c.passage_id for c in new]
    assert len({c.passage_id for c in after.chunks}) == len(after.chunks)


def test_same_report_twice_is_refused_by_content(built, tmp_path, fake_embedder):
    copy = tmp_path / "renamed-copy.txt"
    copy.write_bytes(RAW.read_bytes())
    before = files_of(built)
    with pytest.raises(SourceError, match=r"already in the library as 'jixian-2024-work-report.raw' \(same content\)"
                                          r".*qa remove jixian-2024-work-report.raw"):
        add(built, copy, fake_embedder)
    with pytest.raises(SourceError, match="same content"):
        build([RAW, copy], tmp_path / "other", fake_embedder)
    assert files_of(built) == before
    assert not (tmp_path / "other").exists()


def test_same_id_with_other_content_is_refused(built, tmp_path, fake_embedder):
    other = tmp_path / "jixian-2024-work-report.raw.txt"
    other.write_text(RAW.read_text(encoding="utf-8") + "\n补充一段。\n", encoding="utf-8")
    with pytest.raises(SourceError, match="id 'jixian-2024-work-report.raw' .* rename the file"):
        add(built, other, fake_embedder)


def test_remove_refuses_unknown_and_last_report(built):
    from qa.common.errors import SettingsError

    with pytest.raises(SettingsError, match="unknown report 'nope'"):
        remove(built, ["nope"])
    with pytest.raises(SourceError, match="empty library"):
        remove(built, ["jixian-2024-work-report.raw"])


def test_folder_source_takes_reports_and_skips_the_rest(tmp_path, fake_embedder):
    folder = tmp_path / "reports"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "shanxi-2025.txt").write_bytes(SHANXI.read_bytes())
    (folder / "shaanxi-2025.txt").write_bytes(SHAANXI.read_bytes())
    (folder / "README.md").write_text("# notes", encoding="utf-8")
    (folder / "notes.txt").write_text("买菜：白菜、豆腐。", encoding="utf-8")
    (folder / ".hidden.txt").write_bytes(SHANXI.read_bytes())
    result = build(folder, tmp_path / "index", fake_embedder)
    assert sorted(r.id for r in result.reports) == ["shaanxi-2025", "shanxi-2025"]
    skipped = {p.name: why for p, why in result.skipped}
    assert skipped == {"README.md": "not a report file type (.txt, .text, .docx, .html, .htm, .pdf)",
                       "notes.txt": "does not read like a government work report"}


def test_settings_are_checked_on_construction():
    from qa.ingest.chunk import ChunkSettings

    with pytest.raises(ValueError, match="keyword_tokenizer='jeiba' is unknown; use one of bigram, jieba, both"):
        IndexSettings(keyword_tokenizer="jeiba")
    with pytest.raises(ValueError, match="target_chars <= max_chars"):
        ChunkSettings(target_chars=400, max_chars=300)


def test_search_stays_inside_the_chosen_report(tmp_path, fake_embedder):
    folder = tmp_path / "index"
    build([RAW, SHANXI], folder, fake_embedder)
    index = load(folder)
    retriever = Retriever(index, fake_embedder)
    for report in ("shanxi-2025", "jixian-2024-work-report.raw"):
        hits = retriever.search(retriever.query("地区生产总值增长目标", [report]), k=10).hits
        assert hits and {h.report.id for h in hits} == {report}


def test_a_file_system_without_hard_links_gets_copies(built, fake_embedder, monkeypatch):
    import os

    def no_links(*_):
        raise OSError("hard links not supported here")

    before = files_of(built / JI_SHARD)
    monkeypatch.setattr(os, "link", no_links)
    add(built, SHANXI, fake_embedder)
    assert files_of(built / JI_SHARD) == before  # the kept report's files, copied byte for byte
    assert [r.id for r in load(built).reports] == ["jixian-2024-work-report.raw", "shanxi-2025"]
