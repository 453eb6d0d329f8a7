"""Tests of the detectors, the word-list matcher and the labelled corpus."""
