"""The registry's declarations: every format that reads one main file names it (the sentence for a
recognised export that gave nothing says which file was expected), and it is a file the real
layout holds (here: the builders, which copy the real layouts)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from checks.readers import FORMATS
from tests.builders.facebook import FacebookExport
from tests.builders.instagram import InstagramExport
from tests.builders.linkedin import LinkedInExport
from tests.builders.mastodon import MastodonArchive
from tests.builders.reddit import RedditExport
from tests.builders.snapchat import SnapExport
from tests.builders.strava import StravaExport
from tests.builders.threads import ThreadsExport
from tests.builders.tiktok import TikTokExport
from tests.builders.x import XArchive
from tests.builders.youtube import YouTubeTakeout

BUILT: dict[str, Callable[[], dict[str, bytes]]] = {
    "x-archive": lambda: XArchive().files(),
    "facebook": lambda: FacebookExport().files(),
    "facebook-2019": lambda: FacebookExport(layout="pre2024").files(),
    "mastodon": lambda: MastodonArchive().files(),
    "instagram": lambda: InstagramExport().files(),
    "threads": lambda: ThreadsExport().files(),
    "linkedin-csv": lambda: LinkedInExport().files(),
    "tiktok": lambda: TikTokExport().files(),
    "snapchat": lambda: SnapExport().files(),
    "strava": lambda: StravaExport().files(),
    "reddit-csv": lambda: RedditExport().files(),
    "youtube": lambda: YouTubeTakeout().files(),
}


def test_every_format_but_photos_and_html_variants_names_its_file() -> None:
    without = {k for k, spec in FORMATS.items() if spec.expected_file is None}
    assert without == {"photos"} | {k for k, spec in FORMATS.items() if spec.variant_of}


@pytest.mark.parametrize("format_id", sorted(BUILT))
def test_the_expected_file_is_in_the_real_layout(format_id: str) -> None:
    expected = FORMATS[format_id.split("-2019")[0]].expected_file
    assert expected is not None
    names = [n.lower() for n in BUILT[format_id]()]
    assert any(n == expected.lower() or n.endswith("/" + expected.lower()) for n in names), (expected, names[:8])


def test_the_pipeline_names_the_declared_file_never_a_sign_path(monkeypatch: pytest.MonkeyPatch) -> None:
    from dataclasses import replace

    from checks import pipeline

    spec = FORMATS["x-archive"]
    assert spec.signs[0].paths[0] == "data/manifest.js"  # what recognition looks at first is not the data
    assert pipeline.expected_file("x-archive") == "data/tweets.js"
    monkeypatch.setitem(FORMATS, "x-archive", replace(spec, expected_file="elsewhere/tweets.js"))
    assert pipeline.expected_file("x-archive") == "elsewhere/tweets.js"
    monkeypatch.setitem(FORMATS, "x-archive", replace(spec, expected_file=None))
    assert pipeline.expected_file("x-archive") is None  # no guess from the recognition signs
    assert pipeline.expected_file("no-such-format") is None
