"""Hand-built hostile zips (research perf-reliability-anchors §6 and Appendix B constructions).

Each function writes one zip into a folder and returns its path. Built byte by byte with
`struct`, because `zipfile` refuses to write most of these.
"""

from __future__ import annotations

import stat
import struct
import zipfile
import zlib
from pathlib import Path


def local_header(name: bytes, data: bytes, method: int = 0, crc: int | None = None, csize: int | None = None,
                 usize: int | None = None, flags: int = 0) -> bytes:
    crc = zlib.crc32(data) if crc is None else crc
    return struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, flags, method, 0, 0, crc,
                       len(data) if csize is None else csize, len(data) if usize is None else usize,
                       len(name), 0) + name


def central_entry(name: bytes, offset: int, crc: int, csize: int, usize: int, method: int = 0, ext_attr: int = 0,
                  create_sys: int = 3, flags: int = 0) -> bytes:
    return struct.pack("<4s6H3L5H2L", b"PK\x01\x02", (create_sys << 8) | 20, 20, flags, method, 0, 0, crc, csize,
                       usize, len(name), 0, 0, 0, 0, ext_attr, offset) + name


def end_record(count: int, cd_size: int, cd_offset: int) -> bytes:
    return struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, cd_size, cd_offset, 0)


def quoted_overlap(folder: Path, inner: bytes = b"B" * 1000, outer_name: str = "a.txt",
                   inner_name: str = "b.txt", file_name: str = "overlap.zip") -> Path:
    """Entry `outer_name`'s stored data contains entry `inner_name`'s local header and data (CVE-2024-0450)."""
    a, b = outer_name.encode(), inner_name.encode()
    lb = local_header(b, inner) + inner
    la = local_header(a, lb)
    body = la + lb
    cdir = central_entry(a, 0, zlib.crc32(lb), len(lb), len(lb)) + central_entry(
        b, len(la), zlib.crc32(inner), len(inner), len(inner))
    path = folder / file_name
    path.write_bytes(body + cdir + end_record(2, len(cdir), len(body)))
    return path


def fifield_bomb(folder: Path, entries: int = 200, kernel_size: int = 1024 * 1024) -> Path:
    """A miniature of Fifield's non-recursive bomb: many entries all quoting one deflate kernel.

    Every entry's data is the same compressed kernel, so each entry's data overlaps the next
    entry's header: the zip is tiny but declares entries * kernel_size bytes.
    """
    kernel_plain = bytes(kernel_size)
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    kernel = comp.compress(kernel_plain) + comp.flush()
    crc = zlib.crc32(kernel_plain)
    headers = [local_header(f"f{i:04d}.txt".encode(), b"", method=8, crc=crc, csize=len(kernel), usize=kernel_size)
               for i in range(entries)]
    body = b""
    offsets = []
    for h in headers:
        offsets.append(len(body))
        body += h
    data_start = len(body)
    body += kernel
    # each header's data "starts" right after its own header and runs through the later headers
    cdir = b""
    for i, off in enumerate(offsets):
        csize = data_start - (off + len(headers[i])) + len(kernel)
        cdir += central_entry(f"f{i:04d}.txt".encode(), off, crc, csize, kernel_size, method=8)
    path = folder / "fifield.zip"
    path.write_bytes(body + cdir + end_record(entries, len(cdir), len(body)))
    return path


def full_overlap(folder: Path) -> Path:
    """Two directory entries (different names) pointing at the same local header."""
    data = b"hello"
    local = local_header(b"x.txt", data) + data
    cdir = central_entry(b"x.txt", 0, zlib.crc32(data), 5, 5) + central_entry(b"y.txt", 0, zlib.crc32(data), 5, 5)
    path = folder / "fulloverlap.zip"
    path.write_bytes(local + cdir + end_record(2, len(cdir), len(local)))
    return path


def lying_size(folder: Path, real_size: int = 8 * 1024 * 1024, claimed: int = 1024) -> Path:
    """Header says `claimed` bytes; the deflate stream really inflates to `real_size`."""
    real = bytes(real_size)
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    c = comp.compress(real) + comp.flush()
    name = b"data/bomb.json"
    local = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0, zlib.crc32(real), len(c), claimed,
                        len(name), 0) + name + c
    cdir = central_entry(name, 0, zlib.crc32(real), len(c), claimed, method=8)
    path = folder / "liar.zip"
    path.write_bytes(local + cdir + end_record(1, len(cdir), len(local)))
    return path


def huge_compress_size(folder: Path) -> Path:
    """gh-151307: a directory entry whose compressed size is far larger than the zip itself."""
    data = b"{}"
    local = local_header(b"a.json", data) + data
    cdir = central_entry(b"a.json", 0, zlib.crc32(data), 0x7FFF_FFFF, 2, method=8)
    path = folder / "compress_size.zip"
    path.write_bytes(local + cdir + end_record(1, len(cdir), len(local)))
    return path


def ratio_bomb(folder: Path, size: int = 64 * 1024 * 1024) -> Path:
    """An honest deflate member of zeros whose declared ratio (~1,030:1) is at the edge, plus a member
    whose declared uncompressed size is inflated far beyond what deflate can reach."""
    real = bytes(size)
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    c = comp.compress(real) + comp.flush()
    name = b"zeros.bin"
    claimed = len(c) * 5000
    local = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0, zlib.crc32(real), len(c), claimed,
                        len(name), 0) + name + c
    ok = b"hello.txt"
    ok_local = local_header(ok, b"hi") + b"hi"
    cdir = central_entry(name, 0, zlib.crc32(real), len(c), claimed, method=8) + central_entry(
        ok, len(local), zlib.crc32(b"hi"), 2, 2)
    body = local + ok_local
    path = folder / "ratio.zip"
    path.write_bytes(body + cdir + end_record(2, len(cdir), len(body)))
    return path


def encrypted(folder: Path, names: tuple[str, ...] = ("data/tweets.js",), plain: tuple[str, ...] = ()) -> Path:
    """Members flagged as encrypted (bit 0x1) with 12 bytes of fake encryption header + junk."""
    body = b""
    cdir = b""
    for name in names:
        data = bytes(range(12)) + b"\x8e\x01junkjunk"
        enc = name.encode()
        off = len(body)
        body += local_header(enc, data, flags=0x1) + data
        cdir += central_entry(enc, off, zlib.crc32(b"x"), len(data), 1, flags=0x1)
    for name in plain:
        enc = name.encode()
        off = len(body)
        data = b"window.YTD.account.part0 = []"
        body += local_header(enc, data) + data
        cdir += central_entry(enc, off, zlib.crc32(data), len(data), len(data))
    count = len(names) + len(plain)
    path = folder / "encrypted.zip"
    path.write_bytes(body + cdir + end_record(count, len(cdir), len(body)))
    return path


def bad_crc(folder: Path, name: str = "data/tweets.js", good: dict[str, bytes] | None = None) -> Path:
    """A deflated member whose stored CRC is wrong (damaged mid-stream), next to good members."""
    path = folder / "badcrc.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in (good or {}).items():
            z.writestr(n, data)
        z.writestr(name, b"window.YTD.tweets.part0 = [ " + b"{\"tweet\": {\"id_str\": \"1\"}}, " * 2000 + b"{} ]")
    raw = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(name)
        crc_field = struct.pack("<L", info.CRC)
    wrong = struct.pack("<L", (info.CRC ^ 0xFFFFFFFF) & 0xFFFFFFFF)
    start = 0
    while True:  # change the CRC in both the local header and the directory
        at = raw.find(crc_field, start)
        if at < 0:
            break
        raw[at:at + 4] = wrong
        start = at + 4
    path.write_bytes(bytes(raw))
    return path


def corrupt_deflate(folder: Path, name: str = "data/tweets.js") -> Path:
    """A deflated member whose compressed bytes are scrambled in the middle (zlib.error on read)."""
    path = folder / "corrupt.zip"
    payload = b"window.YTD.tweets.part0 = [" + b",".join(b'{"tweet": {"id_str": "%d"}}' % i for i in range(5000)) + b"]"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("data/manifest.js", b"window.__THAR_CONFIG = {}")
        z.writestr(name, payload)
    raw = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(name)
    start = info.header_offset + 30 + len(name) + 20
    for i in range(start, min(start + 200, start + info.compress_size - 10)):
        raw[i] = 0xFF
    path.write_bytes(bytes(raw))
    return path


def unix_entries(folder: Path) -> Path:
    """A symlink entry, a character-device entry, a FIFO, traversal and absolute names, next to a good file."""
    path = folder / "unix.zip"
    with zipfile.ZipFile(path, "w") as z:
        link = zipfile.ZipInfo("data/link_to_passwd")
        link.create_system = 3
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        z.writestr(link, "/etc/passwd")
        dev = zipfile.ZipInfo("data/tty")
        dev.create_system = 3
        dev.external_attr = (stat.S_IFCHR | 0o666) << 16
        z.writestr(dev, "")
        fifo = zipfile.ZipInfo("data/pipe")
        fifo.create_system = 3
        fifo.external_attr = (stat.S_IFIFO | 0o666) << 16
        z.writestr(fifo, "")
        z.writestr("../../escape.txt", "x")
        z.writestr("/abs/escape2.txt", "y")
        z.writestr("C:/windows/escape3.txt", "z")
        z.writestr("data/..\\..\\escape4.txt", "w")
        z.writestr("data/evil\x1b[31mname.js", "v")
        z.writestr("data/account.js", 'window.YTD.account.part0 = [{"account": {"username": "invented_person"}}]')
    return path


def invalid_utf8_names(folder: Path) -> Path:
    """A zip whose directory says names are UTF-8 (flag 0x800) but one name is not."""
    good = b"data/account.js"
    bad = b"data/\xff\xfe\xc3(.js"
    data = b"window.YTD.account.part0 = []"
    body = b""
    cdir = b""
    for name in (good, bad):
        off = len(body)
        body += local_header(name, data, flags=0x800) + data
        cdir += central_entry(name, off, zlib.crc32(data), len(data), len(data), flags=0x800)
    path = folder / "badnames.zip"
    path.write_bytes(body + cdir + end_record(2, len(cdir), len(body)))
    return path


def cp437_names(folder: Path) -> Path:
    """Names without the UTF-8 flag that are not valid UTF-8 (zipfile decodes them as cp437)."""
    data = b"window.YTD.account.part0 = []"
    body = b""
    cdir = b""
    for name in (b"data/account.js", b"data/caf\xe9.js"):
        off = len(body)
        body += local_header(name, data) + data
        cdir += central_entry(name, off, zlib.crc32(data), len(data), len(data))
    path = folder / "cp437.zip"
    path.write_bytes(body + cdir + end_record(2, len(cdir), len(body)))
    return path


def many_entries_claimed(folder: Path, claimed: int = 10_000_000) -> Path:
    """An end record claiming millions of entries and a huge directory (memory exhaustion attempt)."""
    data = b"x"
    local = local_header(b"a.txt", data) + data
    path = folder / "claims.zip"
    path.write_bytes(local + struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, 0xFFFF_FFF0,
                                         len(local), 0))
    # a zip64 end record + locator claiming `claimed` entries
    z64 = struct.pack("<4sQHHIIQQQQ", b"PK\x06\x06", 44, 45, 45, 0, 0, claimed, claimed, 1 << 40, len(local))
    loc = struct.pack("<4sIQI", b"PK\x06\x07", 0, len(local), 1)
    eocd = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, 0xFFFF_FFFF, 0xFFFF_FFFF, 0)
    path.write_bytes(local + z64 + loc + eocd)
    return path
