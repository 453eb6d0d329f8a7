"""Reports with known evidence strings, for checking that printed outputs never leak them."""

from __future__ import annotations

import pytest

from checks.records import Audience, Category, ItemKind, Platform, Report, Severity
from tests.advice.factory import finding, report

ADDRESS = "42 Laburnum Close"
PHONE = "07700 900123"
CHILD = "Maisie Thornbury"
URL = "https://x.com/i/status/1763990011223344556"
SECRETS = (ADDRESS, PHONE, CHILD, "Laburnum", "900123", "Thornbury")


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


@pytest.fixture
def leaky_report() -> Report:
    post = f"moving into {ADDRESS} tomorrow, ring {PHONE} if lost"
    kid = f"{CHILD} starts at St Ann's on Monday <script>alert(1)</script>"
    findings = [
        finding(1, evidence=post, span=_span(post, ADDRESS), url=URL, pointer="/41/tweet/full_text"),
        finding(2, category=Category.IDENTITY_DETAILS, detector="identity_details", evidence=post,
                url=URL, pointer="/41/tweet/full_text",
                span=_span(post, PHONE), title="Phone number in a public post"),
        finding(3, category=Category.FAMILY_DETAILS, detector="family_details", evidence=kid,
                span=_span(kid, CHILD), platform=Platform.FACEBOOK, audience=Audience.FRIENDS,
                title="A child named in a post"),
        finding(4, category=Category.ACCOUNT_EXPOSURE, detector="account_exposure", platform=Platform.INSTAGRAM,
                kind=ItemKind.SETTING, evidence="private account: false", span=(17, 22),
                key="setting:private_account", severity=Severity.MEDIUM, title="Your Instagram account is public"),
    ]
    return report(findings, {"strava.privacy_zones": "1"})
