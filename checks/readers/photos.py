"""Reader for a folder (or zip) of photos: GPS, capture time, owner and serial numbers per photo.

Every photo format Offduty knows is checked from its headers only (see `checks.readers.exif`).
A photo that carries no location and names no owner is not worth an item; an unreadable file is
a skip. Google Photos sidecars sitting next to the photos are left to the Takeout reader.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.readers.base import ReadContext, Reader
from checks.readers.exif import PHOTO_SUFFIXES, photo_item
from checks.readers.spec import FormatSpec, Sign
from checks.records import Item, Platform, msg


class PhotosReader(Reader):
    spec = FormatSpec("photos", Platform.PHOTOS, signs=(Sign(0.5, media_share=0.5),),
                      single_title=msg("format.photo"))

    def read(self, ctx: ReadContext) -> Iterator[Item]:
        names = sorted(n for n in ctx.export.names() if n.lower().endswith(PHOTO_SUFFIXES))
        total = len(names) or 1
        for index, name in enumerate(names):
            ctx.cancel.raise_if_cancelled()
            item = photo_item(ctx, name, self.platform)
            if item is not None:
                yield item
            if index % 50 == 0:
                ctx.progress(index / total, name)
        ctx.progress(1.0)
