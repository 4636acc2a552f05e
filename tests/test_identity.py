"""Knowing each report: its place, level, years, date and speaker, read from its own text."""

import json

import pytest
from conftest import DATA, FORMATS, RAW

from qa.index.build import prepare
from qa.index.manifest import IndexSettings
from qa.ingest.source import read_reports, read_source

EXPECTED = {  # id: (place, level, plans, reviews, date, speaker)
    "national-2024": ("全国", "national", 2024, 2023, "2024-03-05", "李强"),
    "shanxi-2025": ("山西省", "provincial", 2025, 2024, "2025-01-17", "金湘军"),
    "shaanxi-2025": ("陕西省", "provincial", 2025, 2024, "2025-01-16", "赵刚"),
    "guangxi-2025": ("广西壮族自治区", "provincial", 2025, 2024, "2025-01-13", "蓝天立"),
    "shanghai-2025": ("上海市", "provincial", 2025, 2024, "2025-01-15", "龚正"),
    "xinjiang-2025": ("新疆维吾尔自治区", "provincial", 2025, 2024, "2025-01-19", "艾尔肯·吐尼亚孜"),
    "hailaer-2016": ("海拉尔区", "county", 2016, 2015, "2016-02-19", "杜联合"),
    "hailaer-2017": ("海拉尔区", "county", 2017, 2016, "2017-02-11", "杨国宏"),
    "hailaer-2019": ("海拉尔区", "county", 2019, 2018, "2019-03-04", "萨国文"),
    "jixian-2024-work-report.raw": ("吉县", "county", 2024, 2023, "2024-04-08", "牛永福"),
}


@pytest.fixture(scope="module")
def identities():
    sources, _ = read_reports([DATA])
    return {s.id: prepare(s, IndexSettings()) for s in sources}


def test_every_shipped_report_knows_itself(identities):
    assert len(identities) == 41
    for rid, prepared in identities.items():
        info = prepared.info
        assert info.place and info.level and info.year and info.date and info.speaker, rid
        assert info.review_year == info.year - 1, rid
        assert str(info.year) in info.title and "政府工作报告" in info.title, (rid, info.title)
        assert not any(w in info.title for w in ("下载", "未知标题", "未命名", "来源")), info.title
    levels = [p.info.level for p in identities.values()]
    assert levels.count("provincial") == 31 and levels.count("county") == 9 and levels.count("national") == 1


@pytest.mark.parametrize("rid", EXPECTED)
def test_identity_fields(identities, rid):
    info = identities[rid].info
    assert (info.place, info.level, info.year, info.review_year, info.date, info.speaker) == EXPECTED[rid]


def test_parts_carry_the_year_they_are_about(identities):
    chunks = identities["shanxi-2025"].chunks
    review = [c for c in chunks if c.part.startswith("一、")]
    plan = [c for c in chunks if c.part.startswith(("二、", "三、"))]
    assert review and {c.year for c in review} == {2024}
    assert plan and {c.year for c in plan} == {2025}


def test_a_review_of_several_years_knows_its_first_year(identities):
    from qa.ingest.identity import review_from

    assert identities["hailaer-2016"].info.review_from == 2011  # 一、“十二五”时期和2015年工作回顾
    assert identities["shanxi-2025"].info.review_from is None  # 一、2024年工作回顾
    assert review_from(["一、过去五年工作回顾", "二、今后五年政府工作总体安排"], 2022) == 2018
    assert review_from(["一、过去一年工作回顾", "二、2013年工作安排"], 2012) is None


def test_appendix_after_the_closing_is_kept_apart(identities):
    chunks = identities["yunnan-2025"].chunks
    appendix = [c for c in chunks if c.part == "附件"]
    assert appendix and all(c.year is None for c in appendix if c.section == "名词解释")  # a glossary: no year
    assert {c.year for c in appendix if c.text.startswith("年度目标")} == {2025}  # the year's tasks: the plan's year
    assert not any(c.part.startswith("十、") for c in chunks)  # 十、 of the 民生实事 list is not a report part


def test_word_and_gbk_files_read_like_their_text_copies(identities):
    for path in sorted(FORMATS.glob("*.docx"))[:5] + [FORMATS / "hailaer-2015.gbk.txt"]:
        info = prepare(read_source(path), IndexSettings()).info
        twin = identities[path.stem.removesuffix(".gbk")].info
        assert (info.place, info.year, info.date, info.speaker) == (twin.place, twin.year, twin.date, twin.speaker)


def test_sidecar_corrects_what_the_text_lacks(tmp_path):
    text = "政府工作报告\n各位代表：\n一、过去一年工作回顾\n地区生产总值增长6%。\n二、今年工作安排\n新增就业1000人。\n"
    report = tmp_path / "somecounty.txt"
    report.write_text(text, encoding="utf-8")
    bare = prepare(read_source(report), IndexSettings()).info
    assert bare.place == "" and bare.year is None
    (tmp_path / "somecounty.meta.json").write_text(json.dumps({"place": "隰县", "year": 2023}), encoding="utf-8")
    info = prepare(read_source(report), IndexSettings()).info
    assert (info.place, info.level, info.year, info.review_year, info.place_code) == ("隰县", "county", 2023, 2022, "141031")
    assert info.title == "2023年隰县政府工作报告"


def test_html_page_is_read_to_its_main_text(tmp_path):
    body = "".join(f"<p>{line}</p>" for line in RAW.read_text(encoding="utf-8").splitlines()[5:60] if line.strip())
    page = (f"<!DOCTYPE html><html><head><title>吉县政府工作报告_吉县人民政府</title></head><body>"
            f"<div class='nav'><a href='/'>首页</a> &gt; <a>政务公开</a></div>"
            f"<div class='article'><h1>政府工作报告</h1>{body}</div>"
            f"<div class='footer'>版权所有 © 吉县人民政府 晋ICP备18009906号</div></body></html>")
    path = tmp_path / "jixian.html"
    path.write_text(page, encoding="utf-8")
    source = read_source(path)
    assert source.format == "html" and "GDP增速為11.8%" in source.text and "版权所有" not in source.text
    info = prepare(source, IndexSettings()).info
    assert info.place == "吉县" and info.year == 2024 and info.speaker == "牛永福"


# --- reports that do not name themselves in a title ---------------------------------------------------

MORE = DATA.parent / "tests" / "data" / "more"
UNSEEN = {  # id: (place, level, plans) — each read from the text alone (the file names are not used)
    "chengdu-2024": ("成都市", "city", 2024),  # opens with 各位代表, no title, date or speaker
    "nanning-2024": ("南宁市", "city", 2024),  # opens straight with 现在，我代表市人民政府
    "qiandongnan-2024": ("黔东南苗族侗族自治州", "city", 2024),  # 州人民政府, the body says 黔东南
    "qianjiang-2024": ("潜江市", "county", 2024),  # a county-level city
    "beijing-2024": ("北京市", "provincial", 2024),
    "gaoyang-2018": ("高阳县", "county", 2018),
    "national-2018": ("全国", "national", 2018),
    "hangzhou-2024": ("杭州市", "city", 2024),
}


@pytest.mark.parametrize("rid", sorted(UNSEEN))
def test_a_report_without_a_title_is_read_from_its_text(rid, tmp_path):
    path = next(MORE.rglob(f"{rid}.*"))
    renamed = tmp_path / f"report{path.suffix}"  # the file name says nothing
    renamed.write_bytes(path.read_bytes())
    info = prepare(read_source(renamed), IndexSettings()).info
    assert (info.place, info.level, info.year) == UNSEEN[rid]
    assert str(info.year) in info.title and (info.place in info.title or info.level == "national")
    assert "政府工作报告" in info.title and not info.title.startswith("标题")


def test_a_plain_state_council_text_is_the_state_councils(tmp_path):
    """「各位代表：现在，我代表国务院…」 with no title line: national, never a county with no place."""
    text = (DATA / "national-2024.txt").read_text(encoding="utf-8")
    plain = tmp_path / "speech.txt"
    plain.write_text(text[text.index("各位代表"):], encoding="utf-8")
    info = prepare(read_source(plain), IndexSettings()).info
    assert (info.place, info.level, info.year, info.review_year) == ("全国", "national", 2024, 2023)
    assert info.date == "" and info.speaker == ""  # not in the text: unknown, not guessed


def test_what_the_text_does_not_say_stays_unknown_and_the_build_names_the_fix(tmp_path, capsys, fake_embedder,
                                                                              monkeypatch):
    from qa.index.build import build
    from qa.ingest.identity import unknown_fields
    from qa.ui import cli

    speech = tmp_path / "speech.txt"
    speech.write_text("各位代表：\n现在，我代表人民政府，向大会报告工作，请予审议。\n一、过去一年工作回顾\n"
                      "过去一年，我们推进了很多工作，粮食产量稳定增长。\n二、今年工作安排\n今年要继续推进改革。\n",
                      encoding="utf-8")
    info = prepare(read_source(speech), IndexSettings()).info
    assert info.place == "" and info.level == "" and "place" in unknown_fields(info)
    result = build(speech, tmp_path / "ix", fake_embedder)
    cli._print_change(result, "built")
    err = capsys.readouterr().err
    assert "speech: the text does not say its place" in err and "speech.meta.json" in err and "--place" in err
