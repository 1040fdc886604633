"""People of the article as speakers: an entity as a referent, the titles written
around a person's mentions and the gender they, or the given name, tell."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ...schema import EntityRef
from .phrases import children, strip_titles
from .state import DocState, Referent

# how far back from a name its title is read (tokens), and the words a title's complement may hold
_TITLE_REACH = 10
_TITLE_JOINERS = ("for", "of", "and", "&")
# 'X of the opposition party Y': how far back (tokens) from Y the 'of' may be, and what lies between
_BODY_REACH = 8
_OF_BODY = ("of", "from")
_BODY_PHRASE_POS = ("DET", "NOUN", "PROPN", "ADJ", "PRON", "PUNCT")
# 'Speaker of the Assembly Rep. X said': how far after a title its holder's name may end
_HOLDER_REACH = 10
_TITLE_PHRASE_POS = ("DET", "NOUN", "PROPN", "ADJ", "ADP", "CCONJ", "PART")


def entity_referent(st: DocState, ent) -> Referent:
    """An entity of the article as a speaker, with its kind and, for a person, gender."""
    given = None
    if " " not in ent.name.strip():
        # a surname the entities component typed as a place or body: the person named in full;
        # a given name typed so, right before a person's surname: that person
        fuller = st.person_by_surname.get(ent.name.strip()) if ent.type != "PERSON" else None
        person = st.person_named_with(ent)
        if fuller is not None:
            ent = fuller
        elif person is not None:
            given, ent = ent.name.strip(), person
    etype = st.entity_type(ent)
    kind = "person" if etype == "PERSON" else "org" if etype == "ORGANIZATION" else "other"
    gender = None
    name = ent.name
    if etype == "PERSON":
        ensure_titles(st)
        name = clean_person_name(st, name)
        if given is not None and " " not in name:
            name = f"{given} {name}"
        gender = (ent.attributes.gender if ent.attributes else None) or st.person_gender.get(ent.id) \
            or name_gender(st, name, titles_of(st, ent))
    return Referent(EntityRef(entity_id=ent.id, name=name), kind, gender, etype=etype)


def clean_person_name(st: DocState, name: str) -> str:
    """A person's name without the titles in front ('EC Chairperson Jane Doe' -> 'Jane Doe')."""
    people = st.lex.people
    words = name.split()
    while len(words) > 2 and (people.is_title_word(words[0]) or words[0].isupper() and len(words[0]) <= 5):
        words.pop(0)
    if len(words) == 2 and people.is_title_word(words[0]) and people.given_name_gender(words[0]) != "male":
        words.pop(0)
    return " ".join(words)


def ensure_titles(st: DocState) -> None:
    """Titles written before or beside each person's mentions ('Russian President X',
    'X, his sister'), and the gender they tell."""
    if st.titles_done:
        return
    st.titles_done = True
    doc, people = st.doc, st.lex.people
    for ent in st.entities:
        if st.entity_type(ent) != "PERSON":
            continue
        words = st.person_titles.setdefault(ent.id, {})
        for m in ent.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            k = span.start - 1
            while k >= 0 and span.start - k <= _TITLE_REACH:
                # back over the title and its capitalized complement ('State Minister for
                # Disaster Management and Relief X'), never into another person's name
                tok = doc[k]
                if people.is_title_word(tok.lower_) or tok.ent_type_ in ("NORP", "GPE") and tok.pos_ != "PUNCT":
                    words[tok.lower_] = None
                elif not (tok.lower_ in _TITLE_JOINERS or tok.text[:1].isupper() and tok.is_alpha) \
                        or _other_person(st, tok, ent):
                    break
                k -= 1
            for tok in span:
                if people.is_title_word(tok.lower_):
                    words[tok.lower_] = None
            last = span[-1]
            for c in children(last):
                if c.dep_ == "appos" and c.pos_ == "NOUN":
                    words[c.lemma_.lower()] = None
            if last.dep_ == "appos" and last.head.pos_ == "NOUN":
                words[last.head.lemma_.lower()] = None
        for w in words:
            gender = people.word_gender(w)
            if gender is not None:
                st.person_gender.setdefault(ent.id, gender)


def _other_person(st: DocState, tok, ent) -> bool:
    """Whether `tok` is part of a mention of a person other than `ent`."""
    other = st.mention_at(tok)
    return other is not None and other.id != ent.id and st.entity_type(other) == "PERSON"


def note_title(st: DocState, ent, word: str) -> None:
    """A title or relation noun the article gives a person ('his brother, Babak')."""
    st.person_titles.setdefault(ent.id, {})[word] = None
    gender = st.lex.people.word_gender(word)
    if gender is not None:
        st.person_gender.setdefault(ent.id, gender)


def titles_of(st: DocState, ent) -> dict[str, None]:
    """The title words of a person, in the order found: the article's, then the entity's."""
    titles = dict(st.person_titles.get(ent.id, {}))
    for title in (ent.attributes.titles if ent.attributes else []) or []:
        titles.update(dict.fromkeys(str(title).lower().split()))
    return titles


def name_gender(st: DocState, name: str, titles=()) -> Optional[str]:
    """The gender a person's titles tell, else the first given name of the name."""
    people = st.lex.people
    for title in titles or ():
        for w in str(title).lower().split():
            gender = people.word_gender(w)
            if gender is not None:
                return gender
    for w in name.split():
        lw = w.lower().strip(".,")
        if people.is_title_word(lw) and people.given_name_gender(lw) is None:
            gender = people.word_gender(lw)
            if gender is not None:
                return gender
            continue
        return people.given_name_gender(lw)
    return None


def fuller_name(st: DocState, name: str) -> str:
    """'Smith' -> 'John Smith' when the article names him in full."""
    if " " in name:
        return name
    span = st.person_span_by_last.get(name)
    if span is None:
        return name
    return " ".join(t.text for t in strip_titles(list(span), st.lex))


def speaking_person(st: DocState, head: Token) -> Token:
    """The token that stands for who speaks when the parse gave `head` as the subject: the
    person a body, a title or a place was parsed in place of, else `head`."""
    return person_in_apposition(st, holder_of_title(st, person_of_body(st, head)))


def person_of_body(st: DocState, head: Token) -> Token:
    """'Elod Novak of the opposition party Our Homeland voted': a subject parsed as the body
    a person is 'of' is that person (the last token of their name), else `head` itself."""
    doc = st.doc
    described = False                 # 'the opposition party': the words after 'of' describe a body
    for k in range(head.i - 1, max(-1, head.i - 1 - _BODY_REACH), -1):
        tok = doc[k]
        if tok.lower_ in _OF_BODY:
            name = doc[k - 1] if k > 0 else None
            if name is None or not st.is_name(name):
                return head
            person = st.mention_at(name)
            if person is not None and st.entity_type(person) == "PERSON" or described and (
                    person is None or st.entity_type(person) not in ("ORGANIZATION", "PLACE", "COUNTRY")):
                return name
            return head
        if tok.pos_ not in _BODY_PHRASE_POS:
            return head
        described = described or tok.lower_ in st.lex.org_heads
    return head


def holder_of_title(st: DocState, head: Token) -> Token:
    """'Speaker of the Assembly Rep. X said', 'fire Chief X said': a subject
    parsed as the title is the person named after it (the last token of their name), else `head`."""
    if st.mention_at(head) is not None or not st.lex.people.is_title_word(head.lower_):
        return head
    doc = st.doc
    for t in doc[head.i + 1:min(len(doc), head.i + 1 + _HOLDER_REACH)]:
        if st.quote_of_token[t.i] != -1 or t.pos_ not in _TITLE_PHRASE_POS and not (t.is_punct and t.text == "."):
            return head
        ent = st.mention_at(t)
        if ent is not None and st.entity_type(ent) == "PERSON":
            last = t
            while last.i + 1 < len(doc) and st.mention_at(doc[last.i + 1]) is ent:
                last = doc[last.i + 1]
            return last
    return head


def person_in_apposition(st: DocState, head: Token) -> Token:
    """'Campaigning in Dover, Delaware, X went after a rival' parsed with the place as
    the subject and the person set beside it: the person, else `head`."""
    ent = st.mention_at(head)
    if ent is None or st.entity_type(ent) not in ("PLACE", "COUNTRY"):
        return head
    for c in children(head):
        if c.dep_ == "appos" and c.i > head.i:
            person = st.mention_at(c)
            if person is not None and st.entity_type(person) == "PERSON":
                return c
    return head
