"""Event store benchmark: ingest throughput into SQLite, and query latency on a large generated store.

    .venv/bin/python bench/bench_store.py                     # 300 docs ingested, 1,000,000-event store
    .venv/bin/python bench/bench_store.py --events 200000 --docs 100
    .venv/bin/python bench/bench_store.py --keep /tmp/bench-store --docs 0 --analyze --sql extra.sql --impl new.py
    .venv/bin/python bench/bench_store.py --keep /tmp/bench-store --docs 0 --shapes text,text_rare --against old.py

1. Ingest: N generated ~4 KB Swedish articles (bench/generate_corpus.py) are written to a temporary folder
   and ingested with `communique.ingest.ingest([folder], Store(url), Pipeline())` into a fresh SQLite file,
   in this one process, after a short warm-up of the pipeline on other articles. Reported: docs/s,
   events/s, docs per CPU second, and how the time splits between extraction (`Pipeline.process`) and the
   rest (reading, dedup, store, clustering). Target >= 80 docs/s per core.
2. Generated store: `Store(url)` creates the real schema (migrations run), the secondary indexes of
   `schema.INDEXES` are dropped, rows are streamed in with sqlite3 `executemany` (one day of news at a time),
   and the same indexes are created again from their SQLAlchemy definitions. Distributions: ~200 sovereign
   states with a few very common dyads (VNM-LAO, VNM-KHM, USA-CHN, ...), ~5,000 actors (the project's actor
   dictionary plus generated persons; about 60% with a Wikidata QID), PLOVER types at diplomatic-news
   frequencies, 2015-01-01..2026-06-30 with volume growing over time, 1-3 sectors per event, clusters of
   geometric size (mean 3) keyed like `store.clustering` (type, mode, modality, dyad, date window), documents
   of 1-9 events (mean 5) whose short text is made of the events' evidence sentences. `mentions` and
   `document_bands` (used only while ingesting) and the MinHash column are left empty to keep the file small.
3. Queries: every filter shape of `communique events`, for clusters=True (the default CLI view) and
   clusters=False (--mentions), through `find_events(conn, EventFilter(...), clusters=...)` with the default
   limit 100: 3 warm-up calls, then --runs calls (default 30) with varied parameter values; p50/p95 in ms.
   Target p95 < 50 ms. Also `get_event` on clusters and single events, and `list_actors`.
   Slow shapes stop after --budget-s seconds (at least 5 timed calls) so the default run stays near 10 minutes;
   the number of calls is reported. Statements per call are counted; for each MISS the EXPLAIN QUERY PLAN of
   the call's slowest statement is printed.
   `--text RARE` uses words found in few generated events or none (without an index each reads every event).
   --shapes times some shapes only.
4. Proposals: --analyze and --sql FILE change a scratch copy of the generated store (ANALYZE, an index, an FTS
   table), --impl FILE times another find_events/get_event/list_actors; with --keep the store is built once (a
   kept store made before migration 0003 gets its text index the first time it is opened, in about 30-90 s).
   --against FILE times the find_events of FILE too, call by call just before the project's, so that both see
   the same machine load (an old version of queries.py gives before/after figures from one run).

Targets are reported as PASS or MISS; the benchmark always exits 0 unless it crashes.
The last line of output is one JSON object for machines.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from bisect import bisect
from datetime import date, timedelta
from importlib import resources
from itertools import accumulate
from pathlib import Path

import yaml
from sqlalchemy import event as sa_event
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.schema import CreateIndex

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_extract import cpu_model, peak_mb, rss_mb  # noqa: E402  (one machine report for both benchmarks)

from communique import dictionary  # noqa: E402
from communique.store import EventFilter, Store, digests, schema, summaries  # noqa: E402
from communique.store.clustering import dyad_key  # noqa: E402
from communique.store.queries import find_events, get_event, list_actors  # noqa: E402

TARGET_INGEST_DOCS_PER_S = 80.0
TARGET_P95_MS = 50.0
MIN_CALLS = 5  # timed calls of a shape even when it runs past its time budget

FIRST_DAY = date(2015, 1, 1)
LAST_DAY = date(2026, 6, 30)

# (event_type, mode, cameo, rule, weight): PLOVER types at the frequencies of diplomatic news
TYPES = [
    ("CONSULT", "meeting", "040", "sv.consult.meeting", 15.0),
    ("CONSULT", "visit", "042", "sv.consult.visit.verb", 11.0),
    ("CONSULT", "phone", "040", "sv.consult.phone", 6.0),
    ("CONSULT", "multilateral", "040", "sv.consult.multilateral", 3.0),
    ("AGREE", None, "030", "sv.agree", 9.0),
    ("AGREE", "invite", "030", "sv.agree.invite", 3.5),
    ("AGREE", "accept", "030", "sv.agree.accept", 1.5),
    ("AGREE", "statement", "030", "sv.agree.statement", 3.0),
    ("AGREE", "upgrade", "030", "sv.agree.upgrade", 1.0),
    ("AGREE", "aid", "033", "sv.agree.aid_offer", 2.0),
    ("SUPPORT", None, "051", "sv.support.praise", 8.0),
    ("SUPPORT", "sign", "057", "sv.support.sign", 5.0),
    ("COOPERATE", None, "061", "sv.cooperate", 7.0),
    ("AID", None, "070", "sv.aid.give", 5.0),
    ("REQUEST", None, "100", "sv.request", 4.0),
    ("ACCUSE", None, "111", "sv.accuse", 3.0),
    ("REJECT", None, "120", "sv.reject", 2.5),
    ("THREATEN", None, "130", "sv.threaten", 1.5),
    ("SANCTION", None, "160", "sv.sanction", 1.2),
    ("PROTEST", None, "140", "sv.protest", 1.0),
    ("RETREAT", None, "087", "sv.retreat", 0.6),
    ("CONCEDE", None, "080", "sv.concede", 0.4),
    ("MOBILIZE", None, "150", "sv.mobilize", 0.3),
    ("COERCE", None, "170", "sv.coerce", 0.3),
    ("ASSAULT", None, "180", "sv.assault", 0.2),
]
MODALITIES = [("asserted", 86), ("future", 7), ("historical", 3), ("negated", 2), ("hypothetical", 2)]
SECTORS = [
    ("politics", 14),
    ("economy", 12),
    ("trade", 11),
    ("defense", 7),
    ("security", 7),
    ("investment", 6),
    ("energy", 5),
    ("education", 4),
    ("culture", 4),
    ("health", 4),
    ("infrastructure", 4),
    ("agriculture", 3),
    ("environment", 3),
    ("science-technology", 3),
    ("digital", 3),
    ("transport", 3),
    ("tourism", 2),
    ("finance", 2),
    ("people-to-people", 2),
    ("labor", 1.5),
    ("justice", 1.5),
    ("media", 1),
    ("sport", 0.7),
    ("information", 0.3),
]
SECTOR_WORDS = {
    "politics": "politisk dialog",
    "economy": "ekonomiskt samarbete",
    "trade": "handel",
    "defense": "försvar",
    "security": "säkerhet",
    "investment": "investeringar",
    "energy": "energi",
    "education": "utbildning",
    "culture": "kulturutbyte",
    "health": "hälso- och sjukvård",
    "infrastructure": "infrastruktur",
    "agriculture": "jordbruk",
    "environment": "klimat",
    "science-technology": "forskning och innovation",
    "digital": "digital omställning",
    "transport": "sjöfart",
    "tourism": "turism",
    "finance": "bankväsende",
    "people-to-people": "folkutbyte",
    "labor": "arbetskraftsmigration",
    "justice": "rättsligt samarbete",
    "media": "journalistutbyte",
    "sport": "idrott",
    "information": "informationsutbyte",
}
# (a, b, weight): the dyads Swedish news about South-East Asia and Europe reports most
HOT_DYADS = [
    ("VNM", "LAO", 8),
    ("VNM", "KHM", 4),
    ("VNM", "CHN", 4),
    ("USA", "CHN", 3),
    ("SWE", "FIN", 3),
    ("RUS", "UKR", 3),
    ("SWE", "NOR", 2),
    ("VNM", "USA", 2),
    ("VNM", "JPN", 2),
    ("CHN", "RUS", 2),
    ("SWE", "UKR", 2),
    ("LAO", "CHN", 1),
    ("KOR", "PRK", 1),
    ("USA", "UKR", 1),
    ("SWE", "DNK", 1),
    ("VNM", "KOR", 1),
    ("LAO", "KHM", 1),
    ("SWE", "DEU", 1),
]
HOT_COUNTRIES = [
    "VNM",
    "SWE",
    "CHN",
    "USA",
    "LAO",
    "RUS",
    "UKR",
    "KHM",
    "JPN",
    "KOR",
    "FIN",
    "NOR",
    "DEU",
    "FRA",
    "GBR",
    "IND",
    "THA",
    "IDN",
    "DNK",
    "PRK",
    "SGP",
    "MYS",
    "PHL",
    "AUS",
    "TUR",
    "POL",
    "ISR",
    "IRN",
    "BRA",
    "CUB",
]
TEMPLATES = {
    ("CONSULT", "meeting"): [
        "{A} träffade {B} i {CAP} för samtal om {S}.",
        "{A} och {B} höll samtal om {S} och den regionala säkerheten.",
        "{A} tog emot {B} och de två diskuterade {S}.",
    ],
    ("CONSULT", "visit"): [
        "{A} inledde ett officiellt besök i {BC} på inbjudan av {B}.",
        "{A} anlände till {CAP} för ett statsbesök i {BC}.",
        "Under besöket i {BC} lade {A} ned en krans vid monumentet.",
    ],
    ("CONSULT", "phone"): [
        "{A} hade ett telefonsamtal med {B} om {S}.",
        "I ett telefonsamtal med {B} betonade {A} vikten av {S}.",
    ],
    ("CONSULT", "multilateral"): ["{A} och {B} möttes vid sidan av toppmötet för att diskutera {S}."],
    ("AGREE", None): [
        "{A} och {B} enades om att stärka samarbetet inom {S}.",
        "Parterna kom överens om att utöka {S} mellan {AC} och {BC}.",
    ],
    ("AGREE", "invite"): ["{A} bjöd in {B} att besöka {AC} vid en lämplig tidpunkt."],
    ("AGREE", "accept"): ["{A} tackade ja till inbjudan att besöka {BC}."],
    ("AGREE", "statement"): ["{A} och {B} antog ett gemensamt uttalande om {S}."],
    ("AGREE", "upgrade"): ["{AC} och {BC} uppgraderade förbindelserna till ett omfattande strategiskt partnerskap."],
    ("AGREE", "aid"): ["{A} sade att {AC} är redo att bistå {BC} inom {S}."],
    ("SUPPORT", None): [
        "{A} uppskattade {BC}s stöd och tackade {B} för samarbetet inom {S}.",
        "{A} gratulerade {B} till framgångarna inom {S}.",
    ],
    ("SUPPORT", "sign"): [
        "I närvaro av {A} och {B} undertecknades flera avtal om {S}.",
        "{A} och {B} bevittnade undertecknandet av en överenskommelse om {S}.",
    ],
    ("COOPERATE", None): ["{AC} och {BC} samarbetar sedan länge inom {S}."],
    ("AID", None): ["{AC} beviljade {BC} bistånd på 20 miljoner dollar till {S}."],
    ("REQUEST", None): ["{A} uppmanade {B} att fördjupa samarbetet inom {S}."],
    ("ACCUSE", None): ["{A} anklagade {BC} för att undergräva {S}."],
    ("REJECT", None): ["{A} avvisade {BC}s förslag om {S}."],
    ("THREATEN", None): ["{A} hotade {BC} med motåtgärder inom {S}."],
    ("SANCTION", None): ["{AC} införde sanktioner mot {BC} som rör {S}."],
    ("PROTEST", None): ["{A} protesterade mot {BC}s agerande."],
    ("RETREAT", None): ["{AC} drog tillbaka sin ambassadör från {BC}."],
    ("CONCEDE", None): ["{A} gick med på {BC}s krav om {S}."],
    ("MOBILIZE", None): ["{AC} satte sina styrkor i beredskap vid gränsen mot {BC}."],
    ("COERCE", None): ["{AC} utvisade diplomater från {BC}."],
    ("ASSAULT", None): ["{AC} anklagas för attacker mot {BC}s fartyg."],
}
LEADS = [
    "Nyheter i korthet från utrikesredaktionen.",
    "Diplomatiska kontakter under veckan.",
    "Utrikes: samarbete, besök och avtal.",
    "Rapport från huvudstäderna.",
]
# words for --text: frequent, middling and rare in the templates, one with a non-ASCII first letter
# words that occur in a few generated events or in none: without an index each one reads every event
RARE_WORDS = ["avtalet", "jordbävning", "kvantdator", "vulkanutbrott", "valutaswap"]
TEXT_WORDS = [
    "samarbetet",
    "telefonsamtal",
    "besök",
    "avtal",
    "handel",
    "säkerhet",
    "krans",
    "sanktioner",
    "ambassadör",
    "bistånd",
    "uttalande",
    "partnerskap",
    "överenskommelse",
    "gratulerade",
    "diplomater",
    "beredskap",
    "inbjudan",
    "toppmötet",
    "klimat",
    "turism",
    "monumentet",
    "undertecknades",
    "regionala",
    "förslag",
    "motåtgärder",
    "idrott",
    "sjöfart",
    "fartyg",
    "strategiskt partnerskap",
    "Överens",
    "jordbruk",
    "kulturutbyte",
    "finns-inte-ordet",
]


def cumulative(weights):
    return list(accumulate(weights))


def log(message: str) -> None:
    print(f"[bench_store {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


# ------------------------------------------------------------------------------------------------ ingest


def measure_ingest(n_docs: int, seed: int, workdir: Path) -> dict:
    from generate_corpus import generate

    from communique.ingest import ingest
    from communique.pipeline import Pipeline

    log(f"ingest: generating {n_docs} articles")
    warm_n = 5
    texts = generate(n_docs + warm_n, seed)
    warm, texts = texts[: n_docs + warm_n][-warm_n:], texts[:n_docs]
    folder = workdir / "articles"
    folder.mkdir()
    for i, text in enumerate(texts):
        (folder / f"article_{i:05d}.txt").write_text(text, encoding="utf-8")
    sizes = [len(t.encode("utf-8")) for t in texts]
    db_path = workdir / "ingest.db"
    pipeline = Pipeline()
    for text in warm:  # resources and lazily loaded models, not stored
        pipeline.process_text(text)
    extract_s = [0.0, 0.0]  # wall, CPU
    process = pipeline.process

    def timed_process(doc):
        t, c = time.perf_counter(), time.process_time()
        try:
            return process(doc)
        finally:
            extract_s[0] += time.perf_counter() - t
            extract_s[1] += time.process_time() - c

    pipeline.process = timed_process  # instance attribute: times extraction inside ingest
    store = Store(f"sqlite:///{db_path}")
    counter = StatementCounter(store.engine)
    log(f"ingest: {n_docs} articles into a fresh SQLite file")
    cpu0, t0 = time.process_time(), time.perf_counter()
    summary = ingest([str(folder)], store, pipeline)
    store.close()  # timed: it indexes the sentences of the last batch (store.text_index)
    wall = time.perf_counter() - t0
    cpu = time.process_time() - cpu0
    docs = summary.new + summary.near_duplicate
    result = {
        "docs": summary.read,
        "stored": docs,
        "near_duplicate": summary.near_duplicate,
        "failed": summary.failed,
        "events": summary.events,
        "mean_doc_bytes": round(statistics.mean(sizes)),
        "wall_s": round(wall, 3),
        "docs_per_s": round(summary.read / wall, 1),
        "events_per_s": round(summary.events / wall, 1),
        "docs_per_cpu_s": round(summary.read / cpu, 1) if cpu else None,
        "extract_share": round(extract_s[0] / wall, 3),
        "extract_ms_per_doc": round(extract_s[0] / max(summary.read, 1) * 1000, 2),
        "store_ms_per_doc": round((wall - extract_s[0]) / max(summary.read, 1) * 1000, 2),
        "extract_cpu_ms_per_doc": round(extract_s[1] / max(summary.read, 1) * 1000, 2),
        "store_cpu_ms_per_doc": round((cpu - extract_s[1]) / max(summary.read, 1) * 1000, 2),
        "sql_per_doc": round(counter.count / max(summary.read, 1), 1),
        "db_mb": round(db_size(db_path) / 1e6, 2),
    }
    result["target"] = "PASS" if result["docs_per_s"] >= TARGET_INGEST_DOCS_PER_S else "MISS"
    return result


def db_size(path: Path) -> int:
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists())


# ------------------------------------------------------------------------------------------------ store


class Generator:
    """Streams a realistic store, one day of news at a time."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.countries = self._countries()
        self.iso = list(self.countries)
        self.actors: list[tuple] = []  # rows for the actors table
        self.country_actor: dict[str, int] = {}
        self.roster: dict[str, tuple[list[int], list[float]]] = {}
        self.names: dict[int, str] = {}  # actor id -> name used in the sentences
        self._actors()
        rank = {c: i for i, c in enumerate(HOT_COUNTRIES)}
        order = sorted(self.iso, key=lambda c: (rank.get(c, len(rank)), self.rng.random()))
        self.country_order = order
        self.country_cum = cumulative([1 / (i + 3) ** 1.05 for i in range(len(order))])
        self.dyads = [(a, b) for a, b, _ in HOT_DYADS]
        self.dyad_cum = cumulative([w for _, _, w in HOT_DYADS])
        self.type_cum = cumulative([t[-1] for t in TYPES])
        self.modality_cum = cumulative([w for _, w in MODALITIES])
        self.sector_cum = cumulative([w for _, w in SECTORS])
        self.org_ids = [i for i, row in enumerate(self.actors, 1) if row[2] == "organization"]
        self.org_cum = cumulative([1 / (i + 1) for i in range(len(self.org_ids))])
        self.next_cluster = 1

    def _countries(self) -> dict[str, tuple[str, str, str]]:
        """iso3 -> (English name, Swedish name, Swedish capital) for the sovereign states."""
        base = yaml.load(
            resources.files("communique").joinpath("data", "countries.yaml").read_text("utf-8"), Loader=yaml.CSafeLoader
        )
        sv = yaml.load(
            resources.files("communique").joinpath("lang", "sv", "countries.yaml").read_text("utf-8"),
            Loader=yaml.CSafeLoader,
        )
        out = {}
        for iso3, v in base.items():
            s = sv.get(iso3) or {}
            if v.get("sovereign") and s.get("names"):
                out[iso3] = (v["name_en"], s["names"][0], s.get("capital") or s["names"][0])
        return out

    def _actors(self) -> None:
        rng = self.rng
        d = dictionary.load()
        rows = []
        qids = set()

        def qid() -> str:
            while True:
                q = f"Q{rng.randrange(1000, 130_000_000)}"
                if q not in qids:
                    qids.add(q)
                    return q

        for iso3, (name, _, _) in self.countries.items():
            rows.append((f"country:{iso3}", name, "country", iso3, "GOV", None, "[]"))
            self.country_actor[iso3] = len(rows)
        persons: dict[str, list[int]] = {c: [] for c in self.countries}
        seen = set()
        for p in d.persons.values():
            if p.country not in self.countries or (p.name, p.country) in seen:
                continue
            seen.add((p.name, p.country))
            titles = json.dumps(sorted({o.title for o in p.offices})[:2])
            wd = p.wikidata or (qid() if rng.random() < 0.6 else None)
            key = f"person:{wd}" if wd else f"person:{dictionary.slug(p.name)}:{p.country}"
            rows.append((key, p.name, "person", p.country, p.sector or "GOV", wd, titles))
            persons[p.country].append(len(rows))
        orgs = []
        for o in d.organizations.values():
            wd = o.wikidata or (qid() if rng.random() < 0.7 else None)
            key = f"organization:{wd}" if wd else f"organization:{dictionary.slug(o.name)}:{o.country or '-'}"
            orgs.append((key, o.name, "organization", o.country, o.sector or "IGO", wd, "[]"))
        firsts = sorted({p.name.split()[0] for p in d.persons.values() if " " in p.name})
        lasts = sorted({p.name.split()[-1] for p in d.persons.values() if " " in p.name})
        n_persons = 5000 - len(self.countries) - len(orgs)
        countries = list(self.countries)
        titles = [
            "Minister",
            "Deputy Prime Minister",
            "Ambassador",
            "Minister of Trade",
            "Minister of Defence",
            "Deputy Foreign Minister",
            "Speaker",
            "Governor",
            "Secretary General",
            "Vice President",
        ]
        while len(rows) - len(self.countries) < n_persons:
            name = f"{rng.choice(firsts)} {rng.choice(lasts)}"
            iso3 = rng.choice(countries)
            if (name, iso3) in seen:
                continue
            seen.add((name, iso3))
            wd = qid() if rng.random() < 0.6 else None
            key = f"person:{wd}" if wd else f"person:{dictionary.slug(name)}:{iso3}"
            rows.append((key, name, "person", iso3, "GOV", wd, json.dumps([rng.choice(titles)])))
            persons[iso3].append(len(rows))
        rows.extend(orgs)
        self.actors = rows
        for iso3, ids in persons.items():  # leaders (the dictionary's persons) first: most mentioned
            self.roster[iso3] = (ids, cumulative([1 / (i + 1) ** 1.3 for i in range(len(ids))]))
        for i, row in enumerate(rows, 1):
            self.names[i] = self.countries[row[3]][1] if row[2] == "country" else row[1]

    # -- one happening and its reports

    def _country(self) -> str:
        return self.country_order[bisect(self.country_cum, self.rng.random() * self.country_cum[-1])]

    def _dyad(self) -> tuple[str, str]:
        r = self.rng.random()
        if r < 0.35:
            a, b = self.dyads[bisect(self.dyad_cum, self.rng.random() * self.dyad_cum[-1])]
        elif r < 0.5:
            a, b = "SWE", self._country()
        else:
            a, b = self._country(), self._country()
        while a == b:
            b = self._country()
        return (a, b) if self.rng.random() < 0.5 else (b, a)

    def _side(self, iso3: str) -> list[int]:
        rng = self.rng
        ids, cum = self.roster[iso3]
        out = []
        if rng.random() < 0.5 or not ids:
            out.append(self.country_actor[iso3])
        if ids and (not out or rng.random() < 0.6):
            out.append(ids[bisect(cum, rng.random() * cum[-1])])
            if rng.random() < 0.1:
                other = ids[bisect(cum, rng.random() * cum[-1])]
                if other not in out:
                    out.append(other)
        return out

    def happening(self, day: date | None) -> list[dict]:
        rng = self.rng
        t = TYPES[bisect(self.type_cum, rng.random() * self.type_cum[-1])]
        event_type, mode, cameo, rule, _ = t
        modality = MODALITIES[bisect(self.modality_cum, rng.random() * self.modality_cum[-1])][0]
        a, b = self._dyad()
        partial = rng.random() < 0.08
        span = rng.choice((1, 2, 3)) if mode == "visit" and rng.random() < 0.4 else 0
        n_sectors = rng.choice((1, 1, 2, 2, 3))
        pool = []
        while len(pool) < n_sectors:
            s = SECTORS[bisect(self.sector_cum, rng.random() * self.sector_cum[-1])][0]
            if s not in pool:
                pool.append(s)
        located = rng.random() < 0.35
        size = 1
        while rng.random() < 2 / 3 and size < 200:  # geometric, mean 3
            size += 1
        members = []
        for _ in range(size):
            actor = self._side(a)
            recipient = [] if partial else self._side(b)
            if rng.random() < 0.05:
                org = self.org_ids[bisect(self.org_cum, rng.random() * self.org_cum[-1])]
                recipient.append(org)
            if day is None or rng.random() < 0.03:
                start = end = None
            else:
                start = day + timedelta(rng.choice((0, 0, 0, 1)) if span else 0)
                end = start + timedelta(span)
            sectors = rng.sample(pool, rng.randint(1, len(pool)))
            template = rng.choice(TEMPLATES[(event_type, mode)])
            text = template.format(
                A=self.names[actor[0]],
                B=self.names[recipient[0]] if recipient else "parten",
                AC=self.countries[a][1],
                BC=self.countries[b][1],
                CAP=self.countries[b][2],
                S=SECTOR_WORDS[sectors[0]],
            )
            members.append(
                {
                    "event_type": event_type,
                    "mode": mode,
                    "cameo": cameo,
                    "rule": rule,
                    "modality": modality,
                    "actor": actor,
                    "recipient": recipient,
                    "actor_country": [a],
                    "recipient_country": [] if partial else [b],
                    "start": start.isoformat() if start else None,
                    "end": end.isoformat() if end else None,
                    "location": (self.countries[b][2], b) if located else None,
                    "sectors": sectors,
                    "text": text,
                }
            )
        dated = [m["start"] for m in members if m["start"]]
        cluster = (
            self.next_cluster,
            event_type,
            mode,
            modality,
            dyad_key(event_type, mode, [a], [] if partial else [b]),
            min(dated) if dated else None,
            max(m["end"] for m in members if m["end"]) if dated else None,
            b if located else None,
            size,
        )
        self.next_cluster += 1
        for m in members:
            m["cluster"] = cluster
        return members


INSERTS = {
    "documents": "INSERT INTO documents (id, origin, path, source_url, title, language, published, text, "
    "near_duplicate_of, minhash, ingested_at) VALUES (?, ?, ?, ?, ?, 'sv', ?, ?, NULL, NULL, ?)",
    "clusters": "INSERT INTO clusters (id, event_type, mode, modality, dyad, date_start, date_end, "
    "location_country, size) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "events": "INSERT INTO events (id, document_id, cluster_id, event_type, mode, context, actor, recipient, "
    "actor_country, recipient_country, date_start, date_end, location_name, location_country, modality, "
    "sectors, quantities, cameo, text, confidence, link, rules) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?)",
    "event_actors": "INSERT INTO event_actors (event_id, actor_id, role, date_start, event_type)"
    " VALUES (?, ?, ?, ?, ?)",
    "event_countries": "INSERT INTO event_countries (event_id, country, role, date_start, event_type)"
    " VALUES (?, ?, ?, ?, ?)",
    "event_sectors": "INSERT INTO event_sectors (event_id, sector, date_start, event_type) VALUES (?, ?, ?, ?)",
    "evidence": 'INSERT INTO evidence (event_id, document_id, start, "end") VALUES (?, ?, ?, ?)',
}
CONTEXT = {
    "AID": '["economic"]',
    "SANCTION": '["economic"]',
    "MOBILIZE": '["military"]',
    "ASSAULT": '["military"]',
    "COERCE": '["military"]',
}


# what the writer keeps on each actor (list_actors sorts by it; a name query weighs its actors by it)
ACTOR_EVENTS = "UPDATE actors SET events = (SELECT count(*) FROM event_actors WHERE actor_id = actors.id)"


def build_store(path: Path, n_events: int, seed: int) -> dict:
    url = f"sqlite:///{path}"
    t0 = time.perf_counter()
    Store(url).close()  # the real schema, through the migrations
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("PRAGMA cache_size=-262144")  # 256 MiB
    for index in schema.INDEXES:  # created again after the load, which is much faster than maintaining them
        db.execute(f"DROP INDEX {index.name}")
    gen = Generator(seed)
    rng = gen.rng
    db.execute("BEGIN")
    db.executemany(
        "INSERT INTO actors (id, key, name, kind, country, sector, wikidata, titles) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(i, *row) for i, row in enumerate(gen.actors, 1)],
    )
    db.execute("COMMIT")
    days = (LAST_DAY - FIRST_DAY).days + 1
    weights = [0.5 + i / days for i in range(days)]  # news volume grows over the period (x3)
    total_w = sum(weights)
    made = 0
    cum_w = 0.0
    counts = dict.fromkeys(INSERTS, 0)
    next_log = time.perf_counter() + 10
    pending: dict[str, list] = {k: [] for k in INSERTS}
    now = "2026-07-01T00:00:00+00:00"

    def flush() -> None:
        db.execute("BEGIN")
        for table, rows in pending.items():
            if rows:
                db.executemany(INSERTS[table], rows)
                counts[table] += len(rows)
                rows.clear()
        db.execute("COMMIT")

    for i in range(days):
        if made >= n_events:
            break
        day = FIRST_DAY + timedelta(i)
        cum_w += weights[i]
        target = n_events if i == days - 1 else round(n_events * cum_w / total_w)
        events: list[dict] = []
        clusters = []
        while made + len(events) < target:
            members = gen.happening(day if rng.random() > 0.01 else None)
            members = members[: target - made - len(events)]
            c = members[0]["cluster"]
            clusters.append((*c[:-1], len(members)))
            events.extend(members)
        made += len(events)
        pending["clusters"].extend(clusters)
        rng.shuffle(events)
        while events:
            k = rng.randint(1, 9)
            doc_events, events = events[:k], events[k:]
            doc_id = f"{rng.getrandbits(64):016x}"
            lead = rng.choice(LEADS)
            parts = [lead]
            offset = len(lead) + 1
            year = day.year
            for n, e in enumerate(doc_events, 1):
                event_id = f"{doc_id}:e{n}"
                text = e["text"]
                start, end = offset, offset + len(text)
                parts.append(text)
                offset = end + 1
                pending["evidence"].append((event_id, doc_id, start, end))
                if rng.random() < 0.35:
                    pending["evidence"].append((event_id, doc_id, 0, len(lead)))
                loc = e["location"]
                quantities = (
                    '[{"value": 20000000, "unit": "USD", "text": "20 miljoner dollar"}]'
                    if e["event_type"] == "AID"
                    else "[]"
                )
                pending["events"].append(
                    (
                        event_id,
                        doc_id,
                        e["cluster"][0],
                        e["event_type"],
                        e["mode"],
                        CONTEXT.get(e["event_type"], '["diplomatic"]'),
                        json.dumps([f"A{a}" for a in e["actor"]]),
                        json.dumps([f"A{a}" for a in e["recipient"]]),
                        json.dumps(e["actor_country"]),
                        json.dumps(e["recipient_country"]),
                        e["start"],
                        e["end"],
                        loc[0] if loc else None,
                        loc[1] if loc else None,
                        e["modality"],
                        json.dumps(e["sectors"]),
                        quantities,
                        e["cameo"],
                        text,
                        round(rng.uniform(0.6, 0.99), 2),
                        json.dumps([e["rule"]]),
                    )
                )
                roles = {(a, "actor") for a in e["actor"]} | {(a, "recipient") for a in e["recipient"]}
                day_start, kind = e["start"], e["event_type"]
                pending["event_actors"].extend((event_id, a, r, day_start, kind) for a, r in roles)
                pending["event_countries"].extend(
                    [(event_id, c, "actor", day_start, kind) for c in e["actor_country"]]
                    + [(event_id, c, "recipient", day_start, kind) for c in e["recipient_country"]]
                )
                pending["event_sectors"].extend((event_id, s, day_start, kind) for s in e["sectors"])
            published = (day + timedelta(rng.choice((0, 0, 1)))).isoformat()
            source_url = f"https://nyheter.example.se/{year}/{doc_id}.html" if rng.random() < 0.6 else None
            origin = f"corpus/{year}/{doc_id}.txt"
            pending["documents"].append((doc_id, origin, origin, source_url, lead, published, " ".join(parts), now))
        if len(pending["events"]) >= 20_000:
            flush()
        if time.perf_counter() > next_log:
            log(f"store: {made:,}/{n_events:,} events ({day.isoformat()}), RSS {rss_mb():.0f} MB")
            next_log = time.perf_counter() + 10
    flush()
    load_s = time.perf_counter() - t0
    log(f"store: {made:,} events loaded in {load_s:.1f} s; creating {len(schema.INDEXES)} indexes")
    t1 = time.perf_counter()
    for index in schema.INDEXES:
        db.execute(str(CreateIndex(index).compile(dialect=sqlite_dialect.dialect())))
    index_s = time.perf_counter() - t1
    db.execute("PRAGMA journal_mode=WAL")
    db.close()
    t2 = time.perf_counter()
    with Store(url) as store, store.engine.begin() as conn:  # the counts the writer keeps, from the rows loaded
        summaries.rebuild(conn)
        digests.rebuild(conn)
        conn.exec_driver_sql(ACTOR_EVENTS)
    log(f"store: dyad and actor-pair counts, digests and actor counts rebuilt in {time.perf_counter() - t2:.1f} s")
    total = time.perf_counter() - t0
    return {
        "events": made,
        "build_s": round(total, 1),
        "load_s": round(load_s, 1),
        "index_s": round(index_s, 1),
        "file_mb": round(db_size(path) / 1e6, 1),
        "rows": counts,
        "actors": len(gen.actors),
        "countries": len(gen.countries),
        "events_per_s": round(made / total),
    }


# ------------------------------------------------------------------------------------------------ queries


def parameters(conn, runs: int, seed: int) -> dict[str, list[EventFilter]]:
    """Varied filter values for every CLI shape, drawn from what the store holds (popular and rare)."""
    from sqlalchemy import text

    rng = random.Random(seed + 1)
    n = runs
    per_actor = dict(conn.execute(text("SELECT actor_id, count(*) FROM event_actors GROUP BY actor_id")).all())
    actors = [
        (r.id, r.name, r.kind, r.wikidata) for r in conn.execute(text("SELECT id, name, kind, wikidata FROM actors"))
    ]
    used = [a for a in actors if per_actor.get(a[0])]

    def mix(items, weight) -> list:
        """Half drawn by how often they occur, half uniformly (rare values)."""
        popular = rng.choices(items, weights=[weight(i) for i in items], k=n)
        rare = rng.choices(items, k=n)
        return [popular[i // 2] if i % 2 == 0 else rare[i // 2] for i in range(n)]

    def needle(a) -> str:
        return a[1].split()[-1].lower() if a[2] == "person" else a[1].lower()

    names = [needle(a) for a in mix(used, lambda a: per_actor[a[0]])]
    with_qid = [a for a in used if a[3]]
    qids = [a[3] for a in mix(with_qid, lambda a: per_actor[a[0]])]
    per_country = dict(conn.execute(text("SELECT country, count(*) FROM event_countries GROUP BY country")).all())
    countries = mix(sorted(per_country), lambda c: per_country[c])
    types = [t[0] for t in TYPES]
    all_types = sorted(set(types))
    type_values = (all_types * (n // len(all_types) + 1))[:n]
    rng.shuffle(type_values)
    months = []
    for _ in range(n):
        y, m = rng.randint(2015, 2026), rng.randint(1, 12)
        if (y, m) > (2026, 6):
            y -= 1
        start = date(y, m, 1)
        months.append((start, (start + timedelta(32)).replace(day=1) - timedelta(1)))
    sectors = ([s for s, _ in SECTORS] * 2)[:n]
    rng.shuffle(sectors)
    words = (TEXT_WORDS * 2)[:n]
    rng.shuffle(words)
    type_w = {}
    for t in TYPES:
        type_w[t[0]] = type_w.get(t[0], 0) + t[-1]
    combined = [
        EventFilter(
            country=c,
            event_type=rng.choices(list(type_w), weights=list(type_w.values()))[0],
            since=date(rng.randint(2016, 2025), rng.randint(1, 12), 1),
        )
        for c in countries
    ]
    return {
        "none": [EventFilter() for _ in range(n)],
        "actor_name": [EventFilter(actor=v) for v in names],
        "actor_qid": [EventFilter(actor=v) for v in qids],
        "country": [EventFilter(country=v) for v in countries],
        "type": [EventFilter(event_type=v) for v in type_values],
        "month": [EventFilter(since=a, until=b) for a, b in months],
        "sector": [EventFilter(sector=v) for v in sectors],
        "text": [EventFilter(text=v) for v in words],
        "text_rare": [EventFilter(text=RARE_WORDS[i % len(RARE_WORDS)]) for i in range(n)],
        "country_type_since": combined,
    }


SHAPE_LABELS = {
    "none": "no filter",
    "actor_name": "--actor NAME",
    "actor_qid": "--actor QID",
    "country": "--country ISO",
    "type": "--type T",
    "month": "--since/--until 1 month",
    "sector": "--sector S",
    "text": "--text WORD",
    "text_rare": "--text RARE (few or none)",
    "country_type_since": "--country --type --since",
}


class StatementCounter:
    """Counts the SQL statements of a call and remembers its slowest one (execute time) for EXPLAIN."""

    def __init__(self, engine):
        self.count = 0
        self.slowest: tuple[float, str, object] | None = None
        self._started = 0.0
        sa_event.listen(engine, "before_cursor_execute", self._before)
        sa_event.listen(engine, "after_cursor_execute", self._after)

    def _before(self, conn, cursor, statement, params, context, executemany) -> None:
        self.count += 1
        self._started = time.perf_counter()

    def _after(self, conn, cursor, statement, params, context, executemany) -> None:
        took = time.perf_counter() - self._started
        if self.slowest is None or took > self.slowest[0]:
            self.slowest = (took, statement, params)

    def reset(self) -> None:
        self.count = 0
        self.slowest = None


def time_calls(fn, values: list, warmup: int, budget_s: float, counter: StatementCounter, other=None) -> dict:
    """Warm-up calls, then timed calls over the values; a slow shape stops after `budget_s` (>= MIN_CALLS).

    `other` (another implementation) is called with each value just before `fn`, so both run under the same load.
    """
    started = time.perf_counter()
    for v in values[:warmup]:
        fn(v)
        if other is not None:
            other(v)
        if time.perf_counter() - started > budget_s / 4:  # one call warms the cache when calls take seconds
            break
    times, cpu, rows, statements, other_times = [], [], [], [], []
    started = time.perf_counter()
    for i, v in enumerate(values[warmup:]):
        if other is not None:
            t = time.perf_counter()
            other(v)
            other_times.append((time.perf_counter() - t) * 1000)
        counter.reset()
        t, c = time.perf_counter(), time.process_time()
        out = fn(v)
        times.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
        statements.append(counter.count)
        rows.append(len(out) if isinstance(out, list) else 1)
        if time.perf_counter() - started > budget_s and i + 1 >= MIN_CALLS:
            break
    result = {
        "n": len(times),
        "p50_ms": round(pct(times, 0.5), 2),
        "p95_ms": round(pct(times, 0.95), 2),
        "max_ms": round(max(times), 2),
        "cpu_p50_ms": round(pct(cpu, 0.5), 2),
        "rows": round(statistics.mean(rows), 1),
        "sql_per_call": round(statistics.mean(statements), 1),
    }
    if other_times:
        result["against"] = {"p50_ms": round(pct(other_times, 0.5), 2), "p95_ms": round(pct(other_times, 0.95), 2)}
    return result


def explain(conn, fn, value, counter: StatementCounter) -> list[str]:
    """EXPLAIN QUERY PLAN of the slowest statement of one call."""
    counter.reset()
    fn(value)
    _, statement, params = counter.slowest
    raw = conn.connection.driver_connection
    return [r[3] for r in raw.execute("EXPLAIN QUERY PLAN " + statement, params or ())]


def load_impl(path: Path | None) -> dict:
    """find_events / get_event / list_actors from a Python file (to time a proposed change), else the project's."""
    impl = {"find_events": find_events, "get_event": get_event, "list_actors": list_actors}
    if path is not None:
        import importlib.util

        spec = importlib.util.spec_from_file_location("bench_store_impl", path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses defined in the file look their module up
        sys.path.insert(0, str(path.resolve().parent))
        spec.loader.exec_module(module)
        impl.update({k: getattr(module, k) for k in impl if hasattr(module, k)})
    return impl


def measure_queries(
    url: str,
    runs: int,
    warmup: int,
    seed: int,
    budget_s: float,
    want_explain: bool,
    impl: dict,
    shapes: list[str] | None = None,
    against: dict | None = None,
) -> dict:
    from sqlalchemy import text

    store = Store(url)
    counter = StatementCounter(store.engine)
    out: dict = {"shapes": {}, "explain": {}}
    with store.connect() as conn:
        log("queries: choosing parameter values")
        params = parameters(conn, runs + warmup, seed)
        gc.freeze()  # as the web service does once started (web/app.py): full collections skip what is loaded
        for shape, values in params.items():
            if shapes and shape not in shapes:
                continue
            for view, clusters in (("clusters", True), ("mentions", False)):
                fn = lambda f, c=clusters: impl["find_events"](conn, f, clusters=c)  # noqa: E731
                other = against and (lambda f, c=clusters: against["find_events"](conn, f, clusters=c))
                r = time_calls(fn, values, warmup, budget_s, counter, other)
                r["target"] = "PASS" if r["p95_ms"] < TARGET_P95_MS else "MISS"
                out["shapes"].setdefault(shape, {})[view] = r
                log(
                    f"queries: {SHAPE_LABELS[shape]:<26} {view:<8} p50 {r['p50_ms']:>9.1f} ms  "
                    f"p95 {r['p95_ms']:>9.1f} ms  n={r['n']}  {r['target']}"
                    + (f"  (against: {r['against']['p50_ms']:.1f} / {r['against']['p95_ms']:.1f})" if other else "")
                )
                if want_explain or r["target"] == "MISS":
                    out["explain"][f"{shape}/{view}"] = explain(conn, fn, values[warmup], counter)
        rng = random.Random(seed + 2)
        max_cluster = conn.execute(text("SELECT max(id) FROM clusters")).scalar_one()
        cluster_ids = [f"c{rng.randint(1, max_cluster)}" for _ in range(runs + warmup)]
        max_rowid = conn.execute(text("SELECT max(rowid) FROM events")).scalar_one()
        event_ids = [
            conn.execute(text("SELECT id FROM events WHERE rowid = :r"), {"r": rng.randint(1, max_rowid)}).scalar_one()
            for _ in range(runs + warmup)
        ]
        for name, fn, values in (
            ("get_event_cluster", lambda v: impl["get_event"](conn, v), cluster_ids),
            ("get_event_event", lambda v: impl["get_event"](conn, v), event_ids),
            ("list_actors", lambda v: impl["list_actors"](conn), [None] * (runs + warmup)),
            ("list_actors_name", lambda v: impl["list_actors"](conn, v), [f.actor for f in params["actor_name"]]),
        ):
            r = time_calls(fn, values, warmup, budget_s, counter)
            r["target"] = "PASS" if r["p95_ms"] < TARGET_P95_MS else "MISS"
            out[name] = r
            log(f"queries: {name:<35} p50 {r['p50_ms']:>9.1f} ms  p95 {r['p95_ms']:>9.1f} ms  {r['target']}")
            if want_explain or r["target"] == "MISS":
                out["explain"][name] = explain(conn, fn, values[warmup], counter)
    store.close()
    return out


def prepare_store(path: Path, analyze: bool, sql_files: list[Path]) -> dict:
    """Optional changes to the generated store before the queries: extra SQL (indexes, FTS...), ANALYZE."""
    done: dict = {}
    db = sqlite3.connect(path, isolation_level=None)
    for sql_file in sql_files:
        t = time.perf_counter()
        db.executescript(sql_file.read_text(encoding="utf-8"))
        done[str(sql_file)] = round(time.perf_counter() - t, 1)
        log(f"store: applied {sql_file} in {done[str(sql_file)]} s")
    if analyze:
        t = time.perf_counter()
        db.execute("ANALYZE")
        done["analyze_s"] = round(time.perf_counter() - t, 1)
        log(f"store: ANALYZE in {done['analyze_s']} s")
    db.close()
    done["file_mb"] = round(db_size(path) / 1e6, 1)
    return done


# ------------------------------------------------------------------------------------------------ report


def report(result: dict) -> None:
    print("communique event store benchmark")
    m = result["machine"]
    print(
        f"  machine   {m['cpu_model']}, nproc {m['nproc']}, Python {m['python']}, SQLite {m['sqlite']}; "
        f"load average {m['loadavg_1m']} at start, {result.get('loadavg_1m_end')} at end"
    )
    if "ingest" in result:
        i = result["ingest"]
        print(
            f"  ingest    {i['docs']} docs ({i['mean_doc_bytes']} B mean), {i['events']} events in {i['wall_s']} s: "
            f"{i['docs_per_s']} docs/s, {i['events_per_s']} events/s, {i['docs_per_cpu_s']} docs/CPU-s"
        )
        print(
            f"            extraction {i['extract_ms_per_doc']} ms/doc ({i['extract_share']:.0%} of the time), "
            f"the rest (read, dedup, store, clustering) {i['store_ms_per_doc']} ms/doc, "
            f"{i['sql_per_doc']} SQL statements/doc"
        )
        print(
            f"            CPU time: extraction {i['extract_cpu_ms_per_doc']} ms/doc, "
            f"the rest {i['store_cpu_ms_per_doc']} ms/doc"
        )
        print(f"  target >= {TARGET_INGEST_DOCS_PER_S:g} docs/s per core: {i['target']}")
    if "store" not in result:  # --events 0: ingest only
        return
    s = result["store"]
    print(
        f"  store     {s['events']:,} events, {s['rows']['documents']:,} documents, "
        f"{s['rows']['clusters']:,} clusters, {s['actors']:,} actors, {s['countries']} countries; "
        f"built in {s['build_s']} s (load {s['load_s']} s, indexes {s['index_s']} s), {s['file_mb']} MB"
        + (" (reused)" if s.get("reused") else "")
    )
    if result.get("prepared"):
        print(f"  prepared  {result['prepared']}")
    if result.get("impl"):
        print(f"  impl      {result['impl']}")
    if result.get("against"):
        print(f"  against   {result['against']} (its find_events, timed call by call before the project's)")
    q = result["queries"]
    print(f"  queries   find_events, limit 100; p50 / p95 ms over n calls; target p95 < {TARGET_P95_MS:g} ms")
    print(
        f"    {'shape':<26} {'clusters p50':>12} {'p95':>8} {'':4} {'n':>3}   {'mentions p50':>12} {'p95':>8} {'':4} "
        f"{'n':>3}   SQL/call"
    )
    for shape, views in q["shapes"].items():
        c, mm = views["clusters"], views["mentions"]
        print(
            f"    {SHAPE_LABELS[shape]:<26} {c['p50_ms']:>12.1f} {c['p95_ms']:>8.1f} {c['target']:4} {c['n']:>3}   "
            f"{mm['p50_ms']:>12.1f} {mm['p95_ms']:>8.1f} {mm['target']:4} {mm['n']:>3}   "
            f"{c['sql_per_call']:.0f} / {mm['sql_per_call']:.0f}"
        )
        if "against" in c:
            a, b = c["against"], mm["against"]
            print(
                f"    {'  against':<26} {a['p50_ms']:>12.1f} {a['p95_ms']:>8.1f} {'':4} {'':>3}   "
                f"{b['p50_ms']:>12.1f} {b['p95_ms']:>8.1f}"
            )
    for name in ("get_event_cluster", "get_event_event", "list_actors", "list_actors_name"):
        r = q[name]
        print(f"    {name:<26} {r['p50_ms']:>12.1f} {r['p95_ms']:>8.1f} {r['target']:4} {r['n']:>3}")
    for key, plan in q.get("explain", {}).items():
        print(f"    plan {key}: " + " / ".join(plan))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark the communique event store (SQLite).")
    parser.add_argument(
        "--events", type=int, default=1_000_000, help="events in the generated store (0 skips the query step)"
    )
    parser.add_argument("--docs", type=int, default=300, help="articles to ingest (0 skips the ingest step)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=30, help="timed calls per query shape and view")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument(
        "--budget-s",
        type=float,
        default=12.0,
        help=f"time budget per shape and view: slow shapes stop early (after >= {MIN_CALLS} calls)",
    )
    parser.add_argument(
        "--keep",
        type=Path,
        default=None,
        help="folder for the files, kept afterwards; a store generated there before is reused",
    )
    parser.add_argument(
        "--shapes", default=None, help=f"comma-separated query shapes to time (default all: {','.join(SHAPE_LABELS)})"
    )
    parser.add_argument("--explain", action="store_true", help="EXPLAIN QUERY PLAN for every shape, not only MISSes")
    parser.add_argument("--analyze", action="store_true", help="run ANALYZE on (a copy of) the store first")
    parser.add_argument(
        "--sql",
        type=Path,
        action="append",
        default=[],
        help="SQL script applied to (a copy of) the store first, e.g. a proposed index",
    )
    parser.add_argument(
        "--impl",
        type=Path,
        default=None,
        help="Python file whose find_events/get_event/list_actors replace the project's",
    )
    parser.add_argument(
        "--against",
        type=Path,
        default=None,
        help="Python file whose find_events is also timed, call by call before the project's (same load for both)",
    )
    args = parser.parse_args(argv)

    result: dict = {
        "benchmark": "communique.store",
        "machine": {
            "cpu_model": cpu_model(),
            "nproc": os.cpu_count(),
            "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version,
            "loadavg_1m": round(os.getloadavg()[0], 2),
        },
    }
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="communique-bench-store-"))
    workdir.mkdir(parents=True, exist_ok=True)
    scratch = None
    t_all = time.perf_counter()
    try:
        if args.docs > 0:
            ingest_dir = workdir / "ingest"
            shutil.rmtree(ingest_dir, ignore_errors=True)
            ingest_dir.mkdir()
            result["ingest"] = measure_ingest(args.docs, args.seed, ingest_dir)
            log(f"ingest: {result['ingest']['docs_per_s']} docs/s ({result['ingest']['target']})")
        if args.events <= 0:  # ingest only
            return finish(result, t_all)
        path = workdir / f"store-{args.events}-{args.seed}.db"
        meta = workdir / f"store-{args.events}-{args.seed}.json"
        if path.exists() and meta.exists() and args.keep:
            result["store"] = {**json.loads(meta.read_text()), "reused": True}
            log(f"store: reusing {path}")
        else:
            for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                p.unlink(missing_ok=True)
            log(f"store: generating {args.events:,} events into {path}")
            result["store"] = build_store(path, args.events, args.seed)
            meta.write_text(json.dumps(result["store"]))
        result["store"]["peak_rss_mb"] = round(peak_mb(), 1)
        if args.analyze or args.sql:
            scratch = workdir / f"scratch-{os.getpid()}.db"
            shutil.copyfile(path, scratch)
            result["prepared"] = prepare_store(scratch, args.analyze, args.sql)
        impl = load_impl(args.impl)
        result["impl"] = str(args.impl) if args.impl else None
        result["against"] = str(args.against) if args.against else None
        result["queries"] = measure_queries(
            f"sqlite:///{scratch or path}",
            args.runs,
            args.warmup,
            args.seed,
            args.budget_s,
            args.explain,
            impl,
            args.shapes.split(",") if args.shapes else None,
            load_impl(args.against) if args.against else None,
        )
    finally:
        if scratch is not None:
            for p in (scratch, Path(f"{scratch}-wal"), Path(f"{scratch}-shm")):
                p.unlink(missing_ok=True)
        if args.keep is None:
            shutil.rmtree(workdir, ignore_errors=True)
    return finish(result, t_all)


def finish(result: dict, t_all: float) -> int:
    result["total_s"] = round(time.perf_counter() - t_all, 1)
    result["peak_rss_mb"] = round(peak_mb(), 1)
    result["loadavg_1m_end"] = round(os.getloadavg()[0], 2)
    report(result)
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
