"""Sector stems: whole words, prefixes ("försvar*") and, for the heads of Swedish compounds, infixes
("*försvar*"), read from the Swedish pack."""

from __future__ import annotations

import pytest

from communique import langpack
from communique.sectors import SectorReader


@pytest.fixture(scope="module")
def swedish():
    return SectorReader(langpack.load("sv").sectors)


@pytest.mark.parametrize(
    ("text", "sectors"),
    [
        ("stöd till Ukrainas luftförsvar", ["defense"]),
        ("ett avtal om frihandel och varuhandeln", ["trade"]),
        ("samarbete om kärnenergi och vindenergin", ["energy"]),
        ("gemensam materielanskaffning", ["defense"]),
        ("rymdforskningen vid universitetet", ["education", "science-technology"]),
        ("förhandlingar om livsmedelssäkerhet", ["agriculture"]),  # a prefix wins over an infix
        ("ministrarna träffades i Stockholm", []),
    ],
)
def test_swedish_compound_heads(swedish, text, sectors):
    assert swedish.find(text) == sectors


def test_an_infix_stem_needs_stars_at_both_ends():
    reader = SectorReader({"defense": ["*försvar*"], "trade": ["handel*"]})
    assert reader.find("luftförsvaret") == ["defense"]
    assert reader.find("frihandel") == []  # "handel*" is a prefix only
