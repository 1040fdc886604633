"""Documents as speakers: the words of a document's own phrase that name its author
('Hamas's statement', 'a letter from the minister', 'a statement issued by X').
Who those words stand for is read by `speakers`."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from .phrases import children, next_nominal
from .state import DocState


def owner_token(st: DocState, head: Token) -> Optional[Token]:
    """The head of the phrase naming the author of the document `head`, or None."""
    doc, lex = st.doc, st.lex
    if head.i + 2 < len(doc) and doc[head.i + 1].lower_ in lex.owner_direct and \
            not any(c.dep_ == "prep" for c in children(head)):
        # "read a statement from Hamas", the 'from' phrase attached elsewhere by the parser
        obj = next_nominal(doc, head.i + 2)
        if obj is not None and obj.lemma_.lower() not in lex.document_heads:
            return obj
    for c in children(head):
        if c.dep_ == "poss" and c.lower_ not in lex.possessive:
            return c
        if c.dep_ == "prep" and c.lower_ in lex.owner_attached:
            obj = next((x for x in children(c) if x.dep_ == "pobj"), None)
            if obj is not None and obj.lemma_.lower() not in lex.document_heads:
                return obj
        if c.dep_ == "acl" and c.tag_ == "VBN":
            # "a statement issued by X", "a letter signed by X"
            agent = next((x for x in children(c) if x.dep_ == "agent"), None)
            obj = next((x for x in children(agent) if x.dep_ == "pobj"), None) if agent is not None else None
            if obj is not None:
                return obj
    return None
