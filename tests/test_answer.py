"""Answers: quoted from the report, cited, picking the year and the number asked for, or abstaining."""

from __future__ import annotations

import re

import pytest
from conftest import DEV, TESTS, retrieval_of

from qa.answer import NOT_FOUND, compose
from qa.evaluate import load_questions

PLAN, REVIEW = "二、2024年工作安排", "一、2023年工作回顧"


def test_number_question_quotes_the_sentence_with_the_number():
    answer = compose(retrieval_of("今年要招聘多少医务人员？",
                                  [("強化醫療人才隊伍建設,推動優質醫療資源擴容下沉。招聘醫務人員45名,完善縣域醫療服務體系。", PLAN)]))
    assert not answer.abstained and "招聘醫務人員45名" in answer.text()
    assert answer.text().endswith("[1]")


def test_year_cue_picks_the_matching_part():
    passages = [("充實師資力量,招聘教師15名。", PLAN), ("招聘教師29名,高考達線率30.49%。", REVIEW)]
    assert "29名" in compose(retrieval_of("去年招聘了多少名教师？", passages)).text()
    assert "15名" in compose(retrieval_of("今年要招聘多少教师？", passages)).text()


def test_no_relevant_words_abstains():
    answer = compose(retrieval_of("宫保鸡丁怎么做？", [("招聘教師15名。", PLAN)], dense_top=0.84))
    assert answer.abstained and answer.text() == NOT_FOUND and answer.parts == ()
    assert answer.sources  # still shown, as 可能相关


@pytest.fixture(scope="module")
def all_questions():
    paths = [DEV, TESTS / "dev_extra.jsonl"]
    return [q for p in paths for q in load_questions(p)]


@pytest.mark.slow
def test_real_answers(real_session):
    cases = {
        "吉县去年GDP增长了多少？": "GDP增速為11.8%",
        "2024年GDP增长目标是多少？": "地區生產總值增長7.5%以上",
        "去年招聘了多少名教师？": "招聘教師29名",
        "今年计划招聘多少教师？": "招聘教師15名",
        "去年新增城镇就业多少人？": "新增城鎮就業1396人",
        "今年城镇新增就业目标是多少？": "城鎮新增就業1100人",
    }
    for question, expected in cases.items():
        answer = real_session.ask(question)
        assert expected in answer.text(), (question, answer.text())


@pytest.mark.slow
@pytest.mark.parametrize("question", ["宫保鸡丁怎么做？", "上海的GDP是多少？", "怎么申请护照？", "美国总统是谁？"])
def test_real_out_of_scope_abstains(real_session, question):
    answer = real_session.ask(question)
    assert answer.abstained and "[" not in answer.text()


@pytest.mark.slow
def test_every_answer_is_quoted_and_cited(real_session, all_questions):
    """For every dev question: each [n] points at a listed source, and each quote is in that source."""
    chunks_text = "".join(c.text for c in real_session.index.chunks)
    for q in all_questions:
        answer = real_session.ask(q.question)
        if answer.abstained:
            continue
        ranks = {h.rank for h in answer.sources}
        markers = [int(n) for n in re.findall(r"\[(\d+)\]", answer.text())]
        assert markers and set(markers) <= ranks, q.question
        for part in answer.parts:
            assert part.text in answer.sources[part.source - 1].chunk.text, (q.question, part.text)
            assert part.text in chunks_text and "〔乱码〕" not in part.text


@pytest.mark.slow
def test_answer_json_fields(capsys, real_index_dir):
    import json

    from qa.cli import main

    assert main(["ask", "吉县要建机场吗？", "--index", str(real_index_dir), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["abstained"] is False and "壺口通用機場建設" in out["answer"]
    assert out["answer_sources"] and set(out["answer_sources"]) <= {h["rank"] for h in out["hits"]}
