"""The one base error for everything a user can cause, and its kinds."""

from __future__ import annotations


class UserError(Exception):
    """Bad input a user can fix: the message names the problem and the fix.

    The CLI prints `message` and exits 2; the chat shows `zh`, a friendly Chinese version.
    """

    def __init__(self, message: str, zh: str | None = None):
        super().__init__(message)
        self.zh = zh or f"出错了：{message}"


class QuestionError(UserError):
    """A question that cannot be searched (empty, too long, markup, nothing to search for)."""


class SettingsError(UserError):
    """k, mode, engine or report out of range or unknown; the message lists what is allowed."""


class SourceError(UserError):
    """A report file that cannot be read as a report."""


class IndexLoadError(UserError):
    """An index folder that cannot be used as it is."""


class EvalInputError(UserError):
    """A question file for `qa eval` that cannot be used; the message names file and line."""
