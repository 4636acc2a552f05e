"""Fit the answer model (`qa.answer.model`) on labelled questions: `python -m qa.eval.fit`.

Each question is searched as the product searches it; every candidate quote of its top passages
becomes a row of features (`qa.answer.sentence.FEATURES`), labelled 1 when the quote holds the
question's evidence (from the question's report). A question no report answers gives only 0s; an answerable one
whose evidence a searched passage holds but no single candidate quote (it spans two) is left out, since it would
label the right quote wrong (one the search missed stays: its quotes are all wrong).
Folds are grouped by report, so a fold is tested on reports it was never fitted on. Out of fold,
each question is answered by its most probable quote that has what its kind needs; the refusal
threshold is the lowest probability at which the held-out answers reach the target precision
(correct answers / answers given). The final model is fitted on everything and saved with what
the folds measured.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from qa.answer.compose import AnswerSettings
from qa.answer.model import MODEL_FILE, AnswerModel, verifier_row
from qa.answer.sentence import FEATURES, score_unit, units
from qa.common.errors import UserError
from qa.common.normalize import supports
from qa.eval.evaluate import Question, load_questions
from qa.search.question import split_question


@dataclass
class Candidates:
    """One question's candidate quotes: features, labels, and whether each has what the kind needs."""

    question: Question
    group: str  # the report it is about (its fold), or the question id for one no report answers
    x: np.ndarray
    y: np.ndarray
    fits: np.ndarray
    dense_top: float = 0.0  # the best cosine of any searched passage


def collect(session, questions: list[Question], restrict: tuple[str, ...] = (),
            settings: AnswerSettings = AnswerSettings()) -> tuple[list[Candidates], int]:
    """Search each single-part question and turn its candidate quotes into rows; also how many questions were
    left out because their evidence spans two quotes."""
    out, spanning = [], 0
    for q in questions:
        try:
            question, k, mode, reports = session.check(q.question, 5, "hybrid", restrict)
        except UserError:
            continue
        reading = session.read(question)
        if split_question(question, reading).kind != "single" or q.need == "all":
            continue  # several parts are answered part by part; their evidence is not per quote
        retrieval = session.search(question, k=k, reports=reports)
        rows, labels, fits, passages, quotes = [], [], [], [], []
        for hit in retrieval.hits[: settings.passages]:
            allowed = q.from_report(hit.report.id, restrict[0] if len(restrict) == 1 else None)
            passages += [hit.chunk.text] if allowed else []
            for unit in units(hit):
                s = score_unit(unit, hit, retrieval)
                rows.append(s.features)
                labels.append(bool(q.evidence) and allowed and supports(unit.text, list(q.evidence)))
                fits.append(s.fits)
                quotes += [unit.text] if allowed else []
        if spans_quotes(q.evidence, passages, quotes):
            spanning += 1
            continue
        if not rows:
            continue
        group = q.report or (restrict[0] if restrict else "") if q.evidence else f"none:{q.id}"
        out.append(Candidates(q, group or "library", np.array(rows, dtype=np.float64),
                              np.array(labels, dtype=bool), np.array(fits, dtype=bool), retrieval.dense_top))
    return out, spanning


def spans_quotes(evidence: tuple[str, ...], passages: list[str], quotes: list[str]) -> bool:
    """A passage holds the evidence and none of its quotes does (it runs across two): the question would label the
    right quote wrong, so it labels none. (Evidence no passage holds labels every quote wrong, rightly: the search
    missed it.)"""
    return bool(evidence) and any(supports(p, list(evidence)) for p in passages) \
        and not any(supports(q, list(evidence)) for q in quotes)


def _fit(cands: list[Candidates], c: float):
    """The chooser: a logistic regression over all candidate quotes (answering ones are rare: balanced)."""
    return _logistic_fit(np.vstack([cd.x for cd in cands]), np.concatenate([cd.y for cd in cands]), c, balanced=True)


def _scores(cd: Candidates, mean, scale, coef, intercept) -> np.ndarray:
    z = ((cd.x - mean) / scale) @ coef + intercept
    return 1 / (1 + np.exp(-z))


def _best(cd: Candidates, chooser) -> tuple[float, bool, np.ndarray]:
    """The chooser's score of the question's best fitting quote, whether it holds the evidence, its features."""
    p = np.where(cd.fits, _scores(cd, *chooser), -1.0)
    i = int(np.argmax(p))
    return float(p[i]), bool(cd.y[i]) and bool(cd.fits[i]), cd.x[i]


def _verifier_rows(best: list[tuple[Candidates, float, bool, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    x = np.array([verifier_row(max(p, 0.0), tuple(row)) for _, p, _, row in best], dtype=np.float64)
    y = np.array([ok and bool(cd.question.evidence) for cd, _, ok, _ in best], dtype=bool)
    return x, y


def _logistic_fit(x: np.ndarray, y: np.ndarray, c: float, balanced: bool):
    from sklearn.linear_model import LogisticRegression

    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale = np.where(scale > 0, scale, 1.0)
    reg = LogisticRegression(C=c, class_weight="balanced" if balanced else None, max_iter=2000)
    reg.fit((x - mean) / scale, y)
    return mean, scale, reg.coef_[0], float(reg.intercept_[0])


def held_out(cands: list[Candidates], folds: int, c: float) -> tuple[list[tuple[Candidates, float, bool]], list]:
    """Each question judged by models fitted on other reports' questions only.

    The chooser is fitted out of fold; its best quotes (out of fold) train the verifier, itself
    scored out of fold. Returns ((question, the verifier's probability, whether the best quote is right) for
    each question, and the chooser's out-of-fold best quotes the final verifier is fitted on).
    """
    from sklearn.model_selection import GroupKFold

    groups = np.array([cd.group for cd in cands])
    splits = list(GroupKFold(n_splits=folds).split(np.zeros(len(cands)), groups=groups))
    best: list = [None] * len(cands)
    choosers: list = [None] * len(cands)
    for train, test in splits:
        chooser = _fit([cands[i] for i in train], c)
        for i in test:
            best[i], choosers[i] = (cands[i], *_best(cands[i], chooser)), chooser
    x, y = _verifier_rows(best)
    out = []
    for train, test in splits:
        verifier = _logistic_fit(x[train], y[train], c, balanced=False)
        for i in test:  # as the product answers: the fitting quote the verifier finds most probable
            cd = cands[i]
            prob = _verified(cd, choosers[i], verifier)
            j = int(np.argmax(prob))
            out.append((cd, float(prob[j]), bool(cd.y[j]) and bool(cd.fits[j])))
    return out, best


def _verified(cd: Candidates, chooser, verifier) -> np.ndarray:
    """The verifier's probability for each of a question's quotes (-1 for one without what the kind needs)."""
    chosen = _scores(cd, *chooser)
    rows = np.array([verifier_row(float(p), tuple(row)) for p, row in zip(chosen, cd.x, strict=True)], dtype=np.float64)
    z = ((rows - verifier[0]) / verifier[1]) @ verifier[2] + verifier[3]
    return np.where(cd.fits, 1 / (1 + np.exp(-z)), -1.0)


def outcomes(scored: list[tuple[Candidates, float, bool]], threshold: float) -> dict:
    """What a user would see at this threshold: right answers, wrong ones, refusals."""
    answerable = [(p, ok) for cd, p, ok in scored if cd.question.evidence]
    none = [p for cd, p, _ in scored if not cd.question.evidence]
    given = [(p, ok) for p, ok in answerable if p >= threshold] + [(p, False) for p in none if p >= threshold]
    right = sum(ok for _, ok in given)
    return {
        "threshold": round(threshold, 4),
        "precision": right / len(given) if given else 1.0,
        "answered_right": sum(ok for p, ok in answerable if p >= threshold) / max(1, len(answerable)),
        "refused_answerable": sum(p < threshold for p, _ in answerable) / max(1, len(answerable)),
        "declined_unanswerable": sum(p < threshold for p in none) / max(1, len(none)),
        "right": (sum(ok for p, ok in answerable if p >= threshold) + sum(p < threshold for p in none))
        / max(1, len(scored)),
    }


def choose_threshold(scored, precision: float | None = None) -> dict:
    """The threshold for the held-out questions: with `precision`, the lowest one whose answers reach it;
    without, the one that gets the most questions right (answers holding the evidence + honest refusals)."""
    candidates = sorted({round(p, 4) for _, p, _ in scored if p >= 0} | {0.0})
    if precision is None:
        return max((outcomes(scored, t) for t in candidates), key=lambda o: (o["right"], -o["threshold"]))
    for t in candidates:
        o = outcomes(scored, t)
        if o["precision"] >= precision:
            return o
    return outcomes(scored, 1.0)


def main(argv: list[str] | None = None) -> int:
    from qa.session import Session

    p = argparse.ArgumentParser(prog="python -m qa.eval.fit", description=__doc__.splitlines()[0])
    p.add_argument("--index", type=Path, required=True, help="a library holding the questions' reports")
    p.add_argument("--questions", type=Path, action="append", required=True,
                   help="a question file; `FILE:REPORT` restricts its questions to one report (dev.jsonl:jixian-…)")
    p.add_argument("--precision", type=float, default=None,
                   help="held-out precision the threshold must reach (default: the threshold that gets the most "
                        "held-out questions right, answers and refusals together)")
    p.add_argument("--drop", default="", help="question ids to leave out, comma-separated (e.g. L65,L69: questions "
                                               "out of scope for a smaller library that this one answers)")
    p.add_argument("--folds", type=int, default=5)
    p.add_argument("--c", type=float, default=1.0, help="inverse regularization strength")
    p.add_argument("--out", type=Path, default=MODEL_FILE)
    args = p.parse_args(argv)
    session = Session.open(args.index)
    cands: list[Candidates] = []
    spanning = 0
    for spec in args.questions:
        path, _, report = str(spec).partition(":")
        questions = [q for q in load_questions(Path(path)) if q.id not in set(args.drop.split(","))]
        restrict = (report,) if report else ()
        found, spans = collect(session, questions, restrict)
        cands, spanning = cands + found, spanning + spans
    scored, best = held_out(cands, args.folds, args.c)
    chosen = choose_threshold(scored, args.precision)
    for threshold in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        print("held out at", json.dumps(outcomes(scored, threshold)))
    mean, scale, coef, intercept = _fit(cands, args.c)
    vx, vy = _verifier_rows(best)
    verifier = tuple(map(lambda a: tuple(map(float, a)) if hasattr(a, "__len__") else float(a),
                         _logistic_fit(vx, vy, args.c, balanced=False)))
    n_rows = sum(len(cd.y) for cd in cands)
    about = {"fitted_on": [str(q) for q in args.questions], "questions": len(cands),
             "left_out_evidence_spans_quotes": spanning, "quotes": n_rows,
             "positive_quotes": int(sum(cd.y.sum() for cd in cands)), "folds": f"{args.folds}, grouped by report",
             "threshold_chosen_for": f"precision >= {args.precision}" if args.precision else "most questions right",
             "held_out": chosen, "C": args.c}
    model = AnswerModel(FEATURES, tuple(map(float, mean)), tuple(map(float, scale)), tuple(map(float, coef)),
                        intercept, chosen["threshold"], 0.1, about, verifier)
    args.out.write_text(json.dumps(model.to_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(about, ensure_ascii=False, indent=1))
    print("weights:", ", ".join(f"{f} {c:+.2f}" for f, c in sorted(zip(FEATURES, coef, strict=True), key=lambda fc: -abs(fc[1]))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
