"""Which report a file is: place, level, the years it reviews and plans, date, speaker, read from its text.

A work report names itself in its first lines: a title (`2025年山西省政府工作报告`), the occasion
(`——2025年1月17日在山西省第十四届人民代表大会第三次会议上`) and the speaker (`山西省省长 金湘军`),
in any order, sometimes run together on one line. Its part headings say which year it reviews
(`一、2024年工作回顾`) and which it plans (`二、2025年工作安排`). A sidecar file `<report>.meta.json`
beside the report, or the `qa add` flags, correct or supply any field the text lacks.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, fields, replace
from functools import lru_cache
from pathlib import Path

from qa.common.errors import SourceError
from qa.common.normalize import to_simplified
from qa.common.places import AMBIGUOUS, LEVELS, NATIONAL, Place, all_places, find_places, lookup
from qa.common.years import DATE, SEVERAL_YEARS, plan_period
from qa.ingest.structure import is_review, part_year

# `在山西省第十四届人民代表大会`, `在吉县第十七届人民代表大会`, `第十四届全国人民代表大会`
CONGRESS = re.compile(r"(?:在)?([\u4e00-\u9fff]{0,20}?)第[一二三四五六七八九十]+届\s*([\u4e00-\u9fff]{0,6}?)人民代表大会")
ROLES = ("国务院总理", "代理主席", "代省长", "代市长", "代县长", "代区长", "代州长", "代旗长", "省长", "市长", "县长", "区长",
         "州长", "旗长", "主席", "总理")
ROLE = "|".join(ROLES)
NAME = r"[\u4e00-\u9fff·]{2,12}?"
SPEAKER_AFTER = re.compile(rf"({ROLE})[\s\u3000]*({NAME})(?=同志|[\s\u3000]*(?:作|在|$|，|。|\(|（))")
SPEAKER_BEFORE = re.compile(rf"(?:^|日|[\s\u3000])({NAME})[\s\u3000]*({ROLE})(?=在|作)")
ROLE_LEVEL = {"总理": "national", "省长": "provincial", "主席": "provincial", "市长": "city", "州长": "city",
              "县长": "county", "区长": "county", "旗长": "county"}
TITLE_WORDS = re.compile(r"政\s*府\s*工\s*作\s*报\s*告")
# The opening every work report has: `我代表国务院` / `我代表山西省人民政府` / `我代表市人民政府`.
OPENING = re.compile(r"我代表\s*([\u4e00-\u9fff]{0,20}?)(国务院|人民政府)")
# The government's own word for its territory, by level: a report says 全省/全市/全县 of its own place.
GOVERNMENT_LEVEL = (("自治区", "provincial"), ("省", "provincial"), ("市", "city"), ("州", "city"), ("盟", "city"),
                    ("县", "county"), ("区", "county"), ("旗", "county"))
WHOLE_OF = re.compile(r"全(省|市|县|区|州|旗|盟)")
BODY_CHARS = 20000  # how much of the report is read for the place it keeps naming
META_SUFFIX = ".meta.json"


@dataclass(frozen=True)
class ReportInfo:
    """What a report is: read from its text, corrected by its sidecar; stored with the index."""

    id: str  # the file stem, stable
    title: str
    place: str  # 山西省, 全国, 吉县, 海拉尔区
    level: str  # national, provincial, city, county
    year: int | None  # the year it plans (`2025年山西省政府工作报告` -> 2025)
    review_year: int | None  # the year it reviews (2024)
    date: str  # delivered, ISO (2025-01-17), "" if unknown
    speaker: str  # 金湘军
    role: str  # 省长
    place_code: str = ""  # administrative code (141028 for 吉县), "" for 全国 or unknown
    source: str = ""  # the file name it was read from
    sha256: str = ""
    format: str = ""
    n_chunks: int = 0
    review_from: int | None = None  # the first year its review covers, when it covers several (过去五年: 2013–2017)

    @property
    def label(self) -> str:
        """`山西省 2025`: how lists and citations name it."""
        return f"{self.place} {self.year}" if self.year else self.place

    @property
    def place_obj(self) -> Place:
        if self.level == "national":
            return NATIONAL
        return Place(self.place, self.place_code, self.level)

    def is_about(self, place: Place) -> bool:
        """True when this report is the report of `place` (by code, else by name; 全国 for the State Council's)."""
        if place.level == "national":
            return self.level == "national"
        return bool(self.place_code and self.place_code == place.code) or self.place == place.name

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, obj: dict) -> ReportInfo:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in obj.items() if k in names})


def _simplified_header(header: list[str]) -> str:
    return to_simplified(" ".join(header))


def find_date(header: str) -> tuple[str, int | None]:
    m = DATE.search(header)
    if not m:
        return "", None
    y, mo, d = (int(x) for x in m.groups())
    return f"{y:04d}-{mo:02d}-{d:02d}", y


def find_place(header: str, title: str) -> Place | None:
    """The place from the occasion (`在山西省第十四届人民代表大会`), else from the title or speaker."""
    for m in CONGRESS.finditer(header):
        before, inside = m.group(1), m.group(2)
        if "全国" in inside:
            return NATIONAL
        place = _last_place(before + inside)
        if place:
            return place
    if "国务院" in header:
        return NATIONAL
    return _last_place(title) or _last_place(header)


def _last_place(text: str) -> Place | None:
    """The narrowest place named in `text` (`呼伦贝尔市海拉尔区` -> 海拉尔区)."""
    found = [places[0] for _, places in find_places(text) if places[0].level != "national"]
    if not found:
        return None
    return max(found, key=lambda p: len(p.code))


def find_speaker(header: str) -> tuple[str, str]:
    """(name, role) of the speaker: `山西省省长金湘军作…`, `省长 李炳军`, `龚正市长在…`."""
    text = header.replace("\u3000", " ")
    m = SPEAKER_AFTER.search(text)
    if m:
        return m.group(2), m.group(1)
    m = SPEAKER_BEFORE.search(text)
    if m:
        return m.group(1), m.group(2)
    return "", ""


def level_of(place: Place | None, role: str, government: str = "") -> str:
    """The level from the place, else the speaker's role, else the government's word; "" when none says."""
    if place is not None:
        return place.level
    for suffix, level in ROLE_LEVEL.items():
        if role.endswith(suffix):
            return level
    return _word_level(government)


def _word_level(word: str) -> str:
    return next((level for suffix, level in GOVERNMENT_LEVEL if word.endswith(suffix)), "")


# The peoples that name autonomous prefectures, counties and banners (黔东南苗族侗族自治州 -> 黔东南).
PEOPLES = ("蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 "
           "柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 "
           "塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各").split()
_PEOPLE = "|".join(sorted(PEOPLES, key=len, reverse=True))
_GOVERNMENT_SUFFIX = re.compile(rf"(?:(?:{_PEOPLE})族)+自治(?:州|县|旗)$|(?:自治区|省|市|县|区|旗|盟|州)$")


@lru_cache(maxsize=16)
def _names_ending(word: str) -> tuple[re.Pattern, dict[str, Place]]:
    """Every place whose name ends with `word` (市, 县 …), by its full name and its stem (成都, 潜江, 黔东南)."""
    by_name: dict[str, Place] = {}
    for place in all_places():
        if not place.name.endswith(word):
            continue
        stem = _GOVERNMENT_SUFFIX.sub("", place.name)
        for name in (place.name, stem):
            if len(name) >= 2 and name not in AMBIGUOUS:
                by_name.setdefault(name, place)
    names = sorted(by_name, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names))), by_name


def find_government(body: str) -> tuple[Place | None, str]:
    """Who speaks, from the opening (`我代表国务院`, `我代表山西省人民政府`, `我代表市人民政府`).

    Returns:
        (the place when the opening names it, the government's territory word: 省, 市, 县 … or 国务院)
    """
    m = OPENING.search(to_simplified(body[:3000]))
    if not m:
        return None, ""
    if m.group(2) == "国务院":
        return NATIONAL, "国务院"
    named = m.group(1)
    return _last_place(named), named[-3:] if named.endswith("自治区") else named[-1:]


def place_in_body(body: str, word: str) -> Place | None:
    """The place a report keeps naming, of the kind its government is (市 for 市人民政府 or 全市).

    A report of 成都市 that never names itself in a title still says 成都 dozens of times; its
    province (四川) is named too, but it is not a 市. Taken only when it clearly leads.
    """
    text = to_simplified(body[:BODY_CHARS])
    if not word:
        counts = {w: len(re.findall(f"全{w}", text)) for w, _ in GOVERNMENT_LEVEL if len(w) == 1}
        word = max(counts, key=counts.get) if any(counts.values()) else ""
    if not word:
        return None
    pattern, by_name = _names_ending(word)
    tally: dict[Place, int] = {}
    for m in pattern.finditer(text):
        place = by_name[m.group(0)]
        tally[place] = tally.get(place, 0) + 1
    ranked = sorted(tally.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]


def find_title(header_lines: list[str]) -> str:
    """The line that names the report (`2025年山西省政府工作报告`), spaces inside the words removed."""
    for line in header_lines:
        simple = to_simplified(line)
        m = TITLE_WORDS.search(simple)
        if m:
            cut = simple[: m.end()]
            title = re.sub(r"[\s\u3000]+", "", line[: len(cut)]).strip("—-－ ")
            return re.sub(r"^(?:标题|题目|title)[:：]", "", title)
    return ""


def plan_and_review(parts: list[str], delivered_year: int | None) -> tuple[int | None, int | None]:
    """The year a report plans and the year it reviews, from its part headings, else from its date."""
    review = plan = None
    for part in parts:
        y = part_year(part)
        if y is None:
            continue
        if is_review(part):
            review = review or y
        elif plan is None or y > plan:
            plan = y
    if plan is None:
        plan = delivered_year if delivered_year else (review + 1 if review else None)
    if review is None and plan is not None:
        review = plan - 1
    return plan, review


def review_from(parts: list[str], review: int | None) -> int | None:
    """The first year a review of several years covers, from its heading (`一、过去五年工作回顾` -> the review year
    less four; `一、“十二五”时期和2015年工作回顾` -> 2011); None for a review of one year."""
    heading = next((to_simplified(p) for p in parts if is_review(p)), "")
    period = plan_period(heading)
    if review is None or not heading:
        return None
    if period and period[1] <= review:
        return period[0]
    return review - 4 if SEVERAL_YEARS.search(heading) else None


def identify(report_id: str, header_lines: list[str], parts: list[str], overrides: dict | None = None,
             body: str = "") -> ReportInfo:
    """Read a report's identity from its own text; `overrides` win.

    The header lines (title, occasion, speaker), then the opening of the speech (`我代表…人民政府`),
    then the place the body keeps naming. A field no text gives stays unknown ("" or None): never
    guessed from a default (see `unknown_fields`).
    """
    header = _simplified_header(header_lines)
    title = find_title(header_lines)
    date, delivered = find_date(header)
    place = find_place(header, to_simplified(title))
    government_place, word = find_government(body)
    if place is None or (government_place is not None and government_place.level == "national"):
        place = government_place or place
    if place is None and body:
        place = place_in_body(body, word)
    speaker, role = find_speaker(header)
    plan, review = plan_and_review(parts, delivered)
    level = level_of(place, role, word)
    name = place.name if place else ""
    info = ReportInfo(report_id, title, name, level, plan, review, date, speaker, role, place.code if place else "",
                      review_from=review_from(parts, review))
    info = apply_overrides(info, overrides or {})
    if not info.title or not re.search(r"\d{4}|[\u4e00-\u9fff]{2,}(省|市|县|区|旗|自治区)", to_simplified(info.title)):
        # A bare `政府工作报告` says nothing in a library: name the place and the year.
        year = f"{info.year}年" if info.year else ""
        info = replace(info, title=to_simplified(f"{year}{info.place}{info.title or '政府工作报告'}"))
    return info


def unknown_fields(info: ReportInfo) -> list[str]:
    """The identity fields the text did not give: each needs a flag or a sidecar entry."""
    missing = [name for name in ("place", "level", "year") if not getattr(info, name)]
    return missing


def apply_overrides(info: ReportInfo, overrides: dict) -> ReportInfo:
    """Apply corrections from a sidecar or flags, checking each value; a new place re-derives its code."""
    allowed = {"title", "place", "level", "year", "review_year", "date", "speaker", "role"}
    bad = set(overrides) - allowed
    if bad:
        raise SourceError(f"unknown report field {sorted(bad)[0]!r}; use {', '.join(sorted(allowed))}")
    changes = {k: v for k, v in overrides.items() if v not in (None, "")}
    for key in ("year", "review_year"):
        if key in changes:
            try:
                changes[key] = int(changes[key])
            except (TypeError, ValueError):
                raise SourceError(f"{key}={changes[key]!r} is not a year; use e.g. 2025") from None
    if "level" in changes and changes["level"] not in LEVELS:
        raise SourceError(f"level={changes['level']!r} is unknown; use one of {', '.join(LEVELS)}")
    if "place" in changes:
        place = lookup(changes["place"])
        changes["place_code"] = place.code if place else ""
        if place and "level" not in changes:
            changes["level"] = place.level
        if place and place.level != "national" and changes["place"] != place.name and len(changes["place"]) < len(place.name):
            changes["place"] = place.name
    if "year" in changes and "review_year" not in changes:
        changes["review_year"] = changes["year"] - 1
    return replace(info, **changes)


def read_sidecar(report_path: Path) -> dict:
    """The corrections in `<report>.meta.json` beside the report file, or {}."""
    path = report_path.with_name(report_path.stem + META_SUFFIX)
    if not path.is_file():
        return {}
    try:
        obj = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise SourceError(f"{path}: not valid JSON ({e}). Fix: write an object such as "
                          '{"place": "吉县", "year": 2024}.') from None
    if not isinstance(obj, dict):
        raise SourceError(f"{path}: expected a JSON object such as {{\"place\": \"吉县\", \"year\": 2024}}.")
    return obj
