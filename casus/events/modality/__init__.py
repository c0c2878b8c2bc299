"""Modality and mode codes: whether an act is asserted, intended, hypothetical, negated, requested or demanded, and the CAMEO code each mode prescribes instead of the act's own."""
