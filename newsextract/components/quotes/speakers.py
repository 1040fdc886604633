"""Who a speaker phrase stands for: an entity of the article (names), the recent
compatible subject (pronouns, with gender from titles and given names), the entity
a description stands for ("the ministry", "the president"), the author of a
document ("a statement from Hamas"); anonymous speakers keep no entity."""
from __future__ import annotations

from bisect import bisect_left
from typing import Optional

from spacy.tokens import Span, Token

from ...schema import EntityRef
from .documents import owner_token
from .persons import entity_referent, ensure_titles, fuller_name, name_gender, note_title, titles_of
from .phrases import children, determiner, lefts, norm_name, np_span, rights, strip_titles
from .state import DocState, Referent

_SUBJ = ("nsubj", "nsubjpass", "csubj")
# how far back (tokens) an earlier phrase or document may name a description's body or author
_CHUNK_LOOKBACK = 1500
_DOCUMENT_LOOKBACK = 400


def resolve(st: DocState, head: Token, np: Optional[Span] = None) -> Optional[Referent]:
    """The referent of a subject (as the article's light coreference read it), else of the phrase."""
    ref = referents(st).get(head.i) if np is None else None
    if ref is not None:
        return ref
    return resolve_np(st, head, np)


def name_referent(st: DocState, head: Token) -> Optional[Referent]:
    """A proper name the entities component did not list: the name as written, titles stripped."""
    span = st.ner_at(head)
    if span is not None and span.label_ in ("GPE", "NORP"):
        return Referent(None, "other", etype="COUNTRY")
    if span is not None:
        toks = [t for t in span if not t.is_punct or t.text in "-.'’"]
        kind = "person" if span.label_ == "PERSON" else "org"
    else:
        toks = [t for t in head.subtree if t.i <= head.i and t.dep_ in ("compound", "flat") or t.i == head.i]
        toks = [t for t in toks if t.pos_ == "PROPN" or t.i == head.i]
        kind = "person" if head.ent_type_ == "PERSON" else "org" if head.ent_type_ == "ORG" else "person"
    toks = strip_titles(toks, st.lex)
    if toks and toks[-1].tag_ == "POS":
        toks = toks[:-1]
    if not toks:
        return None
    name = st.text[toks[0].idx:toks[-1].idx + len(toks[-1])]
    if kind == "person":
        name = fuller_name(st, name)
        return Referent(EntityRef(name=name), "person", name_gender(st, name), etype="PERSON")
    return Referent(EntityRef(name=name), "org", etype="ORGANIZATION")


def resolve_np(st: DocState, head: Token, np: Optional[Span] = None) -> Optional[Referent]:
    """Who the phrase headed by `head` stands for."""
    lex = st.lex
    people = lex.people
    lower = head.lower_
    lemma = head.lemma_.lower()
    np = np if np is not None else np_span(head, lex)
    # an entity of the article: the head itself, an apposition, or (for "a ministry official") a modifier
    ent = st.mention_at(head)
    if ent is not None and lemma not in lex.person_heads | lex.org_heads | lex.document_heads:
        ref = entity_referent(st, ent)
        if ref.kind != "person" and head.pos_ == "PROPN":
            # "Mr Novak", "President Novak": a person whatever type the name was given
            title = next((c.lower_ for c in lefts(head) if c.dep_ == "compound" and people.is_person_only_title(c.lower_)),
                         None)
            if title is not None:
                ref.kind, ref.etype = "person", "PERSON"
                ref.gender = people.word_gender(title)
        return ref
    # "his brother, Babak": the name beside a description (a name's own apposition is not it)
    appos = [c for c in children(head) if c.dep_ == "appos"] if not st.is_name(head) else []
    for a in appos:
        ea = st.mention_at(a)
        person_noun = lemma in lex.person_heads or people.is_title_word(lemma)
        if ea is not None and (st.entity_type(ea) == "PERSON" or person_noun and a.pos_ == "PROPN"):
            # "his brother, Babak": a person whatever type the name was given
            ref = entity_referent(st, ea)
            ref.kind, ref.etype = "person", "PERSON"
            note_title(st, ea, lemma)
            if ref.gender is None:
                ref.gender = st.person_gender.get(ea.id)
            return ref
        if a.pos_ == "PROPN" and (a.ent_type_ == "PERSON" or person_noun and a.ent_type_ not in ("GPE", "NORP", "ORG")):
            ref = name_referent(st, a)
            if ref is not None and person_noun:
                ref.kind, ref.etype = "person", "PERSON"
                gender = people.word_gender(lemma)
                if gender is not None:
                    ref.gender = gender
            return ref
    if ent is not None:
        return entity_referent(st, ent)
    if lower in lex.pronouns:
        return resolve_pronoun(st, head)
    key = norm_name(np.text)
    if key in st.aliases and lemma not in lex.anonymous_heads:
        return entity_referent(st, st.aliases[key])
    if lemma in lex.document_heads or lower in lex.document_heads:
        return resolve_document(st, head)
    if st.is_name(head) and lemma not in lex.person_heads and lemma not in lex.org_heads:
        return name_referent(st, head)
    if lemma in lex.person_heads or lower in lex.person_heads:
        return resolve_person_description(st, head, np)
    if lemma in lex.org_heads or lower in lex.org_heads:
        return resolve_org_description(st, head, np)
    return Referent(None, "other", plural=head.tag_ in ("NNS", "NNPS"))


def resolve_person_description(st: DocState, head: Token, np: Span) -> Referent:
    """'a Hamas official' (the body), 'the president' (the titled person named before)."""
    lemma = head.lemma_.lower()
    plural = head.tag_ in ("NNS", "NNPS")
    gender = st.lex.people.word_gender(lemma)
    if lemma not in st.lex.unaffiliated_heads:
        org = st.inner_entity(np, head)
        if org is not None:
            return entity_referent(st, org)
        org_name = inner_org_name(st, np, head)
        if org_name is not None:
            return Referent(EntityRef(name=org_name), "org", etype="ORGANIZATION")
    det = determiner(head)
    if det is None and plural and lemma in st.lex.anonymous_heads:
        # "'...,' official sources said": no one in particular
        return Referent(None, "person", gender, plural=True)
    if det in st.lex.definite or det is None and plural:
        # a definite description: the titled person it names, or an earlier description like it
        found = antecedent_for_role(st, head, lemma, plural)
        if found is not None:
            return found
        return Referent(None, "person", gender, plural=plural, unresolved=det == "the" and not plural)
    return Referent(None, "person", gender, plural=plural)


def inner_org_name(st: DocState, np: Span, head: Token) -> Optional[str]:
    """'a Bomb Disposal Squad official': a capitalized body name in the phrase."""
    toks = [x for x in np if x.i < head.i and x.dep_ == "compound" and x.pos_ == "PROPN"
            and x.ent_type_ not in ("NORP", "GPE", "PERSON") and not st.lex.people.is_title_word(x.lower_)]
    if len(toks) >= 2 and toks[-1].lower_ in st.lex.org_heads:
        return " ".join(x.text for x in toks)
    return None


def antecedent_for_role(st: DocState, head: Token, lemma: str, plural: bool) -> Optional[Referent]:
    """The person an earlier mention gave this role ('President X' ... 'the president'),
    or the referent of an earlier phrase with the same head."""
    roles = st.lex.role_synonyms.get(lemma, frozenset({lemma}))
    role_words = {w for r in roles for w in r.split()}
    refs = referents(st)
    ensure_titles(st)
    best_pos, best = -1, None
    if not plural:
        origin = {c.lower_ for c in children(head) if c.ent_type_ in ("NORP", "GPE")}
        titled = [ent for ent in st.entities
                  if st.entity_type(ent) == "PERSON" and titles_of(st, ent).keys() & role_words]
        if origin and any(titles_of(st, e).keys() & origin for e in titled):
            titled = [e for e in titled if titles_of(st, e).keys() & origin]
        for ent in titled:
            for m in ent.mentions:
                if m.start < head.idx and m.start > best_pos:
                    best_pos, best = m.start, entity_referent(st, ent)
    # an earlier phrase with the same head ("a Houthi official" ... "the official")
    order = st.referent_order
    for k in range(bisect_left(order, head.i) - 1, -1, -1):
        i = order[k]
        tok = st.doc[i]
        if tok.idx <= best_pos:
            break
        if tok.lemma_.lower() == lemma or (plural and tok.tag_ in ("NNS", "NNPS") and
                                             tok.lemma_.lower() in st.lex.person_heads):
            if refs[i].ref is None and plural and lemma not in st.lex.anonymous_heads:
                # "The Colombian bishops ... the bishops": the group as first named
                group = np_span(tok, st.lex)
                words = [x for x in group if x.lower_ not in st.lex.definite and not x.is_punct]
                if len(words) > 1 and any(x.text[:1].isupper() for x in words):
                    name = st.text[words[0].idx:words[-1].idx + len(words[-1])]
                    return Referent(EntityRef(name=name), "org", plural=True, etype="ORGANIZATION")
            return refs[i]
    return best


def resolve_org_description(st: DocState, head: Token, np: Span) -> Referent:
    """'the ministry', 'the Israeli government', 'the group': the body it stands for."""
    lex = st.lex
    lemma = head.lemma_.lower()
    plural = head.tag_ in ("NNS", "NNPS")
    inner = st.inner_entity(np, head, ("ORGANIZATION",))
    if inner is not None:
        return entity_referent(st, inner)
    if any(x.ent_type_ in ("GPE", "NORP") for x in np if x.i != head.i) and lemma in lex.state_body_heads:
        # "the Iranian government", "Argentina's presidential office": the country, when the article names it
        country = next((e for e in (st.mention_at(x) for x in np if x.i != head.i)
                        if e is not None and e.type == "COUNTRY"), None)
        if country is not None:
            return Referent(EntityRef(entity_id=country.id, name=country.name), "org", etype="COUNTRY")
        return Referent(None, "org", etype="COUNTRY", plural=plural)
    det = determiner(head)
    modifiers = [x for x in np if x.i != head.i and x.dep_ not in ("det", "punct") and x.lower_ not in lex.definite]
    if det in lex.indefinite:
        return Referent(None, "org", plural=plural)
    # an entity of the article whose name has this head ("the ministry" -> "Ministry of Defence")
    best_pos, best = -1, None
    for ent in st.organizations_named_with(lemma):
        for m in ent.mentions:
            if best_pos < m.start < head.idx:
                best_pos, best = m.start, ent
    if best is not None and not modifiers:
        return entity_referent(st, best)
    if modifiers:
        # "the Israeli prime minister's office": the body named as written
        toks = [x for x in np if x.lower_ not in lex.definite]
        name = st.text[toks[0].idx:toks[-1].idx + len(toks[-1])] if toks else np.text
        return Referent(EntityRef(name=name), "org", plural=plural, etype="ORGANIZATION")
    # an earlier, fuller phrase with the same head ("the ministry of home affairs")
    chunk = earlier_chunk(st, head, lemma)
    if chunk is not None:
        return chunk
    if lemma in lex.generic_org_heads:
        ent = st.recent_entity(head.idx, ("ORGANIZATION",))
        if ent is not None:
            return entity_referent(st, ent)
    return Referent(None, "org", plural=plural)


def earlier_chunk(st: DocState, head: Token, lemma: str) -> Optional[Referent]:
    """An earlier, fuller phrase with the same head noun ("the ministry of home affairs"
    before "the ministry"): its entity, or its words as the body's name."""
    doc, lex = st.doc, st.lex
    for tok in reversed(doc[max(0, head.i - _CHUNK_LOOKBACK):head.i]):
        if tok.lemma_.lower() != lemma or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        lo = min([c.left_edge.i for c in lefts(tok) if c.dep_ != "punct"] + [tok.i])
        end = tok.i
        for x in rights(tok):
            if x.lower_ in lex.body_name_preps:
                end = x.right_edge.i
        if lo == tok.i and end == tok.i:
            continue
        phrase = doc[lo:end + 1]
        inner = st.inner_entity(phrase, tok, ("ORGANIZATION",))
        if inner is not None:
            return entity_referent(st, inner)
        toks = [x for x in phrase if x.lower_ not in lex.definite and x.dep_ != "det"]
        if toks and (len(toks) > 1 or end > tok.i):
            name = st.text[toks[0].idx:doc[end].idx + len(doc[end])]
            return Referent(EntityRef(name=name), "org", etype="ORGANIZATION")
    return None


def resolve_document(st: DocState, head: Token) -> Optional[Referent]:
    """A statement, a press release, a document: the speaker is its author."""
    if head.i in st.documents_open:
        return None
    st.documents_open.add(head.i)
    try:
        return document_author(st, head)
    finally:
        st.documents_open.discard(head.i)


def document_author(st: DocState, head: Token) -> Optional[Referent]:
    owner = document_owner(st, head)
    if owner is not None:
        return owner
    # the author of the last statement or document the article mentioned
    lex = st.lex
    for tok in reversed(st.doc[max(0, head.i - _DOCUMENT_LOOKBACK):head.i]):
        if tok.lemma_.lower() in lex.document_heads and tok.pos_ in ("NOUN", "PROPN"):
            o = document_owner(st, tok)
            if o is not None:
                return o
            # "X said in a statement": the statement's author is the subject of its verb
            if tok.head.dep_ == "prep" or tok.dep_ == "pobj":
                verb = tok.head.head if tok.dep_ == "pobj" else tok.head
                if lex.reporting.is_speech_verb(verb.lemma_.lower()):
                    subj = next((c for c in children(verb) if c.dep_ in _SUBJ), None)
                    if subj is not None and subj.lemma_.lower() not in lex.document_heads:
                        return resolve(st, subj)
    return Referent(None, "document")


def document_owner(st: DocState, head: Token) -> Optional[Referent]:
    """The author a document's own phrase names: 'Hamas's statement', 'a letter from X'."""
    lex = st.lex
    obj = owner_token(st, head)
    if obj is not None:
        if obj.dep_ == "pobj":
            # "the Official Journal of the European Union": the body it is of, even when
            # the whole title was taken as one name
            named = st.aliases.get(norm_name(np_span(obj, lex).text))
            if named is not None and named is not st.mention_at(head):
                return entity_referent(st, named)
        return resolve_np(st, obj)
    ent = st.inner_entity(np_span(head, lex), head, ("ORGANIZATION", "PERSON"))
    if ent is not None:
        return entity_referent(st, ent)
    return None


# ---------------------------------------------------------------- light coreference

def referents(st: DocState) -> dict[int, Referent]:
    """Subjects of the article in order, each resolved (pronouns against earlier ones)."""
    if st.referents_built:
        return st.referent_at
    st.referents_built = True
    doc, lex = st.doc, st.lex
    for tok in doc:
        according = tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.i > 0 \
            and lex.reporting.is_according(doc[tok.head.i - 1].lower_)
        # "Mrs X and Mr Y signed": each conjoined subject is a subject
        conjoined = tok.dep_ == "conj" and tok.head.dep_ in _SUBJ and tok.pos_ in ("PROPN", "NOUN")
        if not (according or conjoined) and (
                tok.dep_ not in _SUBJ or tok.lower_ in lex.relative or tok.lower_ in lex.first_second):
            continue
        if tok.pos_ == "PRON" and tok.lower_ not in lex.pronouns:
            continue
        ref = resolve_np(st, tok)
        if ref is None:
            continue
        st.referent_at[tok.i] = ref
        st.referent_order.append(tok.i)
    return st.referent_at


def compatible(ref: Referent, gender: Optional[str], plural: bool) -> bool:
    """Whether a pronoun of this gender and number can stand for `ref`."""
    if gender in ("male", "female"):
        return ref.kind == "person" and not ref.plural and ref.gender in (None, gender)
    if gender == "neuter":
        return ref.kind in ("org", "document") or ref.etype in ("COUNTRY", "PLACE", "ORGANIZATION")
    if plural:
        return ref.plural or ref.kind == "org"
    return True


def reporter_of(st: DocState, pronoun: Token, gender: Optional[str], plural: bool) -> Optional[Referent]:
    """'X told reporters he thought ...': the subject of a clause reported by a speech or
    stance verb is that verb's own subject when it can be (X), not the last one named."""
    clause = pronoun.head
    if pronoun.dep_ not in _SUBJ or clause.dep_ not in ("ccomp", "xcomp") or clause.head.i == clause.i:
        return None
    verb = clause.head
    if not st.lex.reporting.is_stance_verb(verb.lemma_.lower()):
        return None
    subject = next((c for c in children(verb) if c.dep_ in ("nsubj", "nsubjpass") and c.i < pronoun.i), None)
    if subject is None or subject.lower_ in st.lex.pronouns or subject.lower_ in st.lex.first_second:
        return None
    ref = resolve(st, subject)
    return ref if ref is not None and ref.ref is not None and compatible(ref, gender, plural) else None


def resolve_pronoun(st: DocState, head: Token) -> Optional[Referent]:
    """The last compatible subject within the window, or a person named since."""
    gender, number = st.lex.pronouns[head.lower_]
    plural = number == "plur"
    reported = reporter_of(st, head, gender, plural)
    if reported is not None:
        return reported
    doc = st.doc
    limit = head.idx - st.settings.pronoun_window_chars
    referents(st)
    order = st.referent_order
    k = bisect_left(order, head.i) - 1
    subject_at, found = -1, None
    while k >= 0:
        i = order[k]
        if doc[i].idx < limit:
            break
        ref = st.referent_at[i]
        if ref is not None and compatible(ref, gender, plural):
            subject_at, found = doc[i].idx, ref
            break
        k -= 1
    if gender in ("male", "female"):
        # a person named as an object ("X met Y. ... he said") in a later paragraph than any subject
        m = bisect_left(st.mention_starts, head.idx) - 1
        while m >= 0 and st.mentions[m][0] > max(subject_at, limit):
            ent = st.mentions[m][2]
            if st.entity_type(ent) == "PERSON":
                ref = entity_referent(st, ent)
                if compatible(ref, gender, plural):
                    if found is None or st.para(st.mentions[m][0]) > st.para(subject_at):
                        found = ref
                    break
            m -= 1
    if found is None:
        return Referent(None, "person" if gender in ("male", "female") else "other", gender, plural=plural)
    if gender in ("male", "female") and found.ref is not None and found.ref.entity_id:
        st.person_gender.setdefault(found.ref.entity_id, gender)
    if found.gender is None and gender in ("male", "female"):
        found.gender = gender
    return found
