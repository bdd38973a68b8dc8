"""The object of a visit verb is the host ("besökte Finland", "visited Finland"), as the object of a visit
noun's preposition is ("besök i Laos"). Sentences written for the test."""

from __future__ import annotations

import pytest

import communique

CASES = [
    ("sv", "Statsminister Ulf Kristersson besökte Finland den 3 mars 2025.", ["SWE"], ["FIN"]),
    ("sv", "Laos premiärminister Sonexay Siphandone besöker Vietnam den 9-11 oktober 2025.", ["LAO"], ["VNM"]),
    ("sv", "Utrikesminister Maria Malmer Stenergard besökte Litauen i maj 2025.", ["SWE"], ["LTU"]),
    ("en", "Prime Minister Ulf Kristersson of Sweden visited Finland on 3 March 2025.", ["SWE"], ["FIN"]),
]


@pytest.mark.parametrize(("language", "sentence", "visitor", "host"), CASES, ids=lambda v: str(v)[:30])
def test_the_object_of_a_visit_verb_is_the_host(language, sentence, visitor, host):
    doc = communique.extract(sentence, language=language)
    visits = [e for e in doc.events if e.mode == "visit"]
    assert len(visits) == 1
    assert (visits[0].actor_country, visits[0].recipient_country) == (visitor, host)
    assert visits[0].location is not None and visits[0].location.country == host[0]


def test_a_visit_noun_still_needs_its_preposition():
    """'besöket' followed by a name is no destination: the visit noun's host comes after i/till/hos."""
    doc = communique.extract(
        "Statsbesöket av Finlands president Alexander Stubb i Sverige inleddes på tisdagen.", language="sv"
    )
    visits = [e for e in doc.events if e.mode == "visit"]
    assert visits and visits[0].actor_country == ["FIN"] and visits[0].recipient_country == ["SWE"]
