"""Where "Open" takes a profile field or a setting: the platform's own page to fix it, never a third party."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlsplit

import pytest

from checks.assess.advice import item_link
from checks.records import ItemKind, Platform, Source
from tests.advice.factory import finding

# Each platform's own hosts (Threads moved from threads.net to threads.com in 2025).
OWN_HOSTS = {
    Platform.X: {"x.com"}, Platform.INSTAGRAM: {"www.instagram.com"}, Platform.STRAVA: {"www.strava.com"},
    Platform.LINKEDIN: {"www.linkedin.com"}, Platform.FACEBOOK: {"www.facebook.com"},
    Platform.THREADS: {"www.threads.com"}, Platform.REDDIT: {"www.reddit.com"},
    Platform.YOUTUBE: {"www.youtube.com", "studio.youtube.com"}, Platform.TIKTOK: {"www.tiktok.com"},
    Platform.BLUESKY: {"bsky.app"}, Platform.SNAPCHAT: {"accounts.snapchat.com"},
    Platform.GOOGLE: {"myaccount.google.com", "myactivity.google.com"},
}


def _link(platform: Platform, kind: ItemKind) -> str | None:
    return item_link(replace(finding(1, platform=platform, kind=kind), source=Source(0, "export.json", "/0")))


@pytest.mark.parametrize("kind", [ItemKind.PROFILE_FIELD, ItemKind.SETTING])
@pytest.mark.parametrize("platform", list(Platform))
def test_a_page_to_fix_it_is_on_the_platforms_own_site(platform: Platform, kind: ItemKind) -> None:
    link = _link(platform, kind)
    if link is not None:
        parts = urlsplit(link)
        assert parts.scheme == "https" and parts.hostname in OWN_HOSTS[platform], link


@pytest.mark.parametrize(("platform", "kind", "page"), [
    (Platform.THREADS, ItemKind.SETTING, "https://www.threads.com/settings/privacy"),
    (Platform.REDDIT, ItemKind.SETTING, "https://www.reddit.com/settings/privacy"),
    (Platform.REDDIT, ItemKind.PROFILE_FIELD, "https://www.reddit.com/settings/profile"),
    (Platform.YOUTUBE, ItemKind.SETTING, "https://www.youtube.com/account_advanced"),
    (Platform.YOUTUBE, ItemKind.PROFILE_FIELD, "https://studio.youtube.com/"),
    (Platform.TIKTOK, ItemKind.SETTING, "https://www.tiktok.com/setting"),
    (Platform.BLUESKY, ItemKind.SETTING, "https://bsky.app/settings/privacy-and-security"),
    (Platform.SNAPCHAT, ItemKind.PROFILE_FIELD, "https://accounts.snapchat.com/"),
    (Platform.GOOGLE, ItemKind.PROFILE_FIELD, "https://myaccount.google.com/profile"),
    (Platform.X, ItemKind.SETTING, "https://x.com/settings/privacy_and_safety"),
    (Platform.INSTAGRAM, ItemKind.SETTING, "https://www.instagram.com/accounts/privacy_setting/"),
])
def test_the_new_platforms_open_the_exact_page(platform: Platform, kind: ItemKind, page: str) -> None:
    assert _link(platform, kind) == page


def test_no_page_where_there_is_no_stable_address() -> None:
    assert _link(Platform.MASTODON, ItemKind.SETTING) is None  # each server has its own address
    assert _link(Platform.THREADS, ItemKind.PROFILE_FIELD) is None  # edited in a dialog on the profile
    assert _link(Platform.REDDIT, ItemKind.POST) is None  # an item without its own address
