; *** Inno Setup version 6.5.0+ Indonesian (Bahasa Indonesia) messages ***
;
; Written for the Lindungi project as a translation of Inno Setup's Default.isl, version
; 6.5 (message names also checked against 6.2-6.4). It covers every message of
; [Messages] and [CustomMessages] in Default.isl. A few messages were renamed in 6.5;
; their older names are translated too, at the end of [Messages], so that Inno Setup 6.3
; and 6.4 find them as well (lindungi.iss sets NotRecognizedMessagesWarning=no, since
; each compiler knows only one of the two names).
;
; Terms, following Windows in Indonesian: install = instal / menginstal, installation =
; instalasi, uninstall = hapus instalasi, shortcut = pintasan, Start Menu = menu Mulai,
; folder = folder, Browse = Telusuri, Next = Berikutnya, Back = Kembali, Cancel = Batal.
; The file is plain ASCII on purpose: Indonesian needs no accented letters.
; The buttons of message boxes follow the language of Windows, not this file: a message box
; that names its buttons gives both names ("Batal (Cancel)").
;
; Note: do not add periods (.) to the end of messages that didn't have them already,
; because on those messages Inno Setup adds the periods automatically.

[LangOptions]
LanguageName=Bahasa Indonesia
LanguageID=$0421
LanguageCodePage=1252
;DialogFontName=
;DialogFontSize=8
;WelcomeFontName=Verdana
;WelcomeFontSize=12
;TitleFontName=Arial
;TitleFontSize=29
;CopyrightFontName=Arial
;CopyrightFontSize=8

[Messages]

; *** Application titles
SetupAppTitle=Instalasi
SetupWindowTitle=Instalasi - %1
UninstallAppTitle=Hapus Instalasi
UninstallAppFullTitle=Hapus Instalasi %1

; *** Misc. common
InformationTitle=Informasi
ConfirmTitle=Konfirmasi
ErrorTitle=Kesalahan

; *** SetupLdr messages
SetupLdrStartupMessage=Program ini akan menginstal %1. Apakah Anda ingin melanjutkan?
LdrCannotCreateTemp=Tidak dapat membuat berkas sementara. Instalasi dibatalkan
LdrCannotExecTemp=Tidak dapat menjalankan berkas di folder sementara. Instalasi dibatalkan
HelpTextNote=

; *** Startup error messages
LastErrorMessage=%1.%n%nKesalahan %2: %3
SetupFileMissing=Berkas %1 tidak ada di folder instalasi. Perbaiki masalah ini atau dapatkan salinan baru program ini.
SetupFileCorrupt=Berkas instalasi rusak. Dapatkan salinan baru program ini.
SetupFileCorruptOrWrongVer=Berkas instalasi rusak, atau tidak cocok dengan versi program instalasi ini. Perbaiki masalah ini atau dapatkan salinan baru program ini.
InvalidParameter=Parameter yang tidak sah diberikan pada baris perintah:%n%n%1
SetupAlreadyRunning=Program instalasi sudah berjalan.
WindowsVersionNotSupported=Program ini tidak mendukung versi Windows yang berjalan di komputer Anda.
WindowsServicePackRequired=Program ini memerlukan %1 Service Pack %2 atau yang lebih baru.
NotOnThisPlatform=Program ini tidak dapat berjalan di %1.
OnlyOnThisPlatform=Program ini harus dijalankan di %1.
OnlyOnTheseArchitectures=Program ini hanya dapat diinstal pada versi Windows yang dirancang untuk arsitektur prosesor berikut:%n%n%1
WinVersionTooLowError=Program ini memerlukan %1 versi %2 atau yang lebih baru.
WinVersionTooHighError=Program ini tidak dapat diinstal pada %1 versi %2 atau yang lebih baru.
AdminPrivilegesRequired=Anda harus masuk sebagai administrator untuk menginstal program ini.
PowerUserPrivilegesRequired=Anda harus masuk sebagai administrator atau sebagai anggota grup Power Users untuk menginstal program ini.
SetupAppRunningError=Program instalasi mendeteksi bahwa %1 sedang berjalan.%n%nTutup semua jendelanya sekarang, lalu klik OK untuk melanjutkan, atau Batal (Cancel) untuk keluar.
UninstallAppRunningError=Program hapus instalasi mendeteksi bahwa %1 sedang berjalan.%n%nTutup semua jendelanya sekarang, lalu klik OK untuk melanjutkan, atau Batal (Cancel) untuk keluar.

; *** Startup questions
PrivilegesRequiredOverrideTitle=Pilih Mode Instalasi
PrivilegesRequiredOverrideInstruction=Pilih mode instalasi
PrivilegesRequiredOverrideText1=%1 dapat diinstal untuk semua pengguna (memerlukan hak administrator), atau hanya untuk Anda.
PrivilegesRequiredOverrideText2=%1 dapat diinstal hanya untuk Anda, atau untuk semua pengguna (memerlukan hak administrator).
PrivilegesRequiredOverrideAllUsers=Instal untuk se&mua pengguna
PrivilegesRequiredOverrideAllUsersRecommended=Instal untuk se&mua pengguna (disarankan)
PrivilegesRequiredOverrideCurrentUser=Instal hanya untuk &saya
PrivilegesRequiredOverrideCurrentUserRecommended=Instal hanya untuk &saya (disarankan)

; *** Misc. errors
ErrorCreatingDir=Program instalasi tidak dapat membuat folder "%1"
ErrorTooManyFilesInDir=Tidak dapat membuat berkas di folder "%1" karena folder itu berisi terlalu banyak berkas

; *** Setup common messages
ExitSetupTitle=Keluar dari Instalasi
ExitSetupMessage=Instalasi belum selesai. Jika Anda keluar sekarang, program tidak akan terinstal.%n%nAnda dapat menjalankan program instalasi lagi di lain waktu untuk menyelesaikan instalasi.%n%nKeluar dari instalasi?
AboutSetupMenuItem=&Tentang Instalasi...
AboutSetupTitle=Tentang Instalasi
AboutSetupMessage=%1 versi %2%n%3%n%nSitus web %1:%n%4
AboutSetupNote=
TranslatorNote=Terjemahan Bahasa Indonesia oleh proyek Lindungi

; *** Buttons
ButtonBack=< &Kembali
ButtonNext=&Berikutnya >
ButtonInstall=&Instal
ButtonOK=OK
ButtonCancel=Batal
ButtonYes=&Ya
ButtonYesToAll=Ya untuk &Semua
ButtonNo=&Tidak
ButtonNoToAll=Tidak untuk Se&mua
ButtonFinish=&Selesai
ButtonBrowse=&Telusuri...
ButtonWizardBrowse=Tel&usuri...
ButtonNewFolder=&Buat Folder Baru

; *** "Select Language" dialog messages
SelectLanguageTitle=Pilih Bahasa Instalasi
SelectLanguageLabel=Pilih bahasa yang digunakan selama instalasi.

; *** Common wizard text
ClickNext=Klik Berikutnya untuk melanjutkan, atau Batal untuk keluar dari instalasi.
BeveledLabel=
BrowseDialogTitle=Telusuri Folder
BrowseDialogLabel=Pilih folder dari daftar di bawah, lalu klik OK.
NewFolderName=Folder Baru

; *** "Welcome" wizard page
WelcomeLabel1=Selamat Datang di Panduan Instalasi [name]
WelcomeLabel2=Panduan ini akan menginstal [name/ver] di komputer Anda.%n%nSebaiknya tutup semua aplikasi lain sebelum melanjutkan.

; *** "Password" wizard page
WizardPassword=Kata Sandi
PasswordLabel1=Instalasi ini dilindungi kata sandi.
PasswordLabel3=Masukkan kata sandi, lalu klik Berikutnya untuk melanjutkan. Huruf besar dan kecil pada kata sandi dibedakan.
PasswordEditLabel=&Kata sandi:
IncorrectPassword=Kata sandi yang Anda masukkan salah. Silakan coba lagi.

; *** "License Agreement" wizard page
WizardLicense=Perjanjian Lisensi
LicenseLabel=Bacalah informasi penting berikut sebelum melanjutkan.
LicenseLabel3=Bacalah Perjanjian Lisensi berikut. Anda harus menyetujui ketentuan perjanjian ini sebelum melanjutkan instalasi.
LicenseAccepted=Saya &menyetujui perjanjian ini
LicenseNotAccepted=Saya &tidak menyetujui perjanjian ini

; *** "Information" wizard pages
WizardInfoBefore=Informasi
InfoBeforeLabel=Bacalah informasi penting berikut sebelum melanjutkan.
InfoBeforeClickLabel=Jika Anda siap melanjutkan instalasi, klik Berikutnya.
WizardInfoAfter=Informasi
InfoAfterLabel=Bacalah informasi penting berikut sebelum melanjutkan.
InfoAfterClickLabel=Jika Anda siap melanjutkan instalasi, klik Berikutnya.

; *** "User Information" wizard page
WizardUserInfo=Informasi Pengguna
UserInfoDesc=Masukkan informasi Anda.
UserInfoName=&Nama pengguna:
UserInfoOrg=&Organisasi:
UserInfoSerial=Nomor &seri:
UserInfoNameRequired=Anda harus memasukkan nama.

; *** "Select Destination Location" wizard page
WizardSelectDir=Pilih Lokasi Tujuan
SelectDirDesc=Di mana [name] akan diinstal?
SelectDirLabel3=Program instalasi akan menginstal [name] ke folder berikut.
SelectDirBrowseLabel=Untuk melanjutkan, klik Berikutnya. Jika Anda ingin memilih folder lain, klik Telusuri.
DiskSpaceGBLabel=Diperlukan ruang disk kosong sekurang-kurangnya [gb] GB.
DiskSpaceMBLabel=Diperlukan ruang disk kosong sekurang-kurangnya [mb] MB.
CannotInstallToNetworkDrive=Program instalasi tidak dapat menginstal ke drive jaringan.
CannotInstallToUNCPath=Program instalasi tidak dapat menginstal ke jalur UNC.
InvalidPath=Anda harus memasukkan jalur lengkap dengan huruf drive; misalnya:%n%nC:\APP%n%natau jalur UNC dengan bentuk:%n%n\\server\share
InvalidDrive=Drive atau share UNC yang Anda pilih tidak ada atau tidak dapat diakses. Pilih yang lain.
DiskSpaceWarningTitle=Ruang Disk Tidak Cukup
DiskSpaceWarning=Program instalasi memerlukan sekurang-kurangnya %1 KB ruang kosong, tetapi drive yang dipilih hanya memiliki %2 KB.%n%nApakah Anda tetap ingin melanjutkan?
DirNameTooLong=Nama folder atau jalurnya terlalu panjang.
InvalidDirName=Nama folder tidak sah.
BadDirName32=Nama folder tidak boleh memuat karakter berikut:%n%n%1
DirExistsTitle=Folder Sudah Ada
DirExists=Folder:%n%n%1%n%nsudah ada. Apakah Anda tetap ingin menginstal ke folder itu?
DirDoesntExistTitle=Folder Tidak Ada
DirDoesntExist=Folder:%n%n%1%n%ntidak ada. Apakah Anda ingin folder itu dibuat?

; *** "Select Components" wizard page
WizardSelectComponents=Pilih Komponen
SelectComponentsDesc=Komponen mana yang akan diinstal?
SelectComponentsLabel2=Pilih komponen yang ingin Anda instal; kosongkan komponen yang tidak ingin Anda instal. Klik Berikutnya jika Anda siap melanjutkan.
FullInstallation=Instalasi lengkap
; if possible don't translate 'Compact' as 'Minimal' (I mean 'Minimal' in your language)
CompactInstallation=Instalasi ringkas
CustomInstallation=Instalasi kustom
NoUninstallWarningTitle=Komponen Sudah Ada
NoUninstallWarning=Program instalasi mendeteksi bahwa komponen berikut sudah terinstal di komputer Anda:%n%n%1%n%nMembatalkan pilihan komponen ini tidak akan menghapus instalasinya.%n%nApakah Anda tetap ingin melanjutkan?
ComponentSize1=%1 KB
ComponentSize2=%1 MB
ComponentsDiskSpaceGBLabel=Pilihan saat ini memerlukan ruang disk sekurang-kurangnya [gb] GB.
ComponentsDiskSpaceMBLabel=Pilihan saat ini memerlukan ruang disk sekurang-kurangnya [mb] MB.

; *** "Select Additional Tasks" wizard page
WizardSelectTasks=Pilih Tugas Tambahan
SelectTasksDesc=Tugas tambahan apa saja yang akan dijalankan?
SelectTasksLabel2=Pilih tugas tambahan yang ingin dijalankan oleh program instalasi saat menginstal [name], lalu klik Berikutnya.

; *** "Select Start Menu Folder" wizard page
WizardSelectProgramGroup=Pilih Folder Menu Mulai
SelectStartMenuFolderDesc=Di mana program instalasi harus menaruh pintasan program?
SelectStartMenuFolderLabel3=Program instalasi akan membuat pintasan program di folder menu Mulai berikut.
SelectStartMenuFolderBrowseLabel=Untuk melanjutkan, klik Berikutnya. Jika Anda ingin memilih folder lain, klik Telusuri.
MustEnterGroupName=Anda harus memasukkan nama folder.
GroupNameTooLong=Nama folder atau jalurnya terlalu panjang.
InvalidGroupName=Nama folder tidak sah.
BadGroupName=Nama folder tidak boleh memuat karakter berikut:%n%n%1
NoProgramGroupCheck2=&Jangan buat folder menu Mulai

; *** "Ready to Install" wizard page
WizardReady=Siap Menginstal
ReadyLabel1=Program instalasi sekarang siap mulai menginstal [name] di komputer Anda.
ReadyLabel2a=Klik Instal untuk melanjutkan instalasi, atau klik Kembali jika Anda ingin meninjau atau mengubah pengaturan.
ReadyLabel2b=Klik Instal untuk melanjutkan instalasi.
ReadyMemoUserInfo=Informasi pengguna:
ReadyMemoDir=Lokasi tujuan:
ReadyMemoType=Jenis instalasi:
ReadyMemoComponents=Komponen yang dipilih:
ReadyMemoGroup=Folder menu Mulai:
ReadyMemoTasks=Tugas tambahan:

; *** TDownloadWizardPage wizard page and DownloadTemporaryFile
DownloadingLabel2=Mengunduh berkas...
ButtonStopDownload=&Hentikan unduhan
StopDownload=Apakah Anda yakin ingin menghentikan unduhan?
ErrorDownloadAborted=Unduhan dibatalkan
ErrorDownloadFailed=Unduhan gagal: %1 %2
ErrorDownloadSizeFailed=Gagal mendapatkan ukuran: %1 %2
ErrorProgress=Kemajuan tidak sah: %1 dari %2
ErrorFileSize=Ukuran berkas tidak sah: seharusnya %1, ternyata %2

; *** TExtractionWizardPage wizard page and ExtractArchive
ExtractingLabel=Mengekstrak berkas...
ButtonStopExtraction=&Hentikan ekstraksi
StopExtraction=Apakah Anda yakin ingin menghentikan ekstraksi?
ErrorExtractionAborted=Ekstraksi dibatalkan
ErrorExtractionFailed=Ekstraksi gagal: %1

; *** Archive extraction failure details
ArchiveIncorrectPassword=Kata sandi salah
ArchiveIsCorrupted=Arsip rusak
ArchiveUnsupportedFormat=Format arsip tidak didukung

; *** "Preparing to Install" wizard page
WizardPreparing=Bersiap Menginstal
PreparingDesc=Program instalasi sedang bersiap menginstal [name] di komputer Anda.
PreviousInstallNotCompleted=Instalasi atau penghapusan program sebelumnya belum selesai. Anda perlu memulai ulang komputer untuk menyelesaikannya.%n%nSetelah komputer dimulai ulang, jalankan program instalasi lagi untuk menyelesaikan instalasi [name].
CannotContinue=Program instalasi tidak dapat melanjutkan. Klik Batal untuk keluar.
ApplicationsFound=Aplikasi berikut sedang menggunakan berkas yang perlu diperbarui oleh program instalasi. Sebaiknya izinkan program instalasi menutup aplikasi ini secara otomatis.
ApplicationsFound2=Aplikasi berikut sedang menggunakan berkas yang perlu diperbarui oleh program instalasi. Sebaiknya izinkan program instalasi menutup aplikasi ini secara otomatis. Setelah instalasi selesai, program instalasi akan mencoba menjalankan kembali aplikasi tersebut.
CloseApplications=&Tutup aplikasi secara otomatis
DontCloseApplications=&Jangan tutup aplikasi
ErrorCloseApplications=Program instalasi tidak dapat menutup semua aplikasi secara otomatis. Sebaiknya tutup semua aplikasi yang menggunakan berkas yang perlu diperbarui oleh program instalasi sebelum melanjutkan.
PrepareToInstallNeedsRestart=Program instalasi harus memulai ulang komputer Anda. Setelah komputer dimulai ulang, jalankan program instalasi lagi untuk menyelesaikan instalasi [name].%n%nApakah Anda ingin memulai ulang sekarang?

; *** "Installing" wizard page
WizardInstalling=Menginstal
InstallingLabel=Harap tunggu selagi program instalasi menginstal [name] di komputer Anda.

; *** "Setup Completed" wizard page
FinishedHeadingLabel=Menyelesaikan Panduan Instalasi [name]
FinishedLabelNoIcons=Program instalasi telah selesai menginstal [name] di komputer Anda.
FinishedLabel=Program instalasi telah selesai menginstal [name] di komputer Anda. Aplikasi dapat dijalankan dengan memilih pintasan yang telah dibuat.
ClickFinish=Klik Selesai untuk keluar dari instalasi.
FinishedRestartLabel=Untuk menyelesaikan instalasi [name], program instalasi harus memulai ulang komputer Anda. Apakah Anda ingin memulai ulang sekarang?
FinishedRestartMessage=Untuk menyelesaikan instalasi [name], program instalasi harus memulai ulang komputer Anda.%n%nApakah Anda ingin memulai ulang sekarang?
ShowReadmeCheck=Ya, saya ingin membaca berkas README
YesRadio=&Ya, mulai ulang komputer sekarang
NoRadio=&Tidak, saya akan memulai ulang komputer nanti
; used for example as 'Run MyProg.exe'
RunEntryExec=Jalankan %1
; used for example as 'View Readme.txt'
RunEntryShellExec=Lihat %1

; *** "Setup Needs the Next Disk" stuff
ChangeDiskTitle=Program Instalasi Memerlukan Disk Berikutnya
SelectDiskLabel2=Masukkan Disk %1 lalu klik OK.%n%nJika berkas di disk ini ada di folder selain yang ditampilkan di bawah, masukkan jalur yang benar atau klik Telusuri.
PathLabel=&Jalur:
FileNotInDir2=Berkas "%1" tidak ditemukan di "%2". Masukkan disk yang benar atau pilih folder lain.
SelectDirectoryLabel=Tentukan lokasi disk berikutnya.

; *** Installation phase messages
SetupAborted=Instalasi tidak selesai.%n%nPerbaiki masalahnya lalu jalankan program instalasi lagi.
AbortRetryIgnoreSelectAction=Pilih tindakan
AbortRetryIgnoreRetry=&Coba lagi
AbortRetryIgnoreIgnore=&Abaikan kesalahan dan lanjutkan
AbortRetryIgnoreCancel=Batalkan instalasi
RetryCancelSelectAction=Pilih tindakan
RetryCancelRetry=&Coba lagi
RetryCancelCancel=Batal

; *** Installation status messages
StatusClosingApplications=Menutup aplikasi...
StatusCreateDirs=Membuat folder...
StatusExtractFiles=Mengekstrak berkas...
StatusDownloadFiles=Mengunduh berkas...
StatusCreateIcons=Membuat pintasan...
StatusCreateIniEntries=Membuat entri INI...
StatusCreateRegistryEntries=Membuat entri registri...
StatusRegisterFiles=Mendaftarkan berkas...
StatusSavingUninstall=Menyimpan informasi hapus instalasi...
StatusRunProgram=Menyelesaikan instalasi...
StatusRestartingApplications=Menjalankan kembali aplikasi...
StatusRollback=Mengembalikan perubahan...

; *** Misc. errors
ErrorInternal2=Kesalahan internal: %1
ErrorFunctionFailedNoCode=%1 gagal
ErrorFunctionFailed=%1 gagal; kode %2
ErrorFunctionFailedWithMessage=%1 gagal; kode %2.%n%3
ErrorExecutingProgram=Tidak dapat menjalankan berkas:%n%1

; *** Registry errors
ErrorRegOpenKey=Kesalahan saat membuka kunci registri:%n%1\%2
ErrorRegCreateKey=Kesalahan saat membuat kunci registri:%n%1\%2
ErrorRegWriteKey=Kesalahan saat menulis ke kunci registri:%n%1\%2

; *** INI errors
ErrorIniEntry=Kesalahan saat membuat entri INI di berkas "%1".

; *** File copying errors
FileAbortRetryIgnoreSkipNotRecommended=&Lewati berkas ini (tidak disarankan)
FileAbortRetryIgnoreIgnoreNotRecommended=&Abaikan kesalahan dan lanjutkan (tidak disarankan)
SourceIsCorrupted=Berkas sumber rusak
SourceDoesntExist=Berkas sumber "%1" tidak ada
SourceVerificationFailed=Verifikasi berkas sumber gagal: %1
VerificationSignatureDoesntExist=Berkas tanda tangan "%1" tidak ada
VerificationSignatureInvalid=Berkas tanda tangan "%1" tidak sah
VerificationKeyNotFound=Berkas tanda tangan "%1" memakai kunci yang tidak dikenal
VerificationFileNameIncorrect=Nama berkas salah
VerificationFileTagIncorrect=Tag berkas salah
VerificationFileSizeIncorrect=Ukuran berkas salah
VerificationFileHashIncorrect=Hash berkas salah
ExistingFileReadOnly2=Berkas yang ada tidak dapat diganti karena ditandai hanya-baca.
ExistingFileReadOnlyRetry=&Hapus atribut hanya-baca lalu coba lagi
ExistingFileReadOnlyKeepExisting=&Pertahankan berkas yang ada
ErrorReadingExistingDest=Terjadi kesalahan saat mencoba membaca berkas yang ada:
FileExistsSelectAction=Pilih tindakan
FileExists2=Berkas sudah ada.
FileExistsOverwriteExisting=&Timpa berkas yang ada
FileExistsKeepExisting=&Pertahankan berkas yang ada
FileExistsOverwriteOrKeepAll=&Lakukan ini untuk konflik berikutnya
ExistingFileNewerSelectAction=Pilih tindakan
ExistingFileNewer2=Berkas yang ada lebih baru daripada berkas yang akan diinstal oleh program instalasi.
ExistingFileNewerOverwriteExisting=&Timpa berkas yang ada
ExistingFileNewerKeepExisting=&Pertahankan berkas yang ada (disarankan)
ExistingFileNewerOverwriteOrKeepAll=&Lakukan ini untuk konflik berikutnya
ErrorChangingAttr=Terjadi kesalahan saat mencoba mengubah atribut berkas yang ada:
ErrorCreatingTemp=Terjadi kesalahan saat mencoba membuat berkas di folder tujuan:
ErrorReadingSource=Terjadi kesalahan saat mencoba membaca berkas sumber:
ErrorCopying=Terjadi kesalahan saat mencoba menyalin berkas:
ErrorDownloading=Terjadi kesalahan saat mencoba mengunduh berkas:
ErrorExtracting=Terjadi kesalahan saat mencoba mengekstrak arsip:
ErrorReplacingExistingFile=Terjadi kesalahan saat mencoba mengganti berkas yang ada:
ErrorRestartReplace=RestartReplace gagal:
ErrorRenamingTemp=Terjadi kesalahan saat mencoba mengganti nama berkas di folder tujuan:
ErrorRegisterServer=Tidak dapat mendaftarkan DLL/OCX: %1
ErrorRegSvr32Failed=RegSvr32 gagal dengan kode keluar %1
ErrorRegisterTypeLib=Tidak dapat mendaftarkan pustaka tipe: %1

; *** Uninstall display name markings
; used for example as 'My Program (32-bit)'
UninstallDisplayNameMark=%1 (%2)
; used for example as 'My Program (32-bit, All users)'
UninstallDisplayNameMarks=%1 (%2, %3)
UninstallDisplayNameMark32Bit=32-bit
UninstallDisplayNameMark64Bit=64-bit
UninstallDisplayNameMarkAllUsers=Semua pengguna
UninstallDisplayNameMarkCurrentUser=Pengguna saat ini

; *** Post-installation errors
ErrorOpeningReadme=Terjadi kesalahan saat mencoba membuka berkas README.
ErrorRestartingComputer=Program instalasi tidak dapat memulai ulang komputer. Lakukan secara manual.

; *** Uninstaller messages
UninstallNotFound=Berkas "%1" tidak ada. Tidak dapat menghapus instalasi.
UninstallOpenError=Berkas "%1" tidak dapat dibuka. Tidak dapat menghapus instalasi
UninstallUnsupportedVer=Berkas log hapus instalasi "%1" memiliki format yang tidak dikenali oleh versi program hapus instalasi ini. Tidak dapat menghapus instalasi
UninstallUnknownEntry=Ditemukan entri tidak dikenal (%1) di log hapus instalasi
ConfirmUninstall=Apakah Anda yakin ingin menghapus %1 beserta semua komponennya sepenuhnya?
UninstallOnlyOnWin64=Instalasi ini hanya dapat dihapus di Windows 64-bit.
OnlyAdminCanUninstall=Instalasi ini hanya dapat dihapus oleh pengguna dengan hak administrator.
UninstallStatusLabel=Harap tunggu selagi %1 dihapus dari komputer Anda.
UninstalledAll=%1 berhasil dihapus dari komputer Anda.
UninstalledMost=Penghapusan instalasi %1 selesai.%n%nBeberapa elemen tidak dapat dihapus. Elemen tersebut dapat dihapus secara manual.
UninstalledAndNeedsRestart=Untuk menyelesaikan penghapusan instalasi %1, komputer Anda harus dimulai ulang.%n%nApakah Anda ingin memulai ulang sekarang?
UninstallDataCorrupted=Berkas "%1" rusak. Tidak dapat menghapus instalasi

; *** Uninstallation phase messages
ConfirmDeleteSharedFileTitle=Hapus Berkas Bersama?
ConfirmDeleteSharedFile2=Sistem menunjukkan bahwa berkas bersama berikut tidak lagi digunakan oleh program apa pun. Apakah Anda ingin program hapus instalasi menghapus berkas bersama ini?%n%nJika masih ada program yang menggunakan berkas ini lalu berkas ini dihapus, program tersebut mungkin tidak berfungsi dengan benar. Jika Anda tidak yakin, jangan hapus berkas ini (Tidak / No). Membiarkan berkas ini di sistem Anda tidak akan menimbulkan masalah.
SharedFileNameLabel=Nama berkas:
SharedFileLocationLabel=Lokasi:
WizardUninstalling=Status Hapus Instalasi
StatusUninstalling=Menghapus instalasi %1...

; *** Shutdown block reasons
ShutdownBlockReasonInstallingApp=Menginstal %1.
ShutdownBlockReasonUninstallingApp=Menghapus instalasi %1.

; *** Names used by Inno Setup 6.3 and 6.4 for messages that 6.5 renamed or removed
DownloadingLabel=Mengunduh berkas tambahan...
ErrorFileHash1=Hash berkas gagal: %1
ErrorFileHash2=Hash berkas tidak sah: seharusnya %1, ternyata %2
ExtractionLabel=Mengekstrak berkas tambahan...

; The custom messages below aren't used by Setup itself, but if you make
; use of them in your scripts, you'll want to translate them.

[CustomMessages]

NameAndVersion=%1 versi %2
AdditionalIcons=Pintasan tambahan:
CreateDesktopIcon=Buat pintasan di &desktop
CreateQuickLaunchIcon=Buat pintasan &Quick Launch
ProgramOnTheWeb=%1 di Web
UninstallProgram=Hapus Instalasi %1
LaunchProgram=Jalankan %1
AssocFileExtension=&Kaitkan %1 dengan ekstensi berkas %2
AssocingFileExtension=Mengaitkan %1 dengan ekstensi berkas %2...
AutoStartProgramGroupDescription=Startup:
AutoStartProgram=Jalankan %1 secara otomatis
AddonHostProgramNotFound=%1 tidak ditemukan di folder yang Anda pilih.%n%nApakah Anda tetap ingin melanjutkan?
