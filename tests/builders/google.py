"""Builders of Google exports: Takeout Location History, Maps places, Photos sidecars, on-device Timeline.

Structures follow research §5 (Records.json E7, Semantic Location History months, Android
`semanticSegments`/`rawSignals`/`frequentPlaces`, iOS `geo:` arrays, Photos sidecars with
truncated names). Invented places and people only.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tests.builders._zipped import write_folder, write_zip
from tests.builders.photos import DEMO_STATION, PhotoSpec, photo_bytes


def e7(value: float) -> int:
    return round(value * 1e7)


def record(lat: float, lon: float, when: datetime, accuracy: int = 15, legacy_ms: bool = False,
           overflow: bool = False) -> dict[str, Any]:
    lat_e7, lon_e7 = e7(lat), e7(lon)
    if overflow:  # the int32 overflow some real files show
        lat_e7 += 2**32 if lat_e7 < 0 else 0
        lon_e7 += 2**32 if lon_e7 < 0 else 0
    out: dict[str, Any] = {"latitudeE7": lat_e7, "longitudeE7": lon_e7, "accuracy": accuracy, "source": "WIFI",
                           "deviceTag": 1234567, "platformType": "ANDROID"}
    if legacy_ms:
        out["timestampMs"] = str(int(when.timestamp() * 1000))
    else:
        out["timestamp"] = when.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    return out


def place_visit(lat: float, lon: float, start: datetime, name: str, address: str,
                semantic: str = "TYPE_UNKNOWN", ms: bool = False) -> dict[str, Any]:
    duration = ({"startTimestampMs": str(int(start.timestamp() * 1000)),
                 "endTimestampMs": str(int((start + timedelta(hours=1)).timestamp() * 1000))} if ms else
                {"startTimestamp": start.isoformat().replace("+00:00", "Z"),
                 "endTimestamp": (start + timedelta(hours=1)).isoformat().replace("+00:00", "Z")})
    return {"placeVisit": {"location": {"latitudeE7": e7(lat), "longitudeE7": e7(lon), "placeId": "ChIJfake",
                                        "address": address, "name": name, "semanticType": semantic,
                                        "locationConfidence": 85.0},
                           "duration": duration, "placeConfidence": "HIGH_CONFIDENCE", "visitConfidence": 90}}


def activity_segment(a: tuple[float, float], b: tuple[float, float], start: datetime) -> dict[str, Any]:
    return {"activitySegment": {"startLocation": {"latitudeE7": e7(a[0]), "longitudeE7": e7(a[1])},
                                "endLocation": {"latitudeE7": e7(b[0]), "longitudeE7": e7(b[1])},
                                "duration": {"startTimestamp": start.isoformat().replace("+00:00", "Z"),
                                             "endTimestamp": (start + timedelta(minutes=20)).isoformat()},
                                "distance": 2640, "activityType": "IN_BUS", "confidence": "HIGH"}}


def deg(lat: float, lon: float) -> str:
    return f"{lat:.7f}°, {lon:.7f}°"


def android_timeline(home: tuple[float, float], work: tuple[float, float], start: datetime) -> dict[str, Any]:
    local = start.astimezone().isoformat(timespec="milliseconds")
    return {
        "semanticSegments": [
            {"startTime": local, "endTime": (start + timedelta(hours=8)).isoformat(timespec="milliseconds"),
             "startTimeTimezoneUtcOffsetMinutes": 60,
             "visit": {"hierarchyLevel": 0, "probability": 0.9,
                       "topCandidate": {"placeId": "ChIJhome", "semanticType": "HOME", "probability": 0.9,
                                        "placeLocation": {"latLng": deg(*home)}}}},
            {"startTime": (start + timedelta(hours=8)).isoformat(),
             "endTime": (start + timedelta(hours=9)).isoformat(),
             "activity": {"start": {"latLng": deg(*home)}, "end": {"latLng": deg(*work)}, "distanceMeters": 4200.0,
                          "topCandidate": {"type": "IN_BUS", "probability": 0.9}}},
            {"startTime": (start + timedelta(hours=9)).isoformat(),
             "endTime": (start + timedelta(hours=10)).isoformat(),
             "timelinePath": [{"point": deg(*work), "time": (start + timedelta(hours=9, minutes=5)).isoformat()}]},
        ],
        "rawSignals": [{"position": {"LatLng": deg(*home), "accuracyMeters": 12, "altitudeMeters": 40.0,
                                     "source": "WIFI", "timestamp": start.isoformat()}},
                       {"activityRecord": {"probableActivities": [{"type": "STILL", "confidence": 0.9}]}}],
        "userLocationProfile": {"frequentPlaces": [
            {"placeId": "ChIJhome", "placeLocation": deg(*home), "label": "HOME"},
            {"placeId": "ChIJwork", "placeLocation": deg(*work), "label": "WORK"},
            {"placeId": "ChIJgym", "placeLocation": deg(work[0] + 0.01, work[1])}]},
    }


def ios_timeline(home: tuple[float, float], work: tuple[float, float], start: datetime) -> list[dict[str, Any]]:
    s = start.isoformat(timespec="milliseconds")
    return [
        {"startTime": s, "endTime": (start + timedelta(hours=1)).isoformat(),
         "visit": {"hierarchyLevel": "0", "probability": "0.98",
                   "topCandidate": {"probability": "0.98", "semanticType": "Home", "placeID": "ChIJhome",
                                    "placeLocation": f"geo:{home[0]:.6f},{home[1]:.6f}"}}},
        {"startTime": (start + timedelta(hours=1)).isoformat(), "endTime": (start + timedelta(hours=2)).isoformat(),
         "activity": {"start": f"geo:{home[0]:.6f},{home[1]:.6f}", "end": f"geo:{work[0]:.6f},{work[1]:.6f}",
                      "distanceMeters": "4200.5", "topCandidate": {"type": "walking", "probability": "0.9"}}},
        {"startTime": s, "endTime": (start + timedelta(hours=2)).isoformat(),
         "timelinePath": [{"point": f"geo:{work[0]:.6f},{work[1]:.6f}", "durationMinutesOffsetFromStartTime": "10"}]},
    ]


def sidecar(title: str, taken: datetime, lat: float = 0.0, lon: float = 0.0, exif_lat: float = 0.0,
            exif_lon: float = 0.0, people: tuple[str, ...] = ()) -> dict[str, Any]:
    ts = str(int(taken.timestamp()))
    out: dict[str, Any] = {
        "title": title, "description": "", "imageViews": "3",
        "creationTime": {"timestamp": str(int(taken.timestamp()) + 86400), "formatted": "upload"},
        "photoTakenTime": {"timestamp": ts, "formatted": taken.strftime("%d %b %Y, %H:%M:%S UTC")},
        "geoData": {"latitude": lat, "longitude": lon, "altitude": 0.0, "latitudeSpan": 0.0, "longitudeSpan": 0.0},
        "geoDataExif": {"latitude": exif_lat, "longitude": exif_lon, "altitude": 0.0, "latitudeSpan": 0.0,
                        "longitudeSpan": 0.0},
        "url": "https://photos.google.com/photo/AF1Qfake",
        "googlePhotosOrigin": {"mobileUpload": {"deviceFolder": {"localFolderName": ""},
                                                "deviceType": "ANDROID_PHONE"}},
    }
    if people:
        out["people"] = [{"name": p} for p in people]
    return out


def labelled_places(places: list[tuple[str, float, float, str]]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": [
        {"geometry": {"coordinates": [lon, lat], "type": "Point"}, "properties": {"address": addr, "name": name},
         "type": "Feature"} for name, lat, lon, addr in places]}


def reviews(entries: list[tuple[str, float, float, str, str, int]]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": [
        {"geometry": {"coordinates": [lon, lat], "type": "Point"}, "type": "Feature",
         "properties": {"date": "2024-09-01T10:00:00.000Z", "five_star_rating_published": stars,
                        "google_maps_url": "http://maps.google.com/?cid=1", "review_text_published": text,
                        "location": {"address": addr, "name": name, "country_code": "GB"}}}
        for name, lat, lon, addr, text, stars in entries]}


def write_json(path: Path, data: Any, bom: bool = False) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, indent=1)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode())
    return path


def _demo_files(persona: Any) -> dict[str, bytes]:
    home, station = persona.home, DEMO_STATION
    base = datetime(2025, 3, 3, 6, 30, tzinfo=UTC)
    fixes = []
    for day in range(20):
        d = base + timedelta(days=day)
        fixes.append(record(*home, d))
        fixes.append(record(*station, d + timedelta(hours=1, minutes=10)))
        fixes.append(record(home[0] + 0.0001, home[1], d + timedelta(hours=12)))
    address = f"{persona.street_address}, London {persona.postcode}"
    lh = "Takeout/Location History (Timeline)/"
    photo = "Takeout/Google Photos/Photos from 2025/PXL_20250614_170500123.jpg"
    return {
        lh + "Records.json": _json({"locations": fixes}),
        lh + "Semantic Location History/2025/2025_MARCH.json": _json({"timelineObjects": [
            place_visit(*home, base, "Home", address, "TYPE_HOME"),
            activity_segment(home, station, base + timedelta(hours=1))]}),
        "Takeout/Maps/My labelled places/Labelled places.json": _json(labelled_places([("Home", *home, address)])),
        photo: photo_bytes(PhotoSpec(*home, taken=datetime(2025, 6, 14, 18, 5), offset="+01:00")),
        photo + ".supplemental-metadata.json": _json(sidecar(photo.rsplit("/", 1)[1], base, *home, *home)),
        "Takeout/archive_browser.html": b"<html><body>Takeout</body></html>",
    }


def _json(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1).encode()


DEMO_EXPORT = "takeout-20261101T091244Z-001.zip"


def build_demo_google(dest_dir: Path, persona: Any = None) -> Path:
    """Takeout of the demo officer as a folder: home labelled, commutes to Lewisham, a photo at home."""
    from scripts.make_demo import PERSONA

    return write_folder(_demo_files(persona or PERSONA), dest_dir / "takeout-20261101T091244Z-001")


def build_demo(out: Path, persona: Any, truth: Any) -> list[Path]:
    """make_demo.py plug-in: the Google Takeout zip and its planted exposures."""
    path = write_zip(_demo_files(persona), out / DEMO_EXPORT)
    truth.export(DEMO_EXPORT, "google", "Google Takeout (location history, Maps, Photos) of the invented officer")
    lh = "Takeout/Location History (Timeline)/"
    truth.plant(export=DEMO_EXPORT, platform="google", category="home_address",
                file=lh + "Semantic Location History/2025/2025_MARCH.json",
                pointer="/timelineObjects/0/placeVisit", what="home labelled TYPE_HOME with its street address",
                location=persona.home, radius_m=150.0)
    truth.plant(export=DEMO_EXPORT, platform="google", category="home_address",
                file="Takeout/Maps/My labelled places/Labelled places.json", pointer="/features/0",
                what="Maps place labelled Home", location=persona.home, radius_m=150.0)
    truth.plant(export=DEMO_EXPORT, platform="google", category="location_pattern", file=lh + "Records.json",
                pointer="", what="weekday mornings at Lewisham from location history", location=DEMO_STATION,
                radius_m=200.0)
    truth.plant(export=DEMO_EXPORT, platform="google", category="photo_metadata",
                file="Takeout/Google Photos/Photos from 2025/PXL_20250614_170500123.jpg", pointer="",
                what="photo with GPS of home", location=persona.home, radius_m=150.0)
    return [path]
