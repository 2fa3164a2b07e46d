; Inno Setup script: installs the folder oc_desktop.spec builds. Run through
; `python installer/build.py`, which passes the defines below from pyproject.toml and the
; spec's rules (installer/rules.py), so name, version and file names never drift apart.
;
; Per user by default, without administrator rights (into %LOCALAPPDATA%\Programs);
; "for all users" remains a choice on the first page. A Start-menu entry and an
; uninstaller; the data folder (the register and its scans) is never touched by installing,
; updating or uninstalling.
#ifndef AppName
  #define AppName "OC Desktop"
#endif
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
; the folder PyInstaller made, and the window's program in it
#ifndef DistDir
  #define DistDir "..\dist\oc-desktop-" + AppVersion
#endif
#ifndef WindowExe
  #define WindowExe "OC Desktop.exe"
#endif
#ifndef ConsoleExe
  #define ConsoleExe "oc-desktop.exe"
#endif
#ifndef OutputDir
  #define OutputDir "..\dist"
#endif
; Qt's AppDataLocation for organisation and application both "OC Desktop" (ui/app.py)
#define DataDir "AppData\Roaming\OC Desktop\OC Desktop, in your user folder"

[Setup]
; One id for every version, so a new version installs over the old one.
AppId={{6F1B2C64-0B7E-4B8C-9C61-3D0A9E0C5A17}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\{#WindowExe}
UninstallDisplayName={#AppName} {#AppVersion}
OutputBaseFilename=oc-desktop-{#AppVersion}-setup
OutputDir={#OutputDir}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An update replaces the program folder whole: no module of an older version stays behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#WindowExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#WindowExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#WindowExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Messages]
FinishedLabel=Setup has installed [name] on your computer. Open it from the Start menu.%n%nYour data (the registers and their scans) is kept in {#DataDir}; back it up with File > Back up. Commands for scripts: "{#ConsoleExe}" in the program folder.
ConfirmUninstall=Remove %1 from this computer?%n%nYour data in {#DataDir} is kept: remove that folder yourself only when you no longer need it.
