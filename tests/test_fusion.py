"""Fusion: pure functions on hand-written scores."""

import pytest

from qa.cues import glossary_terms, part_year, question_year
from qa.retrieve import rrf_fusion, score_fusion, standardize, top_ids


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


def test_year_cues():
    assert part_year("一、2023年工作回顧") == 2023 and part_year("三、全面提升政府治理現代化水平") is None
    assert question_year("去年招聘了多少教师", 2024) == 2023
    assert question_year("今年要招聘多少教师", 2024) == 2024
    assert question_year("2023年gdp增长多少", 2024) == 2023
    assert question_year("how many tourists visited hukou last year?", 2024) == 2023
    assert question_year("苹果产量是多少", 2024) is None
    assert question_year("2023年和2024年的目标", 2024) is None  # two years: no single cue


def test_glossary_only_for_english():
    assert "壶口" in glossary_terms("How many tourists visited Hukou?")
    assert glossary_terms("壶口景区接待了多少游客？") == ""
