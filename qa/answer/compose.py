"""Hits -> a cited answer quoted from the reports, or an honest "not in the reports".

No language model runs here. The answer quotes the sentence (or the clauses of a long sentence)
that best states what the question asks, judged sentence by sentence: does it carry the
question's words (or the report's words for them), a figure when a figure is asked, a date or a
name when those are asked, the year and the place asked about, a measure rather than a problem
when the question asks how? Each quote ends with the [n] of its source and is never rewritten:
a leading connective (其中、同时…) is dropped, a clause cut from a longer sentence is marked with
……, and the intro of a list (`主要预期目标是：……`) is kept so the figure keeps its meaning.
The same judgement (`qa.answer.sentence`) decides abstention: when no sentence answers the question, it says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Protocol

from qa.answer.model import load_model
from qa.answer.sentence import CONNECTIVE, FEATURES, MEASURE_WORDS, Scored, Unit, covered, restates_problem, score_unit, units
from qa.common.asking import (
    FORECAST,
    FORECAST_MESSAGE,
    FORECAST_MESSAGE_EN,
    GROUNDS_ASKED,
    LIST_COUNTED,
    count_of,
    item_asked,
    ordinal_asked,
)
from qa.common.normalize import for_search, magnitude_of, to_simplified
from qa.ingest.chunk import Chunk
from qa.ingest.clean import GARBLED
from qa.ingest.identity import ReportInfo
from qa.ingest.structure import HEADER_PART, NUMBERED_PART, SECTION_HEADING
from qa.search.question import HOW
from qa.search.retrieve import Hit, Retrieval

NOT_FOUND = "报告中没有找到与这个问题直接相关的内容。"
NOT_FOUND_EN = "The reports do not answer this. (报告中没有找到与这个问题直接相关的内容。)"
NOT_IN_LIBRARY_EN = "The library does not answer this."  # before why, in Chinese (库中没有涵盖…2023年的报告)
MAYBE_RELATED = "可能相关"
ENGLISH_FRAME = "The report says: "
ENGLISH_TABLE_FRAME = "The reports say (one row per report, each quoted from its own report):\n"
_CLAUSE_END = re.compile(r"[，,、：:]")


@dataclass(frozen=True)
class AnswerSettings:
    """How answers are composed and when they abstain (calibrated on the development sets).

    A sentence answers when its weighted coverage of the question's words (rarer words weigh more)
    reaches `min_coverage`, or `min_coverage_dense` when the question and the best passage are also
    close in meaning (cosine >= `dense_support`); a figure question also needs a figure.
    """

    passages: int = 5  # how many top passages the answer may quote from
    min_coverage: float = 0.6
    min_coverage_dense: float = 0.45
    dense_support: float = 0.87
    min_nouns: float = 0.5  # share of the question's nouns (by weight) the answer and its context must carry
    strict: bool = False  # a table cell: the nouns in the quote itself, and the part about the year asked
    max_sentences: int = 2
    second_within: float = 0.08  # a second sentence is quoted when it scores this close and adds words
    fitted: bool = True  # choose and refuse by the fitted answer model (`qa.answer.model`) where one is saved
    change_carried: bool = False  # a follow-up whose change asked is the thread's (人口呢 after …增长了多少): a level answers

    def __post_init__(self):
        if not (1 <= self.passages <= 10 and 0 <= self.min_coverage_dense <= self.min_coverage <= 1):
            raise ValueError("AnswerSettings: passages 1-10 and 0 <= min_coverage_dense <= min_coverage <= 1")


@dataclass(frozen=True)
class AnswerPart:
    """One quoted statement: `lead` (an intro such as `主要预期目标是：`, shown before ……), the quote, its source."""

    text: str  # quoted from the source chunk, in the report's script
    source: int  # 1-based number of the cited source
    lead: str = ""
    cut: bool = False  # the quote is a clause of a longer sentence that goes on
    label: str = ""  # the part of a several-part question it answers
    heading: str = ""  # the heading of the section the quote opens, when the section is the answer (（三）…)

    def display(self) -> str:
        """The quote as shown: its section's heading when it opens the section asked, the intro and …… where the quote
        starts inside a list, …… where it stops inside a sentence, 。 for the ； that ends a list item, … for a garbled run."""
        body = f"{self.lead}……{self.text}" if self.lead else self.text
        if self.heading:
            body = f"{self.heading.strip().rstrip('。；;，,：:')}：{body}"
        if self.cut:
            body += "……"
        elif body[-1:] in "；;":
            body = body[:-1] + "。"
        return body.replace(GARBLED, "…")


_YEAR_AGREES = FEATURES.index("year_agrees")  # (below 0: the quote is of another year than the one asked)
_ALL_NOUNS_THERE = FEATURES.index("all_nouns_there")
ITEM_TITLE = 16  # an item this short (二是加大改革开放力度。) is a title its next sentence explains
# A quote that opens an item of a numbered list (二是…, （二）…, 2.…): shown on a line of its own.
_OPENS_ITEM = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}是|[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[）)]|\d{1,2}[、.．](?!\d)|"
                         r"[\u2460-\u2473]|第[一二三四五六七八九十]{1,3}[，,、：:])")  # (（1）, ①, 第二， as item_marker reads)


def follow_up_label(context: str, english: bool = False) -> str:
    """How an answer says which question it took a follow-up to be."""
    return f"(Follow-up, read as: {context})" if english else f"（接上题：{context}）"


class Tabular(Protocol):
    """What an answer needs of a table it carries (`qa.answer.table.Table`): it renders itself."""

    def lines(self, english: bool = False) -> list[str]:
        """The summary (in English for an English question), then one cited line per row."""
        ...

    def summary_text(self, english: bool = False) -> str:
        """How many reports answer, and the verdict."""
        ...

    def to_json(self) -> list[dict]:
        ...


@dataclass(frozen=True)
class Answer:
    question: str
    parts: tuple[AnswerPart, ...]
    sources: tuple[Hit, ...]
    abstained: bool
    coverage: float
    best_sentences: dict = field(default_factory=dict)  # source number -> [(start, end)] in chunk text
    message: str = ""  # why it abstained, when more can be said than "not found"
    note: str = ""  # what qualifies the answer (which report it follows when the question left it open)
    english: bool = False
    comparison: str = ""  # the two figures of a comparison set side by side, marked as ours
    table: Tabular | None = None  # for a question across reports: one cited row per report
    context: str = ""  # a follow-up's question as understood (`接上题`), "" for a question that stands alone

    def text(self, simplified: bool = False) -> str:
        """The answer as one string with [n] markers (or the abstention message)."""
        prefix = f"{follow_up_label(self.context, self.english)}\n" if self.context else ""
        return prefix + self.body(simplified) if not simplified else to_simplified(prefix) + self.body(simplified)

    def body(self, simplified: bool = False) -> str:
        """The answer (or the abstention message) without the follow-up's `（接上题：…）` line."""
        if self.table is not None and not self.abstained:
            out = (ENGLISH_TABLE_FRAME if self.english else "") + "\n".join(self.table.lines(english=self.english))
            return to_simplified(out) if simplified else out
        if self.abstained:
            out = self.message or (NOT_FOUND_EN if self.english else NOT_FOUND)
            if self.english and not re.search(r"[A-Za-z]", out):  # the library's own words, led in the question's
                out = f"{NOT_IN_LIBRARY_EN} ({out})"
        else:
            pieces = []
            for p in self.parts:
                label = f"{p.label}：" if p.label else ""
                pieces.append(f"{label}{p.display()}[{p.source}]")
            out = ("；" if any(p.label for p in self.parts) else "\n" if self.in_lines else "").join(pieces)
            if self.comparison:
                out += f"\n{self.comparison}"
            if self.note:
                out += f"\n（{self.note}）"
            if self.english:
                out = ENGLISH_FRAME + out
        return to_simplified(out) if simplified else out

    @property
    def in_lines(self) -> bool:
        """Are the quotes shown one per line: labelled, or two or more items of a list (二是…, （二）…, 2.…)?"""
        return any(p.label for p in self.parts) or sum(bool(_OPENS_ITEM.match(p.text)) for p in self.parts) >= 2

    def to_json(self) -> dict:
        """The `qa ask --json` object."""
        return {
            "question": self.question,
            "answer": self.text(),
            "answer_sources": sorted({p.source for p in self.parts}),
            "abstained": self.abstained,
            "message": self.message,
            "note": self.note,
            "context": self.context,
            "hits": [h.to_json() for h in self.sources],
            **({"table": self.table.to_json()} if self.table is not None else {}),
        }


def answers(best: Scored, dense_top: float, settings: AnswerSettings) -> bool:
    """Does the best sentence answer the question? Its words, backed by meaning, and its kind."""
    if not best.fits or best.nouns < settings.min_nouns:
        return False  # the things asked about (国防 in 国防支出) are not there
    cov = max(best.coverage, 0.5 * best.coverage + 0.5 * best.context)
    return cov >= settings.min_coverage or (cov >= settings.min_coverage_dense and dense_top >= settings.dense_support)


def _quote(unit: Unit, chunk_text: str) -> tuple[int, int, str, bool]:
    """The quoted stretch: leading connectives and punctuation dropped, a trailing clause mark noted."""
    s, e = unit.start, unit.end
    text = chunk_text[s:e]
    stripped = text.lstrip(" \u3000，,；;：:、。")
    while True:
        m = CONNECTIVE.match(stripped)
        if not m or m.end() >= len(stripped):
            break
        stripped = stripped[m.end():].lstrip(" \u3000，,；;：:、")
    s += len(text) - len(stripped)
    text = stripped.rstrip()
    cut = bool(text) and bool(_CLAUSE_END.match(text[-1]))
    if cut:
        text = text[:-1]
    return s, s + len(text), text, cut


def _in_words_only(scored: list[Scored], threshold: float, other_figures: bool = True) -> Scored | None:
    """The quote the model would give but for the figure its clause lacks (单位地区生产总值能耗保持下降 for 能耗下降
    百分之几), or, with `other_figures`, the rate a total asked is given as (出口增长3.7%) or the level a change asked is
    (总额7489.8亿元), when no quote that gives one was accepted; None otherwise."""
    best = next((c for c in scored if c.withheld and (other_figures or not (c.rate or c.level))), None)
    return best if best is not None and best.score >= threshold else None


def _span(scored: Scored) -> tuple[int, int]:
    """Where a withheld quote's words stand in its passage (for the source card's highlight)."""
    at = scored.unit.text.find(scored.withheld)
    return scored.unit.start + max(at, 0), scored.unit.start + max(at, 0) + len(scored.withheld)


def _words_message(scored: Scored, english: bool) -> str:
    """The refusal of a figure the report gives only in words, with the words (or a total it gives only as a rate, a
    change only as the level reached)."""
    if english:
        what = ("no total for this, only its rate" if scored.rate else "no change for this, only its value"
                if scored.level else "no figure for this")
        return f"The report gives {what}; it only says: “{scored.withheld}”[{scored.unit.rank}]."
    what = "所问的总量，只写了增速" if scored.rate else "所问的变化，只写了数值" if scored.level else "所问的具体数字，只写了"
    return f"报告没有给出{what}：“{scored.withheld}”[{scored.unit.rank}]。"


def _unwritten(query, hits) -> str:
    """Why a question about who delivered a report, or when, has no answer: the report's text does not say
    (`现在，我代表市人民政府，向大会报告工作` names no one and no day); "" when it does or several reports were asked."""
    reports = {h.report.id: h.report for h in hits}
    if len(reports) != 1 or query.reading.kind not in ("person", "date"):
        return ""
    report, english = next(iter(reports.values())), query.reading.english
    if query.reading.wants_person and not report.speaker:
        return (f"The text of 《{report.title}》 does not say who delivered it (it opens with “我代表…人民政府”)."
                if english else f"《{report.title}》的正文没有写明作报告的人（开头只说“我代表…人民政府”），库中无从回答。")
    if query.reading.wants_date and not report.date:
        return (f"The text of 《{report.title}》 does not say when, or at which meeting, it was delivered."
                if english else f"《{report.title}》的正文没有写明作报告的日期和会议，库中无从回答。")
    return ""


# A question asking the members of a list it counts (七大都市分别是哪七个, “一城三基地”分别指什么, 十项行动分别是哪十项).
_ASKS_MEMBERS = r"(?:具体|分别|都|又|主要)?(?:是|指|有|包括)?(?:分别|哪些|哪几|哪[两二三四五六七八九十\d])"  # (not 哪个: one)
_MEMBERS_ASKED = re.compile(rf"(?P<list>(?:[两二三四五六七八九十]{{1,2}}|\d{{1,2}})(?:大|项|个|件|类|条|张|种)[\u4e00-\u9fff]{{1,6}}?)"
                            rf"(?=(?:[”\"][\u4e00-\u9fff]{{0,3}}?)?{_ASKS_MEMBERS})|"
                            rf"“(?P<quoted>[^”]{{0,6}}(?:[两二三四五六七八九十]|\d)[^”]{{0,6}})”(?={_ASKS_MEMBERS})")


# Asking why a target is what it is, and the words a report gives its reasons in (a fact of how reports justify one).
BASIS_ASKED = re.compile(r"为什么|为何|为啥|什么原因|理由|(?:根据|依据|基于|凭|出于)(?:什么|啥|哪些)|依据是|(?:什么|啥|哪些)依据|"
                          r"(?:怎么|如何|怎样)(?:定|确定|制定|考虑)|"
                          r"\bwhy\b|\bbasis\b|\bgrounds\b|\bbased on what\b|\brationale\b|\breasons?\b", re.I)
_BASIS = re.compile(r"考虑|兼顾|衔接|符合|着眼|立足|基于|依据|根据")
_TARGET_WORDS = re.compile(r"目标|预期")
# The sentence a report says its targets can be met on with (我们有信心完成今年发展目标任务。从发展环境看，…;
# 完成全年发展目标…也有较好的支撑和许多有利条件。我们有…), asked by GROUNDS_ASKED.
_GROUNDS = re.compile(r"有(?:信心|把握|底气|能力|条件|基础)(?:、有?[^，,。、]{1,6})*(?:[，,]|完成|实现|做到|达到)|"
                      r"(?:支撑|有利)条件|有(?:较好|坚实|良好|有力)的(?:支撑|基础|条件)")
_CONFIDENT = re.compile(r"有(?:信心|把握|底气)")  # (said of the year's work: no word of the targets needed)
NO_BASIS = "报告给出了目标，但没有写明这样定的理由。"
NO_BASIS_EN = "The report sets the target but does not say why it was set so."
NO_GROUNDS = "报告给出了目标，但没有写明凭什么能完成。"
NO_GROUNDS_EN = "The report sets the target but does not say what it can be met on."
_OF_TARGET = re.compile(r"目标|预期|确定|上述|以上|这些|指标|设定")  # the sentence is about the targets it weighed
# Asking which items (哪些, 哪几个, 哪五个方面, 分别是): the members of a list.
_WHICH_ITEMS = re.compile(r"哪(?:些|几|[两二三四五六七八九十\d])|分别(?:是|指|有)|逐(?:条|项|个|一|件)|列(?:一下|出|举)|"
                          r"都(?:叫|是|有)(?:什么|啥)|\b(?:list|name) (?:the|all|each|them)\b")


def _listing_clauses(text: str) -> list[str]:
    """The clauses of a text that name three or more items joined by 、 (电子信息、装备制造、食品轻纺…)."""
    return [c for c in re.split(r"[，,。；;]", text) if c.count("、") >= 2]


def _enumerates(texts: list[str], name: str) -> bool:
    """Do the quoted sentences list the items of the list `name` (七大都市)? The clause naming it joins items with 、
    (…双创平台、楼宇经济…“十大平台”) or opens them (主要是：…); a clause lists items with 、 and the list's noun
    (电子信息、装备制造…等六大万亿级产业); another quote names one the way the list names them (碧水保卫战 of 三个保卫战);
    or the quotes number them."""
    head, texts = name[-2:], [to_simplified(t) for t in texts]
    for text in texts:
        if any(name in c or head in c for c in _listing_clauses(text)):
            return True  # (not any list: 坚定信心、刚健自强… beside 七大都市 names none of them)
        if name in text and re.search(r"(?:主要是|包括|分别是|即)[：:]", text[text.index(name):]):
            return True
        if name not in text and head in text:
            return True
    return sum(bool(item_marker(n).search(t)) for t in texts for n in (1, 2, 3)) >= 2


def _lists_in_words(unit: Unit, hit: Hit) -> bool:
    """The quote's sentence names items joined by 、 (景区强基焕新、文旅要素提升、文旅深度融合…七大行动): a list
    the reader can count, quoted as it is."""
    text = hit.chunk.text
    end = text.find("。", unit.start)
    sentence = text[unit.sentence_start: end + 1 if end >= 0 else len(text)]
    return bool(_listing_clauses(sentence))


def _no_item(asked: tuple[int | None, bool], english: bool) -> str:
    """Why the n-th item asked has no answer: no passage found lists the items one by one."""
    import cn2an

    n, last = asked
    if english:
        which = "the last one" if last else f"item {n}"
        return f"The reports found do not list these items one by one, so they cannot say which is {which}."
    which = "最后一项" if last else f"第{cn2an.an2cn(n)}项"
    return f"找到的报告段落没有逐项列出所问的清单，无从说出{which}是什么。"


def _lead(unit: Unit, chunk_text: str, start: int) -> str:
    """The intro of the list a clause belongs to (`主要预期目标是：`), when the quote does not start the sentence."""
    before = chunk_text[unit.sentence_start:start]
    m = re.search(r"[^，,；;。]*?(?:是|为|如下)[：:]", before)
    if m and start > unit.sentence_start and len(m.group(0)) <= 30:
        return m.group(0).lstrip("，,；; ")
    return ""


def compose(retrieval: Retrieval, settings: AnswerSettings = AnswerSettings(), label: str = "",
            part_of: Callable[[Chunk], list[Chunk]] | None = None, checked: Callable[[str], bool] | None = None) -> Answer:
    """Compose the answer to a question from what its search found.

    Args:
        part_of: the chunks of a passage's part, in reading order (the library's; for the n-th section asked).
        checked: does a quote state the figure the question checks of what it asks (`qa.answer.check.states_checked`;
            完成了45个老旧小区改造，对吗): such a quote answers it.
    """
    query, hits = retrieval.query, list(retrieval.hits)
    english = query.reading.english
    if query.route.missing:
        return Answer(query.text, (), (), True, 0.0, message=query.route.missing, english=english)
    if FORECAST.search(query.reading.text):  # 明年房价会跌吗: no report forecasts a market
        return Answer(query.text, (), tuple(hits), True, 0.0, message=FORECAST_MESSAGE_EN if english else FORECAST_MESSAGE,
                      english=english)
    top = hits[: settings.passages]
    candidates = [score_unit(u, h, retrieval, settings.strict, settings.change_carried) for h in top for u in units(h)]
    model = None if settings.strict or not settings.fitted else load_model()
    if model is not None:  # the fitted model's probability that the quote answers replaces the hand-set score
        candidates = [replace(c, score=model.probability(c.features)) for c in candidates]
    scored = sorted(candidates, key=lambda x: (-x.score, x.unit.rank, x.unit.start))
    fitting = [x for x in scored if x.fits]  # the best sentence that has what the question's kind needs
    scored = fitting + [x for x in scored if not x.fits]
    # A question with nothing to look for but a place or year (`吉县怎么样？`) is not answered with a random sentence.
    vague = not query.focus and query.reading.kind not in ("person", "date")
    accepted = (scored[0].fits and scored[0].score >= model.threshold if model is not None
                else scored and answers(scored[0], retrieval.dense_top, settings)) if scored else False
    # (a rate where a total is asked overrules nothing: the total, where another sentence gives it, answers)
    if accepted and model is not None and (words := _in_words_only(scored, model.threshold, other_figures=False)) is not None \
            and words.score > scored[0].score and scored[0].coverage < words.coverage:
        accepted = False  # 能耗降低百分之几: the targets sentence names it with no figure; 粮食总产量1955万吨 is another's
    stating = next((c for c in fitting if checked(c.unit.text) and c.features[_YEAR_AGREES] >= 0),
                   None) if checked else None  # (of the year asked: 2017年增长了6.5%吗 is not told by 2018's target)
    if stating is not None:  # 完成了45个老旧小区改造，对吗: the sentence stating that figure of what was asked answers it
        scored, accepted = [stating, *(c for c in scored if c is not stating)], True
    asked_item = item_asked(query.reading.text)
    # the item asked, where the chosen quote's passage numbers it
    item = None if asked_item is None or not scored else _nth_item(asked_item, scored[0].unit,
                                                                  hits[scored[0].unit.rank - 1])
    if scored and not accepted and model is not None and asked_item is not None \
            and scored[0].features[_ALL_NOUNS_THERE] == 1:
        # 十件实事，第二件讲的是什么: the list's name is all there is to match a quote by; a list that names all
        # the question names and numbers the item asked answers it (in its passage, or in the paragraphs its intro
        # announces: 要着力把握好五个方面。)
        listing = hits[scored[0].unit.rank - 1]
        accepted = item is not None or (part_of is not None and _announces_items(listing.chunk.text)
                                        and _item_further_on(asked_item, listing, hits, part_of) is not None)
    if scored and not accepted and asked_item is not None and part_of is not None:
        # 海拉尔2019年工作安排分六个方面，第4项是什么: little to match a quote by, and the report's sections are the list
        # (the first passage whose part numbers such sections: 重点任务 may rank the part on the government's own work first)
        opening = next((o for i in range(len(top)) if (o := _section_opening(query.reading.text, asked_item, hits, i,
                                                                             part_of))), [])
        if opening:
            return _cited(query, [replace(scored[0], unit=u) for u in opening], hits, label, scored[0].coverage,
                          _heading(opening[0], hits))
        # 六个攻坚战中的第五个: the list the question names by the word its items repeat
        shared = _shared_list_item(query.reading.text, asked_item, hits, part_of)
        if shared:
            return _cited(query, [replace(scored[0], unit=u) for u in shared], hits, label, scored[0].coverage,
                          _heading(shared[0], hits))
    asked = to_simplified(query.reading.text)  # (the question as the asking patterns read it)
    grounds_asked = bool(GROUNDS_ASKED.search(asked))
    if scored and not accepted and grounds_asked:
        # 凭什么有把握完成: the targets need not be quoted for the sentence that says what they can be met on
        grounds = _grounds([scored[0]], scored, hits, part_of)
        if grounds is not None:
            return _cited(query, [grounds], hits, label, grounds.coverage)
    if scored and not accepted and model is not None and query.reading.kind == "how" \
            and (solved := _solution_after(scored, hits, model.threshold, query.reading.normalized)) is not None:
        return _cited(query, [solved], hits, label, solved.coverage)  # the problem asked about, then what is done
    if not scored or vague or not accepted:
        best_cov = scored[0].coverage if scored else 0.0
        message = query.route.absent or _unwritten(query, hits)
        words = None if message or vague or model is None else _in_words_only(scored, model.threshold)
        if words is not None:  # 能耗下降百分之几: the report sets it in words only; those words, cited
            return Answer(query.text, (), tuple(hits), True, best_cov, {words.unit.rank: [_span(words)]},
                          message=_words_message(words, english), english=english)
        return Answer(query.text, (), tuple(hits), True, best_cov, message=message, english=english)
    chosen, heading = [scored[0]], ""
    if asked_item is not None and item is None:  # the chosen quote's passage numbers no such item: the list named
        other = _listing_hit(query.focus, top, scored[0].unit.rank - 1)
        item = None if other is None else _nth_item(asked_item, units(other)[0], other)
    if asked_item is not None and asked_item[1] and item is not None and part_of is not None:
        # the last item: the list may run on past the passage that numbered it so far
        item = _item_further_on(asked_item, hits[item.rank - 1], hits, part_of) or item
    if asked_item is not None and item is None and part_of is not None:  # （1）…（4） here, （8） in the passage after
        listing = _listing_hit(query.focus, top, -1)
        item = None if listing is None else _item_further_on(asked_item, listing, hits, part_of)
    if asked_item is not None and item is None and part_of is not None:  # 把握好五个方面。 then 一是… in paragraphs
        item = _item_further_on(asked_item, hits[scored[0].unit.rank - 1], hits, part_of)
    if asked_item is not None and item is None and part_of is not None:  # 六个攻坚战中的第五个: the words its items repeat
        shared = _shared_list_item(query.reading.text, asked_item, hits, part_of)
        if shared:
            chosen, item = [replace(scored[0], unit=u) for u in shared], shared[0]
            heading = _heading(shared[0], hits)
    if asked_item is not None and item is None and part_of is not None:  # 六个方面的第四项: the part's fourth section
        opening = _section_opening(query.reading.text, asked_item, hits, scored[0].unit.rank - 1, part_of)
        if opening:
            chosen, item = [replace(scored[0], unit=u) for u in opening], opening[0]
            heading = _heading(opening[0], hits)
    if item is not None:  # 十件民生实事中的第四件是什么: the list was found; its fourth item is the answer
        chosen = [replace(scored[0], unit=u) for u in _item_told(item, hits[item.rank - 1])]
    listed = None if item is not None else _named_list(query.reading.text, [scored[0].unit.rank, *range(1, len(top) + 1)],
                                                       hits)
    if listed is not None:  # 六保是哪六保: the six items named, not a sentence about the six
        chosen, item = [replace(scored[0], unit=listed)], listed
    if asked_item is not None and item is None and not _lists_in_words(scored[0].unit, hits[scored[0].unit.rank - 1]):
        # no passage found numbers the list, nor does the chosen sentence list items with 、: its n-th item is not written
        return Answer(query.text, (), tuple(hits), True, scored[0].coverage, message=_no_item(asked_item, english),
                      english=english)
    seen = {t for t, _, _ in query.focus if covered(t, for_search(scored[0].unit.text))}
    unsaid = ""  # what the answer could not find of what was asked (the reasons of a target), said in its note
    reading = query.reading
    header_both = reading.wants_person and (reading.wants_date or "会议" in reading.normalized)
    several = reading.kind in ("how", "list")  # measures and lists read better with two sentences
    best_figures = _figures(scored[0].unit.text)
    # measures and lists: every sentence the model accepts, up to a few more (a list's measures are several sentences)
    most = settings.max_sentences + (2 if several and model is not None else 0)
    within = model.second_within if model is not None else settings.second_within
    headed = list(chosen)  # the quotes whose headline's sentences may follow (not a further measure's)
    for c in scored[1:]:
        if len(chosen) >= most or item is not None:
            break
        same_header = header_both and hits[c.unit.rank - 1].chunk.part == HEADER_PART and c.unit.rank == chosen[0].unit.rank
        close = c.score >= scored[0].score - within
        # a further measure the model accepts, when it names a noun of the question's topic (措施 and 办法 only ask)
        further = several and not close and not same_header and model is not None and c.score >= model.threshold \
            and any(covered(t, for_search(c.unit.text)) for t, _, noun in query.focus if noun and not HOW.fullmatch(t))
        if not (close or same_header or further):
            continue
        if not (c.fits or same_header) or _overlaps(c.unit, chosen) or any(c.unit.text == o.unit.text for o in chosen):
            continue  # the same words in an overlapping passage are quoted once
        adds = {t for t, _, _ in query.focus if covered(t, for_search(c.unit.text))} - seen
        # The same figure stated again (`预期目标为5%左右，考虑了…` restates the list's `增长5%左右`): both are quoted,
        # the reader sees where the report sets it and where it explains it.
        restates = model is not None and c.score >= model.threshold and reading.kind == "figure" \
            and bool(_figures(c.unit.text) & best_figures)
        if adds or same_header or restates or (several and close) or further:
            chosen.append(c)
            seen |= adds
            if not further:
                headed.append(c)
    grounds = _grounds(chosen, scored, hits, part_of) if grounds_asked else None
    if grounds:  # 凭啥有信心完成: the sentence that says it can be done, and the conditions it goes on to name
        chosen = [c for c in chosen if not _overlaps(c.unit, [grounds]) and _TARGET_WORDS.search(_with_intro(c.unit, hits))
                  ][:1] + [grounds]
        headed = []
    elif grounds_asked and _quotes_targets(chosen, hits):
        unsaid = NO_GROUNDS_EN if english else NO_GROUNDS  # the targets, and no word of what they can be met on
    elif BASIS_ASKED.search(asked) \
            and (reading.wants_plan or _quotes_targets(chosen, hits)) \
            and not any(_BASIS.search(t := to_simplified(c.unit.text)) and _OF_TARGET.search(t) for c in chosen):
        # 这个目标是根据什么定的: the sentence that says what the target weighed (综合考虑了…, 兼顾了…, 既衔接…又符合…)
        report = hits[chosen[0].unit.rank - 1].report.id
        basis = next((c for c in scored if _BASIS.search(to_simplified(c.unit.text)) and c.fits
                      and _OF_TARGET.search(to_simplified(c.unit.text))
                      and hits[c.unit.rank - 1].report.id == report and not _overlaps(c.unit, chosen)), None)
        if basis is None and part_of is not None:  # (the reasons open the paragraph after the targets: 确定这样的目标，…)
            basis = _basis_after(chosen[0], hits, part_of)
        if basis is not None:  # the target asked, then the whole sentence of its reasons (确定这样的目标，…既立足…；符合…)
            chosen, headed = [chosen[0], _whole_sentence(basis, hits)], headed[:1] if headed[:1] == chosen[:1] else []
        elif _quotes_targets(chosen, hits):  # the targets, and no word of why
            unsaid = NO_BASIS_EN if english else NO_BASIS
    if not grounds_asked and not unsaid and _REASON_ASKED.search(asked) \
            and not _quotes_targets(chosen, hits) \
            and (reason := _reason_said(chosen, scored, hits, query.focus)) is not None:
        # 为啥要搞助企行动 (not a target's why): the sentence that gives a reason (一个地方经济发展，归根结底要靠企业唱主角。),
        # first
        chosen = [reason, *(c for c in chosen if not _overlaps(c.unit, [reason]))][:most]
    if several:  # a paragraph's headline (提升重点景区。) names the measures; the sentences after it are them
        for c in headed:  # (not after a further measure: the answer stays short)
            chosen += [replace(c, unit=u) for u in _after_headline(c.unit, hits[c.unit.rank - 1])
                       if not _overlaps(u, chosen)]
        if reading.kind == "how" and not grounds:
            # one measure quoted from a paragraph whose headline names the topic (加强文化遗产保护传承。): the
            # paragraph's measures are the answer, those its headline opens first
            best, hit = chosen[0], hits[chosen[0].unit.rank - 1]
            head = _headline(hit)
            if head is not None and best.unit.start > head.start and _names_topic(head.text, query.focus):
                chosen[1:1] = [replace(best, unit=u) for u in _after_headline(head, hit) if not _overlaps(u, chosen)]
    if item is None and (several or _WHICH_ITEMS.search(asked)):
        # 十件民生实事是哪些: a quote that stops after 一是… goes on to the items the list numbers after it
        whole = [replace(c, unit=_whole_list(c.unit, hits[c.unit.rank - 1], query.focus)) for c in chosen]
        extended = any(c.unit != o.unit for c, o in zip(whole, chosen, strict=True))
        if part_of is not None:  # a list that runs past its passage goes on in the next passages of its paragraph
            whole = [x for c, o in zip(whole, chosen, strict=True)
                     for x in [c, *(replace(c, unit=u) for u in _runs_on(c.unit, o.unit, hits, part_of))]]
        chosen = whole
        if part_of is not None:  # 要把握好五个方面。 then a paragraph for each: 一是坚定发展信心。…
            intro, heads = next(((c, h) for c in chosen if _names_topic(c.unit.text, query.focus)
                                 and (h := _item_heads(c.unit, hits, part_of)
                                      or _items_on(c.unit, hits, part_of, query.focus))), (None, []))
            if not heads and not extended and model is not None:
                # the quotes chosen hold no list (…“十件民生实事”是政府的庄严承诺): the intro the model also accepts whose
                # items follow it (扎实办好“十件民生实事”。（1）…（2）…) is the answer's list
                intro, heads = next(((c, h) for c in scored[1:] if c.fits and c.score >= model.threshold
                                     and not any(c.unit == o.unit for o in chosen)
                                     and _names_topic(c.unit.text, query.focus)
                                     and (h := _items_on(c.unit, hits, part_of, query.focus))), (None, []))
                chosen += [intro] if intro is not None else []
            if heads:  # the list: its intro's passage, then its items (no other passage's sentence between them)
                chosen = [c for c in chosen if c.unit.rank == intro.unit.rank] + [replace(intro, unit=u) for u in heads]
        chosen = [c for c in chosen if not any(o is not c and o.unit.rank == c.unit.rank and o.unit.start <= c.unit.start
                                               and c.unit.end <= o.unit.end and o.unit != c.unit for o in chosen)]
        # (an item quoted twice, from two passages that overlap or as a unit and as a list's item: once)
        chosen = [c for i, c in enumerate(chosen) if not any(_said_in(c.unit.text, o.unit.text) for o in chosen[:i])]
    members = _MEMBERS_ASKED.search(asked) if item is None else None
    name = members and (members.group("list") or members.group("quoted"))
    if name and not _enumerates([c.unit.text for c in chosen], name) \
            and not (part_of is not None and opens_sections(hits[chosen[0].unit.rank - 1].chunk, chosen[0].unit.end,
                                                            part_of)):
        # 七大都市分别是哪七个: a sentence that only names the seven is no answer
        return Answer(query.text, (), tuple(hits), True, scored[0].coverage, english=english,
                      message=f"报告提到了“{name}”，但找到的段落没有逐项列出它们。")
    if not heading and several:
        heading = _heading_naming(chosen, hits, query.focus)
    return _cited(query, chosen, hits, label, scored[0].coverage, heading, unsaid)


def _solution_after(scored: list[Scored], hits: list[Hit], threshold: float, question: str) -> Scored | None:
    """How a problem the question states is solved (说“好护工”不好找，打算怎么解决): the report states the problem, then
    what it will do about it; the sentence after the one that says the problem again, where it names a measure."""
    problem = next((c for c in scored if c.score >= threshold and restates_problem(question, to_simplified(c.unit.text))),
                   None)
    if problem is None:
        return None
    after = [u for u in units(hits[problem.unit.rank - 1]) if u.start >= problem.unit.end]
    return next((replace(problem, unit=u) for u in after[:1] if MEASURE_WORDS.search(to_simplified(u.text))), None)


def _quotes_targets(chosen: list[Scored], hits: list[Hit]) -> bool:
    """Does a chosen quote, read with its list's intro, state targets (目标, 预期)?"""
    return any(_TARGET_WORDS.search(_with_intro(c.unit, hits)) for c in chosen)


# A reason asked, of a measure or a result (为啥要搞, 主要靠什么, 凭什么): not a figure, a sentence that says why.
_REASON_ASKED = re.compile(rf"{BASIS_ASKED.pattern}|(?:主要|都)?靠(?:的是)?(?:什么|啥)|凭(?:什么|啥)", re.I)
# How a reason is said: 归根结底, 根本在于, 之所以…, 离不开, 得益于, …至关重要, 是…的重大举措 (a fact of the language).
_REASON_SAID = re.compile(r"归根结底|根本在于|关键在于|根本原因|之所以|得益于|离不开|至关重要|"
                          r"(?:这|此|都)是[^，,。；;]{0,24}的(?:重大|重要|关键|有力|必然|现实)(?:举措|之举|抓手|要求|保障|支撑|"
                          r"基础|前提|途径|引擎|选择|需要)")


def _reason_said(chosen: list[Scored], scored: list[Scored], hits: list[Hit],
                 focus: tuple[tuple[str, float, bool], ...]) -> Scored | None:
    """The best sentence that says a reason, of the passages searched (the top few), in a passage quoted or one naming
    a noun of the question (the why of a measure: 哈尔滨为什么要抓“三大工程”: 这是扩内需、控风险、惠民生的重大举措。);
    None where no such passage says one."""
    quoted = {c.unit.rank for c in chosen}
    nouns = [t for t, _, noun in focus if noun]
    return next((c for c in scored if c.fits and _REASON_SAID.search(to_simplified(c.unit.text))
                 and not any(c.unit == o.unit for o in chosen)
                 and (c.unit.rank in quoted or any(covered(t, for_search(hits[c.unit.rank - 1].chunk.text)) for t in nouns))),
                None)


def _heading_naming(chosen: list[Scored], hits: list[Hit], focus) -> str:
    """The heading of the first quote's section where its passage does not hold it (a heading on a line of its own)
    and it says more of what was asked than the quotes do: a heading names what its section is about, often the very
    list asked (海拉尔2017年要打造哪三个名城: （一）全力打造国际化的草原音乐名城、冰雪运动名城、文化旅游名城)."""
    first = min(chosen, key=lambda c: (c.unit.rank, c.unit.start))
    chunk = hits[first.unit.rank - 1].chunk
    section = (chunk.section or "").strip()
    if not section or section == chunk.part or _heading(first.unit, hits) != section \
            or for_search(section) in for_search(chunk.text):
        return ""
    said, quoted = for_search(section), for_search("".join(c.unit.text for c in chosen))
    return section if sum(w for t, w, _ in focus if covered(t, said)) > sum(w for t, w, _ in focus if covered(t, quoted)) \
        else ""


def _cited(query, chosen: list[Scored], hits: list[Hit], label: str, coverage: float, heading: str = "",
           unsaid: str = "") -> Answer:
    """The answer quoting the chosen stretches, in report order, each cited to its passage (`coverage`: the best
    quote's, as the answer records it; `heading`: the section the first quote opens, shown before it)."""
    chosen = sorted(chosen, key=lambda c: (c.unit.rank, c.unit.start))  # read in report order
    parts, spans = [], {}
    for c in chosen:
        text = hits[c.unit.rank - 1].chunk.text
        s, e, quote, cut = _quote(c.unit, text)
        lead = _lead(c.unit, text, s) if c.unit.end - c.unit.start < len(text) else ""
        parts.append(AnswerPart(quote, c.unit.rank, lead, cut, label, "" if parts else heading))
        spans.setdefault(c.unit.rank, []).append((s, e))
    return Answer(query.text, tuple(parts), tuple(hits), False, coverage, spans,
                  note=with_unsaid(query.route.note, unsaid, query.reading.english), english=query.reading.english)


def with_unsaid(note: str, unsaid: str, english: bool) -> str:
    """An answer's note with what it could not find of what was asked (the reasons of a target) said after it."""
    if not unsaid:
        return note
    return "；".join(n.rstrip("。.") for n in (note, unsaid) if n) + ("." if english else "。")


# The report's sections asked as the list: counted as its parts (分六个方面, 十项重点工作) or the ordinal said of its work
# (重点工作的第二项, 第三个方面); 第一要务, 十件民生实事 name other things.
_SECTIONS_COUNTED = re.compile(r"(?<!第)(?P<count>[两二三四五六七八九十]{1,2}|\d{1,2}|几|好几)(?:个|大|项)?(?:方面|大块|板块|部分)|"
                               r"(?<!第)(?P<count2>[两二三四五六七八九十]{1,2}|\d{1,2}|几)项(?:重点)?(?:工作|任务)")
_SECTION_ORDINAL = re.compile(r"(?:工作|任务|方面)[^，,。？?]{0,3}(?:第|最后|最末|末一|头一)|"
                              r"第[^，,。？?]{1,3}(?:个方面|方面|项工作|项任务|项重点|大块|块|部分)")


# A list asked by its count and its name (`“六保”是哪六保`, `三个国际化名城是哪些`): reports name a list by its count and
# what its items share (六保: 保居民就业、保基本民生…; 三个名城: 草原音乐名城、冰雪运动名城、文化旅游名城).
_LIST_ASKED = re.compile(r"(?:是|指)?哪(?P<n>[两二三四五六七八九十])(?P<name>(?![个项件类种条位大])[\u4e00-\u9fff])"
                         r"(?![\u4e00-\u9fff]{2})|"
                         r"(?P<n2>[两二三四五六七八九十])(?:个|项|大|件|类|种|条)?(?P<name2>[\u4e00-\u9fff]{2,8}?)(?:分别)?(?:是|指)"
                         r"(?:哪些|哪几[个项件类种条]?|什么)")


def _named_list(question: str, ranks: list[int], hits: list[Hit]) -> Unit | None:
    """The quote that enumerates the list a question asks by its count and name: exactly that many items joined
    by 、, each sharing the name's last character (保) or last two (名城); None when no passage has one."""
    asked = _LIST_ASKED.search(to_simplified(question))
    if not asked:
        return None
    n = count_of(asked.group("n") or asked.group("n2"))
    name = asked.group("name") or asked.group("name2")
    shared = name if len(name) == 1 else name[-2:]
    for rank in dict.fromkeys(ranks):
        hit = hits[rank - 1]
        for u in sorted(units(hit), key=lambda u: len(u.text)):
            for clause in re.split(r"[，,；;。：:]", to_simplified(u.text)):
                items = [i for i in clause.split("、") if i]
                if len(items) == n and all(shared in i for i in items):
                    return u
    return None


def item_marker(n: int) -> re.Pattern:
    """Where item `n` of a numbered list opens: at a passage's start, or after a sentence or clause mark or the list's colon."""
    import cn2an

    cn = cn2an.an2cn(n)
    circled = f"|{chr(0x2460 + n - 1)}" if n <= 20 else ""
    return re.compile(rf"(?:^|[。；;：:！？])\s*(?:{cn}是|[（(](?:{cn}|{n})[）)]|第{cn}(?=[，,、：:是])|{n}[、.．](?!\d){circled})")


_ITEM_END = re.compile(r"[。；;！？]")  # where a list's item ends
_SENTENCE_END = re.compile(r"[。！？]")


def _basis_after(chosen: Scored, hits: list[Hit], part_of: Callable[[Chunk], list[Chunk]]) -> Scored | None:
    """The sentence after the quote in its passage, or of the next two passages, that says what the targets quoted
    weighed (确定这样的目标，…既立足…也考虑了…),
    its passage added to `hits` to be cited; None when they say none."""
    listing = hits[chosen.unit.rank - 1]
    found = reasons_after(listing.chunk, chosen.unit.end, part_after(listing.chunk, part_of))
    if found is None:
        return None
    chunk, m = found
    rank = chosen.unit.rank if chunk is listing.chunk else _cited_rank(chunk, listing.report, hits)
    return replace(chosen, unit=Unit(rank, m.start(), m.end(), m.group(0), m.start()))


def _grounds(chosen: list[Scored], scored: list[Scored], hits: list[Hit],
             part_of: Callable[[Chunk], list[Chunk]] | None, chars: int = 220) -> Scored | None:
    """The sentence of the answer's report that says the year's targets can be met and on what (有信心完成…目标任务,
    …有较好的支撑和许多有利条件), with the sentences after it in its passage that name those conditions, up to about
    `chars` characters; found among the quotes scored, else in the three passages after the first quote's; None when
    neither holds one."""
    report = hits[chosen[0].unit.rank - 1].report.id

    def said(text: str) -> bool:
        simple = to_simplified(text)
        return bool(_GROUNDS.search(simple) and (_OF_TARGET.search(simple) or _CONFIDENT.search(simple)))

    found = next((c for c in scored if hits[c.unit.rank - 1].report.id == report and said(c.unit.text)), None)
    if found is None and part_of is not None:
        first = hits[chosen[0].unit.rank - 1]
        for chunk in part_after(first.chunk, part_of)[:3]:
            unit = next((u for u in units(Hit(0, 0.0, chunk, first.report)) if said(u.text)), None)
            if unit is not None:
                found = replace(chosen[0], unit=replace(unit, rank=_cited_rank(chunk, first.report, hits)))
                break
    if found is None:
        return None
    whole = _whole_sentence(found, hits).unit
    text = hits[whole.rank - 1].chunk.text
    start, end = whole.start, whole.end
    while end < len(text) and (stop := _SENTENCE_END.search(text, end)) and stop.end() - whole.start <= chars + len(whole.text):
        end = stop.end()
    if end == whole.end and not text[end:].strip() and start > 0:
        # the paragraph ends on it (…我们完全有条件、有能力、有信心，把各方面积极因素转化为发展实绩。): the conditions
        # were said in the sentence before
        start = max(text.rfind(mark, 0, start - 1) for mark in "。！？") + 1
        start += len(text[start:]) - len(text[start:].lstrip())
    return replace(found, unit=Unit(whole.rank, start, end, text[start:end], start))


def reasons_after(chunk: Chunk, start: int, following: list[Chunk]) -> tuple[Chunk, re.Match] | None:
    """The sentence that says what targets weighed, in the rest of `chunk` from `start` (the targets' own passage first),
    else in the first of the next two passages that has one; None when none does."""
    for passage, at in [(chunk, start), *((c, 0) for c in following[:2])]:
        if m := _reasons_in(passage.text, at):
            return passage, m
    return None


def _reasons_in(text: str, start: int = 0) -> re.Match | None:
    """The first sentence of `text` from `start` that says what targets weighed (确定这样的目标，…既立足…)."""
    return next((m for m in _SENTENCE_SPAN.finditer(text, start)
                 if _BASIS.search(said := to_simplified(m.group(0))) and _OF_TARGET.search(said)), None)


def _with_intro(unit: Unit, hits: list[Hit]) -> str:
    """The quote with the words its sentence opens with (主要预期目标是：…), across the ； of a list."""
    return hits[unit.rank - 1].chunk.text[unit.sentence_start: unit.end]


_SENTENCE_SPAN = re.compile(r"[^。！？]+[。！？]?")


def _whole_sentence(scored: Scored, hits: list[Hit]) -> Scored:
    """The quote widened to the sentence it is a clause of."""
    unit, text = scored.unit, hits[scored.unit.rank - 1].chunk.text
    start = max(text.rfind(mark, 0, unit.start) for mark in "。！？") + 1
    stop = min((i for i in (text.find(mark, unit.end - 1) for mark in "。！？") if i >= 0), default=len(text) - 1) + 1
    start += len(text[start:stop]) - len(text[start:stop].lstrip())
    return replace(scored, unit=Unit(unit.rank, start, stop, text[start:stop], start))


def _cited_rank(chunk: Chunk, report: ReportInfo, hits: list[Hit], after: int = 0) -> int:
    """The rank of the hit holding `chunk`, the passage added to `hits` (to be cited) where none does (a hit that
    joined it to its neighbours is another passage: its text, and so its offsets, are not the chunk's). `after`: only
    a hit ranked at or after it is taken (a list's items are quoted in rank order: 二是 cited [3] after 一是's [6]
    would be read before it)."""
    rank = next((h.rank for h in hits if h.chunk == chunk and h.rank >= after), None)
    if rank is None:
        hits.append(Hit(len(hits) + 1, 0.0, chunk, report))
        rank = len(hits)
    return rank


def part_after(chunk: Chunk, part_of: Callable[[Chunk], list[Chunk]]) -> list[Chunk]:
    """The passages of `chunk`'s part after it, in reading order ([] when the part does not hold it)."""
    part = part_of(chunk)
    at = next((i for i, c in enumerate(part) if c.chunk_id == chunk.chunk_id), None)
    return [] if at is None else part[at + 1:]


def opens_sections(chunk: Chunk, end: int, part_of: Callable[[Chunk], list[Chunk]]) -> bool:
    """Is the sentence ending at `end` the last of the opening words of a part whose sections follow (今年，要聚力抓好八个
    方面工作。 then （一）…): the intro that announces the sections as its list?"""
    if chunk.section or chunk.text[end:].strip(" \n。：:"):
        return False
    after = part_after(chunk, part_of)
    return bool(after) and bool(after[0].section) and after[0].seq != chunk.seq


def _names_topic(text: str, focus) -> bool:
    """Does the text name a noun of the question (the list asked, in its intro: 十件民生实事:一是…)? True when the
    question names none (哪五个方面: the intro is what the model chose)."""
    nouns = [t for t, _, noun in focus if noun]
    return not nouns or any(covered(t, for_search(text)) for t in nouns)


# A clause that goes on to name the items the clause before counts (…12件民生实事，分别是…、…): they are the list.
_NAMED_NEXT = re.compile(r"\s*[，,]?\s*(?:分别是|分别为|分别包括|依次是|包括|即)(?=[^，,。；;]*、)")


def _whole_list(unit: Unit, hit: Hit, focus, chars: int = 600) -> Unit:
    """`unit` run on through the items its passage numbers after it, when it holds a list's first item (一是…, （1）…)
    after an intro that names what the question asks about, and the second item follows it: the whole list, up to
    about `chars` characters; else `unit` as it is (实施了哪些市政工程 is not asked by the ten 民生实事 because the
    first of them is a 市政 work)."""
    text = to_simplified(hit.chunk.text)
    named = _NAMED_NEXT.match(text, unit.end)
    if named and _names_topic(unit.text, focus):  # 形成12件民生实事，分别是“春雨计划”在杭州、…: the clause naming them
        stop = _SENTENCE_END.search(text, named.end())
        end = stop.end() if stop else len(text)
        if end - unit.start <= chars:
            return Unit(unit.rank, unit.start, end, hit.chunk.text[unit.start:end], unit.sentence_start)
    if text[unit.end - 1:unit.end] in "：:" and unit.end < len(text) and _names_topic(unit.text, focus):
        # 2025年10件民生实事：…、…、…。: a quote that stops at its colon stops before what the colon introduces, the items
        stop = _SENTENCE_END.search(text, unit.end)
        end = stop.end() if stop else len(text)
        if end - unit.start > chars:  # (the items that fit)
            end = max(unit.end, max(text.rfind(c, unit.end, unit.start + chars) for c in "、；;，,") + 1)
        return Unit(unit.rank, unit.start, end, hit.chunk.text[unit.start:end], unit.sentence_start)
    colon = text.rfind("：", unit.sentence_start, unit.end)
    if colon > 0 and text[unit.end - 1:unit.end] in "；;" and _names_topic(text[unit.sentence_start:colon], focus):
        # 15件重点民生实事，包括：…；…；…。: a colon opens a list whose items stand between semicolons, up to the
        # sentence's end (or the last item that fits)
        stop = _SENTENCE_END.search(text, unit.end)
        end = stop.end() if stop else len(text)
        if end - unit.start > chars:
            end = max(unit.end, text.rfind("；", unit.end, unit.start + chars) + 1)
        return Unit(unit.rank, unit.start, end, hit.chunk.text[unit.start:end], unit.sentence_start)
    first = item_marker(1).search(text, max(0, unit.start - 1), unit.end)
    if not first or not item_marker(2).match(text, unit.end - 1) \
            or not _names_topic(text[unit.sentence_start:first.start() + 1], focus):
        return unit
    end, n = unit.end, 2
    while end - unit.start < chars and (m := item_marker(n).match(text, end - 1)):
        stop = _ITEM_END.search(text, m.end())
        end, n = (stop.end() if stop else len(text)), n + 1
    return Unit(unit.rank, unit.start, end, hit.chunk.text[unit.start:end], unit.sentence_start)


def _runs_on(listed: Unit, unit: Unit, hits: list[Hit], part_of: Callable[[Chunk], list[Chunk]],
             chars: int = 600) -> list[Unit]:
    """The rest of a list that `_whole_list` ran on to its passage's end with its sentence still open (15件重点民生实事，
    包括：…；…；[the passage ends]…；…。): the next passages of the same paragraph up to the sentence's end, or as much of
    it as fits in about `chars` characters in all, each passage added to `hits` to be cited; [] for any other quote."""
    hit = hits[listed.rank - 1]
    text = hit.chunk.text
    if listed == unit or listed.end < len(text.rstrip()) or _SENTENCE_END.search(text[-1:]):
        return []
    more, room = [], chars - (listed.end - listed.start)
    for chunk in part_after(hit.chunk, part_of)[:3]:
        if chunk.seq != hit.chunk.seq or room <= 0:
            break
        stop = _SENTENCE_END.search(chunk.text)
        end = stop.end() if stop else len(chunk.text)
        if end > room:  # (the items that fit)
            end = max(chunk.text.rfind(c, 0, room) for c in "；;、") + 1
            if end <= 0:
                break
        more.append(Unit(_cited_rank(chunk, hit.report, hits, more[-1].rank if more else listed.rank), 0, end,
                         chunk.text[:end], 0))
        room -= end
        if stop is not None and stop.end() == end:
            break
    return more


def _item_heads(unit: Unit, hits: list[Hit], part_of: Callable[[Chunk], list[Chunk]], most: int = 12) -> list[Unit]:
    """The opening sentences of the paragraphs that follow a paragraph ending with `unit`, each opening with the next
    item of a list (一是…, （二）…, 3.…), numbered alike, the paragraphs an item goes on over passed by: the items a
    list's intro (要着力把握好五个方面。) announces, their passages added to `hits` to be cited; [] when the next paragraph
    opens no first item."""
    hit = hits[unit.rank - 1]
    if hit.chunk.text[unit.end:].strip():
        return []  # the paragraph goes on after the quote: not the intro of the paragraphs after it
    out, n, style = [], 1, ""
    for chunk in part_after(hit.chunk, part_of):
        if chunk.seq == hit.chunk.seq or chunk.start > 0:
            continue  # the same paragraph, or a passage that does not open its paragraph
        text = to_simplified(chunk.text)
        m = item_marker(n).match(text) if n <= most else None
        if m is not None and out and _marker_style(m.group(0)) != style:
            m = None  # (a sub-list's 二是 inside item 一 is no item of this list)
        if m is None and out and n <= most:
            continue  # item n-1 goes on over more paragraphs (（一）… then paragraphs of its own, then （二）…)
        if m is None:
            break
        style = _marker_style(m.group(0))
        stop = _SENTENCE_END.search(text)
        end = stop.end() if stop else len(text)
        out.append(Unit(_cited_rank(chunk, hit.report, hits, out[-1].rank if out else unit.rank), 0, end,
                        chunk.text[:end], 0))
        n += 1
    return out


def _marker_style(marker: str) -> str:
    """How a list numbers its items: （一）, 一是, 第一, 1、 (the numbers aside)."""
    return re.sub(r"[一二三四五六七八九十百\d]+", "n", marker.strip("。；;：:！？ \u3000"))


def _said_in(text: str, other: str) -> bool:
    """Is `text` said whole in `other` (an item again, punctuation aside)?"""
    bare = re.sub(r"\W", "", text)
    return len(bare) >= 4 and bare in re.sub(r"\W", "", other)


def _items_on(unit: Unit, hits: list[Hit], part_of: Callable[[Chunk], list[Chunk]], focus, most: int = 12) -> list[Unit]:
    """The opening sentence of each item numbered after the first item `unit` holds (一是夯实“稳”的基础。), or of each
    item after the intro `unit` is, further on in its paragraph, where each item goes on with sentences of its own
    (二是把握“高”的要求。…): the list's items, their passages added to `hits` to be cited; [] when the unit neither holds
    a first item nor ends just before one, or the list's intro names none of the question's nouns (`focus`)."""
    hit = hits[unit.rank - 1]
    text = to_simplified(hit.chunk.text)
    held = item_marker(1).search(text, max(0, unit.start - 1), unit.end)
    if not held and not item_marker(1).match(text, unit.end - 1):  # (办好10件实事。 then 一是…: the intro, before it)
        return []
    if not _names_topic(text[unit.sentence_start:held.start() + 1] if held else unit.text, focus):
        return []  # the intro names something else (十件民生实事 when 市政工程 is asked): one item matched, not the list
    out, n = [], 2 if held else 1
    for chunk in [hit.chunk, *(c for c in part_after(hit.chunk, part_of) if c.seq == hit.chunk.seq)]:
        text, pos = to_simplified(chunk.text), unit.end if chunk is hit.chunk else 0
        while n <= most and (m := item_marker(n).search(text, max(0, pos - 1))):  # (from the mark before it)
            start = m.start() + len(m.group(0)) - len(m.group(0).lstrip("。；;：:！？ \u3000"))
            stop = _SENTENCE_END.search(text, m.end())
            pos = stop.end() if stop else len(text)
            rank = unit.rank if chunk is hit.chunk else \
                _cited_rank(chunk, hit.report, hits, out[-1].rank if out else unit.rank)
            out.append(Unit(rank, start, pos, chunk.text[start:pos], start))
            n += 1
    return out


def last_item(texts: list[str]) -> int | None:
    """The highest number a numbered list in the (simplified) texts reaches (十五是 → 15), None when none is numbered."""
    return next((k for k in range(30, 1, -1) if any(item_marker(k).search(t) for t in texts)), None)


def _nth_item(asked: tuple[int | None, bool], unit: Unit, hit: Hit) -> Unit | None:
    """The n-th (or last) item of the list in a passage that numbers its items: the quote that opens with it,
    nearest `unit` (the chosen quote: the list's lead or another item)."""
    text = to_simplified(hit.chunk.text)
    n, last = asked
    if last:  # the last item is the highest number the passage's list reaches
        n = last_item([text])
        if n is None:
            return _semicolon_item(asked, unit, hit)
    marker = item_marker(n)
    found = [(m.start() > u.start, abs(u.start - unit.start), u.end - u.start, u) for u in units(hit)
             for m in [marker.search(text, max(0, u.start - 1), u.end)] if m
             and not (m.start() == 0 and text[:1] in "（(")]  # （三）… opening the passage: its section's heading
    return min(found, key=lambda f: f[:3])[3] if found else _semicolon_item(asked, unit, hit)


def _item_told(item: Unit, hit: Hit) -> list[Unit]:
    """An item and, where the item is only a title (二是加大改革开放力度。), the sentence after it that says what it
    means (思想要再解放，…), unless that sentence opens the next item."""
    if len(item.text.strip()) > ITEM_TITLE or not item.text.rstrip().endswith("。"):
        return [item]  # (an item of a list that semicolons divide is short, and the next is no explanation of it)
    after = next((u for u in units(hit) if u.start >= item.end and u.text.strip()), None)
    if after is None or _OPENS_ITEM.match(after.text) or to_simplified(hit.chunk.text)[item.end:after.start].strip():
        return [item]
    return [item, after]


def _semicolon_item(asked: tuple[int | None, bool], unit: Unit, hit: Hit) -> Unit | None:
    """The n-th (or last) item of a list a colon opens and semicolons divide, up to its sentence's end (办好15件民生实事，
    包括：…；建设100个口袋公园、10座体育公园；…。), or 、 divides where the words before the colon count its items
    (10件民生实事：A、B、…), in the sentence of `unit`; None where that sentence holds none."""
    text = hit.chunk.text
    stop = _SENTENCE_END.search(text, unit.end)
    end = stop.end() if stop else len(text)
    opens = _LIST_OPENS.search(text, unit.sentence_start, end)
    if opens is None:
        return None
    first = opens.end()  # where the first item starts
    mark = "；" if text.count("；", first, end) >= 2 else "、"
    if mark == "、" and not _counts_its_items(text[unit.sentence_start:opens.start()], text.count("、", first, end) + 1):
        return None  # (items joined by 、 only where the words before them count as many: 10件民生实事：A、B、…)
    bounds = [first] + [m.end() for m in re.finditer(mark, text[:end]) if m.start() >= first]
    items = [(a, b) for a, b in zip(bounds, bounds[1:] + [end], strict=True) if text[a:b].strip("；。 ")]
    n, last = asked
    if not items or (not last and (n is None or not 1 <= n <= len(items))) or (last and stop is None):
        return None  # (the last item is known only where the sentence ends in the passage)
    a, b = items[-1] if last else items[n - 1]
    return Unit(unit.rank, a, b, text[a:b], a)


def _counts_its_items(intro: str, n: int) -> bool:
    """Do the words before a list's colon count its `n` items (2025年10件民生实事)? (The year is no count.)"""
    counted = re.findall(r"(?<![\d.])(\d{1,2}|[一二两三四五六七八九十]{1,3})(?:件|项|个|类|条|大)", to_simplified(intro))
    return n >= 3 and any(count_of(c) == n for c in counted)


# What opens a list: a colon, or the words that go on to name the items (…形成12件民生实事，分别是A、B、…).
_LIST_OPENS = re.compile(r"：|分别是|分别为|分别包括|依次是|包括")


def _counted_colon(text: str) -> re.Match | None:
    """Where a list opens whose words before it count the items 、 divides after it (10件民生实事：A、B、…。)."""
    for m in _LIST_OPENS.finditer(text):
        start = max(text.rfind(mark, 0, m.start()) for mark in "。！？") + 1
        stop = _SENTENCE_END.search(text, m.end())
        if _counts_its_items(text[start:m.start()], text.count("、", m.end(), stop.end() if stop else len(text)) + 1):
            return m
    return None


def _item_further_on(asked: tuple[int | None, bool], listing: Hit, hits: list[Hit],
                     part_of: Callable[[Chunk], list[Chunk]]) -> Unit | None:
    """The n-th (or last) item of a numbered list that runs on past the passage it starts in, into the next
    passages of the same paragraph; that passage added to `hits` to be cited. None when none of them holds it."""
    after = part_after(listing.chunk, part_of)
    # (the list's items in the next passages of its paragraph; or, after a paragraph that ends announcing them
    # (要着力把握好五个方面。), in paragraphs of their own)
    # (in its section: sections （一）（二） after the intro are the part's own list, `_section_opening`'s)
    after = [c for c in after[:12] if c.section == listing.chunk.section] if _announces_items(listing.chunk.text) \
        else [c for c in after[:3] if c.seq == listing.chunk.seq]
    for chunk in reversed(after) if asked[1] else after:  # the last item: in the last passage that numbers one
        hit = next((h for h in hits if h.chunk == chunk), None) or Hit(len(hits) + 1, 0.0, chunk, listing.report)
        found = units(hit)
        item = _nth_item(asked, found[0], hit) if found else None
        if item is not None:
            _cited_rank(chunk, listing.report, hits)
            return item
    return None


# A sentence that announces a list of what is to be done (要着力把握好五个方面。, 重点抓好以下工作：), not one that counts
# what was done (新开工项目20个。, 下降0.3个百分点。, 呈现三大特点。).
_ANNOUNCES = re.compile(rf"(?:抓好|把握好?|做好|注重|突出|坚持|做到|聚焦|着力|重点)[^，,。]{{0,8}}"
                        rf"(?:{LIST_COUNTED.pattern})(?!百分点)[^，,。]{{0,4}}[。：:]$|以下[^，,。]{{0,6}}[：:]$")


def _announces_items(text: str) -> bool:
    """Does a passage end with the sentence that counts the items after it (…要着力把握好五个方面。, 重点抓好以下工作：)?"""
    last = [t for t in _SENTENCE_SPAN.findall(to_simplified(text).rstrip()) if t.strip()][-1:]
    return bool(last) and bool(_ANNOUNCES.search(last[0].strip()))


def _section_opening(question: str, asked: tuple[int | None, bool], hits: list[Hit], i: int,
                     part_of: Callable[[Chunk], list[Chunk]]) -> list[Unit]:
    """The opening sentences (about 120 characters) of the n-th section of the part of passage `i`, its passage
    added to `hits` to be cited; [] when the part has no such numbered section, or its sections are not the list
    asked: parts counted in the question (部署了十个方面) are as many as the sections; an ordinal not counted is said
    of the report's work (重点工作的第二项), not of another list (四张名片中的第二张, 十件民生实事的最后一件)."""
    q = to_simplified(question)
    counted = _SECTIONS_COUNTED.search(q)
    if counted is None and not _SECTION_ORDINAL.search(q):
        return []  # (read before the part: the question alone rules most out)
    count = count_of(counted.group("count") or counted.group("count2")) if counted else None
    part = part_of(hits[i].chunk)
    numbered = _numbered_sections(part)
    if count is not None and count != len(numbered):
        return []
    wanted = _nth_section(asked, numbered)
    if wanted is None:
        return []
    body = [c for c in part if c.section == wanted and to_simplified(c.text).strip() != to_simplified(wanted).strip()]
    if not body:
        return []
    rank = _cited_rank(body[0], hits[i].report, hits)
    out, size = [], 0
    for u in units(hits[rank - 1]):
        if size >= 120 or (out and u.start < out[-1].end):
            break
        out.append(u)
        size += len(u.text)
    return out


# A list named by the words its items repeat (六个攻坚战: 一是…打好投资消费稳定增长攻坚战。二是…攻坚战。; 八个“聚力打造”:
# （一）聚力打造…（八）聚力打造…; 几个“稳步”: 一是经济运行稳步恢复。…二是发展新动能稳步壮大): reports write a list's items in
# parallel, and a reader names the list by what they share — a fact of how lists are written, not of one report.
_LEAD_CLAUSE = re.compile(r"[^；;。：:！？]{0,60}")  # an item's headline: its first sentence, or the start of a long one
_SHARED_MIN = 2  # characters a shared word has at least (战略, 稳步); one character (的, 是) names nothing


def _item_runs(part: list[Chunk]) -> list[list[tuple[Chunk, int, str]]]:
    """The numbered lists of a part, each item as (passage, where it opens there, its headline): the part's numbered
    sections, its paragraphs opening 一是, 二是…, and the items 一是…二是… inside one paragraph."""
    runs = []
    numbered = _numbered_sections(part)
    if len(numbered) >= 2:
        firsts = [next((c for c in part if c.section == s and to_simplified(c.text).strip() != to_simplified(s).strip()),
                       None) for s in numbered]
        leads = [NUMBERED_PART.sub("", SECTION_HEADING.sub("", to_simplified(s).strip(), count=1), count=1)
                 for s in numbered]
        if all(firsts):
            runs.append([(c, 0, _LEAD_CLAUSE.match(lead).group(0)) for c, lead in zip(firsts, leads, strict=True)])
    paragraphs: dict[int, list[Chunk]] = {}
    for c in part:
        paragraphs.setdefault(c.seq, []).append(c)
    opening: list[tuple[Chunk, int, str]] = []  # paragraphs opening 一是, 二是… in a row
    for chunks in paragraphs.values():
        head = to_simplified(chunks[0].text)
        if opening and chunks[0].section != opening[0][0].section:  # (a list runs inside its section)
            runs.append(opening)
            opening = []
        m = item_marker(len(opening) + 1).match(head) if chunks[0].start == 0 else None
        if m is None and opening and (m := item_marker(1).match(head)) is not None:
            runs.append(opening)
            opening = []
        if m is not None:
            opening.append((chunks[0], m.end(), _LEAD_CLAUSE.match(head, m.end()).group(0)))
        inline = []  # 一是…，二是… inside the paragraph, across its passages
        for c in chunks:
            text, at = to_simplified(c.text), 0
            while (m := item_marker(len(inline) + 1).search(text, at)) is not None:
                inline.append((c, m.end(), _LEAD_CLAUSE.match(text, m.end()).group(0)))
                at = m.end()
        if len(inline) >= 2:
            runs.append(inline)
    if opening:
        runs.append(opening)
    return [run for run in runs if len(run) >= 2]


def _shared_words(leads: list[str]) -> set[str]:
    """The longest words every headline holds (攻坚战, 聚力打造, 稳步): no shorter one inside another."""
    first = min(leads, key=len)
    found = {first[i:j] for i in range(len(first)) for j in range(i + _SHARED_MIN, len(first) + 1)
             if re.fullmatch(r"[\u4e00-\u9fff]+", first[i:j]) and all(first[i:j] in lead for lead in leads)}
    return {w for w in found if not any(w != o and w in o for o in found)}


def _shared_list_item(question: str, asked: tuple[int | None, bool], hits: list[Hit],
                      part_of: Callable[[Chunk], list[Chunk]]) -> list[Unit]:
    """The opening words of the n-th (or last) item of a list the question names by what its items share
    (宁夏六个攻坚战中的第五个: 五是…奋力打好数字经济深度融合攻坚战), in a part of the reports found, its passage added to
    `hits` to be cited; [] when no list of theirs repeats a word the question says. A count the question gives
    (八个“聚力打造”) is the list's length; a shared word of two characters must be counted so (五大战略, 几个“稳步”)."""
    q = to_simplified(question)
    said = ordinal_asked(q)
    before = q[:said[0]] if said else q
    counted = LIST_COUNTED.search(before)
    count = count_of(counted.group("count")) if counted else None
    n, last = asked
    seen = set()
    for hit in hits[:8]:
        part = part_of(hit.chunk)
        key = (hit.report.id, hit.chunk.part)
        if key in seen or not part:
            continue
        seen.add(key)
        for run in _item_runs(part):
            if (count is not None and count != len(run)) or (not last and (n is None or n > len(run))):
                continue
            named = [w for w in _shared_words([lead for _, _, lead in run]) if w in before]
            if not any(len(w) > _SHARED_MIN or counted for w in named):
                continue
            chunk, at, _ = run[-1] if last else run[n - 1]
            rank = _cited_rank(chunk, hit.report, hits)
            out, size = [], 0
            for u in units(hits[rank - 1]):
                if u.end <= at or (out and u.start < out[-1].end):
                    continue
                if size >= 120 or (out and _OPENS_ITEM.match(to_simplified(u.text))):
                    break
                out.append(u)
                size += len(u.text)
            if out:
                return out
    return []


def _heading(opening: Unit, hits: list[Hit]) -> str:
    """The heading of the section a quote opens, unless the passage starts with it (（一）铸忠诚，…。坚持用…)."""
    section = hits[opening.rank - 1].chunk.section or ""
    text = to_simplified(hits[opening.rank - 1].chunk.text).lstrip()
    said = to_simplified(section).strip().rstrip("。；;，,：:")
    words = NUMBERED_PART.sub("", SECTION_HEADING.sub("", said, count=1), count=1).strip()
    return "" if text.startswith(said) or (words and text.startswith(words)) else section


def _numbered_sections(part: list[Chunk]) -> list[str]:
    """The headings of a part's numbered sections (`（一）…`, `一、…`), in order."""
    sections = dict.fromkeys(c.section for c in part if c.section)
    return [s for s in sections if SECTION_HEADING.match(s.lstrip()) or NUMBERED_PART.match(s.lstrip())]


def _nth_section(asked: tuple[int | None, bool], numbered: list[str]) -> str | None:
    """The n-th (or last) of a part's numbered section headings (`（四）…`, `四、…`), or None."""
    import cn2an

    n, last = asked
    if last:
        return numbered[-1] if len(numbered) >= 2 else None
    cn = cn2an.an2cn(n)
    return next((s for s in numbered if re.match(rf"\s*(?:[（(]{cn}[）)]|{cn}、)", s)), None)


def _listing_hit(focus, hits: list[Hit], skip: int) -> Hit | None:
    """Another passage whose numbered list is led by what the question names (`十件民生实事：一是…`), best first."""
    first = item_marker(1)
    for i, hit in enumerate(hits):
        m = first.search(to_simplified(hit.chunk.text)) or _counted_colon(hit.chunk.text)
        if i == skip or not m:
            continue
        lead = for_search(hit.chunk.text[max(0, m.start() - 30): m.start() + 1])
        if any(covered(t, lead) for t, _, noun in focus if noun):
            return hit
    return None


# A paragraph's headline: its opening sentence, short (`提升重点景区。`, `大幅降低企业非税负担。`).
HEADLINE_CHARS = 24


def _headline(hit: Hit) -> Unit | None:
    """The passage's opening sentence when it is a headline (short, a whole sentence), else None."""
    headline = next((u for u in units(hit) if u.start == 0), None)
    if headline is None or len(headline.text) > HEADLINE_CHARS or not headline.text.rstrip().endswith("。"):
        return None
    return headline


def _after_headline(unit: Unit, hit: Hit, chars: int = 120) -> list[Unit]:
    """The sentences after a paragraph's headline, or after the sentence that opens its body (全力办好亚冬盛会。把亚冬会
    作为…契机…。完成…场馆综合改造…), up to about `chars` characters; [] when `unit` is neither."""
    text = hit.chunk.text
    headline = _headline(hit)
    if headline is None:
        return []
    body = len(text) - len(text[headline.end:].lstrip())  # where the sentence after the headline starts
    if not (unit.start == 0 and unit.end == headline.end or unit.start == unit.sentence_start == body) \
            or len(text) <= unit.end + 10:
        return []
    out, size = [], 0
    for u in units(hit):
        if u.start < unit.end or u.sentence_start != u.start or size >= chars:
            continue  # whole sentences after the headline only (not a long sentence's clauses)
        if out and u.start < out[-1].end:
            continue
        out.append(u)
        size += len(u.text)
    return out


def _figures(text: str) -> set[str]:
    """The figures with units a text states (`5%`, `1200万人`), as written."""
    return {m.group(0).replace(" ", "") for m in _FIGURE.finditer(text)}


def _overlaps(unit: Unit, chosen: list[Scored]) -> bool:
    return any(c.unit.rank == unit.rank and c.unit.start < unit.end and unit.start < c.unit.end for c in chosen)


# --- several parts, and comparisons -------------------------------------------------------------

_FIGURE = re.compile(r"(\d+(?:\.\d+)?)\s*(万|亿)?\s*(人次|人|亿元|美元|元|吨|万吨|亿斤|斤|个|名|座|家|户|亩|公里|千瓦(?!时)|千瓦时|"
                     r"标准箱|标箱|辆|所|套|平方米|%|％)")


def combine(question: str, kind: str, parts: list[tuple[str, Answer]]) -> Answer:
    """One answer from the answers to each part: each part quoted with its own citation, sources merged.

    Args:
        kind: "parts" or "compare" (a comparison also sets the two figures side by side, marked as ours).
    """
    sources: list[Hit] = []
    number: dict[int, int] = {}  # chunk id -> its number in the merged list
    out_parts: list[AnswerPart] = []
    spans: dict[int, list[tuple[int, int]]] = {}
    missing = []
    for label, answer in parts:
        for h in answer.sources:
            if h.chunk.chunk_id not in number:
                number[h.chunk.chunk_id] = len(sources) + 1
                sources.append(Hit(len(sources) + 1, h.score, h.chunk, h.report))
        if answer.abstained:
            missing.append(label)
            continue
        for p in answer.parts:
            n = number[answer.sources[p.source - 1].chunk.chunk_id]
            same = next((i for i, o in enumerate(out_parts) if (o.text, o.source) == (p.text, n)), None)
            if same is not None:  # one sentence answers both parts (城乡…分别…): quoted once, under both labels
                joined = f"{out_parts[same].label}{', ' if answer.english else '、'}{label}"
                out_parts[same] = replace(out_parts[same], label=joined)
                continue
            out_parts.append(replace(p, source=n, label=label))
        for rank, ss in answer.best_sentences.items():
            spans.setdefault(number[answer.sources[rank - 1].chunk.chunk_id], []).extend(ss)
    english = parts[0][1].english
    if not out_parts:
        message = next((a.message for _, a in parts if a.message), "")
        return Answer(question, (), tuple(sources), True, 0.0, message=message, english=english)
    note = "；".join(dict.fromkeys(a.note.rstrip("。") for _, a in parts if a.note))
    if missing:
        note = "；".join(x for x in (note, f"报告中没有找到：{'、'.join(missing)}") if x)
    comparison = _compare(parts, question) if kind == "compare" and not missing else ""
    return Answer(question, tuple(out_parts), tuple(sources), False, min(a.coverage for _, a in parts), spans,
                  note=note, english=english, comparison=comparison)


# A change compared: its rate, or speed (哪个增长快, 谁涨得快: only a change is fast or slow, not a level).
_CHANGE_ASKED = re.compile(r"增速|增幅|涨幅|增长率|(?<!加)[快慢]")
# A gap asked as more or less of something (`多多少`, `少了多少`, `多出几`): of amounts, unless a rate is named.
_AMOUNT_GAP = re.compile(r"[多少](?:了|出)?(?:多少|几)")
# The unit a comparison asks its gap in (`多多少亿`, `少几万人`, `高多少个百分点`).
_ASKED_GAP_UNIT = re.compile(r"[多少高低差](?:多少|几)((?:万亿|亿|万)?(?:美元|元|吨|斤|人次|人|个|家|座|亩|公里|千瓦|标准箱|标箱|辆)?|"
                             r"个百分点)")
_CHANGE_BEFORE = re.compile(r"增长|增速|增幅|涨幅|提高|下降|回落|降低|减少|增加")


def _compare(parts: list[tuple[str, Answer]], question: str = "") -> str:
    """`（比较：1100人 < 1396人，由本工具按上面两处引文的数字比较）` when both sides state a figure in one unit."""
    from qa.index.keyword import jieba_tokenizer

    texts = [for_search(" ".join(p.text for p in a.parts)).replace("％", "%") for _, a in parts]
    question_words = for_search(question)
    if texts[0] == texts[1]:  # one quote for both sides: `城乡居民收入分别完成37820元、28104元`
        labels = [label for label, _ in parts]
        change = bool(_CHANGE_ASKED.search(question_words) or any(_CHANGE_ASKED.search(la) for la in labels))
        respective = _respective(texts[0], labels) or _each_own(texts[0], labels, change)
        return _verdict(*respective) if respective else ""
    words = [{w for w in jieba_tokenizer().lcut(t) if len(w) >= 2 and not w[0].isdigit()} for t in texts]
    shared = words[0] & words[1]
    sides = []
    for (label, _), text in zip(parts, texts, strict=True):
        # Each figure with a unit, and how closely it follows the words both sides share and the side's own
        # (新增城镇就业1396人, not 零工市场就业215人; 收入完成25852元, not its 增长11.1%).
        near = shared | {w for w in jieba_tokenizer().lcut(for_search(label)) if len(w) >= 2 and not w[0].isdigit()}
        found = [(m, sum(w in text[max(0, m.start() - 8): m.start()] for w in near)) for m in _FIGURE.finditer(text)]
        change = _CHANGE_ASKED.search(label) or _CHANGE_ASKED.search(question_words)
        mine = _listed_figure(text, label)
        if mine is not None and (not change or _CHANGE_BEFORE.search(text[text.find("分别"): mine.start()])):
            # `工业总产值、固定资产投资总额分别增长22.5%和10.3%`: the figure at the side's own place in the list
            found = [(m, n) for m, n in found if m.start() == mine.start()]
        elif change:
            # a growth rate compared (增速哪个快): only figures stated as a change (增长6.6%), not a level or a share
            found = [(m, n) for m, n in found if _CHANGE_BEFORE.search(text[max(0, m.start() - 6): m.start()])]
        if not found:
            return ""
        sides.append(found)

    def unit_of(m: re.Match) -> str:
        return (m.group(2) or "") + m.group(3)

    def before(text: str, m: re.Match) -> set[str]:
        return {w for w in jieba_tokenizer().lcut(text[max(0, m.start() - 10): m.start()]) if len(w) >= 2 and not w[0].isdigit()}

    # The pair of figures in one unit said after the same words on both sides (生产总值增长5.5% with 生产总值增长5.5%,
    # not 可支配收入分别增长4.3%), then after the words both quotes share and each side's own. The words before
    # each figure are cut once, not once per pair.
    a_side = [(m, near, before(texts[0], m)) for m, near in sides[0]]
    b_side = [(m, near, before(texts[1], m)) for m, near in sides[1]]
    pairs = [(a, b) for a in a_side for b in b_side if unit_of(a[0]) == unit_of(b[0])]
    more = _AMOUNT_GAP.search(question_words) and not _CHANGE_ASKED.search(question_words)
    if more and any(unit_of(a[0]) != "%" for a, _ in pairs):  # `多多少`: more of an amount, not a rate's points
        pairs = [(a, b) for a, b in pairs if unit_of(a[0]) != "%"]
    asked = _ASKED_GAP_UNIT.search(question_words)
    if asked and asked.group(1):  # `多多少亿`: the gap in 亿, a pair of amounts (not the growth rates beside them)
        unit = "%" if asked.group(1) == "个百分点" else asked.group(1)
        pairs = [(a, b) for a, b in pairs if unit in unit_of(a[0]).replace("％", "%")]
    if not pairs:
        return ""
    asked = [_indicator_words(label) for label, _ in parts]
    asked = [own or asked[1 - i] for i, own in enumerate(asked)]  # 去年实际增速: the other side's indicator, unsaid

    def names_asked(side: int, m: re.Match) -> int:  # the side's indicator (or the vocabulary's word for it) in its clause
        clause = re.split(r"[，,；;。：:]", texts[side][max(0, m.start() - 30): m.start()])[-1]
        return sum(w in clause for w in asked[side])

    # First the pair whose figures follow the indicator asked (GDP增长目标: 地区生产总值增长5%, not the budget's 4% beside it).
    a, b = max(pairs, key=lambda p: (min(names_asked(0, p[0][0]), names_asked(1, p[1][0])),
                                     2 * len(p[0][2] & p[1][2]) + p[0][1] + p[1][1], -p[0][0].start() - p[1][0].start()))
    return _verdict(parts[0][0], a[0], parts[1][0], b[0])


def _indicator_words(label: str) -> set[str]:
    """The words of a side's label that name its indicator, with the reports' words for them (GDP: 地区生产总值,
    生产总值), not those of a change, a plan or a time (增长, 目标, 今年), which any figure of the sentence may follow."""
    from qa.index.keyword import jieba_tokenizer
    from qa.search.vocabulary import synonym_terms

    label = for_search(label)
    words = {w for w in jieba_tokenizer().lcut(label) if len(w) >= 2 and not w[0].isdigit()}
    words |= set(synonym_terms(label).split())
    return {w for w in words if not _NOT_AN_INDICATOR.fullmatch(w)}


_NOT_AN_INDICATOR = re.compile(r"增长|增速|增幅|涨幅|增长率|提高|下降|增加|减少|(?:预期|主要)?目标|预期|实际|完成|实现|计划|今年|去年|明年|"
                               r"当年|上年|全年|\d+年|多少|哪个|更高|更快|经济增长|经济增速")


def _respective(text: str, labels: list[str]) -> tuple | None:
    """The two sides' figures in one `…分别…` sentence, by where each side's own word stands in the list before
    分别 (城乡: 城镇 first, 农村 second): (label, figure, label, figure), or None."""
    at = text.find("分别")
    if at < 0:
        return None
    head = text[:at]
    places = []
    for label, other in ((labels[0], labels[1]), (labels[1], labels[0])):
        mine = for_search(label)
        own = [mine[i:i + 2] for i in range(len(mine) - 1) if mine[i:i + 2] not in for_search(other)]
        found = [head.find(w) for w in own if w in head]
        if not found and "城乡" in head and any(w in ("城镇", "城市") for w in own):
            found = [head.find("城乡")]
        if not found and "城乡" in head and any(w in ("农村", "乡村") for w in own):
            found = [head.find("城乡") + 1]
        if not found:
            return None
        places.append(min(found))
    figures = list(_FIGURE.finditer(text, at))
    if places[0] == places[1] or len(figures) < 2:
        return None
    first, second = figures[0], figures[1]
    if (first.group(2), first.group(3)) != (second.group(2), second.group(3)):
        return None
    a, b = (first, second) if places[0] < places[1] else (second, first)
    return labels[0], a, labels[1], b


def _listed_figure(text: str, label: str) -> re.Match | None:
    """The figure a `…、…分别…` list gives to the item named by `label` (by the item's place in the list), or None."""
    at = text.find("分别")
    if at < 0:
        return None
    head = re.split(r"[，,；;。：:]", text[:at])[-1]
    items = [i for i in re.split(r"、|和|及|与", head) if i.strip()]
    norm = for_search(label)
    own = {norm[j:j + 2] for j in range(len(norm) - 1)}

    def named(item: str) -> bool:  # most of the item's two-character pieces are the label's
        pieces = [item[j:j + 2] for j in range(len(item) - 1)]
        return bool(pieces) and sum(p in own for p in pieces) >= len(pieces) / 2

    hits = [i for i, item in enumerate(items) if named(item)]
    figures = list(_FIGURE.finditer(text, at))
    if len(items) < 2 or len(figures) != len(items) or len(hits) != 1:
        return None
    return figures[hits[0]]


def _each_own(text: str, labels: list[str], change: bool) -> tuple | None:
    """The two sides' figures in one sentence that names each side with its own figure (`集成电路产量增长47.4%，
    工业机器人产量增长81.4%`): the first figure after each side's own words (a change where a change is
    compared), in one unit: (label, figure, label, figure), or None."""
    figures = []
    for label, other in ((labels[0], labels[1]), (labels[1], labels[0])):
        mine, theirs = for_search(label), for_search(other)
        own = [text.find(mine[i:i + 2]) for i in range(len(mine) - 1) if mine[i:i + 2] not in theirs and mine[i:i + 2] in text]
        if not own:
            return None
        at = min(own)
        found = [m for m in _FIGURE.finditer(text, at)
                 if not change or _CHANGE_BEFORE.search(text[max(at, m.start() - 6): m.start()])]
        if not found:
            return None
        figures.append(found[0])
    a, b = figures
    if a.start() == b.start() or (a.group(2), a.group(3)) != (b.group(2), b.group(3)):
        return None
    return labels[0], a, labels[1], b


# Words that make a figure a bound or an estimate (超过90万人, 5%以上, 近30万): shown with it, compared as written.
BOUND_WORDS = r"不超过|未超过|不高于|不多于|超过|超出|突破|不低于|不少于|接近|逾|近|(?<![节制])约|(?<![不未])超"
_BOUND_BEFORE = re.compile(rf"(?:{BOUND_WORDS})$")
_BOUND_AFTER = re.compile(r"^(?:以上|左右|以内|以下|上下|多|余)")


def _as_written(m: re.Match) -> tuple[str, bool]:
    """The figure with the words that bound it, and whether there are any."""
    before = _BOUND_BEFORE.search(m.string[max(0, m.start() - 3): m.start()])
    after = _BOUND_AFTER.search(m.string[m.end(): m.end() + 2])
    text = (before.group(0) if before else "") + m.group(0) + (after.group(0) if after else "")
    return text, bool(before or after)


def _verdict(la: str, ma: re.Match, lb: str, mb: re.Match) -> str:
    unit = (ma.group(2) or "") + ma.group(3)
    scale = magnitude_of(ma.group(2) or "")  # 万人 on both sides: compared, and the gap said, in 万人
    va, vb = float(ma.group(1)) * scale, float(mb.group(1)) * scale
    (ta, bound_a), (tb, bound_b) = _as_written(ma), _as_written(mb)
    sign = ">" if va > vb else "<" if va < vb else "="
    gap = abs(va - vb) / scale
    written = "个百分点" if unit in ("%", "％") else unit
    by = f"，{'高' if va > vb else '低'}{round(gap, 6):g}{written}" if sign != "=" else ""
    bounds = "，「以上」「超过」「左右」等按所写的数字计" if bound_a or bound_b else ""
    return f"（比较：{la} {ta} {sign} {lb} {tb}{by}；此比较由本工具根据上面引文中的数字得出{bounds}，报告本身未作比较。）"
