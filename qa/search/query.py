"""One question, read once: its text in each form the search needs, its vector, its route.

A `Query` is built once per question and handed through retrieval and answer composition, so
ranking and answering read the same year, the same reports and the same words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from qa.common.asking import A_NOT_A, ASKING_PHRASE, ASKS
from qa.common.normalize import both_ways, for_search, said_alone
from qa.common.places import word_count
from qa.common.years import RELATIVE, YEAR_WORDS
from qa.index.keyword import jieba_tokenizer
from qa.ingest.identity import ReportInfo
from qa.search.question import ASKS_MEANS, FIGURE, MEANS_WORDS, NATION_AS_YARDSTICK, Reading
from qa.search.route import Route
from qa.search.vocabulary import everyday_spans, glossary_terms, synonym_terms


@dataclass(frozen=True, eq=False)
class Query:
    """A question ready to search.

    Attributes:
        reading: what the question names (places, years, what kind of answer).
        route: which reports it is about, and what an answer must respect.
        keyword_text: the normalized text the keyword side searches (topic words and their expansions).
        tokens: the keyword tokens the index knows.
        dense_text: what the dense side embeds.
        vector: the question's embedding, shape (1, dim).
        expansions: report words added for the question's everyday or English words.
        focus: the question's content words with their weights (rarer in the library = heavier).
    """

    reading: Reading
    route: Route
    keyword_text: str
    tokens: tuple[str, ...]
    dense_text: str
    vector: np.ndarray
    expansions: str
    focus: tuple[tuple[str, float, bool], ...] = ()  # the words an answer should carry: (word, weight, is noun)
    head: str = ""  # the heaviest of them the library knows: an answer must carry it

    @property
    def text(self) -> str:
        return self.reading.text

    def year_for(self, report: ReportInfo | None) -> int | None:
        """The year this question asks about, read relative to `report` (去年 = the year it reviews), or as the
        route read it against the place's newest report (前年)."""
        if self.route.year is not None:
            return self.route.year
        return self.reading.year_for(report.year if report else None)


def expansions_for(reading: Reading, glossary: bool = True, synonyms: bool = True) -> str:
    """The report's words for the question's English and everyday words (keyword side only)."""
    extra = glossary_terms(reading.text) if glossary else ""
    if synonyms:
        extra += " " + synonym_terms(f"{reading.topic} {extra}")
    return " ".join(extra.split())


# Words that carry no content of their own in a question about a work report.
STOP_WORDS = frozenset("""
请问 请 问 一下 帮 帮我 我 我们 你 你们 他们 查 查一下 看看 想 想知道 知道 具体 到底 究竟 一共 总共 大概 左右 呢 吗 吧 啊 的 了 是 有
在 和 与 及 或 都 也 又 还 就 要 会 能 可以 应该 这 那 这个 那个 这些 那些 哪 哪些 哪个 哪里 哪儿 什么 怎么 怎样 如何 为什么 多少 几 多 么
报告 政府 工作 政府工作报告 工作报告 提出 提到 里 中 上 说 讲 情况 方面 问题 关于 今年 去年 前年 明年 当年 本年 上年 年 年度 计划 打算 准备
县里 省里 市里 区里 我县 我省 我市 我区 全县 全省 全市 全区 全国 国家 听说 最近 现在 今后 以后 找到 做 搞 弄 干
作 上作 作的 所作 发表 召开 会议 会上 大会 宣读 根据 按照 这份 该 本
为啥 为何 咋 啥 总数 数量 总量 数目 人数 个数 数字 数额 多大 水平 程度 多长 多久 多远 多高 多快 多重 多不多 高不高 大不大 百分之 时候 的时候
当时 那时 那时候 那年 全年 一年 整年 列举 列出 列一下 说说 介绍 介绍一下 安排 下来 起来 出来 下去 过来 回来 进来 上来
里面 里头 当中 之中 那场 这场 那次 这次 那项 这项 那件 这件 那批 这批 那届 这届
目标 预期 实际 完成 控制 控制在 怎么样 相比 比 比一比 分别 各 各自 又是 是否 有没有 the a an of in on for to and or is are was were what how
which who when does do did will would report government work china 's
""".split()) | {w for w in RELATIVE if " " not in w}  # 上一年, 前一年, 过去一年: a year said relative to the report's
_CLAUSE = re.compile(r"[，,。；;！!？?]")
# Asking words removed whole before the question is cut into words (`哪天作的` must not leave `天作`).
_ASK_PHRASES = ASKING_PHRASE
# (not a negation: 哪些没做好的地方 asks what was not done well)
_ANSWER_TYPE = re.compile(r"(?:(?<=什么|哪些|哪个|哪种|何种|哪类|哪项)|(?<=啥))(?![没不未])新?[\u4e00-\u9fff]{1,3}?"
                          r"(?=[?？，,。来用在给做让的吗呢]|$)")
# A way of doing asked (用什么办法, 采取哪些措施, 有什么好办法): the kind of answer, like the noun after 什么, whatever
# follows it (not inside a longer word: 方法论).
_WAY_ASKED = re.compile(r"((?:什么|哪些|哪几[条项个种]?|哪种|啥)(?:样的|具体的?|有效的?|好的?|新的?|主要的?|重要的?|关键的?)?)"
                        r"(?:办法|措施|举措|手段|途径|方法|法子|招数|招儿|高招|妙招|做法|对策|路子)(?!论)")
# A reason asked (依据是什么, 原因是啥, 理由何在): the kind of answer, not a word the report's reasons are written with.
_REASON_ASKED = re.compile(r"(?:依据|根据|原因|理由|考虑)(?:是|在于|何在)?(?:什么|啥|哪些)?(?=[?？，,。]|$)")
# A verb said twice around 不 or 没 asks yes or no (是不是, 能不能, 有没有): a fact of the language.
_A_NOT_A = re.compile(rf"{A_NOT_A}|([\u4e00-\u9fff])没\2")
# What a target was set as, in a question asking why (为什么定成一个区间, 为啥定在5%以上): the thread's figure described,
# not words the report's reasons are written with.
_SET_AS = re.compile(r"(?:(?<=为什么)|(?<=为何|为啥|怎么))(?:要|会)?(?:定|设定|确定|设)(?:成|在|为|到)(?:了|一个|个)?[^，,。？?！!]{0,10}?"
                     r"(?=[?？，,。！!呢吗啊]|$)")
# A target and its figure as a question about reaching it names them (增长目标, 616亿斤, 15%以上定得挺高的).
_AIM_STATED = re.compile(r"\d+(?:\.\d+)?\s*(?:万亿|亿|万|千)?\s*(?:%|％|元|吨|斤|人次|人|个|公里|亩)?(?:以上|左右|以内)?|"
                         r"(?:增长|发展|预期|年度|主要)?目标|定得[^，,。？?]{0,4}|(?:准备|打算|要|能)?(?:实现|完成|达到|达成|保证|做到)|"
                         # (the measure of the indicator: its measures name the field, 粮食, not its 产量 or 增长)
                         r"(?<=[\u4e00-\u9fff])(?:产量|总量|增速|增幅|增长(?![率点极])|规模(?!以上|化|经济)|总额)")
# A question asking whether (是不是, 有没有, …吗), and a figure it states with its unit (1400块, 6%, 3万亿元): what it
# checks, not a word the answer contains (the report may say 1413元).
_WHETHER = re.compile(rf"{A_NOT_A}|是否|吗[？?。！!\s]*$|对吧|对吗")
_FIGURE_CHECKED = re.compile(r"(?<![\d.a-z])\d+(?:\.\d+)?(?=\s*(?:万亿|亿|万|千|百)?(?:多|余)?(?:元|块|人次|人|%|％|个|家|所|吨|斤|亩|"
                             r"公里|户|辆|台|套|张|座|项|千瓦|平方米|岁|天|倍|名|条(?!例)))")
_LATIN_WORD = re.compile(r"(?<![a-z0-9.])[a-z0-9][a-z0-9.+-]*[a-z0-9+]|(?<![a-z0-9])[a-z](?![a-z0-9])")
# Function characters at the edges of a word (`签了` -> 签, `要建` -> 建).
# (a verb's result 到 is no word of its own: 产到 is 产, 涨到 is 涨)
_EDGE = re.compile(r"^(?:要|想|能|会|该|给|让|被|把|在|从|向|对|将|再|又|都|也|还|去|来)|(?:了|的|过|着|得|地|吗|呢|啊|有|到)$")
_ASKING = ASKS
# `一共通了多少公里`: taken out before the cut, or the tagger reads 共通 (common) out of 一共 + 通
_TOTAL_WORDS = re.compile(r"一共|总共|共计|合计")
# The count of a thing said after it (就业人数, 企业数量): the thing is what is asked, counted as the reports count it
# (新增就业26.4万人), and the count word one the reports leave out (a fact of the language).
_COUNT_OF = re.compile(r"(?<=[\u4e00-\u9fff]{2})(人数|数量|总数|个数|数目)")


def names_a_thing(clause: str) -> bool:
    """The clause names something of its own to find (蔬菜, PM2.5浓度), not only asking words and a target."""
    text = _ASK_PHRASES.sub(" ", YEAR_WORDS.sub(" ", clause))
    return bool(_LATIN_WORD.search(text)) or any(
        is_noun(flag) and len(w.strip()) >= 2 and w.strip() not in STOP_WORDS for w, flag in tagged_words(text))


# Who gave a report and what delivering it is called (the dictionary's words for mayor, governor, deliver).
_SPEAKER_WORDS = re.compile(r"市长|省长|县长|区长|州长|总理|主席|报告|作出|交付|发表|宣读")


# The words that say how a figure moves (新增, 增加): an everyday phrase for them (多出来) names no thing counted.
_CHANGE_SAID = frozenset("新增 增加 减少 提高 降低 增长 下降 上升".split())


# What a change is measured from (比上年, 较去年, 同比): the base of the change asked, said by every report's figure
# (下降33.8%) or by none; jieba cuts 数比 out of 立案数比前年. (和往年相比: the base said after 和.)
_BASE_YEAR = r"(?:上一?年(?:同期)?|前一?年|去年(?:同期)?|往年|同期)"
_CHANGE_BASE = re.compile(rf"(?:比|较|相比|对比|同比)(?:起)?{_BASE_YEAR}(?:相比|比)?|(?:和|与|跟|同){_BASE_YEAR}(?:相比|比较?)")


# A verb and its object said apart around a count (造了多少亩林, 植了几棵树, 修了多少公里路): the word they make (造林,
# 植树, 修路) is what is asked about, where the dictionary has it — a fact of the language (离合词).
_SPLIT_WORD = re.compile(r"(?P<verb>[\u4e00-\u9fff])了?(?P<count>(?:多少|几)[万千百]?(?:公里|公顷|[亩棵株块片所个座条次场户家]))"
                         r"(?P<object>[\u4e00-\u9fff])(?![\u4e00-\u9fff])")


def _split_word_joined(text: str) -> str:
    """`造了多少亩林` -> `造林多少亩`; other text as it is."""
    return _SPLIT_WORD.sub(lambda m: f"{m['verb']}{m['object']}{m['count']}" if word_count(m["verb"] + m["object"])
                           else m.group(0), text)


def focus_terms(reading: Reading, named: bool, expansions: str, weight, english: str = "",
                known: Callable[[str], bool] | None = None) -> tuple[tuple[str, float, bool], ...]:
    """The question's content words with their weights, from the clause that asks (a long question's story is left out).

    Args:
        named: the question was routed by the places/years it names (they are not content then).
        weight: word -> its weight (the keyword index's idf).
        english: the report's words for an English question's words (glossary and dictionary).
        known: word -> whether a passage searched has it (for a name the tagger does not know, 村超: 村 | 超).

    Returns:
        (word, weight, is_noun) triples.
    """
    if reading.english:
        text = for_search(english or glossary_terms(reading.text) or expansions)
        for place in reading.places:  # the places it was routed by are not what it asks about
            text = text.replace(place.name, " ").replace(place.short, " ")
        if reading.wants_person or reading.wants_date:  # `When did X's mayor deliver the report`: its occasion
            text = _SPEAKER_WORDS.sub(" ", text)
    else:
        text = reading.topic if named else reading.normalized
        clauses = [c for c in _CLAUSE.split(text) if c.strip()]
        asking = [i for i, c in enumerate(clauses) if _ASKING.search(c)]
        figure = [i for i in asking if FIGURE.search(clauses[i])]
        if reading.kind == "figure" and figure and len(figure) < len(asking):  # 菜篮子咋样？蔬菜收了多少吨？
            # (one naming nothing of its own leans on the clause before it: 粮食收成创纪录了吗？收了多少？,
            # 黑龙江的粮食产量还是全国第一吗？今年的目标定的是多少？)
            kept = set(figure) | {i - 1 for i in figure if not names_a_thing(clauses[i])}
            clauses = [c for i, c in enumerate(clauses) if i not in asking or i in kept]
            text = " ".join(clauses)
        elif len(clauses) > 2 and asking:  # a long question: the clause that asks (and the one before a short one)
            last = asking[-1]
            text = " ".join(clauses[max(0, last - 1) if len(clauses[last]) < 8 else last: last + 1])
    # `获得了什么称号`, `组建什么新机构`: the noun after 什么 is the kind of answer, not a word it contains.
    text = _REASON_ASKED.sub(" ", _ANSWER_TYPE.sub(" ", _SET_AS.sub(" ", _WAY_ASKED.sub(r"\1 ", text))))
    if reading.kind == "how" and ASKS_MEANS.search(text):  # 粮食产量目标616亿斤靠什么实现: the measures for grain
        text = _AIM_STATED.sub(" ", MEANS_WORDS.sub(" ", text))  # (they name neither the aim, its figure nor the asking)
    if _WHETHER.search(text):  # 是不是超过每月1400块了: the figure checked is the claim, no word to find
        text = _FIGURE_CHECKED.sub(" ", text)
    text = _A_NOT_A.sub(" ", text)  # 是不是, 能不能, 有没有: asking yes or no, no word to find
    text = _CHANGE_BASE.sub(" ", text)  # 立案数比前年降了多少: what the change is from, no word to find (nor 数比)
    text = _split_word_joined(text)  # 造了多少亩林: 造林
    text = measure_word_apart(YEAR_WORDS.sub(" ", text))  # years are the year cue's, not words to find (74个 国控断面)
    seen: dict[str, float] = {}
    nouns: set[str] = set()
    asked = text
    spans = everyday_spans(text)  # 找到工作 is one everyday phrase (就业), not 找到 + 工作
    for m in spans:
        if m.group(0) in STOP_WORDS:
            continue
        if set(synonym_terms(m.group(0)).split()) <= _CHANGE_SAID:  # 多出来 is 新增: how a count moves, not what it counts
            seen[m.group(0)] = weight(m.group(0)) * 0.5
            continue
        seen[m.group(0)] = weight(m.group(0))
        nouns.add(m.group(0))
    text = without_spans(text, spans)
    for word in _LATIN_WORD.findall(text):  # 5g, pm2.5, gdp, cpi: one word each (a tagger splits 5 | g)
        if word not in STOP_WORDS and (not word.isdigit() or len(word) >= 3) and word not in seen:
            seen[word] = weight(word)
            nouns.add(word)
    text = _LATIN_WORD.sub(" ", text)
    cleaned = _COUNT_OF.sub(r" \1", _TOTAL_WORDS.sub(" ", _ASK_PHRASES.sub(" ", text)))  # (measure words set apart above)
    tagged = tagged_words(cleaned)
    plain = jieba_tokenizer().lcut(cleaned)  # the plain cut, which may hold a new word whole (普惠托位, not 普惠托 | 位)
    for word, flag in tagged:
        flag = "n" if word in AGE_GROUPS else flag
        # a noun keeps its characters (能耗, 能源, 会展 are not 耗, 源, 展); a verb phrase loses its function ones
        w = word.strip() if is_noun(flag) and len(word.strip()) >= 2 else _EDGE.sub("", word.strip())
        if not w or w in STOP_WORDS or not any(ch.isalnum() for ch in w) or w in seen:
            continue
        if len(w) == 1 and not synonym_terms(w):
            continue  # a lone character carries meaning only where the vocabulary knows it (钱, 路)
        w = _whole_word(w, plain, known)
        parts = _known_parts(w, flag, known)
        if parts:  # 逛公园, which no report writes: the 公园 it holds, which they do
            for part in parts:
                noun = is_noun(tagged_words(part)[0][1])
                seen.setdefault(part, weight(part) * (1.0 if noun else 0.5))
                nouns.add(part) if noun else None
            continue
        # Nouns name what is asked about; verbs (准入, 放开, 保证) weigh half.
        seen[w] = weight(w) * (1.0 if is_noun(flag) else 0.5)
        nouns.add(w) if is_noun(flag) else None
    # a name the tagger split: where there is nothing else to find (提没提到村超: 村 | 超), or where one of its characters
    # is no word at all (篁岭: 篁 is a morpheme, g), whatever else the question names
    if known is not None:
        for word in _unknown_names(tagged, known, morphemes_only=bool(nouns)):
            seen[word] = weight(word)
            nouns.add(word)
    if NATION_AS_YARDSTICK.search(reading.normalized) and "全国" not in seen:  # the report's 高于全国…
        seen["全国"] = weight("全国")
        nouns.add("全国")
    # 进出口总额: the cut's 出口 is no word of the question's (where it stood: the order says which word is the head)
    whole = {w: both_ways(w) for w in seen if both_ways(w) and both_ways(w) in asked and not said_alone(w, asked)}
    seen = {whole.get(w, w): weight for w, weight in seen.items()}
    nouns |= {whole[w] for w in whole if w in nouns}
    counted = _COUNTED_NOUN.search(text)
    if counted and counted.group(1) not in seen:  # 几个方面: what is counted is what to find (八个方面), even a 方面
        seen[counted.group(1)] = weight(counted.group(1))
        nouns.add(counted.group(1))
    return tuple((t, w, t in nouns) for t, w in seen.items())


def _whole_word(word: str, plain: list[str], known: Callable[[str], bool] | None) -> str:
    """A word the reports searched never write, as the plain cut has it where that holds it whole and the reports
    write each of its two-character pieces: the tagger cut 普惠托 | 位 out of 普惠托位, which they write with a
    character inside (普惠性托位)."""
    if known is None or len(word) < 2 or known(word):
        return word
    return next((w for w in plain if word in w and len(w) >= 4 and re.fullmatch(r"[\u4e00-\u9fff]+", w)
                 and all(known(w[i:i + 2]) for i in range(0, len(w) - 1, 2))), word)


def _known_parts(word: str, flag: str, known: Callable[[str], bool] | None) -> list[str]:
    """The object of a verb phrase the tagger took as one word (逛公园/v) that the reports searched never write,
    where they write the object (公园): what it is about. Empty for any other word, even one they do not write
    (常住人口 is no 人口, 招商会 no 商会: a report that lacks the term does not answer by its part)."""
    if known is None or not flag.startswith("v") or len(word) < 3 or not re.fullmatch(r"[\u4e00-\u9fff]+", word) \
            or known(word) or synonym_terms(word):
        return []
    verb, noun = word[0], word[1:]
    return [noun] if noun not in STOP_WORDS and known(noun) and tagged_words(verb)[0][1].startswith("v") else []


def _unknown_names(tagged: list[tuple[str, str]], known: Callable[[str], bool], morphemes_only: bool = False) -> list[str]:
    """Names the tagger's dictionary lacks, split into lone characters (村超: 村/n 超/v; 篁岭: 篁/g, a morpheme): the
    last two or three of lone content characters in a row that the reports searched write together, where no noun
    follows them (老旧电梯: they qualify the noun). A lone character alone says little; a run of them the reports hold as one is a word the
    dictionary has not met (a new name, a coinage)."""
    out, run, morpheme = [], [], False
    for word, flag in [*tagged, ("", "x")]:
        if len(word) == 1 and "\u4e00" <= word <= "\u9fff" and flag[:1] in ("n", "v", "a", "g") and word not in STOP_WORDS:
            run.append(word)
            morpheme = morpheme or flag.startswith("g")
            continue
        # (the object follows its verb: in 提到村超, 到村超 is a run whose name is at its end)
        ends = [] if flag.startswith("n") else ["".join(run[i:]) for i in range(max(0, len(run) - 3), len(run) - 1)]
        name = next((w for w in ends if known(w)), None)
        if name and (morpheme or not morphemes_only):
            out.append(name)
        run, morpheme = [], False
    return out


# Measure words (classifiers): after 多少 or 几 one stands between the count and the noun counted.
_COUNT_THEN_MEASURE = re.compile(r"(?:多少|几|(?<![\d.])\d+)(?:万|亿|千|百)?"
                                 r"([个场座条台部辆张件项名位家所户套间只头次批块本首棵株艘架列处口份枚栋幢支篇趟盏])(?=[\u4e00-\u9fff])")


def measure_word_apart(text: str) -> str:
    """The measure word after a count set apart from the noun it counts where the tagger would glue them into a word
    its dictionary does not know (多少场戏 -> 多少场 戏, 多少条绿道 -> 多少条 绿道, 74个国控断面 -> 74个 国控断面); a known word
    stays (多少条例, 多少部门)."""
    out, at = [], 0
    for m in _COUNT_THEN_MEASURE.finditer(text):
        first = tagged_words(text[m.start(1): m.start(1) + 6])[0][0]
        if len(first) > 1 and word_count(first) < 50:
            out += [text[at: m.end(1)], " "]
            at = m.end(1)
    return "".join(out) + text[at:]


# The noun a question counts (`分几个方面`, `有多少项任务`): the word after the count and its measure word.
_COUNTED_NOUN = re.compile(r"(?:几|多少)(?:个|项|大|类|条|件|批)(?!百分点)([\u4e00-\u9fff]{2})")  # (几个百分点: a unit)


# People of an age, which jieba tags as times (青年 `t`): nouns, what a question asks about (青年失业率).
AGE_GROUPS = frozenset("青年 少年 老年 中年 青少年 老年人 年轻人".split())


def is_noun(flag: str) -> bool:
    """jieba's part-of-speech tags for names of things: nouns, proper nouns, idioms, abbreviations, English."""
    return flag[:1] == "n" or flag in ("l", "j", "vn", "eng", "i")


def tagged_words(text: str) -> list[tuple[str, str]]:
    """jieba's words of a text with their part-of-speech tags."""
    jieba_tokenizer()  # initialized once, quietly
    import jieba.posseg

    words: list[tuple[str, str]] = []
    for p in jieba.posseg.lcut(text):
        if words and words[-1][1] == "eng" and words[-1][0][-1:].isdigit() and re.fullmatch(r"\.\d+", p.word):
            words[-1] = (words[-1][0] + p.word, "eng")  # PM2.5 is one name (the tagger cut it at the point: PM2 / .5)
        else:
            words.append((p.word, p.flag))
    return words


def without_spans(text: str, spans: list) -> str:
    """`text` with the spans blanked out; a word a span cut into stays a word of its own (失业 taken out of
    失业率控制 leaves 率 and 控制, not a new word 率控制)."""
    if not spans:
        return text
    bounds, at = {len(text)}, 0
    for word, _ in tagged_words(text):
        at += len(word)
        bounds.add(at)
    cut = {min(b for b in bounds if b >= m.end()) for m in spans}
    blank = {i for m in spans for i in range(m.start(), m.end())}
    return "".join((" " if i in cut else "") + (" " if i in blank else ch) for i, ch in enumerate(text))


def head_term(focus: tuple[tuple[str, float, bool], ...], known) -> str:
    """The heaviest noun of the question that some passage of the library has: what the question is about.

    Unknown words are left out (they may be the asker's paraphrase of the report's word), and so are the nouns that
    name the kind of figure asked (`MEASURE_NOUNS`: money, a share, a total).
    """
    candidates = [(w, t) for t, w, noun in focus if noun and known(t) and t not in MEASURE_NOUNS]
    return max(candidates)[1] if candidates else ""


# Nouns that name the kind of figure asked, not what it is of: 发多少钱育儿补贴 asks of 补贴, in money;
# 城镇新增就业占全国多大比例 of 就业, as a share; 进出口总额 (总值) of 进出口, as a total.
MEASURE_NOUNS = frozenset({"钱", "比例", "比重", "占比", "总额", "总值", "总量", "总数", "数量"})
