"""Checking a question before it is searched: one place for the CLI and the chat."""

from __future__ import annotations

import re
import unicodedata

MAX_CHARS = 500
MAX_K = 100  # the most passages a caller may ask for
HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^<>]*>")


class QuestionError(ValueError):
    """A question that cannot be searched; `zh` is the message the chat shows."""

    def __init__(self, message: str, zh: str):
        super().__init__(message)
        self.zh = zh


def clean_question(text: str | None) -> str:
    """Return the question ready to search, or raise QuestionError saying what to change.

    Control characters are dropped; a question must contain at least one letter or digit
    (punctuation- or emoji-only input has nothing to search for) and be at most MAX_CHARS long.
    """
    text = (text or "").replace("\r", " ").replace("\n", " ").replace("\t", " ")
    cleaned = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C").strip()
    if not cleaned:
        raise QuestionError("the question is empty; type a question, e.g. 吉县去年GDP增长了多少？",
                            "请输入一个问题，例如：吉县去年GDP增长了多少？")
    if len(cleaned) > MAX_CHARS:
        raise QuestionError(f"the question has {len(cleaned)} characters; the limit is {MAX_CHARS}. "
                            "Shorten it to one question.",
                            f"问题太长了（{len(cleaned)} 个字符，上限 {MAX_CHARS}），请缩短为一个具体的问题。")
    if HTML_TAG.search(cleaned):
        raise QuestionError("the question contains HTML markup; ask in plain words, e.g. 壶口景区去年接待了多少游客？",
                            "问题里含有网页代码（HTML 标签），请用普通文字提问，例如：壶口景区去年接待了多少游客？")
    if not any(unicodedata.category(ch)[0] in "LN" for ch in cleaned):
        raise QuestionError("the question has no letters or digits to search for; ask in words, "
                            "e.g. 今年的GDP目标是多少？",
                            "问题里没有可以检索的文字，请用文字提问，例如：今年的GDP目标是多少？")
    return cleaned
