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
    text = answer.text()
    assert text.count("[") == len(answer.sources) == sum(r["answer"] != NOT_MENTIONED for r in rows)


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
