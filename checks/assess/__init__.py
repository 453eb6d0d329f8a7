"""From detections to a report: merging into findings, cross-checks, the score, the advice."""
