"""Hits -> a cited answer quoted from the reports, or an honest "not in the reports".

No language model runs here. The answer quotes the sentence (or the clauses of a long sentence)
that best states what the question asks, judged sentence by sentence: does it carry the
question's words (or the report's words for them), a figure when a figure is asked, a date or a
name when those are asked, the year and the place asked about, a measure rather than a problem
when the question asks how? Each quote ends with the [n] of its source and is never rewritten:
a leading connective (其中、同时…) is dropped, a clause cut from a longer sentence is marked with
……, and the intro of a list (`主要预期目标是：……`) is kept so the figure keeps its meaning.
The same judgement decides abstention: when no sentence answers the question, it says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from qa.chunk import SENTENCE
from qa.clean import GARBLED
from qa.normalize import for_search, to_simplified
from qa.retrieve import Hit, Retrieval
from qa.structure import HEADER_PART
from qa.vocabulary import synonym_terms

if TYPE_CHECKING:
    from qa.table import Table

NOT_FOUND = "报告中没有找到与这个问题直接相关的内容。"
NOT_FOUND_EN = "The reports do not answer this. (报告中没有找到与这个问题直接相关的内容。)"
MAYBE_RELATED = "可能相关"
ENGLISH_FRAME = "The report says: "
CONNECTIVE = re.compile(r"^(?:其中|同时|此外|另外|并且|而且|但是|但|并|还|也|以及|及|和|与|其次|再次|最后|首先|"
                        r"一是|二是|三是|四是|五是|六是|七是|八是|九是|十是|——|—)[：:，,、]?")
# A figure is written in digits in work reports; `四个意识`, `两个维护` are slogans, not figures.
_NUMBER = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|‰|万|亿|余|多|个|名|人|家|所|座|条|项|次|元|吨|斤|亩|公里|千米|米|天|倍|户|张|台|辆|部)?")
_DATE = re.compile(r"(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
_ROLE = re.compile(r"总理|省长|市长|县长|区长|州长|旗长|主席")
PROBLEM_WORDS = re.compile(r"问题|不足|短板|弱项|困难|挑战|压力|矛盾|风险隐患|不平衡|不充分|差距|薄弱|亟待|有待")
MEASURE_WORDS = re.compile(r"推进|实施|加强|加快|建设|完善|开展|推动|落实|支持|提高|提升|打造|健全|优化|强化|实现|确保|"
                           r"深化|扩大|改造|解决|治理|保障|发展|培育|新建|增加")
_CLAUSE_END = re.compile(r"[，,、：:]")
NEAR_TIME = re.compile(r"明天|后天|今晚|今天|这周|本周|下周|周末|这几天|近几天")
LONG_SENTENCE = 110  # longer sentences are quoted clause by clause


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

    def display(self) -> str:
        """The quote as shown: the intro and …… where the quote starts inside a list, …… where it stops
        inside a sentence, 。 for the ； that ends a list item, … for a garbled run."""
        body = f"{self.lead}……{self.text}" if self.lead else self.text
        if self.cut:
            body += "……"
        elif body[-1:] in "；;":
            body = body[:-1] + "。"
        return body.replace(GARBLED, "…")


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
    table: Table | None = None  # for a question across reports: one cited row per report
    context: str = ""  # a follow-up's question as understood (`接上题`), "" for a question that stands alone

    def text(self, simplified: bool = False) -> str:
        """The answer as one string with [n] markers (or the abstention message)."""
        prefix = f"（接上题：{self.context}）\n" if self.context else ""
        return prefix + self._body(simplified) if not simplified else to_simplified(prefix) + self._body(simplified)

    def _body(self, simplified: bool) -> str:
        if self.table is not None and not self.abstained:
            lines = [self.table.summary]
            numbers = iter(range(1, len(self.sources) + 1))
            for row in self.table.rows:
                label = f"{row.report.place} {row.year or ''}".strip()
                lines.append(f"{label}：{row.cell}" + (f"[{next(numbers)}]" if row.mentioned else ""))
            out = "\n".join(lines)
            return to_simplified(out) if simplified else out
        if self.abstained:
            out = self.message or (NOT_FOUND_EN if self.english else NOT_FOUND)
        else:
            pieces = []
            for p in self.parts:
                label = f"{p.label}：" if p.label else ""
                pieces.append(f"{label}{p.display()}[{p.source}]")
            out = ("；" if any(p.label for p in self.parts) else "").join(pieces)
            if self.comparison:
                out += f"\n{self.comparison}"
            if self.note:
                out += f"\n（{self.note}）"
            if self.english:
                out = ENGLISH_FRAME + out
        return to_simplified(out) if simplified else out

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


@dataclass(frozen=True)
class Unit:
    """A quotable stretch of a passage: a sentence, or clauses of a long one."""

    rank: int  # the passage's rank (1-based)
    start: int
    end: int
    text: str  # the raw stretch
    sentence_start: int  # where its whole sentence starts, across the ； of a list (for the list's intro)


@lru_cache(maxsize=131072)
def covered(term: str, text: str) -> bool:
    """A question word is in a (normalized) text: itself, one of the report's words for it, or all its parts."""
    if term in text:
        return True
    if any(s in text for s in synonym_terms(term).split()):
        return True
    if len(term) >= 4:  # 城镇居民收入 in 城镇居民人均可支配收入: every two-character piece is there
        pieces = [term[i:i + 2] for i in range(0, len(term) - 1, 2)]
        return all(p in text for p in pieces)
    return False


def coverage(focus: tuple[tuple[str, float, bool], ...], text: str) -> float:
    """Weighted share of the question's words found in a text (rarer words weigh more)."""
    total = sum(w for _, w, _ in focus)
    if not total:
        return 1.0  # nothing to look for beyond the place, year and kind (`…的报告是哪天作的？`)
    norm = for_search(text)
    return sum(w for t, w, _ in focus if covered(t, norm)) / total


def clause_coverage(focus: tuple[tuple[str, float, bool], ...], text: str) -> float:
    """Coverage that counts words together in one clause: the best clause, plus a little for the rest.

    `全市生产总值增长5%左右` covers 地区生产总值 and 增长 in one clause; `…收入增长2%，…相当于全市生产总值的
    比例…` covers them in two clauses about other things, and is worth less.
    """
    whole = coverage(focus, text)
    clauses = [c for c in re.split(r"[，,；;。]", text) if c.strip()]
    if len(clauses) <= 1:
        return whole
    best = max(coverage(focus, c) for c in clauses)
    return best + 0.3 * (whole - best)


def _states_figure(clause: str, focus, nouns) -> bool:
    """The clause gives a figure for what was asked: before its first number, the question's words
    (`地方一般公共预算收入增长3%`), not another indicator's (`居民消费价格涨幅2%`, `城镇登记失业率3.65%`)."""
    m = re.search(r"\d", clause)
    if not m:
        return False
    subject = clause[: m.start()]
    return coverage(focus, subject) >= 0.75 and (not nouns or coverage(nouns, subject) >= 0.9)


def subject_coverage(focus: tuple[tuple[str, float, bool], ...], clause: str, within: int = 8) -> float:
    """Coverage by words the clause is about: each found near its start (`经济增长5.5%左右`), not in passing
    (`居民收入增长与经济增长同步` is about income)."""
    total = sum(w for _, w, _ in focus)
    if not total:
        return 1.0
    norm = for_search(clause).lstrip(" ：:，,")
    head = norm[: within + max((len(t) for t, _, _ in focus), default=0)]
    found = 0.0
    for t, w, _ in focus:
        forms = [t, *synonym_terms(t).split()]
        if any(0 <= head.find(f) <= within for f in forms):
            found += w
    return found / total


def units(hit: Hit) -> list[Unit]:
    """The quotable stretches of a passage: its sentences, and for a long sentence its clauses (alone or in pairs)."""
    text = hit.chunk.text
    if hit.chunk.part == HEADER_PART:  # the title, date and speaker lines: each line is a unit
        out, pos = [], 0
        for line in text.split("\n"):
            if line.strip():
                out.append(Unit(hit.rank, pos, pos + len(line), line, pos))
            pos += len(line) + 1
        return out
    out = []
    full = 0  # where the whole sentence starts: items of a list end in ；, the sentence in 。！？
    for m in SENTENCE.finditer(text):
        s, e = m.start(), m.end()
        if text[s:e].strip():
            if e - s <= LONG_SENTENCE:
                out.append(Unit(hit.rank, s, e, text[s:e], full))
            else:
                clauses = _clauses(text, s, e)
                for i, (cs, ce) in enumerate(clauses):
                    out.append(Unit(hit.rank, cs, ce, text[cs:ce], full))
                    if i + 1 < len(clauses) and clauses[i + 1][1] - cs <= LONG_SENTENCE:
                        out.append(Unit(hit.rank, cs, clauses[i + 1][1], text[cs:clauses[i + 1][1]], full))
        if text[s:e].rstrip("”’」』)） ")[-1:] in "。！？!?":
            full = e
    return out


def _clauses(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """A long sentence cut after ；，：、 into clauses of at least 8 characters."""
    spans, cur = [], s
    for m in re.finditer(r"[；;，,：:]", text[s:e]):
        end = s + m.end()
        if end - cur >= 8:
            spans.append((cur, end))
            cur = end
    if cur < e:
        if spans and e - cur < 8:
            spans[-1] = (spans[-1][0], e)
        else:
            spans.append((cur, e))
    return spans


@dataclass(frozen=True)
class Scored:
    score: float
    unit: Unit
    coverage: float  # of the unit itself
    context: float  # of the unit with its passage's section, lead and sentence
    fits: bool  # has what the question's kind needs (a figure, a date, a name)
    nouns: float = 1.0  # coverage of the question's nouns (what it is about) in the unit and its context


def _score(unit: Unit, hit: Hit, retrieval: Retrieval, strict: bool = False) -> Scored:
    query = retrieval.query
    reading, focus = query.reading, query.focus
    kind = reading.kind
    chunk = hit.chunk
    cov = clause_coverage(focus, unit.text)
    sentence = chunk.text[unit.sentence_start: max(unit.end, chunk.text.find("。", unit.sentence_start) + 1)]
    ctx = coverage(focus, " ".join([chunk.section, chunk.lead, sentence, unit.text]))
    score = 0.7 * cov + 0.3 * ctx
    has_number = bool(_NUMBER.search(unit.text))
    fits = True
    if kind == "figure":
        fits = has_number
        score += 0.25 if has_number else -0.2
        norm = for_search(unit.text)
        if any(covered(t, norm) and re.search(rf"{re.escape(t)}[^，,；;。\d]{{0,6}}\d", norm) for t, _, _ in focus):
            score += 0.1  # the figure follows the word asked about (城镇新增就业45万人)
    elif kind == "person":
        fits = bool(_ROLE.search(to_simplified(unit.text)))
        score += 0.4 if fits and chunk.part == HEADER_PART else -0.3
    elif kind == "date":
        fits = bool(_DATE.search(unit.text))
        score += 0.4 if fits and chunk.part == HEADER_PART else -0.3
    elif kind == "how":
        simple = to_simplified(unit.text)
        if PROBLEM_WORDS.search(simple) and not MEASURE_WORDS.search(simple):
            score -= 0.3  # the report's list of problems does not say how they are solved
        if chunk.year is not None and chunk.year == hit.report.year:
            score += 0.1  # the plan, not the review
    else:  # a bare topic (吉县苹果) or `…怎么样`: its figures and results, not its problems
        score += 0.15 if has_number else 0.0
        if PROBLEM_WORDS.search(to_simplified(unit.text)):
            score -= 0.15
        if not reading.wants_plan and chunk.year is not None and chunk.year == hit.report.review_year:
            score += 0.1
    wanted = query.year_for(hit.report)
    if wanted is not None and chunk.year is not None:
        score += 0.15 if chunk.year == wanted else -0.25
        # Another year's figure is not an answer (2018's target for a question about 2017), unless the
        # sentence itself names the year asked about.
        if chunk.year != wanted and (strict or (kind == "figure" and str(wanted) not in unit.text)):
            fits = False
    elif wanted is None and reading.wants_plan and chunk.year is not None:
        score += 0.1 if chunk.year == hit.report.year else -0.1  # a target, with no year said: this year's plan
    if query.route.must_year is not None and not _states_year(unit.text, query.route.must_year, focus):
        score -= 0.5
        fits = False
    nouns = tuple(f for f in focus if f[2])
    where = unit.text if strict else " ".join([chunk.section, chunk.lead, sentence, unit.text])
    noun_cov = coverage(nouns, where) if nouns else 1.0
    if strict and not any(_states_figure(c, focus, nouns) if kind == "figure" else coverage(nouns, c) >= 0.75
                          for c in re.split(r"[，,；;。：:]", unit.text)):
        # A table cell states what was asked in one clause: a figure after the words asked about, a mention anywhere.
        fits = False
    if NEAR_TIME.search(reading.normalized) and not NEAR_TIME.search(for_search(unit.text)):
        fits = False  # 明天, 下周: reports plan years, they do not forecast days
    simple = to_simplified(unit.text)
    if query.route.must_mention and not any(p in simple for p in query.route.must_mention):
        score -= 0.5
        fits = False
    if GARBLED in unit.text:
        score -= 0.1  # quotable, with the unreadable run shown as …, but a clean sentence is better
    # Earlier passages first; a quote that opens with what is asked; neither a fragment nor a paragraph.
    score -= 0.03 * (unit.rank - 1) + 0.002 * max(0, len(unit.text) - 70) - 0.002 * min(len(unit.text), 40)
    opening = for_search(unit.text[:12])
    if any(covered(t, opening) for t, _, noun in focus if noun):
        score += 0.05
    return Scored(score, unit, cov, ctx, fits, noun_cov)


def _states_year(text: str, year: int, focus) -> bool:
    """The text gives a figure for `year`: `2022年` followed closely by what is asked (not `较2022年…排名`)."""
    norm = for_search(text)
    for m in re.finditer(rf"{year}\s*年", norm):
        after = norm[m.end(): m.end() + 16]
        if not focus or any(covered(t, after) for t, _, _ in focus):
            return True
    return False


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


def _lead(unit: Unit, chunk_text: str, start: int) -> str:
    """The intro of the list a clause belongs to (`主要预期目标是：`), when the quote does not start the sentence."""
    before = chunk_text[unit.sentence_start:start]
    m = re.search(r"[^，,；;。]*?(?:是|为|如下)[：:]", before)
    if m and start > unit.sentence_start and len(m.group(0)) <= 30:
        return m.group(0).lstrip("，,；; ")
    return ""


def compose(retrieval: Retrieval, settings: AnswerSettings = AnswerSettings(), label: str = "") -> Answer:
    """Compose the answer to a question from what its search found."""
    query, hits = retrieval.query, list(retrieval.hits)
    english = query.reading.english
    if query.route.missing:
        return Answer(query.text, (), (), True, 0.0, message=query.route.missing, english=english)
    top = hits[: settings.passages]
    scored = sorted((_score(u, h, retrieval, settings.strict) for h in top for u in units(h)),
                    key=lambda x: (-x.score, x.unit.rank, x.unit.start))
    fitting = [x for x in scored if x.fits]  # the best sentence that has what the question's kind needs
    scored = fitting + [x for x in scored if not x.fits]
    # A question with nothing to look for but a place or year (`吉县怎么样？`) is not answered with a random sentence.
    vague = not query.focus and query.reading.kind not in ("person", "date")
    if not scored or vague or not answers(scored[0], retrieval.dense_top, settings):
        best_cov = scored[0].coverage if scored else 0.0
        return Answer(query.text, (), tuple(hits), True, best_cov, message=query.route.absent, english=english)
    chosen = [scored[0]]
    seen = {t for t, _, _ in query.focus if covered(t, for_search(scored[0].unit.text))}
    reading = query.reading
    header_both = reading.wants_person and (reading.wants_date or "会议" in reading.normalized)
    several = reading.kind in ("how", "list")  # measures and lists read better with two sentences
    for c in scored[1:]:
        if len(chosen) >= settings.max_sentences:
            break
        same_header = header_both and hits[c.unit.rank - 1].chunk.part == HEADER_PART and c.unit.rank == chosen[0].unit.rank
        if c.score < scored[0].score - settings.second_within and not same_header:
            continue
        if not (c.fits or same_header) or _overlaps(c.unit, chosen):
            continue
        adds = {t for t, _, _ in query.focus if covered(t, for_search(c.unit.text))} - seen
        if adds or same_header or (several and c.score >= scored[0].score - settings.second_within):
            chosen.append(c)
            seen |= adds
    chosen.sort(key=lambda c: (c.unit.rank, c.unit.start))  # read in report order
    parts, spans = [], {}
    for c in chosen:
        text = hits[c.unit.rank - 1].chunk.text
        s, e, quote, cut = _quote(c.unit, text)
        lead = _lead(c.unit, text, s) if c.unit.end - c.unit.start < len(text) else ""
        parts.append(AnswerPart(quote, c.unit.rank, lead, cut, label))
        spans.setdefault(c.unit.rank, []).append((s, e))
    return Answer(query.text, tuple(parts), tuple(hits), False, scored[0].coverage, spans, note=query.route.note,
                  english=english)


def _overlaps(unit: Unit, chosen: list[Scored]) -> bool:
    return any(c.unit.rank == unit.rank and c.unit.start < unit.end and unit.start < c.unit.end for c in chosen)


# --- several parts, and comparisons -------------------------------------------------------------

_FIGURE = re.compile(r"(\d+(?:\.\d+)?)\s*(万|亿)?\s*(人|亿元|元|吨|万吨|亿斤|斤|个|名|座|家|%|％)")


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
            out_parts.append(AnswerPart(p.text, n, p.lead, p.cut, label))
        for rank, ss in answer.best_sentences.items():
            spans.setdefault(number[answer.sources[rank - 1].chunk.chunk_id], []).extend(ss)
    english = parts[0][1].english
    if not out_parts:
        message = next((a.message for _, a in parts if a.message), "")
        return Answer(question, (), tuple(sources), True, 0.0, message=message, english=english)
    note = "；".join(dict.fromkeys(a.note for _, a in parts if a.note))
    if missing:
        note = "；".join(x for x in (note, f"报告中没有找到：{'、'.join(missing)}") if x)
    comparison = _compare(parts) if kind == "compare" and not missing else ""
    return Answer(question, tuple(out_parts), tuple(sources), False, min(a.coverage for _, a in parts), spans,
                  note=note, english=english, comparison=comparison)


def _compare(parts: list[tuple[str, Answer]]) -> str:
    """`（比较：1100人 < 1396人，由本工具按上面两处引文的数字比较）` when both sides state a figure in one unit."""
    from qa.keyword import jieba_tokenizer

    texts = [for_search(" ".join(p.text for p in a.parts)).replace("％", "%") for _, a in parts]
    words = [{w for w in jieba_tokenizer().lcut(t) if len(w) >= 2 and not w[0].isdigit()} for t in texts]
    shared = words[0] & words[1]
    figures = []
    for (label, _), text in zip(parts, texts, strict=True):
        # The figure right after the words both sides share (新增城镇就业1396人, not 零工市场就业215人).
        found = list(_FIGURE.finditer(text))
        if not found:
            return ""
        m = max(found, key=lambda f: (sum(w in text[max(0, f.start() - 8): f.start()] for w in shared), -f.start()))
        value = float(m.group(1)) * {"万": 1e4, "亿": 1e8}.get(m.group(2) or "", 1)
        figures.append((label, m.group(0), value, (m.group(2) or "") + m.group(3)))
    (la, ta, va, ua), (lb, tb, vb, ub) = figures
    if ua != ub:
        return ""
    sign = ">" if va > vb else "<" if va < vb else "="
    return f"（比较：{la} {ta} {sign} {lb} {tb}；此比较由本工具根据上面引文中的数字得出，报告本身未作比较。）"
