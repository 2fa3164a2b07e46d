; Inno Setup script: installs the folder PyInstaller made into Program Files.
; AppVersion is passed by installer/build.py from pyproject.toml.
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppName=OC Desktop
AppVersion={#AppVersion}
DefaultDirName={autopf}\OC Desktop
DefaultGroupName=OC Desktop
OutputBaseFilename=oc-desktop-{#AppVersion}-setup
OutputDir=..\dist
Compression=lzma2
SolidCompression=yes
; Per-user data (the database) lives in AppData and is never touched by (un)install.
PrivilegesRequiredOverridesAllowed=dialog

[Files]
Source: "..\dist\oc-desktop-{#AppVersion}\*"; DestDir: "{app}"; Flags: recursesubdirs

[Icons]
Name: "{group}\OC Desktop"; Filename: "{app}\oc-desktop.exe"
Name: "{autodesktop}\OC Desktop"; Filename: "{app}\oc-desktop.exe"
