"""models/events.json indexed for lookups: built once per component, never per article."""
from __future__ import annotations

from .patterns import TriggerPatterns
from .rules import TriggerRule, trigger_rule
from .tables import EventsTable


def _sets(mapping: dict) -> dict:
    return {k: frozenset(v) for k, v in mapping.items()}


class EventLexicon:
    """Every word list of the table as a frozenset or an index, for one component."""

    def __init__(self, table: EventsTable):
        t = table
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
        self.negation_words = frozenset(mod.negation_words)
        self.negating_governors = frozenset(mod.negating_governors)
        self.planned_aux = frozenset(mod.planned_aux)
        self.implicative_verbs = frozenset(mod.implicative_verbs)
        self.hypothetical_aux = frozenset(mod.hypothetical_aux)
        self.hypothetical_marks = frozenset(mod.hypothetical_marks)
        self.infinitive_marks = frozenset(mod.infinitive_marks)
        self.planned_clause_aux = frozenset(mod.planned_clause_aux)
        self.planned_governors = frozenset(mod.planned_governors)
        self.planned_not_for = _sets(mod.planned_governors_not_for)
        self.planned_modifiers = frozenset(mod.planned_modifiers)
        self.planned_xcomp_only = frozenset(mod.planned_governors_xcomp_only)
        self.hypothetical_governors = frozenset(mod.hypothetical_governors)
        self.reporting_verbs = frozenset(mod.reporting_verbs)
        self.generic_modifiers = frozenset(t.generic.modifiers)
        self.comparison_preps = frozenset(t.generic.comparison_preps)
        self.generic_plurals = frozenset(t.generic.plural_nouns)
        self.counting_determiners = frozenset(t.generic.counting_determiners)
        self.count_categories = _sets(t.counts.categories)
        self.other_units = _sets(t.counts.other_units)
        self.type_fields = {etype: dict(fields) for etype, fields in t.counts.type_fields.items()}
        self.absorb_kill_into = frozenset(t.absorb_kill_into)
        self.kill_lemmas = frozenset(t.kill_lemmas)
        self.disaster_words = frozenset(w for r in t.triggers if r.type == "DISASTER" for w in r.lemmas)
        self.mutual_words = frozenset(t.mutual_words)
        self.between_preps = frozenset(t.between_preps)
        self.agent_preps = frozenset(t.agent_preps)
        self.cumulative_cues = tuple(t.cumulative.cues)
        self.cumulative_types = frozenset(t.cumulative.types)
        self.unilateral_cues = frozenset(t.unilateral_cues)
        self.talks_lead_to = frozenset(t.talks_lead_to)
        self.multi_day_types = frozenset(t.multi_day_types)
        self.actor_roles = _sets(t.actor_roles)
        self.stance_verbs = frozenset(t.stance_verbs)
        att = t.attribution
        self.attribution_verbs = frozenset(att.verbs)
        self.reporting_or_stance = self.attribution_verbs | self.stance_verbs
        self.attribution_phrases = self.attribution_verbs | frozenset(att.phrase_heads)
        self.telling_verbs = frozenset(att.telling_verbs)
        self.attribution_preps = frozenset(att.preps)
        self.media_nouns = frozenset(att.media_nouns)
        loc = t.location
        self.no_location_types = frozenset(loc.none_for)
        self.country_is_place_for = frozenset(loc.country_is_only_place_for)
        self.locative_preps = frozenset(loc.locative_preps)
        self.place_preps = self.locative_preps | frozenset(loc.other_place_preps)
        self.event_kinds = {w: kind for kind, words in t.event_kinds.items() for w in words}
        moving = t.captives_moving
        self.motion_verbs = frozenset(moving.verbs)
        self.carrying_verbs = frozenset(moving.carrying_verbs)
        self.captive_nouns = frozenset(moving.captive_nouns)
        self.captive_states = frozenset(moving.captive_states)
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
        self.mediation_passive = frozenset(med.passive_verbs)
        self.mediation_nouns = frozenset(med.nouns)
        self.mediation_suffixes = frozenset(med.hyphen_suffixes)
        self.mediation_agentive = frozenset(med.agentive_verbs)
        self.mediation_owner_preps = frozenset(med.owner_preps)
        self.acting_as_preps = frozenset(med.acting_as_preps)
        self.acting_as_nouns = frozenset(med.acting_as_nouns)
        self.statement_verbs = frozenset(t.statement.verbs)
        self.statement_reporting = frozenset(t.statement.reporting_only)
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
