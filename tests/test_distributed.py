"""`qa build --ray` writes the library a build in one process writes: the same chunks, reports and vectors."""

from __future__ import annotations

import sys
from importlib.util import find_spec

import pytest
from conftest import DATA

from qa.common.errors import SettingsError
from qa.ui import cli

SMALL = [DATA / "county" / "hailaer-2013.txt", DATA / "county" / "hailaer-2014.txt"]


def test_a_missing_ray_names_the_extra_to_install(monkeypatch, tmp_path, capsys):
    from qa.index.distributed import RayRunner

    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` now fails, as where it is not installed
    with pytest.raises(SettingsError, match=r"pip install -e '\.\[ray\]'"):
        RayRunner()
    assert cli.main(["build", "--ray", "--source", str(SMALL[0]), "--index", str(tmp_path / "index")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: --ray needs Ray Data, which is not installed") and err.count("\n") == 1
    assert "Fix: pip install -e '.[ray]'" in err
    assert not (tmp_path / "index").exists()


def test_ray_options_need_ray(tmp_path, capsys):
    assert cli.main(["build", "--ray-workers", "2", "--source", str(SMALL[0]), "--index", str(tmp_path / "index")]) == 2
    assert "Fix: add --ray [ADDRESS]" in capsys.readouterr().err


@pytest.mark.slow
@pytest.mark.skipif(find_spec("ray") is None, reason="ray is not installed; it comes with the test extra: "
                                                     "pip install -e '.[test]'")
def test_a_ray_build_writes_the_same_library(tmp_path, monkeypatch, capsys):
    import ray

    from qa.index.build import build
    from qa.index.cache import VectorCache
    from qa.index.engine import DeferredEmbedder
    from qa.index.store import load

    # Two short reports: the opening paragraphs of two shipped ones (the same passages, so the single-process
    # reference takes their float32 vectors from the shipped cache; the Ray build embeds every one).
    sources = []
    for path in SMALL:
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        sources.append(tmp_path / "src" / path.name)
        sources[-1].parent.mkdir(exist_ok=True)
        sources[-1].write_text("".join(lines[:30]), encoding="utf-8")
    local = build(sources, tmp_path / "local", DeferredEmbedder(precision="float32"), cache=VectorCache.default())

    monkeypatch.setenv("QA_VECTOR_CACHE", "off")  # the Ray build embeds everything too
    ray.init(num_cpus=2, include_dashboard=False, ignore_reinit_error=True, log_to_driver=False)
    try:
        code = cli.main(["build", "--ray", "--ray-workers", "2", "--precision", "float32", "--index", str(tmp_path / "ray"),
                         *(arg for path in sources for arg in ("--source", str(path)))])
    finally:
        ray.shutdown()
    err = capsys.readouterr().err
    assert code == 0, err
    assert f"ray: embedded {local.n_chunks} passages on 2 worker(s)" in err and "(0 from the vector cache" in err

    a, b = load(tmp_path / "local"), load(tmp_path / "ray")
    assert local.from_cache == local.n_chunks > 20
    assert [(c.chunk_id, c.report, c.section, c.text) for c in b.chunks] == \
           [(c.chunk_id, c.report, c.section, c.text) for c in a.chunks]
    assert b.chunks == a.chunks
    assert (tmp_path / "ray" / "reports.jsonl").read_bytes() == (tmp_path / "local" / "reports.jsonl").read_bytes()
    assert [r.id for r in b.reports] == ["hailaer-2013", "hailaer-2014"]
    assert (b.manifest.model, b.manifest.precision, b.manifest.dimension) == (a.manifest.model, "float32", 384)
    cosines = (a.vectors() * b.vectors()).sum(axis=1)
    assert cosines.min() >= 0.9999, f"row {cosines.argmin()}: cosine {cosines.min():.6f}"
