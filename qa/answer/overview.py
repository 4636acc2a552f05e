"""Questions about a report as a whole: "甘肃今年想干啥？", "主要预期目标有哪些？", "What are the key tasks for 2025?".

No one sentence answers them, so they are answered from the report's structure: its targets
sentence (`主要预期目标是：…`), quoted whole, and, when the question asks what will be done, the
headings of its plan's sections (`（一）着力以科技创新引领产业振兴`), each cited to where it starts.
A question that names anything besides the report's plan (`今年的重点工作里就业怎么安排`) is not one
of these: it takes the usual path.
"""

from __future__ import annotations

import re

from qa.answer.compose import BASIS_ASKED, NO_BASIS, NO_BASIS_EN, Answer, AnswerPart, reasons_after, with_unsaid
from qa.index.store import Index
from qa.ingest.chunk import Chunk
from qa.search.query import STOP_WORDS
from qa.search.question import Reading
from qa.search.retrieve import Hit
from qa.search.route import Route

# Asking about the plan as a whole: what a report intends (干啥, 重点工作) or targets (主要预期目标).
_TASKS = (r"想干啥|要干啥|干(?:些)?(?:什么|啥)|做(?:些)?(?:什么|啥)|(?:做|干|办)哪些事情?|有(?:什么|哪些|啥)打算|工作重点|重点工作|"
          r"(?:怎么|如何|咋)(?:干|做|办|搞)(?!的)|部署|"
          r"重点任务|主要任务|主要工作|工作安排|\bkey tasks?\b|\bmain tasks?\b|\bpriorities\b|\bwhat will\b.*\bdo\b")
_TARGETS = (r"(?:经济社会发展的?)?(?:主要)?预期目标|主要目标(?:任务)?|主要(?:经济(?:社会)?)?(?:发展)?指标的?目标|"
            r"\bmain (?:targets?|goals?)\b|\bkey targets?\b")
# Asking what the year under review achieved as a whole: 取得了哪些成绩, 工作回顾, What were the main achievements?
_REVIEW = (r"成绩|成就|成效|进展|亮点|工作回顾|干了(?:些)?(?:什么|啥|哪些事)|做了(?:些)?(?:什么|啥|哪些事?)|[干做办]成了|"
           r"(?:过去|这|近)五年|五年来|十[一二三四]五”?(?:期间|时期|以来)|"
           r"\bachiev\w*|\baccomplish\w*|\bhow did\b|\b(?:past|last) five years\b|\bfive-year plan period\b")
_ASKS_REVIEW = re.compile(_REVIEW, re.I)
_OVERVIEW = re.compile(rf"{_TASKS}|{_TARGETS}|{_REVIEW}", re.I)
_ASKS_TASKS = re.compile(_TASKS, re.I)
_ASKS_TARGETS = re.compile(_TARGETS, re.I)
# Words that speak of a plan only in general: its work, tasks, focus, arrangements, what will be done. A question
# made of these and its asking words, with no topic of its own (`工作安排主要有哪些`, `要重点抓好哪几方面的工作`,
# `What will Anhui focus on?`), asks for the plan as a whole.
_PLAN_TALK = re.compile(r"政府工作|施政|工作|任务|重点|重心|主要|首要|优先|思路|安排|部署|布局|打算|计划|规划|谋划|方面|方向|领域|"
                        r"举措|大事|事情|事儿|事|大动作|动作|大块|板块|块|[做干办抓搞]好|抓|主攻|[干做办]成|干|做|办|着力|着重|侧重|聚焦|发力|用力|使劲|下(?:大)?[功工]夫|精力|力气|"
                        r"放在|总结|"
                        r"\b(?:plans?|planned|planning|tasks?|priorit(?:y|ies)|agenda|focus(?:es|ing)?|emphasis|do|doing|work|areas?|fields?|"
                        r"put|efforts?|concentrate|summari[sz]e|"
                        r"main|key|major|government|goals?)\b", re.I)
_ASKING = re.compile(r"哪些|哪几|什么|啥|\bwhat\b|\bwhich\b|\bhow did\b", re.I)
# How many (几方面, 多少项): a count, which one sentence states (`重点抓好十方面工作`).
_COUNT = re.compile(r"(?<!哪)几|多少|\bhow many\b", re.I)
_AND_WHICH = re.compile(r"分别(?:是|为|有)?(?:什么|哪些|啥)|各是什么|都是什么|是哪些|有哪些|\band what\b", re.I)
# What is left of such a question besides its asking words (有哪些, 是什么, what are the …) and the words that
# say a report set them (提出的, 确定的, 给当年定了, 全市).
_FRAME = re.compile(r"提出|确定|设定|制定|建议|定了|定的|当年|全年|全省|全市|全县|全区|全国|取得|去年|过去一年|一年来|"
                    r"分为|分成|分别|包括|包含|涵盖|分(?=[哪几])|部分|"  # how a whole divides (分哪几大块, 分成哪几个部分)
                    r"[的了是有哪些什么吗呢啊今年明年里面中和及与给定几从到至要将会在件项个条点把都各大怎么对提\s？?，,。!！]|"
                    r"\b(?:what|are|is|were|was|the|for|of|this|last|next|year|its|in|on|to|will|set|did|does|how)\b|'s", re.I)
_TARGETS_SENTENCE = re.compile(r"主要预期目标|预期目标(?:是|为|建议为)")
_TARGETS_MENTION = re.compile(r"预期目标|主要目标")  # a report that names its targets another way, then states them
_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|万|亿)")
# A targets list that goes on in short sentences of one indicator each (…增长5.5%左右。居民消费价格涨幅2%左右。城镇调查
# 失业率5.5%左右。主要污染物排放完成国家下达目标。): a short sentence stating a figure or a target is one more of them.
_TARGET_GOES_ON = re.compile(r"\s*[^。；！？]{2,50}?(?:\d+(?:\.\d+)?\s*(?:%|％|万|亿|个百分点)|目标|任务|同步)[^。；！？]{0,20}。")
# A paragraph that opens a summary list with a dash and a short lead sentence (`——经济运行持续向好。`), or with an
# ordinal and its lead clause (`一是纵深推进新阶段粤港澳大湾区建设，…`).
_DASH_LEAD = re.compile(r"^\s*(——[^。；！]{2,30}|[一二三四五六七八九十]{1,2}是[^。；！，]{2,30})[。；！，]")


# A paragraph's opening sentence short enough to be its headline (`经济实力明显增强。`, `生态环境在担当作为中提质增效。`),
# and the pinyin some reports annotate characters with (`來(lái)`).
_HEADLINE = re.compile(r"^\s*([^。；！？，,]{4,18}|[^。；！？]{4,22})。")
_PART_NUMBER = re.compile(r"^[一二三四五六七八九十]{1,2}、")
_PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")


def _sentence_end(text: str, pos: int) -> int:
    end = text.find("。", pos)
    return len(text) if end < 0 else end + 1


def asks_overview(reading: Reading) -> bool:
    """The question asks what a report plans as a whole, and nothing more specific."""
    text = reading.topic
    if _COUNT.search(text) and not _AND_WHICH.search(text):  # 分几个方面？分别是什么 asks them, not only their count
        return False
    if not (_OVERVIEW.search(text) or (_PLAN_TALK.search(text) and _ASKING.search(text))):
        return False
    return names_nothing_else(text)


def names_nothing_else(text: str) -> bool:
    """Does a question say nothing but how a report's plan or review is asked for (its work, tasks, how it divides),
    naming no topic of its own (`今年的工作分了哪几个方面来讲`, not `民生实事分几个方面`)?"""
    rest = _FRAME.sub(" ", _PLAN_TALK.sub(" ", _OVERVIEW.sub(" ", text)))
    return not [w for w in re.split(r"\s+", rest) if w and w.lower() not in STOP_WORDS and not w.isdigit()]


# The targets named in general (这些目标, 主要预期目标, 指标), and the words a why of them is asked with besides (考虑, 定下来).
_TARGETS_IN_GENERAL = re.compile(r"(?:这些|那些|这样的?|这个|那个|上述|以上|今年的?)?(?:主要)?"
                                 r"(?:经济(?:社会)?(?:发展)?的?)?(?:主要)?(?:预期)?(?:目标|指标)|"
                                 r"\b(?:(?:these|those|the|its|their|main|key|major|this year's)\s+)*(?:targets?|goals?)\b", re.I)
_BASIS_FRAME = re.compile(r"考虑|出发点|下来|出来|这样|这么|如此|\b(?:so|like this|this way|were|chosen|decided)\b", re.I)


def asks_targets_basis(reading: Reading) -> bool:
    """The question asks why a report's targets, as a whole, were set so (这些目标是怎么考虑的, 预期目标是根据什么定的)."""
    text = reading.topic
    if not BASIS_ASKED.search(text) or not _TARGETS_IN_GENERAL.search(text):
        return False
    return names_nothing_else(_BASIS_FRAME.sub(" ", _TARGETS_IN_GENERAL.sub(" ", BASIS_ASKED.sub(" ", text))))


def asks_review(reading: Reading) -> bool:
    """A whole-report question about the year under review (取得了哪些成绩, What did Guizhou achieve?)."""
    return bool(_ASKS_REVIEW.search(reading.topic)) and not _ASKS_TASKS.search(reading.topic)


def overview_answer(index: Index, reading: Reading, route: Route) -> Answer | None:
    """The targets sentence and (if asked) the plan's section headings of the one report routed to; None
    when the route is not one report or the report shows neither."""
    if len(route.reports) != 1:
        return None
    report = index.report_by_id[route.reports[0]]
    lo, hi = index.ranges[report.id]
    tasks, targets_asked = bool(_ASKS_TASKS.search(reading.topic)), bool(_ASKS_TARGETS.search(reading.topic))
    basis_asked = asks_targets_basis(reading)
    targets_asked = targets_asked or basis_asked
    asked = route.year if route.year is not None else reading.year_for(report.year)
    # The year under review, asked as such (取得了哪些成绩) or by its year (浙江去年的重点工作, How did Yunnan do in 2024?).
    review = not targets_asked and (asks_review(reading) or asked == report.review_year)
    plan = [c for c in index.chunks[lo:hi] if c.year == (report.review_year if review else report.year)]
    parts: list[AnswerPart] = []
    sources: list[Hit] = []
    spans: dict[int, list[tuple[int, int]]] = {}

    def cite(chunk: Chunk) -> int:
        for h in sources:
            if h.chunk.chunk_id == chunk.chunk_id:
                return h.rank
        sources.append(Hit(len(sources) + 1, 1.0, chunk, report))
        return len(sources)

    def add_targets() -> None:
        targets = None if review else next((c for c in plan if _TARGETS_SENTENCE.search(c.text)), None) or next(
            (c for c in plan if _TARGETS_MENTION.search(c.text)), None)
        if targets is not None:
            m = _TARGETS_SENTENCE.search(targets.text) or _TARGETS_MENTION.search(targets.text)
            start = targets.text.rfind("。", 0, m.start()) + 1
            end = _sentence_end(targets.text, m.end())
            if len(_FIGURE.findall(targets.text[start:end])) < 2:  # 预期目标作了适当调整。今年要…城镇新增就业900万人以上…
                end = _sentence_end(targets.text, end)
            while end < len(targets.text) and _TARGET_GOES_ON.match(targets.text, end) \
                    and _sentence_end(targets.text, end) - start <= 500:
                end = _sentence_end(targets.text, end)  # …增长5.5%左右。居民消费价格涨幅2%左右。粮食产量稳定在252亿斤以上。
            n = cite(targets)
            parts.append(AnswerPart(targets.text[start:end].strip(), n, label="主要预期目标"))
            spans.setdefault(n, []).append((start, end))

    def add_sections() -> None:
        for i, (heading, chunk) in enumerate(_summary_list(plan, review).items()):
            # the headings of the summary list are what it did or will do
            label = ("主要成绩" if review else "重点工作") if i == 0 else ""
            n, quoted = cite(chunk), heading.rstrip("。")
            parts.append(AnswerPart(quoted, n, label=label))
            if (at := chunk.text.find(quoted)) >= 0:  # (marked on its card where the passage holds it)
                spans.setdefault(n, []).append((at, at + len(quoted)))

    def add_basis() -> str:
        """The sentence after the targets that says what they weighed (这些目标的设定，综合考虑了…); what is unsaid, if none."""
        if not parts:
            return ""
        targets = sources[parts[0].source - 1].chunk
        at = next(i for i, c in enumerate(plan) if c.chunk_id == targets.chunk_id)
        found = reasons_after(targets, spans[parts[0].source][0][1], plan[at + 1:])
        if found is None:
            return NO_BASIS_EN if reading.english else NO_BASIS
        chunk, m = found
        n = cite(chunk)
        parts.append(AnswerPart(m.group(0).strip(), n, label="这样定的考虑"))
        spans.setdefault(n, []).append((m.start(), m.end()))
        return ""

    unsaid = ""
    if basis_asked:  # 这些目标是怎么考虑的: the targets, then the sentence that says what they weighed
        add_targets()
        unsaid = add_basis()
    elif not (targets_asked or review):  # the work asked (北京今年要做好哪些工作, 想干啥): the plan's sections, then its targets
        add_sections()
        add_targets()
    else:
        add_targets()
        if review or tasks:  # the targets alone when only they are asked
            add_sections()
    if not parts:
        return None
    return Answer(reading.text, tuple(parts), tuple(sources), False, 1.0, spans, note=with_unsaid(route.note, unsaid, reading.english),
                  english=reading.english)


def _summary_list(plan: list[Chunk], review: bool) -> dict[str, Chunk]:
    """The year's work as the report lists it, heading -> the passage it opens; the first way the report
    writes such a list (at least three items) wins, or {} when it writes none."""
    ways = (_sections, _lead_lines, _headlines) if review else (_sections, _numbered_parts)
    return next((found for way in ways if len(found := way(plan)) >= 3), {})


def _sections(plan: list[Chunk]) -> dict[str, Chunk]:
    """The sections of the part cut into the most (the year's work, not 政府自身建设 after it)."""
    by_part: dict[str, dict[str, Chunk]] = {}
    for c in plan:
        if c.section:
            by_part.setdefault(c.part, {}).setdefault(c.section, c)
    return max(by_part.values(), key=len, default={})


def _lead_lines(plan: list[Chunk]) -> dict[str, Chunk]:
    """A review not cut into sections: its lead lines (`——经济运行持续向好。…`, `一是…`), the longer list of the two kinds."""
    leads = {m.group(1): c for c in plan if (m := _DASH_LEAD.match(c.text))}
    ordinal = {lead: c for lead, c in leads.items() if not lead.startswith("——")}
    dashes = {lead: c for lead, c in leads.items() if lead.startswith("——")}
    return ordinal if len(ordinal) > len(dashes) else dashes


def _headlines(plan: list[Chunk]) -> dict[str, Chunk]:
    """Paragraphs that each open with a short headline (`经济实力明显增强。…`)."""
    found: dict[str, Chunk] = {}
    for c in plan:
        if c.start == 0 and (m := _HEADLINE.match(_PINYIN.sub("", c.text))):
            found.setdefault(m.group(1), c)
    return found


def _numbered_parts(plan: list[Chunk]) -> dict[str, Chunk]:
    """A plan set out as the report's own numbered parts (`二、加大宏观政策实施力度…`)."""
    tops: dict[str, Chunk] = {}
    for c in plan:
        tops.setdefault(c.part, c)
    return {part: c for part, c in tops.items() if _PART_NUMBER.match(part)}
