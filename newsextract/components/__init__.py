"""newsextract's spaCy components, one subpackage per stage."""
