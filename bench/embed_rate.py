"""Passages per second of the default model's architecture on any machine with torch: CPU and GPU.

    python -m bench.embed_rate prepare DIR [--source /tmp/corpus41]   # here: the passages and tokenizer
    python bench/embed_rate.py run DIR                                # there: torch, transformers, tokenizers

`prepare` writes the library's passages as the product embeds them ("passage: " + context + text),
the converted model's tokenizer and its config. `run` needs no part of this package (a lent GPU
machine has torch but not faiss or jieba): it builds e5-small's BERT (12 layers x 384) at random
weights (the same shapes, so the same arithmetic), embeds the passages in length-sorted batches as
sentence-transformers does (mean pooling, normalized) and prints the rates as JSON. `bench.scale`'s
EMBED_RATES hold what it measured on an H200 and a 16-core Xeon with AMX.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from pathlib import Path


def prepare(folder: Path, source: Path) -> None:
    from qa.index.e5convert import ensure_converted
    from qa.index.store import embed_text, load

    index = load(source)
    folder.mkdir(parents=True, exist_ok=True)
    texts = ["passage: " + embed_text(c, index.manifest.embed_context) for c in index.chunks]
    (folder / "texts.json").write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    model = ensure_converted()
    for name in ("tokenizer.json", "config.json"):
        shutil.copy(model / name, folder / name)


def run(folder: Path) -> dict:
    import torch
    from tokenizers import Tokenizer
    from transformers import BertConfig, BertModel

    texts = json.loads((folder / "texts.json").read_text(encoding="utf-8"))
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.enable_truncation(512)
    out: dict = {"cpu_count": os.cpu_count(), "torch": torch.__version__}
    t = time.perf_counter()
    encoded = tokenizer.encode_batch(texts * 5)
    out["tokenize_per_s_all_cores"] = len(encoded) / (time.perf_counter() - t)
    ids = sorted((e.ids for e in encoded[: len(texts)]), key=len, reverse=True)
    config = BertConfig(**json.loads((folder / "config.json").read_text()))

    def batches(seqs, size):
        for i in range(0, len(seqs), size):
            part = seqs[i:i + size]
            x = torch.full((len(part), len(part[0])), config.pad_token_id, dtype=torch.long)
            mask = torch.zeros_like(x)
            for j, s in enumerate(part):
                x[j, :len(s)], mask[j, :len(s)] = torch.tensor(s), 1
            yield x, mask

    def rate(device, dtype, batch, seqs, autocast=None) -> float:
        model = BertModel(config, add_pooling_layer=False).to(device).eval()
        if autocast is None:
            model = model.to(dtype)
        prepared = list(batches(seqs, batch))

        def one_pass():
            for x, mask in prepared:
                x, mask = x.to(device), mask.to(device)
                with torch.inference_mode(), torch.autocast(device, dtype=autocast, enabled=autocast is not None):
                    h = model(input_ids=x, attention_mask=mask).last_hidden_state
                    m = mask.unsqueeze(-1).to(h.dtype)
                    torch.nn.functional.normalize(((h * m).sum(1) / m.sum(1)).float(), dim=-1).cpu()
            if device == "cuda":
                torch.cuda.synchronize()

        one_pass()  # warm-up
        t = time.perf_counter()
        one_pass()
        return len(seqs) / (time.perf_counter() - t)

    if torch.cuda.is_available():
        out["gpu"] = torch.cuda.get_device_name(0)
        torch.backends.cuda.matmul.allow_tf32 = False
        for name, dtype, batch in (("float32", torch.float32, 128), ("float16", torch.float16, 128),
                                   ("float16", torch.float16, 512), ("bfloat16", torch.bfloat16, 512)):
            out[f"gpu_{name}_batch{batch}"] = rate("cuda", dtype, batch, ids)
    flags = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    for threads in sorted({2, os.cpu_count() or 2}):
        torch.set_num_threads(threads)
        sample = ids[::8]  # every 8th passage by length
        out[f"cpu{threads}_float32"] = rate("cpu", torch.float32, 32, sample)
        if "amx_bf16" in flags or "avx512_bf16" in flags:
            out[f"cpu{threads}_bfloat16_autocast"] = rate("cpu", torch.float32, 32, sample, autocast=torch.bfloat16)
    out["cpu_model"] = next((line.split(":", 1)[1].strip() for line in flags.splitlines()
                             if line.startswith("model name")), "")
    return out


def main(argv: list[str] | None = None) -> int:
    import argparse

    p = argparse.ArgumentParser(prog="python -m bench.embed_rate", description=__doc__.splitlines()[0])
    p.add_argument("step", choices=("prepare", "run"))
    p.add_argument("folder", type=Path)
    p.add_argument("--source", type=Path, default=Path("/tmp/corpus41"), help="a built library (prepare)")
    args = p.parse_args(argv)
    if args.step == "prepare":
        prepare(args.folder, args.source)
    else:
        print(json.dumps(run(args.folder)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
