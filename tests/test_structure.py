"""Structure: header, parts, sections, paragraph numbers as a reader finds them, lead sentences."""

from qa.ingest.clean import clean_text
from qa.ingest.structure import HEADER_PART, OPENING_PART, lead_sentence, parse


def _parse(raw_text):
    body, appendix, _ = clean_text(raw_text)
    return parse("ji", body, appendix, plan_year=2024)


def test_report_structure(raw_text):
    paragraphs = _parse(raw_text)
    header = paragraphs[0]
    assert header.number == 0 and header.part == HEADER_PART and header.where == HEADER_PART
    assert "政府工作報告" in header.text and "2024年4月8日" in header.text and "牛永福" in header.text
    assert [p.seq for p in paragraphs] == list(range(len(paragraphs)))
    assert paragraphs[1].part == OPENING_PART and paragraphs[1].text.startswith("各位代表:現在")
    parts = list(dict.fromkeys(p.part for p in paragraphs[2:]))
    assert parts == ["一、2023年工作回顧", "二、2024年工作安排", "三、全面提升政府治理現代化水平"]
    sections = [s for s in dict.fromkeys(p.section for p in paragraphs) if s]
    assert [s[:3] for s in sections] == [f"({n})" for n in "一二三四五六七八九十"]
    assert all(p.section == "" for p in paragraphs if p.part.startswith("一、"))
    # Each part is about a year: the review 2023, the plan (and what follows it) 2024.
    assert {p.part: p.year for p in paragraphs[2:]} == {parts[0]: 2023, parts[1]: 2024, parts[2]: 2024}


def test_paragraphs_are_numbered_inside_their_section_or_part(raw_text):
    paragraphs = _parse(raw_text)
    gdp = next(p for p in paragraphs if "GDP增速為11.8%" in p.text)
    assert gdp.part == "一、2023年工作回顧" and gdp.number == 2 and gdp.where == "一、2023年工作回顧 › 第2段"
    for key in {(p.part, p.section) for p in paragraphs[1:]}:
        numbers = [p.number for p in paragraphs if (p.part, p.section) == key]
        assert numbers == list(range(1, len(numbers) + 1)), key
    farm = next(p for p in paragraphs if p.text.startswith("推進一產提質"))
    assert farm.lead == "推進一產提質。" and farm.section.startswith("(三)") and farm.number == 2


def test_section_heading_that_opens_a_paragraph():
    lines = ["2025年某省政府工作报告", "各位代表：", "一、2024年工作回顾",
             "（一）抓投资扩消费稳增长，经济发展质效逐步提升。有效投资持续扩大，新开工项目1200个。",
             "消费市场回暖。"]
    paragraphs = parse("x", lines, plan_year=2025)
    opening, first, second = paragraphs[1], paragraphs[2], paragraphs[3]
    assert opening.text == "各位代表：" and opening.part == "开头"  # never glued across a heading
    assert first.section == "（一）抓投资扩消费稳增长，经济发展质效逐步提升。" and first.number == 1
    assert first.text.startswith("（一）抓投资") and "新开工项目1200个" in first.text
    assert second.section == first.section and second.number == 2 and second.year == 2024


def test_appendix_is_its_own_part():
    lines = ["各位代表：", "一、2024年工作回顾", "完成了任务。",
             "各位代表！让我们更加紧密地团结在一起，努力奋斗！", "名词解释", "1.“两重”：国家重大战略实施。"]
    body, appendix, stats = clean_text("\n".join(lines))
    assert stats.appendix_lines == 2 and body[-1].startswith("各位代表！让我们")
    paragraphs = parse("x", body, appendix, plan_year=2025)
    last = paragraphs[-1]
    assert last.part == "附件" and last.section == "名词解释" and last.text.startswith("1.“两重”")
    assert last.year is None  # a glossary is about no year


def test_an_appendix_of_the_year_s_tasks_is_about_the_planned_year():
    # a question about last year's result is not answered with an annex's target for this year
    appendix = ["名词解释", "1.“两重”：国家重大战略实施。", "一、稳定和扩大就业", "年度目标：实现城镇新增就业50万人以上。",
                "2025年省十件民生实事", "一、为老年人提供健康管理服务。"]
    paragraphs = parse("x", ["各位代表：", "一、2024年工作回顾", "完成了任务。"], appendix, plan_year=2025)
    assert [p.year for p in paragraphs if p.part == "附件"] == [None, 2025, 2025]


def test_lead_sentence_only_when_short():
    assert lead_sentence("推進一產提質。圍繞打造目標,加快建設。") == "推進一產提質。"
    assert lead_sentence("今年是中華人民共和國成立75周年,是全面貫徹黨的二十大精神的關鍵之年,是實現規劃目標任務的攻堅之年。后文。") == ""
    assert lead_sentence("只有一句。") == ""
