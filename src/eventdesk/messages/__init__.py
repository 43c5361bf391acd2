"""Codes + parameters -> sentences, in the chosen language, for the UI and the CLI alike.

Services and actions raise domain errors and return results that carry a stable `code` and
parameters; this package is the only place that turns them into words. (Skeleton: `describe`
falls back to an error's own message until every error carries a code; see the catalogues.)
"""

from __future__ import annotations


def describe(exc: BaseException) -> str:
    """One sentence for a person about `exc`, in the current language. Never a traceback."""
    message = getattr(exc, "message", None)
    if isinstance(message, str) and message:
        return message
    return f"意外错误：{exc.__class__.__name__}"
