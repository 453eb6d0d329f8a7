"""Builder of Strava bulk exports: activities.csv (real header, duplicate columns), GPX/TCX/FIT (+ .gz).

Structures follow research §6: `activities.csv` with the header of a real export (repeated names:
the later column is the precise one), `profile.csv`, `privacy_zones.csv`, `visibility_settings.csv`,
`activities/<id>.gpx|.tcx|.fit[.gz]`. FIT files are encoded here (file header, a `record`
definition, data messages, CRC) so tests need no device. Invented routes and people only.
"""

from __future__ import annotations

import csv
import gzip
import io
import math
import struct
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tests.builders._zipped import write_folder, write_zip

HEADER = (
    "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,"
    "Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,Filename,Athlete Weight,"
    "Bike Weight,Elapsed Time,Moving Time,Distance,Max Speed,Average Speed,Elevation Gain,Elevation Loss,"
    "Elevation Low,Elevation High,Max Grade,Average Grade,Average Positive Grade,Average Negative Grade,"
    "Max Cadence,Average Cadence,Max Heart Rate,Average Heart Rate,Max Watts,Average Watts,Calories,"
    "Max Temperature,Average Temperature,Relative Effort,Total Work,Number of Runs,Uphill Time,"
    "Downhill Time,Other Time,Perceived Exertion,Type,Start Time,Weighted Average Power,Power Count,"
    "Prefer Perceived Exertion,Perceived Relative Effort,Commute,Total Weight Lifted,From Upload,"
    "Grade Adjusted Distance,Weather Observation Time,Weather Condition,Weather Temperature,"
    "Apparent Temperature,Dewpoint,Humidity,Weather Pressure,Wind Speed,Wind Gust,Wind Bearing,"
    "Precipitation Intensity,Sunrise Time,Sunset Time,Moon Phase,Bike,Gear,Precipitation Probability,"
    "Precipitation Type,Cloud Cover,Weather Visibility,UV Index,Weather Ozone,Jump Count,Total Grit,"
    "Average Flow,Flagged,Average Elapsed Speed,Dirt Distance,Newly Explored Distance,"
    "Newly Explored Dirt Distance,Activity Count,Total Steps,Carbon Saved,Pool Length,Training Load,"
    "Intensity,Average Grade Adjusted Pace,Timer Time,Total Cycles,Media"
).split(",")


def strava_date(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%b %d, %Y, %I:%M:%S %p").replace(" 0", " ")


def route(start: tuple[float, float], end: tuple[float, float], points: int) -> list[tuple[float, float]]:
    """A straight-ish path of `points` points from start to end, with a small wiggle."""
    out = []
    for i in range(points):
        f = i / max(points - 1, 1)
        wiggle = 0.0003 * math.sin(f * 4 * math.pi)
        out.append((start[0] + (end[0] - start[0]) * f + wiggle, start[1] + (end[1] - start[1]) * f))
    return out


def gpx(points: list[tuple[float, float]], start: datetime, name: str = "Morning Run") -> bytes:
    pts = "".join(f'<trkpt lat="{a:.7f}" lon="{b:.7f}"><ele>40.0</ele>'
                  f"<time>{(start + timedelta(seconds=5 * i)).strftime('%Y-%m-%dT%H:%M:%SZ')}</time></trkpt>"
                  for i, (a, b) in enumerate(points))
    return (f'<?xml version="1.0" encoding="UTF-8"?><gpx creator="StravaGPX" version="1.1" '
            f'xmlns="http://www.topografix.com/GPX/1/1"><metadata><time>{start.strftime("%Y-%m-%dT%H:%M:%SZ")}'
            f"</time></metadata><trk><name>{name}</name><type>running</type><trkseg>{pts}</trkseg></trk></gpx>"
            ).encode()


def tcx(points: list[tuple[float, float]], start: datetime, leading_space: bool = True) -> bytes:
    pts = "".join(f"<Trackpoint><Time>{(start + timedelta(seconds=5 * i)).strftime('%Y-%m-%dT%H:%M:%SZ')}</Time>"
                  f"<Position><LatitudeDegrees>{a:.7f}</LatitudeDegrees><LongitudeDegrees>{b:.7f}</LongitudeDegrees>"
                  f"</Position></Trackpoint>" for i, (a, b) in enumerate(points))
    body = ('<?xml version="1.0" encoding="UTF-8"?><TrainingCenterDatabase '
            'xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"><Activities>'
            f'<Activity Sport="Biking"><Id>{start.strftime("%Y-%m-%dT%H:%M:%SZ")}</Id><Lap><Track>{pts}</Track>'
            "</Lap></Activity></Activities></TrainingCenterDatabase>")
    return (b"          " if leading_space else b"") + body.encode()  # Garmin's leading spaces


_CRC_TABLE = (0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
              0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400)
_FIT_EPOCH = datetime(1989, 12, 31, tzinfo=UTC)


def _crc(data: bytes, crc: int = 0) -> int:
    for byte in data:
        tmp = _CRC_TABLE[crc & 0xF]
        crc = ((crc >> 4) & 0x0FFF) ^ tmp ^ _CRC_TABLE[byte & 0xF]
        tmp = _CRC_TABLE[crc & 0xF]
        crc = ((crc >> 4) & 0x0FFF) ^ tmp ^ _CRC_TABLE[(byte >> 4) & 0xF]
    return crc


def fit(points: list[tuple[float, float]], start: datetime) -> bytes:
    """A FIT activity file: one `record` definition (timestamp, position_lat, position_long) and data."""
    body = bytearray()
    body += bytes([0x40, 0, 0]) + struct.pack("<HB", 20, 3) + bytes([253, 4, 0x86, 0, 4, 0x85, 1, 4, 0x85])
    scale = 2**31 / 180.0
    for i, (a, b) in enumerate(points):
        ts = int((start + timedelta(seconds=5 * i) - _FIT_EPOCH).total_seconds())
        body += bytes([0x00]) + struct.pack("<Iii", ts, round(a * scale), round(b * scale))
    header = struct.pack("<BBHI4s", 14, 0x10, 2093, len(body), b".FIT")
    header += struct.pack("<H", _crc(header))
    data = header + bytes(body)
    return data + struct.pack("<H", _crc(data))


@dataclass
class Activity:
    ident: int
    start: datetime
    points: list[tuple[float, float]]
    kind: str = "gpx"  # gpx, tcx, fit; with gz=True, compressed
    gz: bool = False
    name: str = "Morning Run"
    activity_type: str = "Run"
    description: str = ""
    commute: bool = False


@dataclass
class StravaExport:
    first_name: str = "Invented"
    last_name: str = "Runner"
    city: str = "London"
    activities: list[Activity] = field(default_factory=list)
    privacy_zones: list[tuple[str, int]] = field(default_factory=list)  # (address, radius m)
    activity_visibility: str = "everyone"
    manual: int = 1  # activities without a file
    generation: str = "2020"  # "2020": today's header; "2018": the first GDPR exports' lower-case CSVs

    def files(self) -> dict[str, bytes]:
        out: dict[str, bytes] = {}
        rows = []
        for act in self.activities:
            name = f"activities/{act.ident}.{act.kind}" + (".gz" if act.gz else "")
            data = {"gpx": gpx, "tcx": tcx, "fit": fit}[act.kind](act.points, act.start)
            out[name] = gzip.compress(data, mtime=0) if act.gz else data
            rows.append(self._row(act, name))
        for i in range(self.manual):
            rows.append(self._row(Activity(900 + i, datetime(2024, 1, 1, tzinfo=UTC), [], name="Treadmill"), ""))
        if self.generation == "2018":
            return self._files_2018(out)
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(rows)
        out["activities.csv"] = buf.getvalue().encode()
        out["profile.csv"] = _csv(["Athlete ID", "Email Address", "First Name", "Last Name", "Sex", "Description",
                                   "Weight", "City", "State", "Country", "Health Consent Status",
                                   "Date of Health Consent"],
                                  [["123", "invented@example.com", self.first_name, self.last_name, "F", "", "",
                                    self.city, "England", "United Kingdom", "", ""]])
        out["privacy_zones.csv"] = _csv(["Address", "Range"], [[a, f"{r}"] for a, r in self.privacy_zones])
        out["visibility_settings.csv"] = _csv(["Setting", "Value"], [["Activity Visibility", self.activity_visibility],
                                                                     ["Profile Page", "everyone"]])
        out["bikes.csv"] = _csv(["Bike Name", "Bike Brand", "Bike Model"], [])
        return out

    def _files_2018(self, out: dict[str, bytes]) -> dict[str, bytes]:
        """The 2018 layout: lower-case columns, ISO dates in UTC, distances in metres, no settings files."""
        rows = [[str(act.ident), act.start.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S"), act.name, act.activity_type,
                 act.description, "1468", "6075.0", "true" if act.commute else "false", "",
                 f"activities/{act.ident}.{act.kind}" + (".gz" if act.gz else "")] for act in self.activities]
        out["activities.csv"] = _csv(["id", "date", "name", "type", "description", "elapsed_time", "distance",
                                      "commute", "gear", "filename"], rows)
        out["profile.csv"] = _csv(["email", "firstname", "lastname", "sex", "description", "weight", "city", "state",
                                   "country"], [["invented@example.com", self.first_name, self.last_name, "F", "", "",
                                                 self.city, "England", "United Kingdom"]])
        out["kudos.csv"] = _csv(["activity_id", "athlete"], [])
        return out

    def _row(self, act: Activity, filename: str) -> list[str]:
        row = [""] * len(HEADER)
        values: dict[int, str] = {0: str(act.ident), 1: strava_date(act.start), 2: act.name, 3: act.activity_type,
                                  4: act.description, 6: "5.21", 9: "true" if act.commute else "false",
                                  12: filename, 17: "5210.4", 50: "1.0" if act.commute else "0.0"}
        for index, value in values.items():
            row[index] = value
        return row


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue().encode()


def _demo_export(persona: Any) -> StravaExport:
    export = StravaExport(first_name=persona.first_name, last_name=persona.name.split()[-1], city="Forest Hill",
                          privacy_zones=[], activity_visibility="everyone", manual=1)
    saturday = datetime(2026, 6, 6, 8, 15, tzinfo=UTC)
    for week in range(6):
        when = saturday + timedelta(days=7 * week)
        export.activities.append(Activity(14_000_000_000 + week, when, route(persona.home, persona.parkrun_place, 120),
                                          kind=("gpx", "fit", "tcx")[week % 3], gz=week % 2 == 1,
                                          name="Saturday parkrun warm-up"))
    export.activities.append(Activity(14_000_000_100, saturday + timedelta(days=2, hours=-1),
                                      route(persona.home, (51.4613, -0.0094), 150), name="Run to work",
                                      commute=True, description="Run in before the early turn"))
    return export


def build_demo_strava(dest_dir: Path, persona: Any = None) -> Path:
    from scripts.make_demo import PERSONA

    return write_folder(_demo_export(persona or PERSONA).files(), dest_dir / "export_81234567")


def build_demo(out: Path, persona: Any, truth: Any) -> list[Path]:
    """make_demo.py plug-in: the Strava zip, runs starting at home, no privacy zone, public activities."""
    name = "export_81234567.zip"
    export = _demo_export(persona)
    path = write_zip(export.files(), out / name)
    truth.export(name, "strava", "Strava bulk export of the invented officer")
    first = export.activities[0]
    truth.plant(export=name, platform="strava", category="home_address", file=f"activities/{first.ident}.gpx",
                pointer="/track/0/point/0", what="runs start and end at home, no privacy zone",
                location=persona.home, radius_m=200.0)
    truth.plant(export=name, platform="strava", category="account_exposure", file="privacy_zones.csv", pointer="",
                what="no privacy zone set")
    truth.plant(export=name, platform="strava", category="account_exposure", file="visibility_settings.csv",
                pointer="/0/Value", what="activities visible to everyone")
    return [path]
