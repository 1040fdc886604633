"""Looking up entities in a component's output, for the component tests."""
from __future__ import annotations


def find(entities, name):
    """The entity whose name, alias or mention is `name`."""
    for e in entities:
        if name == e.name or name in e.aliases or any(m.text == name for m in e.mentions):
            return e
    return None


def typed(entities):
    return {(e.name, e.type) for e in entities}
