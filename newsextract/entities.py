"""Entities: typing and correcting the base model's spans, resolving them within
the article, and the MEDIATOR role.

One article's way through `EntityRecognizer.__call__`:
  1. candidates   the model's spans (GPE/LOC/FAC/ORG/PERSON), repaired: split at
                  commas and line breaks, titles cut off ("President X"), split
                  names joined ("Ursula von" + "der Leyen"), "Donetsk region"
                  extended, org + person run-ons split; plus gazetteer names the
                  model missed; minus chrome, bylines, headlines, dates and
                  non-entities
  2. typing       gazetteer + context: COUNTRY, PLACE, ORGANIZATION, PERSON, with
                  a confidence and the other readings of ambiguous names
  3. references   phrases that name a country without its name: its government
                  ("the Swiss government"), its capital used for it ("Moscow
                  said"), a description ("the Gulf country"); government bodies
                  ("Russia's defence ministry") and generic mentions of them
                  ("the ministry")
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
from .spans import doc_text, evidence, region_at

MODEL_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "PERSON"})
EXCLUDED_REGIONS = frozenset({"chrome", "credit", "byline", "dateline"})
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "into", "across", "around", "inside", "within",
                            "throughout", "off", "over"})
DIRECTION_PREPS = frozenset({"to", "from", "for", "via", "toward", "towards"})
# verbs and nouns of moving somewhere: "flew to Moscow" is the city, "supplied to Kyiv" the government
MOTION_WORDS = frozenset({
    "land", "arrive", "fly", "depart", "travel", "transfer", "head", "return", "visit", "report", "bind",
    "move", "go", "come", "leave", "flee", "drive", "take", "bring", "deport", "evacuate", "relocate",
    "airlift", "trip", "journey", "flight", "route", "road", "way", "train", "bus", "walk", "march",
    "trek", "escape", "smuggle", "send", "sail", "ship", "board", "bound", "transport", "repatriate",
    "reach", "enter", "storm", "capture", "encircle", "surround", "bomb", "shell", "strike", "hit", "attack",
    "besiege", "tour", "evacuate", "abandon", "liberate", "seize", "carry", "ferry", "escort", "deliver",
})
GOVERNMENT_HOLDERS = frozenset({"officials", "authorities", "leaders", "government", "diplomats", "officers",
                                "sources", "prosecutors", "lawmakers", "politicians"})
PLACE_HEAD_NOUNS = frozenset({"streets", "street", "outskirts", "centre", "center", "suburbs", "suburb",
                              "residents", "mayor", "airport", "metro", "downtown", "districts", "district",
                              "skyline", "hospitals", "hospital", "neighbourhoods", "neighborhoods", "port",
                              "station", "square", "university", "population", "citizens"})
ORG_WORDS = frozenset({
    "ministry", "ministries", "department", "office", "agency", "council", "committee", "commission", "court",
    "party", "front", "movement", "army", "forces", "force", "guard", "police", "bank", "fund", "authority",
    "organization", "organisation", "association", "union", "institute", "university", "service", "services",
    "group", "company", "corporation", "inc", "ltd", "network", "foundation", "society", "federation",
    "league", "parliament", "assembly", "senate", "congress", "cabinet", "secretariat", "headquarters",
    "command", "brigade", "battalion", "regiment", "squad", "unit", "center", "centre", "bureau", "board",
    "news", "times", "post", "press", "tribune", "journal", "television", "radio", "tv", "broadcasting",
    "conference", "crescent", "cross", "survey", "corps", "program", "programme", "initiative", "mission", "club", "bishops",
})
HEADLINE_WORDS = frozenset({"To", "Of", "For", "And", "In", "On", "At", "With", "As", "By", "From", "Is", "Are",
                            "Says", "After", "Over", "Amid", "Into", "Will", "Be", "Has", "Have", "Its"})
LIST_JOINERS = frozenset({",", "and", "or", "&"})
REGION_SUFFIXES = frozenset({"region", "province", "oblast", "governorate", "district", "state", "county",
                             "prefecture", "municipality", "department", "territory"})
GENERIC_PLACE_NOUNS = frozenset({"village", "town", "city", "villages", "towns", "area", "areas", "capital"})
# labels of the model's spans that are no named place or body (a gazetteer name inside one is not taken)
OTHER_LABELS = frozenset({"DATE", "TIME", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "MONEY",
                          "QUANTITY", "CARDINAL", "ORDINAL", "PERCENT"})
PASSIVE_FUTURE = re.compile(r"\b(?:will|would|could|might|may|shall|to|'ll)\s+(?:\w+\s+)?be$", re.I)
WEAPON_CODE = re.compile(r"^(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$")
MARKER = re.compile(r"⟨([A-Z]+\d*|D:[A-Z]{2})⟩")


@dataclass
class Candidate:
    """One mention on its way to an Entity."""

    start: int  # token offsets in the doc
    end: int
    label: str  # the model's label; GAZ for a gazetteer name, REF/BODY for references
    text: str = ""
    start_char: int = 0
    end_char: int = 0
    type: Optional[str] = None
    record: object = None  # Country, Place, Organization from the gazetteer
    entries: list = field(default_factory=list)
    # name, acronym, body: the entity's own names; government, capital, descriptor,
    # generic_body: other references to it (aliases, never its canonical name)
    role: str = "name"
    country: Optional[str] = None  # ISO alpha-2 a country mention refers to
    titles: list = field(default_factory=list)
    confidence: float = 0.9
    alternatives: list = field(default_factory=list)
    body_key: Optional[tuple] = None
    nested: bool = False  # inside a larger mention (a country in "South Korea's Foreign Ministry")
    person_cue: bool = False
    entity: Optional[Entity] = None

    def set_span(self, doc: Doc, text: str) -> "Candidate":
        self.start_char = doc[self.start].idx
        self.end_char = doc[self.end - 1].idx + len(doc[self.end - 1].text)
        if self.end_char - self.start_char > 3 and text[self.end_char - 2:self.end_char] in ("ʼs", "’s", "'s"):
            self.end_char -= 2  # a possessive the tokenizer left on the word ("Russiaʼs")
        self.text = text[self.start_char:self.end_char]
        return self


def _word(text: str) -> str:
    return text.lower().rstrip(".") if len(text) > 2 else text.lower()


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
        self.person_nouns = frozenset(people["person_nouns"])
        self.given_names = {name_key(n): g for g, names in people["given_names"].items() for n in names}
        self.body_heads = sorted({tuple(_word(w) for w in re.findall(r"['’]s|[\w-]+", h)) for h in bodies["body_heads"]},
                                 key=len, reverse=True)
        self.body_first_words = frozenset(h[0] for h in self.body_heads)
        self.country_heads = frozenset(bodies["country_heads"])
        self.portfolios = {}
        for canon, forms in bodies["portfolio_synonyms"].items():
            for form in forms:
                self.portfolios[form] = canon
        self.region_descriptors = bodies["region_descriptors"]
        self.country_nouns = frozenset(bodies["country_nouns"])
        self.place_suffixes = frozenset(bodies["place_suffixes"])
        self.facility_suffixes = sorted((tuple(f.split()) for f in bodies["facility_suffixes"]), key=len, reverse=True)
        self.facility_first_words = frozenset(f[0] for f in self.facility_suffixes)
        self.member_nouns = frozenset(bodies["member_nouns"])
        self.non_entities = frozenset(bodies["non_entities"])
        self.med_prefilter = re.compile(mediators["prefilter"], re.I)
        self.med_excludes = re.compile(mediators["excludes"], re.I)
        self.med_future = re.compile(mediators["future_markers"], re.I)
        item = r"(?:the\s+)?(?:(?-i:[A-Z][\w’'.-]*)\s+){0,4}?⟨(?:[A-Z]+\d*|D:[A-Z]{2})⟩"

        def group(name: str) -> str:
            # one mediator, or a list that ends in "and": "A and B", "A, B and C" (never "A, B said")
            return rf"(?P<{name}>{item}(?:(?:\s*,\s*{item}){{0,4}}\s*,?\s+and\s+{item})?)"

        self.med_patterns = []
        for row in mediators["patterns"]:
            regex = row["regex"].replace("{M2}", group("m2")).replace("{M}", group("m"))
            requires = re.compile(row["requires"], re.I) if row.get("requires") else None
            self.med_patterns.append((row["id"], re.compile(regex, re.I), requires, row.get("verb_group")))

    def given_name_gender(self, word: str) -> Optional[str]:
        return self.given_names.get(name_key(word))

    def is_given_name(self, word: str) -> bool:
        return name_key(word) in self.given_names


class EntityRecognizer:
    """The newsextract_entities component: see the module docstring."""

    def __init__(self, nlp: Language, name: str, *, use_gazetteer_matches: bool = True,
                 mediators: bool = True):
        self.name = name
        self.gaz = load_gazetteer()
        self.tables = EntityTables()
        self.use_gazetteer_matches = use_gazetteer_matches
        self._text, self._sent_start, self._words, self._sents, self._lower_words = "", [], [], [], set()
        self.find_mediators = mediators
        self._continents: dict[str, set] = {}
        for country in self.gaz.countries.values():
            if country.continent:
                self._continents.setdefault(country.continent, set()).add(country.iso2)

    # ================================================================== main
    def __call__(self, doc: Doc) -> Doc:
        # per-article state, computed once: Doc.text and Token.sent are rebuilt on every access
        self._text = doc_text(doc)
        self._sent_start = [0] * len(doc)
        self._sents = list(doc.sents) if doc.has_annotation("SENT_START") or len(doc) == 0 else [doc[:]]
        for sent in self._sents:
            for i in range(sent.start, sent.end):
                self._sent_start[i] = sent.start
        strings = doc.vocab.strings
        orths = [strings[orth] for orth in doc.to_array("ORTH")]
        self._words = [_word(w) for w in orths]
        self._lower_words = {w for w in orths if w.islower()}
        try:
            return self._process(doc)
        finally:
            self._text, self._sent_start, self._words, self._sents, self._lower_words = "", [], [], [], set()

    def _process(self, doc: Doc) -> Doc:
        cands = self._candidates(doc)
        context = self._context_codes(cands)
        for c in cands:
            self._type(doc, c, context)
        cands = [c for c in cands if c.type]
        self._retype_by_article(doc, cands)
        cands += self._propagate_names(doc, cands)
        cands += self._country_references(doc, cands)
        cands = [c for c in cands if c.type]
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

    def _wholly_excluded(self, doc: Doc, start_char: int, end_char: int) -> bool:
        text = self._text[start_char:end_char]
        lead = len(text) - len(text.lstrip())
        start_char, end_char = start_char + lead, start_char + len(text.rstrip())
        for kind, rs, re_ in doc._.ne_regions or ():
            if kind in EXCLUDED_REGIONS and rs <= start_char and end_char <= re_:
                return True
        return False

    def _candidates(self, doc: Doc) -> list[Candidate]:
        spans: list[Candidate] = []
        for ent in doc.ents:
            if ent.label_ in MODEL_LABELS:
                spans.extend(self._repair(doc, Candidate(ent.start, ent.end, ent.label_)))
        spans = self._join_split_names(doc, spans)
        spans = self._extend_org_names(doc, spans)
        if self.use_gazetteer_matches:
            spans = self._merge_gazetteer(doc, spans)
        byline = self._byline_lines(doc, spans)
        out, taken = [], set()
        for c in sorted(spans, key=lambda c: (c.start, -(c.end - c.start))):
            if c.end <= c.start:
                continue
            c.set_span(doc, self._text)
            if not c.nested and any(i in taken for i in range(c.start, c.end)):
                continue
            if self._excluded(doc, c.start_char, c.end_char) or not self._plausible(doc, c):
                continue
            if any(ls <= c.start_char < le for ls, le in byline) or self._dateline(doc, c):
                continue
            if not c.nested:
                taken.update(range(c.start, c.end))
            out.append(c)
        return out

    def _plausible(self, doc: Doc, c: Candidate) -> bool:
        """Not a date, a number, a lone title, a headline, a common word or page furniture."""
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
        if len(toks) == 1 and toks[0].pos_ != "PROPN" and not toks[0].is_upper and (
                toks[0].is_sent_start or c.start == 0 or "\n" in doc[c.start - 1].whitespace_ + doc[c.start - 1].text):
            return False  # "Floods killed 45": a common noun opening a sentence or a headline
        # a run of a Title-Cased headline ("Aid Package To Nations Of ...")
        if len(toks) >= 3 and any(t.text in HEADLINE_WORDS for t in toks[1:-1]):
            return False
        if c.label == "ORG" and _word(toks[-1].text) in self.tables.member_nouns:
            return False
        if len(toks) == 1 and c.start > 0 and WEAPON_CODE.match(doc[c.start - 1].text):
            return False  # "a 2S7 Pion gun", "T-72 tanks": the name of a model of weapon
        return True

    def _dateline(self, doc: Doc, c: Candidate) -> bool:
        """"MOSCOW (Agency) —", "YEREVAN, JANUARY 4, AGENCY.": a place in capitals opening
        a line before a bracket, a dash or a comma, and the agency in brackets after it."""
        if c.end >= len(doc):
            return False
        line_start = self._text.rfind("\n", 0, c.start_char) + 1
        before = self._text[line_start:c.start_char].strip()
        if c.text.isupper() and not before:
            return doc[c.end].text in ("(", "—", "–", "-", ":", ",")
        if before.endswith("(") and doc[c.end].text == ")":  # "KHARTOUM, Sudan (AP) —"
            head = before[:-1].strip(" —–-,")
            return bool(head) and head.split(",")[0].replace(" ", "").isupper() and len(head) < 40
        return False

    def _byline_lines(self, doc: Doc, spans: list[Candidate]) -> set:
        """Lines (char ranges) that are bylines: "By Jane Doe", or a line holding
        only a person's name next to a line holding only a news organization."""
        lines = {}
        for c in spans:
            text = self._text
            s_char = doc[c.start].idx
            e_char = doc[c.end - 1].idx + len(doc[c.end - 1].text)
            ls = text.rfind("\n", 0, s_char) + 1
            le = text.find("\n", e_char)
            le = len(text) if le < 0 else le
            line = text[ls:le].strip()
            lines[c.start] = (ls, le, line, text[s_char:e_char], c)
        out = set()
        news_lines = set()
        for start, (ls, le, line, ctext, c) in lines.items():
            entries = c.entries or self.gaz.lookup(ctext)
            if line == ctext and entries and isinstance(entries[0].record, Organization) and entries[0].record.kind == "news":
                news_lines.add((ls, le))
        for start, (ls, le, line, ctext, c) in lines.items():
            if c.label != "PERSON":
                continue
            by = re.match(r"(?i)by\s+", line)
            if by and line[by.end():].startswith(ctext) and len(line) < len(ctext) + 40:
                out.add((ls, le))
                continue
            if line == ctext:
                for ns, ne in news_lines:
                    if abs(ns - le) <= 3 or abs(ls - ne) <= 3:  # the next or the previous line
                        out.update({(ls, le), (ns, ne)})
        return out

    def _repair(self, doc: Doc, c: Candidate) -> list[Candidate]:
        """Split a model span at punctuation and line breaks, then trim each part."""
        parts, start, across_lines = [], c.start, False
        for i in range(c.start, c.end):
            t = doc[i]
            if t.text in (",", ";", "|", "•", "/", "(", ")", "[", "]", "—", "–", ":") or "\n" in t.text:
                across_lines = across_lines or "\n" in t.text
                if i > start:
                    parts.append((start, i))
                start = i + 1
            elif "\n" in t.whitespace_:
                across_lines = True
                parts.append((start, i + 1))
                start = i + 1
        if start < c.end:
            parts.append((start, c.end))
        out = []
        for s, e in parts:
            if across_lines and e - s == 1 and not doc[s].is_upper and not self.gaz.lookup(doc[s].text):
                continue  # one word left over from a span the model ran across lines ("Nepal // Toll")
            out.extend(self._trim(doc, Candidate(s, e, c.label)))
        return out

    def _trim(self, doc: Doc, c: Candidate) -> list[Candidate]:
        """Cut determiners, possessives and titles off a span; split a title or an
        organization run into a person ("EC chairperson Jane Doe", "Constitutional
        Court Petr Petrov"); extend a place with its suffix ("Donetsk region")."""
        s, e = c.start, c.end
        while s < e and (doc[s].lower_ in ("the", "a", "an", "by") or doc[s].is_punct):
            s += 1
        while e > s and (doc[e - 1].is_punct or doc[e - 1].lower_ in ("'s", "’s", "'", "’")
                         or doc[e - 1].is_lower and doc[e - 1].is_stop):
            e -= 1  # "the Gulf on": a preposition the model took along
        if e <= s:
            return []
        c.start, c.end = s, e
        for p in range(s + 1, e - 1):
            if doc[p].lower_ in ("'s", "’s", "'", "’", "ʼs") and e - p - 1 in (2, 3):
                tail = doc[p + 1:e]
                head_body = _word(doc[p - 1].text) in ORG_WORDS or bool(self.gaz.lookup(doc[s:p].text))
                if all(t.is_title or t.lower_ in self.tables.particles for t in tail) and \
                        not any(t.lower_ in ORG_WORDS for t in tail) and \
                        (head_body or self.tables.is_given_name(tail[0].text)):
                    return self._trim(doc, Candidate(s, p, "ORG" if c.label == "PERSON" else c.label)) + \
                        [Candidate(p + 1, e, "PERSON")]
        if e - s >= 2:
            cut = self._last_title(doc, s, e)
            if cut is not None and doc[cut[1]].is_title:
                title_start, title_end = cut
                person = Candidate(title_end, e, "PERSON", titles=[doc[title_start:title_end].text])
                before = [] if title_start == s else self._trim(doc, Candidate(s, title_start, "ORG"))
                keep = [b for b in before if self.gaz.lookup(doc[b.start:b.end].text) or doc[b.start:b.end].text.isupper()]
                return keep + [person]
        split = self._org_person_split(doc, s, e, c.label)
        if split is not None:
            first_known = self.gaz.lookup(doc[s:split].text)
            keep_first = bool(first_known) or _word(doc[split - 1].text) in ORG_WORDS
            if s > 0 and doc[s - 1].lower_ in ("for", "of") and not first_known and self._title_before(doc, s - 1):
                keep_first = False  # "Commissioner for Crisis Management Jane Doe": part of the title
            first = Candidate(s, split, "ORG" if c.label == "PERSON" else c.label)
            return ([first] if keep_first else []) + [Candidate(split, e, "PERSON")]
        facility = self._facility_suffix(doc, e)
        known = self.gaz.lookup(doc[s:e].text) if facility else None
        if facility and c.label in ("ORG", "FAC", "GPE", "LOC") and not any(t.lower_ in ORG_WORDS for t in doc[s:e]) \
                and not (known and known[0].record.kind != "facility"):  # "Stockholm airport" stays Stockholm
            c.end, c.label = facility, "FAC"
            return [c]
        if c.label in ("GPE", "LOC") and e - s >= 2 and doc[e - 1].is_lower and doc[e - 1].lower_ in GENERIC_PLACE_NOUNS:
            c.end = e = e - 1
        if c.label in ("GPE", "LOC") and e < len(doc) and doc[e].lower_ in self.tables.place_suffixes:
            is_country = any(en.is_country for en in self.gaz.lookup(doc[s:e].text))
            if not is_country and not self._suffix_modifies(doc, e):
                c.end = e + 1
        return [c]

    @staticmethod
    def _suffix_modifies(doc: Doc, i: int) -> bool:
        """Whether the place noun at token i belongs to what follows ("state news
        agency") rather than to the name before it."""
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        return nxt is not None and nxt.is_lower and nxt.pos_ in ("NOUN", "PROPN", "ADJ")

    def _facility_suffix(self, doc: Doc, e: int) -> Optional[int]:
        """The end of a lower-case facility noun starting at token e ("steel plant"), if any."""
        words = self._words
        if e >= len(words) or words[e] not in self.tables.facility_first_words:
            return None
        for suffix in self.tables.facility_suffixes:
            end = e + len(suffix)
            if tuple(words[e:end]) == suffix and all(t.is_lower for t in doc[e:end]):
                return end
        return None

    def _last_title(self, doc: Doc, s: int, e: int) -> Optional[tuple[int, int]]:
        """(start, end) of the last title phrase inside tokens [s, e) with a name after it."""
        tables, words, best, i = self.tables, self._words, None, s
        while i < e:
            for n in range(min(tables.max_title_len, e - i), 0, -1):
                if tuple(words[i:i + n]) in tables.title_gender:
                    best = (i, i + n)
                    i += n - 1
                    break
            i += 1
        if best is None or best[1] >= e:
            return None
        return best

    def _title_before(self, doc: Doc, start: int) -> list[str]:
        """Title phrases written right before a name ("President", "Foreign Minister")."""
        tables, words, titles, i = self.tables, self._words, [], start
        while i > 0:
            for n in range(min(tables.max_title_len, i), 0, -1):
                if tuple(words[i - n:i]) in tables.title_gender:
                    titles.insert(0, doc[i - n:i].text)
                    i -= n
                    break
            else:
                break
        return titles

    def _org_person_split(self, doc: Doc, s: int, e: int, label: str) -> Optional[int]:
        """Where a run-on "<organization, country> <First Last>" splits, if it is one."""
        if e - s < 3 or label not in ("ORG", "GPE", "PERSON"):
            return None
        particles = self.tables.particles
        for k in (e - 2, e - 3):
            if k <= s or doc[k - 1].is_punct:
                continue
            tail = doc[k:e]
            if any(t.lower_ in ORG_WORDS for t in tail) or not tail[0].is_title:
                continue
            if not all(t.is_title or t.lower_ in particles for t in tail):
                continue
            if k == e - 3 and tail[1].lower_ not in particles and not self.tables.is_given_name(tail[0].text):
                continue
            head = self.gaz.lookup(doc[s:k].text)
            head_named = bool(head) and isinstance(head[0].record, (Country, Organization))
            head_body = _word(doc[k - 1].text) in ORG_WORDS
            head_title = s > 0 and doc[s - 1].lower_ in ("for", "of") and bool(self._title_before(doc, s - 1))
            if label == "PERSON":
                if head_named or head_title:
                    return k
            elif head_named or head_body or head_title or self.tables.is_given_name(tail[0].text):
                return k
        return None

    def _join_split_names(self, doc: Doc, spans: list[Candidate]) -> list[Candidate]:
        """Persons whose name runs on past the model's span: over particles
        ("Ursula von" + "der Leyen") or over one more untagged name ("Iván Duque" +
        "Márquez")."""
        spans.sort(key=lambda c: c.start)
        starts = {c.start for c in spans}
        out: list[Candidate] = []
        particles = self.tables.particles
        n = len(doc)
        i = 0
        while i < len(spans):
            c = spans[i]
            if c.label == "PERSON":
                j = c.end
                while j < n and doc[j].lower_ in particles and j - c.end < 3 and doc[j - 1].whitespace_:
                    j += 1
                ends_in_particle = doc[c.end - 1].lower_ in particles
                if (j > c.end or ends_in_particle) and j < n and doc[j].is_title:
                    k = j + 1
                    while k < n and doc[k].is_title and k - j < 2 and doc[k - 1].whitespace_ == " ":
                        k += 1
                    c = Candidate(c.start, k, "PERSON", titles=c.titles)
                    while i + 1 < len(spans) and spans[i + 1].start < k:
                        i += 1
                elif (c.end - c.start >= 2 and j < n and j not in starts and doc[j].is_title and doc[j].pos_ == "PROPN"
                      and doc[j - 1].whitespace_ == " " and doc[j].text not in self.tables.non_entities
                      and not self.gaz.lookup(doc[j].text) and not doc[j].ent_type_):
                    c = Candidate(c.start, j + 1, "PERSON", titles=c.titles)
            out.append(c)
            i += 1
        return out

    def _extend_org_names(self, doc: Doc, spans: list[Candidate]) -> list[Candidate]:
        """Organization names that run on past the model's span: "Office of the
        Special Envoy" + "of the Secretary-General for Yemen", "Ministry of Foreign
        Affairs" + "of Ukraine"."""
        starts = {c.start: c for c in spans}
        n = len(doc)
        for c in spans:
            if c.label != "ORG" or c.end <= c.start or not ({_word(doc[c.start].text), _word(doc[c.end - 1].text)} & ORG_WORDS):
                continue
            for _ in range(2):
                j = c.end
                if j + 1 >= n or doc[j].lower_ not in ("of", "for") or "\n" in doc[j - 1].whitespace_:
                    break
                k = j + 1
                if doc[k].lower_ == "the":
                    k += 1
                m = k
                while m < n and m - k < 5 and (doc[m].is_title or doc[m].text in ("-", "‑")) and not doc[m].whitespace_.count("\n"):
                    m += 1
                while m > k and doc[m - 1].text in ("-", "‑"):
                    m -= 1
                if m == k:
                    break
                nxt = starts.get(k)
                if nxt is not None and nxt.end > m:
                    m = nxt.end
                for other in spans:
                    if other is not c and k <= other.start < m:
                        other.end = other.start  # swallowed
                c.end = m
        return [c for c in spans if c.end > c.start]

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
                inside_other = doc[m.start].ent_type_ in OTHER_LABELS and not entries[0].is_country
                if not inside_other and self._gazetteer_only_ok(doc, m.start, m.end, entries):
                    extra.append(Candidate(m.start, m.end, "GAZ", entries=entries))
                continue
            first = entries[0].record
            if len(covering) == 1:
                c = next(iter(covering.values()))
                if (c.start, c.end) == (m.start, m.end):
                    c.entries = entries
                    continue
                if c.start <= m.start and m.end <= c.end:
                    if entries[0].is_country and not self.gaz.lookup(doc[c.start:c.end].text):
                        if c.label in ("ORG", "FAC"):
                            # a country inside an organization's name is still a mention of it
                            extra.append(Candidate(m.start, m.end, "GAZ", entries=entries, nested=True))
                        elif m.start == c.start and c.label in ("GPE", "PERSON") and c.end - m.end >= 2:
                            # "Syria Jane Doe": the country, then the rest
                            extra.append(Candidate(m.start, m.end, "GAZ", entries=entries))
                            c.start = m.end
                    continue
            # the name crosses the model's spans: trust the gazetteer for countries and organizations
            if isinstance(first, (Country, Organization)) or len(covering) > 1:
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
        toks = doc[start:end]
        if toks.text in self.tables.non_entities:
            return False
        if end < len(doc) and doc[end].text in ("-", "‑") and not doc[end - 1].whitespace_ and end + 1 < len(doc) \
                and doc[end + 1].is_lower and not isinstance(entries[0].record, (Country, Organization)):
            return False  # "Man-kei": part of a hyphenated name
        if entries[0].capitals_only and self._in_capitals_run(doc, start, end):
            return False  # "THIS IS HOW": an acronym means nothing in a line written in capitals
        record = entries[0].record
        if isinstance(record, (Country, Organization)):
            return not (end - start == 1 and toks[0].is_sent_start and toks[0].pos_ != "PROPN" and not toks[0].is_upper)
        if not record.salient:
            return False
        if any(t.pos_ != "PROPN" for t in toks if t.is_alpha and t.lower_ not in self.tables.particles):
            return False
        return True

    @staticmethod
    def _in_capitals_run(doc: Doc, start: int, end: int) -> bool:
        """Whether the words on both sides of [start, end) are written in capitals too."""
        def upper_word(i):
            return 0 <= i < len(doc) and doc[i].is_alpha and len(doc[i].text) > 1 and doc[i].is_upper
        return upper_word(start - 1) and upper_word(end) or upper_word(end) and upper_word(end + 1) \
            or upper_word(start - 1) and upper_word(start - 2)

    # ================================================================ typing
    def _context_codes(self, cands: list[Candidate]) -> Counter:
        """The countries the article's gazetteer names point to, for ambiguity: a
        name with one reading counts 1, the first reading of an ambiguous one 1/2."""
        codes = Counter()
        for c in cands:
            if not c.entries:
                continue
            code = _code(c.entries[0].record)
            if code:
                codes[code] += 1.0 if len({_code(e.record) for e in c.entries}) == 1 else 0.5
        return codes

    def _type(self, doc: Doc, c: Candidate, context: Counter) -> None:
        entries = c.entries or self._context_filter(doc, c.start, self.gaz.lookup(c.text))
        if not entries and c.end - c.start >= 2 and self._words[c.end - 1] in REGION_SUFFIXES:
            entries = self._suffixed_place(doc, c)
        c.entries = entries
        toks = doc[c.start:c.end]
        if not c.titles:
            c.titles = self._title_before(doc, c.start)
        has_org_word = any(t.lower_ in ORG_WORDS for t in toks)
        given_first = len(toks) > 1 and self.tables.is_given_name(toks[0].text)
        c.person_cue = bool(c.titles) or given_first or self._person_noun_before(doc, c.start)
        label = c.label
        if self.gaz.demonym(c.text) and not (entries and isinstance(entries[0].record, (Country, Organization))):
            return  # a demonym the model took for a name ("Ukrainian", "Nepalis", "Thai")
        if not entries and len(toks) == 1 and not toks[0].is_upper and toks[0].lower_ in self._lower_words:
            return  # a common word written with a capital in a headline ("Toll", "Rescue")
        if entries:
            rec = entries[0].record
            if label == "PERSON" and c.person_cue and not isinstance(rec, Organization):
                self._set(c, "PERSON", None, 0.75, alternatives=[_describe(e.record) for e in entries[:2]])
            elif isinstance(rec, Organization):
                self._set(c, "ORGANIZATION", rec, 0.95)
            elif isinstance(rec, Country):
                chosen, confidence, others = self._disambiguate(doc, c, entries, context)
                if isinstance(chosen, Country) and chosen.kind != "territory":
                    self._set(c, "COUNTRY", chosen, confidence, alternatives=others)
                    c.country = chosen.iso2
                else:
                    place = chosen if isinstance(chosen, Place) else _territory_place(chosen)
                    self._set(c, "PLACE", place, confidence, alternatives=others)
            elif label == "PERSON" and not (rec.salient or self._locative(doc, c) or self._place_context(doc, c)):
                self._set(c, "PERSON", None, 0.6, alternatives=[_describe(rec)])
            elif label == "ORG" and has_org_word:
                self._set(c, "ORGANIZATION", None, 0.8)
            elif given_first and len(toks) > 1 and not entries[0].main_name:
                self._set(c, "PERSON", None, 0.6, alternatives=[_describe(rec)])
            else:
                chosen, confidence, others = self._disambiguate(doc, c, entries, context)
                place = chosen if isinstance(chosen, Place) else _territory_place(chosen)
                self._set(c, "PLACE", place, confidence if label != "GAZ" else min(confidence, 0.85), alternatives=others)
            return
        acronym = len(toks) == 1 and toks[0].is_upper and 2 <= len(toks[0].text) <= 6 and toks[0].is_alpha
        if label in ("GPE", "LOC", "FAC"):
            if acronym:
                self._set(c, "ORGANIZATION", None, 0.6)
            elif self.gaz.demonym(c.text):
                return  # a demonym tagged as a place ("Ukrainian")
            elif given_first and label != "FAC":
                self._set(c, "PERSON", None, 0.65)
            elif has_org_word and label == "FAC":
                self._set(c, "ORGANIZATION", None, 0.6)
            else:
                self._set(c, "PLACE", None, 0.7 if label == "GPE" else 0.65)
        elif label == "ORG" and not has_org_word and not c.person_cue and self._place_context(doc, c):
            self._set(c, "PLACE", None, 0.55)
        elif label == "ORG":
            last = _word(toks[-1].text)
            if last in self.tables.title_words and last not in ORG_WORDS:
                return  # "Presidential National Security Advisor" is a title, not a body
            if not has_org_word and (c.titles or given_first):
                self._set(c, "PERSON", None, 0.65)
            else:
                self._set(c, "ORGANIZATION", None, 0.75)
        elif label == "PERSON":
            if acronym:
                self._set(c, "ORGANIZATION", None, 0.5)
            elif len(toks) <= 2 and not c.person_cue and self._place_context(doc, c):
                self._set(c, "PLACE", None, 0.55)
            elif has_org_word and not c.person_cue:
                self._set(c, "ORGANIZATION", None, 0.6)
            else:
                self._set(c, "PERSON", None, 0.85 if c.person_cue or len(toks) > 1 else 0.7)

    def _suffixed_place(self, doc: Doc, c: Candidate) -> list[Entry]:
        """Readings of "Idlib province", "Kursk region": the place without its suffix,
        its region first when the suffix names one."""
        base = self._text[c.start_char:doc[c.end - 2].idx + len(doc[c.end - 2].text)]
        places = [e for e in self.gaz.lookup(base) if isinstance(e.record, Place)]
        places.sort(key=lambda e: e.record.kind != "region")
        return places

    @staticmethod
    def _set(c: Candidate, etype: str, record, confidence: float, alternatives=()) -> None:
        c.type, c.record, c.confidence = etype, record, round(confidence, 2)
        c.alternatives = [a for a in alternatives if a]

    def _person_noun_before(self, doc: Doc, start: int) -> bool:
        """"his brother, Babak", "lawyer Jane Doe": a noun for a person right before a name."""
        j = start - 1
        if j >= 0 and doc[j].text == ",":
            j -= 1
        return j >= 0 and doc[j].is_lower and doc[j].lower_ in self.tables.person_nouns

    def _place_context(self, doc: Doc, c: Candidate) -> bool:
        """"in Dolakha", "Dolakha district", "the town of Charikot", "districts of
        Dolakha and X": a place, whatever the model's label."""
        after = doc[c.end] if c.end < len(doc) else None
        if after is not None and after.is_lower and after.lower_ in self.tables.place_suffixes \
                and not self._suffix_modifies(doc, c.end):
            return True
        if c.start > 1 and doc[c.start - 1].lower_ == "of" and (
                doc[c.start - 2].lower_ in GENERIC_PLACE_NOUNS or doc[c.start - 2].lower_ in self.tables.place_suffixes
                or doc[c.start - 2].lower_ in ("districts", "provinces", "regions", "vicinity", "outskirts")):
            return True
        before = doc[c.start - 1].lower_ if c.start > 0 else ""
        return before in LOCATIVE_PREPS and (after is None or after.lower_ not in ("'s", "’s", "said", "says"))

    def _locative(self, doc: Doc, c: Candidate) -> bool:
        before = doc[c.start - 1].lower_ if c.start > 0 else ""
        after = doc[c.end].lower_ if c.end < len(doc) else ""
        return before in LOCATIVE_PREPS | DIRECTION_PREPS or after in self.tables.place_suffixes

    def _disambiguate(self, doc: Doc, c: Candidate, entries: list[Entry], context: Counter):
        """The most likely reading of a name with several (Georgia the country or
        the US state): a prior by kind, plus the countries the article names.
        Returns (record, confidence, descriptions of the other readings)."""
        readings, seen = [], set()
        for rank, e in enumerate(entries[:6]):
            if rank and not e.main_name:
                continue  # another place's rare alternate name ("Egypt", a name once used in Arizona)
            rec = e.record
            key = (type(rec).__name__, _code(rec), getattr(rec, "kind", ""))
            if key in seen or isinstance(rec, Organization):
                continue
            seen.add(key)
            own = context[_code(rec)] - (1.0 if rank == 0 and len(entries) == 1 else 0.5 if rank == 0 else 0.0)
            if isinstance(rec, Place) and rec.kind == "region" and self._city_before(doc, c, rec.country_code):
                own += 3  # "Savannah, Georgia": a city, then its state
            if isinstance(rec, Country):
                score = 4.0 + 0.5 * min(own, 4) + 0.5 * sum(min(context[n], 2) for n in rec.neighbours)
                if self._country_cue(doc, c):
                    score += 2.0
            else:
                weight = 1.5 if rec.kind in ("region", "capital") or rec.population >= 100_000 or rec.curated else 0.5
                score = {0: 2.0, 1: 1.0}.get(rank, 0.5) + weight * min(own, 4)
                if c.end < len(doc) and doc[c.end].lower_ in ("state", "county", "province", "region"):
                    score += 2.0
            readings.append((score, rec))
        readings.sort(key=lambda r: -r[0])
        if len(readings) == 1:
            return readings[0][1], 0.95 if c.label != "PERSON" else 0.8, []
        best_score, best = readings[0]
        # a city and the region of the same name in one country are one answer to "where"
        rivals = [s for s, r in readings[1:] if _code(r) != _code(best) or type(r) is not type(best)]
        second = rivals[0] if rivals else 0.0
        others = [_describe(r) for _, r in readings[1:3]]
        # an ambiguous name is never certain: 0.5 when two readings tie, up to 0.9
        return best, round(0.5 + 0.4 * (best_score - second) / best_score, 2), others

    def _country_cue(self, doc: Doc, c: Candidate) -> bool:
        """"Colombia's government", "the government of Colombia": said of a country."""
        n = len(doc)
        if c.end + 1 < n and doc[c.end].lower_ in ("'s", "’s") and doc[c.end + 1].lower_ in self.tables.country_heads:
            return True
        return c.start > 1 and doc[c.start - 1].lower_ == "of" and doc[c.start - 2].lower_ in self.tables.country_heads

    def _city_before(self, doc: Doc, c: Candidate, code: Optional[str]) -> bool:
        """Whether "<a city of country `code`>, " comes right before the candidate."""
        if c.start < 2 or doc[c.start - 1].text != "," or not code:
            return False
        j = c.start - 1
        for k in range(max(0, j - 4), j):
            entries = self.gaz.lookup(doc[k:j].text)
            if any(isinstance(e.record, Place) and e.record.country_code == code and e.record.kind in ("city", "capital")
                   for e in entries):
                return True
        return False

    def _retype_by_article(self, doc: Doc, cands: list[Candidate]) -> None:
        """Fix a label with what the rest of the article says: a surname the model
        took for a place is the person named in full elsewhere ("Borrell"); a name
        listed among places is a place ("Mariupol and Kherson")."""
        named = {c.record for c in cands if c.type == "PLACE" and isinstance(c.record, Place)
                 and name_key(c.text) == name_key(c.record.name)}
        for c in cands:  # "Gaza" is the Gaza Strip where the article names the Gaza Strip
            if c.type == "PLACE" and isinstance(c.record, Place):
                other = next((e.record for e in c.entries if e.record in named and e.record != c.record
                              and name_key(e.record.name) != name_key(c.text)), None)
                if other is not None:
                    c.record = other
        taken = {i for c in cands for i in range(c.start, c.end)}
        for c in cands:  # "Kursk" + "region" when the gazetteer, not the model, found Kursk
            if c.type == "PLACE" and c.end < len(doc) and doc[c.end].is_lower and doc[c.end].lower_ in \
                    self.tables.place_suffixes and c.end not in taken and not self._suffix_modifies(doc, c.end):
                c.end += 1
                c.set_span(doc, self._text)
        particles = self.tables.particles
        fulls = _NameIndex(name_key(c.text).split() for c in cands if c.type == "PERSON" and c.end - c.start >= 2)
        singles = {name_key(c.text) for c in cands if c.type == "PERSON" and c.end - c.start == 1}
        for c in cands:
            if c.type in ("PERSON", "COUNTRY") or isinstance(c.record, Organization):
                continue
            if isinstance(c.record, Place) and c.record.salient and not c.label == "PERSON":
                continue
            words = name_key(c.text).split()
            if any(_same_person(words, f, particles) or _same_person(f, words, particles) for f in fulls.near(words)) \
                    or (not c.entries and " ".join(words) in singles):
                self._set(c, "PERSON", None, 0.7, alternatives=c.alternatives)
        places = {self._place_key(c.text) for c in cands if c.type == "PLACE"}
        for c in cands:  # "Azovstal" after "the Azovstal steel plant", "Langtang" after "Langtang village"
            if c.record is None and name_key(c.text) in places and (
                    c.type == "ORGANIZATION" and not any(t.lower_ in ORG_WORDS for t in doc[c.start:c.end])
                    or c.type == "PERSON" and not c.person_cue and c.end - c.start == 1):
                self._set(c, "PLACE", None, 0.65)
        surnames = {}
        for c in cands:
            if c.type == "PERSON" and c.end - c.start >= 2:
                surnames.setdefault(doc[c.end - 1].text, c.start)
        for c in cands:  # "Michael Jordan ... Jordan thanked the fans"
            if c.type == "COUNTRY" and c.end - c.start == 1 and c.role == "name" and surnames.get(c.text, len(doc)) < c.start \
                    and not (c.start > 0 and doc[c.start - 1].lower_ in LOCATIVE_PREPS | DIRECTION_PREPS):
                self._set(c, "PERSON", None, 0.6, alternatives=[_describe(c.record)])
                c.country = None
        ordered = sorted(cands, key=lambda c: c.start)
        for idx, c in enumerate(ordered):
            if c.type != "PERSON" or c.person_cue or (c.confidence >= 0.85 and c.end - c.start > 1):
                continue
            words = name_key(c.text).split()
            if any(_same_person(words, f, particles) for f in fulls.near(words) if f != words):
                continue
            neighbours = []
            if idx > 0:
                neighbours.append((ordered[idx - 1], ordered[idx - 1].end, c.start))
            if idx + 1 < len(ordered):
                neighbours.append((ordered[idx + 1], c.end, ordered[idx + 1].start))
            for other, a, b in neighbours:
                between = [t.lower_ for t in doc[a:b]]
                if other.type == "PLACE" and 0 < len(between) <= 2 and all(w in LIST_JOINERS for w in between):
                    place = c.record if isinstance(c.record, Place) else (
                        next((e.record for e in c.entries if isinstance(e.record, Place)), None))
                    self._set(c, "PLACE", place, 0.7)
                    break

    def _propagate_names(self, doc: Doc, cands: list[Candidate]) -> list[Candidate]:
        """Other occurrences of a name the article has established ("Azovstal" after
        "the Azovstal steel plant", "Zelenskyy" after "Volodymyr Zelenskyy") that the
        model did not tag."""
        known: dict[str, Candidate] = {}
        for c in cands:
            if c.role != "name" or c.type not in ("PERSON", "ORGANIZATION", "PLACE", "COUNTRY") or c.nested:
                continue
            if c.end + 2 < len(doc) and doc[c.end].text == "(" and doc[c.end + 2].text == ")" \
                    and doc[c.end + 1].is_upper and doc[c.end + 1].is_alpha and _acronym_fits(doc[c.end + 1].text, c.text):
                known.setdefault(doc[c.end + 1].text, c)  # "(INEC)": its acronym, defined here
            if c.type == "COUNTRY":
                continue
            known.setdefault(c.text, c)
            if c.type == "PLACE" and c.label == "FAC":
                base = self._place_key(c.text)
                known.setdefault(self._text[c.start_char:c.start_char + len(base)], c)
            if c.type == "PERSON" and c.end - c.start >= 2:
                surname = doc[c.end - 1].text
                if len(surname) >= 4 and surname[0].isupper() and not self.gaz.lookup(surname):
                    known.setdefault(surname, c)
        if not known:
            return []
        max_len = max(len(k.split()) for k in known)
        taken = {i for c in cands for i in range(c.start, c.end)}
        out, n, i = [], len(doc), 0
        while i < n:
            tok = doc[i]
            if i in taken or not tok.text[:1].isupper() or tok.ent_type_ in OTHER_LABELS:
                i += 1
                continue
            for k in range(min(n, i + max_len), i, -1):
                if any(j in taken for j in range(i, k)):
                    continue
                source = known.get(self._text[tok.idx:doc[k - 1].idx + len(doc[k - 1].text)])
                if source is not None and name_key(doc[i:k].text) == name_key(self._text[tok.idx:doc[k - 1].idx + len(doc[k - 1].text)]):
                    c = Candidate(i, k, "COPY", type=source.type, record=source.record, entries=source.entries,
                                  confidence=min(source.confidence, 0.8)).set_span(doc, self._text)
                    if not self._excluded(doc, c.start_char, c.end_char) and not self._dateline(doc, c):
                        out.append(c)
                        taken.update(range(i, k))
                    i = k - 1
                    break
            i += 1
        return out

    # ============================================================ references
    def _country_references(self, doc: Doc, cands: list[Candidate]) -> list[Candidate]:
        """Phrases that refer to a country without its name: "the Venezuelan
        government", "the government of Nigeria", "Omani authorities", "the Gulf
        country"; and to its capital: "the Russian capital", "capital of Oman"."""
        out = []
        for c in cands:  # "the Kiev regime", "the Moscow government": the capital stands for the country
            if c.type == "PLACE" and isinstance(c.record, Place) and self.gaz.capital_of(c.record) in self.gaz.countries \
                    and c.end < len(doc) and doc[c.end].lower_ in self.tables.country_heads and doc[c.end].lower_ != "state":
                iso = self.gaz.capital_of(c.record)
                c.alternatives = [_describe(c.record)]
                c.type, c.role, c.country, c.record = "COUNTRY", "capital", iso, self.gaz.countries[iso]
        by_end = {c.end: c for c in cands if c.type == "COUNTRY"}
        by_start = {c.start: c for c in cands if c.type == "COUNTRY"}
        n = len(doc)
        for i, tok in enumerate(doc):
            low = tok.lower_
            if low in self.tables.country_heads and tok.pos_ in ("NOUN", "PROPN") and low != "state":
                iso, start = self._country_before(doc, i, by_end)
                end = i + 1
                if iso is None and i + 2 < n and doc[i + 1].lower_ == "of" and (i + 2) in by_start:
                    inner = by_start[i + 2]
                    iso, start, end = inner.country, i, inner.end
                if iso:
                    if start > 0 and doc[start - 1].lower_ == "the":
                        start -= 1
                    out.append(self._reference(doc, start, end, iso, "government"))
                    for other in cands:  # the model's "Government of Oman" is no organization
                        if other.type == "ORGANIZATION" and not isinstance(other.record, Organization) \
                                and start <= other.start and other.end <= end:
                            other.type = None
            elif low == "capital" and i > 0:
                iso, start = self._country_before(doc, i, by_end)
                end = i + 1
                if iso is None and i + 2 < n and doc[i + 1].lower_ == "of" and (i + 2) in by_start:
                    iso, start, end = by_start[i + 2].country, i, by_start[i + 2].end
                capital = self.gaz.capitals.get(iso) if iso else None
                if capital:
                    nxt = doc[end] if end < n else None
                    if nxt is not None and nxt.is_title and name_key(nxt.text) == name_key(capital.name):
                        continue  # "Yemen's capital Sanaa": the name itself follows
                    ref = self._reference(doc, start, end, iso, "descriptor")
                    ref.type, ref.record, ref.country = "PLACE", capital, None
                    out.append(ref)
            elif low in self.tables.country_nouns and i >= 2 and doc[i - 2].lower_ == "the" and tok.pos_ == "NOUN":
                iso = self._described_country(doc, i, cands)
                if iso:
                    out.append(self._reference(doc, i - 2, i + 1, iso, "descriptor"))
        return [r for r in out if not self._excluded(doc, r.start_char, r.end_char)]

    def _country_before(self, doc: Doc, i: int, by_end: dict):
        """The country named right before token i ("Russia's", "Russian", "U.S."),
        as (ISO code, first token), or (None, i)."""
        j = i - 1
        while j >= 0 and doc[j].lower_ in ("'s", "’s", "'", "’"):
            j -= 1
        if j >= 0 and (j + 1) in by_end:
            c = by_end[j + 1]
            return c.country, c.start
        if j >= 0 and doc[j].is_title:
            iso = self.gaz.demonym(doc[j].text)
            if iso and not (j > 0 and doc[j - 1].is_title and doc[j - 1].lower_ not in ("the",) and not doc[j - 1].is_sent_start):
                return iso, j
        return None, i

    def _described_country(self, doc: Doc, i: int, cands: list[Candidate]) -> Optional[str]:
        """The country "the Gulf country" points back to: the last one named before
        it that the description fits (or the only one in the article)."""
        codes = self.tables.region_descriptors.get(doc[i - 1].lower_)
        if not codes or codes == ["neighbours"]:
            return None
        allowed = set()
        for code in codes:
            if code.startswith("continent:"):
                allowed |= self._continents.get(code.split(":", 1)[1], set())
            else:
                allowed.add(code)
        start = doc[i - 2].idx
        for c in sorted((c for c in cands if c.type == "COUNTRY" and c.country), key=lambda c: c.end_char, reverse=True):
            if c.end_char <= start and c.country in allowed:
                return c.country
        later = {c.country for c in cands if c.type == "COUNTRY" and c.country in allowed}
        return next(iter(later)) if len(later) == 1 else None

    def _reference(self, doc: Doc, start: int, end: int, iso: str, role: str) -> Candidate:
        c = Candidate(start, end, "REF", role=role, type="COUNTRY", country=iso,
                      record=self.gaz.countries.get(iso), confidence=0.8, nested=True)
        return c.set_span(doc, self._text)

    # ========================================================= bodies (orgs)
    def _body_key(self, doc: Doc, start: int, end: int, anchor: Optional[str]) -> Optional[tuple]:
        """(country or body, head noun, portfolio) of a government body's name."""
        toks = [t for t in doc[start:end] if t.is_alpha or t.text.replace(".", "").isalpha() or t.text in ("'s", "’s")]
        words = [_word(t.text) for t in toks]
        head = None
        for h in self.tables.body_heads:
            for k in range(len(words) - len(h) + 1):
                if tuple(words[k:k + len(h)]) == h:
                    head = h[-1]
                    break
            if head:
                break
        if head is None:
            return None
        iso, portfolio = anchor, None
        for t, w in zip(toks, words):
            if iso is None and t.text[:1].isupper():
                country = self.gaz.country(t.text)
                iso = self.gaz.demonym(t.text) or (country.iso2 if country else None)
            if portfolio is None and w in self.tables.portfolios:
                portfolio = self.tables.portfolios[w]
        joined = " ".join(words)
        for form, canon in self.tables.portfolios.items():
            if " " in form and form in joined:
                portfolio = canon
        return (iso, head, portfolio)

    def _generic_body_words(self, doc: Doc, start: int, end: int) -> bool:
        """Whether a body's name says only what it does ("Foreign Ministry", "Ministry
        of Defence"), not which one it is."""
        heads = {w for h in self.tables.body_heads for w in h}
        return all(w in heads or w in self.tables.portfolios or w in ("of", "the", "and", "affairs")
                   for w in self._words[start:end] if w.isalpha())

    def _anchor_before(self, doc: Doc, j: int, anchors: dict):
        """The country, demonym or intergovernmental body that ends right before
        token j ("Russia's", "Israeli", "the EU's"): (anchor key, start) or (None, j)."""
        k = j
        while k > 0 and doc[k - 1].lower_ in ("'s", "’s"):
            k -= 1
        if k in anchors:
            a = anchors[k]
            if isinstance(a.record, Place):
                return self.gaz.capital_of(a.record), a.start
            return (a.country or "ORG:" + a.record.name), a.start
        if k > 0 and doc[k - 1].is_title:
            dem = self.gaz.demonym(doc[k - 1].text)
            if dem and not (k > 1 and doc[k - 2].is_title and not doc[k - 2].is_sent_start):
                return dem, k - 1
        return None, j

    def _body_mentions(self, doc: Doc, cands: list[Candidate]) -> list[Candidate]:
        """Government bodies named after their country ("Russia's defence ministry",
        "the Israeli army", "the EU's external action office", "South Korea's Foreign
        Ministry") and generic mentions that refer back to one ("the ministry",
        "the Russian ministry", "the ministry of finance")."""
        out = []
        anchors = {c.end: c for c in cands if c.type == "COUNTRY" or (
            isinstance(c.record, Organization) and c.record.kind == "intergovernmental")}
        for c in cands:  # "Moscow's defence ministry": a capital anchors its country's bodies
            if c.type == "PLACE" and isinstance(c.record, Place) and self.gaz.capital_of(c.record) in self.gaz.countries \
                    and c.end + 1 < len(doc) and doc[c.end].lower_ in ("'s", "’s"):
                anchors.setdefault(c.end, c)
        covered = {i for c in cands if not c.nested for i in range(c.start, c.end)}
        for c in cands:
            if c.type == "ORGANIZATION" and c.label not in ("GAZ",) and not isinstance(c.record, Organization):
                key = self._body_key(doc, c.start, c.end, None)
                if not key:
                    continue
                if key[0] is None:
                    anchor, start = self._anchor_before(doc, c.start, anchors)
                    if anchor:
                        # "South Korea's" + "Foreign Ministry" is one name; "Nigeria's" + "Independent
                        # National Electoral Commission" is a country and a body with a name of its own
                        if self._generic_body_words(doc, c.start, c.end):
                            c.start = start
                            c.set_span(doc, self._text)
                        key = (anchor,) + key[1:]
                c.body_key, c.role = key, "body"
        orgs = [o for o in cands if o.type == "ORGANIZATION"]
        orgs_by_end = {o.end_char: o for o in orgs}
        orgs_by_start = {o.start_char: o for o in orgs}
        n, tables, words = len(doc), self.tables, self._words
        i = 0
        while i < n:
            found = None
            if words[i] in tables.body_first_words:
                for h in tables.body_heads:
                    end = i + len(h)
                    if end <= n and tuple(words[i:end]) == h and not any(j in covered for j in range(i, end)):
                        found = end
                        break
            if found is None:
                i += 1
                continue
            end = found
            # modifiers between the anchor and the head: "Iran's (intelligence) ministry"
            j, steps = i, 0
            anchor, start = self._anchor_before(doc, j, anchors)
            while anchor is None and j > 0 and steps < 4:
                prev = doc[j - 1]
                if prev.is_alpha and prev.pos_ in ("ADJ", "NOUN", "PROPN") and (j - 1) not in covered and \
                        prev.lower_ not in ("the", "a", "an", "its", "their", "his", "her", "our"):
                    j -= 1
                    steps += 1
                    anchor, start = self._anchor_before(doc, j, anchors)
                elif prev.lower_ in ("'s", "’s") and j > 1 and doc[j - 2].is_alpha:
                    j -= 1
                else:
                    break
            tail_end = end
            if end + 1 < n and doc[end].lower_ == "of" and doc[end + 1].lower_ in tables.portfolios:
                tail_end = end + 2  # "the ministry of finance"
                if tail_end < n and doc[tail_end].lower_ == "affairs":
                    tail_end += 1
            if anchor is not None:
                key = self._body_key(doc, start, tail_end, None if anchor.startswith("ORG:") else anchor)
                if key is None:
                    i = end
                    continue
                key = (anchor,) + key[1:]
                # "the Russian ministry", "the Ukrainian office": no name of its own, only a reference
                generic = key[2] is None and not doc[i].is_title and j == i and end - i == 1 \
                    and key[1] in ("office", "ministry", "department", "agency")
                c = Candidate(start, tail_end, "BODY", type="ORGANIZATION", role="generic_body" if generic else "body",
                              body_key=key, confidence=0.75)
            else:
                first = j
                if first > 0 and doc[first - 1].lower_ == "the":
                    first -= 1
                elif tail_end == end:
                    i = end
                    continue
                key = self._body_key(doc, first, tail_end, None)
                c = Candidate(first, tail_end, "BODY", type="ORGANIZATION", role="generic_body", body_key=key,
                              confidence=0.6)
            c.set_span(doc, self._text)
            if not self._excluded(doc, c.start_char, c.end_char):
                appositive = self._appositive_org(c, orgs_by_end, orgs_by_start)
                if appositive is not None:
                    c.role, c.body_key, c.record = "appositive", None, appositive
                out.append(c)
                covered.update(range(c.start, c.end))
            i = tail_end
        return out

    def _appositive_org(self, c: Candidate, orgs_by_end: dict, orgs_by_start: dict) -> Optional[Candidate]:
        """A body phrase that describes a named organization beside it: "the
        Department of State Services, Nigeria's secret intelligence agency",
        "Swedish news agency TT"."""
        for gap in range(4):
            for other in (orgs_by_end.get(c.start_char - gap), orgs_by_start.get(c.end_char + gap)):
                if other is None or other is c:
                    continue
                between = self._text[other.end_char:c.start_char] if other.end_char <= c.start_char \
                    else self._text[c.end_char:other.start_char]
                if between.strip() in ("", ",") and "\n" not in between:
                    return other
        return None

    # ====================================================== capital metonymy
    def _capital_metonyms(self, doc: Doc, cands: list[Candidate]) -> None:
        """A capital used for its government ("Moscow said", "Tehran's funds",
        "talks between Washington and Caracas", "supplied to Kyiv") is a mention
        of the country; where it is a place ("landed in Tehran", "Moscow time",
        "flew to Doha") it stays a PLACE."""
        for c in cands:
            if c.type != "PLACE" or not isinstance(c.record, Place) or c.role != "name":
                continue
            iso = self.gaz.capital_of(c.record)
            if self._words[c.end - 1] in self.tables.place_suffixes:
                continue  # "Kathmandu Valley", "Kyiv region": a place, never the government
            if iso in self.gaz.countries and self._is_metonym(doc, c):
                c.type, c.role, c.country = "COUNTRY", "capital", iso
                c.alternatives = [_describe(c.record)]
                c.record = self.gaz.countries[iso]

    def _is_metonym(self, doc: Doc, c: Candidate) -> bool:
        n = len(doc)
        prev = doc[c.start - 1] if c.start > 0 else None
        nxt = doc[c.end] if c.end < n else None
        if nxt is not None and (nxt.lower_ in self.tables.place_suffixes or nxt.text in (",",) and c.end + 2 < n
                                and doc[c.end + 1].lower_ in ("the", "a") and doc[c.end + 2].lower_ == "capital"):
            return False
        if nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and nxt.dep_ != "appos" and doc[c.end - 1].dep_ in ("compound", "nmod", "amod"):
            return False  # "Moscow time", "the Moscow talks"
        if prev is not None and prev.lower_ in ("capital", "of", "the"):
            return False
        if prev is not None and prev.text == "," and c.start > 1 and doc[c.start - 2].lower_ == "capital":
            return False  # "flown to the capital, Abuja"
        if prev is not None and prev.lower_ in LOCATIVE_PREPS:
            holder = doc[c.start - 2].lower_ if c.start > 1 else ""
            return holder in GOVERNMENT_HOLDERS  # "officials in Kyiv"
        if prev is not None and prev.lower_ in DIRECTION_PREPS:
            head = prev.head
            return not (head.lemma_.lower() in MOTION_WORDS or head.lower_ in MOTION_WORDS)
        root = doc[c.start:c.end].root
        if root.dep_ in ("dobj", "obj") and root.head.lemma_.lower() in MOTION_WORDS:
            return False  # "troops left Kyiv", "they reached Moscow"
        if nxt is not None and nxt.lower_ in ("'s", "’s"):
            owner = nxt.head if nxt.head.i >= c.end else None
            if owner is not None and (owner.lower_ in PLACE_HEAD_NOUNS or owner.is_title):
                return False
        return True

    # ============================================================ resolution
    def _resolve(self, doc: Doc, cands: list[Candidate]) -> list[Entity]:
        entities: list[Entity] = []
        groups: dict[tuple, Entity] = {}
        info: dict[int, dict] = {}
        acronyms = self._defined_acronyms(doc, cands)
        people = self._people_groups(cands)
        # "the Ministry of Foreign Affairs" is "the UAE Foreign Ministry" when one country's is named
        anchored: dict[tuple, set] = {}
        for c in cands:
            if c.body_key and c.body_key[0]:
                anchored.setdefault(c.body_key[1:], set()).add(c.body_key[0])
        for c in cands:
            if c.body_key and not c.body_key[0] and len(anchored.get(c.body_key[1:], ())) == 1 and c.body_key[2]:
                c.body_key = (next(iter(anchored[c.body_key[1:]])),) + c.body_key[1:]
        bodies: list[tuple[Entity, tuple]] = []
        for c in cands:
            if c.role == "appositive":
                ent = c.record.entity if isinstance(c.record, Candidate) else None
            elif c.role == "generic_body":
                ent = self._match_body(c.body_key, bodies)
                if ent is None and c.body_key and c.body_key[2] and not c.body_key[0]:
                    key = ("BODY", None, c.body_key[1], c.body_key[2])
                    ent = groups.get(key) or self._new_entity(entities, groups, info, "ORGANIZATION", key)
                    c.role = "body"
            else:
                key = acronyms.get(id(c)) or self._group_key(c, people)
                ent = groups.get(key) or self._new_entity(entities, groups, info, c.type, key)
            if ent is None:
                continue
            c.entity = ent
            data = info[id(ent)]
            ent.mentions.append(Mention(text=c.text, start=c.start_char, end=c.end_char,
                                        in_caption=region_at(doc, c.start_char, c.end_char) == "caption"))
            if c.role in ("name", "acronym", "body"):
                data["names"].append(c.text)
            data["titles"].extend(c.titles)
            data["conf"].append(c.confidence)
            data["alts"].extend(c.alternatives)
            if c.record is not None and data["record"] is None and not isinstance(c.record, Candidate):
                if not (c.role == "descriptor" and ent.type == "PLACE" and data["names"]):
                    data["record"] = c.record
            if c.role == "body" and c.body_key:
                bodies.append((ent, c.body_key))
                if c.body_key[0] and len(c.body_key[0]) == 2:
                    data.setdefault("country", c.body_key[0])
        for ent in entities:
            self._finish(ent, info[id(ent)])
        entities = [e for e in entities if e.mentions]
        for i, ent in enumerate(entities, 1):
            ent.id = f"E{i}"
        return entities

    @staticmethod
    def _new_entity(entities, groups, info, etype: str, key: tuple) -> Entity:
        ent = Entity(id="", name="?", type=etype)
        entities.append(ent)
        groups[key] = ent
        info[id(ent)] = {"names": [], "titles": [], "conf": [], "alts": [], "record": None}
        return ent

    def _group_key(self, c: Candidate, people: dict) -> tuple:
        if c.type == "COUNTRY":
            return ("COUNTRY", c.country or name_key(c.text))
        if c.type == "PERSON":
            return ("PERSON", people.get(id(c), name_key(c.text)))
        if c.type == "ORGANIZATION":
            if c.body_key and c.body_key[0]:
                return ("BODY",) + c.body_key
            if isinstance(c.record, Organization):
                return ("ORG", c.record.name)
            return ("ORG", name_key(c.text))
        if isinstance(c.record, Place):
            return ("PLACE", c.record.name, c.record.country_code)
        return ("PLACE", self._place_key(c.text))

    def _place_key(self, text: str) -> str:
        """"Donetsk region" and "Donetsk", "Azovstal steel plant" and "Azovstal" share a key."""
        words = name_key(text).split()
        if len(words) > 1 and words[-1] in self.tables.place_suffixes:
            words = words[:-1]
        for suffix in self.tables.facility_suffixes:
            if len(words) > len(suffix) and tuple(words[-len(suffix):]) == suffix:
                words = words[:-len(suffix)]
                break
        return " ".join(words)

    @staticmethod
    def _match_body(key: Optional[tuple], bodies: list) -> Optional[Entity]:
        """The body a generic mention ("the ministry", "the Russian ministry")
        refers to: the last one named that fits what the mention says."""
        for ent, body_key in reversed(bodies):
            if key is None or ((key[1] == body_key[1]) and (key[2] is None or key[2] == body_key[2])
                               and (key[0] is None or key[0] == body_key[0])):
                return ent
        return None

    def _defined_acronyms(self, doc: Doc, cands: list[Candidate]) -> dict:
        """Acronyms the article defines ("... Red Crescent Society (YRCS)") or that
        are the initials of a name it uses: id(candidate) -> group key of the name."""
        full: dict[str, tuple] = {}
        for c in sorted(cands, key=lambda c: c.start):
            if c.type not in ("ORGANIZATION", "PERSON", "COUNTRY") or c.end - c.start < 2 or c.role not in ("name", "body"):
                continue
            key = self._group_key(c, {})
            if c.end + 2 < len(doc) and doc[c.end].text == "(" and doc[c.end + 2].text == ")":
                acro = doc[c.end + 1].text
                if acro.isupper() and acro.isalpha() and 2 <= len(acro) <= 8 and _acronym_fits(acro, c.text):
                    full.setdefault(acro, (key, c.type))
            for ini in self._initials(doc, c):
                full.setdefault(ini, (key, c.type))
        out = {}
        for c in cands:
            toks = doc[c.start:c.end]
            if len(toks) != 1 or not toks[0].is_upper or toks[0].text not in full or c.role != "name":
                continue
            if c.type not in ("ORGANIZATION", "PERSON", "COUNTRY"):
                continue
            key, etype = full[toks[0].text]
            if key != self._group_key(c, {}):
                out[id(c)] = key
                c.type, c.role = etype, "acronym"
        return out

    def _initials(self, doc: Doc, c: Candidate) -> list[str]:
        words = re.findall(r"[A-Za-zÀ-ÿ]+", c.text)  # "U.S. Geological Survey" -> U, S, Geological, Survey
        if len(words) < 2:
            return []
        content = [w for w in words if w.lower() not in ("of", "the", "and", "for", "in", "on", "de", "la", "del")]
        forms = {"".join(w[0].upper() for w in content)}
        if c.type == "PERSON" and len(words) >= 3:
            forms.add("".join(w[0].upper() for w in words[:3]))
        return [f for f in forms if len(f) >= 2]

    def _people_groups(self, cands: list[Candidate]) -> dict:
        """id(candidate) -> the full name a person mention belongs to: the surname
        alone, first + last, a variant spelling of the surname, the given name
        alone when only one person has it."""
        persons = [c for c in cands if c.type == "PERSON" and c.role == "name"]
        particles = self.tables.particles

        def words(c):
            return name_key(c.text).split()

        fulls = _NameIndex()
        for c in sorted(persons, key=lambda c: -len(words(c))):
            w = words(c)
            if len(w) >= 2 and not any(_same_person(w, f, particles) for f in fulls.near(w)):
                fulls.add(w)
        out, seen_at = {}, {}
        for c in sorted(persons, key=lambda c: c.start):
            w = words(c)
            matches = [f for f in fulls.near(w) if _same_person(w, f, particles)]
            if not matches and len(w) == 1:
                by_given = [f for f in fulls if f[0] == w[0]]
                if len(by_given) == 1 and self.tables.is_given_name(w[0]):
                    matches = by_given
            if not matches:
                continue
            if len(matches) > 1:  # the one named last before this mention, else the most named
                matches.sort(key=lambda f: (seen_at.get(" ".join(f), [-1])[-1], len(seen_at.get(" ".join(f), []))),
                             reverse=True)
            target = " ".join(matches[0])
            seen_at.setdefault(target, []).append(c.start)
            out[id(c)] = target
        return out

    def _finish(self, ent: Entity, data: dict) -> None:
        """Canonical name (the fullest form), aliases, attributes, confidence."""
        rec = data["record"]
        names = [_strip_the(n) for n in data["names"]]
        if not names:
            names = [rec.name] if isinstance(rec, (Country, Place, Organization)) else [_strip_the(m.text) for m in ent.mentions]
        if ent.type == "COUNTRY" and isinstance(rec, Country):
            official = {name_key(x) for x in self.gaz.country_names.get(rec.iso2, [])}
            names = [n for n in names if name_key(n) in official] or names
        if ent.type == "ORGANIZATION":
            ent.name = max(names, key=lambda n: (_titled(n), len(n.split()), len(n)))
        else:
            ent.name = max(names, key=lambda n: (len(n.split()), len(n)))
        seen = {name_key(ent.name)}
        for m in ent.mentions:
            alias = _strip_the(m.text)
            if name_key(alias) not in seen:
                seen.add(name_key(alias))
                ent.aliases.append(alias)
        attrs = EntityAttributes()
        if isinstance(rec, Country) and ent.type == "COUNTRY":
            attrs.iso_alpha2, attrs.iso_alpha3 = rec.iso2, rec.iso3
        elif isinstance(rec, Place):
            attrs.country_code = rec.country_code
            attrs.latitude, attrs.longitude = rec.latitude, rec.longitude
            attrs.feature_kind = rec.kind
            last = name_key(ent.name).split()[-1:]
            if rec.kind in ("city", "capital") and last and last[0] in REGION_SUFFIXES:
                # "Donetsk region" is the region around the city: no point coordinates
                attrs.feature_kind, attrs.latitude, attrs.longitude = "region", None, None
        elif isinstance(rec, Organization):
            attrs.country_code = rec.country_code
        if ent.type == "ORGANIZATION" and not attrs.country_code:
            attrs.country_code = data.get("country")  # a government body's country
        if ent.type == "PERSON":
            attrs.titles = list(dict.fromkeys(data["titles"]))
            attrs.gender = self._gender(ent.name, attrs.titles)
        attrs.alternatives = list(dict.fromkeys(data["alts"]))
        ent.attributes = attrs
        confs = data["conf"] or [0.8]
        ent.confidence = round(min(1.0, max(confs) + 0.02 * (len(confs) - 1)), 2)

    def _gender(self, name: str, titles: list[str]) -> Optional[str]:
        for t in titles:
            words = tuple(_word(w) for w in t.replace("-", " - ").split())
            for n in range(len(words), 0, -1):
                g = self.tables.title_gender.get(words[:n]) or self.tables.title_gender.get(words[-n:])
                if g:
                    return g
        parts = name.split()
        return self.tables.given_name_gender(parts[0]) if len(parts) > 1 else None

    # ============================================================= mediators
    def _mediators(self, doc: Doc, cands: list[Candidate], entities: list[Entity]) -> None:
        """MEDIATOR roles from the pattern table; future or proposed mediation is
        recorded with status "proposed" and the role PROPOSED_MEDIATOR instead."""
        tables = self.tables
        mentions = [c for c in cands if c.entity is not None and c.entity.type in ("COUNTRY", "ORGANIZATION", "PERSON")]
        by_id = {e.id: e for e in entities}
        for sent in self._sents:
            text = sent.text
            if not tables.med_prefilter.search(text) or tables.med_excludes.search(text):
                continue
            if self._wholly_excluded(doc, sent.start_char, sent.end_char):
                continue
            masked, demonyms = self._masked(doc, sent, mentions)
            found: dict[str, str] = {}
            for _pid, pattern, requires, verb_group in tables.med_patterns:
                if requires is not None and not requires.search(text):
                    continue
                for m in pattern.finditer(masked):
                    status = "proposed" if self._future(masked, m, verb_group) else "actual"
                    for gname in ("m", "m2"):
                        if gname in pattern.groupindex and m.group(gname):
                            for mk in MARKER.findall(m.group(gname)):
                                if found.get(mk) != "actual":
                                    found[mk] = status
            if not found:
                continue
            ev = evidence(doc, sent)
            for mk, status in found.items():
                if mk.startswith("D:"):
                    ent = self._demonym_entity(doc, mk[2:], demonyms.get(mk), entities, by_id)
                else:
                    ent = by_id.get(mk)
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
        """The sentence with each entity mention replaced by ⟨entity id⟩ and each
        demonym by ⟨D:ISO⟩, and where those demonyms are."""
        spans = sorted(((c.start_char, c.end_char, c.entity.id) for c in mentions
                        if sent.start_char <= c.start_char and c.end_char <= sent.end_char),
                       key=lambda s: (s[0], -s[1]))
        kept, last_end = [], -1
        for s in spans:
            if s[0] >= last_end:
                kept.append(s)
                last_end = s[1]
        demonyms = {}
        for tok in sent:
            if tok.is_title and not any(s[0] <= tok.idx < s[1] for s in kept):
                iso = self.gaz.demonym(tok.text)
                if iso:
                    kept.append((tok.idx, tok.idx + len(tok.text), "D:" + iso))
                    demonyms.setdefault("D:" + iso, (tok.idx, tok.idx + len(tok.text)))
        kept.sort()
        pieces, pos = [], sent.start_char
        for s, e, mk in kept:
            pieces.append(self._text[pos:s])
            pieces.append(f"⟨{mk}⟩")
            pos = e
        pieces.append(self._text[pos:sent.end_char])
        return "".join(pieces).replace("\n", " "), demonyms

    def _future(self, masked: str, m: re.Match, verb_group: Optional[str]) -> bool:
        if verb_group == "between":
            return bool(self.tables.med_future.search(masked[m.end("m"):m.end(0)]))
        if verb_group == "before":  # "talks to be hosted by", "will be brokered by"
            return bool(PASSIVE_FUTURE.search(" ".join(masked[:m.start(0)].split()[-3:])))
        return False

    def _demonym_entity(self, doc: Doc, iso: str, span, entities: list[Entity], by_id: dict) -> Optional[Entity]:
        """A demonym naming a mediator ("Egyptian mediators", "Russian-brokered") is
        a mention of the country: found or added, with the demonym as an alias."""
        country = self.gaz.countries.get(iso)
        if country is None or span is None:
            return None
        start, end = span
        ent = next((e for e in entities if e.type == "COUNTRY" and e.attributes.iso_alpha2 == iso), None)
        if ent is None:
            ent = Entity(id=f"E{len(entities) + 1}", name=country.name, type="COUNTRY", confidence=0.75,
                         attributes=EntityAttributes(iso_alpha2=country.iso2, iso_alpha3=country.iso3))
            entities.append(ent)
            by_id[ent.id] = ent
        if not any(m.start == start for m in ent.mentions):
            ent.mentions.append(Mention(text=self._text[start:end], start=start, end=end,
                                        in_caption=region_at(doc, start, end) == "caption"))
            ent.mentions.sort(key=lambda m: m.start)
            if self._text[start:end] not in ent.aliases:
                ent.aliases.append(self._text[start:end])
        return ent


# ------------------------------------------------------------------ helpers
def _code(rec) -> Optional[str]:
    if isinstance(rec, Country):
        return rec.iso2
    if isinstance(rec, (Place, Organization)):
        return rec.country_code
    return None


def _describe(rec) -> str:
    """A reading of a name, for `attributes.alternatives`: "PLACE:Georgia (region, US)"."""
    if isinstance(rec, Country):
        if rec.kind == "territory":
            return f"PLACE:{rec.name} (territory, {rec.iso2})"
        return f"COUNTRY:{rec.name} ({rec.iso2})"
    if isinstance(rec, Place):
        where = f", {rec.country_code}" if rec.country_code else ""
        return f"PLACE:{rec.name} ({rec.kind}{where})"
    if isinstance(rec, Organization):
        return f"ORGANIZATION:{rec.name}"
    return ""


def _territory_place(country: Country) -> Place:
    return Place(name=country.name, kind="territory", country_code=country.iso2, population=country.population)


def _strip_the(text: str) -> str:
    text = " ".join(text.split())
    return text[4:] if text[:4].lower() == "the " else text


def _titled(text: str) -> bool:
    words = [w for w in text.split() if w[:1].isalpha() and w.lower() not in ("of", "the", "and", "for")]
    return bool(words) and all(w[0].isupper() for w in words)


class _NameIndex:
    """Distinct full names of people, found by the first letter of the surname
    (every way `_same_person` matches keeps that letter)."""

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


def _same_person(short: list[str], full: list[str], particles) -> bool:
    """Whether the name parts `short` can name the person `full`: equal, the
    surname alone (with its particles: "von der Leyen"), first + last name, or a
    one-letter spelling variant of the surname ("Zelensky"/"Zelenskyy")."""
    if not short or not full:
        return False
    if short == full:
        return True
    if len(short) < len(full) and full[-len(short):] == short and short[0] not in particles | {"al", "el"} \
            or len(short) < len(full) and full[-len(short):] == short and len(short) > 1:
        return True
    if 2 <= len(short) <= len(full) and short[0] == full[0] and short[-1] == full[-1]:
        return True
    if (len(short) == 1 or short[:-1] == full[:-1]) and len(full) >= 2:
        a, b = short[-1], full[-1]
        # a letter added or dropped ("Zelensky"); a letter changed only in longer names
        return min(len(a), len(b)) >= (5 if len(a) != len(b) else 7) and _one_edit(a, b)
    return False


def _acronym_fits(acronym: str, name: str) -> bool:
    """Whether an acronym can stand for a name: its letters are initials of the
    name's words, in any order ("ICRC", "FARC" for "Revolutionary Armed Forces of
    Colombia"), not "AP" after "Ukraine"."""
    initials = Counter(w[0].upper() for w in re.findall(r"[A-Za-zÀ-ÿ]+", name))
    return all(initials[ch] >= n for ch, n in Counter(acronym.upper()).items())


def _one_edit(a: str, b: str) -> bool:
    """Whether two words differ by one letter added, dropped or changed."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    if len(a) > len(b):
        a, b = b, a
    return any(b[:i] + b[i + 1:] == a for i in range(len(b)))


@Language.factory("newsextract_entities", default_config={"use_gazetteer_matches": True, "mediators": True})
def make_entities(nlp: Language, name: str, use_gazetteer_matches: bool, mediators: bool) -> EntityRecognizer:
    return EntityRecognizer(nlp, name, use_gazetteer_matches=use_gazetteer_matches, mediators=mediators)
