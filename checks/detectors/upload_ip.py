"""upload_ip: the internet address a platform kept for each photo or video you uploaded.

Finds: the internet (IP) addresses a reader gives as `ProfileField.IP_ADDRESS` items, today
Facebook's `upload_ip` in each photo's and video's metadata (every layout since 2018, once per
address per export, `checks/readers/meta_text.py`). One finding per address, keyed
`upload_ip:<address>`, so the same address across exports is one finding.

Why it matters: the address of a photo uploaded at home is the home broadband line's, and the
provider (asked with a court order, or through a breach) can turn it into the address on the
bill; even without that, it narrows down the area. Nobody sees it on your profile, but everyone
who gets a copy of the download does.

Example: `"upload_ip": "203.0.113.24"` under a holiday album's photo -> identity details (low):
"Your Facebook download records the internet address your photos were uploaded from", the
address as masked evidence.

Does not flag: an internet address written in a post or message (text, which the text detectors
read), login and session addresses (not read), an upload with no address recorded.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.detectors.base import Detector
from checks.records import Category, Detection, Item, ProfileField, Severity, msg


def is_ip_address(item: Item) -> bool:
    """Whether the item is an internet address the platform recorded (not text a person wrote)."""
    return item.field in (ProfileField.IP_ADDRESS, ProfileField.IP_ADDRESS.value) and bool(item.text.strip())


class UploadIpAddress(Detector):
    id = "upload_ip"
    category = Category.IDENTITY_DETAILS
    severity = Severity.LOW
    advice = ()  # resources/advice/mapping.json maps the key `upload_ip` to what to do

    def detect(self, item: Item) -> Iterator[Detection]:
        if not is_ip_address(item):
            return
        address = item.text.strip()
        yield self.found(item, title=msg("upload_ip.title", platform=item.platform),
                         reason=msg("upload_ip.reason", platform=item.platform), evidence=address,
                         key=f"upload_ip:{address.lower()}", confidence=1.0, span=(0, len(address)))
