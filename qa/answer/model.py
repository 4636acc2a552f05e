"""The answer model: which candidate quote answers a question, and when none does.

A logistic regression over each candidate's features (`qa.answer.sentence.FEATURES`: the
question's words in the quote and around it, the kind of answer asked against what the quote
states, agreement of year and plan, the e5 cosine of question and passage, rank, length),
fitted by `python -m qa.eval.fit` on labelled (question, quote) pairs and saved beside this
module as JSON (no pickle). The refusal threshold was chosen on held-out reports (grouped
folds, never a report the fold was fitted on) for the precision recorded in the file.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

MODEL_FILE = Path(__file__).with_name("answer_model.json")
# What the verifier (does the chosen quote answer at all?) sees: the chooser's score and the features
# that say whether the thing asked about is there at all.
VERIFIER_FEATURES = ("chooser", "coverage", "context", "nouns", "nouns_in_quote", "head_there", "all_nouns_there",
                     "cosine", "cosine_gap", "figure_asked", "figure_given", "year_agrees", "focus_words")


def verifier_row(chooser: float, x: tuple[float, ...]) -> tuple[float, ...]:
    """The verifier's inputs for one quote: the chooser's score, then the named features of `x`."""
    from qa.answer.sentence import FEATURES

    return (chooser, *(x[FEATURES.index(name)] for name in VERIFIER_FEATURES[1:]))


@dataclass(frozen=True)
class AnswerModel:
    """A fitted logistic regression over standardized features, and its refusal threshold.

    Attributes:
        features: the feature names, in the order of `Scored.features`.
        mean, scale: the standardization fitted on the training quotes.
        coef, intercept: the regression's weights.
        threshold: the probability below which the best quote does not answer (the answer abstains).
        second_within: a second quote is shown when its probability is this close to the best one's.
        about: how it was fitted and what it measured on held-out reports (for the README and `qa eval`).
    """

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float
    second_within: float = 0.1
    about: dict = field(default_factory=dict)
    verifier: tuple[tuple[float, ...], tuple[float, ...], tuple[float, ...], float] | None = None

    def chooser(self, x: tuple[float, ...]) -> float:
        """How likely this quote is the one that answers (compares the quotes of one question)."""
        return self._logistic(x, self.mean, self.scale, self.coef, self.intercept)

    def probability(self, x: tuple[float, ...]) -> float:
        """P(the answer is right if this quote is given): the verifier over the chooser's score and the
        quote's features (`VERIFIER_FEATURES`); the chooser alone where no verifier was fitted."""
        p = self.chooser(x)
        if self.verifier is None:
            return p
        mean, scale, coef, intercept = self.verifier
        return self._logistic(verifier_row(p, x), mean, scale, coef, intercept)

    @staticmethod
    def _logistic(x, mean, scale, coef, intercept) -> float:
        z = intercept + sum(c * (v - m) / s for c, v, m, s in zip(coef, x, mean, scale, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> dict:
        verifier = None if self.verifier is None else {"features": list(VERIFIER_FEATURES), "mean": list(self.verifier[0]),
                                                        "scale": list(self.verifier[1]), "coef": list(self.verifier[2]),
                                                        "intercept": self.verifier[3]}
        return {"features": list(self.features), "mean": list(self.mean), "scale": list(self.scale),
                "coef": list(self.coef), "intercept": self.intercept, "threshold": self.threshold,
                "second_within": self.second_within, "verifier": verifier, "about": self.about}

    @classmethod
    def from_json(cls, obj: dict) -> AnswerModel:
        v = obj.get("verifier")
        verifier = None if not v or tuple(v["features"]) != VERIFIER_FEATURES else (
            tuple(v["mean"]), tuple(v["scale"]), tuple(v["coef"]), float(v["intercept"]))
        return cls(tuple(obj["features"]), tuple(obj["mean"]), tuple(obj["scale"]), tuple(obj["coef"]),
                   float(obj["intercept"]), float(obj["threshold"]), float(obj.get("second_within", 0.1)),
                   dict(obj.get("about", {})), verifier)


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_FILE) -> AnswerModel | None:
    """The saved model, or None when there is none or it was fitted on other features (then the hand rules answer)."""
    from qa.answer.sentence import FEATURES

    try:
        model = AnswerModel.from_json(json.loads(Path(path).read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError):
        return None
    return model if model.features == FEATURES else None
