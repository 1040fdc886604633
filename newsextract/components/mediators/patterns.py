"""The pattern entry point: which entities one sentence says mediate, from the
regex table over the masked sentence, each "actual" or "proposed" (a future or
an offer: "Turkey offered to mediate", "talks to be hosted by Qatar")."""
from __future__ import annotations

import re
from typing import Optional

from .article import MARKER, MediatorArticle
from .tables import MediatorRules

ACTUAL, PROPOSED = "actual", "proposed"


def sentence_mediators(art: MediatorArticle, rules: MediatorRules, sent) -> tuple[dict[str, str], dict]:
    """{marker: status} for the mediators the sentence names (a marker is an
    entity id or D:ISO for a demonym), and where the demonyms are."""
    text = sent.text
    if not rules.prefilter.search(text) or rules.excludes.search(text):
        return {}, {}
    if art.wholly_excluded(sent.start_char, sent.end_char):
        return {}, {}
    masked, demonyms = art.masked(sent)
    found: dict[str, str] = {}
    for pattern in rules.patterns:
        if pattern.requires is not None and not pattern.requires.search(text):
            continue
        for m in pattern.regex.finditer(masked):
            status = PROPOSED if _future(rules, masked, m, pattern.verb_group) else ACTUAL
            for gname in ("m", "m2"):
                if gname in pattern.regex.groupindex and m.group(gname):
                    for mk in MARKER.findall(m.group(gname)):
                        if found.get(mk) != ACTUAL:
                            found[mk] = status
    return found, demonyms


def _future(rules: MediatorRules, masked: str, m: re.Match, verb_group: Optional[str]) -> bool:
    if verb_group == "between":
        return bool(rules.future.search(masked[m.end("m"):m.end(0)]))
    if verb_group == "before":  # "talks to be hosted by", "will be brokered by"
        return bool(rules.passive_future.search(" ".join(masked[:m.start(0)].split()[-3:])))
    return False
