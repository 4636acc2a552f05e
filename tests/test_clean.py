"""Cleaning on real lines of the raw report."""

from qa.clean import GARBLED, CleanReport, clean_line, clean_text
from qa.normalize import strip_pinyin


def test_pinyin_annotations_go_and_real_parentheses_stay():
    line = "制定了《關(guān)于加強(qiáng)政府投資項(xiàng)目管理的實(shí)施細(xì)則(試行)》"
    assert strip_pinyin(line) == ("制定了《關于加強政府投資項目管理的實施細則(試行)》", 5)
    for kept in ("(一)聚焦", "管網(二期)工程", "博覽會(上海)金獎", "(吉縣部分)"):
        assert strip_pinyin(kept) == (kept, 0)


def test_html_remnant_removed_and_garbled_tail_flagged():
    report = CleanReport()
    out = clean_line("激活發(fā)展?jié)撃?/span>。", report)
    assert out == f"激活發展{GARBLED}。"
    assert report.html_remnants == 1 and report.garbled_runs == 1


def test_garbled_run_is_flagged_not_shown_as_text():
    report = CleanReport()
    out = clean_line("一年來(lái),我們?nèi)翰呷毫?,鞏固銜接邁出新步伐。", report)
    assert out == f"一年來,我們{GARBLED},鞏固銜接邁出新步伐。"
    assert "翰呷毫" not in out and "?" not in out


def test_garbled_section_heading_keeps_its_readable_part():
    out = clean_line("(三)聚焦?fàn)幭冗M(jìn)位,持之以恒發(fā)展壯大縣域經(jīng)濟(jì)", CleanReport())
    assert out == f"(三)聚焦{GARBLED}位,持之以恒發展壯大縣域經濟"


def test_whole_report_counts(raw_text):
    lines, report = clean_text(raw_text)
    assert report.boilerplate_lines == 10  # five at the top, the same five at the bottom
    assert report.html_remnants == 2
    assert 2900 <= report.pinyin_annotations <= 2965
    assert 14 <= report.garbled_runs <= 17
    text = "\n".join(lines)
    for artifact in ("主辦單位", "ICP", "涉密文件", "瀏覽器", "span>", "?"):
        assert artifact not in text
    assert lines[0] == "政府工作報告"
    assert "GDP增速為11.8%" in text
