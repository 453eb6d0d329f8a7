# Build Offduty on Windows: PyInstaller folder, then the Inno Setup installer.
# Run in PowerShell from the repository root with Python 3.11+ and Inno Setup 6 (iscc on PATH).
$ErrorActionPreference = "Stop"
python -m venv .venv
.venv\Scripts\python -m pip install --upgrade pip
.venv\Scripts\python -m pip install -e . "pyinstaller>=6.5"
$version = (.venv\Scripts\python -c "from checks.version import __version__; print(__version__)").Trim()
if (-not (Select-String -Path packaging\windows\version_info.txt -Pattern "'FileVersion', '$version'" -Quiet)) {
  throw "packaging\windows\version_info.txt does not match version $version"
}
.venv\Scripts\pyinstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller packaging\offduty.spec
.venv\Scripts\python -c "import subprocess,sys; sys.exit(subprocess.call([r'dist\offduty\offduty-cli.exe','--version']))"
$env:OFFDUTY_VERSION = $version
iscc packaging\windows\offduty.iss
Write-Host "built dist\Offduty-$version-setup.exe"
