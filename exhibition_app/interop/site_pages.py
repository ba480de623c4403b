"""The plain web pages of an IIIF export: one per item (its manifest's ``homepage``) and the
site's home page (the ``provider``'s homepage). Static HTML, no script, every text escaped.

An item page says what the app's item page says: the picture (or the designed card), the
title and description in every language the item has, its details, the credit line and the
licence by name, linked to its URI; and it links the IIIF manifest and the original file.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from exhibition_app.interop.iiif import (
    LABELS,
    METADATA_FIELDS,
    ManifestSource,
    Provider,
    manifest_id,
)

__all__ = ["ItemPage", "home_page", "item_page"]

_STYLE = (
    "body{font-family:'Noto Sans',sans-serif;background:#f6efe0;color:#3b2f1e;margin:0 auto;"
    "max-width:60rem;padding:1.5rem;line-height:1.5}h1,h2{font-family:'Noto Serif',serif;"
    "font-weight:normal}img{max-width:100%;height:auto;border-radius:6px}"
    "nav a{margin-right:1rem}dt{font-weight:bold}article{border-top:1px solid #b08a3a;"
    "margin-top:1.5rem}.small{color:#6b5535;font-size:.9rem}"
)


@dataclass(frozen=True)
class ItemPage:
    """What an item page shows: the manifest's source data and the manifest itself."""

    source: ManifestSource
    manifest: dict[str, Any]


def _label(name: str, lang: str) -> str:
    """A field's label in ``lang``, or in its base language (``mn`` for ``mn-Mong``), or
    in English."""
    words = LABELS[name]
    return words.get(lang) or words.get(lang.split("-")[0]) or words["en"]


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _in(values: Mapping[str, Any], lang: str, fallback: Sequence[str]) -> str:
    for code in (lang, *fallback, "none", *values):
        value = values.get(code)
        if value:
            return str(value[0] if isinstance(value, list) else value)
    return ""


def _document(lang: str, title: str, body: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{_e(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n{body}</body>\n"
        "</html>\n"
    )


def _languages(source: ManifestSource, fallback: Sequence[str]) -> list[str]:
    have = {lang for texts in source.texts.values() for lang, v in texts.items() if v.strip()}
    ordered = [lang for lang in fallback if lang in have]
    return ordered + sorted(have - set(ordered))


def item_page(base: str, page: ItemPage, fallback: Sequence[str]) -> str:
    """The item's page, at ``BASE/items/<id>/`` (``index.html``)."""
    source, doc = page.source, page.manifest
    langs = _languages(source, fallback) or [fallback[0]]
    first = source.pictures[0]
    main_title = _in(doc["label"], langs[0], fallback)
    parts = [f'<p class="small"><a href="{_e(base)}/">Home</a></p>']
    parts.append(f'<img src="{_e(first.image_id)}" alt="{_e(main_title)}">')
    if len(langs) > 1:
        parts.append(
            "<nav>" + "".join(f'<a href="#{_e(lang)}">{_e(lang)}</a>' for lang in langs) + "</nav>"
        )
    for lang in langs:
        texts = source.texts
        title = texts.get("title", {}).get(lang) or main_title
        rows = [("accession_number", source.accession_number)]
        rows += [(name, texts.get(name, {}).get(lang, "")) for name in METADATA_FIELDS]
        rows.append(("country", source.country.get(lang, "")))
        rows.append(("credit_line", texts.get("credit_line", {}).get(lang, "")))
        details = "".join(
            f"<dt>{_e(_label(name, lang))}</dt><dd>{_e(value)}</dd>"
            for name, value in rows
            if value
        )
        if source.rights:
            name = source.rights_name or source.rights
            label = _label("rights", lang)
            details += f'<dt>{_e(label)}</dt><dd><a href="{_e(source.rights)}">{_e(name)}</a></dd>'
        description = texts.get("description", {}).get(lang, "")
        paragraphs = "".join(f"<p>{_e(p)}</p>" for p in description.split("\n\n") if p.strip())
        parts.append(
            f'<article id="{_e(lang)}" lang="{_e(lang)}"><h1>{_e(title)}</h1>{paragraphs}'
            f"<dl>{details}</dl></article>"
        )
    links = [f'<a href="{_e(manifest_id(base, source.item_id))}">IIIF manifest</a>']
    links += [
        f'<a href="{_e(p.original_id)}">{_e(LABELS["original"]["en"])}</a>'
        for p in source.pictures
        if p.original_id
    ]
    parts.append(f'<p class="small">{" · ".join(links)}</p>')
    return _document(langs[0], main_title, "\n".join(parts) + "\n")


def home_page(
    base: str,
    top: dict[str, Any],
    documents: dict[str, dict[str, Any]],
    provider: Provider,
    fallback: Sequence[str] = ("en",),
) -> str:
    """The site's home page: every exhibition with its sections and items, then the
    loose items, each linked to its page; and the IIIF collection."""
    by_id = {doc["id"]: doc for doc in documents.values()}
    lang = fallback[0]

    def items(refs: list[dict[str, Any]]) -> str:
        out = []
        for ref in refs:
            label = _e(_in(ref["label"], lang, fallback))
            if ref["type"] == "Manifest":
                page = ref["id"].rsplit("/", 1)[0] + "/"
                out.append(f'<li><a href="{_e(page)}">{label}</a></li>')
            else:
                inner = by_id.get(ref["id"], {}).get("items", [])
                out.append(f"<li>{label}<ul>{items(inner)}</ul></li>")
        return "".join(out)

    name = _in(provider.label, lang, fallback) or base
    title = _in(top["label"], lang, fallback)
    body = (
        f'<h1>{_e(title)}</h1>\n<p class="small">{_e(name)}</p>\n<ul>{items(top["items"])}</ul>\n'
        f'<p class="small"><a href="{_e(top["id"])}">IIIF collection</a></p>\n'
    )
    return _document(lang, title, body)
