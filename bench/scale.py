"""The library at x1, x10 and x100 of the shipped reports: memory, build, `add`, questions and a table.

    python -m bench.scale [--source /tmp/corpus41] [--factors 1 10 100] [--json docs/scale.json]

`--source` is a built library (default: the 41 shipped reports, `qa build --source data --index
/tmp/corpus41`). Its reports are copied as other, synthetic reports until the library is `factor`
times larger, then written with the product's own code (a `Shard` per report, `LibraryKeyword.of`,
`qa.index.ann.make` past FLAT_MAX, `qa.index.store.write`) and measured:

- a copy of a report is the report of a county (`…县`, from the gazetteer; a county gets a report a
  year, going back a year when the counties run out), so a question that names a province or a
  year still routes to what it did, and the 31 provinces' table stays 31 rows;
- its passages keep their words, with the last digit of every number shifted (the keyword side
  sees new figures, as other places' reports have);
- its vectors are the real passage's moved along the difference of two random real passages
  (v + 0.6 (a - b), normalized): a copy is as far from its source (median cosine 0.965) as a real
  passage from its nearest neighbour (0.960), not a near-duplicate.

Measured, each library in a fresh process: loading (seconds, peak RSS, private RSS: what a server
holds for itself beyond the memory-mapped files), the p50 of a routed and an unrouted question and
of the 31-row table (`Session.ask`, the question's vector embedded once, so the p50 is search and
composition), and, here, `add` of a real report (its vectors from the shipped vector cache: no
model is loaded; its own passages tokenized, no other report's). Tokenizing the passages for the
keyword index is what a build costs beyond the index formats: jieba's rate is measured on the real
passages, and the copies' tokens are derived from their source's (the digits shifted the same way),
so `build` is timed without it and the tokenization at the measured rate is shown beside it.

The embedding of the passages themselves is measured apart (README, Speed); `--embed-rate
NAME=PASSAGES_PER_S` projects the national library (~7 M passages) over N workers of each kind.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from itertools import groupby
from pathlib import Path

import numpy as np

ROUTED = "山西省2025年地区生产总值增长目标是多少？"
UNROUTED = "如何推进城乡融合发展？"
TABLE = "2025年各省地区生产总值增长目标分别是多少？"
TESTS_DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
ADD_REPORT = TESTS_DATA / "more" / "city" / "chengdu-2024.txt"
QUESTION_FILES = ("dev.jsonl", "library-dev.jsonl", "hailar-dev.jsonl")  # for the dense side's recall
NATIONAL_PASSAGES = 7_000_000  # ~70,000 reports over 20 years x ~100 passages
# Passages per second of one embedding worker on the shipped reports' passages. This machine: the
# product's float32 torch path in one 2-core process (README, Speed). The others were measured once on
# a lent machine (an H200 and a 16-core Xeon with AMX) by `bench.embed_rate`: e5-small's architecture at
# random weights (the same shapes, so the same arithmetic) over the same passages, tokenized by the
# model's tokenizer, in length-sorted batches as sentence-transformers runs them (6.9/s here, busy).
EMBED_RATES = {
    "2-core AMD EPYC, AVX2 (this machine), float32": 11.6,
    "2 cores of a Xeon with AMX, bfloat16": 68.6,
    "16-core Xeon with AMX, bfloat16": 218.6,
    "H200 GPU, float32, batch 128": 4574,
    "H200 GPU, float16, batch 512": 21362,
}
_DIGITS = re.compile(r"[0-9０-９]+")
_ASCII_DIGITS = re.compile(r"[0-9]+")


def shift_digits(text: str, shift: int, pattern: re.Pattern = _DIGITS) -> str:
    """The last digit of every number moved by `shift` (mod 10), in its own script: same length."""
    def one(m: re.Match) -> str:
        run = m.group(0)
        zero = "0" if run[-1] <= "9" else "０"
        return run[:-1] + chr(ord(zero) + (ord(run[-1]) - ord(zero) + shift) % 10)
    return pattern.sub(one, text) if shift % 10 else text


def county_places(known: set[str]) -> list:
    """Counties (`…县`) the library does not have, in a fixed shuffled order."""
    from qa.common.places import AMBIGUOUS, all_places

    counties = sorted((p for p in all_places() if p.level == "county" and p.name.endswith("县")
                       and p.name not in known and p.name[:-1] not in AMBIGUOUS), key=lambda p: p.code)
    order = np.random.default_rng(0).permutation(len(counties))
    return [counties[i] for i in order]


def synthesize(base, factor: int, tokens: dict[str, list[str]]):
    """(reports, chunks, vectors) of a library `factor` times `base`; `tokens` gains the copies' keyword
    tokens (by their search text), derived from their source's."""
    from qa.index.keyword import tokenize
    from qa.index.store import search_text

    reports, chunks = list(base.reports), list(base.chunks)
    real = base.vectors().astype(np.float32)
    parts = [real]
    source_text = [search_text(c) for c in base.chunks]
    places = county_places({r.place for r in base.reports})
    rng = np.random.default_rng(factor)
    n = len(real)
    k = 0
    for copy in range(1, factor):
        shift = 1 + copy % 9
        a, b = rng.integers(0, n, n), rng.integers(0, n, n)
        moved = real + 0.6 * (real[a] - real[b])
        parts.append((moved / np.linalg.norm(moved, axis=1, keepdims=True)).astype(np.float32))
        for r in base.reports:
            place, back = places[k % len(places)], k // len(places)
            k += 1
            rid = f"{r.id}-copy{copy:03d}"
            year = r.year - back if r.year else r.year
            reports.append(replace(r, id=rid, title=f"{year or ''}年{place.name}政府工作报告", place=place.name,
                                   level="county", place_code=place.code, year=year,
                                   review_year=r.review_year - back if r.review_year else r.review_year,
                                   source=f"{rid}.txt", sha256=hashlib.sha256(rid.encode()).hexdigest()))
            lo, hi = base.ranges[r.id]
            for i in range(lo, hi):
                c = base.chunks[i]
                new = replace(c, chunk_id=len(chunks), report=rid, text=shift_digits(c.text, shift),
                              lead=shift_digits(c.lead, shift), year=c.year - back if c.year else c.year)
                chunks.append(new)
                text = search_text(new)
                if text not in tokens:
                    derived = shift_digits(source_text[i], shift, _ASCII_DIGITS)
                    if derived == text:  # numbers are tokens of their own: shift them the same way
                        tokens[text] = [shift_digits(t, shift, _ASCII_DIGITS) for t in tokens[source_text[i]]]
                    else:  # a digit the normalization made (①, ²): tokenize for real
                        tokens[text] = tokenize(text, base.manifest.keyword_tokenizer)
    return reports, chunks, np.vstack(parts)


class RememberedTokens:
    """`qa.index.keyword.tokenize` with the tokens of texts seen before remembered (counted when missed)."""

    def __init__(self, tokens: dict[str, list[str]], tokenize):
        self.tokens, self.tokenize, self.missed = tokens, tokenize, 0

    def __call__(self, normalized: str, tokenizer: str = "jieba") -> list[str]:
        got = self.tokens.get(normalized)
        if got is None:
            self.missed += 1
            got = self.tokens[normalized] = self.tokenize(normalized, tokenizer)
        return got


class CachedOnly:
    """An embedder for `add` whose passages are all in the vector cache: it is never asked to encode."""

    def __init__(self, name: str, dim: int, precision: str):
        self.name, self.dim, self.precision = name, dim, precision

    def encode(self, texts, kind="query", **_):
        raise RuntimeError(f"{len(texts)} passages are not in the vector cache; the benchmark does not embed")


def write_library(folder: Path, base, reports, chunks, vectors) -> dict:
    """Write a library with the product's code; seconds of the dense index, keyword indexes and writing."""
    from qa.index import ann
    from qa.index.keyword import LibraryKeyword
    from qa.index.store import Shard, write

    seconds = {}
    t = time.perf_counter()
    approximate = ann.make(vectors, flat_max=0) if ann.choose(len(vectors)) == ann.IVF_SQ8 else None
    seconds["dense"] = time.perf_counter() - t
    t = time.perf_counter()
    shards, first = [], 0
    for report, group in groupby(chunks, key=lambda c: c.report):  # each report's chunks together, in report order
        own = [replace(c, chunk_id=i) for i, c in enumerate(group)]
        shards.append(Shard.make(report, own, vectors[first:first + len(own)], base.manifest.keyword_tokenizer))
        first += len(own)
    keyword = LibraryKeyword.of([s.keyword for s in shards], base.manifest.keyword_tokenizer)
    seconds["keyword"] = time.perf_counter() - t
    manifest = base.manifest.updated(len(chunks), tuple(r.id for r in reports))
    t = time.perf_counter()
    write(folder, manifest, reports, shards, keyword, approximate)
    seconds["write"] = time.perf_counter() - t
    return seconds


def tokenize_rate(base) -> float:
    """Passages per second jieba's keyword tokenization runs at here, on the real passages."""
    from qa.index.keyword import jieba_tokenizer, tokenize
    from qa.index.store import search_text

    jieba_tokenizer()
    texts = [search_text(c) for c in base.chunks]
    t = time.perf_counter()
    for text in texts:
        tokenize(text, base.manifest.keyword_tokenizer)
    return len(texts) / (time.perf_counter() - t)


def _memory() -> dict[str, float]:
    """This process's RSS, its private part (anonymous pages) and its peak (VmHWM: ru_maxrss would
    count the parent's memory at the fork), MB."""
    out = {}
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(("VmRSS:", "RssAnon:", "VmHWM:")):
                out[line.split(":")[0]] = int(line.split()[1]) / 1024
    out["peak"] = out.pop("VmHWM")
    return out


def _p50_ms(fn, repeats: int) -> float:
    samples = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    return statistics.median(samples)


def measure(folder: Path, repeats: int = 15) -> dict:
    """Load a library and ask it (run in a fresh process: its memory is this library's)."""
    from qa.index.store import load
    from qa.search.retrieve import Retriever
    from qa.session import Session, query_embedder  # the session's own question embedder

    before = _memory()
    t = time.perf_counter()
    index = load(folder)
    out = {"load_s": time.perf_counter() - t}
    after = _memory()
    out |= {"peak_rss_mb": after["peak"], "rss_mb": after["VmRSS"], "private_mb": after["RssAnon"],
            "private_load_mb": after["RssAnon"] - before["RssAnon"], "format": index.manifest.index_format}
    embedder = query_embedder(index.model)
    vectors: dict[str, np.ndarray] = {}

    class Remembered:  # each question embedded once: the p50s are search and composition
        name, dim, precision = embedder.name, embedder.dim, getattr(embedder, "precision", "float32")

        def encode(self, texts, kind="query", **kw):
            key = "\0".join(texts)
            if key not in vectors:
                vectors[key] = embedder.encode(texts, kind=kind, **kw)
            return vectors[key]

    t = time.perf_counter()
    remembered = Remembered()
    session = Session(embedder=remembered, retriever=Retriever(index, remembered))
    out["session_s"] = time.perf_counter() - t
    for name, question in (("routed", ROUTED), ("unrouted", UNROUTED)):
        query = session.retriever.query(session.read(question))
        allowed = session.retriever.allowed(query)
        out[f"{name}_searched"] = len(index.chunks) if allowed is None else len(allowed)
        out[f"{name}_answer"] = session.ask(question).text()[:60]
        out[f"{name}_ms"] = _p50_ms(lambda q=question: session.ask(q), repeats)
    answer = session.ask(TABLE)
    out["table_rows"] = len(answer.table.to_json()) if answer.table is not None else 0
    out["table_ms"] = _p50_ms(lambda: session.ask(TABLE), 3)
    out["end_rss_mb"] = _memory()["VmRSS"]
    return out


def measure_apart(folder: Path) -> dict:
    """`measure` in a fresh Python process."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    done = subprocess.run([sys.executable, "-m", "bench.scale", "--measure", str(folder)], capture_output=True,
                          text=True, env=env, check=False)
    if done.returncode:
        raise RuntimeError(f"measuring {folder} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def time_add(folder: Path) -> tuple[float, dict]:
    """Seconds of `qa add` of one real report (its vectors from the vector cache; its own passages tokenized,
    no other report's), and its parts."""
    from qa.index.build import add
    from qa.index.cache import VectorCache
    from qa.index.manifest import read_manifest

    m = read_manifest(folder)
    embedder = CachedOnly(m.model, m.dimension, m.precision)
    t = time.perf_counter()
    result = add(folder, ADD_REPORT, embedder, cache=VectorCache.default())
    return time.perf_counter() - t, result.seconds


def question_vectors(model: str) -> np.ndarray:
    """The development questions of `QUESTION_FILES`, embedded once as the session embeds them."""
    from qa.index.store import for_dense
    from qa.session import query_embedder

    embedder = query_embedder(model)
    questions = []
    for name in QUESTION_FILES:
        for line in (TESTS_DATA / name).read_text(encoding="utf-8").splitlines():
            question = json.loads(line).get("question") if line.strip() else None
            if isinstance(question, str):
                questions.append(question)
    return np.vstack([embedder.encode([for_dense(q)], kind="query") for q in questions])


def dense_recall(folder: Path, vectors: np.ndarray, questions: np.ndarray, ks=(10, 100)) -> dict:
    """How much of an exact search's top k the library's dense index returns, over every passage."""
    import faiss

    from qa.index.store import load

    exact = faiss.IndexFlatIP(vectors.shape[1])
    exact.add(vectors)
    _, truth = exact.search(questions, max(ks))
    dense = load(folder).dense
    got = np.vstack([dense.search(q[None, :], max(ks))[1] for q in questions])
    return {f"recall@{k}": float(np.mean([len(set(g[:k]) & set(t[:k])) / k for g, t in zip(got, truth, strict=True)]))
            for k in ks}


def vectors_mb(folder: Path) -> float:
    """The dense side on disk: every report's vectors and the library-wide approximate index, if any."""
    return sum(p.stat().st_size for p in folder.rglob("vectors.*") if p.is_file()) / 1e6


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def run(source: Path, factors: list[int], work: Path) -> dict:
    import qa.index.keyword as keyword
    from qa.index.store import load, search_text

    base = load(source)
    rate = tokenize_rate(base)
    print(f"tokenizing for the keyword index: {rate:.0f} passages/s here", file=sys.stderr, flush=True)
    tokens = {search_text(c): keyword.tokenize(search_text(c), base.manifest.keyword_tokenizer) for c in base.chunks}
    questions = question_vectors(base.model)
    rows = []
    for factor in factors:
        folder = work / f"x{factor}"
        t = time.perf_counter()
        reports, chunks, vectors = synthesize(base, factor, tokens)
        made = time.perf_counter() - t
        remembered = RememberedTokens(tokens, keyword.tokenize)
        keyword.tokenize = remembered
        try:
            seconds = write_library(folder, base, reports, chunks, vectors)
        finally:
            keyword.tokenize = remembered.tokenize
        row = {"factor": factor, "reports": len(reports), "passages": len(chunks), "synthesize_s": made,
               "dense_s": seconds["dense"], "keyword_s": seconds["keyword"], "write_s": seconds["write"],
               "build_s": sum(seconds.values()), "tokenize_s": len(chunks) / rate,
               "vectors_mb": vectors_mb(folder), "folder_mb": folder_mb(folder)}
        row |= dense_recall(folder, vectors, questions)
        del vectors
        print(f"x{factor}: {len(chunks)} passages written in {row['build_s']:.1f} s", file=sys.stderr, flush=True)
        row |= measure_apart(folder)
        add_s, parts = time_add(folder)
        row |= {"add_s": add_s, "add_parts": parts}
        print(f"x{factor}: {json.dumps(row, ensure_ascii=False, default=float)}", file=sys.stderr, flush=True)
        rows.append(row)
    return {"tokenize_per_s": rate, "questions": len(questions), "rows": rows, "cpu": _cpu(),
            "load_average": os.getloadavg()}


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return f"{line.split(':', 1)[1].strip()}, {os.cpu_count()} cores"
    except OSError:
        pass
    return f"{os.cpu_count()} cores"


def table(result: dict) -> str:
    """The markdown table of a run."""
    head = ("| library | reports | passages | format | recall@10 | vectors MB | build s (+ tokenize) | load s | "
            "peak RSS MB | private MB | `add` s | routed p50 ms | unrouted p50 ms | 31-row table ms |")
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for r in result["rows"]:
        lines.append(
            f"| x{r['factor']} | {r['reports']:,} | {r['passages']:,} | {r['format']} | {r['recall@10']:.3f} | "
            f"{r['vectors_mb']:.0f} | "
            f"{r['build_s']:.1f} (+{r['tokenize_s']:.0f}) | {r['load_s']:.1f} | {r['peak_rss_mb']:.0f} | "
            f"{r['private_mb']:.0f} | {r['add_s']:.1f} | {r['routed_ms']:.0f} | "
            f"{r['unrouted_ms']:.0f} | {r['table_ms']:.0f} ({r['table_rows']} rows) |")
    return "\n".join(lines)


def projection(rates: dict[str, float], workers=(1, 8, 32, 128)) -> str:
    """Hours to embed the national library's passages on N workers of each kind."""
    lines = [f"national library, {NATIONAL_PASSAGES:,} passages: time to embed on N workers",
             "| worker | passages/s | " + " | ".join(f"N={n}" for n in workers) + " |",
             "|---|---|" + "---|" * len(workers)]
    for name, rate in rates.items():
        hours = [NATIONAL_PASSAGES / rate / n / 3600 for n in workers]
        lines.append(f"| {name} | {rate:,.1f} | " + " | ".join(_duration(h) for h in hours) + " |")
    return "\n".join(lines)


def _duration(hours: float) -> str:
    return f"{hours:,.1f} h" if hours >= 1 else f"{max(1, round(hours * 60))} min"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.scale", description=__doc__.splitlines()[0])
    p.add_argument("--source", type=Path, default=Path("/tmp/corpus41"), help="a built library to scale")
    p.add_argument("--factors", type=int, nargs="+", default=[1, 10, 100])
    p.add_argument("--work", type=Path, default=None, help="where the libraries are written (default: a temp folder)")
    p.add_argument("--json", type=Path, default=None, help="also write the measurements here")
    p.add_argument("--embed-rate", action="append", default=[], metavar="NAME=PASSAGES_PER_S",
                   help="a worker's measured embedding rate, for the national projection (repeatable)")
    p.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # the fresh process of `measure_apart`
    args = p.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure), ensure_ascii=False))
        return 0
    rates = dict(EMBED_RATES)
    for item in args.embed_rate:
        name, _, rate = item.rpartition("=")
        rates[name] = float(rate)
    with tempfile.TemporaryDirectory(prefix="qa-scale-") as tmp:
        result = run(args.source, sorted(args.factors), args.work or Path(tmp))
    result["embed_rates"] = rates
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1, default=float) + "\n", encoding="utf-8")
    print(f"CPU: {result['cpu']}; load average {result['load_average'][0]:.1f}; jieba tokenizes "
          f"{result['tokenize_per_s']:.0f} passages/s here")
    print(table(result))
    print()
    print(projection(rates))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
