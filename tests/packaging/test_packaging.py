"""Packaging: desktop entry and AppStream metadata validate, icons exist, and the frozen Linux
bundle (PyInstaller, one folder) runs: the contract report from the demo, and the window offscreen.

The bundle build takes about a minute; it is what CI ships, so CI builds and smoke-tests it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from tests.report.contract import check_contract

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (scripts/bootstrap.sh installs it)")
    return path


def test_desktop_entry_validates() -> None:
    desktop = PACKAGING / "linux" / "uk.offduty.Offduty.desktop"
    result = subprocess.run([_tool("desktop-file-validate"), str(desktop)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


def test_appstream_metainfo_validates() -> None:
    metainfo = PACKAGING / "linux" / "uk.offduty.Offduty.metainfo.xml"
    result = subprocess.run([_tool("appstreamcli"), "validate", "--no-net", str(metainfo)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    text = metainfo.read_text(encoding="utf-8")
    from checks.version import __version__

    assert f'<release version="{__version__}"' in text, "the metainfo's newest release must be this version"
    assert "<launchable type=\"desktop-id\">uk.offduty.Offduty.desktop</launchable>" in text


def test_icon_set_is_complete() -> None:
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        with Image.open(PACKAGING / "icons" / f"offduty-{size}.png") as image:
            assert image.size == (size, size) and image.mode == "RGBA"
    with Image.open(PACKAGING / "icons" / "offduty.ico") as ico:
        assert ico.format == "ICO"
    with Image.open(PACKAGING / "icons" / "offduty.icns") as icns:
        assert icns.format == "ICNS"
    assert (ROOT / "resources" / "icons" / "offduty.png").is_file()


def test_windows_version_resource_matches_the_version() -> None:
    from checks.version import __version__

    text = (PACKAGING / "windows" / "version_info.txt").read_text(encoding="utf-8")
    assert f"StringStruct('FileVersion', '{__version__}')" in text
    major, minor, patch = (int(p) for p in __version__.split(".")[:3])
    assert f"filevers=({major}, {minor}, {patch}, 0)" in text


@pytest.fixture(scope="module")
def frozen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.skip("PyInstaller is not installed (it is in the test extra)")
    work = tmp_path_factory.mktemp("pyinstaller")
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(work / "dist"),
         "--workpath", str(work / "build"), str(PACKAGING / "offduty.spec")],
        capture_output=True, text=True, cwd=ROOT, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    exe = work / "dist" / "offduty" / "offduty-cli"
    assert exe.is_file()
    return exe


@pytest.mark.slow
def test_frozen_bundle_writes_a_contract_report_from_the_demo(frozen: Path, tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([str(frozen), "scan", "--demo", "--json", "-", "--quiet"], capture_output=True,
                            text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["schema"] == "offduty.report/1" and report["findings"]
    check_contract(report, "--min-findings", "3", tmp_path=tmp_path)


@pytest.mark.slow
def test_frozen_bundle_opens_the_window_offscreen(frozen: Path, tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    shots = tmp_path / "shots"
    gui = frozen.with_name("offduty")
    result = subprocess.run([str(gui), "--demo", "--screenshot", str(shots)], capture_output=True, text=True,
                            env=env, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    pngs = sorted(shots.glob("*.png"))
    assert pngs, "the frozen app must show its pages"
    with Image.open(pngs[0]) as image:
        assert image.size[0] > 400 and image.size[1] > 300
