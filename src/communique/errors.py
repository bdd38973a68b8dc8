"""One exception tree for everything communique raises on purpose."""

# Line breaks and other control characters in a message (from a file name, a parser's complaint) are
# written as escapes, so every error stays one line on a terminal and in a log.
_ESCAPES = {code: repr(chr(code))[1:-1] for code in [*range(32), 0x7F, 0x85, 0x2028, 0x2029]}


def one_line(text: str) -> str:
    """`text` with line breaks and control characters written as escapes (\\n, \\x1b, \\u2028)."""
    return text.translate(_ESCAPES)


class CommuniqueError(Exception):
    """Base class: the message is one line a user can act on."""

    def __str__(self) -> str:
        return one_line(super().__str__())


class InputError(CommuniqueError):
    """An input file cannot be read as an article (empty, binary, too large, undecodable)."""

    def __init__(self, path: str | None, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(f"{path or '<stdin>'}: {reason}")


class UnsupportedLanguageError(InputError):
    """The article is in a language no language pack covers."""


class DataError(CommuniqueError):
    """A bundled or user-supplied data file (language pack, dictionary, gold) is malformed."""


class PipelineError(CommuniqueError):
    """The stages of a pipeline are in an order that cannot work."""


class StoreError(CommuniqueError):
    """The event database cannot be opened, read or written."""


class NotFoundError(StoreError):
    """The store has no event, actor or document with the id asked for."""
