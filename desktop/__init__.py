"""Offduty's desktop app: a guided, private audit in a window, over the same `checks.audit()`."""
