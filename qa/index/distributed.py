"""A build on Ray: reports prepared in Ray Data tasks, passages embedded by an actor pool each holding one model.

`RayRunner` is a `qa.index.build.Runner`: the build reads and checks the files, holds the writer lock
and writes the library exactly as a local build does; only preparing (clean, structure, identify,
chunk) and embedding run on the cluster, and only what the vector cache lacks is embedded. The files
are read where `qa build` runs and shipped to the cluster with their sidecar corrections, so the nodes
need the package (`pip install -e '.[ray]'`) but not the reports. Ray is an optional extra.
"""

from __future__ import annotations

import json
import logging
import math
import time
from dataclasses import asdict
from pathlib import Path

import numpy as np

from qa.common.errors import SettingsError, SourceError, UserError
from qa.index.build import Prepared, Progress, prepare, report_line
from qa.index.cache import VectorCache, embed_cached
from qa.index.embed import Embedder, resolve_precision
from qa.index.manifest import IndexSettings
from qa.ingest.chunk import Chunk
from qa.ingest.clean import CleanStats
from qa.ingest.identity import ReportInfo, read_sidecar
from qa.ingest.source import Source

LOCAL = "local"  # the address that starts a new local Ray for this build
# What every entry point sets (`qa.ui.cli.set_environment`), for workers on other nodes too.
WORKER_ENV = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_VERBOSITY": "error", "TOKENIZERS_PARALLELISM": "false"}


def require_ray():
    """The `ray` module with Ray Data, or a SettingsError naming the extra to install."""
    try:
        import ray
        import ray.data  # noqa: F401  (Ray Data is the `ray[data]` extra, not plain `ray`)
    except ImportError as e:
        raise SettingsError(f"--ray needs Ray Data, which is not installed ({e}). Fix: pip install -e '.[ray]' "
                            "(or build without --ray).", "分布式构建需要安装 Ray：pip install -e '.[ray]'。") from None
    return ray


class RayRunner:
    """Prepare reports in Ray Data tasks and embed their passages in a pool of model-holding actors.

    Use it as a context manager around `qa.index.build.build(..., runner=...)`: it connects to (or
    starts) Ray on entry and disconnects on exit; a Ray this process had already started is used as is.

    Args:
        address: a running cluster ("auto", "ray://head:10001", "head:6379"); "local" (the default)
            starts a local Ray for this build.
        workers: embedding actors (default: one per `cpus` of the cluster's CPUs, or per `gpus` of its GPUs).
        gpus: GPUs per actor (0: embed on the CPU; 1, or a fraction such as 0.5 to share one GPU).
        cpus: CPUs per actor, the torch threads it uses.
        batch_size: passages per batch handed to an actor.
    """

    def __init__(self, address: str | None = LOCAL, workers: int | None = None, gpus: float = 0.0,
                 cpus: float = 1.0, batch_size: int = 32):
        self.ray = require_ray()
        if workers is not None and workers < 1:
            raise SettingsError(f"--ray-workers {workers}: use 1 or more embedding workers")
        if gpus < 0:
            raise SettingsError(f"--ray-gpus {gpus}: use 0 (the CPU) or a positive number of GPUs per worker")
        if cpus <= 0 or batch_size < 1:
            raise SettingsError(f"cpus={cpus}, batch_size={batch_size}: use a positive number of each")
        self.address = address or LOCAL
        self.workers, self.gpus, self.cpus, self.batch_size = workers, gpus, cpus, batch_size
        self.startup_seconds = 0.0
        self.last_workers = 0  # the actors the last `encode` ran on
        self._started = False

    def __enter__(self) -> RayRunner:
        self.start()
        return self

    def __exit__(self, *_) -> None:
        self.stop()

    def start(self) -> None:
        """Connect to the cluster, or start a local Ray (unless this process already has one)."""
        ray = self.ray
        quiet()
        if ray.is_initialized():
            return
        t = time.perf_counter()
        try:
            ray.init(address=self.address, runtime_env={"env_vars": WORKER_ENV}, include_dashboard=False,
                     logging_level="warning", log_to_driver=False)
        except (ConnectionError, ValueError) as e:  # nothing there, an address Ray cannot read, no Ray Client
            raise SettingsError(f"--ray {self.address}: cannot connect ({str(e).splitlines()[0]}). Fix: start a cluster "
                                "with `ray start --head` (then --ray auto, or --ray ray://HEAD:10001), or give --ray "
                                "without an address to start a local Ray.") from None
        self._started = True
        self.startup_seconds = time.perf_counter() - t

    def stop(self) -> None:
        """Disconnect, and stop the local Ray if this runner started it."""
        if self._started:
            self.ray.shutdown()
            self._started = False

    @property
    def cluster(self) -> str:
        """The cluster's resources, in words."""
        resources = self.ray.cluster_resources()
        gpus = f", {resources['GPU']:g} GPUs" if resources.get("GPU") else ""
        return f"{len(self.ray.nodes())} node(s), {resources.get('CPU', 0):g} CPUs{gpus}"

    def prepare(self, sources: list[Source], settings: IndexSettings, overrides: dict | None) -> list[Prepared]:
        """Each report cleaned, identified and chunked in a Ray task (one block per report), in order."""
        self.start()
        rows = [{"n": n, "path": str(s.path), "raw": s.raw, "text": s.text, "format": s.format, "encoding": s.encoding,
                 # the sidecar is read here: the nodes need not see the report's folder
                 "corrections": json.dumps({**read_sidecar(s.path), **(overrides or {})}, ensure_ascii=False)}
                for n, s in enumerate(sources)]
        ds = self.ray.data.from_items(rows, override_num_blocks=len(rows)).map(_prepare_row, fn_kwargs={"settings": settings})
        out = sorted(ds.take_all(), key=lambda row: row["n"])
        for row in out:
            if row["error"]:
                raise SourceError(row["error"])
        return [_unpack(row) for row in out]

    def embed(self, embedder: Embedder, prepared: list[Prepared], texts: list[list[str]], cache: VectorCache | None,
              progress: Progress) -> tuple[list[np.ndarray], int]:
        """All reports' passages the cache lacks embedded in one Ray Data job, then split back per report."""
        t = time.perf_counter()
        encoder = _PoolEncoder(self, embedder.name, resolve_precision(getattr(embedder, "precision", "float32")))
        flat = [text for own in texts for text in own]
        vectors, from_cache = embed_cached(encoder, flat, "passage", cache)
        ends = np.cumsum([len(own) for own in texts])
        out = np.split(vectors, ends[:-1]) if len(texts) > 1 else [vectors]
        for n, p in enumerate(prepared, start=1):
            progress(report_line(n, len(prepared), p, 0, None))
        if encoder.embedded:
            progress(f"ray: embedded {encoder.embedded} passages on {encoder.workers} worker(s) in {encoder.seconds:.1f}s, "
                     f"{encoder.embedded / encoder.seconds:.1f} passages/s, model loading included ({from_cache} "
                     f"from the vector cache; {time.perf_counter() - t:.1f}s in all)")
        else:
            progress(f"ray: all {from_cache} passages from the vector cache; no model loaded")
        return out, from_cache

    def encode(self, model: str, precision: str, texts: list[str], kind: str) -> np.ndarray:
        """Embed `texts` in one Ray Data job on an actor pool; rows in the order given."""
        self.start()
        ray = self.ray
        batches = math.ceil(len(texts) / self.batch_size)
        workers = self.last_workers = max(1, min(self.workers or self._default_workers(), batches))
        ds = ray.data.from_items([{"i": i, "text": t} for i, t in enumerate(texts)], override_num_blocks=batches)
        ds = ds.map_batches(_Encoder, fn_constructor_kwargs={"model": model, "precision": precision, "kind": kind,
                                                            "device": "cuda" if self.gpus else "cpu"},
                            batch_size=self.batch_size, batch_format="numpy", compute=ray.data.ActorPoolStrategy(size=workers),
                            num_cpus=self.cpus, num_gpus=self.gpus or None)
        order, rows = [], []
        for batch in ds.iter_batches(batch_size=None, batch_format="numpy"):
            errors = [str(e) for e in batch["error"] if e]
            if errors:
                raise UserError(errors[0])
            order.append(batch["i"])
            rows.append(batch["vector"])
        vectors = np.concatenate(rows)[np.argsort(np.concatenate(order))]
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def _default_workers(self) -> int:
        resources = self.ray.cluster_resources()
        if self.gpus:
            return max(1, int(resources.get("GPU", 0) // self.gpus))
        return max(1, int(resources.get("CPU", 1) // self.cpus))


def quiet() -> None:
    """Ray Data's own progress output off: the build prints one line per report and one for the embedding."""
    import ray.data

    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.print_on_execution_start = False
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    logging.getLogger("ray.data._internal.progress").setLevel(logging.ERROR)  # "progress bars disabled"


class _PoolEncoder:
    """The `Embedder` seam for `embed_cached`: each `encode` is one Ray Data job on the runner's actor pool."""

    def __init__(self, runner: RayRunner, name: str, precision: str):
        self.runner, self.name, self.precision = runner, name, precision
        self.embedded, self.seconds, self.workers = 0, 0.0, 0

    def encode(self, texts: list[str], kind: str = "passage", **_) -> np.ndarray:
        t = time.perf_counter()
        vectors = self.runner.encode(self.name, self.precision, list(texts), kind)
        self.seconds += time.perf_counter() - t
        self.embedded += len(texts)
        self.workers = max(self.workers, self.runner.last_workers)
        return vectors


class _Encoder:
    """A Ray Data actor holding one model: a batch of texts in, their L2-normalized vectors out."""

    def __init__(self, model: str, precision: str, kind: str, device: str):
        from qa.index.embed import SentenceTransformerEmbedder

        self.kind, self.error = kind, ""
        try:
            try:
                self.embedder = SentenceTransformerEmbedder(model, precision=precision)
            except OSError:  # actors on a fresh node convert the default model at once: the first rename wins
                self.embedder = SentenceTransformerEmbedder(model, precision=precision)
        except UserError as e:  # sent back as data: Ray would carry it as text inside a traceback
            self.error = str(e)
            return
        if device != "cpu":
            self.embedder._model.to(device)  # the embedder loads on the CPU; a GPU actor moves it over

    def __call__(self, batch: dict) -> dict:
        n = len(batch["i"])
        if self.error:
            return {"i": batch["i"], "vector": np.zeros((n, 1), np.float32), "error": np.array([self.error] * n)}
        texts = [str(t) for t in batch["text"]]
        vectors = self.embedder.encode(texts, kind=self.kind, batch_size=n)
        return {"i": batch["i"], "vector": vectors, "error": np.array([""] * n)}


def _prepare_row(row: dict, settings: IndexSettings) -> dict:
    """One report, in a Ray task: `prepare`, flattened to JSON columns (a user error travels as its message)."""
    source = Source(Path(row["path"]), bytes(row["raw"]), row["text"], row["format"], row["encoding"])
    try:
        p = prepare(source, settings, json.loads(row["corrections"]))
    except UserError as e:
        return {"n": row["n"], "error": str(e), "info": "", "chunks": "", "stats": ""}
    return {"n": row["n"], "error": "", "info": json.dumps(p.info.to_json(), ensure_ascii=False),
            "chunks": json.dumps([c.to_json() for c in p.chunks], ensure_ascii=False),
            "stats": json.dumps(asdict(p.stats), ensure_ascii=False)}


def _unpack(row: dict) -> Prepared:
    return Prepared(ReportInfo.from_json(json.loads(row["info"])),
                    [Chunk.from_json(c) for c in json.loads(row["chunks"])], CleanStats(**json.loads(row["stats"])))
