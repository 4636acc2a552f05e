"""Routing: the places, levels and years a question names decide which reports are searched."""

import pytest

from qa.common.places import find_places, lookup, mentions, sounds_like
from qa.ingest.identity import ReportInfo
from qa.search.question import clean_question
from qa.search.question import read_question as read
from qa.search.route import route


def _report(rid, place, level, year, code):
    return ReportInfo(rid, f"{year}年{place}政府工作报告", place, level, year, year - 1, f"{year}-01-15", "某某", "", code)


LIBRARY = [
    _report("national-2024", "全国", "national", 2024, ""),
    _report("shanxi-2025", "山西省", "provincial", 2025, "14"),
    _report("shaanxi-2025", "陕西省", "provincial", 2025, "61"),
    _report("jixian-2024", "吉县", "county", 2024, "141028"),
    *[_report(f"hailaer-{y}", "海拉尔区", "county", y, "150702") for y in range(2012, 2020)],
]
KNOWN = tuple(r.place_obj for r in LIBRARY)


def _route(question, selected=()):
    return route(read(question, KNOWN), LIBRARY, selected)


@pytest.mark.parametrize("question, reports", [
    ("山西省2025年城镇新增就业目标是多少？", ("shanxi-2025",)),
    ("陕西2025年粮食产量目标是多少吨？", ("shaanxi-2025",)),
    ("2024年国务院政府工作报告提出的增长目标是多少？", ("national-2024",)),
    ("全国2024年城镇新增就业的预期目标是多少人？", ("national-2024",)),
    ("吉縣蘋果產量是多少？", ("jixian-2024",)),
    ("How many new high-tech enterprises does Shanxi province aim to certify in 2025?", ("shanxi-2025",)),
    ("山西2024年5G基站总数达到多少个，全国排名第几？", ("shanxi-2025",)),  # 全国 is a yardstick here
    ("海拉尔区2016年的工作安排里，棚户区改造目标是多少？", ("hailaer-2016",)),
    ("中央今年赤字率定了多少？", ("national-2024",)),  # the centre as the subject is the State Council
    ("山西吉县的苹果产量是多少？", ("jixian-2024",)),  # an address: the province locates the county asked about
])
def test_place_and_year_pick_the_report(question, reports):
    assert _route(question).reports == reports


def test_a_year_picks_the_report_that_plans_or_reviews_it():
    # 2015's result is in the 2016 report's review; 2015's target in the 2015 report's plan.
    assert _route("海拉尔区2015年地区生产总值是多少？").reports == ("hailaer-2016",)
    assert _route("海拉尔区2015年地区生产总值的增长目标是多少？").reports == ("hailaer-2015",)


def test_a_year_with_no_place_is_the_country_s_where_its_report_covers_the_year():
    # 2023年个人所得税有什么调整: the State Council's, not the districts' reviews of 2023
    assert _route("2023年个人所得税有什么调整？").reports == ("national-2024",)
    assert _route("2024年超长期特别国债先发多少？").reports == ("national-2024",)
    # the reports the year goes to otherwise are kept, for when the country's report does not answer
    assert _route("2023年个人所得税有什么调整？").unnamed == ("jixian-2024",)
    # a place named is that place's; a year the country's report does not cover is the library's
    assert _route("海拉尔区2018年旅游收入多少？").reports == ("hailaer-2019",)
    assert set(_route("2016年旅游收入多少？").reports) == {"hailaer-2017"}


def test_no_year_means_the_newest_report_of_that_place_and_says_so():
    r = _route("海拉尔区地区生产总值是多少？")
    assert r.reports == ("hailaer-2019",) and "按最新的《2019年海拉尔区政府工作报告》回答" in r.note
    assert "海拉尔区 2012–2018" in r.note


def test_a_relative_year_is_read_against_the_newest_report_and_routed_to_the_one_that_covers_it():
    # 前年 of the newest (2019) report is 2017, which the 2018 report reviews; 去年 stays with the newest
    r = _route("海拉尔前年城镇新增就业多少人？")
    assert r.reports == ("hailaer-2018",) and r.year == 2017 and "读作2017年" in r.note
    assert _route("海拉尔去年城镇新增就业多少人？").reports == ("hailaer-2019",)


@pytest.mark.parametrize("question, message", [
    ("临汾市2023年GDP是多少？", "库中没有临汾市的报告；有：吉县 2024、山西省 2025。"),
    ("隰县的苹果产量是多少？", "库中没有隰县的报告；有：吉县 2024、山西省 2025。"),
    ("河南省2025年地区生产总值增长目标是多少？", "库中没有河南省的报告；有："),
    ("吉县2025年政府工作报告提出的地区生产总值增长目标是多少？", "库中没有吉县2025年的报告；有：吉县 2024。"),
    ("What is Guangdong province's GDP growth target for 2025?", "库中没有广东省的报告"),
])
def test_a_place_or_year_the_library_lacks_is_said_so(question, message):
    r = _route(question)
    assert (r.missing or r.absent).startswith(message)
    # A place inside a report's own (临汾市 in 山西省) is looked for in that report, and must be named there.
    assert r.reports == () or r.must_mention


def test_a_place_with_no_report_of_its_own_is_looked_for_in_the_wider_report():
    r = _route("临汾市2023年GDP是多少？")
    assert r.reports == ("shanxi-2025",) and r.must_mention == ("临汾",) and r.absent.startswith("库中没有临汾市的报告")
    r = _route("吉县2025年政府工作报告提出的地区生产总值增长目标是多少？")
    assert r.reports == () and r.missing.startswith("库中没有吉县2025年的报告")


def test_a_place_inside_the_reports_place_must_be_mentioned():
    r = _route("陕西2025年的政府工作报告里，西安市2024年地区生产总值是多少？")
    assert r.reports == ("shaanxi-2025",) and r.must_mention == ("西安",)


def test_a_county_named_short_inside_its_province_must_be_mentioned():
    # 洪洞 alone may be anything; after 山西, as a word of its own, it is 洪洞县, which the answer must name
    r = _route("山西2025年政府工作报告里，洪洞大槐树景区去年接待了多少游客？")
    assert r.reports == ("shanxi-2025",) and r.must_mention == ("洪洞",)
    assert "山西省的报告里也没有找到关于洪洞的这项内容" in r.absent
    assert _route("山西今年洪洞县旅游收入目标多少").must_mention == ("洪洞",)  # written in full: the same place
    assert _route("陕西2025年粮食产量目标是多少吨？").must_mention == ()  # no county named
    assert _route("陕西去年白酒产量多少").must_mention == ()  # 白酒 is no 白水
    from qa.common.places import counties_within

    assert [w for w, _ in counties_within("甘肃敦煌莫高窟去年接待了多少游客", [lookup("甘肃")])] == ["敦煌"]
    assert counties_within("广西去年港口那块展开说说", [lookup("广西")]) == []  # a port; 港口区 is a county too


def test_a_year_no_report_covers_is_kept_as_a_constraint():
    r = _route("吉县2021年的GDP是多少？")
    assert r.reports == ("jixian-2024",) and r.must_year == 2021


def test_the_users_choice_bounds_the_route():
    assert _route("地区生产总值增长目标", ("shanxi-2025",)).reports == ("shanxi-2025",)
    r = _route("陕西2025年粮食产量目标", ("shanxi-2025",))
    assert r.reports == () and r.missing.startswith("所选报告中没有陕西省的报告")


def test_place_names_that_are_also_words_are_not_places():
    assert find_places("清水河综合治理工程投资多少") == []  # a river, not 清水河县
    assert [n for n, _ in find_places("西吉县和吉县")] == ["西吉县", "吉县"]  # the longest name wins
    assert lookup("吉林").name == "吉林省" and lookup("内蒙古").name == "内蒙古自治区"
    assert [n for n, _ in find_places("海拉尔的gdp", (lookup("海拉尔区"),))] == ["海拉尔"]


def test_a_place_mistyped_by_its_sound_is_heard():
    ji = lookup("吉县")
    assert [(w, p.name) for w, p in sounds_like("山希省去年gdp增长多少", (ji,))] == [("山希省", "山西省")]
    assert [p.name for _, p in sounds_like("鸡县2024年粮食产量", (ji,))] == ["吉县"]
    assert [p.name for _, p in sounds_like("闪西今年的目标")] == ["陕西省"]  # the tones tell 陕 from 山
    # not a place: no character of the name kept (背景, 极限), or not followed as a place is (山洞里)
    assert sounds_like("背景是什么") == [] and sounds_like("极限是多少", (ji,)) == [] and sounds_like("山洞里有什么") == []
    assert sounds_like("今年全州gdp增长目标") == []  # a word of its own (全州), not 泉州 mistyped
    # ordinary words of the reports: inside a word (着眼城市), a changed character not read so (了 is le), a word that
    # is not the name's (安养), a city the library lacks named neither with its 市 nor before a year (太远的)
    for words in ("去年提升了城市功能", "着眼城市更新", "完成度的情况", "居家安养的服务", "医院离得太远的问题", "封山育林的任务",
                  "西部三盟市的生态"):
        assert sounds_like(words, (ji,)) == [], words
    assert [p.name for _, p in sounds_like("黑龙将省今年粮食产量")] == ["黑龙江省"]  # 黑龙 is the name's own word
    assert [p.name for _, p in sounds_like("和南省今年的目标")] == ["河南省"]  # 和 read as it usually is (he)
    assert [p.name for _, p in sounds_like("舞汉市2025年gdp")] == ["武汉市"]  # a city with no report is heard, to say so


def test_a_province_mistyped_by_the_shape_of_one_character_is_read():
    assert [(w, p.name) for w, p in sounds_like("青诲去年新建了多少座农村户厕？")] == [("青诲", "青海省")]  # 诲 like 海
    assert [p.name for _, p in sounds_like("宁厦去年发了多少育儿补贴？")] == ["宁夏回族自治区"]  # 厦 holds 夏
    # a place's own name is no slip of another's; a radical alone makes no likeness; a city needs its own sound
    assert sounds_like("临汾市2023年的GDP总量是多少亿元？") == [] and sounds_like("浅江的小龙虾") == []
    assert sounds_like("甘肃2025年打算怎么让兰州带着各个市州一起发展？") == []
    # between names alike, a library's place, then a province (海南省, not the prefecture 海南州)
    assert [p.name for _, p in sounds_like("海楠今年社会消费品零售总额增长目标")] == ["海南省"]


def test_a_prefecture_and_a_county_level_city_go_by_their_short_names():
    """People say 黔东南州 or 黔东南 for 黔东南苗族侗族自治州 and 潜江 for 潜江市: a library holding their
    reports routes those questions to them; elsewhere the bare short forms are not read as places (黔东南 names a
    region too), while the short form with 州 is the prefecture anywhere (no other word is written so)."""
    library = [_report("qiandongnan-2024", "黔东南苗族侗族自治州", "city", 2024, "5226"),
               _report("qianjiang-2024", "潜江市", "county", 2024, "429005"), *LIBRARY]
    known = tuple(r.place_obj for r in library)
    for question, report in [("黔东南州2023年办了几件民生实事？", "qiandongnan-2024"),
                             ("黔东南今年的地区生产总值目标是多少", "qiandongnan-2024"),
                             ("潜江2023年完成了几大民生实事？", "qianjiang-2024")]:
        assert route(read(question, known), library).reports == (report,), question
    assert find_places("黔东南今年的目标") == [] and find_places("海西经济区建设") == []
    assert [p.name for _, ps in find_places("黔东南州今年的目标") for p in ps] == ["黔东南苗族侗族自治州"]
    assert lookup("海南").name == "海南省"  # 海南藏族自治州 never takes the province's name


def test_a_county_the_library_holds_goes_by_its_two_character_name():
    """高阳 for 高阳县: a question about the library's county asked it by the name its report uses, and was routed to the
    national report (while 海拉尔, of three characters, always counted); a common word (港口 for 港口区) stays a word."""
    library = [_report("gaoyang-2018", "高阳县", "county", 2018, "130628"),
               _report("hailaer-2018", "海拉尔区", "county", 2018, "150702"), *LIBRARY]
    known = tuple(r.place_obj for r in library)
    assert route(read("高阳2017年社会消费品零售总额是多少亿元？", known), library).reports == ("gaoyang-2018",)
    assert find_places("高阳2017年的GDP") == []  # (no report of it: two characters alone are no place)
    assert find_places("怎样提高阳台光伏普及率", known) == []  # (a word of its own: 提高|阳台)
    port = _report("gangkou-2024", "港口区", "county", 2024, "450602").place_obj
    assert find_places("港口吞吐量多少", (port,)) == []


def test_a_year_a_change_is_set_against_is_not_the_year_asked():
    # 北京2023年…比2022年下降了多少 asks 2023's change: it was answered from the newest report, "no year said"
    asked = read("北京2023年生产安全死亡人数比2022年下降了多少？", ())
    assert asked.year_for(2024) == 2023 and asked.bases == (2022,)
    assert read("海拉尔2015年和2016年的地区生产总值哪个高", ()).year_for(2016) is None  # two years asked
    assert read("北京生产安全死亡人数比2022年下降了多少？", ()).year_for(2024) is None  # only the base named
    assert read("2022年和2023年比2021年分别增长多少", ()).bases == (2021,)  # (和2023年比2021年: 2021 is the base)


def test_a_place_goes_by_its_usual_english_name_where_that_is_not_its_pinyin():
    """`Harbin` (not Haerbin), `Hailar`: for the library's own places, as their pinyin is."""
    harbin = _report("harbin-2024", "哈尔滨市", "city", 2024, "2301").place_obj
    found = find_places("what is harbin's gdp growth target for 2024?", (harbin,))
    assert [(n, [p.name for p in ps]) for n, ps in found] == [("harbin", ["哈尔滨市"])]
    # any prefecture goes by its English name, the library's or not: the place asked is known, and said to be missing
    assert [p.name for _, ps in find_places("what is harbin's gdp growth target?") for p in ps] == ["哈尔滨市"]
    assert [p.name for _, ps in find_places("How many tourists did Xishuangbanna receive in 2024?") for p in ps] == \
        ["西双版纳傣族自治州"]
    r = route(read("What was Wuhan's GDP in 2024 according to Hubei's report?", KNOWN), LIBRARY)
    assert "武汉" in r.missing + r.absent and not r.reports  # (was read as a question about Hubei itself)
    qiandongnan = _report("qiandongnan-2024", "黔东南苗族侗族自治州", "city", 2024, "5226").place_obj
    found = find_places("how many new urban jobs were created in qiandongnan prefecture in 2023?", (qiandongnan,))
    assert [(n, [p.name for p in ps]) for n, ps in found] == [("qiandongnan prefecture", ["黔东南苗族侗族自治州"])]


def test_the_state_councils_report_is_the_subject_and_a_province_in_it_the_content():
    """`国务院2024年的报告对山西提了什么要求？`: the national report, which must speak of Shanxi (its 2024 report is
    not in the library, and is not what was asked); `全国` beside a province stays a yardstick (`在全国排第几`)."""
    r = route(read("国务院2024年的报告对山西提了什么要求？", KNOWN), LIBRARY)
    assert r.reports == ("national-2024",) and r.must_mention == ("山西",) and not r.missing
    assert route(read("山西去年经济增速在全国排第几？", KNOWN), LIBRARY).reports == ("shanxi-2025",)


@pytest.mark.parametrize("question, offset", [
    ("成都2024年政府工作报告说，天府绿道现在有多长？", -1),  # 现在, as a report says it: the year it reviews
    ("成都2024年政府工作报告说，现在的绿道建设目标是多少？", None),  # a target asked: the plan's year, as before
    ("天府绿道现在有多长？", -1),  # a figure asked as it stands now: what the newest report found, in the year it reviews
    ("天府绿道现在打算修多长？", None),  # (a plan asked)
    ("How many high-tech enterprises in Qiandongnan currently hold valid certification?", -1),  # (as in English)
    ("How many new urban jobs does Henan expect to create now?", None),  # (a plan, whatever `now` says)
    ("How many 5G base stations does Henan have now?", -1),
])
def test_now_in_a_report_is_the_year_it_reviews(question, offset):
    assert read(question).offset == offset


def test_a_figure_set_is_a_target():
    assert read("山西今年GDP增长定的多少").wants_plan and read("海拉尔2013年城镇新增就业定了多少").wants_plan
    assert not read("山西今年GDP增长稳定的原因").wants_plan and not read("西藏锚定的是几件大事").wants_plan


@pytest.mark.parametrize("question, year", [
    ("成都2024年报告说，机场旅客吞吐量有多少？", None),  # the report named: its plan or its review may say
    ("成都2024年报告说，今年的旅客吞吐量目标是多少？", 2024),  # a target: the plan's year
    ("成都2024年报告说，旅客吞吐量实际完成了多少？", 2023),  # a result: the year it reviews
])
def test_a_report_s_year_is_the_year_asked_only_for_its_plan_or_its_review(question, year):
    assert read(question).year_for(2024) == year


def test_a_year_in_chinese_numerals_routes_like_digits(corpus_session):
    # 二〇一二年 is the year the 2013 report reviews; 二零一三年政府工作报告 is that report's plan.
    assert "地区生产总值完成235.2亿元" in corpus_session.ask("海拉尔区二〇一二年的地区生产总值完成了多少？").text()
    answer = corpus_session.ask("海拉尔二零一三年政府工作报告里，地区生产总值目标是增长百分之多少")
    assert "地区生产总值增长20%" in answer.text() and answer.sources[0].report.id == "hailaer-2013"


def test_another_country_is_no_report_s(corpus_session):
    # no Chinese government report is about the United States: said so, not answered from a province
    answer = corpus_session.ask("美国2024年GDP增长了多少？")
    assert answer.abstained and "没有美国的" in answer.text()
    assert corpus_session.ask("What was Japan's GDP growth last year?").abstained
    # a province's trade with another country is the province's: 湖南非遗 names no 南非
    assert not corpus_session.ask("广东去年对东盟出口增长多少？").abstained
    assert "南非" not in corpus_session.ask("湖南非遗保护有什么措施？").text()


@pytest.mark.parametrize("question", ["咱们国家今年经济增长目标是多少？", "中央财政今年赤字率是多少？",
                                      "2013到2017这五年，国家都干成了哪些大事？",  # 国家 as the subject
                                      "What is the nationwide target for new urban jobs in 2024?"])
def test_the_country_named_in_everyday_words(question):
    assert [p.name for p in read(question).places] == ["全国"]


def test_the_countrys_own_indicator_names_the_country():
    # 国内生产总值 is the country's GDP (a region's is 地区生产总值): a 2019 report the library lacks is said so
    assert not _route("2019年政府工作报告定的国内生产总值增长目标是多少？").reports
    assert _route("2023年国内生产总值是多少？").reports == ("national-2024",)
    assert _route("山西2024年国内生产总值是多少？").reports == ("shanxi-2025",)  # a place named is its own


def test_tasks_said_done_are_a_result_not_a_plan():
    assert not read("海拉尔区2017年全年完成了多少项改革任务？").wants_plan
    assert _route("海拉尔区2017年全年完成了多少项改革任务？").reports == ("hailaer-2018",)
    assert read("海拉尔区2017年的改革任务是什么？").wants_plan


@pytest.mark.parametrize("question, offset", [("过去五年贫困人口减少了多少？", -1),
                                              ("How much capacity was cut over the previous five years?", -1),
                                              ("What was achieved in the past five years?", -1)])
def test_the_five_years_a_report_looks_back_on_end_with_the_last_one(question, offset):
    assert read(question).offset == offset


def test_what_meeting_asks_the_report_s_occasion_and_what_is_hosted_does_not():
    assert read("湖南2025年政府工作报告是在什么会上作的", KNOWN).wants_date
    assert not read("成都今年要承办什么大会", KNOWN).wants_date


def test_a_place_goes_by_the_names_people_call_it():
    # 内蒙 is 内蒙古; a city's nickname is the city (蓉城 Chengdu, 冰城 Harbin); a name two cities share is no place
    assert [p.name for _, ps in find_places("内蒙今年粮食产量目标") for p in ps] == ["内蒙古自治区"]
    assert [p.name for _, ps in find_places("蓉城今年GDP增长目标") for p in ps] == ["成都市"]
    assert [p.name for _, ps in find_places("冰城新增就业多少") for p in ps] == ["哈尔滨市"]
    assert [p.name for _, ps in find_places("首都今年GDP增长目标") for p in ps] == ["北京市"]
    # a province's one-character name, standing alone before a year; inside a word it is no place
    assert [p.name for _, ps in find_places("鄂今年GDP增长目标") for p in ps] == ["湖北省"]
    assert [p.name for _, ps in find_places("冀2023年粮食总产多少") for p in ps] == ["河北省"]
    assert find_places("青年就业今年有什么政策") == [] and find_places("新增就业今年多少") == []
    assert find_places("江城今年的目标") == []
    assert [n for n, _ in find_places("重庆去年修了多少公里山城步道")] == ["重庆"]  # beside a name, a nickname is a word
    assert [p.name for _, ps in find_places("八桂大地今年粮食产量目标") for p in ps] == ["广西壮族自治区"]  # a literary name


def test_a_rank_among_the_provinces_is_one_place_s_and_a_year_may_be_cut_to_two_digits():
    ranked = read("黑龙江粮食产量在全国各省里排第几", KNOWN)
    assert ranked.level is None and "各省" not in ranked.topic  # a yardstick, not a table over the provinces
    assert read("各省粮食产量目标", KNOWN).level == "provincial"
    assert read(clean_question("冀'25年规上工业增加值增长目标"), KNOWN).years == (2025,)
    assert read("中央2024年的报告说前一年粮食产量多少", KNOWN).year_for(2024) == 2023


def test_an_actual_result_of_a_year_only_planned_is_not_answered_with_the_plan():
    r = _route("吉县2024年GDP最后实际增长了多少？")  # the library has Ji County's 2024 plan, nothing reviewing 2024
    assert r.must_year == 2024 and r.absent.startswith("库中没有回顾吉县2024年的报告")
    assert _route("吉县2024年GDP增长多少？").must_year is None  # a plain 增长多少 may ask the target: the plan answers
    assert _route("海拉尔区2016年GDP实际增长了多少？").reports == ("hailaer-2017",)  # the report reviewing it


def test_a_country_named_beside_a_place_is_what_the_answer_must_name():
    assert _route("山西2024年对日本的出口额是多少？").must_mention == ("日本",)
    assert _route("How much did Shanxi export to Japan in 2024?").must_mention == ("日本",)
    assert _route("內蒙古2025年報告說，去年溫暖工程改造了多少公里供熱管網？").must_mention == ()  # 蒙古 is inside
    assert _route("What was Inner Mongolia's new-energy capacity in 2024?").must_mention == ()
    assert mentions("俄罗斯", "其中对俄进出口总额首次突破百亿元") and not mentions("日本", "实现进出口总额495.3亿元")


@pytest.mark.parametrize("question, place", [
    ("四川省会展业发展得怎么样？", "四川省"),  # 会展 (exhibitions), not 省会
    ("What was Zhejiang's capital investment this year?", "浙江省"),  # capital as money
    ("What does Guangdong's capital market plan say?", "广东省"),
])
def test_capital_inside_other_words_is_no_capital(question, place):
    assert [p.name for p in read(question, KNOWN).places] == [place]


def test_words_that_look_like_a_year_or_a_result_but_are_not():
    assert read("山西提前一年实现县县通高速，今年要新改建多少公里四好农村路？", KNOWN).offset == 0  # 提前一年: early
    assert read(clean_question("冀'98年粮食产量"), KNOWN).years == (1998,)
    # two digits before 年 right after a place's name are its year (海拉尔14年产了多少牛奶); elsewhere they count
    # years or name a thing (PM10年均, 创10年新高, 15年免费教育, 12年义务教育, 20年一遇)
    assert read(clean_question("海拉尔14年产了多少牛奶"), KNOWN).years == (2014,)
    for counted in ("连续14年粮食丰收", "近10年建了多少学校", "干了10年", "吉县运营14年了", "14年来", "时隔30年再获",
                    "山西PM10年均浓度达到国家二级标准了吗", "辽宁研发投入强度创10年新高了吗", "15年免费教育青海实现了吗",
                    "海拉尔推行12年义务教育了吗", "哈尔滨遇到20年一遇的洪水了吗"):
        assert read(clean_question(counted), KNOWN).years == (), counted
    assert not read("深圳2024年实际使用外资多少？", KNOWN).wants_result  # the indicator's name
    assert [p.level for p in read("2018年和2024年的国家财政赤字率分别定的多少？", KNOWN).places] == ["national"]
    assert not read("海拉尔区2019年城乡居民收入最终能增长多少？", KNOWN).wants_result  # a forecast asked
    assert read("海拉尔区2016年GDP实际增长了多少？", KNOWN).wants_result
    assert not any(p.level == "national" for p in read("四川和国家对接了哪些重大项目？", KNOWN).places)  # 对接, not 对


def test_what_a_year_came_to_asked_as_in_the_end_and_china_as_the_one_who_sets():
    # 最后是多少 asks the result (the 2024 report of a city only plans 2024: said, not its target quoted)
    assert read("哈尔滨2024年全年地区生产总值最后是多少？", KNOWN).wants_result
    assert read("海拉尔2016年地区生产总值最后达到多少", KNOWN).wants_result
    assert not read("十件民生实事的最后一件是什么", KNOWN).wants_result
    assert not read("河南最后几个项目什么时候完工", KNOWN).wants_result
    # China doing the setting is the country (its 2019 target: no report of the library sets it); China as a partner
    # or a route's end is not
    assert [p.level for p in read("What GDP growth target did China set for 2019?", KNOWN).places] == ["national"]
    assert not any(p.level == "national" for p in read("How many China-Europe trains did Chongqing run?", KNOWN).places)
    assert not any(p.level == "national" for p in read("Did China-Laos railway open in Yunnan?", KNOWN).places)


def test_a_province_s_capital_is_the_city():
    def named(text):
        return [(name, [p.name for p in ps]) for name, ps in find_places(text)]

    assert named("四川省会去年地区生产总值") == [("四川省会", ["成都市"])]  # named as written, so taken out of the topic
    assert named("广西首府今年固定资产投资") == [("广西首府", ["南宁市"])]
    assert named("浙江的省会城市人口") == [("浙江的省会城市", ["杭州市"])]
    assert named("What is the GDP of Zhejiang's capital?") == [("Zhejiang's capital", ["杭州市"])]
    assert named("the capital of Hubei") == [("hubei", ["武汉市"])]
    assert named("What GDP target did the capital set?") == [("the capital", ["北京市"])]
    assert named("四川省今年GDP") == [("四川省", ["四川省"])] and named("Hubei capital investment")[0][1] == ["湖北省"]
    r = _route("陕西省会今年GDP增长目标是多少？")  # Xi'an, whose report the library lacks: not answered as Shaanxi
    assert (r.missing or r.absent).startswith("库中没有西安市")


def test_a_nickname_of_a_city_without_a_report_is_said():
    r = _route("羊城今年GDP增长目标是多少？")  # Guangzhou, whose report the library lacks: said, not answered from another
    assert (r.missing or r.absent).startswith("库中没有广州市的报告")


def test_a_wider_place_named_as_the_report_keeps_its_report_and_a_place_inside_it_is_said_missing():
    r = _route("山西2025年报告中临汾市的GDP目标是多少？")  # Shanxi's report asked about Linfen, which has none of its own
    assert r.reports == ("shanxi-2025",) and r.absent.startswith("库中没有临汾市自己的报告；山西省的报告里也没有找到")
    assert not _route("内蒙古海拉尔区2016年地区生产总值是多少？").note  # no 'no report of 内蒙古' beside the answer


def test_a_target_asked_of_a_year_the_library_only_reviews_is_said_so():
    # the 2025 report reviews what 2024 came to; the target set for 2024 was in the 2024 report, which it lacks
    r = _route("山西2024年GDP增长目标是多少？")
    assert r.must_year == 2024 and r.absent.startswith("库中没有定山西省2024年目标的那份报告")
    assert _route("山西2024年GDP实现了多少增长，完成目标了吗？").must_year is None  # what it came to: the review
    assert _route("海拉尔区2016年GDP增长目标是多少？").reports == ("hailaer-2016",)  # the report that set it
    r = _route("山西去年GDP增长目标多少")  # 去年 of the place's one report, which only reviews that year: the same
    assert r.must_year == 2024 and r.absent.startswith("库中没有定山西省2024年目标的那份报告")


def test_how_large_asks_a_figure_and_large_is_no_topic_word():
    from qa.search.dictionary import english_terms

    assert read("How large were the special treasury bonds issued in 2020?", KNOWN).kind == "figure"
    assert "大型" not in english_terms("How large were the special treasury bonds issued in 2020?", lambda w: 1)


def test_whose_and_a_comparative_ask_which_place_s_figure_not_a_person():
    assert read("In 2024, whose economy was bigger, Sichuan or Hubei?", KNOWN).kind == "figure"
    assert read("Which was bigger in 2024, Sichuan's GDP or Hubei's?", KNOWN).kind == "figure"
    assert read("Who delivered Shanxi's 2025 report?", KNOWN).kind == "person"
    assert read("Whose report is this, Shanxi 2025?", KNOWN).kind == "person"
    assert read("Whose name is on the 2024 Harbin government work report?", KNOWN).kind == "person"
    from qa.answer.table import topic_question  # what each report is asked: an economy that grows is its GDP

    assert "GDP growth" in topic_question(read("Whose economy grew faster in 2024, Guangdong or Zhejiang?", KNOWN))


def test_words_near_a_target_that_do_not_ask_one():
    # 预期寿命 is life expectancy, 符合预期 and 跑赢…目标 ask what the year came to: the review answers
    assert _route("2024年福建人均预期寿命是多少").must_year is None
    assert _route("2024年全国经济增长跑赢5%的预期目标了吗").must_year is None
    assert _route("福建2024年经济增长符合预期吗").must_year is None


def test_english_parts_are_headed_by_what_each_asks():
    from qa.search.question import split_question

    question = "How many new urban jobs does Guangdong plan to add this year, and how many did it add last year?"
    split = split_question(question, read(question, KNOWN))
    assert split.labels == ("new urban jobs Guangdong plan to add this year", "new urban jobs Guangdong add last year")


def test_a_ratio_and_a_comparison_said_with_xiangbi_are_read_as_asked():
    from qa.search.question import split_question

    # 收入比缩小到: 比 before how it moves is a ratio (城乡居民收入比), one thing asked, no two sides
    ratio = "广东2025年报告里，城里人和农村人的收入比缩小到了多少？"
    assert split_question(ratio, read(ratio, KNOWN)).kind == "single"
    # 相比 is no 比 of `A比B高`, and 前几年 asks nothing: each side headed by its own words
    compared = "湖北2025年报告里，今年城镇新增就业目标和前几年的实际新增相比是高还是低？"
    split = split_question(compared, read(compared, KNOWN))
    assert split.kind == "compare" and split.labels == ("今年城镇新增就业目标", "前几年的实际新增")


def test_a_comparison_is_read_whichever_way_round_and_in_whatever_unit():
    from qa.search.question import split_question

    # 少还是多 asks what 多还是少 asks; 多多少亿美元 is a gap in its unit
    for question in ("哈尔滨今年城镇新增就业的目标是多少？比去年实际的少还是多？",
                     "深圳今年服务贸易进出口的目标比去年实际做到的多多少亿美元？"):
        split = split_question(question, read(question, KNOWN))
        assert split.kind == "compare" and split.labels[1].startswith("去年实际"), split
    # 跟…比是高了还是低了: 比 is the verb of comparing, the sides are before it
    verb = "鹏城2024年实际利用外资的目标，跟2023年的实际数比是高了还是低了？"
    assert split_question(verb, read(verb, KNOWN)).labels == ("2024年实际利用外资的目标", "2023年的实际数")
    # 比重 and 比例 are no comparison's 比; a side said with 是 (比去年是多了还是少了) is the year
    share = "河南财政收入占GDP比重是高了还是低了？"
    assert split_question(share, read(share, KNOWN)).kind == "single"
    said = "河南今年城镇新增就业目标比去年是多了还是少了？"
    assert split_question(said, read(said, KNOWN)).labels[1] == "去年"
    # 一样 inside a question that asks something else (a reason, a list, a way of doing) compares nothing
    for other in ("为什么河南今年GDP增长目标和去年一样？", "河南和山西一样重视粮食生产吗？", "河南和去年相同的政策有哪些？"):
        assert split_question(other, read(other, KNOWN)).kind == "single", other
    # 一样吗 sets the two side by side as 哪个高 does
    same = "山西城镇和农村居民收入增速一样吗？"
    assert split_question(same, read(same, KNOWN)).questions == ("山西城镇居民收入增速", "山西农村居民收入增速")


def test_the_things_counted_asked_again_are_one_list_question():
    from qa.search.question import split_question

    for question in ("北京2024年报告说今年工作要着重把握好几个方面，分别是什么", "甘肃今年要办10件实事，都有哪些？"):
        reading = read(question, KNOWN)
        assert reading.kind == "list" and split_question(question, reading).kind == "single"
    assert read("吉林今年说要办的民生实事里都有些啥？", KNOWN).kind == "list"  # 啥 is 什么, said
    for question in ("甘肃今年要办多少件实事，分别是什么", "甘肃今年要办几件实事？都有些啥？"):
        reading = read(question, KNOWN)
        assert reading.kind == "list" and split_question(question, reading).kind == "single", question
    ordinal = read("甘肃今年民生实事的第三件，是什么", KNOWN)  # an ordinal counts nothing
    assert ordinal.kind != "list"
    two = "甘肃去年粮食产量多少，有什么措施"  # (a question of its own after a figure: two parts)
    assert split_question(two, read(two, KNOWN)).kind == "parts"
    asked = "江苏今年要办几件实事，分别是多少钱"  # (a figure asked of each: no list)
    assert read(asked, KNOWN).kind == "figure"
    item = "2018年国务院报告说做好今年工作要注重几点，第二点是什么"  # the n-th of the things counted: one question
    assert split_question(item, read(item, KNOWN)).kind == "single"


def test_several_said_in_passing_asks_no_count():
    from qa.search.question import split_question

    question = "高阳县2017年打了好几场攻坚战，第三场是什么"  # 好几场 is several: the third one is asked, no count
    reading = read(question, KNOWN)
    assert reading.kind != "figure" and split_question(question, reading).kind == "single"
    assert read("吉县去年新增城镇就业多少人", KNOWN).kind == "figure"  # (几 and 多少 still ask)
    assert read("我在外地工作好几年了，吉县去年新增就业多少人", KNOWN).kind == "figure"
    for counted in ("吉林今年要办好几件民生实事", "黑龙江今年要把握好几个方面"):  # 好 the verb's result: how many
        assert read(counted, KNOWN).kind == "figure", counted


def test_several_years_asked_go_to_the_report_that_reviews_them_together():
    from dataclasses import replace

    terms = [replace(_report("national-2018", "全国", "national", 2018, ""), review_from=2013),
             _report("national-2020", "全国", "national", 2020, ""), _report("national-2024", "全国", "national", 2024, "")]
    assert route(read("2013到2017年这五年，全国贫困人口减少了多少？"), terms).reports == ("national-2018",)
    five = route(read("全国过去五年取得了哪些成就？"), terms)
    assert five.reports == ("national-2018",) and "2013–2017" in five.note  # the years it was read as, said
    assert route(read("全国2019年GDP增长多少？"), terms).reports == ("national-2020",)  # one year: the report reviewing it
    assert route(read("全国连续5年来粮食产量多少？"), terms).reports == ("national-2024",)  # (a count of years, no term)
    assert route(read("全国改革开放45年来有什么成就？"), terms).reports == ("national-2024",)  # 45 years, not five
    assert "近五年来" in read("河北近5年来新增就业多少").topic  # as the reports write it (no stray 年来 to search)
    # a place none of whose reports reviews several years: its newest, as before
    assert route(read("山西过去五年取得了哪些成就？"), LIBRARY).reports == ("shanxi-2025",)


def test_an_english_question_names_a_report_by_its_year():
    assert read("According to the 2018 report, how long had China's expressway network grown to?", KNOWN).report_year == 2018
    assert read("What did Hailar set in its 2014 report?", KNOWN).report_year == 2014
    # a word or two naming the report between its year and `report` (national, State Council work)
    assert read("According to the 2018 national report, how many years had business tax been levied?",
                KNOWN).report_year == 2018
    assert read("What did the 2024 State Council work report set as the GDP target?", KNOWN).report_year == 2024
    assert read("In 2018 the report says GDP grew by how much?", KNOWN).report_year is None  # (a year, then a clause)
    assert read("How many tourists visited in 2018?", KNOWN).report_year is None  # a year, not a report's


def test_a_town_or_zone_inside_the_reports_place_must_be_named():
    # 屯里镇 is a town of 吉县: no report is its own, and the county's figures are not the town's
    r = _route("吉县2023年苹果产量里屯里镇产了多少吨？")
    assert r.reports == ("jixian-2024",) and r.sites == ("屯里",)
    assert r.absent == "库中没有屯里镇自己的报告；吉县的报告里也没有找到关于屯里镇的这项内容。"
    assert _route("山西2025年雄安新区的投资目标是多少").sites == ("雄安",)
    # words for towns and zones in general, and names led by a word that quantifies, name none
    for question in ("山西今年城镇新增就业目标多少", "吉县全县各乡镇通了多少公里路", "山西今年经济开发区要建几个",
                     "陕西国家级新区去年增长多少", "山西重点镇建设怎么搞"):
        assert _route(question).sites == (), question


def test_a_county_named_by_its_stem_alone_must_be_named():
    from qa.common.places import counties_by_stem

    # 九寨沟, 阿尔山: a county (or the sight it is named after) by its stem of three characters; no report is its own
    assert counties_by_stem("九寨沟2024年接待了多少游客") == [("九寨沟", "九寨沟")]
    r = _route("阿尔山去年接待了多少游客？")
    assert r.sites == ("阿尔山",) and r.absent.startswith("库中没有阿尔山自己的报告")
    # a stem of two characters may be a word (路桥, 江山), and a county the library holds is its report's place
    assert counties_by_stem("今年路桥建设投资多少") == [] and _route("海拉尔2018年GDP多少").sites == ()


def test_a_named_sight_or_port_inside_the_reports_place_must_be_named():
    from qa.common.places import sites_within

    # a proper name and the word for what it is (黄果树 + 瀑布, 洋山 + 港, 天府 + 国际机场): no report is its own
    assert sites_within("贵州2025年报告里黄果树瀑布接待游客多少") == [("黄果树瀑布", "黄果树")]
    assert sites_within("上海洋山港集装箱吞吐量多少") == [("洋山港", "洋山")]
    assert sites_within("成都天府国际机场旅客吞吐量") == [("天府国际机场", "天府")]
    r = _route("山西2025年报告里壶口瀑布接待了多少游客")
    assert r.sites == ("壶口",) and r.absent == "山西省的报告里没有找到关于壶口瀑布的这项内容。"
    # the words of asking and saying, and a place's own name, are no sight's (要建机场, 报告说机场, 青海湖景区)
    # nor a word that says where, and 港车 are Hong Kong's cars (港珠澳大桥上面港车北上: no 上面港, 车后港, 周围港)
    for question in ("港珠澳大桥上面港车北上、澳车北上一共跑了多少辆次", "港珠澳大桥通车后港车北上一共跑了多少辆次",
                     "港珠澳大桥周围港车北上多少辆次"):
        assert not [name for name, _ in sites_within(question) if name.endswith("港")], question
    for question in ("吉县要建机场吗", "海拉尔2013年报告说机场有几条航线", "青海湖景区门票收入多少", "北京今年要建几个商圈",
                     "2015年海拉尔空港旅客吞吐量涨到多少"):  # (海拉尔 + 空港, a kind of port: no sight called 尔空港)
        assert sites_within(question) == [], question
    # 古镇 is a sight's word, not a town's 镇 (磁器口古镇 names no 口古镇); a place's own characters are no town's (浙江乌镇)
    assert [name for name, _ in sites_within("重庆磁器口古镇去年接待了多少游客")] == ["器口古镇"]
    assert sites_within("浙江乌镇接待游客多少") == []
    # parks, resorts and halls with a name of their own (冰雪 + 大世界, 迪士尼 + 乐园); a kind of park names none
    assert sites_within("哈尔滨冰雪大世界去年接待了多少游客") == [("冰雪大世界", "冰雪")]
    # gardens, zoos, memorial halls, libraries, theatres with a name of their own; the country's own (国家植物园) names none
    assert sites_within("厦门园林植物园去年接待了多少游客？") == [("园林植物园", "园林")]
    assert sites_within("北京国家植物园开放了吗") == sites_within("今年要建城市图书馆") == []
    for kind in ("河南今年要新建多少个公共图书馆？", "烈士纪念馆有几个", "野生动物园去年接待多少人"):
        assert sites_within(kind) == [], kind
    assert sites_within("上海迪士尼乐园接待了多少游客") == [("迪士尼乐园", "迪士尼")]
    assert sites_within("黔东南的西江千户苗寨接待游客多少人次") == [("千户苗寨", "千户")]  # a numeral may begin a name
    for question in ("潜江2024年准备建几个口袋公园", "宁夏去年新建了几个体育公园", "山西省2025年在国家公园建设方面有什么安排？",
                     "哈尔滨2023年新建改造了多少个公园游园？", "吉县去年新建改造公园多少个", "开放博物馆多少座", "建成两座大桥"):
        assert sites_within(question) == [], question


def test_which_year_or_month_an_event_happens_asks_a_time():
    assert read("南宁地铁6号线一期哪一年建成通车？").kind == "time" and read("杭州地铁四期哪个月全线通车？").kind == "time"
    assert read("海拉尔哪一年的GDP最高").kind != "time"  # which year's figure: a comparison of years
    assert not read("2018年政府工作报告说房地产税哪一年开始征收？").wants_date  # an event's year, not the report's date


def test_national_before_a_grade_is_the_grade_not_the_country():
    graded = "which two scenic areas in guangxi became national 5a-level tourist attractions in 2024?"
    assert [p.name for _, ps in find_places(graded) for p in ps] == ["广西壮族自治区"]
    assert [p.name for _, ps in find_places("how many national-level parks does yunnan have?") for p in ps] == ["云南省"]
    assert [p.name for _, ps in find_places("what is the national gdp growth target?") for p in ps] == ["全国"]


def test_where_a_journey_goes_is_not_the_place_asked_about():
    # 到太原: the wider end of the trip; 吉县 is asked about (and 山西 after 到 with no place before it is no journey's end)
    assert _route("吉县坐高铁到太原要多久？").reports == ("jixian-2024",)
    assert _route("从海拉尔区飞往山西要多久？").reports == ("hailaer-2019",)
    assert _route("到山西旅游的人多吗？").reports == ("shanxi-2025",)
    # the narrower end is the one asked about, wherever the trip starts
    assert _route("从北京到吉县要多久？").reports == ("jixian-2024",)


def test_an_autonomous_prefecture_by_its_short_name_and_zhou_is_that_place():
    # 大理州 is 大理白族自治州: the library has no report of it, and says so (not the country's answer)
    assert lookup("大理州").name == "大理白族自治州" and lookup("凉山州").name == "凉山彝族自治州"
    assert "库中没有大理白族自治州的报告" in _route("大理州2024年计划接待游客多少人次？").missing

