"""The build/add/remove pipeline: report files are read, cleaned, identified, chunked and embedded,
and a whole new library is written by `qa.index.store.write`.

`add` embeds only the new reports' chunks and reuses the stored vectors of the others. Reports are
prepared and embedded here, one at a time, or by another `Runner` (`qa.index.distributed` on Ray);
whichever runs them, the same code checks the files and writes the library.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

import numpy as np

from qa.common.errors import SourceError
from qa.index import ann
from qa.index.cache import VectorCache, embed_cached
from qa.index.embed import Embedder
from qa.index.keyword import LibraryKeyword
from qa.index.manifest import FORMAT_VERSION, IndexSettings, Manifest, library_versions, now
from qa.index.store import Index, Shard, embed_text, library_stamp, load, write, writer_lock
from qa.ingest.chunk import Chunk, make_chunks
from qa.ingest.clean import CleanStats, clean_text
from qa.ingest.identity import ReportInfo, identify, read_sidecar
from qa.ingest.source import Source, read_reports
from qa.ingest.structure import parse, split_header


@dataclass(frozen=True)
class Prepared:
    """One report read, cleaned, identified and chunked (chunk ids from 0), not yet embedded."""

    info: ReportInfo
    chunks: list[Chunk]
    stats: CleanStats


def prepare(source: Source, settings: IndexSettings, overrides: dict | None = None) -> Prepared:
    """Clean, structure, identify and chunk one report file."""
    body, appendix, stats = clean_text(source.text)
    if not body:
        raise SourceError(f"{source.path}: no report text left after cleaning. Fix: check that it is a work report.")
    header, _ = split_header(body)
    draft = parse(source.id, body, appendix)
    corrections = {**read_sidecar(source.path), **(overrides or {})}
    info = identify(source.id, header, list(dict.fromkeys(p.part for p in draft)), corrections, "\n".join(body))
    paragraphs = parse(source.id, body, appendix, plan_year=info.year)
    chunks = make_chunks(paragraphs, settings.chunking)
    info = replace(info, source=source.path.name, sha256=source.sha256, format=source.format, n_chunks=len(chunks))
    return Prepared(info, chunks, stats)


@dataclass(frozen=True)
class ChangeResult:
    """What a build, add or remove did, for the CLI to print."""

    folder: Path
    reports: list[ReportInfo]  # the reports added (or, for remove, removed)
    n_chunks: int  # chunks in the library afterwards
    n_reports: int
    clean: CleanStats
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    seconds: dict = field(default_factory=dict)
    from_cache: int = 0  # chunks whose vectors came from the vector cache instead of the model


Progress = Callable[[str], None]


def _quiet(_: str) -> None:
    pass


class Runner(Protocol):
    """Where a change's reports are prepared and their chunks embedded (`Local`: here, one report at a time)."""

    def prepare(self, sources: list[Source], settings: IndexSettings, overrides: dict | None) -> list[Prepared]:
        """Each source prepared (`prepare`), in the order given."""
        ...

    def embed(self, embedder: Embedder, prepared: list[Prepared], texts: list[list[str]], cache: VectorCache | None,
              progress: Progress) -> tuple[list[np.ndarray], int]:
        """The vectors of each report's chunk texts (`embed_cached`), and how many came from the cache."""
        ...


PROGRESS_EVERY = 1024  # passages embedded between two progress lines of one long report


class Local:
    """Reports prepared and embedded in this process, one report at a time, a progress line after each."""

    def prepare(self, sources: list[Source], settings: IndexSettings, overrides: dict | None) -> list[Prepared]:
        return [prepare(source, settings, overrides) for source in sources]

    def embed(self, embedder: Embedder, prepared: list[Prepared], texts: list[list[str]], cache: VectorCache | None,
              progress: Progress) -> tuple[list[np.ndarray], int]:
        out, cached_total = [], 0
        for n, (p, own) in enumerate(zip(prepared, texts, strict=True), start=1):
            t = time.perf_counter()
            parts, from_cache = [], 0
            for start in range(0, max(len(own), 1), PROGRESS_EVERY):  # a very long report shows its progress
                vectors, cached = embed_cached(embedder, own[start:start + PROGRESS_EVERY], "passage", cache)
                parts.append(vectors)
                from_cache += cached
                if len(own) > PROGRESS_EVERY:
                    done = min(start + PROGRESS_EVERY, len(own))
                    progress(f"  {p.info.id}: {done}/{len(own)} passages · {time.perf_counter() - t:.0f}s")
            out.append(np.vstack(parts) if len(parts) > 1 else parts[0])
            cached_total += from_cache
            progress(report_line(n, len(prepared), p, from_cache, time.perf_counter() - t))
        return out, cached_total


def report_line(n: int, total: int, p: Prepared, from_cache: int, seconds: float | None) -> str:
    """The progress line of one embedded report (`seconds`: None when it was embedded with others)."""
    reused = f" ({from_cache} from the vector cache)" if from_cache else ""
    took = f" · {seconds:.1f}s" if seconds is not None else ""
    return f"[{n}/{total}] {p.info.id}: {p.info.label} · {len(p.chunks)} chunks{reused}{took}"


def build(sources: Path | list[Path], folder: Path, embedder: Embedder, settings: IndexSettings = IndexSettings(),
          overrides: dict | None = None, progress: Progress = _quiet, cache: VectorCache | None = None,
          force: bool = False, runner: Runner | None = None) -> ChangeResult:
    """Build a new library from report files and folders, replacing `folder` atomically.

    Args:
        sources: report files (.txt, .docx, .html) and folders of them.
        overrides: report fields (place, year, …) to set on every report (for a single file).
        progress: called with one line per report as it is embedded.
        cache: vectors already computed, by text (`qa.index.cache`); only what it lacks is embedded.
        force: take a file named explicitly even if it does not read like a work report, or is very large.
        runner: where the reports are prepared and embedded (default `Local`; `qa.index.distributed.RayRunner`).
    """
    return _change(folder, embedder, settings, None, _as_paths(sources), (), overrides, progress, cache, force, runner)


def add(folder: Path, sources: Path | list[Path], embedder: Embedder, overrides: dict | None = None,
        progress: Progress = _quiet, cache: VectorCache | None = None, force: bool = False) -> ChangeResult:
    """Add reports to an existing library, embedding only their chunks; the same report twice is refused."""
    current = load(folder, model=embedder.name)
    return _change(folder, embedder, current.manifest.settings, current, _as_paths(sources), (), overrides, progress,
                   cache, force)


def remove(folder: Path, report_ids: list[str]) -> ChangeResult:
    """Remove reports from a library (no embedding needed)."""
    from qa.common.options import check_reports

    current = load(folder)
    ids = check_reports(report_ids, [r.id for r in current.reports])
    if len(ids) == len(current.reports):
        raise SourceError("removing every report would leave an empty library. "
                          "Fix: keep at least one, or build a new library with `qa build --source …`.")
    return _change(folder, None, current.manifest.settings, current, [], ids, None, _quiet)


def _as_paths(source: Path | list[Path]) -> list[Path]:
    return [Path(p) for p in (source if isinstance(source, list | tuple) else [source])]


def _change(folder: Path, embedder: Embedder | None, settings: IndexSettings, current: Index | None,
            paths: list[Path], remove_ids: tuple[str, ...], overrides: dict | None, progress: Progress,
            cache: VectorCache | None = None, force: bool = False, runner: Runner | None = None) -> ChangeResult:
    with writer_lock(folder):
        if current is not None and library_stamp(folder) != current.stamp:
            current = load(folder)  # another change landed since this one read the library: build on it
        return _write_change(folder, embedder, settings, current, paths, remove_ids, overrides, progress, cache, force,
                             runner or Local())


def _write_change(folder: Path, embedder: Embedder | None, settings: IndexSettings, current: Index | None,
                  paths: list[Path], remove_ids: tuple[str, ...], overrides: dict | None, progress: Progress,
                  cache: VectorCache | None, force: bool, runner: Runner) -> ChangeResult:
    seconds: dict[str, float] = {}
    t = time.perf_counter()
    sources, skipped = read_reports(paths, force) if paths else ([], [])
    keep_reports = [r for r in (current.reports if current else []) if r.id not in remove_ids]
    _refuse_duplicates(sources, keep_reports)
    prepared = runner.prepare(sources, settings, overrides) if sources else []
    stats = CleanStats()
    for p in prepared:
        stats.add(p.stats)
    seconds["read+clean+chunk"] = time.perf_counter() - t

    # The shards of the reports kept: their files are linked into the new library, not rewritten.
    kept = [shard for shard in (current.shards if current else []) if shard.report not in remove_ids]

    t = time.perf_counter()
    precision = current.manifest.precision if current else getattr(embedder, "precision", "float32")
    texts = [[embed_text(c, settings.embed_context) for c in p.chunks] for p in prepared]
    new_vectors, cached_total = runner.embed(embedder, prepared, texts, cache, progress) if prepared else ([], 0)
    seconds["embed"] = time.perf_counter() - t

    t = time.perf_counter()
    dims = [v.shape[1] for v in new_vectors if v.size]
    dim = current.manifest.dimension if current is not None else dims[0] if dims else embedder.dim
    new = [Shard.make(p.info.id, p.chunks, v.reshape(len(p.chunks), dim), settings.keyword_tokenizer)
           for p, v in zip(prepared, new_vectors, strict=True)]
    shards = kept + new
    keyword = current.keyword.without([current.ranges[r] for r in remove_ids]) if current is not None else \
        LibraryKeyword.empty(settings.keyword_tokenizer)
    keyword = keyword.appended([s.keyword for s in new])  # merged: nothing tokenized again
    seconds["keyword"] = time.perf_counter() - t
    n_chunks = sum(len(s.chunks) for s in shards)
    approximate = None
    if ann.choose(n_chunks) == ann.IVF_SQ8:  # past ann.FLAT_MAX chunks: a library-wide IVF-SQ8 beside the shards
        approximate = ann.make(np.vstack([np.asarray(s.vectors, dtype=np.float32) for s in shards]), flat_max=0)

    reports = keep_reports + [p.info for p in prepared]
    ids = tuple(r.id for r in reports)
    if current is None:
        stamp = now()
        manifest = Manifest(FORMAT_VERSION, embedder.name, int(dim), precision, settings.chunking,
                            settings.keyword_tokenizer, settings.embed_context, n_chunks, ids, stamp, stamp,
                            library_versions())
    else:
        manifest = current.manifest.updated(n_chunks, ids)

    t = time.perf_counter()
    write(folder, manifest, reports, shards, keyword, approximate)
    seconds["write"] = time.perf_counter() - t
    changed = [p.info for p in prepared] or [r for r in current.reports if r.id in remove_ids]
    return ChangeResult(Path(folder).resolve(), changed, n_chunks, len(reports), stats, skipped, seconds,
                        cached_total)


def _refuse_duplicates(sources: list[Source], existing: list[ReportInfo]) -> None:
    """The same file twice (by content hash) or two reports with one id are refused, naming the fix."""
    by_hash = {r.sha256: r.id for r in existing}
    by_id = {r.id: r.source for r in existing}
    for s in sources:
        if s.sha256 in by_hash:
            raise SourceError(f"{s.path}: this report is already in the library as {by_hash[s.sha256]!r} "
                              f"(same content). Fix: leave it out, or `qa remove {by_hash[s.sha256]}` first.")
        if s.id in by_id:
            raise SourceError(f"{s.path}: a report with id {s.id!r} (the file name) is already in the library "
                              f"(from {by_id[s.id]}). Fix: rename the file, or `qa remove {s.id}` first.")
        by_hash[s.sha256], by_id[s.id] = s.id, str(s.path)
