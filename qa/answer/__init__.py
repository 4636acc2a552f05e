"""Ranked passages become a cited answer, a table across reports, or an honest refusal."""
