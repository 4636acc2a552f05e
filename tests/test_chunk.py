"""Chunks: sentence-aware, bounded, and pointing back into their paragraph."""

import statistics

from qa.chunk import ChunkSettings, chunk_paragraph, make_chunks, sentence_spans
from qa.clean import clean_text
from qa.structure import Paragraph, parse


def _chunks(raw_text):
    return make_chunks(parse(clean_text(raw_text)[0]))


def test_bounds_and_spans(raw_text):
    paragraphs = {p.number: p for p in parse(clean_text(raw_text)[0])}
    chunks = _chunks(raw_text)
    lengths = [len(c.text) for c in chunks]
    assert statistics.mean(lengths) <= 300 and max(lengths) <= 600
    for c in chunks:
        assert paragraphs[c.paragraph].text[c.start : c.end].strip() == c.text
        assert c.doc_title == "吉縣政府工作報告(2024年4月8日)"
    assert [c.chunk_id for c in chunks] == list(range(len(chunks)))


def test_chunks_end_on_sentence_boundaries(raw_text):
    for c in _chunks(raw_text):
        if c.paragraph > 0:
            # a sentence end, or a clause end where one sentence was longer than a chunk
            assert c.text[-1] in "。！？；!?;”),，、" or c.text.endswith("〔乱码〕"), c.text[-20:]


def test_never_split_inside_a_number():
    text = "GDP增速為11.8%,全市排名第3。總量為40.3億元;增長58.98%。"
    assert [text[s:e] for s, e in sentence_spans(text)] == ["GDP增速為11.8%,全市排名第3。", "總量為40.3億元;", "增長58.98%。"]


def test_overlong_sentence_is_cut_at_clauses():
    sentence = "、".join(f"項目{i}投資{i}.5億元" for i in range(120)) + "。"
    p = Paragraph("t", "一、", "", 1, sentence)
    spans = chunk_paragraph(p, ChunkSettings(max_chars=300))
    assert len(spans) > 1 and all(e - s <= 300 for s, e in spans)
    assert "".join(sentence[s:e] for s, e in spans) == sentence
