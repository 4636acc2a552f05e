"""Serving a library that changes: kills between renames, one writer at a time, a server that follows
`qa add`, and every input checked at the edge."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import DATA, RAW

from qa.common.errors import SettingsError, SourceError
from qa.index.build import add, build
from qa.index.store import load, writer_lock
from qa.session import Session


def test_a_kill_between_the_two_renames_leaves_a_library_that_answers(tmp_path, fake_embedder):
    folder = tmp_path / "index"
    build(RAW, folder, fake_embedder)
    # What a kill after the first rename of a change leaves: the library moved aside, nothing in its place.
    aside = tmp_path / f".index.old-{os.getpid() + 1}"
    os.replace(folder, aside)
    assert not folder.exists()
    index = load(folder)  # opening repairs it
    assert folder.is_dir() and not aside.exists() and len(index.reports) == 1
    session = Session.open(folder, embedder=fake_embedder)
    assert session.ask("苹果产量是多少？").sources


def test_copies_left_after_a_finished_swap_are_removed(tmp_path, fake_embedder):
    folder = tmp_path / "index"
    build(RAW, folder, fake_embedder)
    stale = tmp_path / ".index.old-12345"
    stale.mkdir()
    (stale / "manifest.json").write_text("{}", encoding="utf-8")
    load(folder)
    assert not stale.exists()


def test_a_second_writer_is_refused_with_the_fix(tmp_path, fake_embedder):
    folder = tmp_path / "index"
    build(RAW, folder, fake_embedder)
    with writer_lock(folder):
        with pytest.raises(SourceError, match=r"is being changed by process \d+\. Fix: wait"):
            add(folder, DATA / "national-2024.txt", fake_embedder)
    add(folder, DATA / "national-2024.txt", fake_embedder)  # free again
    assert len(load(folder).reports) == 2


def test_a_running_session_answers_from_a_report_added_after_it_started(tmp_path, fake_embedder, monkeypatch):
    folder = tmp_path / "index"
    build(RAW, folder, fake_embedder)
    session = Session.open(folder, embedder=fake_embedder)
    assert "shanxi-2025" not in session.retriever.report_ids
    add(folder, DATA / "provinces-2025" / "shanxi-2025.txt", fake_embedder)
    monkeypatch.setattr(session, "_checked", 0.0)  # the once-a-second check is due
    answer = session.ask("山西省2025年城镇新增就业目标是多少？")
    assert "shanxi-2025" in session.retriever.report_ids
    assert answer.sources and all(h.report.id == "shanxi-2025" for h in answer.sources)


def test_a_question_in_flight_finishes_on_the_library_it_started_with(tmp_path, fake_embedder, monkeypatch):
    folder = tmp_path / "index"
    build(RAW, folder, fake_embedder)
    session = Session.open(folder, embedder=fake_embedder)
    started_with = session.retriever
    add(folder, DATA / "provinces-2025" / "shanxi-2025.txt", fake_embedder)
    seen = []
    real_answer = Session._answer

    def answer_while_reloading(self, *args):
        monkeypatch.setattr(session, "_checked", 0.0)
        session.refresh()  # another request loads the new library mid-question
        seen.append((self.retriever, self.index))
        return real_answer(self, *args)

    monkeypatch.setattr(Session, "_answer", answer_while_reloading)
    monkeypatch.setattr(session, "_checked", float("inf"))  # this request itself does not reload first
    session.ask("吉县去年接待了多少游客？")
    assert seen == [(started_with, started_with.index)] and session.retriever is not started_with


@pytest.mark.parametrize("history, message", [
    (5, "history must be a list of messages, not int"),
    ({"role": "user"}, "history must be a list of messages, not dict"),
    ([{"role": "user", "content": 3}], "history item 0 is not a message"),
    ([{"role": "robot", "content": "hi"}], "history item 0 is not a message"),
    (["山西呢？" * 6000], "the history holds 24000 characters; the limit is 20000"),
])
def test_bad_history_is_refused_at_the_edge(tmp_path, fake_embedder, history, message):
    folder = tmp_path / "index"
    build(RAW, folder, fake_embedder)
    session = Session.open(folder, embedder=fake_embedder)
    with pytest.raises(SettingsError, match=message):
        session.ask("固定资产投资呢？", history=history)


def test_a_report_id_given_as_a_string_is_one_id(tmp_path, fake_embedder):
    folder = tmp_path / "index"
    build([RAW, DATA / "national-2024.txt"], folder, fake_embedder)
    session = Session.open(folder, embedder=fake_embedder)
    answer = session.ask("就业目标是多少？", reports="national-2024")
    assert {h.report.id for h in answer.sources} == {"national-2024"}


def test_csv_cells_that_look_like_formulas_are_text():
    from qa.answer.table import safe_cell

    assert safe_cell("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert safe_cell("+1") == "'+1" and safe_cell("-5%") == "'-5%" and safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert safe_cell("地区生产总值增长5%左右") == "地区生产总值增长5%左右"


def test_a_page_that_is_not_a_report_is_refused_unless_forced(tmp_path, fake_embedder):
    page = tmp_path / "news.txt"
    page.write_text("本报讯 昨日，某市召开了一场新闻发布会，介绍了今年夏季旅游的安排。\n记者 张三\n", encoding="utf-8")
    folder = tmp_path / "index"
    build(RAW, folder, fake_embedder)
    with pytest.raises(SourceError, match=r"does not read like a government work report.*--force"):
        add(folder, page, fake_embedder)
    assert len(load(folder).reports) == 1  # nothing changed
    add(folder, page, fake_embedder, force=True)
    assert len(load(folder).reports) == 2


def test_output_into_a_closed_pipe_ends_quietly(tmp_path, fake_embedder, monkeypatch):
    """`qa list | head`: the reader is gone; the command ends with exit 0 and no traceback."""
    import sys

    from qa.ui.cli import main

    folder = tmp_path / "index"
    build([RAW, DATA / "national-2024.txt"], folder, fake_embedder)
    read, write = os.pipe()
    os.close(read)  # the reader left before anything was written
    closed = os.fdopen(write, "w", buffering=1)  # each line is written at once, as to a terminal or pipe
    monkeypatch.setattr(sys, "stdout", closed)
    assert main(["list", "--json", "--index", str(folder)]) == 0


# --- the 评测 tab: caps, stop, uploads deleted, no server paths -------------------------------------

def _eval_tab(session, upload, stop=None):
    import threading

    from qa.ui.chat import evaluation_tab
    from qa.ui.feedback import FeedbackStore

    store = FeedbackStore(upload.parent / "feedback.sqlite")
    return evaluation_tab(session, store, str(upload), False, False, None, threading.Lock(), [], stop)[0]


def test_eval_tab_refuses_a_file_too_large_or_too_long_and_deletes_it(tmp_path, monkeypatch):
    import json

    from qa.ui import chat

    big = tmp_path / "big.jsonl"
    big.write_text("x" * (chat.EVAL_MAX_BYTES + 1), encoding="utf-8")
    assert "文件太大" in _eval_tab(None, big) and not big.exists()
    long = tmp_path / "long.jsonl"
    line = json.dumps({"id": "q", "question": "吉县GDP", "evidence": ["GDP"]}, ensure_ascii=False)
    long.write_text("\n".join(line.replace('"q"', f'"q{i}"') for i in range(chat.EVAL_MAX_QUESTIONS + 1)),
                    encoding="utf-8")
    assert "问题太多" in _eval_tab(None, long) and not long.exists()


def test_eval_tab_message_names_the_file_not_the_server_path(tmp_path):
    bad = tmp_path / "mine.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    message = _eval_tab(None, bad)
    assert message.startswith("文件有问题") and "mine.jsonl" in message and str(tmp_path) not in message


def test_eval_tabs_charts_share_one_folder_with_the_tables_files(tmp_path, real_session):
    """Each evaluation's chart is a new file in the one folder the tables use (removed when the server ends):
    a server evaluated every day leaves one folder in /tmp, not one per evaluation."""
    import json
    import threading

    from qa.ui.chat import evaluation_tab
    from qa.ui.feedback import FeedbackStore

    store = FeedbackStore(tmp_path / "feedback.sqlite")
    charts = []
    for run in range(2):
        upload = tmp_path / f"mine{run}.jsonl"
        upload.write_text(json.dumps({"id": "q", "question": "吉县去年接待了多少游客？", "evidence": ["游客"]},
                                     ensure_ascii=False), encoding="utf-8")
        table, chart, _ = evaluation_tab(real_session, store, str(upload), False, False, None, threading.Lock())
        assert "1 个问题" in table
        charts.append(Path(chart["value"]))
    assert charts[0] != charts[1] and charts[0].parent == charts[1].parent
    assert all(c.exists() and c.stat().st_size > 0 for c in charts)
    from qa.ui.chat import scratch_file

    assert charts[0].parent.name.startswith("baogao-qa-files-") and scratch_file("table", ".csv").parent == charts[0].parent


@pytest.mark.slow
def test_eval_tab_stops_between_questions(tmp_path, library_session):
    import shutil
    import threading

    from conftest import DEV

    stop = threading.Event()

    class Stopping:  # the user presses 停止评测 while the third question is answered
        index, calls = library_session.index, 0

        def ask(self, *args, **kwargs):
            Stopping.calls += 1
            if Stopping.calls == 3:
                stop.set()
            return library_session.ask(*args, **kwargs)

    upload = tmp_path / "dev.jsonl"
    shutil.copy(DEV, upload)
    message = _eval_tab(Stopping(), upload, stop)
    assert message.startswith("评测已停止") and "已完成 3 次" in message and Stopping.calls == 3
    assert not upload.exists()


@pytest.mark.slow
@pytest.mark.parametrize("command", ["add", "remove"])
def test_qa_add_and_remove_killed_at_every_step_leave_a_library_that_answers(tmp_path, real_embedder, vector_cache,
                                                                              command):
    """`qa add`/`qa remove` run as a user runs them, killed (SIGKILL) at each step of writing the library."""
    import signal
    import subprocess
    import sys

    from qa.index.store import KILL_POINTS
    from qa.ui.cli import main

    folder = tmp_path / "index"
    shanxi = DATA / "provinces-2025" / "shanxi-2025.txt"  # its vectors ship in vectors/: nothing to embed
    assert main(["build", "--source", str(RAW), "--index", str(folder)]) == 0
    if command == "remove":
        assert main(["add", str(shanxi), "--index", str(folder)]) == 0
    args = ["add", str(shanxi)] if command == "add" else ["remove", "shanxi-2025"]
    for step in KILL_POINTS:
        done = subprocess.run([sys.executable, "-m", "qa.ui.cli", *args, "--index", str(folder)],
                              env={**os.environ, "QA_KILL_AT": step}, capture_output=True, text=True, timeout=300)
        assert done.returncode == -signal.SIGKILL, (step, done.stderr[-500:])
        index = load(folder)  # opening repairs whatever the kill left
        ids = {r.id for r in index.reports}
        assert ids in ({"jixian-2024-work-report.raw"}, {"jixian-2024-work-report.raw", "shanxi-2025"}), step
        left = [*tmp_path.glob(".index.old-*"), *tmp_path.glob(".index.building-*")]
        assert not left, (step, left)  # nothing half-written or moved aside stays behind
        answer = Session.open(folder).ask("吉县去年接待了多少游客？")
        assert answer.sources and answer.sources[0].report.id == "jixian-2024-work-report.raw"


def test_a_long_report_shows_its_progress_while_it_is_embedded(tmp_path, fake_embedder, monkeypatch):
    from qa.index import build as building

    monkeypatch.setattr(building, "PROGRESS_EVERY", 40)
    lines: list[str] = []
    result = build(RAW, tmp_path / "index", fake_embedder, progress=lines.append)
    n = result.n_chunks
    steps = [line for line in lines if "passages" in line]
    assert len(steps) == -(-n // 40) and steps[-1].split(": ")[1].startswith(f"{n}/{n} passages")
    assert lines[-1].startswith("[1/1] jixian-2024-work-report.raw") and len(load(tmp_path / "index").chunks) == n
