"""Questions across reports: a table with one cited row per report, checked against quotes taken from the reports."""

from __future__ import annotations

import csv
import io
import json

import pytest
from conftest import DATA, TESTS

from qa.answer.table import NOT_MENTIONED
from qa.eval.evaluate import answer_contains

CASES = [json.loads(line) for line in (TESTS / "tables-dev.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_table_rows_and_cells(corpus_session, case):
    answer = corpus_session.ask(case["question"])
    table = answer.table
    assert table is not None and len(table.rows) == case["rows"]
    reports = [row.report for row in table.rows]
    if "level" in case:  # one row per provincial report of the year, none from the national or county reports
        assert {r.level for r in reports} == {case["level"]} and len({r.place for r in reports}) == case["rows"]
    if "year" in case:
        assert {r.year for r in reports} == {case["year"]}
    if "years" in case:
        assert [row.year for row in table.rows] == case["years"]  # in order
    by_id = {row.report.id: row for row in table.rows}
    for rid, quote in case.get("cells", {}).items():
        row = by_id[rid]
        if quote is None:
            assert row.cell == NOT_MENTIONED and not row.mentioned, (rid, row.cell)
        else:
            assert row.mentioned and answer_contains(row.cell, (quote,), "any"), (rid, row.cell, quote)
            assert row.hit.report.id == rid  # never a cell borrowed from another report
    if "mentions" in case:
        term = case["mentions"]
        for row in table.rows:
            text = (DATA / "provinces-2025" / f"{row.report.id}.txt").read_text(encoding="utf-8")
            assert row.mentioned == (term in text), row.report.id
    given = sum(row.mentioned for row in table.rows)
    assert table.summary.startswith(f"{case['rows']} 份报告中 {given} 份给出了答案")


@pytest.mark.slow
def test_every_cell_is_cited_and_quoted_from_its_own_report(corpus_session):
    answer = corpus_session.ask(CASES[0]["question"])
    rows = answer.table.to_json()
    assert [set(r) for r in rows[:1]] == [{"report", "place", "year", "answer", "chunk_id", "part", "section", "paragraph"}]
    chunks = corpus_session.index.chunks
    for r in rows:
        if r["answer"] == NOT_MENTIONED:
            assert r["chunk_id"] is None
            continue
        assert chunks[r["chunk_id"]].report == r["report"] and r["answer"] in chunks[r["chunk_id"]].text.replace("〔乱码〕", "…")
    row_lines = answer.text().split("\n")[1:]  # the first line is the summary and its headline
    assert sum(line.count("[") for line in row_lines) == len(answer.sources) == sum(r["answer"] != NOT_MENTIONED for r in rows)


@pytest.mark.slow
def test_cli_prints_the_table_and_writes_csv(corpus_dir, tmp_path, capsys):
    from qa.ui.cli import main

    out = tmp_path / "t.csv"
    assert main(["ask", "山西和陕西2025年的城镇新增就业目标比一比", "--index", str(corpus_dir), "--csv", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "2 份报告中 2 份给出了答案" in printed and "山西省" in printed and "城镇新增就业45万人" in printed
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [r["report"] for r in rows] == ["shanxi-2025", "shaanxi-2025"] and rows[0]["answer"] == "城镇新增就业45万人"
    assert main(["ask", "山西和陕西2025年的城镇新增就业目标比一比", "--index", str(corpus_dir), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["report"] for r in data["table"]] == ["shanxi-2025", "shaanxi-2025"]


@pytest.mark.slow
def test_a_comparison_gets_a_verdict_with_both_figures_cited(corpus_session):
    answer = corpus_session.ask("浙江和江苏2025年地区生产总值增长目标哪个高？")
    text = answer.text(simplified=True)
    assert "浙江省（5.5%左右）[" in text and "高于江苏省（5%以上）[" in text and "目标值" in text


@pytest.mark.slow
def test_a_table_over_all_provinces_names_the_highest_and_lowest(corpus_session):
    answer = corpus_session.ask("2025年各省的地区生产总值增长目标分别是多少？")
    headline = answer.table.headline()
    rows = {row.report.place: row for row in answer.table.rows}
    top = max((r.value.mid, place) for place, r in rows.items() if r.value is not None)
    low = min((r.value.mid, place) for place, r in rows.items() if r.value is not None)
    assert headline.startswith(f"最高：{top[1]}") and f"最低：{low[1]}" in headline
    csv_lines = answer.table.to_csv().splitlines()
    assert csv_lines[0].startswith("report,place,year,answer,value,unit,qualifier")
    assert any(",5,%,左右," in line for line in csv_lines)


@pytest.mark.slow
@pytest.mark.parametrize("question, kind", [("2025年各省的地区生产总值增长目标分别是多少？", "bars"),
                                            ("海拉尔区历年报告里的地区生产总值各是多少", "line")])
def test_cli_draws_the_tables_figures(corpus_dir, tmp_path, capsys, question, kind):
    import numpy as np
    from matplotlib.image import imread

    from qa.ui.chart import cjk_font
    from qa.ui.cli import main

    out = tmp_path / "chart.png"
    assert main(["ask", question, "--index", str(corpus_dir), "--plot", str(out)]) == 0
    pixels = imread(out)[:, :, :3]
    assert cjk_font() is not None  # Chinese labels are drawn with a CJK font (fonts-noto-cjk)
    bar = np.all(np.abs(pixels - np.array([0x4C, 0x78, 0xA8]) / 255) < 0.02, axis=-1).sum()
    if kind == "bars":
        assert bar > 5000  # the bars are there
    else:
        assert bar < 500 and (pixels.min(axis=-1) < 0.9).sum() > 2000  # a line and its labels, no bars


def test_cli_refuses_a_plot_into_a_missing_folder_before_any_work(tmp_path, capsys):
    from qa.ui.cli import main

    assert main(["ask", "2025年各省的地区生产总值增长目标分别是多少？", "--index", str(tmp_path / "nowhere"),
                 "--plot", str(tmp_path / "no" / "chart.png")]) == 2
    assert "does not exist. Fix: create it" in capsys.readouterr().err


@pytest.mark.slow
def test_the_official_way_of_saying_every_province_is_a_scope_not_a_topic(corpus_session):
    """「各省、自治区、直辖市」 is how documents say "all provinces": the same 31 cells as 「各省」."""
    plain = corpus_session.ask("2025年各省的地区生产总值增长目标分别是多少？").table
    formal = corpus_session.ask("2025年各省、自治区、直辖市的地区生产总值增长目标分别是多少？").table
    assert [r.cell for r in formal.rows] == [r.cell for r in plain.rows]
    assert sum(r.mentioned for r in formal.rows) == 31
