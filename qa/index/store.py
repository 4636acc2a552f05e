"""The index folder: a library of reports, their chunks, FAISS vectors and the keyword index.

    index/  manifest.json   what the folder holds and how it was made (written last)
            reports.jsonl   one line per report: id, title, place, level, years, date, speaker, hash
            chunks.jsonl    one line per chunk, in report order (each report's chunks are contiguous)
            vectors.faiss   one L2-normalized vector per chunk: exact (IndexFlatIP) or, past
                            `ann.FLAT_MAX` chunks, IVF-SQ8 (`qa.index.ann`; the manifest names which)
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
from qa.index.keyword import KeywordIndex
from qa.index.manifest import MANIFEST, Manifest, lock_path, read_manifest, refuse
from qa.ingest.chunk import Chunk
from qa.ingest.clean import GARBLED
from qa.ingest.identity import ReportInfo

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
        manifest = replace(manifest, index_format=ann.format_of(faiss_index), vectors=ann.describe(faiss_index))
        faiss.write_index(faiss_index, str(tmp / VECTORS))
        keyword.save(tmp / KEYWORD_DIR)
        _write_json(tmp / MANIFEST, manifest.to_json())  # written last: its presence marks a whole index
        _kill_point("written")
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
    folder = Path(folder)
    manifest = read_manifest(folder)  # repairs what a killed change left first (`recover`)
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
        faiss_index = ann.read(vectors_path)  # memory-mapped
        found = ann.format_of(faiss_index)
    except (RuntimeError, ValueError) as e:
        raise refuse(vectors_path, "the FAISS file is corrupt or truncated") from e
    if found != manifest.index_format:
        raise refuse(vectors_path, f"holds a {found} index, the manifest says {manifest.index_format}")
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
    index = Index(folder, manifest, reports, chunks, faiss_index, keyword)
    _ = index.stamp  # taken now: a change after this load is seen as one
    return index
