"""Places: an offline gazetteer and the choice of each event's location."""

from eventwire.places.gazetteer import Gazetteer, GazetteerDataError, load_fips, normalize

__all__ = ["Gazetteer", "GazetteerDataError", "load_fips", "normalize"]
