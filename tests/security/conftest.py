"""Security tests' setup: an in-memory keyring, fast scrypt, and reports with planted evidence."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import UTC, datetime

import keyring
import pytest
from keyring.backend import KeyringBackend

from checks.records import (
    Audience,
    Category,
    ChecklistEntry,
    Finding,
    InputSummary,
    ItemKind,
    Message,
    Place,
    Platform,
    Report,
    Score,
    ScoreDriver,
    Severity,
    Skipped,
    Source,
)
from checks.store import vault


@contextlib.contextmanager
def raises_code(kind: type[BaseException], code: str, **values: object) -> Iterator[pytest.ExceptionInfo]:  # type: ignore[type-arg]
    """Like `pytest.raises(kind)`, and the error's Message has this code (and these values)."""
    with pytest.raises(kind) as raised:
        yield raised
    message = getattr(raised.value, "message", None)
    assert isinstance(message, Message) and message.code == code, message
    for name, value in values.items():
        assert message.value(name) == value, (name, message)


# invented: a street that does not exist, a reserved Ofcom drama number, a made-up postcode
PLANTED = "42 Quillbrook Close"
PLANTED_PHONE = "07700 900461"


class MemoryKeyring(KeyringBackend):
    """A keyring kept in this process only (stands in for the OS keyring in unit tests)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        del self.store[(service, username)]


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(before)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    from keyring.backends.fail import Keyring as FailKeyring

    before = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    try:
        yield
    finally:
        keyring.set_keyring(before)


@pytest.fixture(autouse=True)
def _fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    """scrypt n=2^10 in tests (the header records n; one test checks the real default)."""
    monkeypatch.setattr(vault, "SCRYPT_LOG2_N", 10)
    monkeypatch.delenv("OFFDUTY_PASSPHRASE", raising=False)  # read by the command line only


def make_report(findings: int = 3, evidence: str = PLANTED) -> Report:
    """A report shaped like a real audit's, with `evidence` in every finding."""
    when = datetime(2026, 3, 14, 18, 2, 11, tzinfo=UTC)
    found = []
    for n in range(findings):
        text = f"Finally moved in! {evidence}, come round Saturday (no. {n})"
        start = text.index(evidence)
        found.append(Finding(
            id=f"home_address:{n:04x}", detector="home_address", category=Category.HOME_ADDRESS,
            severity=Severity.HIGH, confidence=0.92, title="Your home address in a post",
            reason="A street address with a house number, posted publicly.", evidence=text,
            platform=Platform.X, source=Source(0, "data/tweets.js", f"/{n}/tweet/full_text", when),
            related=(Source(0, "data/tweets.js", f"/{n + 7}/tweet/full_text", when, "https://x.com/i/1"),),
            place=Place(51.372101, -0.098765, 150.0, "near Croydon"), advice=("x.delete_posts",),
            item_kind=ItemKind.POST, audience=Audience.PUBLIC, key=f"addr{n}",
            span=(start, start + len(evidence)),
        ))
    return Report(
        tool_version="0.1.0", generated_at=when,
        inputs=(InputSummary("twitter-2026.zip", Platform.X, "x_archive", 120,
                             (Skipped("data/odd.js", "not valid JSON"),), True, "", 123456, "2026-11-01"),),
        findings=tuple(found),
        score=Score(71, "high", (ScoreDriver("Your home address appears in 3 places", 40.0, Category.HOME_ADDRESS),)),
        checklist=(ChecklistEntry("x.delete_posts", "x", "Delete posts with your address", "Anyone can read them.",
                                  ("Open the post", "Delete"), tuple(f.id for f in found), "https://help.x.com",
                                  "2026-10", priority=3.5, web_steps=("Go to x.com",)),),
        notes=("a note",),
    )
