"""Paragraphs -> sentence-aware chunks: the unit a citation shows."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields

from qa.ingest.structure import Paragraph, where

# A sentence ends at 。！？；!?; (a `.` is never an end: it sits inside numbers like 11.8%).
SENTENCE = re.compile(r"[^。！？；!?;]*[。！？；!?;]+[”’」』)）]*|[^。！？；!?;]+$")
# Where an over-long sentence may be cut: after a comma, an enumeration comma or a colon.
CLAUSE = re.compile(r"[^,，、:：]*[,，、:：]|[^,，、:：]+$")


@dataclass(frozen=True)
class ChunkSettings:
    """How paragraphs are cut; recorded in the index manifest.

    A chunk packs whole sentences up to `target_chars` and never exceeds `max_chars`: a longer
    sentence is cut at clause boundaries, and a clause longer still at `max_chars`.
    """

    target_chars: int = 250
    max_chars: int = 350

    def __post_init__(self):
        if not (isinstance(self.target_chars, int) and isinstance(self.max_chars, int)
                and 20 <= self.target_chars <= self.max_chars):
            raise ValueError(f"ChunkSettings(target_chars={self.target_chars!r}, max_chars={self.max_chars!r}): "
                             "use whole numbers with 20 <= target_chars <= max_chars")


@dataclass(frozen=True)
class Chunk:
    """A window of whole sentences inside one paragraph, with where it comes from."""

    chunk_id: int
    report: str  # the report's id
    part: str
    section: str
    paragraph: int  # the reader's paragraph number inside its section or part
    seq: int  # the paragraph's place in the report (0 = the header)
    lead: str
    year: int | None  # the year its part is about
    start: int  # character span in the paragraph text
    end: int
    text: str

    @property
    def where(self) -> str:
        return where(self.part, self.section, self.paragraph)

    @property
    def passage_id(self) -> str:
        """A name for the passage that other reports' coming and going never changes (`chunk_id` is its
        place in the library, renumbered by `qa remove`): its report, paragraph and offset, `shanxi-2025#12.250`."""
        return f"{self.report}#{self.seq}.{self.start}"

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, obj: dict) -> Chunk:
        try:
            return cls(**{n: obj[n] for n in _FIELDS})
        except KeyError as e:
            raise ValueError(f"missing field {e.args[0]!r}") from None


_FIELDS = tuple(f.name for f in fields(Chunk))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of `text`, covering it without gaps."""
    return [(m.start(), m.end()) for m in SENTENCE.finditer(text) if m.end() > m.start()]


def _split_long(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """Cut one over-long sentence at clause boundaries (or, failing that, at `limit`) into pieces <= `limit`."""
    pieces, cur = [], start
    for m in CLAUSE.finditer(text, start, end):
        if m.end() - cur > limit and m.start() > cur:
            pieces.append((cur, m.start()))
            cur = m.start()
    pieces.append((cur, end))
    out = []
    for s, e in pieces:
        while e - s > limit:  # a clause with no comma at all
            out.append((s, s + limit))
            s += limit
        out.append((s, e))
    return out


def chunk_paragraph(text: str, settings: ChunkSettings = ChunkSettings()) -> list[tuple[int, int]]:
    """Spans of the chunks of one paragraph: greedy packing of whole sentences."""
    units = []
    for s, e in sentence_spans(text):
        units.extend(_split_long(text, s, e, settings.max_chars) if e - s > settings.max_chars else [(s, e)])
    spans: list[tuple[int, int]] = []
    cur_start = cur_end = None
    for s, e in units:
        if cur_start is None:
            cur_start, cur_end = s, e
        elif e - cur_start <= settings.max_chars and cur_end - cur_start < settings.target_chars:
            cur_end = e
        else:
            spans.append((cur_start, cur_end))
            cur_start, cur_end = s, e
    if cur_start is not None:
        spans.append((cur_start, cur_end))
    return spans


def make_chunks(paragraphs: list[Paragraph], settings: ChunkSettings = ChunkSettings(), first_id: int = 0) -> list[Chunk]:
    """Chunk every paragraph, numbering chunks in reading order from `first_id`."""
    chunks: list[Chunk] = []
    for p in paragraphs:
        for s, e in chunk_paragraph(p.text, settings):
            text = p.text[s:e]
            stripped = text.strip()
            if stripped:
                s += len(text) - len(text.lstrip())
                chunks.append(Chunk(first_id + len(chunks), p.report, p.part, p.section, p.number, p.seq, p.lead,
                                    p.year, s, s + len(stripped), stripped))
    return chunks
