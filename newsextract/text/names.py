"""The name key: the one normalization two spellings of a name are compared on.

`name_key("Côte d’Ivoire") == name_key("cote d'ivoire")`, `name_key("U.S.") ==
name_key("US")`, `name_key("the Netherlands") == name_key("Netherlands")`:

  - case-folded; accents stripped (NFKD, combining marks dropped); pure-ASCII
    text is only lower-cased, which is the same thing and faster;
  - periods and apostrophes dropped, so "U.S." is "us" and "d'Ivoire" "divoire";
  - hyphens, dashes, slashes, commas, brackets and straight or curly double
    quotes read as spaces ("Nagorno-Karabakh" is "nagorno karabakh");
  - whitespace collapsed, and a leading "the" dropped.

Two options serve callers that compare mentions rather than names:
  drop_possessive   "Russia's" -> "russia" (by default the apostrophe alone is
                    dropped: "russias", which keeps a name apart from its
                    possessive, as the gazetteer wants)
  drop_indefinite   a leading "a" or "an" is dropped as well as "the"
"""
from __future__ import annotations

import re
import unicodedata

# dropped: periods and every apostrophe-like mark (straight, curly, modifier letter, acute, backtick)
_DROPPED = re.compile(r"[.'’‘`´\u00b4\u02bc]")
# read as a space: joiners and separators
_SPACED = re.compile(r"[-‐‑–—/_,;:()\[\]\"“”]+")
_LEADING_THE = re.compile(r"^the\s+")
_LEADING_ARTICLE = re.compile(r"^(?:the|an?)\s+")
# a possessive ending a word, with any apostrophe-like mark: "Russia's", "RUSSIAʼS"
_POSSESSIVE = re.compile(r"(?<=\w)['’‘`´\u02bc]s\b", re.I)


def name_key(text: str, *, drop_possessive: bool = False, drop_indefinite: bool = False) -> str:
    """The key two spellings of one name share (see the module docstring)."""
    if drop_possessive:
        text = _POSSESSIVE.sub("", text)
    if text.isascii():
        text = text.lower()
    else:
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = " ".join(_SPACED.sub(" ", _DROPPED.sub("", text)).split())
    return (_LEADING_ARTICLE if drop_indefinite else _LEADING_THE).sub("", text)
