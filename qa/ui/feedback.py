"""Feedback on answers (👍, 👎, 来源不对), kept in SQLite, exported as evaluation questions.

The chat's server writes one row per mark, committed at once (WAL journal), so a killed server
loses nothing already marked. `qa feedback export` turns the marks into the question format of
`qa eval`: an answer marked right keeps its quotes as evidence; one marked wrong is exported with
empty evidence and a note for a person to fill in the right quote.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from qa.common.paths import write_atomically
from qa.ingest.clean import GARBLED

RATINGS = ("up", "down", "wrong_source")
SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    rating TEXT NOT NULL CHECK (rating IN ('up', 'down', 'wrong_source')),
    question TEXT NOT NULL,
    asked TEXT NOT NULL,          -- the question as searched (a follow-up resolved)
    answer TEXT NOT NULL,
    abstained INTEGER NOT NULL,
    quotes TEXT NOT NULL,         -- JSON list of the quoted sentences
    sources TEXT NOT NULL,        -- JSON list of the sources shown (report, where, text)
    reports TEXT NOT NULL         -- JSON list of the cited report ids
)
"""


def default_path(index_folder: Path) -> Path:
    """Beside the index folder (never inside it: a rebuild replaces the folder)."""
    index_folder = Path(index_folder).resolve()
    return index_folder.parent / f"{index_folder.name}.feedback.sqlite"


@dataclass
class FeedbackStore:
    path: Path

    def __post_init__(self):
        self.path = Path(self.path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=10, isolation_level=None)  # autocommit: each mark is durable

    def record(self, rating: str, answer, asked: str | None = None) -> int:
        """Store one mark on an answer (a `qa.answer.Answer`); returns its row id."""
        if rating not in RATINGS:
            raise ValueError(f"rating {rating!r}: use one of {', '.join(RATINGS)}")
        quotes = [p.text for p in answer.parts]
        sources = [{"rank": h.rank, "report": h.report.id, "where": h.chunk.where, "text": h.chunk.text}
                   for h in answer.sources]
        cited = sorted({answer.sources[p.source - 1].report.id for p in answer.parts})
        with self._connect() as db:
            cur = db.execute(
                "INSERT INTO feedback (created_at, rating, question, asked, answer, abstained, quotes, sources, reports) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), rating, answer.question,
                 asked or answer.context or answer.question, answer.text(), int(answer.abstained),
                 json.dumps(quotes, ensure_ascii=False), json.dumps(sources, ensure_ascii=False),
                 json.dumps(cited, ensure_ascii=False)))
            return int(cur.lastrowid)

    def rows(self) -> list[dict]:
        with self._connect() as db:
            db.row_factory = sqlite3.Row
            return [dict(r) for r in db.execute("SELECT * FROM feedback ORDER BY id")]

    def export(self) -> list[dict]:
        """The marked questions in the `qa eval` format (one dict per question, the latest mark wins)."""
        latest: dict[str, dict] = {}
        for row in self.rows():
            latest[row["asked"]] = row
        out = []
        for n, row in enumerate(latest.values(), start=1):
            reports = json.loads(row["reports"])
            item = {"id": f"F{n:03d}", "question": row["asked"], "kind": f"feedback-{row['rating']}"}
            if row["rating"] == "up" and not row["abstained"]:
                # A quote with a garbled run keeps its longest readable stretch (evidence must be report text).
                quotes = [max(q.split(GARBLED), key=len) for q in json.loads(row["quotes"])]
                item.update(report=reports[0] if len(reports) == 1 else None, evidence=quotes)
            elif row["rating"] == "up":
                item.update(report=None, evidence=[])  # a right "not in the reports"
            else:
                item.update(report=None, evidence=[],
                            todo=f"marked {row['rating']}: put the right quote in evidence (and its report id), "
                                 f"or leave evidence empty if the library cannot answer",
                            answer_shown=row["answer"])
            out.append(item)
        return out

    def export_jsonl(self, path: Path) -> tuple[int, int]:
        """Write the scoreable questions to `path` and the ones a person must finish (👎, 来源不对: no quote yet)
        to `<name>.todo.jsonl` beside it, each atomically; returns (scoreable, to do)."""
        items = self.export()
        ready = [i for i in items if "todo" not in i]
        todo = [i for i in items if "todo" in i]
        write_atomically(path, "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in ready))
        todo_path = todo_file(path)
        if todo:
            write_atomically(todo_path, "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in todo))
        return len(ready), len(todo)


def todo_file(path: Path) -> Path:
    """Where an export keeps the marked answers still waiting for a person's quote."""
    path = Path(path)
    return path.with_name(f"{path.stem}.todo{path.suffix or '.jsonl'}")
