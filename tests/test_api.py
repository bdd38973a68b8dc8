"""The Python API: communique.open(db) -> typed records, on both backends."""

from pathlib import Path

import communique

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "sv"


def test_open_ingest_and_query_typed_records(db_url):
    with communique.open(db_url) as db:
        summary = db.ingest(
            str(EXAMPLES / "04_vietnam_sydkorea_statsbesok.txt"),
            str(EXAMPLES / "15_vietnam_kambodja_officiellt_besok.txt"),
        )
        assert (summary.read, summary.new, summary.failed) == (2, 2, 0)
        visits = db.events(event_type="CONSULT", country="KOR")
        assert visits and all(isinstance(e, communique.EventRecord) for e in visits)
        assert all("KOR" in e.actor_country + e.recipient_country for e in visits)
        one = db.event(visits[0].id)
        assert one.evidence and one.evidence[0]["text"]
        people = db.actors(name="To Lam")
        assert people and isinstance(people[0], communique.ActorRecord) and people[0].events >= 2
        again = db.ingest(str(EXAMPLES / "04_vietnam_sydkorea_statsbesok.txt"))
        assert (again.new, again.duplicate) == (0, 1)
