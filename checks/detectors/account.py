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
from checks.records import Category, Detection, Item, ItemKind, Platform, SettingName, Severity

TRUE = frozenset({"true", "yes", "on", "1", "enabled"})
FALSE = frozenset({"false", "no", "off", "0", "disabled"})
OPEN_AUDIENCES = frozenset({"everyone", "public", "all", "anyone", "everybody"})

# setting -> (exposed when the value is in ..., title, reason, severity)
RULES: dict[str, tuple[frozenset[str], str, str, Severity]] = {
    SettingName.PRIVATE_ACCOUNT: (FALSE, "Your {p} account is public",
                                  "Anyone, signed in or not, can see your posts, photos and followers.",
                                  Severity.MEDIUM),
    SettingName.PROTECTED_POSTS: (FALSE, "Your {p} posts are public",
                                  "Your posts can be read by anyone and found by search engines.", Severity.MEDIUM),
    SettingName.FIND_BY_PHONE: (TRUE, "People can find your {p} account from your phone number",
                                "Anyone who has your number (or guesses it) can find this account, even "
                                "under another name.", Severity.MEDIUM),
    SettingName.FIND_BY_EMAIL: (TRUE, "People can find your {p} account from your e-mail address",
                                "Anyone who has your e-mail address can find this account.", Severity.MEDIUM),
    SettingName.SUGGEST_TO_CONTACTS: (TRUE, "{p} suggests your account to people who have your number",
                                      "People from your phone contacts, and their contacts, are shown your "
                                      "account, which can link your job to your private profile.", Severity.MEDIUM),
    SettingName.ACTIVITY_VISIBILITY: (OPEN_AUDIENCES, "Your {p} activities are visible to everyone",
                                      "Runs and rides that start and end at home draw a map to your door.",
                                      Severity.MEDIUM),
    SettingName.PROFILE_VISIBILITY: (OPEN_AUDIENCES, "Your {p} profile is visible to everyone",
                                     "Your profile details can be seen by anyone.", Severity.MEDIUM),
    SettingName.LOCATION_SHARING: (TRUE, "Your location is shared on {p}",
                                   "Friends (and anyone added as one) can see where you are live on the map.",
                                   Severity.MEDIUM),
    SettingName.TAGGING: (OPEN_AUDIENCES | TRUE, "Anyone can tag you on {p}",
                          "Other people's photos and posts can name you and add you to places.", Severity.LOW),
    SettingName.SEARCH_ENGINE_INDEXING: (TRUE, "Search engines can index your {p} profile",
                                         "Your profile can turn up in a web search for your name.", Severity.LOW),
    SettingName.DISCOVERABLE: (TRUE, "Your {p} profile is listed in directories",
                               "Your profile is suggested to strangers and shown in public directories.",
                               Severity.LOW),
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
                yield self._emit(item, name, "Your {p} activities have no privacy zone",
                                 "Without a privacy zone, the start and end of every activity show where "
                                 "you live.", Severity.MEDIUM)
            return
        rule = RULES.get(name)
        if rule is None:
            return
        exposed, title, reason, severity = rule
        if value in exposed:
            yield self._emit(item, name, title, reason, severity)

    def _emit(self, item: Item, name: str, title: str, reason: str, severity: Severity) -> Detection:
        label = item.platform.label if item.platform is not Platform.OTHER else "this"
        evidence = f"{name.replace('_', ' ')}: {item.text.strip()}"
        span = (len(evidence) - len(item.text.strip()), len(evidence))  # only the value is masked
        return self.found(item, title=title.format(p=label), reason=reason, evidence=evidence,
                          key=f"setting:{name}", confidence=1.0, severity=severity, span=span)
