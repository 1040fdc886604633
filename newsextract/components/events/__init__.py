"""The events component (`newsextract_events`): typed event records from triggers,
their arguments, modality and merging. Importing the package registers the factory."""
from .component import EventExtractor, extract_events, make_events

__all__ = ["EventExtractor", "extract_events", "make_events"]
