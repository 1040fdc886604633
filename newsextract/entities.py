"""Entities: typing and correcting the base model's spans, resolving them within
the article, and the MEDIATOR role.

One article's way through `EntityRecognizer.__call__`:
  1. candidates   the model's spans (GPE/LOC/FAC/ORG/PERSON), repaired: split at
                  commas and line breaks, titles cut off ("President X"), split
                  names joined ("Ursula von" + "der Leyen"), "Donetsk region"
                  extended, org + person run-ons split; plus gazetteer names the
                  model missed; minus chrome, credits, dates and non-entities
  2. typing       gazetteer + context: COUNTRY, PLACE, ORGANIZATION, PERSON, with
                  a confidence and the other readings of ambiguous names
  3. references   phrases that name a country without its name: its government
                  ("the Swiss government"), its capital used for it ("Moscow
                  said"), a description ("the Gulf country"); government bodies
                  ("Russia's defence ministry", "the ministry")
  4. resolution   one Entity per real entity: people by name parts, countries
                  by ISO code, organizations by acronym and body, places by record
  5. roles        MEDIATOR from the pattern table in models/entities_mediators.json
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from .gazetteer import Country, Entry, Organization, Place, load_gazetteer, name_key, read_model_json
from .schema import Entity, EntityAttributes, Evidence, Mention, RoleEvidence
from .spans import evidence, region_at

MODEL_LABELS = {"GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "ORG": "ORGANIZATION", "PERSON": "PERSON"}
EXCLUDED_REGIONS = frozenset({"chrome", "credit", "byline", "dateline"})
LOCATIVE_WORDS = frozenset({"in", "at", "from", "near", "outside", "into", "across", "toward", "towards", "around",
                            "through", "via", "inside", "to", "over", "off", "within", "throughout"})
ORG_WORDS = frozenset({
    "ministry", "ministries", "department", "office", "agency", "council", "committee", "commission", "court",
    "party", "front", "movement", "army", "forces", "force", "guard", "police", "bank", "fund", "authority",
    "organization", "organisation", "association", "union", "institute", "university", "service", "services",
    "group", "company", "corporation", "inc", "ltd", "network", "foundation", "society", "federation",
    "league", "parliament", "assembly", "senate", "congress", "cabinet", "secretariat", "headquarters",
    "command", "brigade", "battalion", "regiment", "squad", "unit", "center", "centre", "bureau", "board",
    "news", "times", "post", "press", "tribune", "journal", "television", "radio", "tv", "broadcasting",
})
SPEECH_VERBS = frozenset({
    "say", "tell", "announce", "accuse", "deny", "demand", "warn", "respond", "agree", "reject", "claim",
    "insist", "want", "threaten", "blame", "release", "free", "sanction", "impose", "expel", "recall",
    "condemn", "welcome", "call", "urge", "hope", "refuse", "decide", "confirm", "retaliate", "plan",
    "respond", "add", "state", "insist", "seek", "offer", "propose", "allow", "refuse", "send", "hand",
    "return", "exchange", "swap", "negotiate", "sign", "approve", "pledge", "promise", "vow", "dismiss",
    "criticize", "criticise", "praise", "thank", "allege", "suggest", "acknowledge", "admit", "report",
})
MARKER = re.compile(r"⟨([A-Z]+\d*|D:[A-Z]{2})⟩")


@dataclass
class Candidate:
    """One mention on its way to an Entity."""

    start: int  # token offsets in the doc
    end: int
    label: str  # the model's label, or GAZ for a gazetteer-only name
    text: str = ""
    start_char: int = 0
    end_char: int = 0
    type: Optional[str] = None
    record: object = None  # Country, Place, Organization from the gazetteer
    entries: list = field(default_factory=list)
    role: str = "name"  # name, government, capital, descriptor, body, generic_body, demonym, acronym
    country: Optional[str] = None  # ISO alpha-2 this mention refers to (countries, governments, capitals)
    titles: list = field(default_factory=list)
    confidence: float = 0.9
    alternatives: list = field(default_factory=list)
    body_key: Optional[tuple] = None
    nested: bool = False  # inside a larger mention (a country in "South Korea's Foreign Ministry")
    entity: Optional[Entity] = None


class EntityTables:
    """The hand-written tables of models/entities_*.json, compiled once."""

    def __init__(self):
        people = read_model_json("entities_people.json")
        bodies = read_model_json("entities_bodies.json")
        mediators = read_model_json("entities_mediators.json")
        self.title_gender: dict[tuple, Optional[str]] = {}
        for gender, titles in people["titles"].items():
            for title in titles:
                key = tuple(_word(t) for t in title.replace("-", " - ").split())
                self.title_gender[key] = None if gender == "neutral" else gender
        self.title_words = {w for key in self.title_gender for w in key if w not in ("of", "-", "the")}
        self.max_title_len = max(len(k) for k in self.title_gender)
        self.particles = frozenset(p.lower() for p in people["particles"])
        self.given_names = {n: g for g, names in people["given_names"].items() for n in names}
        self.body_heads = {tuple(h.split()) for h in bodies["body_heads"]}
        self.max_body_len = max(len(h) for h in self.body_heads)
        self.country_heads = frozenset(bodies["country_heads"])
        self.portfolios = {}
        for canon, forms in bodies["portfolio_synonyms"].items():
            for form in forms:
                self.portfolios[form] = canon
        self.region_descriptors = bodies["region_descriptors"]
        self.country_nouns = frozenset(bodies["country_nouns"])
        self.place_suffixes = frozenset(bodies["place_suffixes"])
        self.non_entities = frozenset(bodies["non_entities"])
        self.med_prefilter = re.compile(mediators["prefilter"], re.I)
        self.med_excludes = re.compile(mediators["excludes"], re.I)
        self.med_future = re.compile(mediators["future_markers"], re.I)
        item = r"(?:the\s+)?(?:(?-i:[A-Z][\w’'.-]*)\s+){0,4}?⟨(?:[A-Z]+\d*|D:[A-Z]{2})⟩"
        group = lambda name: rf"(?P<{name}>{item}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){item}){{0,5}})"
        self.med_patterns = []
        for row in mediators["patterns"]:
            regex = row["regex"].replace("{M2}", group("m2")).replace("{M}", group("m"))
            requires = re.compile(row["requires"], re.I) if row.get("requires") else None
            self.med_patterns.append((row["id"], re.compile(regex, re.I), requires, row.get("verb_group")))


def _word(text: str) -> str:
    return text.lower().rstrip(".") if len(text) > 2 else text.lower()


class EntityRecognizer:
    """The newsextract_entities component: see the module docstring."""

    def __init__(self, nlp: Language, name: str, *, use_gazetteer_matches: bool = True,
                 min_person_confidence: float = 0.5, mediators: bool = True):
        self.name = name
        self.gaz = load_gazetteer()
        self.tables = EntityTables()
        self.use_gazetteer_matches = use_gazetteer_matches
        self.min_person_confidence = min_person_confidence
        self.find_mediators = mediators
        self._continents: dict[str, set] = {}
        for country in self.gaz.countries.values():
            if country.continent:
                self._continents.setdefault(country.continent, set()).add(country.iso2)

    # ================================================================== main
    def __call__(self, doc: Doc) -> Doc:
        cands = self._candidates(doc)
        context = self._context_codes(cands)
        for c in cands:
            self._type(doc, c, context)
        cands = [c for c in cands if c.type]
        cands += self._country_references(doc, cands)
        cands += self._body_mentions(doc, cands)
        self._capital_metonyms(doc, cands)
        cands.sort(key=lambda c: (c.start_char, -c.end_char))
        entities = self._resolve(doc, cands)
        if self.find_mediators:
            self._mediators(doc, cands, entities)
        doc._.ne_entities = [e for e in entities if e.mentions]
        return doc

    # ============================================================ candidates
    def _excluded(self, doc: Doc, start_char: int, end_char: int) -> bool:
        for kind, rs, re_ in doc._.ne_regions or ():
            if kind in EXCLUDED_REGIONS and rs < end_char and start_char < re_:
                return True
        return False

    def _candidates(self, doc: Doc) -> list[Candidate]:
        spans: list[Candidate] = []
        for ent in doc.ents:
            if ent.label_ in MODEL_LABELS:
                spans.extend(self._repair(doc, Candidate(ent.start, ent.end, ent.label_)))
        spans = self._join_split_names(doc, spans)
        if self.use_gazetteer_matches:
            spans = self._merge_gazetteer(doc, spans)
        out = []
        taken = set()
        for c in sorted(spans, key=lambda c: (c.start, -(c.end - c.start))):
            if c.end <= c.start:
                continue
            c.start_char, c.end_char = doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1].text)
            c.text = doc.text[c.start_char:c.end_char]
            if not c.nested and any(i in taken for i in range(c.start, c.end)):
                continue
            if self._excluded(doc, c.start_char, c.end_char) or not self._plausible(doc, c):
                continue
            if not c.nested:
                taken.update(range(c.start, c.end))
            out.append(c)
        return out

    def _plausible(self, doc: Doc, c: Candidate) -> bool:
        """Not a date, a number, a lone title, a common word or page furniture."""
        text = c.text
        if not any(ch.isupper() for ch in text) or text in self.tables.non_entities:
            return False
        if c.entries:
            return True
        if any(ch.isdigit() for ch in text):
            return False
        toks = doc[c.start:c.end]
        words = [_word(t.text) for t in toks if t.is_alpha]
        if not words or all(w in self.tables.title_words for w in words):
            return False
        if len(toks) == 1 and toks[0].is_sent_start and toks[0].pos_ not in ("PROPN",) and not toks[0].is_upper:
            return False
        return True

    def _repair(self, doc: Doc, c: Candidate) -> list[Candidate]:
        """Split a model span at punctuation, cut titles and determiners off it,
        split an organization or title run into a person ("Constitutional Court
        Petr Petrov"), extend a place with its suffix ("Donetsk region")."""
        parts, start = [], c.start
        for i in range(c.start, c.end):
            t = doc[i]
            if t.text in (",", ";", "|", "•", "/", "(", ")", "[", "]", "—", "–") or "\n" in t.text or "\n" in t.whitespace_:
                end = i if ("\n" not in t.whitespace_ or t.text in (",", ";")) else i + 1
                if end > start:
                    parts.append((start, end))
                start = i + 1
        if start < c.end:
            parts.append((start, c.end))
        out = []
        for s, e in parts:
            out.extend(self._trim(doc, Candidate(s, e, c.label)))
        return out

    def _trim(self, doc: Doc, c: Candidate) -> list[Candidate]:
        s, e = c.start, c.end
        while s < e and (doc[s].lower_ in ("the", "a", "an", "by", "photo", "credit") or doc[s].is_punct):
            s += 1
        while e > s and (doc[e - 1].is_punct or doc[e - 1].lower_ in ("'s", "’s", "'", "’")):
            e -= 1
        if e <= s:
            return []
        c.start, c.end = s, e
        # a title inside the span: what follows it is a person ("EC chairperson Jane Doe")
        if c.label in ("PERSON", "ORG", "GPE", "NORP") and e - s >= 2:
            cut = self._last_title_end(doc, s, e)
            if cut is not None and doc[cut[1]].is_title:
                title_start, title_end = cut
                person = Candidate(title_end, e, "PERSON")
                person.titles = [doc[title_start:title_end].text]
                before = [] if title_start == s else self._trim(doc, Candidate(s, title_start, "ORG"))
                return [b for b in before if self.gaz.lookup(doc[b.start:b.end].text) or doc[b.start:b.end].text.isupper()] + [person]
        split = self._org_person_split(doc, s, e) if c.label in ("ORG", "GPE", "PERSON") else None
        if split is not None:
            first = Candidate(s, split, c.label if c.label != "PERSON" else "ORG")
            keep_first = bool(self.gaz.lookup(doc[s:split].text)) or _word(doc[split - 1].text) in ORG_WORDS
            if keep_first and self._title_before(doc, s) and doc[s - 1].lower_ in ("for", "of") and not self.gaz.lookup(doc[s:split].text):
                keep_first = False
            return ([first] if keep_first else []) + [Candidate(split, e, "PERSON")]
        # "Donetsk region", "Rakhine State"
        if c.label in ("GPE", "LOC") and e < len(doc) and doc[e].lower_ in self.tables.place_suffixes:
            if not any(en.is_country for en in self.gaz.lookup(doc[s:e].text)) and not (e + 1 < len(doc) and doc[e + 1].lower_ == "of"):
                c.end = e + 1
        return [c]

    def _last_title_end(self, doc: Doc, s: int, e: int):
        """(start, end) of the last title phrase inside tokens [s, e), if any."""
        tables = self.tables
        best = None
        i = s
        while i < e:
            for n in range(min(tables.max_title_len, e - i), 0, -1):
                key = tuple(_word(t.text) for t in doc[i:i + n])
                if key in tables.title_gender and (doc[i].is_lower or doc[i].is_title or doc[i].is_upper):
                    best = (i, i + n)
                    i += n - 1
                    break
            i += 1
        if best is None or best[1] >= e:
            return None
        return best

    def _title_before(self, doc: Doc, start: int) -> list[str]:
        """Title phrases written right before a name ("President", "Foreign Minister")."""
        tables, titles = self.tables, []
        i = start
        while i > 0:
            for n in range(min(tables.max_title_len, i), 0, -1):
                key = tuple(_word(t.text) for t in doc[i - n:i])
                if key in tables.title_gender:
                    titles.insert(0, doc[i - n:i].text)
                    i -= n
                    break
            else:
                # "Commissioner for Crisis Management X": step over "for <Capitalized...>"
                break
        return titles

    def _org_person_split(self, doc: Doc, s: int, e: int) -> Optional[int]:
        """Where a run-on "<organization or place> <First Last>" splits, if it is one."""
        if e - s < 3:
            return None
        for k in (e - 2, e - 3):
            if k <= s:
                continue
            tail = doc[k:e]
            if any(t.lower_ in ORG_WORDS for t in tail) or not all(t.is_title or t.lower_ in self.tables.particles for t in tail):
                continue
            if not tail[0].is_title or tail[0].lower_ in self.tables.particles and k == e - 2:
                continue
            if k == e - 3 and tail[1].lower_ not in self.tables.particles and tail[0].text not in self.tables.given_names:
                continue
            head_known = bool(self.gaz.lookup(doc[s:k].text)) or _word(doc[k - 1].text) in ORG_WORDS
            head_title = doc[s - 1].lower_ in ("for", "of") and bool(self._title_before(doc, s - 1)) if s > 0 else False
            if head_known or head_title or tail[0].text in self.tables.given_names:
                return k
        return None

    def _join_split_names(self, doc: Doc, spans: list[Candidate]) -> list[Candidate]:
        """"Ursula von" + "der" + "Leyen": a person whose name runs on over particles."""
        spans.sort(key=lambda c: c.start)
        out: list[Candidate] = []
        particles = self.tables.particles
        i = 0
        while i < len(spans):
            c = spans[i]
            if c.label == "PERSON":
                j = c.end
                while j < len(doc) and doc[j].lower_ in particles and j - c.end < 3:
                    j += 1
                ends_in_particle = doc[c.end - 1].lower_ in particles
                if (j > c.end or ends_in_particle) and j < len(doc) and doc[j].is_title:
                    k = j + 1
                    while k < len(doc) and doc[k].is_title and k - j < 2 and not doc[k - 1].whitespace_ == "":
                        k += 1
                    c = Candidate(c.start, k, "PERSON", titles=c.titles)
                    while i + 1 < len(spans) and spans[i + 1].start < k:
                        i += 1
            out.append(c)
            i += 1
        return out

    def _merge_gazetteer(self, doc: Doc, spans: list[Candidate]) -> list[Candidate]:
        """Attach gazetteer readings to the model's spans; add the names it missed."""
        by_token = {}
        for c in spans:
            for i in range(c.start, c.end):
                by_token[i] = c
        extra = []
        for m in self.gaz.scan(doc):
            entries = self._context_filter(doc, m.start, m.entries)
            if not entries:
                continue
            covering = {id(by_token[i]): by_token[i] for i in range(m.start, m.end) if i in by_token}
            if not covering:
                if self._gazetteer_only_ok(doc, m.start, m.end, entries):
                    extra.append(Candidate(m.start, m.end, "GAZ", entries=entries))
                continue
            if len(covering) == 1:
                c = next(iter(covering.values()))
                if (c.start, c.end) == (m.start, m.end):
                    c.entries = entries
                    continue
                if c.start <= m.start and m.end <= c.end:
                    # a country inside an organization's name is still a mention of it
                    if entries[0].is_country and not self.gaz.lookup(doc[c.start:c.end].text):
                        if c.label in ("ORG", "FAC") or self._org_person_split(doc, c.start, c.end):
                            extra.append(Candidate(m.start, m.end, "GAZ", entries=entries, nested=c.label in ("ORG", "FAC")))
                            if c.label == "GPE" or c.label == "PERSON":
                                pass
                        elif m.start == c.start and c.label in ("GPE", "PERSON"):
                            # "Syria Jane Doe": the country, then the rest
                            extra.append(Candidate(m.start, m.end, "GAZ", entries=entries))
                            c.start = m.end
                    continue
            # the name crosses the model's spans: trust the gazetteer for countries and organizations
            if isinstance(entries[0].record, (Country, Organization)) or len(covering) > 1:
                for c in covering.values():
                    if c.start < m.start:
                        c.end = min(c.end, m.start)
                    elif c.end > m.end:
                        c.start = max(c.start, m.end)
                    else:
                        c.end = c.start  # swallowed
                extra.append(Candidate(m.start, m.end, "GAZ", entries=entries))
        return [c for c in spans if c.end > c.start] + extra

    def _context_filter(self, doc: Doc, start: int, entries: list[Entry]) -> list[Entry]:
        """Drop readings whose required context is missing ("X" the platform only "on X")."""
        out = []
        for e in entries:
            if isinstance(e.record, Organization) and e.record.after_words:
                if start == 0 or doc[start - 1].lower_ not in e.record.after_words:
                    continue
            out.append(e)
        return out

    def _gazetteer_only_ok(self, doc: Doc, start: int, end: int, entries: list[Entry]) -> bool:
        """A name the model did not tag is taken when the gazetteer is sure enough."""
        first = entries[0]
        toks = doc[start:end]
        text = toks.text
        if text in self.tables.non_entities:
            return False
        if isinstance(first.record, (Country, Organization)):
            if end - start == 1 and toks[0].is_sent_start and toks[0].pos_ not in ("PROPN",) and not toks[0].is_upper:
                return False
            # a demonym-like adjective use of a country ("US" in "US officials") is still the country
            return True
        place = first.record
        if not place.salient:
            return False
        if any(t.pos_ not in ("PROPN",) for t in toks if t.is_alpha and t.lower_ not in self.tables.particles):
            return False
        # a given name that is also a place ("Jordan", "Florence") followed by a surname is a person
        if end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN" and doc[end].ent_type_ == "PERSON":
            return False
        return True

    # ================================================================ typing
    def _context_codes(self, cands: list[Candidate]) -> Counter:
        """Country codes of the article's unambiguous gazetteer names, for ambiguity."""
        codes = Counter()
        for c in cands:
            if len(c.entries) == 1 or (c.entries and len({_code(e.record) for e in c.entries}) == 1):
                code = _code(c.entries[0].record)
                if code:
                    codes[code] += 1
        return codes

    def _type(self, doc: Doc, c: Candidate, context: Counter) -> None:
        entries = c.entries or self._context_filter(doc, c.start, self.gaz.lookup(c.text))
        c.entries = entries
        label = c.label
        person_cue = self._person_cue(doc, c)
        if not c.titles:
            c.titles = self._title_before(doc, c.start)
        if entries:
            first = entries[0]
            rec = first.record
            if label == "PERSON" and person_cue and not isinstance(rec, Organization):
                self._set(c, "PERSON", None, 0.75, alternatives=[_describe(e.record) for e in entries[:2]])
                return
            if isinstance(rec, Organization):
                self._set(c, "ORGANIZATION", rec, 0.95)
                return
            if isinstance(rec, Country):
                chosen, confidence, others = self._disambiguate(doc, c, entries, context)
                if isinstance(chosen, Country) and chosen.kind != "territory":
                    self._set(c, "COUNTRY", chosen, confidence, alternatives=others)
                    c.country = chosen.iso2
                else:
                    self._set(c, "PLACE", chosen if isinstance(chosen, Place) else _territory_place(chosen), confidence, alternatives=others)
                return
            place: Place = rec
            if label == "PERSON" and not (place.salient or self._locative(doc, c)):
                self._set(c, "PERSON", None, 0.6, alternatives=[_describe(place)])
                return
            if label == "ORG" and any(t.lower_ in ORG_WORDS for t in doc[c.start:c.end]):
                self._set(c, "ORGANIZATION", None, 0.8)
                return
            chosen, confidence, others = self._disambiguate(doc, c, entries, context)
            if isinstance(chosen, Country):
                self._set(c, "PLACE", _territory_place(chosen), confidence, alternatives=others)
            else:
                self._set(c, "PLACE", chosen, confidence if label != "GAZ" else min(confidence, 0.85), alternatives=others)
            return
        toks = doc[c.start:c.end]
        acronym = len(toks) == 1 and toks[0].is_upper and 2 <= len(toks[0].text) <= 6 and toks[0].is_alpha
        if label in ("GPE", "LOC", "FAC"):
            if acronym:
                self._set(c, "ORGANIZATION", None, 0.6)
            elif label == "GPE" and self.gaz.demonym(c.text):
                return  # a demonym tagged as a place ("Ukrainian")
            else:
                self._set(c, "PLACE", None, 0.7 if label == "GPE" else 0.65)
        elif label == "ORG":
            if _word(toks[-1].text) in self.tables.title_words and _word(toks[-1].text) not in ORG_WORDS:
                return  # "Presidential National Security Advisor" is a title, not a body
            if len(toks) == 1 and toks[0].is_title and toks[0].text in self.tables.given_names:
                self._set(c, "PERSON", None, 0.55)
            else:
                self._set(c, "ORGANIZATION", None, 0.75)
        elif label == "PERSON":
            if acronym:
                self._set(c, "ORGANIZATION", None, 0.5)
                c.role = "acronym"
            elif any(t.lower_ in ORG_WORDS for t in toks) and not person_cue:
                self._set(c, "ORGANIZATION", None, 0.6)
            else:
                self._set(c, "PERSON", None, 0.85 if person_cue or len(toks) > 1 else 0.7)

    @staticmethod
    def _set(c: Candidate, etype: str, record, confidence: float, alternatives=()) -> None:
        c.type, c.record, c.confidence = etype, record, round(confidence, 2)
        c.alternatives = [a for a in alternatives if a]

    def _person_cue(self, doc: Doc, c: Candidate) -> bool:
        toks = doc[c.start:c.end]
        if c.titles or self._title_before(doc, c.start):
            return True
        return len(toks) > 1 and toks[0].text in self.tables.given_names

    def _locative(self, doc: Doc, c: Candidate) -> bool:
        before = doc[c.start - 1].lower_ if c.start > 0 else ""
        after = doc[c.end].lower_ if c.end < len(doc) else ""
        return before in LOCATIVE_WORDS or after in self.tables.place_suffixes

    def _disambiguate(self, doc: Doc, c: Candidate, entries: list[Entry], context: Counter):
        """The most likely reading of a name with several (Georgia the country or
        the US state): a prior by kind, plus the countries the article names."""
        readings = []
        seen = set()
        for rank, e in enumerate(entries[:6]):
            rec = e.record
            key = (type(rec).__name__, _code(rec), getattr(rec, "kind", ""))
            if key in seen or isinstance(rec, Organization):
                continue
            seen.add(key)
            code = _code(rec)
            own = context[code] - (1 if len(entries) == 1 else 0)
            if isinstance(rec, Country):
                score = 3.0 + 0.5 * min(own, 4) + 0.5 * sum(min(context[n], 2) for n in rec.neighbours)
            else:
                score = {0: 2.0, 1: 1.0}.get(rank, 0.5) + 1.5 * min(own, 4)
                if c.end < len(doc) and doc[c.end].lower_ in ("state", "county", "province", "region"):
                    score += 2.0
            readings.append((score, rec))
        readings.sort(key=lambda r: -r[0])
        if len(readings) == 1:
            return readings[0][1], 0.95 if c.label != "PERSON" else 0.8, []
        total = sum(s for s, _ in readings)
        best_score, best = readings[0]
        others = [_describe(r) for _, r in readings[1:3]]
        return best, max(0.5, min(0.95, best_score / total + 0.3)), others

    # ============================================================ references
    def _country_references(self, doc: Doc, cands: list[Candidate]) -> list[Candidate]:
        """Phrases that refer to a country without its name: "the Venezuelan
        government", "the government of Nigeria", "Omani authorities", "the
        Gulf country", "the Russian capital" (a mention of the capital)."""
        out = []
        by_end = {c.end: c for c in cands if c.type == "COUNTRY"}
        by_start = {c.start: c for c in cands if c.type == "COUNTRY"}
        covered = {i for c in cands if not c.nested for i in range(c.start, c.end)}
        n = len(doc)
        for i, tok in enumerate(doc):
            low = tok.lower_
            if low in self.tables.country_heads and tok.pos_ in ("NOUN", "PROPN"):
                iso, start = self._country_before(doc, i, by_end)
                end = i + 1
                if iso is None and i + 2 < n and doc[i + 1].lower_ == "of" and (i + 2) in by_start:
                    inner = by_start[i + 2]
                    iso, start, end = inner.country, i, inner.end
                if iso and low == "state" and not (start < i and doc[start].lower_ != "the"):
                    pass
                if iso and low != "state":
                    if start > 0 and doc[start - 1].lower_ == "the":
                        start -= 1
                    out.append(self._reference(doc, start, end, iso, "government"))
            elif low == "capital" and i > 0:
                iso, start = self._country_before(doc, i, by_end)
                if iso is None and i + 2 < n and doc[i + 1].lower_ == "of" and (i + 2) in by_start:
                    iso, start = by_start[i + 2].country, i
                    end = by_start[i + 2].end
                else:
                    end = i + 1
                capital = self.gaz.capitals.get(iso) if iso else None
                if capital and not any(j in covered for j in range(start, end) if doc[j].lower_ != "capital" and j not in by_end.get(end, Candidate(0, 0, "")).__dict__.get("_", ())):
                    pass
                if capital:
                    ref = self._reference(doc, start, end, iso, "descriptor")
                    ref.type, ref.record, ref.country = "PLACE", capital, None
                    out.append(ref)
            elif low in self.tables.country_nouns and i >= 2 and doc[i - 2].lower_ == "the" and tok.pos_ == "NOUN":
                iso = self._described_country(doc, i, cands)
                if iso:
                    out.append(self._reference(doc, i - 2, i + 1, iso, "descriptor"))
        return [r for r in out if not self._excluded(doc, r.start_char, r.end_char)]

    def _country_before(self, doc: Doc, i: int, by_end: dict):
        """The country named right before token i: "Russia's", "the Russian", "U.S."."""
        j = i - 1
        while j >= 0 and doc[j].lower_ in ("'s", "’s", "'", "’"):
            j -= 1
        if j >= 0 and (j + 1) in by_end:
            c = by_end[j + 1]
            return c.country, c.start
        if j >= 0:
            iso = self.gaz.demonym(doc[j].text) if doc[j].is_title else None
            if iso:
                return iso, j
        return None, i

    def _described_country(self, doc: Doc, i: int, cands: list[Candidate]) -> Optional[str]:
        """The country "the Gulf country" points back to: the last one named before
        it that the description fits."""
        desc = doc[i - 1].lower_
        codes = self.tables.region_descriptors.get(desc)
        if codes is None:
            return None
        allowed = set()
        for code in codes:
            if code.startswith("continent:"):
                allowed |= self._continents.get(code.split(":", 1)[1], set())
            else:
                allowed.add(code)
        start = doc[i - 2].idx
        named = [c for c in cands if c.type == "COUNTRY" and c.country and c.end_char <= start]
        if codes == ["neighbours"]:
            return None
        for c in reversed(named):
            if c.country in allowed:
                return c.country
        later = {c.country for c in cands if c.type == "COUNTRY" and c.country in allowed}
        return next(iter(later)) if len(later) == 1 else None

    def _reference(self, doc: Doc, start: int, end: int, iso: str, role: str) -> Candidate:
        c = Candidate(start, end, "REF", role=role, type="COUNTRY", country=iso,
                      record=self.gaz.countries.get(iso), confidence=0.8)
        c.start_char, c.end_char = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
        c.text = doc.text[c.start_char:c.end_char]
        c.nested = True
        return c

    # ========================================================= bodies (orgs)
    def _body_key(self, doc: Doc, start: int, end: int, anchor_iso: Optional[str]) -> Optional[tuple]:
        """(country, head, portfolio) of a government body's name, or None."""
        words = [_word(t.text) for t in doc[start:end] if t.is_alpha]
        head = None
        for h in sorted(self.tables.body_heads, key=len, reverse=True):
            hl = len(h)
            for k in range(len(words) - hl + 1):
                if tuple(words[k:k + hl]) == h:
                    head = h[-1]
                    break
            if head:
                break
        if head is None:
            return None
        iso = anchor_iso
        portfolio = None
        for w in words:
            if iso is None:
                iso = self.gaz.demonym(w) or (self.gaz.country(w).iso2 if self.gaz.country(w) else None)
            if w in self.tables.portfolios and portfolio is None:
                portfolio = self.tables.portfolios[w]
        joined = " ".join(words)
        for form, canon in self.tables.portfolios.items():
            if " " in form and form in joined:
                portfolio = canon
        return (iso, head, portfolio)

    def _body_mentions(self, doc: Doc, cands: list[Candidate]) -> list[Candidate]:
        """Government bodies named after their country: "Russia's defence ministry",
        "the Israeli army", "the EU's external action office"; and generic mentions
        ("the ministry", "the Russian ministry") that refer back to one of them."""
        out = []
        covered = {i for c in cands if not c.nested for i in range(c.start, c.end)}
        by_end = {c.end: c for c in cands if c.type in ("COUNTRY",) or
                  (c.type == "ORGANIZATION" and isinstance(c.record, Organization) and c.record.kind == "intergovernmental")}
        # the model's own organization spans that are bodies
        for c in cands:
            if c.type == "ORGANIZATION" and c.label != "GAZ":
                key = self._body_key(doc, c.start, c.end, None)
                if key:
                    c.body_key, c.role = key, "body"
        heads = self.tables.body_heads
        n = len(doc)
        for i in range(n):
            for hl in range(self.tables.max_body_len, 0, -1):
                if i + hl > n:
                    continue
                h = tuple(_word(t.text) for t in doc[i:i + hl])
                if h not in heads or any(j in covered for j in range(i, i + hl)):
                    continue
                end = i + hl
                # walk left over modifiers to an anchor (a country, its demonym, an intergovernmental body)
                j, anchor_iso, start = i, None, None
                steps = 0
                while j > 0 and steps < 5:
                    prev = doc[j - 1]
                    if j in by_end:
                        anchor = by_end[j]
                        anchor_iso = anchor.country or ("ORG:" + anchor.record.name if anchor.record else None)
                        start = anchor.start
                        break
                    if prev.lower_ in ("'s", "’s"):
                        j -= 1
                        continue
                    dem = self.gaz.demonym(prev.text) if prev.is_title else None
                    if dem:
                        anchor_iso, start = dem, j - 1
                        break
                    if prev.is_alpha and prev.pos_ in ("ADJ", "NOUN", "PROPN") and prev.lower_ not in ("the", "a", "an", "its", "their", "his", "her") and (j - 1) not in covered:
                        j -= 1
                        steps += 1
                        continue
                    break
                generic_start = i
                while generic_start > 0 and doc[generic_start - 1].is_alpha and doc[generic_start - 1].pos_ in ("ADJ", "NOUN") and doc[generic_start - 1].lower_ in self.tables.portfolios and (generic_start - 1) not in covered:
                    generic_start -= 1
                if anchor_iso and start is not None:
                    key = self._body_key(doc, start, end, anchor_iso if not anchor_iso.startswith("ORG:") else None)
                    if key is None:
                        continue
                    if anchor_iso.startswith("ORG:"):
                        key = (anchor_iso, key[1], key[2])
                    c = Candidate(start, end, "BODY", type="ORGANIZATION", role="body", body_key=key, confidence=0.75)
                elif generic_start > 0 and doc[generic_start - 1].lower_ == "the" and h[-1] in ("ministry", "department", "agency", "office", "army", "commission"):
                    c = Candidate(generic_start - 1, end, "BODY", type="ORGANIZATION", role="generic_body",
                                  body_key=self._body_key(doc, generic_start, end, None), confidence=0.6)
                else:
                    continue
                c.start_char, c.end_char = doc[c.start].idx, doc[end - 1].idx + len(doc[end - 1].text)
                c.text = doc.text[c.start_char:c.end_char]
                if not self._excluded(doc, c.start_char, c.end_char):
                    out.append(c)
                    covered.update(range(c.start, c.end))
                break
        return out

    # ====================================================== capital metonymy
    def _capital_metonyms(self, doc: Doc, cands: list[Candidate]) -> None:
        """A capital used for its government ("Moscow said", "Tehran's funds",
        "talks between Washington and Caracas") is a mention of the country."""
        for c in cands:
            if c.type != "PLACE" or not isinstance(c.record, Place) or c.role != "name":
                continue
            iso = self.gaz.capital_of(c.record)
            if not iso or iso not in self.gaz.countries:
                continue
            if self._is_metonym(doc, c):
                c.type, c.role, c.country = "COUNTRY", "capital", iso
                c.record = self.gaz.countries[iso]

    def _is_metonym(self, doc: Doc, c: Candidate) -> bool:
        if c.start > 0 and doc[c.start - 1].lower_ in LOCATIVE_WORDS | {"of", "the"}:
            return False
        if c.end < len(doc) and doc[c.end].lower_ in self.tables.place_suffixes | {"time", "airport", "mayor", "city"}:
            return False
        root = doc[c.start:c.end].root
        if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ not in ("be", "lie", "sit", "locate", "host", "situate"):
            return True
        nxt = doc[c.end] if c.end < len(doc) else None
        if nxt is not None and nxt.lower_ in ("'s", "’s") and nxt.head.i >= c.end:
            noun = nxt.head if nxt.head.i != root.i else None
            if noun is not None and noun.lower_ not in ("streets", "outskirts", "centre", "center", "suburbs", "residents",
                                                       "mayor", "airport", "metro", "downtown", "districts", "skyline"):
                return True
        if root.dep_ == "conj" or (nxt is not None and nxt.lower_ == "and"):
            window = doc[max(0, c.start - 4):min(len(doc), c.end + 4)]
            return any(t.lower_ == "between" for t in window)
        return False

    # ============================================================ resolution
    def _resolve(self, doc: Doc, cands: list[Candidate]) -> list[Entity]:
        entities: list[Entity] = []
        groups: dict[tuple, Entity] = {}
        extra: dict[int, dict] = {}  # id(entity) -> bookkeeping

        def new_entity(etype: str, name: str, key: tuple) -> Entity:
            ent = Entity(id="", name=name, type=etype)
            entities.append(ent)
            groups[key] = ent
            extra[id(ent)] = {"names": [], "titles": [], "conf": [], "alts": [], "record": None}
            return ent

        acronyms = self._defined_acronyms(doc, cands)
        people = self._people_groups(doc, cands)
        last_body: list[tuple[Entity, tuple]] = []
        for c in cands:
            key, etype = self._group_key(c, people, acronyms)
            if key is None:
                if c.role == "generic_body":
                    ent = self._match_body(c.body_key, last_body)
                    if ent is None:
                        continue
                else:
                    continue
            else:
                ent = groups.get(key) or new_entity(etype, c.text, key)
            c.entity = ent
            info = extra[id(ent)]
            ent.mentions.append(Mention(text=c.text, start=c.start_char, end=c.end_char,
                                        in_caption=region_at(doc, c.start_char, c.end_char) == "caption"))
            if c.role in ("name", "acronym", "body") or (c.role == "capital" and not info["names"]):
                info["names"].append(c.text)
            info["titles"].extend(c.titles)
            info["conf"].append(c.confidence)
            info["alts"].extend(c.alternatives)
            if c.record is not None and info["record"] is None:
                info["record"] = c.record
            if c.role in ("body",) and c.body_key:
                last_body.append((ent, c.body_key))
        for i, ent in enumerate(entities):
            self._finish(ent, extra[id(ent)])
        entities = [e for e in entities if e.mentions]
        for i, ent in enumerate(entities, 1):
            ent.id = f"E{i}"
        return entities

    def _group_key(self, c: Candidate, people: dict, acronyms: dict):
        if c.type == "COUNTRY":
            return ("COUNTRY", c.country or name_key(c.text)), "COUNTRY"
        if c.type == "PERSON":
            return ("PERSON", people.get(id(c), name_key(c.text))), "PERSON"
        if c.type == "ORGANIZATION":
            if c.role == "generic_body":
                return None, None
            if id(c) in acronyms:
                return acronyms[id(c)], "ORGANIZATION"
            if c.body_key and c.body_key[0]:
                return ("BODY",) + c.body_key, "ORGANIZATION"
            if isinstance(c.record, Organization):
                return ("ORG", c.record.name), "ORGANIZATION"
            return ("ORG", name_key(c.text)), "ORGANIZATION"
        if c.type == "PLACE":
            if isinstance(c.record, Place):
                return ("PLACE", c.record.name, c.record.country_code), "PLACE"
            return ("PLACE", self._place_key(c.text)), "PLACE"
        return None, None

    def _place_key(self, text: str) -> str:
        words = name_key(text).split()
        if len(words) > 1 and words[-1] in self.tables.place_suffixes:
            words = words[:-1]
        return " ".join(words)

    def _match_body(self, key: Optional[tuple], last_body: list) -> Optional[Entity]:
        """The body a generic mention ("the ministry", "the defence ministry") refers to."""
        if not last_body:
            return None
        for ent, body_key in reversed(last_body):
            if key is None or (key[1] == body_key[1] and (key[2] is None or key[2] == body_key[2])
                               and (key[0] is None or key[0] == body_key[0])):
                return ent
        return None

    def _defined_acronyms(self, doc: Doc, cands: list[Candidate]) -> dict:
        """Acronyms an article defines ("... Red Crescent Society (YRCS)") or that are
        the initials of a name it uses: id(candidate) -> group key of the full name."""
        full: dict[str, tuple] = {}
        out = {}
        ordered = sorted(cands, key=lambda c: c.start)
        for idx, c in enumerate(ordered):
            if c.type not in ("ORGANIZATION", "PERSON", "COUNTRY") or c.end - c.start < 2:
                continue
            key = self._base_key(c)
            if c.end + 2 < len(doc) and doc[c.end].text == "(" and doc[c.end + 2].text == ")":
                acro = doc[c.end + 1].text
                if acro.isupper() and acro.isalpha() and 2 <= len(acro) <= 8:
                    full.setdefault(acro, key)
            for ini in self._initials(doc, c):
                full.setdefault(ini, key)
        for c in cands:
            toks = doc[c.start:c.end]
            if len(toks) == 1 and toks[0].is_upper and toks[0].text in full and c.type in ("ORGANIZATION", "PERSON", "COUNTRY"):
                target = full[toks[0].text]
                if target != self._base_key(c):
                    out[id(c)] = target
                    c.type = target[0] if target[0] in ("PERSON", "COUNTRY") else "ORGANIZATION"
                    c.role = "acronym"
        return out

    def _base_key(self, c: Candidate) -> tuple:
        if c.type == "COUNTRY":
            return ("COUNTRY", c.country or name_key(c.text))
        if c.type == "PERSON":
            return ("PERSON", name_key(c.text))
        if isinstance(c.record, Organization):
            return ("ORG", c.record.name)
        if c.body_key and c.body_key[0]:
            return ("BODY",) + c.body_key
        return ("ORG", name_key(c.text))

    def _initials(self, doc: Doc, c: Candidate) -> list[str]:
        words = [t.text for t in doc[c.start:c.end] if t.is_alpha]
        if len(words) < 2:
            return []
        content = [w for w in words if w.lower() not in ("of", "the", "and", "for", "in", "on", "de", "la", "del")]
        forms = {"".join(w[0].upper() for w in content)}
        if c.type == "PERSON" and len(words) >= 3:
            forms.add("".join(w[0].upper() for w in words[:3]))
        return [f for f in forms if len(f) >= 2]

    def _people_groups(self, doc: Doc, cands: list[Candidate]) -> dict:
        """id(candidate) -> the full name a person mention belongs to: the
        surname alone, first + last, a variant spelling of the surname."""
        persons = [c for c in cands if c.type == "PERSON"]
        fulls: list[list[str]] = []
        def words(c):
            return [w for w in name_key(c.text).split() if w]
        for c in sorted(persons, key=lambda c: -len(words(c))):
            w = words(c)
            if len(w) < 2:
                continue
            if any(_same_person(w, f, self.tables.particles) and len(w) <= len(f) for f in fulls):
                continue
            fulls.append(w)
        out = {}
        positions: dict[str, list[int]] = {}
        for c in sorted(persons, key=lambda c: c.start):
            w = words(c)
            matches = [f for f in fulls if _same_person(w, f, self.tables.particles)]
            if not matches:
                continue
            if len(matches) > 1:
                # the one last named before this mention, else the most named
                def recency(f):
                    seen = positions.get(" ".join(f), [])
                    return (max(seen) if seen else -1, len(seen))
                matches.sort(key=recency, reverse=True)
            target = " ".join(matches[0])
            positions.setdefault(target, []).append(c.start)
            out[id(c)] = target
        return out

    def _finish(self, ent: Entity, info: dict) -> None:
        """Canonical name, aliases, attributes, confidence."""
        names = info["names"] or [m.text for m in ent.mentions]
        rec = info["record"]
        clean = [_strip_the(n) for n in names]
        if ent.type == "COUNTRY" and isinstance(rec, Country):
            known = [n for n in clean if name_key(n) in {name_key(x) for x in self.gaz.country_names.get(rec.iso2, [])}]
            pool = known or clean
        elif ent.type == "ORGANIZATION":
            pool = sorted(clean, key=lambda n: (not _titled(n), -len(n)))[:1] + clean
        else:
            pool = clean
        ent.name = max(pool, key=lambda n: (len(n.split()), len(n))) if ent.type != "ORGANIZATION" else pool[0]
        seen = {name_key(ent.name)}
        for m in ent.mentions:
            alias = _strip_the(m.text)
            if name_key(alias) not in seen:
                seen.add(name_key(alias))
                ent.aliases.append(alias)
        attrs = EntityAttributes()
        if isinstance(rec, Country) and ent.type == "COUNTRY":
            attrs.iso_alpha2 = rec.iso2
            attrs.iso_alpha3 = rec.iso3
        elif isinstance(rec, Place):
            attrs.country_code = rec.country_code
            attrs.latitude, attrs.longitude = rec.latitude, rec.longitude
            attrs.feature_kind = rec.kind
        elif isinstance(rec, Organization):
            attrs.country_code = rec.country_code
        if ent.type == "PERSON":
            titles = []
            for t in info["titles"]:
                if t not in titles:
                    titles.append(t)
            attrs.titles = titles
            attrs.gender = self._gender(ent.name, titles)
        alts = []
        for a in info["alts"]:
            if a not in alts:
                alts.append(a)
        attrs.alternatives = alts
        ent.attributes = attrs
        confs = info["conf"] or [0.8]
        ent.confidence = round(min(1.0, max(confs) + 0.02 * (len(confs) - 1)), 2)

    def _gender(self, name: str, titles: list[str]) -> Optional[str]:
        for t in titles:
            key = tuple(_word(w) for w in t.replace("-", " - ").split())
            for n in range(len(key), 0, -1):
                g = self.tables.title_gender.get(key[:n]) or self.tables.title_gender.get(key[-n:])
                if g:
                    return g
        first = name.split()[0] if name.split() else ""
        return self.tables.given_names.get(first)

    # ============================================================= mediators
    def _mediators(self, doc: Doc, cands: list[Candidate], entities: list[Entity]) -> None:
        tables = self.tables
        mentions = [c for c in cands if c.entity is not None and c.entity.type in ("COUNTRY", "ORGANIZATION", "PERSON")]
        by_id = {e.id: e for e in entities}
        for sent in doc.sents:
            if not tables.med_prefilter.search(sent.text):
                continue
            if tables.med_excludes.search(sent.text):
                continue
            masked, markers = self._masked(doc, sent, mentions)
            found: dict[str, tuple[str, object]] = {}
            for pid, pattern, requires, verb_group in tables.med_patterns:
                if requires is not None and not requires.search(sent.text):
                    continue
                for m in pattern.finditer(masked):
                    status = "proposed" if self._future(masked, m, verb_group) else "actual"
                    for gname in ("m", "m2"):
                        if gname in pattern.groupindex and m.group(gname):
                            for mk in MARKER.findall(m.group(gname)):
                                if mk not in found or (found[mk][0] == "proposed" and status == "actual"):
                                    found[mk] = (status, markers.get(mk))
            if not found:
                continue
            ev = evidence(doc, sent)
            for mk, (status, extra) in found.items():
                ent = by_id.get(mk) if not mk.startswith("D:") else self._demonym_entity(doc, mk[2:], extra, entities, by_id)
                if ent is None or ent.type == "PLACE":
                    continue
                role = "MEDIATOR" if status == "actual" else "PROPOSED_MEDIATOR"
                if role not in ent.roles:
                    ent.roles.append(role)
                if not any(r.evidence.start == ev.start and r.status == status for r in ent.role_evidence):
                    ent.role_evidence.append(RoleEvidence(role="MEDIATOR", status=status, evidence=Evidence(**ev.model_dump())))
        for ent in entities:
            if "MEDIATOR" in ent.roles and "PROPOSED_MEDIATOR" in ent.roles:
                ent.roles.remove("PROPOSED_MEDIATOR")

    def _masked(self, doc: Doc, sent: Span, mentions: list[Candidate]):
        """The sentence with every entity mention replaced by ⟨entity id⟩ and
        every demonym by ⟨D:ISO⟩; markers -> the token span of a demonym."""
        spans = []
        for c in mentions:
            if sent.start_char <= c.start_char and c.end_char <= sent.end_char:
                spans.append((c.start_char, c.end_char, c.entity.id))
        spans.sort(key=lambda s: (s[0], -s[1]))
        kept, last_end = [], -1
        for s in spans:
            if s[0] >= last_end:
                kept.append(s)
                last_end = s[1]
        markers = {}
        for tok in sent:
            if tok.is_title and not any(s[0] <= tok.idx < s[1] for s in kept):
                iso = self.gaz.demonym(tok.text)
                if iso:
                    kept.append((tok.idx, tok.idx + len(tok.text), "D:" + iso))
                    markers["D:" + iso] = (tok.idx, tok.idx + len(tok.text))
        kept.sort()
        pieces, pos = [], sent.start_char
        for s, e, mk in kept:
            pieces.append(doc.text[pos:s])
            pieces.append(f"⟨{mk}⟩")
            pos = e
        pieces.append(doc.text[pos:sent.end_char])
        masked = "".join(pieces).replace("\n", " ")
        return masked, markers

    def _future(self, masked: str, m: re.Match, verb_group: Optional[str]) -> bool:
        if verb_group == "between":
            return bool(self.tables.med_future.search(m.group(0)[m.end("m") - m.start(0):]))
        if verb_group == "before":
            before = masked[:m.start(0)].split()[-4:]
            return bool(self.tables.med_future.search(" ".join(before)))
        return False

    def _demonym_entity(self, doc: Doc, iso: str, span, entities: list[Entity], by_id: dict) -> Optional[Entity]:
        """A demonym naming a mediator ("Egyptian mediators") is a mention of the country."""
        country = self.gaz.countries.get(iso)
        if country is None or span is None:
            return None
        ent = next((e for e in entities if e.type == "COUNTRY" and e.attributes.iso_alpha2 == iso), None)
        start, end = span
        mention = Mention(text=doc.text[start:end], start=start, end=end,
                          in_caption=region_at(doc, start, end) == "caption")
        if ent is None:
            ent = Entity(id=f"E{len(entities) + 1}", name=country.name, type="COUNTRY", confidence=0.75,
                         attributes=EntityAttributes(iso_alpha2=country.iso2, iso_alpha3=country.iso3))
            entities.append(ent)
            by_id[ent.id] = ent
        if not any(m.start == start for m in ent.mentions):
            ent.mentions.append(mention)
            ent.mentions.sort(key=lambda m: m.start)
            if mention.text not in ent.aliases and mention.text != ent.name:
                ent.aliases.append(mention.text)
        return ent


# ------------------------------------------------------------------ helpers
def _code(rec) -> Optional[str]:
    if isinstance(rec, Country):
        return rec.iso2
    if isinstance(rec, (Place, Organization)):
        return rec.country_code
    return None


def _describe(rec) -> str:
    if isinstance(rec, Country):
        return f"COUNTRY:{rec.name} ({rec.iso2})" if rec.kind != "territory" else f"PLACE:{rec.name} ({rec.iso2})"
    if isinstance(rec, Place):
        where = f", {rec.country_code}" if rec.country_code else ""
        return f"PLACE:{rec.name} ({rec.kind}{where})"
    if isinstance(rec, Organization):
        return f"ORGANIZATION:{rec.name}"
    return str(rec) if rec else ""


def _territory_place(country: Country) -> Place:
    return Place(name=country.name, kind="territory", country_code=country.iso2, population=country.population)


def _strip_the(text: str) -> str:
    text = " ".join(text.split())
    return text[4:] if text[:4].lower() == "the " else text


def _titled(text: str) -> bool:
    words = [w for w in text.split() if w[:1].isalpha() and w.lower() not in ("of", "the", "and", "for")]
    return bool(words) and all(w[0].isupper() for w in words)


def _same_person(short: list[str], full: list[str], particles) -> bool:
    """Whether the name parts `short` can name the person `full`: equal, the
    surname alone (with its particles: "von der Leyen"), first + last name, or a
    one-letter spelling variant of the surname ("Zelensky"/"Zelenskyy")."""
    if short == full:
        return True
    if not short or not full:
        return False
    if len(short) <= len(full) and full[-len(short):] == short and short[0] not in ():
        return True
    if len(short) >= 2 and short[0] == full[0] and short[-1] == full[-1]:
        return True
    if len(short) == 1 and len(full) >= 2 and short[0] == full[0] and short[0] not in particles:
        return False
    if short[:-1] == full[:-1] or len(short) == 1:
        a, b = short[-1], full[-1]
        if min(len(a), len(b)) >= 5 and _one_edit(a, b):
            return True
    return False


def _one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1 or a == b:
        return a == b
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    if len(a) > len(b):
        a, b = b, a
    return any(b[:i] + b[i + 1:] == a for i in range(len(b)))


@Language.factory(
    "newsextract_entities",
    default_config={"use_gazetteer_matches": True, "min_person_confidence": 0.5, "mediators": True},
)
def make_entities(nlp: Language, name: str, use_gazetteer_matches: bool, min_person_confidence: float,
                  mediators: bool) -> EntityRecognizer:
    return EntityRecognizer(nlp, name, use_gazetteer_matches=use_gazetteer_matches,
                            min_person_confidence=min_person_confidence, mediators=mediators)
