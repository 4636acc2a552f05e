"""Shared fixtures: the real reports, a deterministic fake embedder, and real indexes built once."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest

from qa.ui.cli import set_environment

set_environment()

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
RAW = DATA / "jixian-2024-work-report.raw.txt"
TESTS = ROOT / "tests" / "data"
DEV = TESTS / "dev.jsonl"
LIBRARY_DEV = TESTS / "library-dev.jsonl"
FORMATS = TESTS / "formats"
LIBRARY = [DATA / "national-2024.txt", DATA / "provinces-2025" / "shanxi-2025.txt",
           DATA / "provinces-2025" / "shaanxi-2025.txt", RAW]


class FakeEmbedder:
    """Deterministic bag-of-characters vectors: enough to exercise the seams, not to rank well."""

    name = "fake/char-hash"
    dim = 64
    precision = "float32"

    def encode(self, texts, kind="query", **_):
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for ch in text:
                out[row, int(hashlib.md5(ch.encode()).hexdigest(), 16) % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1, norms)


@pytest.fixture
def fake_embedder():
    return FakeEmbedder()


@pytest.fixture(scope="session")
def raw_text() -> str:
    return RAW.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def real_embedder():
    """The default model on torch (the reference engine), loaded only when a passage is not in the vector
    cache (or a test embeds). Pinned so that tests never time engines or write the machine's record."""
    from qa.index.engine import DeferredEmbedder

    return DeferredEmbedder(engine="torch")


@pytest.fixture(scope="session")
def vector_cache():
    """The shipped vectors of data/ plus the user's cache: the fixtures embed only what neither has."""
    from qa.index.cache import VectorCache

    return VectorCache.default()


@pytest.fixture(scope="session")
def real_index_dir(tmp_path_factory, real_embedder, vector_cache) -> Path:
    """Ji County's report indexed with the real default model, built once per test run."""
    return _built(tmp_path_factory, "real", RAW, real_embedder, vector_cache)


def _built(tmp_path_factory, name: str, source: Path, embedder, cache=None) -> Path:
    """An index of `source` in a fresh temporary folder."""
    from qa.index.build import build

    folder = tmp_path_factory.mktemp(name) / "index"
    build(source, folder, embedder, cache=cache)
    return folder


@pytest.fixture(scope="session")
def real_session(real_index_dir):
    from qa.session import Session

    return Session.open(real_index_dir)  # questions through the default engine, as users get them


@pytest.fixture(scope="session")
def library_dir(tmp_path_factory, real_embedder, vector_cache) -> Path:
    """The four reports of library-dev.jsonl in one index (real model)."""
    return _built(tmp_path_factory, "library", LIBRARY, real_embedder, vector_cache)


@pytest.fixture(scope="session")
def library_session(library_dir):
    from qa.session import Session

    return Session.open(library_dir)


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory, real_embedder, vector_cache) -> Path:
    """All 41 shipped reports in one index (real model; its vectors ship in vectors/, so nothing is embedded)."""
    return _built(tmp_path_factory, "corpus", DATA, real_embedder, vector_cache)


@pytest.fixture(scope="session")
def corpus_session(corpus_dir):
    from qa.session import Session

    return Session.open(corpus_dir)


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file of a library folder, by its path inside it, with its bytes: what a change must not touch."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(Path(folder).rglob("*")) if p.is_file()}


def ji_report():
    from qa.ingest.identity import ReportInfo

    return ReportInfo("jixian-2024-work-report.raw", "2024年吉县政府工作报告", "吉县", "county", 2024, 2023,
                      "2024-04-08", "牛永福", "县长", "141028")


def retrieval_of(question: str, passages: list[tuple[str, str]], dense_top: float = 0.9):
    """A hand-made search result for answer tests: (text, part) passages ranked in order, Ji County's report."""
    from qa.common.normalize import for_search
    from qa.index.keyword import KeywordIndex, LibraryKeyword
    from qa.ingest.chunk import Chunk
    from qa.ingest.structure import part_year
    from qa.search.query import Query, expansions_for, focus_terms, head_term
    from qa.search.question import read_question as read
    from qa.search.retrieve import Hit, Retrieval
    from qa.search.route import Route

    report = ji_report()
    reading = read(question, (report.place_obj,))
    keyword = LibraryKeyword.of([KeywordIndex.build([for_search(text) for text, _ in passages] + ["其他段落。", "另一段。"])],
                                "jieba")
    hits = []
    for rank, (text, part) in enumerate(passages, start=1):
        year = part_year(part) or (2024 if part.startswith(("二", "三")) else None)
        chunk = Chunk(rank, report.id, part, "", rank, rank, "", year, 0, len(text), text)
        hits.append(Hit(rank, 1.0 / rank, chunk, report))
    route = Route((report.id,), named=bool(reading.places))
    expansions = expansions_for(reading)
    focus = focus_terms(reading, route.named, expansions, keyword.idf)
    query = Query(reading, route, reading.normalized, (), reading.normalized, np.zeros((1, 4), np.float32),
                  expansions, focus, head_term(focus, lambda t: keyword.df(t) > 0))
    return Retrieval(query, tuple(hits), dense_top)


# The longest files, run first: with one worker per core (test.sh) none of them is left alone at the end.
LONGEST_FIRST = ("test_bench.py", "test_distributed.py", "test_app.py", "test_serving.py")


def pytest_collection_modifyitems(items):
    """A test that drives the browser carries the `browser` marker (`-m "not browser"` leaves them out)."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
    name = lambda item: item.path.name  # noqa: E731
    items.sort(key=lambda item: LONGEST_FIRST.index(name(item)) if name(item) in LONGEST_FIRST else len(LONGEST_FIRST))
