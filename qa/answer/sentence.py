"""The quotable sentences of a passage, and how well each one answers a question.

A passage is cut into units a reader can be shown: sentences, and for a long sentence its clauses
(alone or in pairs). Each unit is scored against the question: its words (rarer words weigh more,
the report's words for everyday ones count, words together in one clause count most), the things
asked about (its nouns), the kind of answer asked for (a figure, a date, a name, a measure), the
year and place asked about. `qa.answer.compose` quotes the best unit, or abstains.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from qa.common.asking import alternation, count_of
from qa.common.asking import words as asking_words
from qa.common.normalize import alone, both_ways, for_search, magnitude_of, match_key, said_alone, to_simplified
from qa.common.places import SIGHT, Place, find_places, foreign_country, mentions, said_short
from qa.common.years import DATE, SEVERAL_YEARS, YEAR_WORDS, period_asked, plan_period, relative_offset
from qa.ingest.chunk import SENTENCE
from qa.ingest.clean import GARBLED
from qa.ingest.structure import HEADER_PART
from qa.search.query import MEASURE_NOUNS, is_noun, tagged_words
from qa.search.question import ASKS_MEANS, WHY, YESNO
from qa.search.retrieve import Hit, Retrieval
from qa.search.vocabulary import synonym_terms, thesaurus_variants, word_synonyms

# (an item's ordinal, 二是, stays: it says the quote is one item of a list)
CONNECTIVE = re.compile(r"^(?:其中|同时|此外|另外|并且|而且|但是|但|并|还|也|以及|及|和|与|其次|再次|最后|首先|——|—)[：:，,、]?")
# A figure: digits, or Chinese numerals before a measure word (十件民生实事, 两倍, 三个百分点) — a fact of the
# language. A numeral inside a set phrase (`四个意识`, `两个维护`) looks the same; the model weighs the rest.
_UNITS = (r"%|％|‰|万|亿|余|多|个|名|人|家|所|座|条|项|次|元|吨|斤|亩|公里|千米|米|天|倍|户|张|台|辆|部|件|批|类|套|级|成|百分点"
          r"|届|轮|期|大|方面")
# A lone 一 before a measure word is the article (`一批`, `一个中心`), not a count.
_NUMBER = re.compile(rf"\d+(?:\.\d+)?\s*(?:{_UNITS})?|(?:[零两三四五六七八九十百千]|一(?=[零一二两三四五六七八九十百千万亿]))"
                     rf"[零一二两三四五六七八九十百千万亿]*(?:{_UNITS})"
                     # a round magnitude reached, with no numeral before it: 突破万亿元, 超千亿元, 迈上百亿级
                     r"|(?<=[破超过上达逾回])[百千万]?[万亿](?:元|吨|斤|人|级|千瓦)"
                     # a count of years (连续十年, 十年之久), not a period said in passing (五年来，…) nor a
                     # programme's name (三年行动计划)
                     r"|(?<=连续)[二两三四五六七八九十]+年|[二两三四五六七八九十]+年(?=之久|以上|有余)"
                     # a fraction (缩短三分之一) and a doubling (再翻一番, 翻两番)
                     r"|[一二两三四五六七八九十百\d]+分之[一二三四五六七八九十\d]+|翻[一两]?番")
# The unit a figure question names (`多少亿元`, `几所`, `多少万吨`), and the units of its kind a quote may state
# it in (reports write 亿斤 for 万吨, 千米 for 公里, 人次 for 人): a fact of the language. 个 counts anything.
# People and households are also counted by what they are (405万皖北群众, 8.1万个困难家庭): a fact of the language.
# (the people a count is of may follow it with what sets them apart between: 56.91万农村义务教育学生)
# (people counted, not their age: 0-6岁儿童 counts no children)
_PEOPLE = r"个?[^，,；;。、\d岁]{0,6}?(?:群众|居民|农民|人口|学生|职工|劳动力|老人|儿童|患者|游客|毕业生)"
_HOUSEHOLDS = r"个?[^，,；;。、\d]{0,4}?(?:家庭|农户|住户)"
# A power (千瓦, 兆瓦, 吉瓦, GW), never an energy (千瓦时): what a capacity is said in.
_POWER = "千瓦(?!时)|兆瓦|吉瓦|GW|MW|gw|mw"
_UNIT_KINDS = (("元", "元"), ("吨", "吨|斤"), ("斤", "吨|斤"), ("公里", "公里|千米"), ("千米", "公里|千米"),
               ("人次", "人次|人"), ("人", f"人|名|{_PEOPLE}"), ("名", "人|名"), ("亩", "亩"), ("户", f"户|{_HOUSEHOLDS}"),
               ("家", "家|户|个"),
               ("所", "所"), ("座", "座|个"), ("条", "条"), ("台", "台|部"), ("辆", "辆"), ("倍", "倍"), ("张", "张"),
               ("平方米", "平方米"), ("千瓦时", "千瓦时|度"), ("千瓦", _POWER), ("兆瓦", _POWER), ("吉瓦", _POWER),
               ("岁", "岁"), ("钱", "元"), ("微克", "微克|μg"), ("美元", "美元"), ("天", "天|日|个?工作日"),
               # (多少套, 多少件, 多少枚: the count is said in its measure word, 23679套, 十件, 19枚)
               ("套", "套|户|间"), ("件", "件|项|大"), ("项", "项|件|个|条|大"), ("枚", "枚|块"), ("公顷", "公顷|亩|平方公里|平方千米"),
               ("平方公里", "平方公里|平方千米"), ("标箱", "标箱|标准箱"), ("标准箱", "标箱|标准箱"), ("列", "列|趟|班"),
               ("个百分点", "个?百分点|%|％"), ("百分点", "个?百分点|%|％"))  # (上调几个百分点: 提高3% answers, 20元 does not)
_FIRMS = re.compile(r"企业|公司|市场主体|经营主体|工商户|商户|厂|小巨人|专精特新|单项冠军|独角兽|瞪羚")  # (firms by their kinds too)
_ASKED_MAGNITUDE = re.compile(r"(?:多少|几)(?:万亿|亿|万)(?![\u4e00-\u9fff])")  # 有多少万亿？ (no unit after it)
# (第几名 asks a rank, not a count of people)
_ASKED_UNIT = re.compile(r"(?<!第)(?:多少|几)(?P<size>万亿|亿|万|千|百)?(?:个(?=人(?:[了呢吗啊呀？?。，,！!]|$)))?(?P<unit>"
                         + "|".join({"项": "项(?!目)", "列": "列(?![入为出举])"}.get(u, u) for u, _ in _UNIT_KINDS) + ")")
# The same units asked in English (how many tonnes of cargo): what the quote must state them in.
_ASKED_UNIT_EN = re.compile(r"\bhow many (?:\w+ ){0,2}?(?P<unit>tonnes|tons|kilomet(?:re|er)s|km|mu|trains)\b")
_UNIT_EN = {"tonnes": "吨", "tons": "吨", "kilometres": "公里", "kilometers": "公里", "km": "公里", "mu": "亩", "trains": "列"}
# (几个人: people, so many 人; not 几个人才驿站; 多少项目资金 asks money, no 项)


# What follows a figure's first digit up to its unit: decimals, 余/多, a magnitude (100余万人, 1.35亿人次).
_AMOUNT = r"(?:\.\d+)?\s*(?:余|多)?(?:万亿|亿|万|千|百)?(?:余|多)?"


# A time of day asked (开到几点, 几点关门): so many o'clock (21点, 21:00) or round the clock; not 几点建议 (how many points).
_ASKED_CLOCK = re.compile(r"(?<![提做达得])到几点|几点(?:钟|开门|关门|开放|关闭|闭馆|营业|下班|上班|结束|开始|以后|之前|前|后)")
_CLOCK_SAID = re.compile(r"\d{1,2}\s*(?:点钟|点半|时)|\d{1,2}\s*点(?=[前后至到，,。；;]|$)|\d{1,2}[:：]\d\d|24小时|全天")


def unit_stated(normalized_question: str, text: str) -> bool:
    """A figure question that names its unit (`多少所`) is answered by a figure in a unit of that kind; one that
    names only a magnitude (`有多少万亿`, `多少亿`) by an amount of that size (`5.2万亿元`, `突破万亿元`), not a rate."""
    if _ASKED_CLOCK.search(normalized_question):
        return bool(_CLOCK_SAID.search(text))
    ordinal = _ASKED_ORDINAL.search(normalized_question)
    if ordinal:  # 第几届 is answered by 第九届, not by 时隔30年 beside it
        return bool(re.search(rf"第[零一二两三四五六七八九十百千\d]+{ordinal.group(1)}|首{ordinal.group(1)}", text))
    price = _ASKED_PRICE.search(normalized_question)
    if price:  # 每斤多少钱: a price per that unit (3.5元/斤, 每斤3.5元), not an output value or a rise of 1块钱
        per = price.group(1) or price.group(2)
        return bool(re.search(rf"\d+(?:\.\d+)?\s*(?:元|块)\s*(?:/|每|一)\s*{per}|每{per}[^，,；;。]{{0,8}}?\d+(?:\.\d+)?\s*(?:元|块)",
                              text))
    if _ASKED_PER_HEAD.search(normalized_question):  # 每人每月多少钱: an amount per head (每人每月100元, 标准提高到…元)
        if _ASKED_PER_MONTH.search(normalized_question) and not _PER_MONTH_SAID.search(text) \
                and _OTHER_PERIOD.search(text):
            return False  # 每个月多少钱: 冬季…每户1110元 (a winter's) is no month's
        return bool(_PER_HEAD_AMOUNT.search(text))  # (a rise per head too: 标准提高20元)
    if _ASKED_LENGTH.search(normalized_question) and not _DURATION_ASKED.search(normalized_question):
        # 绿道新修多长: so many kilometres or metres, not a count or a rate
        return bool(re.search(rf"(?:\d|[一二两三四五六七八九十百千]){_AMOUNT}(?:公里|千米|米|km)", text))
    if _ASKED_AREA.search(normalized_question):  # 多大面积: so many square metres, mu or hectares, not a count
        return bool(re.search(rf"(?:\d|[一二两三四五六七八九十百千]){_AMOUNT}(?:平方米|平方公里|平方千米|亩|公顷|平米)", text))
    if _ASKED_TERM.search(normalized_question):  # 几年期的国债: so many years' term (10年期), not the bonds' amount
        return bool(re.search(r"(?:\d+|[一二两三四五六七八九十]+)\s*年期", text))
    if _ASKED_PRICE_LEVEL.search(normalized_question) and not _PRICE_CHANGE.search(normalized_question):
        # 票价多少: so many yuan, beside the price asked (学费标准为…5000余元) or per what it buys (元/平方米), not a scheme's
        # payouts (惠民保一年保费多少: 理赔…近1.2亿元)
        asked = _ASKED_PRICE_LEVEL.search(normalized_question).group("price")
        return bool(re.search(r"\d(?:\.\d+)?\s*(?:万|千|百)?(?:余|多)?(?:元|块|美元)", text)) \
            and (asked in text or bool(_PER_HEAD_AMOUNT.search(text)) or bool(re.search(r"元\s*/", text)))
    if _ASKED_PRICE_EN.search(normalized_question) and not _ASKED_CHANGE_EN.search(normalized_question):
        return bool(_PRICE_STATED.search(text) or _PER_HEAD_AMOUNT.search(text))
    if _ASKED_MONEY.search(normalized_question) and not _ASKED_CHANGE_EN.search(normalized_question):
        # spent: an amount of money (完成投资1.2万亿: an amount in 亿 is money where money is asked)
        return bool(re.search(r"\d(?:\.\d+)?\s*(?:万亿|亿|万|千|百)?(?:余|多)?(?:元|美元|港元)|\d(?:\.\d+)?\s*(?:万亿|亿)", text))
    english = _ASKED_UNIT_EN.search(normalized_question)
    if english:  # how many tonnes: so many 吨 (or 斤), not a growth of 6.2%
        return bool(re.search(rf"(?:\d|[零一二两三四五六七八九十百千]){_AMOUNT}(?:{dict(_UNIT_KINDS)[_UNIT_EN[english.group('unit')]]})",
                              text))
    m = _ASKED_UNIT.search(normalized_question)
    if m and m.group("unit") == "天" and not re.match(r"[了呢吗啊内后前左以里？?。，,！!]|$", normalized_question[m.end():]):
        m = None  # (多少天然气, 多少天桥 ask gas and bridges: days stand alone, 多少天, 几天了, 几天内)
    people = _ASKED_PEOPLE.search(normalized_question) if not m else None
    if people or (not m and _ASKED_PEOPLE_EN.search(normalized_question)):
        # 接待了多少游客: so many 人次 or 人, or a figure right after the people named (入境游客111万), not 4个景区
        who = (people.group("who") or people.group("who2")) if people else _PEOPLE_ASKED
        # (or a count right before the people it counts: 还有63万失能老人, 17万应届大学生)
        return bool(re.search(rf"\d{_AMOUNT}(?:人次|人|名|位)", text) or re.search(rf"(?:{who})[^，,；;。、\d]{{0,4}}\d", text)
                    or re.search(rf"\d{_AMOUNT}[\u4e00-\u9fff]{{0,4}}(?:{who})", text))
    if not m and _ASKED_THINGS.search(normalized_question):
        # 开了几个: so many things (56个, 十个), not only people (1万名老年人) or money beside them
        # (一批, 一项 say some, not how many: 增设一批长者饭堂; people counted answer where they are what is counted:
        # 乡村医生有几个, not 给老人吃饭的长者饭堂开了几个)
        people = re.search(rf"(?:{_PEOPLE_ASKED}|人员|干部)(?:一共|总共|共)?(?:有|是)?(?:几|多少)个|(?:几|多少)个[^，,]{{0,4}}岗位",
                           normalized_question)  # (jobs are counted in the people who take them: 新增就业124.5万人)
        measure = f"(?:{_THING_MEASURE}|名|位|人)" if people else _THING_MEASURE
        some = re.sub(r"(?<![零一二两三四五六七八九十百千\d])一(?:批|项|系列)", "", text)
        return bool(re.search(rf"(?:\d|[一二两三四五六七八九十百千]){_AMOUNT}{measure}", some))
    if not m:
        if _ASKED_MAGNITUDE.search(normalized_question):
            return bool(re.search(r"(?:\d|[一二两三四五六七八九十百千突破超过逾近达])(?:\.\d+)?\s*(?:多|余)?(?:万亿|亿|万)", text))
        return True
    unit = m.group("unit")
    if unit in ("件", "项") and re.search(r"第|哪|什么", normalized_question):
        return True  # 几件实事里第三件是什么, 几项任务里列在第二位的是哪个 ask an item, not the count
    if unit == "倍" and _RATIO.search(text):
        return True  # 几倍 answered by a ratio: 收入倍差缩小至1.67, 收入比为2.1:1
    kinds = dict(_UNIT_KINDS)[unit]
    if unit == "户" and _FIRMS.search(normalized_question):
        kinds += "|家"  # a firm is counted in 户 or 家 alike (实有企业200万户, 高新技术企业1.4万家); a household in 户 only
    if unit in ("人", "户") and re.search(rf"{unit}(?:数|口|次)(?![^，,；;。\d]{{0,8}}?(?:率|增长|下降|减少|分别))"
                                               rf"[^，,；;。\d]{{0,8}}?\d+(?:\.\d+)?(?![\d.]*\s*[%％])", text):
        return True  # 旅居人数达389.75万: the count's name says what it counts
    who = "|".join(_people_named(normalized_question))
    if unit in ("人次", "人", "名") and who and re.search(rf"(?:{who})[^，,；;。、\d]{{0,4}}\d+(?:\.\d+)?\s*(?:万|亿|千)?"
                                                 r"(?![\d.%％]|\s*[\u4e00-\u9fff])", text):
        return True  # 入境游客111万: a count said right after the people asked is so many of them
    if m.group("size") in ("万亿", "亿", "万"):  # 旅游收入多少亿元: an amount of about that size (37820元: a resident's income)
        return _of_size(text, kinds, magnitude_of(m.group("size")))
    return bool(re.search(rf"(?:\d|[零一二两三四五六七八九十百千]){_AMOUNT}(?:{kinds})", text))  # (100余万人)


def _of_size(text: str, kinds: str, size: float) -> bool:
    """Does the text give an amount in one of `kinds` of at least a tenth of `size` (多少亿元: 0.8亿元 and 5.2万亿元 do,
    37820元 does not)? Chinese numerals and a round magnitude reached (突破千亿元) count as said in that size."""
    for m in re.finditer(rf"(\d+(?:\.\d+)?|[零一二两三四五六七八九十百千]+|(?<=[破超过上达逾近回]))\s*(?:余|多)?"
                         rf"([百千万]?(?:万亿|亿|万)|千|百)?(?:余|多)?(?:{kinds})", text):
        number, magnitude = m.group(1), m.group(2) or ""
        if not number or not number[0].isdigit():
            if magnitude or number:
                return True
            continue
        if float(number) * magnitude_of(magnitude) >= size / 10:
            return True
    return False


# A count of things asked with a bare 个 at the end (开了几个？), and the measure words things are counted in.
_ASKED_THINGS = re.compile(r"(?:几|多少)个(?=[呢吗啊呀了]?[？?。！!]*$)")  # (the things named before it: 长者饭堂开了几个)
_THING_MEASURE = (r"(?:个|家|所|座|处|项|条|张|台|辆|套|户|件|批|场|次|块|片|支|栋|幢|间|只|头|艘|架|部|对|宗|笔|款|村|镇|县"
                   r"|盏|根|眼|口|棵|株)")
# Money asked (`How much did Hangzhou spend…`, `how much rent`, 每餐补贴几块钱, 要花多少钱): an amount in yuan answers it.
_ASKED_MONEY = re.compile(r"\bhow much\b.*\b(?:spen[dt]|spending|cost|costs|invest(?:ed)?|pay|paid|funds?|money)\b|"
                          r"\bhow much money\b|\b(?:output value|gross output|turnover|revenue|income)\b|"
                          r"(?:多少|几)(?:块|毛)(?:钱|(?![\u4e00-\u9fff]))|"  # 几块钱: money in everyday words (几块金牌 counts medals)
                          # (完成多少投资, 安排了多少资金: an amount of money, not the projects or companies it goes to)
                          r"(?:多少|几)(?:万|亿)?(?:投资|资金|经费|预算)(?!项目|主体|者|人|机构|平台|企业|规模以上)|"
                          # (平均每个投资多少, 一共投入了几个亿: the money put in, asked after its verb; 固定资产投资多少
                          # names an indicator, whose rise may be all a report gives)
                          r"(?:每个?[\u4e00-\u9fff]{0,4}?(?:投资|投入|耗资|花费|花)|(?:投资|投入|耗资|花费|花|拨款|拨)了)"
                          r"(?:多少|几)个?(?:万|亿)?(?:钱|元)?(?=[？?。，,！!]|$|[了呢吗啊呀])")
# A price, fare, fee, rent or wage asked in English (the purchase price of cotton): so many yuan said of a price or per
# unit (收购价格…元/公斤, 起步票价3元, 每平方米…元), not an output's value (产值超2200亿元).
_ASKED_PRICE_EN = re.compile(r"\b(?:price|fare|fee|rent|wage|salary|tuition|charge)s?\b(?!\s+(?:index|indices|level))")
_PRICE_STATED = re.compile(r"(?:价|费|租金|工资|薪)[^，,；;。\d]{0,8}\d+(?:\.\d+)?\s*(?:万亿|亿|万|千)?(?:元|块)")
# A count of people asked by who they are (接待了多少游客？, 几万名学生呢): a fact of the language that it is so many people
# (给多少老人设养老床位 goes on to what is counted for them: the beds).
_PEOPLE_ASKED = r"游客|旅客|人口|学生|职工|老人|儿童|患者|毕业生|居民|农民|群众|人才|员工|医生|教师|观众|乘客|运动员|志愿者|市民|村民"
_ASKED_PEOPLE = re.compile(rf"(?:多少|几)(?:万|千|百)?(?:个|名|位)?(?P<who>{_PEOPLE_ASKED})(?=[？?。，,！!]|$|[了呢吗啊呀])|"
                           rf"(?P<who2>{_PEOPLE_ASKED})(?:总数|数量|总量)?(?:一共|总共|共)?(?:有|是|达到?|为)?(?:多少|几)(?:万|千)?"
                           r"(?:人|名)?(?![\u4e00-\u9fff%％])")
# (the people named end what is counted, a verb or preposition after them: `how many elderly meal-service sites` counts sites)
_ASKED_PEOPLE_EN = re.compile(r"\bpopulation\b|\bhow many (?:\w+ )?(?:tourists|visitors|people|residents|students|workers|"
                              r"patients|graduates|children|elderly|passengers)\b"
                              r"(?=\s+(?:did|do|does|were|are|was|is|has|have|had|will|would|can|could|in|of|from|at|to|"
                              r"on|for|got|received|visited|came|moved|found|live|lived|work|worked)\b|\s*[?,.;!]|\s*$)")
# A length asked (有多长, 修多长): not a time (多长时间, 审批时间有多长, 产假有多长, 试用期多长, 多长一段).
_ASKED_LENGTH = re.compile(r"多长")
_DURATION_ASKED = re.compile(r"(?:时间|时限|期限|周期|年限|工期|时长|(?<![一二三四五六七八九十\d])期|假)(?:有|是|为|要|需要)?多长|"
                             r"多长(?:时间|一段|的时间|的期限)")  # (8号线二期有多长: a line's second phase, a length)
# An area asked (多大面积, 占地多少, 面积有多大): a fact of the language.
_ASKED_AREA = re.compile(r"多大面积|面积(?:有|是|为)?多(?:大|少)|占地(?:面积)?(?:有|是|为)?多(?:大|少)")
# A term asked (几年期, 多少年期): a fact of the language.
_ASKED_TERM = re.compile(r"(?:几|多少)年期")
# An ordinal asked (第几届, 第几次, 第几批): a fact of the language.
_ASKED_ORDINAL = re.compile(r"第几(届|次|批|轮|期|代|季)")
# A price asked per unit (每斤多少钱, 多少钱一斤): a fact of the language.
_ASKED_PRICE = re.compile(r"[每一](斤|公斤|千克|吨)[^，,。？?]{0,6}?(?:多少钱|多少元|几块|几元)|"
                          r"(?:多少钱|多少元|几块钱?)一(斤|公斤|千克|吨)")
# A price, fee or wage asked as a level (地铁票价是多少, 最低工资标准多少): a fact of the language that it is so many yuan,
# unless how it moves is asked (电价降多少, 房价涨了多少: a rate answers).
_ASKED_PRICE_LEVEL = re.compile(r"(?P<price>票价|价格|价钱|单价|均价|房价|电价|水价|气价|油价|起步价|车费|学费|收费标准|工资|薪水|薪酬|"
                                r"月薪|租金|房租|水费|电费|燃气费|取暖费|供暖费|物业费|保费|过路费|通行费|停车费|门票|"
                                r"收费(?![站路])|费用)[^，,。？?]{0,6}?(?:多少|几)")
# Money asked per head, per month or per meal (每人每月多少钱, 每个新生宝宝发多少钱, 多少钱一个月): a fact of the language that
# the amount is said with what it is per (每人…元, 元/人, 人均…元, 标准…元), not a programme's total (1万亿元).
# (生一个孩子能领多少育儿补助: one child, said with 一, is each child; 领多少生活补贴 names what is handed out)
_HANDED_OUT = r"(?:领|拿|发)(?:到)?多少(?:[\u4e00-\u9fff]{0,2}(?:补助|补贴|津贴|奖励|奖补|救助金|钱))?(?![\u4e00-\u9fff])"
_ASKED_PER_HEAD = re.compile(r"每(?!年)(?:个|位|名)?[\u4e00-\u9fff]{1,4}?[^，,。？?]{0,10}?(?:多少钱|多少元|几块钱?|几元|多少额度|"
                             rf"{_HANDED_OUT})|"
                             rf"(?<![\d一二三四五六七八九十几])一(?:个|位|名|户)(?:孩子|小孩|宝宝|娃|人|老人|家庭|学生|农户|残疾人|困难户)"
                             rf"[^，,。？?]{{0,8}}?{_HANDED_OUT}|"
                             r"(?:多少钱|多少元|几块钱?)(?:一|每)(?:个|位|名)?(?:月|人|天|次|平方米|平米)")
# Money asked per month (每个月多少钱, 多少钱一个月): the amount is said per month (每人每月…元, 月生活补贴…元, 元/月), not
# per household for a season (每户1110元): a fact of the language.
_ASKED_PER_MONTH = re.compile(r"每个?月|一个月|按月|月均")
_OTHER_PERIOD = re.compile(r"每年|全年|年度|冬季|夏季|供暖季|一次性|每季|季度")
_PER_MONTH_SAID = re.compile(r"(?:每|/|按)[^，,；;。]{0,4}月|月[^，,；;。]{0,16}?\d+(?:\.\d+)?\s*(?:万|千)?(?:元|块)")
_PER_HEAD_AMOUNT = re.compile(r"每[^，,；;。]{0,10}?\d+(?:\.\d+)?\s*(?:万|千)?(?:元|块)|\d+(?:\.\d+)?\s*(?:元|块)\s*/|"
                              r"(?:人均|标准)[^，,；;。]{0,12}?\d+(?:\.\d+)?\s*(?:元|块)")
_PRICE_CHANGE = re.compile(r"涨|降|上调|下调|提高|提升|增长|增加|减少|便宜|贵了|幅度|变化|\d{4}年.*[比和与跟]")
_ASKED_CHANGE_EN = re.compile(r"\b(?:grow|grew|growth|increase[sd]?|rise|rose|fall|fell|drop(?:ped)?|rate|percent|share)\b")
# A multiple stated as a ratio, the figure after its name or before `:1` (a fact of the language).
_RATIO = re.compile(r"(?:倍差|之比|比值|比为|比例为)[^，,；;。\d]{0,4}\d+(?:\.\d+)?(?![\d.]*\s*[%％])|\d+(?:\.\d+)?\s*[:：]\s*1(?![\d.])")
_DATE = DATE
# A day asked (哪一天, 几号), and a day said: a date's day, or a day of the year by its name (a fact of the language).
_DAY_ASKED = re.compile(r"哪一?天(?!内)|几号|几月几[日号]|哪一?日")
_DAY_SAID = re.compile(r"\d{1,2}\s*[日号]|[一二三四五六七八九十]{1,3}[日号]|元旦|春节|除夕|国庆节|中秋|端午|清明|当天|当日|同日")
# A time stated for an event (2025年底, 8月6日, 年内, 上半年, 届时): what a when-question about it is answered by.
_TIME = re.compile(r"(?:19|20)\d\d\s*年|\d{1,2}\s*月|[一二三四五六七八九十]{1,2}月(?!份额)|\d{1,2}\s*日|年底|年末|年初|年中|年内|"
                   r"(?:延缓|延长|延期|推迟|顺延)(?:至|到)(?:明年|下一?年|次年|今年)|"  # (所得税缴纳一律延缓到明年)
                   r"上半年|下半年|季度|月底|月初|届时|之前|以前|前后|期间|"
                   # (a holiday or season is a time: 首开区“十一”前建成运营, 春节前发放)
                   r"(?:春节|元旦|国庆|(?<![一二三四五六七八九十])十一|(?<![一二三四五六七八九十])五一|中秋|端午|清明|汛期|暑期|入冬|供暖季)"
                   r"[”\"]?(?:节)?(?:前|后|期间)")
_ROLE = re.compile(r"总理|省长|市长|县长|区长|州长|旗长|主席")
PROBLEM_WORDS = re.compile(r"问题|不足|短板|弱项|困难|挑战|压力|矛盾|风险隐患|不平衡|不充分|差距|薄弱|亟待|有待")
MEASURE_WORDS = re.compile(r"推进|实施|加强|加快|建设|完善|开展|推动|落实|支持|提高|提升|打造|健全|优化|强化|实现|确保|"
                           r"深化|扩大|改造|解决|治理|保障|发展|培育|新建|增加")
NEAR_TIME = re.compile(r"明天|后天|今晚|今天|这周|本周|下周|周末|这几天|近几天")
# A short run in quotation marks is a name or a slogan (“四个意识”, “十四五”): its numerals are no figure.
# A numeral that names, not counts (12号线, 5G, PM2.5): no figure (a fact of the language).
_NUMBERED_NAME = re.compile(r"\d+\s*号线|\d+\s*号(?![召称])|(?<![\d.])\d\s*[gG](?![a-zA-Z])|[pP][mM]\s*\d+(?:\.\d+)?")
_QUOTED_NAME = re.compile(r"“[^”]{1,12}”|「[^」]{1,12}」|\"[^\"]{1,12}\"")
_ASKS_FIGURE = re.compile(alternation(asking_words("figure")))
LONG_SENTENCE = 110  # longer sentences are quoted clause by clause


@dataclass(frozen=True)
class Unit:
    """A quotable stretch of a passage: a sentence, or clauses of a long one."""

    rank: int  # the passage's rank (1-based)
    start: int
    end: int
    text: str  # the raw stretch
    sentence_start: int  # where its whole sentence starts, across the ； of a list (for the list's intro)


_AVERAGE = re.compile(r"年均|平均每年|平均增长|平均增速")
_CHANGE_FIGURE = re.compile(r"(?:增长|增速|递增|提高)[^，,；;。\d]{0,4}\d+(?:\.\d+)?\s*[%％]")
_NUMERALS = re.compile(r"[一二三四五六七八九十]{2,}")


def _pieces_near(word: str, text: str) -> bool:
    """The two-character pieces of a word, in order, each within a few characters of the one before."""
    pieces = [re.escape(word[i:i + 2]) for i in range(0, len(word) - 1, 2)]
    gap = "[^值]{0,4}"  # 城镇常住居民, 农村牧区常住居民; not 经济…增长 across 民营经济增加值增长 (a value is another measure)
    return re.search(gap.join(pieces), text) is not None


_HAN_PAIR = re.compile(r"[\u4e00-\u9fff]{2}")


def _shortened(term: str, text: str) -> bool:
    """`text` writes in full a word `term` shortens: four characters, the term's two opening its two halves, read as
    one word or two of two (公共厕所, 外商+投资), not across words (进出口+总额 is no 进口)."""
    from qa.index.keyword import jieba_tokenizer

    for m in re.finditer(f"(?={term[0]}[\u4e00-\u9fff]{term[1]}[\u4e00-\u9fff])", text):
        span = text[m.start(): m.start() + 4]
        if [len(w) for w in jieba_tokenizer().lcut(span)] in ([4], [2, 2]):
            return True
    return False


@lru_cache(maxsize=16384)
def abbreviations(term: str) -> tuple[str, ...]:
    """The short forms the language makes of a compound: a run of two or more of its two-character words each cut to its
    first character (科学技术 -> 科技, 国家科学技术奖 -> 国家科技奖, 基本医疗保险 -> 基本医保); a four-character word
    counts as two of two."""
    from qa.index.keyword import jieba_tokenizer

    if len(term) < 4 or not re.fullmatch(r"[\u4e00-\u9fff]+", term):
        return ()
    units: list[str] = []
    for word in jieba_tokenizer().lcut(term):
        units += [word[:2], word[2:]] if len(word) == 4 else [word]
    out = []
    for start in range(len(units)):
        for end in range(start + 2, len(units) + 1):
            if all(len(u) == 2 for u in units[start:end]):
                out.append("".join(units[:start]) + "".join(u[0] for u in units[start:end]) + "".join(units[end:]))
    return tuple(dict.fromkeys(out))


def _abbreviated(term: str, text: str) -> bool:
    """`text` writes `term` short (国家科技奖 for 国家科学技术奖, 基本医保 for 基本医疗保险). A short form of two characters
    is most often a word of its own (中学 is no 中小学校, 外出 no 外贸出口): only three or more count."""
    return any(len(short) >= 3 and short in text for short in abbreviations(term))


# What is done towards a country written short after 对 (对俄进出口, 对美投资): not 对美好生活, 对老旧小区.
_DEALINGS = "进出口|出口|进口|贸易|经贸|投资|合作|开放|口岸|航线|班列"


@lru_cache(maxsize=131072)
def covered(term: str, text: str) -> bool:
    """A question word is in a (normalized) text: itself, one of the report's words for it, or all its parts."""
    if said_alone(term, text):
        return True
    synonyms = [s for s in word_synonyms(term).split() if term not in s or said_alone(term, s)]  # (not 进出口 for 出口)
    if any(re.search(rf"{alone(s)}{re.escape(s)}(?!值)", text) for s in synonyms):
        return True  # (not inside a value's name: 总产 for 粮食, but 总产值 is an output's money value)
    if any(len(s) >= 4 and _pieces_near(s, text) for s in synonyms):
        return True  # 城里人 as 城镇居民, written 城镇常住居民: the report's word with a few characters inside
    if re.search("城镇|农村|乡村", term) and covered(re.sub("城镇|农村|乡村", "城乡", term, count=1), text):
        return True  # 城镇居民收入 in 城乡居民收入(分别…): 城乡 is 城镇 and 乡村 together
    if _NUMERALS.fullmatch(term) and (re.search("、?".join(term), text) or term == "一二三" and "三次产业" in text):
        return True  # 一二三产 written 一、二、三产, or 三次产业 (the three sectors)
    if any(v in text for v in thesaurus_variants(term)):
        return True  # 利用外资 as 使用外资, 出国 as 出境: the thesaurus's synonyms
    if len(term) >= 3 and term.endswith("量") and re.search(rf"{re.escape(term[:-1])}(?=[达为是突破超过近约逾实现完成\d])", text):
        return True  # 粮食总产达615.6亿斤, 吞吐量 as 吞吐超…: reports drop the 量 before the figure
    if term == "产量" and re.search(r"总产(?=[达为是突破超过近约逾实现完成\d])", text):
        return True  # 总产125亿斤 (not 总产值)
    if len(term) == 2 and _HAN_PAIR.fullmatch(term) and _shortened(term, text):
        return True  # 公厕 for 公共厕所, 外资 for 外商投资: a word shortened to its parts' first characters
    if _abbreviated(term, text):
        return True  # 国家科技奖 for 国家科学技术奖, 基本医保 for 基本医疗保险: a compound said short
    if said_short(term, text, before="对", after="", then=_DEALINGS):
        # 对俄进出口 for 俄罗斯: a country by its first character where Chinese writes it short, as what is done
        # towards it (中俄蒙经贸洽谈会, 中美旅游对话 name it among others, in a meeting's name)
        return True
    if (verb := _newly_done(term)) and covered(verb, text):
        return True  # 新开通 as 开通3号线…等3条轨道新线: 新 before a verb only says it was done lately
    if len(term) >= 4:  # 城镇居民收入 in 城镇居民人均可支配收入: every two-character piece is there
        pieces = [term[i:i + 2] for i in range(0, len(term) - 1, 2)]
        return all(p in text for p in pieces)
    return False


@lru_cache(maxsize=4096)
def _newly_done(term: str) -> str:
    """The verb of 新 + verb (新开通, 新建成, 新落户): what was done, lately; "" for a noun (新能源, 新城区)."""
    if len(term) < 3 or term[0] != "新":
        return ""
    words = tagged_words(term[1:])
    return term[1:] if len(words) == 1 and words[0][1] == "v" else ""


# What a thing is kept in step with, closing its clause (居民收入增长与经济增长基本同步。): the yardstick it is
# measured against, not a figure of its own. (Not 同步发展/同步提升, two things done together; not 和谐, 协同, 共同.)
# (…人均可支配收入增长5.5%、居全国第六，超过经济增速。: the economy's growth is what the income is set against)
_AGAINST = "超过|高于|快于|跑赢|低于|慢于"
_YARDSTICK = re.compile(r"(?<![协共相如认合])(?:与|和|同|跟)(?![谐平])[\u4e00-\u9fff]{2,10}?(?:基本|总体|大体)?同步"
                        rf"(?=[，,；;。]|$)|(?:{_AGAINST})[\u4e00-\u9fff]{{0,6}}?(?:增速|增幅|增长)(?=[，,；;。]|$)")
_SET_AGAINST = re.compile(f"同步|{_AGAINST}")  # asked (居民收入增速超过经济增速了吗): the yardstick is then counted


# A share named (比重, 占比, 比例, 份额) and a share stated (棉花总产568.6万吨、占全国92.2%): 占 with the figure says the
# share without its name — a fact of the language.
_SHARE_WORD = re.compile(r"比重|占比|比例|份额")
_SHARE_STATED = re.compile(r"占(?![用地据有领])[^，,；;。、]{0,12}?(?:\d+(?:\.\d+)?\s*[%％]|[一二三四五六七八九]成|分之)")


# A year a change is measured from, as a report says it (比2019年下降4.8%, 较2020年增长; a fact of the language).
_BASE_SAID = re.compile(r"(?:比|较)((?:19|20)\d\d)年")


def measured_from_another_year(bases: tuple[int, ...], quote: str) -> bool:
    """Does every clause of the quote that gives a change measure it from a year other than the ones asked (比2019年
    下降4.8% where 比2022年 is asked)? A clause measured from the year before (比上年增长8.1%) or from none may answer."""
    clauses = [c for c in re.split(r"[，,；;。]", quote) if _FIGURE_DIGIT.search(c) and _CHANGE_VERB_SAID.search(c)]
    return bool(clauses) and all((said := {int(y) for y in _BASE_SAID.findall(c)}) and not said & set(bases)
                                 for c in clauses)


_CHANGE_VERB_SAID = re.compile(r"提高|提升|增|降|减|涨|上升|扩大|缩小")
# The words of a total (进出口总额) and a total said by its amount right after the thing (进出口达3.38万亿元), the word
# left out: a fact of how the reports write.
_TOTAL_NOUNS = frozenset(("总额", "总量", "规模"))
_TOTAL_STATED = r"(?:达到?|突破|超过?|实现)\s*\d[\d.]*\s*(?:万亿|亿|万)"


def coverage(focus: tuple[tuple[str, float, bool], ...], text: str) -> float:
    """Weighted share of the question's words found in a text (rarer words weigh more); the yardstick a thing is
    kept in step with or set against is not counted (`与经济增长同步`, `超过经济增速` state nothing of the economy's
    growth) unless that is asked;
    a share asked by name (占全国的比重) is found where the text states one (占全国92.2%)."""
    total = sum(w for _, w, _ in focus)
    if not total:
        return 1.0  # nothing to look for beyond the place, year and kind (`…的报告是哪天作的？`)
    norm = for_search(text)
    if not any(_SET_AGAINST.search(t) for t, _, _ in focus):
        norm = _YARDSTICK.sub(" ", norm)
    share = any(_SHARE_WORD.fullmatch(t) for t, _, _ in focus) and bool(_SHARE_STATED.search(norm))
    total_said = any(t in _TOTAL_NOUNS for t, _, _ in focus) and any(
        re.search(rf"{re.escape(t)}[^，,；;。\d]{{0,4}}?{_TOTAL_STATED}", norm) for t, _, noun in focus
        if noun and t not in _TOTAL_NOUNS)
    return sum(w for t, w, _ in focus if covered(t, norm) or (share and _SHARE_WORD.fullmatch(t))
               or (total_said and t in _TOTAL_NOUNS)) / total


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


# A list of figures is cut after each figure (`城镇新增就业47万人左右、城镇调查失业率5.5%左右`), not inside
# a list of names that one `分别` gives figures to (`城镇调查失业率、居民消费价格涨幅分别控制在5%和3%以内`).
_PUNCTUATION = re.compile(r"[，,；;。：:]")
# The end of a list item that gives a figure: the figure, its unit, a qualifier, then 、 or 和 (not 和3%).
# (a unit per a time or a head is the figure's: 740元/月、残疾人…)
_ITEM_END = re.compile(r"\d(?:\.\d+)?\s*[%％]?[\u4e00-\u9fff]{0,3}?(?:/[\u4e00-\u9fff]{1,2})?(?:以上|左右|以内|以下)?"
                       r"(?P<cut>、|和(?!\d))")


def figure_clauses(text: str) -> list[str]:
    """`text` cut into clauses that each state one thing: at punctuation, and after a figure that ends a list item."""
    marks = {m.start() for m in _PUNCTUATION.finditer(text)}
    # (`低保、特困人均月标准分别提高到1167元、1937元`: the figures 分别 gives out are one list, not cut apart)
    items = {m.start("cut") for m in _ITEM_END.finditer(text)
             if "分别" not in text[max([p for p in marks if p < m.start("cut")], default=-1) + 1: m.start("cut")]}
    cuts = sorted(marks | items)
    pieces, start = [], 0
    for cut in cuts:
        pieces.append(text[start:cut])
        start = cut + 1
    pieces.append(text[start:])
    return [p for p in pieces if p.strip()]


def read_clauses(text: str) -> list[tuple[str, str]]:
    """Each of `figure_clauses`, with how it reads: a list item that names no subject of its own
    (`粮食播种面积1.1亿亩、产量825亿斤以上`: 产量 is the grain's) takes the head of the item before it."""
    out: list[tuple[str, str]] = []
    previous = before = whole = ""
    for clause in figure_clauses(text):
        digit = _FIGURE_DIGIT.search(clause)
        subject = clause[: digit.start()] if digit else clause
        if out and digit and whole and _CHANGE_VERB.fullmatch(subject.strip(" 、，,")):
            out.append((clause, whole + clause))  # `生产总值6.36万亿元、增长5.1%`: the change of the same subject
        elif out and digit and len(subject.strip(" 、，,")) <= 2 and previous:
            out.append((clause, previous + clause))
        elif out and digit and before and _REACHED.fullmatch(subject.strip(" 、，,")):
            out.append((clause, before + clause))  # `粮食总产量再上新台阶，突破1600亿斤`: a verb goes on with its subject
        else:
            out.append((clause, clause))
        whole = _SUBJECT_EDGES.sub("", subject.strip(" 、，,")) if digit else ""
        previous = whole[:2]
        before = "" if digit else clause
    return out


# What a list item's subject opens or ends with that is not the thing itself (2024年全年…, …达).
_SUBJECT_EDGES = re.compile(r"^(?:(?:19|20)\d\d年)?(?:全年|确保|力争|实现|其中)?|(?:达到?|为|是|突破|超过)$")
# The first digit of a figure: a year (`2024年地区生产总值达13.7万亿元`) is part of the subject.
_FIGURE_DIGIT = re.compile(r"(?<!\d)(?!(?:19|20)\d\d\s*年)\d")
# A list item that opens with the verb of a change names the subject of the item before (`…6.36万亿元、增长5.1%`).
_CHANGE_VERBS = r"增长|增速|增幅|下降|提高|降低|增加|减少|上涨|涨幅"
_CHANGE_VERB = re.compile(rf"(?:同比|比上年)?(?:{_CHANGE_VERBS})了?")
# A clause that opens with the figure reached names no subject: it is the one of the clause before (a fact of
# the language's topic chains).
_REACHED = re.compile(r"(?:一举|首次|率先|再次|稳定|成功)?(?:突破|达到|达|超过|超|迈上|跃升至?|增至|增长到|提高到|升至|实现)")


# A figure of a `分别` list, with its unit (5%, 3.75万亿元, 1167元).
_LISTED_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|[万亿]?[元吨斤人亩])?")


# Two things and then two figures joined the same way, with no 分别 (`散居和集中养育孤儿补贴标准提高到不低于1200元/月和
# 1700元/月`): each figure is its thing's, in order — where the move ends the clause with just the two figures.
_PAIRED = re.compile(r"(?<=[\u4e00-\u9fff])(?=(?:提高到|提高至|提高|达到|达|增加到|增长|调整为|调整到|为)(?:不低于|不少于)?\s*\d"
                     r"[^，,；;。、和]*(?:和|、)\d[^，,；;。、和]*$)")


def respective_figure(clause: str, focus) -> str | None:
    """In `A、B分别控制在5%和3%以内`, the figure of the item asked about (3% for B); None if not such a list."""
    m = re.search(r"分别", clause) or _PAIRED.search(clause)
    if not m:
        return None
    items = [i for i in re.split(r"、|和|及|与", clause[: m.start()]) if i.strip()]
    figures = _LISTED_FIGURE.findall(clause[m.end():])
    if len(items) == 1 and len(figures) == 2 and (both := re.search(r"城乡(?P<rest>.*)", items[0])):
        # 城乡…分别 A、B: 城 and 乡 in that order, the towns' figure, then the countryside's
        items = [f"城镇{both.group('rest')}", f"农村{both.group('rest')}"]
    if len(items) < 2 or len(figures) != len(items):
        return None
    nouns = tuple(f for f in focus if f[2]) or focus
    # (`低保、特困人均月标准`: the last item's head is every item's, 低保人均月标准 — a fact of the language; an item
    # whose own words match is still preferred to one that matches by the head alone)
    head = items[-1].strip()[len(items[0].strip()):]  # (低保、特困人均月标准: 人均月标准; 城、乡低保标准: 低保标准)
    last = len(items) - 1
    own = [item if i < last or not head else item.strip()[: len(item.strip()) - len(head)] for i, item in enumerate(items)]
    # (then the other words asked: 集中 of 集中养育孤儿, which tells the items apart though no noun)
    fit = [(coverage(nouns, items[i] + (head if i < last else "")), coverage(nouns, own[i]), coverage(focus, own[i]))
           for i in range(len(items))]
    best = max(range(len(items)), key=lambda i: fit[i])
    if fit.count(fit[best]) > 1:  # (城市、农村低保标准 asked as 城乡低保标准: the question picks no one of them)
        return None
    return figures[best] if fit[best][0] > 0 else None


def several_figures(clause: str) -> bool:
    """Does the clause state a figure for each of several things (`城乡低保标准分别增长5%、12%`)?"""
    m = re.search(r"分别", clause)
    return m is not None and len(_LISTED_FIGURE.findall(clause[m.end():])) >= 2


def states_figure(clause: str, focus, nouns) -> bool:
    """The clause gives a figure for what was asked: before its first number, the question's words
    (`地方一般公共预算收入增长3%`), not another indicator's (`居民消费价格涨幅2%`, `城镇登记失业率3.65%`).
    A year (`2015年城镇…收入完成30788元`) is no figure."""
    figures = list(re.finditer(_FIGURE_DIGIT.pattern + r"[\d.]*", clause))
    if not figures:
        return False
    subject = clause[: figures[0].start() + 1]  # (with the figure's first digit: 粮食总产1142亿斤 states 总产量)
    subjects = [subject]
    # `生产总值6.36万亿元、增长5.1%`: a change after a level, with only its verb between, is the same subject's
    subjects += [subject + m.group("verb") + clause[b.start()] for a, b in zip(figures, figures[1:], strict=False)
                 if (m := _SAME_SUBJECT_CHANGE.fullmatch(clause[a.end(): b.start()]))]
    return any(coverage(focus, s) >= 0.75 and (not nouns or coverage(nouns, s) >= 0.9) for s in subjects)


def _indicator_list(sentence: str) -> bool:
    """A sentence of targets that lists indicators with a rate each (主要预期目标是：地区生产总值增长5%左右，…): three
    clauses or more that each name something and give its rate in %. (Where a figure comes first, 投资1.2亿元的污水处理
    厂, it is the noun after it's: only such lists of rates put the name first.)"""
    named = [c for c in figure_clauses(sentence) if (d := _FIGURE_DIGIT.search(c)) and re.search(r"[\u4e00-\u9fff]{2}", c[:d.start()])
             and re.search(r"\d\s*[%％]", c)]
    return len(named) >= 3 and bool(_TARGETS_SAID.search(sentence))  # (a ratio, 3.6 : 48 : 48.4, is one figure)


def _names_indicator(quote: str, focus, nouns) -> bool:
    """Does a quote from a list of targets name the indicator asked? A figure belongs to the words just before it, back
    to the clause before where they are only a change (地区生产总值跨越千亿台阶，增长7%以上): at least half of what the
    question asks about (a fact of the language); a clause with no figure (粮食产量保持稳定) names it with most of the
    question's words."""
    # (增长, 涨幅: the change every item of the list states, not the indicator it is of)
    named = tuple(f for f in nouns if not _CHANGE_WORD.fullmatch(f[0]))
    if not named:
        return True
    # A compound's head comes last and is shared by many indicators (进出口总值, 地区生产总值): what sets the asked one
    # apart is said before it, so half of those words must be there too.
    modifiers = named[:-1] or named
    before = ""
    for _, clause in read_clauses(quote):
        digit = _FIGURE_DIGIT.search(clause)
        if digit is None:
            if coverage(focus, clause) >= 0.75:
                return True
            before = clause
            continue
        subject = clause[: digit.start() + 1]
        if _CHANGE_VERB.fullmatch(subject[:-1].strip(" 、，,")):
            subject = before + subject
        if coverage(named, subject) >= 0.5 and coverage(modifiers, subject) >= 0.5:
            return True
        before = ""
    return False


def others_figure(quote: str, head: str, modifiers, sentence: str = "") -> bool:
    """Is every figure the quote gives of the thing asked (产量) another kind's (蔬菜产量稳定在200万吨 when 粮食产量 is
    asked)? A figure belongs to the words just before it, and a compound's head is set apart by the noun before it (a
    fact of the language): where the sentence names the kind asked (粮食单产) but puts another noun before the head, the
    figure is that one's. A sentence that never names the kind asked may say it in its own words (机场旅客 for 坐飞机的
    旅客); a figure after the head alone, or after no noun (全年产量, ，产量达到), may be the one asked."""
    import jieba.posseg

    said = for_search(to_simplified(sentence or quote))
    if not any(covered(m, said) for m, _, _ in modifiers):
        return False
    other = False
    for _, reading in read_clauses(to_simplified(quote)):
        digits = list(_FIGURE_DIGIT.finditer(reading))
        subject = reading[: digits[-1].start()] if digits else ""  # (在168个重点城市排第16位: up to the figure)
        subject_words = for_search(subject)
        if head not in subject:
            if other and digits and all(covered(m, subject_words) for m, _, _ in modifiers):
                return False  # 整车产量200万辆、新能源汽车140万辆: the item after shares the head, and names the kind asked
            continue
        if any(covered(m, subject_words) for m, _, _ in modifiers):
            return False
        words = [w for w, _ in tagged_words(subject[: subject.rindex(head) + len(head)])]
        last = words[-1] if words else ""
        before = last[: -len(head)] if last != head and last.endswith(head) else words[-2] if len(words) >= 2 else ""
        # (a noun by the general dictionary's own tag: 蔬菜, 省会; not 力争, 全年, 公共)
        if len(before) < 2 or jieba.posseg.dt.word_tag_tab.get(before) != "n":
            return False
        other = True
    return other


def figure_withheld(quote: str, focus, nouns, measure: str | None = None, percent: bool = False) -> str:
    """The clause naming what was asked, where the quote names it only in clauses that give no figure of it ("" where
    it gives one, or names it nowhere). A figure belongs to the words just
    before it in its clause (a fact of the language): in `粮食产量511万吨以上，单位地区生产总值能耗保持下降` the only figure
    is the grain's, and 居民收入稳步增长 sets no rate. A clause that opens with the figure reached or the change
    (跨越千亿台阶，增长7%以上; 再上新台阶，突破1600亿斤) goes on with the subject before it."""
    named = tuple(f for f in (nouns or focus) if not _CHANGE_WORD.fullmatch(f[0]) and not _MEASURE_WORD.fullmatch(f[0]))
    named = named or nouns or focus
    if not named:
        return ""
    clauses = figure_clauses(quote)
    simple = [to_simplified(c) for c in clauses]
    naming = [i for i, c in enumerate(simple) if coverage(named, c) >= 0.75]
    if not naming:
        return ""
    for i in naming:
        if _NUMBER.search(_QUOTED_NAME.sub("", simple[i])) or (_RELATIVE_TARGET.search(simple[i]) and not percent) \
                or (measure == "rank" and states_measure(simple[i], "rank")):
            return ""  # (增量全国第一 is a rank; 增速保持在全国平均水平以上, 与经济增长同步 set it by another figure,
            # unless the percentage itself is asked: 百分之几)
        if i + 1 < len(simple) and goes_on(simple[i + 1]):
            return ""  # (…台阶，增长7%以上: the next clause's figure, with no subject of its own, is this one's)
    return clauses[naming[0]].strip(" 、，,；;。")


@lru_cache(maxsize=256)
def sets_a_target(sentence: str) -> bool:
    """Does a sentence name a target in a clause that does not say it was met (预期目标是…, 目标为…; not 超额完成年度目标,
    完成…目标任务, 实现…目标): how a later report's review can still tell the year's target?"""
    return any(re.search(r"预期|目标(?!任务)", c) and not re.search(r"完成|实现|超额|达到|达成|下达|确保", c)
               for c in re.split(r"[，,；;。]", sentence))


@lru_cache(maxsize=256)
def other_measure_said(normalized_question: str, quote: str, focus) -> bool:
    """Does the quote give the thing asked (all its nouns in one clause) a figure in another measure only, where the
    question names the unit it counts in (多少人次, 几所)? A figure belongs to the words just before it in its clause
    (a fact of the language): 入境外国游客增长超90% is their rise, and 8亿人次 beside it counts every visitor. The clauses
    that go on with no subject of their own (…，新增学位3000个，新建15所) are the thing's too; a year is no figure."""
    unit = _ASKED_UNIT.search(normalized_question)
    percent = bool(_PERCENT_ASKED.search(normalized_question))  # 增长了百分之几: a rate, in points, a multiple, tenths
    if not (percent or unit and unit.group("unit") != "天" or _ASKED_PEOPLE.search(normalized_question)):
        return False  # (a count of days is no count of the thing: 优良天数为301天 beside 综合指数为3.5)
    named = tuple(f for f in focus if f[2] and not _CHANGE_WORD.fullmatch(f[0]) and not _MEASURE_WORD.fullmatch(f[0]))
    if len(named) < 2:
        return False  # (one word asked, 游客, is named by every clause about visitors)
    clauses = [to_simplified(c) for c in figure_clauses(quote)]
    naming = [i for i, c in enumerate(clauses) if all(covered(t, for_search(c)) for t, _, _ in named)]
    if not naming or not all(_FIGURE_DIGIT.search(clauses[i]) for i in naming):
        return False
    if percent:  # (航空旅客吞吐量7492.4万人次 gives no rise in percent; a clause naming it with no figure is weighed as before)
        return not any(_PERCENT_SAID.search(c) for i in naming
                       for c in _attributes_before(clauses, i) + _with_going_on(clauses, i))
    return not any(unit_stated(normalized_question, c) for i in naming
                   for c in _attributes_before(clauses, i) + _with_going_on(clauses, i))


def _attributes_before(clauses: list[str], i: int) -> list[str]:
    """The clauses before clause `i` that, with it, count the thing it names after 的 (完成65条、总长度57.9公里的城市道路
    新建改造: 65条 is the roads', a figure before 的 belongs to the noun after it); none where clause `i` has no figure
    before a 的."""
    if not re.search(r"\d[^的]*的", clauses[i]):
        return []
    before = list(itertools.takewhile(goes_on, reversed(clauses[:i])))
    return before[::-1]


# A figure right after a verb of change, with no 到/至 (提高20元, 增加6万人), is how far a thing moved, not where it stands
# (提高到740元): a fact of the language.
_MOVING = r"提高|提升|增加|增长|上调|下调|上涨|上升|减少|下降|降低|扩大|缩小"
_MOVED_BY = re.compile(rf"(?:{_MOVING})了?(?![到至])\s*(?=\d)")
_CHANGE_ASKED = re.compile(rf"{_MOVING}|新增|增速|增幅|涨|降|多了|少了|变化|幅度|比上年|比去年|同比")


def only_moved(normalized_question: str, quote: str, nouns) -> bool:
    """Where a level is asked (基础养老金每月最低标准是多少钱, 受益的老人一共有多少, 还剩多少), does the quote give the thing asked only
    how far it moved, as an amount (月最低标准提高20元, 受益群众增加6万人)? The clauses naming the thing are read; a
    question asking the change itself (提高了多少, 新增多少, by how much … rise) or a target is answered by it, and a
    rise as a rate (12%, 1.5倍, 2个百分点) is shown where a level is asked (a report may say no more)."""
    if not (_ASKED_PRICE_LEVEL.search(normalized_question) or _asks_total(normalized_question, False)
            or re.search(r"标准[^，,。？?]{0,4}?(?:多少|几)|剩[下余]?了?(?:多少|几)", normalized_question)) \
            or _CHANGE_ASKED.search(normalized_question) \
            or _ASKED_CHANGE_EN.search(normalized_question) or _TARGETS_SAID.search(normalized_question):
        return False  # (a target asked is answered by the rise it sets: 社会消费品零售总额的目标 by 增长9%)
    clauses, naming = _figures_of(quote, nouns)
    if not naming:
        return False
    # (the clauses going on with no subject of their own are the thing's too: …增长5.8%，总量达到60013亿元)
    for clause in (c for i in naming for c in _with_going_on(clauses, i)):
        kinds = _how_figures_move(clause)
        if "rate" in kinds:
            return False  # (a rate, 增长12%, 1.5倍, may be all a report gives where a level is asked: it is shown)
        if "level" in kinds:
            return False
    return True


_RATE = re.compile(r"[\d.]+\s*(?:[%％]|倍|个?百分点)")


def _how_figures_move(clause: str) -> list[str]:
    """Each figure of a clause as where the thing stands ("level": 60013亿元), how fast it moved ("rate": 增长3.7%,
    1.5倍, 2个百分点) or how far ("amount": 提高20元): a figure right after a verb of change is the change."""
    moved = {m.end() for m in _MOVED_BY.finditer(clause)}
    return ["level" if d.start() not in moved else "rate" if _RATE.match(clause, d.start()) else "amount"
            for d in _FIGURE_DIGIT.finditer(clause) if clause[d.start() - 1: d.start()] != "."]


# A level reached said with a round magnitude and no numeral (重回万亿元规模, 迈上千亿元台阶).
_ROUND_LEVEL = re.compile(r"(?<![\d.])(?:[百千]?万亿|[百千]?亿|[百千]万)(?:元|美元|吨|斤|人次|人|千瓦|标箱|级)")


def rate_only(normalized_question: str, quote: str, nouns) -> str:
    """Where a total is asked (出口总额是多少, 经济总量, total value), the clause naming the thing that gives only how
    fast it moved (出口增长3.7%), when every clause naming it does: the report says no total, and an answer saying so
    quotes that clause ("" otherwise). A change or a target asked is answered by the rate."""
    if not _asks_total(normalized_question, False) or _CHANGE_ASKED.search(normalized_question) \
            or _ASKED_CHANGE_EN.search(normalized_question) or _TARGETS_SAID.search(normalized_question):
        return ""
    # (the thing is what the total is of: 进出口, not the 总额 that 社会消费品零售总额 shares)
    things = tuple(n for n in nouns if not _TOTAL_ASKED.fullmatch(n[0]))
    if not things:
        return ""
    # (a level, or a change as an amount, beside the rate answers: …增长5.8%，总量达到60013亿元; 重回万亿元规模)
    return _only_figures_of_kind(quote, things, "rate", _ROUND_LEVEL).strip(" ，,；;")


def _only_figures_of_kind(quote: str, things, kind: str, said_otherwise: re.Pattern) -> str:
    """The first clause naming the thing asked (with the clauses going on from it) that gives a figure, where every
    such clause gives figures of `kind` only (`_how_figures_move`: "level" or "rate") and none says the other in words
    (`said_otherwise`); "" otherwise."""
    clauses, naming = _figures_of(quote, things)
    found = []
    for i in naming:
        for clause in _with_going_on(clauses, i):
            kinds = _how_figures_move(clause)
            if any(k != kind for k in kinds) or said_otherwise.search(clause):
                return ""
            found += [clause] if kinds else []
    return found[0] if found else ""


# A change said in any words (提高, 增, 降, 减, 翻, 倍, 高出, 比上年, 两成, 三分之一, 百分点, %; a fact of the language), and a
# change asked outright (增长了多少, 比上年, 同比, 增速): narrower than `_CHANGE_ASKED`, whose 新增, 多了 and bare 降 may ask a
# level (最少要保住多少吨 is no change asked).
_CHANGE_IN_WORDS = re.compile(rf"{_MOVING}|增|涨|降|减|翻|倍|番|高出|超出|多出|比上年|同比|[一二两三四五六七八九十]成|分之|百分点|[%％]")
_CHANGE_ASKED_OUTRIGHT = re.compile(r"(?:增长|增加|提高|提升|下降|降低|减少|上涨|上升|涨|降|增)了?(?:多少|几|百分之|幅度)|"
                                    r"增速|增幅|涨幅|降幅|增长率|比上年|比去年|比前年|同比")


# The nouns that name a total as the kind of figure asked (出口总值 asks of 出口), not what it is of.
_KINDS_OF_TOTAL = frozenset({"总值", "总额", "总量", "总数"})


def asks_change(normalized_question: str) -> bool:
    """Does the text ask a change outright (增长了多少, 比上年, 同比, 增速)?"""
    return bool(_CHANGE_ASKED_OUTRIGHT.search(normalized_question))


def level_only(normalized_question: str, quote: str, nouns) -> str:
    """Where how fast a thing moved is asked (比上年增长了多少, 增长了百分之几), the clause naming it that gives only where
    it stands (外贸进出口总额7489.8亿元), when every clause naming it does: the report says no change, and an answer saying so
    quotes that clause ("" otherwise). A figure right after a verb of change is the change (a fact of the language)."""
    if _TARGETS_SAID.search(normalized_question) or not asks_change(normalized_question) \
            or len(re.findall(r"多少|几", normalized_question)) >= 2 or "分别" in normalized_question:
        return ""  # (分别是多少？涨了多少？: the levels are asked too)
    things = tuple(n for n in nouns if not _TOTAL_ASKED.fullmatch(n[0]) and not _CHANGE_WORD.fullmatch(n[0])
                   and not _MEASURE_WORD.fullmatch(n[0]))
    if not things:
        return ""
    # (a change said beside the level answers: 增长5%, 翻一番, 两成, 1.5倍, 人均月增200元)
    return _only_figures_of_kind(quote, things, "level", _CHANGE_IN_WORDS).strip(" ，,；;、")


# The span a figure counts over, said before it (a fact of the language): a day's (日均通关42.0万人次, 单日最高) or all
# the years' so far (累计接卸量达1.2亿吨, 五年来), where a question asks a year's total (2023年一年, 全年一共) or what has been
# reached so far (到现在一共, 累计) and a report's 新增8公里 is one year's part of it. 全年累计 is the year's own total,
# 一年来 the year's review.
_DAY_SPAN = re.compile(r"日均|单日|每天|每日|日最高|日平均|平均每天|一天")
_TO_DATE = re.compile(r"(?<!全年)(?<!年内)(?:累计|累积)|至今|迄今|到现在|到目前|目前为止|(?<![一1])年来|(?<!今年)以来|"
                      # so many years' (中央财政五年投入专项扶贫资金2800多亿元, 过去五年): not a plan's or a rank's name
                      r"(?<![\d零一二两三四五六七八九十])(?:[两二三四五六七八九十]|\d{1,2})年(?![期级龄度前后底初末]|规划|行动|计划|"
                      r"攻坚|一遇|以上|左右|的|$)")
_YEAR_SPAN = re.compile(r"全年|一年(?!一度|多|来)|当年")
# What was added in a year, said by what was done anew (新增, 新获批, 新当选…; 建成, 培育 may say all there are: 建成5G基站
# 10万个; not the 新 of 创新, 更新, 重新: 创新投入, 更新设备) or by how many more there are (增加, not 增加到).
_ANEW = r"(?<![创更重革最全崭清])"
_NEWLY = (rf"{_ANEW}(?:新增(?!长)|新建|新开|新培育|新认定|新引进|新招引|新获批|新设|新上|新投|新认证|新登记|新注册|新当选)|"
          r"净增")
_ADDED = re.compile(rf"{_NEWLY}|增加(?![到至])")
# An addition asked, and the words a level reached is said with (超1.4万家, 总数达, 保有量): 新增 anywhere (谁新增得多,
# 新增全国重点实验室比一比), another doing anew with its count (新登记了多少户; 新引进到位资金多少 and 新开工面积 are the
# year's flows, which reports say with 超 and 达), 多了多少个.
_ADDED_ASKED = re.compile(rf"{_ANEW}新增(?!长)|(?:{_NEWLY})了?(?:多少|几)|多了(?:多少|几)|增加了(?:多少|几)")
_REACHED_BY = re.compile(r"(?:超过?|达到?|突破|逾)\s*$")  # (right before the figure: not 超市, 发达)
_STOCK_SAID = re.compile(r"总数|总量|保有量|拥有")


_FIVE_YEARS = re.compile(r"五年来|五年间|过去的?五年|五年累计|五年共")


def _five_years_said(chunk, sentence: str) -> bool:
    """Does the quote count the five years of a term: said in its paragraph's opening or its sentence (五年来，…), or in
    the lead of a paragraph of the term's review (这五年，是…的五年：培育…17家 is the five years' count; the level they
    end at, `_END_VALUE`, may still be the year's)?"""
    if _FIVE_YEARS.search(to_simplified(chunk.text[:12] + sentence)):
        return True
    return bool(re.search(r"这五年|过去的?五年|五年来", to_simplified(chunk.lead + chunk.text[:12])))


def other_span(normalized_question: str, quote: str, nouns) -> bool:
    """Does the quote give the thing asked only figures over another span than the one asked: a day's or the total so
    far where a year's total is asked, a year's addition where the total so far is asked, the level reached where an
    addition is asked (新增了多少家: 国家高新技术企业超1.4万家)? The clauses naming the thing
    (and those going on with no subject of their own) are read; a figure's day is said in its clause before it, the
    years so far anywhere before it in the quote (五年来，城镇新增就业5600人). Where the question's own indicator adds
    (新增就业, 新建住房), a figure of what was added is no year's part of it."""
    year_asked = bool(_YEAR_SPAN.search(normalized_question)) and not _DAY_SPAN.search(normalized_question) \
        and not _TO_DATE.search(normalized_question)
    to_date_asked = bool(_TO_DATE.search(normalized_question)) and not _DAY_SPAN.search(normalized_question)
    added_only = bool(_ADDED_ASKED.search(normalized_question)) and not to_date_asked
    if not (year_asked or to_date_asked or added_only):
        return False
    clauses, naming = _figures_of(quote, nouns)
    if not naming:
        return False
    added_asked = bool(_ADDED.search(normalized_question))
    for i in naming:
        for j, clause in enumerate(_with_going_on(clauses, i)):
            digit = _FIGURE_DIGIT.search(clause)
            if digit is None:
                continue
            said, before = clause[: digit.start()], "".join(clauses[: i + j]) + clause[: digit.start()]
            if year_asked and not (_DAY_SPAN.search(said) or _TO_DATE.search(before)):
                return False  # (a figure of no other span may be the year's)
            if to_date_asked and (_TO_DATE.search(before) or added_asked or not _ADDED.search(said)):
                return False
            if added_only and not year_asked and (_ADDED.search(said) or not (_REACHED_BY.search(said)
                                                                                 or _STOCK_SAID.search(said)
                                                                                 or _TO_DATE.search(said))):
                return False  # (新增了多少家: 超1.4万家, 累计获批…44家 are how many there are, all told)
    return True


# A holiday's span (a fact of the language): 中秋国庆…130万人次 counts the festival's days, not the year's. (十一项重点工程
# counts eleven; 清明上河园 is a park.)
_HOLIDAY = re.compile(r"春节|元旦|国庆|中秋|端午|清明(?!上河)|“(?:五一|十一)”|(?:五一|十一)(?=期间|假期|黄金周|小长假|长假|节)|"
                      r"黄金周|小长假|长假|假期|节假日|寒假|暑假|暑期")
_WHOLE_YEAR = re.compile(r"全年|一年|当年|全县|全市|全区|全州|全省")
# The whole year asked outright (全年一共, 一年下来, 总共), and a holiday said in any words the asker may use.
_WHOLE_YEAR_ASKED = re.compile(r"全年|一年|整年|一整年|一共|总共|全部")
_HOLIDAY_SAID = re.compile(rf"{_HOLIDAY.pattern}|过年|年假|春运|暑运|节日|过节|假日|放假|五一|十一|国庆|七天|元宵|旺季")


def holiday_only(normalized_question: str, quote: str) -> bool:
    """Does the quote give figures only of a holiday (中秋国庆…，130万人次涌动虾乡), where the question asks of no holiday
    (潜江去年接待了多少游客 asks the year's)? A figure's span is said in its clause before it, or in the clause before
    where the figure's own opens with it (…不负相遇，130万人次涌动虾乡); a holiday that only names a policy (节假日免费通行
    政策，减免通行费5.6亿元) or a campaign (春节前…专项行动，为农民工追回工资3.2亿元) spans nothing of the clause after it."""
    if not _WHOLE_YEAR_ASKED.search(normalized_question) or _HOLIDAY_SAID.search(normalized_question):
        return False  # (过年那几天, 十一长假, 暑运: a holiday asked in the asker's words)
    simple = to_simplified(quote)
    clauses = [c for c in re.split(r"(?<=[，,；;。])", simple) if c]
    spans = []
    for i, clause in enumerate(clauses):
        digit = _FIGURE_DIGIT.search(clause)
        if digit is None:
            continue
        said = clause[: digit.start()]
        if len(said.strip(" ，,")) <= 2 and i:  # (the figure opens its clause: the one before says whose)
            said = clauses[i - 1] + said
        spans.append(said)
    return bool(spans) and all(_HOLIDAY.search(s) and not _WHOLE_YEAR.search(s) for s in spans)


# A part of the year (一季度, 上半年, 前三季度, 1—9月, 前10个月; a fact of the language): a figure of it is said with it.
_CN_MONTH = {c: i for i, c in enumerate("一二三四五六七八九十", 1)} | {"两": 2, "十一": 11, "十二": 12}
_MONTH = r"(?:1[0-2]|[1-9]|十[一二]?|[一二两三四五六七八九])"
_PART_OF_YEAR = re.compile(rf"(?P<q>第?[一二三四1-4])季度|前(?P<qs>[二两三2-3])季度|(?P<half>[上下])半年|"
                           rf"前(?P<first>{_MONTH})个月|(?P<a>{_MONTH})\s*[-—–~至到]\s*(?P<b>{_MONTH})月|"
                           rf"(?<![\d一二三四五六七八九十])(?P<m>{_MONTH})月(?:份|底|末)?(?![\d一二三四五六七八九十]日)")


def _months(m: re.Match) -> tuple[int, int]:
    """The months a part of the year spans, first and last (一季度: 1–3; 上半年: 1–6; 1—9月: 1–9)."""
    n = lambda t: int(t) if t.isdigit() else _CN_MONTH[t]  # noqa: E731
    if m.group("q"):
        q = n(m.group("q").lstrip("第"))
        return 3 * q - 2, 3 * q
    if m.group("qs"):
        return 1, 3 * n(m.group("qs"))
    if m.group("half"):
        return (1, 6) if m.group("half") == "上" else (7, 12)
    if m.group("first"):
        return 1, n(m.group("first"))
    if m.group("a"):
        return n(m.group("a")), n(m.group("b"))
    return n(m.group("m")), n(m.group("m"))


def part_of_year_unsaid(normalized_question: str, quote: str) -> bool:
    """Is a part of the year asked (一季度GDP下降了百分之几) and the quote gives no figure of that part (国内生产总值…增长6.1%
    is the year's; 上半年 is another part; 前三季度 is 1—9月 in other words)?"""
    # (a month alone in a question often dates its event, 10月开通的地铁; a quarter, a half or months from January ask a
    # part of the year's figure)
    asked = {_months(m) for m in _PART_OF_YEAR.finditer(normalized_question) if not m.group("m")}
    return bool(asked) and not asked & {_months(m) for m in _PART_OF_YEAR.finditer(to_simplified(quote))}


# A day's figure as the reports say it (the day's words asked, and 日处理能力, 3万吨/日): an average day asked (平均一天接待多少游客) is
# answered only by a figure said per day; a year's total is another figure.
_PER_DAY_SAID = re.compile(rf"{_DAY_SPAN.pattern}|天天|(?<![\d月号])日[处供产接客运吞发用出开通]|/[日天]")


def no_day_said(normalized_question: str, quote: str) -> bool:
    """Is an average day's figure asked (平均一天, 日均) and the quote says nothing of a day?"""
    return bool(_DAY_SPAN.search(normalized_question)) and bool(_AVERAGE_SAID.search(normalized_question)) \
        and not _PER_DAY_SAID.search(quote)


# An average (平均, 日均) and a peak (最高, 最多, 峰值) are two figures of one count: neither answers for the other.
_AVERAGE_SAID = re.compile(r"(?<!全国)平均(?!水平)|[日月年]均")  # (高于全国平均水平 compares; it asks no average)
_PEAK_SAID = re.compile(r"最高|最多|峰值|高峰|单日|最忙")


def peak_for_average(normalized_question: str, quote: str) -> bool:
    """Does the quote give only a peak where an average is asked (一天平均多少: 日最高客运量突破600万人次), or only an
    average where the peak is asked (一天最多: 日均通关42.0万人次)?"""
    average, peak = bool(_AVERAGE_SAID.search(normalized_question)), bool(_PEAK_SAID.search(normalized_question))
    if average == peak:
        return False
    said, other = (_AVERAGE_SAID, _PEAK_SAID) if average else (_PEAK_SAID, _AVERAGE_SAID)
    return bool(other.search(quote)) and not said.search(quote)


def _figures_of(quote: str, nouns) -> tuple[list[str], list[int]]:
    """The quote's clauses, and which of them give a figure and name the thing asked (half its nouns, or any where none
    are asked)."""
    clauses = figure_clauses(quote)
    return clauses, [i for i, c in enumerate(clauses) if _FIGURE_DIGIT.search(c) and (not nouns or coverage(nouns, c) >= 0.5)]


def _with_going_on(clauses: list[str], i: int) -> list[str]:
    """Clause `i` and the clauses after it that go on with no subject of their own (their figures are its thing's)."""
    return [clauses[i], *itertools.takewhile(goes_on, clauses[i + 1:])]


def goes_on(clause: str) -> bool:
    """Does a clause's figure come with no subject of its own (…台阶，增长7%以上; …，新建15所: at most a verb before it),
    so that it is the figure of what the clause before named?"""
    digit = _NUMBER.search(clause)
    return bool(digit) and len(clause[: digit.start()].strip(" 、，,")) <= 6


_TARGETS_SAID = re.compile(r"目标|预期")
# A report saying it sets no target (没有提出全年经济增速具体目标, 不设具体目标, 未设定…目标).
_NO_TARGET_SET = re.compile(r"(?:(?:没有|没|未)(?:提出|设定?|确定|规定|制定)|不再?(?:提出|设定?|规定|制定))(?!性|因素)"
                            r"[^，,；;。]{0,12}?目标")
# An English question that joins two indicators (GDP growth and the unemployment rate): the glossary's words for it are
# alternatives, not one indicator's words to find before a figure.
_JOINS_INDICATORS = re.compile(r"\band\b|,|&")
# A target set by another figure (高于全国平均水平, 与经济增长同步, 快于…): a target all the same, in words.
# The percentage itself asked (百分之几, 几个百分点, what percent): a target set against another figure gives none.
_PERCENT_ASKED = re.compile(r"百分之(?:几|多少)|(?:几|多少)个?百分点|多少\s*[%％]|\bwhat percent(?:age)?\b|\bhow many percent")
# A rate stated (a fact of the language): a percentage or points, a fraction (三分之一, 一半), a multiple (1.5倍, 翻一番) or
# tenths (两成) — each with its numeral, so 倍增计划, 成立, 统一成 and 番禺 state none.
_PERCENT_SAID = re.compile(r"[%％‰]|百分点|百分之|分之|一半|[\d一二两三四五六七八九十]\s*倍|翻[一两]?番|"
                           r"(?<![统唯])[一二两三四五六七八九十]成(?![立为片员])")
_RELATIVE_TARGET = re.compile(r"高于|快于|不低于|好于|优于|同步|平均水平以上|平均水平")
# The words a question asks a figure's measure in (几个百分点, 幅度, 占比), not what the figure is of.
_MEASURE_WORD = re.compile(r"百分点?|幅度|比例|比重|占比|多少|数字|数额")
_CHANGE_WORD = re.compile(rf"(?:{_CHANGE_VERBS}|增长率|增速|目标|预期)")


# Between two figures of one subject: the first's unit, a 、 or ，, and the verb of the change.
_SAME_SUBJECT_CHANGE = re.compile(rf"\s*(?:{_UNITS}|万亿元|亿元|万元|万人|亿斤|万吨)?\s*[、，,]?\s*(?:同比|比上年)?"
                                  rf"(?P<verb>{_CHANGE_VERBS})了?\s*")


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
    features: tuple[float, ...] = ()  # what the answer model weighs (`FEATURES`, in that order)
    withheld: str = ""  # a figure asked, and the quote names it only in words: those words (能耗保持下降)
    rate: bool = False  # `withheld` is the rate a quote gives where a total is asked (出口增长3.7%), not words
    level: bool = False  # `withheld` is the level a quote gives where a change is asked (总额7489.8亿元), not words


# What the answer model (`qa.answer.model`) sees of a candidate quote, each a number a reader could check.
FEATURES = (
    "coverage",         # idf-weighted share of the question's words in the quote, words together in a clause count most
    "context",          # the same with the passage's section, lead and whole sentence around the quote
    "nouns",            # share of the question's nouns (what it asks about) in the quote and its context
    "nouns_in_quote",   # the same, in the quote alone
    "subject",          # the question's words near the start of a clause (what the clause is about)
    "states_figure",    # a clause gives a figure right after the words asked about
    "figure_asked",     # the question asks for a figure ...
    "figure_given",     # ... and the quote has one (digits or Chinese numerals with a measure word)
    "figure_kind_mismatch",  # a figure asked, none given
    "person_date_fit",  # a person or a date asked, and the title block names one
    "how_problem",      # asked how, and the quote lists problems, not measures
    "year_agrees",      # the part of the report is about the year asked (+1), another year (-1), unknown (0)
    "plan_agrees",      # a target asked with no year: the part plans the report's own year (+1 / -1); a figure
                        # asked with neither: the part reviews the past year (+1), or the quote aims (力争…, -1)
    "cosine",           # the question's e5 cosine to the quote's passage
    "cosine_gap",       # that cosine minus the best cosine of any searched passage
    "rank",             # the passage's rank, 1 = best
    "length",           # the quote's length in characters / 100
    "opens_with_noun",  # the quote starts with what is asked
    "garbled",          # an unreadable run inside
    "focus_words",      # how many content words the question has (a short question says little)
    "head_there",       # the question's heaviest known noun (what it is about) is in the quote or its context
    "all_nouns_there",  # every noun of the question is in the quote or its context
    "head_in_report",   # ... is anywhere in the quote's passage
    "measure_mismatch",  # the measure asked (a rank, a share, a change, a level) is not one the quote states
    "verbs_there",      # share of the question's own verbs (跌 in 房价会跌吗, 出口) in the quote or its context
)

# A quote that states an aim, not a result (力争旅居人数达600万).
PLAN_WORDS_STATED = re.compile(r"力争|争取|目标|预期|确保|计划|将")

# The measure a figure question asks, and those a quote states: facts of how the reports and people say them.
_ASKED_MEASURE = (
    ("rank", re.compile(r"排到?第几|排名|第几位|第几名|位次|居全国第|什么位置|哪个位置|第一了|\brank")),
    ("share", re.compile(r"比例|比重|占比|占[^，,。？?]{0,8}(?:多少|几成|百分之|多大)|\bshare\b|proportion")),
    ("change", re.compile(r"增速|增幅|涨幅|增长率|(?<!新)(?:增长|提高|下降)(?:了|目标|多少|几|百分之)|涨了|降了|"
                          r"\bgrowth\b|\bgrow|increase")),
    ("rate", re.compile(r"率|指数|百分点|[%％]|\bpercent|(?<!-)\brate\b")),  # 失业率控制在多少: a rate, stated in % (not first-rate)
)
_STATED_MEASURE = {
    "rank": re.compile(r"第[一二三四五六七八九十\d]+(?:位|名)|(?:居|排|列)[^，,；;。]{0,6}第[一二三四五六七八九十\d]+|"
                       r"(?:全国|全省|全市|全区|全州|全球|世界|中部|西部|东部|东北)第[一二三四五六七八九十\d]+(?![批届次年个])|"
                       r"前列|首位|榜首|排名|领先|第一|之首"),
    "share": re.compile(r"占|比重|比例|[%％]|分之|\d/\d|\d\s*[:：]\s*\d|[一二三四五六七八九]成"),  # 3.6 : 48 : 48.4 too
    "rate": re.compile(r"[%％‰]|百分点|分之|\d/\d|\d[^，,；;。\d]{0,3}/[千万百]"),  # (9.4批次/千人: per head)
    "change": re.compile(r"(?:增长|增速|增幅|涨幅|下降|提高|提升|增加|减少|回落|净增|净减)[^，,；;。]{0,8}\d|"
                         r"\d+(?:\.\d+)?\s*[%％]|个百分点"),
    # digits, or Chinese numerals (not a bare 一: `一批`, `一个中心` count nothing) before a measure word
    "level": re.compile(r"(?:\d+(?:\.\d+)?\s*|(?:[两三四五六七八九十]|一[十百千万亿])[零一二两三四五六七八九十百千万亿]*)"
                       r"(?:万亿|亿|万|千)?(?:余|多)?(?:元|吨|斤|人|个|家|所|座|公里|千米|亩|千瓦|户|套|辆|次|项|条|台|张|床|处|颗|件|岁|"
                       r"枚|只|头|艘|架|场|株|棵)"  # (not 名, 位: 第5位 is a rank; nor 部, 篇, 种: 五篇大文章)
                       r"|\d+(?:\.\d+)?\s*(?:万|千)?(?:列|趟|标箱)"  # (trains in digits: 三列被困列车 counts no level)
                       r"|\d+(?:\.\d+)?\s*(?:万亿|亿|万)(?![\d.%％])"  # 入境游客111万: a count with its unit left out
                       # a round magnitude reached, with no numeral (突破万亿元, 重回万亿元规模)
                       r"|(?<=[破超过上达逾回])[百千万]?[万亿](?:元|吨|斤|人|千瓦)"),
}


# The level a span of years ended at: 从X增加到Y, 提高到, 降至, 达到, 覆盖 (基本养老保险覆盖5431万人).
_END_VALUE = re.compile(r"(?:增加|提高|提升|增长|上升|扩大|下降|降低|减少|缩小|升|降)(?:到|至)|达到|突破|超过|覆盖")
# A total asked in words (经济总量是多少, 规模有多大, 一共多少): an amount, never a rate.
_TOTAL_ASKED = re.compile(r"总量|总额|规模(?!以上)|(?<!生产)总值|一共|总共|总数|\b(?:bigger|larger|biggest|largest|size|total)\b",
                          re.I)
# Indicators named as totals whose targets the reports set as growth (社会消费品零售总额增长9%): in a target asked,
# their 总额 is the name, not the asker's total.
_NAMED_TOTAL = re.compile(r"(?:零售|进出口|出口|进口|贸易|外贸)总[额值]")


@lru_cache(maxsize=256)
def _asks_total(normalized_question: str, target: bool) -> bool:
    """Does the question ask a total, an amount (经济总量是多少), not the growth a named total's target is set as?"""
    return bool(_TOTAL_ASKED.search(_NAMED_TOTAL.sub(" ", normalized_question) if target else normalized_question))


def asked_measure(normalized_question: str, kind: str) -> str | None:
    """What a question asks of its indicator: rank, share, change, level (a figure), or None; read in the clause
    that asks, where that clause names its own thing (`下调存量房贷利率，每年能省多少利息`: 利息, an amount)."""
    asking = _asking_clause(normalized_question)
    for name, pattern in _ASKED_MEASURE:
        if pattern.search(asking):
            return name
    return "level" if kind == "figure" else None


# Nouns of the asking frame, not a thing of its own: 杭州今年目标是多少, 报告里写的是多少.
_FRAME_NOUNS = frozenset("目标 预期 预期目标 报告 政府 数字 指标 全年 今年 去年 现在 目前 年底 年末 全国 全省 全市".split())
# The words that make a clause the one that asks.
_ASKING = re.compile(r"多少|几|什么|啥|哪|怎么|怎样|如何|吗|是否|有没有|多大|多高|多快|多长|多远")


# Asking how a problem is solved (怎么解决, 如何破解, 有什么办法).
_SOLVE_ASKED = re.compile(r"(?:怎么|怎样|如何|咋|有什么办法|有何办法|打算怎么|准备怎么)\w{0,2}(?:解决|破解|应对|改善|办)")


def restates_problem(normalized_question: str, quote: str) -> bool:
    """Does the quote only say again the problem the question states before asking how it is solved (`说“好护工”不好找，
    打算怎么解决`: `“好护工”不好找、用不起` is the problem): most of the stated clause's character pairs in the quote, and
    no measure (推进, 加强, …) in it."""
    pairs = _problem_stated(normalized_question)
    if len(pairs) < 3 or MEASURE_WORDS.search(re.sub(r"有保障", "", quote)):  # (有保障: assured, no measure)
        return False
    said = for_search(quote)
    return sum(p in said for p in pairs) >= 0.6 * len(pairs)


@lru_cache(maxsize=256)
def _problem_stated(normalized_question: str) -> frozenset[str]:
    """The character pairs of the problem a question states before asking how it is solved (none where it asks no such
    thing), read once per question."""
    m = _SOLVE_ASKED.search(normalized_question)
    if m is None:
        return frozenset()
    stated = re.sub(r"^.*?(?:说|讲|提到|反映)", "", re.split(r"[，,]", normalized_question[: m.start()].strip("，, "))[0])
    return frozenset(p for i in range(len(stated) - 1) if _HAN_PAIR.fullmatch(p := stated[i:i + 2]))


@lru_cache(maxsize=256)
def _asking_clause(normalized_question: str) -> str:
    """The one clause of a question that asks (the others set the scene: `下调存量房贷利率，…`), where it names a
    thing of its own; the whole question otherwise (`城镇调查失业率，今年控制在多少`: the rate is what is asked)."""
    clauses = [c for c in re.split(r"[，,；;]", normalized_question) if c.strip()]
    asking = [c for c in clauses if _ASKING.search(c)]
    if len(clauses) < 2 or len(asking) != 1 or not re.search(r"[\u4e00-\u9fff]", asking[0]):
        return normalized_question
    names = [w for w, flag in tagged_words(_ASKING.sub(" ", asking[0])) if flag.startswith("n") and len(w) >= 2
             and flag not in ("ns", "nr", "nt") and w not in _FRAME_NOUNS]
    return asking[0] if names or _counts_a_doing(asking[0]) else normalized_question


# Verbs of change (多少增长, 多少拉动): how a figure moves, a measure, not a thing counted.
_MEASURE_VERB = re.compile(r"增长|增加|提高|提升|下降|降低|减少|拉动|带动")


def _counts_a_doing(clause: str) -> bool:
    """Does 多少 count what follows it though the tagger calls it a verb (能新增多少减税降费: the thing counted), not a verb
    of change (多少增长: a measure)?"""
    after = re.search(r"多少([\u4e00-\u9fff]{2,})", clause)
    if not after:
        return False
    word, flag = tagged_words(after.group(1))[0]
    return flag in ("v", "vn") and len(word) >= 2 and not _MEASURE_VERB.match(word)


# Verbs that carry no content of their own in a question: being, having, modality, asking, doing in general.
_LIGHT_VERBS = frozenset("是 有 要 会 能 可以 可 想 打算 计划 准备 达到 完成 实现 做 搞 干 办 让 给 说 讲 提 提出 提到 "
                         "预计 预期 安排 将 应 应该 需要 为 成为 进行 开展 加强 推进 推动 发展 建设 达 占 排 问 到 来 去 看 叫".split())


@lru_cache(maxsize=256)
def asked_verbs(normalized_question: str) -> tuple[str, ...]:
    """The question's own verbs (jieba's v tags), the light ones left out: what it asks happens."""
    return tuple(dict.fromkeys(w for w, flag in tagged_words(normalized_question)
                               if flag.startswith("v") and w not in _LIGHT_VERBS and not w.isascii()))


def verbs_there(verbs: tuple[str, ...], normalized_text: str) -> float:
    """Share of the verbs found in the text (1.0 when the question has none)."""
    return sum(v in normalized_text for v in verbs) / len(verbs) if verbs else 1.0


# A stock asked (一共有多少, 现有, 总数) and what was added to it in a year (新增, 新建…), as `other_span` reads the total
# so far (累计) against a year's addition: facts of the language.
_STOCK_ASKED = re.compile(r"一共|总共|总数|共有|现有|已有|拥有|累计|(?:现在|目前|如今)(?:一共|总共)?(?:有|是)")
_STOCK_NAMED = re.compile(r"累计|总数|总量|共有|拥有|总计|共计|实有|总规模|现有|全[省市县区州]有|达到?|突破|超过?|"
                          r"(?:增加|增长|提高|提升)(?:到|至)")
_MORE_SAID = re.compile(r"多出|多了|增加了|增添|添了")  # (一共多出了多少个学位: what was added, in all)


def _only_added(question: str, quote: str) -> bool:
    """A stock asked (成都现在一共有多少个公园), and each figure of the quote counts only what was added in a year
    (新建、改造各类公园113个), with no total said (累计, 总数, 达…) before it in its clause."""
    if not _STOCK_ASKED.search(question) or _ADDED.search(question) or _MORE_SAID.search(question) \
            or asked_verbs(question):
        return False  # (去年开放的口袋公园一共多大面积, 一共帮了多少户: what was done in all, not a stock)
    unit = _ASKED_UNIT.search(question)
    kinds = dict(_UNIT_KINDS)[unit.group("unit")] if unit else _THING_MEASURE if _ASKED_THINGS.search(question) \
        else r"[\u4e00-\u9fff]"
    figures = list(re.finditer(rf"\d{_AMOUNT}(?:{kinds})", quote))
    if not figures:
        return False
    clauses = [re.split(r"[，,；;。：:]", quote[:m.start()])[-1] for m in figures]  # (each figure's, up to it)
    return all(_ADDED.search(c) and not _STOCK_NAMED.search(c) for c in clauses)


# An item's ordinal and the punctuation around a heading (二是…。, （三）…): no words of its own.
_HEADING_MARKS = re.compile(r"^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+|[（(][一二三四五六七八九十\d]+[)）])|[\W_]+")


def _names_only(quote: str, focus: tuple[tuple[str, float, bool], ...]) -> bool:
    """Does the quote say nothing but the words asked about (a heading: 二是房地产市场管控攻坚战。)?"""
    rest = _HEADING_MARKS.sub("", for_search(quote))
    for term, _, _ in sorted(focus, key=lambda f: -len(f[0])):
        rest = rest.replace(term, "")
    return len(re.findall(r"[\u4e00-\u9fff]", rest)) < 4


# A class of things by size (10亿元以上的项目, 5000万元以上, 亿元以上): only things of at least that size.
_SIZE_CLASS = re.compile(r"(\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)?\s*(万亿|千亿|百亿|亿|千万|百万|万)(?:美)?元(?:以上|及以上)")


def _size_classes(text: str) -> set[float]:
    out = set()
    for m in _SIZE_CLASS.finditer(text):
        number = 1.0 if not m.group(1) else float(m.group(1)) if m.group(1)[0].isdigit() else count_of(m.group(1))
        if number is not None:
            out.add(round(number * magnitude_of(m.group(2)), 2))
    return out


def _other_size_class(question: str, quote: str) -> bool:
    """Does the quote count things of another size class than the one asked (亿元以上 for 10亿元以上)?"""
    asked = _size_classes(question)
    said = _size_classes(quote) if asked else set()
    return bool(said) and not asked & said


# A numbered thing (19号线, 3号楼): that one and no other of its kind; and one numbered in Chinese numerals (五号线).
_NUMBERED_KIND = r"号(?:线|楼|馆|院|地块|泊位)"
_NUMBERED_THING = re.compile(rf"\d+{_NUMBERED_KIND}")
_NUMBERED_IN_WORDS = re.compile(rf"([一二三四五六七八九十]{{1,3}})({_NUMBERED_KIND})")


@lru_cache(maxsize=256)
def _names_asked(question: str) -> tuple[str, ...]:
    """The names a question quotes (“宁静学校”) or numbers (19号线), in matching form (read once per question)."""
    text = for_search(question)
    quoted = [m.group(0)[1:-1] for m in _QUOTED_NAME.finditer(text)]
    # (a plan's period, “十二五”, is a time; a name in Latin letters, "little giant", a gloss the report writes in Chinese)
    return tuple(k for k in (match_key(n) for n in quoted + _NUMBERED_THING.findall(text))
                 if len(k) >= 2 and not _ASKS_FIGURE.search(k) and not re.fullmatch(r"十[一二三四五六七八九]五(?:规划)?", k)
                 and not k.isascii())


def name_unsaid(question: str, passage: str) -> bool:
    """Does the question name things by quoted or numbered names (“宁静学校”, 19号线) none of which the quote's passage
    says? A name set in quotation marks or numbered is that thing, not another of its kind (a fact of the language):
    宁静小区 and 学军中学 are no 宁静学校, 8号线 no 19号线 (五号线 is 5号线)."""
    names = _names_asked(question)
    if not names:
        return False
    said = match_key(_NUMBERED_IN_WORDS.sub(_in_digits, for_search(passage)))
    return not any(n in said for n in names)


def _in_digits(numbered: re.Match) -> str:
    """五号线 as 5号线, 十九号线 as 19号线 (as written where the numerals are no count)."""
    n = count_of(numbered.group(1))
    return numbered.group(0) if n is None else f"{n}{numbered.group(2)}"


@lru_cache(maxsize=256)
def asks_in_quoted_name(question: str) -> bool:
    """The question asks for the numeral of a quoted phrase (`“几个全覆盖”`)."""
    return any(_ASKS_FIGURE.search(m.group(0)) for m in _QUOTED_NAME.finditer(to_simplified(question)))


# `几个中心`, `多少大工程`: the count asked of a thing, with its measure word.
_COUNT_ASKED = re.compile(r"(?:几|多少)(个|大|项|件|条|部|种|类|批|家|所|座)([\u4e00-\u9fff]{1,2})")
_COUNT_WORD_ASKED = re.compile(r"几([\u4e00-\u9fff]{2})")  # `几连冠`: the word the count is written into
# `民生实事有几项`: the thing counted named before the count (its last two characters, its measure word).
_COUNT_AFTER_ASKED = re.compile(r"([\u4e00-\u9fff]{2})(?:一共|总共|共)?(?:有|是|包括)?(?:几|多少)(项|个|件|大|类|条)(?![\u4e00-\u9fff])")


# The count of a list of names said before it (…、社会消费品零售总额等六项主要经济指标), and a question asking such a count.
_LIST_COUNT = re.compile(r"等(?:[一二两三四五六七八九十]{1,3}|\d{1,3})(?:项|个|大|类|方面|件|种)")
_COUNT_OF_LIST = re.compile(r"(?:几|多少)(?:项|个|大|类|方面|件|种)")


def states_counted(normalized_question: str, text: str) -> bool:
    """The text counts what the question asks to count (`几个中心` -> `“五个中心”`, `几连冠` -> `四连冠`), inside a
    set phrase too."""
    m = _COUNT_ASKED.search(normalized_question)
    if m:
        return bool(re.search(rf"[零一二两三四五六七八九十百\d]+{m.group(1)}{re.escape(m.group(2))}", text))
    m = _COUNT_AFTER_ASKED.search(normalized_question)
    if m:  # `重点民生实事有几项` -> `“十大重点民生实事”`: the thing named before the count, counted in the text
        return bool(re.search(rf"[零一二两三四五六七八九十百\d]+(?:{m.group(2)}|大|项|件|个)?[\u4e00-\u9fff]{{0,5}}"
                              rf"{re.escape(m.group(1))}", text))
    m = _COUNT_WORD_ASKED.search(normalized_question)
    return bool(m) and bool(re.search(rf"[零一二两三四五六七八九十百\d]+{re.escape(m.group(1))}", text))


def states_measure(text: str, measure: str | None) -> bool:
    """The text states that measure (always true when none is asked)."""
    return measure is None or bool(_STATED_MEASURE[measure].search(text))


# A clause that opens with a measure and no subject (`；總量為40.3億元`) is about the subject of the clause before
# it (`GDP增速為11.8%`): a fact of how lists of figures are written.
_BARE_MEASURE = re.compile(r"^\s*(?:总量|總量|增速|增幅|总额|總額|规模|規模|总产|總產|人均)(?=[为為达達突破超过過增长長居位\d])")


# Indicators named after GDP that are not GDP: per unit of it (能耗, 二氧化碳排放), per head, and shares of it
# (研发经费支出相当于全市生产总值的比例: GDP is the base, the share is another indicator).
# The people a rate is counted per (每千人口, 每万名老年人): its denominator, no count of them (a fact of the language).
_PER_POPULATION = re.compile(r"(?<=每)(?:十万|万|千|百)(?:常住)?(?:人口|名?(?:老年人|老人|儿童|居民)|人)")
_PER_GDP = re.compile(r"(?:单位|單位|人均)(?:地区|地區|国内|國內)?(?:生产总值|生產總值)|(?:单位|單位|人均)\s*gdp", re.I)
_SHARE_OF_GDP = re.compile(r"(?:占|相当于|相當於)(?:全市|全省|全区|全區|全县|全縣|全州|全国|全國|地区|地區|国内|國內)?"
                           r"(?:生产总值|生產總值|gdp)(?:的)?(?:比重|比例)", re.I)
# (an intensity, 研发强度, is by definition a share of GDP: 研发经费支出相当于全市生产总值的比例)
_SHARE_ASKED = re.compile(r"比重|比例|占|强度|\bshare\b|\bproportion\b|\bratio\b|\bintensity\b|\bpercent(?:age)? of\b",
                          re.I)


def with_subject(unit: Unit, chunk_text: str) -> str:
    """The unit's text, with the subject of the clause before it when it opens with a bare measure."""
    if not _BARE_MEASURE.match(unit.text):
        return unit.text
    item = re.split(r"[；;。]", chunk_text[unit.sentence_start:unit.start].rstrip("，,；; "))[-1]
    first = re.split(r"[，,]", re.split(r"[：:]", item)[-1])[0]  # the list item's first clause: GDP增速為11.8%
    subject = re.split(r"\d|为|為|达|達|突破|增长|增長", first, maxsplit=1)[0]
    subject = re.sub(r"(?:增速|增幅|总量|總量|总额|總額|规模|規模)$", "", subject.strip())  # its indicator: GDP
    return subject + unit.text if 0 < len(subject) <= 20 else unit.text


def score_unit(unit: Unit, hit: Hit, retrieval: Retrieval, strict: bool = False, change_carried: bool = False) -> Scored:
    query = retrieval.query
    reading, focus = query.reading, query.focus
    kind = reading.kind
    chunk = hit.chunk
    read = with_subject(unit, chunk.text)  # `總量為40.3億元` read as `GDP總量為40.3億元`
    per_head = bool(re.search(r"人均|每人|每个人", reading.normalized))
    per_asked = _PER_GDP.search(reading.normalized) or (  # 人均能摊到多少GDP asks it with words between
        per_head and re.search(r"gdp|生产总值", reading.normalized))
    if not per_asked:  # 单位国内生产总值能耗 is energy, 人均GDP another indicator
        read = _PER_GDP.sub("", read)
    if not _SHARE_ASKED.search(reading.normalized):  # 研发经费相当于生产总值的比例 is R&D's, not GDP's
        read = _SHARE_OF_GDP.sub("", read)
    cov = clause_coverage(focus, read)
    sentence = chunk.text[unit.sentence_start: max(unit.end, chunk.text.find("。", unit.sentence_start) + 1)]
    around = " ".join([chunk.section, chunk.lead, sentence, unit.text])  # the quote with its context
    if not _PER_POPULATION.search(reading.normalized):  # 每千人口托位数 counts places, not people: 出生人口 is not said
        read, around = _PER_POPULATION.sub("每", read), _PER_POPULATION.sub("每", around)
    simple = to_simplified(unit.text)
    measure = asked_measure(reading.normalized, kind)  # rank, share, change, rate or level: read once
    percent = bool(_PERCENT_ASKED.search(reading.normalized))  # the percentage itself asked (增长了百分之几)
    nouns = tuple(f for f in focus if f[2])
    ctx = coverage(focus, around)
    score = 0.7 * cov + 0.3 * ctx
    # A numeral inside a set phrase (`“四个意识”`) is no figure, unless the question asks for it there
    # (`“几个全覆盖”`: the answer is the numeral of the same phrase).
    has_number = bool(_NUMBER.search(_NUMBERED_NAME.sub("", simple if asks_in_quoted_name(reading.text)
                                                       else _QUOTED_NAME.sub("", simple)))) \
        or states_counted(reading.normalized, simple)
    # A target asked, and the report says it set none (我们没有提出全年经济增速具体目标): that is the answer.
    no_target = kind == "figure" and reading.wants_plan and bool(_NO_TARGET_SET.search(simple))
    has_number = has_number or no_target
    fits = True
    if kind == "figure":
        fits = has_number and (no_target or unit_stated(reading.normalized, simple))
        if fits and not strict and (measure == "level" or percent) \
                and other_measure_said(reading.normalized, to_simplified(sentence), focus):
            fits = False  # 入境外国游客多少人次: …接待游客超8亿人次，入境外国游客增长超90% gives them a rise, not a count
        if fits and _LIST_COUNT.search(simple) and not _NUMBER.search(_LIST_COUNT.sub("", simple)) \
                and not _COUNT_OF_LIST.search(reading.normalized):
            fits = False  # 社零完成了多少: …社会消费品零售总额…等六项主要经济指标 counts the names, it gives no amount
        if fits and not strict and measure == "level" and only_moved(reading.normalized, simple, nouns):
            fits = False  # 基础养老金每月最低标准是多少钱: 月最低标准提高20元 says how far it rose, not where it stands
        if fits and other_span(reading.normalized, simple, nouns):  # (a table's cell as well)
            fits = False  # 2023年全年一共通关多少人次: 日均通关42.0万人次 is a day's, 累计接卸1.2亿吨 all the years' so far
        if fits and not strict and peak_for_average(reading.normalized, simple):
            fits = False  # 一天平均多少人次: 日最高客运量突破600万人次 is the busiest day's, not the average day's
        if fits and not strict and no_day_said(reading.normalized, simple):
            fits = False  # 平均一天接待多少游客: 接待入境过夜游客增长168% is no day's figure
        if per_asked and per_head and not re.search(r"人均|每人", simple):
            fits = False  # 人均GDP asked: the GDP itself is another figure
        score += 0.25 if has_number else -0.2
        norm = for_search(unit.text)
        if any(covered(t, norm) and re.search(rf"{re.escape(t)}[^，,；;。\d]{{0,6}}\d", norm) for t, _, _ in focus):
            score += 0.1  # the figure follows the word asked about (城镇新增就业45万人)
    elif kind == "person":
        fits = bool(_ROLE.search(simple))
        score += 0.4 if fits and chunk.part == HEADER_PART else -0.3
    elif kind == "date":
        fits = bool(_DATE.search(unit.text))
        score += 0.4 if fits and chunk.part == HEADER_PART else -0.3
    elif kind == "time":
        # (the header's date is when the report was delivered, asked as a date; an event's time is said in the text)
        fits = bool(_TIME.search(simple)) and chunk.part != HEADER_PART \
            and (not _DAY_ASKED.search(reading.normalized) or bool(_DAY_SAID.search(simple)))  # (哪一天: not 2025年底)
        score += 0.2 if fits else -0.2
    elif kind == "how":
        if PROBLEM_WORDS.search(simple) and not MEASURE_WORDS.search(simple):
            score -= 0.3  # the report's list of problems does not say how they are solved
        if ASKS_MEANS.search(reading.normalized) and _indicator_list(sentence):
            fits = False  # 目标靠什么实现: the list of targets says what is aimed at, not how it is reached
        if restates_problem(reading.normalized, simple):
            fits = False  # 说好护工不好找，打算怎么解决: the report's sentence saying so is the problem, not what is done
        if WHY.search(reading.normalized) and _names_only(simple, focus):
            fits = False  # 为什么要打房地产市场管控攻坚战: the heading 二是房地产市场管控攻坚战。 gives no reason
        if chunk.year is not None and chunk.year == hit.report.year:
            score += 0.1  # the plan, not the review
    else:  # a bare topic (吉县苹果) or `…怎么样`: its figures and results, not its problems
        score += 0.15 if has_number else 0.0
        if PROBLEM_WORDS.search(simple):
            score -= 0.15
        if not reading.wants_plan and chunk.year is not None and chunk.year == hit.report.review_year:
            score += 0.1
    wanted = query.year_for(hit.report)
    if wanted is not None and chunk.year is not None:
        score += 0.15 if chunk.year == wanted else -0.25
        # Another year's figure is not an answer (2018's target for a question about 2017), unless the
        # sentence itself names the year asked about.
        # A year only implied by the report named (`2025年的报告说，…现在…`) is weighed, not required.
        # (现在, 目前 read as the year reviewed say no year: a state the report found may be told with the year ahead,
        # 还有63万失能老人 in the plan's reasons)
        said = relative_offset(reading.normalized) is not None or any(y != reading.report_year for y in reading.years)
        # A target asked for the report's own year (`2024年报告为2024年定的…目标`): last year's result is none.
        said = said or (reading.wants_plan and chunk.year < wanted == hit.report.year)
        if chunk.year != wanted and (strict or (kind == "figure" and said)) and not _states_year(unit.text, wanted, focus):
            fits = False
    elif wanted is None and reading.wants_plan and chunk.year is not None:
        score += 0.1 if chunk.year == hit.report.year else -0.1  # a target, with no year said: this year's plan
    if query.route.must_year is not None and not _states_year(unit.text, query.route.must_year, focus):
        score -= 0.5
        fits = False
    elif kind == "figure" and query.route.must_year is not None and reading.wants_plan \
            and hit.report.year != query.route.must_year and not YESNO.search(reading.normalized) \
            and not sets_a_target(to_simplified(sentence)):
        # 江苏2024年的GDP增长目标是多少: the 2025 report's review of 2024 says what it came to, not the target set (whether
        # it was met, 完成了吗, is told by 完成…目标任务)
        fits = False
    # (in a sentence of targets, each clause names its own indicator; elsewhere a clause may go on with the topic before)
    withheld = kind == "figure" and fits and not strict and not no_target \
        and bool(_TARGETS_SAID.search(to_simplified(sentence))) \
        and figure_withheld(unit.text, focus, nouns, measure, percent)
    rate = False
    if not withheld and kind == "figure" and fits and not strict and measure == "level":
        withheld = rate_only(reading.normalized, simple, nouns)  # 出口总额是多少: 出口增长3.7% gives no total
        rate = bool(withheld)
        at = simple.find(withheld)  # (the clause as the report writes it: 出口增長3.7%)
        withheld = unit.text[at: at + len(withheld)] if rate and at >= 0 and len(simple) == len(unit.text) else withheld
    level = False
    if not withheld and kind == "figure" and fits and not strict and not change_carried and (measure == "change" or percent):
        withheld = level_only(reading.normalized, simple, nouns)  # 进出口总额比上年增长了多少: …总额7489.8亿元 gives no change
        level = bool(withheld)
        at = simple.find(withheld)
        withheld = unit.text[at: at + len(withheld)] if level and at >= 0 and len(simple) == len(unit.text) else withheld
    if withheld:
        fits = False  # 能耗下降百分之几 is not answered by …粮食产量511万吨以上，单位地区生产总值能耗保持下降
    elif kind == "figure" and fits and percent and not no_target and not _PERCENT_SAID.search(simple):
        fits = False  # 增长了百分之几: a rate (6%, 2个百分点, 1.5倍, 两成), not 7492.4万人次
    where = unit.text if strict else around
    noun_cov = coverage(nouns, where) if nouns else 1.0
    # (what a total is of, not the kind of figure: 出口总值 asks of 出口, and 生产总值 holds only its 总值)
    things = tuple(n for n in nouns if n[0] not in _KINDS_OF_TOTAL)
    if kind == "figure" and not reading.english and (noun_cov == 0.0 or len(things) < len(nouns) and things
                                                     and coverage(things, where) == 0.0):
        fits = False  # a figure of nothing the question names, in the quote or around it, is no answer to it
        # (an English question's nouns are the dictionary's guesses: the report may name the thing otherwise)
    if strict and fits and kind == "figure" and not query.route.must_mention \
            and _others_figure(simple, hit.report.place_obj):
        fits = False  # a province's row: 襄阳、宜昌经济总量突破6000亿元 is two of its cities' figure, not the province's
    if strict and not any(states_figure(c, focus, nouns) if kind == "figure" else coverage(nouns, c) >= 0.75
                          for _, c in read_clauses(unit.text)):
        # A table cell states what was asked in one clause: a figure after the words asked about, a mention anywhere.
        fits = False
    if kind == "figure" and measure == "rate" and (strict or re.search(r"率|(?<!-)\brate\b|\bratio\b", reading.normalized)) \
            and not states_measure(simple, "rate"):
        fits = False  # 赤字率 is answered by a rate (2.6%), not by the deficit beside it (2.38万亿元); an 指数 may be a number
    if kind == "figure" and measure == "level" and _asks_total(reading.normalized, reading.wants_plan) \
            and not states_measure(simple, "level"):
        fits = False  # a total (经济总量, 规模, 一共) is an amount: a growth rate beside it is no answer
    if kind == "figure" and re.search(r"增长|增速|增幅", reading.normalized) and not _AVERAGE.search(reading.normalized):
        changes = list(_CHANGE_FIGURE.finditer(simple))
        if changes and all(re.search(r"年均|平均每年", simple[max(0, m.start() - 3): m.start() + 2]) for m in changes):
            fits = False  # 年均增长12.1% is five years' average, not the year's growth asked
    if kind == "figure" and measure in ("rank", "share") and not states_measure(simple, measure):
        fits = False  # 排第几 is answered by a rank (居全国第3位), 占多大比例 by a share, not by the amount beside it
    several = period_asked(reading.normalized)
    if kind == "figure" and several and re.search(r"全年|当年|去年", simple) \
            and not re.search(r"五年|5年|累计|年均|以来|期间", simple):
        fits = False  # 近5年来新增就业多少: a year's figure (全年城镇新增就业86万人) is not the five years' (五年…445万人)
    one_year = [y for y in reading.years if y != reading.report_year]  # (2018年报告说过去五年…: the report, not the year)
    if kind == "figure" and len(set(one_year)) == 1 and not SEVERAL_YEARS.search(reading.normalized) \
            and not plan_period(reading.normalized) and not _AVERAGE.search(reading.normalized) \
            and _five_years_said(chunk, sentence) \
            and not _END_VALUE.search(_asked_figure_clauses(simple, focus)) and str(one_year[0]) not in simple:
        # 2017年城镇新增就业多少: the five years' 6600万人以上 (in a paragraph opening 五年来，…) is not 2017's 1351万人;
        # the level the five years ended at (从54万亿元增加到82.7万亿元, 达到76.7岁) or a figure naming the year is
        fits = False
    if NEAR_TIME.search(reading.normalized) and not NEAR_TIME.search(for_search(unit.text)):
        fits = False  # 明天, 下周: reports plan years, they do not forecast days
    # a figure's own clause names the place (武汉在…增速靠前，襄阳、宜昌经济总量突破6000亿元 gives no figure of 武汉's)
    named_in = "，".join(c for c in re.split(r"[，,；;]", unit.text) if re.search(r"\d", c)) if kind == "figure" else ""
    named_in = named_in or sentence
    named_in_simple = to_simplified(named_in)
    inside, countries = _places_and_countries(query.route.must_mention)
    # the place asked about inside the report's own is named by the quote's sentence (…湖北保卫战…，调派…驰援), and so is
    # a country asked about: each kind apart (对俄进出口 names the country, not 哈尔滨 in 黑龙江's report)
    if any(group and not any(mentions(p, named_in_simple) for p in group) for group in (inside, countries)):
        score -= 0.5
        fits = False
    if kind == "figure" and not strict and (query.route.sites or inside) \
            and whole_place_figure(simple, _without(focus, query.route.sites), _without(nouns, query.route.sites)):
        fits = False  # 阿尔山接待了多少游客: …阿尔山…获批，全区接待游客2.73亿人次 is the whole region's count
    if query.route.sites and not all(p in to_simplified(chunk.section + chunk.lead + chunk.text) for p in query.route.sites):
        # a town or zone asked about (屯里镇, 雄安新区) is named by the quote's passage: the county's apples are not its
        score -= 0.5
        fits = False
    sights = [proper for name, proper in reading.sites if SIGHT.search(name)]
    if kind == "figure" and sights and not all(p in to_simplified(named_in) for p in sights):
        fits = False  # 天府国际机场的旅客吞吐量: a figure of a sight is said in the clause that names it, not of 铁路港 beside it
    if kind == "figure" and not strict and not reading.english:
        # (the thing asked is the last noun the question names, the nouns before it set it apart: 粮食产量)
        named = sorted((f for f in nouns if not _MEASURE_WORD.fullmatch(f[0]) and not _CHANGE_WORD.fullmatch(f[0])
                        and not re.search(r"\d", f[0])), key=lambda f: reading.normalized.rfind(f[0]))
        if len(named) >= 2 and others_figure(unit.text, named[-1][0], named[:-1], sentence):
            fits = False  # 粮食产量 asked: 蔬菜产量稳定在200万吨 is the vegetables' figure
        if len(named) >= 2 and counts_both(reading.normalized, simple, named[-1][0], named[:-1]):
            fits = False  # 国际航线 asked: 国内、国际航线达到34条 counts both
        if named and counts_listed(reading.normalized, simple, named[-1][0]):
            fits = False  # 幼儿园 asked: 新建26所中小学、幼儿园 counts the schools and the kindergartens together
    if kind == "figure" and reading.bases and measured_from_another_year(reading.bases, simple):
        fits = False  # 比2022年下降了多少: 比2019年下降4.8% is measured from another year
    if kind == "figure" and not strict and part_of_year_unsaid(reading.normalized, unit.text):
        fits = False  # 一季度GDP下降了百分之几: 国内生产总值…增长6.1% is the whole year's
    if kind == "figure" and not strict and holiday_only(reading.normalized, unit.text):
        fits = False  # 潜江全年接待了多少游客: 中秋国庆…130万人次 counts the festival's days
    if kind == "figure" and not strict and restates_figure(reading.normalized, simple):
        fits = False  # 26所中小学、幼儿园里，幼儿园有几所: 新建26所中小学、幼儿园 is the question's own figure, no answer
    if kind == "figure" and not strict and not reading.english \
            and any(other_kind_of(c, for_search(read), for_search(around)) for c in compounds(reading.normalized, focus)):
        fits = False  # 入境游客 asked: 接待游客2.6亿人次 counts every visitor, 境内外游客 are all of them
    if kind == "figure" and not strict and reading.english and scope_unsaid_en(reading.normalized, to_simplified(around)):
        fits = False  # `foreign tourists`, `inbound visitors`: as 入境游客, the whole count (接待游客…) is not theirs
    if kind == "figure" and (part := part_asked(reading.normalized, focus)) and not _part_before_figure(part, simple):
        # 财政支出里教育支出安排了多少: the whole's figure (财政支出21万亿元) is not its part's, nor is it where the part is
        # named only after it (大型演艺活动31场，…“来海南看演唱会…”)
        fits = False
    if not strict and name_unsaid(reading.text, " ".join([chunk.section, chunk.lead, chunk.text])):
        fits = False  # “宁静学校”, 19号线: the thing named so is no other (学军中学桐庐学校, 8号线二期)
    if kind == "figure" and measure == "change" and not no_target and not _CHANGE_SAID.search(simple):
        fits = False  # 增长多少: a change is said in digits, a multiple or 成; 三大攻坚战 names three battles, it moves nothing
    if kind == "figure" and not strict and counts_a_part_only(reading.normalized, simple):
        fits = False  # 接待游客多少人次: 大湾区游客超860万人次 counts those from one region only
    if kind == "figure" and counts_a_sibling(reading.normalized, simple):
        fits = False  # 几块银牌: 3块金牌 counts another kind of medal (a compound's head shared, its modifier another)
    if kind == "figure" and sold_or_made_other(reading.normalized, simple, focus):
        fits = False  # 新能源汽车卖了多少辆: 新能源汽车产量突破70万辆 is how many were made
    if kind == "figure" and any(_said_the_other_way(t, for_search(unit.text)) for t, _, _ in nouns):
        fits = False  # 出口额 asked: 进出口总额 is imports and exports together, not the exports' figure (nor these that)
    if kind == "figure" and not strict and nouns and not (reading.english and _JOINS_INDICATORS.search(reading.normalized)) \
            and measure in ("change", "rate") \
            and _indicator_list(sentence) \
            and not _names_indicator(unit.text, focus, tuple(f for f in nouns if f[0] not in reading.place_names)):
        fits = False  # a list of targets (地区生产总值增长5%，…社会消费品零售总额增长5.5%): each figure is its own indicator's
    if kind == "figure" and not strict and fits and _only_added(reading.normalized, simple):
        fits = False  # 现在一共有多少个公园: 新建、改造各类公园113个 are the year's new ones, not how many there are
    if kind == "figure" and not strict and other_side_of_town(reading.normalized, simple):
        fits = False  # 农村牧区居民收入多少: 城镇居民人均可支配收入达到28541元 is the towns' figure
    if kind == "figure" and not strict and _other_size_class(reading.normalized, simple):
        fits = False  # 10亿元以上的制造业项目有多少个: 亿元以上制造业项目562个 counts a larger class of them
    if GARBLED in unit.text:
        score -= 0.1  # quotable, with the unreadable run shown as …, but a clean sentence is better
    # Earlier passages first; a quote that opens with what is asked; neither a fragment nor a paragraph.
    score -= 0.03 * (unit.rank - 1) + 0.002 * max(0, len(unit.text) - 70) - 0.002 * min(len(unit.text), 40)
    opening = for_search(read[:12])
    opens = any(covered(t, opening) for t, _, noun in focus if noun)
    if opens:
        score += 0.05
    if strict:  # a table cell is judged by the rules above; the answer model is not used there
        return Scored(score, unit, cov, ctx, fits, noun_cov)
    around_norm = for_search(around)
    cosine = retrieval.cosine(chunk.chunk_id)
    clauses = [c for c in re.split(r"[，,；;。：:]", read) if c.strip()]
    year_sign = 0.0 if wanted is None or chunk.year is None else (1.0 if chunk.year == wanted else -1.0)
    plan_sign = 0.0
    if wanted is None and reading.wants_plan and chunk.year is not None:
        plan_sign = 1.0 if chunk.year == hit.report.year else -1.0
        year_sign = plan_sign  # a plan asked with no year (要改造多少户) asks the year the report plans
    elif wanted is None and not reading.wants_plan and chunk.year is not None and kind == "figure":
        # a figure asked with no year and no 目标/计划 (`有多少`): what the report found, not what it aims for
        plan_sign = 1.0 if chunk.year == hit.report.review_year else -1.0 if PLAN_WORDS_STATED.search(simple) else 0.0
    features = (
        cov, ctx, noun_cov, coverage(nouns, read) if nouns else 1.0,
        max((subject_coverage(focus, c) for c in clauses), default=0.0),
        float(any(states_figure(c, focus, nouns) for c in clauses)),
        float(kind == "figure"), float(kind == "figure" and has_number), float(kind == "figure" and not has_number),
        float(kind in ("person", "date") and fits and chunk.part == HEADER_PART),
        float(kind == "how" and bool(PROBLEM_WORDS.search(simple)) and not MEASURE_WORDS.search(simple)),
        year_sign, plan_sign, cosine, cosine - retrieval.dense_top, float(unit.rank), len(unit.text) / 100,
        float(opens), float(GARBLED in unit.text), float(len(focus)),
        float(not query.head or covered(query.head, around_norm)),
        float(all(covered(t, around_norm) for t, _, _ in nouns)),
        float(not query.head or covered(query.head, for_search(chunk.text))),
        float(not states_measure(simple, measure)),
        verbs_there(asked_verbs(reading.normalized), around_norm),
    )
    return Scored(score, unit, cov, ctx, fits, noun_cov, features, withheld, rate, level)


# Sales asked and output stated, or the other way round (新能源汽车卖了多少辆: 新能源汽车产量突破70万辆 is how many were
# made): what is sold is not what is made (a fact of the language).
_SALES_ASKED = re.compile(r"卖了|卖出|卖掉|卖多少|销量|销售量|销售了|\bsold\b|\bsales\b")
_OUTPUT_ASKED = re.compile(r"产量|生产了|产了|造了|\bproduced?\b|\boutput of\b")


# A part asked of a whole (`财政支出里教育支出`, `1万亿元国债里，有多少投向科技创新`): what follows 里 is the part; not a
# place's or a report's 里 (报告里, 城里, 县里), nor 公里.
# (其中 says the same: 大型演艺活动…，其中演唱会占几场)
_PART_OF_WHOLE = re.compile(r"(?:(?<![告件话那哪这家城村县乡镇心公省市区年月天夜邻百千万])(?:里面|里头|当中|之中|里(?!程))|其中)[，,]?"
                            r"(?=[\u4e00-\u9fff])")


@lru_cache(maxsize=256)
def part_asked(normalized_question: str, focus) -> tuple[str, ...]:
    """The nouns that name the part a question asks of a whole it names first (教育 of 财政支出里教育支出): an answer
    names one of them. Empty where it asks no part, or an item by its place in a list (十件实事里第三件). Read once per
    question (every candidate quote asks it)."""
    m = _PART_OF_WHOLE.search(normalized_question)
    if not m:
        return ()
    whole, rest = normalized_question[: m.start()], normalized_question[m.end():]
    if re.search(r"第[几\d一二三四五六七八九十]|排[第名]", rest) or re.search(r"在[^，,。？?]*$", whole):
        return ()  # (国家公园面积在各类自然保护地里占多大份额: 在…里 frames where the part before it stands)
    return tuple(t for t, _, noun in focus if noun and t in rest and t not in whole and t not in MEASURE_NOUNS)


# A change said: digits, a multiple, so many tenths (两成), a percentage in words (百分之八) or points.
_CHANGE_SAID = re.compile(r"\d|倍|番|[一二两三四五六七八九十]成|百分之|分之|个百分点")


def _part_before_figure(part: tuple[str, ...], quote: str) -> bool:
    """Is a part asked named in a clause that gives a figure or in one before it (发行超长期特别国债，…，今年先发行1万亿元),
    not only after the figures (举办大型演艺活动31场，…看演唱会…)?"""
    clauses = re.split(r"[，,；;]", quote)
    return any(_NUMBER.search(YEAR_WORDS.sub("", c)) and any(covered(t, for_search("，".join(clauses[: i + 1]))) for t in part)
               for i, c in enumerate(clauses))


# A clause about the report's whole place (全区接待游客…, 我省…): its figure is the whole's, not a part's inside it.
_WHOLE_PLACE = re.compile(r"(?:全|我)(?:省|市|区|县|州|盟|旗|国)(?![\u4e00-\u9fff]?(?:级|内外))")


def _without(terms, names: tuple[str, ...]):
    """The question's words without the names of the sites it asks about (阿尔山: what is asked of it is 游客)."""
    return tuple(f for f in terms if f[0] not in names)


def whole_place_figure(quote: str, focus, nouns) -> bool:
    """Is every clause of the quote that gives the figure asked about the report's whole place (全区接待游客2.73亿人次,
    我省…)? Then it is not the figure of a place or sight inside it that the question asks about."""
    stating = [c for c in re.split(r"[，,；;]", quote) if states_figure(c, focus, nouns)]
    return bool(stating) and all(_WHOLE_PLACE.match(c.strip()) for c in stating)


# The thing a count is asked of, after its measure word (几块银牌, 多少所高中), and a count the quote gives of a thing.
_COUNT_MEASURE = r"(?:个|块|枚|项|家|座|所|条|张|名|台|辆|艘|架|只|头|处)"
# (the counted noun ends the words after the measure word: 几家给老人吃饭的社区食堂 counts 食堂, 30个社区长者食堂 食堂)
_COUNTED_ASKED = re.compile(rf"(?:几|多少)(?:万|千|百)?{_COUNT_MEASURE}[\u4e00-\u9fff]*?([\u4e00-\u9fff]{{2}})"
                            r"(?=[呢吗啊呀]?(?:[？?。，,！!]|$))")
_COUNTED_SAID = re.compile(rf"\d+(?:\.\d+)?\s*(?:万|千|百)?{_COUNT_MEASURE}[\u4e00-\u9fff]{{0,4}}?([\u4e00-\u9fff]{{2}})"
                           r"(?![\u4e00-\u9fff])")


# Modifiers that set apart things of one kind, each against the others of its set (金牌 is no 银牌; 奖牌 is either).
_CONTRASTS = ("金银铜", "初高", "内外", "进出", "男女", "新旧", "城乡", "东西南北", "上下", "早晚", "冬夏春秋", "公民")


@lru_cache(maxsize=256)
def _counted_asked(normalized_question: str) -> str:
    """The thing a count is asked of (银牌 of 几块银牌), or "" (read once per question)."""
    m = _COUNTED_ASKED.search(normalized_question)
    return m.group(1) if m else ""


def counts_a_sibling(normalized_question: str, quote: str) -> bool:
    """The quote counts another thing of the same kind as the one asked, and not the one asked (几块银牌: 3块金牌; 多少所
    高中: 12所初中): two compounds sharing their head (牌, 中) with modifiers of one contrasting set (金/银/铜, 初/高): a
    fact of the language. A general word asked (几块奖牌, 几所学校) is answered by any of its kinds."""
    asked = _counted_asked(normalized_question)
    if not asked or asked in quote:
        return False
    return any(w[-1] == asked[-1] and w[0] != asked[0] and any(w[0] in s and asked[0] in s for s in _CONTRASTS)
               for w in _COUNTED_SAID.findall(quote))


def sold_or_made_other(normalized_question: str, quote: str, focus) -> bool:
    """Does the quote state output where sales are asked, or sales or the stock owned (保有量) where output is asked (in
    the clauses that give a figure of what is asked)?"""
    # (the thing, not the measure asked: 产量 is what the clause may lack)
    thing = tuple(f for f in focus if not (_SALES_ASKED.fullmatch(f[0]) or _OUTPUT_ASKED.fullmatch(f[0]))) or focus
    clauses = [c for c in re.split(r"[，,；;。]", quote) if re.search(r"\d", c) and coverage(thing, c) >= 0.5]
    if not clauses:
        return False
    if _SALES_ASKED.search(normalized_question):
        return all("产" in c and not re.search("销|卖", c) for c in clauses)
    if _OUTPUT_ASKED.search(normalized_question):
        return all(re.search("销量|销售|保有量", c) and "产" not in c for c in clauses)
    return False


@lru_cache(maxsize=256)
def compounds(normalized_question: str, focus) -> tuple[tuple[str, ...], ...]:
    """The question's words written one after another with nothing between (境外游客, 人大代表建议): a compound, whose
    words before the last may restrict it (境外游客 are some of the 游客). A measure or a change asked (增速, 多少) is not
    part of the thing named. Read once per question (every candidate quote asks it)."""
    terms = [t for t, _, _ in focus if not _CHANGE_WORD.fullmatch(t) and not _MEASURE_WORD.fullmatch(t)]
    placed = sorted({(i, t) for t in terms for i in [normalized_question.find(t)] if i >= 0})
    runs, run, end = [], [], -1
    for i, t in placed:
        if run and i == end:
            run.append(t)
        else:
            runs.append(run)
            run = [t]
        end = i + len(t)
    runs.append(run)
    return tuple(tuple(r) for r in runs if len(r) >= 2)


# Where what is counted comes from or goes to (入境游客, 境外游客, 外国游客, 海外留学生): a scope that splits a count into
# parts, the whole of which (接待游客, 境内外游客) is no figure of the part (a fact of the language).
_SCOPE = re.compile(r"入境|出境|境外|境内|海外|国外|外国|外籍|省外|市外|县外|区外")
# The same scopes in English, before the people counted (foreign tourists, inbound visitors, overseas travellers).
_SCOPE_EN = re.compile(r"\b(?:foreign|inbound|overseas|international|outbound)\s+(?:\w+\s+)?"
                       r"(?:tourists?|visitors?|travell?ers?|arrivals|guests|trips)\b", re.I)


def scope_unsaid_en(english_question: str, around: str) -> bool:
    """An English question counts people by where they come from (`foreign tourists`) and the quote's passage says no
    scope (入境, 境外…; 境内外 is both): the count is of every visitor, as for 入境游客 asked in Chinese."""
    return bool(_SCOPE_EN.search(english_question)) and not _says_a_scope(around)


# Both scopes at once (境内外, 国内外): every one counted.
_BOTH_SCOPES = re.compile(r"(?:境|国|海|省|市|县|区)内外")
# Regions people come from that no province's name says (大湾区游客, 长三角客源): a part of those counted; with the
# scopes, what may stand before people counted to make them some of them.
_FROM_REGION = re.compile(r"湾区|长三角|京津冀|珠三角|粤港澳|港澳台|港澳|成渝|外地|外省")
_REGION_OR_SCOPE = rf"(?:{_FROM_REGION.pattern}|{_SCOPE.pattern})"


# Town and country, the two sides the statistics split people and places into (城镇 against 农村, 农民, 农牧民); 城乡 is
# both.
_TOWN = re.compile(r"城镇|城市居民|市民")
_COUNTRY = re.compile(r"农村|乡村|农民|农牧民|牧区")


def other_side_of_town(normalized_question: str, quote: str) -> bool:
    """Does the question ask one side, town or country, and every clause of the quote that gives a figure and names a
    side name only the other (农村牧区居民收入多少: 城镇居民人均可支配收入达到28541元，同比增长10.4%)? A fact of the
    language: 城镇居民's figure is not 农村居民's. Not where the question asks both (城乡) or neither."""
    asks_town, asks_country = bool(_TOWN.search(normalized_question)), bool(_COUNTRY.search(normalized_question))
    if asks_town == asks_country or "城乡" in normalized_question:
        return False
    figures = [c for c in re.split(r"[，,；;。]", quote) if re.search(r"\d", c)]
    if any("城乡" in c for c in figures):
        return False
    sides = [(bool(_TOWN.search(c)), bool(_COUNTRY.search(c))) for c in figures if _TOWN.search(c) or _COUNTRY.search(c)]
    return bool(sides) and all((town, country) == (asks_country, asks_town) for town, country in sides)


def counts_a_part_only(normalized_question: str, quote: str) -> bool:
    """Does every clause of the quote that gives the count asked count only some of the people asked, those from one
    region or scope (大湾区游客超860万人次, 入境游客111万人次), where the question asks all of them (接待游客多少人次)?
    A region or scope right before the people restricts them: a fact of the language."""
    asked = _all_people_asked(normalized_question)
    if not asked:
        return False
    stating = [c for c in re.split(r"[，,；;。]", quote) if re.search(r"\d", c) and unit_stated(normalized_question, c)
               and any(w in c for w in asked)]
    return bool(stating) and all(any(_from_somewhere(c, w) for w in asked if w in c) for c in stating)


@lru_cache(maxsize=256)
def _places_and_countries(must_mention: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The places a question asks about inside the report's own, and the other countries it names (read once per
    question: every candidate quote asks it)."""
    return (tuple(p for p in must_mention if not foreign_country(p)), tuple(p for p in must_mention if foreign_country(p)))


def counts_both(normalized_question: str, quote: str, head: str, modifiers) -> bool:
    """Does the quote give one figure for two kinds joined before their shared head (国内、国际航线达到34条), where the
    question asks one of them (国际航线有几条)? Two kinds joined by 、 or 和 before one head and one count or amount are
    counted together: a fact of the language (分别, 均, 各 give each its own figure, as a rate does; 等 names
    examples)."""
    for clause in re.split(r"[，,；;。]", quote):
        if re.search(r"分别|(?<!人)均|各|都|双双", clause):
            continue  # (食品、药品抽检合格率均超99%: each its own figure)
        for m in re.finditer(rf"(?<![\u4e00-\u9fff\d、])([\u4e00-\u9fff]{{1,4}}?)(?<![总以涉参])[、和]([\u4e00-\u9fff]{{1,4}})"
                             rf"{re.escape(head)}", clause):
            figure = _FIGURE_DIGIT.search(clause, m.end())
            if "等" in clause[m.start():] or _FIGURE_DIGIT.search(clause[: m.start()]) or figure is None \
                    or re.match(r"[\d.]*\s*(?:[%％]|倍|个?百分点)", clause[figure.start():]):
                continue  # (宽带和专线平均资费降低15%: a rate holds for each kind, it is no sum)
            # (the two kinds are the modifier asked and another: 东南亚、日韩、欧美入境游客 are all 入境游客)
            first, second = any(m.group(1).endswith(t) for t, _, _ in modifiers), any(m.group(2) == t for t, _, _ in modifiers)
            other = m.group(2) if first else m.group(1)
            if first != second and other not in normalized_question:
                return True
    return False


def counts_listed(normalized_question: str, quote: str, thing: str) -> bool:
    """Does the quote give one count for things listed after it (新建26所中小学、幼儿园) where the question asks a count
    of one of them in the same measure word (幼儿园有几所) and names none of the others? The count before a list of nouns
    joined by 、 or 和 that ends its clause counts them together: a fact of the language (分别, 各, 均 give each its own;
    等 names examples; 13个创新药获批上市、居全国第一 lists doings, not things)."""
    for clause in re.split(r"[，,；;。]", quote):
        if re.search(r"分别|(?<!人)均|各|等", clause):
            continue
        for m in re.finditer(rf"\d+(?:\.\d+)?\s*(?:万|千|百)?(?:余|多)?({_THING_MEASURE})"
                             r"((?:[\u4e00-\u9fff]{2,8}?[、和及]){1,4}[\u4e00-\u9fff]{2,8})(?=[）)]?$)", clause):
            if not re.search(rf"(?:多少|几){m.group(1)}", normalized_question):
                continue  # (the count asked in another measure word, or none: not this count)
            items = re.split(r"[、和及]", m.group(2))
            if not all(is_noun(flag) for item in items for _, flag in tagged_words(item)):
                continue
            asked = [i for i in items if i == thing or i.endswith(thing)]
            if len(asked) == 1 and not any(i in normalized_question for i in items if i not in asked):
                return True
    return False


# A figure as a question or a quote states it, with its unit (26所, 35岁, 35万名); not a year (2024年).
_STATED_FIGURE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?![\d.])\s*(?!年)((?:万亿|亿|万|千|百)?(?:余|多)?[\u4e00-\u9fff%％]?)")
# A figure in words (三分之一, 五成, 翻一番, 一半): a figure the digits do not show.
_FIGURE_IN_WORDS = re.compile(r"[一二两三四五六七八九十百千]+(?:分之|成(?![为立果本功])|倍)|翻[一两二三]番|一半")


def restates_figure(normalized_question: str, quote: str) -> bool:
    """Does the quote give only figures the question states itself, each in its unit (上海要新建的26所中小学、幼儿园里，
    幼儿园有几所: 新建26所中小学、幼儿园)? It tells the asker what they said. Only a Chinese question asking how many or how
    much; a question checking a figure (是不是26所) is answered by it, and a figure in words (占比超过三分之一) is a figure."""
    if not re.search(r"多少|几", normalized_question) or YESNO.search(normalized_question) \
            or re.search(r"是不是|对吗|对吧|对不对|是吧|是吗|[a-z]{3}", normalized_question):
        return False
    stated = set(_STATED_FIGURE.findall(normalized_question))
    given = set(_STATED_FIGURE.findall(quote))
    return bool(stated) and bool(given) and given <= stated and not _FIGURE_IN_WORDS.search(quote)


@lru_cache(maxsize=256)
def _people_named(normalized_question: str) -> tuple[str, ...]:
    """The people a question names among those counted (游客, 学生…), read once per question."""
    return tuple(w for w in _PEOPLE_ASKED.split("|") if w in normalized_question)


@lru_cache(maxsize=256)
def _all_people_asked(normalized_question: str) -> tuple[str, ...]:
    """The people a question asks a count of, all of them, not some from a region or scope (粤港澳游客, 湾区过来的游客
    ask a part themselves): () where it asks none so (read once per question)."""
    asked = _people_named(normalized_question)
    if not asked or not _ASKS_FIGURE.search(normalized_question) \
            or any(re.search(rf"{_REGION_OR_SCOPE}[^，,。？?]{{0,6}}{w}", normalized_question) for w in asked):
        return ()
    return asked


def _from_somewhere(text: str, people: str) -> bool:
    """Are the people named in the text said to come from a region or a scope (大湾区游客, 入境游客, 粤港澳游客)?"""
    # (来自大湾区的游客 are 大湾区游客; 国内外游客 come from everywhere)
    m = re.search(rf"([\u4e00-\u9fff]{{1,4}}){people}", _BOTH_SCOPES.sub("", text).replace("的", ""))
    said = m.group(1) if m else ""  # (right before them: 大湾区游客; 全县接待游客 are all the county's visitors)
    return bool(re.search(rf"{_REGION_OR_SCOPE}$", said))


def _says_a_scope(text: str) -> bool:
    """Does the text say where what it counts comes from (入境, 境外…), other than both at once (境内外, 国内外)?"""
    return bool(_SCOPE.search(_BOTH_SCOPES.sub("", text)))


def other_kind_of(compound: tuple[str, ...], quote: str, said: str) -> bool:
    """Does a quote give the figure of the whole where the compound asks a part of it by where it comes from? Its last
    word is stated (游客) while no scope is said around (入境: 接待游客2.6亿人次 counts every visitor; 境外: 境内外游客 are
    all of them). Another scope from outside said instead (外国游客 asked, 入境游客111万 said) is shown, for the reader
    to weigh."""
    *restricting, last = compound
    if not covered(last, quote) or not any(_SCOPE.fullmatch(w) for w in restricting):
        return False
    return not _says_a_scope(said)


def _said_the_other_way(term: str, text: str) -> bool:
    """Does the text say a word of one direction only inside the compound of both (出口 asked, 进出口总额 said), or the
    compound only as one of its directions (进出口 asked, 货物贸易出口 said)?"""
    one_way = term[1:]
    return bool(alone(term)) and term in text and not covered(term, text) \
        or both_ways(one_way) == term and term not in text and said_alone(one_way, text)


def _asked_figure_clauses(text: str, focus) -> str:
    """The clauses of a quote that give a figure of most of what was asked (the whole quote where none does): 企业达到62户 is the
    level the companies ended at, not that of the output asked beside it (…五年…完成规模以上工业总产值745亿元)."""
    scored = [(coverage(focus, c), c) for c in re.split(r"[，,；;。]", text) if re.search(r"\d", c)]
    best = max((v for v, _ in scored), default=0.0)
    return "，".join(c for v, c in scored if v == best) if best >= 0.5 else text


def _others_figure(text: str, place: Place) -> bool:
    """Every figure of the text is stated in a clause led by a list of places inside `place` (`襄阳、宜昌经济总量突破
    6000亿元` in Hubei's report): theirs, not the report's place's. One place's name may be a facility's (郑州机场货邮
    吞吐量) or the report's own place read another way (吉林 is the province and its city): the province's figure."""
    clauses = [c for c in re.split(r"[，,；;。]", text) if re.search(r"\d", c)]
    return bool(clauses) and all(_led_by_its_places(re.split(r"\d", c, maxsplit=1)[0], place) for c in clauses)


def _led_by_its_places(head: str, place: Place) -> bool:
    named = find_places(head)
    inside = [ps for _, ps in named if all(p.code and p.code != place.code and place.contains(p) for p in ps)]
    return len(named) >= 2 and len(inside) == len(named)


def _states_year(text: str, year: int, focus) -> bool:
    """The text gives a figure for `year`: `2022年` followed closely by what is asked (not `较2022年…排名`)."""
    norm = for_search(text)
    for m in re.finditer(rf"{year}\s*年", norm):
        after = norm[m.end(): m.end() + 16]
        if not focus or any(covered(t, after) for t, _, _ in focus):
            return True
    return False


