"""Bluesky repo.car reader: streamed CAR v1 blocks, MST walk to record paths, posts and profile."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks.readers.bluesky import CarError, read_car
from checks.records import Audience, ItemKind, Platform, ProfileField
from tests.builders._zipped import write_folder
from tests.builders.bluesky import Repo, build_demo_bluesky
from tests.readers._util import codes, read_export, read_with


def repo(split: bool = False) -> Repo:
    return Repo(posts=[
        ("3kaaaa0000001", "First post from an invented person", {"createdAt": "2024-05-01T10:00:00.000Z"}),
        ("3kaaaa0000002", "Replying", {"createdAt": "2024-05-02T11:30:00.000Z",
                                       "reply": {"root": {"uri": "at://x", "cid": "y"}, "parent": {"uri": "at://x",
                                                                                                   "cid": "y"}}}),
        ("3kaaaa0000003", "Look at this", {"createdAt": "2024-05-03T12:00:00Z",
                                           "facets": [{"index": {"byteStart": 0, "byteEnd": 4}, "features": [
                                               {"$type": "app.bsky.richtext.facet#link", "uri": "https://example.org"}]}],
                                           "embed": {"$type": "app.bsky.embed.images", "images": [
                                               {"alt": "my dog in the park", "image": None}]}}),
    ], stale_posts=[("3kdeleted0001", "deleted long ago")], split_tree=split)


@pytest.mark.parametrize("split", [False, True])
def test_posts_profile_and_paths(tmp_path: Path, split: bool) -> None:
    folder = write_folder({"repo.car": repo(split).car()}, tmp_path / "bsky")
    items, ctx = read_export(folder / "repo.car", "bluesky-car")
    assert all(i.platform is Platform.BLUESKY for i in items)
    posts = [i for i in items if i.kind in (ItemKind.POST, ItemKind.COMMENT)]
    assert [p.source.pointer for p in posts] == [f"/app.bsky.feed.post/3kaaaa000000{n}/text" for n in (1, 2, 3)]
    assert "deleted long ago" not in {p.text for p in posts}  # not in the current tree
    assert posts[0].text == "First post from an invented person" and posts[0].audience is Audience.PUBLIC
    assert posts[0].source.timestamp is not None
    assert posts[0].source.timestamp.isoformat() == "2024-05-01T10:00:00+00:00"
    assert posts[0].source.url == "https://bsky.app/profile/did:plc:inventedinventedinvented/post/3kaaaa0000001"
    assert posts[1].kind is ItemKind.COMMENT
    assert posts[2].detail("link") == "https://example.org" and posts[2].detail("alt_text") == "my dog in the park"
    bio = next(i for i in items if i.field is ProfileField.BIO)
    assert bio.source.pointer == "/app.bsky.actor.profile/self/description" and bio.text == "Likes walks."
    assert not ctx.skipped


def test_truncated_car_is_skipped_with_message(tmp_path: Path) -> None:
    data = repo().car()
    target = tmp_path / "repo.car"
    target.write_bytes(data[: len(data) - 50])
    items, ctx = read_export(target, "bluesky-car")
    assert codes(ctx)[:1] == ["reader.bluesky.cut_short"]
    assert isinstance(items, list)


def test_not_a_car() -> None:
    with pytest.raises(CarError):
        list(read_car(io.BytesIO(b"\x05hello world")))


def test_demo(tmp_path: Path) -> None:
    folder = build_demo_bluesky(tmp_path)
    items, _ = read_export(folder / "repo.car", "bluesky-car")
    assert any("Lewisham" in i.text for i in items)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pos=st.integers(min_value=0, max_value=2000), junk=st.binary(min_size=1, max_size=12))
def test_fuzz_never_raises(tmp_path: Path, pos: int, junk: bytes) -> None:
    data = bytearray(repo().car())
    data[pos:pos + len(junk)] = junk
    target = tmp_path / "repo.car"
    target.write_bytes(bytes(data))
    read_with("bluesky-car", target)


def test_shared_samples(shared_samples: Path) -> None:
    car = shared_samples / "bluesky" / "bluesky-social__indigo" / "testing" / "testdata" / "fakermaker.repo.car"
    if not car.is_file():
        pytest.skip("sample absent")
    items, ctx = read_export(car, "bluesky-car")
    assert not ctx.skipped
    assert any(i.field is ProfileField.NAME and i.text for i in items)
    posts = [i for i in items if i.kind in (ItemKind.POST, ItemKind.COMMENT)]
    assert posts and all(p.source.pointer.startswith("/app.bsky.feed.post/") for p in posts)
    assert all(p.source.timestamp is not None for p in posts)
