"""Ranking and confidence: the learnt re-ranker, the event filter whose probability is an event's confidence on real news, and the relevance model of political text."""
