"""Precision checks and gates: the tests that drop a candidate which names an act without reporting it, a noun in passing, a victim as doer, a doer that is no political actor."""
