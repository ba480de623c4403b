"""Search normalisation ("skeleton keys") across Latin and Cyrillic scripts.

The catalogue mixes English, Kazakh, Russian and Mongolian (the last three in
Cyrillic) with many Latin transliterations of the same names.  :func:`fold`
maps all of them onto one *skeleton key* made of ``[a-z0-9 ]`` so that, for
example, ``"Qazaqstan"``, ``"Kazakhstan"``, ``"Казахстан"`` and
``"Қазақстан"`` all become ``"kazakstan"``.

The key is for matching only: it is deliberately lossy and never shown to
anyone.  :func:`transliterate` gives a readable Latin form for display.

Pipeline of :func:`fold`
------------------------
1. NFKD (which also applies the compatibility mappings: ligatures, full-width
   forms) and ``str.casefold``.  The decomposed ``ž`` and ``ñ`` become ``zh``
   and ``ng`` so that they join the digraph classes below.
2. One ``str.translate`` table: combining marks (``ä -> a``, ``ğ -> g``,
   ``ş -> s``, ``ç -> c``, ``ū -> u`` ...) and apostrophe-like marks are
   deleted (``O'zbekiston`` stays one word); Cyrillic letters become ASCII
   Latin (the scheme of :func:`transliterate` without its diacritics); Latin
   letters that Unicode does not decompose (``ı ł ø æ œ đ ð þ ŋ ə ħ``) are
   mapped.  Because of NFKD, ``й ё ї ў`` fold like ``и е і у``: ``ё`` folds
   as ``е``, as in Russian texts that print ``е`` for ``ё``.
3. Traditional Mongolian letters and digits become Latin too
   (``core.mongol_script.ROMAN``: ᠮᠣᠩᠭᠣᠯ gives ``mongol``, as Монгол does); the
   vowel separator U+180E joins, free variation selectors vanish, and the narrow
   no-break space before a case suffix separates words.
   Words are the runs of ``[a-z0-9]``; everything else separates words, so
   letters of other scripts (Chinese, Arabic ...) and other non-ASCII digits
   are dropped.
4. Spelling-variant classes, digraphs before single letters:

   ======================  =====  =============================================
   spellings               key    why
   ======================  =====  =============================================
   tsch, tch, ts, ch, c    ``c``  ц and ч (Tsagaan/Цагаан, Chinggis/Чингис/Çiñgis)
   sh, s                   ``s``  ш/щ and ş/š fold into ``s`` (Shyrdak/şırdak);
                                  shch and sch become ``sc``
   dzh, dj, zh, j          ``j``  ж (Zhambyl/Jambyl/Жамбыл; ž counts as zh)
   kh, h, q, x, k          ``k``  х, һ, қ (Kazakhstan/Qazaqstan, khuur/huur)
   gh, g                   ``g``  ғ (Qyrghyz/Qyrğyz)
   ph, f                   ``f``
   th, t                   ``t``
   y, i                    ``i``  ы, і, и, й (Kyrgyz/Kirgiz, Almaty/Алматы)
   w, v                    ``v``
   o, a                    ``a``  Russian-mediated spellings swap them
                                  (Ulaanbaatar/Ulanbator, Alma-Ata)
   ======================  =====  =============================================

   ``ñ``/``ң`` count as ``ng``; ``ä``/``ә`` as ``a``; ``ö``/``ө`` as ``o``
   (hence ``a``); ``ü``/``ү``/``ұ`` as ``u``; ``e``/``э`` stay ``e``.
5. Runs of one repeated letter collapse to one (``aa -> a``, ``ss -> s``,
   ``gg -> g``); digits are never collapsed (``1100`` stays ``1100``).

Steps 4 and 5 are repeated until nothing changes, so the key is a fixed
point: ``fold(fold(x)) == fold(x)`` for every string.  The letters
``h o q w x y`` never occur in a key.

Hard ``c`` in English words is *not* merged with ``k`` (``Caspian`` keeps its
``c``), and ``ye``/``e`` or ``ya``/``ia`` are only merged where ``y -> i``
makes them equal.  Words are never joined or split beyond step 3, so
``Ulan-Bator`` gives two words (``ulan batar``) where ``Ulanbator`` gives one.
"""

from __future__ import annotations

import re
import unicodedata

from exhibition_app.core.mongol_script import ROMAN

__all__ = ["fold", "fold_query", "transliterate"]

# ---------------------------------------------------------------------------
# Cyrillic to Latin, shared by transliterate() (display) and fold() (keys).
# Russian follows a simplified BGN/PCGN scheme; the letters special to Kazakh
# follow the 2021 Kazakh Latin alphabet (ä ğ q ñ ö ū ü h i), which also covers
# Mongolian ө and ү.  A few letters of other Central Asian Cyrillic alphabets
# (Kyrgyz, Uzbek, Tajik, Tatar, Ukrainian) are included so they do not vanish.
# ---------------------------------------------------------------------------
_CYRILLIC_LOWER: dict[str, str] = {
    # Russian (and shared) letters
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "yo",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    # Kazakh (ө and ү are Mongolian too)
    "ә": "ä",
    "ғ": "ğ",
    "қ": "q",
    "ң": "ñ",
    "ө": "ö",
    "ұ": "ū",
    "ү": "ü",
    "һ": "h",
    "і": "i",
    # other Central Asian and neighbouring Cyrillic alphabets
    "ў": "ŭ",  # Uzbek, Belarusian
    "ҳ": "h",  # Uzbek, Tajik
    "ҷ": "j",  # Tajik
    "ӣ": "ī",  # Tajik
    "ӯ": "ū",  # Tajik
    "җ": "zh",  # Tatar, Kalmyk
    "ӊ": "ñ",
    "ґ": "g",  # Ukrainian
    "є": "ye",
    "ї": "yi",
    "ј": "j",
    "ѳ": "f",
    "ѣ": "e",
}
# Upper case: title-case form for letters that become several Latin letters.
_CYRILLIC_UPPER: dict[str, str] = {
    key.upper(): value[:1].upper() + value[1:] for key, value in _CYRILLIC_LOWER.items()
}
_CYRILLIC_ALLCAPS: dict[str, str] = {k: v.upper() for k, v in _CYRILLIC_UPPER.items()}

_TITLE_TABLE = str.maketrans({**_CYRILLIC_LOWER, **_CYRILLIC_UPPER})
_ALLCAPS_TABLE = str.maketrans(
    {**{k: v.upper() for k, v in _CYRILLIC_LOWER.items()}, **_CYRILLIC_ALLCAPS}
)

_CYRILLIC_CHARS = "".join(_CYRILLIC_LOWER) + "".join(_CYRILLIC_UPPER)
_HAS_CYRILLIC = re.compile("[" + re.escape(_CYRILLIC_CHARS) + "]")
_WORD = re.compile(r"\w+")

# ---------------------------------------------------------------------------
# fold() tables
# ---------------------------------------------------------------------------
# Latin letters without a Unicode decomposition, and letters that must join a
# digraph class before the diacritics are stripped.
_SPECIAL_LATIN: dict[str, str] = {
    "ı": "i",
    "ł": "l",
    "ø": "o",
    "æ": "ae",
    "œ": "oe",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "ŋ": "ng",
    "ñ": "ng",
    "ə": "a",
    "ħ": "h",
    "ŧ": "t",
    "ĸ": "q",
    "ſ": "s",
    "ß": "ss",
    "ž": "zh",
    "ʒ": "zh",
    "ǯ": "zh",
    "ɣ": "gh",
    "ɨ": "y",
}
# Apostrophe-like characters are deleted so that they do not split words.
_DELETED = "'’‘ʼʻʹʺ`ʾʿ"


def _ascii_fold(latin: str) -> str:
    """Special letters mapped, diacritics removed: ``"ñ" -> "ng"``, ``"ğ" -> "g"``."""
    latin = unicodedata.normalize(
        "NFKD", latin.translate({ord(k): v for k, v in _SPECIAL_LATIN.items()})
    )
    return "".join(c for c in latin if not unicodedata.combining(c))


def _build_fold_table() -> list[str | None]:
    """A ``str.translate`` table indexed by code point (faster than a dict).

    It is applied after NFKD and casefolding: it deletes combining marks and
    apostrophes and maps Cyrillic and special Latin letters to ASCII.  Code
    points past its end raise ``IndexError`` inside ``translate`` and are kept.
    """
    table: list[str | None] = [chr(i) for i in range(0x2100)]
    for i in range(len(table)):
        if unicodedata.category(chr(i)) in ("Mn", "Me"):
            table[i] = None
    for char in _DELETED:
        table[ord(char)] = None
    for char, latin in _SPECIAL_LATIN.items():
        table[ord(char)] = _ascii_fold(latin)
    for char, latin in _CYRILLIC_LOWER.items():
        table[ord(char)] = _ascii_fold(latin)
    for char, latin in ROMAN.items():
        table[ord(char)] = latin or None
    return table


_FOLD_TABLE = _build_fold_table()
_ALNUM_RUN = re.compile(r"[a-z0-9]+")

# Digraphs (and trigraphs): listed longest first so the regex tries them first.
_DIGRAPHS: dict[str, str] = {
    "tsch": "c",
    "tch": "c",
    "dzh": "j",
    "dj": "j",
    "zh": "j",
    "sh": "s",
    "ch": "c",
    "ts": "c",
    "kh": "k",
    "gh": "g",
    "ph": "f",
    "th": "t",
}
_DIGRAPH_RE = re.compile("|".join(sorted(_DIGRAPHS, key=len, reverse=True)))
_SINGLES = str.maketrans({"h": "k", "q": "k", "x": "k", "y": "i", "w": "v", "o": "a"})
_DOUBLES = re.compile(r"([a-z])\1+")
# After one round, only these digraphs can still be present (everything with
# an "h" is gone); checking for them is cheaper than a second full round.
_LEFTOVERS = ("ts", "dj")


def _digraph(match: re.Match[str]) -> str:
    return _DIGRAPHS[match.group()]


def _skeleton(word: str) -> str:
    """Apply the variant classes and letter collapsing until nothing changes."""
    for _ in range(16):  # terminates long before; each round only shrinks
        word = _DIGRAPH_RE.sub(_digraph, word)
        word = word.translate(_SINGLES)
        word = _DOUBLES.sub(r"\1", word)
        if not any(pair in word for pair in _LEFTOVERS):
            break
    return word


# Catalogue text repeats the same words over and over, so the skeleton of each
# word is memoised.  The cache is simply emptied when it grows too large.
_CACHE: dict[str, str] = {}
_CACHE_LIMIT = 200_000


def _word_key(word: str) -> str:
    key = _CACHE.get(word)
    if key is None:
        key = _skeleton(word)
        if len(_CACHE) >= _CACHE_LIMIT:
            _CACHE.clear()
        _CACHE[word] = key
    return key


def fold(text: str) -> str:
    """Return the search skeleton key of ``text``.

    The key contains only ``[a-z0-9 ]``: words separated by single spaces,
    with no leading or trailing space (an empty string when ``text`` has no
    letters or digits).  Cyrillic and Latin spellings of the same name give
    the same key, diacritics and case are ignored, and the result is a fixed
    point (``fold(fold(x)) == fold(x)``).  See the module docstring for the
    classes.

    >>> fold("Қазақстан") == fold("Kazakhstan") == fold("Qazaqstan")
    True
    >>> fold("Morin khuur, 19th c.")
    'marin kur 19t c'
    """
    if text.isascii():
        text = text.lower()
        if "'" in text or "`" in text:
            text = text.replace("'", "").replace("`", "")
    else:
        # NFKD also applies the compatibility mappings (ligatures, full-width
        # forms); two decomposed letters must join digraph classes first.
        text = unicodedata.normalize("NFKD", text).casefold()
        if "\u030c" in text:
            text = text.replace("z\u030c", "zh")  # ž
        if "\u0303" in text:
            text = text.replace("n\u0303", "ng")  # ñ
        text = text.translate(_FOLD_TABLE)
    get = _CACHE.get
    return " ".join([get(word) or _word_key(word) for word in _ALNUM_RUN.findall(text)])


def fold_query(text: str) -> list[str]:
    """Return the folded search terms of a user query.

    Terms are the non-empty words of :func:`fold`, deduplicated, in their
    original order.

    >>> fold_query("Shyrdak  shirdak, Almaty")
    ['sirdak', 'almati']
    """
    return list(dict.fromkeys(fold(text).split()))


def _transliterate_word(match: re.Match[str]) -> str:
    word = match.group()
    if len(word) > 1 and word.isupper():
        return word.translate(_ALLCAPS_TABLE)
    return word.translate(_TITLE_TABLE)


def transliterate(text: str) -> str:
    """Return a readable Latin transliteration of the Cyrillic in ``text``.

    Russian letters follow a simplified BGN/PCGN scheme (``ж zh``, ``х kh``,
    ``ц ts``, ``ч ch``, ``ш sh``, ``щ shch``, ``ы y``, ``й y``, ``ю yu``,
    ``я ya``, hard and soft signs dropped); Kazakh letters follow the 2021
    Kazakh Latin alphabet (``ә ä``, ``ғ ğ``, ``қ q``, ``ң ñ``, ``ө ö``,
    ``ұ ū``, ``ү ü``, ``һ h``, ``і i``); Mongolian ``ө``/``ү`` give ``ö``/``ü``.
    Case is kept: a capital that becomes several letters is title-cased
    (``Ш -> Sh``) unless its whole word is in capitals (``ШЫРДАК -> SHYRDAK``).
    Latin and all other characters are returned unchanged (the text is
    NFC-normalised first when it contains Cyrillic).

    >>> transliterate("Қазақстан, Улаанбаатар")
    'Qazaqstan, Ulaanbaatar'
    """
    if not _HAS_CYRILLIC.search(text):
        return text
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return _WORD.sub(_transliterate_word, text)
