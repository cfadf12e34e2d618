"""Temporal stage: TIMEX3 tagging and normalization, and event date anchoring."""
