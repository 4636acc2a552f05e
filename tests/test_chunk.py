"""Chunks: sentence-aware, bounded, and pointing back into their paragraph."""

import statistics

from qa.ingest.chunk import ChunkSettings, chunk_paragraph, make_chunks, sentence_spans
from qa.ingest.clean import clean_text
from qa.ingest.structure import parse


def _paragraphs(raw_text):
    body, appendix, _ = clean_text(raw_text)
    return parse("ji", body, appendix, plan_year=2024)


def test_bounds_and_spans(raw_text):
    paragraphs = {p.seq: p for p in _paragraphs(raw_text)}
    chunks = make_chunks(list(paragraphs.values()))
    lengths = [len(c.text) for c in chunks]
    assert statistics.mean(lengths) <= 300 and max(lengths) <= ChunkSettings().max_chars
    for c in chunks:
        assert paragraphs[c.seq].text[c.start : c.end] == c.text
        assert c.report == "ji" and c.paragraph == paragraphs[c.seq].number
    assert [c.chunk_id for c in chunks] == list(range(len(chunks)))


def test_chunks_end_on_sentence_boundaries(raw_text):
    for c in make_chunks(_paragraphs(raw_text)):
        if c.seq > 0:
            # a sentence end, or a clause end where one sentence was longer than a chunk
            assert c.text[-1] in "。！？；!?;”),，、:：" or c.text.endswith("〔乱码〕"), c.text[-20:]


def test_never_split_inside_a_number():
    text = "GDP增速為11.8%,全市排名第3。總量為40.3億元;增長58.98%。"
    assert [text[s:e] for s, e in sentence_spans(text)] == ["GDP增速為11.8%,全市排名第3。", "總量為40.3億元;", "增長58.98%。"]


def test_overlong_sentence_is_cut_at_clauses():
    sentence = "、".join(f"項目{i}投資{i}.5億元" for i in range(120)) + "。"
    spans = chunk_paragraph(sentence, ChunkSettings(max_chars=300))
    assert len(spans) > 1 and all(e - s <= 300 for s, e in spans)
    assert "".join(sentence[s:e] for s, e in spans) == sentence


def test_sentence_without_any_comma_never_exceeds_max_chars():
    """An 800-character run with no punctuation at all is still cut at max_chars."""
    sentence = "字" * 800 + "。"
    spans = chunk_paragraph(sentence)
    assert max(e - s for s, e in spans) <= ChunkSettings().max_chars
    assert "".join(sentence[s:e] for s, e in spans) == sentence
