"""Places: the GeoNames gazetteer index and toponym resolution."""
from casus.places.gazetteer import Candidate, Gazetteer
from casus.places.resolve import PlaceResolver, Weights

__all__ = ["Candidate", "Gazetteer", "PlaceResolver", "Weights"]
