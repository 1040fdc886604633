"""models/events.json indexed for lookups: built once per component, never per article."""
from __future__ import annotations

from ...text.reporting import ReportingVerbs
from ...text.tables import attach_word_sets
from .patterns import TriggerPatterns
from .rules import TriggerRule, trigger_rule
from .tables import EventsTable


def _sets(mapping: dict) -> dict:
    return {k: frozenset(v) for k, v in mapping.items()}


# word lists kept under the table's own names: {section path: entries}
WORD_SETS = {
    "": "absorb_kill_into kill_lemmas mutual_words between_preps agent_preps unilateral_cues talks_lead_to "
        "multi_day_types past_aux judging_verbs",
    "modality": "negation_words negating_governors planned_aux implicative_verbs hypothetical_aux hypothetical_marks "
                "infinitive_marks planned_clause_aux planned_governors planned_modifiers hypothetical_governors",
    "captives_moving": "carrying_verbs captive_nouns captive_states",
    "location": "town_types struck_verbs locative_preps",
    "attribution": "media_nouns",
    "merging": "distinct_cues demonstratives distinct_heads",
    "anaphora": "party_nouns armed_nouns armed_name_words unarmed_name_words source_actor_types",
}


class EventLexicon:
    """Every word list of the table as a frozenset or an index, for one component;
    the reporting verbs come from the kernel table (models/reporting.json)."""

    def __init__(self, table: EventsTable, reporting: ReportingVerbs):
        t = table
        self.reporting = reporting
        # 'X said', 'X quoted Y': verbs whose subject is a source of words, not an actor
        # of what it tells (but 'X announced aid', 'X claimed the attack': performative)
        self.source_verbs = (reporting.speech | reporting.quoting) - frozenset(t.performative_verbs)
        self.cameo = dict(t.cameo)
        self.cameo_refine = [(r.type, frozenset(r.near), r.cameo) for r in t.cameo_refine]
        self.type_order = {etype: i for i, etype in enumerate(t.type_priority)}
        self.contexts = _sets(t.contexts)
        self.context_claims = _sets(t.context_claims)
        self.rules: dict[str, list[TriggerRule]] = {}
        for row in t.triggers:
            rule = trigger_rule(row)
            for lemma in row.lemmas:
                self.rules.setdefault(lemma, []).append(rule)
        self.patterns = TriggerPatterns(t.patterns)
        self.verb_suffixes = tuple(t.verb_suffixes)
        mod = t.modality
        self.planned_not_for = _sets(mod.planned_governors_not_for)
        self.planned_xcomp_only = frozenset(mod.planned_governors_xcomp_only)
        self.reporting_verbs = self.source_verbs | frozenset(mod.epistemic_verbs)
        self.generic_modifiers = frozenset(t.generic.modifiers)
        self.comparison_preps = frozenset(t.generic.comparison_preps)
        self.generic_plurals = frozenset(t.generic.plural_nouns)
        self.counting_determiners = frozenset(t.generic.counting_determiners)
        self.count_categories = _sets(t.counts.categories)
        self.primary_types = _sets(t.counts.primary)
        self.other_units = _sets(t.counts.other_units)
        self.type_fields = {etype: dict(fields) for etype, fields in t.counts.type_fields.items()}
        self.disaster_words = frozenset(w for r in t.triggers if r.type == "DISASTER" for w in r.lemmas)
        attach_word_sets(self, t, WORD_SETS)
        self.cumulative_cues = tuple(t.cumulative.cues)
        self.cumulative_types = frozenset(t.cumulative.types)
        self.voting_day_types = frozenset(t.merging.voting_day_types)
        self.one_per_place = frozenset(t.merging.one_per_place_for)
        self.word_levels = {w: level for level, words in t.merging.place_levels.items() for w in words}
        self.kind_levels = dict(t.merging.gazetteer_levels)
        self.largest_level = next(reversed(t.merging.place_levels), None)
        self.actor_roles = _sets(t.actor_roles)
        att = t.attribution
        self.source_or_judging = self.source_verbs | self.judging_verbs
        self.attribution_preps = frozenset(att.preps)
        loc = t.location
        self.no_location_types = frozenset(loc.none_for)
        self.country_is_place_for = frozenset(loc.country_is_only_place_for)
        self.country_fallback_types = frozenset(loc.country_fallback_for)
        self.place_preps = self.locative_preps | frozenset(loc.other_place_preps)
        self.event_kinds = {w: kind for kind, words in t.event_kinds.items() for w in words}
        moving = t.captives_moving
        self.motion_verbs = frozenset(moving.verbs)
        self.motion_rule = TriggerRule(type="RELEASE", pos=frozenset({"VERB"}), cameo=self.cameo["RELEASE"])
        self.elliptic_verbs = frozenset(t.elliptic.verbs)
        self.elliptic_particles = _sets(t.elliptic.particles)
        self.elliptic_subjects = frozenset(t.elliptic.subjects)
        ana = t.anaphora
        self.anaphora_pronouns = {w: tuple(types) for w, types in ana.pronouns.items()}
        # a group noun stands first for an entity of its own type, then for the other one
        self.anaphora_groups = {w: (etype, "COUNTRY" if etype == "ORGANIZATION" else "ORGANIZATION")
                                for etype, words in ana.group_nouns.items() for w in words}
        self.anaphora_determiners = frozenset(ana.determiners)
        self.participant_types = _sets(t.participant_types)
        self.no_fallback_participants = frozenset(t.participants_fallback.none_for)
        self.neighbour_participants = frozenset(t.participants_fallback.previous_sentence_for)
        med = t.mediation
        self.mediated_types = tuple(med.event_types)
        self.statement_verbs = frozenset(t.statement.verbs)
        self.roles = t.roles

    def participants_allowed(self, etype: str) -> frozenset:
        """The entity types that may take part in an event of this type."""
        return self.participant_types.get(etype, self.participant_types["default"])

    def verb_forms(self, lemma: str, low: str) -> list[str]:
        """The lemma and plausible base forms of a verb (the small model reads 'hopes' as 'hop')."""
        forms = [lemma, low]
        for suffix, repl in self.verb_suffixes:
            if low.endswith(suffix) and len(low) > len(suffix) + 2:
                forms.append(low[: -len(suffix)] + repl)
        return forms

    def is_source_phrase(self, tok) -> bool:
        """The head of 'according to X', 'reported by X', 'condemned by X': X is a source."""
        return tok.lemma_.lower() in self.source_or_judging or self.reporting.is_according(tok.lower_)
