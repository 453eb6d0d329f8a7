"""Builders of synthetic exports in the real platforms' structures (invented people only)."""
