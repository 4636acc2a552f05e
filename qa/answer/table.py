"""Questions across reports -> a table with one cited row per report.

"2025年各省的地区生产总值增长目标分别是多少？", "哪些省份的报告提到了低空经济？", "山西和陕西2025年的城镇新增
就业目标比一比", "海拉尔区历年报告里的地区生产总值各是多少": each report in scope is searched on its own
passages (the question embedded once) and answered by the same logic as a single question,
restricted to that report. A cell is quoted from its own report or says 未提及; none is borrowed.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, replace
from functools import cached_property

from qa.answer.compose import BOUND_WORDS, Answer, AnswerPart, AnswerSettings, compose
from qa.answer.sentence import covered, read_clauses, respective_figure, several_figures, states_figure, states_measure, subject_coverage
from qa.common.asking import GAP_ASKED, MORE, SUM_WORDS, without_comparison_en
from qa.common.normalize import for_search
from qa.common.places import NATIONAL, english_name
from qa.common.regions import find_region
from qa.common.years import SPAN, year_span
from qa.ingest.clean import GARBLED
from qa.ingest.identity import ReportInfo
from qa.search.english import english_parts
from qa.search.question import Reading, is_english
from qa.search.retrieve import Hit, Retrieval, Retriever
from qa.search.route import Route

NOT_MENTIONED = "未提及"
QUOTED_ROWS = 3  # a table of this many rows or fewer (a comparison) quotes each row's sentence in its text
# Words that make a question range over reports rather than ask one of them.
_ACROSS = re.compile(r"各省(?:区市|市区|份|市)?|全国各地|31个省(?:区市|份)?|哪些(?:省份|省|地区|报告)|哪几个(?:省|省份)|"
                     r"各地|历年|各年|每年|逐年|历次|这几年|每一年|各个?年份")
# The usual ways of saying "every province": 各省、自治区、直辖市 (the official one), 各省区市, 全国各省份, 31个省区市.
_ALL_PROVINCES = r"(?:全国)?各省[、，,]?\s*自治区[、，,]?\s*直辖市|(?:全国)?31个省[、，,]?\s*自治区[、，,]?\s*直辖市|全国各省份?"
_SCOPE_WORDS = re.compile(rf"(?:的)?(?:报告|政府工作报告)(?:里|中)?(?:的)?|(?:{_ALL_PROVINCES})(?:的)?|"
                          r"各省(?:区市|市区|份|市)?(?:的)?|全国各地|"
                          r"31个省(?:区市|份)?(?:的)?|哪些(?:省份|省|地区)(?:的)?|哪几个(?:省|省份)(?:的)?|各地(?:的)?|"
                          r"历年(?:的)?|各年(?:的)?|每年(?:的)?|逐年|历次|这几年|分别|各自|各是|各为|比一比|对比一下|对比|"
                          r"列个?表|做个?表|(?:的)?(?:" + SUM_WORDS + r")")
# The same in English: `of all provinces`, `each province's`, `for every province`, `which provinces`.
_SCOPE_WORDS_EN = re.compile(r"\s*\b(?:(?:of|for|in|across)\s+)?(?:all(?:\s+the)?(?:\s+31)?|each|every)\s+provinces?(?:'s?)?\b|"
                             r"\bwhich\s+provinces\b", re.I)
# Words that compare what they name (广东的粮食产量目标比广西多多少, 谁的目标更高, which is higher).
COMPARES = re.compile(r"比|哪个|哪一个|哪家|(?<!在)哪一?边(?!是)|哪一?年|谁的|谁更|更高|更低|更多|更少|更快|高于|低于|多于|少于|"
                      r"差距|差了?多少|相差|一样|相同|变化|不同|区别|" + GAP_ASKED + r"|"
                      r"几倍|多少倍|翻了?(?:几番|多少|几倍)|(?<!other )(?<!rather )\bthan\b|"
                      r"\b(?:which|higher|lower|more|less|bigger|smaller|larger|greater|faster|slower|compared?|"
                      r"versus|vs|times)\b")
# A multiple asked (黑龙江的粮食产量是安徽的几倍, how many times): the verdict says the ratio too.
_TIMES = re.compile(r"几倍|多少倍|翻了?(?:几番|多少|几倍)|\bhow many times\b")  # (翻了几番: doubled how often)
# A sum of the figures asked (江苏和浙江的GDP加起来是多少, 两省一共, combined), not each side's own total (分别一共有多少).
# (_SUM_SAID alone makes two years a table; 一共, 总共, in total, together ask a sum of the rows a table already has)
_SUM_SAID = re.compile(SUM_WORDS + r"|\bcombined\b|\badd(?:ed)? up\b|\baltogether\b")
SUM_ASKED = re.compile(_SUM_SAID.pattern + r"|一共|总共|\bin total\b|\btogether\b(?!\s+with)", re.I)
_EACH = re.compile(r"分别|各自|各是|各为|各有|\beach\b|\brespectively\b", re.I)
# A change, not a level: 增长5%, 增速, 率 (asked) / 增长5.7% (stated).
CHANGE_ASKED = re.compile(r"增长|增速|增幅|涨幅|提高|提升|下降|降低|增加|减少|率|比重|占比|%|growth|rate|share")
CHANGE_STATED = re.compile(r"(?:增长|增速|增幅|涨幅|下降|提高|提升)[^，,；;。\d]{0,4}\d+(?:\.\d+)?\s*[%％]")
MEASURES = re.compile(r"增长|增速|目标|率|产量|总量|总额|收入|投资|人数|规模|数量|面积|指数|浓度|万人|亿元")
# A comparative asks for an amount: 哪个…更多, 谁的…高, 高于, 高多少, which is higher.
COMPARATIVE = re.compile(rf"更[高低多少快慢大小]|[高低多少]于|{MORE}多少|差多少|差距|"
                         r"(?:谁|哪个|哪一个|哪家|哪一?年)[^，,。？?]{0,15}?[高低多少快慢大小]|"
                         r"\b(?:higher|lower|more|less|bigger|smaller|larger|greater|faster|slower)\b", re.I)
_SPAN = SPAN


@dataclass(frozen=True)
class Row:
    report: ReportInfo
    year: int | None  # the year the cell is about
    answer: Answer  # the single-report answer the cell quotes
    focus: tuple = ()  # the question's words (to pick the clause a cell shows)
    figure: bool = False  # the question asks for a figure
    level: bool = False  # ... a level (地区生产总值是多少), not a change (增长多少, 增速)

    @property
    def mentioned(self) -> bool:
        return not self.answer.abstained

    @cached_property  # read by the text, the summary's verdict, the chart and the CSV: chosen once
    def cell(self) -> str:
        """The cell as quoted from its report: the clause of its answer that states what was asked, or 未提及."""
        if self.answer.abstained:
            return NOT_MENTIONED
        return best_clause(self.answer.parts[0].text, self.focus, self.figure, self.level).replace(GARBLED, "…")

    @property
    def hit(self):
        return self.answer.sources[self.answer.parts[0].source - 1] if self.mentioned else None

    @cached_property
    def value(self) -> Figure | None:
        """The figure the cell states for what was asked (the first one after the words asked about)."""
        if not (self.mentioned and self.figure):
            return None
        cell = self.cell
        if self.year:  # `由2010年的162.4亿元增加到2015年的287.9亿元`: the figure the row's year names
            m = re.search(rf"{self.year}\s*年(?:的|底|末)?(?=\s*\d)", cell)
            if m:
                return read_figure(cell[m.end():]) or read_figure(cell)
        nouns = tuple(f for f in self.focus if f[2])
        clauses = read_clauses(cell)
        stating = [c for c, read in clauses if states_figure(read, self.focus, nouns)] or [c for c, _ in clauses]
        listed = 0  # clauses that give several things a figure each, none of them the thing asked
        for clause in stating:  # the clause that gives the figure for what was asked, not its neighbour's
            respective = respective_figure(clause, self.focus)
            if not respective and several_figures(clause):
                listed += 1  # (城市、农村…分别提高6%和11% asked as 城乡…: which one is no one's to choose)
                continue
            if respective:
                # `分别控制在5%和3%以内`: the qualifier at the end of the list holds for each figure in it
                after = re.search(r"以上|左右|以内|以下", clause[clause.rfind(respective):])
                qualifier = after.group(0) if after else ""
                figure = read_figure(respective + qualifier) or read_figure(respective + "%" + qualifier)
                if figure:
                    return figure
            figure = read_figure(clause)
            if figure:
                return figure
        return None if listed else read_figure(cell)


@dataclass(frozen=True)
class Figure:
    """A figure as a report states it: `5.5%左右` -> 5.5, "%", "左右"; a range `5%—5.5%` keeps both ends."""

    value: float
    unit: str
    qualifier: str = ""  # 以上, 左右, 以内 …: a target, not an exact figure
    high: float | None = None  # the top of a range
    text: str = ""

    @property
    def mid(self) -> float:
        return self.value if self.high is None else (self.value + self.high) / 2

    @property
    def kind(self) -> str:
        """What it measures, as a unit of its kind: 元, 吨, 人, 亩 (万吨 and 亿斤 are both 吨)."""
        return unit_kind(self.unit)

    def in_unit(self, unit: str) -> float:
        """The figure (its middle) in another unit of its kind: 282亿斤 -> 1410 (万吨)."""
        return self.mid * _in_base(self.unit)[1] / _in_base(unit)[1]


# Units of one kind and their size in its base unit (1 斤 = 0.5 千克): reports write 亿斤 or 万吨, 亿元 or 万亿元.
_BASE = {"万亿元": ("元", 1e12), "亿元": ("元", 1e8), "万元": ("元", 1e4), "元": ("元", 1.0),
         "万吨": ("吨", 1e4), "吨": ("吨", 1.0), "亿斤": ("吨", 5e4), "万斤": ("吨", 5.0), "斤": ("吨", 5e-4),
         "万人": ("人", 1e4), "人": ("人", 1.0), "万亩": ("亩", 1e4), "亩": ("亩", 1.0)}


def unit_kind(unit: str) -> str:
    """What a unit measures, as the base unit of its kind (亿斤 -> 吨, 万户 -> 户, % -> %)."""
    return _in_base(unit)[0]


def _in_base(unit: str) -> tuple[str, float]:
    """(the base unit of its kind, its size in that unit); a count in 万 or 亿 of a measure word is of that measure
    word (3.2万座 is 32000 座); a unit of no listed kind is its own base (%)."""
    if unit in _BASE:
        return _BASE[unit]
    scaled = re.fullmatch(rf"(万|亿)({_COUNTED_IN})", unit)
    return (scaled.group(2), 1e4 if scaled.group(1) == "万" else 1e8) if scaled else (unit, 1.0)


# The measure words a count is written in (28座, 3.2万套, 1200万人次): what is counted, by its kind.
_COUNTED_IN = "人次|辆次|架次|标箱|张床|座|个|家|所|条|项|套|辆|户|件|台|张|处|栋|间|艘|列|名|头|只|株|棵|床"
_COUNT_WORDS = frozenset(_COUNTED_IN.split("|"))
_FIGURE = re.compile(rf"({BOUND_WORDS})?(\d+(?:\.\d+)?)\s*"
                     rf"(%|％|万亿元|亿元|万元|元|万吨|吨|亿斤|万斤|斤|万人次|万人|人次|人|万亩|亩|公里|个百分点|"
                     rf"(?:万|亿)?(?:{_COUNTED_IN}))?"
                     r"(?:\s*[—–\-~至到]\s*(\d+(?:\.\d+)?)\s*(%|％)?)?\s*(以上|左右|以内|以下|上下|内|多)?")


def read_figure(text: str) -> Figure | None:
    """The first figure with a unit in a cell (`地区生产总值增长5%左右` -> 5, %, 左右); a count that stands before the
    noun it counts (500个省重点项目完成投资3200亿元, 11个设区市) or after 第 (第3名) is no figure of the cell's own."""
    for m in _FIGURE.finditer(text):
        bound, value, unit, high, high_unit, after = m.groups()
        unit = (unit or high_unit or "").replace("％", "%")
        if not unit:
            continue
        if _in_base(unit)[0] in _COUNT_WORDS and (
                text[m.start() - 1: m.start()] == "第" or re.match(r"[\u4e00-\u9fff]", text[m.end(): m.end() + 1])):
            continue
        # a bound written before the figure (突破1600亿斤, 超过90万人) qualifies it as 以上 after it does
        return Figure(float(value), unit, after or bound or "", float(high) if high else None, m.group(0).strip())
    return None


# The verdict's words: the figures stay as the reports write them (5%以上, 120万人以上), each with its [n].
VERDICT = {
    "named": "{place}{year}（{figure}）[{n}]", "targets": "按报告所写的目标值比较", "figures": "按报告所写的数字比较",
    "bounded": "按报告所写的数字比较，「左右」「以上」「突破」等按所写的数字计", "times": "前者约为后者的{ratio}倍。",
    "converted": "，统一换算为{unit}", "middle": "，区间取中值", "jin": "，1斤=0.5千克", "same": "{a}与{b}相同（{basis}）。",
    "higher": "{a}高于{b}{gap}（{basis}）。", "gap": "，高出{diff}{unit}", "points": "个百分点", "tied": "等 {tied} 份并列",
    "many": "最高：{high}；最低：{low}；中位数 {median}{unit}（{n} 份给出数字，{basis}）。",
    "sum": "{named}合计{total}{unit}（按报告所写的数字相加{how}）。", "as_written": "，「左右」「以上」「突破」等按所写的数字计",
    "join": "、", "unsummed": "{missing}没有给出可相加的数字，无法合计。", "rates": "增速、比率不能相加，下面按数字比较：",
}
VERDICT_EN = {
    "named": "{place}{year} ({figure}) [{n}]", "targets": "comparing the targets as the reports write them",
    "figures": "comparing the figures as the reports write them",
    "bounded": "comparing the figures as the reports write them, 'about' and 'at least' read as the number",
    "times": " The first is about {ratio} times the second.",
    "converted": ", converted to {unit}", "middle": ", a range by its middle",
    "jin": ", 1 斤 = 0.5 kg", "same": "{a} is the same as {b} ({basis}).", "higher": "{a} is higher than {b}{gap} ({basis}).",
    "gap": " by {diff} {unit}",
    "points": "percentage points",
    "tied": " and {others} more at the same figure",
    "many": "Highest: {high}; lowest: {low}; median {median}{unit} ({n} reports give a figure, {basis}).",
    "sum": "{named}: {total} {unit} together (the figures as the reports write them, added up{how}).",
    "as_written": ", 'about' and 'at least' read as the number", "join": ", ",
    "unsummed": "{missing} give no amount to add up, so there is no total.",
    "rates": "Rates do not add up; compared instead: ",
}


@dataclass(frozen=True)
class Table:
    question: str
    topic: str  # what every row answers (the question without its scope words)
    rows: tuple[Row, ...]
    scope: str  # how the rows were chosen, in Chinese (各省 2025 年报告 / 海拉尔区历年报告)

    @property
    def summary(self) -> str:
        given = sum(r.mentioned for r in self.rows)
        # the reports searched first, then how many answer: `（四川省、湖北省 2025 年报告）` after the count read as the ones
        # that did not mention it
        out = f"{self.scope}：{len(self.rows)} 份报告中 {given} 份给出了答案，{len(self.rows) - given} 份{NOT_MENTIONED}。"
        return out + self.headline()

    def summary_text(self, english: bool = False) -> str:
        return self.summary_en() if english else self.summary

    def summary_en(self) -> str:
        given = sum(r.mentioned for r in self.rows)
        return (f"{self.scope_en}: {given} of {len(self.rows)} reports answer, {len(self.rows) - given} do not mention it. "
                + self.headline(english=True)).strip()

    @property
    def scope_en(self) -> str:
        """The scope in English: `Hunan, Hubei 2025 reports`, `31 provincial 2025 reports`."""
        places = list(dict.fromkeys(english_name(r.report.place_obj) for r in self.rows))
        years = sorted({r.year for r in self.rows if r.year})
        when = "" if not years else f" {years[0]}" if len(years) == 1 else f" {years[0]}-{years[-1]}"
        named = ", ".join(places) if len(places) <= 4 else f"{len(places)} places'"
        return f"{named}{when} reports"

    def figures(self) -> list[tuple[int, Row, Figure]]:
        """(source number, row, figure) for the rows that state a figure of the most common kind (万吨 and
        亿斤 are one kind: they are compared in `unit`)."""
        numbered = []
        n = 0
        for row in self.rows:
            if row.mentioned:
                n += 1
                if row.value is not None:
                    numbered.append((n, row, row.value))
        kinds = [f.kind for _, _, f in numbered]
        if self.asks_sum and any(k != "%" for k in kinds):
            kinds = [k for k in kinds if k != "%"]  # rates add up to nothing: a sum is of the amounts
        common = max(sorted(set(kinds)), key=kinds.count) if kinds else ""
        return [x for x in numbered if x[2].kind == common]

    @property
    def unit(self) -> str:
        """The unit the figures are compared and drawn in: the one most of them are written in."""
        units = [f.unit for _, _, f in self.figures()]
        return max(sorted(set(units)), key=units.count) if units else ""

    def headline(self, english: bool = False) -> str:
        """The verdict over the rows that state a figure: for two, which is higher (honest about 以上/左右 and
        ranges: compared by the stated figure); for more, the highest, the lowest and the median, each cited; for a
        sum asked, the figures added up (rates are compared instead, saying so). In English for an English question
        (the figures as the reports write them)."""
        figures = self.figures()
        summing = self.asks_sum and len(self.rows) > 1
        if not figures or len(figures) < 2 and not summing:
            return ""
        words = VERDICT_EN if english else VERDICT

        def named(x) -> str:
            n, row, f = x
            place = english_name(row.report.place_obj) if english else row.report.place
            year = f"{' ' if english else ''}{row.year or ''}" if len(self.rows) > 2 or len(
                {r.report.place for r in self.rows}) < 2 else ""
            return words["named"].format(place=place, year=year, figure=f.text, n=n)

        unit = self.unit
        ordered = sorted(figures, key=lambda x: -x[2].in_unit(unit))
        hedged = any(f.qualifier or f.high is not None for _, _, f in figures)
        ranged = any(f.high is not None for _, _, f in figures)  # 5.0%—5.5% is compared as 5.25%
        written = {f.unit for _, _, f in figures}
        converted = words["converted"].format(unit=unit) + (words["jin"] if any("斤" in u for u in written) else "") \
            if len(written) > 1 else ""  # 282亿斤 against 1285万吨: say that it was converted, and how
        if summing and unit != "%":
            how = (words["as_written"] if hedged else "") + (words["middle"] if ranged else "") + converted
            return self._sum(figures, unit, how, named, words, english)
        if len(figures) < 2:
            return ""
        planned = all(row.year == row.report.year for _, row, _ in figures)  # targets, not what a year came to
        basis = (words["targets"] if planned else words["bounded"]) if hedged else words["figures"]
        basis += (words["middle"] if ranged else "") + converted
        lead = words["rates"] if summing else ""  # (两省增速加起来: rates do not add up)
        if len(figures) == 2:
            (a, b) = ordered
            diff = round(a[2].in_unit(unit) - b[2].in_unit(unit), 6)
            gap = words["gap"].format(diff=_written(diff), unit=words["points"] if unit == "%" else unit)
            verdict = words["higher" if diff else "same"].format(a=named(a), b=named(b), gap=gap, basis=basis)
            low = b[2].in_unit(unit)
            if _TIMES.search(self.question) and low > 0 and unit != "%":
                verdict += words["times"].format(ratio=f"{a[2].in_unit(unit) / low:.2f}".rstrip("0").rstrip("."))
            return lead + verdict
        values = sorted(f.in_unit(unit) for _, _, f in figures)
        median = values[len(values) // 2] if len(values) % 2 else (values[len(values) // 2 - 1] + values[len(values) // 2]) / 2

        def extreme(x) -> str:  # eight provinces at 5%: the lowest is none of them alone
            tied = sum(round(y[2].in_unit(unit), 6) == round(x[2].in_unit(unit), 6) for y in figures)
            return named(x) + (words["tied"].format(tied=tied, others=tied - 1) if tied > 1 else "")

        lowest = min(figures, key=lambda x: (x[2].in_unit(unit), x[0]))  # among ties, the first row (as ordered[0])
        return lead + words["many"].format(high=extreme(ordered[0]), low=extreme(lowest), median=_written(median), unit=unit,
                                           n=len(figures), basis=basis)

    @property
    def asks_sum(self) -> bool:
        """The question asks the figures added up (两省加起来, 一共, combined), not each one's (分别) nor which is more
        (一共新建了几座，哪年多: each year's total, compared)."""
        return bool(SUM_ASKED.search(self.question)) and not _EACH.search(self.question) \
            and not COMPARES.search(self.question)

    def _sum(self, figures, unit: str, how: str, named, words: dict, english: bool) -> str:
        """The figures added up, each cited; where a report gives none (or one of another kind), that there is no total."""
        summed = {id(row) for _, row, _ in figures}
        missing = [row for row in self.rows if id(row) not in summed]
        if missing:
            names = words["join"].join(english_name(r.report.place_obj) if english else r.report.place for r in missing)
            return words["unsummed"].format(missing=names)
        total = sum(f.in_unit(unit) for _, _, f in figures)
        return words["sum"].format(named=words["join"].join(map(named, figures)), total=_written(total), unit=unit, how=how)

    def lines(self, english: bool = False) -> list[str]:
        """The summary, then one line per row; a row that answers carries its source's [n] (numbered in row order).
        A comparison of a few reports (`QUOTED_ROWS`) also quotes each row's whole sentence: with two or three
        rows the reader wants each figure's wording (以上, 左右, 超额完成) and year, not the clause alone."""
        lines = [self.summary_text(english)]
        numbers = iter(range(1, len(self.rows) + 1))
        for row in self.rows:
            label = f"{row.report.place} {row.year or ''}".strip()
            line = f"{label}：{row.cell}" + (f"[{next(numbers)}]" if row.mentioned else "")
            quote = row.answer.parts[0].text.strip() if row.mentioned else ""
            if len(self.rows) <= QUOTED_ROWS and quote and for_search(quote) != for_search(row.cell):
                line += f"（原文：{quote}）"
            lines.append(line)
        return lines

    def to_json(self) -> list[dict]:
        out = []
        for row in self.rows:
            hit = row.hit
            c = hit.chunk if hit else None
            out.append({
                "report": row.report.id, "place": row.report.place, "year": row.year, "answer": row.cell,
                "chunk_id": c.chunk_id if c else None, "passage_id": c.passage_id if c else None, "part": c.part if c else None,
                "section": c.section if c else None, "paragraph": c.paragraph if c else None,
            })
        return out

    def to_csv(self) -> str:
        """The table as CSV; a cell that a spreadsheet would run as a formula (= + - @ …) is kept as text."""
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["report", "place", "year", "answer", "value", "unit", "qualifier", "where", "title"])
        for row in self.rows:
            hit, f = row.hit, row.value
            writer.writerow([safe_cell(v) for v in (row.report.id, row.report.place, row.year or "", row.cell,
                                                     f"{f.value:g}" if f else "", f.unit if f else "",
                                                     f.qualifier if f else "", hit.chunk.where if hit else "",
                                                     row.report.title)])
        return buffer.getvalue()


def safe_cell(value) -> str:
    """A CSV cell a spreadsheet shows as text: one starting with = + - @ (or a tab/CR) gets a leading '."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def scope_reports(reading: Reading, reports: list[ReportInfo], selected: tuple[str, ...] = ()) -> tuple[list[ReportInfo], str] | None:
    """The reports a question ranges over, and a description; None for a question to one report."""
    pool = [r for r in reports if not selected or r.id in selected]
    text = reading.normalized
    if reading.english and english_parts(reading.text, reading.place_names):
        return None  # `What was X's GDP in 2016, and was growth faster than in 2015?`: two questions, each on its own
    matched = [p for p in reading.places if any(r.is_about(p) for r in pool)]
    span = year_span(text)
    years = span if span is not None else set(reading.years)
    region = find_region(text)
    if region and not matched:  # 东部各省, 长三角三省一市: the provinces of a named group
        rows = [r for r in pool if r.level == "provincial" and (r.place_code or "")[:2] in region.codes]
        rows = _one_per_place(rows, years)
        return (rows, f"{region.name}{_years_label(rows)}报告") if rows else None
    if reading.level or re.search(r"哪些(?:省份|省|地区|报告)|哪几个(?:省|省份)|全国各地", text):
        level = reading.level or "provincial"
        rows = [r for r in pool if r.level == level]
        label = {"provincial": "各省", "city": "各市", "county": "各县"}.get(level, "各地")
        rows = _one_per_place(rows, years)
        return (rows, f"{label}{_years_label(rows)}报告") if rows else None
    names = "|".join(re.escape(n) for n in reading.place_names)
    listed = re.search(rf"(?:{names})(?:'s)?\s*(?:和|与|及|、|跟|同|以及|还有|对比|比|and|or|vs\.?|versus)\s*(?:{names})",
                       text) if names else None
    sides_differ = re.search(r"实际|(?:完成|实现)了", text) and re.search(r"目标|计划|预期", text)  # a result against a target
    if len(matched) >= 2 and (listed or COMPARES.search(text)) and reading.report_year is None and not sides_differ:
        rows = [r for r in pool if any(r.is_about(p) for p in matched)]
        rows = _one_per_place(rows, years, reading.wants_plan)  # 2024年北京和上海的失业率: what 2024 came to
        return (rows, "、".join(p.name for p in matched) + f"{_years_label(rows)}报告") if len(rows) >= 2 else None
    # `2018年和2020年报告的…` names two reports; `上海2024年报告里，2023年…` one report, and the year it reviews
    listed_years = re.search(r"(?:19|20)\d\d\s*年?\s*(?:和|与|及|、|跟|同|对比|比)\s*(?:19|20)\d\d", text)
    named_years = sorted(set(reading.years) - (set() if listed_years else {reading.report_year}))
    if not reading.places and listed_years and len(named_years) >= 2:  # `2018年和2020年政府工作报告的…`: the country's
        matched = [NATIONAL] if any(r.is_about(NATIONAL) for r in pool) else []
    if len(matched) == 1 and len(named_years) >= 2 and span is None and (
            COMPARES.search(text) or _SUM_SAID.search(text) or listed_years and SUM_ASKED.search(text)):
        # `2016年和2017年的…哪年高` (or 加起来, or 一共 of the years listed): for each year, the report that plans it (a
        # target) or reviews it (a result)
        rows = [r for r in pool if r.is_about(matched[0])]
        chosen = [_report_for_year(rows, y, _plans_year(text, y, reading.wants_plan)) for y in named_years]
        chosen = [r for r in dict.fromkeys(chosen) if r is not None]
        return (chosen, f"{matched[0].name}{_years_label(chosen)}报告") if len(chosen) >= 2 else None
    across = [m.group(0) for m in _ACROSS.finditer(text)]
    if across and set(across) <= {"每年", "每一年"} and len(set(reading.years)) == 1:
        across = []  # 2024年…每年发多少: a year's amount per year, not a row for every year
    if len(matched) == 1 and (across or span is not None):
        rows = [r for r in pool if r.is_about(matched[0])]
        if span is not None:
            rows = [r for r in rows if r.year in years or r.review_year in years]
        rows.sort(key=lambda r: r.year or 0)
        return (rows, f"{matched[0].name}历年报告") if len(rows) >= 2 else None
    return None


def _plans_year(text: str, year: int, plan: bool) -> bool:
    """Whether the question asks `year`'s target: the words after that year say so (`2016年GDP增长目标比2015年实际`:
    2016 a target, 2015 a result), else the question as a whole."""
    m = re.search(rf"{year}\s*年(?P<after>[^，,。？?]*?)(?=(?:19|20)\d\d\s*年|[，,。？?]|$)", text)
    after = m.group("after") if m else ""
    if re.search(r"实际|完成|实现", after):
        return False
    if re.search(r"目标|计划|预期", after):
        return True
    return plan


def _report_for_year(reports: list[ReportInfo], year: int, plan: bool) -> ReportInfo | None:
    """The report about `year`: the one planning it for a target, the one reviewing it for a result, else the other."""
    planning = [r for r in reports if r.year == year]
    reviewing = [r for r in reports if r.review_year == year]
    found = (planning + reviewing) if plan else (reviewing + planning)
    return found[0] if found else None


def _one_per_place(reports: list[ReportInfo], years: set[int], plan: bool = True) -> list[ReportInfo]:
    """For each place, the report of the year asked (planning it for a target, reviewing it for a result, else
    the other), else the newest."""
    by_place: dict[str, list[ReportInfo]] = {}
    for r in reports:
        by_place.setdefault(r.place_code or r.place, []).append(r)
    out = []
    for group in by_place.values():
        if years:
            planning = [r for r in group if r.year in years]
            reviewing = [r for r in group if r.review_year in years]
            group = (planning or reviewing) if plan else (reviewing or planning)
        if group:
            out.append(max(group, key=lambda r: r.year or 0))
    return sorted(out, key=lambda r: (r.place_code or "~", r.year or 0))


def _years_label(rows: list[ReportInfo]) -> str:
    years = sorted({r.year for r in rows if r.year})
    return "" if not years else f" {years[0]} 年" if len(years) == 1 else f" {years[0]}–{years[-1]} 年"


def topic_question(reading: Reading) -> str:
    """The question every row answers: the scope words (各省, 分别, 历年 …) and place names taken out."""
    text = reading.text
    for name in sorted(reading.place_names, key=len, reverse=True):
        text = re.sub(re.escape(name), "", text, flags=re.I)
    text = _SPAN.sub("", text)
    if len(set(reading.years)) >= 2:  # `2016年和2017年的…`: each row asks its own year
        text = re.sub(r"(?:19|20)\d\d\s*年?(?:[和与及、跟]|$)?", "", text)
    region = find_region(text)
    if region:
        text = text.replace(region.name, "")
    text = _SCOPE_WORDS_EN.sub("", _SCOPE_WORDS.sub("", text))
    text = re.sub(r"^[和与及、的\s]+|(?<=[，,])[和与及、]", "", text)
    # What joined the places is left between the year and the topic: `2025年、、、、的…` -> `2025年的…`.
    text = re.sub(r"(?<=年)[、，,和与及\s]+|[、，,和与及\s]+(?=的)|[、，,和与及]{2,}", "", text)
    text = without_comparison_en(text.strip()) if reading.english else _without_comparison(text.strip())
    return text.strip() or reading.text


# Where a comparison's own words begin (…比高还是低, …哪个高, …更高, …相比如何, …一样吗): what each report is
# asked is the indicator before them. 比 of 比重/比例/比上年 is part of the indicator.
_COMPARISON_TAIL = re.compile(r"[，,]?\s*(?:(?<![占对])比(?![重例率上去前同])|相比|哪个|哪一个|哪家|哪一?年|谁|"
                              r"更(?=[高低多少快慢大小])|高于|低于|"
                              r"多于|少于|差距|相差|差多少|差几|" + GAP_ASKED + r"|"
                              r"一样|相同|有什么不同|有何不同|的区别|"
                              r"(?:大约|大概|约)?是?的?(?:几|多少)倍)")


# The asking word of `哪个省的…更高`, `谁的…高`, `谁新增就业更多`, with the indicator after it.
_WHICH = re.compile(r"(?:谁的?|(?:哪个|哪一个|哪家)(?:地方|省份?|城市|市|县|区|报告)?的?|哪一?年的)(?=[^，,。？?]{2,})")


def _without_comparison(text: str) -> str:
    """`粮食产量比高还是低` -> `粮食产量`; `谁的经济增长目标更高` -> `经济增长目标`; `今年哪个粮食产量目标高`
    -> `今年粮食产量目标`; `(X)比(Y)GDP目标高多少` -> `GDP目标`; other text as it is."""
    text = re.sub(r"^[，,、\s]+", "", text)
    which = _WHICH.search(text)
    if which:  # `哪个…高`: the indicator between the asking word and the comparative
        text = re.sub(r"(?:定)?得?(?:更|比较)?[高低多少快慢大小](?:一些|些)?[？?]*$", "", text[: which.start()] + text[which.end():])
        text = text.rstrip("的，, ") + "？"
    if text.startswith("比"):  # what is left of `X比Y…高多少` with the places taken out
        text = re.sub(rf"{MORE}(?:多少|几个百分点|吗|么|不|些|一些|一点)?[？?]*$", "", text[1:]).rstrip("的，, ") + "？"
    m = _COMPARISON_TAIL.search(text)
    return text[: m.start()].rstrip("的，, ") + "？" if m and m.start() >= 2 else text


# A cell is read by someone comparing many reports at a glance: it must carry what was asked.
TABLE_SETTINGS = AnswerSettings(passages=8, min_coverage=0.7, min_coverage_dense=0.7, min_nouns=0.75, strict=True,
                                max_sentences=1)


# A row of a comparison the question names (山东和河南…分别要突破多少, 江西呢？谁更高) that the cell's rules leave empty
# is what the user would get asking that report alone: chosen and refused by the fitted answer model, one sentence
# (a report that says it in its own words, 国考断面 for 考核断面, is not 未提及).
COMPARISON_SETTINGS = AnswerSettings(max_sentences=1)


def compares_named(reading: Reading, reports: list[ReportInfo]) -> bool:
    """Does the question set side by side the few reports it names (two or three places, or years), rather than range
    over reports (各省, 历年, 每年)?"""
    return len(reports) <= QUOTED_ROWS and (len(set(reading.places)) >= 2 or len(set(reading.years)) >= 2)


def build_table(retriever: Retriever, reading: Reading, scope: tuple[list[ReportInfo], str], k: int = 8,
                settings: AnswerSettings = TABLE_SETTINGS) -> Table:
    """Answer the question once per report in scope, each on its own passages, with one embedding."""
    reports, label = scope
    named = compares_named(reading, reports)
    topic = topic_question(reading)
    base = retriever.query(topic, routing=False)
    # `…增长目标比一比`, `各省粮食产量`, `哪个新增就业更多`: a column of figures, even without 多少.
    asks = "figure" if base.reading.kind in ("general", "yesno") and (
        MEASURES.search(base.reading.normalized) or COMPARATIVE.search(reading.normalized)
        or _TIMES.search(reading.normalized)) else None
    asked = replace(reading, asks=asks or reading.asks)
    rows = []
    for report in reports:
        year = _row_year(asked, report)
        row_reading = replace(base.reading, years=(year,) if year else (), offset=None, report_year=None,
                              asks=asks or base.reading.asks)
        route = Route((report.id,), named=True)
        query = replace(base, reading=row_reading, route=route)
        figure = row_reading.kind == "figure"
        # A level (地区生产总值是多少) is not answered by a change; a target (GDP目标) may be either.
        level = figure and not CHANGE_ASKED.search(base.reading.normalized) and not base.reading.wants_plan
        found = retriever.search(query, k)
        answer = compose(found, settings)
        if answer.abstained and named:  # a side the cell's rules find no sentence for, answered as if asked alone
            answer, year = _answered_alone(found, asked, year)
        rows.append(Row(report, year, answer, base.focus, figure, level))
    return Table(reading.text, topic, tuple(rows), label)


def _answered_alone(found: Retrieval, asked: Reading, year: int | None) -> tuple[Answer, int | None]:
    """A side of a comparison the table's rules leave empty, answered as that report would answer it alone, and the year
    its row then names: a question naming no year is not held to the year its row was read for (孤儿补贴标准提高到…元/月
    is stated with the year ahead's plan, and the row names no year)."""
    answer = compose(found, COMPARISON_SETTINGS)
    if answer.abstained and year is not None and not asked.years and asked.offset is None:
        unyeared = replace(found.query, reading=replace(found.query.reading, years=()))
        answer = compose(replace(found, query=unyeared), COMPARISON_SETTINGS)
        if not answer.abstained:
            year = None
    return answer, year


def _row_year(reading: Reading, report: ReportInfo) -> int | None:
    """The year a row is about: the one asked if this report covers it; for a figure, the year the
    report plans (a target) or reviews (a result); for a mention (`提到了…吗`), any year."""
    covered = [y for y in reading.years if y in (report.year, report.review_year)]
    if len(covered) > 1:  # 2016年和2017年 and the report of 2017, which reviews 2016: the year it was chosen for
        return report.year if reading.wants_plan else report.review_year
    if covered:
        return covered[0]
    if reading.offset is not None and report.year is not None:  # 今年/去年: as this report says it
        year = report.year + reading.offset
        return year if year in (report.year, report.review_year) else None
    if reading.kind != "figure":
        return None
    return report.year if reading.wants_plan else report.review_year


def _written(x: float) -> str:
    """A sum or a gap as the reports write figures: every decimal kept (96890.15, not 96890.1), none added (5411.9)."""
    return f"{round(x, 6):.6f}".rstrip("0").rstrip(".")


def best_clause(quote: str, focus: tuple, figure: bool, level: bool = False) -> str:
    """The clause of a quote (cut at ，；、) that carries the most of the question's words, with a figure if asked.

    Facts of the language come first: 人均X is another indicator than X (unless 人均 was asked), and a
    level asked (地区生产总值是多少) is not answered by the change a clause states (增长5.7%)."""
    clauses = {c.strip(): read for c, read in read_clauses(quote) if c.strip(" ，,；;：:、")}

    nouns = tuple(f for f in focus if f[2])
    per_capita_asked = any("人均" in t for t, _, _ in focus)

    def score(clause: str) -> tuple:
        read = clauses[clause]
        norm = for_search(read)
        states = figure and states_figure(read, focus, nouns)
        about = subject_coverage(nouns, read)
        words = sum(w for t, w, _ in focus if covered(t, norm))
        # 人均GDP is another indicator than GDP; income is always per head (人均可支配收入 is the income asked), and so is
        # a monthly standard (低保人均月标准)
        same_indicator = per_capita_asked or "人均" not in re.sub(r"人均(?:可支配|纯)?收入|人均(?:每)?月", "", clause)
        same_measure = not (level and CHANGE_STATED.search(clause))
        names = about > 0 or words > 0
        # an amount (64697亿元), not a rank (保持全国第5位) or a gap (高于全国0.7个百分点); a count in words is the level
        # only of what the clause names (十件民生实事 when they are asked; 十方面民生实事圆满完成 is no GDP)
        amount = not (level and figure) or (states_measure(clause, "level") and not re.search(r"百分点|[%％]", clause)
                                            and (names or bool(re.search(r"\d", clause))))
        # where no clause states the level, the one naming what was asked (全省生产总值增长5.5%) before one naming nothing
        named = names if level and figure else True
        return (same_indicator, same_measure and amount, named, same_measure, amount, states, round(about, 3),
                figure and bool(re.search(r"\d", clause)), round(words, 3), -len(clause))

    best = max(clauses, key=score) if clauses else quote
    return best.rstrip("，,；;：:。")


def table_answer(table: Table) -> Answer:
    """The table as an answer: a summary, one cited line per row, the rows' passages as its sources.

    A table where no report answers is an abstention (the rows are kept, each 未提及).
    """
    if not any(row.mentioned for row in table.rows):
        return Answer(table.question, (), (), True, 0.0, message=f"{table.scope}中都没有找到与这个问题直接相关的内容。",
                      table=table, english=is_english(table.question))
    sources, parts, spans = [], [], {}
    for row in table.rows:
        if not row.mentioned:
            continue
        hit = row.hit
        n = len(sources) + 1
        sources.append(Hit(n, hit.score, hit.chunk, hit.report))
        p = row.answer.parts[0]
        parts.append(AnswerPart(p.text, n, p.lead, p.cut, f"{row.report.place} {row.year or ''}".strip()))
        spans[n] = row.answer.best_sentences.get(p.source, [])
    return Answer(table.question, tuple(parts), tuple(sources), False, 1.0, spans, note=table.summary, table=table,
                  english=is_english(table.question))
