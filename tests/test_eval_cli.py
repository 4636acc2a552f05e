"""`qa eval --mode all` on the real index: one table, JSON with the agreed keys, report and chart."""

import json

import pytest
from conftest import DEV

from qa.ui.cli import main

pytestmark = pytest.mark.slow
KEYS = {"mode", "n", "hit@1", "hit@3", "hit@5", "hit@10", "mrr@10", "ndcg@10", "wrong_report@1", "mean_unit_chars",
        "max_unit_chars", "abstain_rate", "false_abstain_rate", "answer_correct", "misses"}


def test_eval_all_modes(tmp_path, capsys, real_index_dir):
    report, plot = tmp_path / "r.md", tmp_path / "p.png"
    assert main(["eval", str(DEV), "--index", str(real_index_dir), "--mode", "all", "--json",
                 "--markdown", str(report), "--plot", str(plot)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["mode"] for r in rows] == ["bm25", "dense", "reference(rrf)", "hybrid"]
    assert all(KEYS <= set(r) for r in rows)
    by = {r["mode"]: r for r in rows}
    # The product's promise: hybrid beats every single mode and the common fusion recipe.
    for other in ("bm25", "dense", "reference(rrf)"):
        assert by["hybrid"]["hit@1"] > by[other]["hit@1"]
        assert by["hybrid"]["mrr@10"] > by[other]["mrr@10"]
    assert by["hybrid"]["mean_unit_chars"] <= 300
    assert "| id | question |" in report.read_text(encoding="utf-8")
    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
