"""Which reports a question is about: the places, levels and years it names, against the library.

A question that names a place or a year the library has no report for is not answered from
another report: the route says what is missing and what the library holds nearby.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from qa.common.places import LEVELS, NATIONAL, SIGHT, Place, country_in_chinese, foreign_country, parents, stem
from qa.common.years import RELATIVE_WORDS, period_asked
from qa.ingest.identity import ReportInfo
from qa.search.question import Reading, without_names


@dataclass(frozen=True)
class Route:
    """The reports to search, and what the answer must respect.

    Attributes:
        reports: ids of the reports to search, best first; empty with `missing` set when none fits.
        missing: a Chinese sentence saying what the library lacks (`库中没有临汾市的报告；有：吉县 2024`).
        absent: for a place the library has no report of but a wider report may mention (大同市 in
            Shanxi's): what to say if the answer does not mention it.
        note: a Chinese sentence qualifying the answer (`按最新的报告回答；库中还有…`), or "".
        must_mention: names of places inside the routed report's place that the answer must be about
            (西安 in a question to Shaanxi's report about 西安市).
        sites: the proper names of the towns and zones asked about (屯里 of 屯里镇, 雄安 of 雄安新区): no report is theirs,
            so the passage an answer quotes must name them.
        must_year: a year no routed report covers; an answer must state it.
        named: True when the question itself named a place or report year (routing is certain).
        year: the year a relative word was read as against the place's newest report (前年 -> 2023 when
            the newest is 2025's), when another report was chosen for it; None otherwise.
        older: the place's other reports, newest first, when its newest was chosen for a question that
            says no year (searched when the newest does not answer).
        unnamed: for a question naming no place sent to the country's report, the reports it would go to
            otherwise (searched when the country's answer does not name what was asked).
    """

    reports: tuple[str, ...]
    missing: str = ""
    absent: str = ""
    note: str = ""
    must_mention: tuple[str, ...] = ()
    must_year: int | None = None
    named: bool = False
    year: int | None = None
    older: tuple[str, ...] = ()
    unnamed: tuple[str, ...] = ()
    sites: tuple[str, ...] = ()


def _held_near(place: Place, reports: list[ReportInfo]) -> list[ReportInfo]:
    """Reports about places inside `place`, beside it (same city, else same province), or containing it."""
    if place.level == "national":
        return []
    coded = [r for r in reports if r.place_code]
    inside = [r for r in coded if r.place_code.startswith(place.code)]
    beside: list[ReportInfo] = []
    for parent in reversed(parents(place)):  # the city first, then the province
        beside = [r for r in coded if r.place_code.startswith(parent.code) and len(r.place_code) >= len(place.code)
                  and r not in inside]
        if beside:
            break
    containing = [r for r in coded if place.code.startswith(r.place_code) and r not in inside]
    return inside + beside + containing


def _uncovered_year(reading: Reading, reports: list[ReportInfo]) -> int | None:
    """The year a question asks about (an explicit one, or 前年 read against the reports asked about)
    when none of them reviews or plans it: an answer must then state that year."""
    years = {reading.year_for(r.year) for r in reports if r.year}
    if len(years) != 1:
        return None
    year = years.pop()
    if year is None or any(year in (r.year, r.review_year) for r in reports):
        return None
    return year


# A target asked outright (定的目标, 预期目标, target), not what a task came to (完成了…任务, 实现了…目标).
TARGET_ASKED = re.compile(r"目标|(?<!符合)(?<!超)预期(?!寿命)|\btargets?\b|\bgoals?\b")
_REACHED_ASKED = re.compile(r"完成|实现|达到|达成|实际|高于|低于|超过|跑赢|符合|\bachiev|\bmet\b|\breach|\bhit\b|\bbeat|"
                            r"\bexceed|\bmiss")


def _covering(reports: list[ReportInfo], year: int, wants_plan: bool, result: bool = False,
              target: bool = False) -> list[ReportInfo]:
    """The reports that plan or review `year`: the one planning it for a target, the one reviewing it for a
    result; the others covering it when none is that one, unless a result is asked outright (实际增长了多少:
    a plan for the year does not say what it came to) or a target (2023年定的目标)."""
    covering = [r for r in reports if year in (r.year, r.review_year)]
    exact = [r for r in covering if (r.year == year) == wants_plan]
    # (nor a target: the report after it reviews what the year came to, not what it aimed for)
    return exact if result or target else exact or covering


def _reviewing_several(reading: Reading, reports: list[ReportInfo]) -> ReportInfo | None:
    """For several years asked together (`period_asked`) of one place, the newest of its reports whose review
    covers them all; None when none does or the question is about one year."""
    period = period_asked(reading.normalized)
    if period is None or len({r.place for r in reports}) != 1:
        return None
    first, last = period
    covering = [r for r in reports if r.review_from is not None and r.review_year is not None
                and (first is None or r.review_from <= first and last <= r.review_year)]
    return max(covering, key=lambda r: r.year or 0, default=None)


def _written_as_address(wider: Place, narrower: Place, text: str) -> bool:
    """`湖北潜江`, `呼伦贝尔市海拉尔区`: the narrower place written right after the wider one, as in an address."""
    names = [{wider.name, wider.short}, {narrower.name, narrower.short}]
    a, b = ("|".join(re.escape(n) for n in sorted(ns, key=len, reverse=True)) for ns in names)
    return bool(re.search(rf"(?:{a})的?(?:{b})", text))


# Where a journey goes (银川坐高铁到北京要多久): a place after one of these words is its end.
_TOWARDS = r"(?:到|去|往|至|抵达|直达|通达|飞往|开往|通往)"


def _destination(place: Place, others: list[Place], text: str) -> bool:
    """Is `place` the wider end of a journey from a narrower place named before it (`银川…到北京`: Ningxia's report tells
    of its trains to Beijing, Beijing's does not)? (从北京到吉县: 吉县 is the narrower, and asked about.)"""
    names = "|".join(re.escape(n) for n in sorted({place.name, place.short}, key=len, reverse=True))
    m = re.search(rf"{_TOWARDS}(?:{names})", text)
    return bool(m) and any(o != place and LEVELS.index(o.level) > LEVELS.index(place.level)
                           and 0 <= text.find(n) < m.start() for o in others for n in (o.name, o.short))


def describe(reports: list[ReportInfo], limit: int = 6) -> str:
    """`吉县 2024、海拉尔区 2012–2019`: what the library holds, grouped by place."""
    by_place: dict[str, list[int]] = {}
    for r in reports:
        by_place.setdefault(r.place or r.id, []).append(r.year or 0)
    items = []
    for place, years in by_place.items():
        ys = sorted(y for y in years if y)
        span = "" if not ys else (str(ys[0]) if len(ys) == 1 else f"{ys[0]}–{ys[-1]}")
        items.append(f"{place} {span}".strip())
    shown = "、".join(items[:limit])
    return shown + (f" 等 {len(items)} 个地区" if len(items) > limit else "")


# Names of the national government as the author of a report (not 全国, which is also a yardstick: 全国第一).
AUTHOR_WORDS = frozenset(("国务院", "中央政府", "state council"))


# An indicator only the country has by that name (a region's GDP is 地区生产总值): a fact of the language.
_COUNTRY_INDICATOR = re.compile(r"国内生产总值")


def route(reading: Reading, reports: list[ReportInfo], selected: tuple[str, ...] = ()) -> Route:
    """Decide which of `reports` a question is about.

    Args:
        selected: report ids the user chose to search (all when empty).
    """
    pool = [r for r in reports if not selected or r.id in selected]
    scope = "所选报告中" if selected and len(selected) < len(reports) else "库中"
    country = "" if reading.places else foreign_country(reading.text)
    if country:  # `美国去年GDP增长多少`: no Chinese government reports on another country
        return Route((), f"{scope}只有中国的政府工作报告，没有{country}的；有：{describe(pool)}。", named=True)
    if len(pool) <= 1 and not reading.places and reading.report_year is None:
        return Route(tuple(r.id for r in pool), must_year=_uncovered_year(reading, pool))

    if not reading.places and _COUNTRY_INDICATOR.search(reading.normalized):
        reading = replace(reading, places=(NATIONAL,))  # 国内生产总值 is the country's (a region's is 地区生产总值)
    named = False
    candidates = pool
    must_mention: list[str] = []
    note = absent = ""
    if reading.places:
        named = True
        matched = [p for p in reading.places if any(r.is_about(p) for r in pool)
                   and not _destination(p, list(reading.places), reading.text)]
        if any(n.lower() in AUTHOR_WORDS for n in reading.place_names) and NATIONAL in matched:
            matched = [NATIONAL]  # `国务院报告…支援湖北`: the State Council's report, about Hubei
        elif any(p.level != "national" for p in matched):
            matched = [p for p in matched if p.level != "national"]  # `全国第一` is a yardstick, not the subject
        # `湖北潜江`, `山西吉县`: a place written right after the wider one that locates it is the place asked about
        # (not `广东…报告…深圳`, where the province's report is asked about a city in it)
        matched = [p for p in matched if not any(o != p and p.contains(o) and _written_as_address(p, o, reading.text)
                                                  for o in matched)]
        unknown = [r for r in pool if not r.place]  # a report whose place could not be read may be it
        if not matched and unknown:
            place = next((p for p in reading.places if p.level != "national"), reading.places[0])
            absent = f"{scope}没有{place.name}的报告；有：{describe(_held_near(place, pool) or pool)}。"
            return Route(tuple(r.id for r in unknown), "", absent, "", (place.short,), None, True)
        if not matched:
            place = next((p for p in reading.places if p.level != "national"), reading.places[0])
            near = _held_near(place, pool)
            message = f"{scope}没有{place.name}的报告；有：{describe(near) if near else describe(pool)}。"
            wider = [r for r in pool if r.place_code and place.code.startswith(r.place_code)
                     and r.place_code != place.code]
            if not wider or reading.report_year is not None and not any(r.year == reading.report_year for r in wider):
                return Route((), message, named=True)
            # A wider report (the province's) may still speak of this place: search it, but the
            # answer must name the place, or the question is answered with `message`.
            matched = [wider[0].place_obj]
            must_mention.append(place.short)
            absent = message
        else:
            absent = ""
        candidates = [r for r in pool if any(r.is_about(p) for p in matched)] + unknown
        for p in reading.places:
            if p in matched or stem(p) in must_mention or any(p.contains(m) for m in matched if p.level != "national"):
                continue  # `呼伦贝尔市海拉尔区`: the wider place only locates the one asked about
            inside = [m for m in matched if m.contains(p) or m.level == "national"]
            if inside:
                must_mention.append(stem(p))  # a place inside the report's own: the answer must be about it
                if not any(r.is_about(p) for r in pool):  # said if the wider report does not speak of it
                    absent = absent or (f"{scope}没有{p.name}自己的报告；{'、'.join(m.name for m in inside)}的报告里"
                                        f"也没有找到关于{stem(p)}的这项内容。")
            elif not any(r.is_about(p) for r in pool):  # (the country as a yardstick has its report: no note)
                note = f"{scope}没有{p.name}的报告，下面只回答{'、'.join(m.name for m in matched)}。"
    elif reading.level:
        level = [r for r in pool if r.level == reading.level]
        candidates = level or pool

    must_year = read_as = None
    older: tuple[str, ...] = ()
    unnamed: list[ReportInfo] = []
    targets = bool(TARGET_ASKED.search(reading.normalized))  # (定的目标: asked outright unless what it came to is)
    target_only = targets and not _REACHED_ASKED.search(reading.normalized)  # (not 完成了目标: what it came to)
    place_label = "、".join(p.name for p in reading.places if any(r.is_about(p) for r in pool)) or ""
    if reading.report_year is not None:
        named = True
        same = [r for r in candidates if r.year == reading.report_year]
        if not same:
            held = describe(candidates)
            return Route((), f"{scope}没有{place_label}{reading.report_year}年的报告；有：{held}。", named=True)
        candidates = same
    elif several := _reviewing_several(reading, candidates):
        # 过去五年, 2013到2017年这五年: the report that reviews those years together (a term's first report)
        candidates = [several]
        if not reading.years:
            note = f"未指明年份，按回顾{several.review_from}–{several.review_year}年的《{several.title}》回答。"
    else:
        asked = reading.year_for(None)
        if asked is None:
            must_year = _uncovered_year(reading, candidates)
        if asked is not None:
            # 2018年个人所得税有什么调整 names no place: the country's, where the library has its report of that year
            # (the reports the year goes to otherwise are searched when the country's answer does not name what was asked)
            country = [r for r in candidates if r.level == "national" and asked in (r.year, r.review_year)] \
                if not reading.places and not reading.level else []
            covering = _covering(candidates, asked, reading.wants_plan, reading.wants_result, target_only)
            if country:
                nationwide = _covering(country, asked, reading.wants_plan, reading.wants_result, target_only) or country
                covering, unnamed = nationwide, [r for r in covering if r not in nationwide]
            if covering:
                candidates = covering
            else:
                must_year = asked
        elif reading.places and len({r.place for r in candidates}) == 1 and len(candidates) > 1:
            newest = max(candidates, key=lambda r: (r.year or 0))
            # 前年 read against the newest report (2023 for a 2025 report): the report that reviews or plans it
            relative = reading.year_for(newest.year)
            one_year = len(RELATIVE_WORDS.findall(reading.text)) == 1  # not 前年的比去年高吗: each side its own year
            # (去年定的目标, 去年的工作安排: the plan made for the year the newest report reviews, where the library has it)
            reviewed = relative == newest.review_year and not reading.wants_plan
            covering = [] if relative in (None, newest.year) or reviewed or not one_year else _covering(
                candidates, relative, reading.wants_plan)
            if covering and reading.wants_plan and covering[0].year != relative:
                # 前年定的目标: set by a report the library lacks (the one after it only reviews the year)
                return Route((), f"{scope}没有{place_label}{relative}年的报告（定{relative}年目标的那份）；"
                                 f"有：{describe(candidates)}。", named=True)
            if covering:
                chosen = covering[0]
                note = f"未指明年份，按最新的《{newest.title}》读作{relative}年，按《{chosen.title}》回答。"
                candidates, read_as = [chosen], relative
            else:
                others = [r for r in candidates if r is not newest]
                note = f"未指明年份，按最新的《{newest.title}》回答；{scope}还有{describe(others)}年的报告。"
                candidates, older = [newest], tuple(r.id for r in sorted(others, key=lambda r: -(r.year or 0)))
        elif reading.places and len(candidates) == 1 and target_only \
                and reading.year_for(candidates[0].year) == candidates[0].review_year:
            must_year = candidates[0].review_year  # 去年定的目标 of a place's one report: it only reviews that year
    # (a country's name inside a place's own is none: 内蒙古, Inner Mongolia)
    foreign = foreign_country(without_names(reading.normalized, reading.place_names, " ")) if reading.places else ""
    if foreign:  # 哈尔滨对日本的进出口: a topic the answer must name (the report's trade with Russia is another)
        must_mention.append(country_in_chinese(foreign))
    if named and reading.places == (NATIONAL,):
        candidates = [r for r in candidates if r.level == "national"] or candidates
    if must_year is not None and reading.places and not absent:  # said if no report mentions the year either
        planned = any(r.year == must_year for r in candidates)  # 实际 asked of a year whose report only plans it
        reviewed = targets and any(r.review_year == must_year for r in candidates)
        absent = (f"{scope}没有回顾{place_label}{must_year}年的报告（有：{describe(candidates)}；{must_year}年的报告只定了"
                  f"当年的目标，没有实际结果）。" if planned else
                  f"{scope}没有定{place_label}{must_year}年目标的那份报告（有：{describe(candidates)}；回顾{must_year}年的报告"
                  f"写的是实际结果，不是当年定的目标）。" if reviewed else
                  f"{scope}没有涵盖{place_label}{must_year}年的报告（有：{describe(candidates)}），"
                  f"已有报告里也没有找到{must_year}年的这项数字。")
    sites = tuple(proper for _, proper in reading.sites)
    if sites and not absent:  # 吉县…屯里镇产了多少: said if the report searched does not speak of the town either
        name, held = reading.sites[0][0], list(dict.fromkeys(r.place or r.id for r in candidates))
        where = f"{'、'.join(held)}的报告里" if 0 < len(held) <= 3 else "已有报告里"
        absent = f"{where}没有找到关于{name}的这项内容。" if SIGHT.search(name) else \
            f"{scope}没有{name}自己的报告；{where}也没有找到关于{name}的这项内容。"
    return Route(tuple(r.id for r in candidates), "", absent if reading.places or sites else "", note,
                 tuple(must_mention), must_year, named, read_as, older, tuple(r.id for r in unnamed), sites)
