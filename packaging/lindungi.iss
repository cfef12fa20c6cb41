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
; finds the earlier install. It never replaces a running program (that left a broken
; install: the old bundle deleted, the copy failing on the open Lindungi.exe, the rollback
; not restoring what was deleted). Every Lindungi process holds the named mutex AppMutex
; names (app/winproc.py); Setup refuses to start while it exists, offers to close a running
; Lindungi through the Restart Manager (CloseApplications), and checks again just before
; installing. Only then is the old bundle moved aside ({app}\_internal.old, so that no file
; of the old version lingers beside the new ones; a bundle Windows still holds open cannot
; be moved, and Setup stops without changing anything); it is deleted after a successful
; install and put back if the install fails. The data dir
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
; Held by every running Lindungi process: app/winproc.py creates it (a test checks the name).
#define AppMutexName "Lindungi-5E1BB0B8-327C-40D8-A8A4-412391A1A017"

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
; {userpf} (%LOCALAPPDATA%\Programs), through [Code] because Wine cannot expand it.
DefaultDirName={code:DefaultAppDir}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes

; 64-bit build of 64-bit Python; Windows 10 1809 or later, the oldest Windows that Qt 6
; supports.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763

; Upgrades: refuse while the app runs (the GUI or a CLI run), offer to close it, check
; again before installing ([Code]); do not restart it afterwards, the user starts the new
; version from the last page.
AppMutex={#AppMutexName}
CloseApplications=yes
RestartApplications=no

SetupIconFile=lindungi.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
OutputDir={#OutputDir}
OutputBaseFilename={#AppName}-{#AppVersion}-setup
; A 64 MB dictionary (ultra64; max has 8 MB) reaches back past the first executable, so the
; second one's copy of the same PYZ costs almost nothing: 12.7 MB less with every driver
; (packaging/README.md). Compressing then needs about 700 MB, in a 64-bit helper process;
; unpacking, 64 MB.
Compression=lzma2/ultra64
LZMAUseSeparateProcess=yes
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
; The buttons of a message box follow the language of Windows, not the one chosen here:
; no text below names a button.
en.DeleteDataQuestion=Also delete the Lindungi data folder?%n%n%1%n%nIt holds the database of participants, its backups, the office keys and the logs. They cannot be recovered once deleted.%n%nIf in doubt, keep them: installed again later, Lindungi finds them as they were.
id.DeleteDataQuestion=Hapus juga folder data Lindungi?%n%n%1%n%nFolder ini berisi basis data peserta, cadangannya, kunci kantor, dan log. Semuanya tidak dapat dipulihkan setelah dihapus.%n%nJika ragu, simpan saja: bila Lindungi diinstal lagi nanti, datanya masih ada seperti semula.
en.AppStillRunning=Lindungi is still running, so its files cannot be replaced.%n%nSave your work, close every Lindungi window (and any command that is running), then try again. Nothing has been changed yet.
id.AppStillRunning=Lindungi masih berjalan, sehingga berkasnya tidak dapat diganti.%n%nSimpan pekerjaan Anda, tutup semua jendela Lindungi (dan perintah yang sedang berjalan), lalu coba lagi. Belum ada yang diubah.
en.BundleInUse=The program files in%n%1%nare in use by another program, so they cannot be replaced. Close it (or restart Windows) and run Setup again. Nothing has been changed.
id.BundleInUse=Berkas program di%n%1%nsedang dipakai program lain, sehingga tidak dapat diganti. Tutup program itu (atau mulai ulang Windows), lalu jalankan instalasi lagi. Tidak ada yang diubah.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

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

var
  // {app}\_internal.old while an upgrade runs: the old bundle, moved aside.
  OldBundle: String;
  Installed: Boolean;

// {userpf} is %LOCALAPPDATA%\Programs on Windows 7 and later; Wine has no such known folder.
function DefaultAppDir(Param: String): String;
begin
  try
    Result := ExpandConstant('{userpf}');
  except
    Result := ExpandConstant('{localappdata}\Programs');
  end;
  Result := AddBackslash(Result) + '{#AppName}';
end;

// Just before the first file is written (after Setup's start-up check of AppMutex and the
// Restart Manager's offer to close the app): refuse while Lindungi runs, then move the old
// bundle aside. Abort here ends Setup with nothing changed.
procedure CurStepChanged(CurStep: TSetupStep);
var
  Bundle: String;
begin
  if CurStep = ssInstall then
  begin
    while CheckForMutexes('{#AppMutexName}') do
      if SuppressibleMsgBox(CustomMessage('AppStillRunning'), mbError, MB_RETRYCANCEL,
                            IDCANCEL) <> IDRETRY then
      begin
        Log('Lindungi is running: nothing installed');
        Abort;
      end;
    Bundle := ExpandConstant('{app}\_internal');
    if DirExists(Bundle + '.old') then
      DelTree(Bundle + '.old', True, True, True);
    if DirExists(Bundle) then
    begin
      // Windows refuses to move a folder while a file in it is open or loaded.
      if not RenameFile(Bundle, Bundle + '.old') then
      begin
        Log('Cannot move ' + Bundle + ' aside: in use');
        SuppressibleMsgBox(FmtMessage(CustomMessage('BundleInUse'), [Bundle]), mbError,
                           MB_OK, IDOK);
        Abort;
      end;
      OldBundle := Bundle + '.old';
    end;
  end
  else if CurStep = ssPostInstall then
  begin
    Installed := True;
    if (OldBundle <> '') and not DelTree(OldBundle, True, True, True) then
      Log('Could not delete all of ' + OldBundle + '; the next upgrade deletes it');
  end;
end;

// An install that failed after the old bundle was moved aside (a file in use, a full disk):
// put the old bundle back, so that the old version still runs.
procedure DeinitializeSetup();
var
  Bundle: String;
begin
  if (OldBundle <> '') and not Installed and DirExists(OldBundle) then
  begin
    Bundle := Copy(OldBundle, 1, Length(OldBundle) - Length('.old'));
    if DirExists(Bundle) then
      DelTree(Bundle, True, True, True);
    if RenameFile(OldBundle, Bundle) then
      Log('Restored ' + Bundle)
    else
      Log('Could not restore ' + Bundle + ' from ' + OldBundle);
  end;
end;

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
