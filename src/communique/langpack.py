"""Load a language pack (a folder of YAML under `lang/<code>/`) into one typed record."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml

from .errors import DataError
from .prefilter import StartIndex


def _available() -> tuple[str, ...]:
    root = resources.files("communique") / "lang"
    return tuple(sorted(p.name for p in root.iterdir() if (p / "pack.yaml").is_file()))


SUPPORTED = _available()


@dataclass(frozen=True)
class TriggerRule:
    id: str
    event_type: str
    mode: str | None
    cameo: str | None
    role: str
    scope: bool
    symmetric: bool
    nominal: bool
    passive: bool
    context: tuple[str, ...]
    regex: re.Pattern


@dataclass(frozen=True)
class TitleEntry:
    en: str
    sector: str | None


@dataclass
class LanguagePack:
    code: str
    grammar: dict
    titles: dict[str, TitleEntry]
    triggers: list[TriggerRule]
    collective: dict[str, str]
    modality: dict[str, dict[str, list[str]]]
    sectors: dict[str, list[str]]
    dates: dict
    numbers: dict
    countries: dict[str, dict]
    mt_repairs: list[dict] = field(default_factory=list)
    trigger_index: StartIndex | None = None  # where each trigger rule can match: one scan finds them all

    def genitives(self, name: str) -> list[str]:
        """Genitive forms of a name by the pack's rule ("Vietnam" -> "Vietnams", "FN" -> "FN:s")."""
        rule = self.grammar.get("genitive", {})
        forms = []
        if name.isupper() or name[-1:].isdigit():
            forms.append(name + rule.get("abbreviation_suffix", "'s"))
        if rule.get("suffix") and not name.endswith(tuple(rule.get("no_suffix_after", []))):
            forms.append(name + rule["suffix"])
        for suffix in rule.get("suffixes", []):
            forms.append(name + suffix)
        return forms


def _read_yaml(code: str, name: str, required: bool = True):
    path = resources.files("communique") / "lang" / code / name
    if not path.is_file():
        if required:
            raise DataError(f"language pack '{code}' has no {name}")
        return None
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    except yaml.YAMLError as exc:
        raise DataError(f"language pack '{code}': {name} is not valid YAML ({exc})") from None


@cache
def load(code: str) -> LanguagePack:
    """Load and compile a language pack once per process."""
    if code not in SUPPORTED:
        raise DataError(f"no language pack for '{code}' (supported: {', '.join(SUPPORTED)})")
    pack = LanguagePack(
        code=code,
        grammar=_read_yaml(code, "pack.yaml"),
        titles=_titles(_read_yaml(code, "titles.yaml")),
        triggers=[_trigger(code, t) for t in _read_yaml(code, "events.yaml")],
        collective={form: item["refers"] for item in _read_yaml(code, "collective.yaml") for form in item["forms"]},
        modality=_read_yaml(code, "modality.yaml"),
        sectors=_read_yaml(code, "sectors.yaml"),
        dates=_read_yaml(code, "dates.yaml"),
        numbers=_read_yaml(code, "numbers.yaml"),
        countries=_read_yaml(code, "countries.yaml"),
        mt_repairs=_read_yaml(code, "mt_repairs.yaml", required=False) or [],
    )
    pack.trigger_index = StartIndex([r.regex for r in pack.triggers])
    return pack


def _titles(items: list[dict]) -> dict[str, TitleEntry]:
    titles = {}
    for item in items:
        entry = TitleEntry(en=item["en"], sector=item.get("sector"))
        for form in item["forms"]:
            titles.setdefault(form.lower(), entry)
    return titles


def _trigger(code: str, item: dict) -> TriggerRule:
    try:
        alternatives = "|".join(f"(?:{p})" for p in item["patterns"])
        regex = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w])")
        return TriggerRule(
            id=item["id"],
            event_type=item["type"],
            mode=item.get("mode"),
            cameo=item.get("cameo"),
            role=item.get("role", "subject_object"),
            scope=bool(item.get("scope", False)),
            symmetric=bool(item.get("symmetric", False)),
            nominal=bool(item.get("nominal", False)),
            passive=bool(item.get("passive", False)),
            context=tuple(item.get("context", ["diplomatic"])),
            regex=regex,
        )
    except (KeyError, re.error) as exc:
        raise DataError(f"language pack '{code}': bad trigger rule {item.get('id', item)} ({exc})") from None
