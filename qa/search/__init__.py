"""A question becomes one Query (read, routed, embedded) and ranked passages; follow-ups are resolved here."""
