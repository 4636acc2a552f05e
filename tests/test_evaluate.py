"""`qa eval`: the matching rule, the metrics on a hand-built ranking, and bad question files."""

import json
from dataclasses import dataclass

import pytest

from qa.common.normalize import match_key, supports
from qa.eval.evaluate import EvalInputError, Question, answer_contains, evaluate, load_questions, missing_evidence, ndcg_at_k

# --- the matching rule (shared/eval/README.md) ---------------------------------------------

def test_traditional_passage_matches_simplified_evidence():
    assert supports("蘋果產量超過25萬噸,同比增長14%", ["苹果产量超过25万吨"])


def test_pinyin_annotation_inside_the_passage_is_ignored():
    assert supports("一年來(lái),蘋(píng)果產(chǎn)量超過25萬噸", ["苹果产量超过25万吨"])


def test_punctuation_and_full_width_digits_differ():
    assert supports("其中：GDP增速為１１．８％，全市排名第3", ["GDP增速为11.8%"])
    assert supports("推進“三品一標”認證5萬畝", ["三品一标认证5万亩"])
    assert match_key("Ｇ Ｄ Ｐ，增速") == "gdp增速"


def test_different_numbers_do_not_match():
    assert not supports("招聘教師15名", ["招聘教师29名"])
    assert not supports("GDP增速為11.8%", [])


# --- metrics on a tiny hand-built ranking ------------------------------------------------------

@dataclass
class _Chunk:
    text: str
    report: str = "r1"
    where: str = "一、 › 第1段"


@dataclass
class _Report:
    id: str = "r1"


@dataclass
class _Hit:
    chunk: _Chunk
    report: _Report


@dataclass
class _Answer:
    sources: list
    abstained: bool
    answer: str

    def text(self):
        return self.answer


def _run(rankings, answers=None, reports=None):
    """Questions q0..qn with evidence "evN"; rankings[i] lists the texts returned for question i.

    answers[i] is the answer text (default: the top passage); reports[i] the report each passage comes from.
    """
    qs = [Question(f"q{i}", f"问题{i}", (f"ev{i}",) if r is not None else (), i, "r1" if reports else None)
          for i, r in enumerate(rankings)]
    table = {q.question: i for i, q in enumerate(qs)}

    def ask(question, k, mode, reports_=(), **_):
        i = table[question]
        texts = rankings[i] or ["无关内容"]
        origin = (reports or {}).get(i, ["r1"] * len(texts))
        hits = [_Hit(_Chunk(t, rid), _Report(rid)) for t, rid in zip(texts[:k], origin, strict=False)]
        abstained = rankings[i] is None
        text = (answers or {}).get(i, "报告中没有找到" if abstained else texts[0])
        return _Answer(hits, abstained, text)

    chunks = [_Chunk(t) for r in rankings if r for t in r]
    return evaluate(qs, ask, chunks, "test", 10).metrics()


def test_metrics_on_a_hand_built_ranking():
    m = _run([
        ["ev0 here", "x", "y"],          # rank 1
        ["x", "y", "ev1 here"],          # rank 3
        ["a", "b", "c", "d", "e", "ev2"],  # rank 6
        ["a", "b"],                      # miss
        None,                            # out of scope, abstained
    ])
    assert m["n"] == 4
    assert (m["hit@1"], m["hit@3"], m["hit@5"], m["hit@10"]) == (0.25, 0.5, 0.5, 0.75)
    assert m["mrr@10"] == pytest.approx((1 + 1 / 3 + 1 / 6) / 4)
    assert m["misses"] == ["q2", "q3"]
    assert m["abstain_rate"] == 1.0 and m["false_abstain_rate"] == 0.0
    assert m["max_unit_chars"] == 8
    # Answers: q0's answer quotes ev0; q1..q3 quote their first passage (no evidence); q4 abstains rightly.
    assert m["answer_correct"] == pytest.approx(2 / 5) and m["wrong_answers"] == ["q1", "q2", "q3"]


def test_a_passage_from_another_report_is_not_a_hit():
    m = _run([["ev0 here", "ev0 again"]], reports={0: ["r2", "r1"]})
    assert m["hit@1"] == 0.0 and m["hit@3"] == 1.0 and m["wrong_report@1"] == 1.0


def test_need_all_wants_every_quote():
    assert answer_contains("甲增长5%；乙增长6%", ("甲增长5%", "乙增长6%"), "all")
    assert not answer_contains("甲增长5%", ("甲增长5%", "乙增长6%"), "all")
    assert answer_contains("甲增长5%", ("甲增长5%", "乙增长6%"), "any")


def test_ndcg_binary():
    assert ndcg_at_k([True, False], 1) == 1.0
    assert ndcg_at_k([False, True], 1) == pytest.approx(1 / 1.5849625)
    assert ndcg_at_k([False, False], 1) == 0.0


# --- bad question files ------------------------------------------------------------------------

def _write(tmp_path, text):
    p = tmp_path / "q.jsonl"
    p.write_text(text, encoding="utf-8")
    return p


@pytest.mark.parametrize("text, message", [
    ('{"id": "a", "question": "q", "evidence": []}\n{"id": "b", "question": \n', "q.jsonl:2: not valid JSON"),
    ('{"id": "a", "evidence": ["x"]}\n', 'q.jsonl:1: missing or empty "question"'),
    ('{"id": "a", "question": "q", "evidence": "x"}\n', 'q.jsonl:1: "evidence" must be a list of strings'),
    ('["q"]\n', "q.jsonl:1: expected a JSON object"),
    ('{"id": "a", "question": "q", "evidence": ["x"], "need": "both"}\n', 'q.jsonl:1: "need" must be "any" or "all"'),
    ('{"id": "a", "question": "q", "evidence": ["x"], "report": 3}\n', 'q.jsonl:1: "report" must be a report id'),
    ("\n\n", "q.jsonl: the file has no questions"),
])
def test_bad_files_name_file_and_line(tmp_path, text, message):
    with pytest.raises(EvalInputError) as e:
        load_questions(_write(tmp_path, text))
    assert message in str(e.value)


def test_a_follow_up_is_written_as_turns_or_as_history_and_question(tmp_path):
    turns, history = load_questions(_write(tmp_path, "\n".join(json.dumps(o, ensure_ascii=False) for o in [
        {"id": "a", "turns": ["海拉尔区2016年GDP多少", "那2017年呢"], "evidence": ["x"]},
        {"id": "b", "history": ["海拉尔区2016年GDP多少"], "question": "那2017年呢", "evidence": ["x"], "kind": "fresh"},
    ]) + "\n"))
    assert (turns.question, turns.turns) == (history.question, history.turns) == ("那2017年呢", ("海拉尔区2016年GDP多少",))
    assert history.fresh and not turns.fresh  # kind "fresh": the last turn must not lean on the ones before
    with pytest.raises(EvalInputError, match='add the last question'):
        load_questions(_write(tmp_path, '{"id": "c", "history": ["q1", "q2"], "evidence": []}\n'))


def test_unreadable_path(tmp_path):
    with pytest.raises(EvalInputError, match="nope.jsonl: no such file"):
        load_questions(tmp_path / "nope.jsonl")
    binary = tmp_path / "bin.jsonl"
    binary.write_bytes(b"\xff\xfe\x00\x01")
    with pytest.raises(EvalInputError, match="cannot be read as UTF-8"):
        load_questions(binary)


def test_typo_in_evidence_is_warned(tmp_path):
    qs = load_questions(_write(tmp_path, json.dumps(
        {"id": "t1", "question": "苹果产量？", "evidence": ["苹果产量超过52万吨"]}, ensure_ascii=False) + "\n"))

    class _Index:
        chunks = [_Chunk("蘋果產量超過25萬噸")]

    warnings = missing_evidence(qs, _Index())
    assert len(warnings) == 1 and "t1 (line 1)" in warnings[0] and "can never be a hit" in warnings[0]


def test_cli_eval_bad_file_exits_nonzero(tmp_path, capsys):
    from qa.ui.cli import main

    assert main(["eval", str(_write(tmp_path, "not json\n"))]) == 2
    assert "q.jsonl:1: not valid JSON" in capsys.readouterr().err
