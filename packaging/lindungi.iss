; Inno Setup 6 script for Lindungi: a per-user installer for the PyInstaller onedir build.
;
;   pyinstaller --noconfirm --clean packaging\lindungi.spec
;   iscc /DAppVersion=0.1.0 /DAppNumVersion=0.1.0.0 packaging\lindungi.iss
;
; writes dist\installer\Lindungi-<AppVersion>-setup.exe. Needs Inno Setup 6.3 or later
; (the x64compatible architecture identifier). Paths are relative to this file.
;
; Install: per user, without administrator rights, into %LOCALAPPDATA%\Programs\Lindungi
; ({userpf}), with a Start-menu shortcut and, if ticked, a desktop shortcut.
;
; Upgrade: run the installer of the new version. The AppId below never changes, so Setup
; finds the earlier install, closes a running Lindungi (CloseApplications, through the
; Restart Manager), clears the old program files and installs the new ones. The data dir
; (%LOCALAPPDATA%\Lindungi: the database, backups, keys, logs) is not touched: on its first
; start after an upgrade the app itself backs up the database and migrates it to the new
; schema (app/services/context.py opening the data dir, app/store/migrate.py: a backup
; with the SQLite backup API, then the Alembic upgrade, only when the schema is behind).
;
; Uninstall: removes the program; keeps the data dir unless the user answers Yes to the
; question asked in [Code] below (a silent uninstall always keeps it).

#if VER < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or later is required (x64compatible)
#endif

; Version shown to the user: the CI passes app.__version__ (iscc /DAppVersion=...).
#ifndef AppVersion
  #define AppVersion "0.0.0-dev"
#endif
; Windows wants four numbers in the version resource of setup.exe.
#ifndef AppNumVersion
  #define AppNumVersion "0.0.0.0"
#endif
; The onedir folder that PyInstaller wrote (override with /DDistDir=...).
#ifndef DistDir
  #define DistDir "..\dist\Lindungi"
#endif
#ifndef OutputDir
  #define OutputDir "..\dist\installer"
#endif

#define AppName "Lindungi"
#define AppExe "Lindungi.exe"
#define AppPublisher "Pemerintah Kabupaten (Lindungi project)"

[Setup]
; Never change AppId: it is how an upgrade finds the installed copy. ("{{" is a literal "{".)
AppId={{5E1BB0B8-327C-40D8-A8A4-412391A1A017}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
AppCopyright=Lindungi project, MIT licence
VersionInfoVersion={#AppNumVersion}
VersionInfoProductVersion={#AppNumVersion}
VersionInfoProductTextVersion={#AppVersion}
VersionInfoDescription={#AppName} Setup
VersionInfoCompany={#AppPublisher}

; Per user: no UAC prompt, program files where the user can write them.
PrivilegesRequired=lowest
DefaultDirName={userpf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes

; 64-bit build of 64-bit Python; Windows 10 1809 or later, the oldest Windows that Qt 6
; supports.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763

; Upgrades: close the running app (the GUI or a CLI run) before replacing its files;
; do not restart it afterwards, the user starts the new version from the last page.
CloseApplications=yes
RestartApplications=no

SetupIconFile=lindungi.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
OutputDir={#OutputDir}
OutputBaseFilename={#AppName}-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes

ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage
; Indonesian.isl carries both the 6.5 message names and the 6.3/6.4 ones that 6.5
; renamed; each compiler knows only one of each pair, so this warning would always fire.
NotRecognizedMessagesWarning=no

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "id"; MessagesFile: "Indonesian.isl"

[CustomMessages]
en.DeleteDataQuestion=Also delete the Lindungi data folder?%n%n%1%n%nIt holds the database of participants, its backups, the office keys and the logs. They cannot be recovered once deleted.%n%nChoose No to keep them, for example to install Lindungi again later.
id.DeleteDataQuestion=Hapus juga folder data Lindungi?%n%n%1%n%nFolder ini berisi basis data peserta, cadangannya, kunci kantor, dan log. Semuanya tidak dapat dipulihkan setelah dihapus.%n%nPilih Tidak untuk menyimpannya, misalnya agar Lindungi dapat diinstal lagi nanti.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; Files of the previous version that the new one no longer ships (an old Qt plugin, say)
; must not linger beside the new ones: clear the bundle before copying. {app} is the
; program folder only, never the data dir.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
const
  DataDirName = 'Lindungi';

// Keep the data dir unless the user explicitly asks to delete it. No is the default
// button, and a silent uninstall (/SUPPRESSMSGBOXES) takes No as well.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usUninstall then
  begin
    DataDir := ExpandConstant('{localappdata}\' + DataDirName);
    if DirExists(DataDir) then
    begin
      if SuppressibleMsgBox(FmtMessage(CustomMessage('DeleteDataQuestion'), [DataDir]),
                            mbConfirmation, MB_YESNO or MB_DEFBUTTON2, IDNO) = IDYES then
      begin
        if not DelTree(DataDir, True, True, True) then
          Log('Could not delete all of ' + DataDir);
      end;
    end;
  end;
end;
