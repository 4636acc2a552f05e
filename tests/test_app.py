"""The chat: through its API (gradio_client) and in a real browser (Debian chromium + Playwright), at desktop
(1366x900) and phone (390x844) sizes, over the four-report library with the real model."""

from __future__ import annotations

import json
import socket
import sqlite3
import time

import pytest
from conftest import DATA, DEV, ROOT

from qa.ui.render import TRADITIONAL

pytestmark = pytest.mark.slow
SHOTS = ROOT / "tests" / ".artifacts"  # screenshots of the last run (docs/ holds the README's copies)
DESKTOP, PHONE = {"width": 1366, "height": 900}, {"width": 390, "height": 844}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def feedback_db(tmp_path_factory):
    return tmp_path_factory.mktemp("feedback") / "feedback.sqlite"


@pytest.fixture(scope="module")
def app_url(library_session, feedback_db):
    from qa.ui.chat import launch
    from qa.ui.feedback import FeedbackStore

    port = _free_port()
    demo = launch(library_session, host="127.0.0.1", port=port, block=False, feedback=FeedbackStore(feedback_db))
    yield f"http://127.0.0.1:{port}"
    demo.close()


# --- the API ---------------------------------------------------------------------------------------

def test_api_answers_with_citation(app_url):
    from gradio_client import Client

    reply, sources, table = Client(app_url, verbose=False).predict(message="山西省2025年城镇新增就业目标是多少？",
                                                                  api_name="/chat")
    assert "城镇新增就业45万人" in reply and "[1]" in reply and table == []
    assert sources[0]["rank"] == 1 and sources[0]["report"] == "shanxi-2025" and sources[0]["cited"]
    assert sources[0]["date"] == "2025-01-17" and sources[0]["where"].startswith("二、2025年")


def test_api_takes_the_history_for_follow_ups(app_url):
    from gradio_client import Client

    history = [{"role": "user", "content": "陕西2025年城镇新增就业目标是多少？"},
               {"role": "assistant", "content": "城镇新增就业40万人以上[1]"}]
    reply, sources, _ = Client(app_url, verbose=False).predict(message="山西呢？", history=history, api_name="/chat")
    assert reply.startswith("（接上题：山西2025年城镇新增就业目标是多少）") and "45万人" in reply
    assert {s["report"] for s in sources} == {"shanxi-2025"}


def test_api_table_across_reports(app_url):
    from gradio_client import Client

    reply, sources, table = Client(app_url, verbose=False).predict(
        message="山西和陕西2025年的城镇新增就业目标比一比", api_name="/chat")
    assert [r["report"] for r in table] == ["shanxi-2025", "shaanxi-2025"]
    assert table[0]["answer"] == "城镇新增就业45万人" and "2 份报告中 2 份给出了答案" in reply


def test_api_script_and_report_choice(app_url):
    from gradio_client import Client

    reply, sources, _ = Client(app_url, verbose=False).predict(
        message="吉縣蘋果產量是多少？", script=TRADITIONAL, reports=["jixian-2024-work-report.raw"], k=3,
        api_name="/chat")
    assert "蘋果產量超過25萬噸" in reply and len(sources) == 3
    assert {s["report"] for s in sources} == {"jixian-2024-work-report.raw"}


@pytest.mark.parametrize("kwargs, expected", [
    ({"message": "   "}, "请输入一个问题"),
    ({"message": "问" * 10_000}, "问题太长了"),
    ({"message": "😀😀"}, "没有可以检索的文字"),
    ({"message": "<script>alert(1)</script>"}, "请用普通文字提问"),
    ({"message": "吉县GDP", "mode": "magic"}, "检索方式“magic”不存在"),
    ({"message": "吉县GDP", "k": 0}, "来源数 0 超出范围"),
    ({"message": "吉县GDP", "k": 50}, "来源数 50 超出范围，请选 1 到 10"),
    ({"message": "吉县GDP", "reports": ["nope"]}, "库中没有报告“nope”"),
])
def test_api_bad_input_gets_a_friendly_message(app_url, kwargs, expected):
    from gradio_client import Client

    reply, sources, table = Client(app_url, verbose=False).predict(**kwargs, api_name="/chat")
    assert expected in reply and sources == [] and table == []


def test_api_out_of_library_says_so(app_url):
    from gradio_client import Client

    reply, sources, _ = Client(app_url, verbose=False).predict(message="河南省2025年地区生产总值增长目标是多少？",
                                                              api_name="/chat")
    assert reply.startswith("库中没有河南省的报告") and "[1]" not in reply


def _post(url: str, body) -> tuple[int, dict]:
    import json
    import urllib.error
    import urllib.request

    req = urllib.request.Request(url.rstrip("/") + "/api/ask", data=json.dumps(body, ensure_ascii=False).encode(),
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def test_json_api_gives_the_chat_apis_answer(app_url):
    from gradio_client import Client

    question = "山西省2025年城镇新增就业目标是多少？"
    status, body = _post(app_url, {"question": question, "k": 3})
    reply, sources, table = Client(app_url, verbose=False).predict(message=question, k=3, api_name="/chat")
    assert status == 200 and body["answer"] == reply and body["sources"] == sources and body["table"] == table
    history = [{"role": "user", "content": "陕西2025年城镇新增就业目标是多少？"}, {"role": "assistant", "content": ""}]
    status, body = _post(app_url, {"question": "山西呢？", "history": history})
    assert status == 200 and "45万人" in body["answer"]


@pytest.mark.parametrize("body, expected", [
    ({"question": "   "}, "请输入一个问题"),
    ({"question": "吉县GDP", "k": 50}, "来源数 50 超出范围"),
    ({"question": "吉县GDP", "history": 7}, "对话记录格式不对"),
    ({"question": "吉县GDP", "colour": "red"}, "字段只能是"),
    (["吉县GDP"], "请求应为 JSON 对象"),
])
def test_json_api_refuses_bad_input_with_status_400(app_url, body, expected):
    status, reply = _post(app_url, body)
    assert status in (400, 422) and (status == 422 or expected in reply["error"]), reply


# --- the browser -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    b = pw.chromium.launch(executable_path="/usr/bin/chromium", args=[
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"])
    yield b
    b.close()
    pw.stop()


def _page(browser, app_url, viewport, **context):
    ctx = browser.new_context(viewport=viewport, **context)
    page = ctx.new_page()
    page.goto(app_url)
    page.wait_for_selector("#question textarea", timeout=60_000)
    return ctx, page


def _ask(page, question: str, n_answers: int):
    page.fill("#question textarea", question)
    page.press("#question textarea", "Enter")
    # The answer, not the placeholder Gradio shows while it is being composed.
    page.wait_for_function(f"""() => {{
        const bots = document.querySelectorAll('#chatbot .bot');
        return bots.length >= {n_answers} && !bots[bots.length - 1].innerText.includes('Loading content');
    }}""", timeout=60_000)
    page.wait_for_timeout(400)


def _last_answer(page) -> str:
    return page.locator("#chatbot .bot").last.inner_text()


def _follow_first_cite(page, viewport) -> None:
    """Click the last answer's first [n]: its source card must scroll into view."""
    page.locator("#chatbot .bot").last.locator("a.cite").first.click()
    page.wait_for_timeout(900)
    box = page.locator("#source-1").bounding_box()
    assert box is not None and 0 <= box["y"] < viewport["height"]


def _switch_script(page, script: str, shown: str) -> None:
    """Pick a script; wait until the conversation shows `shown`."""
    page.locator("#script").get_by_text(script).click()
    page.wait_for_function(f"document.querySelector('#chatbot').innerText.includes({json.dumps(shown)})", timeout=30_000)


def _copy_answer(page) -> str:
    """Press the copy button; what it put on the clipboard."""
    page.locator("button.copy-answer").click()
    page.wait_for_function("document.querySelector('button.copy-answer').innerText.includes('已复制')")
    return page.evaluate("navigator.clipboard.readText()")


def _clear(page) -> None:
    page.locator("#clear").click()
    page.wait_for_function("document.querySelectorAll('#chatbot .bot').length === 0", timeout=30_000)


def test_browser_conversation_desktop(browser, app_url):
    SHOTS.mkdir(exist_ok=True)
    ctx, page = _page(browser, app_url, DESKTOP)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    try:
        _ask(page, "山西省2025年城镇新增就业目标是多少？", 1)
        assert "城镇新增就业45万人" in _last_answer(page) and "出处：《2025年山西省政府工作报告》" in _last_answer(page)
        # Simplified by default; the sources panel names report, date, part and paragraph.
        panel = page.locator("#sources")
        assert "《2025年山西省政府工作报告》 · 2025年1月17日" in panel.inner_text()
        # A follow-up carries the place and year, and says so.
        _ask(page, "粮食产量呢？", 2)
        assert "接上题：山西省2025年粮食产量目标是多少" in _last_answer(page) and "297.1亿斤" in _last_answer(page)
        # A follow-up that switches report.
        _ask(page, "陕西呢？", 3)
        assert "1300万吨" in _last_answer(page)
        page.screenshot(path=str(SHOTS / "chat-desktop.png"))
        # [n] jumps to its source card.
        _follow_first_cite(page, DESKTOP)
        # An earlier answer's [1] does not jump to the latest answer's card [1]: it says whose sources are shown.
        page.locator("#chatbot .bot").first.locator("a.cite").first.click()
        assert "最新回答的出处" in page.locator(".cite-note").inner_text(timeout=5_000)
        # Switching to the report's own script re-renders the whole conversation and the sources.
        _ask(page, "吉县去年接待了多少游客？", 4)
        assert "163.36万人次" in _last_answer(page)
        _switch_script(page, TRADITIONAL, "163.36萬人次")
        assert "萬人次" in panel.inner_text() and "163.36万人次" not in page.locator("#chatbot").inner_text()
        _switch_script(page, "简体", "163.36万人次")
        # Offline: every request the page made went to the app itself.
        outside = [u for u in requests if not u.startswith((app_url, "data:", "blob:"))]
        assert outside == [], outside
    finally:
        ctx.close()


def test_browser_phone_shows_answer_and_first_source_without_scrolling(browser, app_url):
    ctx, page = _page(browser, app_url, PHONE, permissions=["clipboard-read", "clipboard-write"])
    try:
        _ask(page, "陕西2025年城镇新增就业目标是多少？", 1)
        page.evaluate("window.scrollTo(0, 0)")
        answer = page.locator("#chatbot .bot").last.bounding_box()
        first = page.locator("#source-1").bounding_box()
        assert answer and first and answer["y"] + 20 < PHONE["height"] and first["y"] + 60 < PHONE["height"], (answer, first)
        settings = page.locator("#scope-row").bounding_box()
        assert settings["y"] > first["y"]  # the settings come after the sources on a phone
        page.screenshot(path=str(SHOTS / "chat-phone.png"))
        # On the phone too: a follow-up, [n] to its source, the script switch, copy and clear.
        _ask(page, "山西呢？", 2)
        assert "接上题：山西2025年城镇新增就业目标是多少" in _last_answer(page) and "45万人" in _last_answer(page)
        # The new turn is shown from its question down, however long the answer below it.
        page.wait_for_timeout(900)
        chat = page.locator("#chatbot .bubble-wrap").bounding_box()
        asked = page.locator("#chatbot .user-row").last.bounding_box()
        to_the_end = page.evaluate("() => { const w = document.querySelector('#chatbot .bubble-wrap');"
                                   " return w.scrollTop + w.clientHeight >= w.scrollHeight - 2; }")
        assert chat["y"] - 1 <= asked["y"] and asked["y"] + asked["height"] <= chat["y"] + chat["height"], (chat, asked)
        assert asked["y"] <= chat["y"] + 40 or to_the_end, (chat, asked)  # at the top, or all that follows it shown
        _follow_first_cite(page, PHONE)
        _ask(page, "吉县去年接待了多少游客？", 3)
        _switch_script(page, TRADITIONAL, "萬人次")
        _switch_script(page, "简体", "万人次")
        assert "来源：" in _copy_answer(page)
        _clear(page)
    finally:
        ctx.close()


def test_browser_copy_and_clear(browser, app_url):
    ctx, page = _page(browser, app_url, DESKTOP, permissions=["clipboard-read", "clipboard-write"])
    try:
        _ask(page, "山西省2025年城镇新增就业目标是多少？", 1)
        copied = _copy_answer(page)
        assert copied.startswith("问：山西省2025年城镇新增就业目标是多少？\n答：") and "[1]" in copied
        assert "\\[" not in copied and "来源：\n[1] 《2025年山西省政府工作报告》" in copied
        _clear(page)
        assert "提问后，这里列出" in page.locator("#sources").inner_text()
        # After clearing, a question stands alone (no context from before).
        _ask(page, "粮食产量呢？", 1)
        assert "接上题" not in _last_answer(page)
    finally:
        ctx.close()


def test_browser_input_is_shown_as_typed_and_ime_enter_does_not_send(browser, app_url):
    ctx, page = _page(browser, app_url, DESKTOP)
    try:
        _ask(page, "[点我](http://example.com) **加粗** 山西省的GDP目标", 1)
        chat = page.locator("#chatbot")
        assert "[点我](http://example.com)" in chat.inner_text() and chat.locator("a[href^='http://example']").count() == 0
        _ask(page, "问" * 600, 2)
        assert "问题太长了（600 个字符" in _last_answer(page)
        # Enter while a pinyin input method is composing does not send the half-typed question.
        page.fill("#question textarea", "shanxi")
        page.evaluate("""() => { const t = document.querySelector('#question textarea');
            t.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', code: 'Enter', keyCode: 229, isComposing: true,
                                                          bubbles: true, cancelable: true})); }""")
        page.wait_for_timeout(1500)
        assert page.locator("#chatbot .user").count() == 2 and page.input_value("#question textarea") == "shanxi"
    finally:
        ctx.close()


def _chart_is_drawn(page, shot):
    """The chart under the table: its pixels hold blue bars, and text (the Chinese labels) is drawn."""
    import numpy as np
    from matplotlib.image import imread

    chart = page.locator("#chart img")
    chart.wait_for(timeout=30_000)
    chart.screenshot(path=str(shot))
    pixels = imread(shot)[:, :, :3]
    bars = np.all(np.abs(pixels - np.array([0x4C, 0x78, 0xA8]) / 255) < 0.06, axis=-1).sum()
    dark = (pixels.max(axis=-1) < 0.5).sum()  # glyphs of the labels and figures
    assert bars > 500 and dark > 200, (bars, dark)


def test_browser_chart_on_a_phone(browser, app_url, tmp_path):
    ctx, page = _page(browser, app_url, PHONE)
    try:
        _ask(page, "2025年各省的地区生产总值增长目标分别是多少？", 1)
        _chart_is_drawn(page, tmp_path / "chart-phone.png")
        page.locator("#chart").scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / "chart-phone.png"))
    finally:
        ctx.close()


def test_browser_report_picker_and_table(browser, app_url, tmp_path):
    ctx, page = _page(browser, app_url, DESKTOP, accept_downloads=True)
    try:
        page.locator("#reports input").click()
        page.get_by_role("option", name="县级 · 吉县 2024").click()
        page.keyboard.press("Escape")
        _ask(page, "地区生产总值增长目标是多少？", 1)
        assert "地区生产总值增长7.5%以上" in _last_answer(page)
        assert page.locator("#sources").inner_text().count("《2024年吉县政府工作报告》") >= 1
        assert "山西省" not in page.locator("#sources").inner_text()
        page.locator("#clear").click()
        page.wait_for_function("() => document.querySelectorAll('#chatbot .bot').length === 0", timeout=30_000)
        page.locator("#reports .remove-all").click()  # back to the whole library
        page.locator("#reports .remove-all").wait_for(state="hidden", timeout=30_000)  # (before asking, under load too)
        _ask(page, "山西和陕西2025年的城镇新增就业目标比一比", 1)
        table = page.locator("#table")
        table.wait_for(timeout=30_000)
        text = table.inner_text()
        assert "山西省" in text and "城镇新增就业45万人" in text and "[1]" in text and "[2]" in text
        assert "数值（万人）" in text  # the numbers' unit said in the column
        _chart_is_drawn(page, tmp_path / "chart-desktop.png")
        page.screenshot(path=str(SHOTS / "table-desktop.png"))
        with page.expect_download() as download:
            page.locator("#csv").click()
        path = tmp_path / "t.csv"
        download.value.save_as(path)
        assert "shanxi-2025" in path.read_text(encoding="utf-8-sig")
    finally:
        ctx.close()


def test_browser_feedback_is_saved_and_exported(browser, app_url, feedback_db, tmp_path, capsys, library_dir):
    ctx, page = _page(browser, app_url, DESKTOP)
    try:
        _ask(page, "陕西2025年粮食产量目标是多少吨？", 1)
        page.locator("#chatbot button[aria-label='Like']").last.click()
        page.wait_for_timeout(1500)
        _ask(page, "陕西2025年PM2.5平均浓度要控制在多少以内？", 2)
        page.locator("#chatbot button[aria-label='Feedback']").last.click()
        page.locator("#chatbot .extra-feedback-option", has_text="来源不对").last.click()
        page.wait_for_timeout(1500)
        page.locator("#chatbot button[aria-label='Dislike']").last.click()
        page.wait_for_timeout(1500)
    finally:
        ctx.close()
    rows = sqlite3.connect(feedback_db).execute("SELECT rating, question, reports FROM feedback ORDER BY id").fetchall()
    assert ("up", "陕西2025年粮食产量目标是多少吨？", '["shaanxi-2025"]') in rows
    assert any(r[0] == "down" and r[1].startswith("陕西2025年PM2.5") for r in rows)
    assert any(r[0] == "wrong_source" and r[1].startswith("陕西2025年PM2.5") for r in rows)
    from qa.ui.cli import main

    out = tmp_path / "feedback.jsonl"
    assert main(["feedback", "export", "--db", str(feedback_db), "--out", str(out)]) == 0
    items = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    up = next(i for i in items if i["kind"] == "feedback-up")
    assert up["report"] == "shaanxi-2025" and any("1300万吨" in e for e in up["evidence"])
    assert all("todo" not in i for i in items)  # scoreable only: a 👎 is not a question that "must refuse"
    todo = [json.loads(line) for line in (tmp_path / "feedback.todo.jsonl").read_text(encoding="utf-8").splitlines()]
    assert any(i["kind"] == "feedback-down" and i["evidence"] == [] and "todo" in i for i in todo)
    # The export is an evaluation file: `qa eval` runs on it.
    capsys.readouterr()
    assert main(["eval", str(out), "--index", str(library_dir), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["n"] >= 1


def test_browser_eval_tab_runs_the_dev_set(browser, app_url):
    ctx, page = _page(browser, app_url, DESKTOP)
    try:
        page.get_by_role("tab", name="评测").click()
        page.locator("#eval-file input[type=file]").set_input_files(str(DEV))
        page.locator("#eval-reports input").click()
        page.get_by_role("option", name="县级 · 吉县 2024").click()
        page.keyboard.press("Escape")
        page.wait_for_timeout(800)
        page.locator("#eval-run").click()
        page.wait_for_function("document.querySelector('#eval-table').innerText.includes('hit@1')", timeout=120_000)
        text = page.locator("#eval-table").inner_text()
        assert "44 个问题" in text and "hybrid" in text
        row = next(line for line in text.splitlines() if line.startswith("hybrid"))
        assert float(row.split()[2]) >= 0.95  # hit@1 on Ji County's dev set, searched in its own report
        page.screenshot(path=str(SHOTS / "eval-tab.png"), full_page=True)
        page.locator("#eval-plot img").wait_for(timeout=30_000)
    finally:
        ctx.close()


def test_feedback_survives_a_killed_server(tmp_path, real_session):
    """A mark is committed when it is made: a process killed right after loses nothing."""
    import os
    import signal
    import subprocess
    import sys
    import textwrap

    db = tmp_path / "fb.sqlite"
    driver = tmp_path / "driver.py"
    driver.write_text(textwrap.dedent(f"""
        import os, signal, sys
        sys.path.insert(0, {str(ROOT)!r})
        from qa.ui.cli import set_environment; set_environment()
        from qa.ui.feedback import FeedbackStore
        from qa.session import Session
        answer = Session.open({str(real_session.index.folder)!r}).ask("今年要招聘多少教师？")
        FeedbackStore({str(db)!r}).record("up", answer)
        os.kill(os.getpid(), signal.SIGKILL)
    """), encoding="utf-8")
    proc = subprocess.run([sys.executable, str(driver)], capture_output=True, timeout=300)
    assert proc.returncode == -signal.SIGKILL
    rows = sqlite3.connect(db).execute("SELECT rating, question FROM feedback").fetchall()
    assert rows == [("up", "今年要招聘多少教师？")]
    assert os.path.exists(db)


def test_serves_on_loopback_without_share_by_default():
    import inspect

    from qa.ui.chat import launch
    from qa.ui.cli import _parser

    args = _parser().parse_args(["serve"])
    assert args.host == "127.0.0.1" and args.share is False
    params = inspect.signature(launch).parameters
    assert params["host"].default == "127.0.0.1" and params["share"].default is False


def test_serve_works_from_any_folder(tmp_path, real_index_dir):
    """`qa serve --index DIR` from a folder that is not the checkout: the chat lives in the package."""
    import subprocess
    import sys
    import urllib.request

    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "qa.ui.cli", "serve", "--index", str(real_index_dir), "--port", str(port)],
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        body = ""
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                body = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).read().decode()
                break
            except OSError:
                assert proc.poll() is None, proc.stdout.read()
                time.sleep(0.5)
        assert "报告问答" in body
    finally:
        proc.terminate()
        proc.wait(timeout=30)


LOAD_QUESTIONS = {
    "山西省2025年城镇新增就业目标是多少？": "45万人",
    "陕西2025年计划城镇新增就业多少人？": "40万人以上",
    "2024年全国粮食产量的目标是多少斤？": "1.3万亿斤",
    "吉縣蘋果產量是多少？": "25万吨",
    "河南省2025年地区生产总值增长目标是多少？": "库中没有河南省的报告",
}


def test_32_concurrent_questions(app_url):
    """32 questions at once over loopback: all answered correctly, none failed."""
    import statistics
    from concurrent.futures import ThreadPoolExecutor

    from gradio_client import Client

    client = Client(app_url, verbose=False)
    questions = [list(LOAD_QUESTIONS)[i % len(LOAD_QUESTIONS)] for i in range(32)]

    def one(q):
        t = time.perf_counter()
        reply, _, _ = client.submit(message=q, api_name="/chat").result(timeout=120)
        return q, reply, time.perf_counter() - t

    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=32) as pool:
        results = list(pool.map(one, questions))
    wall = time.perf_counter() - t0
    wrong = [(q, reply) for q, reply, _ in results if LOAD_QUESTIONS[q] not in reply]
    assert len(results) == 32 and wrong == []
    lat = sorted(r[2] for r in results)
    print(f"\n32 concurrent: wall {wall:.2f}s, p50 {statistics.median(lat)*1000:.0f} ms, p95 {lat[int(0.95 * 31)]*1000:.0f} ms")


def _chat_api(port: int, question: str) -> str | None:
    """One `/chat` call over HTTP, as any client makes it: the reply text, or None if the server is not up."""
    import urllib.request

    body = json.dumps({"data": [question, [], "hybrid", 5, "简体", []]}).encode()
    try:
        req = urllib.request.Request(f"http://127.0.0.1:{port}/gradio_api/call/chat", data=body,
                                     headers={"Content-Type": "application/json"})
        event = json.loads(urllib.request.urlopen(req, timeout=30).read())["event_id"]
        stream = urllib.request.urlopen(f"http://127.0.0.1:{port}/gradio_api/call/chat/{event}", timeout=60)
        data = [line[6:] for line in stream.read().decode().splitlines() if line.startswith("data: ")]
        out = json.loads(data[-1])[0]
        return out[0] if isinstance(out, list) else out  # (reply, sources, table)
    except (OSError, ValueError, KeyError, IndexError):
        return None


def test_two_servers_share_one_library_and_follow_qa_add(tmp_path, library_dir, real_embedder, vector_cache):
    """Two `qa serve` processes on one library folder both answer; after `qa add` both answer about the new
    report within seconds, without a restart."""
    import shutil
    import subprocess
    import sys

    from qa.index.build import add

    folder = tmp_path / "index"
    shutil.copytree(library_dir, folder)
    ports = [_free_port(), _free_port()]
    procs = [subprocess.Popen([sys.executable, "-m", "qa.ui.cli", "serve", "--index", str(folder), "--port", str(p)],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for p in ports]
    question = "河南省2025年地区生产总值增长目标是多少？"
    try:
        for port, proc in zip(ports, procs, strict=True):
            deadline = time.time() + 120
            while (reply := _chat_api(port, question)) is None:
                assert proc.poll() is None and time.time() < deadline, "the server did not start"
                time.sleep(0.5)
            assert "没有河南省的报告" in reply
        add(folder, DATA / "provinces-2025" / "henan-2025.txt", real_embedder, cache=vector_cache)
        for port in ports:
            deadline = time.time() + 30
            while "5.5%左右" not in (reply := _chat_api(port, question) or ""):
                assert time.time() < deadline, reply
                time.sleep(1.0)
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait(timeout=30)


def test_an_app_makes_no_temporary_folder_until_a_table_is_shown(tmp_path, real_session, monkeypatch):
    """The folder for a table's CSV and chart files is made with the first table (and removed when the process ends):
    building the app, as every server start and many tests do, leaves nothing in /tmp."""
    import qa.ui.chat as chat
    from qa.ui.feedback import FeedbackStore

    made = []
    monkeypatch.setattr(chat.tempfile, "mkdtemp", lambda **kw: made.append(kw) or str(tmp_path / "tables"))
    chat.build_app(real_session, FeedbackStore(tmp_path / "fb.sqlite"))
    assert made == []
