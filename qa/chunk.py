"""Paragraphs -> sentence-aware chunks: the unit a citation shows."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from qa.structure import Paragraph

# A sentence ends at 。！？；!?; (a `.` is never an end: it sits inside numbers like 11.8%).
SENTENCE = re.compile(r"[^。！？；!?;]*[。！？；!?;]+[”’」』)]*|[^。！？；!?;]+$")
# Where an over-long sentence may be cut: after a comma or an enumeration comma.
CLAUSE = re.compile(r"[^,，、]*[,，、]|[^,，、]+$")


@dataclass(frozen=True)
class ChunkSettings:
    """How paragraphs are cut; recorded in the index manifest."""

    target_chars: int = 250
    max_chars: int = 350
    hard_max_chars: int = 600


@dataclass(frozen=True)
class Chunk:
    """A window of whole sentences inside one paragraph, with where it comes from."""

    chunk_id: int
    doc_title: str
    part: str
    section: str
    paragraph: int
    lead: str
    start: int  # character span in the paragraph text
    end: int
    text: str

    @property
    def where(self) -> str:
        crumbs = [c for c in (self.part, self.section) if c]
        return " › ".join(crumbs + [f"第{self.paragraph}段"])

    def to_json(self) -> dict:
        return asdict(self)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of `text`, covering it without gaps."""
    return [(m.start(), m.end()) for m in SENTENCE.finditer(text) if m.end() > m.start()]


def _split_long(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """Cut one over-long sentence at clause boundaries so no piece exceeds `limit`."""
    pieces, cur = [], start
    for m in CLAUSE.finditer(text, start, end):
        if m.end() - cur > limit and m.start() > cur:
            pieces.append((cur, m.start()))
            cur = m.start()
    pieces.append((cur, end))
    return pieces


def chunk_paragraph(p: Paragraph, settings: ChunkSettings = ChunkSettings()) -> list[tuple[int, int]]:
    """Spans of the chunks of one paragraph: greedy packing of whole sentences."""
    units = []
    for s, e in sentence_spans(p.text):
        units.extend(_split_long(p.text, s, e, settings.max_chars) if e - s > settings.max_chars else [(s, e)])
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


def make_chunks(paragraphs: list[Paragraph], settings: ChunkSettings = ChunkSettings()) -> list[Chunk]:
    """Chunk every paragraph, numbering chunks in reading order."""
    chunks = []
    for p in paragraphs:
        for s, e in chunk_paragraph(p, settings):
            text = p.text[s:e].strip()
            if text:
                chunks.append(Chunk(len(chunks), p.doc_title, p.part, p.section, p.number, p.lead, s, e, text))
    return chunks
