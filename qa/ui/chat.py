"""The web chat (Gradio 6): a conversation on the left, the cited sources (or a table) on the right.

Thin by design: it ranks and answers nothing itself; it calls `Session.ask` (the same function as
`qa ask` and `qa chat`) and the `qa.ui.render` formatters. Gradio is imported only when serving.
"""

from __future__ import annotations

import atexit
import html
import logging
import shutil
import tempfile
import threading
import time
import uuid
from pathlib import Path

import gradio as gr

from qa.common.errors import SettingsError, UserError
from qa.common.options import DEFAULT_K, DEFAULT_MODE, MAX_K
from qa.search.question import MAX_CHARS
from qa.session import Session
from qa.ui.chart import plottable, write_chart
from qa.ui.feedback import FeedbackStore, default_path
from qa.ui.render import (
    SCRIPTS,
    SIMPLIFIED,
    TABLE_COLUMNS,
    escape_markdown,
    footer_markdown,
    reply_html,
    report_choices,
    sources_html,
    sources_json,
    table_headers,
    table_rows,
)

log = logging.getLogger(__name__)
KEEP_S = 3600  # a table's CSV and chart, an evaluation's chart stay downloadable this long

# The tables' CSV and chart files and the evaluations' charts: one folder per process, made with the first of them
# (under a lock: two first tables at once make one), removed when the process exits normally or on Ctrl-C (a SIGKILL
# or SIGTERM leaves it to /tmp's cleaning).
_scratch: list[Path] = []
_scratch_lock = threading.Lock()


def scratch_file(kind: str, suffix: str) -> Path:
    """A new file's path under an unguessable name (never another user's); files older than KEEP_S are removed."""
    with _scratch_lock:
        if not _scratch:
            made = Path(tempfile.mkdtemp(prefix="baogao-qa-files-"))
            atexit.register(shutil.rmtree, made, ignore_errors=True)
            _scratch.append(made)
        folder = _scratch[0]
    for old in folder.iterdir():
        try:
            if time.time() - old.stat().st_mtime > KEEP_S:
                old.unlink(missing_ok=True)
        except FileNotFoundError:  # another thread removed it first
            pass
    return folder / f"{kind}-{uuid.uuid4().hex}{suffix}"

EXAMPLES = [
    "山西省2025年城镇新增就业目标是多少？",
    "2025年各省的地区生产总值增长目标分别是多少？",
    "吉县去年接待了多少游客？",
    "海拉尔区历年报告里的地区生产总值各是多少",
    "How many new urban jobs does Shandong plan for 2025?",
]
MODE_CHOICES = [("综合（推荐）", "hybrid"), ("按字词", "bm25"), ("按意思", "dense"), ("常见做法（对照）", "rrf")]
FEEDBACK = ("Like", "Dislike", "来源不对")
CONCURRENCY = 4

CSS = """
.sources { display: flex; flex-direction: column; gap: 10px; }
.source { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 8px 10px; scroll-margin-top: 12px; }
.source.flash { outline: 3px solid var(--color-accent); }
.source-head { font-size: 0.92em; margin-bottom: 4px; }
.source-head .where { color: var(--body-text-color); opacity: 0.78; font-size: 0.92em; }
.source-num { color: var(--color-accent); margin-right: 4px; }
.source mark { background: #fff3a3; color: inherit; padding: 0 1px; }
.badge { font-size: 0.8em; border-radius: 4px; padding: 0 4px; margin-left: 6px; }
.badge.cited { background: #e0f2e9; color: #1d6b41; }
.badge.maybe { background: #fdecea; color: #a3261b; }
.paragraph { font-size: 0.92em; margin-top: 4px; color: var(--body-text-color-subdued); }
.sources-bar { display: flex; justify-content: space-between; align-items: center; margin-bottom: 6px; font-weight: 600; }
.copy-answer { font-size: 0.85em; border: 1px solid var(--border-color-primary); border-radius: 6px; padding: 2px 8px;
               background: var(--background-fill-secondary); cursor: pointer; }
a.cite { text-decoration: none; color: var(--color-accent); cursor: pointer; }
#table td:last-child, #table td:last-child * { white-space: nowrap; }
.cite-note { position: fixed; left: 50%; bottom: 24px; transform: translateX(-50%); max-width: 90vw; z-index: 1000;
             background: #333; color: #fff; padding: 8px 14px; border-radius: 8px; font-size: 0.9em; }
.context, .hint, .note, .origin { color: var(--body-text-color); opacity: 0.78; font-size: 0.9em; }
.garbled { color: var(--body-text-color-subdued); }
#intro p { margin: 0; }
/* Gradio's jump-to-latest arrow sits in the middle of the last visible line; in the corner it covers a line's end at
   most, and it shows as a button, not as a mark in the text. */
#chatbot .scroll-down-button-container { left: auto; right: 6px; bottom: 6px; transform: none; }
#chatbot .scroll-down-button-container button { background: var(--background-fill-primary); opacity: 0.9; }
@media (max-width: 760px) {
  /* A phone: the answer, the box and then the sources; examples and settings after them. */
  #main { flex-direction: column !important; }
  #chat-col, #side-col { display: contents !important; }
  #chatbot { order: 1; height: 420px !important; }
  #ask-row { order: 2; flex-wrap: nowrap !important; }
  #ask-row button { min-width: 52px !important; padding: 0 8px; }
  #sources, #table-box { order: 3; }
  #scope-row { order: 4; }
  #examples { order: 5; }
  #advanced { order: 6; }
  #intro h2 { font-size: 1.2em; }
}
"""

# [n] jumps to its source card; the copy button copies plain text; Enter while an input method is
# composing (pinyin) never sends the half-typed question.
HEAD = r"""
<script>
document.addEventListener('click', (e) => {
  const cite = e.target.closest('a.cite, a[href^="#source-"]');
  if (cite) {
    e.preventDefault(); e.stopPropagation();
    const link = (cite.getAttribute('href') || '').match(/#source-(\d+)(?:~(\w+))?/) || [];
    const card = document.getElementById('source-' + (cite.dataset.source || link[1]));
    const panel = card && card.closest('.sources');
    if (card && link[2] && panel && panel.dataset.answer && panel.dataset.answer !== link[2]) {
      // an earlier answer's [n]: the panel holds the latest answer's sources, so say so rather than jump to another card
      const note = document.createElement('div'); note.className = 'cite-note';
      note.textContent = '这是较早一条回答的引用；来源栏显示的是最新回答的出处。要看它的出处，请再问一次该问题。';
      document.body.appendChild(note); setTimeout(() => note.remove(), 4000);
      return;
    }
    if (card) { card.scrollIntoView({behavior: 'smooth', block: 'start'}); card.classList.add('flash');
                setTimeout(() => card.classList.remove('flash'), 1500); }
    return;
  }
  const copy = e.target.closest('button.copy-answer');
  if (copy) {
    const text = copy.parentElement.querySelector('.copy-text').value;
    const done = () => { copy.textContent = '已复制'; setTimeout(() => copy.textContent = '复制回答和来源', 1500); };
    if (navigator.clipboard && window.isSecureContext) { navigator.clipboard.writeText(text).then(done); }
    else { const t = document.createElement('textarea'); t.value = text; document.body.appendChild(t); t.select();
           document.execCommand('copy'); t.remove(); done(); }
  }
}, true);
// Each new turn is shown from its question down: the chat scrolls the latest question to its top
// (following the bottom, a long answer on a phone pushed the question out of view).
new MutationObserver(() => {
  const wrap = document.querySelector('#chatbot .bubble-wrap');
  if (!wrap) return;
  const rows = wrap.querySelectorAll('.user-row, .bot-row').length;
  if (rows === (wrap.dataset.rows | 0)) return;
  wrap.dataset.rows = rows;
  const toQuestion = () => {
    const asked = wrap.querySelectorAll('.user-row');
    const last = asked[asked.length - 1];
    if (last) wrap.scrollTop += last.getBoundingClientRect().top - wrap.getBoundingClientRect().top - 8;
  };
  // Again as the answer's Markdown settles (the bubbles above it can still change height).
  [0, 250, 800].forEach((ms) => setTimeout(toQuestion, ms));
}).observe(document.documentElement, {childList: true, subtree: true});
document.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.isComposing || e.keyCode === 229) && e.target.closest('#question')) {
    e.stopImmediatePropagation();
  }
}, true);
</script>
"""


# `:` and `.` too, so that no Markdown linkifier turns a typed address into a link.
_LITERAL = str.maketrans({ch: f"&#{ord(ch)};" for ch in "\\`*_{}[]()#+-!|~>:."})


def _user_message(text: str) -> dict:
    """The user's words shown as typed: HTML escaped, Markdown characters as entities (never a link or bold)."""
    text = (text or "").strip()
    shown = html.escape(text[: MAX_CHARS + 20], quote=False).translate(_LITERAL) or "（空）"
    if len(text) > MAX_CHARS + 20:
        shown += "……"
    return {"role": "user", "content": shown}


def answer_logged(session: Session, message, history, reports, mode, k):
    """`Session.ask`, with the request logged: question, latency and outcome, or the error's traceback."""
    start = time.perf_counter()
    try:
        answer = session.ask(message, k=k, mode=mode or DEFAULT_MODE, reports=reports or [], history=history)
    except UserError as e:
        log.info("refused %r in %.0f ms: %s", str(message)[:80], 1000 * (time.perf_counter() - start), e)
        raise
    except Exception:
        log.exception("failed on %r after %.0f ms", str(message)[:80], 1000 * (time.perf_counter() - start))
        raise
    log.info("answered %r in %.0f ms (%s, %d sources)", str(message)[:80], 1000 * (time.perf_counter() - start),
             "abstained" if answer.abstained else "answered", len(answer.sources))
    return answer


def build_app(session: Session, feedback: FeedbackStore | None = None) -> gr.Blocks:
    """The chat UI, the 评测 tab and the `/chat` API over one loaded session."""
    lock = threading.Lock()  # one evaluation at a time (answering itself takes no lock: the library is read-only)
    store = feedback or FeedbackStore(default_path(session.index.folder))
    choices = report_choices(session.index)

    def ask(message, history, reports, mode, k):
        return answer_logged(session, message, history, reports, mode, k)

    def render(turns: list[dict], script: str):
        """The whole conversation in the chosen script, and the last answer's sources and table."""
        messages = []
        for t in turns:
            messages.append(_user_message(t["question"]))
            reply = t["error"] if t.get("error") else reply_html(t["answer"], script, t.get("mode", DEFAULT_MODE))
            messages.append({"role": "assistant", "content": reply})
        last = next((t["answer"] for t in reversed(turns) if t.get("answer") is not None), None)
        table = table_rows(last, script) if last is not None and last.table is not None else []
        csv_path = chart_path = None
        if table:
            csv_path = scratch_file("table", ".csv")
            csv_path.write_text(last.table.to_csv(), encoding="utf-8-sig")
            if plottable(last.table):
                chart_path = write_chart(last.table, scratch_file("table", ".png"))
        return (messages, sources_html(last, session.index, script),
                gr.update(visible=bool(table)),
                gr.update(value={"headers": table_headers(last), "data": table} if table else table),
                gr.update(value=str(csv_path) if csv_path else None, visible=bool(table)),
                gr.update(value=str(chart_path) if chart_path else None, visible=chart_path is not None))

    def respond(message, turns, reports, script, mode, k):
        turns = list(turns or [])
        history = []
        for t in turns:
            history += [{"role": "user", "content": t["question"]}, {"role": "assistant", "content": ""}]
        try:
            answer = ask(message, history, reports, mode, k)
            turns.append({"question": message, "answer": answer, "mode": mode})
        except UserError as e:
            turns.append({"question": message or "", "answer": None, "error": e.zh})
        return "", turns, *render(turns, script)

    def switch_script(turns, script):
        return render(list(turns or []), script)

    def clear():
        return "", [], *render([], SIMPLIFIED)

    def mark(turns, data: gr.LikeData):
        index = data.index[0] if isinstance(data.index, list | tuple) else data.index
        turn = list(turns or [])[index // 2] if index // 2 < len(turns or []) else None
        if turn is None or turn.get("answer") is None:
            return
        rating = "up" if data.liked is True else "down" if data.liked is False else "wrong_source"
        store.record(rating, turn["answer"])
        gr.Info("谢谢！反馈已记录，会用来改进回答。")

    def chat(message: str, history: list[dict] | None = None, mode: str = DEFAULT_MODE, k: int = DEFAULT_K,
             script: str = SIMPLIFIED, reports: list[str] | None = None) -> tuple[str, list, list]:
        """Ask the library a question, with the conversation so far.

        Args:
            message: the question.
            history: earlier messages, each {"role": "user"|"assistant", "content": "…"} (follow-ups need it).
            reports: report ids to search (all when empty; see `qa list`).
        Returns:
            the cited answer as plain text with [n], its sources, and for a question across reports its table.
        """
        try:
            return reply(session, message, history, mode, k, script, reports)
        except UserError as e:
            return e.zh, [], []

    def current_choices():
        """The report chooser as of now: a page opened after `qa add`/`qa remove` lists the library on disk."""
        session.refresh()
        fresh = report_choices(session.index)
        return gr.update(choices=fresh), gr.update(choices=fresh)

    stop = threading.Event()  # 停止评测: the one running evaluation ends before its next question
    running = {"owner": None}

    def run_eval(file, use_feedback, all_modes, only, request: gr.Request, progress=gr.Progress()):
        running["owner"] = getattr(request, "session_hash", None)
        try:
            return evaluation_tab(session, store, file, use_feedback, all_modes, progress, lock, list(only or []), stop)
        finally:
            running["owner"] = None

    def stop_eval(request: gr.Request):
        if running["owner"] is not None and running["owner"] == getattr(request, "session_hash", None):
            stop.set()  # only the user who started it can stop it

    with gr.Blocks(title="报告问答") as demo:
        turns = gr.State([])
        gr.Markdown("## 报告问答\n就政府工作报告提问：回答引用报告原文，[n] 对应来源段落；可以接着追问。",
                    elem_id="intro")
        with gr.Tabs():
            with gr.Tab("提问", id="ask"):
                with gr.Row(elem_id="main"):
                    with gr.Column(scale=3, min_width=340, elem_id="chat-col"):
                        # (no floating label: it covered the top line of the conversation once scrolled)
                        chatbot = gr.Chatbot(label="对话", show_label=False, height=480, elem_id="chatbot",
                                             sanitize_html=True, autoscroll=False,
                                             feedback_options=FEEDBACK, buttons=[], layout="bubble",
                                             placeholder="例如：山西省2025年城镇新增就业目标是多少？")
                        with gr.Row(elem_id="ask-row", equal_height=True):
                            box = gr.Textbox(placeholder="输入问题，回车提问", show_label=False, lines=1,
                                             elem_id="question", scale=5, autofocus=True)
                            send = gr.Button("提问", variant="primary", scale=1, min_width=70, elem_id="send")
                            clear_btn = gr.Button("清空", scale=1, min_width=70, elem_id="clear")
                        with gr.Row(elem_id="scope-row"):
                            reports = gr.Dropdown(choices, value=[], multiselect=True, label="检索范围（不选 = 全部报告）",
                                                  elem_id="reports", scale=3)
                            script = gr.Radio(list(SCRIPTS), value=SIMPLIFIED, label="字体", elem_id="script", scale=2)
                        gr.Examples(EXAMPLES, inputs=box, label="试试这些问题", elem_id="examples")
                        with gr.Accordion("高级", open=False, elem_id="advanced"):
                            mode = gr.Radio(MODE_CHOICES, value=DEFAULT_MODE, label="检索方式",
                                            info="综合方式按问题里的地区、年份挑选报告；其他方式只用于对照。")
                            k = gr.Slider(1, MAX_K, value=DEFAULT_K, step=1, label="列出的来源段落数")
                    with gr.Column(scale=2, min_width=300, elem_id="side-col"):
                        with gr.Column(visible=False, elem_id="table-box") as table_box:
                            table = gr.Dataframe(headers=list(TABLE_COLUMNS),
                                                 datatype=["str", "number", "html", "number"], interactive=False,
                                                 wrap=True, elem_id="table", max_height=520,
                                                 column_widths=["18%", "16%", "47%", "19%"])  # 年份 and 60013 fit on a phone
                            # Its own title inside (Gradio's label would float over the top of the plot); each
                            # figure carries the [n] of its cell.
                            chart = gr.Image(label="图表", type="filepath", visible=False, elem_id="chart",
                                             show_label=False, interactive=False, buttons=["fullscreen"])
                            csv = gr.DownloadButton("下载表格（CSV）", visible=False, elem_id="csv", size="sm")
                        sources = gr.HTML(sources_html(None, session.index), elem_id="sources")
                gr.Markdown(footer_markdown(session.index), elem_id="footer")
            with gr.Tab("评测", id="eval"):
                gr.Markdown("上传评测问题文件（JSONL，格式见 shared/eval/README.md），或用聊天中收集的反馈，"
                            "在当前报告库上运行与 `qa eval` 相同的评测。")
                with gr.Row():
                    eval_file = gr.File(label="评测问题（.jsonl）", file_types=[".jsonl"], elem_id="eval-file")
                    with gr.Column():
                        use_feedback = gr.Checkbox(label="改用收集到的反馈", value=False, elem_id="eval-feedback")
                        all_modes = gr.Checkbox(label="对比所有检索方式", value=False, elem_id="eval-all")
                        eval_reports = gr.Dropdown(choices, value=[], multiselect=True, elem_id="eval-reports",
                                                   label="只在这些报告中检索（为一份报告写的问题文件，如 dev.jsonl 之于吉县）")
                        with gr.Row():
                            run = gr.Button("开始评测", variant="primary", elem_id="eval-run")
                            halt = gr.Button("停止评测", elem_id="eval-stop")
                eval_table = gr.Markdown(elem_id="eval-table")
                eval_plot = gr.Image(label="命中率", type="filepath", elem_id="eval-plot", visible=False)
                eval_misses = gr.Markdown(elem_id="eval-misses")

        outputs = [box, turns, chatbot, sources, table_box, table, csv, chart]
        box.submit(respond, [box, turns, reports, script, mode, k], outputs, api_visibility="private",
                   concurrency_limit=CONCURRENCY)
        send.click(respond, [box, turns, reports, script, mode, k], outputs, api_visibility="private",
                   concurrency_limit=CONCURRENCY)
        script.change(switch_script, [turns, script], [chatbot, sources, table_box, table, csv, chart],
                      api_visibility="private")
        clear_btn.click(clear, None, outputs, api_visibility="private")
        chatbot.clear(clear, None, outputs, api_visibility="private")
        chatbot.like(mark, [turns], None, api_visibility="private")
        run.click(run_eval, [eval_file, use_feedback, all_modes, eval_reports], [eval_table, eval_plot, eval_misses],
                  api_visibility="private", concurrency_limit=1)
        halt.click(stop_eval, None, None, api_visibility="private", concurrency_limit=None)
        demo.load(current_choices, None, [reports, eval_reports], api_visibility="private")
        gr.api(chat, api_name="chat", concurrency_limit=CONCURRENCY)
    return demo


def reply(session: Session, message, history=None, mode=DEFAULT_MODE, k=DEFAULT_K, script=SIMPLIFIED,
          reports=None) -> tuple[str, list, list]:
    """One API answer: the cited text with [n], its sources and its table (rows), in the chosen script."""
    answer = answer_logged(session, message, history or [], reports or [], mode, k)
    table = answer.table.to_json() if answer.table is not None else []
    return answer.text(simplified=script == SIMPLIFIED), sources_json(answer, script), table


def add_json_api(app, session: Session) -> None:
    """`POST /api/ask`: the `/chat` API as one plain JSON request and response, without Gradio's queue.

    The body is {"question": …, "history": [{"role", "content"}…], "reports": [ids], "k", "mode",
    "script"}; the reply {"answer", "sources", "table"}, or status 400 and {"error" (Chinese),
    "detail"} for a question or option that is refused. Each request runs in the server's thread
    pool: answers run side by side, as the chat's do.
    """
    from fastapi import Body
    from fastapi.responses import JSONResponse

    def ask(payload: dict = Body(...)):  # noqa: B008  FastAPI's way to take the whole JSON body
        known = {"question", "history", "reports", "k", "mode", "script"}
        try:
            if not isinstance(payload, dict) or set(payload) - known:
                raise SettingsError(f"the body must be a JSON object with keys among {', '.join(sorted(known))}",
                                    f"请求应为 JSON 对象，字段只能是 {', '.join(sorted(known))}。")
            text, sources, table = reply(session, payload.get("question"), payload.get("history"),
                                         payload.get("mode", DEFAULT_MODE), payload.get("k", DEFAULT_K),
                                         payload.get("script", SIMPLIFIED), payload.get("reports"))
        except UserError as e:
            return JSONResponse({"error": e.zh, "detail": str(e)}, status_code=400)
        return {"answer": text, "sources": sources, "table": table}

    app.add_api_route("/api/ask", ask, methods=["POST"])


EVAL_MAX_BYTES = 2_000_000  # an uploaded question file larger than this is refused before it is read
EVAL_MAX_QUESTIONS = 300  # questions per evaluation (each asked once per mode)


class EvaluationStopped(Exception):
    """The user pressed 停止评测: the evaluation ends before its next question."""


def _questions(store: FeedbackStore, upload: Path | None, use_feedback: bool, scratch: Path) -> list | str:
    """The questions to evaluate, or the message that says why there are none (no server path in it)."""
    from qa.eval.evaluate import load_questions

    if use_feedback:
        path = scratch / "feedback.jsonl"
        if store.export_jsonl(path)[0] == 0:
            return "还没有收集到反馈。"
    elif upload is None:
        return "请先上传评测问题文件（.jsonl），或勾选“改用收集到的反馈”。"
    else:
        path = upload
        if path.stat().st_size > EVAL_MAX_BYTES:
            return (f"文件太大（{path.stat().st_size / 1e6:.1f} MB）：评测文件最多 {EVAL_MAX_BYTES / 1e6:.0f} MB。"
                    "请拆成几个小文件，或用命令行 `qa eval`。")
    try:
        return load_questions(path)
    except UserError as e:
        return f"文件有问题：{str(e).replace(str(path.parent) + '/', '')}"


def evaluation_tab(session: Session, store: FeedbackStore, file, use_feedback: bool, all_modes: bool, progress,
                   lock: threading.Lock, only: list[str] = (), stop: threading.Event | None = None):
    """Run `qa eval`'s evaluation on an uploaded file (or the feedback) and show table, chart and misses.

    One evaluation at a time (a second is told to wait); answering chat questions never waits on it.
    The upload is checked for size and question count before any question is asked, and deleted
    after use; `stop` ends the run between two questions. Messages name the file, never a server path.
    """
    if not lock.acquire(blocking=False):
        return "另一个评测正在进行，请稍后再试。", gr.update(visible=False), ""
    upload = None if use_feedback or file is None else Path(file if isinstance(file, str) else file.name)
    try:
        if stop is not None:
            stop.clear()
        return _evaluation(session, store, upload, use_feedback, all_modes, progress, only, stop)
    finally:
        lock.release()
        if upload is not None:
            upload.unlink(missing_ok=True)  # the user's file is not kept on the server


def _evaluation(session: Session, store: FeedbackStore, upload: Path | None, use_feedback: bool, all_modes: bool,
                progress, only: list[str] = (), stop: threading.Event | None = None):
    import shutil

    from qa.eval.evaluate import ALL_MODES, evaluate, format_table, write_plot

    scratch = Path(tempfile.mkdtemp(prefix="baogao-qa-eval-"))
    try:
        questions = _questions(store, upload, use_feedback, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if isinstance(questions, str):
        return questions, gr.update(visible=False), ""
    if len(questions) > EVAL_MAX_QUESTIONS:
        return (f"问题太多（{len(questions)} 个）：网页上一次最多评测 {EVAL_MAX_QUESTIONS} 个。请拆开文件，"
                "或用命令行 `qa eval`（不限数量）。", gr.update(visible=False), "")
    modes = ALL_MODES if all_modes else ("hybrid",)
    asked = 0

    def ask(q, k, mode, reports=(), **_):
        nonlocal asked
        if stop is not None and stop.is_set():
            raise EvaluationStopped
        asked += 1
        return session.ask(q, k=k, mode=mode, reports=reports)

    reports = []
    try:
        for m in modes:
            tracked = progress.tqdm(questions, desc=f"评测中（{m}）", total=len(questions)) if progress else questions
            reports.append(evaluate(list(tracked), ask, session.index.chunks, m, 10, only))
    except EvaluationStopped:
        return f"评测已停止（{len(questions) * len(modes)} 次回答中已完成 {asked} 次）。", gr.update(visible=False), ""
    rows = [r.metrics() for r in reports]
    plot = scratch_file("eval", ".png")
    write_plot(plot, rows)
    hybrid = reports[-1]
    misses = [r for r in hybrid.results if not r.correct]
    lines = [f"**回答不对的问题（{len(misses)} / {len(hybrid.results)}）**", ""]
    lines += [f"- `{r.question.id}` {escape_markdown(r.question.question)} → {escape_markdown(r.answer[:80])}"
              for r in misses[:50]]
    table_md = f"{len(questions)} 个问题，{len(questions) * len(modes)} 次回答：\n\n```\n{format_table(rows)}\n```"
    return table_md, gr.update(value=str(plot), visible=True), "\n".join(lines)


def launch(session: Session, host: str = "127.0.0.1", port: int = 7860, share: bool = False, block: bool = True,
           feedback: FeedbackStore | None = None):
    """Serve the chat over a loaded session. Returns the Blocks when `block` is False."""
    demo = build_app(session, feedback)
    demo.queue(default_concurrency_limit=CONCURRENCY)
    demo.launch(server_name=host, server_port=port, share=share, prevent_thread_lock=True,
                show_error=False, quiet=not block, css=CSS, head=HEAD, ssr_mode=False, footer_links=["api"])
    add_json_api(demo.app, session)
    if block:
        demo.block_thread()
    return demo

