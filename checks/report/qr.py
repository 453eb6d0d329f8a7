"""QR codes for printed links: a phone scans the code instead of the person typing a long address.

`qr_data_uri(url)` is a PNG as a `data:` URI, so the HTML page stays self-contained (nothing is
fetched) and Qt's rich-text engine draws it in the PDF. Made with `segno` (pure Python), on this
computer. Only http(s) addresses are encoded.
"""

from __future__ import annotations

from functools import lru_cache

import segno


@lru_cache(maxsize=512)
def qr_data_uri(url: str) -> str:
    """The QR code of `url` as a PNG data URI ("" for anything but an http(s) address)."""
    if not url.startswith(("https://", "http://")):
        return ""
    code = segno.make(url, error="m", micro=False)
    # Eight pixels a module: crisp when the page draws it at about 2 cm.
    return str(code.png_data_uri(scale=8, border=2, dark="#000000", light="#ffffff"))


def short_address(url: str, most: int = 42) -> str:
    """An address to read beside its code: no scheme, no "www.", cut to `most` characters."""
    text = url.split("://", 1)[-1].removeprefix("www.").rstrip("/")
    return text if len(text) <= most else text[: most - 1] + "…"
