#!/bin/sh
# Regenerate the desktop app's translation files from the source (run after changing window text).
# en_GB is the source language, so its translations are the source strings, marked finished.
set -e
cd "$(dirname "$0")/.."
TS=resources/translations/offduty_en_GB.ts
.venv/bin/pyside6-lupdate desktop/*.py desktop/pages/*.py -source-language en_GB -target-language en_GB -no-obsolete -ts "$TS"
.venv/bin/python - "$TS" <<'PY'
import sys
import xml.etree.ElementTree as ET

path = sys.argv[1]
tree = ET.parse(path)
for message in tree.iter("message"):
    source = message.find("source")
    translation = message.find("translation")
    if source is None or translation is None:
        continue
    if message.get("numerus") == "yes":
        continue
    translation.attrib.pop("type", None)
    if not (translation.text or "").strip():
        translation.text = source.text
tree.write(path, encoding="utf-8", xml_declaration=True)
PY
.venv/bin/pyside6-lrelease "$TS" -qm resources/translations/offduty_en_GB.qm
