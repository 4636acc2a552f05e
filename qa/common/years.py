"""The one reader of years and dates in questions and reports: `2025年`, `2024年度`, 去年, `2019年到2021年`, `2024年1月15日`.

Every layer that needs a year (the question reader, the conversation, the report's identity and
structure, tables over years, the sentence judge) takes its patterns and functions from here.
"""

from __future__ import annotations

import re

# A four-digit year of this or the last century, not part of a longer number or a decimal.
_Y = r"(?:19|20)\d\d"
YEAR = re.compile(rf"(?<![\d.])({_Y})(?![\d.%])")
# `2025年`, `2024年度`: a year cue in a question, not a word to find.
YEAR_WORDS = re.compile(rf"(?<![\d.]){_Y}(?![\d.%])\s*年?(?:度)?")
# A year followed by 年, as reports write it (`2024年`): the year a part or a sentence is about.
YEAR_NIAN = re.compile(rf"(?<!\d)({_Y})\s*年")
DATE = re.compile(rf"({_Y})\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日")
# A question that names a report by its year (`2025年山西省政府工作报告`, `the 2024 work report`).
# `2025年的报告`, `2024年报告里` name a report too (people drop 政府工作).
REPORT_YEAR = re.compile(r"((?:19|20)\d\d)\s*年?\s*(?:的|度)?\s*([\u4e00-\u9fff]{0,12}?)(?:政府)?(?:工作)?报告|"
                          # (the 2018 national report, 2024 State Council work report: the report's level named between)
                          r"((?:19|20)\d\d)\s*(?:(?:national|state|council|annual|provincial|municipal|county|city|district|"
                          r"regional|central)\s+){0,2}(?:government\s+)?(?:work\s+)?report\b|"
                          r"report (?:of|for|in) ((?:19|20)\d\d)")
SPAN = re.compile(rf"({_Y})\s*(?:年)?\s*(?:到|至|-|—|–|－|~|～)\s*({_Y})\s*年?")
# (in English, a span is said from one year to another: compare 2018 to 2022 sets two years side by side)
_SPAN_EN = re.compile(rf"\bfrom\s+({_Y})\s+(?:to|through|until)\s+({_Y})\b", re.I)

# Words for a year relative to the report's own, and the offset they mean.
RELATIVE = {
    "前年": -2, "去年": -1, "上年": -1, "上一年": -1, "前一年": -1, "过去一年": -1, "过去的一年": -1, "刚刚过去的一年": -1,
    # the five years a report looks back on end with the last one (`过去五年` is reviewed with it)
    "过去五年": -1, "过去的五年": -1, "过去5年": -1, "五年来": -1, "五年间": -1, "这五年": -1,
    "今年": 0, "本年": 0, "当年": 0, "明年": 1, "last year": -1, "this year": 0, "the year before": -2, "next year": 1,
    "past five years": -1, "previous five years": -1, "last five years": -1, "past year": -1, "previous year": -1,
}
# (提前一年 is a year early, not the year before)
RELATIVE_WORDS = re.compile("|".join(sorted(map(re.escape, RELATIVE), key=len, reverse=True)).replace("前一年", "(?<!提)前一年"))
# A year as a follow-up or a comparison names it: `2023年`, 去年, 今年, 前年, 上年, 明年.
YEAR_MENTION = re.compile(rf"{_Y}\s*年?|去年|今年|前年|上年|明年")
YEAR_MENTION_STRICT = re.compile(rf"{_Y}年?|去年|今年|前年|上年|明年|本年")
# A year as an English question says it (`in 2023`, `for 2025`, `last year`); `year` is the year without its preposition.
YEAR_EN = re.compile(rf"\b(?:(?:in|for|during)\s+)?(?P<year>{_Y}|(?:this|last|next)\s+year)\b", re.I)


# A year written in Chinese numerals (`二〇二三年`, `二零二四年`): the same year as `2023年`.
_HAN_DIGITS = dict(zip("〇○零一二三四五六七八九", "000123456789", strict=True))
_HAN_YEAR = re.compile(r"[一二][〇○零一二三四五六七八九]{3}(?=\s*年)")


def arabic_years(text: str) -> str:
    """`text` with each year in Chinese numerals written in digits (`二〇二三年` -> `2023年`), and a year cut to its
    last two digits after an apostrophe in full (`'25年` -> `2025年`)."""
    text = _SHORT_YEAR.sub(lambda m: ("19" if int(m.group(1)) >= 50 else "20") + m.group(1), text)
    return _HAN_YEAR.sub(lambda m: "".join(_HAN_DIGITS[ch] for ch in m.group(0)), text)


# `'25年` (a bare `14年` is a year only beside a place's name or after a full year: `short_years`).
_SHORT_YEAR = re.compile(r"['’‘`](\d\d)(?=\s*年)")


def years_in(text: str) -> tuple[int, ...]:
    """The explicit years a text names, in order, each once."""
    return tuple(dict.fromkeys(int(y) for y in YEAR.findall(text)))


def short_years(text: str, place_names: tuple[str, ...]) -> tuple[int, ...]:
    """A year cut to two digits next to a place's name (`海拉尔14年产了多少牛奶`, `24年吉县…`): the place's year, not a
    count of years (`连续14年`, `PM10年均`, `15年免费教育` name no place before the digits)."""
    later = re.search(r"((?:19|20)\d)\d\s*年?\s*(?:和|与|及|跟|、|到|至|-|—)\s*(\d)(\d)年", text)
    if later:  # `2016年和17年`: the second year cut to its last two digits, in the first one's century
        return (int(later.group(1)[:2] + later.group(2) + later.group(3)),)
    for name in sorted(place_names, key=len, reverse=True):
        m = re.search(rf"{re.escape(name)}(?:区|县|市|省)?(?:在|于|的)?([0-2]\d)年"
                      rf"(?!来|间|以来|一遇|内|后|多|左右|之久|以上|义务|免费|新高)|"
                      rf"^(?:在|于)?([0-2]\d)年的?{re.escape(name)}", text)
        if m:
            return (2000 + int(m.group(1) or m.group(2)),)
    return ()


def relative_offset(text: str) -> int | None:
    """The first relative year word's offset (去年 -1, 今年 0, 前年 -2), or None."""
    found = RELATIVE_WORDS.search(text)
    return RELATIVE[found.group(0)] if found else None


def year_span(text: str) -> set[int] | None:
    """The years of a span (`2019年到2021年` -> {2019, 2020, 2021}), or None."""
    m = SPAN.search(text) or _SPAN_EN.search(text)
    return set(range(int(m.group(1)), int(m.group(2)) + 1)) if m else None


# Several years asked or reviewed together: the five years of a government's term (过去五年, 五年来, 这五年).
SEVERAL_YEARS = re.compile(r"过去的?(?:五|5)年|(?:这|近)(?:五|5)年|(?<![\d〇一二三四五六七八九十百])(?<!连续)(?:五|5)年(?:来|间)|"
                           r"本届政府|上一届政府|"
                           r"\b(?:past|previous|last) (?:five|5) years\b", re.I)


def period_asked(text: str) -> tuple[int | None, int | None] | None:
    """Several years asked together: a span of three or more (`2013到2017年` -> (2013, 2017)), or the five
    years of a term with no year said (`过去五年` -> (None, None)); None for a question about one year."""
    span = year_span(text)
    if span is not None and len(span) >= 3:
        return min(span), max(span)
    return (None, None) if span is None and SEVERAL_YEARS.search(text) and not YEAR.search(text) else None


# The five-year plans by their names (十二五 = the 12th, 2011–2015): a fact of the calendar, the 11th starting 2006.
PLAN_PERIOD = re.compile(r"十([一二三四])五(?:规划)?|\b(1[1-4])th five-year plan\b")


def plan_period(text: str) -> tuple[int, int] | None:
    """The first and last year of a five-year plan a text names (`十二五期间` -> (2011, 2015)), or None."""
    m = PLAN_PERIOD.search(text)
    if not m:
        return None
    n = "一二三四".index(m.group(1)) + 11 if m.group(1) else int(m.group(2))
    return 2006 + 5 * (n - 11), 2010 + 5 * (n - 11)
