"""The public API is what `communique/__init__.py` exports: pinned, so a change is deliberate."""

from __future__ import annotations

import pytest

import communique

PUBLIC = {
    "SCHEMA_VERSION",
    "CommuniqueError",
    "DataError",
    "Document",
    "InputError",
    "Pipeline",
    "Settings",
    "UnsupportedLanguageError",
    "extract",
    "ActorRecord",
    "Database",
    "EventRecord",
    "StoreError",
    "open",
}


def test_all_is_pinned():
    assert set(communique.__all__) == PUBLIC
    assert len(communique.__all__) == len(PUBLIC)


@pytest.mark.parametrize("name", sorted(PUBLIC))
def test_name_is_importable(name):
    namespace: dict = {}
    exec(f"from communique import {name}", namespace)
    assert namespace[name] is getattr(communique, name)


def test_errors_share_one_base():
    for name in ("DataError", "InputError", "UnsupportedLanguageError"):
        assert issubclass(getattr(communique, name), communique.CommuniqueError)


def test_schema_version_is_the_contract():
    assert communique.SCHEMA_VERSION == "communique/1"


def test_extract_returns_a_document():
    doc = communique.extract("Generalsekreterare To Lam besökte Laos den 1 december 2025.", language="sv")
    assert isinstance(doc, communique.Document)
    assert doc.to_dict()["schema"] == communique.SCHEMA_VERSION
