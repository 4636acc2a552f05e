"""Retrieval metrics over a question file (format and matching rule: shared/eval/README.md)."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from qa.normalize import match_key, supports


class EvalInputError(Exception):
    """A question file that cannot be used; the message names file and line."""


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    evidence: tuple[str, ...]
    line: int

    @property
    def answerable(self) -> bool:
        return bool(self.evidence)


def load_questions(path: Path) -> list[Question]:
    """Read a JSONL question file, refusing malformed lines with file:line in the message."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise EvalInputError(f"{path}: no such file. Fix: pass a JSONL question file.") from None
    except (OSError, UnicodeDecodeError) as e:
        raise EvalInputError(f"{path}: cannot be read as UTF-8 text ({e}).") from None
    questions = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise EvalInputError(f"{where}: not valid JSON ({e.msg} at column {e.colno}).") from None
        if not isinstance(obj, dict):
            raise EvalInputError(f"{where}: expected a JSON object like "
                                 '{"id": "q1", "question": "…", "evidence": ["…"]}.')
        q = obj.get("question")
        if not isinstance(q, str) or not q.strip():
            raise EvalInputError(f"{where}: missing or empty \"question\" (a non-empty string).")
        ev = obj.get("evidence", None)
        if not isinstance(ev, list) or not all(isinstance(e, str) for e in ev):
            raise EvalInputError(f"{where}: \"evidence\" must be a list of strings "
                                 "([] marks a question the report cannot answer).")
        questions.append(Question(str(obj.get("id", f"line{n}")), q, tuple(ev), n))
    if not questions:
        raise EvalInputError(f"{path}: the file has no questions. Fix: one JSON object per line.")
    return questions


def missing_evidence(questions: list[Question], corpus_text: str) -> list[str]:
    """Warnings for evidence quotes found nowhere in the corpus (such a question can never hit)."""
    key = match_key(corpus_text)
    return [f"{q.id} (line {q.line}): evidence {e!r} occurs nowhere in the report; this question can never be a hit"
            for q in questions for e in q.evidence if match_key(e) not in key]


def first_relevant_rank(texts: list[str], evidence: tuple[str, ...]) -> int | None:
    """1-based rank of the first text that supports the evidence, or None."""
    for r, t in enumerate(texts, start=1):
        if supports(t, list(evidence)):
            return r
    return None


def ndcg_at_k(relevant: list[bool], n_relevant_total: int, k: int = 10) -> float:
    """Binary-relevance nDCG@k."""
    dcg = sum(1 / math.log2(r + 1) for r, rel in enumerate(relevant[:k], start=1) if rel)
    ideal = sum(1 / math.log2(r + 1) for r in range(1, min(n_relevant_total, k) + 1))
    return dcg / ideal if ideal else 0.0


@dataclass
class QuestionResult:
    question: Question
    rank: int | None  # of the first supporting unit within the top k
    ndcg: float
    top_where: str
    unit_chars: list[int]
    abstained: bool
    answer_hit: bool | None = None


@dataclass
class ModeReport:
    mode: str
    results: list[QuestionResult] = field(default_factory=list)

    def metrics(self) -> dict:
        ans = [r for r in self.results if r.question.answerable]
        oos = [r for r in self.results if not r.question.answerable]
        n = len(ans) or 1

        def hit(k: int) -> float:
            return sum(1 for r in ans if r.rank is not None and r.rank <= k) / n

        chars = [c for r in self.results for c in r.unit_chars]
        out = {
            "mode": self.mode, "n": len(ans),
            "hit@1": hit(1), "hit@3": hit(3), "hit@5": hit(5), "hit@10": hit(10),
            "mrr@10": sum(1 / r.rank for r in ans if r.rank and r.rank <= 10) / n,
            "ndcg@10": sum(r.ndcg for r in ans) / n,
            "mean_unit_chars": sum(chars) / len(chars) if chars else 0.0,
            "max_unit_chars": max(chars) if chars else 0,
            "abstain_rate": sum(r.abstained for r in oos) / len(oos) if oos else None,
            "false_abstain_rate": sum(r.abstained for r in ans) / n,
            "misses": [r.question.id for r in ans if r.rank is None or r.rank > 5],
        }
        answered = [r for r in ans if r.answer_hit is not None]
        if answered:
            out["answer_hit"] = sum(r.answer_hit for r in answered) / len(answered)
        return out


def evaluate(questions: list[Question], search: Callable, mode: str, k: int,
             all_texts: list[str], progress: bool = False) -> ModeReport:
    """Run every question through `search(question, k, mode) -> (hits, abstained, answer_text)`.

    Args:
        all_texts: every unit in the index, to count how many support each question (for nDCG).
    """
    from tqdm import tqdm

    report = ModeReport(mode)
    for q in tqdm(questions, desc=f"eval {mode}", disable=not progress, leave=False):
        hits, abstained, answer = search(q.question, k, mode)
        texts = [h.chunk.text for h in hits]
        rank = first_relevant_rank(texts, q.evidence) if q.answerable else None
        n_rel = sum(supports(t, list(q.evidence)) for t in all_texts) if q.answerable else 0
        rel = [supports(t, list(q.evidence)) for t in texts] if q.answerable else []
        answer_hit = supports(answer, list(q.evidence)) if (answer is not None and q.answerable) else None
        report.results.append(QuestionResult(
            q, rank, ndcg_at_k(rel, n_rel), hits[0].chunk.where if hits else "",
            [len(t) for t in texts], abstained, answer_hit,
        ))
    return report


def format_table(rows: list[dict]) -> str:
    """A fixed-width table of the metrics of each mode."""
    cols = ["mode", "n", "hit@1", "hit@3", "hit@5", "hit@10", "mrr@10", "ndcg@10",
            "mean_unit_chars", "max_unit_chars", "abstain_rate", "false_abstain_rate"]
    if any("answer_hit" in r for r in rows):
        cols.append("answer_hit")
    heads = {"mean_unit_chars": "mean_chars", "max_unit_chars": "max_chars",
             "abstain_rate": "abstain", "false_abstain_rate": "false_abst"}

    def fmt(v) -> str:
        if v is None:
            return "-"
        if isinstance(v, float):
            return f"{v:.3f}" if v <= 1 else f"{v:.0f}"
        return str(v)

    table = [[heads.get(c, c) for c in cols]] + [[fmt(r.get(c)) for c in cols] for r in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(cols))]
    lines = ["  ".join(v.rjust(w) if i else v.ljust(w) for i, (v, w) in enumerate(zip(row, widths, strict=False)))
             for row in table]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def write_report(path: Path, reports: list[ModeReport], rows: list[dict], questions_path: Path,
                 manifest: dict) -> None:
    """Markdown: the metrics table, then one row per question for each mode."""
    lines = [f"# Retrieval evaluation: `{questions_path}`", "",
             f"Index: {manifest.get('n_chunks')} chunks, model `{manifest.get('model')}`, "
             f"built {manifest.get('built_at')}.", "", "```", format_table(rows), "```", ""]
    for rep, row in zip(reports, rows, strict=False):
        lines += [f"## {row['mode']}", "", "| id | question | rank of first supporting unit | abstained | top hit |",
                  "|---|---|---|---|---|"]
        for r in rep.results:
            rank = "out of scope" if not r.question.answerable else (r.rank or "miss")
            q = r.question.question.replace("|", "\\|")
            lines.append(f"| {r.question.id} | {q} | {rank} | {'yes' if r.abstained else 'no'} | {r.top_where} |")
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


def write_plot(path: Path, rows: list[dict]) -> None:
    """A grouped bar chart of hit@1, hit@5 and MRR@10 per mode."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    metrics = ["hit@1", "hit@5", "mrr@10"]
    fig, ax = plt.subplots(figsize=(7, 3.6), dpi=120)
    width = 0.8 / len(metrics)
    for j, m in enumerate(metrics):
        xs = [i + (j - 1) * width for i in range(len(rows))]
        bars = ax.bar(xs, [r[m] for r in rows], width, label=m)
        ax.bar_label(bars, fmt="%.2f", fontsize=7, padding=1)
    ax.set_xticks(range(len(rows)), [r["mode"] for r in rows])
    ax.set_ylim(0, 1.08)
    ax.set_ylabel("score")
    ax.set_title(f"Retrieval accuracy ({rows[0]['n']} answerable questions)")
    ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
