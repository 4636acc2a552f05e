"""The chat: through its API (gradio_client) and in a real browser (Debian chromium + Playwright)."""

from __future__ import annotations

import socket

import pytest
from conftest import ROOT

pytestmark = pytest.mark.slow
SHOTS = ROOT / "tests" / ".artifacts"  # screenshots of the last run (docs/chat.png is a copy)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_url(real_session):
    from qa.chat import launch

    port = _free_port()
    demo = launch(real_session, host="127.0.0.1", port=port, block=False)
    yield f"http://127.0.0.1:{port}"
    demo.close()


def test_api_answers_with_citation(app_url):
    from gradio_client import Client

    client = Client(app_url, verbose=False)
    reply, sources = client.predict(message="吉县去年GDP增长了多少？", api_name="/chat")
    assert "GDP增速為11.8%" in reply and "[1]" in reply
    assert sources[0]["rank"] == 1 and sources[0]["part"] == "一、2023年工作回顧"
    assert sources[0]["where"] == "一、2023年工作回顧 › 第2段" and sources[0]["cited"]


def test_api_simplified_and_settings(app_url):
    from gradio_client import Client

    client = Client(app_url, verbose=False)
    reply, sources = client.predict(message="吉縣蘋果產量是多少？", mode="bm25", k=3, script="简体", api_name="/chat")
    assert "苹果产量超过25万吨" in reply and len(sources) == 3
    assert "蘋" not in sources[0]["text"]


@pytest.mark.parametrize("message, expected", [
    ("   ", "请输入一个问题"),
    ("问" * 501, "问题太长了"),
    ("？？！！", "没有可以检索的文字"),
    ("😀😀", "没有可以检索的文字"),
    ("问" * 10_000, "问题太长了"),
    ("<script>alert(1)</script>", "请用普通文字提问"),
    ("\x00\x07\x1b", "请输入一个问题"),
])
def test_api_bad_input_gets_a_friendly_message(app_url, message, expected):
    from gradio_client import Client

    reply, sources = Client(app_url, verbose=False).predict(message=message, api_name="/chat")
    assert expected in reply and sources == []


def test_api_bad_settings_get_a_message(app_url):
    from gradio_client import Client

    client = Client(app_url, verbose=False)
    reply, sources = client.predict(message="吉县GDP", mode="magic", api_name="/chat")
    assert "检索方式“magic”不存在" in reply and sources == []
    reply, sources = client.predict(message="吉县GDP", k=0, api_name="/chat")
    assert "来源数 0 超出范围" in reply and sources == []
    reply, sources = client.predict(message="吉县GDP", k=50, api_name="/chat")
    assert "来源数 50 超出范围，请选 1 到 10" in reply and sources == []


def test_api_out_of_scope_says_so(app_url):
    from gradio_client import Client

    reply, sources = Client(app_url, verbose=False).predict(message="宫保鸡丁怎么做？", api_name="/chat")
    assert reply.startswith("报告中没有找到") and "[1]" not in reply
    assert sources and not any(s["cited"] for s in sources)


def _browser():
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=[
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"])
    return pw, browser


def _ask(page, question: str):
    box = page.locator("#question textarea")
    box.fill(question)
    box.press("Enter")


@pytest.mark.browser
def test_browser_chat(app_url):
    pw, browser = _browser()
    try:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        requests: list[str] = []
        dialogs: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        import time

        t0 = time.perf_counter()
        page.goto(app_url)
        page.wait_for_selector("#question textarea", timeout=60_000)
        usable = time.perf_counter() - t0

        _ask(page, "吉县去年GDP增长了多少？")
        page.wait_for_selector("#sources .source mark", timeout=60_000)
        t1 = time.perf_counter()
        _ask(page, "今年要招聘多少教师？")
        page.wait_for_function("document.querySelector('#sources').innerText.includes('招聘教師15名')", timeout=60_000)
        print(f"\npage usable after {usable:.2f}s; a warm question answered on screen in {time.perf_counter() - t1:.2f}s")
        _ask(page, "吉县去年GDP增长了多少？")
        page.wait_for_function("document.querySelector('#sources').innerText.includes('GDP增速')", timeout=60_000)
        bot = page.locator("#chatbot")
        bot.get_by_text("[1]").first.wait_for(timeout=30_000)
        assert "GDP增速為11.8%" in bot.inner_text()
        panel = page.locator("#sources")
        assert "一、2023年工作回顧 › 第2段" in panel.inner_text()
        assert "GDP增速為11.8%" in panel.locator("mark").first.inner_text()
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / "chat.png"))

        # 简/繁: the panel follows the chosen script on the next answer.
        page.locator("#script").get_by_text("简体").click()
        _ask(page, "吉縣蘋果產量是多少？")
        page.wait_for_function("document.querySelector('#sources').innerText.includes('苹果产量超过25万吨')",
                               timeout=60_000)
        assert "蘋果產量" not in panel.inner_text()

        # HTML in a question is shown as text, never run, and answered with a plain-words prompt.
        _ask(page, "<img src=x onerror=alert(1)>壶口<b>景区</b>")
        bot.get_by_text("<img src=x onerror=alert(1)>", exact=False).first.wait_for(timeout=30_000)
        bot.get_by_text("请用普通文字提问", exact=False).first.wait_for(timeout=30_000)
        assert page.locator("#chatbot img[src='x']").count() == 0
        assert page.locator("#chatbot b:text('景区')").count() == 0
        assert dialogs == []
        page.screenshot(path=str(SHOTS / "chat-html-question.png"))

        # Offline: every request the page made went to the app itself.
        outside = [u for u in requests if not u.startswith((app_url, "data:", "blob:"))]
        assert outside == [], outside
    finally:
        browser.close()
        pw.stop()


LOAD_QUESTIONS = {
    "吉县去年GDP增长了多少？": "11.8%",
    "今年要招聘多少教师？": "招聘教師15名",
    "去年招聘了多少名教师？": "招聘教師29名",
    "壶口景区去年接待了多少游客？": "163.36萬人次",
    "吉縣蘋果產量是多少？": "25萬噸",
    "2024年地区生产总值增长目标是多少？": "7.5%",
    "今年要建多少个5G基站？": "50座5G基站",
    "宫保鸡丁怎么做？": "报告中没有找到",
}


def test_32_concurrent_questions(app_url):
    """32 questions at once over loopback: all answered correctly, none failed."""
    import statistics
    import time
    from concurrent.futures import ThreadPoolExecutor

    from gradio_client import Client

    client = Client(app_url, verbose=False)
    questions = [list(LOAD_QUESTIONS)[i % len(LOAD_QUESTIONS)] for i in range(32)]

    def one(q):
        t = time.perf_counter()
        reply, _ = client.submit(message=q, api_name="/chat").result(timeout=120)
        return q, reply, time.perf_counter() - t

    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=32) as pool:
        results = list(pool.map(one, questions))
    wall = time.perf_counter() - t0
    wrong = [(q, reply) for q, reply, _ in results if LOAD_QUESTIONS[q] not in reply]
    assert len(results) == 32 and wrong == []
    lat = sorted(r[2] for r in results)
    print(f"\n32 concurrent: wall {wall:.2f}s, p50 {statistics.median(lat)*1000:.0f} ms, "
          f"p95 {lat[int(0.95 * 31)]*1000:.0f} ms")


def test_serves_on_loopback_without_share_by_default():
    import inspect

    from qa.chat import launch
    from qa.cli import _parser

    args = _parser().parse_args(["serve"])
    assert args.host == "127.0.0.1" and args.share is False
    params = inspect.signature(launch).parameters
    assert params["host"].default == "127.0.0.1" and params["share"].default is False


def test_serve_works_from_any_folder_after_a_plain_install(tmp_path, real_index_dir):
    """`qa serve --index DIR` from a folder that is not the checkout: the chat lives in the package."""
    import subprocess
    import sys
    import time
    import urllib.request

    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "qa.cli", "serve", "--index", str(real_index_dir), "--port", str(port)],
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
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
