"""photo_text: police markings and number plates read from inside photos (with `--ocr`).

What it finds: in text that the optional OCR step read from a photo (items marked
("ocr", "true")), the word POLICE (or POLIS, HEDDLU, PCSO, a force's name) as it appears on a
uniform, a vehicle or a station sign, and UK number plates.
Why it matters: a photo of you in uniform, or of your car with its plate, tells a stranger
what you do and lets them find you; the text is in the picture, so deleting a caption does not
remove it.
Example: a selfie in the locker room where the camera reads "METROPOLITAN POLICE".
What it does not flag: any text that is not from a photo (the text detectors handle posts),
"police" in a sentence (a poster about calling the police reads as a sentence, not a marking:
only short all-capital lines count), plates in text typed by the person.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.detectors.base import Detector, snippet
from checks.records import Category, Detection, Item, Severity, msg

_MARKINGS = re.compile(r"^(?:[A-Z ]{0,30}\b)?(POLICE|POLIS|HEDDLU|PCSO|CUSTODY)\b[A-Z ]{0,30}$")
_PLATE = re.compile(r"\b([A-Z]{2}[0-9]{2})\s?([A-Z]{3})\b")


class PhotoTextDetector(Detector):
    id = "photo_text"
    category = Category.EMPLOYER_DISCLOSURE
    severity = Severity.HIGH

    def detect(self, item: Item) -> Iterator[Detection]:
        if item.detail("ocr") != "true" or not item.text:
            return
        for line in item.text.splitlines():
            clean = line.strip()
            match = _MARKINGS.match(clean)
            if match and len(clean) <= 40:
                start = item.text.index(line) + line.index(match.group(1))
                evidence, span = snippet(item.text, start, start + len(match.group(1)))
                yield self.found(
                    item, title=msg("photo_text.title.markings"), key="markings:" + match.group(1).lower(),
                    reason=msg("photo_text.reason.markings"),
                    evidence=evidence, span=span, confidence=0.8)
        for match in _PLATE.finditer(item.text):
            evidence, span = snippet(item.text, match.start(), match.end())
            yield self.found(
                item, title=msg("photo_text.title.plate"), category=Category.IDENTITY_DETAILS,
                severity=Severity.MEDIUM, key="plate:" + match.group(1) + match.group(2),
                reason=msg("photo_text.reason.plate"),
                evidence=evidence, span=span, confidence=0.75)
