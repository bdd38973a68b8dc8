"""The actor dictionary: persons and organizations with canonical names, QIDs and offices (data files)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

import yaml

from .errors import DataError


@dataclass(frozen=True)
class Office:
    title: str
    org: str | None
    start: date | None
    end: date | None

    def held_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class PersonEntry:
    id: str
    name: str
    wikidata: str | None
    country: str | None
    sector: str | None
    aliases: tuple[str, ...]
    offices: tuple[Office, ...]

    def titles_on(self, day: date | None) -> list[str]:
        if day is None:
            return []
        return [o.title for o in self.offices if o.held_on(day)]


@dataclass(frozen=True)
class OrganizationEntry:
    id: str
    name: str
    wikidata: str | None
    country: str | None
    sector: str | None
    aliases: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class CountryEntry:
    iso3: str
    iso2: str | None
    name: str
    sovereign: bool


@dataclass
class ActorDictionary:
    persons: dict[str, PersonEntry]
    organizations: dict[str, OrganizationEntry]
    countries: dict[str, CountryEntry]


def ascii_fold(text: str) -> str:
    """Drop diacritics: "Tô Lâm" -> "To Lam" (đ/Đ have no decomposition, so map them by hand)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(text).lower()).strip("-")


def _data_files(pattern: str):
    folder = resources.files("communique") / "data" / "actors"
    return sorted((p for p in folder.iterdir() if re.fullmatch(pattern, p.name)), key=lambda p: p.name)


def _load_yaml(path) -> list | dict:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or []
    except yaml.YAMLError as exc:
        raise DataError(f"actor dictionary {path.name} is not valid YAML ({exc})") from None


def _date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise DataError(f"actor dictionary: bad date {value!r}") from None


def _person(item: dict, source: str) -> PersonEntry:
    try:
        offices = tuple(
            Office(o["title"], o.get("org"), _date(o.get("from")), _date(o.get("to")))
            for o in item.get("offices") or []
        )
        return PersonEntry(
            id=slug(item["name"]),
            name=item["name"],
            wikidata=item.get("wikidata"),
            country=item.get("country"),
            sector=item.get("sector"),
            aliases=tuple(item.get("aliases") or ()),
            offices=offices,
        )
    except (KeyError, TypeError) as exc:
        raise DataError(f"actor dictionary {source}: bad person entry {item!r} ({exc})") from None


def _organization(item: dict, source: str) -> OrganizationEntry:
    try:
        aliases = item.get("aliases") or {}
        if isinstance(aliases, list):
            aliases = {"*": aliases}
        return OrganizationEntry(
            id=slug(item["name"]),
            name=item["name"],
            wikidata=item.get("wikidata"),
            country=item.get("country"),
            sector=item.get("sector"),
            aliases={lang: tuple(forms or ()) for lang, forms in aliases.items()},
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise DataError(f"actor dictionary {source}: bad organization entry {item!r} ({exc})") from None


@cache
def load() -> ActorDictionary:
    persons: dict[str, PersonEntry] = {}
    for path in _data_files(r"persons_.*\.yaml"):
        for item in _load_yaml(path):
            entry = _person(item, path.name)
            persons.setdefault(entry.id, entry)
    organizations: dict[str, OrganizationEntry] = {}
    for path in _data_files(r"organizations.*\.yaml"):
        for item in _load_yaml(path):
            entry = _organization(item, path.name)
            organizations.setdefault(entry.id, entry)
    countries_path = resources.files("communique") / "data" / "countries.yaml"
    countries = {
        iso3: CountryEntry(iso3, v.get("iso2"), v.get("name_en") or iso3, bool(v.get("sovereign", True)))
        for iso3, v in (_load_yaml(countries_path) or {}).items()
    }
    return ActorDictionary(persons=persons, organizations=organizations, countries=countries)
