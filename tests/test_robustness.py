"""Faults and bad input: nothing lost, nothing half-written, a clear message for each."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest
from conftest import RAW, ROOT, FakeEmbedder

from qa.cli import main
from qa.index import IndexLoadError, build, load
from qa.question import MAX_CHARS, QuestionError, clean_question
from qa.retrieve import Retriever

# --- the question checks (one place, used by the CLI and the chat) ------------------------------

BAD_QUESTIONS = {
    "empty": "",
    "whitespace": " \t\n　 ",
    "10,000 characters": "苹果" * 5000,
    "control characters only": "\x00\x01\x07\x1f",
    "emoji only": "😀🍎🚀",
    "punctuation only": "？？。！…—",
    "html": "<img src=x onerror=alert(1)>",
    "script": "<script>alert('x')</script>吉县GDP",
}


@pytest.mark.parametrize("name", BAD_QUESTIONS)
def test_bad_question_is_refused_with_a_message(name):
    with pytest.raises(QuestionError) as e:
        clean_question(BAD_QUESTIONS[name])
    assert str(e.value) and e.value.zh  # an English message for the CLI, a Chinese one for the chat


def test_control_characters_inside_a_real_question_are_dropped():
    assert clean_question("吉县\x00去年\x07GDP增长了多少？") == "吉县去年GDP增长了多少？"
    assert clean_question("问" * MAX_CHARS) == "问" * MAX_CHARS


@pytest.mark.parametrize("name", BAD_QUESTIONS)
def test_cli_refuses_bad_question(name, tmp_path, capsys):
    folder = tmp_path / "index"
    build(RAW, folder, FakeEmbedder())
    before = sorted(p.name for p in tmp_path.rglob("*"))
    assert main(["ask", BAD_QUESTIONS[name], "--index", str(folder)]) == 2
    assert capsys.readouterr().err.startswith("error: the question")
    assert sorted(p.name for p in tmp_path.rglob("*")) == before  # nothing written


# --- bad source files ---------------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["gb18030", "utf-16"])
def test_other_encodings_are_detected_and_read(tmp_path, encoding):
    other = tmp_path / f"report-{encoding}.txt"
    other.write_bytes(RAW.read_text(encoding="utf-8").encode(encoding))
    folder = tmp_path / "index"
    build(other, folder, FakeEmbedder())
    texts = [c.text for c in load(folder).chunks]
    assert any("GDP增速為11.8%" in t for t in texts)


@pytest.mark.parametrize("content, message", [
    (b"", "the file is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks binary"),
    (bytes(range(128, 256)) * 4, "is neither UTF-8 nor GB18030"),
])
def test_bad_source_is_refused_and_nothing_written(tmp_path, capsys, content, message):
    src = tmp_path / "report.txt"
    src.write_bytes(content)
    assert main(["build", "--source", str(src), "--index", str(tmp_path / "index")]) == 2
    assert message in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]


@pytest.mark.parametrize("args, message", [
    (["--k", "0"], "--k 0 is out of range"),
    (["--k", "10000"], "--k 10000 is out of range"),
    (["--k", "many"], "--k 'many' is not a whole number"),
    (["--mode", "magic"], "invalid choice: 'magic'"),
])
def test_bad_options(args, message, capsys):
    with pytest.raises(SystemExit) as e:
        main(["ask", "吉县GDP", *args])
    assert e.value.code == 2 and message in capsys.readouterr().err


# --- builds killed mid-way -------------------------------------------------------------------------

DRIVER = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {root!r}); sys.path.insert(0, {tests!r})
    from pathlib import Path
    import faiss
    import qa.index as ix
    from conftest import FakeEmbedder, RAW

    class Slow(FakeEmbedder):
        def encode(self, texts, kind="query", **kw):
            print("stage embed", flush=True); time.sleep(0.5)
            return super().encode(texts, kind)

    def stage(name, fn):
        def wrapped(*a, **kw):
            print("stage " + name, flush=True); time.sleep(0.5)
            return fn(*a, **kw)
        return wrapped

    faiss.write_index = stage("vectors", faiss.write_index)
    ix._write_json = stage("manifest", ix._write_json)
    ix._swap_in = stage("swap", ix._swap_in)
    ix.build(RAW, Path(sys.argv[1]), Slow())
    print("stage done", flush=True)
""")


@pytest.mark.parametrize("kill_at", ["embed", "vectors", "manifest", "swap"])
def test_sigkill_mid_build_keeps_the_previous_index(tmp_path, kill_at):
    folder = tmp_path / "index"
    build(RAW, folder, FakeEmbedder())
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER.format(root=str(ROOT), tests=str(ROOT / "tests")), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(driver), str(folder)], stdout=subprocess.PIPE, text=True)
    try:
        for line in proc.stdout:
            if line.strip() == f"stage {kill_at}":
                time.sleep(0.2)  # inside the stage
                os.kill(proc.pid, signal.SIGKILL)
                break
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    after = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    assert after == before  # the previous index, byte for byte
    index = load(folder, model=FakeEmbedder.name)
    assert Retriever(index, FakeEmbedder()).search("苹果产量", k=3)
    # The next build cleans up what the killed one left behind.
    build(RAW, folder, FakeEmbedder())
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".index.")]
    assert leftovers == []


def test_corrupt_chunks_line_is_refused(tmp_path):
    folder = tmp_path / "index"
    build(RAW, folder, FakeEmbedder())
    lines = (folder / "chunks.jsonl").read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3][: len(lines[3]) // 2]
    (folder / "chunks.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(IndexLoadError, match="chunks.jsonl: a line is not a valid chunk.*qa build"):
        load(folder)


def test_manifest_from_another_corpus_names_both(tmp_path):
    folder = tmp_path / "index"
    build(RAW, folder, FakeEmbedder())
    m = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    m["corpus_sha256"] = "0" * 64
    (folder / "manifest.json").write_text(json.dumps(m), encoding="utf-8")
    with pytest.raises(IndexLoadError, match=r"corpus sha256 000000000000…, but .* has sha256 [0-9a-f]{12}…"):
        load(folder, source=RAW)


@pytest.mark.slow
def test_question_never_becomes_a_file_path(tmp_path, monkeypatch, capsys, real_index_dir):
    """A path-like question is searched as text: nothing is opened or written under its name."""
    folder = real_index_dir
    monkeypatch.chdir(tmp_path)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    assert main(["ask", "../../etc/passwd 是什么？", "--index", str(folder), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["question"] == "../../etc/passwd 是什么？" and "root:" not in json.dumps(out)
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before
