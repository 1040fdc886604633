"""The article's candidate mentions: the model's spans (GPE/LOC/FAC/ORG/PERSON),
repaired, plus the gazetteer names the model missed; minus page furniture
(chrome, bylines, datelines), dates, numbers, headlines and common words."""
from __future__ import annotations

import re

from spacy.tokens import Doc

from ...gazetteer import Country, Entry, Organization
from .article import Candidate, EntityArticle
from .repair import extend_org_backwards, extend_org_names, join_split_names, repair, title_before
from .tables import word
from .units import unit_mentions

MODEL_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "PERSON"})
# labels of the model's spans that are no named place or body (a gazetteer name inside one is not taken)
OTHER_LABELS = frozenset({"DATE", "TIME", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "MONEY",
                          "QUANTITY", "CARDINAL", "ORDINAL", "PERCENT"})
WEAPON_CODE = re.compile(r"^(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$")
BYLINE = re.compile(r"(?i)by\s+")
DATELINE_AFTER = ("(", "—", "–", "-", ":", ",")
HYPHENS = ("-", "‑")
LINE_WORDS = re.compile(r"[^\W\d_][\w'’-]*")


def candidates(art: EntityArticle, use_gazetteer_matches: bool, teams: list[Candidate] = ()) -> list[Candidate]:
    """Every candidate mention, not overlapping (but for nested ones), in text order;
    `teams`: the sports teams of a results table (sports.py), which win over the model's spans."""
    doc = art.doc
    spans: list[Candidate] = []
    for ent in doc.ents:
        if ent.label_ in MODEL_LABELS:
            start, end = ent.start, ent.end
            while start < end and doc[start].is_space:
                start += 1
            while end > start and doc[end - 1].is_space:
                end -= 1  # the model may tag a run of blanks at a span's edge
            if start < end:
                spans.extend(repair(art, Candidate(start, end, ent.label_)))
    spans = join_split_names(art, spans)
    spans = extend_org_names(art, extend_org_backwards(art, spans))
    units = unit_mentions(art) + list(teams)
    if units:
        in_unit = {i for u in units for i in range(u.start, u.end)}
        spans = [c for c in spans if not any(i in in_unit for i in range(c.start, c.end))] + units
    if use_gazetteer_matches:
        spans = merge_gazetteer(art, spans)
    byline = byline_lines(art, spans)
    headlines = title_case_lines(art)
    out, taken = [], set()
    for c in sorted(spans, key=lambda c: (c.start, -(c.end - c.start))):
        if c.end <= c.start:
            continue
        art.span(c)
        if not c.nested and any(i in taken for i in range(c.start, c.end)):
            continue
        if art.excluded(c.start_char, c.end_char) or not plausible(art, c):
            continue
        if any(ls <= c.start_char < le for ls, le in byline) or dateline(art, c):
            continue
        if headlines and not c.entries and c.label not in ("UNIT", "TEAM", "PLAYER") and headline_only(art, c, headlines):
            continue
        if not c.nested:
            taken.update(range(c.start, c.end))
        out.append(c)
    return out


def title_case_lines(art: EntityArticle) -> list[tuple[int, int]]:
    """The lines written in Title Case ("Ruling Party Wins Vote by a Landslide"),
    as (start, end) character ranges: in them a capital does not make a name."""
    tables, text, out, start = art.tables, art.text, [], 0
    for line in text.split("\n"):
        end = start + len(line)
        words = [w for w in LINE_WORDS.findall(line) if len(w) >= 4] \
            if len(line) <= tables.context.title_line_max_chars and not line.rstrip().endswith(".") else []
        if len(words) >= tables.context.title_line_min_words and not line.isupper():
            capitals = [w for w in words if w[0].isupper() and not w.isupper()]
            # common words written with a capital ("Wins", "Elections"), not a line of names
            common = sum(1 for w in capitals if w.lower() in art.lower_words)
            if len(capitals) >= tables.context.title_line_share * len(words) \
                    and common >= tables.context.title_line_common_words:
                out.append((start, end))
        start = end + 1
    return out


def headline_only(art: EntityArticle, c: Candidate, headlines: list[tuple[int, int]]) -> bool:
    """Whether a candidate in a Title-Case line is written nowhere else in the article."""
    if not any(s <= c.start_char < e for s, e in headlines):
        return False
    text, pos = art.text, 0
    while True:
        pos = text.find(c.text, pos)
        if pos < 0:
            return True
        if not any(s <= pos < e for s, e in headlines):
            return False
        pos += len(c.text)


_LIST_WORDS = frozenset({"and", "or"})


def in_named_event_list(art: EntityArticle, c: Candidate, *, reach: int = 60) -> bool:
    """'tropical cyclones "Kira", "Lenz" and "Mora"': each name of a list that a plural
    storm noun (the last word of an `event_first_words` phrase) opens is a storm's."""
    doc = art.doc
    i, floor = c.start - 1, max(-1, c.start - 1 - reach)
    while i > floor:
        t = doc[i]
        if t.tag_ in ("NNS", "NNPS") and t.lower_.endswith("s") and (t.lower_[:-1],) in art.tables.event_first_words:
            return True  # the tagger may read a capitalized "Typhoons" as a name: its lemma is no help
        if t.is_sent_start and i < c.start - 1 and not (t.is_punct or t.is_space):
            break
        if t.is_punct or t.is_space or t.lower_ in _LIST_WORDS or t.pos_ == "PROPN":
            i -= 1
            continue
        return False
    return False


def plausible(art: EntityArticle, c: Candidate) -> bool:
    """Not a date, a number, a lone title, a headline, a common word or page furniture."""
    doc, tables = art.doc, art.tables
    text = c.text
    if c.label in ("UNIT", "TEAM", "PLAYER"):
        return True
    if not any(ch.isupper() for ch in text) or text in tables.non_entities:
        return False
    words = art.words[c.start:c.end]
    if tables.starts_or_ends_with(words, tables.event_first_words, tables.event_last_words):
        return False  # "Cyclone Mira", "the Defense Cooperation Agreement": an event or a text, no entity
    if in_named_event_list(art, c):
        return False
    nxt = art.words[c.end] if c.end < len(doc) else ""
    if c.entries and c.entries[0].is_country and nxt in tables.currency_words:
        return False  # "the US dollar": a currency, no mention of the country
    if c.entries:
        return True
    if any(ch.isdigit() for ch in text):
        return False
    if portfolio_before_title(art, c.end):
        return False  # "Home" in "Home Minister Jane Doe": part of the title
    if c.start > 1 and doc[c.start - 1].lower_ == "for" and title_before(art, c.start - 1):
        return False  # "Disaster Management" in "State Minister for Disaster Management": the portfolio
    toks = doc[c.start:c.end]
    words = [word(t.text) for t in toks if t.is_alpha]
    if not words or all(w in tables.title_words for w in words):
        return False
    if len(toks) == 1 and toks[0].pos_ != "PROPN" and not toks[0].is_upper and (
            toks[0].is_sent_start or c.start == 0 or "\n" in doc[c.start - 1].whitespace_ + doc[c.start - 1].text):
        return False  # "Floods killed 45": a common noun opening a sentence or a headline
    # a run of a Title-Cased headline ("Aid Package To Nations Of ...")
    if len(toks) >= 3 and any(t.text in tables.headline_words for t in toks[1:-1]):
        return False
    if c.label == "ORG" and word(toks[-1].text) in tables.member_nouns:
        return False
    if len(toks) == 1 and c.start > 0 and WEAPON_CODE.match(doc[c.start - 1].text):
        return False  # "a 2S7 Pion gun", "T-72 tanks": the name of a model of weapon
    return True


def portfolio_before_title(art: EntityArticle, i: int) -> bool:
    """Whether a minister-like title starts at token i and a name follows it
    ("... Minister Jane Doe", "... CS Jane Doe", "... Cabinet Secretary Jane Doe")."""
    tables, words, doc = art.tables, art.words, art.doc
    for n in range(min(tables.max_title_len, len(words) - i - 1), 0, -1):
        key = tuple(words[i:i + n])
        if key in tables.title_gender and any(key[-len(p):] == p for p in tables.portfolio_titles):
            return doc[i + n].is_title and doc[i].is_title
    return False


def dateline(art: EntityArticle, c: Candidate) -> bool:
    """"MOSCOW (Agency) —", "YEREVAN, JANUARY 4, AGENCY.": a place in capitals opening
    a line before a bracket, a dash or a comma, and the agency in brackets after it."""
    doc, text = art.doc, art.text
    if c.end >= len(doc):
        return False
    line_start = text.rfind("\n", 0, c.start_char) + 1
    before = text[line_start:c.start_char].strip()
    if c.text.isupper() and not before:
        return doc[c.end].text in DATELINE_AFTER
    if before.endswith("(") and doc[c.end].text == ")":  # "KHARTOUM, Sudan (AP) —"
        head = before[:-1].strip(" —–-,")
        return bool(head) and head.split(",")[0].replace(" ", "").isupper() and len(head) < 40
    return False


def byline_lines(art: EntityArticle, spans: list[Candidate]) -> set:
    """Lines (char ranges) that are bylines: "By Jane Doe", or a line holding
    only a person's name next to a line holding only a news organization."""
    doc, text = art.doc, art.text
    lines = {}
    for c in spans:
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
        entries = c.entries or art.gaz.lookup(ctext)
        if line == ctext and entries and isinstance(entries[0].record, Organization) and entries[0].record.kind == "news":
            news_lines.add((ls, le))
    for start, (ls, le, line, ctext, c) in lines.items():
        if c.label != "PERSON":
            continue
        by = BYLINE.match(line)
        if by and line[by.end():].startswith(ctext) and len(line) < len(ctext) + 40:
            out.add((ls, le))
            continue
        if line == ctext:
            for ns, ne in news_lines:
                if abs(ns - le) <= 3 or abs(ls - ne) <= 3:  # the next or the previous line
                    out.update({(ls, le), (ns, ne)})
    return out


def merge_gazetteer(art: EntityArticle, spans: list[Candidate]) -> list[Candidate]:
    """Attach gazetteer readings to the model's spans; add the names it missed."""
    doc, gaz = art.doc, art.gaz
    by_token = {}
    for c in spans:
        for i in range(c.start, c.end):
            by_token[i] = c
    extra = []
    for m in gaz.scan(doc):
        entries = context_filter(doc, m.start, m.entries)
        if not entries:
            continue
        covering = {id(by_token[i]): by_token[i] for i in range(m.start, m.end) if i in by_token}
        if not covering:
            inside_other = doc[m.start].ent_type_ in OTHER_LABELS and not entries[0].is_country
            if not inside_other and gazetteer_only_ok(art, m.start, m.end, entries):
                extra.append(Candidate(m.start, m.end, "GAZ", entries=entries))
            continue
        first = entries[0].record
        if len(covering) == 1:
            c = next(iter(covering.values()))
            if (c.start, c.end) == (m.start, m.end):
                c.entries = entries
                continue
            if c.start <= m.start and m.end <= c.end:
                if entries[0].is_country and not gaz.lookup(doc[c.start:c.end].text):
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


def context_filter(doc: Doc, start: int, entries: list[Entry]) -> list[Entry]:
    """Drop readings whose required context is missing ("X" the platform only "on X")."""
    out = []
    for e in entries:
        if isinstance(e.record, Organization) and e.record.after_words:
            if start == 0 or doc[start - 1].lower_ not in e.record.after_words:
                continue
        out.append(e)
    return out


def gazetteer_only_ok(art: EntityArticle, start: int, end: int, entries: list[Entry]) -> bool:
    """A name the model did not tag is taken when the gazetteer is sure enough."""
    doc = art.doc
    toks = doc[start:end]
    if toks.text in art.tables.non_entities:
        return False
    if end < len(doc) and doc[end].text in HYPHENS and not doc[end - 1].whitespace_ and end + 1 < len(doc) \
            and doc[end + 1].is_lower and not isinstance(entries[0].record, (Country, Organization)):
        return False  # "Man-kei": part of a hyphenated name
    if entries[0].capitals_only and in_capitals_run(doc, start, end):
        return False  # "THIS IS HOW": an acronym means nothing in a line written in capitals
    record = entries[0].record
    if isinstance(record, (Country, Organization)):
        return not (end - start == 1 and toks[0].is_sent_start and toks[0].pos_ != "PROPN" and not toks[0].is_upper)
    if not record.salient:
        return False
    if any(t.pos_ != "PROPN" for t in toks if t.is_alpha and t.lower_ not in art.tables.particles):
        return False
    return True


def in_capitals_run(doc: Doc, start: int, end: int) -> bool:
    """Whether the words on both sides of [start, end) are written in capitals too."""
    def upper_word(i):
        return 0 <= i < len(doc) and doc[i].is_alpha and len(doc[i].text) > 1 and doc[i].is_upper
    return upper_word(start - 1) and upper_word(end) or upper_word(end) and upper_word(end + 1) \
        or upper_word(start - 1) and upper_word(start - 2)
