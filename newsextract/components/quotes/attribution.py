"""Attribution: the cue (reporting verb or 'according to') that attributes a quote,
and the head of its speaker phrase.

Tried in order: the reporting verb whose clause holds the quote (dependency path),
else the reporting clause right beside it ("...," X said / X said: "..." / according
to X). A quote with no cue keeps the previous quote's speaker when it continues it
(`chained`); the frames around a quote with no cue are read by `context`.

Each quote looks at a bounded stretch of tokens around it (`cue_window_tokens`),
so that a paragraph of thousands of quotation marks costs time in proportion to
its length.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Token

from ...text.quote_marks import QuoteSpan
from .phrases import children, gap, next_nominal, rights, speech_verb, stance_verb
from .speakers import referents, resolve
from .state import SPEAKER_TYPES, DocState, Referent

_SUBJ = ("nsubj", "nsubjpass", "csubj")
_CLIMB = ("advcl", "xcomp", "conj", "pcomp", "acl", "ccomp", "parataxis", "dep", "prep", "pobj")
_INVERTED_SUBJECT_DEPS = ("dobj", "attr", "npadvmod", "oprd", "appos", "dep", "nsubjpass", "nsubj", "advmod")
# a participle's noun ("issued a statement saying ...") is climbed to the verb it is the object of
_NOUN_CLIMB = ("dobj", "attr", "oprd")
_FINITE = ("VBD", "VBZ", "VBP")
# how far after '..., said' its inverted subject may start (tokens: 'said Dr. Jane Doe')
_INVERTED_REACH = 4
# a speech verb the quote's own words govern attributes it only as a parenthetical
# ('We will win, he said, and stay'), never as their complement or an infinitive
# ('… to answer questions')
_NOT_PARENTHETICAL = ("xcomp", "acl", "relcl", "pcomp", "amod", "csubj", "csubjpass", "prep", "pobj")
_NOMINAL = ("PROPN", "NOUN", "PRON")
_SPEAKER_PHRASE_POS = ("PROPN", "NOUN", "PRON", "DET", "ADJ", "PUNCT", "PART", "NUM", "ADP", "CCONJ")
_ENDS_WITH_COMMA = re.compile(r"[,;]\s*$")
# how many parent steps a quote's attachment is followed up to a reporting verb
_CLIMB_STEPS = 6
_ADJACENT_TOKENS = 8
# the rank of a cue after the quote that reports words of its own: last, and naming no speaker
_OWN_WORDS_RANK = 4


@dataclass
class _Candidate:
    token: Token
    rank: tuple
    via: str


def _last_char(text: str, lo: int, hi: int) -> str:
    """The last non-space character of text[lo:hi], '' if there is none (scans only the spaces)."""
    k = hi - 1
    while k >= lo and text[k].isspace():
        k -= 1
    return text[k] if k >= lo else ""


def attribution(st: DocState, qi: int, qs: QuoteSpan, tokens: list[Token], partial: bool = False):
    """(cue token, subject token) for a quote; either may be None."""
    doc, text, lex = st.doc, st.text, st.lex
    reporting = lex.reporting
    para = st.para(qs.outer_start)
    lo_char, hi_char = st.para_bounds(para)
    inside = {t.i for t in tokens}

    def outside(t: Token) -> bool:
        return t.i not in inside and st.quote_of_token[t.i] == -1 and lo_char <= t.idx < hi_char

    cands: list[_Candidate] = []
    first_i, last_i = tokens[0].i, tokens[-1].i
    open_i = first_i - 1 if qs.open_mark is not None else first_i
    close_i = last_i + 1 if qs.close_mark is not None else last_i
    ends_comma = bool(_ENDS_WITH_COMMA.search(text, qs.start, qs.end)) or text[qs.outer_end:qs.outer_end + 1] == ","
    before_colon = _last_char(text, lo_char, qs.outer_start) in (":", ",")
    if not _last_char(text, lo_char, qs.outer_start) and para > 0 and _last_char(text, 0, lo_char) == ":":
        # 'X said:' closing the paragraph before the quote
        lo_char = st.para_starts[para - 1]
        before_colon = True

    # 1. the dependency path: a reporting verb governing the quote, or attached to it;
    # it outranks the clause beside a partial quote ("X told them that the money
    # 'will not move', according to aides": X's words)
    dep_rank = -1 if partial else 1
    attach: dict[Token, None] = {}        # in the order of the quote's words: never the Doc's address
    for t in tokens:
        h = t.head
        if h.i not in inside and h.i != t.i:
            attach[h] = None
        for c in children(t):
            if c.i not in inside and outside(c) and speech_verb(c, lex) and c.pos_ in ("VERB", "AUX") \
                    and c.dep_ not in _NOT_PARENTHETICAL and c.tag_ not in ("VB", "VBG"):
                cands.append(_Candidate(c, (dep_rank, abs(c.i - close_i)), "dep"))
    for a in attach:
        v, steps = a, 0
        while steps < _CLIMB_STEPS and outside(v):
            if reporting.is_according(v.lower_):
                cands.append(_Candidate(v, (dep_rank, gap(v, open_i, close_i)), "dep"))
                break
            noun = v if v.pos_ == "NOUN" else next(
                (c for c in children(v) if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None) if v.pos_ == "VERB" else None
            if noun is not None and noun.i < open_i and reporting.is_speech_noun(noun.lemma_.lower()):
                # "closed the summit with a call for '...'": the call's, unless a speech verb
                # reports the whole ("the agency said X delivered a message on '...'"); also
                # "a call for members to continue fighting for '...'" parsed with the call as subject
                cands.append(_Candidate(_reporting_verb_above(st, noun) or noun,
                                        (dep_rank, gap(noun, open_i, close_i)), "dep"))
                break
            if stance_verb(v, lex) and v.pos_ in ("VERB", "AUX") and not _bare_infinitive(v, lex):
                if partial and not speech_verb(v, lex):
                    # "X said Y described it as '...'": a partial quote in the clause a speech
                    # verb reports is that speech verb's speaker's
                    v = _reporting_verb_of(st, v) or v
                # "X reacted to the deal, '...'": the clause the comma or colon opens onto the
                # quote is as near as a reporting clause beside it
                introduced = before_colon and not partial and v.i < open_i
                cands.append(_Candidate(v, (0, 0, gap(v, open_i, close_i)) if introduced
                                        else (dep_rank, gap(v, open_i, close_i)), "dep"))
                break
            if v.head.i == v.i:
                break
            v, steps = v.head, steps + 1

    # 2. reporting clauses beside the quote in the same sentence(s) and paragraph
    sent_lo = st.sent(open_i)[0]
    sent_hi = st.sent(close_i)[1]
    if before_colon and open_i > 0:
        sent_lo = min(sent_lo, st.sent(open_i - 1)[0])
    if close_i + 1 < len(doc) and st.sent(close_i)[1] <= close_i + 1:
        sent_hi = max(sent_hi, st.sent(close_i + 1)[1])
    window = st.settings.cue_window_tokens
    for ti in st.cue_tokens_in(max(sent_lo, open_i - 1 - window), min(sent_hi, close_i + 2 + window)):
        t = doc[ti]
        if not outside(t):
            continue
        is_according = reporting.is_according(t.lower_)
        after = t.i > close_i
        t_gap = gap(t, open_i, close_i)
        between_lo, between_hi = (close_i + 1, t.i) if after else (t.i + 1, open_i)
        crosses = st.quoted_between(between_lo, between_hi, qi)
        # '"..." Y said she would have resigned': a cue after the quote that reports words of
        # its own names their speaker, not the quote's (the quote keeps the cue, and no speaker)
        own_words = after and any(c.dep_ == "ccomp" and c.i > t.i and st.quote_of_token[c.i] == -1
                                  for c in children(t))
        adjacent = t_gap <= _ADJACENT_TOKENS and not crosses and not any(
            b.pos_ in ("VERB", "AUX") and b.dep_ not in ("aux", "auxpass") for b in doc[between_lo:between_hi]
            if not reporting.is_according(b.lower_))
        if after:
            prefer = 0 if ends_comma or not before_colon else 1
        else:
            prefer = 0 if before_colon else 1
        finite = (t.tag_ != "VBG" or is_according or any(c.dep_ in _SUBJ for c in children(t))) \
            and not _bare_infinitive(t, lex)
        # at equal distance, a quotation ending in a comma takes the attribution after it
        waits = 0 if after and ends_comma else 1
        rank = (0 if adjacent and finite else 2, prefer, t_gap, waits) if not crosses else (3, prefer, t_gap, waits)
        cands.append(_Candidate(t, (_OWN_WORDS_RANK, *rank[1:]) if own_words else rank, "window"))
    if not cands:
        return None, None
    cands.sort(key=lambda c: c.rank)
    for cand in cands:
        if cand.rank[0] == _OWN_WORDS_RANK:
            return cand.token, None
        subject = cue_subject(st, cand.token, open_i, close_i)
        if subject is None:
            continue
        if not speech_verb(cand.token, lex) and cand.via == "dep":
            # a frame verb whose subject is no one ("The U.S. calls for ...", the spokesman added)
            ref = resolve(st, subject)
            if ref is None or ref.ref is None or ref.etype not in (None, *SPEAKER_TYPES):
                stronger = strong_ancestor(st, cand.token, inside, open_i, close_i)
                if stronger is not None:
                    return stronger
        return cand.token, subject
    return cands[0].token, None


def _bare_infinitive(v: Token, lex) -> bool:
    """'a call for members to continue fighting': an infinitive no reporting verb governs
    reports nothing ('wanted to add' does)."""
    return v.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in children(v)) \
        and not (v.head.pos_ in ("VERB", "AUX") and stance_verb(v.head, lex))


def _reporting_verb_above(st: DocState, t: Token) -> Optional[Token]:
    """A speech verb a few steps above token t, outside any quotation, or None."""
    for _ in range(_CLIMB_STEPS):
        if t.head.i == t.i:
            return None
        t = t.head
        if st.quote_of_token[t.i] != -1:
            return None
        if speech_verb(t, st.lex) and t.pos_ in ("VERB", "AUX"):
            return t
    return None


def _reporting_verb_of(st: DocState, v: Token) -> Optional[Token]:
    """The speech verb whose reported clause verb `v` is ('X said Y described it as ...'), or None."""
    head = v.head
    if v.dep_ == "ccomp" and head.i != v.i and st.quote_of_token[head.i] == -1 \
            and speech_verb(head, st.lex) and head.pos_ in ("VERB", "AUX"):
        return head
    return None


def strong_ancestor(st: DocState, v: Token, inside: set, open_i: int, close_i: int):
    """A speech verb above a frame verb whose subject is no speaker, with its subject."""
    for _ in range(_CLIMB_STEPS + 1):
        if v.head.i == v.i:
            return None
        v = v.head
        if v.i in inside or st.quote_of_token[v.i] != -1:
            return None
        if speech_verb(v, st.lex) and v.pos_ in ("VERB", "AUX"):
            subject = cue_subject(st, v, open_i, close_i)
            if subject is not None:
                return v, subject
    return None


def cue_subject(st: DocState, cue: Token, open_i: int, close_i: int) -> Optional[Token]:
    """The speaker phrase's head for a cue: from the parse, else from the words beside it."""
    subj = parsed_subject(st, cue)
    if subj is not None and st.quote_of_token[subj.i] == -1 and subj.lower_ not in st.lex.first_second:
        return _named_before(st, subj)
    doc = st.doc
    if st.lex.reporting.is_according(cue.lower_):
        return None
    if cue.i > close_i:
        # '"...," X, <a description with a clause of its own>, tweeted': the name after the quote
        name = _name_after(st, close_i, cue.i)
        if name is not None:
            return name
        # "...," X said: only a noun phrase between the quote and the cue
        between = [t for t in doc[close_i + 1:cue.i] if not t.is_space]
        nominal = [t for t in between if t.pos_ in _NOMINAL or st.is_name(t)]
        if nominal and all(t.pos_ in _SPEAKER_PHRASE_POS or st.is_name(t) for t in between):
            return nominal[-1]
        # "...," said X
        if all(t.is_punct for t in between):
            return next_nominal(doc, cue.i + 1)
    return None


def _named_before(st: DocState, subj: Token) -> Token:
    """'Gene Sperling, a top adviser, said' parsed with the description as the subject: the
    name the description is set beside."""
    if subj.pos_ != "NOUN" or st.is_name(subj):
        return subj
    doc = st.doc
    k = subj.left_edge.i - 1
    after = subj.right_edge.i + 1
    if k >= 1 and doc[k].text == "," and st.is_name(doc[k - 1]) and st.quote_of_token[k - 1] == -1 \
            and after < len(doc) and doc[after].text == "," and doc[k - 1].ent_type_ not in ("DATE", "TIME"):
        return doc[k - 1]
    return subj


def _name_after(st: DocState, close_i: int, cue_i: int) -> Optional[Token]:
    """The last word of a name right after a quotation's closing mark, when a comma follows it."""
    doc = st.doc
    k = close_i + 1
    while k < cue_i and doc[k].is_space:
        k += 1
    last = None
    while k < cue_i and (doc[k].pos_ == "PROPN" or st.is_name(doc[k])):
        last, k = doc[k], k + 1
    return last if last is not None and k < cue_i and doc[k].text == "," else None


def parsed_subject(st: DocState, cue: Token) -> Optional[Token]:
    """The cue's speaker as the parse has it: subject, agent, 'according to' object, the
    one 'quoted as saying', the inverted subject of '..., said X'."""
    doc, lex = st.doc, st.lex
    reporting = lex.reporting
    if reporting.is_according(cue.lower_):
        to = next((c for c in children(cue) if c.lower_ == "to"), None)
        if to is None and cue.i + 1 < len(doc) and doc[cue.i + 1].lower_ == "to":
            to = doc[cue.i + 1]
        if to is not None:
            obj = next((c for c in children(to) if c.dep_ == "pobj"), None)
            if obj is None and to.i + 1 < len(doc):
                obj = next_nominal(doc, to.i + 1)
            return obj
        return None
    # "X quoted Y as saying", "Y was quoted as saying"
    if cue.head.lower_ == "as" and reporting.is_quoting_verb(cue.head.head.lemma_.lower()):
        q = cue.head.head
        obj = next((c for c in children(q) if c.dep_ in ("dobj", "nsubjpass")), None)
        if obj is not None:
            return obj
    if reporting.is_quoting_verb(cue.lemma_.lower()) and any(c.lower_ == "as" for c in children(cue)):
        obj = next((c for c in children(cue) if c.dep_ in ("dobj", "nsubjpass")), None)
        if obj is not None:
            return obj
    if cue.pos_ == "NOUN":
        # "her call for ...", "a call by X": the possessor or the agent, else the subject of its verb
        owner = next((c for c in children(cue) if c.dep_ == "poss"), None)
        if owner is None:
            by = next((c for c in children(cue) if c.dep_ == "prep" and c.lower_ == "by"), None)
            owner = next((c for c in children(by) if c.dep_ == "pobj"), None) if by is not None else None
        if owner is not None:
            return owner
    # "a call for members to continue ...": a speech noun parsed as a verb's subject speaks for the
    # subject of the clause above that verb
    v = cue.head if cue.pos_ == "NOUN" and cue.dep_ == "nsubj" else cue
    came_by = None                    # how the verb now read was reached: the dependency climbed
    for _ in range(6):
        agent = next((c for c in children(v) if c.dep_ == "agent"), None) if v is cue else None
        if v is not cue and came_by == "conj":
            # "X was joined on stage by Y and joked": the conjunct shares X, the passive's subject
            passive = next((c for c in children(v) if c.dep_ == "nsubjpass"), None)
            if passive is not None:
                return passive
        if agent is not None:
            obj = next((c for c in children(agent) if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
        if v.tag_ == "VBG" and v.i > 0 and doc[v.i - 1].dep_ == "pobj" and doc[v.i - 1].head.lower_ == "with" \
                and not any(c.dep_ in ("nsubj", "csubj") for c in children(v)):
            # "with X tweeting that ...": the one after 'with' is the participle's subject
            return doc[v.i - 1]
        subjects = [c for c in children(v) if c.dep_ in ("nsubj", "csubj") and c.i != cue.i]
        # two subjects parsed ('In Dover, Delaware, X went'): the one nearest before the verb
        subj = ([c for c in subjects if c.i < v.i] or subjects or [None])[-1] if len(subjects) > 1 else \
            (subjects[0] if subjects else None)
        if len(subjects) > 1 and v.i > 0 and doc[v.i - 1].text == "," and subjects[-1].i <= v.i + _INVERTED_REACH:
            # "The promise to '...' appeals to voters, said X": the subject after the verb
            subj = subjects[-1]
        if subj is not None and subj.dep_ == "csubj" and subj.tag_ == "VBG" and v.i > 0:
            # 'Speaking in Dayton, Anna Lund went ...' parsed with the participle as the subject:
            # the person named right before the verb
            before = doc[v.i - 1]
            ent = st.mention_at(before)
            if ent is not None and st.entity_type(ent) == "PERSON":
                subj = before
        if subj is not None:
            if subj.lower_ in lex.relative and v.dep_ == "relcl":
                return v.head
            if subj.lower_ not in lex.expletive:
                if v is not cue and v.dep_ in _CLIMB and not _can_speak(st, subj):
                    # "X argued that the registry would work, saying ...", "X said it was early but
                    # added ...": a cue parsed under the nearest verb speaks for the clause whose
                    # subject can speak
                    came_by, v = v.dep_, v.head
                    continue
                return subj
        if not reporting.is_addressee_verb(v.lemma_.lower()) and v.i > 0 and (
                st.quote_of_token[v.i - 1] != -1 or doc[v.i - 1].text == "," and v.tag_ in _FINITE):
            # "...," said X; "... appeals to voters, said X"
            inverted = next((c for c in rights(v) if c.dep_ in _INVERTED_SUBJECT_DEPS and c.i <= v.i + _INVERTED_REACH
                             and (c.pos_ in _NOMINAL or st.is_name(c))), None)
            if inverted is not None:
                return inverted
        if v.dep_ in _CLIMB and v.head.i != v.i:
            came_by, v = v.dep_, v.head
            while st.quote_of_token[v.i] != -1 and v.head.i != v.i:
                # '"...," adding, "..."' parsed under the quoted words: the clause outside them
                v = v.head
            continue
        if v.pos_ in ("NOUN", "PROPN") and v.dep_ in _NOUN_CLIMB and v.head.i != v.i \
                and v.lemma_.lower() in lex.document_heads:
            # "X issued a statement saying ...": the verb whose object the statement is
            came_by, v = v.dep_, v.head
            continue
        break
    return None


def _can_speak(st: DocState, subj: Token) -> bool:
    ref = resolve(st, subj)
    return ref is not None and ref.kind in ("person", "org", "document")


def chained(st: DocState, prev: QuoteSpan, qs: QuoteSpan, prev_ref: Optional[Referent] = None) -> bool:
    """A quote with no cue keeps the previous speaker when it continues that quote,
    or follows it closely (same or next paragraph) with no new speaker named between."""
    if qs.continues:
        return True
    para_gap = qs.paragraph - prev.paragraph
    if para_gap < 0 or para_gap > st.settings.chain_paragraphs:
        return False
    refs = referents(st)
    doc = st.doc
    prev_end = doc.char_span(prev.outer_start, prev.outer_end, alignment_mode="expand").end
    attribution_end = st.sent(prev_end - 1)[1] if prev_end < len(doc) else prev_end
    if prev_end < len(doc) and st.sent(prev_end - 1)[1] <= prev_end:
        attribution_end = st.sent(prev_end)[1]
    order = st.referent_order
    for k in range(bisect_left(order, attribution_end), len(order)):
        i = order[k]
        if doc[i].idx >= qs.outer_start:
            break
        if st.quote_of_token[i] != -1:
            continue
        ref = refs[i]
        if doc[i].pos_ == "PRON" or ref.kind not in ("person", "org"):
            continue
        if prev_ref is not None and (ref is prev_ref or ref.ref is not None and prev_ref.ref is not None
                                     and ref.ref.name == prev_ref.ref.name):
            continue
        speaks = st.lex.reporting.is_speech_verb(doc[i].head.lemma_.lower())
        if ref.ref is not None or speaks:
            return False
    return True


def anonymous(st: DocState, cue: Optional[Token], subject: Token) -> bool:
    """'..., the official said on condition of anonymity' (a named speaker stays named)."""
    if cue is None or subject.pos_ in ("PROPN", "PRON"):
        return False
    lo, hi = st.sent(cue.i)
    return st.has_anonymity_marker(max(lo, subject.i + 1), hi)

