"""The exceptions brief raises for input it cannot read; the CLI turns each into one line."""

from __future__ import annotations


class BriefError(Exception):
    """Base of every error brief reports to the user as `brief: <where>: <reason>`."""

    def __init__(self, reason: str, where: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.where = where

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}" if self.where else self.reason


class InputError(BriefError):
    """The input cannot be turned into an article (missing, empty, binary, too large…)."""


class EmptyInput(InputError):
    """The input holds nothing but white space."""


class BinaryInput(InputError):
    """The input is not text."""


class InputTooLarge(InputError):
    """The input is larger than the configured limit."""


def failure_reason(error: Exception) -> str:
    """The one-line reason a file failed: a `BriefError`'s own, or, for a failure that is brief's
    fault and not the file's, a request to report it. A folder's library lists the file with it and
    goes on with the others."""
    if isinstance(error, BriefError):
        return error.reason
    return f"brief failed on this file ({type(error).__name__}): please report it"
