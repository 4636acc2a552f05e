"""One loaded library with its model: what the CLI and the chat hold for their lifetime.

A question's path: `Session.ask` -> `clean_question` (refuse bad input) -> `Retriever.query`
(read places/years, route to reports, expand words, embed once) -> `Retriever.search` (one dense
search, one keyword scoring, fusion within the routed reports) -> `compose` (quote the sentences
that answer, or abstain) -> `Answer`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from qa.answer import Answer, AnswerSettings, combine, compose
from qa.conversation import resolve
from qa.embed import Embedder, query_embedder
from qa.index import Index, load
from qa.manifest import read_manifest
from qa.options import DEFAULT_K, DEFAULT_MODE, check_k, check_mode, check_reports
from qa.paths import default_index
from qa.question import clean_question, read, split_question
from qa.retrieve import Retrieval, Retriever
from qa.table import build_table, scope_reports, table_answer


@dataclass
class Session:
    index: Index
    embedder: Embedder
    retriever: Retriever

    @classmethod
    def open(cls, folder: Path | None = None, embedder: Embedder | None = None, engine: str = "auto") -> Session:
        """Load the library, then the model its manifest names (each once).

        Args:
            folder: the index folder (default: see `qa.paths.default_index`).
            engine: how questions are embedded (see `qa.embed.query_embedder`).
        """
        folder = Path(folder) if folder else default_index()
        model = read_manifest(folder).model
        embedder = embedder or query_embedder(model, engine)
        index = load(folder, model=model)
        return cls(index, embedder, Retriever(index, embedder))

    def search(self, question: str, k: int = DEFAULT_K, mode: str = DEFAULT_MODE,
               reports: tuple[str, ...] | list[str] = ()) -> Retrieval:
        """Check the question and the options, then retrieve `k` passages.

        Raises:
            UserError: the question is empty, too long or has nothing to search for (QuestionError),
                or k, mode or a report id is not allowed (SettingsError); the message says what is.
        """
        question = clean_question(question)
        mode = check_mode(mode)
        k = check_k(k, len(self.index.chunks))
        query = self.retriever.query(question, reports, routing=None if mode == "hybrid" else False)
        return self.retriever.search(query, k, mode)

    def ask(self, question: str, k: int = DEFAULT_K, mode: str = DEFAULT_MODE,
            reports: tuple[str, ...] | list[str] = (), settings: AnswerSettings = AnswerSettings(),
            history: list[dict] | list[str] = ()) -> Answer:
        """Retrieve and compose the cited answer (see `search` for what is refused).

        A question across reports (`2025年各省的…分别是多少`, `山西和陕西…比一比`, `海拉尔区历年…`)
        becomes a table with one cited row per report. A question with several parts (`X和Y分别是多少`)
        or a comparison (`今年的目标比去年实际多吗`) is answered part by part, each part searched on its
        own and cited, the sources merged. With `history` (the earlier messages, `{"role", "content"}`),
        a follow-up (`固定资产投资呢？`) is first resolved against the questions before it.
        """
        question = clean_question(question)
        if history:
            resolved = resolve(question, list(history), self.retriever.known_places, len(self.index.reports) > 1)
            if resolved.carried:
                answer = self.ask(resolved.question, k, mode, reports, settings)
                return replace(answer, question=question, context=resolved.carried)
        reading = read(question, self.retriever.known_places)
        if check_mode(mode) == "hybrid":
            scope = scope_reports(reading, self.index.reports, check_reports(list(reports), self.retriever.report_ids))
            if scope is not None:
                return table_answer(build_table(self.retriever, reading, scope))
        split = split_question(question, reading)
        if split.kind == "single":
            return compose(self.search(question, k, mode, reports), settings)
        answers = [(label, compose(self.search(part, k, mode, reports), settings))
                   for part, label in zip(split.questions, split.labels, strict=True)]
        return combine(question, split.kind, answers)
