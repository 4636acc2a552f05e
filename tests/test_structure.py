"""Structure parsing: document info, parts, sections, paragraph numbers, lead sentences."""

from qa.clean import clean_text
from qa.structure import INFO_PART, lead_sentence, parse


def test_report_structure(raw_text):
    paragraphs = parse(clean_text(raw_text)[0])
    info = paragraphs[0]
    assert info.number == 0 and info.part == INFO_PART
    assert "政府工作報告" in info.text and "2024年4月8日" in info.text and "牛永福" in info.text
    assert info.doc_title == "吉縣政府工作報告(2024年4月8日)"
    assert [p.number for p in paragraphs] == list(range(len(paragraphs)))
    assert paragraphs[1].part == "" and paragraphs[1].text.startswith("各位代表:現在")  # the opening
    parts = list(dict.fromkeys(p.part for p in paragraphs[2:]))
    assert parts == ["一、2023年工作回顧", "二、2024年工作安排", "三、全面提升政府治理現代化水平"]
    sections = [s for s in dict.fromkeys(p.section for p in paragraphs) if s]
    assert [s[:3] for s in sections] == [f"({n})" for n in "一二三四五六七八九十"]
    assert all(p.section == "" for p in paragraphs if p.part.startswith("一、"))


def test_paragraph_lookup_and_lead(raw_text):
    paragraphs = parse(clean_text(raw_text)[0])
    gdp = next(p for p in paragraphs if "GDP增速為11.8%" in p.text)
    assert gdp.part == "一、2023年工作回顧" and gdp.number == 3
    farm = next(p for p in paragraphs if p.text.startswith("推進一產提質"))
    assert farm.lead == "推進一產提質。" and farm.section.startswith("(三)")


def test_lead_sentence_only_when_short():
    assert lead_sentence("推進一產提質。圍繞打造目標,加快建設。") == "推進一產提質。"
    assert lead_sentence("今年是中華人民共和國成立75周年,是全面貫徹黨的二十大精神的關鍵之年,是實現規劃目標任務的攻堅之年。后文。") == ""
    assert lead_sentence("只有一句。") == ""
