"""PDF reports: the text layer read back into the report's paragraphs, page furniture dropped."""

from __future__ import annotations

import re

import pytest
from conftest import DATA, RAW
from pdfmaker import scanned_pdf, text_to_pdf

from qa.common.errors import SourceError
from qa.index.build import prepare
from qa.index.manifest import IndexSettings
from qa.ingest.pdf import paragraphs
from qa.ingest.source import read_source


def _chunks(path):
    return [re.sub(r"\s", "", c.text) for c in prepare(read_source(path), IndexSettings()).chunks]


@pytest.mark.parametrize("name", ["provinces-2025/shanxi-2025.txt", "national-2024.txt", "county/hailaer-2016.txt"])
def test_a_pdf_of_a_shipped_report_gives_the_same_chunks_as_its_text(name, tmp_path):
    source = DATA / name
    pdf = text_to_pdf(source.read_text(encoding="utf-8"), tmp_path / "report.pdf")
    text_chunks, pdf_chunks = _chunks(source), _chunks(pdf)
    assert len(pdf_chunks) == len(text_chunks)
    same = sum(a == b for a, b in zip(text_chunks, pdf_chunks, strict=True))
    assert same >= len(text_chunks) - 1, f"{same} of {len(text_chunks)} chunks identical"  # the title block may wrap
    assert not any("门户网站" in c for c in pdf_chunks)  # the running header is gone
    assert not any(re.search(r"—\d+—", c) for c in pdf_chunks)  # so are the page numbers


def test_a_pdf_of_a_report_knows_whose_it_is(tmp_path):
    pdf = text_to_pdf((DATA / "provinces-2025" / "shanxi-2025.txt").read_text(encoding="utf-8"), tmp_path / "x.pdf")
    info = prepare(read_source(pdf), IndexSettings()).info
    assert (info.place, info.year, info.date, info.format) == ("山西省", 2025, "2025-01-17", "pdf")


def test_lines_without_indentation_are_joined_unless_the_line_before_stopped_short():
    full = "过去一年，我们推进了很多工作，粮食产量稳定增长，城镇新增就业四"
    page = ["一、2024年工作回顾", full, full, "十五万人。", "今年要继续推进改革，地区生产总值增长5%左右。" + "再" * 10]
    assert paragraphs(["\n".join(page)]) == ["一、2024年工作回顾", full + full + "十五万人。", page[-1]]


def test_a_scanned_pdf_is_refused_with_the_fix(tmp_path):
    with pytest.raises(SourceError, match=r"no text layer.*OCR"):
        read_source(scanned_pdf(tmp_path / "scan.pdf"))


def test_a_broken_pdf_is_refused_with_the_fix(tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n this is not really a pdf")
    with pytest.raises(SourceError, match=r"broken\.pdf"):
        read_source(broken)


@pytest.mark.slow
def test_the_pdf_of_ji_countys_report_answers_the_dev_questions_like_its_text(tmp_path, real_embedder, vector_cache,
                                                                              real_session):
    from conftest import DEV

    from qa.eval.evaluate import evaluate, load_questions
    from qa.index.build import build
    from qa.session import Session

    text = RAW.read_text(encoding="utf-8")
    folder = tmp_path / "pdf-index"
    build(text_to_pdf(text, tmp_path / "jixian.pdf"), folder, real_embedder, cache=vector_cache)
    pdf_session = Session.open(folder)
    questions = load_questions(DEV)
    scores = []
    for session in (real_session, pdf_session):
        report = evaluate(questions, session.ask, session.index.chunks, "hybrid", 10)
        scores.append(report.metrics())
    assert scores[1]["answer_correct"] >= scores[0]["answer_correct"] - 0.03, scores
    assert scores[1]["hit@1"] >= scores[0]["hit@1"] - 0.03, scores
