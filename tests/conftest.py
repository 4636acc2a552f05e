"""Shared fixtures: the real report, a deterministic fake embedder, and the real index."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import numpy as np
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")
os.environ.setdefault("no_proxy", "127.0.0.1,localhost")

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "jixian-2024-work-report.raw.txt"
DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"


class FakeEmbedder:
    """Deterministic bag-of-characters vectors: enough to exercise the seams, not to rank well."""

    name = "fake/char-hash"
    dim = 64

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
    from qa.embed import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder()


@pytest.fixture(scope="session")
def real_index_dir(tmp_path_factory, real_embedder) -> Path:
    """The real report indexed with the real default model, built once per test run."""
    from qa.index import build

    folder = tmp_path_factory.mktemp("real") / "index"
    build(RAW, folder, real_embedder)
    return folder


@pytest.fixture(scope="session")
def real_session(real_index_dir):
    from qa.session import Session

    return Session.open(real_index_dir)  # questions through the default engine, as users get them
