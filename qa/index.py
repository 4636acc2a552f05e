"""The index folder: a library of reports, their chunks, FAISS vectors and the keyword index.

    index/  manifest.json   what the folder holds and how it was made (written last)
            reports.jsonl   one line per report: id, title, place, level, years, date, speaker, hash
            chunks.jsonl    one line per chunk, in report order (each report's chunks are contiguous)
            vectors.faiss   one L2-normalized vector per chunk (IndexFlatIP)
            keyword/        bm25s over jieba words

Every change (build, add, remove) writes a whole new folder beside the old one and swaps it in,
so a failed or killed change leaves the previous library answering. `add` embeds only the new
reports' chunks and reuses the stored vectors of the others.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

import numpy as np

from qa.chunk import Chunk, make_chunks
from qa.clean import GARBLED, CleanStats, clean_text
from qa.embed import Embedder
from qa.errors import SourceError
from qa.identity import ReportInfo, identify, read_sidecar
from qa.keyword import KeywordIndex
from qa.manifest import FORMAT_VERSION, MANIFEST, IndexSettings, Manifest, library_versions, now, read_manifest, refuse
from qa.normalize import for_search, to_simplified
from qa.source import Source, read_reports
from qa.structure import parse, split_header

REPORTS = "reports.jsonl"
CHUNKS = "chunks.jsonl"
VECTORS = "vectors.faiss"
KEYWORD_DIR = "keyword"
INDEX_README = (
    "# index/\n\nWhat `qa build` / `qa add` write: `manifest.json`, `reports.jsonl`, `chunks.jsonl`, "
    "`vectors.faiss`, `keyword/`. Built, never committed.\n"
)


@dataclass
class Index:
    """A loaded library: its reports, their chunks, the vectors (FAISS) and the keyword index."""

    folder: Path
    manifest: Manifest
    reports: list[ReportInfo]
    chunks: list[Chunk]
    faiss_index: object
    keyword: KeywordIndex

    @property
    def model(self) -> str:
        return self.manifest.model

    @cached_property
    def report_by_id(self) -> dict[str, ReportInfo]:
        return {r.id: r for r in self.reports}

    @cached_property
    def ranges(self) -> dict[str, tuple[int, int]]:
        """Each report's chunk ids, as a half-open range (a report's chunks are contiguous)."""
        out: dict[str, tuple[int, int]] = {}
        for c in self.chunks:
            lo, _ = out.get(c.report, (c.chunk_id, c.chunk_id))
            out[c.report] = (lo, c.chunk_id + 1)
        return out

    @cached_property
    def _by_paragraph(self) -> dict[tuple[str, int], list[Chunk]]:
        out: dict[tuple[str, int], list[Chunk]] = {}
        for c in self.chunks:
            out.setdefault((c.report, c.seq), []).append(c)
        return out

    @cached_property
    def _paragraphs(self) -> dict[tuple[str, int], str]:
        """Each paragraph rebuilt from its chunks: they cover it in order, the whitespace between them kept."""
        out = {}
        for key, cs in self._by_paragraph.items():
            cs = sorted(cs, key=lambda c: c.start)
            text, pos = "", cs[0].start
            for c in cs:
                text += " " * (c.start - pos) + c.text
                pos = c.end
            out[key] = text
        return out

    def paragraph_text(self, report: str, seq: int) -> str:
        """The paragraph a chunk comes from (from its first chunk's start), rebuilt from its chunks."""
        return self._paragraphs.get((report, seq), "")

    def paragraph_chunk_ids(self, report: str, seq: int) -> list[int]:
        return [c.chunk_id for c in self._by_paragraph.get((report, seq), [])]

    def vectors(self) -> np.ndarray:
        """All stored vectors, one row per chunk."""
        n = self.faiss_index.ntotal
        return self.faiss_index.reconstruct_n(0, n) if n else np.zeros((0, self.faiss_index.d), np.float32)


def search_text(chunk: Chunk) -> str:
    """The text of a chunk that keyword search sees: normalized, garbled runs dropped."""
    return for_search(chunk.text.replace(GARBLED, " "))


def for_dense(text: str) -> str:
    """What the dense side sees of any text, question or chunk: NFKC, Simplified, case kept."""
    return to_simplified(unicodedata.normalize("NFKC", text.replace(GARBLED, "")))


def embed_text(chunk: Chunk, with_context: bool) -> str:
    """What the dense side embeds for a chunk: its text, optionally with section and lead."""
    text = chunk.text
    if with_context:
        context = [c for c in (chunk.section or chunk.part, chunk.lead) if c]
        if chunk.lead and text.startswith(chunk.lead):
            context = context[:-1]
        text = " ".join(context + [text])
    return for_dense(text)


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
    info = identify(source.id, header, list(dict.fromkeys(p.part for p in draft)), corrections)
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


Progress = Callable[[str], None]


def _quiet(_: str) -> None:
    pass


def build(sources: Path | list[Path], folder: Path, embedder: Embedder, settings: IndexSettings = IndexSettings(),
          overrides: dict | None = None, progress: Progress = _quiet) -> ChangeResult:
    """Build a new library from report files and folders, replacing `folder` atomically.

    Args:
        sources: report files (.txt, .docx, .html) and folders of them.
        overrides: report fields (place, year, …) to set on every report (for a single file).
        progress: called with one line per report as it is embedded.
    """
    return _change(folder, embedder, settings, None, _as_paths(sources), (), overrides, progress)


def add(folder: Path, sources: Path | list[Path], embedder: Embedder, overrides: dict | None = None,
        progress: Progress = _quiet) -> ChangeResult:
    """Add reports to an existing library, embedding only their chunks; the same report twice is refused."""
    current = load(folder, model=embedder.name)
    return _change(folder, embedder, current.manifest.settings, current, _as_paths(sources), (), overrides, progress)


def remove(folder: Path, report_ids: list[str]) -> ChangeResult:
    """Remove reports from a library (no embedding needed)."""
    from qa.options import check_reports

    current = load(folder)
    ids = check_reports(report_ids, [r.id for r in current.reports])
    if len(ids) == len(current.reports):
        raise SourceError("removing every report would leave an empty library. "
                          "Fix: keep at least one, or build a new library with `qa build --source …`.")
    return _change(folder, None, current.manifest.settings, current, [], ids, None, _quiet)


def _as_paths(source: Path | list[Path]) -> list[Path]:
    return [Path(p) for p in (source if isinstance(source, list | tuple) else [source])]


def _change(folder: Path, embedder: Embedder | None, settings: IndexSettings, current: Index | None,
            paths: list[Path], remove_ids: tuple[str, ...], overrides: dict | None, progress: Progress) -> ChangeResult:
    import faiss

    seconds: dict[str, float] = {}
    t = time.perf_counter()
    sources, skipped = read_reports(paths) if paths else ([], [])
    keep_reports = [r for r in (current.reports if current else []) if r.id not in remove_ids]
    _refuse_duplicates(sources, keep_reports)
    stats = CleanStats()
    prepared = []
    for source in sources:
        p = prepare(source, settings, overrides)
        prepared.append(p)
        stats.add(p.stats)
    seconds["read+clean+chunk"] = time.perf_counter() - t

    # The chunks and vectors kept from the current library, renumbered from 0.
    chunks: list[Chunk] = []
    kept_vectors = np.zeros((0, 0), np.float32)
    if current is not None:
        keep_ids = [c.chunk_id for c in current.chunks if c.report not in remove_ids]
        kept_vectors = current.vectors()[keep_ids] if keep_ids else np.zeros((0, current.faiss_index.d), np.float32)
        chunks = [replace(current.chunks[i], chunk_id=n) for n, i in enumerate(keep_ids)]

    t = time.perf_counter()
    new_vectors = []
    precision = current.manifest.precision if current else getattr(embedder, "precision", "float32")
    for n, p in enumerate(prepared, start=1):
        t_report = time.perf_counter()
        first = len(chunks)
        own = [replace(c, chunk_id=first + i) for i, c in enumerate(p.chunks)]
        chunks += own
        new_vectors.append(embedder.encode([embed_text(c, settings.embed_context) for c in own], kind="passage"))
        progress(f"[{n}/{len(prepared)}] {p.info.id}: {p.info.label} · {len(own)} chunks · "
                 f"{time.perf_counter() - t_report:.1f}s")
    seconds["embed"] = time.perf_counter() - t

    dim = embedder.dim if embedder is not None else current.faiss_index.d
    parts = [v for v in [kept_vectors, *new_vectors] if v.size]
    vectors = np.ascontiguousarray(np.vstack(parts), dtype=np.float32) if parts else np.zeros((0, dim), np.float32)
    faiss_index = faiss.IndexFlatIP(dim)
    faiss_index.add(vectors)

    t = time.perf_counter()
    keyword = KeywordIndex.build([search_text(c) for c in chunks], settings.keyword_tokenizer)
    seconds["keyword"] = time.perf_counter() - t

    reports = keep_reports + [p.info for p in prepared]
    ids = tuple(r.id for r in reports)
    if current is None:
        stamp = now()
        manifest = Manifest(FORMAT_VERSION, embedder.name, int(dim), precision, settings.chunking,
                            settings.keyword_tokenizer, settings.embed_context, len(chunks), ids, stamp, stamp,
                            library_versions())
    else:
        manifest = current.manifest.updated(len(chunks), ids)

    t = time.perf_counter()
    write(folder, manifest, reports, chunks, faiss_index, keyword)
    seconds["write"] = time.perf_counter() - t
    changed = [p.info for p in prepared] or [r for r in current.reports if r.id in remove_ids]
    return ChangeResult(Path(folder).resolve(), changed, len(chunks), len(reports), stats, skipped, seconds)


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


def write(folder: Path, manifest: Manifest, reports: list[ReportInfo], chunks: list[Chunk], faiss_index,
          keyword: KeywordIndex) -> None:
    """Write a whole index into a temporary sibling folder, then swap it in."""
    import faiss

    folder = Path(folder).resolve()
    folder.parent.mkdir(parents=True, exist_ok=True)
    for stale in folder.parent.glob(f".{folder.name}.building-*"):
        shutil.rmtree(stale, ignore_errors=True)  # left by a change that was killed
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.building-", dir=folder.parent))
    os.chmod(tmp, 0o755)
    try:
        (tmp / "README.md").write_text(INDEX_README, encoding="utf-8")
        _write_lines(tmp / REPORTS, [r.to_json() for r in reports])
        _write_lines(tmp / CHUNKS, [c.to_json() for c in chunks])
        faiss.write_index(faiss_index, str(tmp / VECTORS))
        keyword.save(tmp / KEYWORD_DIR)
        _write_json(tmp / MANIFEST, manifest.to_json())  # written last: its presence marks a whole index
        _swap_in(tmp, folder)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _write_lines(path: Path, objs: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for obj in objs:
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")


def _write_json(path: Path, obj) -> None:
    with path.open("w", encoding="utf-8") as f:
        f.write(json.dumps(obj, ensure_ascii=False, indent=2))
        f.flush()
        os.fsync(f.fileno())


def _swap_in(new: Path, folder: Path) -> None:
    """Replace `folder` by `new` so that at every instant one whole index is in place."""
    if not folder.exists():
        os.replace(new, folder)
        return
    old = folder.parent / f".{folder.name}.old-{os.getpid()}"
    os.replace(folder, old)
    try:
        os.replace(new, folder)
    except OSError:
        os.replace(old, folder)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _read_lines(path: Path, parse_line: Callable[[dict], object], what: str) -> list:
    try:
        with path.open(encoding="utf-8") as f:
            return [parse_line(json.loads(line)) for line in f if line.strip()]
    except FileNotFoundError as e:
        raise refuse(path, f"the {what} file is missing") from e
    except (ValueError, TypeError) as e:
        raise refuse(path, f"a line is not a valid {what} ({e})") from e


def load(folder: Path, model: str | None = None) -> Index:
    """Load an index folder, refusing one that does not match what it says it is.

    Args:
        folder: the index folder written by `build`/`add`.
        model: when given, the model the caller will embed questions with; must match.
    """
    import faiss

    folder = Path(folder)
    manifest = read_manifest(folder)
    manifest.check_model(folder / MANIFEST, model)
    reports = _read_lines(folder / REPORTS, ReportInfo.from_json, "report")
    chunks = _read_lines(folder / CHUNKS, Chunk.from_json, "chunk")
    if tuple(r.id for r in reports) != manifest.reports:
        raise refuse(folder / REPORTS, f"lists reports {[r.id for r in reports][:3]}…, the manifest "
                                       f"{list(manifest.reports)[:3]}…")
    known = set(manifest.reports)
    if any(c.report not in known for c in chunks) or [c.chunk_id for c in chunks] != list(range(len(chunks))):
        raise refuse(folder / CHUNKS, "chunk ids or report ids do not match the manifest")
    vectors_path = folder / VECTORS
    if not vectors_path.is_file():
        raise refuse(vectors_path, "the vectors file is missing")
    try:
        faiss_index = faiss.read_index(str(vectors_path))
    except RuntimeError as e:
        raise refuse(vectors_path, "the FAISS file is corrupt or truncated") from e
    if faiss_index.ntotal != len(chunks) or faiss_index.ntotal != manifest.n_chunks:
        raise refuse(vectors_path, f"holds {faiss_index.ntotal} vectors but {CHUNKS} has {len(chunks)} chunks "
                                   f"and the manifest says {manifest.n_chunks}")
    if faiss_index.d != manifest.dimension:
        raise refuse(vectors_path, f"vectors have dimension {faiss_index.d}, the manifest says {manifest.dimension}")
    try:
        keyword = KeywordIndex.load(folder / KEYWORD_DIR, manifest.keyword_tokenizer)
    except (OSError, ValueError, KeyError) as e:
        raise refuse(folder / KEYWORD_DIR, f"the keyword index cannot be read ({e})") from e
    if keyword.n_docs != len(chunks):
        raise refuse(folder / KEYWORD_DIR, f"indexes {keyword.n_docs} chunks, {CHUNKS} has {len(chunks)}")
    return Index(folder, manifest, reports, chunks, faiss_index, keyword)
