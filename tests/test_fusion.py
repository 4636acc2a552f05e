"""Fusion: pure functions on hand-written scores."""

import pytest

from qa.ingest.structure import part_year
from qa.search.question import read_question as read
from qa.search.retrieve import minmax, rrf_fusion, score_fusion, standardize, top_ids
from qa.search.vocabulary import glossary_terms, pinyin_table, pinyin_terms


def test_standardize():
    z = standardize({1: 1.0, 2: 2.0, 3: 3.0})
    assert z[2] == pytest.approx(0.0) and z[3] == pytest.approx(-z[1]) and z[3] > 0
    assert standardize({1: 5.0, 2: 5.0}) == {1: 0.0, 2: 0.0}


def test_a_lone_keyword_match_still_stands_out():
    dense = {i: 0.85 + 0.001 * i for i in range(10)}  # flat, slightly favouring 9
    keyword = {i: 0.0 for i in range(10)} | {0: 2.3}  # only chunk 0 has the word
    assert top_ids(score_fusion(dense, keyword, 0.4), 1) == [0]


def test_dense_breaks_keyword_ties():
    dense = {1: 0.80, 2: 0.90, 3: 0.70}
    keyword = {1: 5.0, 2: 5.0, 3: 1.0}
    assert top_ids(score_fusion(dense, keyword, 0.4), 3) == [2, 1, 3]


def test_rrf_and_deterministic_ties():
    fused = rrf_fusion([[1, 2, 3], [3, 2, 1]], [0.5, 0.5], k=60)
    assert fused[1] == pytest.approx(fused[3])
    assert top_ids(fused, 3) == [1, 3, 2]  # 1 and 3 tie: the lower id comes first


def test_minmax_is_the_alternative_scaling():
    assert minmax({1: 2.0, 2: 4.0, 3: 3.0}) == {1: 0.0, 2: 1.0, 3: 0.5}
    assert top_ids(score_fusion({1: 0.8, 2: 0.9}, {1: 3.0, 2: 1.0}, 0.4, "minmax"), 2) == [1, 2]


def test_year_cues():
    assert part_year("一、2023年工作回顧") == 2023 and part_year("三、全面提升政府治理現代化水平") is None
    assert read("去年招聘了多少教师").year_for(2024) == 2023
    assert read("今年要招聘多少教师").year_for(2024) == 2024
    assert read("前年的游客有多少").year_for(2024) == 2022
    assert read("2023年gdp增长多少").year_for(2024) == 2023
    assert read("How many tourists visited Hukou last year?").year_for(2024) == 2023
    assert read("苹果产量是多少").year_for(2024) is None
    assert read("2023年和2024年的目标").year_for(2024) is None  # two years: no single cue
    # A named report fixes what 今年 means: the report's own year.
    assert read("2024年國務院政府工作報告預計今年高校畢業生有多少人？").year_for(2024) == 2024


def test_glossary_only_for_english():
    assert "就业" in glossary_terms("How many new jobs?")
    assert glossary_terms("壶口景区接待了多少游客？") == ""


def test_the_reports_terms_in_english_are_read_as_a_whole():
    # a dictionary reads 'places' as 地方, 'private' as 隐私, 'ports' as 港口: the reports' terms are phrases
    assert "学位" in glossary_terms("How many new school places does Beijing plan to add?")
    assert "民营经济" in glossary_terms("How will Zhejiang support private businesses?")
    assert "充电桩" in glossary_terms("How many EV charging ports did Shaanxi add?")
    assert glossary_terms("By how much did CPI rise?").split() == ["居民消费价格"]
    # plurals in -es (buses) as in -s; AEDs and vessels as the reports name them; installed capacity is 装机, not 产能
    assert "公交车" in glossary_terms("How many new pure-electric buses did Gaoyang put on its routes?")
    assert "除颤器" in glossary_terms("How many AEDs will Shanxi install?")
    assert "船舶" in glossary_terms("How many vessels moved to shelter?")
    assert "装机" in glossary_terms("What was the installed capacity of new energy?")
    assert "大模型" in glossary_terms("How many large AI models were registered?")
    assert "陆海新通道" in glossary_terms("How many ports does the Land-Sea Trade Corridor reach?")
    assert "劳动生产率" in glossary_terms("What labour productivity target does Anhui set?")
    assert "滑雪" not in glossary_terms("How many days of blue skies?")  # (skies is no ski)


def test_pinyin_names_come_from_the_library_vocabulary():
    vocabulary = pinyin_table(["壶口", "古贤", "苹果", "旅游"])
    assert pinyin_terms("How many tourists visited Hukou last year?", vocabulary) == "壶口"
    assert pinyin_terms("When will the Guxian project start?", vocabulary) == "古贤"
    assert pinyin_terms("壶口景区", vocabulary) == ""


def test_english_words_become_the_librarys_words_through_the_dictionary():
    """CC-CEDICT read backwards: a phrase before its words, inflected forms found, only words the library has
    (its commonest first), and the words that only say how the question asks left out."""
    from qa.search.dictionary import english_terms

    library = {"原煤": 5, "煤": 9, "集装箱": 3, "港口": 7, "纳税人": 2, "卫星": 4, "游客": 30, "旅客": 8}
    known = lambda w: library.get(w, 0)  # noqa: E731
    assert english_terms("How much raw coal did Guizhou produce in 2024?", known)[0] == "原煤"
    assert "煤" not in english_terms("How much raw coal did Guizhou produce in 2024?", known)  # the phrase, not its words
    assert {"集装箱", "港口"} <= set(english_terms("What was Shanghai Port's container throughput?", known))
    assert english_terms("How many taxpayers benefited?", known) == ["纳税人"]
    assert english_terms("How many satellites are in orbit?", known) == ["卫星"]
    assert english_terms("How many tourists came?", known) == ["游客"]  # one sense for one word: the commonest
    assert english_terms("According to the government work report, how many were there?", known) == []


def test_an_english_phrase_is_read_in_british_spelling_and_in_the_library_s_own_pieces():
    """`defence budget`: the dictionary spells it `defense budget` and glosses it 国防预算, which the library writes as
    国防 and 预算; `budget`, which the glossary reads already, still belongs to the phrase, not to itself alone."""
    from qa.search.dictionary import english_terms

    library = {"国防": 85, "预算": 172, "防御": 15, "劳动": 60, "劳动力": 20}
    known = lambda w: library.get(w, 0)  # noqa: E731
    assert set(english_terms("By how much will the defence budget grow?", known)) == {"国防", "预算"}
    assert set(english_terms("By how much will the defence budget grow?", known, frozenset({"budget"}))) == {"国防", "预算"}
    assert english_terms("How much defence spending?", known) == ["防御"]  # a word alone: its commonest sense, as ever
    assert english_terms("How much budget?", known, frozenset({"budget"})) == []  # the glossary's word, read there
    assert english_terms("How large is the labour force?", known) == ["劳动力"]


def test_a_dictionary_word_is_not_read_as_pinyin():
    """`China` is English (not 吃拿); `Hukou` is a name spelled in pinyin."""
    vocabulary = pinyin_table(["壶口", "吃拿"])
    assert pinyin_terms("What did China's report say about Hukou?", vocabulary) == "壶口"


def test_a_passage_too_far_from_the_rest_of_its_paragraph_is_shown_on_its_own():
    # the second-best chunk is in the best one's long paragraph, too far to join it in one passage: it is still
    # a passage (it was dropped, and the answer it held with it)
    from types import SimpleNamespace

    from conftest import ji_report

    from qa.ingest.chunk import Chunk
    from qa.search.retrieve import MERGE_MAX_CHARS, Retriever

    report, paragraph = ji_report(), "甲" * (MERGE_MAX_CHARS + 400)
    far = len(paragraph) - 200
    chunks = [Chunk(0, report.id, "一、", "", 1, 5, "", None, 0, 200, paragraph[:200]),
              Chunk(1, report.id, "一、", "", 1, 5, "", None, far, len(paragraph), paragraph[far:]),
              Chunk(2, report.id, "一、", "", 2, 6, "", None, 0, 100, "乙" * 100)]
    engine = Retriever.__new__(Retriever)
    engine.index = SimpleNamespace(chunks=chunks, report_by_id={report.id: report},
                                   paragraph_text=lambda _report, _seq: paragraph,
                                   paragraph_chunk_ids=lambda _report, _seq: [0, 1])
    hits = engine._paragraph_hits({0: 3.0, 1: 2.0, 2: 1.0}, k=3)
    assert [(h.rank, h.chunk.start) for h in hits] == [(1, 0), (2, far), (3, 0)]
