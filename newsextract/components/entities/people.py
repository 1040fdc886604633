"""Whether two names can name one person or one body: surname alone, spelling
variants, acronyms. Pure functions on name parts (lists of `name_key` words)."""
from __future__ import annotations

import re
from collections import Counter

_LETTER_WORDS = re.compile(r"[A-Za-zÀ-ÿ]+")


class NameIndex:
    """Distinct full names of people, found by the first letter of the surname
    (every way `same_person` matches keeps that letter)."""

    def __init__(self, names=()):
        self._by_initial: dict[str, list[list[str]]] = {}
        self._seen: set[tuple] = set()
        for name in names:
            self.add(name)

    def add(self, name: list[str]) -> None:
        if name and tuple(name) not in self._seen:
            self._seen.add(tuple(name))
            self._by_initial.setdefault(name[-1][:1], []).append(name)

    def near(self, words: list[str]) -> list[list[str]]:
        return self._by_initial.get(words[-1][:1], []) if words else []

    def __iter__(self):
        for names in self._by_initial.values():
            yield from names


def same_person(short: list[str], full: list[str], particles) -> bool:
    """Whether the name parts `short` can name the person `full`: equal, the
    surname alone (with its particles: "von der Leyen"; a lone particle such as
    "al" is no surname), first + last name, or a one-letter spelling variant of
    the surname ("Zelensky"/"Zelenskyy")."""
    if not short or not full:
        return False
    if short == full:
        return True
    if len(short) < len(full) and full[-len(short):] == short and short[0] not in particles \
            or len(short) < len(full) and full[-len(short):] == short and len(short) > 1:
        return True
    if 2 <= len(short) <= len(full) and short[0] == full[0] and short[-1] == full[-1]:
        return True
    if (len(short) == 1 or short[:-1] == full[:-1]) and len(full) >= 2:
        a, b = short[-1], full[-1]
        # a letter added or dropped ("Zelensky"); a letter changed only in longer names
        return min(len(a), len(b)) >= (5 if len(a) != len(b) else 7) and one_edit(a, b)
    return False


def one_edit(a: str, b: str) -> bool:
    """Whether two words differ by one letter added, dropped or changed."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    if len(a) > len(b):
        a, b = b, a
    return any(b[:i] + b[i + 1:] == a for i in range(len(b)))


def acronym_fits(acronym: str, name: str) -> bool:
    """Whether an acronym can stand for a name: its letters are initials of the
    name's words, in any order ("ICRC", "FARC" for "Revolutionary Armed Forces of
    Colombia"), not "AP" after "Ukraine"."""
    initials = Counter(w[0].upper() for w in _LETTER_WORDS.findall(name))
    return all(initials[ch] >= n for ch, n in Counter(acronym.upper()).items())


def capitals_fit(acronym: str, name: str) -> bool:
    """Whether an acronym's letters are the name's capitals in order, some left out
    ("USAID" for "US Agency for International Development")."""
    capitals = iter(ch for ch in name if ch.isupper())
    return all(any(ch == cap for cap in capitals) for ch in acronym.upper() if ch.isalpha())


def initials(text: str, person: bool, skip: frozenset) -> list[str]:
    """The acronyms a name can be written as: the initials of its content words
    ("U.S. Geological Survey" -> "USGS"), and of a person's first three names."""
    words = _LETTER_WORDS.findall(text)
    if len(words) < 2:
        return []
    content = [w for w in words if w.lower() not in skip]
    forms = {"".join(w[0].upper() for w in content)}
    if person and len(words) >= 3:
        forms.add("".join(w[0].upper() for w in words[:3]))
    return [f for f in forms if len(f) >= 2]
