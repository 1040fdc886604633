"""Countries, places and organizations in `models/`, and finding their names in text.

    gaz = load_gazetteer()
    gaz.lookup("Georgia")        # every reading, most likely first: Entry(record=Country(...)), ...
    gaz.country("U.S.")          # Country(iso2="US", ...)
    gaz.demonyms.country("Swiss")  # "CH" (the shared demonym table, newsextract.text.demonyms)
    gaz.scan(doc)                # the longest names in a Doc, left to right

  records  Country, Place, Organization; Entry (one reading of a name) and its rank
  tables   the typed data files, read from models/ or a folder, and written back
  index    the Gazetteer: names by key, lookups, scanning a Doc

Names are compared on `newsextract.text.names.name_key` ("U.S." and "US",
"Côte d'Ivoire" and "Cote d'Ivoire" share a key).
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Union

from ..text.tables import build_once_packaged
# untyped reading of a packaged table, still imported by components not yet on
# newsextract.text.tables.load_table; to be removed when none does
from ..text.tables import read_json as read_model_json
from .index import Gazetteer, written_in_capitals
from .records import Country, Entry, Match, Organization, Place, Record
from .tables import GazetteerTables, read_gazetteer_tables, write_gazetteer_tables

__all__ = [
    "Country", "Entry", "Gazetteer", "GazetteerTables", "Match", "Organization", "Place", "Record",
    "load_gazetteer", "read_gazetteer_tables", "read_model_json", "write_gazetteer_tables", "written_in_capitals",
]


def build_gazetteer(folder: Optional[Union[str, Path]] = None) -> Gazetteer:
    """A gazetteer built anew from the files in `folder` (None: the packaged `models/`)."""
    return Gazetteer(read_gazetteer_tables(folder))


def load_gazetteer(folder: Optional[Union[str, Path]] = None) -> Gazetteer:
    """The gazetteer of the packaged `models/` (built once per process), or of the
    gazetteer files in `folder`."""
    return build_once_packaged(build_gazetteer, folder)
