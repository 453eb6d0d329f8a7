"""Reader for a Bluesky account repository export (`repo.car`, Settings › Export my data).

A CAR v1 file: a varint-prefixed DAG-CBOR header naming the root commit, then blocks, each a
varint length, a CID and DAG-CBOR data (decoded with `libipld`). The blocks are streamed one
at a time; only the Merkle Search Tree nodes and the records Offduty reads (posts, the profile)
are kept, then the tree of the latest commit is walked to find each record's path
(`app.bsky.feed.post/<rkey>`), so records deleted since an older commit are not reported.
Sources point into the repository by record path: `/app.bsky.feed.post/<rkey>/text`,
`/app.bsky.actor.profile/self/description`; the file is the `.car` member.
Images are blobs stored outside the CAR, so photo metadata cannot be checked here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any

import libipld

from checks import pointer as jp
from checks.readers.base import ReadContext, Reader
from checks.readers.geo_parse import parse_time
from checks.readers.jsonstream import READ_ERRORS, as_str, reason_for
from checks.readers.jsonstream import as_bytes as _b
from checks.readers.jsonstream import as_dict as _d
from checks.readers.jsonstream import as_list as _l
from checks.readers.spec import FormatSpec, Sign
from checks.records import Audience, Item, ItemKind, Message, Platform, ProfileField, msg

MAX_BLOCK = 4 * 1024 * 1024  # records are at most 1 MB; MST nodes are small
WANTED = ("app.bsky.feed.post", "app.bsky.actor.profile")


def _s(value: object) -> str:
    return as_str(value, strip=False) if isinstance(value, str) else ""


class CarError(ValueError):
    """The CAR file is damaged; `reason` says how (a `reader.bluesky.*` code)."""

    def __init__(self, reason: Message) -> None:
        super().__init__(reason.code)
        self.reason = reason


def _varint(stream: IO[bytes]) -> int | None:
    """An unsigned LEB128 varint from the stream, or None at a clean end of file."""
    shift = 0
    result = 0
    for count in range(10):
        byte = stream.read(1)
        if not byte:
            if count == 0:
                return None
            raise CarError(msg("reader.bluesky.cut_short"))
        result |= (byte[0] & 0x7F) << shift
        if not byte[0] & 0x80:
            return result
        shift += 7
    raise CarError(msg("reader.bluesky.bad_block"))


def _varint_at(data: bytes, offset: int) -> tuple[int, int]:
    shift = 0
    result = 0
    while offset < len(data) and shift < 70:
        byte = data[offset]
        offset += 1
        result |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return result, offset
        shift += 7
    raise CarError(msg("reader.bluesky.bad_block"))


def cid_length(data: bytes) -> int:
    """Length of the binary CID at the start of a block section (CIDv0 or CIDv1)."""
    if len(data) >= 34 and data[0] == 0x12 and data[1] == 0x20:
        return 34
    _version, off = _varint_at(data, 0)
    _codec, off = _varint_at(data, off)
    _hash, off = _varint_at(data, off)
    size, off = _varint_at(data, off)
    if off + size > len(data):
        raise CarError(msg("reader.bluesky.bad_block"))
    return off + size


def read_car(stream: IO[bytes]) -> Iterator[tuple[dict[str, Any], bytes, Any]]:
    """Stream a CAR v1 file: yields (header, cid, decoded block) per block."""
    size = _varint(stream)
    if size is None or size <= 0 or size > MAX_BLOCK:
        raise CarError(msg("reader.bluesky.not_car"))
    try:
        header = libipld.decode_dag_cbor(stream.read(size))
    except (ValueError, TypeError) as exc:
        raise CarError(msg("reader.bluesky.bad_header")) from exc
    if not isinstance(header, dict) or header.get("version") != 1:
        raise CarError(msg("reader.bluesky.not_car"))
    while True:
        length = _varint(stream)
        if length is None:
            return
        if length > MAX_BLOCK:
            raise CarError(msg("reader.bluesky.bad_block"))
        data = stream.read(length)
        if len(data) < length:
            raise CarError(msg("reader.bluesky.cut_short"))
        cut = cid_length(data)
        try:
            value = libipld.decode_dag_cbor(data[cut:])
        except (ValueError, TypeError):
            value = None  # a block Offduty does not need to understand
        yield header, data[:cut], value


@dataclass
class _Repo:
    root: bytes | None = None
    commits: dict[bytes, dict[str, Any]] = field(default_factory=dict)
    nodes: dict[bytes, dict[str, Any]] = field(default_factory=dict)
    records: dict[bytes, dict[str, Any]] = field(default_factory=dict)


def _is_mst_node(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("e"), list) and "l" in value


def walk_mst(nodes: dict[bytes, dict[str, Any]], root: bytes) -> Iterator[tuple[str, bytes]]:
    """(record path, record CID) for every leaf of the tree (missing nodes are passed over)."""
    stack: list[bytes] = [root]
    seen: set[bytes] = set()
    while stack:
        cid = stack.pop()
        if cid in seen:
            continue
        seen.add(cid)
        node = nodes.get(cid)
        if node is None:
            continue
        if isinstance(node.get("l"), bytes):
            stack.append(node["l"])
        key = b""
        for entry in node.get("e") or []:
            if not isinstance(entry, dict):
                continue
            prefix = entry.get("p")
            key = key[: prefix if isinstance(prefix, int) else 0] + _b(entry.get("k"))
            if _b(entry.get("v")):
                yield key.decode("utf-8", "replace"), _b(entry.get("v"))
            if _b(entry.get("t")):
                stack.append(_b(entry.get("t")))


class BlueskyReader(Reader):
    # CAR v1: a varint length, then a DAG-CBOR map {"roots": [...], "version": 1}
    spec = FormatSpec(
        "bluesky-car", Platform.BLUESKY,
        signs=(Sign(1.0, pattern=r"\.car$", contains=(b"roots", b"version")),
               Sign(0.6, paths=("repo.car",))),
        expected_file="repo.car")

    def read(self, ctx: ReadContext) -> Iterator[Item]:
        cars = sorted(n for n in ctx.export.names() if n.lower().endswith(".car"))
        for index, name in enumerate(cars):
            ctx.cancel.raise_if_cancelled()
            yield from self._read_car(ctx, name)
            ctx.progress((index + 1) / len(cars), name)
        ctx.progress(1.0)

    def _read_car(self, ctx: ReadContext, name: str) -> Iterator[Item]:
        repo = _Repo()
        count = 0
        try:
            with ctx.export.open(name) as stream:
                for header, cid, value in read_car(stream):
                    count += 1
                    if count % 2000 == 0:
                        ctx.cancel.raise_if_cancelled()
                    if repo.root is None:
                        roots = header.get("roots")
                        repo.root = roots[0] if isinstance(roots, list) and roots and isinstance(
                            roots[0], bytes) else b""
                    if not isinstance(value, dict):
                        continue
                    if _is_mst_node(value):
                        repo.nodes[cid] = value
                    elif value.get("$type") in WANTED:
                        repo.records[cid] = value
                    elif "did" in value and "data" in value and "sig" in value:
                        repo.commits[cid] = value
        except CarError as exc:
            ctx.skip(name, exc.reason)
        except READ_ERRORS as exc:
            ctx.skip(name, reason_for(exc))
        yield from self._items(ctx, name, repo)

    def _items(self, ctx: ReadContext, name: str, repo: _Repo) -> Iterator[Item]:
        commit = repo.commits.get(repo.root or b"")
        did = _s(commit.get("did")) if commit else ""
        placed: list[tuple[str, dict[str, Any]]] = []
        if commit and _b(commit.get("data")):
            for path, cid in walk_mst(repo.nodes, _b(commit.get("data"))):
                record = repo.records.get(cid)
                if record is not None:
                    placed.append((path, record))
        else:
            if repo.records:
                ctx.note(msg("reader.bluesky.no_commit"))
            placed = [(f"{r.get('$type')}/{cid.hex()[-13:]}", r) for cid, r in repo.records.items()]
        placed.sort(key=lambda pr: pr[0])
        for path, record in placed:
            collection, _, rkey = path.partition("/")
            if record.get("$type") == "app.bsky.feed.post" and collection == "app.bsky.feed.post":
                item = self._post(ctx, name, did, rkey, record)
                if item is not None:
                    yield item
            elif record.get("$type") == "app.bsky.actor.profile":
                yield from self._profile(ctx, name, did, rkey, record)

    def _post(self, ctx: ReadContext, name: str, did: str, rkey: str, record: dict[str, Any]) -> Item | None:
        text = _s(record.get("text"))
        details: list[tuple[str, str]] = []
        for facet in _l(record.get("facets")):
            for feature in _l(_d(facet).get("features")):
                feature = _d(feature)
                if _s(feature.get("uri")):
                    details.append(("link", _s(feature.get("uri"))[:500]))
                if _s(feature.get("tag")):
                    details.append(("tag", _s(feature.get("tag"))[:100]))
        embed = _d(record.get("embed"))
        images = _l(embed.get("images")) + _l(_d(embed.get("media")).get("images"))
        for image in images:
            alt = _s(_d(image).get("alt")).strip()
            if alt:
                details.append(("alt_text", alt[:500]))
        external_uri = _s(_d(embed.get("external")).get("uri"))
        if external_uri:
            details.append(("link", external_uri[:500]))
        if images:
            details.append(("images", str(len(images))))
        langs = record.get("langs")
        if isinstance(langs, list) and langs:
            details.append(("langs", ",".join(str(lang) for lang in langs[:5])))
        if not text and not details:
            return None
        url = f"https://bsky.app/profile/{did}/post/{rkey}" if did else None
        kind = ItemKind.COMMENT if isinstance(record.get("reply"), dict) else ItemKind.POST
        return Item(self.platform, kind,
                    ctx.source(name, jp.pointer("app.bsky.feed.post", rkey, "text"),
                               parse_time(record.get("createdAt")), url),
                    text=text[:20000], audience=Audience.PUBLIC, details=tuple(details))

    def _profile(self, ctx: ReadContext, name: str, did: str, rkey: str, record: dict[str, Any]) -> Iterator[Item]:
        url = f"https://bsky.app/profile/{did}" if did else None
        for key, fld in (("displayName", ProfileField.NAME), ("description", ProfileField.BIO)):
            value = record.get(key)
            if isinstance(value, str) and value.strip():
                yield Item(self.platform, ItemKind.PROFILE_FIELD,
                           ctx.source(name, jp.pointer("app.bsky.actor.profile", rkey or "self", key), url=url),
                           text=value.strip()[:5000], field=fld, audience=Audience.PUBLIC)
