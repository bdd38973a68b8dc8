"""communique: structured, verifiable diplomatic event data from Swedish and English news."""

from .errors import CommuniqueError, DataError, InputError, UnsupportedLanguageError
from .model import SCHEMA_VERSION, Document
from .pipeline import Pipeline, extract
from .settings import Settings

__all__ = [
    "SCHEMA_VERSION",
    "CommuniqueError",
    "DataError",
    "Document",
    "InputError",
    "Pipeline",
    "Settings",
    "UnsupportedLanguageError",
    "extract",
]
__version__ = "0.1.0"
