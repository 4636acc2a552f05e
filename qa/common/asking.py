"""The words of asking, by the kind of answer they ask for: one table for every reader of questions.

A question's asking words (多少, 什么时候, 谁, 如何 …) say what kind of answer it wants and carry
no evidence: a passage gives a figure, not the word 多少. These are facts of the language, kept
here once; the question reader (`qa.search.question`), the query's content words
(`qa.search.query`), the keyword side (`qa.index.keyword`) and the conversation build their
patterns from this table.
"""

from __future__ import annotations

import re

from qa.common.normalize import to_simplified
from qa.common.years import YEAR_EN

# Measure words that follow 多少/几 in a question (`多少公里`, `几个`): part of the asking, not a topic.
MEASURE_WORDS = ("个", "名", "人次", "人", "万", "亿", "元", "公里", "千米", "平方米", "立方米", "亩", "吨", "斤", "户",
                 "家", "所", "座", "条", "项", "次", "天", "倍", "张", "台", "辆", "部", "岁")

ASKING = {
    "when": ("什么时候", "哪一天", "哪天", "何时", "几月几日", "几月几号", "几号", "哪次会议", "什么会议", "哪个会议",
             "第几次会议", "哪一届", "哪届", "第几届人大", "第几届人民代表大会", "什么会上", "哪个会上", "哪次会上"),
             # 第几届 alone asks a count (第几届大运会); 什么大会 what is hosted (要承办什么大会)
    "where": ("在哪里", "哪里", "在哪儿", "哪儿", "从哪里来", "哪里来的", "哪儿来的"),
    "who": ("哪位领导", "哪个领导", "哪位官员", "哪位", "是谁", "谁"),
    "figure": ("多少", "几"),
    "which": ("哪个", "哪些", "什么", "什麼"),
    "how": ("怎么样", "怎么", "怎样", "如何"),
    "yesno": ("是否", "有没有", "吗", "呢"),
}
ENGLISH_ASKING = ("how", "what", "which", "who", "when")


def alternation(words) -> str:
    """A regex alternation of `words`, longest first (so 什么时候 wins over 什么)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def words(*kinds: str) -> tuple[str, ...]:
    """The asking words of the given kinds (all kinds when none is named)."""
    return tuple(w for kind in (kinds or tuple(ASKING)) for w in ASKING[kind])


# An asking phrase as it stands in a question, a figure's measure word included (`多少公里`, `几个`).
FIGURE_PHRASE = rf"(?:{alternation(ASKING['figure'])})(?:{alternation(MEASURE_WORDS)})?"
ASKING_PHRASE = re.compile(
    "|".join([alternation(words("when", "where")), alternation(words("who") + ("哪个", "哪些")), FIGURE_PHRASE,
              r"(?<![成作因认以])为(?:什么|何|啥)(?!样)",  # (whole: 冰雪季为什么 is not 冰雪季为 + 什么; not 成为什么样)
              alternation(("什么", "怎么样", "怎么", "怎样", "如何", "是否", "有没有", "吗", "呢"))]))
# A verb or adjective said twice around 不 asks yes or no (稳不稳, 能不能, 够不够): a fact of the language.
A_NOT_A = r"([\u4e00-\u9fff])不\1"
# 几 that asks, not the 好几 of several (打了好几场, 好几年): 好 after 了/过/有 or opening a clause; after a verb 好 is its
# result (办好几件, 把握好几个方面 ask how many).
ASKING_JI = r"(?<!了好)(?<!过好)(?<!有好)(?<![，,。；;！!？?\s]好)(?<!^好)几"
# Does a clause ask something (a question mark counts)?
ASKS = re.compile(rf"多少|{ASKING_JI}|什么|啥|哪|怎|咋|吗|如何|是否|有没有|谁|何时|比|\?|？|{A_NOT_A}|{'|'.join(ENGLISH_ASKING)}")

# The comparative before `多少` in `高多少`, `多出多少`, `还高了几个百分点`: what a comparison asks by how much.
MORE = r"(?:要|还)?[高低多少快慢大小](?:出|了)?"
# By how much one side is more, said with 出 or 了 (高出多少, 多了几个): a gap asked; not a verb of change (提高了多少,
# 降低了多少, 增多了多少 ask how far each moved).
GAP_ASKED = r"(?<![提降增扩缩减加])[高低多少大小](?:出|了)(?:多少|几)"
# The words that ask figures added up (加起来, 之和, 合计): not inside 结合起来/联合起来, nor 总和生育率.
SUM_WORDS = r"加起来|加在一起|(?<![结联融整组综])合起来|相加|之和|总和(?!生育)|合计|共计"

# Words that qualify a topic rather than name one: `农村呢？` after a question about 城镇新增就业.
CONTRASTS = frozenset("城镇 农村 城市 乡村 城乡 城区 农民 市民 居民 男性 女性 国内 国外 境内 境外 省内 省外 市内 市外 "
                      "上半年 下半年 一季度 二季度 三季度 四季度 全年 一产 二产 三产 公办 民办 国有 民营".split())


def leading_contrast(text: str) -> str:
    """The qualifier a text opens with (`农村居民` -> 农村), or ""."""
    return max((w for w in CONTRASTS if text.startswith(w)), key=len, default="")


def contrast_swapped(phrase: str, qualifier: str) -> str:
    """`phrase` with its first qualifier replaced by `qualifier` (`城镇居民收入`, 农村 -> `农村居民收入`), or ""
    when either has none or they are the same."""
    found = [(phrase.index(w), -len(w), w) for w in CONTRASTS if w in phrase]
    old = min(found)[2] if found else ""
    return phrase.replace(old, qualifier, 1) if qualifier and old and old != qualifier else ""

# An English comparison's own words (`higher than`, `compared with`, `versus`): what is compared is
# said before them, the other side after.
COMPARING_EN = re.compile(r"\b(?:higher|lower|more|less|bigger|smaller|larger|greater|faster|slower)(?:\s+in)?\s+than\b|"
                          r"\bcompare[sd]?\b|\bcomparison\b|\bversus\b|\bvs\b", re.I)

# `Which has a higher`, `Which province has the bigger`, `Who plans more`: the comparing frame before the indicator.
_WHICH_EN = re.compile(r"^\s*(?:which|who)(?:\s+(?:one|province|city|county|place|report|of them|of the two))?"
                       r"\s+(?:has|have|had|is|sets?|plans?|targets?|aims?\s+for|expects?)\s+(?:a|an|the)?\s*"
                       r"(?:higher|lower|more|less|bigger|smaller|larger|greater|faster|slower)\s+", re.I)

# `Compare the … of X and Y`: the verb that frames the question, not a word of what is asked.
_COMPARE_EN = re.compile(r"^\s*(?:please\s+)?compare\s+(?:the\s+)?", re.I)
# `Which grew faster, X's GDP or Y's?`, `Did X's economy grow faster than Y's?`: a verb of growth with a comparative
# asks each side's growth.
_GREW_EN = re.compile(r"^\s*(?:which|who)(?:\s+(?:one|province|city|county|place|economy|of them|of the two))?\s+"
                      r"(?:grew|grows|rose|rises|increased|increases|expanded|expands)\s+(?:faster|more|quicker|slower|less)\s*", re.I)
_GROWTH_VERB_EN = r"\b(?:grew|grow|grows|rose|rise|rises|increased|increase|increases|expanded|expand|expands)\b"
_GROWS_EN = re.compile(rf"{_GROWTH_VERB_EN}(?=\s+(?:faster|more quickly|more slowly|more|quicker|slower|less)\b)", re.I)
# `How does X compare with Y on new urban jobs?`: what follows `on` (in terms of, for) is what each side is asked.
_COMPARE_ON_EN = re.compile(r"\bcompare[sd]?(?:\s+(?:with|to|against))?\s*(?:on|in terms of|regarding|when it comes to)\s+"
                            r"(?P<what>.+)$", re.I)
# `…, and by how much?`: the verdict says by how much; it is no part of what each side is asked.
_BY_HOW_MUCH_EN = re.compile(r"[,，]?\s*(?:and\s+)?(?:by\s+how\s+much|how\s+big\s+is\s+the\s+(?:gap|difference))\s*(?=[?？]|$)",
                             re.I)
# `Did …`, `Was …`, `Is …`: a yes-or-no question's auxiliary opens it, it is not what is asked.
_AUXILIARY_EN = re.compile(r"^\s*(?:did|does|do|is|was|were|are|has|have|had|will)\s+", re.I)


_SIZE_EN = re.compile(r"\b(?:bigger|larger|biggest|largest)\b", re.I)


def without_comparison_en(text: str) -> str:
    """What an English comparison asks of each side: its clauses without the comparing one
    (`X's GDP target for 2025, is that higher than Y's?` -> `X's GDP target for 2025`), or the words
    before the comparison when it is the only clause; `Which has a higher GDP target, X or Y?` (the
    places already taken out) -> `GDP target?`."""
    grew = _GREW_EN.search(text) or _GROWS_EN.search(text)
    if _SIZE_EN.search(text):  # `whose economy was bigger`: an economy's size is its GDP, in total
        text = re.sub(r"\beconom(?:y|ies)\b", "GDP total", text, flags=re.I)
    elif not grew and re.search(rf"{_GROWTH_VERB_EN}|\b(?:faster|slower|growth)\b", text, re.I):  # growing: its GDP
        text = re.sub(r"\beconom(?:y|ies)\b", "GDP", text, flags=re.I)
    on = _COMPARE_ON_EN.search(text)
    if on:
        text = on.group("what")
    text = _BY_HOW_MUCH_EN.sub("", text)
    text = re.sub(r"(?<![\w'’])['’]s\b", "", text)  # `Henan's GDP or Hubei's` with the names taken out
    text = re.sub(r"\s+(?:or|and)(?=\s*(?:[,，?？]|$))", "", text, flags=re.I)
    text = _COMPARE_EN.sub("", _WHICH_EN.sub("", _GREW_EN.sub("", text)))
    text = re.sub(r"(?:^|[,，]?\s+)(?:or|and|vs\.?|versus)\s*(?=[,，?？]|$)|(?<=[,，])\s*(?:or|and)\s+", " ", text, flags=re.I)
    clauses = [c for c in re.split(r"[,，;；?？]", text) if c.strip()]
    kept = [c for c in clauses if not COMPARING_EN.search(c)]
    if kept and len(kept) < len(clauses):
        return ", ".join(c.strip() for c in kept) + "?"
    m = COMPARING_EN.search(text)
    if m and m.start() > 8:  # the time said after the other side is both sides' (`… faster than Y's in 2023?`)
        when = YEAR_EN.search(text[m.end():])
        text = text[:m.start()].strip() + (f" {when.group(0)}" if when and not YEAR_EN.search(text[:m.start()]) else "") + "?"
    text = _AUXILIARY_EN.sub("", text)
    if not grew:
        return text
    # `Which grew faster, X or Y?` names no indicator: a place that grows is its economy.
    text = re.sub(_GROWTH_VERB_EN, " ", text, flags=re.I)
    named = re.sub(r"\b(?:in|of|during|for|the|this|last|next|past|year|years|economy|economic|economies|whose|which|who|"
                   r"faster|slower|quicker|more|quickly)\b|\d+|[^\w]", "",
                   text, flags=re.I)
    text = re.sub(r"\b(?:economy|economies)\b", "", text, flags=re.I)
    return f"{' '.join(text.split()).rstrip('?？, ')} {'growth' if named else 'GDP growth'}?".lstrip()


# Will a market price rise or fall (`明年房价会跌吗`, `will house prices fall`)? Work reports set the government's
# targets and measures; they do not forecast markets (a fact of the genre, not of one report).
FORECAST = re.compile(r"(?:房价|房子价格|股价|股市|油价|金价|汇率)[^，,。？?]{0,6}?(?:会|将|能|还会|要)[^，,。？?]{0,3}?"
                      r"(?:涨|跌|降|升|上涨|下跌|下降|回升|反弹|回落)|"
                      r"\b(?:house|housing|home|stock|oil|gold) prices?\b.{0,20}\b(?:rise|fall|drop|go up|go down)\b", re.I)
FORECAST_MESSAGE = "政府工作报告写的是政府的目标和举措，不预测房价、股价等市场价格的涨跌；可以问报告对房地产、资本市场的安排。"
FORECAST_MESSAGE_EN = ("Government work reports set the government's targets and measures; they do not forecast market "
                       "prices. Ask what the report plans for housing or capital markets instead.")


# Asking what the year's targets can be met on (凭啥有信心完成, 完成起来有啥支撑, 有把握实现吗, 这个目标凭什么能完成): a
# report answers it with a sentence of its own (我们有信心完成今年发展目标任务。从发展环境看，…), not with the targets.
HAVING_GROUNDS = r"有(?:什么|啥|哪些)?(?:信心|把握|底气|支撑|有利条件)"
GROUNDS_ASKED = re.compile(rf"{HAVING_GROUNDS}|支撑(?:条件|因素)|(?:凭|靠)(?:什么|啥)(?:能|可以)?(?:完成|实现|做到|达到)")


# The n-th item asked of a list (`十方面民生实事里的第三件是什么`, `第四项讲的啥`, `第5条实事的内容是什么`, `最后一件是什么`,
# `头一件`, `最后那件`, `what is the third of the ten`), and how reports number items: 三是, （三）, ③, 第三，, 3、 — facts of the language,
# not of one report. A 第 before 批, 届, 次… counts events, not items (第三批试点是哪些).
ORDINAL = (r"第(?P<n>[一二三四五六七八九十]{1,3}|\d{1,2})|(?P<first>头一)|"
           r"(?P<last>最后(?:那)?一|最后那(?=[件个项条点])|最末一|最末(?=[件个项条点])|末一)")
_ITEM_ASKED = re.compile(rf"(?:{ORDINAL})"
                         r"(?:(?:个方面|件|个|项|条|方面|点|类|大|种|位|场)(?![批届次年季期轮代])[\u4e00-\u9fff]{0,4}?)?"
                         r"[，,]?(?:的内容|的(?P<of>[\u4e00-\u9fff]{1,3}?(?=是))?|内容)?(?:主要|具体)?要?(?:是|指|为|讲|说|提|写|干|做|办|有|包括)?(?:的是|的|了|些)?"
                         r"(?:什么|啥|哪)|"
                         r"\bthe (?P<en>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)"
                         r" (?:one|item|task|project|thing|point|measure|priority|of)\b", re.I)
# A question that counts the list it asks about (十件民生实事里排第五的, 部署了十个方面的工作，第九个方面): 排第五 is its fifth item.
LIST_COUNTED = re.compile(r"(?P<count>[两二三四五六七八九十]{1,2}|\d{1,2}|几|好几)(?:件|项|个方面|方面|点|条|场|大|个)")
ORDINAL_EN = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


def count_of(numeral: str) -> int | None:
    """A count as the question writes it (`六`, `十二`, `4`), or None where it is none."""
    import cn2an

    try:
        return int(cn2an.cn2an(numeral, "smart"))
    except ValueError:
        return None


def cn_numeral(n: int) -> str:
    """A count written in Chinese numerals (2 -> 二, 12 -> 十二)."""
    import cn2an

    return cn2an.an2cn(n)


def _item_match(q: str) -> tuple[re.Match, tuple[int | None, bool]] | None:
    """The match of the item a (simplified) question asks for, and which: (n, False) or (None, True) for the last."""
    asked = _ITEM_ASKED.search(q)
    if not asked or q[max(0, asked.start() - 2): asked.start()] == "倒数":  # 倒数第二 counts from the end
        return None
    # (a list counted before the ordinal, or an item asked for after it: 排第六位的是哪一项; not a rank among places)
    listed = (LIST_COUNTED.search(q[:asked.start()]) or re.search(r"哪一?(?:项|件|条|点|个方面)(?:呢|啊)?[？?。]*$", q[asked.start():])) \
        and not re.search(r"排名|全国|全省|全市", q)
    if asked.group("of") and not listed:
        return None  # 第十四个五年规划的目标是什么: what a thing named by its ordinal has, not an item (排第三的任务: of a
        # list counted before it)
    if not listed and (re.search(r"(?:(?<!安)排名?|居|位列|位居|名列|全国|全省|全市|增速|增量)[^，,。？?]{0,4}$", q[:asked.start()])
                       or re.match(r"第(?:[一二三四五六七八九十]{1,3}|\d{1,2})(?:位|名)?的", asked.group(0))):
        return None
    en = (asked.group("en") or "").lower()
    if asked.group("last") or en == "last":
        return asked, (None, True)
    n = 1 if asked.group("first") else ORDINAL_EN.index(en) + 1 if en else count_of(asked.group("n"))
    return (asked, (n, False)) if n is not None and 1 <= n <= 30 else None


def item_asked(question: str) -> tuple[int | None, bool] | None:
    """Which item of a list a question asks for: (n, False), or (None, True) for the last; None when it asks none
    (排名第二的是什么 asks a rank, not a list's second item)."""
    found = _item_match(to_simplified(question))
    return found[1] if found else None


def ordinal_asked(question: str) -> tuple[int, int] | None:
    """Where the ordinal of the item a question asks for stands (`第三` in 十件民生实事第三件是什么), in its simplified text."""
    found = _item_match(to_simplified(question))
    if found is None or found[0].group("en"):
        return None
    asked = found[0]
    return asked.start(), asked.end(next(g for g in ("n", "first", "last") if asked.group(g)))
