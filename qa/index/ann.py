"""The dense index: each report's vectors on their own, searched exactly, and above FLAT_MAX vectors
a library-wide approximate index (`ivf-sq8`) for the searches that span more than that.

`flat` (`Dense` without an approximate index): every question scores every passage it may return,
exactly, one matrix product per report searched (each report's vectors a memory-mapped array, so
a routed question reads only its reports' pages). `ivf-sq8` is an inverted file of 8-bit
scalar-quantized codes (IVF, SQ8) whose candidates are re-scored with the float16 vectors kept
beside them (faiss IndexRefine), so the cosines a search returns are the passages' own (the
answer's abstention reads them). Both are read memory-mapped: the files' pages are shared by every
process serving the library.

Measured on the shipped library made 100x larger (376k passages, `python -m bench.scale`; 2-core
AVX2 EPYC; 507 development questions): a flat search costs ~0.12 ms per thousand passages on one
core (100k: ~12 ms, what embedding the question costs; 376k: 45-60 ms, 120+ with faiss's threads on
a busy machine); ivf-sq8 (1024 lists, nprobe 128) returns 96% of the exact top 10 and 93% of the top
100 in ~6 ms, builds in ~20 s and takes 438 MB; HNSW (M 32, efSearch 256) returned 90% / 80% in
1.6 ms but took 150 s to build and 680 MB. Up to FLAT_MAX exactness costs no more than embedding the
question, so the index stays exact. A search restricted to some reports scores their passages
exactly when they are FLAT_MAX or fewer (a place's reports, the 31 provinces of a year), whatever
the format.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

FLAT, IVF_SQ8 = "flat", "ivf-sq8"
FORMATS = (FLAT, IVF_SQ8)
FLAT_MAX = 100_000  # vectors: up to this many the index is exact (see the module docstring)


def choose(n: int, flat_max: int | None = None) -> str:
    """The format for an index of `n` vectors: `flat` up to `flat_max` (default FLAT_MAX), `ivf-sq8` above."""
    return FLAT if n <= (FLAT_MAX if flat_max is None else flat_max) else IVF_SQ8


def n_lists(n: int) -> int:
    """IVF lists for `n` vectors: the power of two nearest 2*sqrt(n), with >= 39 training points per list
    (faiss's k-means minimum). 100k -> 512, 376k -> 1024, 7M -> 4096."""
    nlist = 2 ** round(math.log2(max(2.0, 2 * math.sqrt(n))))
    return max(1, min(nlist, n // 39))


def make(vectors: np.ndarray, flat_max: int | None = None, seed: int = 0):
    """A FAISS inner-product index over `vectors` (L2-normalized rows) in the format `choose` picks.

    Args:
        vectors: float32, one row per chunk, in chunk-id order.
        flat_max: the most vectors kept in an exact index (default FLAT_MAX; tests pass a small one).
        seed: which vectors train the IVF lists (a sample of 64 per list).
    """
    import faiss

    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    n, d = vectors.shape
    if choose(n, flat_max) == FLAT:
        index = faiss.IndexFlatIP(d)
        index.add(vectors)
        return index
    nlist = n_lists(n)
    base = faiss.IndexIVFScalarQuantizer(faiss.IndexFlatIP(d), d, nlist, faiss.ScalarQuantizer.QT_8bit,
                                         faiss.METRIC_INNER_PRODUCT)
    base.nprobe = max(1, nlist // 8)
    index = faiss.IndexRefine(base, faiss.IndexScalarQuantizer(d, faiss.ScalarQuantizer.QT_fp16,
                                                              faiss.METRIC_INNER_PRODUCT))
    sample = np.sort(np.random.default_rng(seed).choice(n, min(n, 64 * nlist), replace=False))
    index.train(vectors[sample])
    index.add(vectors)
    return index


def format_of(index) -> str:
    """The format name of a FAISS index this module made (ValueError for any other)."""
    import faiss

    if isinstance(index, faiss.IndexFlatIP):
        return FLAT
    if isinstance(index, faiss.IndexRefine) and isinstance(faiss.downcast_index(index.base_index),
                                                           faiss.IndexIVFScalarQuantizer):
        return IVF_SQ8
    raise ValueError(f"{type(index).__name__} is not a format of this library; use one of {', '.join(FORMATS)}")


def describe(approximate=None) -> str:
    """What the manifest says of the vectors: metric, format and its settings."""
    import faiss

    exact = "L2-normalized, inner product (cosine), one float32 array per report, searched exactly"
    if approximate is None:
        return exact
    base = faiss.downcast_index(approximate.base_index)
    return (f"{exact}; past {FLAT_MAX} candidates FAISS IVF{base.nlist},SQ8 nprobe {base.nprobe}, "
            "candidates re-scored with float16 vectors (IndexRefine)")


def read(path: Path):
    """Read a vectors file memory-mapped (its pages shared between processes, read as searched)."""
    import faiss

    return faiss.read_index(str(path), faiss.IO_FLAG_MMAP_IFC)


def search(index, query: np.ndarray, k: int, allowed: np.ndarray | None = None,
           exact_max: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The `k` best (scores, ids) for one query row, as faiss returns them (shape 1 x k, -1 ids pad).

    Args:
        allowed: the chunk ids that may be returned (None: all).
        exact_max: up to this many allowed ids, an ivf-sq8 index scores them exactly (their float16
            vectors; default FLAT_MAX): a list scan would miss a few reports' passages in lists it does
            not probe.
    """
    import faiss

    if allowed is None:
        return index.search(query, k)
    allowed = np.asarray(allowed, dtype=np.int64)
    if format_of(index) == FLAT:
        return index.search(query, k, params=faiss.SearchParameters(sel=faiss.IDSelectorBatch(allowed)))
    if len(allowed) <= (FLAT_MAX if exact_max is None else exact_max):
        rows = faiss.downcast_index(index.refine_index).reconstruct_batch(allowed)
        scores = rows @ query[0]
        best = np.argpartition(-scores, k - 1)[:k] if k < len(scores) else np.arange(len(scores))
        best = best[np.lexsort((allowed[best], -scores[best]))]  # ties by id: the same order every time
        return scores[best][None, :].astype(np.float32), allowed[best][None, :]
    base = faiss.downcast_index(index.base_index)
    params = faiss.IndexRefineSearchParameters(
        k_factor=1.0, base_index_params=faiss.SearchParametersIVF(sel=faiss.IDSelectorBatch(allowed), nprobe=base.nprobe))
    return index.search(query, k, params=params)


class Dense:
    """A library's vectors: one L2-normalized float32 array per report (memory-mapped when loaded), in
    library order, and past `FLAT_MAX` vectors the library-wide `ivf-sq8` index over all of them.

    A search restricted to some reports (a routed question, a table's row) multiplies only their
    arrays; one that spans more than `exact_max` vectors uses the approximate index when there is one.
    Ids are places in the library (the first report's vectors first).
    """

    def __init__(self, parts: list[np.ndarray], dim: int, approximate=None):
        self.parts = parts
        self.d = int(dim)
        self.offsets = np.cumsum([0] + [len(p) for p in parts])
        self.approximate = approximate

    @property
    def ntotal(self) -> int:
        return int(self.offsets[-1])

    def vectors(self) -> np.ndarray:
        """All vectors, one row per chunk (a copy)."""
        parts = [np.asarray(p, dtype=np.float32) for p in self.parts if len(p)]
        return np.vstack(parts) if parts else np.zeros((0, self.d), np.float32)

    def search(self, query: np.ndarray, k: int, allowed: np.ndarray | None = None,
               exact_max: int | None = None) -> tuple[np.ndarray, np.ndarray]:
        """The `k` best (scores, ids) for one query row (shape 1 x k, -1 ids pad), ties by id.

        Args:
            allowed: the ids that may be returned (None: all).
            exact_max: up to this many candidates the search is exact (default FLAT_MAX).
        """
        n = self.ntotal if allowed is None else len(allowed)
        if self.approximate is not None and n > (FLAT_MAX if exact_max is None else exact_max):
            return search(self.approximate, query, k, allowed, exact_max)
        q = np.asarray(query, dtype=np.float32).reshape(-1)
        ids, scores = [], []
        spans = self._spans(allowed)
        for part, lo, local in spans:
            rows = part if local is None else part[local]
            scores.append(np.asarray(rows @ q, dtype=np.float32))
            ids.append(np.arange(lo, lo + len(part)) if local is None else local + lo)
        if not ids:
            return np.full((1, k), -np.inf, np.float32), np.full((1, k), -1, np.int64)
        ids, scores = np.concatenate(ids), np.concatenate(scores)
        best = np.argpartition(-scores, k - 1)[:k] if k < len(scores) else np.arange(len(scores))
        best = best[np.lexsort((ids[best], -scores[best]))]
        out_s, out_i = np.full((1, k), -np.inf, np.float32), np.full((1, k), -1, np.int64)
        out_s[0, :len(best)], out_i[0, :len(best)] = scores[best], ids[best]
        return out_s, out_i

    def _spans(self, allowed: np.ndarray | None):
        """(array, first id, local rows or None for all) of each report an allowed set touches."""
        if allowed is None:
            return [(p, int(lo), None) for p, lo in zip(self.parts, self.offsets, strict=False) if len(p)]
        allowed = np.unique(np.asarray(allowed, dtype=np.int64))  # sorted
        bounds = np.searchsorted(allowed, self.offsets)
        out = []
        for s in np.nonzero(np.diff(bounds))[0]:
            local = allowed[bounds[s]:bounds[s + 1]] - self.offsets[s]
            out.append((self.parts[s], int(self.offsets[s]), None if len(local) == len(self.parts[s]) else local))
        return out
