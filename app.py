"""The web chat (Gradio 6): ask on the left, read the cited sources on the right.

Thin by design: it checks nothing and ranks nothing itself; it calls `Session.ask` (the same
function as `qa ask`) and the `qa.render` formatters.
"""

from __future__ import annotations

import html
import os
import threading
from pathlib import Path

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import gradio as gr  # noqa: E402

from qa.index import DEFAULT_INDEX  # noqa: E402
from qa.question import QuestionError  # noqa: E402
from qa.render import SIMPLIFIED, TRADITIONAL, footer_markdown, reply_markdown, sources_html, sources_json  # noqa: E402
from qa.session import Session  # noqa: E402

EXAMPLES = [
    "吉县去年GDP增长了多少？",
    "2024年地区生产总值增长目标是多少？",
    "吉縣蘋果產量是多少？",
    "壶口景区去年接待了多少游客？",
    "今年要招聘多少教师？",
    "How many tourists visited Hukou last year?",
]
CONCURRENCY = 4
CSS = """
.sources { display: flex; flex-direction: column; gap: 10px; }
.source { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 8px 10px; }
.source-head { font-size: 0.9em; color: var(--body-text-color-subdued); margin-bottom: 4px; }
.source-num { color: var(--color-accent); margin-right: 4px; }
.source .score { float: right; font-size: 0.85em; }
.source mark { background: #fff3a3; color: inherit; padding: 0 1px; }
.badge { font-size: 0.8em; border-radius: 4px; padding: 0 4px; margin-left: 4px; }
.badge.cited { background: #e0f2e9; color: #1d6b41; }
.badge.maybe { background: #fdecea; color: #a3261b; }
.paragraph { font-size: 0.92em; margin-top: 4px; color: var(--body-text-color-subdued); }
"""


def build_app(session: Session) -> gr.Blocks:
    """The chat UI and the `/chat` API over one loaded session."""
    lock = threading.Lock()  # the model and index are shared; ranking itself is fast

    def answer(message: str, mode: str, k: float):
        try:
            k = int(k)
        except (TypeError, ValueError):
            raise QuestionError(f"k={k!r} is not a number", "来源数需要是 1 到 10 之间的整数。") from None
        with lock:
            try:
                return session.ask(message, k=k, mode=mode)
            except QuestionError:
                raise
            except ValueError as e:  # k or mode out of range (API callers can send anything)
                raise QuestionError(str(e), f"设置有误：{e}。检索方式可选 hybrid、dense、bm25，来源数 1 到 10。") from None

    def respond(message, history, mode, k, script):
        history = list(history or [])
        shown = html.escape((message or "").strip()[:2000]) or "（空）"
        try:
            result = answer(message, mode, k)
        except QuestionError as e:
            return history + [{"role": "user", "content": shown}, {"role": "assistant", "content": e.zh}], "", gr.update()
        reply = reply_markdown(result, script)
        history += [{"role": "user", "content": shown}, {"role": "assistant", "content": reply}]
        return history, "", sources_html(result, session.index, script)

    def chat(message: str, mode: str = "hybrid", k: int = 5, script: str = TRADITIONAL) -> tuple[str, list]:
        """Ask the report a question; returns the cited answer (plain text with [n]) and its sources."""
        try:
            result = answer(message, mode, k)
        except QuestionError as e:
            return e.zh, []
        return result.text(simplified=script == SIMPLIFIED), sources_json(result, script)

    with gr.Blocks(title="报告问答 · 吉县政府工作报告") as demo:
        gr.Markdown("## 报告问答\n就政府工作报告提问，回答引用报告原文，[1][2] 对应右侧来源。")
        with gr.Row():
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(label="对话", height=520, sanitize_html=True, elem_id="chatbot",
                                     feedback_options=None, buttons=["copy"])
                box = gr.Textbox(placeholder="输入问题，按回车提问，例如：吉县去年GDP增长了多少？", show_label=False,
                                 lines=1, max_length=500, elem_id="question", submit_btn="提问")
                gr.Examples(EXAMPLES, inputs=box, label="示例问题")
                with gr.Row():
                    mode = gr.Radio(["hybrid", "dense", "bm25"], value="hybrid", label="检索方式")
                    k = gr.Slider(1, 10, value=5, step=1, label="来源数")
                    script = gr.Radio([TRADITIONAL, SIMPLIFIED], value=TRADITIONAL, label="简/繁", elem_id="script")
            with gr.Column(scale=2):
                gr.Markdown("### 来源")
                sources = gr.HTML('<div class="sources-empty">提问后，这里列出引用的段落。</div>', elem_id="sources")
        gr.Markdown(footer_markdown(session.index), elem_id="footer")
        box.submit(respond, [box, chatbot, mode, k, script], [chatbot, box, sources],
                   api_visibility="private", concurrency_limit=CONCURRENCY)
        gr.api(chat, api_name="chat", concurrency_limit=CONCURRENCY)
    return demo


def launch(index: Path = DEFAULT_INDEX, host: str = "127.0.0.1", port: int = 7860, share: bool = False,
           block: bool = True, session: Session | None = None):
    """Load the index and model once, then serve the chat. Returns the Blocks when `block` is False."""
    session = session or Session.open(index)
    demo = build_app(session)
    demo.queue(default_concurrency_limit=CONCURRENCY)
    demo.launch(server_name=host, server_port=port, share=share, prevent_thread_lock=not block,
                show_error=False, quiet=not block, css=CSS, ssr_mode=False, footer_links=["api"])
    return demo


if __name__ == "__main__":
    launch()
