"""The answer model: saved for the features the code computes, and its threshold chosen on held-out questions."""

from __future__ import annotations

import json

from qa.answer.model import MODEL_FILE, VERIFIER_FEATURES, AnswerModel, load_model
from qa.answer.sentence import FEATURES
from qa.eval.evaluate import Question
from qa.eval.fit import choose_threshold, outcomes, spans_quotes


def test_the_saved_model_is_for_these_features_and_says_how_it_was_fitted():
    model = load_model()
    assert model is not None, "qa/answer/answer_model.json is missing or was fitted on other features: refit it"
    assert model.features == FEATURES and model.verifier is not None
    about = json.loads(MODEL_FILE.read_text(encoding="utf-8"))["about"]
    assert "grouped by report" in about["folds"] and 0 < about["held_out"]["threshold"] < 1
    assert len(VERIFIER_FEATURES) == len(model.verifier[2])


def test_a_model_fitted_on_other_features_is_not_used(tmp_path):
    obj = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    obj["features"] = obj["features"][:-1]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(obj), encoding="utf-8")
    assert load_model(path) is None


def test_probabilities_follow_the_weights():
    n = len(FEATURES)
    model = AnswerModel(FEATURES, (0.0,) * n, (1.0,) * n, (1.0,) + (0.0,) * (n - 1), 0.0, 0.5)
    assert model.probability((3.0,) + (0.0,) * (n - 1)) > 0.95 > 0.05 > model.probability((-3.0,) + (0.0,) * (n - 1))


def _q(i: int, answerable: bool) -> Question:
    return Question(f"q{i}", "?", ("x",) if answerable else (), i)


class _C:  # what outcomes() reads of a question's candidates
    def __init__(self, q):
        self.question = q


def test_the_threshold_gets_the_most_held_out_questions_right():
    # (question, verifier probability of its best quote, whether that quote is right)
    scored = [(_C(_q(1, True)), 0.9, True), (_C(_q(2, True)), 0.6, True), (_C(_q(3, True)), 0.35, False),
              (_C(_q(4, False)), 0.3, False), (_C(_q(5, False)), 0.1, False)]
    chosen = choose_threshold(scored)
    best = max(outcomes(scored, t / 100)["right"] for t in range(101))
    assert chosen["right"] == best == 0.8 and 0.3 < chosen["threshold"] <= 0.6  # both unanswerable ones declined
    assert outcomes(scored, 0.0)["declined_unanswerable"] == 0.0
    assert choose_threshold(scored, precision=1.0)["precision"] == 1.0


def test_evidence_running_across_two_quotes_labels_no_quote():
    passage = "全年城镇新增就业47万人，城镇调查失业率5.1%。粮食产量稳定在300亿斤以上。"
    quotes = ["全年城镇新增就业47万人，", "城镇调查失业率5.1%。", "粮食产量稳定在300亿斤以上。"]
    assert spans_quotes(("新增就业47万人，城镇调查失业率",), [passage], quotes)  # left out of the fit
    assert not spans_quotes(("城镇调查失业率5.1%",), [passage], quotes)  # one quote holds it: labelled
    assert not spans_quotes(("居民收入增长5%",), [passage], quotes)  # the search missed it: every quote is wrong
    assert not spans_quotes((), [passage], quotes)  # no report answers it: every quote is wrong
