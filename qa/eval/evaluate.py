"""Retrieval and answer metrics over a question file (format and matching rule: shared/eval/README.md).

Two levels are scored. Retrieval: a passage supports a question when it contains an evidence
quote and comes from the question's `report` (hit@k, MRR, nDCG, wrong_report@1). Answer: the
text the user reads contains the quote(s), all of them where `need` is "all" (`answer_correct`);
a question the library cannot answer must be answered with an abstention.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from qa.common.errors import EvalInputError
from qa.common.normalize import match_key, supports

ALL_MODES = ("bm25", "dense", "rrf", "hybrid")  # what `--mode all` compares, in the order tables show them
REFERENCE_LABEL = "reference(rrf)"  # how tables name the reference recipe


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    evidence: tuple[str, ...]
    line: int
    report: str | None = None  # the id of the report that answers it (None: any, or the one searched)
    need: str = "any"  # "all": a full answer contains every quote
    kind: str = ""  # free label for per-kind tables (everyday, two-part, english …)
    reports: tuple[str, ...] = ()  # a question answered from several reports (a comparison): any of them supports
    turns: tuple[str, ...] = ()  # a conversation: the earlier questions, asked before `question` (its last turn)
    fresh: bool = False  # the last turn shares nothing with the earlier ones: it must not inherit them

    def from_report(self, report_id: str, fallback: str | None = None) -> bool:
        """May a passage of `report_id` support this question?"""
        allowed = self.reports or ((self.report or fallback,) if (self.report or fallback) else ())
        return not allowed or report_id in allowed

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
        if "todo" in obj:
            continue  # a marked answer still waiting for a person's quote: not scoreable yet
        turns = obj.get("turns", obj.get("history", []))  # history: the turns before "question"
        if not isinstance(turns, list) or not all(isinstance(x, str) for x in turns):
            raise EvalInputError(f"{where}: \"turns\" (or \"history\") must be a list of the conversation's questions.")
        if "history" in obj and not obj.get("question"):
            raise EvalInputError(f"{where}: \"history\" holds the turns before \"question\": add the last question.")
        q = obj.get("question") or (turns[-1] if turns else None)
        if not isinstance(q, str) or not q.strip():
            raise EvalInputError(f"{where}: missing or empty \"question\" (a non-empty string).")
        ev = obj.get("evidence", None)
        if not isinstance(ev, list) or not all(isinstance(e, str) for e in ev):
            raise EvalInputError(f"{where}: \"evidence\" must be a list of strings "
                                 "([] marks a question the library cannot answer).")
        report = obj.get("report")
        if report is not None and not isinstance(report, str):
            raise EvalInputError(f"{where}: \"report\" must be a report id (the file stem) or null.")
        reports = obj.get("reports", [])
        if not isinstance(reports, list) or not all(isinstance(r, str) for r in reports):
            raise EvalInputError(f"{where}: \"reports\" must be a list of report ids.")
        need = obj.get("need", "any")
        if need not in ("any", "all"):
            raise EvalInputError(f"{where}: \"need\" must be \"any\" or \"all\", not {need!r}.")
        questions.append(Question(str(obj.get("id", f"line{n}")), q, tuple(ev), n, report, need,
                                  str(obj.get("kind", "")), tuple(reports), tuple(turns[:-1]) if not obj.get("question")
                                  else tuple(turns), bool(obj.get("fresh", obj.get("kind") == "fresh"))))
    if not questions:
        raise EvalInputError(f"{path}: the file has no questions. Fix: one JSON object per line.")
    return questions


def missing_evidence(questions: list[Question], index, restrict: list[str] = ()) -> list[str]:
    """Warnings for evidence quotes found nowhere in their report (such a question can never hit)."""
    texts: dict[str, list[str]] = {}
    for c in index.chunks:
        texts.setdefault(c.report, []).append(c.text)
    keys = {r: match_key("".join(t)) for r, t in texts.items()}
    everything = "".join(keys.values())
    out = []
    for q in questions:
        wanted = q.report or (restrict[0] if len(restrict) == 1 else None)
        if wanted is not None and wanted not in keys:
            if q.answerable:
                out.append(f"{q.id} (line {q.line}): report {wanted!r} is not in the library; it can never be a hit")
            continue
        key = "".join(keys.get(r, "") for r in q.reports) if q.reports else keys[wanted] if wanted else everything
        out += [f"{q.id} (line {q.line}): evidence {e!r} occurs nowhere in {wanted or 'the library'}; "
                "this question can never be a hit" for e in q.evidence if match_key(e) not in key]
    return out


def answer_contains(answer: str, evidence: tuple[str, ...], need: str) -> bool:
    """The answer-level rule: any quote (or, for `need: all`, every quote) is in the answer text."""
    if need == "all":
        return all(supports(answer, [e]) for e in evidence)
    return supports(answer, list(evidence))


def ndcg_at_k(relevant: list[bool], n_relevant_total: int, k: int = 10) -> float:
    """Binary-relevance nDCG@k."""
    dcg = sum(1 / math.log2(r + 1) for r, rel in enumerate(relevant[:k], start=1) if rel)
    ideal = sum(1 / math.log2(r + 1) for r in range(1, min(n_relevant_total, k) + 1))
    return dcg / ideal if ideal else 0.0


@dataclass
class QuestionResult:
    question: Question
    rank: int | None  # of the first supporting passage within the top k
    ndcg: float
    top: str  # `report › where` of the first passage
    wrong_report: bool  # the first passage comes from another report than the question's
    unit_chars: list[int]
    abstained: bool
    answer: str
    correct: bool  # answer_correct: the evidence in the answer, or an abstention where none exists


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
        with_report = [r for r in ans if r.question.report]
        return {
            "mode": REFERENCE_LABEL if self.mode == "rrf" else self.mode, "n": len(ans), "n_out_of_scope": len(oos),
            "hit@1": hit(1), "hit@3": hit(3), "hit@5": hit(5), "hit@10": hit(10),
            "mrr@10": sum(1 / r.rank for r in ans if r.rank and r.rank <= 10) / n,
            "ndcg@10": sum(r.ndcg for r in ans) / n,
            "wrong_report@1": sum(r.wrong_report for r in with_report) / len(with_report) if with_report else None,
            "mean_unit_chars": sum(chars) / len(chars) if chars else 0.0,
            "max_unit_chars": max(chars) if chars else 0,
            "abstain_rate": sum(r.abstained for r in oos) / len(oos) if oos else None,
            "false_abstain_rate": sum(r.abstained for r in ans) / n,
            "answer_correct": sum(r.correct for r in self.results) / len(self.results) if self.results else 0.0,
            "answer_correct_answerable": sum(r.correct for r in ans) / n,
            "misses": [r.question.id for r in ans if r.rank is None or r.rank > 5],
            "wrong_answers": [r.question.id for r in self.results if not r.correct],
        }

    def by_kind(self) -> list[dict]:
        """answer_correct and hit@1 per question kind (the `kind` field; questions without one are "-")."""
        kinds: dict[str, list[QuestionResult]] = {}
        for r in self.results:
            kinds.setdefault(r.question.kind or "-", []).append(r)
        rows = []
        for kind, rs in sorted(kinds.items()):
            ans = [r for r in rs if r.question.answerable]
            rows.append({"kind": kind, "n": len(rs), "answer_correct": sum(r.correct for r in rs) / len(rs),
                         "hit@1": (sum(1 for r in ans if r.rank == 1) / len(ans)) if ans else None})
        return rows


def evaluate(questions: list[Question], ask, chunks: list, mode: str, k: int, restrict: list[str] = (),
             progress: bool = False) -> ModeReport:
    """Ask every question (retrieval and answer) and score it.

    Args:
        ask: `ask(question, k=, mode=, reports=) -> Answer`, e.g. `Session.ask`.
        chunks: every chunk in the library (to count the passages that support each question, for nDCG).
        restrict: report ids to search (for a file written for one report, inside a library).
    """
    from tqdm import tqdm

    report = ModeReport(mode)
    relevant_counts: dict[str, int] = {}
    for q in tqdm(questions, desc=f"eval {mode}", disable=not progress, leave=False):
        history = [{"role": "user", "content": turn} for turn in q.turns]
        answer = ask(q.question, k=k, mode=mode, reports=list(restrict), **({"history": history} if history else {}))
        wanted = q.report or (restrict[0] if len(restrict) == 1 else None)
        hits = answer.sources

        rel = [q.from_report(h.report.id, wanted) and supports(h.chunk.text, list(q.evidence))
               for h in hits] if q.answerable else []
        rank = next((i for i, r in enumerate(rel, start=1) if r), None)
        if q.answerable and q.id not in relevant_counts:
            pool = [c for c in chunks if q.from_report(c.report, wanted)]
            relevant_counts[q.id] = sum(supports(c.text, list(q.evidence)) for c in pool)
        text = answer.text()
        correct = answer_contains(text, q.evidence, q.need) and not answer.abstained if q.answerable \
            else answer.abstained
        if q.fresh and getattr(answer, "context", ""):
            correct = False  # an unrelated question answered as a follow-up of the thread
        report.results.append(QuestionResult(
            q, rank, ndcg_at_k(rel, relevant_counts.get(q.id, 0)),
            f"{hits[0].report.id} › {hits[0].chunk.where}" if hits else "",
            bool(q.report and hits and not q.from_report(hits[0].report.id)),
            [len(h.chunk.text) for h in hits], answer.abstained, text, correct,
        ))
    return report


COLUMNS = ["mode", "n", "hit@1", "hit@3", "hit@5", "hit@10", "mrr@10", "ndcg@10", "wrong_report@1",
           "mean_unit_chars", "max_unit_chars", "abstain_rate", "false_abstain_rate", "answer_correct"]
HEADS = {"mean_unit_chars": "mean_chars", "max_unit_chars": "max_chars", "abstain_rate": "abstain",
         "false_abstain_rate": "false_abst", "wrong_report@1": "wrong_rep@1", "answer_correct": "answer_ok"}


def _fmt(v) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:.3f}" if v <= 1 else f"{v:.0f}"
    return str(v)


def format_table(rows: list[dict], cols: list[str] = COLUMNS) -> str:
    """A fixed-width table of the metrics of each row."""
    cols = [c for c in cols if any(c in r for r in rows)]
    table = [[HEADS.get(c, c) for c in cols]] + [[_fmt(r.get(c)) for c in cols] for r in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(cols))]
    lines = ["  ".join(v.rjust(w) if i else v.ljust(w) for i, (v, w) in enumerate(zip(row, widths, strict=True)))
             for row in table]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def write_markdown(path: Path, reports: list[ModeReport], rows: list[dict], questions_path: Path, index) -> None:
    """Markdown: the metrics table, answers per kind, then one row per question for each mode."""
    m = index.manifest
    lines = [f"# Evaluation: `{questions_path}`", "",
             f"Library: {len(index.reports)} report(s), {m.n_chunks} chunks, model `{m.model}`, "
             f"updated {m.updated_at}.", "", "```", format_table(rows), "```", ""]
    for rep, row in zip(reports, rows, strict=True):
        lines += [f"## {row['mode']}", "", "```", format_table(rep.by_kind(), ["kind", "n", "answer_correct", "hit@1"]),
                  "```", "", "| id | question | rank | answer ok | answer | top passage |", "|---|---|---|---|---|---|"]
        for r in rep.results:
            rank = "out of scope" if not r.question.answerable else (r.rank or "miss")
            cells = [r.question.question, r.answer[:120], r.top]
            q, a, top = (c.replace("|", "\\|").replace("\n", " ") for c in cells)
            lines.append(f"| {r.question.id} | {q} | {rank} | {'yes' if r.correct else 'no'} | {a} | {top} |")
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


def write_plot(path: Path, rows: list[dict]) -> None:
    """A grouped bar chart of hit@1, hit@5, MRR@10 and answer_correct per mode."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    metrics = ["hit@1", "hit@5", "mrr@10", "answer_correct"]
    fig, ax = plt.subplots(figsize=(7.5, 3.6), dpi=120)
    width = 0.8 / len(metrics)
    for j, m in enumerate(metrics):
        xs = [i + (j - (len(metrics) - 1) / 2) * width for i in range(len(rows))]
        bars = ax.bar(xs, [r[m] for r in rows], width, label=m)
        ax.bar_label(bars, fmt="%.2f", fontsize=6, padding=1)
    ax.set_xticks(range(len(rows)), [r["mode"] for r in rows])
    ax.set_ylim(0, 1.1)
    ax.set_ylabel("score")
    ax.set_title(f"Retrieval and answers ({rows[0]['n']} answerable questions)")
    ax.legend(loc="lower right", fontsize=7)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
