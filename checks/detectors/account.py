"""Account exposure: settings the export shows that leave the account visible or findable.

Finds (SETTING items; readers normalise the values): a public account (Instagram/TikTok/Mastodon
private_account "false", X protected "false"); others can find you by your phone number or e-mail
(find_by_phone / find_by_email "true"); suggested to contacts; Strava activities visible to
"everyone" and no privacy zones; Snap Map location sharing on (not Ghost Mode); anyone can tag
you; Mastodon/Bluesky profile discoverable or indexed by search engines. One finding per setting.

Why it matters: a public account shows everything else this report finds to anyone; phone and
e-mail lookups let someone who has your number find the account even under another name.

Example: Instagram private_account "false" -> account exposure (medium): "Your Instagram account
is public".

Does not flag: settings already at the safe value (they appear in the checklist as already done);
settings the export does not show.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.detectors.base import Detector
from checks.records import Category, Detection, Item, ItemKind, Message, SettingName, Severity

TRUE = frozenset({"true", "yes", "on", "1", "enabled"})
FALSE = frozenset({"false", "no", "off", "0", "disabled"})
OPEN_AUDIENCES = frozenset({"everyone", "public", "all", "anyone", "everybody"})

# setting -> (exposed when the value is in ..., title, reason, severity); words under account. in en-GB.toml
RULES: dict[str, tuple[frozenset[str], Message, Message, Severity]] = {
    SettingName.PRIVATE_ACCOUNT: (FALSE, Message("account.title.private_account"),
                                  Message("account.reason.private_account"), Severity.MEDIUM),
    SettingName.PROTECTED_POSTS: (FALSE, Message("account.title.protected"),
                                  Message("account.reason.protected"), Severity.MEDIUM),
    SettingName.FIND_BY_PHONE: (TRUE, Message("account.title.find_by_phone"),
                                Message("account.reason.find_by_phone"), Severity.MEDIUM),
    SettingName.FIND_BY_EMAIL: (TRUE, Message("account.title.find_by_email"),
                                Message("account.reason.find_by_email"), Severity.MEDIUM),
    SettingName.SUGGEST_TO_CONTACTS: (TRUE, Message("account.title.suggest_to_contacts"),
                                      Message("account.reason.suggest_to_contacts"), Severity.MEDIUM),
    SettingName.ACTIVITY_VISIBILITY: (OPEN_AUDIENCES, Message("account.title.activity_visibility"),
                                      Message("account.reason.activity_visibility"), Severity.MEDIUM),
    SettingName.PROFILE_VISIBILITY: (OPEN_AUDIENCES, Message("account.title.profile_visibility"),
                                     Message("account.reason.profile_visibility"), Severity.MEDIUM),
    SettingName.LOCATION_SHARING: (TRUE, Message("account.title.location_sharing"),
                                   Message("account.reason.location_sharing"), Severity.MEDIUM),
    SettingName.TAGGING: (OPEN_AUDIENCES | TRUE, Message("account.title.tagging"),
                          Message("account.reason.tagging"), Severity.LOW),
    SettingName.SEARCH_ENGINE_INDEXING: (TRUE, Message("account.title.search_engine_indexing"),
                                         Message("account.reason.search_engine_indexing"), Severity.LOW),
    SettingName.DISCOVERABLE: (TRUE, Message("account.title.discoverable"),
                               Message("account.reason.discoverable"), Severity.LOW),
}


class AccountExposure(Detector):
    id = "account_exposure"
    category = Category.ACCOUNT_EXPOSURE
    severity = Severity.MEDIUM
    advice = ()

    def detect(self, item: Item) -> Iterator[Detection]:
        if item.kind is not ItemKind.SETTING or item.field is None:
            return
        name = str(item.field.value if isinstance(item.field, SettingName) else item.field)
        value = item.text.strip().lower()
        if name == SettingName.PRIVACY_ZONES:
            if value in ("0", "none", ""):
                yield self._emit(item, name, Message("account.title.privacy_zones"),
                                 Message("account.reason.privacy_zones"), Severity.MEDIUM)
            return
        rule = RULES.get(name)
        if rule is None:
            return
        exposed, title, reason, severity = rule
        if value in exposed:
            yield self._emit(item, name, title, reason, severity)

    def _emit(self, item: Item, name: str, title: Message, reason: Message, severity: Severity) -> Detection:
        title = Message(title.code, (("platform", Message(f"platform.{item.platform.value}")),))
        evidence = f"{name.replace('_', ' ')}: {item.text.strip()}"
        span = (len(evidence) - len(item.text.strip()), len(evidence))  # only the value is masked
        return self.found(item, title=title, reason=reason, evidence=evidence,
                          key=f"setting:{name}", confidence=1.0, severity=severity, span=span)
