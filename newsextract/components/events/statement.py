"""STATEMENT events, kept conservative: the headline's (or first sentence's) main
verb is a statement verb of a named speaker, and it does not just report another event."""
from __future__ import annotations

from types import SimpleNamespace
from typing import Optional

from spacy.tokens import Token

from ...text.dates import resolve_mention
from .article import ArticleEvents
from .rules import TriggerRule
from .mentions import Cluster, Mention
from .modality import modal_children

_STATEMENT_RULE = TriggerRule(type="STATEMENT", pos=frozenset())


def _speaker(art: ArticleEvents, root: Token):
    """The named subject of the statement verb: an entity, or a named group that is
    no entity of its own ('the Colombian bishops')."""
    tree = art.tree
    speaker = None
    for c in tree.children(root):
        if c.dep_ in ("nsubj", "nsubjpass"):
            speaker = next((art.entity_at[t.i] for t in tree.subtree(c) if t.i in art.entity_at), None)
            if speaker is None and c.pos_ in ("NOUN", "PROPN") and c.tag_ in ("NNS", "NNPS"):
                words = sorted((t for t in tree.subtree(c) if t.dep_ not in ("det", "punct")), key=lambda t: t.i)
                if any(t.text[:1].isupper() for t in words) and len(words) <= 4:
                    name = " ".join(t.text for t in words)
                    speaker = SimpleNamespace(id="~" + name, name=name, type="ORGANIZATION", roles=[])
    return speaker


def statement(art: ArticleEvents) -> Optional[Cluster]:
    """The lede's statement, if it is one (see the module docstring)."""
    lex, tree = art.lex, art.tree
    if not art.lede:
        return None
    # the first sentence of the lede that is a clause (not a byline or a label)
    si = next((i for i in sorted(art.lede) if art.sents[i].root.pos_ in ("VERB", "AUX")), min(art.lede))
    root = art.sents[si].root
    lemma = next((f for f in lex.verb_forms(root.lemma_.lower(), root.lower_) if f in lex.statement_verbs), None)
    if lemma is None or root.pos_ not in ("VERB", "AUX", "PROPN", "NOUN"):
        return None
    speaker = _speaker(art, root)
    if speaker is None:
        return None
    if lemma in lex.statement_reporting:
        return None
    told = [c for c in tree.children(root) if c.dep_ in ("ccomp", "xcomp")]
    told += [c for c in tree.children(root) if c.dep_ == "dobj" and (lex.rules.get(c.lemma_.lower()) or c.lower_ in lex.rules)]
    if not told:
        return None  # 'X welcomed his counterparts': hosting, not a statement
    m = Mention("STATEMENT", root, si, _STATEMENT_RULE, lex.cameo.get("STATEMENT"), lede=True)
    m.participants = [(0, speaker)]
    m.modality = "asserted" if not modal_children(art, root, first=False) else "negated"
    for d, _ in art.sent_dates.get(si, ()):
        iso = resolve_mention(d, art.published)
        if iso and not d.is_bound:
            m.dates.append((d, iso))
    return Cluster("STATEMENT", m.modality, [m])
