"""The web chat (Gradio 6): ask on the left, read the cited sources on the right.

Thin by design: it checks nothing and ranks nothing itself; it calls `Session.ask` (the same
function as `qa ask`) and the `qa.render` formatters. Gradio is imported only when serving.
"""

from __future__ import annotations

import html
import threading

import gradio as gr

from qa.errors import UserError
from qa.options import DEFAULT_K, DEFAULT_MODE, MAX_K, MODES
from qa.render import SIMPLIFIED, TRADITIONAL, footer_markdown, reply_markdown, sources_html, sources_json
from qa.session import Session

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

    def answer(message: str, mode: str, k):
        with lock:
            return session.ask(message, k=k, mode=mode)

    def respond(message, history, mode, k, script):
        history = list(history or [])
        shown = html.escape((message or "").strip()[:2000]) or "（空）"
        try:
            result = answer(message, mode, k)
        except UserError as e:
            return history + [{"role": "user", "content": shown}, {"role": "assistant", "content": e.zh}], "", gr.update()
        reply = reply_markdown(result, script)
        history += [{"role": "user", "content": shown}, {"role": "assistant", "content": reply}]
        return history, "", sources_html(result, session.index, script)

    def chat(message: str, mode: str = DEFAULT_MODE, k: int = DEFAULT_K, script: str = TRADITIONAL) -> tuple[str, list]:
        """Ask the library a question; returns the cited answer (plain text with [n]) and its sources."""
        try:
            result = answer(message, mode, k)
        except UserError as e:
            return e.zh, []
        return result.text(simplified=script == SIMPLIFIED), sources_json(result, script)

    with gr.Blocks(title="报告问答") as demo:
        gr.Markdown("## 报告问答\n就政府工作报告提问，回答引用报告原文，[1][2] 对应右侧来源。")
        with gr.Row():
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(label="对话", height=520, sanitize_html=True, elem_id="chatbot",
                                     feedback_options=None, buttons=["copy"])
                box = gr.Textbox(placeholder="输入问题，按回车提问，例如：吉县去年GDP增长了多少？", show_label=False,
                                 lines=1, max_length=500, elem_id="question", submit_btn="提问")
                gr.Examples(EXAMPLES, inputs=box, label="示例问题")
                with gr.Row():
                    mode = gr.Radio(list(MODES), value=DEFAULT_MODE, label="检索方式")
                    k = gr.Slider(1, MAX_K, value=DEFAULT_K, step=1, label="来源数")
                    script = gr.Radio([TRADITIONAL, SIMPLIFIED], value=TRADITIONAL, label="简/繁", elem_id="script")
            with gr.Column(scale=2):
                gr.Markdown("### 来源")
                sources = gr.HTML('<div class="sources-empty">提问后，这里列出引用的段落。</div>', elem_id="sources")
        gr.Markdown(footer_markdown(session.index), elem_id="footer")
        box.submit(respond, [box, chatbot, mode, k, script], [chatbot, box, sources],
                   api_visibility="private", concurrency_limit=CONCURRENCY)
        gr.api(chat, api_name="chat", concurrency_limit=CONCURRENCY)
    return demo


def launch(session: Session, host: str = "127.0.0.1", port: int = 7860, share: bool = False, block: bool = True):
    """Serve the chat over a loaded session. Returns the Blocks when `block` is False."""
    demo = build_app(session)
    demo.queue(default_concurrency_limit=CONCURRENCY)
    demo.launch(server_name=host, server_port=port, share=share, prevent_thread_lock=not block,
                show_error=False, quiet=not block, css=CSS, ssr_mode=False, footer_links=["api"])
    return demo

