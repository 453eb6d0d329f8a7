"""The registry of detectors and analyzers. Adding one is one module + one line here."""

from __future__ import annotations

from checks.detectors.base import Analyzer, Detector

DETECTORS: list[type[Detector]] = []
ANALYZERS: list[type[Analyzer]] = []


def register(cls: type[Detector]) -> type[Detector]:
    DETECTORS.append(cls)
    return cls


def register_analyzer(cls: type[Analyzer]) -> type[Analyzer]:
    ANALYZERS.append(cls)
    return cls


# -- the registered detectors, one line each ---------------------------------------------------
from checks.detectors import account as _account  # noqa: E402
from checks.detectors import conduct as _conduct  # noqa: E402
from checks.detectors import employer as _employer  # noqa: E402
from checks.detectors import family as _family  # noqa: E402
from checks.detectors import home_address as _home_address  # noqa: E402
from checks.detectors import identity as _identity  # noqa: E402
from checks.detectors import location as _location  # noqa: E402
from checks.detectors import official as _official  # noqa: E402

register(_home_address.HomeAddress)
register(_employer.EmployerDisclosure)
register(_identity.IdentityDetails)
register(_family.FamilyDetails)
register(_official.OfficialInformation)
register(_conduct.ConductRisk)
register(_location.LocationPattern)
register(_account.AccountExposure)
from checks.detectors.photo_text import PhotoTextDetector  # noqa: E402

register(PhotoTextDetector)
from checks.detectors.upload_ip import UploadIpAddress  # noqa: E402

register(UploadIpAddress)

# -- the registered analyzers (across items), one line each ------------------------------------

from checks.places.analyzer import PlacesAnalyzer  # noqa: E402
from checks.places.camera import CameraIdentity  # noqa: E402

register_analyzer(PlacesAnalyzer)
register_analyzer(CameraIdentity)

__all__ = ["ANALYZERS", "DETECTORS", "Analyzer", "Detector", "register", "register_analyzer"]
