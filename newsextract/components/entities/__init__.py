"""Entities: typing and correcting the base model's spans, and resolving them
within the article (the MEDIATOR role is the next component's,
newsextract.components.mediators).

One article's way through `EntityRecognizer.__call__`:
  1. candidates   the model's spans (GPE/LOC/FAC/ORG/PERSON), repaired (repair.py):
                  split at commas and line breaks, titles cut off ("President X"),
                  split names joined ("Ursula von" + "der Leyen"), "Donetsk
                  region" extended, org + person run-ons split; plus gazetteer
                  names the model missed, numbered military units (units.py) and,
                  in a sports story, the teams and players of its tables
                  (sports.py); minus chrome, bylines, Title-Case headline words,
                  storm and treaty names, dates and non-entities (candidates.py)
  2. typing       gazetteer + context: COUNTRY, PLACE, ORGANIZATION, PERSON, with
                  a confidence and the other readings of ambiguous names
                  (classify.py); then what the rest of the article says: a
                  surname taken for a place, a name repeated untagged (retyping.py)
  3. references   phrases that name a country without its name: its government
                  ("the Swiss government"), its capital used for it ("Moscow
                  said"), a description ("the Gulf country") (references.py);
                  government bodies ("Russia's defence ministry") and generic
                  mentions of them ("the ministry") (bodies.py)
  4. resolution   one Entity per real entity: people by name parts (people.py),
                  countries by ISO code, organizations by acronym and body,
                  places by record (resolution.py); names and attributes
                  (building.py)
  5. locating     PLACE entities the gazetteer did not locate: a GeoNames town of
                  the article's countries (locating.py, newsextract.gazetteer.geocoder)

Tables: the kernel's people tables (models/people.json, people_given_names.json), entities_bodies.json, entities_context.json,
entities_sports.json and the gazetteer (newsextract.gazetteer), read from the `tables_path` config
(None: the packaged ones) and written by `to_disk`.
"""
from .component import EntityRecognizer, make_entities

__all__ = ["EntityRecognizer", "make_entities"]
