<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AccountDialog</name>
    <message>
        <source>New account</source>
        <translation>Akun baru</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;Nama pengguna</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>Nama &amp;lengkap</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Peran</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>Kata &amp;sandi</translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation>&amp;Ulangi kata sandi</translation>
    </message>
    <message>
        <source>At least 8 characters. Write it down somewhere safe.</source>
        <translation>Sekurang-kurangnya 8 karakter. Catat di tempat yang aman.</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>The administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>The administrator adds the other accounts and changes the settings.</source>
        <translation>Administrator menambahkan akun lain dan mengubah pengaturan.</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;Nama pengguna</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>Nama &amp;lengkap</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>Kata &amp;sandi</translation>
    </message>
    <message>
        <source>Password &amp;again</source>
        <translation>&amp;Ulangi kata sandi</translation>
    </message>
    <message>
        <source>At least 8 characters. Write it down somewhere safe.</source>
        <translation>Sekurang-kurangnya 8 karakter. Catat di tempat yang aman.</translation>
    </message>
</context>
<context>
    <name>ApproveDraftsDialog</name>
    <message>
        <source>Approve drafts</source>
        <translation>Setujui draf</translation>
    </message>
    <message>
        <source>All nagari ({count} drafts)</source>
        <translation>Semua nagari ({count} draf)</translation>
    </message>
    <message>
        <source>{nagari} ({count} drafts)</source>
        <translation>{nagari} ({count} draf)</translation>
    </message>
    <message>
        <source>Only approved records leave the office in the bundle for the kabupaten.</source>
        <translation>Hanya data yang sudah disetujui yang dikirim ke kabupaten.</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Setujui</translation>
    </message>
    <message>
        <source>&amp;Nagari</source>
        <translation>&amp;Nagari</translation>
    </message>
</context>
<context>
    <name>BpjsView</name>
    <message>
        <source>&amp;Export for BPJS…</source>
        <translation>&amp;Ekspor untuk BPJS…</translation>
    </message>
    <message>
        <source>&amp;Read BPJS&apos;s answer…</source>
        <translation>&amp;Baca balasan BPJS…</translation>
    </message>
    <message>
        <source>&amp;Save KPJ numbers</source>
        <translation>&amp;Simpan nomor KPJ</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Baris</translation>
    </message>
    <message>
        <source>Registration no.</source>
        <translation>No. registrasi</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Export lists the accepted participants still waiting for a KPJ number, in the columns BPJS&apos;s branch asks for. Read the spreadsheet BPJS sends back: rows are matched by NIK, and nothing is saved before you press Save.</source>
        <translation>Ekspor mencantumkan peserta yang sudah diterima dan masih menunggu nomor KPJ, dengan kolom yang diminta kantor cabang BPJS. Baca lembar kerja yang dikirim kembali oleh BPJS: baris dicocokkan menurut NIK, dan tidak ada yang disimpan sebelum Anda menekan Simpan.</translation>
    </message>
    <message>
        <source>Matched ({count})</source>
        <translation>Cocok ({count})</translation>
    </message>
    <message>
        <source>Unchanged ({count})</source>
        <translation>Tidak berubah ({count})</translation>
    </message>
    <message>
        <source>Unmatched ({count})</source>
        <translation>Tidak cocok ({count})</translation>
    </message>
    <message>
        <source>Conflicts ({count})</source>
        <translation>Konflik ({count})</translation>
    </message>
    <message>
        <source>Malformed ({count})</source>
        <translation>Tidak sah ({count})</translation>
    </message>
    <message>
        <source>{count} accepted participants wait for a KPJ number.</source>
        <translation>{count} peserta yang sudah diterima menunggu nomor KPJ.</translation>
    </message>
    <message>
        <source>Save the list for BPJS</source>
        <translation>Simpan daftar untuk BPJS</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>{count} participants written to {path}</source>
        <translation>{count} peserta ditulis ke {path}</translation>
    </message>
    <message>
        <source>BPJS&apos;s answer</source>
        <translation>Balasan BPJS</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>Lembar kerja (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>{file}: {rows} rows. {matched} will get their KPJ number and become active; the others are not saved.</source>
        <translation>{file}: {rows} baris. {matched} akan mendapat nomor KPJ dan menjadi aktif; yang lain tidak disimpan.</translation>
    </message>
    <message>
        <source>&amp;Save {count} KPJ numbers</source>
        <translation>&amp;Simpan {count} nomor KPJ</translation>
    </message>
    <message>
        <source>{count} KPJ numbers saved; those participants are now active.</source>
        <translation>{count} nomor KPJ disimpan; peserta tersebut kini aktif.</translation>
    </message>
</context>
<context>
    <name>Common</name>
    <message>
        <source>Draft</source>
        <translation>Draf</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Disetujui</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Nonaktif</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Laki-laki</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Perempuan</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Moved away</source>
        <translation>Pindah</translation>
    </message>
    <message>
        <source>Died</source>
        <translation>Meninggal dunia</translation>
    </message>
    <message>
        <source>Membership ended</source>
        <translation>Kepesertaan berakhir</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Ganda</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ya</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Tidak</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Terapkan</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Buang</translation>
    </message>
    <message>
        <source>Lindungi</source>
        <translation>Lindungi</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Confirm office {code}</source>
        <translation>Konfirmasi kantor {code}</translation>
    </message>
    <message>
        <source>Its bundles carry this fingerprint. Ask the office to show theirs (Lindungi: sync screen, or lindungi whoami) and compare every group. Type what the office reads out:</source>
        <translation>Bundel kantor ini membawa sidik jari berikut. Minta kantor tersebut menunjukkan sidik jarinya (Lindungi: layar sinkronisasi, atau lindungi whoami) dan bandingkan setiap kelompok. Ketik yang dibacakan oleh kantor:</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Konfirmasi</translation>
    </message>
</context>
<context>
    <name>ConflictsView</name>
    <message>
        <source>Field</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <source>Take</source>
        <translation>Ambil</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>Catatan (boleh kosong)</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Keputusan</translation>
    </message>
    <message>
        <source>Keep A</source>
        <translation>Pertahankan A</translation>
    </message>
    <message>
        <source>Keep B</source>
        <translation>Pertahankan B</translation>
    </message>
    <message>
        <source>Moved to A&apos;s kecamatan</source>
        <translation>Pindah ke kecamatan A</translation>
    </message>
    <message>
        <source>Moved to B&apos;s kecamatan</source>
        <translation>Pindah ke kecamatan B</translation>
    </message>
    <message>
        <source>Take the fields ticked</source>
        <translation>Ambil kolom yang dipilih</translation>
    </message>
    <message>
        <source>Same NIK in two records</source>
        <translation>NIK sama pada dua data</translation>
    </message>
    <message>
        <source>Changed on both sides</source>
        <translation>Diubah di kedua pihak</translation>
    </message>
    <message>
        <source>No open conflicts.</source>
        <translation>Tidak ada konflik yang terbuka.</translation>
    </message>
    <message>
        <source>A: in the register. B: from bundle #{sequence} of {office}.</source>
        <translation>A: dalam register. B: dari bundel #{sequence} kantor {office}.</translation>
    </message>
</context>
<context>
    <name>DashboardWidget</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Muat ulang</translation>
    </message>
    <message>
        <source>participants against the quota</source>
        <translation>peserta dibanding kuota</translation>
    </message>
    <message>
        <source>approved, waiting to be accepted</source>
        <translation>disetujui, menunggu diterima</translation>
    </message>
    <message>
        <source>accepted, waiting for a KPJ</source>
        <translation>diterima, menunggu KPJ</translation>
    </message>
    <message>
        <source>active (KPJ from BPJS)</source>
        <translation>aktif (KPJ dari BPJS)</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>nonaktif</translation>
    </message>
    <message>
        <source>cards printed / handed over</source>
        <translation>kartu dicetak / diserahkan</translation>
    </message>
    <message>
        <source>contributions this month</source>
        <translation>iuran bulan ini</translation>
    </message>
    <message>
        <source>Offices</source>
        <translation>Kantor</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Kantor</translation>
    </message>
    <message>
        <source>Days since last bundle</source>
        <translation>Hari sejak bundel terakhir</translation>
    </message>
    <message>
        <source>Held bundles</source>
        <translation>Bundel tertahan</translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation>Konflik terbuka</translation>
    </message>
    <message>
        <source>Programme year {year}</source>
        <translation>Tahun program {year}</translation>
    </message>
    <message>
        <source>Participants and quota per kecamatan, {year}</source>
        <translation>Peserta dan kuota per kecamatan, {year}</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>Kuota</translation>
    </message>
</context>
<context>
    <name>DeactivateDialog</name>
    <message>
        <source>Deactivate {reg_no}</source>
        <translation>Nonaktifkan {reg_no}</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Alasan</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Tanggal</translation>
    </message>
    <message>
        <source>Nothing is erased: the record stays, marked inactive.</source>
        <translation>Tidak ada yang dihapus: datanya tetap ada, ditandai nonaktif.</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Nonaktifkan</translation>
    </message>
</context>
<context>
    <name>DeskWidget</name>
    <message>
        <source>Years and quotas</source>
        <translation>Tahun dan kuota</translation>
    </message>
    <message>
        <source>Rates</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>Planner</source>
        <translation>Perencanaan</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <source>BPJS</source>
        <translation>BPJS</translation>
    </message>
</context>
<context>
    <name>DrivePicker</name>
    <message>
        <source>Refresh</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <source>Other folder…</source>
        <translation>Folder lain…</translation>
    </message>
    <message>
        <source>USB stick: {path}</source>
        <translation>Flashdisk: {path}</translation>
    </message>
    <message>
        <source>No removable drive found: choose a folder</source>
        <translation>Tidak ada flashdisk: pilih sebuah folder</translation>
    </message>
    <message>
        <source>Folder for the bundle</source>
        <translation>Folder untuk bundel</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Enrolment file for a new station</source>
        <translation>Berkas pendaftaran untuk stasiun baru</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Stasiun</translation>
    </message>
    <message>
        <source>Write to</source>
        <translation>Tulis ke</translation>
    </message>
</context>
<context>
    <name>ExportView</name>
    <message>
        <source>Enrol with the kabupaten&apos;s file…</source>
        <translation>Daftar dengan berkas dari kabupaten…</translation>
    </message>
    <message>
        <source>Write bundle</source>
        <translation>Tulis bundel</translation>
    </message>
    <message>
        <source>This office</source>
        <translation>Kantor ini</translation>
    </message>
    <message>
        <source>Write to</source>
        <translation>Tulis ke</translation>
    </message>
    <message>
        <source>The bundle holds every approved record changed since the kabupaten&apos;s last receipt, signed by this office and encrypted for the kabupaten: a lost stick reveals nothing.</source>
        <translation>Bundel memuat setiap data yang sudah disetujui dan berubah sejak tanda terima terakhir dari kabupaten, ditandatangani kantor ini dan dienkripsi untuk kabupaten: flashdisk yang hilang tidak membocorkan apa pun.</translation>
    </message>
    <message>
        <source>{code}, fingerprint {fingerprint}</source>
        <translation>{code}, sidik jari {fingerprint}</translation>
    </message>
    <message>
        <source>Kabupaten {code}, fingerprint {fingerprint}</source>
        <translation>Kabupaten {code}, sidik jari {fingerprint}</translation>
    </message>
    <message>
        <source>Not enrolled with a kabupaten yet.</source>
        <translation>Belum terdaftar pada kabupaten.</translation>
    </message>
    <message>
        <source>Choose a USB stick or a folder first.</source>
        <translation>Pilih flashdisk atau folder terlebih dahulu.</translation>
    </message>
    <message>
        <source>Bundle #{sequence} written and checked: {path}
{count} participants. The stick may be removed safely.</source>
        <translation>Bundel #{sequence} ditulis dan diperiksa: {path}
{count} peserta. Flashdisk aman untuk dicabut.</translation>
    </message>
    <message>
        <source>Enrolment file</source>
        <translation>Berkas pendaftaran</translation>
    </message>
    <message>
        <source>Enrolment files (*.lenrol)</source>
        <translation>Berkas pendaftaran (*.lenrol)</translation>
    </message>
    <message>
        <source>Enrolled with {code}. Compare this fingerprint with the kabupaten&apos;s screen: {fingerprint}</source>
        <translation>Terdaftar pada {code}. Bandingkan sidik jari ini dengan layar kabupaten: {fingerprint}</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Reg. no.</source>
        <translation>No. registrasi</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Birth place</source>
        <translation>Tempat lahir</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Tanggal lahir</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Jenis kelamin</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Jorong</source>
        <translation>Jorong</translation>
    </message>
    <message>
        <source>Nagari</source>
        <translation>Nagari</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Pekerjaan</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>No. HP</translation>
    </message>
    <message>
        <source>Declared income</source>
        <translation>Penghasilan</translation>
    </message>
    <message>
        <source>Funding</source>
        <translation>Sumber dana</translation>
    </message>
    <message>
        <source>Programmes</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>Coverage start</source>
        <translation>Awal perlindungan</translation>
    </message>
    <message>
        <source>Coverage end</source>
        <translation>Akhir perlindungan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Sejak</translation>
    </message>
    <message>
        <source>Duplicate of</source>
        <translation>Ganda dari</translation>
    </message>
    <message>
        <source>KPJ</source>
        <translation>KPJ</translation>
    </message>
    <message>
        <source>Override reason</source>
        <translation>Alasan pengecualian</translation>
    </message>
    <message>
        <source>Overridden</source>
        <translation>Dikecualikan</translation>
    </message>
    <message>
        <source>Registered by</source>
        <translation>Didaftarkan oleh</translation>
    </message>
    <message>
        <source>Registered at</source>
        <translation>Didaftarkan di</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Diubah oleh</translation>
    </message>
    <message>
        <source>Changed at</source>
        <translation>Diubah di</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Baris</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Didaftarkan</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Diimpor</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Diubah</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Disetujui</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Dinonaktifkan</translation>
    </message>
    <message>
        <source>Reactivated</source>
        <translation>Diaktifkan kembali</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Data demo</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Lindungi — first start</source>
        <translation>Lindungi — mulai pertama</translation>
    </message>
    <message>
        <source>Lindungi — the administrator</source>
        <translation>Lindungi — administrator</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Kembali</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Lanjut &gt;</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>Selesa&amp;i</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Oleh</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Kegiatan</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Perubahan</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>New</source>
        <translation>Baru</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Ganda</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Ditolak</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Birth place</source>
        <translation>Tempat lahir</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Tanggal lahir</translation>
    </message>
    <message>
        <source>Birth place and date</source>
        <translation>Tempat dan tanggal lahir</translation>
    </message>
    <message>
        <source>Sex (L/P)</source>
        <translation>Jenis kelamin (L/P)</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Jorong</source>
        <translation>Jorong</translation>
    </message>
    <message>
        <source>Nagari</source>
        <translation>Nagari</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Pekerjaan</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>No. HP</translation>
    </message>
    <message>
        <source>Declared income</source>
        <translation>Penghasilan</translation>
    </message>
    <message>
        <source>Funding</source>
        <translation>Sumber dana</translation>
    </message>
    <message>
        <source>Import a spreadsheet</source>
        <translation>Impor lembar kerja</translation>
    </message>
    <message>
        <source>No file chosen (xlsx or csv).</source>
        <translation>Belum ada berkas yang dipilih (xlsx atau csv).</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>&amp;Pilih berkas…</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <source>Check &amp;again with these columns</source>
        <translation>Periksa &amp;lagi dengan kolom ini</translation>
    </message>
    <message>
        <source>&amp;Import new rows</source>
        <translation>&amp;Impor baris baru</translation>
    </message>
    <message>
        <source>&amp;Save refused rows…</source>
        <translation>&amp;Simpan baris yang ditolak…</translation>
    </message>
    <message>
        <source>Choose a spreadsheet</source>
        <translation>Pilih lembar kerja</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>Lembar kerja (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>{new} new, {duplicate} duplicate, {refused} refused</source>
        <translation>{new} baru, {duplicate} ganda, {refused} ditolak</translation>
    </message>
    <message>
        <source>&amp;Import {count} new rows</source>
        <translation>&amp;Impor {count} baris baru</translation>
    </message>
    <message>
        <source>Row {line}: {verdict}</source>
        <translation>Baris {line}: {verdict}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(tidak ada)</translation>
    </message>
    <message>
        <source>Column {n}</source>
        <translation>Kolom {n}</translation>
    </message>
    <message>
        <source>Imported {new} new participants; {duplicate} duplicates and {refused} refused rows were not imported.</source>
        <translation>Diimpor {new} peserta baru; {duplicate} baris ganda dan {refused} baris yang ditolak tidak diimpor.</translation>
    </message>
    <message>
        <source>Save refused rows</source>
        <translation>Simpan baris yang ditolak</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Buku kerja Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>{count} refused rows written to {path}</source>
        <translation>{count} baris yang ditolak disimpan ke {path}</translation>
    </message>
</context>
<context>
    <name>ImportView</name>
    <message>
        <source>No file chosen.</source>
        <translation>Belum ada berkas dipilih.</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Pilih berkas…</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Tampilkan</translation>
    </message>
    <message>
        <source>Everything but unchanged</source>
        <translation>Semua kecuali yang tidak berubah</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Semua</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Registration no.</source>
        <translation>No. registrasi</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Pratinjau</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Impor</translation>
    </message>
    <message>
        <source>Receipt to</source>
        <translation>Tanda terima ke</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Baru</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Berubah</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Tidak berubah</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Konflik</translation>
    </message>
    <message>
        <source>Likely duplicate</source>
        <translation>Kemungkinan ganda</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Ditolak</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Nonaktif</translation>
    </message>
    <message>
        <source>Waiting for review</source>
        <translation>Menunggu pemeriksaan</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Dipulihkan</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Diperbarui</translation>
    </message>
    <message>
        <source>Bundle or receipt</source>
        <translation>Bundel atau tanda terima</translation>
    </message>
    <message>
        <source>Lindungi bundles and receipts (*.lbundle *.lreceipt)</source>
        <translation>Bundel dan tanda terima Lindungi (*.lbundle *.lreceipt)</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>Bundel</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Tanda terima</translation>
    </message>
    <message>
        <source>Preview: nothing is saved until you press Import.</source>
        <translation>Pratinjau: tidak ada yang disimpan sebelum Anda menekan Impor.</translation>
    </message>
    <message>
        <source>Imported.</source>
        <translation>Diimpor.</translation>
    </message>
    <message>
        <source>Already imported: nothing changed.</source>
        <translation>Sudah diimpor: tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>Older than a receipt already imported: nothing changed.</source>
        <translation>Lebih lama daripada tanda terima yang sudah diimpor: tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>Held: the key of office {office} is not confirmed yet. Compare this fingerprint with the office&apos;s screen, then confirm it in the ledger of offices: {fingerprint}</source>
        <translation>Ditahan: kunci kantor {office} belum dikonfirmasi. Bandingkan sidik jari ini dengan layar kantor tersebut, lalu konfirmasikan di buku kantor: {fingerprint}</translation>
    </message>
    <message>
        <source>Receipt written: {path}</source>
        <translation>Tanda terima ditulis: {path}</translation>
    </message>
    <message>
        <source>Receipt not written: {reason}</source>
        <translation>Tanda terima tidak ditulis: {reason}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Lindungi — locked</source>
        <translation>Lindungi — terkunci</translation>
    </message>
    <message>
        <source>Lindungi — log in</source>
        <translation>Lindungi — masuk</translation>
    </message>
    <message>
        <source>The window was locked after a pause. Log in again to continue.</source>
        <translation>Jendela dikunci karena lama tidak dipakai. Masuk lagi untuk melanjutkan.</translation>
    </message>
    <message>
        <source>Log in to Lindungi — {place}</source>
        <translation>Masuk ke Lindungi — {place}</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;Nama pengguna</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>Kata &amp;sandi</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <source>Quit Lindungi</source>
        <translation>Keluar dari Lindungi</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <source>Search name, NIK, KPJ or registration no.</source>
        <translation>Cari nama, NIK, KPJ atau no. registrasi</translation>
    </message>
    <message>
        <source>All kecamatan</source>
        <translation>Semua kecamatan</translation>
    </message>
    <message>
        <source>All occupations</source>
        <translation>Semua pekerjaan</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <source>All funding</source>
        <translation>Semua sumber dana</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Hapus saringan</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Cari</translation>
    </message>
    <message>
        <source>All nagari</source>
        <translation>Semua nagari</translation>
    </message>
    <message>
        <source>&amp;New participant…</source>
        <translation>Peserta &amp;baru…</translation>
    </message>
    <message>
        <source>&amp;Open record</source>
        <translation>B&amp;uka data</translation>
    </message>
    <message>
        <source>&amp;Import spreadsheet…</source>
        <translation>&amp;Impor lembar kerja…</translation>
    </message>
    <message>
        <source>&amp;Export list…</source>
        <translation>&amp;Ekspor daftar…</translation>
    </message>
    <message>
        <source>&amp;Approve selected</source>
        <translation>&amp;Setujui yang dipilih</translation>
    </message>
    <message>
        <source>Approve all &amp;drafts…</source>
        <translation>Setujui semua &amp;draf…</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>&amp;Pengguna…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>Pe&amp;ngaturan…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Kunci</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Ke&amp;luar</translation>
    </message>
    <message>
        <source>&amp;Participants</source>
        <translation>&amp;Peserta</translation>
    </message>
    <message>
        <source>&amp;Administration</source>
        <translation>&amp;Administrasi</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <source>Logged in: {user} ({role})</source>
        <translation>Masuk sebagai: {user} ({role})</translation>
    </message>
    <message>
        <source>{shown} of {total} participants</source>
        <translation>{shown} dari {total} peserta</translation>
    </message>
    <message>
        <source>Saved {reg_no}</source>
        <translation>Tersimpan {reg_no}</translation>
    </message>
    <message>
        <source>Select the records to approve first.</source>
        <translation>Pilih dulu data yang akan disetujui.</translation>
    </message>
    <message>
        <source>{count} records approved</source>
        <translation>{count} data disetujui</translation>
    </message>
    <message>
        <source>Export list</source>
        <translation>Ekspor daftar</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Buku kerja Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Write full NIKs? Choose No to write them masked (130306••••••••12).</source>
        <translation>Tulis NIK lengkap? Pilih Tidak untuk menulisnya tersamar (130306••••••••12).</translation>
    </message>
    <message>
        <source>{count} participants written to {path}</source>
        <translation>{count} peserta ditulis ke {path}</translation>
    </message>
</context>
<context>
    <name>NewYearDialog</name>
    <message>
        <source>New programme year</source>
        <translation>Tahun program baru</translation>
    </message>
    <message>
        <source>(start empty)</source>
        <translation>(mulai kosong)</translation>
    </message>
    <message>
        <source>All funding sources</source>
        <translation>Semua sumber dana</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>&amp;Tahun</translation>
    </message>
    <message>
        <source>&amp;Copy quotas of</source>
        <translation>&amp;Salin kuota dari</translation>
    </message>
    <message>
        <source>&amp;Funding source</source>
        <translation>Sumber &amp;dana</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Keterangan</translation>
    </message>
</context>
<context>
    <name>OfficesView</name>
    <message>
        <source>This kabupaten&apos;s fingerprint:</source>
        <translation>Sidik jari kabupaten ini:</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>Instalasi</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Sidik jari</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Dikonfirmasi</translation>
    </message>
    <message>
        <source>Last bundle</source>
        <translation>Bundel terakhir</translation>
    </message>
    <message>
        <source>Days since</source>
        <translation>Hari sejak</translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation>Celah</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Ditahan</translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation>Konflik terbuka</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <source>Confirm fingerprint…</source>
        <translation>Konfirmasi sidik jari…</translation>
    </message>
    <message>
        <source>Write receipt…</source>
        <translation>Tulis tanda terima…</translation>
    </message>
    <message>
        <source>Enrolment file for a new station…</source>
        <translation>Berkas pendaftaran untuk stasiun baru…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <source>#{n} (covered by #{m})</source>
        <translation>#{n} (tertutup oleh #{m})</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <source>Office confirmed.</source>
        <translation>Kantor dikonfirmasi.</translation>
    </message>
    <message>
        <source>Bundle #{sequence}: {new} new, {changed} changed, {refused} refused.</source>
        <translation>Bundel #{sequence}: {new} baru, {changed} berubah, {refused} ditolak.</translation>
    </message>
    <message>
        <source>Receipt written: {path}</source>
        <translation>Tanda terima ditulis: {path}</translation>
    </message>
    <message>
        <source>Folder for the receipt</source>
        <translation>Folder untuk tanda terima</translation>
    </message>
    <message>
        <source>Choose a USB stick or a folder first.</source>
        <translation>Pilih flashdisk atau folder terlebih dahulu.</translation>
    </message>
    <message>
        <source>Enrolment file of {code} written: {path}</source>
        <translation>Berkas pendaftaran {code} ditulis: {path}</translation>
    </message>
</context>
<context>
    <name>ParticipantForm</name>
    <message>
        <source>New participant</source>
        <translation>Peserta baru</translation>
    </message>
    <message>
        <source>Edit participant {reg_no}</source>
        <translation>Ubah data peserta {reg_no}</translation>
    </message>
    <message>
        <source>16 digits, as on the KTP</source>
        <translation>16 angka, seperti di KTP</translation>
    </message>
    <message>
        <source>Type a name, e.g. Aia Amo</source>
        <translation>Ketik nama, misalnya Aia Amo</translation>
    </message>
    <message>
        <source>&amp;NIK</source>
        <translation>&amp;NIK</translation>
    </message>
    <message>
        <source>Full na&amp;me</source>
        <translation>Nama &amp;lengkap</translation>
    </message>
    <message>
        <source>Birth &amp;place</source>
        <translation>&amp;Tempat lahir</translation>
    </message>
    <message>
        <source>&amp;Birth date</source>
        <translation>Tanggal lahi&amp;r</translation>
    </message>
    <message>
        <source>&amp;Sex</source>
        <translation>&amp;Jenis kelamin</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Alamat</translation>
    </message>
    <message>
        <source>&amp;Jorong</source>
        <translation>J&amp;orong</translation>
    </message>
    <message>
        <source>Na&amp;gari</source>
        <translation>Na&amp;gari</translation>
    </message>
    <message>
        <source>&amp;Occupation</source>
        <translation>&amp;Pekerjaan</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>No. &amp;HP</translation>
    </message>
    <message>
        <source>Declared &amp;income</source>
        <translation>Penghas&amp;ilan</translation>
    </message>
    <message>
        <source>&amp;Funding</source>
        <translation>&amp;Sumber dana</translation>
    </message>
    <message>
        <source>Programmes</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>Coverage s&amp;tart</source>
        <translation>Awal perlin&amp;dungan</translation>
    </message>
    <message>
        <source>Coverage &amp;end</source>
        <translation>Akhir p&amp;erlindungan</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>hh/bb/tttt</translation>
    </message>
    <message>
        <source>dd/mm/yyyy; empty means today</source>
        <translation>hh/bb/tttt; kosong berarti hari ini</translation>
    </message>
    <message>
        <source>dd/mm/yyyy; usually empty</source>
        <translation>hh/bb/tttt; biasanya kosong</translation>
    </message>
    <message>
        <source>Supervisor override</source>
        <translation>Pengecualian oleh supervisor</translation>
    </message>
    <message>
        <source>Why the warnings above are acceptable (recorded in the history)</source>
        <translation>Mengapa peringatan di atas dapat diterima (dicatat dalam riwayat)</translation>
    </message>
    <message>
        <source>{count} of 16 digits</source>
        <translation>{count} dari 16 angka</translation>
    </message>
    <message>
        <source>The NIK says: born {date}, {sex}.</source>
        <translation>Menurut NIK: lahir {date}, {sex}.</translation>
    </message>
    <message>
        <source>Open {reg_no}</source>
        <translation>Buka {reg_no}</translation>
    </message>
    <message>
        <source>As a supervisor you may save despite the warnings marked above: give a reason.</source>
        <translation>Sebagai supervisor Anda boleh menyimpan walaupun ada peringatan di atas: tuliskan alasannya.</translation>
    </message>
</context>
<context>
    <name>ParticipantListModel</name>
    <message>
        <source>Reg. no.</source>
        <translation>No. registrasi</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>L/P</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Lahir</translation>
    </message>
    <message>
        <source>Nagari</source>
        <translation>Nagari</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Pekerjaan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>KPJ</source>
        <translation>KPJ</translation>
    </message>
    <message>
        <source>Funding</source>
        <translation>Sumber dana</translation>
    </message>
</context>
<context>
    <name>PlacePage</name>
    <message>
        <source>Where is this computer?</source>
        <translation>Di mana komputer ini dipakai?</translation>
    </message>
    <message>
        <source>Lindungi keeps the register of one office. This is asked only once.</source>
        <translation>Lindungi menyimpan daftar peserta satu kantor. Pertanyaan ini hanya sekali.</translation>
    </message>
    <message>
        <source>A &amp;kecamatan office</source>
        <translation>Kantor kecama&amp;tan</translation>
    </message>
    <message>
        <source>The kabu&amp;paten (Dinas Nakertrans of {regency})</source>
        <translation>Ka&amp;bupaten (Dinas Nakertrans {regency})</translation>
    </message>
    <message>
        <source>Each PC of one office has its own station letter (A for the first PC, B for the second…), so that their registration numbers never collide.</source>
        <translation>Setiap komputer di satu kantor memiliki huruf stasiun sendiri (A untuk komputer pertama, B untuk yang kedua…), agar nomor registrasinya tidak pernah bertabrakan.</translation>
    </message>
    <message>
        <source>Ke&amp;camatan</source>
        <translation>Ke&amp;camatan</translation>
    </message>
    <message>
        <source>&amp;Station</source>
        <translation>&amp;Stasiun</translation>
    </message>
</context>
<context>
    <name>PlannerView</name>
    <message>
        <source>for every nagari</source>
        <translation>untuk setiap nagari</translation>
    </message>
    <message>
        <source>(any occupation)</source>
        <translation>(pekerjaan apa saja)</translation>
    </message>
    <message>
        <source>&amp;Calculate</source>
        <translation>&amp;Hitung</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>&amp;Tahun</translation>
    </message>
    <message>
        <source>New participants</source>
        <translation>Peserta baru</translation>
    </message>
    <message>
        <source>&amp;Occupation</source>
        <translation>&amp;Pekerjaan</translation>
    </message>
    <message>
        <source>Paid &amp;by</source>
        <translation>&amp;Dibayar oleh</translation>
    </message>
    <message>
        <source>Covered &amp;from</source>
        <translation>Dilindungi &amp;mulai</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Kelompok</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Setahun</translation>
    </message>
    <message>
        <source>APBD needed for {year}: {money}</source>
        <translation>APBD yang diperlukan untuk {year}: {money}</translation>
    </message>
    <message>
        <source>{n} in each of {nagari} nagari = {count} new participants</source>
        <translation>{n} di setiap {nagari} nagari = {count} peserta baru</translation>
    </message>
    <message>
        <source>Quota of {year}: {quota}</source>
        <translation>Kuota {year}: {quota}</translation>
    </message>
    <message>
        <source>Register carried over</source>
        <translation>Peserta yang berlanjut</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>Contributions</source>
        <translation>Iuran</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Row</source>
        <translation>Baris</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Alasan</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <source>&amp;Select All</source>
        <translation>&amp;Pilih semua</translation>
    </message>
    <message>
        <source>&amp;Step up</source>
        <translation>&amp;Naikkan</translation>
    </message>
    <message>
        <source>Step &amp;down</source>
        <translation>&amp;Turunkan</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Batalkan</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ulangi</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Potong</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Tempel</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Pilih semua</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Terapkan</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Buang</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ya</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Tidak</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Bantuan</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Atur ulang</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Abaikan</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Hentikan</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Batalkan</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Ulangi</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Potong</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Tempel</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Pilih semua</translation>
    </message>
</context>
<context>
    <name>RatesView</name>
    <message>
        <source>In force from</source>
        <translation>Berlaku sejak</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Ketentuan</translation>
    </message>
    <message>
        <source>Funding sources</source>
        <translation>Sumber dana</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <source>&amp;Remove selected rate</source>
        <translation>&amp;Hapus tarif terpilih</translation>
    </message>
    <message>
        <source>Percent of declared income</source>
        <translation>Persen dari penghasilan yang dilaporkan</translation>
    </message>
    <message>
        <source>Fixed amount</source>
        <translation>Nominal tetap</translation>
    </message>
    <message>
        <source>e.g. PP 49/2023</source>
        <translation>mis. PP 49/2023</translation>
    </message>
    <message>
        <source>&amp;Add rate</source>
        <translation>&amp;Tambah tarif</translation>
    </message>
    <message>
        <source>In &amp;force from</source>
        <translation>&amp;Berlaku sejak</translation>
    </message>
    <message>
        <source>&amp;Programme</source>
        <translation>&amp;Program</translation>
    </message>
    <message>
        <source>Perce&amp;nt</source>
        <translation>Perse&amp;n</translation>
    </message>
    <message>
        <source>Mi&amp;nimum (Rp)</source>
        <translation>Mi&amp;nimum (Rp)</translation>
    </message>
    <message>
        <source>Ma&amp;ximum (Rp)</source>
        <translation>Ma&amp;ksimum (Rp)</translation>
    </message>
    <message>
        <source>A&amp;mount (Rp)</source>
        <translation>No&amp;minal (Rp)</translation>
    </message>
    <message>
        <source>Applies to (none ticked: all)</source>
        <translation>Berlaku untuk (tanpa centang: semua)</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>K&amp;eterangan</translation>
    </message>
    <message>
        <source>New rate</source>
        <translation>Tarif baru</translation>
    </message>
    <message>
        <source>A rate applies from the month of its date (from the next month when it is not the first), and only to the funding sources ticked.</source>
        <translation>Tarif berlaku mulai bulan tanggalnya (mulai bulan berikutnya jika bukan tanggal 1), dan hanya untuk sumber dana yang dicentang.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not an amount in rupiah.</source>
        <translation>&apos;{text}&apos; bukan nominal rupiah.</translation>
    </message>
    <message>
        <source>Rate added.</source>
        <translation>Tarif ditambahkan.</translation>
    </message>
    <message>
        <source>Remove the {programme} rate in force from {date}?</source>
        <translation>Hapus tarif {programme} yang berlaku sejak {date}?</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Reg. no.</source>
        <translation>No. registrasi</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Lahir</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Jenis kelamin</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Nagari</source>
        <translation>Nagari</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Pekerjaan</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>No. HP</translation>
    </message>
    <message>
        <source>Declared income</source>
        <translation>Penghasilan</translation>
    </message>
    <message>
        <source>Funding</source>
        <translation>Sumber dana</translation>
    </message>
    <message>
        <source>Programmes</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>Perlindungan</translation>
    </message>
    <message>
        <source>KPJ</source>
        <translation>KPJ</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Didaftarkan</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Ubah…</translation>
    </message>
    <message>
        <source>A&amp;pprove</source>
        <translation>&amp;Setujui</translation>
    </message>
    <message>
        <source>&amp;Deactivate…</source>
        <translation>&amp;Nonaktifkan…</translation>
    </message>
    <message>
        <source>&amp;Reactivate</source>
        <translation>&amp;Aktifkan kembali</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Riwayat</translation>
    </message>
    <message>
        <source>Participant {reg_no}</source>
        <translation>Peserta {reg_no}</translation>
    </message>
    <message>
        <source>Saved despite warnings, by a supervisor&apos;s override: {reason}</source>
        <translation>Disimpan walaupun ada peringatan, dengan pengecualian supervisor: {reason}</translation>
    </message>
    <message>
        <source>Only a supervisor may approve.</source>
        <translation>Hanya supervisor yang boleh menyetujui.</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <source>Recap of participants</source>
        <translation>Rekapitulasi peserta</translation>
    </message>
    <message>
        <source>Budget of contributions</source>
        <translation>Anggaran iuran</translation>
    </message>
    <message>
        <source>Cards and handovers</source>
        <translation>Kartu dan penyerahan</translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>Simpan sebagai &amp;PDF…</translation>
    </message>
    <message>
        <source>Save as &amp;Excel…</source>
        <translation>Simpan sebagai &amp;Excel…</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>&amp;Laporan</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>&amp;Tahun</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <source>Per month</source>
        <translation>Per bulan</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Setahun</translation>
    </message>
    <message>
        <source>Budget of {year}: {money}</source>
        <translation>Anggaran {year}: {money}</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Simpan laporan</translation>
    </message>
    <message>
        <source>Report saved to {path}</source>
        <translation>Laporan disimpan ke {path}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>A supervisor must approve records before they leave</source>
        <translation>Data harus disetujui supervisor sebelum dikirim</translation>
    </message>
    <message>
        <source>years</source>
        <translation>tahun</translation>
    </message>
    <message>
        <source>never</source>
        <translation>tidak pernah</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>menit</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>Ages accepted without override</source>
        <translation>Umur yang diterima tanpa pengecualian</translation>
    </message>
    <message>
        <source>Lock the window after</source>
        <translation>Kunci jendela setelah</translation>
    </message>
    <message>
        <source>Coverage start of new records</source>
        <translation>Awal perlindungan data baru</translation>
    </message>
    <message>
        <source>The youngest age must not exceed the oldest.</source>
        <translation>Umur termuda tidak boleh melebihi umur tertua.</translation>
    </message>
    <message>
        <source>The new language is used from the next start.</source>
        <translation>Bahasa baru dipakai mulai saat Lindungi dibuka lagi.</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation>&amp;Tambah pengguna…</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Buka kunci</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>User name</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nama lengkap</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Dinonaktifkan</translation>
    </message>
    <message>
        <source>Locked until {time}</source>
        <translation>Terkunci sampai {time}</translation>
    </message>
    <message>
        <source>{count} failed logins</source>
        <translation>{count} kali gagal masuk</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
</context>
<context>
    <name>YearsView</name>
    <message>
        <source>&amp;New year…</source>
        <translation>Tahun &amp;baru…</translation>
    </message>
    <message>
        <source>Programme years</source>
        <translation>Tahun program</translation>
    </message>
    <message>
        <source>Add &amp;column</source>
        <translation>Tambah &amp;kolom</translation>
    </message>
    <message>
        <source>&amp;Save quotas</source>
        <translation>&amp;Simpan kuota</translation>
    </message>
    <message>
        <source>Funding source</source>
        <translation>Sumber dana</translation>
    </message>
    <message>
        <source>Quotas of {year} per kecamatan</source>
        <translation>Kuota {year} per kecamatan</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>A quota is a whole number of 0 or more.</source>
        <translation>Kuota adalah bilangan bulat 0 atau lebih.</translation>
    </message>
    <message>
        <source>{count} quotas saved.</source>
        <translation>{count} kuota disimpan.</translation>
    </message>
</context>
</TS>
