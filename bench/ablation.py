"""Which retrieval ideas earn their place: hybrid with one idea switched off per row.

    python bench/ablation.py

Builds throw-away indexes in a temporary folder (the real index/ is not touched): Ji County's report
alone (tests/data/dev.jsonl + dev_extra.jsonl) and the four-report library of library-dev.jsonl.
Each row changes exactly one setting against the first row. Prints hit@1, hit@5 and MRR@10.
"""

from __future__ import annotations

import dataclasses
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from qa.eval.evaluate import evaluate, load_questions  # noqa: E402
from qa.index.build import build  # noqa: E402
from qa.index.embed import SentenceTransformerEmbedder  # noqa: E402
from qa.index.manifest import IndexSettings  # noqa: E402
from qa.index.store import load  # noqa: E402
from qa.ingest.chunk import ChunkSettings  # noqa: E402
from qa.search.retrieve import FusionSettings, Retriever  # noqa: E402
from qa.session import Session  # noqa: E402
from qa.ui.cli import set_environment  # noqa: E402

DATA, TESTS = ROOT / "data", ROOT / "tests" / "data"
LIBRARY = [DATA / "national-2024.txt", DATA / "provinces-2025/shanxi-2025.txt", DATA / "provinces-2025/shaanxi-2025.txt",
           DATA / "jixian-2024-work-report.raw.txt"]
BASE_INDEX, BASE_FUSION = IndexSettings(), FusionSettings()
VARIANTS = [
    ("hybrid, all ideas", BASE_INDEX, BASE_FUSION),
    ("- routing by place/year (library)", BASE_INDEX, dataclasses.replace(BASE_FUSION, routing=False)),
    ("- year cue (part about the year asked)", BASE_INDEX, dataclasses.replace(BASE_FUSION, year_weight=0.0)),
    ("- header passage weight", BASE_INDEX, dataclasses.replace(BASE_FUSION, header_weight=0.0)),
    ("- English glossary/pinyin names", BASE_INDEX, dataclasses.replace(BASE_FUSION, glossary=False)),
    ("- everyday-word synonyms", BASE_INDEX, dataclasses.replace(BASE_FUSION, synonyms=False)),
    ("- z-scores (min-max scaling)", BASE_INDEX, dataclasses.replace(BASE_FUSION, scaling="minmax")),
    ("- section/lead context in embeddings", dataclasses.replace(BASE_INDEX, embed_context=False), BASE_FUSION),
    ("- jieba words (chars+bigrams only)", dataclasses.replace(BASE_INDEX, keyword_tokenizer="bigram"), BASE_FUSION),
    ("- chars+bigrams (jieba words only)", dataclasses.replace(BASE_INDEX, keyword_tokenizer="jieba"), BASE_FUSION),
    ("- 250/350 chunks (200/300)", dataclasses.replace(BASE_INDEX, chunking=ChunkSettings(200, 300)), BASE_FUSION),
]


def main() -> None:
    set_environment()
    sets = {
        "ji": ([DATA / "jixian-2024-work-report.raw.txt"],
               [q for f in ("dev.jsonl", "dev_extra.jsonl") for q in load_questions(TESTS / f)]),
        "library": (LIBRARY, load_questions(TESTS / "library-dev.jsonl")),
    }
    embedder = SentenceTransformerEmbedder()
    print(f"{'variant':40s} | Ji County (dev+extra)  hit@1  hit@5  mrr@10 | 4-report library  hit@1  hit@5  mrr@10")
    with tempfile.TemporaryDirectory() as tmp:
        built: dict = {}
        for name, index_settings, fusion in VARIANTS:
            cells = []
            for key, (sources, questions) in sets.items():
                cache = (key, repr(index_settings))
                if cache not in built:
                    folder = Path(tmp) / f"ix{len(built)}"
                    build(sources, folder, embedder, index_settings)
                    built[cache] = load(folder)
                index = built[cache]
                session = Session(embedder, Retriever(index, embedder, fusion))
                m = evaluate(questions, session.ask, index.chunks, "hybrid", 10).metrics()
                cells.append(f"{m['hit@1']:.3f}  {m['hit@5']:.3f}  {m['mrr@10']:.3f}")
            print(f"{name:40s} | {'':21s}{cells[0]} | {'':16s}{cells[1]}", flush=True)


if __name__ == "__main__":
    main()
