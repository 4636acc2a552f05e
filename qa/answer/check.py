"""A turn that checks the answer before it (`确定吗？`, `是6%吗？`, `6%左右，对吗？`, `也就是说比去年实际增速高？`).

Checking asks nothing new: the thread's question is answered again, and where the turn names a figure the answer says
first whether the report's clause about what was asked gives that figure (`是的，报告写的是6%左右`) or another one
(`引文写的是5.5%左右，不是6%`: of the quote, since another passage may say otherwise). A turn that restates the answer
in other words (`也就是说占了全国十分之一以上？`, `也就是说比去年快？`) gets the answer again.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from qa.answer.compose import Answer
from qa.answer.sentence import covered, figure_clauses
from qa.common.asking import count_of
from qa.common.normalize import for_search, magnitude_of, to_simplified

# The words a check is made of: what opens it (也就是说, 所以), what closes it (确定吗, 对吗, 是吗, 是吧, 没错吧).
# A hedge (我记得, 好像, 听说) says how sure the asker is, not what is checked.
_HEDGE = r"(?:我?记得|我?听说|好像|应该|据说|我?印象中|我看到)"
_OPENS = rf"(?:那么?|所以说?|也就是说|就是说|意思是|这么说|那就是说?|即)?[，,]?(?:{_HEDGE}[，,]?)?"
_CLOSES = (r"(?:[，,]?(?:确定吗|对吗|对不对|对吧|是吗|是吧|是不是|是这样吗|没错吧|没错吗|是真的吗|真的吗|准确吗|吧|吗))"
           r"[？?。！!\s]*$")
_CHECK = re.compile(rf"^{_OPENS}(?:确定|真的|是不是)?(?P<claim>.*?){_CLOSES}")
# 是不是5.5%左右, 是否超过6%: asking whether, with nothing but the figure (or rank) after it.
# (全省高校是不是已经有80所了: what is checked may be named before it)
_WHETHER_FIGURE = re.compile(r"^(?:那么?|那)?(?P<subject>[^，,。？?\d]{0,12}?)(?:是不是|是否)"
                             r"(?P<claim>[^，,。？?]*?(?:\d|第[一二三四五六七八九十\d])[^，,。？?]*?)[？?。！!\s]*$")
_STATED = re.compile(r"^(?:也就是说|就是说|意思是|这么说|那就是说?)[，,]?(?P<claim>.+?)[？?。]*$")
# A figure as a turn states it (6%, 5.5%左右, 326.4亿元, 110万人以上).
_FIGURE = re.compile(r"(?<![\d.A-Za-z])\d+(?:\.\d+)?(?![\d.]*\s*(?:年|月|日|号|季度|[A-Za-z]))\s*"
                     r"(?:%|％|个百分点|(?:万|千)(?:多|余)(?:万亿|亿)?|(?:多|余)?(?:万亿|亿|万|千)|多|余)?"
                     r"(?:元|人次|人|吨|斤|千瓦|平方米|公里|个|家|项|所|座|条|台|套|户|名|亩|辆|张|处)?"
                     r"(?:左右|以上|以内|以下)?")
_FRAME = re.compile(r"[是的了就为有达到要定在吗呢吧啊，,？?。\s]")
_TENTHS_SAID = re.compile(r"(?:(?<![\u4e00-\u9fff])|(?<=[超过到达于是有近]))([一二三四五六七八九])成(?![立为功绩就果员本熟长交型品])")
_HALF_SAID = re.compile(r"(?<![\u4e00-\u9fff])(?:一半|半数)(?![\u4e00-\u9fff])|(?<=[超过到达于])(?:一半|半数)")
_YUAN_SAID = re.compile(r"(\d(?:\.\d+)?\s*(?:万|千|亿)?)\s*块(?:钱|(?=[吧吗呢啊呀了对是，,。？?！!\s]|$))")
# A rank as a turn states it (全国排第五, 居全省第2位, 位列第三): checked as a figure is.
_RANK = re.compile(r"第(?P<n>[一二三四五六七八九十]{1,3}|\d{1,3})(?=位|名|$|[，,。；;、？?吧吗呢])")


# A rank with where and how it is said (全国排第五, 居全省第2位, 世界第一).
_RANK_SAID = re.compile(r"(?:全国|全省|全市|全区|全州|全县|世界|全球)?(?:排名?|位居|位列|名列|居)?"
                        r"第(?:[一二三四五六七八九十]{1,3}|\d{1,3})(?:位|名)?")


def _rank(text: str) -> str | None:
    """The rank a text states, as 第 and its number in digits (全国排第五 -> 第5), or None."""
    m = _RANK.search(text)
    n = count_of(m.group("n")) if m else None
    return None if n is None else f"第{n}"


# A clause that goes on with the indicator before it, naming none of its own (`达到326.4亿元` after `地区生产总值增长7.5%`,
# `居全国第5位` after the count it ranks).
_GOES_ON = re.compile(r"^(?:(?:位居|位列|名列|居|排名?)(?=全|第|前|首|世界|中部|西部|东部|东北|同类)|"
                      r"达到|达|增长|增加|提高|下降|降低|降至|突破|超过|完成|实现|控制在|保持在|稳定在|占|同比|比上年|年均|其中)")


@dataclass(frozen=True)
class Check:
    """A checking turn: the figure it names ("" for none) and what else it states ("" for nothing)."""

    figure: str
    statement: str


_BOUND = re.compile(r"(?:左右|以上|以内|以下)$")


def unit_of(figure: str) -> str:
    """What a figure counts or measures, as written after its number (110万人以上: 人; 5.5%左右: %; 326.4亿元: 元)."""
    return re.sub(r"^[\d.\s]+|[多余]|万亿|亿|万|千|左右|以上|以内|以下", "", figure).replace("％", "%")


# Words that set a figure as a bound passed or not reached (突破, 超过, 不到, 接近): a comparison, not the figure itself;
# 不少于, 不低于 are how reports write a bound, and are checked as the figure is.
_PASSED = re.compile(r"(?:突破|超过|超出|(?<!不)超|破|(?<!不)过|达到|(?<!不)达|(?<!不)(?:高于|低于|多于|少于)|不到|不足|接近|逾|"
                     r"迈上|跨上)\s*$")
# A question asking whether a figure is so (国家今年GDP增长目标是不是5%以上？, …是5%吗): yes or no, of what it names.
_WHETHER = re.compile(r"是不是|是否|吗[？?。！!\s]*$|对吗|对不对")


def figure_asked(question: str) -> Check | None:
    """The figure a question asks whether the report gives (a share, an amount with its unit), or None."""
    said = to_simplified(unicodedata.normalize("NFKC", question))
    figure = _FIGURE.search(said) if _WHETHER.search(said) else None
    if figure is None or not re.search(r"[%％万亿元人吨斤个家项千]|百分点", figure.group(0)):
        return None
    if _PASSED.search(said[:figure.start()]):
        return None  # 突破2万亿元了吗 asks whether a bound was passed (20059亿元 passes it), not whether it is the figure
    return Check(figure.group(0).strip(), "")


def read_check(turn: str) -> Check | None:
    """The check a turn makes, or None when it is no check (a question of its own)."""
    said = to_simplified(unicodedata.normalize("NFKC", turn.strip()))
    said = _YUAN_SAID.sub(r"\1元", said)  # 5000块, 1万块钱: yuan as people say it, as reports write it (3块金牌 counts)
    # 八成, 一半: a share as people say it, in per cent as reports write it (not inside a word: 完成, 八成立)
    said = _TENTHS_SAID.sub(lambda m: f"{'一二三四五六七八九'.index(m.group(1)) + 1}0%", said)
    said = _HALF_SAID.sub("50%", said)
    m = _CHECK.match(said) or _STATED.match(said) or _WHETHER_FIGURE.match(said)
    if not m:
        return None
    subject = m.groupdict().get("subject") or ""  # (what is checked, named before 是不是)
    # (是不是已经…了: 已经 says the check is of a state reached, no word of what is checked)
    claim = re.sub(r"已经", "", subject + m.group("claim"))
    figure = _FIGURE.search(claim)
    if (rank := _rank(claim)) is not None and (not figure or claim[max(0, figure.start() - 1)] == "第"):
        # 全国排第五对吧, 是不是全国第5位 (a rank's digits are no figure): the rank checked
        # (人均预期寿命增幅是全国第一，真的吗: what is ranked is named, a question of its own)
        named = _FRAME.sub("", _RANK_SAID.sub("", claim))
        return Check(rank, claim if len(named) >= 2 else "")
    rest = _FRAME.sub("", _FIGURE.sub("", claim))
    if not figure and claim and not _STATED.match(said) and not re.fullmatch(r"[是的这那样个呀啊]*", claim):
        return None  # `有没有说房价吗`: a question with 吗, not a check of the answer
    if re.match(r"(?:比|和|跟|与|同)", claim) and not _STATED.match(said):
        return None  # a comparison (比2015年实际高吗) asks a question of its own
    if figure is None or _PASSED.search(claim[:figure.start()]):
        # `也就是说占了全国十分之一以上？`, `也就是说比去年快？`, `突破2万亿了吧`: the answer restated, answered again;
        # `城镇化率是不是已经过60%了`: what passed the bound is named, a question of its own
        return Check("", claim if subject else "")
    return Check(figure.group(0).strip(), claim if len(rest) >= 2 else "")


def _indicators(text: str, normalized: bool = True) -> list[str]:
    """A quote cut into what it says of each indicator: its clauses, a clause that goes on with the indicator before it
    joined to that one (normalized for search, unless not `normalized`)."""
    out: list[str] = []
    for clause in (c.strip() for c in figure_clauses(text)):  # (新签约项目2314个、签约额7477.6亿元: two indicators)
        said = for_search(clause) if normalized else clause
        if clause and out and _GOES_ON.match(clause):
            out[-1] += said
        elif clause:
            out.append(said)
    return out


def _asked_words(focus: tuple[tuple[str, float, bool], ...]) -> list[tuple[str, bool]]:
    """The question's words and whether each is a noun, the figure checked left out (it names nothing)."""
    return [(t, noun) for t, _, noun in focus if not re.fullmatch(r"[\d.%％]+", t)]


# An approximate figure (7000多亿, 30余万): more than it says, less than its next step (7000多亿: 7000亿 to 8000亿).
_ABOUT = re.compile(r"(?P<n>\d+)(?P<inner>万|千)?(?:多|余)(?P<scale>万亿|亿|万|千)?")
_STATED_VALUE = re.compile(r"(?P<n>\d+(?:\.\d+)?)\s*(?P<scale>万亿|亿|万|千)?")


def _within(approximate: re.Match, figure: str) -> bool:
    """Does a figure as a quote writes it (7477.6亿元) fall in the range an approximate one says (7000多亿)?"""
    n, inner = int(approximate.group("n")), magnitude_of(approximate.group("inner") or "")
    scale = magnitude_of(approximate.group("scale") or "") * inner  # (6万多亿: 6万亿 and up; 35万多: 35万 and up)
    step = 10 ** (len(str(n)) - len(str(n).rstrip("0"))) if n % 10 == 0 and inner == 1 else 1
    stated = _STATED_VALUE.search(figure)
    if stated is None:
        return False
    written = magnitude_of(stated.group("scale") or "")
    # (7000多 with no scale said: the number as the quote writes it, in the quote's own scale)
    value = float(stated.group("n")) * (written if approximate.group("scale") or approximate.group("inner") else 1)
    return n * scale <= value < (n + step) * scale


def _checked_value(check: Check) -> tuple[str, re.Pattern]:
    """The checked figure without its bound, as searched, and where a (normalized) text says it."""
    value = for_search(_BOUND.sub("", check.figure))
    return value, re.compile(rf"(?<![\d.]){re.escape(value)}(?![\d.])")


def states_checked(text: str, check: Check, focus: tuple[tuple[str, float, bool], ...]) -> bool:
    """Does a clause of `text` that names every noun of the question state the checked figure (完成45个老旧小区改造任务
    for 完成了45个老旧小区改造，对吗)?"""
    nouns = [t for t, noun in _asked_words(focus) if noun]
    value, said = _checked_value(check)
    return bool(value and nouns) and any(said.search(c) and all(covered(t, c) for t in nouns) for c in _indicators(text))


def _about(clauses: list[str], nouns: list[str]) -> list[str]:
    """The clauses that name the most of the question's nouns (at least one): 地区生产总值增长5%左右 is about the GDP's
    growth asked, 固定资产投资增长6%以上 names only its 增长."""
    named = [sum(covered(t, c) for t in nouns) for c in clauses]
    most = max(named, default=0)
    return [c for c, n in zip(clauses, named, strict=True) if most and n == most]


def with_verdict(answer: Answer, check: Check, focus: tuple[tuple[str, float, bool], ...]) -> Answer:
    """The thread's answer, opening with whether the report gives the checked figure for what was asked: yes where a
    clause naming the most of the question's nouns holds it, no where none of those does but another figure of its
    unit is there; no verdict where the answer cannot tell (no figure checked, the clauses name none of the
    question's nouns, or they give no figure of its unit)."""
    if answer.abstained or not answer.parts or not check.figure:
        return answer
    words = _asked_words(focus)
    nouns = [t for t, noun in words if noun] or [t for t, _ in words]
    if not nouns:
        return answer  # nothing asked of but the figure: no clause can be said to be about what was asked
    value, said = _checked_value(check)
    parts = [_indicators(p.text) for p in answer.parts]
    about = _about([c for part in parts for c in part], nouns)
    if not any(_FIGURE.search(c) for c in about):
        # (继续对困难家庭子女…给予资助，录取到本科院校的一次性补助1万元: the clause naming the most gives no figure; the
        # clauses with figures of the same part are what the figure checked is set against)
        figures = [c for part in parts if any(c in about for c in part) for c in part if _FIGURE.search(c)]
        about = _about(figures, nouns) or figures
    if check.figure.startswith("第"):  # a rank (全国排第五对吧): the rank a clause about what was asked states
        stated = next((r for c in about if (r := _rank(c))), None)
        if stated is None:
            return answer
        label = f"是的，报告写的是{check.figure}" if stated == check.figure else f"引文写的是{stated}，不是{check.figure}"
        return replace(answer, parts=(replace(answer.parts[0], label=label), *answer.parts[1:]))
    if not about or not value:
        return answer
    # the first figure of each clause naming what was asked, as the quote writes it
    written = [m.group(0) for p in answer.parts for c in _indicators(p.text, normalized=False)
               if for_search(c) in about and (m := _FIGURE.search(c))]
    unit = unit_of(check.figure)
    if unit:  # 100万人 is checked against 110万人以上, not the 5.5% beside it; 45个 is not told by 9万平方米 alone
        written = [f for f in written if unit_of(f) in (unit, "")]  # (105亿元 against 100亿: a unit left unsaid)
    if unit == "%":  # a share is checked against a share (849座公园 is no 80%): the quote's own, where one is said
        written = [f for f in written if unit_of(f) == unit] or [
            m.group(0) for p in answer.parts for c in _indicators(p.text, normalized=False)
            if any(covered(t, for_search(c)) for t in nouns) for m in _FIGURE.finditer(c) if unit_of(m.group(0)) == unit]
    bound = _BOUND.search(check.figure)  # 5%以上 is not 5%左右: a bound said is checked too
    stated = next((f for f in written if said.search(for_search(f))), "")
    approximate = _ABOUT.fullmatch(re.sub(r"[^\d多余万亿千]", "", check.figure))
    if approximate and unit:  # (35万多人: against a figure of people)
        written = [f for f in written if unit_of(f) in (unit, "")] or written
    if approximate and written:  # 7000多亿: 7477.6亿元 is that
        near = next((f for f in written if _within(approximate, f)), None)
        scale = (approximate.group("inner") or "") + (approximate.group("scale") or "")
        scaled = [f for f in written if scale and scale in f] or written  # (亿 against 亿元)
        label = f"是的，报告写的是{near}" if near else f"引文写的是{scaled[0]}，不是{check.figure}"
    elif bound and stated and not stated.endswith(bound.group(0)):
        label = f"引文写的是{stated}，不是{check.figure}"
    elif any(said.search(c) for c in about):
        label = f"是的，报告写的是{check.figure}"
    elif written:
        label = f"引文写的是{written[0]}，不是{check.figure}"  # (of the quote: another passage may say otherwise)
    else:
        return answer
    first = replace(answer.parts[0], label=label)
    return replace(answer, parts=(first, *answer.parts[1:]))
