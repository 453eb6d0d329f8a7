"""Builder of Bluesky repository exports (`repo.car`): CAR v1 with DAG-CBOR records and an MST.

Writes what `com.atproto.sync.getRepo` returns: a header naming the signed commit, the commit
(`did`, `data` = MST root, `sig`), Merkle Search Tree nodes (`l`, `e` entries with prefix-
compressed keys `k`, `p`, values `v`, subtrees `t`) and the records, each block addressed by a
CIDv1 (dag-cbor, sha-256). The tree here is a single node (valid for small repositories) or two
levels when asked. Invented people only.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import libipld

from tests.builders._zipped import write_folder


def cid_for(data: bytes) -> bytes:
    return b"\x01\x71\x12\x20" + hashlib.sha256(data).digest()


def varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


@dataclass
class Repo:
    did: str = "did:plc:inventedinventedinvented"
    display_name: str = "Invented Person"
    description: str = "Likes walks."
    posts: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)  # (rkey, text, extra)
    follows: int = 3
    stale_posts: list[tuple[str, str]] = field(default_factory=list)  # blocks not in the current tree
    split_tree: bool = False

    def car(self) -> bytes:
        blocks: list[tuple[bytes, bytes]] = []

        def add(value: Any) -> bytes:
            data = libipld.encode_dag_cbor(value)
            cid = cid_for(data)
            blocks.append((cid, data))
            return cid

        entries: list[tuple[str, bytes]] = []
        profile = {"$type": "app.bsky.actor.profile", "displayName": self.display_name,
                   "description": self.description}
        entries.append(("app.bsky.actor.profile/self", add(profile)))
        for rkey, text, extra in self.posts:
            record = {"$type": "app.bsky.feed.post", "text": text, "createdAt": extra.pop("createdAt",
                      "2024-05-01T10:00:00.000Z"), "langs": ["en"], **extra}
            entries.append((f"app.bsky.feed.post/{rkey}", add(record)))
        for i in range(self.follows):
            follow = {"$type": "app.bsky.graph.follow", "subject": f"did:plc:other{i}",
                      "createdAt": "2024-01-01T00:00:00Z"}
            entries.append((f"app.bsky.graph.follow/3kfollow{i:05d}", add(follow)))
        for rkey, text in self.stale_posts:
            add({"$type": "app.bsky.feed.post", "text": text, "createdAt": "2023-01-01T00:00:00Z", "_rkey": rkey})
        entries.sort()
        if self.split_tree and len(entries) > 2:
            half = len(entries) // 2
            right = add(_node(entries[half + 1:], None))
            left = add(_node(entries[:half], None))
            root = add(_node([entries[half]], left, right))
        else:
            root = add(_node(entries, None))
        commit = add({"did": self.did, "version": 3, "data": root, "rev": "3kinvented", "prev": None,
                      "sig": b"\x00" * 64})
        header = libipld.encode_dag_cbor({"version": 1, "roots": [commit]})
        out = bytearray(varint(len(header)) + header)
        for cid, data in reversed(blocks):
            out += varint(len(cid) + len(data)) + cid + data
        return bytes(out)


def _node(entries: list[tuple[str, bytes]], left: bytes | None, right: bytes | None = None) -> dict[str, Any]:
    out = []
    previous = b""
    for index, (key, value) in enumerate(entries):
        raw = key.encode()
        prefix = 0
        while prefix < min(len(raw), len(previous)) and raw[prefix] == previous[prefix]:
            prefix += 1
        subtree = right if right is not None and index == len(entries) - 1 else None
        out.append({"k": raw[prefix:], "p": prefix, "t": subtree, "v": value})
        previous = raw
    return {"l": left, "e": out}


def _demo_repo(persona: Any) -> Repo:
    return Repo(did="did:plc:rhiokbdemo0000000000000", display_name=persona.first_name,
                description="Runner. Baker. Forest Hill born and bred.",
                posts=[("3kdemo0000001", "Hilly Fields parkrun PB this morning!",
                        {"createdAt": "2026-06-06T10:02:00.000Z"}),
                       ("3kdemo0000002",
                        f"Night shift at {persona.station} police station again. Coffee is a food group.",
                        {"createdAt": "2026-07-14T03:15:00.000Z"})])


def build_demo_bluesky(dest_dir: Path, persona: Any = None) -> Path:
    from scripts.make_demo import PERSONA

    return write_folder({"repo.car": _demo_repo(persona or PERSONA).car()}, dest_dir / "bluesky")


def build_demo(out: Path, persona: Any, truth: Any) -> list[Path]:
    """make_demo.py plug-in: the Bluesky repo.car; a post naming the station on a night shift."""
    name = "repo.car"
    path = out / name
    out.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_demo_repo(persona).car())
    truth.export(name, "bluesky", "Bluesky repository of the invented officer")
    truth.plant(export=name, platform="bluesky", category="employer_disclosure", file="repo.car",
                pointer="/app.bsky.feed.post/3kdemo0000002/text", what="station named in a post about shifts",
                timestamp=datetime(2026, 7, 14, 3, 15, tzinfo=UTC))
    return [path]
