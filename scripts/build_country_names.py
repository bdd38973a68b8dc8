#!/usr/bin/env python3
"""Build the country gazetteers of communique.

Reads pycountry (ISO 3166-1 codes and names, plus its Swedish gettext translations of the names
and official names), Babel (CLDR territory names for `sv` and `en`) and the hand-written
supplement `scripts/country_supplement.yaml`, and writes

    src/communique/data/countries.yaml      iso3 -> {iso2, name_en, sovereign}
    src/communique/lang/sv/countries.yaml   iso3 -> {names, adjectives, people, cities, capital}
    src/communique/lang/en/countries.yaml   (same for English)

The runtime reads only these outputs. The output is deterministic (codes sorted, forms in a fixed
order) so the script can be rerun at any time:

    .venv/bin/python scripts/build_country_names.py
"""

from __future__ import annotations

import gettext
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import babel
import pycountry
import yaml
from babel import Locale

ROOT = Path(__file__).resolve().parents[1]
SUPPLEMENT = ROOT / "scripts" / "country_supplement.yaml"
OUT_COUNTRIES = ROOT / "src" / "communique" / "data" / "countries.yaml"
OUT_LANG = {lang: ROOT / "src" / "communique" / "lang" / lang / "countries.yaml" for lang in ("sv", "en")}
LANGS = ("sv", "en")

# Characters that NFKD does not decompose into base letter + combining mark.
_FOLD_EXTRA = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "ı": "i",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "Th",
        "œ": "oe",
        "Œ": "OE",
    }
)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u02bb": "'", "\u2018": "'"})
# Letters kept when folding Swedish forms.
_KEEP = {"sv": set("åäöÅÄÖ"), "en": set()}


def fold(text: str, lang: str) -> str:
    """ASCII-fold `text`, keeping the letters of the language's own alphabet."""
    out = []
    for ch in text:
        if ch in _KEEP[lang]:
            out.append(ch)
            continue
        ch = ch.translate(_FOLD_EXTRA)
        out.append("".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)))
    return "".join(out)


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(_APOSTROPHES)).strip()


def clean_library_name(raw: str | None, lang: str) -> list[str]:
    """Turn a library name into natural nominative forms (possibly none).

    Inverted ISO forms ("Korea, Republic of") are dropped, parenthetical notes removed
    ("Myanmar (Burma)" -> "Myanmar"), CLDR's "Congo - Kinshasa" -> "Congo-Kinshasa",
    "& " -> "and"/"och", "Hong Kong SAR China" -> "Hong Kong", a leading English "the" dropped,
    "St. Lucia" also gives "Saint Lucia".
    """
    if not raw:
        return []
    s = norm(raw)
    s = norm(re.sub(r"\s*\([^)]*\)", "", s))
    if "," in s or not s:
        return []
    s = s.replace(" - ", "-")
    s = re.sub(r"\s+SAR(\s+China)?$", "", s)
    s = s.replace(" & ", " and " if lang == "en" else " och ")
    if lang == "en":
        s = re.sub(r"^the\s+", "", s, flags=re.IGNORECASE)
    out = [s]
    if lang == "en" and s.startswith("St. "):
        out.append("Saint " + s[4:])
    return out


def inflect_sv_adjective(base: str) -> list[str]:
    """svensk -> svensk, svenska, svenskt, svenske (the -e form: "den svenske kungen")."""
    if base.endswith("sk"):
        return [base, base + "a", base + "t", base + "e"]
    return [base]


def _sv_definite_singular(sg: str) -> str:
    if sg.endswith("man"):
        return sg + "nen"  # norrman -> norrmannen
    if sg.endswith(("e", "er", "a", "o")):
        return sg + "n"  # finländare -> finländaren, laotier -> laotiern, fransyska -> fransyskan
    return sg + "en"  # vietnames -> vietnamesen, svensk -> svensken


def _sv_definite_plural(pl: str) -> str:
    if pl.endswith("män"):
        return pl + "nen"  # norrmän -> norrmännen
    if pl.endswith("are"):
        return pl[:-1] + "na"  # finländare -> finländarna
    if pl.endswith(("ar", "er", "or")):
        return pl + "na"  # svenskar -> svenskarna, vietnameser -> vietnameserna
    return pl


def expand_sv_people(items: list[str]) -> list[str]:
    out: list[str] = []
    for item in items:
        if "/" not in item:
            out.append(item)
            continue
        sg, pl = (p.strip() for p in item.split("/", 1))
        out += [sg, _sv_definite_singular(sg), pl, _sv_definite_plural(pl)]
    return out


def parse_city(item: str) -> dict[str, list[str]]:
    """'Ho Chi Minh City / Saigon|Ho Chi Minh-staden / Saigon' -> {'en': [...], 'sv': [...]}"""
    sides = item.split("|")
    if len(sides) > 2:
        raise ValueError(f"bad city entry {item!r}")
    en_side = sides[0]
    sv_side = sides[1] if len(sides) == 2 else sides[0]
    return {
        "en": [norm(x) for x in en_side.split(" / ") if x.strip()],
        "sv": [norm(x) for x in sv_side.split(" / ") if x.strip()],
    }


def uniq(seq):
    return list(dict.fromkeys(x for x in seq if x))


def with_folds(forms: list[str], lang: str) -> list[str]:
    out = []
    for f in forms:
        out.append(f)
        folded = fold(f, lang)
        if folded != f:
            out.append(folded)
    return uniq(out)


def ascii_name(text: str) -> str:
    return fold(norm(text), "en")


def load_sources():
    cldr = {lang: Locale(lang).territories for lang in LANGS}
    sv_tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["sv"])
    return cldr, sv_tr


def build():
    supplement = yaml.safe_load(SUPPLEMENT.read_text(encoding="utf-8"))
    states: dict = supplement.get("states") or {}
    sovereign = list(supplement.get("sovereign") or [])
    exclude_global = {lang: set(supplement.get("exclude", {}).get(lang, [])) for lang in LANGS}
    cldr, sv_tr = load_sources()

    problems: list[str] = []
    if len(sovereign) != len(set(sovereign)):
        problems.append("duplicate codes in the sovereign list")

    codes: dict[str, dict] = {}
    for c in pycountry.countries:
        codes[c.alpha_3] = {
            "iso2": c.alpha_2,
            "name": c.name,
            "common_name": getattr(c, "common_name", None),
            "official_name": getattr(c, "official_name", None),
        }
    for iso3, entry in states.items():
        if iso3 not in codes:
            if not entry.get("iso2"):
                problems.append(f"{iso3}: not in pycountry and no iso2 in the supplement")
                continue
            codes[iso3] = {"iso2": entry["iso2"], "name": None, "common_name": None, "official_name": None}
    for iso3 in sovereign:
        if iso3 not in codes:
            problems.append(f"{iso3}: listed as sovereign but unknown")

    countries_out: dict[str, dict] = {}
    lang_out: dict[str, dict[str, dict]] = {lang: {} for lang in LANGS}

    for iso3 in sorted(codes):
        info = codes[iso3]
        sup = states.get(iso3) or {}
        iso2 = info["iso2"]

        # ---- canonical English name
        cldr_en = clean_library_name(cldr["en"].get(iso2), "en")
        # the last CLDR form is "Saint Helena" rather than "St. Helena"
        default_en = info["common_name"] or (cldr_en[-1] if cldr_en else None) or info["name"] or iso3
        name_en = ascii_name(sup.get("name_en") or default_en)
        countries_out[iso3] = {"iso2": iso2, "name_en": name_en, "sovereign": iso3 in sovereign}

        # ---- library names per language
        lib = {
            "en": cldr_en
            + clean_library_name(info["common_name"], "en")
            + clean_library_name(info["name"], "en")
            + clean_library_name(info["official_name"], "en"),
            "sv": clean_library_name(cldr["sv"].get(iso2), "sv")
            # gettext returns the English text when it has no translation: keep real translations only
            + [
                f
                for key in ("common_name", "name", "official_name")
                if info[key] and sv_tr.gettext(info[key]) != info[key]
                for f in clean_library_name(sv_tr.gettext(info[key]), "sv")
            ],
        }

        cities = [parse_city(str(c)) for c in (sup.get("cities") or [])]

        for lang in LANGS:
            lsup = sup.get(lang) or {}
            excl = exclude_global[lang] | set(lsup.get("exclude") or [])
            first = [name_en] if lang == "en" else ([sup["name_sv"]] if sup.get("name_sv") else [])
            names = uniq(norm(n) for n in first + lib[lang][:1] + list(lsup.get("names") or []) + lib[lang][1:])
            if lang == "sv" and not names and name_en:
                names = [name_en]  # no Swedish name anywhere: borrow the English one
            adjectives = []
            for a in lsup.get("adj") or []:
                adjectives += inflect_sv_adjective(norm(a)) if lang == "sv" else [norm(a)]
            people = [norm(p) for p in lsup.get("people") or []]
            if lang == "sv":
                people = expand_sv_people(people)
            city_forms = [f for c in cities for f in c[lang]]
            capital = cities[0][lang][0] if cities else None

            def finish(forms, lang=lang, excl=excl):
                return [f for f in with_folds(uniq(forms), lang) if f not in excl]

            lang_out[lang][iso3] = {
                "names": finish(names),
                "adjectives": finish(adjectives),
                "people": finish(people),
                "cities": finish(city_forms),
                "capital": capital,
            }

    # ---- checks (the tests enforce these too)
    for iso3 in sovereign:
        for lang in LANGS:
            e = lang_out[lang].get(iso3)
            if not e:
                continue
            for key in ("names", "adjectives", "cities"):
                if not e[key]:
                    problems.append(f"{iso3} {lang}: no {key}")
    for lang in LANGS:
        owners = defaultdict(set)
        for iso3, e in lang_out[lang].items():
            for key in ("names", "adjectives", "people", "cities"):
                for f in e[key]:
                    owners[f.casefold()].add(iso3)
        for form, isos in sorted(owners.items()):
            if len(isos) > 1:
                problems.append(f"{lang} clash: {form!r} -> {sorted(isos)}")
    return countries_out, lang_out, problems


# ---------------------------------------------------------------- YAML output


class _Dumper(yaml.SafeDumper):
    pass


class _FlowMap(dict):
    pass


_Dumper.add_representer(list, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True))
_Dumper.add_representer(_FlowMap, lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v.items(), flow_style=True))


def _dump(data) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110, default_flow_style=False)


SOURCES = (
    "# Sources: CLDR territory names via Babel {babel} (Unicode License v3);\n"
    "#          ISO 3166-1 codes and names, Swedish translations from pycountry {pycountry} / iso-codes (LGPL-2.1);\n"
    "#          hand-written supplement scripts/country_supplement.yaml (names, adjectives, people, cities).\n"
    "# Generated by scripts/build_country_names.py - do not edit by hand; edit the supplement and rerun.\n"
)


def _versions():
    try:
        from importlib.metadata import version

        pyc = version("pycountry")
    except Exception:  # pragma: no cover
        pyc = "?"
    return {"babel": babel.__version__, "pycountry": pyc}


def write(countries_out, lang_out):
    v = _versions()
    head = (
        "# ISO 3166-1 states and territories (plus XKX Kosovo): iso3 -> iso2, canonical English short name\n"
        "# (ASCII, used in output), sovereign (UN member state, or Vatican City, Palestine, Kosovo, Taiwan).\n"
        + SOURCES.format(**v)
    )
    OUT_COUNTRIES.parent.mkdir(parents=True, exist_ok=True)
    OUT_COUNTRIES.write_text(head + _dump({k: _FlowMap(v_) for k, v_ in countries_out.items()}), encoding="utf-8")
    lang_names = {"sv": "Swedish", "en": "English"}
    for lang in LANGS:
        head = (
            f"# {lang_names[lang]} country gazetteer: iso3 -> surface forms that name the country.\n"
            "#   names: nominative names (short, colloquial, official long forms); genitives are derived in code\n"
            + ("#          (Swedish: -s, none after s/x/z)\n" if lang == "sv" else "#          (English: 's)\n")
            + (
                "#   adjectives: lowercase, all inflections (-sk, -ska, -skt, -ske)\n"
                if lang == "sv"
                else "#   adjectives: nationality adjectives\n"
            )
            + (
                "#   people: inhabitant nouns, singular and plural, indefinite and definite\n"
                if lang == "sv"
                else "#   people: inhabitant nouns, singular and plural\n"
            )
            + "#   cities: the capital and up to four major cities (alternative spellings included);\n"
            "#   capital: primary spelling of the capital (null when not recorded).\n"
            "#   ASCII-folded variants of forms with diacritics are included; apostrophes are U+0027.\n"
            + SOURCES.format(**v)
        )
        OUT_LANG[lang].parent.mkdir(parents=True, exist_ok=True)
        OUT_LANG[lang].write_text(head + _dump(lang_out[lang]), encoding="utf-8")


def main() -> int:
    countries_out, lang_out, problems = build()
    write(countries_out, lang_out)
    n_sov = sum(1 for v in countries_out.values() if v["sovereign"])
    print(f"wrote {len(countries_out)} codes ({n_sov} sovereign)")
    for lang in LANGS:
        tot = {k: sum(len(e[k]) for e in lang_out[lang].values()) for k in ("names", "adjectives", "people", "cities")}
        print(f"  {lang}: " + ", ".join(f"{k} {n}" for k, n in tot.items()))
    for p in problems:
        print("WARNING:", p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
