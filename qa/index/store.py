"""The index folder: a library of reports, each report's chunks, vectors and keyword index on their own.

    index/  manifest.json   what the folder holds and how it was made (written last)
            reports.jsonl   one line per report: id, title, place, level, years, date, speaker, hash
            shards/ID/      one folder per report (a shard):
                chunks.jsonl    its chunks, ids from 0 in report order (they never change)
                vectors.npy     one L2-normalized float32 vector per chunk, memory-mapped when read
                keyword/        bm25s over its chunks' jieba words and bigrams
            keyword/        every shard's postings merged (`LibraryKeyword`), memory-mapped when read
            vectors.faiss   only past `ann.FLAT_MAX` chunks: the library-wide IVF-SQ8 index
                            (`qa.index.ann`; the manifest names the format)

Every change (build, add, remove) writes a new folder beside the old one and swaps it in, so a
failed or killed change leaves the previous library answering. A report the change does not touch
keeps its shard: its files are hard links to the previous library's (nothing re-read, re-embedded or
rewritten), and the library's keyword index is merged from the previous one and the new shards'
postings (nothing tokenized again), so `add` and `remove` cost about what their own reports cost.
Loaded, the library numbers its chunks in report order (`Chunk.chunk_id`, a place in this library);
`Chunk.passage_id` names a passage whatever else the library holds.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import unicodedata
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

import numpy as np

from qa.common.errors import SourceError
from qa.common.normalize import for_search, to_simplified
from qa.index import ann
from qa.index.keyword import KeywordIndex, LibraryKeyword
from qa.index.manifest import MANIFEST, Manifest, lock_path, read_manifest, refuse
from qa.ingest.chunk import Chunk
from qa.ingest.clean import GARBLED
from qa.ingest.identity import ReportInfo

REPORTS = "reports.jsonl"
SHARDS = "shards"
CHUNKS = "chunks.jsonl"
VECTORS = "vectors.npy"
KEYWORD_DIR = "keyword"
APPROXIMATE = "vectors.faiss"
INDEX_README = (
    "# index/\n\nWhat `qa build` / `qa add` write: `manifest.json`, `reports.jsonl`, and per report "
    "`shards/ID/` (`chunks.jsonl`, `vectors.npy`, `keyword/`). Built, never committed.\n"
)


@dataclass(frozen=True)
class Shard:
    """One report's part of a library: its chunks (ids from 0), their vectors and its keyword index.

    `folder` is where it was read from, when it was: a change that keeps the report links those files
    into the new library instead of writing them again.
    """

    report: str
    chunks: list[Chunk]  # numbered from 0 when made, from the report's place in the library when loaded
    vectors: np.ndarray
    keyword: KeywordIndex | None  # read only when made (a loaded library searches `LibraryKeyword`)
    folder: Path | None = None

    @classmethod
    def make(cls, report: str, chunks: list[Chunk], vectors: np.ndarray, tokenizer: str) -> Shard:
        """A new report's shard: its keyword index built over its chunks."""
        return cls(report, chunks, np.ascontiguousarray(vectors, dtype=np.float32),
                   KeywordIndex.build([search_text(c) for c in chunks], tokenizer))


@dataclass
class Index:
    """A loaded library: its reports, their chunks, the vectors (FAISS) and the keyword index."""

    folder: Path
    manifest: Manifest
    reports: list[ReportInfo]
    shards: list[Shard]  # in report order
    chunks: list[Chunk]  # every report's, in report order; `chunk_id` is the place here
    dense: ann.Dense
    keyword: LibraryKeyword

    @property
    def model(self) -> str:
        return self.manifest.model

    @cached_property
    def stamp(self) -> tuple[int, int] | None:
        """The library this was loaded from (`library_stamp`), to notice a change on disk."""
        return library_stamp(self.folder)

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

    def part_chunks(self, report: str, part: str) -> list[Chunk]:
        """A part of a report, its chunks in reading order (`二、2024年工作安排`: the plan's sections, in turn)."""
        lo, hi = self.ranges.get(report, (0, 0))
        return [c for c in self.chunks[lo:hi] if c.part == part]

    def paragraph_chunk_ids(self, report: str, seq: int) -> list[int]:
        return [c.chunk_id for c in self._by_paragraph.get((report, seq), [])]

    def vectors(self) -> np.ndarray:
        """All stored vectors, one row per chunk."""
        return self.dense.vectors()


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


def write(folder: Path, manifest: Manifest, reports: list[ReportInfo], shards: list[Shard], keyword: LibraryKeyword,
          approximate=None) -> None:
    """Write a library into a temporary sibling folder, then swap it in. A shard read from a library keeps
    its files (hard links); a new one is written.

    Args:
        keyword: the library's keyword index, over the shards' chunks in this order.
        approximate: the library-wide ivf-sq8 index (`ann.make`), past `ann.FLAT_MAX` chunks; None: exact only.
    """
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
        for shard in shards:
            _write_shard(shard, tmp / SHARDS / shard_name(shard.report))
        keyword.save(tmp / KEYWORD_DIR)
        manifest = replace(manifest, index_format=ann.FLAT if approximate is None else ann.format_of(approximate),
                           vectors=ann.describe(approximate))
        if approximate is not None:
            faiss.write_index(approximate, str(tmp / APPROXIMATE))
        _write_json(tmp / MANIFEST, manifest.to_json())  # written last: its presence marks a whole index
        _kill_point("written")
        _swap_in(tmp, folder)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def shard_name(report: str) -> str:
    """The folder of a report's shard: its id (a file name's stem, so already a valid name)."""
    return report


def _write_shard(shard: Shard, out: Path) -> None:
    if shard.folder is not None and shard.folder.is_dir():
        try:
            shutil.copytree(shard.folder, out, copy_function=os.link)  # the same files, nothing rewritten
        except OSError:  # a file system without hard links: the files copied
            shutil.rmtree(out, ignore_errors=True)
            shutil.copytree(shard.folder, out)
        return
    out.mkdir(parents=True)
    _write_lines(out / CHUNKS, [{**c.to_json(), "chunk_id": i} for i, c in enumerate(shard.chunks)])  # from 0 on disk
    np.save(out / VECTORS, np.ascontiguousarray(shard.vectors, dtype=np.float32))
    if shard.keyword is None:
        raise ValueError(f"the shard of {shard.report!r} has neither files to link nor a keyword index to write")
    shard.keyword.save(out / KEYWORD_DIR)


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
    """Replace `folder` by `new`. Between the two renames the previous library waits in `.NAME.old-PID`;
    a kill there is repaired by `recover` (run by every load and write), so a whole index is always found."""
    if not folder.exists():
        os.replace(new, folder)
        return
    old = folder.parent / f".{folder.name}.old-{os.getpid()}"
    os.replace(folder, old)
    _kill_point("between-renames")
    try:
        os.replace(new, folder)
    except OSError:
        os.replace(old, folder)
        raise
    _kill_point("swapped")
    shutil.rmtree(old, ignore_errors=True)


KILL_POINTS = ("written", "between-renames", "swapped")


def _kill_point(step: str) -> None:
    """For the kill tests: `QA_KILL_AT=<step>` kills this process there with SIGKILL, as a power cut would."""
    if os.environ.get("QA_KILL_AT") == step:
        import signal

        os.kill(os.getpid(), signal.SIGKILL)


def library_stamp(folder: Path) -> tuple[int, int] | None:
    """Which library is in `folder` now: every change swaps in a new folder (a new inode) and manifest."""
    try:
        return Path(folder).stat().st_ino, (Path(folder) / MANIFEST).stat().st_mtime_ns
    except OSError:
        return None


@contextmanager
def writer_lock(folder: Path):
    """One change of a library at a time: a second `qa build`/`add`/`remove` is refused, naming the first."""
    import fcntl

    folder = Path(folder).resolve()
    folder.parent.mkdir(parents=True, exist_ok=True)
    with lock_path(folder).open("a+") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            f.seek(0)
            holder = f.read().strip() or "another process"
            raise SourceError(f"{folder} is being changed by {holder}. Fix: wait for it to finish, then run "
                              "this again (one build, add or remove at a time).") from None
        f.seek(0)
        f.truncate()
        f.write(f"process {os.getpid()}")
        f.flush()
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def _read_lines(path: Path, parse_line: Callable[[dict], object], what: str) -> list:
    try:
        with path.open(encoding="utf-8") as f:
            objs = [json.loads(line) for line in f if line.strip()]
    except FileNotFoundError as e:
        raise refuse(path, f"the {what} file is missing") from e
    except ValueError as e:
        raise refuse(path, f"a line is not a valid {what} ({e})") from e
    return _parsed(path, objs, lambda _, obj: parse_line(obj), what)


def _parsed(path: Path, objs: list[dict], parse: Callable[[int, dict], object], what: str) -> list:
    """Each line's object parsed (with its place in the file), a bad one refused naming the file."""
    try:
        return [parse(i, obj) for i, obj in enumerate(objs)]
    except (ValueError, TypeError) as e:
        raise refuse(path, f"a line is not a valid {what} ({e})") from e


def load(folder: Path, model: str | None = None) -> Index:
    """Load an index folder, refusing one that does not match what it says it is.

    Args:
        folder: the index folder written by `build`/`add`.
        model: when given, the model the caller will embed questions with; must match.
    """
    folder = Path(folder)
    manifest = read_manifest(folder)  # repairs what a killed change left first (`recover`)
    manifest.check_model(folder / MANIFEST, model)
    reports = _read_lines(folder / REPORTS, ReportInfo.from_json, "report")
    if tuple(r.id for r in reports) != manifest.reports:
        raise refuse(folder / REPORTS, f"lists reports {[r.id for r in reports][:3]}…, the manifest "
                                       f"{list(manifest.reports)[:3]}…")
    shards, n_chunks = [], 0
    for r in reports:  # chunks numbered in report order
        shards.append(_load_shard(folder / SHARDS / shard_name(r.id), r.id, manifest, n_chunks))
        n_chunks += len(shards[-1].chunks)
    if n_chunks != manifest.n_chunks:
        raise refuse(folder / SHARDS, f"the reports hold {n_chunks} chunks, the manifest says {manifest.n_chunks}")
    try:
        keyword = LibraryKeyword.load(folder / KEYWORD_DIR, manifest.keyword_tokenizer)
    except (OSError, ValueError, KeyError) as e:
        raise refuse(folder / KEYWORD_DIR, f"the keyword index cannot be read ({e})") from e
    if keyword.n_docs != n_chunks:
        raise refuse(folder / KEYWORD_DIR, f"indexes {keyword.n_docs} chunks, the reports hold {n_chunks}")
    approximate = None
    if manifest.index_format != ann.FLAT:
        path = folder / APPROXIMATE
        if not path.is_file():
            raise refuse(path, "the library-wide vectors file is missing")
        try:
            approximate = ann.read(path)  # memory-mapped
            found = ann.format_of(approximate)
        except (RuntimeError, ValueError) as e:
            raise refuse(path, "the FAISS file is corrupt or truncated") from e
        if found != manifest.index_format:
            raise refuse(path, f"holds a {found} index, the manifest says {manifest.index_format}")
        if approximate.ntotal != n_chunks or approximate.d != manifest.dimension:
            raise refuse(path, f"holds {approximate.ntotal} vectors of dimension {approximate.d}, the reports "
                               f"{n_chunks} of {manifest.dimension}")
    chunks = [c for shard in shards for c in shard.chunks]
    dense = ann.Dense([shard.vectors for shard in shards], manifest.dimension, approximate)
    index = Index(folder, manifest, reports, shards, chunks, dense, keyword)
    _ = index.stamp  # taken now: a change after this load is seen as one
    return index


def _load_shard(folder: Path, report: str, manifest: Manifest, first: int) -> Shard:
    """One report's shard, checked against itself and the manifest, its chunks numbered from `first`."""
    if not folder.is_dir():
        raise refuse(folder, f"the shard of report {report!r} is missing")
    objs = _read_lines(folder / CHUNKS, dict, "chunk")
    if any(o.get("report") != report or o.get("chunk_id") != i for i, o in enumerate(objs)):
        raise refuse(folder / CHUNKS, f"chunk ids or report ids do not match report {report!r}")
    chunks = _parsed(folder / CHUNKS, objs, lambda i, o: Chunk.from_json({**o, "chunk_id": first + i}), "chunk")
    path = folder / VECTORS
    if not path.is_file():
        raise refuse(path, "the vectors file is missing")
    try:
        vectors = np.load(path, mmap_mode="r")  # pages shared by every process serving the library
    except (OSError, ValueError) as e:
        raise refuse(path, f"the vectors file is corrupt or truncated ({e})") from e
    if vectors.ndim != 2 or vectors.dtype != np.float32:
        raise refuse(path, f"holds {vectors.dtype} of shape {vectors.shape}, not float32 rows")
    if len(vectors) != len(chunks):
        raise refuse(path, f"holds {len(vectors)} vectors but {CHUNKS} has {len(chunks)} chunks")
    if vectors.shape[1] != manifest.dimension:
        raise refuse(path, f"vectors have dimension {vectors.shape[1]}, the manifest says {manifest.dimension}")
    if not (folder / KEYWORD_DIR).is_dir():
        raise refuse(folder / KEYWORD_DIR, "the report's keyword index is missing")
    return Shard(report, chunks, vectors, None, folder.resolve())
