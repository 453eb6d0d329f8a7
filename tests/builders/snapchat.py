"""Builder of Snapchat "My Data" exports (json/, html/, memories/) in both location-history generations.

Structures follow research §8: `account.json`, `account_history.json`, `user_profile.json`,
`location_history.json` (2021–22 keys "Home & Work"/"Location History" with `± meters` strings,
newer "Home, School & Work" and "Latitude, Longitude:" strings), `snap_map_places_history.json`,
`memories_history.json` with `mid=` download links matching `memories/<date>_<uuid>-main.jpg`,
`friends.json`. Invented people only.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tests.builders._zipped import write_folder, write_zip
from tests.builders.photos import PhotoSpec, photo_bytes


def snap_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def old_pair(lat: float, lon: float, acc: float = 39.66) -> str:
    return f"{lat} ± {acc} meters, {lon} ± {acc} meters"


def lat_long(lat: float, lon: float, acc: float = 4) -> str:
    return f"lat {lat} ± {acc} meters, long {lon} ± {acc} meters"


@dataclass
class SnapExport:
    """A Snapchat export in memory: add records, then `files()`."""

    username: str = "invented.user"
    display_name: str = "Invented User"
    generation: str = "new"  # "old": 2021-22 keys; "new": "Home, School & Work"
    home: str = ""
    work: str = ""
    history: list[tuple[datetime, float, float]] = field(default_factory=list)
    daily: list[tuple[datetime, float, float]] = field(default_factory=list)
    places: list[tuple[datetime, str, str]] = field(default_factory=list)
    memories: list[tuple[datetime, float, float, bool]] = field(default_factory=list)  # with media file?
    phones: list[tuple[datetime, str]] = field(default_factory=list)
    friends: int = 3
    ghost_mode: bool | None = None
    # saved chats: (with whom, text, when, sent by the account holder?). "new" (2024+): one list per
    # conversation with IsSender and Content; "old" (2021-22): "Received/Sent Saved Chat History" with Text
    chats: list[tuple[str, str, datetime, bool]] = field(default_factory=list)

    def files(self) -> dict[str, bytes]:
        out: dict[str, bytes] = {}
        created = datetime(2019, 4, 2, 10, 0, tzinfo=UTC)
        account: dict[str, Any] = {
            "Basic Information": {"Username": self.username, "Name": self.display_name,
                                  "Creation Date": snap_time(created)},
            "Device Information": {"Make": "Google", "Model ID": "Pixel 8", "OS Type": "ANDROID"},
            "Login History": [{"IP": "192.0.2.10", "Country": "GB", "Created": snap_time(created),
                               "Status": "success"}],
            "Family Center": [],
        }
        out["json/account.json"] = _dump(account)
        out["json/account_history.json"] = _dump({
            "Display Name Change": [{"Date": snap_time(created), "Display Name": self.display_name}],
            "Mobile Number Change": [{"Date": snap_time(t), "Mobile Number": n} for t, n in self.phones],
            "Email Change": [],
        })
        profile: dict[str, Any] = {"App Profile": {"Country": "GB", "Creation Time": snap_time(created)},
                                   "Demographics": {"Cohort Age": "25-34", "Derived Ad Demographic": ""}}
        if self.ghost_mode is not None:
            profile["Snap Map Settings"] = {"Ghost Mode": "On" if self.ghost_mode else "Off"}
        out["json/user_profile.json"] = _dump(profile)
        location: dict[str, Any] = {"Frequent Locations": [{"City": "London", "Region": "England", "Country": "GB"}],
                                    "Latest Location": [{"City": "London", "Region": "England", "Country": "GB"}]}
        if self.generation == "old":
            location["Home & Work"] = {"Home": self.home, "Work": self.work}
            location["Location History"] = [
                {"Time": t.astimezone(UTC).strftime("%Y/%m/%d %H:%M:%S UTC"), "Latitude, Longitude": old_pair(a, b)}
                for t, a, b in self.history]
            location["Businesses and public places you may have visited"] = [
                {"Date": snap_time(t), "Name": n} for t, n, _ in self.places]
            location["Areas you may have visited in the last two years"] = [
                {"Time": snap_time(t), "City": "London", "Region": "England", "Postal Code": "SE23"}
                for t, _, _ in self.places]
        else:
            location["Home, School & Work"] = {"Home": self.home, "Work": self.work}
            location["Location History"] = [[snap_time(t), f"Latitude, Longitude: {a}, {b}"]
                                            for t, a, b in self.history]
            location["Businesses and places you may have visited"] = [
                {"Date": snap_time(t), "Name": n} for t, n, _ in self.places]
        location["Daily Top Locations"] = [{f"Date: {t.strftime('%Y-%m-%d')} UTC": lat_long(a, b)}
                                           for t, a, b in self.daily]
        out["json/location_history.json"] = _dump(location)
        out["json/snap_map_places_history.json"] = _dump({"Snap Map Places History": [
            {"Date": snap_time(t), "Place": n, "Place Location": loc} for t, n, loc in self.places]})
        saved = []
        for index, (t, a, b, with_file) in enumerate(self.memories):
            mid = str(uuid.UUID(int=index + 1))
            saved.append({"Date": snap_time(t), "Media Type": "Image", "Location": f"Latitude, Longitude: {a}, {b}",
                          "Download Link": f"https://app.snapchat.com/dmd/memories?uid=x&sid=y&mid={mid}&ts=1"})
            if with_file:
                out[f"memories/{t.strftime('%Y-%m-%d')}_{mid}-main.jpg"] = photo_bytes(PhotoSpec(make="", model=""))
        out["json/memories_history.json"] = _dump({"Saved Media": saved})
        if self.chats:
            out["json/chat_history.json"] = _dump(self._chat_history())
        out["json/friends.json"] = _dump({"Friends": [
            {"Username": f"friend{i}", "Display Name": f"Friend {i}", "Creation Timestamp": snap_time(created)}
            for i in range(self.friends)], "Blocked Users": []})
        return out

    def _chat_history(self) -> dict[str, Any]:
        if self.generation == "old":
            return {"Received Saved Chat History": [
                        {"From": who, "Media Type": "TEXT", "Created": snap_time(t), "Text": text}
                        for who, text, t, sent in self.chats if not sent],
                    "Sent Saved Chat History": [
                        {"To": who, "Media Type": "TEXT", "Created": snap_time(t), "Text": text}
                        for who, text, t, sent in self.chats if sent]}
        out: dict[str, list[dict[str, Any]]] = {}
        for who, text, t, sent in self.chats:
            out.setdefault(who, []).append({
                "From": self.username if sent else who, "Media Type": "TEXT", "Created": snap_time(t),
                "Content": text, "Conversation Title": None, "IsSender": sent,
                "Created(microseconds)": int(t.timestamp() * 1000), "IsSaved": True})
        # a snap that was opened and not saved: no content
        out.setdefault("someone", []).append({
            "From": self.username, "Media Type": "MEDIA", "Created": snap_time(datetime(2024, 1, 1, tzinfo=UTC)),
            "Content": None, "Conversation Title": None, "IsSender": True, "Created(microseconds)": 0,
            "IsSaved": False})
        return out

    def html_files(self) -> dict[str, bytes]:
        rows = "".join(f"<tr><td>{snap_time(t)}</td><td>Image</td><td>Latitude, Longitude: {a}, {b}</td></tr>"
                       for t, a, b, _ in self.memories)
        memories = f"<html><body><table><tr><th>Date</th><th>Media Type</th><th>Location</th></tr>{rows}</table>"
        account = (f"<html><body><table><tr><td>Username</td><td>{self.username}</td></tr>"
                   f"<tr><td>Name</td><td>{self.display_name}</td></tr></table></body></html>")
        return {"html/memories_history.html": memories.encode(), "html/account.html": account.encode(),
                "index.html": b"<html><body>My Data</body></html>"}


def _dump(data: Any) -> bytes:
    return json.dumps(data, indent=2, ensure_ascii=False).encode()


def _demo_export(persona: Any) -> SnapExport:
    home, station = persona.home, (51.4613, -0.0094)
    t0 = datetime(2026, 5, 4, 7, 40, tzinfo=UTC)
    export = SnapExport(username=persona.username, display_name=persona.first_name, home=lat_long(*home),
                        work=lat_long(*station), ghost_mode=False, phones=[(t0, persona.phone_display)])
    for day in range(10):
        export.history.append((t0 + timedelta(days=day), home[0] + 0.0001 * (day % 3), home[1]))
        export.history.append((t0 + timedelta(days=day, hours=1), *station))
    export.places.append((t0 + timedelta(days=5, hours=3), persona.parkrun + " parkrun", "London"))
    export.memories.append((t0 + timedelta(days=2, hours=11), home[0] + 0.0002, home[1] - 0.0001, True))
    return export


def build_demo_snapchat(dest_dir: Path, persona: Any = None) -> Path:
    """A folder export of the demo officer (home and work given outright, Snap Map on)."""
    from scripts.make_demo import PERSONA

    return write_folder(_demo_export(persona or PERSONA).files(), dest_dir / "mydata~1761988364000")


def build_demo(out: Path, persona: Any, truth: Any) -> list[Path]:
    """make_demo.py plug-in: writes the Snapchat zip and plants its exposures in TRUTH.json."""
    name = "mydata~1761988364000.zip"
    export = _demo_export(persona)
    path = write_zip(export.files(), out / name)
    truth.export(name, "snapchat", "Snapchat My Data of the invented officer")
    truth.plant(export=name, platform="snapchat", category="home_address", file="json/location_history.json",
                pointer="/Home, School & Work/Home", what="home given outright in location history",
                location=persona.home, radius_m=150.0)
    truth.plant(export=name, platform="snapchat", category="account_exposure", file="json/user_profile.json",
                pointer="/Snap Map Settings/Ghost Mode", what="Snap Map location sharing on (Ghost Mode off)")
    truth.plant(export=name, platform="snapchat", category="identity_details", file="json/account_history.json",
                pointer="/Mobile Number Change/0/Mobile Number", what="mobile number on the account",
                timestamp=export.phones[0][0])
    when, lat, lon, _ = export.memories[0]
    truth.plant(export=name, platform="snapchat", category="photo_metadata", file="json/memories_history.json",
                pointer="/Saved Media/0/Location", what="saved Memory located at home", timestamp=when,
                location=(lat, lon), radius_m=150.0)
    return [path]
