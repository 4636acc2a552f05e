"""One loaded library with its model: what the CLI and the chat hold for their lifetime.

A question's path: `Session.ask` -> `clean_question` (refuse bad input) -> `Retriever.query`
(read places/years, route to reports, expand words, embed once) -> `Retriever.search` (one dense
search, one keyword scoring, fusion within the routed reports) -> `compose` (quote the sentences
that answer, or abstain) -> `Answer`.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path

from qa.answer.check import figure_asked, read_check, states_checked, unit_of, with_verdict
from qa.answer.compose import Answer, AnswerSettings, combine, compose
from qa.answer.further import around, further, item_further, item_of, nth_asked
from qa.answer.outline import (
    SECTION_REST,
    WHERE_SAID,
    announces_sections,
    asks_items,
    asks_outline,
    asks_reviewed,
    items_of_named,
    nth_of_named,
    outline_answer,
    quotes_a_heading_alone,
    section_rest,
    where_said,
)
from qa.answer.overview import asks_overview, asks_review, asks_targets_basis, overview_answer
from qa.answer.sentence import asks_change, coverage, covered
from qa.answer.table import build_table, scope_reports, table_answer
from qa.common.asking import GROUNDS_ASKED, cn_numeral, item_asked
from qa.common.errors import UserError
from qa.common.normalize import for_search
from qa.common.options import DEFAULT_K, DEFAULT_MODE, check_history, check_k, check_mode, check_reports
from qa.common.paths import default_index
from qa.index.embed import Embedder, Serialized
from qa.index.engine import query_embedder
from qa.index.manifest import read_manifest
from qa.index.store import Index, library_stamp, load
from qa.ingest.chunk import Chunk
from qa.search.conversation import DETAIL_ASKED, resolve, resolve_chain, swap_measure, user_questions
from qa.search.query import MEASURE_NOUNS, Query
from qa.search.question import Reading, clean_question, is_english, split_question
from qa.search.retrieve import Retrieval, Retriever
from qa.search.route import TARGET_ASKED, Route

log = logging.getLogger(__name__)


def _reviewed(answer: Answer) -> bool:
    """Is the answer's first quote from the part of its report that reviews a past year (a result, not a plan)?"""
    hit = answer.sources[answer.parts[0].source - 1]
    return hit.chunk.year is not None and hit.chunk.year == hit.report.review_year


def _about_the_answer(turn: str) -> bool:
    """Does a turn ask about the answer before it (这是哪一部分说的, 这一节还讲了什么, 确定吗, 是5%吗), not a subject?"""
    said = turn.strip()
    check = read_check(said)
    return bool(WHERE_SAID.match(said) or SECTION_REST.match(said) or (check is not None and not check.statement))
_RELOAD = threading.Lock()  # one reload at a time; answering never waits on it
# An answer this short (持续加强交通综合治理。) names a sub-topic but tells none of it: asked for its details, its
# paragraph says them.
NAMES_ONLY = 32

# A quote that states a comparison in words: a fact of the language (超过火电, 快于经济增长, 是全国的两倍).
STATES_COMPARISON = re.compile(r"超过|超出|高于|低于|快于|慢于|多于|少于|大于|小于|领先|落后|跑赢|跑输|持平|相当于|倍")


@dataclass(repr=False)
class Session:
    """One loaded library and the question embedder; `ask` is what every entry point calls.

    The library is held by one attribute (`retriever`, which holds the index), so a reload swaps it
    in one step, and each question works on a snapshot taken when it starts: a question never mixes
    two generations of the library.
    """

    embedder: Embedder
    retriever: Retriever
    _checked: float = 0.0  # when the library on disk was last looked at (`refresh`)

    @property
    def index(self) -> Index:
        return self.retriever.index

    @classmethod
    def open(cls, folder: Path | None = None, embedder: Embedder | None = None, engine: str = "auto") -> Session:
        """Load the library, then the model its manifest names (each once).

        Args:
            folder: the index folder (default: see `qa.paths.default_index`).
            engine: how questions are embedded (see `qa.index.engine.query_embedder`).
        """
        folder = Path(folder) if folder else default_index()
        model = read_manifest(folder).model
        embedder = Serialized(embedder or query_embedder(model, engine))
        index = load(folder, model=model)
        return cls(embedder, Retriever(index, embedder))

    def tune_engine(self, samples: list[str]) -> str | None:
        """Time the question engines on this CPU once and answer with the fastest from the next question on.

        For an index of the default model whose question engine was never measured here
        (`qa.index.engine`); the choice is recorded, so later sessions start with it. Runs beside
        the answering (the chat calls it in a background thread once it is serving).

        Returns:
            the engine now used, or None when nothing was measured.
        """
        from qa.index import engine as engines
        from qa.index.embed import DEFAULT_MODEL

        if self.index.model != DEFAULT_MODEL or engines.recorded("query", "float32"):
            return None
        loaded: dict = {}
        name = engines.choose("query", samples, "float32", loaded)
        if isinstance(self.embedder, Serialized) and name in loaded:
            self.embedder.swap(loaded[name])
        return name

    def refresh(self) -> bool:
        """Switch to the library on disk if `qa add`/`qa remove`/`qa build` changed it since it was loaded.

        Called before each question (a stat of the manifest, at most once a second): a running server
        answers from the new library within a second of the change, without a restart. A question
        already being answered finishes on the library it started with (it holds its own references).

        Returns:
            True when a new library was loaded.
        """
        now = time.monotonic()
        if now - self._checked < 1.0:
            return False
        self._checked = now
        stamp = library_stamp(self.index.folder)
        if stamp is None or stamp == self.index.stamp:
            return False  # unchanged, or mid-change: keep answering from what is loaded
        with _RELOAD:
            if library_stamp(self.index.folder) == self.index.stamp:
                return False
            try:
                index = load(self.index.folder, model=self.index.model)
            except UserError:
                return False
            self.retriever = Retriever(index, self.embedder)
        log.info("library changed on disk: now %d reports, %d chunks", len(index.reports), len(index.chunks))
        return True

    def check(self, question: str, k: object, mode: object, reports) -> tuple[str, int, str, tuple[str, ...]]:
        """Check a question and its options once, at the entry.

        Raises:
            UserError: the question is empty, too long or has nothing to search for (QuestionError),
                or k, mode or a report id is not allowed (SettingsError); the message says what is.
        """
        return (clean_question(question), check_k(k, len(self.index.chunks)), check_mode(mode),
                check_reports(reports, self.retriever.report_ids))

    def search(self, question: str, k: int = DEFAULT_K, mode: str = DEFAULT_MODE,
               reports: tuple[str, ...] | list[str] = ()) -> Retrieval:
        """Check the question and the options, then retrieve `k` passages (see `check` for what is refused)."""
        question, k, mode, reports = self.check(question, k, mode, reports)
        return self._retrieve(self.read(question), k, mode, reports)

    def read(self, question: str) -> Reading:
        """The question's reading: each text is read once per session (`qa.search.question.Reader`)."""
        return self.retriever.read(question)

    def _part(self, part: str, kind: str) -> Reading:
        """A part's reading; a side of a comparison (`…比…高还是低`) asks for an amount even without 多少."""
        reading = self.read(part)
        return replace(reading, asks="figure") if kind == "compare" and reading.kind in ("general", "yesno") else reading

    def _retrieve(self, reading: Reading, k: int, mode: str, reports: tuple[str, ...]) -> Retrieval:
        return self.retriever.search(self._query(reading, mode, reports), k, mode)

    def _query(self, reading: Reading, mode: str, reports: tuple[str, ...]) -> Query:
        return self.retriever.query(reading, reports, routing=None if mode == "hybrid" else False)

    def ask(self, question: str, k: int = DEFAULT_K, mode: str = DEFAULT_MODE,
            reports: tuple[str, ...] | list[str] = (), settings: AnswerSettings = AnswerSettings(),
            history: list[dict] | list[str] = ()) -> Answer:
        """Retrieve and compose the cited answer (see `check` for what is refused).

        The path of a question: checked once (`check`), resolved against the earlier turns when it
        follows up (`qa.search.conversation.resolve`), read once (`read`), then a table across
        reports (`qa.answer.table`), or parts, or one search (`qa.search.retrieve`) composed into a
        cited answer (`qa.answer.compose`).

        A question across reports (`2025年各省的…分别是多少`, `山西和陕西…比一比`, `海拉尔区历年…`)
        becomes a table with one cited row per report. A question with several parts (`X和Y分别是多少`)
        or a comparison (`今年的目标比去年实际多吗`) is answered part by part, each part searched on its
        own and cited, the sources merged. With `history` (the earlier messages, `{"role", "content"}`),
        a follow-up (`固定资产投资呢？`) is first resolved against the questions before it.
        """
        self.refresh()
        return replace(self)._ask(question, k, mode, reports, settings, history)  # this library, to the end

    def _ask(self, question: str, k, mode, reports, settings: AnswerSettings, history) -> Answer:
        question, k, mode, reports = self.check(question, k, mode, reports)
        # (the thread is what was asked: a turn asking where an answer was said, or checking it, changes no subject)
        history = [m for m in check_history(history) if not (m["role"] == "user" and _about_the_answer(m["content"]))]
        searched = question
        if history:
            located = self._located(question, history, k, mode, reports, settings) or \
                self._item_of_thread(question, history, k, mode, reports, settings)
            if located is not None:
                return located
            check = read_check(question)
            if check is not None and not check.statement:  # 确定吗？ 是6%吗？: the thread's answer again, checked
                prior = resolve_chain(user_questions(history), self.read, len(self.index.reports) > 1)
                answer = with_verdict(self._answer(prior, k, mode, reports, settings), check,
                                      self._query(self.read(prior), mode, reports).focus)
                return replace(answer, question=question, context=prior.rstrip("？?。"))
            at = check.statement.rfind(check.figure) if check is not None and check.figure else -1
            if at >= 0 and re.search(r"\D", check.figure) and not self.read(check.statement).places:
                # 签约额是7000多亿对吧: the measure it names asked of the thread (签约额是多少), its answer checked
                unit = unit_of(check.figure).strip("%％")  # (有80所了: 有多少所了, counted as the turn counts)
                asked = f"{check.statement[:at]}多少{unit}{check.statement[at + len(check.figure):]}"
                answer = self._ask(asked, k, mode, reports, settings, history)
                said = answer.context or asked
                focus = self._query(self.read(said), mode, reports).focus
                # (the turn as understood names the figure checked: 贵州全省高校有80所了吗, not …有多少所了)
                asking = f"多少{unit}"
                where = said.rfind(asking)
                context = (f"{said[:where]}{check.figure}{said[where + len(asking):]}".rstrip("？?。") + "吗"
                           if where >= 0 else said)
                return replace(with_verdict(answer, check, focus), question=question, context=context)
            if check is not None and not self.read(check.statement).places:
                # 也就是说比去年实际增速高？: what it states, asked as a follow-up (山西今年GDP目标是6%吗 names its own place:
                # a question of its own, checked as one)
                question = check.statement
            resolved = resolve(question, history, self.read, len(self.index.reports) > 1)
            if resolved.more:  # 展开说说: the report's next words after the thread's answer
                base, asked = self._answer(resolved.question, k, mode, reports, settings), resolved.carried
                if base.abstained:  # the thread's answer was its topic's (那教育呢 with no 教育 figure): more of that
                    users = user_questions(history)
                    at = len(users) - resolved.more
                    topic = resolve(users[at], users[:at], self.read, len(self.index.reports) > 1).topic if at > 0 else ""
                    if topic:
                        base, asked = self._answer(topic, k, mode, reports, settings), topic
                answer = further(base, self._part_of, resolved.more)
                return replace(answer, question=question, context=asked)
            if resolved.way_of and not TARGET_ASKED.search(self.read(resolved.way_of).normalized):
                # `怎么做到的` after a result: the figure, with what its passage says besides (what the year did for it);
                # grounds asked (凭什么能完成) of a plan's figure ask a sentence of their own, of a review's how it came about
                result = self._answer(resolved.way_of, k, mode, reports, settings)
                told = around(result) if not result.abstained and (
                    _reviewed(result) or not GROUNDS_ASKED.search(resolved.question)) else result
                if told is not result:  # (what its paragraph says besides, possibly joined to the last quote)
                    return replace(told, question=question, context=resolved.carried)
            if resolved.carried:
                carried, note = self._result_for_carried_target(question, resolved.question, reports)
                # (a change the thread asked, carried to the turn's other thing, is answered by its level where the
                # report gives no change: 人口呢 after …GDP增长了多少; one the turn asks itself is declined so)
                answer = self._answer(carried, k, mode, reports, replace(
                    settings, change_carried=asks_change(for_search(carried)) and not asks_change(for_search(question))))
                if DETAIL_ASKED.search(question):
                    answer = self._in_thread_reports(answer, carried, question, history, k, mode, reports, settings)
                if answer.abstained and resolved.topic:  # `那教育呢`: no 教育增长目标; what the report says of 教育
                    topical = self._answer(resolved.topic, k, mode, reports, settings)
                    if not topical.abstained:
                        return replace(topical, question=question, context=resolved.topic)
                if note and not answer.abstained:
                    answer = replace(answer, note=f"{note}{answer.note}")
                if DETAIL_ASKED.search(question) and not answer.abstained and \
                        sum(len(p.text) for p in answer.parts) <= NAMES_ONLY:
                    # 治堵那块再讲细一点 answered by a title (持续加强交通综合治理。): the details its paragraph gives
                    answer = around(answer)
                answer = self._as_heard(carried, answer)
                return replace(answer, question=question, context=carried.rstrip("？?。") if note else resolved.carried)
            searched = resolved.question  # (a turn standing alone, as resolved: 换个话题，襄阳…突破多少了 without 换个话题)
        answer = self._as_heard(searched, self._answer(searched, k, mode, reports, settings))
        return replace(answer, question=question) if history else answer

    def _in_thread_reports(self, answer: Answer, carried: str, question: str, history, k, mode, reports,
                           settings: AnswerSettings) -> Answer:
        """A turn asking the details of part of the thread's answer (物流这块讲得详细点, 新区建设那块具体说说), naming no
        place or year of its own, answered from the reports that answer quoted: the same 海拉尔2012年 is the 2012 plan
        the thread read, not the review of 2012 a year later. `answer` when it came from them already."""
        said = self.read(question)
        if said.places or said.years:
            return answer
        prior = resolve_chain(user_questions(history), self.read, len(self.index.reports) > 1)
        before = self._answer(prior, k, mode, reports, settings)
        thread = tuple(dict.fromkeys(h.report.id for h in before.sources))
        if before.abstained or not thread or {h.report.id for h in answer.sources} <= set(thread):
            return answer
        kept = self._answer(carried, k, mode, thread, settings)
        return answer if kept.abstained else kept

    def _located(self, question: str, history, k, mode, reports, settings: AnswerSettings) -> Answer | None:
        """`这是哪一部分说的`, `这一节还讲了什么` after an answer: where the thread's answer stands in its report, or what
        else its section says; None for any other turn (or a thread whose answer quotes nothing)."""
        said = question.strip()
        asks_where, asks_rest = bool(WHERE_SAID.match(said)), bool(SECTION_REST.match(said))
        if not (asks_where or asks_rest):
            return None
        prior = resolve_chain(user_questions(history), self.read, len(self.index.reports) > 1)
        before = self._answer(prior, k, mode, reports, settings)
        located = where_said(self.index, before) if asks_where else section_rest(self.index, before, self.read(prior))
        return None if located is None else replace(located, question=question, context=prior.rstrip("？?。"))

    def _item_of_thread(self, question: str, history, k, mode, reports, settings: AnswerSettings) -> Answer | None:
        """`第二个具体说说`, `第三件呢` after an answer that lists items: that item and the report's words on it (a plan's
        section: its outline); None for any other turn, or a thread whose answer lists no such item."""
        asked = nth_asked(question)
        if asked is None:
            return None
        prior = resolve_chain(user_questions(history), self.read, len(self.index.reports) > 1)
        before = self._answer(prior, k, mode, reports, settings)
        found = item_of(before, *asked)
        if found is None:
            return None
        quote, span = found
        which = ("the last item" if asked[1] else f"item {asked[0]}") if is_english(question) else \
            "最后一项" if asked[1] else f"第{cn_numeral(asked[0])}项"
        answer = section_rest(self.index, before, self.read(prior), quote) if span is None else \
            item_further(before, quote, span, self._part_of, which)
        if answer is None:
            return None
        return replace(answer, question=question, context=f"{prior.rstrip('？?。')}：{which}")

    def _as_heard(self, question: str, answer: Answer) -> Answer:
        """An answer to a question whose place was read by its sound (山希省) says which place it took."""
        heard = self.read(question).heard
        if not heard or answer.abstained:
            return answer
        said = "，".join(f"“{written}”按“{meant}”" for written, meant in heard)
        return replace(answer, note=f"问题里的{said}理解。{answer.note}")

    def _result_for_carried_target(self, said: str, resolved: str, reports: tuple[str, ...]) -> tuple[str, str]:
        """`那去年呢？` after `山西今年GDP增长目标多少`: the target came from the thread, not from the user, and no report
        of the library sets one for that year (the one reviewing it says what it came to): the year's result is asked
        instead, with a note saying so. Otherwise the resolved question as it is, and no note."""
        reading = self.read(resolved)
        if not TARGET_ASKED.search(reading.normalized) or TARGET_ASKED.search(for_search(said)):
            return resolved, ""
        where = self.retriever.route(reading, reports)
        year = where.must_year
        covering = [self.index.report_by_id[r] for r in where.reports]
        if year is None or not any(r.review_year == year for r in covering) or any(r.year == year for r in covering):
            return resolved, ""
        result = swap_measure(resolved, "实际")
        if not result or TARGET_ASKED.search(for_search(result)):
            return resolved, ""
        return result, f"库中没有定{year}年目标的报告，下面是回顾{year}年的报告写的实际结果。"

    def _answer(self, question: str, k: int, mode: str, reports: tuple[str, ...], settings: AnswerSettings) -> Answer:
        reading = self.read(question)
        if mode == "hybrid":
            scope = scope_reports(reading, self.index.reports, reports)
            if scope is not None:
                return table_answer(build_table(self.retriever, reading, scope))
            # 加强政府自身建设提出的第四点: the n-th item under that heading; …有哪几点要求: the items under it
            by_heading = nth_of_named if item_asked(reading.topic) is not None else None
            by_heading = by_heading or (items_of_named if asks_items(reading) else None)
            if by_heading and (answer := self._structural(by_heading, reading, self._report_route(reading, reports))):
                return answer
            if asks_outline(reading):  # 报告分几部分, 第三部分讲了什么, 政府自身建设那部分: the report's headings answer
                where = self.retriever.route(reading, reports) if asks_reviewed(reading) else \
                    self._report_route(reading, reports)
                if answer := self._structural(outline_answer, reading, where):
                    return answer
            if asks_overview(reading) or asks_targets_basis(reading):  # 今年想干啥: the targets and the plan's headings
                # (the route alone: the report's structure answers, no passage is searched for)
                # (2016年的工作思路: the plan made for that year, where the library has it)
                where = self.retriever.route(reading, reports) if asks_review(reading) else \
                    self._report_route(reading, reports)
                # (a place inside the report's own, 湖北武汉, is not answered with the whole province's plan)
                if answer := self._structural(overview_answer, reading, where):
                    return answer
        split = split_question(question, reading)
        if split.kind == "single":
            retrieval = self._retrieve(reading, k, mode, reports)
            asked = figure_asked(question)  # 是不是5%以上: whether the quote gives that figure
            focus = retrieval.query.focus
            answer = compose(retrieval, settings, part_of=self._part_of,
                             checked=(lambda text: states_checked(text, asked, focus)) if asked is not None else None)
            if asked is not None:
                answer = with_verdict(answer, asked, focus)
            if mode == "hybrid" and quotes_a_heading_alone(answer):  # 说说海洋经济: the section that heading opens
                answer = section_rest(self.index, answer, reading) or answer
            elif mode == "hybrid" and announces_sections(self.index, answer, reading):  # 要抓好八个方面工作。: the eight
                answer = section_rest(self.index, answer, reading) or answer
            answer = self._from_other_places(reading, retrieval, answer, k, mode, settings) or answer
            return self._from_older_reports(reading, retrieval, k, mode, settings) or answer if answer.abstained \
                else answer
        queries = [self._query(self._part(part, split.kind), mode, reports) for part in split.questions]  # once each
        if split.kind == "compare" and reading.kind in ("general", "yesno"):  # 可再生能源装机和火电相比怎么样
            whole = self._stated_comparison(reading, queries, k, mode, reports, settings)
            if whole is not None:
                return whole
        answers = [(label, compose(self.retriever.search(query, k, mode), settings))
                   for query, label in zip(queries, split.labels, strict=True)]
        return combine(question, split.kind, answers)

    def _structural(self, answer_with, reading: Reading, where: Route) -> Answer | None:
        """An answer from the routed report's structure (`answer_with`: its headings, its targets sentence), or None when
        the route misses a report or names a place inside it (then passages are searched)."""
        return None if where.missing or where.must_mention or where.sites else answer_with(self.index, reading, where)

    def _report_route(self, reading: Reading, reports: tuple[str, ...]) -> Route:
        """The report a question about a report as a whole means: a year it names is the year the report plans (2018年的
        报告), where the library has that one."""
        planned = self.retriever.route(replace(reading, wants_plan=True), reports)
        return self.retriever.route(reading, reports) if planned.missing else planned

    def _part_of(self, chunk: Chunk) -> list[Chunk]:
        return self.index.part_chunks(chunk.report, chunk.part)

    def _answer_in(self, route: Route, reading: Reading, k: int, mode: str, settings: AnswerSettings) -> Answer:
        """The question answered from the reports of a route already decided (not routed again)."""
        return compose(self.retriever.search(self.retriever.query(reading, decided=route), k, mode), settings,
                       part_of=self._part_of)

    def _from_other_places(self, reading: Reading, retrieval: Retrieval, answer: Answer, k: int, mode: str,
                           settings: AnswerSettings) -> Answer | None:
        """A question naming no place, asked of the country's report (2017年旅游收入多少): where that answer does not
        name all the question's nouns, the answer of the reports the year goes to otherwise (Hailar's review of
        2017), if it names more of them; None to keep the country's."""
        route = retrieval.query.route
        # (钱 names the kind of figure asked, not what it is of: an amount in 元 names no 个人所得税起征点)
        nouns = tuple(f for f in retrieval.query.focus if f[2] and f[0] not in MEASURE_NOUNS)
        said = 0.0 if answer.abstained else coverage(nouns, "".join(p.text for p in answer.parts))
        if not route.unnamed or said == 1.0:
            return None
        # (a town, zone or sight asked about, 九寨沟, is still to be named by the other reports' passage)
        elsewhere = Route(route.unnamed, must_mention=route.must_mention, sites=route.sites)
        other = self._answer_in(elsewhere, reading, k, mode, settings)
        return None if other.abstained or coverage(nouns, "".join(p.text for p in other.parts)) <= said else other

    def _from_older_reports(self, reading: Reading, retrieval: Retrieval, k: int, mode: str,
                            settings: AnswerSettings) -> Answer | None:
        """A question with no year about a place whose newest report does not answer it (海拉尔的扶贫故事上了哪个
        电视节目): the place's older reports (of those the user chose), saying which one answers; None when none does."""
        route = retrieval.query.route
        if not route.older or route.absent or route.must_mention or route.sites or route.must_year is not None \
                or reading.offset is not None:  # (今年, 去年 are the newest report's: an older one's 今年 is another year)
            return None
        answer = self._answer_in(Route(route.older, named=True), reading, k, mode, settings)
        if answer.abstained:
            return None
        newest, cited = self.index.report_by_id[route.reports[0]], answer.sources[answer.parts[0].source - 1].report
        return replace(answer, note=f"最新的《{newest.title}》没有写到这一项，下面按《{cited.title}》回答。")

    def _stated_comparison(self, reading: Reading, sides: list[Query], k, mode, reports, settings) -> Answer | None:
        """A comparison asked in words that a report states in one quote (`可再生能源装机规模历史性超过火电`):
        that quote, when it names what each side is about; None to compare the sides' figures instead."""
        answer = compose(self._retrieve(reading, k, mode, reports), settings)
        if answer.abstained or len(answer.parts) != 1 or not STATES_COMPARISON.search(answer.parts[0].text):
            return None  # two sentences with a figure each are two sides, compared by their figures
        quoted = for_search("".join(p.text for p in answer.parts))
        words = [{t for t, _, _ in side.focus} for side in sides]
        for i, side in enumerate(words):  # what tells each side from the others, named in the quote
            own = side.difference(*(other for j, other in enumerate(words) if j != i))
            if not any(covered(t, quoted) for t in own):
                return None  # sides told apart only by year or plan (目标和去年实际比): compare their figures
        return answer
