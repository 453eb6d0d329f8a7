"""`conceal()`: one finding's secret is masked in every other finding's evidence too."""

from __future__ import annotations

from dataclasses import replace

from checks.report.masking import conceal, mask
from tests.security.conftest import PLANTED, PLANTED_PHONE, make_report


def test_secrets_of_other_findings_are_masked() -> None:
    base = make_report(2)
    post = f"New place: {PLANTED}. Call {PLANTED_PHONE}"
    address = replace(base.findings[0], evidence=post, span=(post.index(PLANTED), post.index(PLANTED) + len(PLANTED)))
    start = post.index(PLANTED_PHONE)
    # the phone finding quotes a different window of the same post
    window = post[4:]
    phone = replace(base.findings[1], evidence=window, span=(start - 4, start - 4 + len(PLANTED_PHONE)))
    report = replace(base, findings=(address, phone))
    shown = [mask(f.evidence, f.span) for f in conceal(report).findings]
    assert all(PLANTED not in s and PLANTED_PHONE not in s for s in shown)
    assert all("New place"[4:] in s or "New place" in s for s in shown)  # the context stays readable
    assert [len(f.evidence) for f in conceal(report).findings] == [len(post), len(window)]  # spans still fit
    assert conceal(conceal(report)) == conceal(report)


def test_nothing_to_conceal_returns_the_same_report() -> None:
    report = replace(make_report(1), findings=tuple(replace(f, span=None) for f in make_report(1).findings))
    assert conceal(report) is report
