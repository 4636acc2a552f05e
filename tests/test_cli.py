"""Bad command-line input: a clear message naming the problem and the fix, non-zero exit."""

import pytest

from qa.cli import main


def test_k_out_of_range(capsys):
    with pytest.raises(SystemExit) as e:
        main(["ask", "问题", "--k", "0"])
    assert e.value.code == 2
    assert "--k 0 is out of range; use a number from 1 to 100" in capsys.readouterr().err


def test_unknown_mode(capsys):
    with pytest.raises(SystemExit) as e:
        main(["ask", "问题", "--mode", "magic"])
    assert e.value.code == 2 and "invalid choice: 'magic'" in capsys.readouterr().err


def test_missing_index(capsys, tmp_path):
    assert main(["ask", "问题", "--index", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err
    assert "nowhere" in err and "qa build" in err


def test_build_missing_source(capsys, tmp_path):
    assert main(["build", "--source", str(tmp_path / "missing.txt"), "--index", str(tmp_path / "ix")]) == 2
    assert "missing.txt: no such file" in capsys.readouterr().err
    assert not (tmp_path / "ix").exists()


def test_build_with_one_bad_source_among_several(capsys, tmp_path):
    from conftest import RAW

    argv = ["build", "--source", str(RAW), "--source", str(tmp_path / "next-year.txt"), "--index", str(tmp_path / "ix")]
    assert main(argv) == 2
    assert "next-year.txt: no such file" in capsys.readouterr().err
    assert not (tmp_path / "ix").exists()
