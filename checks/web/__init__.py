"""The public-profile check: what a logged-out stranger sees (the only network use)."""
