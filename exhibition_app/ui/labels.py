"""Translated names for catalogue values shown in the interface (kinds, fields, languages)."""

from __future__ import annotations

from exhibition_app.ui.i18n import tr


def kind_name(kind: str) -> str:
    names = {
        "object": tr("Labels", "Object"),
        "map": tr("Labels", "Map"),
        "photograph": tr("Labels", "Photograph"),
        "document": tr("Labels", "Document"),
    }
    return names.get(kind, kind)


def field_name(field: str) -> str:
    names = {
        "title": tr("Labels", "Title"),
        "description": tr("Labels", "Description"),
        "culture": tr("Labels", "Culture"),
        "place": tr("Labels", "Place"),
        "creator": tr("Labels", "Maker"),
        "date": tr("Labels", "Date"),
        "materials": tr("Labels", "Materials"),
        "technique": tr("Labels", "Technique"),
        "dimensions": tr("Labels", "Dimensions"),
        "credit_line": tr("Labels", "Credit"),
        "accession_number": tr("Labels", "Accession number"),
        "country": tr("Labels", "Country"),
        "rights": tr("Labels", "Licence"),
    }
    return names.get(field, field)


def language_name(code: str) -> str:
    names = {
        "en": tr("Labels", "English"),
        "kk": tr("Labels", "Kazakh"),
        "ru": tr("Labels", "Russian"),
        "mn": tr("Labels", "Mongolian"),
        "de": tr("Labels", "German"),
    }
    return names.get(code, code)


def relation_name(relation: str) -> str:
    names = {
        "redrawing_of": tr("Labels", "Redrawing of"),
        "depicts": tr("Labels", "Shows"),
        "related": tr("Labels", "See also"),
    }
    return names.get(relation, relation)


def inverse_relation_name(relation: str) -> str:
    names = {
        "redrawing_of": tr("Labels", "Redrawn as"),
        "depicts": tr("Labels", "Seen in"),
        "related": tr("Labels", "See also"),
    }
    return names.get(relation, relation)
