"""Follow-ups: the conversation carries what earlier questions were about into one that leaves it out."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT

from qa.conversation import resolve
from qa.places import lookup

KNOWN = (lookup("吉县"), lookup("山西省"), lookup("陕西省"), lookup("海拉尔区"))


@pytest.mark.parametrize("history, question, resolved", [
    (["今年地区生产总值增长目标是多少？"], "固定资产投资呢？", "今年固定资产投资增长目标是多少？"),
    (["城镇新增就业目标是多少？"], "农村呢？", "农村新增就业目标是多少？"),
    (["城镇居民人均可支配收入是多少？"], "农村居民呢？", "农村居民人均可支配收入是多少？"),
    (["陕西2025年城镇新增就业目标是多少？"], "山西呢？", "山西2025年城镇新增就业目标是多少？"),
    (["海拉尔区2016年地区生产总值是多少？"], "2017年呢？", "海拉尔区2017年地区生产总值是多少？"),
    (["陕西2025年城镇新增就业目标是多少？", "山西呢？"], "粮食产量呢？", "山西2025年粮食产量目标是多少？"),
    (["山西省2025年地区生产总值增长目标是多少？"], "粮食产量目标是多少？", "山西省2025年粮食产量目标是多少？"),
    (["壶口景区去年接待了多少游客？"], "比前年多吗？", "壶口景区去年接待了游客比前年多吗？"),
    (["2024年全国城镇新增就业目标是多少？"], "城镇调查失业率呢？", "2024年全国城镇调查失业率目标是多少？"),
])
def test_follow_ups_are_resolved(history, question, resolved):
    r = resolve(question, [{"role": "user", "content": q} for q in history], KNOWN, True)
    assert r.question == resolved and r.carried


@pytest.mark.parametrize("history, question", [
    ([], "固定资产投资呢？"),
    (["陕西2025年城镇新增就业目标是多少？"], "海拉尔区2016年地区生产总值是多少？"),  # names its own place: fresh
    (["今年地区生产总值增长目标是多少？"], "吉县苹果产量是多少？"),
])
def test_a_question_that_stands_alone_starts_fresh(history, question):
    assert resolve(question, history, KNOWN, True).question == question


@pytest.mark.slow
def test_qa_chat_answers_a_follow_up(real_index_dir):
    """The issue's own line: the second question is answered with the investment target."""
    proc = subprocess.run([sys.executable, "-m", "qa.cli", "chat", "--index", str(real_index_dir), "--json"],
                          input="今年地区生产总值增长目标是多少？\n固定资产投资呢？\n", capture_output=True, text=True,
                          cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    first, second = [json.loads(line) for line in proc.stdout.splitlines()]
    assert "地區生產總值增長7.5%以上" in first["answer"] and first["context"] == ""
    assert "固定資產投資增長15%以上" in second["answer"] and "固定资产投资" in second["context"]
    assert set(second) >= {"question", "answer", "answer_sources", "abstained", "hits"}


@pytest.mark.slow
def test_switching_report_in_a_follow_up(library_session):
    history = [{"role": "user", "content": "陕西2025年城镇新增就业目标是多少？"}]
    answer = library_session.ask("山西呢？", history=history)
    assert "城镇新增就业45万人" in answer.text() and {h.report.id for h in answer.sources} == {"shanxi-2025"}
