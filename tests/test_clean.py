"""Cleaning: real lines of the raw report, and the debris web pages and news copies carry."""

from pathlib import Path

import pytest

from qa.common.normalize import strip_pinyin
from qa.ingest.clean import GARBLED, CleanStats, chrome_kind, clean_line, clean_text


def test_a_paragraph_broken_around_a_quoted_name_is_one_again():
    raw = "这些目标的设定，与“\n十四五\n”规划目标相衔接。\n实际工作中，着力把握以下几点。\n"
    assert clean_text(raw)[0] == ["这些目标的设定，与“十四五”规划目标相衔接。", "实际工作中，着力把握以下几点。"]


def test_pinyin_annotations_go_and_real_parentheses_stay():
    line = "制定了《關(guān)于加強(qiáng)政府投資項(xiàng)目管理的實(shí)施細(xì)則(試行)》"
    assert strip_pinyin(line) == ("制定了《關于加強政府投資項目管理的實施細則(試行)》", 5)
    for kept in ("(一)聚焦", "管網(二期)工程", "博覽會(上海)金獎", "(吉縣部分)"):
        assert strip_pinyin(kept) == (kept, 0)


def test_html_remnant_removed_and_garbled_tail_flagged():
    stats = CleanStats()
    out = clean_line("激活發(fā)展?jié)撃?/span>。", stats)
    assert out == f"激活發展{GARBLED}。"
    assert stats.html_remnants == 1 and stats.garbled_runs == 1


def test_garbled_run_is_flagged_not_shown_as_text():
    out = clean_line("一年來(lái),我們?nèi)翰呷毫?,鞏固銜接邁出新步伐。", CleanStats())
    assert out == f"一年來,我們{GARBLED},鞏固銜接邁出新步伐。"
    assert "翰呷毫" not in out and "?" not in out


def test_garbled_section_heading_keeps_its_readable_part():
    out = clean_line("(三)聚焦?fàn)幭冗M(jìn)位,持之以恒發(fā)展壯大縣域經(jīng)濟(jì)", CleanStats())
    assert out == f"(三)聚焦{GARBLED}位,持之以恒發展壯大縣域經濟"


def test_whole_report_counts(raw_text):
    lines, appendix, stats = clean_text(raw_text)
    assert stats.chrome_lines == 10  # five at the top, the same five at the bottom
    assert stats.html_remnants == 2 and appendix == []
    assert 2900 <= stats.pinyin_annotations <= 2965
    assert 14 <= stats.garbled_runs <= 17
    text = "\n".join(lines)
    for artifact in ("主辦單位", "ICP", "涉密文件", "瀏覽器", "span>", "?"):
        assert artifact not in text
    assert lines[0] == "政府工作報告"
    assert "GDP增速為11.8%" in text


@pytest.mark.parametrize("line, kind", [
    ("【字号：大 中 小】【打印】【关闭】", "chrome"),
    ("下载", "chrome"),
    ("分享到： 微信 微博 QQ空间", "chrome"),
    ("扫一扫在手机打开当前页", "chrome"),
    ("上一篇：   下一篇：", "chrome"),
    ("当前位置：首页 > 政务公开 > 政府工作报告", "chrome"),
    ("首页 > 新闻中心 > 要闻", "chrome"),
    ("发布时间：2025-01-20 10:21", "chrome"),
    ("责任编辑：王小明", "chrome"),
    ("浏览次数：1234", "chrome"),
    ("来源：山西日报", "source"),
    ("来源 : 南方日报", "source"),
    ("信息来源：省政府办公厅", "source"),
    ("相关报道：", "chrome"),
    ("图为会议现场。新华社记者 李响 摄", "caption"),
    ("（记者 张三 摄）", "caption"),
    ("Copyright © 2025 山西省人民政府 版权所有", "chrome"),
    ("晋ICP备05004176号", "chrome"),
    # report text stays
    ("一、2024年工作回顾", None),
    ("各位代表！让我们更加紧密地团结在以习近平同志为核心的党中央周围。", None),
    ("城镇新增就业45万人，城镇调查失业率5.5%左右。", None),
    ("下载量前十的政务应用全部接入“一网通办”。", None),
    ("主办单位：省交通运输厅，各州、市人民政府", None),  # an appendix line, not a site footer
])
def test_page_chrome_is_recognized_by_what_it_is(line, kind):
    assert chrome_kind(line) == kind


def test_dateline_is_cut_from_the_line_it_opens():
    stats = CleanStats()
    out = clean_line("新华社北京3月12日电 政府工作报告——2024年3月5日在第十四届全国人民代表大会第二次会议上", stats)
    assert out.startswith("政府工作报告——2024年3月5日") and stats.datelines == 1
    assert clean_line("本报讯（记者 李四）今天上午，省十四届人大三次会议开幕。", stats).startswith("今天上午")


def test_a_web_page_copy_is_cleaned_to_the_report():
    page = "\n".join([
        "首页 > 政务公开 > 政府工作报告", "2025年某省政府工作报告", "来源：某省日报  发布时间：2025-01-20",
        "【字号：大 中 小】【打印】【关闭】", "新华社某市1月20日电", "——2025年1月18日在某省第十四届人民代表大会第三次会议上",
        "某省省长 张三", "各位代表：", "现在，我代表省人民政府向大会报告工作。", "图为会议现场。记者 王五 摄", "一、2024年工作回顾",
        "地区生产总值增长5.2%。", "各位代表！让我们更加紧密地团结在一起，努力奋斗！", "相关报道：", "某省召开人代会",
        "省长答记者问", "", "版权所有 © 某省人民政府 ICP备12345号",
    ])
    lines, appendix, stats = clean_text(page)
    assert lines == ["2025年某省政府工作报告", "——2025年1月18日在某省第十四届人民代表大会第三次会议上", "某省省长 张三",
                     "各位代表：", "现在，我代表省人民政府向大会报告工作。", "一、2024年工作回顾", "地区生产总值增长5.2%。",
                     "各位代表！让我们更加紧密地团结在一起，努力奋斗！"]
    assert appendix == []
    assert stats.chrome_lines == 6 and stats.source_lines == 1 and stats.captions == 1


def test_a_page_holding_the_report_twice_is_read_once():
    # (tests/data/more/province/hebei-2023.txt, as scraped: the whole body twice, the site's links between)
    raw = (Path(__file__).parent / "data" / "more" / "province" / "hebei-2023.txt").read_text(encoding="utf-8")
    lines, appendix, stats = clean_text(raw)
    text = "\n".join(lines)
    assert text.count("现在，我代表省人民政府向大会报告工作") == 1
    assert text.count("实际工作中，着力把握以下几点") == 1
    assert lines[-1].endswith("而努力奋斗！")  # the first copy's closing; the links after it went with the copy
    assert "央视网" not in text and appendix == []
    assert stats.second_copy_lines > 200 and "lines of a second copy" in stats.summary()


def test_a_report_that_repeats_itself_in_part_keeps_every_line():
    body = [f"第{i}段：推进第{i}项重点工作，确保各项任务落到实处，取得明显成效，让人民群众满意。" for i in range(30)]
    # a paragraph said again, and a run of twelve said again in the middle of the report
    for page in ([*body[:20], body[3], *body[20:]], [*body[:20], *body[:12], *body[20:]]):
        lines, _, stats = clean_text("\n".join(["各位代表：", *page, "让我们团结奋斗！"]))
        assert len(lines) == len(page) + 2 and stats.second_copy_lines == 0
    # a preview of the first twelve, then the whole report: the whole report is kept
    lines, _, stats = clean_text("\n".join(["各位代表：", *body[:12], "阅读全文", *body, "让我们团结奋斗！"]))
    assert all(p in lines for p in body) and stats.second_copy_lines == 0
