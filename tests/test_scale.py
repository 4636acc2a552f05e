"""bench.scale's synthetic libraries: copies are other counties' reports, and their keyword tokens (derived
from the source's, not tokenized) are exactly what the product's tokenizer makes of their text."""

import numpy as np
from conftest import RAW

from bench.scale import shift_digits, synthesize, write_library
from qa.index.build import build
from qa.index.keyword import tokenize
from qa.index.store import load, search_text


def test_shift_digits_moves_the_last_digit_of_each_number_in_its_script():
    assert shift_digits("增长5%左右，新增就业45万人，２０２５年", 3) == "增长8%左右，新增就业48万人，２０２８年"
    assert shift_digits("11.8", 9) == "10.7" and shift_digits("没有数字", 4) == "没有数字"


def test_copies_are_other_reports_whose_tokens_are_their_texts(tmp_path, fake_embedder):
    build(RAW, tmp_path / "index", fake_embedder)
    base = load(tmp_path / "index")
    tokenizer = base.manifest.keyword_tokenizer
    tokens = {search_text(c): tokenize(search_text(c), tokenizer) for c in base.chunks}
    reports, chunks, vectors = synthesize(base, 3, tokens)
    n = len(base.chunks)
    assert len(chunks) == len(vectors) == 3 * n and [c.chunk_id for c in chunks] == list(range(3 * n))
    assert len({r.id for r in reports}) == 3 and len({r.sha256 for r in reports}) == 3
    assert all(r.level == "county" and r.place.endswith("县") and r.place != "吉县" for r in reports[1:])
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-5)
    cosines = (vectors[n:2 * n] * vectors[:n]).sum(axis=1)
    assert 0.8 < np.median(cosines) < 0.995  # moved, not duplicated
    for c in chunks[n:]:
        assert tokens[search_text(c)] == tokenize(search_text(c), tokenizer)
    write_library(tmp_path / "x3", base, reports, chunks, vectors)
    assert len(load(tmp_path / "x3").chunks) == 3 * n
