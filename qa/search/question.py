"""A question before it is searched: checked (one place for the CLI and the chat), then read.

Reading a question finds what no keyword search sees: the places and years it names, whether it
names a report (`2025年山西省政府工作报告`), relative years (去年, 今年, 前年), and what kind of
answer it wants (a figure, a person, a date, a plan).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass

from qa.common.asking import ASKING_JI, GAP_ASKED, MORE, alternation, contrast_swapped, item_asked, leading_contrast
from qa.common.asking import words as asking_words
from qa.common.errors import QuestionError
from qa.common.normalize import arabic_figures, for_search, to_simplified
from qa.common.places import Place, counties_by_stem, counties_within, find_places, sites_within, sounds_like
from qa.common.years import (
    PLAN_PERIOD,
    REPORT_YEAR,
    SEVERAL_YEARS,
    YEAR_MENTION_STRICT,
    YEAR_NIAN,
    YEAR_WORDS,
    plan_period,
    relative_offset,
    short_years,
    years_in,
)
from qa.search.english import english_parts

MAX_CHARS = 500
HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^<>]*>")


# What a year came to, said outright: a fact of the language (a plain 增长多少 may mean either).
# (实际使用外资 is an indicator's name; 最终能… asks a forecast; 最后一件 is a place in a list)
_RESULT_WORDS = re.compile(r"实际(?!使用|利用)|最终(?![能会将要])|实现了|完成(?:了|得|多少|几)|"
                           r"最后(?=(?:是|为|有|达到|达|到了|做到|实现)了?(?:多少|几)|了?多少)|\bactual(?:ly)?\b|\bended up\b")
NOW = re.compile(r"现在|目前|如今|眼下")  # (the state a report found, not a plan)
NOW_EN = re.compile(r"\b(?:currently|now|at present|presently|to date)\b", re.I)
# (`how many jobs does Henan expect to create now` asks a plan, whatever `now` says)
_PLAN_EN = re.compile(r"\b(?:plans?|planned|planning|expects?|expected|targets?|aims?|goals?|going to|will|projected|"
                      r"set to|intends?|to reach)\b", re.I)
# 多少了, 几个了 at a turn's end ask what a figure has come to by now: the thread's year (今年, a plan) is not the turn's;
# the report may still say it in its plan (标准提高到…), so the question itself names no year.
BY_NOW = re.compile(NOW.pattern + r"|(?:多少|几)(?:[个万亿]|公里|所|家|条|座|项|件|人|元|吨|亩){0,2}了(?=[吗呢啊呀]?[？?。！!]*$)")
_TASKS_DONE = re.compile(r"完成了(?:多少|几)?[项个件条]?[^，,。？?]{0,8}?任务")
# A question that asks for a plan or target rather than a result.
# (要 of intent, not the 要 of 主要/重要/需要/要求)
PLAN_WORDS = re.compile(r"目标|预期|计划|打算|准备|将要|(?<![主重需必只纪])要(?![求素点闻])|力争|安排|部署|任务|拟|争取|控制在|"
                        r"(?<![锚稳规决认鉴约否肯固坚判裁选评审])定(?:的是|得|的|了|在|为|成)(?:多少|几|百分之)|"  # 定的多少: a figure set
                        # 具体怎么做: what will be done (是怎么做到…的, 怎么做好的, 怎么做大…的: what was)
                        r"(?<!是)(?:怎么|如何|怎样)(?:做|干|办)(?![的了过到好大成出得])(?![^，,。？?]*的[？?。]*$)|"
                        r"target|plan|aim|goal|will")
# 谁 comparing (谁的目标更高, 谁多): "which one", not a person asked for.
WHICH_ONE = re.compile(r"谁(?:的[^，,。？?]{0,15}?)?(?:更|最|比较|较)?(?:高|低|多|少|快|慢|大|小|强|弱)")
WHO = re.compile(alternation(asking_words("who") + ("姓名", "名字", "speaker", "delivered by", "by whom"))
                 + r"|\bwho\b|\bwhose\b(?!.*\b(?:bigger|larger|greater|higher|lower|smaller|faster|slower|more|less)\b)"
                 r"|哪个人(?![数口次均])")  # whose economy is bigger: which place
# (English words whole: `dilapidated` holds no date, nor does `to date` or `up-to-date` ask one)
WHEN_WHERE = re.compile(alternation(asking_words("when") + ("日期", "在哪里作", "在哪作"))
                        + r"|\bwhen\b|\bwhich session\b|(?<!\bto )(?<!-to-)\bdates?\b")
# When an event happens, asked by its year or month (哪一年建成, 哪个月通车; not 哪一年的GDP最高, which year's figure): a
# time the report gives for it, never the report's own date.
_EVENT_WHEN = re.compile(r"哪一?年(?![的份度里中比更最高低多少大小快慢])|哪个月|几月份|哪[几两]天")  # (哪几天下的: a time)
# `When Typhoon Yagi hit, how many vessels…`: `when` opens a clause; the question asks how many.
# A when-question about the report's own occasion (哪天作的, 在什么会上, which session, the report itself), not about an
# event the report names (音乐日是哪天, 封关运作定在什么时候: answered by the time the report gives for it).
_OCCASION = re.compile(r"报告|会议|会上|人大|大会|作的|做的|召开|宣读|发表|"
                       r"\b(?:deliver\w*(?=.{0,40}\b(?:report|speech|address)\b)|session|congress|report|speech)\b")
# The report named as where to look (按2020年报告，…; 报告里说…), not as the occasion asked about.
_REPORT_POINTER = re.compile(r"(?:按|据|根据|依照)(?:(?:19|20)\d\d年)?的?(?:政府)?(?:工作)?报告[，,]?|"
                             r"报告(?:里面|里|中|上)(?:说|提到|写)?的?")
_WHEN_FILLER = re.compile(r"[的了是在于定开作做讲呢吗啊\s？?，,。]|\b(?:when|was|is|did|does|the|it|given|held|made)\b")
_WHEN_CLAUSE = re.compile(r"^when\b[^?？]*?,\s*(?:how|what|which)\b")
# (提高吗, 调高不高: a verb with its result 高, not how high)
FIGURE = re.compile(r"多吗|多不多|(?<![提升抬调拉增拔走推])高吗|(?<![提升抬调拉增拔走推])高不高|大吗|多少|"
                    r"(?<!哪)" + ASKING_JI + r"[个名家次座所条项万亿人倍年天]?|"  # (打了好几场攻坚战 asks no count)
                    r"多大|多高|多快|多长|多远|"
                    r"比例|比重|百分之|增长率|增速|涨幅|"
                    # the target of a quantity is a figure (粮食产量目标, 增长目标, 新增就业的目标)
                    r"(?:产量|增长|收入|就业|投资|总额|规模|人数|产值|面积|总量)(?:的)?(?:预期)?目标|"
                    r"how (?:many|much|fast|large|big|long|high|far)|what (?:percent|share|rate|ratio)|growth|target|output|ratio|rate|"
                    # an amount asked by its name (what is Guizhou's new minimum wage, what was the budget for …)
                    r"\bwhat (?:is|was|are|were|will be)\b[^?？]{0,60}?\b(?:wages?|salar(?:y|ies)|prices?|costs?|budgets?|"
                    r"amounts?|totals?|revenues?|incomes?|spending|expenditures?|populations?|subsid(?:y|ies)|allowances?|"
                    r"pensions?|fees?|gdp|value)\b|"
                    # a comparative asks for amounts (which was bigger, whose economy is larger)
                    r"\b(?:bigger|larger|greater|higher|lower|smaller|faster|slower)\b")
HOW = re.compile(r"怎么(?!样)|怎样(?=[\u4e00-\u9fff])|如何(?![?？。]*$)|采取|举措|措施|办法|(?:靠|凭|拿)(?:什么|啥)|"
                 r"有什么(?:安排|打算|计划|政策|部署)|哪些(?:措施|举措|政策|安排)|"
                 # what is to be done (要做些什么, 准备干啥) asks the measures, as 怎么做 does
                 r"(?:做|干|搞)(?:些)?(?:什么|啥)(?:(?=来|呢|啊|呀)|(?![\u4e00-\u9fff]))|"
                 r"how (?:will|does|do|to|is)|what (?:measures|steps|actions)|what (?:is|are) the plans?")
# A figure set against the country's (`比全国高吗`, `高于全国平均水平吗`): the report says how it stands.
NATION_AS_YARDSTICK = re.compile(r"(?:比|跟|和|与|高于|低于|快于|慢于|超过)全国(?:的)?(?:平均)?(?:水平|值)?"
                                 r"(?:相比|比)?(?:[高低快慢多少]|怎么样|如何|吗)")
# Asking whether something was set or said at all (有没有定…目标, 是否提出): yes or no, whatever the thing is.
_WHETHER_SET = re.compile(r"(?:有没有|是否|有无)(?:定|设定|制定|提出|确定|设)|(?:定|提)没(?:定|提)")
# The means asked (措施, 靠什么实现, 怎么做到的): answered by what is done, never by the aim or the figure itself. (凭什么定
# asks the grounds, a reason: 依据, 为什么 and their kin ask why, not how.)
MEANS_WORDS = re.compile(r"措施|举措|办法|(?:靠|拿)(?:什么|啥)|(?:怎么|怎样|如何)(?:做到|保证|实现|完成|达到|达成)|采取")
ASKS_MEANS = re.compile(rf"^(?!.*(?:凭什么|为什么|为何|为啥|依据|根据|理由|原因|出于|基于)).*?(?:{MEANS_WORDS.pattern})")
# (出于什么考虑, 基于什么背景: the grounds a choice was made on, a reason)
WHY = re.compile(r"为什么|为何|为啥|什么原因|原因是|(?:出于|基于)(?:什么|哪些|何种|怎样的)|\bwhy\b")
# Which items (哪些, 哪几点, 哪五件, 哪四地): a list asked, not a count (几 after 哪 counts nothing).
# A count of things (几个方面, 10件, 多少项; not 第三件), and a clause that asks only what they are (分别是什么, 都有哪些,
# 都有些啥): one question, the things counted (几个方面，分别是什么; 10件实事，都有哪些).
_COUNTED = r"(?<!第)(?:[两二三四五六七八九十]{1,2}|\d{1,2}|几|好几|多少)(?:件|项|个方面|方面|点|条|大|个)"
_ITEMS_TAIL = (r"(?:那|那么)?(?:都|分别|各|具体|主要)?(?:都|分别)?(?:是|有|指|包括|叫)?(?:哪些|哪几[个项条件点]?|什么|啥|些啥|些什么)"
               r"(?:呢|内容)?[?？。！!]*")
_ITEMS_OF_COUNT = re.compile(rf"{_COUNTED}[^，,？?。]*[，,？?。\s]\s*{_ITEMS_TAIL}$")
LIST = re.compile(r"哪些|有(?:些)?(?:什么|啥)|哪几|哪[两二三四五六七八九十]|包括|which")  # (啥 is 什么, said)
YESNO = re.compile(r"吗[?？!！。]*$|是否|有没有|会不会|能不能|^(?:did|does|do|is|are|will|has|have) ")
REPORT_WORDS = re.compile(r"(?:的)?(?:政府)?工作报告|报告(?:里|中|里面|提出|说|提到|显示)?|government work report|work report|report")
# Words that range over a level of government (`省级龙头企业` is an adjective, not a range).
LEVEL_WORDS = {"各省": "provincial", "各省份": "provincial", "各省区市": "provincial", "31个省": "provincial",
               "哪些省": "provincial", "哪几个省": "provincial", "各市": "city", "各县": "county",
               "all provinces": "provincial", "all the provinces": "provincial", "all 31 provinces": "provincial",
               "each province": "provincial", "every province": "provincial", "which provinces": "provincial"}

# The level as the yardstick of one place's rank (`黑龙江粮食产量在全国各省里排第几`), not a range asked over.
_RANKED_AMONG = re.compile(r"(?:各省|各省份|各省区市|各市|各县)(?:里|中|之中|当中|里面)?(?:排|第|居|位列|名列|领先|靠前)")


def clean_question(text: str | None) -> str:
    """Return the question ready to search, or raise QuestionError saying what to change.

    Control characters are dropped; a question must contain at least one letter or digit
    (punctuation- or emoji-only input has nothing to search for) and be at most MAX_CHARS long.
    Traditional characters are read as Simplified (吉縣 -> 吉县). Years and percentages in Chinese numerals are written
    in digits, as the reports write them (`二〇二三年` -> `2023年`, `百分之三点六` -> `3.6%`).
    """
    text = (text or "").replace("\r", " ").replace("\n", " ").replace("\t", " ")
    cleaned = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C").strip()
    if not cleaned:
        raise QuestionError("the question is empty; type a question, e.g. 山西省2025年城镇新增就业目标是多少？",
                            "请输入一个问题，例如：山西省2025年城镇新增就业目标是多少？")
    if len(cleaned) > MAX_CHARS:
        raise QuestionError(f"the question has {len(cleaned)} characters; the limit is {MAX_CHARS}. "
                            "Shorten it to one question.",
                            f"问题太长了（{len(cleaned)} 个字符，上限 {MAX_CHARS}），请缩短为一个具体的问题。")
    if HTML_TAG.search(cleaned):
        raise QuestionError("the question contains HTML markup; ask in plain words, e.g. 壶口景区去年接待了多少游客？",
                            "问题里含有网页代码（HTML 标签），请用普通文字提问，例如：壶口景区去年接待了多少游客？")
    if not any(unicodedata.category(ch)[0] in "LN" for ch in cleaned):
        raise QuestionError("the question has no letters or digits to search for; ask in words, "
                            "e.g. 今年的GDP目标是多少？",
                            "问题里没有可以检索的文字，请用文字提问，例如：今年的GDP目标是多少？")
    # `the deficit-to-GDP ratio` is the deficit's ratio: the base after `to` is not what is asked; a question in
    # Traditional characters is read in Simplified, as every reader of questions is written (比…多還是少, 分別是多少;
    # 甚麼 is 什麼 as Hong Kong and Taiwan write it, which OpenCC leaves as 甚么)
    return _RATIO_TO.sub(r"\1 ratio", arabic_figures(to_simplified(cleaned).replace("甚么", "什么")))


_RATIO_TO = re.compile(r"\b([a-z]+)[\s-]+to[\s-]+[a-z]+\s+ratio\b", re.I)


def is_english(text: str) -> bool:
    """True when the question is written in English: Latin letters (links aside) well outnumber Chinese characters."""
    text = re.sub(r"https?://\S+|www\.\S+", " ", text)
    latin = sum(1 for c in text if c.isascii() and c.isalpha())
    cjk = sum(1 for c in text if "\u3400" <= c <= "\u9fff")
    return latin > 0 and latin > 2 * cjk


@dataclass(frozen=True)
class Reading:
    """What a question says besides its keywords."""

    text: str  # the cleaned question
    normalized: str  # for_search(text)
    places: tuple[Place, ...]  # the places it names, in order (each name resolved to its likeliest place)
    place_names: tuple[str, ...]  # the names as written
    years: tuple[int, ...]  # explicit years it names (2025)
    report_year: int | None  # the year of the report it names (`2025年山西省政府工作报告`)
    offset: int | None  # a relative year: -1 for 去年, 0 for 今年, -2 for 前年
    level: str | None  # a level it asks across (各省 -> provincial)
    english: bool
    wants_plan: bool  # asks for a target or plan, not a result
    wants_person: bool
    wants_date: bool
    topic: str  # the normalized question without its places, years and report words: what it is about
    asks: str | None = None  # set by a caller that knows better (a table of growth targets asks for figures)
    heard: tuple[tuple[str, str], ...] = ()  # names read by their sound, as written and as meant (山希, 山西省)
    sites: tuple[tuple[str, str], ...] = ()  # towns and zones it names (屯里镇, 雄安新区), with their proper names
    bases: tuple[int, ...] = ()  # years a figure is set against (比2022年), beside the year asked

    @property
    def wants_result(self) -> bool:
        """Asks what a year came to (实际, 最终, 实现了), not what was planned for it."""
        return not self.wants_plan and bool(_RESULT_WORDS.search(self.normalized))

    @property
    def kind(self) -> str:
        """What answers it: person, date (the report's), time (an event's), figure, how (a plan or measure), list,
        yesno or general."""
        if self.asks:
            return self.asks
        q = self.normalized
        if self.wants_person:
            return "person"
        if self.wants_date:
            return "date"
        if (WHEN_WHERE.search(q) or _EVENT_WHEN.search(q)) and not _WHEN_CLAUSE.search(q):
            return "time"  # when an event the report names happens (封关运作定在什么时候): a time it gives
        if HOW.search(q) or WHY.search(q):  # a reason is answered like a way: in words, not by a figure
            return "how"
        if NATION_AS_YARDSTICK.search(q):  # 比全国高吗: 高于全国平均水平 answers it, with a gap or without
            return "general"
        if _WHETHER_SET.search(q) and not re.search(r"多少|几", q):
            return "yesno"  # 有没有定增长目标: whether one was set (没有提出…具体目标 answers it), not its figure
        if _ITEMS_OF_COUNT.search(q):
            return "list"  # 要把握好几个方面，分别是什么: the things counted, not their count
        if FIGURE.search(q):
            return "figure"
        if LIST.search(q):
            return "list"
        if YESNO.search(q):
            return "yesno"
        return "general"

    def year_for(self, plan_year: int | None) -> int | None:
        """The year asked about, read relative to a report that plans `plan_year`; None if no cue."""
        explicit = [y for y in self.years if y != self.report_year]
        if self.bases and len(explicit) > 1 or explicit and set(explicit) <= set(self.bases):
            # 2023年…比2022年下降了多少: 2023's change; 比2022年下降了多少 names no year asked, only its base
            explicit = [y for y in explicit if y not in self.bases]
        if not explicit and self.report_year and self.offset is None:
            # `成都2024年报告说，机场旅客吞吐量多少`: the year names the report, whose plan sets a target and whose
            # review gives a result; asked neither, the passages tell which
            explicit = [self.report_year] if self.wants_plan else [self.report_year - 1] if self.wants_result else []
        if len(set(explicit)) == 1:
            return explicit[0]
        if self.offset is not None and plan_year is not None:
            return plan_year + self.offset
        return None


def without_names(text: str, names: tuple[str, ...], fill: str = "") -> str:
    """`text` with the place names taken out, longest first (山西省 before 山西)."""
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, fill)
    return text


# A year a figure is set against (比2010年, 较2015年): the base of the comparison, not the year asked.
_BASE_YEAR = re.compile(r"(?:比|较|相比)((?:19|20)\d\d)年|(?:与|跟|和|同)((?:19|20)\d\d)年(?:同期)?(?:相比|比(?!(?:19|20)\d\d))")


def read_question(text: str, known_places: tuple[Place, ...] = ()) -> Reading:
    """Read a cleaned question (see `clean_question`).

    Args:
        known_places: the places the library holds reports for (their short names count too).
    """
    normalized = for_search(text)
    found = find_places(normalized, known_places)
    heard = () if found else tuple(sounds_like(normalized, known_places))  # 山希省: 山西省 mistyped
    found = found or [(written, [place]) for written, place in heard]
    found += [(written, [place]) for written, place in counties_within(normalized, [p[0] for _, p in found])]
    # (甘肃…敦煌莫高窟: 敦煌市, a place inside the province named)
    places = tuple(dict.fromkeys(p[0] for _, p in found))
    names = tuple(dict.fromkeys(name for name, _ in found))
    years = tuple(dict.fromkeys(years_in(normalized) + short_years(normalized, names)))
    period = plan_period(normalized)
    base = {int(y) for pair in _BASE_YEAR.findall(normalized) for y in pair if y}
    if base and period and not set(years) - base:
        years = tuple(y for y in years if y not in base)  # 十二五期间…比2010年降了多少: 2010 is what it is set against
    # (a five-year plan's name plans nothing itself, nor do tasks said done: 全年完成了多少项改革任务)
    plans = bool(PLAN_WORDS.search(_TASKS_DONE.sub("", PLAN_PERIOD.sub("", normalized))))
    if period and not years and not plans:
        years = (period[1],)  # 十二五期间提高了多少: what the period reached, reviewed after its last year
    report_year = None
    m = REPORT_YEAR.search(normalized)
    if m:
        report_year = int(next(g for g in (m.group(1), m.group(3), m.group(4)) if g))
    offset = relative_offset(normalized)
    if offset is None and (report_year is not None or FIGURE.search(normalized)) \
            and (NOW.search(normalized) or NOW_EN.search(normalized) and not _PLAN_EN.search(normalized)) \
            and not PLAN_WORDS.search(normalized):
        offset = -1  # `2025年的报告说，…现在…有多少`, `高速公路总里程现在到多少了`: the state the report found, in the year
        # it reviews (a report's 今年 is a plan)
    level = None if _RANKED_AMONG.search(normalized) and places else next(
        (lv for w, lv in LEVEL_WORDS.items() if w in normalized), None)
    # (近5年来: the five years as the reports write them, 五年来, with no stray 年来 to search for)
    topic = SEVERAL_YEARS.sub(lambda m: m.group(0).replace("5年", "五年"), YEAR_WORDS.sub(" ", without_names(normalized, names, " ")))
    topic = REPORT_WORDS.sub(" ", topic)
    if _RANKED_AMONG.search(topic):
        topic = re.sub(r"各省区市|各省份|各省|各市|各县", " ", topic)  # the yardstick, like 全国
    when = bool(WHEN_WHERE.search(normalized)) and not _WHEN_CLAUSE.search(normalized) and (
        bool(_OCCASION.search(_REPORT_POINTER.sub(" ", normalized))) or not _WHEN_FILLER.sub("", WHEN_WHERE.sub("", topic)))
    return Reading(text, normalized, places, names, years, report_year, offset, level, is_english(text),
                   plans, bool(WHO.search(normalized)) and not WHICH_ONE.search(normalized),
                   when, " ".join(topic.split()), heard=tuple((written, place.name) for written, place in heard),
                   # (天金港: 天津, misheard; one proper name once: 九寨沟景区 is 九寨沟)
                   sites=tuple({s[1]: s for s in sites_within(normalized) + counties_by_stem(normalized)
                                if not any(s[0] in n or n in s[0] for n in names)
                                and not any(s[1] in written for written, _ in heard)}.values()),
                   bases=tuple(sorted(base)))


class Reader:
    """Reads questions against one library's places, each text once.

    A session keeps one: a follow-up's earlier turns, the text it resolves to and the question
    itself are each read once and then looked up (the last `size` texts are kept). Safe to share
    between threads.
    """

    def __init__(self, known_places: tuple[Place, ...] = (), size: int = 1024):
        self.known_places = tuple(known_places)
        self._size = size
        self._readings: OrderedDict[str, Reading] = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, text: str) -> Reading:
        with self._lock:
            reading = self._readings.get(text)
            if reading is not None:
                self._readings.move_to_end(text)
                return reading
        reading = read_question(text, self.known_places)
        with self._lock:
            self._readings[text] = reading
            while len(self._readings) > self._size:
                self._readings.popitem(last=False)
        return reading


# --- questions with several parts -------------------------------------------------------------------

_JOIN = r"(?:以及|和|与|及|跟|同|、)"
_EACH = re.compile(rf"^(?P<left>.+?){_JOIN}(?P<right>[^和与及、]+?)(?P<each>分别|各自|各|都)(?P<rest>.*)$")
# `收入比缩小到`: 比 after a noun and before how it moves is a ratio (城乡居民收入比), no comparison.
_RATIO_MOVES = r"缩小|扩大|下降|降至|降到|降为|上升|提高到|为\d|达到|由\d"
# (a verb of change is not cut: 提高了多少 is no 提 | 高了多少, nor 缩小了多少 a 缩 | 小了多少)
_NO_CHANGE_VERB_CUT = r"(?!(?<=[提升抬拉增加])高|(?<=降)低|(?<=减)少|(?<=增)多|(?<=缩)小|(?<=[扩拉加])大)"
_COMPARE_BI = re.compile(r"^(?P<a>.+?)(?<![相对])比(?![较重例率值])(?P<b>.+?)" + _NO_CHANGE_VERB_CUT + r"(?P<how>"
                         # either way round (多还是少, 少还是多, 低了还是高了)
                         r"[多少高低快慢大小]了?还是[多少高低快慢大小]了?|增加了还是减少了|减少了还是增加了|"
                         r"多吗|高吗|少吗|低吗|大吗|小吗|多不多|高不高|怎么样|如何|"
                         + MORE + r"(?:多少个?百分点|多少|几个百分点)|相差多少|差多少)"
                         r"(?:万亿|亿|万|千)?(?:美元|元|吨|斤|人次|人|户|个|家|亩|公里|千米|平方米|公顷|千瓦|标准箱|标箱|辆|座|所|套|项|条|张|"
                         r"台|部|倍)?[?？。]*$")  # 多多少亿美元: in its unit
_COMPARE_PAIR = re.compile(rf"^(?P<a>.+?){_JOIN}(?P<b>.+?)(?:(?:相比|比一比|对比|比较|比(?!{_RATIO_MOVES}))(?P<how>.*)|"
                           r"(?P<gap>(?:相)?差(?:多少|几|距(?:是|有)?多[少大])|" + GAP_ASKED + r"|"
                           # (一样多吗 at the end: the two set side by side; 一样重视…吗, 和去年一样的原因 ask no comparison)
                           r"(?:是不是|是否)?(?:一样|相同|持平)(?:多|高|大|快)?(?:吗|不)?(?=[?？。]*$)|"
                           r"(?:哪(?:个|一个|项)|谁)(?:的)?"
                           r"(?:[增涨降跌减]\w{0,2}?|发展|规模|增速|增幅|涨幅)?(?:得)?(?:更|比较)?[高低多少大小快慢]).*)$")
# What a part of a two-part question asks with (not 多快: 更多高质量项目 has it too).
_ASKS_PART = rf"(?:多少|{ASKING_JI}|哪些|什么)"
_TWO_CLAUSES = re.compile(rf"^(?P<a>[^，,；;]+?{_ASKS_PART}[^，,；;]*?)[，,；;]\s*(?P<b>.+?{_ASKS_PART}.*)$")
# A clause asking only for a reason (依据是什么, 原因是啥, 理由何在): the clause before it asked again, no second question.
_REASON_AGAIN = re.compile(r"^(?:那|那么)?(?:其|它的?|这样的?)?(?:依据|根据|原因|理由|考虑|道理|出发点)(?:是|在于|有)?"
                           r"(?:什么|啥|哪些|何在)?[?？。！!]*$")
# Two questions, one after the other: `…降到了多少？地表水水质优良比例又是多少？`
_TWO_QUESTIONS = re.compile(rf"^(?P<a>[^？?]+?{_ASKS_PART}[^？?]*?)[？?]\s*(?P<b>[^？?]+?{_ASKS_PART}[^？?]*)[？?]*$")
# A comparison of changes, not of levels: `哪个增长快`, `谁涨得快`, `增速哪个高`.
_CHANGE_COMPARED = re.compile(r"增长|增速|增幅|涨|降|跌|减少|下降")
_YEAR_BEFORE = re.compile(r"前一年|上一年|头一年|上年|前年度|上年度")
_CONTEXT_END = re.compile(r".*(?:的|(?:19|20)\d\d年|去年|今年|前年|上年|报告里|报告中|报告)")
_TIME_WORDS = re.compile(r"(?:19|20)\d\d年?|去年|今年|前年|上年|明年|的|又|实际|完成|目标|计划|预期|打算|相比|情况|数|是|"
                         r"多少|几|怎么样|如何|高吗|多吗")


@dataclass(frozen=True)
class Split:
    """A question cut into the questions it asks: one, several parts, or two sides of a comparison."""

    kind: str  # "single", "parts" or "compare"
    questions: tuple[str, ...]
    labels: tuple[str, ...]  # how each part is named in the answer


def _context(left: str, places: tuple[str, ...]) -> tuple[str, str]:
    """Split the text before a conjunction into its shared context (place, year, `…的`) and the first item."""
    m = _CONTEXT_END.match(left)
    if m and m.end() < len(left):
        return left[: m.end()], left[m.end():]
    for name in sorted(places, key=len, reverse=True):
        i = left.find(name)
        if i >= 0 and i + len(name) < len(left):
            return left[: i + len(name)], left[i + len(name):]
    return "", left


_WHEN = YEAR_MENTION_STRICT


def _other_side(context: str, b: str, topic: str) -> str:
    """The second side's question: the shared place, its own year if it names one, the first side's topic."""
    base = _WHEN.sub("", context) if _WHEN.search(b) else context
    return base.rstrip("的") + b + ("" if topic and topic in b else topic)


def _topic_of(text: str, places: tuple[str, ...]) -> str:
    for name in places:
        text = text.replace(name, "")
    return _TIME_WORDS.sub("", text).strip("，,。？? ")


def _two_sides(kind: str, a: str, b: str, names: tuple[str, ...]) -> Split:
    """`a` as asked, and `b` completed with what it leaves to `a` (the place, the year, the topic).
    `比上一年` after a side with its year (`2017年…`) is the year before that one (2016年)."""
    year = YEAR_NIAN.search(a)
    if year and _YEAR_BEFORE.search(b):
        b = _YEAR_BEFORE.sub(f"{int(year.group(1)) - 1}年", b, count=1)
    context, a_item = _context(a, names)
    if any(name in b for name in names):  # `江苏2024年实际的…比国家当年定的增长目标`: the other side's own place
        context = "".join(m.group(0) for m in YEAR_MENTION_STRICT.finditer(context))  # and only the year goes with it
    return Split(kind, (a, _other_side(context, b, _topic_of(a_item, names))), (_label(without_names(a, names)), _label(b)))


def _parallel_sides(a: str, b: str, names: tuple[str, ...], gap: str = "") -> Split:
    """`城镇居民和农村居民的收入哪个高`, `城镇居民收入和农村居民收入差多少`: two items named in full, or the second
    only by its qualifier (`…农村居民收入增速目标和城镇居民比`: the qualifier swapped in the first's words).
    A change compared (`哪个增长快`, `谁涨得快`) is asked of each side (`集成电路产量增长`)."""
    context, a_item = _context(a, names)
    qualifier = leading_contrast(b)
    if qualifier and a_item and leading_contrast(a_item) == a_item and b.startswith(qualifier):
        a, a_item = a + b[len(qualifier):], a_item + b[len(qualifier):]  # `城镇和农村居民收入`: the words are shared
    if _CHANGE_COMPARED.search(gap) and len(_topic_of(b, names)) >= 2:
        a, a_item, b = (side if _CHANGE_COMPARED.search(side) else side + "增长" for side in (a, a_item, b))
    requalified = contrast_swapped(a_item, qualifier)
    if requalified and len(b) <= len(qualifier) + 2:
        return Split("compare", (a, context + requalified), (_label(a_item), _label(b)))
    if len(_topic_of(b, names)) < 2:  # `…和去年实际比`: a year or a place, the first side's topic goes with it
        return _two_sides("compare", a, b, names)
    subject = _CHANGE_COMPARED.sub("", _topic_of(a_item, names))
    if not _CHANGE_COMPARED.sub("", _topic_of(b, names)) and len(subject) >= 2:  # `GDP增速与2018年的增长目标`: a's GDP
        base = YEAR_MENTION_STRICT.sub("", context) if YEAR_MENTION_STRICT.search(b) else context
        if any(name in b for name in names):
            base = without_names(base, names)  # `北京…GDP增速与上海的增速`: 上海's
        return Split("compare", (a, base.rstrip("的") + subject + b), (_label(without_names(a, names)), _label(b)))
    tail = b[b.rindex("的"):] if "的" in b else ""
    if tail and not a.endswith(tail) and not (_CHANGE_COMPARED.search(a) and _CHANGE_COMPARED.search(tail)) \
            and not re.search(r"(?:目标|指标|计划|任务)$", a_item):
        a += tail  # `城镇居民和农村居民的收入`: the tail is shared; `GDP的实际增速和2025年的增长目标`, `就业目标和前几年的
        # 实际新增`: each has its own
    base = YEAR_MENTION_STRICT.sub("", context) if YEAR_MENTION_STRICT.search(b) else context
    return Split("compare", (a, base.rstrip("的") + b), (_label(without_names(a, names)), _label(b)))


def split_question(text: str, reading: Reading) -> Split:
    """Find the parts of `X和Y分别是多少`, `去年…多少，今年…多少` and the sides of `A比B多还是少`."""
    q = re.sub(r"\s+", "", text)
    names = reading.place_names + tuple(p.name for p in reading.places)
    if reading.english:
        parts = english_parts(text, reading.place_names)
        return Split("parts", *parts) if parts else Split("single", (text,), ("",))
    if NATION_AS_YARDSTICK.search(q):
        return Split("single", (text,), ("",))  # 比全国高吗: the report's own 高于全国…, not a side searched for
    m = _COMPARE_BI.match(q)
    other = re.sub(r"(?:起来)?是$", "", m.group("b")) if m else ""  # (…比去年是多了还是少了: the side is 去年)
    if m and not re.fullmatch(r"[是的了呢吗，,]*", other):  # (跟…比是高了还是低了: 比 compares, no side after it)
        return _two_sides("compare", m.group("a"), other, names)
    m = _COMPARE_PAIR.match(q)
    if m and m.group("b") and len(m.group("b")) <= 30 and not WHY.search(q):  # (为什么和去年一样: a reason asked)
        return _parallel_sides(m.group("a"), m.group("b").rstrip("，,、"), names, m.group("gap") or m.group("how") or "")
    m = _EACH.match(q)
    if m:
        context, first = _context(m.group("left"), names)
        second, rest = m.group("right"), m.group("rest")
        if "的" in second and not first.endswith(second[second.rindex("的"):]):
            first = first + second[second.rindex("的"):]  # `城镇居民和农村居民的收入`: the tail is shared
        if len(_topic_of(first, names)) < 2:  # `2016年和2017年社会消费品零售总额`: the years share the topic
            first += YEAR_MENTION_STRICT.sub("", second, count=1) if YEAR_MENTION_STRICT.match(second) else ""
        return Split("parts", (context + first + rest, context + second + rest), (_label(first), _label(second)))
    m = _TWO_CLAUSES.match(q) or _TWO_QUESTIONS.match(q)
    if m and not _REASON_AGAIN.match(m.group("b")) \
            and not ((re.fullmatch(_ITEMS_TAIL, m.group("b")) or item_asked(m.group("b")))
                     and re.search(_COUNTED, m.group("a"))):
        # (…定这样的目标，依据是什么; 要把握好几个方面，分别是什么 or 第二点是什么: one question, asked again)
        return _two_sides("parts", m.group("a"), m.group("b"), names)
    return Split("single", (text,), ("",))


def _label(item: str) -> str:
    """What a part is about, as its answer is headed: without the asking (`的增速各是多少`) and without the
    clause that only names the report (`2018年政府工作报告回顾2017年时，`)."""
    label = re.sub(r"(?:各|分别|又)?(?:是|有|为|要|计划)?第?(?:多少|(?<![前近头这])几|什么|哪些|怎么样|如何|多[快大高长远]).*$", "", item)
    label = re.split(r"[，,：:]", label.strip("的了呢吗?？。，, "))[-1]
    label = re.sub(r"^.*?报告(?:里|中|里面|提到|提出|说|显示)?的?", "", label) or label
    return label.strip("的了呢吗?？。，, ") or item
