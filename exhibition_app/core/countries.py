"""Country names (ISO 3166-1 alpha-2) for display and search, in the catalogue languages.

Display names are each country's official short name in that language (the names the
countries use for themselves in Russian: Кыргызстан, Туркменистан); older or colloquial
names stay findable through ALIASES.
"""

from __future__ import annotations

COUNTRIES: dict[str, dict[str, str]] = {
    "KZ": {"en": "Kazakhstan", "kk": "Қазақстан", "ru": "Казахстан", "mn": "Казахстан"},
    "KG": {"en": "Kyrgyzstan", "kk": "Қырғызстан", "ru": "Кыргызстан", "mn": "Киргиз"},
    "TJ": {"en": "Tajikistan", "kk": "Тәжікстан", "ru": "Таджикистан", "mn": "Тажикистан"},
    "TM": {"en": "Turkmenistan", "kk": "Түрікменстан", "ru": "Туркменистан", "mn": "Туркменистан"},
    "UZ": {"en": "Uzbekistan", "kk": "Өзбекстан", "ru": "Узбекистан", "mn": "Узбекистан"},
    "MN": {"en": "Mongolia", "kk": "Моңғолия", "ru": "Монголия", "mn": "Монгол Улс"},
    "RU": {"en": "Russia", "kk": "Ресей", "ru": "Россия", "mn": "Орос"},
    "CN": {"en": "China", "kk": "Қытай", "ru": "Китай", "mn": "Хятад"},
    "AF": {"en": "Afghanistan", "kk": "Ауғанстан", "ru": "Афганистан", "mn": "Афганистан"},
    "IR": {"en": "Iran", "kk": "Иран", "ru": "Иран", "mn": "Иран"},
    "DE": {"en": "Germany", "kk": "Германия", "ru": "Германия", "mn": "Герман"},
    "NL": {"en": "Netherlands", "kk": "Нидерланд", "ru": "Нидерланды", "mn": "Нидерланд"},
    "US": {"en": "United States", "kk": "АҚШ", "ru": "США", "mn": "АНУ"},
}


#: Other names visitors search by (not shown).
ALIASES: dict[str, tuple[str, ...]] = {
    "KG": ("Киргизия", "Kirghizia"),
    "TM": ("Туркмения",),
    "RU": ("Оросын Холбооны Улс", "ОХУ", "Ресей Федерациясы"),
    "CN": ("БНХАУ",),
}


def is_country(code: str) -> bool:
    """Whether ``code`` looks like an ISO 3166-1 alpha-2 code (known or not)."""
    return len(code) == 2 and code.isascii() and code.isalpha() and code.isupper()


def country_name(code: str | None, lang: str) -> str:
    if not code:
        return ""
    names = COUNTRIES.get(code)
    if names is None:
        return code
    return names.get(lang) or names["en"]


def all_names(code: str | None) -> list[str]:
    """Every known name of a country, for the search index."""
    if not code:
        return []
    return [code, *COUNTRIES.get(code, {}).values(), *ALIASES.get(code, ())]
