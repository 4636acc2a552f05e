"""What a question says beyond its keywords: which year it asks about, and English terms.

A work report reviews last year in one part (`一、2023年工作回顧`) and plans this year in
another (`二、2024年工作安排`); many facts appear in both (teachers hired: 29 last year, 15
planned). A question's year cue picks the part, using the report's own headings.
"""

from __future__ import annotations

import re

from qa.chunk import Chunk

_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
PAST = ("去年", "上年", "上一年", "过去一年", "过去的一年", "last year", "in 2023")
CURRENT = ("今年", "本年", "明年起", "this year", "target", "plan ")


def part_year(part: str) -> int | None:
    """The year a part heading is about (`一、2023年工作回顧` -> 2023), if it names one."""
    m = _YEAR.search(part)
    return int(m.group(1)) if m else None


def report_year(chunks: list[Chunk]) -> int | None:
    """The report's own year: the latest year a part heading names (the plan year)."""
    years = [y for y in (part_year(c.part) for c in chunks) if y]
    return max(years) if years else None


def question_year(normalized_question: str, this_year: int | None) -> int | None:
    """The year a (normalized) question asks about, or None when it gives no cue."""
    if this_year is None:
        return None
    q = normalized_question.lower()
    years = {int(y) for y in _YEAR.findall(q)}
    if any(c in q for c in PAST):
        years.add(this_year - 1)
    if any(c in q for c in CURRENT):
        years.add(this_year)
    return years.pop() if len(years) == 1 else None


# A small glossary of the words English questions use for what the report names. Names of
# places and projects are the report's own (壺口 Hukou, 古賢 Guxian, 人祖山 Renzu Mountain).
GLOSSARY = {
    "ji county": "吉县", "hukou": "壶口", "guxian": "古贤", "renzu": "人祖山", "yellow river": "黄河",
    "waterfall": "瀑布 壶口", "scenic": "景区", "tourist": "游客 旅游", "visitor": "游客", "visited": "接待",
    "tourism": "旅游 文旅", "apple": "苹果", "orchard": "果园", "output": "产量", "production": "产量",
    "yield": "产量", "gdp": "gdp 地区生产总值", "gross domestic product": "地区生产总值", "growth": "增长",
    "grow": "增长", "increase": "增长", "target": "目标", "goal": "目标", "plan": "计划", "urban": "城镇",
    "rural": "农村", "resident": "居民", "per capita": "人均", "disposable income": "可支配收入",
    "income": "收入", "revenue": "收入", "budget": "预算", "fiscal": "财政", "retail": "零售",
    "consumer goods": "社会消费品", "investment": "投资", "invest": "投资", "fixed asset": "固定资产",
    "industrial": "工业", "industry": "产业", "enterprise": "企业", "company": "企业", "project": "项目",
    "employment": "就业", "job": "就业", "teacher": "教师", "school": "学校", "education": "教育",
    "medical": "医疗", "doctor": "医生", "hospital": "医院", "health": "健康 医疗", "road": "公路 道路",
    "highway": "高速 公路", "poverty": "脱贫 返贫", "village": "村", "farmland": "耕地", "farm": "农业",
    "agriculture": "农业", "coal": "煤矿 煤", "wind power": "风力发电", "solar": "光伏", "forest": "森林 林",
    "fire": "防火", "air quality": "空气质量", "water": "水", "sewage": "污水", "elderly": "老年人 养老",
    "pension": "养老", "housing": "住房", "airport": "机场", "report": "报告", "delivered": "报告",
    "county head": "县长", "mayor": "县长", "congress": "人民代表大会", "business environment": "营商环境",
    "data": "数据", "5g": "5g 基站", "base station": "基站", "last year": "去年", "this year": "今年",
}
_GLOSSARY = re.compile(r"\b(" + "|".join(sorted(map(re.escape, GLOSSARY), key=len, reverse=True)) + r")s?\b")
_LATIN = re.compile(r"[a-z]")


def is_english(question: str) -> bool:
    """True when most letters of the question are Latin."""
    letters = [c for c in question if c.isalpha()]
    return bool(letters) and sum(1 for c in letters if c.isascii()) > len(letters) / 2


def glossary_terms(question: str) -> str:
    """The report's Chinese words for the English terms in `question` ("" if none)."""
    if not is_english(question):
        return ""
    return " ".join(GLOSSARY[m.group(1)] for m in _GLOSSARY.finditer(question.lower()))


# Words people ask with and the words a work report writes instead (no shared characters).
SYNONYMS = {
    "gdp": "地区生产总值", "地区生产总值": "gdp", "经济增长": "gdp 增速", "增长": "增速", "增速": "增长",
    "看病": "就医 医疗", "就医": "医疗", "医生": "医疗 医务人员", "不足": "问题 短板 不平衡",
    "问题": "短板 不足", "困难": "问题 短板", "老人": "老年人 养老", "钱": "资金 万元 亿元",
    "花了": "投资 投入", "花": "投资 投入", "工作岗位": "就业", "找工作": "就业", "上学": "教育 学校",
    "孩子": "学校 教育 托育", "游客": "接待 游客", "旅游人数": "接待游客", "收入": "可支配收入",
    "路": "公路 道路", "污水": "污水处理", "空气": "空气质量 优良天数", "机场": "通用机场",
    "谁": "县长", "哪天": "年 月 日", "什么时候": "年 月 日", "目标": "预期目标",
}
_SYNONYMS = re.compile("|".join(sorted(map(re.escape, SYNONYMS), key=len, reverse=True)))


def synonym_terms(normalized_question: str) -> str:
    """The report's words for everyday words in a (normalized) question ("" if none)."""
    return " ".join(SYNONYMS[m.group(0)] for m in _SYNONYMS.finditer(normalized_question))
