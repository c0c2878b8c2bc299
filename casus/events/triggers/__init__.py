"""Triggers and the lexicon: which words and constructions name an event, and with which CAMEO code; the learned detector that proposes triggers the lexicon does not know."""
