"""Questions about how a report is laid out: how many parts it has, what its n-th part or a section named by its topic
says (`河南的报告分几个部分`, `重庆的报告第三部分讲了什么`, `吉林政府自身建设那部分提了哪些要求`), and, after an answer,
where it was said (`这是哪一部分说的`) or what else its section says (`这一节还讲了什么`).

No passage says these: the report's headings do. A part is answered by its heading and its sections' headings (or, where
it has none, the opening sentence of each paragraph), a section by its heading and the opening sentence of each of its
paragraphs, each cited where it stands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.answer.compose import Answer, AnswerPart, item_marker, last_item, opens_sections
from qa.answer.overview import names_nothing_else
from qa.common.asking import count_of, item_asked, ordinal_asked
from qa.common.normalize import to_simplified
from qa.index.store import Index
from qa.ingest.chunk import Chunk
from qa.ingest.structure import APPENDIX_PART, HEADER_PART, OPENING_PART
from qa.search.question import Reading
from qa.search.retrieve import Hit
from qa.search.route import Route

# How many parts (分几个部分, 一共几部分, 分哪几部分, 包括哪些部分).
_PARTS = re.compile(r"(?:分|分成|分为|包括|包含|有|共|一共|总共)了?(?:几|多少|哪几|哪些)(?:个|大)?部分|几(?:个|大)?部分")
# The n-th part (第三部分, 第二大部分), or the last (最后一部分, 最后那部分).
_NTH_PART = re.compile(r"第(?P<n>[一二三四五六七八九十]{1,2}|\d{1,2})(?:个|大)?部分|(?P<last>最后|最末|末尾)(?:一|那|的)?(?:个|大)?部分")
# A part or section named by its topic: 政府自身建设那部分, 关于乡村振兴那一节, “坚决打好三大攻坚战”那一节, 政府自身建设部分分了哪几条.
_NAMED = re.compile(r"(?P<topic>[^，,。？?]{2,30}?)的?(?:(?:那|这)一?(?:节|部分|章|大块|块)|一节|部分|章节?)"
                    r"(?=[，,]?(?:里|中|都|主要|具体|还|又|分|讲|说|提|写|有|包括|是|要求|内容|的内容)|$)")
# How the year under review's work is divided (回顾2023年工作时分了哪几块, 去年的工作分了哪几个方面).
_DIVIDED = re.compile(r"分(?:成|为)?了?(?:哪几|几)(?:个|大)?(?:方面|块|板块|部分|条)")
_REVIEWED = re.compile(r"回顾|去年|上一年|过去一年")
# What a plan's or review's part is called in its heading, as a question may name it (三、2025年重点工作).
_PART_NAMES = re.compile(r"重点工作|重点任务|主要任务|工作安排|工作回顾|目标任务|总体要求|预期目标|主要目标")
_ASIDE = re.compile(r"来(?:讲|说|谈|写)|的?时(?:候)?")  # 分了哪几个方面来讲, 回顾工作时
# Words before a topic that say where in the report it is (报告里关于, 工作安排里讲): the topic is what follows them.
_WHERE_IN = re.compile(r"里|关于|有关|讲|谈到|提到|涉及")
# After an answer: where it was said (这是哪一部分说的, 这属于报告哪一部分, 出自哪一节).
WHERE_SAID = re.compile(r"^(?:那|那么)?(?:这|那|它|这句话?|这段话?|这个|上面的?|刚才的?)?(?:是|都是)?(?:在|属于|出自|来自|位于)?"
                        r"(?:报告(?:的|里的?|中的?)?)?(?:哪|什么)(?:一|个)?(?:部分|节|章|段|块|地方|里|处)"
                        r"(?:说|讲|写|提|里|中)?的?(?:吗|呢)?[？?。]*$")
# After an answer: what else its section says (这一节还讲了什么, 这部分还说了啥).
SECTION_REST = re.compile(r"^(?:那|那么)?(?:这|那|它所在的|它在的)一?(?:节|部分|章|块)(?:里)?(?:还|都|主要|另外)?"
                          r"(?:讲|说|提|写|有|包括)(?:了|到)?(?:些|哪些|什么|啥|其他|别的)[^？?]{0,6}[？?。]*$")
# A paragraph that turns to the deputies (各位代表！), between a report's parts: no item of one.
_ADDRESS = re.compile(r"^\s*各位代表[！!，,：:。]")
_SENTENCE = re.compile(r"\s*[^。！？；;]*[。！？；;]?")
# Opening words that count what follows (要聚力抓好八个方面工作, 重点做好以下工作).
_COUNTED = re.compile(r"(?:(?:[两二三四五六七八九十]{1,2}|\d{1,2}|几)(?:个|项|大|件|条|点)?|以下|如下)(?:方面|领域)?(?:重点)?"
                      r"(?:工作|任务|事)?[。：:]?$")
# The items asked for, not their count (哪八个方面, 都是什么, 分别是): what a count of sections does not answer.
_WHICH = re.compile(r"哪|什么|啥|分别|内容|具体|\bwhat\b|\bwhich\b", re.I)
# A headline sentence inside a paragraph: short, no comma, between two sentence ends (`积极主动抢抓政策机遇。`).
_HEADLINE = re.compile(r"(?:^|(?<=[。！？]))([^。！？；;，,：:、]{4,20}。)")
_ITEMS = 12  # at most this many items of a part or section are listed
_ITEM_CHARS = 60  # an item longer than this is cut at a comma before it


@dataclass(frozen=True)
class _Node:
    """A part (section "") or a section of one report, its passages in reading order."""

    part: str
    section: str
    chunks: tuple[Chunk, ...]

    @property
    def heading(self) -> str:
        return self.section or self.part


def asks_outline(reading: Reading) -> bool:
    """The question asks how a report is laid out, or what one of its parts or sections (named) says."""
    q = to_simplified(reading.topic)
    return bool(_PARTS.search(q) or _NTH_PART.search(q) or _NAMED.search(q) or _divisions_asked(q))


def _divisions_asked(topic: str) -> bool:
    """How the plan's or the review's work divides, and nothing more (今年的工作分了哪几个方面来讲, 回顾2024年工作分了
    哪几块; not 民生实事分几个方面)."""
    m = _DIVIDED.search(topic)
    return bool(m) and names_nothing_else(_ASIDE.sub(" ", _REVIEWED.sub(" ", f"{topic[:m.start()]} {topic[m.end():]}")))


def asks_reviewed(reading: Reading) -> bool:
    """How the year under review's work divides (回顾2023年工作时分了哪几块): asked of the report reviewing it."""
    return _divisions_asked(to_simplified(reading.topic)) and bool(_REVIEWED.search(to_simplified(reading.text)))


def outline_answer(index: Index, reading: Reading, route: Route) -> Answer | None:
    """The answer from the headings of the one report routed to; None when the route is not one report or the report's
    headings do not answer (no such part, no heading naming the topic): the question then takes the usual path."""
    if len(route.reports) != 1:
        return None
    report, parts = _report_parts(index, route)
    q = to_simplified(reading.topic)
    if (m := _NTH_PART.search(q)) is not None:
        n = len(parts) if m.group("last") else count_of(m.group("n"))
        if n is None or not 1 <= n <= len(parts):
            return None
        return _node_answer(reading, route, report, parts[n - 1], "最后一部分" if m.group("last") else f"第{m.group('n')}部分")
    if _PARTS.search(q):
        if len(parts) < 2:
            return None
        answer = _Cited(report)
        for i, node in enumerate(parts):
            answer.add(node.part, node.chunks[0], f"共{len(parts)}部分" if i == 0 else "")
        return answer.answer(reading, route)
    m = _NAMED.search(q)
    year = report.review_year if _REVIEWED.search(q) else report.year
    node = _named(parts, _topic(m.group("topic")), year) if m else None
    if node is not None:
        return _node_answer(reading, route, report, node, "")
    if _divisions_asked(q):  # the review's or the plan's divisions: the part of that year cut into the most sections
        year = report.review_year if asks_reviewed(reading) else report.year
        of_year = [node for node in parts if node.chunks[0].year == year]
        words = set(_PART_NAMES.findall(q))
        named = [node for node in of_year if any(w in to_simplified(node.part) for w in words)]
        if of_year:  # the part the question names (重点工作: 三、2025年重点工作), else the one cut into the most sections
            return _node_answer(reading, route, report, named[0] if len(named) == 1 else
                                max(of_year, key=lambda n: len(_sections(n))), "")
    return None


# What is said of a list before its ordinal (湖北加强政府自身建设提出的第四点): the words that say it was set out.
_SET_OUT = re.compile(r"(?:[，,、\s]|里|中|里面|当中|的|了|提出|提到|强调|列|列出|讲|说|写|有|共|一共|"
                     r"(?:几|[一二三四五六七八九十\d]+)(?:个|条|点|项|件|大)(?:方面|措施|举措|要求|任务|工作|事)?)+$")
_ITEM_CHARS_QUOTED = 160  # an item is quoted up to about this many characters, whole sentences


def nth_of_named(index: Index, reading: Reading, route: Route) -> Answer | None:
    """The n-th (or last) item of a part or section named by its topic (湖北加强政府自身建设提出的第四点要求是什么): its n-th
    section, or the n-th item its paragraphs number (四是…, （四）…), quoted and cited; None when the question names no
    heading of the one report routed to, or the heading's text numbers no such item."""
    asked, at = item_asked(reading.topic), ordinal_asked(reading.topic)
    if asked is None or at is None or len(route.reports) != 1 or _NTH_PART.search(to_simplified(reading.topic)):
        return None  # (第三部分讲了什么 is the part itself)
    topic = _SET_OUT.sub("", to_simplified(reading.topic)[:at[0]]).strip()
    report, parts = _report_parts(index, route)
    node = _named(parts, _topic(topic)) if len(topic) >= 3 else None
    if node is None:
        return None
    n, last = asked
    sections = _sections(node) if not node.section else []
    if sections:
        if last or (n is not None and 1 <= n <= len(sections)):
            return _node_answer(reading, route, report, sections[-1 if last else n - 1], f"第{len(sections) if last else n}项")
        return None
    texts = [to_simplified(c.text) for c in node.chunks]
    if last:
        n = last_item(texts)
        if n is None:
            return None
    for chunk, text in zip(node.chunks, texts, strict=True):
        m = item_marker(n).search(text)
        if m is None:
            continue
        start = m.end() - len(m.group(0).lstrip("。；;：:！？ "))
        end = start
        for sentence in _SENTENCE.finditer(chunk.text, start):
            if end > start and (end - start + len(sentence.group(0)) > _ITEM_CHARS_QUOTED
                                or item_marker(n + 1).match(text, end - 1)):
                break
            end = sentence.end()
            if not sentence.group(0):
                break
        cited = _Cited(report)
        cut = end < len(chunk.text) and not item_marker(n + 1).match(text, end - 1) and bool(chunk.text[end:].strip())
        cited.add(chunk.text[start:end].strip().rstrip("。；;，,：:") + ("……" if cut else ""), chunk, f"第{n}项")
        return cited.answer(reading, route)
    return None


# A list asked of what a heading names (加强政府自身建设有哪几点要求): the asking words after the topic.
_LIST_ASKED = re.compile(r"(?:有|提出了?|提了|包括|包含|讲了|分为|分成)?(?:哪几点|哪几条|哪几项|哪几个方面|哪些方面|哪些要求|哪些)"
                         r"(?:要求|内容|方面|任务)?[?？。]*$")


def asks_items(reading: Reading) -> bool:
    """The question asks for the items of a list (有哪几点要求, 提出了哪些要求)."""
    return bool(_LIST_ASKED.search(to_simplified(reading.topic)))


def items_of_named(index: Index, reading: Reading, route: Route) -> Answer | None:
    """A list asked of what one heading of the report routed to names in full, every pair of its characters (黑龙江加强
    政府自身建设有哪几点要求: 三、全面加强政府自身建设): that part's or section's outline; None otherwise."""
    q = to_simplified(reading.topic)
    m = _LIST_ASKED.search(q)
    if m is None or len(route.reports) != 1:
        return None
    topic = _SET_OUT.sub("", re.sub(r"^(?:今年|去年|明年)", "", q[:m.start()])).strip()
    topic = re.sub(r"^.*?报告(?:里|中|里面)?(?:对|关于|就|在)?|^(?:对|关于|就)", "", topic)  # (报告对政府自身建设)
    asked = _bigrams(topic)
    if len(asked) < 3:
        return None
    report, parts = _report_parts(index, route)
    named = [n for n in _nodes(parts) if asked <= _bigrams(n.heading)]
    # the review's 政府自身建设不断加强 and the plan's 加强政府自身建设: the one of the year asked (提了哪些要求 is
    # asked of the plan: the review's heading alone is no answer to it)
    year = report.review_year if _REVIEWED.search(q) else report.year
    named = [n for n in named if n.chunks[0].year == year]
    return _node_answer(reading, route, report, named[0], "") if len(named) == 1 else None


def where_said(index: Index, answer: Answer) -> Answer | None:
    """Where the first quote of an answer stands in its report (part, section, paragraph), quoted again; None when the
    answer quotes nothing."""
    if answer.abstained or not answer.parts:
        return None
    first = answer.parts[0]
    hit = answer.sources[first.source - 1]
    chunk = hit.chunk
    place = "“" + "”部分的“".join(h.rstrip("。") for h in (chunk.part, chunk.section) if h) + "”" + \
        ("一节" if chunk.section else "部分")
    cited = _Cited(hit.report)
    cited.add(first.text, chunk, f"出自《{hit.report.title}》{place}第{chunk.paragraph}段")
    return Answer(answer.question, tuple(cited.parts), tuple(cited.sources), False, 1.0, cited.spans,
                  english=answer.english)


def quotes_a_heading_alone(answer: Answer) -> bool:
    """Is the answer's one quote a section's heading (（六）在发展壮大现代海洋经济上下功夫、求实效。), which names what
    the section says but says none of it?"""
    if answer.abstained or answer.table is not None or len(answer.parts) != 1:
        return False
    chunk = answer.sources[answer.parts[0].source - 1].chunk
    return bool(chunk.section) and _bare(answer.parts[0].text) == _bare(chunk.section)


def announces_sections(index: Index, answer: Answer, reading: Reading) -> bool:
    """Does the answer quote the part's opening words that announce its sections as a list (重点做好七个方面工作：), which
    name how many there are but not what they are, asked what they are (哪七个方面)?"""
    if answer.abstained or answer.table is not None or len(answer.parts) != 1 or not _WHICH.search(reading.text):
        return False
    source = answer.parts[0].source
    end = max((e for _, e in answer.best_sentences.get(source, [])), default=None)
    chunk = answer.sources[source - 1].chunk
    return end is not None and _COUNTED.search(to_simplified(answer.parts[0].text).removesuffix("……")) is not None \
        and opens_sections(chunk, end, lambda c: index.part_chunks(c.report, c.part))


def section_rest(index: Index, answer: Answer, reading: Reading, quote: int = 0) -> Answer | None:
    """What the section (or the part, where it has none) of an answer's quote (its first, or `quote`) says: its
    outline; None when the answer quotes nothing."""
    if answer.abstained or not answer.parts:
        return None
    hit = answer.sources[answer.parts[quote].source - 1]
    chunk = hit.chunk
    lo, hi = index.ranges[chunk.report]
    for node in _parts(index.chunks[lo:hi]):
        if node.part == chunk.part:
            inner = [c for c in node.chunks if c.section == chunk.section] if chunk.section else list(node.chunks)
            return _node_answer(reading, Route((chunk.report,)), hit.report, _Node(chunk.part, chunk.section,
                                                                                    tuple(inner)), "")
    return None


class _Cited:
    """An answer being built from one report's passages, each cited once."""

    def __init__(self, report):
        self.report = report
        self.parts: list[AnswerPart] = []
        self.sources: list[Hit] = []
        self.spans: dict[int, list[tuple[int, int]]] = {}  # source number -> the quoted spans, marked on its card

    def add(self, text: str, chunk: Chunk, label: str) -> None:
        n = next((h.rank for h in self.sources if h.chunk.chunk_id == chunk.chunk_id), 0)
        if not n:
            n = len(self.sources) + 1
            self.sources.append(Hit(n, 1.0, chunk, self.report))
        text = text.strip().rstrip("。；;，,：:")
        self.parts.append(AnswerPart(text, n, label=label))
        quoted = text.removesuffix("……")
        start = chunk.text.find(quoted) if quoted else -1
        if start >= 0:
            self.spans.setdefault(n, []).append((start, start + len(quoted)))

    def answer(self, reading: Reading, route: Route) -> Answer:
        return Answer(reading.text, tuple(self.parts), tuple(self.sources), False, 1.0, self.spans, note=route.note,
                      english=reading.english)


def _parts(chunks: list[Chunk]) -> list[_Node]:
    """The report's parts in reading order (not its header, opening words or appendix)."""
    by_part: dict[str, list[Chunk]] = {}
    for c in chunks:
        if c.part not in (HEADER_PART, OPENING_PART, APPENDIX_PART, ""):
            by_part.setdefault(c.part, []).append(c)
    return [_Node(part, "", tuple(cs)) for part, cs in by_part.items()]


def _report_parts(index: Index, route: Route) -> tuple:
    """The one report routed to, and its parts."""
    report = index.report_by_id[route.reports[0]]
    lo, hi = index.ranges[report.id]
    return report, _parts(index.chunks[lo:hi])


def _nodes(parts: list[_Node]) -> list[_Node]:
    """Every part and section, in reading order."""
    return [n for part in parts for n in (part, *_sections(part))]


def _sections(node: _Node) -> list[_Node]:
    by_section: dict[str, list[Chunk]] = {}
    for c in node.chunks:
        if c.section:
            by_section.setdefault(c.section, []).append(c)
    return [_Node(node.part, section, tuple(cs)) for section, cs in by_section.items()]


def _bare(text: str) -> str:
    return re.sub(r"[^\u4e00-\u9fff\w]", "", to_simplified(text))


def _bigrams(text: str) -> set[str]:
    text = _bare(text)
    return {text[i:i + 2] for i in range(len(text) - 1)}


def _topic(said: str) -> str:
    """The topic of `工作安排里讲“自贸港”` (自贸港): the words after the last that say where in the report it is."""
    after = _WHERE_IN.split(said)[-1].strip(" 的“”\"'《》")
    return after if len(after) >= 2 else said.strip(" 的“”\"'《》")


def _named(parts: list[_Node], topic: str, year: int | None = None) -> _Node | None:
    """The part or section whose heading names the topic: most of the topic's character pairs in it, the heading
    holding the larger share of them first; None when no heading holds at least half of them. A topic of one word
    (民生) names the one heading that holds it, of `year`'s part where the review's and the plan's both do."""
    asked = _bigrams(topic)
    if len(asked) == 1 and len(topic) == 2:
        holding = [n for n in _nodes(parts) if asked <= _bigrams(n.heading)]
        if len(holding) > 1 and year is not None:
            holding = [n for n in holding if n.chunks[0].year == year]
        return holding[0] if len(holding) == 1 else None
    if len(asked) < 2:
        return None
    shared = [(len(asked & (pairs := _bigrams(n.heading))), len(asked & pairs) / max(len(pairs), 1), n)
              for n in _nodes(parts)]
    best, _, node = max(shared, key=lambda s: s[:2], default=(0, 0.0, None))
    return node if best * 2 >= len(asked) and best >= 2 else None


def _node_answer(reading: Reading, route: Route, report, node: _Node, label: str) -> Answer:
    """A part: its heading, then its sections' headings (or its paragraphs' opening sentences); a section: its heading,
    then its paragraphs' opening sentences."""
    cited = _Cited(report)
    cited.add(node.heading, node.chunks[0], label or ("这一节" if node.section else "这一部分"))
    sections = _sections(node) if not node.section else []
    if sections:
        for s in sections[:_ITEMS]:
            cited.add(s.section, s.chunks[0], "")
    else:
        items = [(_opening(c.text, node.heading), c) for c in node.chunks if c.start == 0 and not _ADDRESS.match(c.text)]
        items = [(text, c) for text, c in items if text]
        if len(items) < 3:  # a section written as one paragraph: its headline sentences (精准发力扩大有效投资。) open its items
            headlines = [(text, c) for c in node.chunks for text in _HEADLINE.findall(c.text)
                         if _bare(text) != _bare(node.heading)]  # (not the heading again)
            items = headlines or items
        for text, c in items[:_ITEMS]:
            cited.add(text, c, "")
    return cited.answer(reading, route)


def _opening(text: str, heading: str) -> str:
    """A paragraph's opening sentence after the heading it may open with, cut at a comma before `_ITEM_CHARS` where it
    is longer (then ……); "" for a paragraph that is only the heading."""
    sentence = _SENTENCE.match(text).group(0)
    if _bare(sentence) == _bare(heading):
        sentence = _SENTENCE.match(text[len(sentence):]).group(0)
    if len(sentence) <= _ITEM_CHARS:
        return sentence
    cut = max(sentence.rfind(mark, 0, _ITEM_CHARS) for mark in "，,：:")
    return (sentence[:cut] if cut > 8 else sentence[:_ITEM_CHARS]) + "……"
