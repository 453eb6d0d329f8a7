"""Cross-referencing findings: the same exposure in an export and on a public page.

"Your employer is in your LinkedIn export AND on your public LinkedIn page." Findings from the
public-profile check (platform `web`) that match a finding from an export (same detector and
normalised key) say so in their reason, and so does the export's finding. Public findings are
ordered ahead of private ones of the same severity: anyone can see them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from checks.records import Audience, Finding, Platform, msg


def _public(f: Finding) -> int:
    return 1 if f.platform is Platform.WEB or f.audience is Audience.PUBLIC else 0


def cross_reference(findings: Sequence[Finding]) -> list[Finding]:
    by_key: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for f in findings:
        if f.key:
            by_key[(f.detector, f.key)].append(f)
    out: list[Finding] = []
    for f in findings:
        peers = [p for p in by_key.get((f.detector, f.key), []) if p.id != f.id]
        if f.platform is Platform.WEB:
            exports = sorted({p.platform.label for p in peers if p.platform is not Platform.WEB})
            if exports:
                reason = msg("crossref.public_and_export", reason=f.reason, exports=", ".join(exports))
            else:
                reason = msg("crossref.public", reason=f.reason)
            f = replace(f, reason=reason)
        elif any(p.platform is Platform.WEB for p in peers):
            f = replace(f, reason=msg("crossref.also_public", reason=f.reason))
        out.append(f)
    out.sort(key=lambda f: (-f.severity.rank, -_public(f), -f.confidence, -f.occurrences, f.category.value, f.id))
    return out
