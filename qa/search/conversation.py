"""Follow-up questions: what the previous turns were about, carried into a question that leaves it out.

"今年地区生产总值增长目标是多少？" then "固定资产投资呢？" means "今年固定资产投资增长目标是多少？";
"陕西2025年城镇新增就业目标是多少？" then "山西呢？" asks the same of Shanxi; "壶口景区去年接待了多少游客？"
then "比前年多吗？" compares with the year before. A question that names its own place or year starts
fresh; one that names neither keeps the thread's (粮食生产有什么要求 after a question about 浙江), except a
market forecast, which no report makes. Only the user's own words are needed, so the chat,
its API (a list of {"role", "content"} messages) and `qa chat` all resolve follow-ups the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from qa.common.asking import (
    COMPARING_EN,
    CONTRASTS,
    FIGURE_PHRASE,
    FORECAST,
    HAVING_GROUNDS,
    LIST_COUNTED,
    ORDINAL,
    SUM_WORDS,
    alternation,
    contrast_swapped,
    count_of,
    leading_contrast,
    ordinal_asked,
)
from qa.common.asking import words as asking_words
from qa.common.normalize import to_simplified
from qa.common.places import word_count
from qa.common.years import YEAR_EN, YEAR_MENTION, YEAR_NIAN, years_in
from qa.search.query import measure_word_apart, names_a_thing, tagged_words
from qa.search.question import BY_NOW, HOW, NOW, PLAN_WORDS, WHY, Reader, Reading, without_names

_HOW_MANY = alternation(asking_words("figure"))  # 多少, 几: the words that ask for a figure
# A short question that only swaps one thing: `固定资产投资呢？`, `那农村呢`, `山西的呢`, `2023年呢？`
_SWAP_TO = r"(?:换成|换到|改成|改为)"
_SWAP = re.compile(rf"^(?:那个|那么?|那|还有|另外)?{_SWAP_TO}?"
                   r"(?P<item>.{1,16}?)(?:的情况|的时候|时候|的)?呢[?？。!！]*$|"
                   rf"^(?:那么?|那)?{_SWAP_TO}(?P<item2>.{{1,16}}?)(?:的情况|的话|的)?[?？。!！]*$")  # 换成云南
# A swap, then a clause that only asks the thread's count again (`换成内蒙古看看，改了多少个？`, `…，有多少`): the swap is the
# question (a clause asking a year, a target, a rank or a reason of its own is no repeat: `换成内蒙古，今年要改多少个`).
# How many asked at a clause's end, with the measure word (改了多少个, 推进几个, 有多少).
_COUNT_TAIL = r"(?:了|过)?(?:多少|几)[个件项家座所条台套万亿人元]{0,2}"
_SWAP_THEN = re.compile(rf"^(?:那么?|那)?{_SWAP_TO}(?P<item>[^，,。？?！!]{{1,16}}?)(?:的话|的情况|的)?(?:[，,]\s*|(?=(?:又|还)?[是有]))"
                        rf"(?P<rest>[\u4e00-\u9fff]{{0,6}}?{_COUNT_TAIL})[?？。!！]*$")
# A swap, then a question of its own (`换成湖南，增幅是多少`): that question, of what is swapped in.
_SWAP_WITH = re.compile(rf"^(?:那么?|那)?{_SWAP_TO}(?P<item>[^，,。？?！!]{{1,16}}?)(?:的情况|的)?[，,]\s*(?P<rest>[^，,\s].*)$")
# A condition said first (`换成湖南的话，增幅是多少`, `湖南的话呢`, `如果是2016年的话`): 的话 closes it as a comma does,
# and 如果是/要是 only lead to it (facts of the language).
_CONDITION = re.compile(rf"^(?:那么?|那)?(?:如果是?|要是|假如是?)?{_SWAP_TO}?(?P<item>[^，,。？?！!\s]{{1,16}}?)的话呢?[，,]?\s*")
# The same in English: `And Yunnan?`, `What about 2016?`, `and the grain output target?`
_SWAP_EN = re.compile(r"^(?:and|what about|how about)\s+(?:the\s+|for\s+)?(?P<item>[^?]{1,60}?)\s*\??$", re.I)
# A place, a year or a noun said alone after the words that go on or look (`那贵州`, `再看2017年的`, `那粮食产量`): it
# swaps as `贵州呢` does (what is said must be that and nothing else, checked when read).
_BARE_SWAP = re.compile(r"^(?:那么?|那|再看看?|再来看看?|再说说|换|还有)(?P<item>[^，,。？?！!\s]{2,12}?)(?:的)?[?？。!！]*$")
# A question that opens by going on from the last one: `那失业率要控制在多少`, `还有粮食产量呢`.
_GOES_ON = re.compile(r"^(?:那个|那么?|还有|另外|然后)(?!些)")
# A two-digit year in a thread about 20xx (`13年的目标呢` after `2012年…`).
_SHORT_YEAR = re.compile(r"(?<![\d.])(\d{2})年")
# Another year, and the thread's figure asked of it in no words of its own (`2015年是多少？`, `到2015年涨到多少了`,
# `到了2018年呢`): as `2015年呢` (到 and 在 only lead to the year; a year's report, `2014年报告里`, may be another year's
# figure: left alone).
_YEAR_ASKED_AGAIN = re.compile(rf"^(?:那么?|那)?(?:到了?|在)?(?P<year>{YEAR_MENTION.pattern})的?"
                               r"(?:(?:是|有|为|达到|涨到|增加到|增长到)?了?(?:多少|几)(?:了|呢)?|(?<=年)(?:的时候|那年|那一年|那时候?)?呢)"
                               r"(?=[？?。，,]|$)")
_ELLIPTIC = re.compile(r"^(?:那么?|那)?(?:比|和|与|跟|拿)(?P<rest>.{1,20})$")  # `比前年多吗？`, `和去年比呢`, `拿…比一比`
# The thread's figure set against the one another year's report gives (`和2014年报告比呢`, `拿2019年报告里的比一比`): the
# same indicator as that report states it (its plan, where the thread asked a target), not that year's result.
_OTHER_REPORT = re.compile(r"^(?:那么?|那)?(?:和|与|跟|拿)\s*(?P<year>(?:19|20)\d\d)年的?(?:那份|这份|那一份)?报告")
_YEAR_WORD = YEAR_MENTION
_ASKING = re.compile(rf"(?:是|有|为)?{FIGURE_PHRASE}")
# Words that mark where a question's topic ends: its frame (增长目标是多少), and the words for "now" (普及率现在多少).
_FRAME = re.compile(r"增长|增速|目标|预期|计划|打算|准备|任务|是|有|要|达到|完成|多少|几|的|了|怎么|如何|情况|"
                    r"多[长大高远久宽深重]|加起来|合起来|"
                    r"现在|現在|目前|当前|當前|如今|眼下")


@dataclass(frozen=True)
class Resolved:
    """A question as it will be searched, and how the answer names it (`（接上题：…）`) when it follows up."""

    question: str
    carried: str = ""  # the question as understood, shown with the answer; "" when the question stands alone
    more: int = 0  # asks what the report says after the answer to `question` (展开说说, 还有呢): how many times in a row
    topic: str = ""  # a swapped-in item asked as a topic of its own, where the swap reads as the thread's measure of it
    way_of: str = ""  # asks how or why of the thread's figure (怎么做到的): the thread's question


def user_questions(history: list[dict] | list[str]) -> list[str]:
    out = []
    for m in history or []:
        if isinstance(m, str):
            out.append(m)
        elif isinstance(m, dict) and m.get("role") == "user" and isinstance(m.get("content"), str):
            out.append(m["content"])
    return [q for q in out if q.strip()]


def resolve(question: str, history: list[dict] | list[str], read: Reader, many_reports: bool = True) -> Resolved:
    """The question to search, given the user's earlier questions (oldest first).

    Args:
        history: earlier messages (`{"role": "user"|"assistant", "content": …}`) or just the user's questions.
        read: the session's reader (each text is read once, however many turns refer to it).
        many_reports: the library holds several reports (a place/year left out is then carried over).
    """
    previous = user_questions(history)
    if not previous:
        return Resolved(question)
    prior = resolve_chain(previous, read, many_reports)  # itself resolved against its own past
    return _resolved(question, previous, prior, read, many_reports)


# A turn that says it changes the subject (换个话题, 另外问一下, by the way): what it names is asked afresh.
_NEW_SUBJECT = re.compile(r"^(?:好的?|嗯|那)?[，,]?(?:(?:换|转)(?:个|一个|一下)(?:话题|问题)|(?:另外|顺便)问(?:一下|一句|个事))"
                          r"[吧，,：:。\s]*|^(?:by the way|on another (?:topic|note)|another question)[,:\s]*", re.I)


def _resolved(question: str, previous: list[str], prior: str, read: Reader, many_reports: bool) -> Resolved:
    """`question` resolved against the thread's questions (`previous`), the last of them resolved as `prior`."""
    asked = question.strip()
    new = _NEW_SUBJECT.match(asked)
    afresh = asked[new.end():] if new else ""
    if afresh and read(afresh).places and not _SWAP.match(afresh) and names_a_thing(afresh):
        # 换个话题，河南高新技术企业有多少家: a place and a thing of its own, nothing carried (另外问一下，河南呢 still swaps)
        return Resolved(afresh)
    again = _SWITCH_THEN_ASKED.fullmatch(asked)
    if again and _asked_again(again.group("asked"), prior) \
            and (read(again.group("switch")).places or _YEAR_WORD.search(again.group("switch"))):
        question = again.group("switch")  # `湖北呢，新建多少？`: the thread's figure of 湖北, asked again bare
    resolved = _resolve(question, previous, prior, read, many_reports)
    m = _POINTED.search(resolved.question)
    if m and _POINTED.search(question):
        # `2017年定的目标比这个多多少？`: `这个` is the figure the thread asked for, named in its words.
        thread = _ASKING.sub("", prior).rstrip("？?。，,的了呢吗")
        compared = f"{resolved.question[:m.start()]}{m.group('how')}{thread}的{resolved.question[m.end():]}"
        return Resolved(compared, _shown(compared))
    said = _REPORT_NAMED.search(question)
    year = said.group("year") + "年" if said else ""
    switched = _report_switched(question, said, prior) or _years_moved(question, prior)
    if switched is not None:
        return Resolved(switched, _shown(switched))
    if said and resolved.carried and names_a_thing(question[said.end():]) and year in resolved.question \
            and not re.search(f"{year}的?(?:政府工作)?报告", resolved.question):
        # `2015年报告里社零完成了多少` keeps its report: 2015 names the report (its review is of 2014), not the year asked
        question = resolved.question.replace(year, f"{year}报告里", 1)
        return replace(resolved, question=question, carried=_shown(question))
    return resolved


def _report_switched(question: str, said: re.Match | None, prior: str) -> str | None:
    """`2015年报告里又是多少条`, `那2016年报告说的呢` after a question of a report named by its year: the same question of
    the report the turn names, each year it asks about moved as far as the report's (2017年报告里，2016年… asked of the
    2016 report is of 2015: a report reviews the year before it); None where the turn names a thing of its own or
    compares (两年差多少), or the thread names no report."""
    before = _REPORT_NAMED.search(prior)
    rest = question[:said.start()] + question[said.end():] if said else ""
    if said is None or before is None or _COMPARED.search(rest) or names_a_thing(rest) or _measure_said(rest):
        return None  # (两年差多少 compares the two, 目标呢 asks another measure: read as such below)
    shift = int(said.group("year")) - int(before.group("year"))
    if not shift:
        return None
    year = before.end("year")
    moved = _moved_years(prior[before.end():], int(before.group("year")), shift)
    return f"{prior[:before.start()]}{said.group('year')}{prior[year:before.end()]}{moved}"


def _measure_said(text: str) -> bool:
    """Does a turn name a figure's measure (目标, 总量, 增速…): another question of the thread's indicator?"""
    return any(w in text for words in MEASURES.values() for w in words)


def _moved_years(text: str, report: int, shift: int) -> str:
    """The years a report plans or reviews (its own, the one before) moved with it; a horizon (2035年) stays."""
    return re.sub(r"(?<!\d)((?:19|20)\d\d)(?=年)",
                  lambda m: str(int(m.group(1)) + shift) if int(m.group(1)) in (report, report - 1) else m.group(1), text)


def _years_moved(question: str, prior: str) -> str | None:
    """`前一年呢` after `2015年报告里，2014年…`: the thread's question a year earlier, its report with it (2014年报告里，
    2013年…: a report reviews the year before it); None for any other turn, or a thread naming no report and year."""
    m = _NEIGHBOUR_YEAR.search(question)
    report = _REPORT_NAMED.search(prior)
    if m is None or report is None or len(set(YEAR_NIAN.findall(prior))) < 2 or _COMPARED.search(question) \
            or names_a_thing(_NEIGHBOUR_YEAR.sub(" ", question)) or _measure_said(question):
        return None
    return _moved_years(prior, int(report.group("year")), year_step(m))


# A year's report named in a turn (2015年报告里…, 2018年那份报告): the year is the report's.
_REPORT_NAMED = re.compile(r"(?P<year>(?:19|20)\d\d)年的?(?:(?:那|这)一?份(?:报告)?|(?:政府工作)?报告)(?:里面|里|中|上)?")


# Asking for details (展开讲讲, 细说, 讲细一点: 细 is 详细): words that only ask how much to say of what a turn names.
_DETAIL_SAY = r"(?:细|具体|详细|展开)(?:说|讲|聊)"
_DETAIL_DEGREE = r"(?:讲|说|介绍)得?(?:详细|具体|细|清楚)(?:一)?[点些]"
# A turn asking for the details of what it names (治堵那块再讲细一点, 管网改造那部分展开讲讲).
DETAIL_ASKED = re.compile(f"{_DETAIL_SAY}|{_DETAIL_DEGREE}|细节")
# Words that only point or look: `换成山东看看`, `辽宁那边呢` (the place is what is said).
_FILLERS = re.compile(r"(?:换|转)(?:个|一个|一下)话题[，,]?|(?:另外|顺便|再)问(?:一下|一句|个事)[，,]?|"
                      # (再问个教育方面的: which field the next question is in, said before it)
                      r"(?:另外|顺便|再)问(?:个|一个)[\u4e00-\u9fff]{1,4}(?:方面|领域)的?(?:事|问题)?[，,：:]|"
                      r"看看|看一下|瞧瞧|(?<=[\u4e00-\u9fff])(?:那边|这边|那儿|这儿|那里|这里)(?=的?(?:呢|情况|[?？。]|$))|"
                      r"(?:再|我再|想再)?问问[，,]?|再问一下[，,]?|" + _DETAIL_SAY + r"(?:说|讲|聊|一下|下)?|"
                      r"(?<=[\u4e00-\u9fff])[这那](?:块|部分|方面)(?=的?(?:呢|情况|[?？。，,]|$|能不能|能否|可以|再|请|具体|详细|细|展开))|"
                      r"(?:能不能|能否|可以|请|再)*" + _DETAIL_DEGREE + "|"
                      # the year's report pointed at (2018年那份呢, 2014年报告里…): the year says it
                      r"(?<=年)的?(?:(?:那|这)一?份(?:报告)?|报告)(?:里面|里|中|上)?|"
                      # the thread's figure pointed at inside the turn (…这个数是多少), not set against it (比这个数)
                      r"(?<=[\u4e00-\u9fff])(?<![比和跟与较])(?:这|那)(?:个|一)数(?:字)?(?=是|有|为|[?？。]|$)|"
                      # …the place's figure asked (辽宁那边的数呢, 湖南这边的数字是多少): the place is what is said
                      r"(?<=[\u4e00-\u9fff])(?:那边|这边|那里|这里|那儿|这儿|那邊|這邊|那裡|這裡)?的[数數](?:字|据|據|值)?"
                      r"(?=是多少|是几|有多少|呢|[?？。]|$)")
# Words that point at the thread's place (`那里去年接待游客多少`, `这个省的粮食产量目标`, `当地的特色产业`): the place a
# turn names none of is the thread's, carried with it, so the words go.
_AT_PLACE = re.compile(r"(?:那里|那边|那儿|这里|这边|这儿|当地|(?:该|这个|那个|本|这)(?:自治区|自治州|省|市|县|区|州|盟|旗|地方?)"
                       r"(?!场|级|委|长|域|属|会))的?")
# A turn that only asks for more (`展开说说`, `还有呢`, `详细点`, `能再多讲一些吗`, `说得再具体些`, `具体有哪些`): made only of
# words that open or soften a request (请, 能不能, 除了这些), of degree (再, 多, 具体, 详细, 展开), of saying (说, 讲, 介绍,
# 说明), of amount and mood (点, 些, 一下, 吗, 呢), and of what else there is (还有别的, 其他, 然后, 继续) — a closed class of
# the language's words, with at least one asking for more: the answer goes on where it stopped.
_MORE_OPEN = (r"除了?(?:这些|这个|以上|上面的?|刚才的?)(?:以外|之外)?|除此之外|此外|另外|那么|那|好的?|嗯|请|麻烦|"
              r"能不能|能否|可不可以|可以|能|你|您|帮我|给我|再给我")
_MORE_ASK = (r"再|多|更多?|具体|详细|详尽|仔细|深入|进一步|展开|细|说|讲|聊|谈|介绍|说明|解释|讲解|阐述|补充|"
             r"还有(?:什么|哪些|别的|其他|其它|没有)?的?(?:措施|举措|办法|内容)?|其他|其它|别的|然后|继续|接着|接下来|往下|后面|细节|"
             r"内容(?:是什么|有哪些)?|信息|有哪些")
_MORE_MOOD = r"点|些|一点|一些|一下|下|得|的|了|是|吗|呢|吧|啊|呀|嘛|一步"
_MORE_RUN = rf"(?:{_MORE_OPEN}|{_MORE_MOOD})*(?:{_MORE_ASK})(?:{_MORE_OPEN}|{_MORE_MOOD}|{_MORE_ASK})*"
_MORE_EN = (r"(?:please |can you |could you )?(?:tell me |say |give me )?(?:some |any )?more"
            r"(?: details?| info(?:rmation)?| about (?:it|that|this))?|(?:what|anything) else|go on|continue|keep going|"
            r"(?:(?:can|could) you (?:please )?)?(?:elaborate|expand|go on|say more|tell me more)(?: on (?:it|that|this))?|"
            r"details(?: please)?")
_MORE = re.compile(rf"(?:(?:{_MORE_OPEN}|{_MORE_MOOD})+[，,\s]*)?{_MORE_RUN}(?:[，,。？?！!\s]*{_MORE_RUN})*[，,。？?！!\s]*|"
                   rf"(?i:{_MORE_EN})(?: please)?[.?!\s]*")
# A follow-up that opens pointing back at the thread's figure (`它今年的目标呢`, `这个数字今年要做到多少`): the thread
# says what it is, the rest of the turn what is asked of it.
_BACK = re.compile(r"^(?:那么?|那)?(?:它们?的?|这个数字?|这一数字|那个数字?|这[项个一]指标|(?:这|那|该)(?:个|项|一)?(?=目标|指标))"
                   r"(?=[\u4e00-\u9fff])")
# A turn that opens pointing at the thread's topic by one of its nouns (`这个规模全国排第几`, `该目标…`): the noun is
# the thread's, said in the thread's words.
_THIS = re.compile(r"^(?:那么?|那)?(?:(?:这|這|该|該)(?:个|個|项|項|一|些|条|條|座|片)?|那(?:个|個|项|項|一|些|条|條|座|片))"
                   r"(?=[\u4e00-\u9fff]{2})")  # (那就业呢: 那 goes on)
# Whether a target was met (`实现了吗`, `完成了没有`, `达到了吗`): asks what the year came to.
_MET = re.compile(r"(?:实现|完成|达到|做到|达成|达标)了?(?:吗|没有|没|了没)")
# `比这个多多少`, `和它比`: the figure of the turn before (a comparison of this turn's with it).
_POINTED = re.compile(r"(?P<how>比|和|跟|与)(?:这个|这一?数|这|它的?|那个|前者|刚才的?|上面的?)(?:数字|数)?的?")


def _said_once(phrase: str, rest: str) -> str:
    """The thread's topic, then the turn's words, the noun they share said once (核电规模 + 规模全国排第几); a change the
    turn names by its measure is said once too (事故起数下降 + 降幅…: 事故起数降幅)."""
    if re.match(r"降幅|增幅|增速|涨幅|增长率", rest):
        phrase = re.sub(r"(?:下降|增长|提高|上涨|减少|增加)了?$", "", phrase)
    for n in range(min(len(phrase), len(rest)), 1, -1):
        if rest.startswith(phrase[-n:]):
            return phrase + rest[n:]
    return phrase + rest


def _pointing(q: str, now: Reading, before: Reading, prior: str) -> str:
    """`这个规模全国排第几` after `山东在建的核电规模有多大`: the thread's place, year and topic, then what is asked of it;
    "" when the turn does not open by pointing at a noun, or it names a place of its own."""
    m = _THIS.match(q)
    if not m or now.places or not before.places:
        return ""
    rest = q[m.end():]
    words = tagged_words(rest)
    phrase = topic_phrase(before, prior)
    if not words or not phrase:
        return ""
    word, flag = words[0]
    context = _context_of(before, prior, keep_year=not _YEAR_WORD.search(rest))
    several = "些" in m.group(0)  # (这些目标是怎么考虑的 asks of all the targets, not the thread's one)
    if flag[:1] in ("n", "v") and len(word) >= 2 and word in to_simplified(prior) and not several:
        return f"{context}{_said_once(phrase, rest)}"
    thing = any(f[:1] == "n" for _, f in tagged_words(phrase))
    if flag[:1] == "n" and thing and (word in _ANY_KIND or len(word) == 1 and phrase.endswith(word)):
        # `这项工程要投多少钱`, `这些路加起来多长` after `…新建改造多少条城市道路`: the kind pointed at is the thread's
        # thing (工程 or 项目 of any thing, 路 of 城市道路: the head it ends in), named in its place
        return f"{context}{phrase}{rest[len(word):]}"
    return ""  # (那个失业率呢 after a GDP question names a new topic: it points at nothing of the thread's)


def _part_pointed(q: str, now: Reading, before: Reading, prior: str) -> str:
    """`其中环二环的那条多长` after `北京去年建成了多少公里绿道`: a pointer with its measure word and no noun, after what
    picks one out (环二环的那条), stands for the thread's thing (…环二环的绿道多长); the turn as it was otherwise."""
    m = _PART_POINTER.search(q)
    if not m or now.places or not before.places:
        return q
    phrase = topic_phrase(before, prior)
    return f"{q[:m.start()]}的{phrase}{q[m.end():]}" if len(phrase) >= 2 else q


_PART_POINTER = re.compile(r"(?<=[\u4e00-\u9fff])的(?:那|这|這)(?:条|條|座|家|所|批|片|处|處)(?=多|是|有|在|的|[？?，,。]|$)")


# The level of place a pointer names (这个省, 该市, 这个县).
_LEVEL_POINTED = {"省": "provincial", "自治区": "provincial", "市": "city", "州": "city", "盟": "city", "自治州": "city",
                  "县": "county", "旗": "county"}


def _place_of_level(pointer: str, thread: Reading) -> str:
    """The thread's place a pointer names, where the thread names places of two levels (这个省 after 广东南沙港…: 广东, not
    广东南沙); "" where the thread's place is carried whole."""
    level = _LEVEL_POINTED.get(re.sub(r"^(?:该|这个|那个|本|这)|的$", "", pointer))
    if level is None or len(thread.places) < 2 or len(thread.places) != len(thread.place_names):
        return ""
    inner = max(thread.places, key=lambda p: len(p.code))  # (这个市 after 四川成都…: the thread's place as carried)
    return next((name for p, name in zip(thread.places, thread.place_names, strict=True)
                 if p.level == level and p != inner and inner.code.startswith(p.code)), "")


# Kinds that fit any thing a thread names (这项工程, 这个项目, 这件事): the pointer's noun is the thread's thing.
_ANY_KIND = frozenset("工程 项目 事 事情 东西".split())


def _resolve(question: str, previous: list[str], prior: str, read: Reader, many_reports: bool) -> Resolved:
    # a plan's period in quotation marks (“十二五”期间) is that period: the marks carry nothing a swap should keep
    prior, question = (_QUOTED_PERIOD.sub(r"\1", t) for t in (prior, question))
    question = _swap_said(question, prior, read)
    if _MORE.fullmatch(question.strip()):  # `展开说说`, `还有呢`: what the report says after the last answer
        again = next((i for i, q in enumerate(reversed(previous)) if not _MORE.fullmatch(q.strip())), len(previous))
        return Resolved(prior, _shown(prior), more=again + 1)
    said = _chinese_follow_up(question.strip(), read(question.strip()), read(prior))
    if said:  # `What about the year before?` after a Chinese question: the Chinese follow-up it is (`前一年呢`)
        resolved = _resolve(said, previous, prior, read, many_reports)
        return resolved if resolved.carried else Resolved(question)
    # (fillers dropped twice: in 高铁那块细说一下, 那块 is one only once 细说一下 is gone)
    unfilled = _FILLERS.sub("", _FILLERS.sub("", question.strip()))
    named = read(unfilled).place_names
    if not named and read(prior).places:
        level = _AT_PLACE.search(unfilled)
        one = _place_of_level(level.group(0), read(prior)) if level else ""
        if one and _own_topic(_AT_PLACE.sub("", unfilled)):  # 这个省去年全省接待了多少游客 after 广东南沙港…: 广东's
            year = "" if _says_when(unfilled) else "".join(_YEAR_WORD.findall(prior)[:1])
            pointed = unfilled.replace(level.group(0), one + year, 1)
            return Resolved(pointed, _shown(pointed))
        unfilled = _AT_PLACE.sub("", unfilled) or unfilled
    for name in named:  # 这个自治区的固原 is 固原 (a place inside the thread's), 西藏那边 is 西藏, and 西藏这一项 the
        # thread's indicator, of 西藏
        unfilled = re.sub(rf"{_AT_PLACE.pattern}(?={re.escape(name)})", "", unfilled)
        unfilled = re.sub(rf"(?<={re.escape(name)})(?:那边|那里|那儿|这边|这里|这儿)*(?:的?(?:这|那)一?(?:项|个)(?:指标|数字?)?)?",
                          "", unfilled)
    if not unfilled.strip(" ，,。？?！!"):  # `再问问` alone: the thread's question again, not a topic called 再问问
        return Resolved(prior, _shown(prior))
    q = _full_years(_BACK.sub("", unfilled) or question.strip(), prior)
    q = _part_pointed(q, read(q), read(prior), prior)
    swapped_then = _SWAP_THEN.match(q)
    if swapped_then and _asks_again(swapped_then.group("rest"), prior):
        q = f"{swapped_then.group('item')}呢"  # `换成内蒙古，改了多少个？`: the thread's question asked again, of 内蒙古
    bare = _BARE_SWAP.match(q)
    if bare and not _SWAP.match(q) and (_only_place_or_year(bare.group("item"), read) or _noun_only(bare.group("item"))):
        q = f"{bare.group('item')}呢"  # `那贵州` is `贵州呢`
    if not _SPAN_SAID.search(prior):  # (到2018年呢 after 2014年以来累计…: the span's end, left to be read as such)
        q = _YEAR_ASKED_AGAIN.sub(lambda m: f"{m.group('year')}呢", q, count=1)
    first, rest = (q.split(m.group(0), 1)[0] + m.group(0), q[m.end():].strip()) if (m := re.search(r"[？?](?=.)", q)) \
        else (q, "")
    if rest and len(rest) <= 12 and _SWAP.match(first) and (_COMPARED.search(rest) or _MOVED_BY_HOW_MUCH.match(rest)
                                                            or re.match(rf"{_BOTH.pattern}(?:{_WHICH_OR_GAP})", rest)) \
            and not read(first).places:
        # Two questions in one turn, `农村的呢？差多少`: the swap resolved, the comparison asked of it
        # (`山西呢？哪个多` sets another place against the thread's: a comparison across reports, below).
        swapped = resolve(first, [prior], read, many_reports)
        if swapped.carried:
            old, new = topic_phrase(read(prior), prior), topic_phrase(read(swapped.question), swapped.question)
            was, now_said = _YEAR_WORD.findall(prior)[:1], _YEAR_WORD.findall(swapped.question)[:1]
            if old and new and old != new:  # both sides named in parallel: 城镇居民收入和农村居民收入差多少
                carried = _ASKING.sub("", prior.replace(old, f"{old}和{new}", 1)).rstrip("？?。，,的了呢") + rest
            elif was and now_said and was != now_said and YEAR_NIAN.search(was[0]) and YEAR_NIAN.search(now_said[0]):
                # `2017年呢？哪年多` after …2016年…: both years, then which (去年 against 2024年 may be one year)
                carried = f"{prior.replace(was[0], f'{was[0]}和{now_said[0]}', 1).rstrip('？?。')}，{rest}"
            else:
                carried = f"{swapped.question.rstrip('？?。')}，{rest}"
            return Resolved(carried, _shown(carried))
    if rest and _AGAINST_YEAR.fullmatch(rest) and not read(first).places:
        # `今年计划建几个？比去年多吗？`: the first question resolved, then set against the year it names
        asked = resolve(first, [prior], read, many_reports)
        if asked.carried:
            carried = f"{asked.question.rstrip('？?。')}，{rest}"
            return Resolved(carried, _shown(carried))
    item = _item_follow_up(q, prior)
    if item:
        return Resolved(item, _shown(item))
    counted = _count_follow_up(q, prior) or _which_of_count(q, prior)
    if counted:
        return Resolved(counted, _shown(counted))
    now, before = read(q), read(prior)
    named = _named_subject(q, prior, now, before)
    if named:
        return Resolved(named, _shown(named))
    pointed = _pointing(q, now, before, prior)
    if pointed:
        return Resolved(pointed, _shown(pointed))
    moved, comparing = _YEARS_MOVED.match(q), _ONLY_COMPARING.match(q)
    earlier = read(resolve_chain(previous[:-1], read, many_reports)) if len(previous) >= 2 and (moved or comparing) \
        else None
    if moved and earlier and set(before.places) == set(earlier.places) and len(before.years) == len(earlier.years) == 1 \
            and before.years != earlier.years:
        # `这几年涨了多少人` after one year's figure and another's, of one place: the gap between them (两年差多少人)
        both = _both_sides(f"两年差{moved.group('ask')}", before, prior, earlier)
        if both:
            return Resolved(both, _shown(both))
    if earlier and comparing and _measure_again(comparing.group("measure"), prior):
        both = _both_sides(q, before, prior, earlier)
        if both:
            return Resolved(both, _shown(both))

    measured = _english_measure_follow_up(q, now, before, prior)
    if measured:  # `growth rate?`, `How big is it in total?` after an English question: its indicator, that measure
        return Resolved(measured, _shown(measured))
    m = _SWAP_EN.match(q)
    if m and before.english:
        # `and in the 2012 one?`, `what about for its 2016 report?`: the year or place said, without its frame
        item = re.sub(r"^(?:in|for|from|of)\s+(?:the\s+|its\s+|their\s+)?", "", m.group("item").strip(), flags=re.I)
        item = re.sub(r"\s+(?:one|ones|report|reports)$", "", item, flags=re.I) or m.group("item").strip()
        new = read(item)
        if new.places:
            swapped = swap(before, prior, item, read)
            return Resolved(swapped, _shown(swapped))
        thread_years = years_in(prior)
        step = re.fullmatch(r"(?:the\s+)?(?:(?:year|one)\s+(?P<before>before)|(?P<previous>previous|preceding)\s+year|"
                            r"(?:year|one)\s+after|(?:following|next)\s+year)", item, re.I)
        if step and len(thread_years) == 1:  # `and the year before?` after `…in 2017?`: 2016
            item = str(thread_years[0] + (-1 if step.group("before") or step.group("previous") else 1))
        year = YEAR_EN.fullmatch(item)
        if year:  # `And in 2012?`: the thread's question asked of that year
            said = YEAR_EN.search(prior)
            carried = (f"{prior[:said.start('year')]}{year.group('year')}{prior[said.end('year'):]}" if said else
                       f"{prior.rstrip('?？. ')} in {year.group('year')}?")
            return Resolved(carried, _shown(carried))
        context = " ".join(dict.fromkeys([*before.place_names, *re.findall(r"this year|last year|\b20\d\d\b", prior, re.I)]))
        if context:
            carried = f"{context} {item}"
            return Resolved(carried, _shown(carried))

    if before.english and now.english and before.places and not now.places and _POINTER_EN.search(q) \
            and not COMPARING_EN.search(q):
        # `How much did it actually grow in 2024?` after `…Hebei's 2025 target for fixed-asset investment growth?`:
        # `it` is the thread's indicator, said where the pronoun was
        topic = _english_topic(prior, before)
        if topic:
            carried = f"{' '.join(before.place_names)} {topic}: {_POINTER_EN.sub(' ', q)}"
            carried = re.sub(r"\s+", " ", carried).strip()
            return Resolved(carried, _shown(carried))
    if before.english and before.places and any(p not in before.places for p in now.places) and COMPARING_EN.search(q):
        # `Is that higher than Hebei's?` after a question about Henan: the thread's question, set against Hebei.
        carried = f"{prior.rstrip('?？. ')}, {q}"
        return Resolved(carried, _shown(carried))
    if now.places and before.places and set(now.places) != set(before.places) and not now.level \
            and (WHY.search(q) or _BASIS.search(q)):
        # `那浙江定5.5%左右的理由是什么` after why 湖北's growth target is 6%: the thread's target, of that place
        rest = _GOES_ON.sub("", without_names(q, now.place_names)).lstrip("的")
        phrase = topic_phrase(before, prior) if not _own_topic(_WAY_WORDS.sub(" ", rest)) else ""
        if phrase:
            phrase = _with_its_measure(phrase, prior)
            year = "" if _YEAR_WORD.search(q) or BY_NOW.search(q) else "".join(_YEAR_WORD.findall(prior)[:1])
            place = "".join(now.place_names)
            carried = f"{place}{year}{_said_once(phrase, rest)}"
            # (the figure whose coming about is asked is that place's: 那山西靠什么做到的 after 河北去年粮食总产)
            figure = f"{place}{year or ''.join(_YEAR_WORD.findall(q)[:1])}{phrase}"
            return Resolved(carried, _shown(carried), way_of=figure)
    compared = _compared_place(q, now, before, prior)
    if compared:
        return Resolved(compared, _shown(compared))
    left_out = _topic_left_out(q, now, before, prior, asks_figure=True)
    if left_out:  # (before the swaps: `浙江去年实际增长了多少呢` is no swap of a year; `明年的目标呢` is, below)
        return Resolved(left_out, _shown(left_out))
    m = _SWAP.match(q)
    if m and not _ELLIPTIC.match(q):  # `和去年比呢？` compares with the thread, it swaps nothing
        item = (m.group("item") or m.group("item2")).strip()
        situation = re.search(r"的?情况$", item) if len(item) > 4 else None
        swapped = swap(before, prior, item[:situation.start()] if situation else item, read)
        if swapped and situation:  # `失业率情况呢？` after `…新增就业多少`: how it stands, not only a figure
            swapped = f"{_ASKING.sub('', swapped).rstrip('？?。的')}情况怎么样"
        if swapped:
            # (`那教育呢` after a GDP target: the thread's measure of 教育, else what the report says of 教育)
            own = read(item)
            field = not own.places and not _YEAR_WORD.match(item) and not _QUANTITY.search(item)
            topic = f"{_context_of(before, prior)}{item}" if field else ""
            return Resolved(swapped, _shown(swapped), topic=topic if topic != swapped else "")
    other = _OTHER_REPORT.match(question.strip())
    phrase = topic_phrase(before, prior) if other else ""
    if phrase:
        base = _ASKING.sub("", prior).rstrip("？?。，,的了")
        compared = f"{base}和{other.group('year')}年报告里的{phrase}{'目标' if '目标' in prior else ''}哪个高"
        return Resolved(compared, _shown(compared))
    m = _ELLIPTIC.match(q)
    if m:
        base = _ASKING.sub("", prior).rstrip("？?。，,的了")
        combined = f"{base}{q if q.startswith(('比', '和', '与', '跟')) else q[1:]}"
        return Resolved(combined, _shown(combined))
    bare = _ASKING_WORDS.sub("", _MEASURE_WORDS.sub("", _YEAR_WORD.sub("", q)))
    if not now.places and not re.sub(r"[的了呢吗啊呀吧？?。，,！!\s那么还有又是]", "", bare):
        # Only a year and a measure (`去年实际完成了多少？`): the same indicator, another year or measure.
        words = [w.group(0) for w in re.finditer(f"{_YEAR_WORD.pattern}|{_MEASURE_WORDS.pattern}", q)]
        measures = [w for w in words if not _YEAR_WORD.fullmatch(w)]
        # (`2024年要增长多少` after …2023年…完成多少: a plan asked, the thread's result word goes: 完成 is no growth target)
        thread = re.sub(r"实际(?!使用|利用)(?:完成了?)?|完成了?", "", prior) if re.search(r"要|计划|打算|准备|力争", q) \
            else prior  # (实际使用外资 is the indicator's name)
        swapped = swap(before, thread, "".join(words), read) if words and len(measures) <= 1 else ""
        if swapped:
            return Resolved(swapped, _shown(swapped))
    if not now.places and not now.level and before.places and (HOW.search(q) or WHY.search(q) or _BASIS.search(q)) \
            and not _own_topic(_WAY_WORDS.sub(" ", q)):
        # `靠什么措施做到的`, `有哪些措施`, `为什么定这么高`: how or why of the thread's indicator (a measure is no topic),
        # with the growth or target it was asked of (经济增长目标, not 经济)
        phrase = topic_phrase(before, prior)
        if phrase:
            phrase = _with_its_measure(phrase, prior)
            context = _context_of(before, prior, keep_year=not _says_when(q))
            carried = f"{context}{_said_once(phrase, _GOES_ON.sub('', q))}"  # 这个目标 after …目标: one 目标
            # (a year of its own, 它今年怎么安排 after 去年投资完成了多少, asks that year's plan, not how the thread's came about)
            return Resolved(carried, _shown(carried), way_of="" if _YEAR_WORD.search(q) else prior)
    if not now.places and not now.level and before.places and (not _own_topic(q) or _TOTAL_OF.match(q)):
        # Only a year, a measure and the way it asks (`去年实际增长了多少？`, `同比涨了多少`, `在全国排第几`, `总投资是多少`):
        # the same place and indicator, with what this question changes.
        phrase = topic_phrase(before, prior)
        growth = re.search(rf"{re.escape(phrase)}的?(?:增长率|增速|增幅|涨幅|增长)", prior) if phrase else None
        if growth and _RANKED.search(q):  # `在全国排第几` after `…经济增长了多少`: the growth rate is ranked
            phrase += "增速"
        if phrase:
            context = _context_of(before, prior, keep_year=not _says_when(q))
            said = "".join(_YEAR_WORD.findall(q))  # its own year goes where a year is said: 宁夏去年经济…
            if _MET.search(q) and not re.search(r"今年|明年|本年", prior):
                # `那个目标最后实现了吗`: whether it was met is what the year came to (this year's is not known yet)
                q = "实际完成了多少"
            asked = _YEAR_WORD.sub('', _GOES_ON.sub('', q))
            if _STOCK_TURN.search(asked):
                phrase = _ADDITION_SAID.sub("", phrase)  # 累计达到多少家 after 新增各类总部机构多少家: all of them
            # (实际 qualifies the indicator, said before its name: 经济增长 stays one word, 宁夏去年实际经济增长了多少)
            first = "实际" if re.match(r"实际(?=增长|增速)", asked) and not phrase.isascii() else ""
            carried = f"{context}{said}{first}{_said_once(phrase, asked[len(first):])}"
            return Resolved(carried, _shown(carried))
    against = _SET_AGAINST.match(q) if _YES_OR_NO.search(q) else None  # (超过100亿元的项目有哪些 asks of its own)
    if against and before.places and all(p.level == "national" for p in now.places):
        # `是不是第一次高过全国水平`, `跑赢全国了吗` after `辽宁去年公共服务质量满意度是多少分`: a yes-or-no comparison with
        # no subject of its own is the thread's figure's (the country is what it is set against, no place asked about)
        phrase = topic_phrase(before, prior)
        if phrase:
            carried = f"{_context_of(before, prior)}{_with_its_measure(phrase, prior)}{q[against.start(1):]}"
            return Resolved(carried, _shown(carried))
    if many_reports and not now.places and now.report_year is None and not now.level \
            and (before.places or _REPORT_OF_YEAR.search(prior)) \
            and not FORECAST.search(q):
        # A question about the same place, left unsaid: `粮食产量目标是多少？`, `粮食生产有什么要求` after one about
        # 山西省2025年. A market forecast (`明年房价会跌吗？`) is no report's: it starts fresh (and is declined).
        context = (_english_context if before.english and not now.english else _context_of)(
            before, prior, keep_year=not _says_when(q))
        # (q has lost its pronoun: `它的三期什么时候能建好` after `天津的柳林公园二期开放了吗` is the thing's, not 天津's)
        thing = _thing_after_place(prior, before) if _PRONOUN_OPENS.match(question.strip()) and not before.english else ""
        counted = re.search(rf"(?:多少|几){_UNIT_WORD.pattern}", prior)  # (the thread counted a thing: 做了多少个)
        phrase = "" if thing or not counted or _own_topic(q) or _OWN_MEASURE.search(q) \
            or not (_ASK_TAIL.search(q) or re.search(r"\d", q) and _CHECKED.search(q)) else topic_phrase(before, prior)
        if context and not phrase and counted and not thing and not now.english and _ASK_TAIL.search(q) \
                and _opens_with_doing(_GOES_ON.sub("", q)):
            # `投了多少个项目？` after `天津海河产业基金带动了多少只母基金`: a turn that opens with a verb has the thread's
            # subject for its own (a fact of the language)
            phrase = _doer(prior, before)
        if context and phrase and not now.english:
            # `惠及了多少户`, `一共惠及了60多万户，对不对` after `江西去年老旧小区改造做了多少个`: a verb and a count, no thing
            # of its own, ask a further figure of the thread's thing
            carried = f"{context}{_said_once(phrase, _GOES_ON.sub('', q))}"
            return Resolved(carried, _shown(carried))
        if context and len(now.topic) >= 2:
            carried = f"{context}{thing}{_GOES_ON.sub('', q)}" if thing else \
                f"{context}{' ' if now.english else ''}{_GOES_ON.sub('', _counted_again(q, before, prior))}"
            return Resolved(carried, _shown(carried))
    left_out = _topic_left_out(q, now, before, prior)
    if left_out:
        return Resolved(left_out, _shown(left_out))
    subject = _pronoun_subject(question, prior, now, before)
    if subject:
        return Resolved(subject, _shown(subject))
    subject = _thread_subject(prior).strip(" ，,的")
    if not now.places and not before.places and len(subject) >= 3 and not read(subject).places \
            and (not _own_topic(q) or _THIS.match(q)) and many_reports:  # (这个工程 points at the thread's subject)
        # `今年的开行目标是多少` after `义新欧中欧班列去年一共开行了多少列`: a thread that names no place goes on with its
        # subject, which finds its report as the thread's question did
        carried = f"{subject}{_ACKNOWLEDGED.sub('', q)}"
        return Resolved(carried, _shown(carried))
    when = re.search(r"(?<![比较跟与和同])(?:去年|前年)", prior)  # (比去年高吗 compares; it sets no time)
    if when and now.places and before.places and not set(now.places) & set(before.places) and not _says_when(q) \
            and not now.wants_plan and not now.english and _ASK_TAIL.search(q) and not _SET_AGAINST.match(q) \
            and not any(p.level == "national" for p in now.places) and many_reports:
        # `那新疆治理了多少沙化土地` after `广西去年治理了多少…`: another place's question of its own, in the thread's time
        # (a year the thread counts back from its report, 去年, is each place's own; a year written out may be no
        # report's; 今年 and a plan asked are the report's own year, which a question of its own need not ask)
        said = to_simplified(q)  # (遼寧, as the place is named)
        at = max(said.rfind(n) + len(n) if n in said else -1 for n in now.place_names)
        if at > 0:
            carried = f"{q[:at]}{when.group(0)}{q[at:]}"
            return Resolved(carried, _shown(carried))
    return Resolved(question)


# A turn that opens with a pronoun (`它今年想做到多大`), and where the thread's question stops naming what it is about:
# before its time, its verb of having or being with the asking (`陵水黎安国际教育创新试验区现在有多少师生`) or when it asks
# when (`平陆运河什么时候通航`).
_PRONOUN_OPENS = re.compile(r"^(?:那么?|那)?它们?的?(?=[\u4e00-\u9fff])")
_SUBJECT_ENDS = re.compile(r"现在|現在|目前|如今|当前|當前|今年|去年|明年|前年|\d{4}年|(?:有|是)(?:多少|几|什么|哪|不是)|"
                           r"什么时候|啥时候|何时")  # (平陆运河什么时候通航)


def _thread_subject(prior: str) -> str:
    """What the thread's question is about, up to its time or its verb of having or being with the asking
    (陵水黎安国际教育创新试验区 of `…现在有多少师生`); "" where it says neither."""
    end = _SUBJECT_ENDS.search(prior)
    return prior[: end.start()] if end else ""


def _says_when(q: str) -> bool:
    """Does a turn say its own year or time (去年, 2017年, 现在, last year), so that the thread's is not carried?"""
    return bool(_YEAR_WORD.search(q) or BY_NOW.search(q) or YEAR_EN.search(q))


def _thing_after_place(prior: str, before: Reading) -> str:
    """The thing the thread's question names right after its place and year, before any verb (柳林公园二期 of
    `天津的柳林公园二期开放了吗`, 川南经济区 of `四川的川南经济区今年有什么安排`); "" where it opens with no such thing."""
    rest = _YEAR_WORD.sub("", without_names(prior, before.place_names)).lstrip("的时在 ")
    run = []
    for word, flag in tagged_words(rest):
        if _FRAME.fullmatch(word) or not (flag.startswith("n") or flag in ("b", "j", "l", "eng")):
            break
        run.append((word, flag))
    thing = "".join(w for w, _ in run)
    if re.match(r"(?:的)?(?:是|有|为|达到|约)?(?:多少|几)", rest[len(thing):]):
        return ""  # (北京市去年常住人口多少: the figure asked of the place, whose 它 is the place)
    return thing if len(thing) >= 3 and any(f.startswith("n") and len(w) >= 2 for w, f in run) else ""


def _pronoun_subject(question: str, prior: str, now: Reading, before: Reading) -> str:
    """`它今年想把规模做到多大` after `陵水黎安国际教育创新试验区现在有多少师生`: the pronoun is the thread's subject, which
    names no place of the library (a place's thread is carried on by its place); "" for any other turn."""
    m = _PRONOUN_OPENS.match(question.strip())
    if not m or now.places or before.places:
        return ""
    subject = _thread_subject(prior).strip()
    return f"{subject}{question.strip()[m.end():]}" if len(subject) >= 2 else ""


# A thing pointed back to by its kind (这家医院, 这所学校, 该园区): the thread's subject, where that ends in the kind.
_KIND_POINTER = re.compile(r"^(?:那么?)?(?:这|那|该)(?:家|所|座|个|条|项)?(?P<kind>[\u4e00-\u9fff]{1,2})(?=[\u4e00-\u9fff])")


def _named_subject(question: str, prior: str, now: Reading, before: Reading) -> str:
    """`这家医院有多少张床位` after `雄安宣武医院去年门诊量是多少`: the thread's subject, a thing named beside its place, when
    it ends in the kind pointed with (医院; 这座桥 after …北中环大桥…); not the place alone; "" otherwise."""
    subject = _thread_subject(prior).strip(" ，,的")
    kind = _KIND_POINTER.match(question)
    if not kind or now.places or len(without_names(subject, before.place_names).strip(" ，,的")) < 2:
        return ""
    said = kind.group("kind")
    for size in (2, 1):
        if len(said) >= size and subject.endswith(said[:size]):
            return f"{subject}{question[kind.start('kind') + size:]}"
    return ""


def _only_place_or_year(item: str, read: Reader) -> bool:
    """Is `item` a place or a year and nothing else (贵州, 2017年, 海拉尔区2016年)?"""
    new = read(item)
    rest = _YEAR_WORD.sub("", without_names(item, new.place_names)).strip("的 ")
    return not rest and (bool(new.places) or bool(_YEAR_WORD.search(item)))


def _noun_only(item: str) -> bool:
    """Is `item` a short run of nouns and nothing else (就业, 粮食产量: `那就业` swaps as `就业呢` does)?"""
    words = tagged_words(item)
    return len(item) <= 6 and bool(words) and all(f.startswith("n") or f in ("vn", "l") for _, f in words)


# A follow-up that asks only how many items the thread's list has (`一共几件`, `总共有多少个`, `有几项`).
_COUNT_ONLY = re.compile(r"^(?:那么?|那)?(?:一共|总共|共计|总计|共)?(?:有|是|办)?(?:几|多少)(?P<noun>个方面|件|个|项|条|方面|点|类|种|大块)"
                         r"(?:呢|啊|吗|呀)?[?？。]*$")


def _count_follow_up(question: str, prior: str) -> str:
    """`一共几件` after `重庆今年要办哪些民生实事`: how many of the thread's list (重庆今年民生实事一共几件); "" when the
    turn asks no count, or the thread asked no list."""
    m = _COUNT_ONLY.match(to_simplified(question.strip()))
    thread = to_simplified(prior)
    listed = _ASKS_LIST.search(thread) if m else None
    if listed is None:
        return ""
    topic = _list_name(thread, listed)
    return f"{topic}一共几{m.group('noun')}" if len(topic) >= 2 else ""


# A turn that asks which things the thread counted (都是哪些, 是哪几处, 分别是什么方向的): the same things, as a list.
_WHICH_ONLY = re.compile(r"^(?:那么?|那|具体)?(?:都|分别|具体|主要)?(?:是|有|包括)?(?:哪些|哪几(?:个|家|处|项|所|条|种|座|样|类|批)?|"
                         r"什么|啥)(?:方向|领域|内容|名字|地方)?的?(?:呢|啊|呀)?[?？。]*$")
# How the thread counted its things (有几个农产品, 布局了几个, 多少家), where 哪些 asks which they are.
_COUNT_WORD = re.compile(r"(?<!第)(?:几|多少)(?:个|家|处|项|所|条|种|座|批|款|类|支|只|名|位|部|件)(?!百分点)")


def _which_of_count(question: str, prior: str) -> str:
    """`都是哪些？` after `山东去年有几个农产品入选了国家农业品牌精品`: the thread's question asking which, not how many
    (山东去年有哪些农产品入选了国家农业品牌精品); "" when the turn asks no list or the thread counted nothing."""
    if not _WHICH_ONLY.match(to_simplified(question.strip())):
        return ""
    thread = to_simplified(prior).rstrip("？?。！! ")
    counts = list(_COUNT_WORD.finditer(thread))
    if len(counts) != 1 or not re.search(r"[\u4e00-\u9fff]{2}", thread[counts[0].end():]):
        return ""  # (several counts, or none, or nothing counted after it: 有多少家？)
    c = counts[0]
    if thread[c.end()] in "省市县区" and thread[c.end() + 1: c.end() + 2] != "级":
        # (几个省基础科学中心: 哪几个省 would ask which provinces; 市级公园 are parks)
        return f"{thread[:c.start()]}{thread[c.end():]}是哪些"
    return f"{thread[:c.start()]}{'哪' + c.group(0) if c.group(0).startswith('几') else '哪些'}{thread[c.end():]}"


# A count asked with its measure word and nothing after it (打算新建多少个？): of things the thread counted so; and the
# words of a thread that say how it counts, not what (目标, 实际…).
_NOT_COUNTED = frozenset("目标 计划 预期 实际 数量 总数 情况".split())
_BARE_COUNT = re.compile(r"(?<!第)(?:几|多少)(个|家|所|座|条|项|处|台|辆|张|套|户|件|场|块|枚|部|公里|千米|亩|万亩|平方米|名)"
                         r"(?=(?:呢|啊|吗|呀)?[？?。！!]*$)")
# Units that measure the thing named after them (多少公里农村公路): what they measure is only the thing after them.
_UNIT_OF_AFTER = frozenset(("公里", "千米", "亩", "万亩", "平方米", "名"))


def _with_its_measure(phrase: str, prior: str) -> str:
    """The thread's topic with the growth or target it was asked of (经济增长目标, not 经济), no 的 left hanging."""
    said = re.search(rf"{re.escape(phrase)}(?:的)?(?:增长|增速)?(?:的)?(?:预期)?(?:目标|计划)?", prior)
    return said.group(0).removesuffix("的") if said else phrase


def _restates(rest: str, prior: str) -> bool:
    """Does a clause after a swap only ask the thread's planned count again in its own words (`计划推进几个` after
    `…要推进多少个…`): its verb the thread's, its plan the thread's plan?"""
    core = re.sub(rf"^(?:计划|打算|准备|要)+|{_COUNT_TAIL}$", "", rest)
    return len(core) >= 2 and core in prior and bool(PLAN_WORDS.search(prior))


def _counted_again(question: str, before: Reading, prior: str, said: str = "") -> str:
    """`今年打算新建提升多少个？` after `天津2024年新开放了几个口袋公园？`: the count is of the things the thread counted
    with the same measure word (…多少个口袋公园), a fact of the language; the question as it was where it names what it
    counts (新建学校多少所, 三甲医院有几家) or asks a part (其中…)."""
    m = _BARE_COUNT.search(question)
    if not m or "其中" in question or _names_its_count(question[: m.start()]):
        return question
    measure = m.group(1)
    after = re.search(rf"(?:几|多少){measure}([\u4e00-\u9fffA-Za-z0-9]{{2,10}}?)(?:呢|啊|吗|呀)?(?=[？?。，,！!]|$)", prior)
    if after:
        thing = after.group(1)
    elif measure in _UNIT_OF_AFTER:
        return question
    elif re.search(rf"(?:几|多少){measure}(?:呢|啊|吗|呀)?(?:[？?。，,！!]|$)", prior):
        # counted before the count (老旧小区改造开工了多少个): the longest run of nouns the thread names
        runs, run = [], ""
        for word, flag in tagged_words(before.topic):
            named = (flag[:1] in ("n", "a", "b") or flag in ("vn", "eng", "j", "l") or word.isascii() and word.isalnum()) \
                and word not in _NOT_COUNTED and word not in question  # (新建 is the turn's own verb)
            run = run + word if named else ""
            runs.append(run)
        thing = max(runs, key=len, default="")
    else:
        return question
    if len(thing) < 2 or thing in question or thing in said:  # (said: the thread's topic already put before it)
        return question
    return f"{question[:m.end()]}{thing}{question[m.end():]}"


def _names_its_count(before_count: str) -> bool:
    """Does a turn name what it counts right before the count (三甲医院有几家, 新建学校多少所), not only a doing
    (打算综合整治多少个: 整治 is what is done, whatever the tagger calls it)?"""
    text = re.sub(r"(?:一共|总共|共)?(?:有|是)?$", "", before_count.rstrip("，, "))
    text = re.sub(r"(?:现在|目前|如今|当前|已经|今年|去年)(?:一共|总共|共)?(?:有|是)?$", "", text)  # (全省高校现在有多少所)
    words = tagged_words(text)
    if not words:
        return False
    word, flag = words[-1]
    if len(word) >= 2 and flag[:1] == "n" and not _DOING.search(word):
        return True
    # (老旧小区改造完成了几个: the thing, then what was done to it and the count: it is what is counted; 城区改造了几个
    # says where, not what)
    thing = len(words)
    while thing and (words[thing - 1][0] in ("了", "过") or words[thing - 1][1] in ("v", "vn")):
        thing -= 1
    if thing in (0, len(words)):
        return False
    word, flag = words[thing - 1]
    return len(word) >= 2 and flag[:1] == "n" and not _DOING.search(word) and word not in _AREAS


_DOING = re.compile(r"(?:整治|治理|改造|建设|提升|整改|改建|新建|开工|完工|开放)$")
# The words for the parts of a place (城区, 农村, 乡镇): where something is done, not a thing counted.
_AREAS = frozenset("城区 市区 县城 城市 城镇 农村 乡村 乡镇 城乡 镇村 社区 山区 牧区 农区 全县 全市 全省 全区 全州 各地 当地 本地".split())


def _list_name(thread: str, listed: re.Match) -> str:
    """The thread's question with its asking for a list cut out (重庆今年要办哪些民生实事 -> 重庆今年民生实事), and the
    一共 a count asked of it left (…一共几件): what names the list."""
    topic = f"{thread[:listed.start()]}{thread[listed.end():]}".rstrip("？?。！!呢的了，,")
    return re.sub(r"(?:一共|总共|共计|总计|共)$", "", topic).rstrip("，,")


# A follow-up that names only another item of the thread's list (`第十件呢`, `最后一件是什么`, `那第三个方面呢`).
_ITEM_ONLY = re.compile(rf"^(?:那么?|那|还有|再说说)?(?P<ordinal>{ORDINAL})(?P<noun>(?:个)?(?:件|个|项|条|方面|点|类|种|部分|块)?)"
                        r"(?:呢|的?(?:内容)?(?:是|讲|说|指)的?(?:是)?(?:什么|啥)|是哪(?:一)?[件个项条]|"
                        # 具体要干些啥, 展开讲讲: what the item says, asked in more words
                        r"(?:具体|主要)?(?:要|是)?(?:干|做|讲|说|写|包括)(?:了|些)*(?:什么|啥)|(?:展开|详细|具体)(?:讲讲|说说|讲|说)(?:一下)?)"
                        r"[?？。]*$")
# How a question asks for a list, cut from the thread's question to leave the list's name (海拉尔2019年工作分几个方面).
_ASKS_LIST = re.compile(r"(?:主要|都|分别)?(?:有|包括|包含|分为|分成|分|是|涉及|办|要办|办了)?"
                        r"(?:哪些|哪几(?:个方面|个|项|件|条|类|大|方面)?|几(?:个方面|个|项|件|条|类|大|方面)|多少(?:个方面|项|件|条)|"
                        r"哪[两二三四五六七八九十]{1,2}(?:个方面|个|项|件|条|类|大|方面|点)?|什么)")


def _item_follow_up(question: str, prior: str) -> str:
    """`第十件呢` after `十件民生实事第三件是什么`: the thread's question of that item (第十件); `第三个方面是什么` after a
    question about a counted list (`工作分几个方面`): that question, then this item asked of it. "" when it is neither."""
    m = _ITEM_ONLY.match(to_simplified(question))
    if not m:
        return ""
    thread, said = to_simplified(prior), ordinal_asked(prior)
    if said:
        return f"{thread[:said[0]]}{m.group('ordinal')}{thread[said[1]:]}"
    listed = _ASKS_LIST.search(thread)
    if not listed or not LIST_COUNTED.search(thread) and not re.search("几|多少", listed.group(0)) \
            and not re.search("件|项|条|方面", m.group("noun")):
        return ""  # 有哪些措施 asks no list of numbered items: 最后一个呢 after it is no item of one (第三件呢 counts items)
    topic = _list_name(thread, listed)
    return f"{topic}的{m.group('ordinal')}{m.group('noun')}是什么" if len(topic) >= 2 else ""


# An English follow-up's frame, as a Chinese one says it: years, a measure switched, a place (a closed class of words).
_FRAME_ZH = (
    (r"\b(?:the\s+)?(?:year|one)\s+before\b|\bthe\s+previous\s+year\b", "前一年"),
    (r"\b(?:the\s+)?year\s+after\b|\bthe\s+following\s+year\b", "后一年"),
    (r"\blast\s+year(?:'s)?\b", "去年"), (r"\bthis\s+year(?:'s)?\b", "今年"), (r"\bnext\s+year(?:'s)?\b", "明年"),
    (r"\b((?:19|20)\d\d)\b", r"\1年"),
    (r"\bper\s+(?:capita|head|person)\b", "人均"),
    (r"\bgrowth(?:\s+rate)?\b|\bhow\s+fast\s+(?:did|does|do|has|have|will|is|was)\s+(?:it|they)\s+gr[eo]w\w*", "增速"),
    (r"\bin\s+total\b|\btotal\b|\bhow\s+(?:big|large)\s+(?:is|was|are|were)\s+(?:it|they)\b|\boverall\s+size\b", "总量"),
    (r"\b(?:targets?|goals?)\b", "目标"), (r"\bactual(?:ly)?\b", "实际"),
)
# An English turn that goes on from the last one: it opens so (`And …`, `What about …`) or points back (`it`, `there`).
_GOES_ON_EN = re.compile(r"^\s*(?:and|what about|how about)\b|\b(?:it|its|there|that|they|their|them)\b", re.I)
_FILLER_EN = re.compile(r"\b(?:and|what|what's|whats|about|how|is|was|are|were|did|does|do|it|its|the|for|in|of|that|"
                        r"there|then|number|figure|one|set|was|'s)\b|[?？.,!]", re.I)


def _chinese_follow_up(question: str, now: Reading, before: Reading) -> str:
    """An English follow-up to a Chinese question, said as the Chinese follow-up it is (`What about Hunan's?` ->
    `湖南呢`), when it holds nothing but such frame words and places; "" otherwise."""
    if not now.english or before.english:
        return ""
    if now.places and not _GOES_ON_EN.search(question):
        return ""  # `What's Hunan's growth target this year?` asks its own question (not `And Hunan?`, `its …`)
    rest, words = question, []
    for name in sorted(now.place_names, key=len, reverse=True):
        rest = re.sub(rf"{re.escape(name)}(?:['’]s)?", " ", rest, flags=re.I)
    words += [p.name for p in now.places]
    for pattern, chinese in _FRAME_ZH:
        for m in re.finditer(pattern, rest, re.I):
            words.append(m.expand(chinese))
        rest = re.sub(pattern, " ", rest, flags=re.I)
    if not words or _FILLER_EN.sub(" ", rest).strip():
        return ""
    return "".join(dict.fromkeys(words)) + "呢？"


_POINTER_EN = re.compile(r"\b(?:it|its|that|this|they|them)\b", re.I)
_FRAME_EN = re.compile(r"\b(?:what|what's|whats|how|much|many|is|are|was|were|did|does|do|the|a|an|for|of|in|to|by|"
                       r"target|targets|goal|plan|set|according|government|work|report|reports|this|last|year|"
                       r"and|about|it|its)\b|'s\b|\b(?:19|20)\d\d\b|[?？.,]", re.I)
# The measures an English follow-up may switch to, as it says them (growth rate, in total, target, actual, per capita).
_MEASURE_EN = re.compile(r"\bgrowth(?:\s+rate)?\b|\bhow\s+fast\b|\bin\s+total\b|\btotal\b|\bhow\s+(?:big|large)\b|"
                         r"\btargets?\b|\bgoals?\b|\baim(?:s|ed|ing)?(?:\s+(?:for|at))?\b|\bactual(?:ly)?\b|"
                         r"\bper\s+(?:capita|head|person)\b", re.I)


def _english_measure_follow_up(question: str, now: Reading, before: Reading, prior: str) -> str:
    """`growth rate?` after `Chongqing GDP last year?`: the thread's place, indicator and year with the measure asked
    now (`Chongqing GDP growth rate last year?`); "" unless both are English and the follow-up says only measures,
    a year and asking words."""
    if not (now.english and before.english and before.places) or now.places:
        return ""
    measures = [m.group(0) for m in _MEASURE_EN.finditer(question)]
    rest = _FILLER_EN.sub(" ", re.sub(r"['’]s\b", " ", YEAR_EN.sub(" ", _MEASURE_EN.sub(" ", question))))
    if all(re.match(r"aim|target|goal", m, re.I) for m in measures):  # `how much is it aiming for`: the figure aimed at
        rest = re.sub(r"\b(?:much|many)\b", " ", rest, flags=re.I)
    if not measures or re.sub(r"\b(?:grow|grew|grown|big|large|number|figure|size|overall)\b", " ", rest, flags=re.I).strip():
        return ""
    topic = re.sub(r"\b(?:fast|grow|grew|grown|growth|rate|big|large|total|actual|actually|number|figure|size|overall)\b",
                   " ", _english_topic(prior, before), flags=re.I)  # (the thread's measure gives way to the one asked)
    topic = " ".join(topic.split())
    if not topic:
        return ""
    said_year = YEAR_EN.search(question)
    year = said_year or YEAR_EN.search(prior)
    if not said_year and year and re.search(r"\b(?:targets?|goals?|aim(?:s|ed|ing)?)\b", question, re.I) \
            and re.fullmatch(r"last\s+year", year.group("year"), re.I):
        year = None  # `What is the growth target?` after last year's result: the report's own year, as said alone
    said = {"how fast": "growth", "how big": "total", "how large": "total", "in total": "total"}
    measure = " ".join(dict.fromkeys("target" if w.lower().startswith("aim") else said.get(" ".join(w.lower().split()), w)
                                     for w in measures))
    names = [m.group(0) for n in before.place_names for m in [re.search(re.escape(n), prior, re.I)] if m]  # as written
    return " ".join(f"{' '.join(names)} {topic} {measure} {year.group(0) if year else ''}".split()) + "?"


def _english_topic(question: str, reading: Reading) -> str:
    """What an English question is about, without its place, year and asking words (`fixed-asset investment growth`)."""
    rest = question
    for name in sorted(reading.place_names, key=len, reverse=True):
        rest = re.sub(re.escape(name), " ", rest, flags=re.I)
    return re.sub(r"\s+", " ", _FRAME_EN.sub(" ", rest)).strip()


# A year counted from the thread's (`前一年呢？` after `…2017年…`): the year before it or after it.
# (`比前一年多多少` compares each side with its own year before: left to the comparison.)
_NOT_ONE_YEAR = r"(?!(?:推|倒)?[一二两三四五六七八九十几\d]+年|的|一点)"  # 再往前推两年, 再往前的报告: not one year back
_STEP = r"[一二两三四五六七八九十\d]{1,2}"  # how many years (两年后, 再往前推三年)
_THEN = r"(?!的(?!呢|目标|[？?。，,]|$))"  # (三年后的呢, 两年后的目标; not 三年后的规划, another thing)
_NEIGHBOUR_YEAR = re.compile(rf"(?<![比和与跟较])(?:紧接着的?|紧跟着的?)?(?:"
                             rf"(?P<before>(?:再)?(?:(?:往前|往回|早)(?:推|倒)?一年|前一年|上一年|头一年|頭一年)|"
                             rf"再往(?:前|回)(?:推|倒)?{_NOT_ONE_YEAR})|"
                             rf"(?P<after>(?:再)?(?:(?:往后|晚)(?:推)?一年|下一年|后一年|次年|第二年|隔年)|"
                             rf"再往后(?:推)?{_NOT_ONE_YEAR})|(?P<same>同一年|同年|那一年)|"
                             # N years each way: 再往前推两年, 三年前, 两年后(的呢), 再过一年, 过了两年 (not 超过两年, 早两年)
                             rf"(?P<back>(?:再)?(?:往前|往回)(?:推|倒)?{_STEP}年|{_STEP}年(?:前|以前|之前){_THEN})|"
                             rf"(?P<on>(?:再)?往后(?:推)?{_STEP}年|(?:(?:再|又)过了?|过了){_STEP}年|"
                             rf"{_STEP}年(?:后|以后|之后){_THEN}))")


def year_step(m: re.Match) -> int:
    """How many years a `_NEIGHBOUR_YEAR` match moves: back is negative, the same year 0."""
    if m.group("same"):
        return 0
    if m.group("before") or m.group("after"):
        return -1 if m.group("before") else 1
    n = count_of(re.search(_STEP, m.group("back") or m.group("on")).group(0)) or 1
    return -n if m.group("back") else n


def _full_years(question: str, thread: str) -> str:
    """`13年` written out as `2013年` when the thread speaks of 20xx years (`2012年…` then `13年的目标呢`), and
    `前一年`/`下一年` as the year before/after the thread's one year (`2017年…` then `前一年呢` -> `2016年呢`), `同一年` as
    that year — the year asked, not that of the report named with it (2018年的报告里，2017年…: 2017)."""
    century = re.search(r"(20)\d\d年", thread)
    question = _SHORT_YEAR.sub(lambda m: f"{century.group(1)}{m.group(1)}年", question) if century else question
    # (2018年的报告里，2017年…: the year asked is 2017; a thread naming only its report's year counts from that)
    years = set(YEAR_NIAN.findall(_REPORT_NAMED.sub("", thread))) or set(YEAR_NIAN.findall(thread))
    if re.search(r"(?:19|20)\d\d|相比|相对|同比|较", question):  # 相对上一年: a change
        return question
    if len(years) == 1:
        year = int(years.pop())
        question = _NEIGHBOUR_YEAR.sub(lambda m: f"{year + year_step(m)}年", question, count=1)
    elif not years and len(set(_RELATIVE_YEAR.findall(thread))) == 1:  # `头一年呢` after `…今年…`: 去年
        at = _RELATIVE.index(_RELATIVE_YEAR.search(thread).group(0))

        def moved(m: re.Match) -> str:
            step = year_step(m)
            return _RELATIVE[at + step] if 0 <= at + step < len(_RELATIVE) else m.group(0)
        question = _NEIGHBOUR_YEAR.sub(moved, question, count=1)
    return question


_RELATIVE = ("前年", "去年", "今年", "明年")  # the years said from now, in order
_RELATIVE_YEAR = re.compile("|".join(_RELATIVE))


# Words that are part of the asking, the measure or the verb of a figure, not a topic of their own.
_NOT_TOPIC = re.compile("|".join([r"排名|排第几|排在第几|第几|位次|名次|比重|占比|比例|多大|多高|多快|同比|比上年|上年|"
                                  r"历史最高|全国|全省|全市|全区|全州|全县"]))  # (在全市排第几: the yardstick, not a topic)


_RANKED = re.compile(r"排名|排第几|排在第几|第几|位次|名次")

# A turn that sets another place against the thread's: `河南比它多吗？`, `湖南呢？哪个多`, `江苏的比它高吗`.
_COMPARED = re.compile(r"比|哪个|哪一个|哪家|(?<!在)哪一?边(?!是)|哪一?年(?=[^，,。？?]{0,6}?[高低多少快慢大小更])|谁|"
                       r"更[高低多少快慢大小]|高于|低于|多于|少于|差距|差多少|一样|相同|相比")
# What opens a turn only to acknowledge the answer before it (好的，那…, 嗯, 明白了): no words of the question.
_ACKNOWLEDGED = re.compile(r"^(?:好的|好|嗯|哦|噢|明白了?|知道了|谢谢|了解)[，,。！!]*(?:那么?|那)?")
# A comparison with a year of the thread (`比去年多吗？`, `和前年比呢`): the turn's other question set against it.
_AGAINST_YEAR = re.compile(r"(?:比|和|与|跟)(?:去年|前年|上年|上一年|(?:19|20)\d\d年)(?:比)?(?:[高低多少快慢大小]|增加|减少)?"
                           r"(?:了|出)?(?:吗|没有|呢|多少|几个?)?[?？。]*")
# How much more or less, asked after another year or measure (`2015年呢？多了多少？`, `翻了多少`, `是几倍`): a comparison
# with the thread's (增长了多少 asks that year's growth).
_MOVED_BY_HOW_MUCH = re.compile(r"(?:多|少)(?:了|出)?(?:多少|几)|翻了?(?:多少|几番|几倍)|(?:涨|增长|增加)了?几倍|是(?:它的)?几倍")
_POINTER = re.compile(r"它们|他们|它|他|其|这个|那个|前者|后者")
# A switch (湖北呢) then the thread's figure asked again with no thing of its own (新建多少, 是多少).
_SWITCH_THEN_ASKED = re.compile(r"(?P<switch>[^，,？?。]{1,10}呢)[？?]?[，,]\s*(?P<asked>[^，,？?。]{1,8})[？?。]*")
# A figure asked again with no thing of its own (新增了多少, 是几个): a verb at most, then how many (a measure of its own,
# 目标多少 or 人均多少, is no repeat).
_COUNT_ASKED = r"(?:多少|几)(?:万|亿)?[个家所座条项处台辆张套户件场人元吨]?"  # (how many, with its measure word)
_BARE_ASKED = re.compile(rf"^[^多几]{{0,6}}?{_COUNT_ASKED}")


# The same after a doing of the turn's own (开工改造的有多少个, 新建和改造提升了多少), no thing named (not _own_topic).
_DONE_THEN_ASKED = re.compile(rf"^[^多几]{{0,10}}?{_COUNT_ASKED}")


def _asked_again(asked: str, prior: str) -> bool:
    """Does `asked` ask the thread's figure again, with only the thread's own words before 多少 (新建多少 after
    …计划新建多少个5G基站, 是多少), no thing, measure or time of its own (增速多少, 充电桩多少), nor a gap (差多少)?"""
    bare = _BARE_ASKED.fullmatch(asked.rstrip("呢啊呀"))
    if not bare or re.match(_WHICH_OR_GAP, asked):  # (辽宁呢，差多少 compares the two: no figure asked again)
        return False
    before = re.split(r"多少|几", asked)[0]
    return all(w in prior for w, _ in tagged_words(before) if len(w) >= 2)


# The units a count is said in (人次, 万元, 公里): no topic of their own.
_UNIT_WORD = re.compile(r"(?:万|亿)?(?:人次|人|元|吨|斤|公里|千米|亩|平方米|辆次|架次|标箱|个|家|所|条|项|套|辆|户|件|台|张|处|座|名|"
                        r"宗|笔|场|艘|架|列|支|只|批|部|次|头|棵|株|匹|口)")
# The units of an area, a length or pieces (万亩, 公里, 个), which another amount is seldom counted in.
_PIECES_OR_SIZE = r"(?:万|亿)?(?:亩|平方米|公里|千米|个|家|户|所|条|项|套|辆|件|台|张|处|座)"
# The units of money (多少亿元): what an amount is counted in, never a thing (实验室, 企业, 项目).
_MONEY_UNIT = r"(?:万亿|亿|万|千)?(?:美)?元"
# A turn that only compares or adds up (`哪个多？`, `谁高`, `哪年更高`, `差多少`, `加起来多少`, `which is higher?`): of the
# thread's last two.
_BOTH = re.compile(r"^(?:那么?|那)?\s*(?:(?:这)?(?:两个(?:省份?|市|县|区|城市|地方)?|两者|二者|两地|两省|两市|两年|俩)|它们|他们|它俩)?"
                   r"(?:(?<=[个者地省市年俩们])(?:相?比(?:较|一下)?|对比)[，,]?)?(?:的)?\s*"  # `那两个…`, `这两年比，…`: the thread's two
                   r"(?:(?<=[个者地省市年俩们的])(?P<measure>增速|增幅|涨幅|增长率|目标|数字|数据)(?:的)?\s*)?")
# Adding up asked (加起来是, 一共有, 之和): what a turn says to have the thread's two figures summed.
_ADDS_UP = rf"(?:{SUM_WORDS}|一共|总共)(?:是|有)?"
# (`两省增速差多少个百分点`, `两省的目标差多少`: the measure of the thread's figure said again; `_measure_again` checks it is)
_WHICH_OR_GAP = (r"(?:(?:是不是|是否)?(?:一样|一樣|相同|持平)(?:多|高|大|快)?(?:吗|嗎|不|呢)?|"
                 r"(?:哪个|哪個|哪一个|哪一個|哪家|哪边|哪邊|谁|誰|哪一?年)(?:省份?|省区|省區|市|县|縣|区|區|城市|地方|地区|地區)?"
                 r"(?:的)?(?:[\u4e00-\u9fff]{1,2}得)?(?:更|比较|比較)?[高低多少快慢大小](?:一些|些|呢|啊)?|"
                 r"(?:(?:相)?差了?(?:多少|几|幾|距多大)|[高低多少大小](?:了|出)?(?:多少|几|幾))"
                 rf"(?:个?百分点|個?百分點|平方公里|{_UNIT_WORD.pattern})?|"
                 rf"{_ADDS_UP}(?:(?:多少|几|幾)"  # the two added up (两个加起来多少, 加起来呢)
                 rf"(?:个?百分点|平方公里|{_UNIT_WORD.pattern})?|呢|(?=[？?。!！]*$))|"
                 r"(?:(?:and\s+)?(?:what(?:'s|\s+is|\s+are)\s+|how\s+(?:much|many)\s+(?:is\s+(?:it|that)\s+|are\s+they\s+)?)?"
                 r"(?:the\s+)?(?:they|two|both)?\s*(?:combined|together|in\s+total|added\s+up)(?:\s+(?:total|figure|amount))?)|"
                 r"(?:and\s+)?by\s+how\s+much|(?:which|who)(?:\s+one)?\s+(?:is|was)\s+"
                 r"(?:higher|lower|bigger|larger|more|less|faster)|(?:which|who)\s+(?:has|had)\s+(?:the\s+|a\s+)?"
                 r"(?:higher|lower|bigger|larger|more|less)(?:\s+one)?)")
# The words the thread may have said a measure in, that a comparing turn says again (增速 after …增长了多少).
_SAID_AS = {"增速": "增长|增速|增幅|涨幅", "增幅": "增长|增速|增幅|涨幅", "涨幅": "增长|增速|增幅|涨幅", "增长率": "增长|增速|增幅",
            "目标": "目标|计划|预期|打算|要"}


def _measure_again(measure: str | None, prior: str) -> bool:
    """Is the measure a comparing turn names (两省增速差多少) the thread's own, said again (none, or 数字, always is)?"""
    return measure is None or measure not in _SAID_AS or re.search(_SAID_AS[measure], prior) is not None


# How much the figure moved over the thread's two years (这几年涨了多少人, 这两年增加了几个): the gap between them (一共
# 增加了 adds up, it is no gap).
_YEARS_MOVED = re.compile(r"^(?:那么?|那)?(?:这|這)?(?:两|兩|几|幾)年(?:来|間|间|里|裡)?"
                          r"(?:涨|漲|增加|减少|減少|下降|上升|增长|增長|变化|變化|变|變)了?(?P<ask>(?:多少|几|幾)[^？?。]{0,4})[？?。]*$")
# (`哪个更高，差多少`: which, then by how much, is one comparison)
_ONLY_COMPARING = re.compile(rf"{_BOTH.pattern}{_WHICH_OR_GAP}(?:[?？，,]\s*{_WHICH_OR_GAP})?\s*[?？。!！]*$", re.I)


def _both_sides(q: str, before: Reading, prior: str, earlier: Reading) -> str:
    """`哪个多？` after `广东…是多少` then `江苏呢？`: the thread's question asked of both places (or both years)."""
    if before.place_names and earlier.place_names and before.places[0] != earlier.places[0]:
        name = before.place_names[0]
        first = re.search(re.escape(earlier.place_names[0]), earlier.text, re.I)  # as written (`Shanxi`)
        second = re.search(re.escape(name), prior, re.I)
        both = f"{first.group(0) if first else earlier.place_names[0]}{' and ' if before.english else '和'}" \
               f"{second.group(0) if second else name}"
    elif len(before.years) == 1 and len(earlier.years) == 1 and before.years != earlier.years:
        m = re.search(rf"{before.years[0]}\s*年", prior)
        if not m:
            return ""
        name, both = m.group(0), f"{earlier.years[0]}年和{before.years[0]}年"
    else:
        return ""
    asked = re.sub(re.escape(name), lambda _: both, prior, count=1, flags=re.I)
    if before.english:  # `What is Guangdong and Jiangsu's …?, which is higher?`
        return f"{asked.rstrip('?？. ')}, {q.strip()}"
    # (多少万亩: the figure asked and all its measure, where the measure ends the clause: 多少个项目开工 keeps 项目)
    base = re.sub(f"{_ASKING.pattern}(?:{_UNIT_WORD.pattern}(?=[？?。，,！!]|$))?", "", asked).rstrip("？?。，,的了呢")
    return f"{base}{_BOTH.sub('', q.strip())}"


# A comparison of two places asked (哪个省增得快, 两个比谁多, 谁多), not of another year or a yardstick (比去年快吗, 跟全国比).
_PLACES_COMPARED = re.compile(r"^(?!.*(?:去年|今年|前年|往年|全国|平均))(?:.*(?:哪个|哪一个|哪边|谁)|(?:两|二)(?:个|省|市|地|区|县|者))")


def _compared_place(q: str, now, before, prior: str) -> str:
    """The thread's question with another place set against it (a comparison across reports), or ""."""
    if not any(p not in before.places for p in now.places) or not before.places \
            or not (_COMPARED.search(q) or _ADDED_UP.search(q)):
        return ""
    rest = q
    for name in now.place_names:
        rest = rest.replace(name, " ")
    if _own_topic(_ADDED_UP.sub(" ", _COMPARED.sub(" ", _POINTER.sub(" ", rest)))):
        # `甘肃接待游客人数增长了多少？哪个省增得快？` after 宁夏's: its own question asked of both, then compared
        tail = re.search(r"[？?，,](?=[^？?，,]{1,12}[？?。]*$)", q)
        if tail and _PLACES_COMPARED.search(q[tail.end():]) and not _COMPARED.search(q[:tail.start()]) \
                and len(now.place_names) == 1 and len(before.place_names) == 1:
            new, old = now.place_names[0], before.place_names[0]
            # (the thread's year where the turn says none: 辽宁老旧管网改造呢？哪个省更多 after 安徽今年…: this year's plans)
            year = "" if _YEAR_WORD.search(q) else "".join(_YEAR_WORD.findall(prior)[:1])
            return f"{q[:tail.start()].replace(new, f'{new}和{old}{year}', 1)}？{q[tail.end():]}"
        return ""  # it asks about something of its own
    base = _ASKING.sub("", prior).rstrip("？?。，,的了呢")
    # (两个省谁高: the two are the thread's; 河北的呢: 河北's)
    asked = _BOTH.sub("", re.sub(r"^(?:那么?|那)|呢|[？?，,。\s]", "", rest).removeprefix("的"))
    named = before.place_names[0]
    # (`陕西新增了多少，两省谁多`, `广东新建和改造提升了多少？哪个多`: the thread's figure asked again of the new place with
    # only a doing of its own, then which is more or by how much)
    bare = _DONE_THEN_ASKED.match(asked)
    after = _BOTH.sub("", asked[bare.end():]) if bare else ""
    if bare and not re.search(r"年|月|\d|目标|计划|预期|打算|实际|增速|增幅|增长率|比例|比重|人均|占", bare.group(0)) \
            and (_WHICH_MORE.fullmatch(after) or after and _COMPARES_ONLY.fullmatch(after)) \
            and all(w in prior or _DOING.fullmatch(w) for w, _ in tagged_words(re.split(r"多少|几", bare.group(0))[0])
                    if len(w) >= 2):
        asked = after  # (the turn's words before its count the thread's, or doings: 新增就业多少 asks a thing of its own)
    which = re.fullmatch(rf"({_WHICH_MORE.pattern})((?:多|高|差|低|少)了?多少)?", asked)
    if len(now.place_names) == 1 and base.count(named) == 1 and which:
        # `上海呢？谁多` after `北京去年建成高标准农田多少`: the two places side by side in the thread's question (and by how
        # much, where the turn asks it: 谁多，多多少)
        gap = f"，{which.group(2)}" if which.group(2) else ""
        return f"{base.replace(named, f'{named}和{now.place_names[0]}', 1)}{which.group(1)}{gap}"
    if len(now.place_names) == 1 and prior.count(named) == 1 and (_COMPARES_ONLY.fullmatch(asked)
                                                                 or _ADDED_UP_ONLY.fullmatch(asked)):
        # `宁夏呢？两边比一比`, `和湖南比差多少` after `新疆去年城乡低保标准涨了多少`: the thread's question, as asked, of both
        # (`海南呢？加起来多少`: both, added up)
        compared = _COMPARE_VERB.sub("", asked)
        return f"{prior.rstrip('？?。，, ').replace(named, f'{named}和{now.place_names[0]}', 1)}，{compared or asked}"
    turn = re.sub(r"呢[？?]*", "，", _POINTER.sub(before.place_names[0], q))
    turn = re.sub(r"^(?:那么?|那)", "", turn.strip("，, "))
    return re.sub(r"[，,]{2,}", "，", f"{base}，{turn}").rstrip("，")


def _topic_left_out(q: str, now: Reading, before: Reading, prior: str, asks_figure: bool = False) -> str:
    """`浙江去年实际增长了多少` after `浙江和江苏今年GDP增长目标哪个高？`: a place named with a figure asked of no topic
    of its own is the thread's topic asked of that place (浙江去年GDP实际增长了多少); "" otherwise.

    Args:
        asks_figure: only when the turn asks how much (多少, 几), not only a measure (目标呢).
    """
    if not now.places or not before.places or now.level or FORECAST.search(q):
        return ""
    rest = re.sub(r"^(?:那么?|那)", "", without_names(q, now.place_names).strip(" ，,")).strip()
    if not rest or _own_topic(rest) or not (_ASK_TAIL.search(rest) or not asks_figure and _MEASURE_WORDS.search(rest)):
        return ""
    phrase = topic_phrase(before, prior)
    if not phrase:
        return ""
    if _says_when(rest) or _MEASURE_WORDS.search(rest) or _OWN_MEASURE.search(rest):
        year = "".join(_YEAR_WORD.findall(rest)[:1])
    else:  # (河北是多少 after 山西今年GDP增长目标是多少: as 河北呢, the thread's year and measure)
        year = "".join((_YEAR_WORD.findall(prior) or NOW.findall(prior))[:1])
        phrase = _with_its_measure(phrase, prior)
    # (青海那边今年修多少公里 after …多少公里农村公路: the thread's thing counted, after the unit)
    asked = _counted_again(_YEAR_WORD.sub('', rest).strip(), before, prior, said=phrase)
    return f"{''.join(now.place_names)}{year}{_said_once(phrase, asked)}"


# A turn that opens by setting the thread's figure against another (高过全国水平, 跑赢全国了吗): what it compares is the
# thread's (group 1: the turn from its first word, 那 dropped).
_SET_AGAINST = re.compile(r"^(?:那么?|那)?((?:是不是|是否|有没有)?(?:也|还|已经|第一次|首次|头一回|頭一回)*"
                          r"(?:高[过過于於]|超[过過出]|低[于於]|快[于於]|慢[于於]|好[于於]|[领領]先[于於]?|跑[赢贏输輸]|追上|[赶趕]上))")
# …asked as yes or no (是不是…, …了吗, …没有): 超过100亿元的项目有哪些 sets no figure against another, it asks its own thing.
_YES_OR_NO = re.compile(r"^(?:那么?|那)?(?:是不是|是否|有没有)|(?:吗|嗎|没有|沒有|没|沒|吧|不)[？?。！!]*$")


# A figure checked (…60多万户，对不对？, 是36万户吧).
_CHECKED = re.compile(r"(?:对不对|对吗|对吧|是吧|是吗|是不是|吗|吧)[？?。！!]*$")
# A measure a turn names of its own (增速, 实际, 总量, 完成了多少): the thread's is not carried over it.
_OWN_MEASURE = re.compile(r"增速|增长|增幅|实际|总量|完成|目标|计划|预期")


def _misread_as_place(word: str, flag: str, after: str, then: str = "") -> bool:
    """Is a word the tagger calls a place name a verb (惠及了多少户, 新建多少: no place, and right before 了 or the count
    asked, where a verb stands; 新建和改造: joined by 和 to a verb `then`, as verbs are; 长江沿线, 华北地区 stay places)?"""
    from qa.common.places import lookup

    return flag == "ns" and lookup(word) is None and (after in ("了", "过", "着") or after.startswith(("多少", "几"))
                                                      or after in ("和", "与", "及", "并") and then == "v")


def _doing_after_verb(words: list[tuple[str, str]], i: int) -> bool:
    """Is word `i`, a verbal noun of building or mending (`_DOING`), the second verb of a doing (开工/v 建设/vn 的): right
    after a verb and before 的, 了, 过 or the count, where no thing stands (引进/v 投资/vn 了多少: 投资 is the thing)?"""
    after = words[i + 1][0] if i + 1 < len(words) else ""
    return words[i][1] == "vn" and bool(_DOING.fullmatch(words[i][0])) and i > 0 and words[i - 1][1] == "v" \
        and (after in ("的", "了", "过") or after.startswith(("多少", "几")))


# Words that say a figure is expected or striven for (预计, 力争到), and, before a figure, that ask whether it is so
# (是不是已经连续20年…): they name no topic (今年力争到多少, 海南那边预计是多少 ask of the thread's indicator; 是不是比去年多
# compares, a question of its own).
_NO_TOPIC_WORDS = re.compile(r"预计|(?<![努全竞])力争")
_WHETHER_WORDS = re.compile(r"是不是|是否|有没有")


def _own_topic(question: str) -> bool:
    """Does a follow-up name a topic of its own (a noun beyond years, measures and asking words)?"""
    text = _NOT_TOPIC.sub(" ", _MEASURE_WORDS.sub(" ", _YEAR_WORD.sub(" ", question)))
    text = _NO_TOPIC_WORDS.sub(" ", _ASKING_WORDS.sub(" ", _GOES_ON.sub("", text)))
    if re.search(rf"\d|{_HOW_MANY}", question):
        text = _WHETHER_WORDS.sub(" ", text)
    words = tagged_words(text)
    if any(len(w) >= 2 and (flag[:1] == "n" or flag in ("vn", "eng", "j", "l"))
           and not _misread_as_place(w, flag, words[i + 1][0] if i + 1 < len(words) else "",
                                     words[i + 2][1] if i + 2 < len(words) else "")
           and not _doing_after_verb(words, i)
           for i, (w, flag) in enumerate(words)):
        return True
    content = [w for w, flag in words if flag[:1] in ("v", "a", "b", "n") and len(w) >= 2]
    if len(content) == 1 and content[0] == question.strip(" ，,。？?！!") and not _WAY_WORDS.fullmatch(content[0]):
        return True  # a word said alone is what the turn is about (就业/v after 民生方面做得怎么样)
    # Three two-character words in a row with nothing between them are a compound noun, whatever the tagger calls its
    # parts (一般/a 公共/b 预算/v 收入/v): a verb phrase puts a particle or an object between its verbs.
    run = 0
    for w, flag in words:
        run = run + 1 if len(w) >= 2 and flag[:1] in ("a", "b", "n", "v") else 0
        if run >= 3:
            return True
    # A two-character verb right before a one-character noun names a thing by what it is for (保障/v 房/n, 充电/v 桩/n,
    # 停车/v 位/n): a verb taking an object puts 了, a measure or more between (筹集了…套).
    return any(len(w) == 2 and flag[:1] == "v" and len(n) == 1 and n_flag == "n"
               for (w, flag), (n, n_flag) in zip(words, words[1:], strict=False))


# Asking on what a figure was based (这么定的依据是什么, 凭什么定这么高, 根据什么): why it is what it is.
_BASIS = re.compile(rf"依据|理由|根据(?:什么|啥)|[凭靠](?:什么|啥)|(?:怎么|咋|如何|怎样)定|{HAVING_GROUNDS}")
# (完成起来有啥支撑, 有把握实现吗: what the target stands on)
# The words of asking how or why, and of the means in general (措施, 办法, 活动): no topic of their own; nor is what a
# figure was set as (定成一个区间, 定在5%以上: the thread's target, described).
_WAY_WORDS = re.compile(r"措施|举措|办法|做法|政策|手段|路径|抓手|例子|原因|理由|依据|实现|做到|达到|完成|目标|定得?这么[高低多少快]|"
                        r"有?信心|有把握|底气|支撑|有利条件|起来|"
                        r"这么定|这样定|"
                        r"定(?:成|在|为|到)(?:了|一个|个)?[^，,。？?！!]{0,8}?(?=[，,。？?！!呢吗啊]|$)|"
                        r"这么[高低多少快]|具体|主要|哪些|什么|怎么|如何|怎样|为什么|为何|为啥|靠|"
                        # asking to be told (具体都有哪些举措，说说看; not the 说 of 学说, 讲座)
                        r"(?:说说|讲讲|谈谈|聊聊)看?|[说讲]看(?=[？?。！!]*$)")
_ASKING_WORDS = re.compile(rf"(?:是|有|为|达到|要)?(?:{_HOW_MANY})(?:个|名|人|家|次|万|亿)?|怎么样|如何|吗|呢")


def resolve_chain(questions: list[str], read: Reader, many_reports: bool) -> str:
    """The last of a run of questions, resolved against the ones before it (so follow-ups can follow follow-ups)."""
    current = questions[0]
    for i in range(max(1, len(questions) - 6), len(questions)):  # each with the thread before it (哪个多 needs two)
        current = _resolved(questions[i], questions[:i], current, read, many_reports).question
    return current


# Indicators that are counts, levels or totals, asked as amounts (粮食产量呢, 外贸进出口总额呢 after …增长多少; a
# total whose target is a rise, 社会消费品零售总额增长5%左右, still answers …总额目标是多少).
_COUNTED = re.compile(r"新增|产量|人数|人口|总量|总额|(?<!生产)总值|面积|数量|就业|人次|个数")
_MEASURED = re.compile(r"(?:增长|增速|增幅|涨幅|率)$")


# A share asked of the thread's figure: `占全国的比重`, `占比`, `在全省的份额`.
_SHARE = re.compile(r"(?:占|在)?(?:全国|全省|全市|全区|全县|全球)?的?(?:比重|占比|比例|份额)")


def _swap_said(question: str, prior: str, read: Reader) -> str:
    """A swap said with a condition or a question of its own, in the words the rest of `_resolve` reads:
    `湖南的话呢` -> `湖南呢`; `换成湖南的话，增幅是多少` and `换成湖南，增幅是多少` -> `湖南增幅是多少`; one that only asks the
    thread's figure again (`换成内蒙古，改了多少个？`) is left to be read as `内蒙古呢`; other turns as they are. A condition
    that is no place, year or thing (`这样的话`, `没完成的话`) swaps nothing."""
    said = question.strip()
    condition = _CONDITION.match(said)
    if condition and not (_only_place_or_year(condition.group("item"), read) or (
            _noun_only(condition.group("item")) and re.match(r"的话呢?(?:[，,？?。！!\s]|$)", said[condition.end("item"):]))):
        condition = None  # (总书记的话是怎么说的: his words; a thing's condition is closed by a mark)
    if condition:
        rest = said[condition.end():]
        said = f"换成{condition.group('item')}，{rest}" if rest.strip("？?呢。！!") else f"{condition.group('item')}呢"
    then, swapped = _SWAP_THEN.match(said), _SWAP_WITH.match(said)
    if swapped and not (then and _asks_again(then.group("rest"), prior)) and _swappable(swapped.group("item"), read):
        return f"{swapped.group('item')}{swapped.group('rest')}"
    return said if condition else question


def _ends_in_words(phrase: str, own: str) -> bool:
    """Does `phrase` end in `own`, cut where no word runs across (新能源汽车产量 in 产量; not 外贸进出口 in 出口: 进出 is a
    word)?"""
    if not phrase.endswith(own) or len(own) < 2:
        return False
    before = phrase[: -len(own)]
    return not before or not word_count(before[-1] + own[0])


def _swappable(item: str, read: Reader) -> bool:
    """Is what a turn swaps in a place, a year or a thing (not 下一个问题: 换到下一个问题 moves on)?"""
    return _only_place_or_year(item, read) or (_noun_only(item) and not re.search(r"问题|话题", item))


def _asks_again(rest: str, prior: str) -> bool:
    """Does the clause after a swap only ask the thread's count again (改了多少个, 有多少), asking no year, target, rank,
    share, change or reason of its own (增长了多少, 占全省多少)?"""
    return not names_a_thing(rest) and (
        _restates(rest, prior) or (len(re.split(_COUNT_TAIL, rest)[0]) <= 3
                                   and not re.search(r"今年|去年|明年|前年|目标|计划|预期|要|排|为|增|降|涨|跌|减|占|比|率", rest)))


def swap(before: Reading, prior: str, item: str, read: Reader) -> str:
    """`prior` with one thing replaced by `item`: a place for a place, a year for a year, else the topic."""
    if item.startswith("换") and _only_place_or_year(item[1:], read):
        item = item[1:]  # `换陕西看看呢`: 换 only says to swap, as 换成 does
    if _NEIGHBOURING.match(item) and read(_NEIGHBOURING.sub("", item)).places:
        item = _NEIGHBOURING.sub("", item)  # `邻省云南呢？`: the place, not a topic called 邻省
    new = read(item)
    rest = without_names(item, new.place_names).strip().lstrip("的")
    named = "".join(p.short for p in new.places)  # `京明年呢`: 北京, which reads as a place again
    if new.places and rest and len(rest) < len(item) and not read(rest).places and read(named).places:
        # `天津的高考录取率呢？`, `青海明年的目标呢？`: the place swapped, then the rest
        placed = swap(before, prior, named, read)
        if rest in placed:  # `甘肃的目标呢？` after …定了多少的目标: the thread asked that already
            phrase = topic_phrase(read(placed), placed)
            if phrase != rest and phrase.endswith(rest):
                # `宁夏的城镇化率呢？` after …常住人口城镇化率…: the turn's own, shorter name, which the other report may use
                return placed.replace(phrase, rest, 1)
            return placed
        return swap(read(placed), placed, rest, read) or placed
    if _STOCK_ONLY.fullmatch(item) and (phrase := topic_phrase(before, prior)) and _ADDITION_SAID.search(phrase) \
            and _ADDITION_SAID.sub("", phrase) and _THINGS_COUNTED.search(prior):
        # `那累计总数呢？` after `…新增上市企业多少家`: all the thread's things there are, not a thing called 总数 (things
        # counted in their measure word: 新增就业多少人 counts a flow, whose 累计 is still new jobs); now, not the thread's year
        context = _context_of(before, prior, keep_year=not re.search(r"现在|目前", item))
        return f"{context}{_ADDITION_SAID.sub('', phrase)}{item}有多少"
    if new.places:  # `山西呢？`: the same question about another place
        names = sorted(before.place_names, key=len, reverse=True)
        if len(set(before.places)) >= 2 and _joined(prior, before.place_names):
            # `那广东呢？` after `江苏和浙江…哪个高`: the thread's question of that place (not 四川成都, 与天津的合作)
            return _of_one_place(prior, before.place_names, item)
        if names:
            out = prior
            for name in names:
                out = re.sub(re.escape(name), lambda _: item, out, count=1, flags=re.I)
            return out if out != prior or item in prior else f"{item}{prior}"
        return f"{item}{prior}"
    year = _YEAR_WORD.match(item)
    if year:  # `2017年呢？`, `今年的目标呢？`: the year replaced, then what else the item names
        when, rest = year.group(0), item[year.end():].lstrip("的")
        rest = _SET_BY.sub("", rest)  # `2016年定的目标呢？`: the target the report set, as the thread's
        years = _YEAR_WORD.findall(prior)
        prior = prior.replace(years[0], when, 1) if years else f"{when}{prior}"
        if not rest or rest in prior:  # `明年的目标呢？` after `…GDP目标`: the year alone changes
            return prior
        before, item = read(prior), rest
    if _SHARE.fullmatch(item):  # `占全国的比重呢？` after `新疆去年棉花产了多少`: the thread's figure's share, not a topic called 比重
        phrase = topic_phrase(before, prior)
        if phrase:
            return f"{_context_of(before, prior)}{phrase}{item}是多少"
    if before.english and re.search(r"[\u4e00-\u9fff]", item) and before.places:
        # `那一般公共预算收入目标呢？` after an English question: asked in Chinese, of the thread's place and year
        return f"{_english_context(before, prior)}{item}呢"
    measured = swap_measure(prior, _ASK_TAIL.sub("", item).removesuffix("了") if _ASK_TAIL.search(item) else item)
    if measured:  # (`增长了多少呢` switches to the growth as `增长呢` does)
        return measured
    phrase = topic_phrase(before, prior)
    restated = re.fullmatch(rf"(?P<own>.+?)(?P<measure>{_MEASURE_WORDS.pattern})", item)
    if restated and _ends_in_words(phrase, restated.group("own")) and not _PER_HEAD.search(phrase) and (
            measured := swap_measure(prior, restated.group("measure"))):
        return measured  # `产量总量呢？` after `…新能源汽车产量增长了多少`: the thread's 产量, its total
    if _PER_HEAD.fullmatch(item) and phrase and not phrase.startswith(item):
        return prior.replace(phrase, item + phrase, 1)  # `人均呢？` after `…GDP多少`: the indicator per head
    if not phrase:
        return f"{item} {prior}"
    qualifier = leading_contrast(item)
    rest = item[len(qualifier):]
    requalified = contrast_swapped(phrase, qualifier)
    if requalified and (not rest or rest in phrase):
        # `农村(居民)呢？` after `城镇(居民)…`: the qualifier swapped, the topic kept
        return prior.replace(phrase, requalified, 1)
    # `固定资产投资呢？` after `今年地区生产总值增长目标…`: the growth target kept; a count (城镇新增就业, 粮食产量)
    # has a target, not a growth rate; an item that says 目标 itself takes the place of the thread's.
    if _HEAD.fullmatch(item):
        # `收入呢？` after `旅游接待人数…`: a measure of no field by itself is the thread's field's (旅游收入)
        # (its first word, with a one-character noun before it that sets it apart: 碳排放总量 is 碳排放's)
        words = tagged_words(phrase)
        first = next((i for i, (w, _) in enumerate(words) if len(w) >= 2), None)
        lead = "" if first is None else words[first][0]
        if first is not None and all(f.startswith("n") for _, f in words[:first]):
            lead = "".join(w for w, _ in words[: first + 1])
        field = re.sub(rf"(?:{_HEAD.pattern})$", "", lead)
        if len(field) >= 2 and field not in CONTRASTS and field not in ("地区", "国内", "全省", "全市", "全县", "全区", "单位"):
            item = field + item
    counted_after = re.search(rf"(?:{_HOW_MANY})[\u4e00-\u9fff]{{0,3}}?{re.escape(phrase)}", prior)
    if _QUANTITY.search(item) and not re.fullmatch(r"(?:目标|预期|计划)*", item) and not _QUANTITY.search(phrase) \
            and not counted_after and re.search(rf"的{re.escape(phrase)}", prior):
        # `那制造业投资呢？` after `新开工10亿元以上的制造业项目有多少个`: an amount of its own, which what described the
        # thread's things (新开工…的) does not describe; one that names no thing (营业收入, 投资) is the thread's things'
        named = any(f[:1] == "n" for _, f in tagged_words(_QUANTITY.sub("", item)))
        return f"{_context_of(before, prior)}{'' if named else phrase}{item}是多少"
    own = re.search(_DOING.pattern.removesuffix("$"), item)
    if counted_after and own and own.end() < len(item) and own.group(0) not in prior and _done_then_counted(prior):
        # `城中村改造项目呢？` after `整治提升了多少条背街小巷`: a thing that names its own doing is not done, nor
        # counted, as the thread's things were
        return f"{_context_of(before, prior)}{item}有多少"
    swapped = prior.replace(phrase, item, 1)
    if _QUANTITY.search(item) and not re.fullmatch(r"(?:目标|预期|计划)*", item) \
            and re.search(rf"(?:多少|几)[\u4e00-\u9fff]{{0,3}}{re.escape(item)}", swapped):
        # `交通投资呢？` after `…要新建多少公里天然气输气管道`: an amount of its own, not counted in the thread's
        # kilometres (…新建多少公里交通投资)
        own = _QUANTITY.sub("", re.sub(r"目标|预期|计划", "", item))
        named = any(f[:1] == "n" for _, f in tagged_words(own))  # (成交额 of the thread's 矿业权: 成交 names no thing)
        return f"{_context_of(before, prior)}{'' if named else phrase}{item}是多少"
    if _QUANTITY.search(item) and not re.fullmatch(r"(?:目标|预期|计划)*", item):
        # `粮食产量呢` after `…新建高标准农田多少万亩`: an amount of its own is not asked in the thread's area, length or
        # pieces (money, people and weight go on: 民间投资 after 多少亿元 is in 亿元 still)
        swapped = re.sub(rf"(?<={re.escape(item)})(.{{0,6}}?(?:{_HOW_MANY})){_PIECES_OR_SIZE}(?!百分点)", r"\1", swapped,
                         count=1)
    elif _COUNTED_THING.search(item):
        # `那新增的重点实验室呢` after `…发行政府债券多少亿元`: a thing of its own is counted, not asked in the thread's money
        swapped = re.sub(rf"(?<={re.escape(item)})(.{{0,6}}?(?:{_HOW_MANY})){_MONEY_UNIT}", r"\1", swapped, count=1)
    if item.endswith("目标"):
        return re.sub(rf"(?<={re.escape(item)})(?:增长|增速|增幅)?目标", "", swapped, count=1)
    if _COUNTED.search(item) or _MEASURED.search(item):
        # a count has no growth target and is asked as an amount (粮食产量呢 after …GDP增长了多少: 粮食产量多少);
        # 物价涨幅 is its own measure
        return re.sub(rf"(?<={re.escape(item)})(?:增长|增速|增幅)(?:(?=目标)|了?(?=(?:是)?(?:多少|几)))", "", swapped, count=1)
    return swapped


# A stock said (累计, 总数, 一共) and the year's addition a thread's topic opens or ends with (新增各类总部机构, “四上”企业净增):
# facts of the language.
_STOCK_TURN = re.compile(r"累计|总数|一共|总共|共有|现有")
# A turn that asks only the stock (累计总数, 一共, 现有总量): the thread's things, all of them, where it counted things.
_THINGS_COUNTED = re.compile(r"(?:多少|几)(?:个|家|所|座|户|项|条|辆|台|张|套|处|艘|架|只|支)")
_STOCK_ONLY = re.compile(r"(?:累计|累积|现有|目前|现在)?(?:的|有)?(?:总数|总量|总共|一共|累计|累积|总计)(?:数量)?")
_ADDITION_SAID = re.compile(r"^(?:新增|净增|新建|新开|新认定|新培育|新引进)|(?:新增|净增)$")
# A total of something with no thing named (总投资是多少, 现在总规模超过多少了): the thread's thing's total.
_TOTAL_OF = re.compile(r"^(?:那么?|那)?(?:现在|目前)?(?:它们?的?|这些|其)?总(?:投资|规模|面积|里程|长度|金额|产值)")


def _doer(question: str, reading: Reading) -> str:
    """Who or what did the counted doing of a question, said before its verb, place and year aside (海河产业基金 in
    `天津海河产业基金带动了多少只母基金`; "" in `河南去年新建了多少所学校`)."""
    words = _aspect_dropped(_YEAR_WORD.sub(" ", without_names(question, reading.place_names, " ")))
    count = _count_after_verb(words, ("v",))
    if count is None:
        return ""
    doer = [(w, f) for w, f in words[: count - 1] if w.strip(" ，,")]
    named = "".join(w for w, _ in doer)
    # (nouns only: 城镇新增/v 就业 names no doer; 整治/n 提升 is one doing the tagger took half for a noun)
    ok = doer and all(f[:1] == "n" or f in ("j", "nz") for _, f in doer) and not _DOING.fullmatch(named)
    return named if ok and len(named) >= 2 else ""


def _opens_with_doing(text: str) -> bool:
    """Does the text open with a verb of its own and then what it did or counts (投了多少, 建了几个), not one of being or
    having (是, 有, 要), nor a verb before a noun that it describes (接待床位)?"""
    words = tagged_words(text) if text else []
    return len(words) >= 2 and words[0][1] == "v" and words[0][0] not in ("是", "有", "要", "会", "能", "可以", "还", "也") \
        and (words[1][0] in ("了", "过", "多少", "几") or words[1][1] == "m")


def _done_then_counted(question: str) -> bool:
    """Does the question count what a verb did (整治提升了多少条, 新建几所)?"""
    return _count_after_verb(_aspect_dropped(question), ("v", "vn")) is not None


def _aspect_dropped(text: str) -> list[tuple[str, str]]:
    """The text's tagged words without the aspect particles 了 and 过 (建了多少: 建 right before 多少)."""
    return [(w, f) for w, f in tagged_words(text) if w not in ("了", "过")]


def _count_after_verb(words: list[tuple[str, str]], verbs: tuple[str, ...]) -> int | None:
    """Where the first count (多少, 几) right after a word tagged as one of `verbs` stands among `words`, if any."""
    return next((i for i, (w, _) in enumerate(words) if w in ("多少", "几") and i and words[i - 1][1] in verbs), None)


def _of_one_place(prior: str, names: tuple[str, ...] | list[str], item: str) -> str:
    """`江苏和浙江…哪个高` asked of `广东` alone: the first place named becomes it, the others go with the word joining
    them, and what compares or sets them side by side (哪个高, 分别, 比一比) asks its figure instead."""
    first, *others = names
    out = prior
    for name in others:
        out = re.sub(rf"{_JOINING}\s*{re.escape(name)}(?:的)?", "", out, count=1, flags=re.I)
    out = re.sub(re.escape(first), lambda _: item, out, count=1, flags=re.I)
    out = _SIDE_BY_SIDE.sub("", re.sub(rf"各(?=(?:是|有|为)?(?:{_HOW_MANY}))", "", out))  # 各多少: each, of one place
    if re.search(_HOW_MANY, _WHICH_MORE.sub("", out)):  # 各多少，哪个多: the figure is asked already
        return re.sub(rf"[，,]?\s*{_WHICH_MORE.pattern}", "", out)
    return _WHICH_MORE.sub("是多少", out)


def _joined(text: str, names: tuple[str, ...] | list[str]) -> bool:
    """Does `text` join two of its places by a word that sets them side by side (江苏和浙江, 山西、陕西)?"""
    return any(re.search(rf"{re.escape(a)}(?:省|市|县|区)?\s*{_JOINING}\s*{re.escape(b)}", text, re.I)
               for a in names for b in names if a != b)


# The words that join two places side by side (江苏和浙江, 山西、陕西).
_JOINING = r"(?:和|与|跟|同|及|以及|或|还是|、|，|,)"
# What sets a question's places side by side (`分别`, `比一比`) and asks which is higher (`哪个高`, `谁更多`).
_SIDE_BY_SIDE = re.compile(r"分别|各自|各是|(?:来)?比一比|(?:做个?|进行)?(?:对比|比较)(?:一下)?")
# (谁定得高, 哪个增得快: the verb of the figure, with 得, between)
_WHICH_MORE = re.compile(r"(?:哪个|哪一个|哪家|哪边|哪里|谁)(?:省份?|市|县|区|城市|地方)?(?:的)?(?:[\u4e00-\u9fff]{1,2}得)?"
                         r"(?:更|比较)?[高低多少快慢大小](?:一些|些|呢|啊)?")
# A turn that sets a place against the thread's and says only that (和湖南比差多少, 两边比一比, 对比一下): the verb of
# comparing, with whom (和它), and what difference is asked, if any.
_COMPARING = (r"(?:(?:和|跟|与|同)(?:它|他)?)?(?:两边|两地|两省|两市|两县|两区|两者|二者|两个|俩)?"
              r"(?:相?比(?:一比|比|较|一下|较一下)?|对比(?:一下)?)?(?:的话)?(?:一下)?")
_COMPARE_VERB = re.compile("^" + _COMPARING)
# A turn that sets another place beside the thread's to add them up (海南呢？加起来多少, 两省加起来呢).
# (一共 alone asks a total; said of the two, 两地一共, it adds them)
_ADDED_UP = re.compile(rf"{SUM_WORDS}|(?:两地|两省|两市|两县|两区|两个|两者|二者|俩|它们)的?(?:一共|总共)")
_ADDED_UP_ONLY = re.compile(rf"{_ADDS_UP}(?:(?:多少|几)(?:{_UNIT_WORD.pattern})?)?")
_COMPARES_ONLY = re.compile(_COMPARING + r"(?:(?:相)?差(?:了)?(?:多少|几个百分点|距多大|距有多大)|" + _WHICH_MORE.pattern + ")?")

# Words that locate a place by the thread's (`邻省云南`, `隔壁的山西`) and a measure per head (`人均呢？`).
_NEIGHBOURING = re.compile(r"^(?:邻省|邻市|邻县|邻近的?|相邻的?|隔壁的?|周边的?|旁边的?)")
_PER_HEAD = re.compile(r"人均|户均|每人")
# How a target is said to be set (定的目标, 提出的目标): the target itself.
_SET_BY = re.compile(r"^(?:定下?|制定|设定|提出|确定)(?:的|$)")
# A measure of no field by itself (收入, 人数, 产值): a follow-up's `收入呢？` is the thread's field's.
_HEAD = re.compile(r"收入|人数|人次|产值|总产值|总额|产量|增加值|面积|数量|强度")
# What names a thing that is counted, not an amount (重点实验室, 外贸企业, 项目): never asked in the thread's 亿元.
_COUNTED_THING = re.compile(r"(?:实验室|企业|公司|项目|学校|幼儿园|医院|基地|中心|园区|工厂|平台|基站|站|馆|机构|景区|小区|学位|床位|岗位|"
                            r"车位|充电桩|家数|个数)$")
# What names a quantity (GDP总量, 出生人口, 失业率, 社零额): an indicator asked by its figure, not a field of work (教育, 养老).
_QUANTITY = re.compile(rf"(?:{_HEAD.pattern}|总量|人口|[率额数值量]|规模|价格|指数|增速|增长|增幅|比重|占比|支出|投资|"
                       r"GDP|gdp|生产总值|目标|多少|几|平均|[日月]均|最高|最多|峰值)$|多少|几")

# What a follow-up can switch while keeping the indicator: a figure's measure (facts of the language:
# the words reports and people use for growth, a total, a target and a result).
MEASURES = {
    "growth": ("增长率", "增速", "增幅", "涨幅", "降幅", "增长了", "增长"),
    "total": ("总量", "总额", "总数", "规模", "总共", "一共"),  # not 总值: it is part of 地区生产总值
    "target": ("目标", "计划", "预期"),
    "result": ("实际完成", "实际", "完成了", "完成"),
}
_MEASURE_OF = {w: kind for kind, words in MEASURES.items() for w in words}
_AXES = {"growth": ("growth", "total"), "total": ("growth", "total"), "target": ("target", "result"),
         "result": ("target", "result")}  # a measure takes the place of one of its own axis
# (规模以上 names a class of firms, no measure)
_MEASURE_WORDS = re.compile("|".join(sorted(_MEASURE_OF, key=len, reverse=True)).replace("规模", "规模(?!以上)"))
_ASK_TAIL = re.compile(rf"(?:是|有|为|达到|要)?(?:{_HOW_MANY})")


def swap_measure(prior: str, item: str) -> str:
    """`总量呢？` after `…GDP增速多少？`: the measure replaced, the indicator, place and year kept ("" if `item`
    is not a measure)."""
    item = to_simplified(re.sub(r"^(?:那|那么|还有)|(?:是|的|又是)$", "", item))
    words = _MEASURE_WORDS.findall(item)
    if len(words) == 2 and "".join(words) == item and _MEASURE_OF[words[0]] != _MEASURE_OF[words[1]]:
        # `实际增速呢` after `…经济增长目标是多少`: each measure takes the place of its own kind (实际 for 目标, 增速 for 增长)
        out = prior
        for word in words:
            axis = _AXES[_MEASURE_OF[word]]
            x = next((x for x in _MEASURE_WORDS.finditer(to_simplified(out)) if _MEASURE_OF[x.group(0)] in axis), None)
            out = out[:x.start()] + word + out[x.end():] if x else (swap_measure(out, word) or out)
        return out
    m = _MEASURE_WORDS.fullmatch(item) or _MEASURE_WORDS.fullmatch(item.removeprefix("去年").removeprefix("今年"))
    if not m:
        return ""
    kind = _MEASURE_OF[m.group(0)]
    axis = _AXES[kind]
    old = [x for x in _MEASURE_WORDS.finditer(to_simplified(prior)) if _MEASURE_OF[x.group(0)] != kind
           and _MEASURE_OF[x.group(0)] in axis]
    if old:
        x = old[0]
        if x.group(0) == "总额" and kind == "growth":  # 进出口总额, 零售总额 name the indicator: its growth is said after
            return prior[:x.end()] + m.group(0) + prior[x.end():]
        return prior[:x.start()] + m.group(0) + prior[x.end():]
    same = next((x for x in _MEASURE_WORDS.finditer(to_simplified(prior)) if _MEASURE_OF[x.group(0)] == kind
                 and x.group(0) not in ("一共", "总共")), None)  # (一共, 总共 ask; they measure nothing)
    if same is not None:  # `增速呢` after `…产量增长了多少`: the measure said in the other words (not 增长了增速)
        return prior[:same.start()] + m.group(0) + prior[same.end():]
    ask = _ASK_TAIL.search(prior)
    if ask:  # no measure said before: put it before the asking words
        head = prior[:ask.start()]
        if kind == "target":  # (突破了多少, 增长了多少: what it came to is none of the target's words)
            head = re.sub(r"(?:(?:突破|达到|達到|实现|實現|完成)了?|了)$", "", head)
        return head + m.group(0) + "是" + prior[ask.start():].lstrip("是有为")
    return f"{prior.rstrip('？?。')}{m.group(0)}"


_REPORT_WORDS = re.compile(r"(?:(?:政府)?工作)?报告(?:里面|里|中|上|说|提到|提出|写的?)?")


def topic_phrase(reading: Reading, text: str) -> str:
    """The run of words a question is about, between its place/year and its frame (地区生产总值 in
    `今年地区生产总值增长目标是多少？`, 城镇新增就业 in `城镇新增就业目标是多少？`)."""
    rest = _YEAR_WORD.sub(" ", without_names(text, reading.place_names, " "))
    rest = _REPORT_WORDS.sub(" ", rest)  # (海拉尔2014年报告里，2013年社零…: the report pointed at is no topic)
    rest = re.sub(r"[上前]一年|当年", " ", rest)  # (报告说前一年新建了…: the year it reviews is no topic either)
    best = ""
    for chunk in re.split(r"[\s，,。？?！!]+", rest):
        run: list[tuple[str, str]] = []
        done: list[tuple[str, str]] = []  # a run of verbs alone before the count (建 in 建多少保障房)
        opened = False  # a preposition (在) opened the run: a one-character locative (上, 中) closes it
        after_word = ""  # the word the run follows (已 in 已投产的)
        # (多少个托位: the tagger glues 个托位 into one noun; the measure word is the count's)
        tagged = [t for piece in measure_word_apart(chunk).split(" ") if piece for t in tagged_words(piece)]
        words = _sized(_counting(_attributive(_glued(tagged)), reading)) + [("。", "end")]
        for i, (word, flag) in enumerate(words):
            if not run and (flag == "q" or done and _UNIT_WORD.fullmatch(word)):
                continue  # 多少个养老院, 多少条/n 城市道路: the measure word belongs to the count, not to what is counted
            if flag == "c" and word in _VERBS_JOINED and run and all(f == "v" for _, f in run):
                run.append((word, "v"))  # 新建和改造提升多少高标准农田: verbs joined are one doing, before the count
                continue
            if flag == "c" and word in _VERBS_JOINED and run and run[-1][1].startswith("n") \
                    and words[i + 1][1].startswith("n"):
                run.append((word, "n"))  # 新能源及新能源装备制造业产值: nouns joined are one topic
                continue
            if flag == "r" and word in ("各类", "各种", "各项", "各级", "各个") and words[i + 1][1].startswith("n"):
                run.append((word, "b"))  # 新增各类总部机构: 各类 says which of the noun after it, in its phrase
                continue
            if word in ("了", "过") and run and (len(run) == 1 or all(f in ("v", "vn", "a", "ad", "d") for _, f in run)
                                                 or len(run) == 2 and run[-1][1] == "v" and words[i + 1][1] == "m"):
                # (整治/n 提升/v 了多少条背街小巷: a doing the tagger took half for a noun)
                run = [(w, "v") for w, _ in run]  # 新建了多少高标准农田: 了 marks a verb (whatever jieba tagged it),
                continue  # the count and its topic follow
            if _FRAME.fullmatch(word) or flag in ("r", "m", "p", "c", "d", "y", "e", "end") or flag.startswith("u") \
                    or (opened and run and flag == "f" and len(word) == 1):  # (在养老服务上有什么打算; 线上消费 stays)
                opened = flag == "p"
                # a verb alone before 的 says what was done to the topic after it (定的旅游人数目标: 旅游人数), as does a
                # doing completed (已建成投用的标准化厂房, 已投产的, 新开工的重大项目, 累计认定的: the 厂房, the 项目)
                done_before = _a_doing(run) and (after_word in ("已", "已经", "刚", "刚刚")
                                                 or re.search(r"成|好|^新|^累计", "".join(w for w, _ in run)))
                if run and not (word.endswith("的") and (len(run) == 1 and run[0][1] == "v" or done_before)):
                    if done or not ((flag == "m" or word in ("什么", "什么样", "哪些", "啥")) and _a_doing(run)):
                        break
                    done = run  # 建多少保障房, 推进什么试点: what is built, counted or named after 多少, is the topic
                run = []
                after_word = word
                continue
            run.append((word, flag))
        if done and (not any(f.startswith("n") or f == "vn" for _, f in run)
                     or all(f == "q" or _UNIT_WORD.fullmatch(w) for w, f in run)):
            run = done  # (培训多少人次, 出栏了多少头: the doing is the topic, not the unit it is counted in)
        if len(run) >= 2 and len(run[-1][0]) == 1 and run[-1][1] == "v" and run[-1][0] not in "率量值额数价费":
            run.pop()  # 棉花产了多少: 产 says what the topic did
        phrase = "".join(w for w, _ in run)
        if len(phrase) > len(best):
            best = phrase
    return best


def _a_doing(run: list[tuple[str, str]]) -> bool:
    """Is a run of tagged words before a count what is done to the thing counted after it: verbs with their adverbs
    (更新改造/l 多少公里管网, 新/a 开放/v), or one word the tagger calls a name or an abbreviation (新开工/nz 多少个重大项目,
    建成投产/j 几处煤矿)?"""
    return (all(f in ("v", "vn", "l", "a", "ad", "d") for _, f in run) and any(f in ("v", "vn", "l") for _, f in run)) \
        or (len(run) == 1 and run[0][1] in ("nz", "j"))


def _counting(words: list[tuple[str, str]], reading: Reading) -> list[tuple[str, str]]:
    """Tagged words with a "place" the question does not name, right before a count or joined to a verb, read as the
    verb of what is counted (新建/ns 多少个养老院, 新建/ns 和改造, 新建/ns 改造 多少条: 新建 is done to them, not a county
    called 新建)."""
    def doing(i: int) -> bool:
        after = [f for _, f in words[i + 1:i + 3]]
        then = [f for _, f in words[i + 1:i + 4]]
        while then and then[0] in ("v", "vn", "ul"):  # (新建/ns 改造 多少条, 新建/ns 运营 了 几个: verbs, then the count)
            then = then[1:]
        return bool(after) and (after[0] == "m" or after[0] == "c" and after[1:] == ["v"] or then[:1] == ["m"])
    return [(w, "v") if f == "ns" and w not in reading.place_names and doing(i) else (w, f)
            for i, (w, f) in enumerate(words)]


_VERBS_JOINED = frozenset("和 与 及 并".split())  # (the conjunctions that join two doings, 新建和改造, or two nouns)


def _sized(words: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Tagged words with a size said of the noun after 的 (10亿元以上的制造业项目, 5000万元以上的) made one 的 with it: the
    size is the noun's attribute, not a count that ends the topic's run."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and (words[j][1] in ("m", "q") or j > i and words[j][0] in ("以上", "以下", "左右", "以内")):
            j += 1
        if j > i and words[i][0][:1].isdigit() and j < len(words) and words[j][0] == "的":
            out.append(("".join(w for w, _ in words[i:j + 1]), "uj"))  # (read as the 的 it ends with)
            i = j + 1
            continue
        out.append(words[i])
        i += 1
    return out


def _attributive(words: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Tagged words with an "adverb" that stands before a noun read as the noun's attribute (超长期/d 特别/d 国债/n): an
    adverb modifies verbs and adjectives, never a noun, so one the tagger put before a noun belongs to the noun's phrase."""
    out = list(words)
    for i, (word, flag) in enumerate(out):
        if flag == "d" and len(word) >= 2:
            after = next((f for _, f in out[i + 1:] if f != "d"), "")
            if after.startswith("n"):
                out[i] = (word, "b")
    return out


def _glued(words: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Tagged words with a figure glued to the Latin letters after it (5G, 5A are names, not counts), and a name in
    quotation marks made one (“四上”企业, “一老一小幸福院”: one thing, whatever the tagger makes of its parts; a plan's
    period, “十四五”, is a time, left as it is)."""
    out: list[tuple[str, str]] = []
    opened = -1  # where the name in quotation marks began in `out`
    for word, flag in words:
        if out and out[-1][1] == "m" and out[-1][0].isdigit() and re.fullmatch(r"[A-Za-z]+", word):
            out[-1] = (out[-1][0] + word, "nz")
        elif word in ("”", "」") and opened >= 0 \
                and not _PLAN_PERIOD.fullmatch("".join(w for w, _ in out[opened + 1:])):
            out[opened:] = [("".join(w for w, _ in out[opened:]) + word, "nz")]
            opened = -1
        else:
            opened = len(out) if word in ("“", "「") else opened
            out.append((word, flag))
    return out


_PLAN_PERIOD = re.compile(r"十[一二三四五六七八九]五")
_QUOTED_PERIOD = re.compile(rf"[“「]({_PLAN_PERIOD.pattern})[”」]")
# A thread asking over a span of years (2014年以来, 2012年到2015年, 十二五期间): another year is no swap of its one year.
_SPAN_SAID = re.compile(rf"以来|期间|(?:年|\d)(?:到|至)(?:19|20)?\d\d|{_PLAN_PERIOD.pattern}")


def _english_context(reading: Reading, text: str, keep_year: bool = True) -> str:
    """An English question's place and year as a Chinese turn after it says them (`云南去年` for Yunnan … last year)."""
    said = re.search(r"\b(?:19|20)\d\d\b|\bthis year\b|\blast year\b", text, re.I) if keep_year else None
    when = "" if said is None else {"this year": "今年", "last year": "去年"}.get(said.group(0).lower(), f"{said.group(0)}年")
    return f"{''.join(dict.fromkeys(p.short for p in reading.places))}{when}"


def _context_of(reading: Reading, text: str, keep_year: bool = True) -> str:
    """The place and year words of a question (`山西省2025年`), as they were written; a year's report named (海拉尔2015年
    报告里…, 2024年政府工作报告里…) stays the report, whose year is its plan's, not the year its review looks back on."""
    parts = list(reading.place_names)
    years = _YEAR_WORD.findall(text) if keep_year else []
    report = _REPORT_OF_YEAR.search(text) if years else None
    if report and report.group("year") == years[0]:
        # (海拉尔2018年的报告里，2017年…: the year the report looks back on goes with it)
        looked_back = next((y for y in years[1:] if y != years[0]), "")
        return "".join(dict.fromkeys(parts)) + report.group(0) + (f"，{looked_back}" if looked_back else "")
    return "".join(dict.fromkeys(parts + years[:1]))


_REPORT_OF_YEAR = re.compile(r"(?P<year>(?:19|20)\d\d年)的?(?:政府)?(?:工作)?报告(?:里面|里|中|上)?的?")


def _shown(question: str) -> str:
    return question.rstrip("？?。")
