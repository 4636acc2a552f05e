"""A bounded load test of a running chat, on loopback only: `python -m bench.load [--clients 1 16 32] [--index DIR]`.

Starts `qa serve` on a free local port, asks every client's share of a fixed list of questions
through the `/chat` API (Gradio's HTTP call + event stream) and through `POST /api/ask` (plain
JSON, no queue), and prints per path and load: answers per
second, median and p95 latency, errors, and whether every answer is identical to a single
client's. `throughput x single-client median` says how far from serialized the server is (1.0:
one answer at a time). Bounded: a fixed number of requests per load and a deadline per request.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = ["山西省2025年城镇新增就业目标是多少？", "陕西2025年粮食产量目标是多少？", "2024年全国城镇调查失业率目标是多少？",
             "吉县去年接待了多少游客？", "浙江2025年地区生产总值增长目标是多少？", "海拉尔区2016年地区生产总值是多少？",
             "广东2025年固定资产投资增长目标是多少？", "四川去年粮食产量是多少？"]
DEADLINE_S = 60  # per request


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ask(port: int, question: str) -> tuple[float, str | None]:
    """One `/chat` call: (seconds, the reply text or None on error)."""
    body = json.dumps({"data": [question, [], "hybrid", 5, "简体", []]}).encode()
    t = time.perf_counter()
    try:
        req = urllib.request.Request(f"http://127.0.0.1:{port}/gradio_api/call/chat", data=body,
                                     headers={"Content-Type": "application/json"})
        event = json.loads(urllib.request.urlopen(req, timeout=DEADLINE_S).read())["event_id"]
        stream = urllib.request.urlopen(f"http://127.0.0.1:{port}/gradio_api/call/chat/{event}", timeout=DEADLINE_S)
        data = [line[6:] for line in stream.read().decode().splitlines() if line.startswith("data: ")]
        reply = json.loads(data[-1])[0]
        reply = reply[0] if isinstance(reply, list) else reply  # (reply, sources, table)
    except (OSError, ValueError, KeyError, IndexError):
        return time.perf_counter() - t, None
    return time.perf_counter() - t, reply


def ask_json(port: int, question: str) -> tuple[float, str | None]:
    """One `POST /api/ask` (plain JSON, no queue): (seconds, the answer text or None on error)."""
    body = json.dumps({"question": question}).encode()
    t = time.perf_counter()
    try:
        req = urllib.request.Request(f"http://127.0.0.1:{port}/api/ask", data=body,
                                     headers={"Content-Type": "application/json"})
        reply = json.loads(urllib.request.urlopen(req, timeout=DEADLINE_S).read())["answer"]
    except (OSError, ValueError, KeyError):
        return time.perf_counter() - t, None
    return time.perf_counter() - t, reply


PATHS = {"chat": ask, "json": ask_json}


def load(port: int, clients: int, per_client: int, path: str = "chat") -> dict:
    jobs = [QUESTIONS[i % len(QUESTIONS)] for i in range(clients * per_client)]
    call = PATHS[path]
    t = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        results = list(pool.map(lambda q: (q, *call(port, q)), jobs))
    wall = time.perf_counter() - t
    times = sorted(s for _, s, _ in results)
    return {"path": path, "clients": clients, "requests": len(jobs), "errors": sum(r is None for _, _, r in results),
            "per_s": len(jobs) / wall, "p50_s": statistics.median(times),
            "p95_s": times[int(0.95 * (len(times) - 1))], "answers": {q: r for q, _, r in results}}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.splitlines()[0])
    p.add_argument("--index", type=Path, default=ROOT / "index")
    p.add_argument("--clients", type=int, nargs="+", default=[1, 16, 32])
    p.add_argument("--per-client", type=int, default=8)
    p.add_argument("--paths", nargs="+", choices=sorted(PATHS), default=["chat", "json"],
                   help="chat: Gradio's /chat API (queue + event stream); json: POST /api/ask")
    args = p.parse_args(argv)
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False",
           "NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"}
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "qa.ui.cli", "serve", "--port", str(port), "--index",
                               str(args.index)], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 180
        while ask(port, QUESTIONS[0])[1] is None:
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("the chat did not start")
            time.sleep(0.5)
        rows = [load(port, n, args.per_client, path) for path in args.paths for n in args.clients]
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"{'path':>5} {'clients':>7} {'answers/s':>9} {'p50 s':>7} {'p95 s':>7} {'errors':>6} {'same answers':>12} "
          f"{'throughput x single p50':>24}")
    for r in rows:
        single = next((s for s in rows if s["path"] == r["path"] and s["clients"] == 1), r)
        same = all(r["answers"][q] == single["answers"].get(q, r["answers"][q]) for q in r["answers"])
        print(f"{r['path']:>5} {r['clients']:>7} {r['per_s']:>9.1f} {r['p50_s']:>7.3f} {r['p95_s']:>7.3f} "
              f"{r['errors']:>6} {'yes' if same else 'NO':>12} {r['per_s'] * single['p50_s']:>24.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
