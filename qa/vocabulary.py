"""The report's words for the user's words: English terms, everyday words, names in pinyin.

Work reports write 地区生产总值, 城镇新增就业, 可支配收入; people ask about GDP, 找工作, 工资.
The keyword side of a question is expanded with the report's words, from a small reviewed table
of general terms (never one report's names), and, for English questions, with the report's own
words whose pinyin the question spells (`Hukou` -> 壶口), learned from the library's vocabulary.
"""

from __future__ import annotations

import re
from functools import lru_cache

from qa.question import is_english

# The words English questions use for what reports name (general terms only: names of places
# and projects come from the library itself, see `pinyin_terms`).
GLOSSARY = {
    "county": "县", "province": "省", "city": "市", "district": "区", "yellow river": "黄河",
    "waterfall": "瀑布", "scenic": "景区", "tourist": "游客 旅游", "visitor": "游客", "visited": "接待",
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
    "agriculture": "农业", "wind power": "风力发电", "solar": "光伏", "forest": "森林 林",
    "fire": "防火", "air quality": "空气质量", "water": "水", "sewage": "污水", "elderly": "老年人 养老",
    "pension": "养老", "housing": "住房", "airport": "机场", "report": "报告", "delivered": "报告",
    "county head": "县长", "mayor": "市长", "governor": "省长", "premier": "总理", "congress": "人民代表大会",
    "business environment": "营商环境", "unemployment": "失业率", "grain": "粮食", "deficit": "赤字",
    "bond": "债券", "high-tech": "高新技术", "enterprises": "企业", "session": "会议", "coal": "煤炭 煤矿",
    "data": "数据", "5g": "5g 基站", "base station": "基站", "last year": "去年", "this year": "今年",
}
_GLOSSARY = re.compile(r"\b(" + "|".join(sorted(map(re.escape, GLOSSARY), key=len, reverse=True)) + r")s?\b")
_WORD = re.compile(r"[a-z]{4,}")


def glossary_terms(question: str) -> str:
    """The report's Chinese words for the English terms in `question` ("" if none)."""
    if not is_english(question):
        return ""
    return " ".join(GLOSSARY[m.group(1)] for m in _GLOSSARY.finditer(question.lower()))


# Words people ask with and the words a work report writes instead (no shared characters).
SYNONYMS = {
    "gdp": "地区生产总值 国内生产总值 生产总值", "地区生产总值": "gdp", "经济增长": "gdp 增速 生产总值", "增长": "增速", "增速": "增长",
    "看病": "就医 医疗", "就医": "医疗", "医生": "医疗 医务人员", "不足": "问题 短板 不平衡",
    "问题": "短板 不足", "困难": "问题 短板", "老人": "老年人 养老", "钱": "资金 万元 亿元",
    "花了": "投资 投入", "花": "投资 投入", "工作岗位": "就业", "找工作": "就业", "上学": "教育 学校",
    "孩子": "学校 教育 托育", "游客": "接待 游客", "旅游人数": "接待游客", "收入": "可支配收入",
    "路": "公路 道路", "污水": "污水处理", "空气": "空气质量 优良天数", "机场": "机场 通用机场",
    "谁": "省长 市长 县长 区长 总理 主席", "哪天": "年 月 日", "什么时候": "年 月 日", "目标": "预期目标",
    "工资": "工资 收入 可支配收入", "房子": "住房 棚改 保障性住房", "买房": "住房", "房价": "房地产 住房",
    "没电梯": "加装电梯", "看病贵": "医疗 医保", "医保": "医疗保险 医保", "养老金": "养老金 基础养老金",
    "失业": "失业率 就业", "物价": "居民消费价格", "cpi": "居民消费价格", "粮食": "粮食产量", "种地": "耕地 粮食",
}
_SYNONYMS = re.compile("|".join(sorted(map(re.escape, SYNONYMS), key=len, reverse=True)))


@lru_cache(maxsize=4)
def _pinyin_table(vocabulary: tuple[str, ...]) -> dict[str, str]:
    from pypinyin import lazy_pinyin

    table: dict[str, str] = {}
    for word in vocabulary:
        if 2 <= len(word) <= 4 and all("\u4e00" <= ch <= "\u9fff" for ch in word):
            table.setdefault("".join(lazy_pinyin(word)), word)
    return table


def pinyin_terms(question: str, vocabulary: tuple[str, ...]) -> str:
    """The library's words whose toneless pinyin an English question spells (`Hukou` -> 壶口)."""
    if not is_english(question):
        return ""
    words = [w for w in _WORD.findall(question.lower()) if w not in GLOSSARY]
    if not words:
        return ""
    table = _pinyin_table(vocabulary)
    return " ".join(table[w] for w in words if w in table)


def synonym_terms(normalized_question: str) -> str:
    """The report's words for everyday words in a (normalized) question ("" if none)."""
    return " ".join(SYNONYMS[m.group(0)] for m in _SYNONYMS.finditer(normalized_question))
