"""Which retrieval ideas earn their place: hybrid with each idea switched off, on the dev sets.

    python bench/ablation.py [QUESTIONS.jsonl ...]

Builds throw-away indexes in a temporary folder (the real index/ is not touched) and prints one
row per variant: hit@1, hit@5, MRR@10 over the answerable questions of all the given files.
"""

from __future__ import annotations

import dataclasses
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from qa import retrieve  # noqa: E402
from qa.chunk import ChunkSettings  # noqa: E402
from qa.embed import SentenceTransformerEmbedder  # noqa: E402
from qa.evaluate import evaluate, load_questions  # noqa: E402
from qa.index import DEFAULT_SOURCE, IndexSettings, build, load  # noqa: E402
from qa.retrieve import FusionSettings, Retriever  # noqa: E402


def _minmax(scores):
    if not scores:
        return {}
    lo, hi = min(scores.values()), max(scores.values())
    return {i: (s - lo) / (hi - lo) if hi > lo else 1.0 for i, s in scores.items()}


def main(paths: list[str]) -> None:
    paths = paths or [str(ROOT.parent / "shared/eval/dev.jsonl"), str(ROOT / "tests/data/dev_extra.jsonl")]
    questions = [q for p in paths for q in load_questions(Path(p))]
    embedder = SentenceTransformerEmbedder()
    base_index, base_fusion = IndexSettings(), FusionSettings()
    variants = [
        ("hybrid (all ideas)", base_index, base_fusion, False),
        ("- year cue", base_index, dataclasses.replace(base_fusion, year_weight=0.0), False),
        ("- English glossary", base_index, dataclasses.replace(base_fusion, glossary=False), False),
        ("- synonyms", base_index, dataclasses.replace(base_fusion, synonyms=False), False),
        ("- section/lead context in embeddings", dataclasses.replace(base_index, embed_context=False), base_fusion, False),
        ("- z-score (min-max fusion)", base_index, dataclasses.replace(base_fusion, year_weight=0.2), True),
        ("- jieba (char+bigram tokens)", dataclasses.replace(base_index, keyword_tokenizer="bigram"), base_fusion, False),
        ("- 250/350 chunks (200/300)", dataclasses.replace(base_index, chunking=ChunkSettings(200, 300)), base_fusion, False),
    ]
    n = sum(q.answerable for q in questions)
    print(f"{len(questions)} questions ({n} answerable) from {', '.join(Path(p).name for p in paths)}")
    print(f"{'variant':40s} hit@1  hit@5  mrr@10")
    with tempfile.TemporaryDirectory() as tmp:
        built: dict = {}
        for name, index_settings, fusion, minmax in variants:
            key = repr(index_settings)
            if key not in built:
                folder = Path(tmp) / f"ix{len(built)}"
                build(ROOT / DEFAULT_SOURCE, folder, embedder, index_settings)
                built[key] = load(folder)
            index = built[key]
            saved = retrieve.standardize
            if minmax:
                retrieve.standardize = _minmax
            try:
                r = Retriever(index, embedder, fusion)
                m = evaluate(questions, lambda q, k, mode, r=r: (r.search(q, k, mode), False, None), "hybrid", 10,
                             [c.text for c in index.chunks]).metrics()
            finally:
                retrieve.standardize = saved
            print(f"{name:40s} {m['hit@1']:.3f}  {m['hit@5']:.3f}  {m['mrr@10']:.3f}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
