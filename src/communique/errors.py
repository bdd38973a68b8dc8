"""One exception tree for everything communique raises on purpose."""


class CommuniqueError(Exception):
    """Base class: the message is one line a user can act on."""


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
