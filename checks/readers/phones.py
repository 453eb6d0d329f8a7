"""One key per telephone number, however an export writes it, so a number is reported once per account.

LinkedIn keeps the same mobile in `PhoneNumbers.csv`, `Whatsapp Phone Numbers.csv` and the job
applications, written `07700 900123`, `+447700900123` or `7700900123` with the country code in
another column. The key is the national significant number: digits only, a leading `00`, the UK
country code `44` and the trunk `0` taken off.
"""

from __future__ import annotations


def phone_key(text: str) -> str:
    """`+44 7700 900123`, `07700900123` and `0044 (0)7700-900123` all give `7700900123`."""
    digits = "".join(ch for ch in text if ch.isascii() and ch.isdigit())
    if digits.startswith("00"):
        digits = digits[2:]
    if digits.startswith("44") and len(digits) > 10:
        digits = digits[2:]
    return digits.lstrip("0") or text.strip().lower()
