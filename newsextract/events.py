"""Typed event records: who did what to whom, where and when, mediated by whom,
measured by which numbers.

Flow for one Doc:
  1. triggers: token lemmas (and dependency patterns for multi-word triggers)
     looked up in models/events.json, each rule with the context it needs;
  2. per trigger ("mention"): modality, genericity, and the entities, numeric
     claims and dates of its sentence, each given to the nearest trigger in the
     dependency tree when a sentence holds several;
  3. mentions are merged into events: same sentence, absorbed types (a release
     inside an exchange story, "the deal" next to a swap), then across the
     article by type and compatible date (one real event told in headline, lede
     and body is one record; two exchanges in different months stay two);
  4. an event is reported when it is in the lede, dated or measured: undated,
     unquantified background mentions ("since the war began") are not.
Results go to `doc._.ne_events` as `schema.Event` records (ids V1, V2, ...).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from . import extensions  # noqa: F401  (registers Doc._ extensions)
from .text.dates import DateMention, find_dates, resolve_mention
from .text.segments import segments
from .gazetteer import read_model_json
from .schema import EVENT_MODELS, CountRef, EntityRef, Participant, SideCount
from .spans import doc_text, evidence, in_caption

_CLIMB_DEPS = frozenset({
    "xcomp", "ccomp", "dobj", "pobj", "prep", "nsubj", "nsubjpass", "attr", "compound", "acomp", "oprd",
    "conj", "appos", "amod", "dep", "pcomp", "acl", "relcl", "npadvmod", "advcl",
})
_LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout", "around", "within", "into"})
_PLACE_PREPS = _LOCATIVE_PREPS | {"for", "of", "from", "over", "on"}
_BOUND_WORDS = frozenset({"since", "until", "till", "before"})
_ATTRIBUTION_VERBS = frozenset({"say", "tell", "report", "quote", "cite", "add", "note", "write", "tweet", "accord", "post"})
_PRIORITY = ("PRISONER_EXCHANGE", "AGREEMENT", "ATTACK", "MEETING", "ARREST", "PROTEST", "ELECTION", "DISASTER",
             "AID", "SANCTION", "RELEASE", "STATEMENT")


def load_demonyms(name: str = "gazetteer_countries.json") -> dict[str, str]:
    """Demonym (lower case) -> ISO alpha-2, from the country gazetteer the entities
    component ships; empty when the table is missing or has another shape."""
    try:
        rows = read_model_json(name).get("countries", [])
        return {d.lower(): row["iso2"] for row in rows for d in row.get("demonyms", ()) if row.get("iso2")}
    except (OSError, ValueError, AttributeError, KeyError, TypeError):
        return {}


class LocalTree:
    """The dependency parse cut at segment borders. The base parser may hang a
    headline on the paragraph after it; here a head in another segment counts as
    none, so that what a trigger reaches stays in its own line and sentence."""

    def __init__(self, doc: Doc, segs: Optional[list[Span]] = None):
        self.seg = [-1] * len(doc)
        for si, s in enumerate(segs if segs is not None else segments(doc)):
            for i in range(s.start, s.end):
                self.seg[i] = si

    def head(self, t: Token) -> Token:
        h = t.head
        return h if self.seg[h.i] == self.seg[t.i] else t

    def is_root(self, t: Token) -> bool:
        return self.head(t).i == t.i

    def dep(self, t: Token) -> str:
        return "ROOT" if self.is_root(t) else t.dep_

    def children(self, t: Token) -> list[Token]:
        return [c for c in t.children if self.seg[c.i] == self.seg[t.i]]

    def subtree(self, t: Token) -> list[Token]:
        out, todo = [], [t]
        while todo:
            x = todo.pop()
            out.append(x)
            todo.extend(self.children(x))
        return out

    def distance(self, a: Token, b: Token, limit: int = 12) -> int:
        """Edges between two tokens in the tree (99: not connected)."""
        depth = {}
        t, d = a, 0
        while d <= limit:
            depth[t.i] = d
            h = self.head(t)
            if h.i == t.i:
                break
            t, d = h, d + 1
        t, d = b, 0
        while d <= limit:
            if t.i in depth:
                return depth[t.i] + d
            h = self.head(t)
            if h.i == t.i:
                break
            t, d = h, d + 1
        if self.seg[a.i] == self.seg[b.i] and self.seg[a.i] >= 0:
            # two local roots of one segment (the parse hung part of it on another line):
            # joined through a virtual root above both
            return max(depth.values()) + d + 2
        return 99

    def near_words(self, tok: Token) -> set[str]:
        """Lemmas and forms of a token's children, grandchildren and head."""
        words = set()
        for c in self.children(tok):
            words.add(c.lemma_.lower())
            words.add(c.lower_)
            for g in self.children(c):
                words.add(g.lemma_.lower())
                words.add(g.lower_)
        head = self.head(tok)
        if head.i != tok.i:
            words.add(head.lemma_.lower())
            words.add(head.lower_)
            if head.dep_ == "prep" or tok.dep_ == "pobj":  # 'prisoners of war': the noun the phrase hangs on
                hh = self.head(head)
                words.add(hh.lemma_.lower())
                words.add(hh.lower_)
        return words


def _verb_forms(tok: Token) -> list[str]:
    """The lemma and plausible base forms of a verb (the small model reads 'hopes' as 'hop')."""
    low = tok.lower_
    forms = [tok.lemma_.lower(), low]
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", "")):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            forms.append(low[: -len(suffix)] + repl)
    return forms


def d_start_token(doc: Doc, d: DateMention) -> int:
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    return span.start if span is not None else 0


def tree_distance(a: Token, b: Token, limit: int = 12) -> int:
    """Edges between two tokens of one sentence in the dependency tree."""
    return LocalTree(a.doc).distance(a, b, limit)


@dataclass(frozen=True)
class TriggerRule:
    type: str
    pos: frozenset
    context: tuple = ()
    context_for: dict = field(default_factory=dict)
    exclude_context_for: dict = field(default_factory=dict)
    near: frozenset = frozenset()
    exclude_near: frozenset = frozenset()
    lowercase: frozenset = frozenset()
    noun_only: frozenset = frozenset()
    needs_date: bool = False
    needs_money: bool = False
    needs_count: bool = False
    needs_agent: bool = False
    needs_argument: bool = False
    since_is_start: bool = False
    absorbed_by: tuple = ()
    cameo: Optional[str] = None
    cameo_by_lemma: dict = field(default_factory=dict)
    __hash__ = object.__hash__


@dataclass(eq=False)
class Mention:
    """One trigger in the text and what its sentence says about it."""

    type: str
    token: Token
    sent_i: int
    rule: TriggerRule
    cameo: Optional[str]
    lede: bool = False
    modality: str = "asserted"
    generic: bool = False
    dates: list = field(default_factory=list)        # [(DateMention, iso)]
    claims: list = field(default_factory=list)       # [NumericClaim]
    participants: list = field(default_factory=list)  # [(distance, entity)]
    locations: list = field(default_factory=list)    # [(rank, entity)]
    mediators: list = field(default_factory=list)    # [entity]
    merged: list = field(default_factory=list)       # other mentions folded into this one
    borrowed: list = field(default_factory=list)     # dates of the sentence given to another trigger
    cumulative: bool = False                          # 'released so far', 'a total of': a sum of many events
    unilateral: bool = False                          # 'returned without exchange'

    @property
    def date(self):
        return self.dates[0] if self.dates else None


@dataclass(eq=False)
class Cluster:
    type: str
    modality: str
    mentions: list = field(default_factory=list)

    @property
    def explicit_dates(self):
        """The date of each dated mention (its nearest), in text order."""
        return [m.dates[0] for m in sorted(self.mentions, key=lambda m: m.token.i) if m.dates]

    @property
    def date(self) -> Optional[str]:
        dates = self.explicit_dates
        return dates[0][1] if dates else None

    @property
    def lede(self) -> bool:
        return any(m.lede for m in self.mentions)

    @property
    def cumulative(self) -> bool:
        return all(m.cumulative for m in self.mentions)

    @property
    def last_sent(self) -> int:
        return max(m.sent_i for m in self.mentions)


def dates_compatible(a: Optional[str], b: Optional[str], slack_days: int = 0) -> bool:
    """Two ISO dates of any precision name the same time: equal down to the
    coarser precision (2022-09 and 2022-09-14), or days at most `slack_days` apart."""
    if a is None or b is None:
        return True
    n = min(len(a), len(b))
    if a[:n] == b[:n]:
        return True
    if slack_days and len(a) == len(b) == 10:
        return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days) <= slack_days
    return False


class EventExtractor:
    """The `newsextract_events` component: tables loaded and indexed once."""

    def __init__(self, nlp: Language, name: str, lede_sentences: int = 3, max_participants: int = 4,
                 participant_distance: int = 5, main_date_slack: int = 7, table: str = "events.json"):
        data = read_model_json(table)
        self.lede_sentences = lede_sentences
        self.max_participants = max_participants
        self.participant_distance = participant_distance
        self.main_date_slack = main_date_slack
        self.cameo = data["cameo"]
        self.cameo_refine = [(r["type"], frozenset(r["near"]), r["cameo"]) for r in data["cameo_refine"]]
        self.contexts = {k: frozenset(v) for k, v in data["contexts"].items()}
        self.context_claims = {k: frozenset(v) for k, v in data.get("context_claims", {}).items()}
        self.rules: dict[str, list[tuple[TriggerRule, frozenset]]] = {}
        for row in data["triggers"]:
            rule = TriggerRule(
                type=row["type"], pos=frozenset(row.get("pos", ("NOUN", "VERB", "PROPN"))),
                context=tuple(row.get("context", ())), context_for=row.get("context_for", {}),
                exclude_context_for=row.get("exclude_context_for", {}),
                near=frozenset(row.get("near", ())), exclude_near=frozenset(row.get("exclude_near", ())),
                lowercase=frozenset(row.get("lowercase", ())), noun_only=frozenset(row.get("noun_only", ())),
                needs_date=row.get("needs_date", False), needs_money=row.get("needs_money", False),
                needs_count=row.get("needs_count", False), since_is_start=row.get("since_is_start", False),
                needs_agent=row.get("needs_agent", False), needs_argument=row.get("needs_argument", False),
                absorbed_by=tuple(row.get("absorbed_by", ())),
                cameo=row.get("cameo"), cameo_by_lemma=row.get("cameo_by_lemma", {}),
            )
            for lemma in row["lemmas"]:
                self.rules.setdefault(lemma, []).append(rule)
        self.patterns: dict[str, list[tuple[tuple, tuple, TriggerRule]]] = {}
        for row in data["patterns"]:
            path = tuple((dep, frozenset(words)) for dep, words in row["path"])
            also = tuple((dep, frozenset(words)) for dep, words in row.get("also", ()))
            rule = TriggerRule(type=row["type"], pos=frozenset(), cameo=row.get("cameo"),
                               absorbed_by=tuple(row.get("absorbed_by", ())))
            for head in row["head"]:
                self.patterns.setdefault(head, []).append((path, also, rule))
        mod = data["modality"]
        self.negation_words = frozenset(mod["negation_words"])
        self.negating_governors = frozenset(mod["negating_governors"])
        self.planned_aux = frozenset(mod["planned_aux"])
        self.implicative_verbs = frozenset(mod["implicative_verbs"])
        self.hypothetical_aux = frozenset(mod["hypothetical_aux"])
        self.hypothetical_marks = frozenset(mod["hypothetical_marks"])
        self.planned_governors = frozenset(mod["planned_governors"])
        self.planned_not_for = {k: frozenset(v) for k, v in mod["planned_governors_not_for"].items()}
        self.planned_modifiers = frozenset(mod["planned_modifiers"])
        self.planned_xcomp_only = frozenset(mod["planned_governors_xcomp_only"])
        self.hypothetical_governors = frozenset(mod["hypothetical_governors"])
        self.reporting_verbs = frozenset(mod["reporting_verbs"])
        self.generic_modifiers = frozenset(data["generic"]["modifiers"])
        self.generic_plurals = frozenset(data["generic"]["plural_nouns"])
        counts = data["counts"]
        self.count_categories = {k: frozenset(v) for k, v in counts["categories"].items()}
        self.other_units = {k: frozenset(v) for k, v in counts["other_units"].items()}
        self.type_fields = counts["type_fields"]
        self.absorb_kill_into = frozenset(data["absorb_kill_into"])
        self.demonyms = load_demonyms()
        self.disaster_words = frozenset(w for r in data["triggers"] if r["type"] == "DISASTER" for w in r["lemmas"])
        self.mutual_words = frozenset(data["mutual_words"])
        self.cumulative_cues = tuple(data["cumulative"]["cues"])
        self.cumulative_types = frozenset(data["cumulative"]["types"])
        self.unilateral_cues = frozenset(data["unilateral_cues"])
        self.talks_lead_to = frozenset(data["talks_lead_to"])
        self.multi_day_types = frozenset(data["multi_day_types"])
        self.actor_roles = {k: frozenset(v) for k, v in data["actor_roles"].items()}
        self.mediated_types = frozenset(data["mediation"]["event_types"])
        self.stance_verbs = frozenset(data["stance_verbs"])
        self.no_location_types = frozenset(data["location"]["none_for"])
        self.country_is_place_for = frozenset(data["location"]["country_is_only_place_for"])
        self.event_kinds = {w: kind for kind, words in data["event_kinds"].items() for w in words}
        moving = data["captives_moving"]
        self.motion_verbs = frozenset(moving["verbs"])
        self.carrying_verbs = frozenset(moving["carrying_verbs"])
        self.captive_nouns = frozenset(moving["captive_nouns"])
        self.captive_states = frozenset(moving["captive_states"])
        self.motion_rule = TriggerRule(type="RELEASE", pos=frozenset({"VERB"}), cameo=self.cameo["RELEASE"])
        self.elliptic_verbs = frozenset(data["elliptic"]["verbs"])
        self.elliptic_subjects = frozenset(data["elliptic"]["subjects"])
        ana = data["anaphora"]
        self.anaphora_pronouns = {w: tuple(types) for w, types in ana["pronouns"].items()}
        # a group noun stands first for an entity of its own type, then for the other one
        self.anaphora_groups = {w: (etype, "COUNTRY" if etype == "ORGANIZATION" else "ORGANIZATION")
                                for etype, words in ana["group_nouns"].items() for w in words}
        self.participant_types = {k: frozenset(v) for k, v in data["participant_types"].items()}
        self.no_fallback_participants = frozenset(data["participants_fallback"]["none_for"])
        self.neighbour_participants = frozenset(data["participants_fallback"]["previous_sentence_for"])
        med = data["mediation"]
        self.mediation_passive = frozenset(med["passive_verbs"])
        self.mediation_nouns = frozenset(med["nouns"])
        self.mediation_suffixes = frozenset(med["hyphen_suffixes"])
        self.mediation_agentive = frozenset(med["agentive_verbs"])
        self.statement_verbs = frozenset(data["statement"]["verbs"])
        self.statement_reporting = frozenset(data["statement"]["reporting_only"])

    # ------------------------------------------------------------------ entry point
    def __call__(self, doc: Doc) -> Doc:
        doc._.ne_events = _ArticleEvents(self, doc).run()
        return doc


class _ArticleEvents:
    """The per-Doc work of `EventExtractor` (state for one article)."""

    def __init__(self, ex: EventExtractor, doc: Doc):
        self.ex, self.doc = ex, doc
        self.published = doc._.ne_published
        self.sents = segments(doc)
        self.tree = LocalTree(doc, self.sents)
        self.sent_of = [-1] * len(doc)
        for si, s in enumerate(self.sents):
            for i in range(s.start, s.end):
                self.sent_of[i] = si
        self.sent_words: dict[int, frozenset] = {}
        self.entities = list(doc._.ne_entities or [])
        self.entity_at: dict[int, object] = {}
        self.sent_entities: dict[int, list] = {}
        for e in self.entities:
            for m in e.mentions:
                if m.in_caption or in_caption(doc, m.start, m.end):
                    continue
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None or not len(span):
                    continue
                for t in span:
                    self.entity_at.setdefault(t.i, e)
                self.sent_entities.setdefault(self.sent_of[span.root.i], []).append((e, span.root))
        self.sent_claims: dict[int, list] = {}
        for c in doc._.ne_claims or []:
            if c.in_caption or c.negated or c.hypothetical or in_caption(doc, c.start, c.end):
                continue
            span = doc.char_span(c.start, c.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            self.sent_claims.setdefault(self.sent_of[span.root.i], []).append((c, span.root))
        self.sent_dates: dict[int, list] = {}
        for d in find_dates(doc_text(doc)):
            if in_caption(doc, d.start, d.end):
                continue
            span = doc.char_span(d.start, d.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            self.sent_dates.setdefault(self.sent_of[span.root.i], []).append((d, span.root))
        self.lede = self._lede_sentences()
        self.entity_by_id = {e.id: e for e in self.entities}
        self.country_by_iso = {e.attributes.iso_alpha2: e for e in self.entities
                               if e.type == "COUNTRY" and e.attributes.iso_alpha2}
        self.types_seen: set[str] = set()
        self.mediator_cache: dict[int, list] = {}
        self.main_type: Optional[str] = None

    def _lede_sentences(self) -> set[int]:
        """The headline and the first sentences of the body: where the main news is told."""
        lede = set()
        for si, s in enumerate(self.sents):
            if len(lede) >= self.ex.lede_sentences:
                break
            words = [t for t in s if t.is_alpha]
            if len(words) < 4 or in_caption(self.doc, s.start_char, s.end_char):
                continue
            lede.add(si)
        return lede

    # ------------------------------------------------------------------ triggers
    def words_of(self, si: int) -> frozenset:
        """Lemmas and lower-cased forms of a sentence and the one before it."""
        if si not in self.sent_words:
            words = set()
            for sj in (si - 1, si):
                if sj >= 0:
                    for t in self.sents[sj]:
                        words.add(t.lemma_.lower())
                        words.add(t.lower_)
            self.sent_words[si] = frozenset(words)
        return self.sent_words[si]

    def context_ok(self, names, tok: Token, si: int, near: set) -> bool:
        """A rule's context: words of the sentence (and the one before), or with a
        'near:' name, words next to the trigger; 'near:people' also takes a named
        person, a plural proper noun ('Ukrainians') or a counted group."""
        words = self.words_of(si)
        for name in names:
            if name.startswith("near:"):
                if near & self.ex.contexts.get(name[5:], frozenset()):
                    return True
                if name == "near:people":
                    args = self.tree.children(tok) + ([self.tree.head(tok)] if tok.dep_ in ("acl", "amod", "relcl") else [])
                    for c in args:
                        if c.i in self.entity_at and self.entity_at[c.i].type == "PERSON":
                            return True
                        if c.tag_ == "NNPS" or any(g.dep_ == "nummod" for g in self.tree.children(c)):
                            return True
                continue
            if words & self.ex.contexts.get(name, frozenset()):
                return True
            cats = self.ex.context_claims.get(name)
            if cats and any(c.category in cats for c, _ in self.sent_claims.get(si, ())):
                return True
        return False

    def match_rule(self, tok: Token, si: int) -> Optional[TriggerRule]:
        lemma = tok.lemma_.lower()
        rules = self.ex.rules.get(lemma) or self.ex.rules.get(tok.lower_)
        if not rules:
            return None
        near = None
        pos = tok.pos_
        if pos == "ADJ" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
            pos = "NOUN"  # 'the unfreezing of funds' tagged as an adjective
        for rule in rules:
            if pos not in rule.pos:
                continue
            if lemma in rule.lowercase and not tok.text.islower():
                continue
            if lemma in rule.noun_only and tok.pos_ == "VERB":
                continue
            if near is None:
                near = self.tree.near_words(tok)
            if rule.near and not (near & rule.near):
                continue
            if rule.exclude_near and near & rule.exclude_near:
                continue
            excl = rule.exclude_context_for.get(lemma)
            if excl and self.context_ok(excl, tok, si, near):
                continue
            need = rule.context_for.get(lemma, rule.context)
            if need and rule.type not in self.types_seen and not self.context_ok(need, tok, si, near):
                continue
            return rule
        return None

    def match_pattern(self, tok: Token) -> Optional[TriggerRule]:
        for path, also, rule in self.ex.patterns.get(tok.lemma_.lower(), ()):
            if also and not all(any(c.dep_ == dep and c.lower_ in words for c in self.tree.children(tok)) for dep, words in also):
                continue
            cur = tok
            for dep, words in path:
                cur = next((c for c in self.tree.children(cur) if c.dep_ == dep and (c.lower_ in words or c.lemma_.lower() in words)), None)
                if cur is None:
                    break
            if cur is not None:
                return rule
        return None

    def captives_moving(self, tok: Token) -> Optional[TriggerRule]:
        """'Prisoners of war left Saudi Arabia', 'a flight carrying detainees landed', 'Americans
        detained in Iran arrived home': captives on their way home tell a release."""
        if tok.pos_ != "VERB":
            return None
        ex = self.ex
        for subj in (c for c in self.tree.children(tok) if c.dep_ == "nsubj"):
            people = [subj] + [g for c in self.tree.children(subj) if c.dep_ == "acl" and c.lemma_.lower() in ex.carrying_verbs
                               for g in self.tree.children(c) if g.dep_ == "dobj"]
            for p in people:
                if p.lemma_.lower() in ex.captive_nouns or any(
                        c.dep_ in ("acl", "amod") and c.lemma_.lower() in ex.captive_states for c in self.tree.children(p)):
                    return ex.motion_rule
        return None

    def elliptic(self, tok: Token, si: int, before: list[Mention]) -> Optional[TriggerRule]:
        """'Two more took place in December': an event verb whose subject is a bare number or
        'another', naming the type of the last event told (this sentence or the one before)."""
        ex = self.ex
        if tok.lemma_.lower() not in ex.elliptic_verbs or tok.pos_ not in ("VERB", "NOUN"):
            return None
        if tok.lemma_.lower() == "take" and not any(c.lower_ == "place" for c in self.tree.children(tok)):
            return None
        subj = next((c for c in self.tree.children(tok) if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.pos_ not in ("NUM", "ADJ", "PRON", "DET") or subj.lemma_.lower() not in ex.elliptic_subjects:
            return None
        recent = [m for m in before if si - m.sent_i <= 1]
        if not recent:
            return None
        counts: dict[str, int] = {}
        for m in recent:
            counts[m.type] = counts.get(m.type, 0) + 1
        top = max(counts.values())
        return next(m.rule for m in recent if counts[m.type] == top)  # the type most told, first told

    def find_mentions(self) -> list[Mention]:
        mentions = []
        for si, sent in enumerate(self.sents):
            for tok in sent:
                if not tok.is_alpha and "-" not in tok.text:
                    continue
                rule = self.match_rule(tok, si) or self.match_pattern(tok)
                if rule is None and tok.lemma_.lower() in self.ex.elliptic_verbs:
                    rule = self.elliptic(tok, si, mentions)
                if rule is None and tok.lemma_.lower() in self.ex.motion_verbs:
                    rule = self.captives_moving(tok)
                if rule is None:
                    continue
                if in_caption(self.doc, tok.idx, tok.idx + len(tok)):
                    continue
                if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "nsubj" and self.tree.head(tok).lemma_.lower() in _ATTRIBUTION_VERBS:
                    continue  # 'the conference said': a body speaking, not an event
                cameo = rule.cameo_by_lemma.get(tok.lemma_.lower()) or rule.cameo or self.ex.cameo.get(rule.type)
                self.types_seen.add(rule.type)
                mentions.append(Mention(rule.type, tok, si, rule, cameo, lede=si in self.lede))
        return mentions

    # ------------------------------------------------------------------ one mention
    def modality(self, m: Mention) -> str:
        ex = self.ex
        found = self._modal_children(m.token, first=True)
        if found:
            return found
        cur, steps, adjunct = m.token, 0, False
        while steps < 5 and not self.tree.is_root(cur) and cur.dep_ in _CLIMB_DEPS:
            if cur.dep_ in ("advcl", "relcl", "acl") and cur.pos_ in ("VERB", "AUX"):
                break  # 'after residents voted', 'who was arrested': a clause of its own
            head = self.tree.head(cur)
            lemma = head.lemma_.lower()
            if lemma in ex.reporting_verbs:
                break
            if lemma in ex.negating_governors:
                return "negated"
            if (lemma in ex.planned_governors and m.type not in ex.planned_not_for.get(lemma, ())
                    and (lemma not in ex.planned_xcomp_only or cur.dep_ in ("xcomp", "ccomp"))):
                return "planned"
            if lemma in ex.hypothetical_governors:
                return "hypothetical"
            # a verb's negation or auxiliary covers its complements, not a phrase hanging on it
            # ('have not returned since the quake': the quake happened)
            adjunct = adjunct or (cur.dep_ == "prep" and head.pos_ in ("VERB", "AUX"))
            found = self._modal_children(head, first=False)
            if found and not (adjunct and found == "negated"):
                return found
            if head.pos_ in ("VERB", "AUX") and head.dep_ not in ("xcomp", "conj", "ccomp", "pcomp"):
                break  # a finite clause: its modality was read above; what governs it does not carry over
            cur, steps = head, steps + 1
        return "asserted"

    def _modal_children(self, tok: Token, first: bool) -> Optional[str]:
        """The modality a token's own children give it; a negation outranks the rest."""
        ex = self.ex
        found = None
        kids = self.tree.children(tok)
        for c in kids:
            low = c.lower_
            if c.dep_ == "neg" or (low in ex.negation_words and c.dep_ in ("det", "advmod", "preconj")):
                return "negated"
            if found:
                continue
            if c.dep_ in ("aux", "auxpass"):
                if low in ex.planned_aux:
                    found = "planned"
                elif low in ex.hypothetical_aux:
                    found = "hypothetical"
                elif low == "to" and tok.pos_ in ("VERB", "AUX") and not (
                        tok.dep_ in ("xcomp", "ccomp", "conj") and self.tree.head(tok).lemma_.lower() in ex.implicative_verbs):
                    found = "planned"  # an infinitive tells what is to happen ('talks to be held')
            elif c.dep_ == "mark" and low in ex.hypothetical_marks:
                found = "hypothetical"
            elif first and c.dep_ in ("amod", "compound", "advmod", "nmod") and (
                    low in ex.planned_modifiers or c.lemma_.lower() in ex.planned_modifiers):
                found = "planned"
            elif first and c.dep_ in ("acl", "relcl") and any(
                    g.dep_ in ("aux", "auxpass") and g.lower_ in ("to", "will") for g in self.tree.children(c)):
                found = "planned"  # 'talks to be held next week', 'a meeting that will take place'
        return found

    def is_generic(self, m: Mention) -> bool:
        tok = m.token
        for c in self.tree.children(tok):
            if c.dep_ in ("amod", "det", "predet", "advmod") and c.lower_ in self.ex.generic_modifiers:
                return True
            if c.dep_ == "prep" and c.lower_ == "like":
                return True
        if tok.tag_ in ("NNS", "NNPS") and tok.lemma_.lower() in self.ex.generic_plurals:
            counted = any(c.dep_ in ("nummod", "det") and c.lower_ in ("the", "these", "those", "both", "two", "three") or c.dep_ == "nummod"
                          for c in self.tree.children(tok))
            return not counted
        return False

    def fill(self, mentions: list[Mention]) -> None:
        """Modality, genericity, and the sentence's entities, claims and dates, each
        given to the nearest trigger of its sentence."""
        by_sent: dict[int, list[Mention]] = {}
        for m in mentions:
            by_sent.setdefault(m.sent_i, []).append(m)
            m.modality = self.modality(m)
            m.generic = self.is_generic(m)
        for si, ms in by_sent.items():
            # dates: each to its nearest trigger; a mention told in a modifying clause only takes
            # the dates inside that clause; bounds ("since August") are not dates of what happened,
            # except the start of a detention ("held since April 2022")
            for d, root in self.sent_dates.get(si, ()):
                iso = resolve_mention(d, self.published)
                if not iso:
                    continue
                bound = self.bounding_word(d, root)
                takers = [m for m in ms if (not self.is_subordinate(m) or self.inside(root, m.token))
                          and (bound is None or self.inside(m.token, bound) or m.rule.since_is_start)]
                if not takers:
                    continue
                dist = {id(m): self.tree.distance(root, m.token) for m in takers}
                owner = min(takers, key=lambda m: (dist[id(m)], abs(root.i - m.token.i)))
                if bound is not None and not self.inside(owner.token, bound) and not (
                        owner.rule.since_is_start and bound.lower_ == "since"):
                    continue
                rank = (dist[id(owner)], abs(root.i - owner.token.i))
                if owner.dates and owner.dates[0][2] <= rank:
                    continue  # a trigger has one date: the nearest
                if owner.modality in ("planned", "hypothetical"):
                    iso = resolve_mention(d, self.published, future=True) or iso  # what is to come
                owner.dates[:] = [(d, iso, rank)]
                for m in ms:
                    if m is not owner and bound is None and not self.in_subclause(m):
                        m.borrowed.append((d, iso))
            # claims: to the nearest trigger whose type they measure
            for c, root in self.sent_claims.get(si, ()):
                fitting = [m for m in ms if self.claim_fits(c, m.type)]
                if fitting:
                    min(fitting, key=lambda m: (self.tree.distance(root, m.token), abs(root.i - m.token.i))).claims.append(c)
            low = self.sents[si].text.lower()
            summed = any(cue in low for cue in self.ex.cumulative_cues)
            for m in ms:
                m.cumulative = summed and bool(m.claims) and m.type in self.ex.cumulative_types
                near = self.tree.near_words(m.token)
                m.unilateral = bool(near & self.ex.unilateral_cues)
                self.arguments(m)
                if m.type == "RELEASE" and (any(c.distributive for c in m.claims) or self.tree.near_words(m.token) & self.ex.mutual_words):
                    m.type, m.cameo = "PRISONER_EXCHANGE", self.ex.cameo["PRISONER_EXCHANGE"]  # 'freeing 50 prisoners each' 

    def inside(self, tok: Token, ancestor: Token) -> bool:
        return self.depth_below(tok, ancestor) >= 0

    def bounding_word(self, d: DateMention, root: Token) -> Optional[Token]:
        """The 'since' / 'until' / 'before' governing a date expression ('since the start of
        the war in February 2022'): a bound of what is told, not its date."""
        t, steps = root, 0
        while steps < 5:
            if t.lower_ in _BOUND_WORDS and t.i != root.i:
                return t
            h = self.tree.head(t)
            if h.i == t.i or (h.pos_ in ("VERB", "AUX") and h.lower_ not in _BOUND_WORDS):
                break
            t, steps = h, steps + 1
        if d.is_bound:  # the word right before the expression
            i = d_start_token(self.doc, d) - 1
            if i >= 0 and self.doc[i].lower_ in _BOUND_WORDS:
                return self.doc[i]
        return None

    def in_subclause(self, m: Mention) -> bool:
        """Inside an adverbial or relative clause ('after the ceasefire expired')."""
        t, steps = m.token, 0
        while steps < 8:
            if self.tree.dep(t) in ("advcl", "relcl", "acl"):
                return True
            h = self.tree.head(t)
            if h.i == t.i:
                return False
            t, steps = h, steps + 1
        return False

    def depth_below(self, tok: Token, ancestor: Token) -> int:
        """Edges from `tok` up to `ancestor`, or -1 when `ancestor` does not govern it."""
        d, t = 0, tok
        while t.i != ancestor.i:
            h = self.tree.head(t)
            if h.i == t.i or d > 12:
                return -1
            t, d = h, d + 1
        return d

    def claim_fits(self, claim, etype: str) -> bool:
        cats = self.ex.count_categories.get(etype, ())
        if claim.category in cats or (claim.currency and "MONEY" in cats):
            return True
        if claim.category == "OTHER" and claim.unit:
            unit = claim.unit.lower()
            units = self.ex.other_units.get(etype, ())
            return unit in units or unit.rstrip("s") in units or unit.split()[-1] in units
        return False

    def is_attribution(self, root: Token, trigger: Token) -> bool:
        """An entity that only reports the event: 'X said', 'according to X', 'X news agency'."""
        tree = self.tree
        head = tree.head(root)
        if head.i == trigger.i:
            return False
        while root.dep_ in ("compound", "poss", "appos", "amod") and not tree.is_root(head) and head.i != trigger.i:
            root, head = head, tree.head(head)
        if root.dep_ in ("nsubj", "agent", "pobj") and head.lemma_.lower() in _ATTRIBUTION_VERBS | self.ex.stance_verbs:
            return True
        if root.dep_ in ("dobj", "dative") and head.lemma_.lower() in ("tell", "inform", "brief"):
            return True  # 'told news agency TT'
        if root.dep_ == "pobj" and head.lower_ in ("to", "by") and tree.head(head).lemma_.lower() in _ATTRIBUTION_VERBS | {"according"}:
            return True
        if root.dep_ == "compound" and head.lemma_.lower() in ("agency", "news", "newspaper", "channel", "outlet"):
            return True
        return False

    def arguments(self, m: Mention) -> None:
        ex = self.ex
        allowed = ex.participant_types.get(m.type, ex.participant_types["default"])
        for e, root in self.sent_entities.get(m.sent_i, ()):
            dist = self.tree.distance(root, m.token)
            prep = self.tree.head(root) if root.dep_ == "pobj" and not self.tree.is_root(root) else None
            if e.type in ("PLACE", "COUNTRY") and prep is not None and prep.lower_ in _PLACE_PREPS and dist <= 6:
                locative = prep.lower_ in _LOCATIVE_PREPS
                if locative or e.type == "PLACE":
                    m.locations.append(((0 if locative else 1), dist, e))
                    if e.type == "PLACE" or (locative and m.type in ex.country_is_place_for):
                        continue  # 'met in Luxembourg': where, not who
            elif e.type in ("PLACE", "COUNTRY") and self.tree.head(root).i == m.token.i and root.dep_ in ("compound", "poss", "npadvmod"):
                m.locations.append((0, dist, e))
            elif e.type == "PLACE" and dist <= 3:
                m.locations.append((2, dist, e))
            if dist > ex.participant_distance or self.is_attribution(root, m.token):
                continue
            if root.dep_ == "appos" and getattr(self.entity_at.get(self.tree.head(root).i), "type", None) == "PLACE":
                continue  # 'in Bern, Switzerland': the country says where, not who
            if e.type in allowed:
                m.participants.append((dist, e))
        m.locations.sort(key=lambda x: (x[0], x[1]))
        if m.type in ex.no_location_types:
            m.locations = []  # 'sanctions over the war in Ukraine': no place of their own
        m.mediators = self.mediators_in(m.sent_i)
        if allowed:
            known = {e.id for _, e in m.participants}
            for dist, e in self.demonym_sides(m.token):
                if e.id not in known and e.type in allowed:
                    m.participants.append((dist, e))
                    known.add(e.id)
        if allowed and not any(d <= 2 for d, _ in m.participants):
            actor = self.anaphoric_actor(m)
            if actor is not None:
                m.participants.append((1, actor))

    def demonym_sides(self, tok: Token) -> list:
        """Countries of the article named by an adjective next to the trigger or its
        arguments ('the Russian invasion', '115 Ukrainian defenders'): (distance, entity)."""
        if not self.country_by_iso:
            return []
        out = []
        for c in self.tree.children(tok):
            for x in [c] + self.tree.children(c):
                iso = self.ex.demonyms.get(x.lower_) if x.dep_ in ("amod", "compound", "nmod") else None
                e = self.country_by_iso.get(iso) if iso else None
                if e is not None:
                    out.append((1 if x is c else 2, e))
        return out

    def anaphoric_actor(self, m: Mention):
        """The entity a pronoun or a definite description in the actor's place stands for
        ('the guerrilla group bombed...', 'they freed...'): the nearest preceding entity of
        a fitting type, in this sentence or the two before it."""
        tok, ex = m.token, self.ex
        args = [c for c in self.tree.children(tok) if c.dep_ in ("nsubj", "agent")]
        if not args and tok.pos_ == "NOUN":  # 'the group's attack', 'the group undertook operations'
            args = [c for c in self.tree.children(tok) if c.dep_ == "poss"]
            if not args and tok.dep_ in ("dobj", "attr") and not self.tree.is_root(tok):
                args = [c for c in self.tree.children(self.tree.head(tok)) if c.dep_ == "nsubj"]
        subject = None
        for a in args:
            a = next((g for g in self.tree.children(a) if g.dep_ == "pobj"), a) if a.dep_ == "agent" else a
            if a.i in self.entity_at:
                return None  # named: not an anaphor
            low = a.lower_
            if a.pos_ == "PRON" and low in ex.anaphora_pronouns:
                subject = ex.anaphora_pronouns[low]
            elif a.lemma_.lower() in ex.anaphora_groups and any(
                    c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in self.tree.children(a)):
                subject = ex.anaphora_groups[a.lemma_.lower()]
            if subject:
                start = a.i
                break
        if not subject:
            return None
        for etype in subject:
            for si in range(m.sent_i, max(-1, m.sent_i - 3), -1):
                found = [(root.i, e) for e, root in self.sent_entities.get(si, ()) if root.i < start and e.type == etype]
                if found:
                    return max(found, key=lambda x: x[0])[1]
        return None

    def mediators_in(self, si: int) -> list:
        """Entities a sentence says brokered, mediated or facilitated something (per sentence, cached)."""
        if si not in self.mediator_cache:
            self.mediator_cache[si] = self._mediators_in(si)
        return self.mediator_cache[si]

    def _mediators_in(self, si: int) -> list:
        ex, found = self.ex, []
        sent = self.sents[si]
        for t in sent:
            lemma = t.lemma_.lower()
            cands: list[Token] = []
            if lemma in ex.mediation_passive:
                for c in self.tree.children(t):
                    if c.dep_ == "agent":
                        objs = [g for g in self.tree.children(c) if g.dep_ == "pobj"]
                        # the object may hang in another line: take the name right after 'by'
                        cands += objs or [x for x in self.doc[c.i + 1:min(c.i + 4, sent.end)] if x.i in self.entity_at][:1]
                if lemma in ex.mediation_agentive and t.pos_ == "VERB":
                    cands += [c for c in self.tree.children(t) if c.dep_ == "nsubj"]
            elif lemma in ex.mediation_nouns and t.pos_ == "NOUN":
                for c in self.tree.children(t):
                    if c.dep_ == "poss":
                        cands.append(c)
                    elif c.dep_ == "prep" and c.lower_ == "of":
                        cands += [g for g in self.tree.children(c) if g.dep_ == "pobj"]
                if t.dep_ == "pobj" and self.tree.head(t).lower_ == "as" and lemma in ("intermediary", "mediator"):
                    verb = self.tree.head(self.tree.head(t))  # 'X acted as an intermediary'
                    cands += [c for c in self.tree.children(verb) if c.dep_ == "nsubj"]
                    if self._modal_children(verb, first=False):
                        continue
            elif ("-" in t.text and t.lower_.rsplit("-", 1)[-1] in ex.mediation_suffixes) or (
                    t.lower_ in ex.mediation_suffixes and t.i >= 2 and t.nbor(-1).text in ("-", "–")):
                prev = t.i - 2 if t.lower_ in ex.mediation_suffixes else t.i
                cands.append(self.doc[prev])
            if not cands or self._modal_children(t, first=False):
                continue
            for c in cands:
                for x in [c] + [y for y in self.tree.children(c) if y.dep_ == "conj"]:
                    e = self.entity_at.get(x.i)
                    if e is None:
                        e = next((self.entity_at[y.i] for y in self.tree.subtree(x) if y.i in self.entity_at), None)
                    if e is not None and e not in found:
                        found.append(e)
        return found

    # ------------------------------------------------------------------ merging
    def merge_in_sentence(self, mentions: list[Mention]) -> list[Mention]:
        """Fold mentions that name one happening inside a sentence: same type with
        compatible dates, a kill inside an attack, a deal next to a swap, a compound
        ('prisoner swap deal')."""
        by_sent: dict[int, list[Mention]] = {}
        for m in mentions:
            by_sent.setdefault(m.sent_i, []).append(m)
        out = []
        for si in sorted(by_sent):
            kept: list[Mention] = []
            ms = by_sent[si]
            exchange_near = {m.type for sj in (si - 1, si) for m in by_sent.get(sj, ())}
            for m in ms:
                host = None
                compound_child = next((k for k in kept if k.token.dep_ == "compound" and self.tree.head(k.token).i == m.token.i), None)
                if compound_child is not None:
                    host = compound_child
                elif m.token.lemma_.lower() in ("kill", "killing") and m.type == "ATTACK":
                    host = next((k for k in kept if k.type in self.ex.absorb_kill_into and k is not m
                                 and k.modality == m.modality), None)
                elif m.rule.absorbed_by and exchange_near & set(m.rule.absorbed_by):
                    host = next((k for k in kept if k.type in m.rule.absorbed_by), None)
                    if host is None:
                        continue  # told with an exchange in the previous sentence: part of that story
                if host is None:
                    host = next((k for k in kept if k.type == m.type and k.modality == m.modality
                                 and dates_compatible(k.date and k.date[1], m.date and m.date[1])), None)
                if host is None and m.type in ("RELEASE", "PRISONER_EXCHANGE"):
                    host = next((k for k in kept if k.type in ("RELEASE", "PRISONER_EXCHANGE") and k.modality == m.modality
                                 and dates_compatible(k.date and k.date[1], m.date and m.date[1])), None)
                    if host is not None and m.type == "PRISONER_EXCHANGE":
                        host.type, host.cameo = m.type, m.cameo
                if host is None:
                    kept.append(m)
                    continue
                if host.rule.needs_agent and not m.rule.needs_agent and host.type == m.type:
                    kept[kept.index(host)] = m  # 'were killed ... when a bomb exploded': the bomb tells the event
                    host, m = m, host
                self.fold(host, m)
            # 'the Ukrainians taken captive ... have been released': a clause describing the
            # people of another event, with no date of its own, is part of that event's telling
            for m in list(kept):
                if m.dates or not self.is_subordinate(m) or self.tree.is_root(m.token):
                    continue
                noun = self.tree.head(m.token)
                if noun.pos_ == "NUM":
                    continue  # 'one was killed and about 120 arrested': a predicate, parsed as a modifier
                host = next((k for k in kept if k is not m and not self.is_subordinate(k) and k.modality == m.modality
                             and self.tree.distance(noun, k.token) <= 2), None)
                if host is not None:
                    kept.remove(m)
                    self.fold(host, m)
            out.extend(kept)
        return out

    @staticmethod
    def fold(host: Mention, m: Mention) -> None:
        host.merged.append(m)
        host.dates += [d for d in m.dates if d not in host.dates]
        host.borrowed += [d for d in m.borrowed if d not in host.borrowed]
        host.claims += [c for c in m.claims if c not in host.claims]
        host.participants += m.participants
        host.locations = sorted(host.locations + m.locations, key=lambda x: (x[0], x[1]))
        host.mediators += [e for e in m.mediators if e not in host.mediators]
        host.generic = host.generic and m.generic
        host.lede = host.lede or m.lede
        if m.modality == "asserted":
            host.modality = "asserted"

    def can_create(self, m: Mention) -> bool:
        """Whether a mention may start an event of its own (others only join one)."""
        if m.rule.needs_date and not m.dates:
            return False
        if m.rule.needs_money and not any(c.category == "MONEY" or c.currency for c in m.claims):
            return False
        if m.rule.needs_count and not m.claims:
            return False
        if m.rule.needs_agent and not self.has_agent(m):
            return False  # 'twenty were killed in India': an attack only when someone did it
        if (m.generic or self.is_descriptive(m)) and not (m.dates or m.claims):
            return False
        return True

    def is_descriptive(self, m: Mention) -> bool:
        """'the detained Americans', 'freed Russians': a participle describing people, not telling an event."""
        return m.token.tag_ == "VBN" and self.tree.dep(m.token) in ("amod", "acl") and not any(c.dep_ == "agent" for c in self.tree.children(m.token))

    def has_agent(self, m: Mention) -> bool:
        tok = m.token
        for c in self.tree.children(tok):
            if c.dep_ == "agent" or (c.dep_ == "poss") or (c.dep_ == "prep" and c.lower_ == "by"):
                objs = [g for g in self.tree.children(c) if g.dep_ == "pobj"] if c.dep_ != "poss" else [c]
                if any(o.lemma_.lower() not in self.ex.disaster_words for o in objs):
                    return True
            if c.dep_ == "nsubj" and c.lemma_.lower() not in self.ex.disaster_words:
                return True
        return False

    def is_subordinate(self, m: Mention) -> bool:
        """Told in a modifying clause or phrase ('the girls kidnapped by X', 'since the war'),
        not as what the sentence reports."""
        return self.tree.dep(m.token) in ("acl", "relcl", "amod", "advcl", "pcomp") or self.is_descriptive(m)

    def is_main_date(self, iso: Optional[str]) -> bool:
        """A date close enough to publication (the week before it) to be the article's main news."""
        if iso is None or self.published is None:
            return iso is None
        if len(iso) == 10:
            return iso <= self.published and dates_compatible(iso, self.published, self.ex.main_date_slack)
        return dates_compatible(iso, self.published)

    def cluster(self, mentions: list[Mention]) -> list[Cluster]:
        clusters: list[Cluster] = []
        lead = next((m for m in sorted(mentions, key=lambda m: m.token.i)
                     if m.lede and not self.is_subordinate(m) and m.modality == "asserted"), None)
        self.main_type = lead.type if lead is not None else None
        order = {t: i for i, t in enumerate(_PRIORITY)}
        # exchanges first, so that the releases of an exchange story can join them
        ordered = sorted(mentions, key=lambda m: (m.type == "RELEASE", m.token.i))
        for m in ordered:
            types = ("PRISONER_EXCHANGE", "RELEASE") if m.type == "RELEASE" and not m.unilateral else (m.type,)
            if m.rule.needs_agent and not self.has_agent(m):  # a bare 'were killed': the attack or disaster told nearby
                near = sorted((c for c in clusters if c.type in self.ex.absorb_kill_into), key=lambda c: -c.last_sent)
                types = tuple(dict.fromkeys(c.type for c in near)) or types
            target = None
            for etype in types:
                target = self.find_cluster(clusters, m, etype)
                if target is not None:
                    break
            if target is None:
                if not self.can_create(m):
                    continue
                etype = m.type
                if etype == "RELEASE" and not m.unilateral and "PRISONER_EXCHANGE" in self.types_seen:
                    etype = "PRISONER_EXCHANGE"  # a release told in an exchange story is an exchange's
                target = Cluster(etype, m.modality)
                clusters.append(target)
            target.mentions.append(m)
            if m.modality == "asserted":
                target.modality = "asserted"
        clusters.sort(key=lambda c: (min(x.token.i for x in c.mentions), order.get(c.type, 99)))
        return clusters

    def find_cluster(self, clusters: list[Cluster], m: Mention, etype: str) -> Optional[Cluster]:
        """The event a mention names, if one is already open: same type and a compatible date.
        A denied or planned mention of a happening already told as real joins it ('did not
        call it an exchange'); otherwise it opens its own, non-asserted event."""
        same = [c for c in clusters if c.type == etype and c.cumulative == m.cumulative]
        kind = self.ex.event_kinds.get(m.token.lemma_.lower())
        if kind:  # a kidnapping and a police arrest are two events
            same = [c for c in same if all(self.ex.event_kinds.get(x.token.lemma_.lower(), kind) == kind for x in c.mentions)]
        if not same:
            return None
        asserted = [c for c in same if c.modality == "asserted"]
        if m.modality != "asserted":
            hit = self.by_date(asserted, m)
            return hit if hit is not None else self.by_date([c for c in same if c.modality == m.modality], m)
        return self.by_date(asserted, m)

    def by_date(self, cands: list[Cluster], m: Mention) -> Optional[Cluster]:
        if not cands:
            return None
        iso = m.date[1] if m.date else None
        if iso is not None:
            exact = [c for c in cands if c.date is not None and dates_compatible(c.date, iso)]
            if exact:
                return exact[0]
            if self.is_main_date(iso):
                # the news of the week: an undated telling of it, or (an exchange runs over days)
                # the same exchange dated a day or two apart; two releases on two days are two
                return next((c for c in cands if c.date is None or (
                    c.type in self.ex.multi_day_types and dates_compatible(c.date, iso, 2))), None)
            # a background date: an open event told so far only in passing ('the girls kidnapped by X'),
            # or by the same word as context of another story ('amid the incursion ... the incursion
            # launched on August 6')
            lemma = m.token.lemma_.lower()
            return next((c for c in cands if c.date is None and (
                all(self.is_subordinate(x) for x in c.mentions)
                or (c.type != self.main_type and any(x.token.lemma_.lower() == lemma for x in c.mentions)))), None)
        recent = [c for c in cands if any(0 <= m.sent_i - x.sent_i <= 1 for x in c.mentions)]
        if recent:
            return recent[-1]
        return next((c for c in cands if c.date is None or self.is_main_date(c.date)), None)

    # ------------------------------------------------------------------ records
    def keep(self, c: Cluster) -> bool:
        """Reported: the main news (lede), or a background event the text dates or measures.
        Words that are often said of a process ('as a result of negotiations') need a side
        ('talks between X and Y', 'X and Y held talks')."""
        if all(m.rule.needs_argument for m in c.mentions) and not any(
                self.between_sides(m.token) or any(d <= 2 for d, _ in m.participants) for m in c.mentions):
            return False
        if c.explicit_dates or c.lede:
            return True
        return any(m.claims for m in c.mentions)

    def talks_behind(self, c: Cluster, kept: list[Cluster]) -> bool:
        """Undated talks told in the same sentence as a reported exchange, release or deal,
        with a named side or place ('the release was negotiated between X and Y')."""
        if c.type != "MEETING" or c.modality != "asserted":
            return False
        told = {m.sent_i for k in kept if k.type in self.ex.talks_lead_to for m in k.mentions}
        return any(m.sent_i in told and (self.between_sides(m.token) or m.locations) for m in c.mentions)

    def between_sides(self, tok: Token) -> bool:
        """'talks between X and Y', 'negotiations with X'."""
        for c in self.tree.children(tok):
            if c.dep_ == "prep" and c.lower_ in ("between", "with"):
                return any(g.dep_ == "pobj" for g in self.tree.children(c))
        return False

    def record(self, c: Cluster, vid: str, mediators_by_sent: dict):
        ex = self.ex
        mentions = sorted(c.mentions, key=lambda m: m.token.i)
        everything = [x for m in mentions for x in [m] + m.merged]
        first = mentions[0]
        # date: the first stated one; the publication date for the main news of the day
        date = date_text = precision = None
        dates = [m.dates[0] for m in sorted(everything, key=lambda m: m.token.i) if m.dates]
        main_story = any(m.lede and not m.generic and not self.is_subordinate(m) for m in mentions)
        if not dates:  # a date the sentence gives to another trigger ('at a conference on Tuesday, donors pledged')
            dates = [d for m in everything for d in m.borrowed if not main_story or self.is_main_date(d[1])]
        if not dates and c.modality == "asserted" and not c.cumulative:
            # the sentence before, when it dates the news of the week ('... in Sunday's vote.
            # Protesters clashed ...'); an older date there may belong to anything
            dates = [(d, iso) for m in mentions for d, _ in self.sent_dates.get(m.sent_i - 1, ())
                     if not d.is_bound and (iso := resolve_mention(d, self.published)) and self.is_main_date(iso)
                     and len(iso) == 10][:1]
        if dates:
            d, date = dates[0][0], dates[0][1]
            date_text, precision = d.text, d.precision
        elif self.published and c.modality == "asserted" and main_story and not c.cumulative:
            date, precision = self.published, "day"
        # mediator: named in one of the event's sentences, else an article-level mediator for the main story
        mediator = None
        for m in everything if c.type in ex.mediated_types else ():
            if m.mediators:
                mediator = m.mediators[0]
                break
        if mediator is None and c.type in ex.mediated_types:
            for m in mentions:
                for sj in (m.sent_i, m.sent_i - 1, m.sent_i + 1):
                    if sj in mediators_by_sent:
                        mediator = mediators_by_sent[sj]
                        break
                if mediator:
                    break
        # participants, nearest and most often first, the mediator left out
        score: dict[str, float] = {}
        ents = {}
        for m in everything:
            for dist, e in m.participants:
                if mediator is not None and e.id == mediator.id:
                    continue
                score[e.id] = score.get(e.id, 0.0) + 1.0 / (1 + dist)
                ents[e.id] = e
        if not score:
            self.fallback_participants(c.type, mentions, mediator, score, ents)
        allowed = ex.participant_types.get(c.type, ex.participant_types["default"])
        ranked = [k for k in sorted(score, key=lambda k: -score[k]) if ents[k].type in allowed][:ex.max_participants]
        participants = [Participant(entity_id=None if k.startswith("~") else k, name=ents[k].name, role=self.role(c.type, ents[k], everything)) for k in ranked]
        location = None
        for rank in (0, 1, 2):
            best = next((x for m in everything for x in m.locations if x[0] == rank), None)
            if best is not None:
                location = EntityRef(entity_id=best[2].id, name=best[2].name)
                break
        claims, seen = [], set()
        for m in everything:
            for cl in m.claims:
                key = (cl.value, cl.category) if cl.value is not None else cl.id
                if key not in seen:
                    seen.add(key)
                    claims.append(cl)
        counts = [CountRef(claim_id=cl.id, value=cl.value, unit=cl.unit, category=cl.category) for cl in claims]
        evid, starts = [], set()
        for m in everything:
            ev = evidence(self.doc, self.sents[m.sent_i])
            if ev.start not in starts:
                starts.add(ev.start)
                evid.append(ev)
        evid.sort(key=lambda e: e.start)
        cameo = next((m.cameo for m in everything if m.rule.pos), first.cameo)  # a word's own code before a pattern's
        near = set()
        for m in everything:
            near |= self.tree.near_words(m.token)
        for etype, words, code in ex.cameo_refine:
            if etype == c.type and near & words:
                cameo = code
                break
        confidence = 0.45 + 0.1 * bool(dates) + 0.1 * bool(participants) + 0.1 * bool(counts) + 0.05 * min(3, len(mentions) - 1)
        if c.modality != "asserted":
            confidence -= 0.1
        fields = dict(
            id=vid, participants=participants, mediator=EntityRef(entity_id=mediator.id, name=mediator.name) if mediator else None,
            location=location, date=date, date_precision=precision, date_text=date_text, counts=counts,
            trigger=first.token.text, evidence=evid, modality=c.modality, confidence=round(min(0.95, confidence), 2),
            cameo=cameo,
        )
        fields.update(self.type_specific(c.type, claims, participants))
        return EVENT_MODELS[c.type](**fields)

    def fallback_participants(self, etype: str, mentions: list[Mention], mediator, score: dict, ents: dict) -> None:
        """No entity near any trigger: the actors named elsewhere in the trigger's sentence,
        else (for two-sided events) in the sentence before."""
        allowed = self.ex.participant_types.get(etype, self.ex.participant_types["default"])
        if not allowed or etype in self.ex.no_fallback_participants:
            return
        first = mentions[0]
        for si in (first.sent_i, first.sent_i - 1):
            if si < first.sent_i and etype not in self.ex.neighbour_participants:
                break
            for e, root in self.sent_entities.get(si, ()):
                if e.type in allowed and (mediator is None or e.id != mediator.id) and not self.is_attribution(root, first.token):
                    score[e.id] = score.get(e.id, 0.0) + 0.1
                    ents[e.id] = e
            if score:
                return

    def role(self, etype: str, entity, mentions: list[Mention]) -> str:
        """The participant's role: from its dependency relation to a trigger."""
        for m in mentions:
            for e, root in self.sent_entities.get(m.sent_i, ()):
                if e is not entity:
                    continue
                head = self.tree.head(root)
                rel = root.dep_ if head.i == m.token.i and head.i != root.i else (
                    head.dep_ + ">" + head.lower_ if self.tree.head(head).i == m.token.i and root.dep_ == "pobj" else "")
                if etype == "ATTACK":
                    if rel in ("nsubj", "agent", "poss", "compound", "prep>by") or rel.startswith("agent"):
                        return "attacker"
                    if rel in ("dobj", "nsubjpass", "prep>on", "prep>against"):
                        return "target"
                if etype in ("PRISONER_EXCHANGE", "AGREEMENT"):
                    return "side"
                if etype == "MEETING" and rel in ("prep>in", "prep>at"):
                    return "host"
                if etype in ("ARREST", "RELEASE"):
                    if rel in ("dobj", "nsubjpass", "prep>of"):
                        return "subject" if entity.type == "PERSON" else "target"
                    if rel in ("nsubj", "agent", "prep>by") or rel.startswith("agent"):
                        return "actor"
                if etype == "AID":
                    if rel in ("prep>to", "prep>for", "dative"):
                        return "recipient"
                    if rel in ("nsubj", "poss", "prep>from"):
                        return "donor"
                if etype == "SANCTION":
                    if rel in ("prep>on", "prep>against", "dobj"):
                        return "target"
                    if rel in ("nsubj", "poss"):
                        return "imposer"
        if etype == "ELECTION":
            return {"PERSON": "candidate", "ORGANIZATION": "party"}.get(entity.type, "country")
        return {"PRISONER_EXCHANGE": "side", "AGREEMENT": "side"}.get(etype, "participant")

    def type_specific(self, etype: str, claims: list, participants: list[Participant]) -> dict:
        out = {}
        for name, cats in self.ex.type_fields.get(etype, {}).items():
            cl = next((c for c in claims if c.category in cats and c.value is not None), None)
            if cl is not None:
                out[name] = cl.value
                if name == "amount" and cl.currency:
                    out["currency"] = cl.currency
        if etype == "PRISONER_EXCHANGE":
            # '230 Ukrainian prisoners', '248 Russians': the side a count of freed people belongs to
            # (the numeric claim's modifier), the largest count per side; such a side takes part
            best: dict[str, object] = {}
            for cl in claims:
                if cl.category not in self.ex.count_categories["PRISONER_EXCHANGE"] and not cl.modifiers:
                    continue
                for mo in cl.modifiers:
                    e = self.entity_by_id.get(mo.entity_id)
                    if e is None or e.type not in ("COUNTRY", "ORGANIZATION"):
                        continue
                    old = best.get(e.id)
                    if old is None or (cl.value or 0) > (old[1].value or 0):
                        best[e.id] = (e, cl)
                    break
            out["released_per_side"] = [SideCount(side=EntityRef(entity_id=e.id, name=e.name), value=cl.value, claim_id=cl.id)
                                        for e, cl in best.values()]
            known = {p.entity_id for p in participants}
            participants.extend(Participant(entity_id=e.id, name=e.name, role="side")
                                for e, _ in best.values() if e.id not in known)
        return out

    # ------------------------------------------------------------------ statement
    def statement(self, events: list) -> Optional[Cluster]:
        """STATEMENT, kept conservative: the headline's (or first sentence's) main verb is a
        statement verb of a named speaker, and it does not just report another event."""
        if not self.lede:
            return None
        # the first sentence of the lede that is a clause (not a byline or a label)
        si = next((i for i in sorted(self.lede) if self.sents[i].root.pos_ in ("VERB", "AUX")), min(self.lede))
        root = self.sents[si].root
        lemma = next((f for f in _verb_forms(root) if f in self.ex.statement_verbs), None)
        if lemma is None or root.pos_ not in ("VERB", "AUX", "PROPN", "NOUN"):
            return None
        speaker = None
        for c in self.tree.children(root):
            if c.dep_ in ("nsubj", "nsubjpass"):
                speaker = next((self.entity_at[t.i] for t in self.tree.subtree(c) if t.i in self.entity_at), None)
                if speaker is None and c.pos_ in ("NOUN", "PROPN") and c.tag_ in ("NNS", "NNPS"):
                    # a named group that is no entity of its own: 'the Colombian bishops'
                    words = sorted((t for t in self.tree.subtree(c) if t.dep_ not in ("det", "punct")), key=lambda t: t.i)
                    if any(t.text[:1].isupper() for t in words) and len(words) <= 4:
                        name = " ".join(t.text for t in words)
                        speaker = SimpleNamespace(id="~" + name, name=name, type="ORGANIZATION", roles=[])
        if speaker is None:
            return None
        if lemma in self.ex.statement_reporting:
            return None
        told = [c for c in self.tree.children(root) if c.dep_ in ("ccomp", "xcomp")]
        told += [c for c in self.tree.children(root) if c.dep_ == "dobj" and (self.ex.rules.get(c.lemma_.lower()) or c.lower_ in self.ex.rules)]
        if not told:
            return None  # 'X welcomed his counterparts': hosting, not a statement
        rule = TriggerRule(type="STATEMENT", pos=frozenset())
        m = Mention("STATEMENT", root, si, rule, self.ex.cameo.get("STATEMENT"), lede=True)
        m.participants = [(0, speaker)]
        m.modality = "asserted" if not self._modal_children(root, first=False) else "negated"
        for d, droot in self.sent_dates.get(si, ()):
            iso = resolve_mention(d, self.published)
            if iso and not d.is_bound:
                m.dates.append((d, iso))
        c = Cluster("STATEMENT", m.modality, [m])
        return c

    # ------------------------------------------------------------------ all together
    def run(self) -> list:
        mentions = self.find_mentions()
        self.fill(mentions)
        mentions = self.merge_in_sentence(mentions)
        clusters = self.cluster(mentions)
        kept = [c for c in clusters if self.keep(c)]
        clusters = [c for c in clusters if c in kept or self.talks_behind(c, kept)]
        st = self.statement(clusters)
        if st is not None:
            clusters.append(st)
        mediators_by_sent: dict[int, object] = {}
        for e in self.entities:
            if "MEDIATOR" not in (e.roles or []):
                continue
            for r in e.role_evidence:
                if r.role == "MEDIATOR" and r.status == "actual":
                    span = self.doc.char_span(r.evidence.start, r.evidence.end, alignment_mode="expand")
                    if span is not None and len(span):
                        mediators_by_sent.setdefault(self.sent_of[span.root.i], e)
        # an article-level mediator without sentence evidence goes to the main story
        article_mediators = [e for e in self.entities if "MEDIATOR" in (e.roles or []) and e not in mediators_by_sent.values()]
        events = []
        for c in clusters:
            events.append(self.record(c, f"V{len(events) + 1}", mediators_by_sent))
        if article_mediators:
            for etype in ("PRISONER_EXCHANGE", "RELEASE", "AGREEMENT", "MEETING"):
                main = next((ev for ev in events if ev.type == etype and ev.mediator is None and ev.modality == "asserted"), None)
                if main is not None:
                    e = article_mediators[0]
                    main.mediator = EntityRef(entity_id=e.id, name=e.name)
                    main.participants = [p for p in main.participants if p.entity_id != e.id]
                    break
        self.shared_actors(events)
        return events

    def shared_actors(self, events: list) -> None:
        """'Two civilians had been released June 12': an event of a type the article tells
        several times, with nobody doing it, is done by whoever does it in the first one."""
        for etype, roles in self.ex.actor_roles.items():
            told = [ev for ev in events if ev.type == etype and ev.modality == "asserted"]
            donors = [p for ev in told[:1] for p in ev.participants if p.role in roles]
            for ev in told[1:]:
                if donors and not any(p.role in roles for p in ev.participants):
                    known = {p.entity_id for p in ev.participants}
                    ev.participants = [p.model_copy() for p in donors if p.entity_id not in known] + ev.participants


@Language.factory(
    "newsextract_events",
    default_config={"lede_sentences": 3, "max_participants": 4, "participant_distance": 5, "main_date_slack": 7,
                    "table": "events.json"},
)
def make_events(nlp: Language, name: str, lede_sentences: int, max_participants: int, participant_distance: int,
                main_date_slack: int, table: str) -> EventExtractor:
    return EventExtractor(nlp, name, lede_sentences=lede_sentences, max_participants=max_participants,
                          participant_distance=participant_distance, main_date_slack=main_date_slack, table=table)
