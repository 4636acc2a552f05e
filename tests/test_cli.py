"""The command line end to end (fake embedder where the model does not matter)."""

import json

import pytest
from conftest import DATA, RAW, FakeEmbedder

from qa.index.build import build
from qa.ui.cli import main


def test_missing_index(capsys, tmp_path):
    assert main(["ask", "问题", "--index", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err
    assert "nowhere" in err and "qa build" in err and err.count("\n") == 1


def test_build_missing_source(capsys, tmp_path):
    assert main(["build", "--source", str(tmp_path / "missing.txt"), "--index", str(tmp_path / "ix")]) == 2
    assert "missing.txt: no such file" in capsys.readouterr().err
    assert not (tmp_path / "ix").exists()


def test_build_with_one_bad_source_among_several(capsys, tmp_path):
    argv = ["build", "--source", str(RAW), "--source", str(tmp_path / "next-year.txt"), "--index", str(tmp_path / "ix")]
    assert main(argv) == 2
    assert "next-year.txt: no such file" in capsys.readouterr().err
    assert not (tmp_path / "ix").exists()


def test_report_fields_apply_to_one_report_only(capsys, tmp_path):
    argv = ["build", "--source", str(DATA / "county"), "--place", "吉县", "--index", str(tmp_path / "ix")]
    assert main(argv) == 2
    assert "apply to one report, but 8 were given" in capsys.readouterr().err


def test_list_shows_the_library(capsys, tmp_path):
    build([RAW, DATA / "national-2024.txt"], tmp_path / "ix", FakeEmbedder())
    assert main(["list", "--index", str(tmp_path / "ix")]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["id", "place", "level", "year", "reviews", "date", "speaker", "chunks", "title"]
    assert "national-2024" in out.splitlines()[1] and "全国" in out  # national first
    assert "jixian-2024-work-report.raw  吉县" in out and "2 reports" in out
    assert main(["list", "--index", str(tmp_path / "ix"), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in rows] == ["national-2024", "jixian-2024-work-report.raw"]
    assert rows[1]["speaker"] == "牛永福" and rows[1]["date"] == "2024-04-08"


def test_remove_and_unknown_id(capsys, tmp_path):
    build([RAW, DATA / "national-2024.txt"], tmp_path / "ix", FakeEmbedder())
    assert main(["remove", "nope", "--index", str(tmp_path / "ix")]) == 2
    assert "unknown report 'nope'" in capsys.readouterr().err
    assert main(["remove", "national-2024", "--index", str(tmp_path / "ix")]) == 0
    assert "removed national-2024; the library holds 1 report(s)" in capsys.readouterr().out


@pytest.mark.slow
def test_add_and_ask_from_another_folder(capsys, tmp_path, monkeypatch, real_embedder, vector_cache):
    """`qa add` embeds only the new report; `qa ask --report` searches only it; paths work from any folder."""
    folder = tmp_path / "ix"
    build(RAW, folder, real_embedder, cache=vector_cache)
    monkeypatch.chdir(tmp_path)
    assert main(["add", str(DATA / "provinces-2025" / "shanxi-2025.txt"), "--index", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "added 1 report(s)" in out and "holds 2 report(s)" in out
    assert main(["ask", "城镇新增就业目标是多少？", "--index", str(folder), "--report", "shanxi-2025", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)["hits"]
    assert {h["report"] for h in hits} == {"shanxi-2025"}
