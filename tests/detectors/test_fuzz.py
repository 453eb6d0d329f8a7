"""Any text at all: the detectors never raise, and every span points inside its evidence."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checks.records import ItemKind, ProfileField
from tests.detectors.conftest import make_field, make_post, run_all

PIECES = st.sampled_from([
    "14 Larkspur Close", "SE13 7PH", "the Met", "PC", "I'm a", "my son", "Harry", "34 today", "07700 900123",
    "Op Trident", "raid", "scum", "every Saturday", "house empty", "’s", "-", "#policefamily", "\n", ".", "!",
    "Ex-", "(6)", "@gmail.com", "born 1 May 1980", "AB12 CDE", "reg", "🙂", "İ", "\u00a0",
])
TEXTS = st.one_of(st.text(max_size=300), st.lists(PIECES, max_size=25).map(" ".join),
                  st.lists(PIECES, max_size=25).map("".join))


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.sampled_from([ItemKind.POST, ItemKind.COMMENT, ItemKind.MESSAGE, ItemKind.PHOTO]))
def test_posts_never_crash_and_spans_are_inside(text: str, kind: ItemKind) -> None:
    for det in run_all(make_post(text, kind=kind)):
        assert det.span is not None
        assert 0 <= det.span[0] < det.span[1] <= len(det.evidence)
        assert det.reason and det.key


@settings(max_examples=100, deadline=None)
@given(TEXTS, st.sampled_from(list(ProfileField)))
def test_profile_fields_never_crash(text: str, field: ProfileField) -> None:
    for det in run_all(make_field(field, text)):
        assert det.span is None or det.span[0] <= det.span[1] <= len(det.evidence)
