"""Follow-up questions: what the previous turns were about, carried into a question that leaves it out.

"今年地区生产总值增长目标是多少？" then "固定资产投资呢？" means "今年固定资产投资增长目标是多少？";
"陕西2025年城镇新增就业目标是多少？" then "山西呢？" asks the same of Shanxi; "壶口景区去年接待了多少游客？"
then "比前年多吗？" compares with the year before. A question that names its own place or year, or
asks about something new in full, starts fresh. Only the user's own words are needed, so the chat,
its API (a list of {"role", "content"} messages) and `qa chat` all resolve follow-ups the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.common.asking import FIGURE_PHRASE
from qa.common.years import YEAR_MENTION
from qa.search.query import tagged_words
from qa.search.question import Reader, Reading, without_names

# A short question that only swaps one thing: `固定资产投资呢？`, `那农村呢`, `山西的呢`, `2023年呢？`
_SWAP = re.compile(r"^(?:那么?|那|还有|另外)?(?P<item>.{1,16}?)(?:的情况|的)?呢[?？。!！]*$")
_ELLIPTIC = re.compile(r"^(?:那么?|那)?(?:比|和|与|跟)(?P<rest>.{1,20})$")  # `比前年多吗？`, `和去年比呢`
_YEAR_WORD = YEAR_MENTION
_ASKING = re.compile(rf"(?:是|有|为)?{FIGURE_PHRASE}")
# Words that mark where a question's topic ends: its frame (增长目标是多少).
_FRAME = re.compile(r"增长|增速|目标|预期|计划|任务|是|有|要|达到|完成|多少|几|的|了|怎么|如何|情况")
# Words that qualify a topic rather than name one: `农村呢？` after a question about 城镇新增就业.
CONTRASTS = frozenset("城镇 农村 城市 乡村 城乡 城区 农民 市民 居民 男性 女性 国内 国外 境内 境外 省内 省外 市内 市外 "
                      "上半年 下半年 一季度 二季度 三季度 四季度 全年 一产 二产 三产 公办 民办 国有 民营".split())


@dataclass(frozen=True)
class Resolved:
    """A question as it will be searched, and how the answer names it (`（接上题：…）`) when it follows up."""

    question: str
    carried: str = ""  # the question as understood, shown with the answer; "" when the question stands alone


def _last_user_questions(history: list[dict] | list[str]) -> list[str]:
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
    previous = _last_user_questions(history)
    if not previous:
        return Resolved(question)
    prior = resolve_chain(previous, read, many_reports)  # itself resolved against its own past
    now, before = read(question), read(prior)
    q = question.strip()

    m = _SWAP.match(q)
    if m:
        item = m.group("item").strip()
        swapped = swap(before, prior, item, read)
        if swapped:
            return Resolved(swapped, _shown(swapped))
    m = _ELLIPTIC.match(q)
    if m:
        base = _ASKING.sub("", prior).rstrip("？?。，,的了")
        combined = f"{base}{q if q.startswith(('比', '和', '与', '跟')) else q[1:]}"
        return Resolved(combined, _shown(combined))
    if many_reports and not now.places and now.report_year is None and before.places and not now.level:
        # A question about the same place, left unsaid: `粮食产量目标是多少？` after one about 山西省2025年.
        context = _context_of(before, prior)
        if context and len(now.topic) >= 2:
            carried = f"{context}{q}"
            return Resolved(carried, _shown(carried))
    return Resolved(question)


def resolve_chain(questions: list[str], read: Reader, many_reports: bool) -> str:
    """The last of a run of questions, resolved against the ones before it (so follow-ups can follow follow-ups)."""
    current = questions[0]
    for q in questions[1:][-6:]:
        current = resolve(q, [current], read, many_reports).question
    return current


def swap(before: Reading, prior: str, item: str, read: Reader) -> str:
    """`prior` with one thing replaced by `item`: a place for a place, a year for a year, else the topic."""
    new = read(item)
    if new.places:  # `山西呢？`: the same question about another place
        names = sorted(before.place_names, key=len, reverse=True)
        if names:
            out = prior
            for name in names:
                out = out.replace(name, item, 1) if name in out else out
            return out if out != prior else f"{item}{prior}"
        return f"{item}{prior}"
    if _YEAR_WORD.fullmatch(item.strip("的")):
        years = _YEAR_WORD.findall(prior)
        return prior.replace(years[0], item, 1) if years else f"{item}{prior}"
    phrase = topic_phrase(before, prior)
    if not phrase:
        return f"{item} {prior}"
    new_qualifier = max((w for w in CONTRASTS if item.startswith(w)), key=len, default="")
    found = [(phrase.index(w), -len(w), w) for w in CONTRASTS if w in phrase]
    old_qualifier = min(found)[2] if found else ""
    rest = item[len(new_qualifier):]
    if new_qualifier and old_qualifier and new_qualifier != old_qualifier and (not rest or rest in phrase):
        # `农村(居民)呢？` after `城镇(居民)…`: the qualifier swapped, the topic kept
        return prior.replace(phrase, phrase.replace(old_qualifier, new_qualifier, 1), 1)
    return prior.replace(phrase, item, 1)  # `固定资产投资呢？` after `今年地区生产总值增长目标…`


def topic_phrase(reading: Reading, text: str) -> str:
    """The run of words a question is about, between its place/year and its frame (地区生产总值 in
    `今年地区生产总值增长目标是多少？`, 城镇新增就业 in `城镇新增就业目标是多少？`)."""
    rest = _YEAR_WORD.sub(" ", without_names(text, reading.place_names, " "))
    best = ""
    for chunk in re.split(r"[\s，,。？?！!]+", rest):
        words, run = tagged_words(chunk), ""
        for word, flag in words:
            if _FRAME.fullmatch(word) or flag in ("r", "m", "uj", "ul", "p", "c", "d"):
                if run:
                    break
                continue
            run += word
        if len(run) > len(best):
            best = run
    return best


def _context_of(reading: Reading, text: str) -> str:
    """The place and year words of a question (`山西省2025年`), as they were written."""
    parts = list(reading.place_names)
    years = _YEAR_WORD.findall(text)
    return "".join(dict.fromkeys(parts + years[:1]))


def _shown(question: str) -> str:
    return question.rstrip("？?。")
