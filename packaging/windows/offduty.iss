; Inno Setup script for Offduty on Windows. Build the PyInstaller folder first
; (packaging\build-windows.ps1 does both), then: iscc packaging\windows\offduty.iss
#define AppVersion GetEnv("OFFDUTY_VERSION")
#if AppVersion == ""
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6B0F3A52-9D5E-4C1B-A1F4-0F3D7E000001}
AppName=Offduty
AppVersion={#AppVersion}
AppPublisher=The Offduty developers
AppPublisherURL=https://offduty.uk/
DefaultDirName={autopf}\Offduty
DefaultGroupName=Offduty
; Per-user install by default so managed machines without admin rights can install it.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=Offduty-{#AppVersion}-setup
SetupIconFile=..\icons\offduty.ico
UninstallDisplayIcon={app}\offduty.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\offduty\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Offduty"; Filename: "{app}\offduty.exe"
Name: "{group}\Uninstall Offduty"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Offduty"; Filename: "{app}\offduty.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\offduty.exe"; Description: "{cm:LaunchProgram,Offduty}"; Flags: nowait postinstall skipifsilent
