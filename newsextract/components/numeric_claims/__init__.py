"""Numeric claims: every number an article asserts, with what it counts.

For each figure (digits, written-out numbers, magnitudes, money, percentages,
ranges, vague amounts such as "dozens of") the component reads the counted noun
(`unit`: "police officer"; from a partitive, "21 of the schoolgirls"; or, where
the noun is left out, "30 others", from the nearest earlier claim), the
qualifier ("at least"), the category (KILLED, RELEASED, MONEY ... from the
governing predicate, then the noun's own modifiers, then the noun), the
modifiers that name who is counted ("63 Russian servicemen", linked to
`doc._.ne_entities`), and flags: in a quotation, negated, hypothetical,
distributive ("50 prisoners each").

Figures that are not claims are dropped: dates, times, durations, ages,
ordinals, numbers inside names and designations ("2S7", "Resolution 242"),
phone numbers, hyphenated measures that describe ("7.8-magnitude"), and
sentences repeated word for word. Captions and page chrome (regions marked by
the cleaner) give no claims unless `keep_captions=True`; "no casualties" is a
claim (value 0, negated) only with `zero_claims=True`. A range ("between 20 and
30") is two claims, its low end (qualifier "at_least") and its high end
("at_most"), both with `low`/`high` set.

Modules, in the order a figure goes through them:
  numbers      figures in raw text and their value (NumberReader, Amount)
  candidates   which figures can be claims
  units        the counted noun (Reading); lemmas: singular forms
  governors    the predicate over the noun in the parse
  categories   the category from that predicate, the noun's modifiers, the noun
  subjects     the antecedent of a left-out noun; entities named by modifiers
  qualifiers   "at least", "nearly", "or more"
  modality     negated, hypothetical
  article      one article's claims (the per-Doc state)
  component    the spaCy factory, config, to_disk/from_disk
  tables       the typed tables (numbers.json, numeric_*.json); lexicon: compiled
"""
from .component import NumericClaims, make_numeric_claims

__all__ = ["NumericClaims", "make_numeric_claims"]
