"""Named groups of provinces a question can range over: 东部各省, 长三角三省一市, 东北三省, 黄河流域…

The groups are facts of the statistics and the planning documents, not of our questions: the four
economic regions are the National Bureau of Statistics' (东部 10, 中部 6, 西部 12, 东北 3); the
seven geographic ones are the usual 华北/华东/… division; the city clusters and river belts are
those of the national strategies (长三角 沪苏浙皖, 京津冀, 成渝, 长江经济带 11, 黄河流域 9).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Province codes (the first two digits of the administrative code, as in `qa.common.places`).
_GROUPS = {
    "东部": ("11", "12", "13", "31", "32", "33", "35", "37", "44", "46"),
    "中部": ("14", "34", "36", "41", "42", "43"),
    "西部": ("15", "45", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"),
    "东北": ("21", "22", "23"),
    "华北": ("11", "12", "13", "14", "15"),
    "华东": ("31", "32", "33", "34", "35", "36", "37"),
    "华中": ("41", "42", "43"),
    "华南": ("44", "45", "46"),
    "西南": ("50", "51", "52", "53", "54"),
    "西北": ("61", "62", "63", "64", "65"),
    "长三角": ("31", "32", "33", "34"),
    "京津冀": ("11", "12", "13"),
    "成渝": ("50", "51"),
    "长江经济带": ("31", "32", "33", "34", "36", "42", "43", "50", "51", "52", "53"),
    "黄河流域": ("63", "51", "62", "64", "15", "14", "61", "41", "37"),
}
_ALIASES = {"长江三角洲": "长三角", "东三省": "东北", "沿海": "东部"}
# What makes a region name a set of provinces rather than a topic (西部大开发, 长三角一体化): a word for
# "its provinces" after it, or, for the names that are sets by themselves, a question over several reports.
_MEMBERS = (r"(?:地区)?(?:各省(?:区市|市区|份|区|市)?|[三四五六七八九十两]+省(?:区市|一市|区|份|市)?|省份|(?:的)?省区市|地区|"
            r"沿线(?:各)?省(?:份|区市)?)")
_SETS = ("长三角", "长江三角洲", "京津冀", "成渝", "东三省", "长江经济带", "黄河流域")
_NAMES = "|".join(sorted({*_GROUPS, *_ALIASES}, key=len, reverse=True))
_SET_NAMES = "|".join(sorted(_SETS, key=len, reverse=True))
_ACROSS = r"分别|各自|各是|各为|比一比|对比|比较|哪个|哪家|哪里|排名|最高|最低|列个?表|做个?表"
REGION = re.compile(rf"(?P<name>{_NAMES})(?P<members>{_MEMBERS})|(?P<set>{_SET_NAMES})")


@dataclass(frozen=True)
class Region:
    name: str  # the name as the question wrote it (长三角三省一市)
    group: str  # the group it names (长三角)
    codes: tuple[str, ...]  # its provinces' two-digit codes


def find_region(text: str) -> Region | None:
    """The group of provinces `text` ranges over, or None. A set name alone (长三角) counts only in a
    question over several reports (分别, 对比, 哪个最高 …); a direction (东部) only with its members' word."""
    for m in REGION.finditer(text):
        if m.group("set") and not re.search(_ACROSS, text):
            continue
        key = m.group("name") or m.group("set")
        group = _ALIASES.get(key, key)
        return Region(m.group(0), group, _GROUPS[group])
    return None
