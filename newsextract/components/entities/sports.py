"""Teams in sports reports: in a story about a team sport ("SOCCER - ..." on its
first line), a team named after its city is an organization (models/entities_sports.json).

  results lines     "Leeds 2 Hull 1", "Freiburg 1 ( Zeyer 52nd ) Cologne 3"
  standings lines   "Leeds 5 3 1 1 9 4 10"
  fixtures          "Leeds v Hull", "BOSTON AT CHICAGO"
  prose             a city that is not where something happens ("Leeds beat Hull")

Countries stay countries (a national side is named by its country), and a name the
model read as a person is left alone (scorers, batsmen)."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional, Union

from ...gazetteer import Country, Place
from ...text.tables import Table, load_table, write_table
from .article import Candidate, EntityArticle
from .classify import set_type

SPORTS_FILE = "entities_sports.json"
HEADER = re.compile(r"^\s*([A-Za-z][A-Za-z ]{1,30}?)\s+-\s")
NUMBER = re.compile(r"^\d+(?:[.,-]\d+)*$")


class SportsTable(Table):
    team_sports: list[str]
    fixture_words: list[str]
    standings_min_numbers: int
    individual_sports: list[str]
    dismissal_words: list[str]


class SportsRules:
    """The table, compiled."""

    def __init__(self, table: SportsTable):
        self.table = table
        self.team_sports = frozenset(s.lower() for s in table.team_sports)
        self.fixture_words = frozenset(w.lower() for w in table.fixture_words)
        self.standings_min_numbers = table.standings_min_numbers
        self.individual_sports = frozenset(s.lower() for s in table.individual_sports)
        self.dismissal_words = frozenset(w.lower() for w in table.dismissal_words)


def load_sports_rules(folder: Optional[Union[str, Path]] = None) -> SportsRules:
    return SportsRules(load_table(SPORTS_FILE, SportsTable, folder))


def write_sports_rules(rules: SportsRules, folder: Union[str, Path]) -> None:
    write_table(rules.table, folder, SPORTS_FILE)


def sport_of_story(art: EntityArticle, rules: SportsRules) -> Optional[str]:
    """"team" or "individual" when the article's first line names a sport before a dash, else None."""
    first = art.text.lstrip().split("\n", 1)[0]
    m = HEADER.match(first)
    sport = m.group(1).strip().lower() if m else ""
    return "team" if sport in rules.team_sports else "individual" if sport in rules.individual_sports else None


def table_names(art: EntityArticle, rules: SportsRules, sport: str) -> list[Candidate]:
    """Teams (TEAM) in the results, standings and fixture lines of a team-sport story,
    and players (PLAYER) its tables name."""
    doc = art.doc
    people = {(e.start, e.end) for e in doc.ents if e.label_ == "PERSON"}
    lines: list[list[int]] = [[]]
    for tok in doc:
        if "\n" in tok.text:
            lines.append([])
            continue
        lines[-1].append(tok.i)
        if "\n" in tok.whitespace_:
            lines.append([])
    lines = [line for line in lines if line]
    out: list[Candidate] = []
    for line in lines[1:]:  # the first line is the story's headline
        out.extend(_line_names(art, rules, line, people, sport))
    return out


ORDINAL = re.compile(r"^\d{1,3}(?:st|nd|rd|th)$")


def _line_names(art: EntityArticle, rules: SportsRules, tokens: list[int], people: set, sport: str) -> list[Candidate]:
    out = _line_teams(art, rules, tokens, people) if sport == "team" else []
    taken = {i for c in out for i in range(c.start, c.end)}
    for s, e in _line_players(art, rules, tokens, sport):
        if not any(i in taken for i in range(s, e)):
            out.append(art.span(Candidate(s, e, "PLAYER")))
            taken.update(range(s, e))
    return out


def _name_end(doc, i: int, limit: int) -> int:
    """The end of a run of capitalized words (initials "D." included) starting at token i."""
    j = i
    while j < limit and (doc[j].is_alpha and doc[j].text[0].isupper() or re.match(r"^[A-Z]\.$", doc[j].text)
                         or doc[j].text in ("-",) and j > i and not doc[j].whitespace_):
        j += 1
    return j


def _line_players(art: EntityArticle, rules: SportsRules, tokens: list[int], sport: str) -> list[tuple[int, int]]:
    """Players of a sports table line: scorers in brackets with their minute, a name
    before a bracketed country (individual sports), names around dismissal words."""
    doc, gaz, out = art.doc, art.gaz, []
    if not tokens:
        return out
    first, limit = tokens[0], tokens[-1] + 1
    i = first
    while i < limit:
        tok = doc[i]
        if not (tok.is_alpha and tok.text[0].isupper() or re.match(r"^[A-Z]\.$", tok.text)):
            i += 1
            continue
        j = _name_end(doc, i, limit)
        if any(e.is_country for e in gaz.lookup(doc[i:j].text)):
            i = j
            continue
        nxt = doc[j] if j < limit else None
        prev = doc[i - 1] if i > first else None
        scorer = nxt is not None and ORDINAL.match(nxt.text) and prev is not None and prev.text in ("(", ",")
        close = next((k for k in range(j + 2, min(limit, j + 6)) if doc[k].text == ")"), None)
        player = sport == "individual" and nxt is not None and nxt.text == "(" and close is not None \
            and any(e.is_country for e in gaz.lookup(doc[j + 1:close].text))
        dismissed = (nxt is not None and nxt.lower_ in rules.dismissal_words) or \
            (prev is not None and prev.lower_ in rules.dismissal_words and prev.is_lower)
        if scorer or player or dismissed and sport == "team":
            out.append((i, j))
        i = j
    return out


def _items(art: EntityArticle, rules: SportsRules, tokens: list[int]) -> list[tuple[str, int, int]]:
    """A line as items: ("name", start, end), ("num", i, i+1), ("fix", i, i+1), ("other", i, i+1);
    what stands in brackets (scorers, minutes) is left out."""
    doc, items, depth, i = art.doc, [], 0, 0
    while i < len(tokens):
        tok = doc[tokens[i]]
        if tok.text == "(":
            depth += 1
        elif tok.text == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            if NUMBER.match(tok.text):
                items.append(("num", tok.i, tok.i + 1))
            elif tok.lower_ in rules.fixture_words:
                items.append(("fix", tok.i, tok.i + 1))
            elif tok.is_alpha and tok.text[0].isupper():
                j = i
                while j + 1 < len(tokens) and doc[tokens[j + 1]].is_alpha and doc[tokens[j + 1]].text[0].isupper() \
                        and doc[tokens[j + 1]].lower_ not in rules.fixture_words:
                    j += 1
                items.append(("name", tok.i, doc[tokens[j]].i + 1))
                i = j
            elif tok.lower_ in art.tables.list_joiners:
                items.append(("sep", tok.i, tok.i + 1))
            else:
                items.append(("other", tok.i, tok.i + 1))
        i += 1
    return items


def _line_teams(art: EntityArticle, rules: SportsRules, tokens: list[int], people: set) -> list[Candidate]:
    if not tokens:
        return []
    items = _items(art, rules, tokens)
    kinds = [k for k, _, _ in items]
    teams: list[tuple[int, int]] = []
    # results: NAME NUM NAME NUM
    if len(items) >= 4 and kinds[:4] == ["name", "num", "name", "num"]:
        teams = [items[0][1:], items[2][1:]]
    # standings: NAME NUM NUM NUM ...
    elif kinds[:1] == ["name"] and len(kinds) > rules.standings_min_numbers \
            and all(k == "num" for k in kinds[1:rules.standings_min_numbers + 1]):
        teams = [items[0][1:]]
    else:
        # fixtures: NAME v NAME (, NAME v NAME ...)
        for a, b, c in zip(items, items[1:], items[2:]):
            if a[0] == "name" and b[0] == "fix" and c[0] == "name":
                teams.extend([a[1:], c[1:]])
    return [c for c in (_team(art, s, e, people) for s, e in dict.fromkeys(teams)) if c is not None]


def _team(art: EntityArticle, start: int, end: int, people: set) -> Optional[Candidate]:
    """A team candidate, unless the name is a country or a person's."""
    doc = art.doc
    span = doc[start:end]
    if (start, end) in people \
            or any(e.is_country for e in art.gaz.lookup(span.text)):
        return None  # a scorer, a batsman; a national side
    if len(span) >= 2 and art.tables.is_given_name(span[0].text):
        return None
    return art.span(Candidate(start, end, "TEAM"))


def _dateline(doc, c: Candidate) -> bool:
    """"LISBON 1996-08-23": a place opening a line that holds only it and a date."""
    if c.start > 0 and "\n" not in doc[c.start - 1].whitespace_ + doc[c.start - 1].text:
        return False
    rest = []
    for tok in doc[c.end:]:
        if "\n" in tok.text:
            break
        rest.append(tok)
        if "\n" in tok.whitespace_:
            break
    return all(NUMBER.match(t.text) or t.is_punct or t.pos_ == "PROPN" for t in rest)


def teams_in_prose(art: EntityArticle, cands: list[Candidate]) -> None:
    """In a team-sport story, a city or unknown place that is not where something
    happens ("Leeds beat Hull", not "in Leeds") is the team."""
    doc, tables = art.doc, art.tables
    for c in cands:
        if c.type != "PLACE" or isinstance(c.record, Country) or c.label == "TEAM":
            continue
        if isinstance(c.record, Place) and c.record.kind not in ("city", "capital"):
            continue  # a region ("England", "Ontario") is the side's or the place's name, not a club's
        prev = doc[c.start - 1].lower_ if c.start > 0 else ""
        if prev in tables.place_preps or (c.end < len(doc) and doc[c.end].lower_ in tables.place_suffixes):
            continue
        if _dateline(doc, c):
            continue
        set_type(c, "ORGANIZATION", None, 0.6, alternatives=c.alternatives)
