"""Mediators: which entities brokered, mediated, facilitated or hosted talks or a
deal between other parties (the MEDIATOR role), and which only offered to
(PROPOSED_MEDIATOR), with the sentence that says so as evidence.

Runs right after newsextract_entities and works on `doc._.ne_entities`:
  article.py    per-Doc state: sentences, the entities' mentions, each sentence
                masked (mentions -> ⟨E3⟩, demonyms -> ⟨D:EG⟩)
  patterns.py   the pattern entry point: the regex table of
                models/entities_mediators.json over a masked sentence ->
                {entity marker: "actual" | "proposed"}; the person acting for a
                mediating state ("brokered by Turkish President X") with it, and
                unnamed mediators ("African mediators held talks") resolved to the
                people that sentence and the next introduce with a demonym and a title
  roles.py      roles and evidence set on the entities; a demonym naming a
                mediator becomes a mention of its country
  tables.py     the typed, compiled tables (patterns; countries for demonyms)

Another entry point (the mediator of one event, from the dependency parse around
its trigger) returns the same {marker: status} findings for a sentence and goes
through `assign_roles` like the patterns do.
"""
from .component import MediatorRoles, make_mediators

__all__ = ["MediatorRoles", "make_mediators"]
