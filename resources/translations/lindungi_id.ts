<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AccountDialog</name>
    <message>
        <source>New password for {name}</source>
        <translation>Kata sandi baru untuk {name}</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Akun baru</translation>
    </message>
    <message>
        <source>Give this password to {name} in person: it works for one sign-in, then {name} chooses a new one.</source>
        <translation>Berikan kata sandi ini kepada {name} secara langsung: kata sandi ini berlaku untuk satu kali masuk, lalu {name} memilih kata sandi baru.</translation>
    </message>
</context>
<context>
    <name>AccountForm</name>
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
        <source>&amp;Current password</source>
        <translation>Kata sandi se&amp;karang</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>Kata sandi &amp;baru</translation>
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
        <source>{rule} Write it down somewhere safe.</source>
        <translation>{rule} Catat di tempat yang aman.</translation>
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
        <source>Every way into the register, this window and the command line, signs in with an account of its own.</source>
        <translation>Setiap jalan masuk ke register, jendela ini maupun baris perintah, masuk dengan akunnya sendiri.</translation>
    </message>
    <message>
        <source>Is this the same PC, being set up again?</source>
        <translation>Apakah ini PC yang sama, yang sedang dipasang lagi?</translation>
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
    <name>AuditView</name>
    <message>
        <source>User</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Semua tindakan</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Tampilkan</translation>
    </message>
    <message>
        <source>Verify the chain</source>
        <translation>Periksa rantai</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Ekspor…</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Rincian</translation>
    </message>
    <message>
        <source>The audit trail is whole: {count} entries verified.</source>
        <translation>Jejak audit utuh: {count} entri diperiksa.</translation>
    </message>
    <message>
        <source>The audit trail was changed at entry {id}.</source>
        <translation>Jejak audit telah diubah pada entri {id}.</translation>
    </message>
    <message>
        <source>Records without any history (ghosts): {reg_nos}</source>
        <translation>Data tanpa riwayat sama sekali (data siluman): {reg_nos}</translation>
    </message>
    <message>
        <source>Records whose state their history does not explain: {reg_nos}</source>
        <translation>Data yang keadaannya tidak dijelaskan riwayatnya: {reg_nos}</translation>
    </message>
    <message>
        <source>The database is behind the audit trail head this PC signed: a supervisor records the reason (the banner of the main window).</source>
        <translation>Basis data tertinggal dari kepala jejak audit yang ditandatangani PC ini: penyelia mencatat alasannya (spanduk di jendela utama).</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>Ekspor jejak audit</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Buku kerja Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Exported {count} entries.</source>
        <translation>{count} entri diekspor.</translation>
    </message>
</context>
<context>
    <name>BackupsView</name>
    <message>
        <source>Lindungi backs up automatically before every import and migration, once a day and on exit. A backup on a USB stick should be encrypted with a passphrase.</source>
        <translation>Lindungi mencadangkan otomatis sebelum setiap impor dan pembaruan basis data, sekali sehari, dan saat ditutup. Cadangan di flashdisk sebaiknya dienkripsi dengan frasa sandi.</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Ukuran</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Cadangkan sekarang</translation>
    </message>
    <message>
        <source>Back up to a USB stick…</source>
        <translation>Cadangkan ke flashdisk…</translation>
    </message>
    <message>
        <source>Restore the selected backup…</source>
        <translation>Pulihkan cadangan terpilih…</translation>
    </message>
    <message>
        <source>Restore from a file…</source>
        <translation>Pulihkan dari berkas…</translation>
    </message>
    <message>
        <source>New recovery sheet…</source>
        <translation>Lembar pemulihan baru…</translation>
    </message>
    <message>
        <source>A new recovery key on a sheet to print; the old sheet stops working.</source>
        <translation>Kunci pemulihan baru pada lembar untuk dicetak; lembar lama tidak berlaku lagi.</translation>
    </message>
    <message>
        <source>New recovery sheet</source>
        <translation>Lembar pemulihan baru</translation>
    </message>
    <message>
        <source>Backup written: {path}</source>
        <translation>Cadangan ditulis: {path}</translation>
    </message>
    <message>
        <source>Choose the USB stick</source>
        <translation>Pilih flashdisk</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>Pilih cadangan</translation>
    </message>
    <message>
        <source>Lindungi backups (*.sqlite *.lbackup)</source>
        <translation>Cadangan Lindungi (*.sqlite *.lbackup)</translation>
    </message>
    <message>
        <source>Replace the register with the backup {name}? The current database is kept as a backup first.</source>
        <translation>Ganti registri dengan cadangan {name}? Basis data saat ini dicadangkan lebih dulu.</translation>
    </message>
    <message>
        <source>Restored {count} participants.</source>
        <translation>{count} peserta dipulihkan.</translation>
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
        <source>Spreadsheets (*.xlsx *.xls *.ods *.csv *.txt)</source>
        <translation>Lembar kerja (*.xlsx *.xls *.ods *.csv *.txt)</translation>
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
    <name>CalibrationDialog</name>
    <message>
        <source>Printer calibration</source>
        <translation>Kalibrasi printer</translation>
    </message>
    <message>
        <source>1. Print the calibration page with the printer&apos;s usual settings, double-sided.
2. On the front and on the back, measure from the paper&apos;s left edge to line A and from its top edge to line B.
3. Enter the distances here: Lindungi works out the offsets.</source>
        <translation>1. Cetak halaman kalibrasi dengan pengaturan printer yang biasa, bolak-balik.
2. Di halaman depan dan belakang, ukur dari tepi kiri kertas ke garis A dan dari tepi atasnya ke garis B.
3. Masukkan jaraknya di sini: Lindungi menghitung geserannya.</translation>
    </message>
    <message>
        <source>&amp;Print the calibration page…</source>
        <translation>&amp;Cetak halaman kalibrasi…</translation>
    </message>
    <message>
        <source>Line A (from the left)</source>
        <translation>Garis A (dari kiri)</translation>
    </message>
    <message>
        <source>Line B (from the top)</source>
        <translation>Garis B (dari atas)</translation>
    </message>
    <message>
        <source>Front</source>
        <translation>Depan</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Belakang</translation>
    </message>
    <message>
        <source>&amp;Save the offsets</source>
        <translation>&amp;Simpan geseran</translation>
    </message>
    <message>
        <source>&amp;Layout</source>
        <translation>&amp;Tata letak</translation>
    </message>
    <message>
        <source>Offsets now: front {front}; back {back}</source>
        <translation>Geseran sekarang: depan {front}; belakang {back}</translation>
    </message>
    <message>
        <source>Save the calibration page as</source>
        <translation>Simpan halaman kalibrasi sebagai</translation>
    </message>
    <message>
        <source>Saved. Print the page again to check: the lines should now measure right.</source>
        <translation>Tersimpan. Cetak halamannya lagi untuk memeriksa: garisnya kini harus terukur tepat.</translation>
    </message>
</context>
<context>
    <name>CandidatesModel</name>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Reg. no.</source>
        <translation>No. registrasi</translation>
    </message>
    <message>
        <source>KPJ</source>
        <translation>KPJ</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Kartu</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Dicetak</translation>
    </message>
    <message>
        <source>{serial} version {version}</source>
        <translation>{serial} versi {version}</translation>
    </message>
</context>
<context>
    <name>Cards</name>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Dokumen PDF (*.pdf)</translation>
    </message>
    <message>
        <source>A4: 10 cards a sheet, backs on the next (duplex)</source>
        <translation>A4: 10 kartu per lembar, bagian belakang di halaman berikutnya (bolak-balik)</translation>
    </message>
    <message>
        <source>CR80: one card a page (PVC card printer)</source>
        <translation>CR80: satu kartu per halaman (printer kartu PVC)</translation>
    </message>
    <message>
        <source>printed by another install</source>
        <translation>dicetak instalasi lain</translation>
    </message>
    <message>
        <source>no card yet</source>
        <translation>belum punya kartu</translation>
    </message>
    <message>
        <source>Card lost</source>
        <translation>Kartu hilang</translation>
    </message>
    <message>
        <source>Card damaged</source>
        <translation>Kartu rusak</translation>
    </message>
    <message>
        <source>KPJ number arrived</source>
        <translation>Nomor KPJ sudah terbit</translation>
    </message>
    <message>
        <source>Details corrected</source>
        <translation>Data diperbaiki</translation>
    </message>
</context>
<context>
    <name>ChainBanner</name>
    <message>
        <source>Record the reason…</source>
        <translation>Catat alasannya…</translation>
    </message>
    <message>
        <source>Warning: this database is behind the audit trail this PC signed on {at} ({signed} entries signed, {entries} found). An older database file may have been copied back. A supervisor must record the reason.</source>
        <translation>Peringatan: basis data ini tertinggal dari jejak audit yang ditandatangani PC ini pada {at} ({signed} entri ditandatangani, {entries} ditemukan). Mungkin berkas basis data lama disalin kembali. Penyelia harus mencatat alasannya.</translation>
    </message>
    <message>
        <source>Database behind its audit trail</source>
        <translation>Basis data tertinggal dari jejak auditnya</translation>
    </message>
    <message>
        <source>What happened, and who checked it?</source>
        <translation>Apa yang terjadi, dan siapa yang memeriksanya?</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>Ganti kata sandi</translation>
    </message>
    <message>
        <source>An administrator reset the password of {name}. Choose a new one to continue.</source>
        <translation>Administrator mengatur ulang kata sandi {name}. Pilih kata sandi baru untuk melanjutkan.</translation>
    </message>
    <message>
        <source>A new password for {name}.</source>
        <translation>Kata sandi baru untuk {name}.</translation>
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
        <source>Conflict: other keys claim this office too ({others}). Confirm only the fingerprint the office&apos;s own screen shows; a second PC set up from the same enrolment file must be enrolled as a new station.</source>
        <translation>Konflik: kunci lain juga mengaku sebagai kantor ini ({others}). Konfirmasi hanya sidik jari yang tampil di layar kantor itu sendiri; PC kedua yang dipasang dari berkas pendaftaran yang sama harus didaftarkan sebagai stasiun baru.</translation>
    </message>
    <message>
        <source>{count} held bundles are merged when you confirm. Their receipts go to the folder below (without one: the receipts folder of the data folder).</source>
        <translation>{count} bundel yang ditahan digabung saat Anda mengonfirmasi. Tanda terimanya ditulis ke folder di bawah (tanpa folder: folder tanda terima di folder data).</translation>
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
        <source>No office has sent a bundle yet. Write each kecamatan station its enrolment file (Bundles ▸ Offices), then import the bundles their USB sticks bring (Bundles ▸ Import a bundle).</source>
        <translation>Belum ada kantor yang mengirim bundel. Tulis berkas pendaftaran untuk setiap stasiun kecamatan (Bundel ▸ Kantor kecamatan), lalu impor bundel yang dibawa flashdisk mereka (Bundel ▸ Impor bundel).</translation>
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
    <message>
        <source>Over the quota of {year}: {kecamatan}.</source>
        <translation>Melebihi kuota {year}: {kecamatan}.</translation>
    </message>
</context>
<context>
    <name>DeactivateDialog</name>
    <message>
        <source>Deactivate {reg_no}</source>
        <translation>Nonaktifkan {reg_no}</translation>
    </message>
    <message>
        <source>— choose the reason —</source>
        <translation>— pilih alasannya —</translation>
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
    <name>DesksLabel</name>
    <message>
        <source>Also signed in: {names}</source>
        <translation>Juga masuk: {names}</translation>
    </message>
    <message>
        <source>{account} on {host}, since {time}</source>
        <translation>{account} di {host}, sejak {time}</translation>
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
        <source>Held back from the bundle, their history does not explain them (see Verify the audit trail): {reg_nos}</source>
        <translation>Ditahan dari bundel, riwayatnya tidak menjelaskannya (lihat Periksa jejak audit): {reg_nos}</translation>
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
        <source>Nothing was changed.</source>
        <translation>Tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>Enrolled with {code}. Compare this fingerprint with the kabupaten&apos;s screen: {fingerprint}</source>
        <translation>Terdaftar pada {code}. Bandingkan sidik jari ini dengan layar kabupaten: {fingerprint}</translation>
    </message>
    <message>
        <source>The kabupaten key {previous} can no longer read this office&apos;s bundles.</source>
        <translation>Kunci kabupaten {previous} tidak dapat lagi membaca bundel kantor ini.</translation>
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
    <name>HandoverDialog</name>
    <message>
        <source>Card handover</source>
        <translation>Penyerahan kartu</translation>
    </message>
</context>
<context>
    <name>HandoverModel</name>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Reg. no.</source>
        <translation>No. registrasi</translation>
    </message>
    <message>
        <source>Nagari</source>
        <translation>Nagari</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Kartu</translation>
    </message>
    <message>
        <source>Handed to</source>
        <translation>Diterima oleh</translation>
    </message>
    <message>
        <source>proxy: {name}</source>
        <translation>wakil: {name}</translation>
    </message>
    <message>
        <source>in person</source>
        <translation>sendiri</translation>
    </message>
</context>
<context>
    <name>HandoverWidget</name>
    <message>
        <source>&amp;Open an event…</source>
        <translation>&amp;Buka acara…</translation>
    </message>
    <message>
        <source>C&amp;lose the event…</source>
        <translation>&amp;Tutup acara…</translation>
    </message>
    <message>
        <source>Print the &amp;receipt list…</source>
        <translation>Cetak tanda te&amp;rima…</translation>
    </message>
    <message>
        <source>Only a supervisor opens and closes handover events.</source>
        <translation>Hanya supervisor yang membuka dan menutup acara penyerahan.</translation>
    </message>
    <message>
        <source>&amp;Event</source>
        <translation>&amp;Acara</translation>
    </message>
    <message>
        <source>Give a card</source>
        <translation>Serahkan kartu</translation>
    </message>
    <message>
        <source>QR code or reg. no.</source>
        <translation>Kode QR atau no. registrasi</translation>
    </message>
    <message>
        <source>empty: collected in person</source>
        <translation>kosong: diambil sendiri</translation>
    </message>
    <message>
        <source>&amp;Scan</source>
        <translation>&amp;Pindai</translation>
    </message>
    <message>
        <source>Collected by &amp;proxy</source>
        <translation>Diambil &amp;wakil</translation>
    </message>
    <message>
        <source>Enter gives the card. A proxy&apos;s name applies to the next card given, by scan or by tick, and is then cleared.</source>
        <translation>Enter menyerahkan kartu. Nama wakil berlaku untuk kartu berikutnya yang diserahkan, lewat pindaian atau centang, lalu dikosongkan.</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Kartu</translation>
    </message>
    <message>
        <source>Search name or reg. no.</source>
        <translation>Cari nama atau no. registrasi</translation>
    </message>
    <message>
        <source>All nagari</source>
        <translation>Semua nagari</translation>
    </message>
    <message>
        <source>All cards</source>
        <translation>Semua kartu</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <source>Given at this event</source>
        <translation>Diserahkan pada acara ini</translation>
    </message>
    <message>
        <source>Tick a name to give its card; untick to take back a tick made by mistake.</source>
        <translation>Centang nama untuk menyerahkan kartunya; hapus centang untuk membatalkan centang yang keliru.</translation>
    </message>
    <message>
        <source>open</source>
        <translation>terbuka</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>ditutup</translation>
    </message>
    <message>
        <source>No handover event yet</source>
        <translation>Belum ada acara penyerahan</translation>
    </message>
    <message>
        <source>No handover event yet: a supervisor opens one.</source>
        <translation>Belum ada acara penyerahan: supervisor membukanya.</translation>
    </message>
    <message>
        <source>{date}, {place}. Officials: {officials}.</source>
        <translation>{date}, {place}. Pejabat: {officials}.</translation>
    </message>
    <message>
        <source>Open since {time} ({user}).</source>
        <translation>Dibuka sejak {time} ({user}).</translation>
    </message>
    <message>
        <source>Closed {time} ({user}).</source>
        <translation>Ditutup {time} ({user}).</translation>
    </message>
    <message>
        <source>{given} given at this event · {waiting} waiting</source>
        <translation>{given} diserahkan pada acara ini · {waiting} menunggu</translation>
    </message>
    <message>
        <source>Given: {name} ({reg_no}), to proxy {proxy}.</source>
        <translation>Diserahkan: {name} ({reg_no}), kepada wakil {proxy}.</translation>
    </message>
    <message>
        <source>Given: {name} ({reg_no}), in person.</source>
        <translation>Diserahkan: {name} ({reg_no}), diterima sendiri.</translation>
    </message>
    <message>
        <source>Taken back: the card of {reg_no} waits again.</source>
        <translation>Dibatalkan: kartu {reg_no} menunggu lagi.</translation>
    </message>
    <message>
        <source>Close the event of {date} at {place}? Nothing can be given at it afterwards; the {waiting} cards not collected stay waiting for a later event.</source>
        <translation>Tutup acara {date} di {place}? Sesudahnya tidak ada kartu yang dapat diserahkan pada acara ini; {waiting} kartu yang belum diambil tetap menunggu untuk acara berikutnya.</translation>
    </message>
    <message>
        <source>Save the receipt list as</source>
        <translation>Simpan tanda terima sebagai</translation>
    </message>
    <message>
        <source>Receipt list: {pages} pages in {path}</source>
        <translation>Tanda terima: {pages} halaman di {path}</translation>
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
        <source>Skipped</source>
        <translation>Dilewati</translation>
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
        <source>Excel workbook (*.xlsx);;CSV, separated by semicolons (*.csv)</source>
        <translation>Buku kerja Excel (*.xlsx);;CSV, dipisah titik koma (*.csv)</translation>
    </message>
    <message>
        <source>Several sheets hold a list: choose the sheet to import.</source>
        <translation>Beberapa lembar berisi daftar: pilih lembar yang akan diimpor.</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>&amp;Pilih berkas…</translation>
    </message>
    <message>
        <source>Blank &amp;template…</source>
        <translation>&amp;Templat kosong…</translation>
    </message>
    <message>
        <source>An xlsx for the nagari to fill in: NIK, phone and date columns are text, so Excel cannot damage them; sex, nagari and occupation from lists.</source>
        <translation>Berkas xlsx untuk diisi nagari: kolom NIK, No. HP dan tanggal berformat teks sehingga Excel tidak dapat merusaknya; jenis kelamin, nagari dan pekerjaan dipilih dari daftar.</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>Lembar:</translation>
    </message>
    <message>
        <source>Kecamatan:</source>
        <translation>Kecamatan:</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>(pilih)</translation>
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
        <source>Accept the suggestion for this &amp;row</source>
        <translation>Terima saran untuk &amp;baris ini</translation>
    </message>
    <message>
        <source>&amp;Remember accepted spellings</source>
        <translation>&amp;Simpan ejaan yang diterima</translation>
    </message>
    <message>
        <source>Save the accepted spellings as this install&apos;s names of their nagari.</source>
        <translation>Simpan ejaan yang diterima sebagai nama nagarinya di instalasi ini.</translation>
    </message>
    <message>
        <source>Learned &amp;spellings…</source>
        <translation>&amp;Ejaan yang dipelajari…</translation>
    </message>
    <message>
        <source>The nagari spellings this install learned; forget one learned by mistake.</source>
        <translation>Ejaan nagari yang dipelajari instalasi ini; lupakan yang keliru dipelajari.</translation>
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
        <source>{new} new, {duplicate} duplicate, {refused} refused</source>
        <translation>{new} baru, {duplicate} ganda, {refused} ditolak</translation>
    </message>
    <message>
        <source>; {skipped} rows skipped</source>
        <translation>; {skipped} baris dilewati</translation>
    </message>
    <message>
        <source>&amp;Import {count} new rows</source>
        <translation>&amp;Impor {count} baris baru</translation>
    </message>
    <message>
        <source>Sheet read: {sheet}</source>
        <translation>Lembar yang dibaca: {sheet}</translation>
    </message>
    <message>
        <source>ignored</source>
        <translation>diabaikan</translation>
    </message>
    <message>
        <source>Columns: {columns}</source>
        <translation>Kolom: {columns}</translation>
    </message>
    <message>
        <source>Row {line}: {verdict}</source>
        <translation>Baris {line}: {verdict}</translation>
    </message>
    <message>
        <source>Row {line}: read as {name}</source>
        <translation>Baris {line}: baca sebagai {name}</translation>
    </message>
    <message>
        <source>Every row spelled &quot;{text}&quot; ({count}): read as {name}</source>
        <translation>Semua baris berejaan &quot;{text}&quot; ({count}): baca sebagai {name}</translation>
    </message>
    <message>
        <source>{count} spellings saved; they are listed in the settings.</source>
        <translation>{count} ejaan disimpan; daftarnya ada di pengaturan.</translation>
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
        <source>No file chosen (xlsx, xls, ods or csv).</source>
        <translation>Belum ada berkas dipilih (xlsx, xls, ods atau csv).</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.ods *.csv *.txt)</source>
        <translation>Lembar kerja (*.xlsx *.xls *.ods *.csv *.txt)</translation>
    </message>
    <message>
        <source>Save the blank template</source>
        <translation>Simpan templat kosong</translation>
    </message>
    <message>
        <source>Template written to {path}: send it to the nagari.</source>
        <translation>Templat ditulis ke {path}: kirimkan ke nagari.</translation>
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
        <source>Another key already claims office {office}: this is a conflict. Confirm only the fingerprint the office&apos;s own screen shows.</source>
        <translation>Kunci lain sudah mengaku sebagai kantor {office}: ini konflik. Konfirmasi hanya sidik jari yang tampil di layar kantor itu sendiri.</translation>
    </message>
    <message>
        <source>Held and flagged: the key of office {office} is revoked ({fingerprint}).</source>
        <translation>Ditahan dan ditandai: kunci kantor {office} sudah dicabut ({fingerprint}).</translation>
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
    <name>JoinPage</name>
    <message>
        <source>Sign in to the register on the server</source>
        <translation>Masuk ke register di server</translation>
    </message>
    <message>
        <source>With an account that an administrator made for you at the first desk (Administration ▸ Users). This PC then works on the same register.</source>
        <translation>Dengan akun yang dibuatkan administrator untuk Anda di meja pertama (Administrasi ▸ Pengguna). Setelah itu PC ini bekerja pada register yang sama.</translation>
    </message>
    <message>
        <source>&amp;Account name</source>
        <translation>&amp;Nama akun</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>Kata san&amp;di</translation>
    </message>
    <message>
        <source>Write your account name and password.</source>
        <translation>Tulis nama akun dan kata sandi Anda.</translation>
    </message>
</context>
<context>
    <name>KpjReprintDialog</name>
    <message>
        <source>KPJ numbers arrived: reprint cards</source>
        <translation>Nomor KPJ sudah terbit: cetak ulang kartu</translation>
    </message>
    <message>
        <source>These participants&apos; cards show the registration number because their KPJ number arrived after printing. Reprint them to put the KPJ number on the card.</source>
        <translation>Kartu peserta ini memuat nomor registrasi karena nomor KPJ mereka terbit sesudah kartu dicetak. Cetak ulang agar nomor KPJ tercantum di kartu.</translation>
    </message>
    <message>
        <source>Tick &amp;all</source>
        <translation>Centang &amp;semua</translation>
    </message>
    <message>
        <source>Tick &amp;none</source>
        <translation>&amp;Hapus semua centang</translation>
    </message>
    <message>
        <source>&amp;Reprint the ticked cards…</source>
        <translation>&amp;Cetak ulang kartu yang dicentang…</translation>
    </message>
    <message>
        <source>{count} cards</source>
        <translation>{count} kartu</translation>
    </message>
    <message>
        <source>Tick the cards to reprint first.</source>
        <translation>Centang dahulu kartu yang akan dicetak ulang.</translation>
    </message>
</context>
<context>
    <name>LetterheadDialog</name>
    <message>
        <source>Letterhead and signature of reports</source>
        <translation>Kop surat dan tanda tangan laporan</translation>
    </message>
    <message>
        <source>&amp;Office</source>
        <translation>&amp;Kantor</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Alamat</translation>
    </message>
    <message>
        <source>&amp;Place of signing</source>
        <translation>&amp;Tempat penandatanganan</translation>
    </message>
    <message>
        <source>Signer&apos;s &amp;title</source>
        <translation>&amp;Jabatan penanda tangan</translation>
    </message>
    <message>
        <source>Signer&apos;s &amp;name</source>
        <translation>&amp;Nama penanda tangan</translation>
    </message>
    <message>
        <source>Signer&apos;s N&amp;IP</source>
        <translation>N&amp;IP penanda tangan</translation>
    </message>
    <message>
        <source>e.g. Jl. Prof. M. Yamin SH No. 1, Muaro Sijunjung · Telp. (0754) 20123</source>
        <translation>mis. Jl. Prof. M. Yamin SH No. 1, Muaro Sijunjung · Telp. (0754) 20123</translation>
    </message>
    <message>
        <source>empty: a line to sign on</source>
        <translation>kosong: garis untuk ditandatangani</translation>
    </message>
    <message>
        <source>&amp;Choose an image…</source>
        <translation>&amp;Pilih gambar…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <source>Regency&apos;s crest</source>
        <translation>Lambang kabupaten</translation>
    </message>
    <message>
        <source>The crest is a PNG or JPEG of at most 1 MB; it is kept in the database.</source>
        <translation>Lambang berupa PNG atau JPEG paling besar 1 MB; disimpan di basis data.</translation>
    </message>
    <message>
        <source>no crest</source>
        <translation>belum ada lambang</translation>
    </message>
    <message>
        <source>The regency&apos;s crest</source>
        <translation>Lambang kabupaten</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Gambar (*.png *.jpg *.jpeg)</translation>
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
        <source>The window was locked after a pause, so that nobody reads the register meanwhile. Log in again to continue.</source>
        <translation>Jendela dikunci setelah jeda, agar tidak ada yang membaca register sementara itu. Masuk lagi untuk melanjutkan.</translation>
    </message>
    <message>
        <source>{name} locked the window. Log in again to continue.</source>
        <translation>{name} mengunci jendela. Masuk lagi untuk melanjutkan.</translation>
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
    <message>
        <source>&amp;Switch user</source>
        <translation>&amp;Ganti pengguna</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Dasbor</translation>
    </message>
    <message>
        <source>Participant &amp;list</source>
        <translation>Da&amp;ftar peserta</translation>
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
        <source>All cards</source>
        <translation>Semua kartu</translation>
    </message>
    <message>
        <source>Card not printed</source>
        <translation>Kartu belum dicetak</translation>
    </message>
    <message>
        <source>Card waiting for handover</source>
        <translation>Kartu menunggu diserahkan</translation>
    </message>
    <message>
        <source>Card handed over</source>
        <translation>Kartu sudah diserahkan</translation>
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
        <source>Show &amp;everyone</source>
        <translation>Tampilkan &amp;semua</translation>
    </message>
    <message>
        <source>No participants yet. Register one with New participant (Ctrl+N), or import a nagari&apos;s spreadsheet (Ctrl+I).</source>
        <translation>Belum ada peserta. Daftarkan dengan Peserta baru (Ctrl+N), atau impor lembar kerja dari nagari (Ctrl+I).</translation>
    </message>
    <message>
        <source>Nobody matches this search and these filters ({total} participants in all). Check the spelling, search by NIK or registration number, or show everyone.</source>
        <translation>Tidak ada yang cocok dengan pencarian dan saringan ini (seluruhnya {total} peserta). Periksa ejaannya, cari dengan NIK atau nomor registrasi, atau tampilkan semua.</translation>
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
        <source>&amp;Backups and audit trail…</source>
        <translation>&amp;Cadangan dan jejak audit…</translation>
    </message>
    <message>
        <source>&amp;Print cards…</source>
        <translation>&amp;Cetak kartu…</translation>
    </message>
    <message>
        <source>KPJ numbers arrived: &amp;reprint…</source>
        <translation>KPJ sudah terbit: cetak &amp;ulang…</translation>
    </message>
    <message>
        <source>&amp;Check cards…</source>
        <translation>&amp;Periksa kartu…</translation>
    </message>
    <message>
        <source>Card &amp;handover…</source>
        <translation>Pe&amp;nyerahan kartu…</translation>
    </message>
    <message>
        <source>Printer &amp;calibration…</source>
        <translation>&amp;Kalibrasi printer…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Kunci</translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation>&amp;Ganti kata sandi saya…</translation>
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
        <source>&amp;Cards</source>
        <translation>&amp;Kartu</translation>
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
        <source>Only a supervisor may use this.</source>
        <translation>Hanya supervisor yang boleh memakai ini.</translation>
    </message>
    <message>
        <source>&amp;Desk</source>
        <translation>Pro&amp;gram</translation>
    </message>
    <message>
        <source>&amp;Years and quotas…</source>
        <translation>&amp;Tahun dan kuota…</translation>
    </message>
    <message>
        <source>&amp;Rates…</source>
        <translation>Tarif &amp;iuran…</translation>
    </message>
    <message>
        <source>&amp;Planner…</source>
        <translation>&amp;Perencanaan anggaran…</translation>
    </message>
    <message>
        <source>R&amp;eports…</source>
        <translation>&amp;Laporan…</translation>
    </message>
    <message>
        <source>&amp;BPJS: registration and KPJ numbers…</source>
        <translation>&amp;BPJS: pendaftaran dan nomor KPJ…</translation>
    </message>
    <message>
        <source>&amp;Bundles</source>
        <translation>&amp;Bundel</translation>
    </message>
    <message>
        <source>&amp;Import a bundle…</source>
        <translation>&amp;Impor bundel…</translation>
    </message>
    <message>
        <source>&amp;Offices…</source>
        <translation>&amp;Kantor kecamatan…</translation>
    </message>
    <message>
        <source>&amp;Conflicts…</source>
        <translation>K&amp;onflik…</translation>
    </message>
    <message>
        <source>&amp;Write a bundle…</source>
        <translation>&amp;Tulis bundel…</translation>
    </message>
    <message>
        <source>&amp;Import a receipt…</source>
        <translation>&amp;Impor tanda terima…</translation>
    </message>
    <message>
        <source>Years and quotas</source>
        <translation>Tahun dan kuota</translation>
    </message>
    <message>
        <source>Rates</source>
        <translation>Tarif iuran</translation>
    </message>
    <message>
        <source>Planner</source>
        <translation>Perencanaan anggaran</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <source>BPJS</source>
        <translation>BPJS</translation>
    </message>
    <message>
        <source>Write a bundle</source>
        <translation>Tulis bundel</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Impor</translation>
    </message>
    <message>
        <source>Offices</source>
        <translation>Kantor kecamatan</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflik</translation>
    </message>
    <message>
        <source>Nothing more can be saved here.</source>
        <translation>Tidak ada lagi yang dapat disimpan di sini.</translation>
    </message>
    <message>
        <source>Logged in: {user} ({role})</source>
        <translation>Masuk sebagai: {user} ({role})</translation>
    </message>
    <message>
        <source>more than {shown} of {total} participants</source>
        <translation>lebih dari {shown} dari {total} peserta</translation>
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
    <message>
        <source>Password changed.</source>
        <translation>Kata sandi diganti.</translation>
    </message>
</context>
<context>
    <name>MissingYearBar</name>
    <message>
        <source>There is no programme year {year}: participants whose coverage starts in {year} count against no quota, and the dashboard and reports show a quota of 0 for them.</source>
        <translation>Tahun program {year} belum ada: peserta yang perlindungannya mulai pada {year} tidak dihitung terhadap kuota mana pun, dan dasbor serta laporan menampilkan kuota 0 untuk mereka.</translation>
    </message>
    <message>
        <source>Ask a supervisor to create it.</source>
        <translation>Minta supervisor untuk membuatnya.</translation>
    </message>
    <message>
        <source>Create {year}</source>
        <translation>Buat tahun {year}</translation>
    </message>
    <message>
        <source>Create {year} from the quotas of {source}</source>
        <translation>Buat tahun {year} dari kuota {source}</translation>
    </message>
</context>
<context>
    <name>NewKabupatenDialog</name>
    <message>
        <source>Another kabupaten key</source>
        <translation>Kunci kabupaten lain</translation>
    </message>
    <message>
        <source>New kabupaten fingerprint (typed by a supervisor):</source>
        <translation>Sidik jari kabupaten baru (diketik oleh supervisor):</translation>
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
        <source>Audit trail</source>
        <translation>Jejak audit</translation>
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
        <source>Revoke key…</source>
        <translation>Cabut kunci…</translation>
    </message>
    <message>
        <source>Take audit trail anew…</source>
        <translation>Terima jejak audit dari awal…</translation>
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
        <source>Conflict: {office} is claimed by another key ({others}) besides {fingerprint}. Confirm only the fingerprint the office&apos;s own screen shows; a second PC set up from the same enrolment file must be enrolled as a new station.</source>
        <translation>Konflik: {office} diakui oleh kunci lain ({others}) selain {fingerprint}. Konfirmasi hanya sidik jari yang tampil di layar kantor itu sendiri; PC kedua yang dipasang dari berkas pendaftaran yang sama harus didaftarkan sebagai stasiun baru.</translation>
    </message>
    <message>
        <source>{count} entries, trusted on first use</source>
        <translation>{count} entri, dipercaya pada penggunaan pertama</translation>
    </message>
    <message>
        <source>{count} entries, extends the last one</source>
        <translation>{count} entri, menyambung yang terakhir</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>belum ada</translation>
    </message>
    <message>
        <source>held: {bundles}</source>
        <translation>ditahan: {bundles}</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>dicabut</translation>
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
        <source>key conflict</source>
        <translation>konflik kunci</translation>
    </message>
    <message>
        <source>The audit trail of {office} will be taken anew: import its held bundle again.</source>
        <translation>Jejak audit {office} akan diterima dari awal: impor lagi bundelnya yang ditahan.</translation>
    </message>
    <message>
        <source>Take audit trail anew</source>
        <translation>Terima jejak audit dari awal</translation>
    </message>
    <message>
        <source>The audit trail of office {office} does not extend the one last seen. After checking with the office what happened, give the reason:</source>
        <translation>Jejak audit kantor {office} tidak menyambung yang terakhir terlihat. Setelah memeriksa bersama kantor itu apa yang terjadi, berikan alasannya:</translation>
    </message>
    <message>
        <source>The key of office {office} ({fingerprint}) is revoked: its later bundles are held and flagged, never merged. Give the office a new enrolment file with a new station letter.</source>
        <translation>Kunci kantor {office} ({fingerprint}) dicabut: bundelnya yang datang kemudian ditahan dan ditandai, tidak pernah digabungkan. Beri kantor itu berkas pendaftaran baru dengan huruf stasiun baru.</translation>
    </message>
    <message>
        <source>Revoke the key of office {office} ({fingerprint})? Do this for a stolen or lost PC: its bundles are never merged again.</source>
        <translation>Cabut kunci kantor {office} ({fingerprint})? Lakukan ini untuk PC yang dicuri atau hilang: bundelnya tidak akan pernah digabungkan lagi.</translation>
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
    <name>OpenEventDialog</name>
    <message>
        <source>Open a handover event</source>
        <translation>Buka acara penyerahan</translation>
    </message>
    <message>
        <source>e.g. Kantor Wali Nagari Aie Amo</source>
        <translation>mis. Kantor Wali Nagari Aie Amo</translation>
    </message>
    <message>
        <source>One a line, e.g.
Bupati Sijunjung: Benny Dwifa Yuswir
Camat: H. Afrizal</source>
        <translation>Satu per baris, mis.
Bupati Sijunjung: Benny Dwifa Yuswir
Camat: H. Afrizal</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Tanggal</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>Tem&amp;pat</translation>
    </message>
    <message>
        <source>&amp;Officials present</source>
        <translation>Pejabat yang &amp;hadir</translation>
    </message>
    <message>
        <source>Open the event</source>
        <translation>Buka acara</translation>
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
        <source>not given yet</source>
        <translation>belum diisi</translation>
    </message>
    <message>
        <source>Use the default {money}</source>
        <translation>Pakai bawaan {money}</translation>
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
        <source>Saved by someone else meanwhile</source>
        <translation>Sementara itu sudah disimpan orang lain</translation>
    </message>
    <message>
        <source>Take their version, keep my changes</source>
        <translation>Ambil versi mereka, pertahankan perubahan saya</translation>
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
        <source>Discard this new participant? What was typed is lost.</source>
        <translation>Buang peserta baru ini? Yang sudah diketik akan hilang.</translation>
    </message>
    <message>
        <source>Discard the changes to {reg_no}?</source>
        <translation>Buang perubahan pada {reg_no}?</translation>
    </message>
    <message>
        <source>As a supervisor you may save despite the warnings marked above: give a reason.</source>
        <translation>Sebagai supervisor Anda boleh menyimpan walaupun ada peringatan di atas: tuliskan alasannya.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <source>Saved by {user}</source>
        <translation>Disimpan oleh {user}</translation>
    </message>
    <message>
        <source>Yours (not saved)</source>
        <translation>Milik Anda (belum disimpan)</translation>
    </message>
    <message>
        <source>Your changes are still in the form. Take their version to see their changes under yours, check the form, then save again.</source>
        <translation>Perubahan Anda masih ada di formulir. Ambil versi mereka untuk melihat perubahan mereka di bawah perubahan Anda, periksa formulirnya, lalu simpan lagi.</translation>
    </message>
    <message>
        <source>The form now shows the version saved by {user} with your changes on top. Check it, then save.</source>
        <translation>Formulir kini menampilkan versi yang disimpan oleh {user} dengan perubahan Anda di atasnya. Periksa, lalu simpan.</translation>
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
    <name>PassphraseDialog</name>
    <message>
        <source>Passphrase</source>
        <translation>Frasa sandi</translation>
    </message>
    <message>
        <source>Passphrase of this PC&apos;s signing key</source>
        <translation>Frasa sandi kunci tanda tangan PC ini</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>Ulangi</translation>
    </message>
    <message>
        <source>Include this PC&apos;s private keys (to move to a new PC)</source>
        <translation>Sertakan kunci privat PC ini (untuk pindah ke PC baru)</translation>
    </message>
    <message>
        <source>Use at least 8 characters.</source>
        <translation>Gunakan sekurang-kurangnya 8 karakter.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Kedua frasa sandi berbeda.</translation>
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
        <source>A kecamatan office with an &amp;enrolment file from the kabupaten (usual)</source>
        <translation>Kantor kecamatan dengan berkas pen&amp;daftaran dari kabupaten (biasa)</translation>
    </message>
    <message>
        <source>LINDUNGI-130306-A.lenrol on the USB stick</source>
        <translation>LINDUNGI-130306-A.lenrol di flashdisk</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>Pil&amp;ih…</translation>
    </message>
    <message>
        <source>A &amp;kecamatan office without an enrolment file (it can be enrolled later)</source>
        <translation>Kantor kecamatan &amp;tanpa berkas pendaftaran (dapat didaftarkan kemudian)</translation>
    </message>
    <message>
        <source>The kabu&amp;paten (Dinas Nakertrans of {regency})</source>
        <translation>Ka&amp;bupaten (Dinas Nakertrans {regency})</translation>
    </message>
    <message>
        <source>— choose the kecamatan —</source>
        <translation>— pilih kecamatan —</translation>
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
    <message>
        <source>Choose the enrolment file from the USB stick.</source>
        <translation>Pilih berkas pendaftaran dari flashdisk.</translation>
    </message>
    <message>
        <source>Choose the kecamatan of this office.</source>
        <translation>Pilih kecamatan kantor ini.</translation>
    </message>
    <message>
        <source>Choose the enrolment file</source>
        <translation>Pilih berkas pendaftaran</translation>
    </message>
    <message>
        <source>Enrolment files (*.lenrol)</source>
        <translation>Berkas pendaftaran (*.lenrol)</translation>
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
    <name>PrintDialog</name>
    <message>
        <source>and {count} more</source>
        <translation>dan {count} lainnya</translation>
    </message>
    <message>
        <source>Too long for the card even in small print, shortened: {names}</source>
        <translation>Terlalu panjang untuk kartu meski dengan huruf kecil, dipotong: {names}</translation>
    </message>
    <message>
        <source>Print cards</source>
        <translation>Cetak kartu</translation>
    </message>
    <message>
        <source>Everyone in the &amp;nagari</source>
        <translation>Semua peserta di &amp;nagari</translation>
    </message>
    <message>
        <source>Everyone &amp;not printed yet</source>
        <translation>Semua yang &amp;belum dicetak</translation>
    </message>
    <message>
        <source>The participants &amp;selected in the list ({count})</source>
        <translation>Peserta yang &amp;dipilih ({count})</translation>
    </message>
    <message>
        <source>&amp;Only {name} ({reg_no})</source>
        <translation>&amp;Hanya {name} ({reg_no})</translation>
    </message>
    <message>
        <source>Who gets a card</source>
        <translation>Siapa yang mendapat kartu</translation>
    </message>
    <message>
        <source>Only approved, accepted and active participants get cards. A card printed before is printed again as a copy (same serial and QR code); for a new version, use Reprint in the participant&apos;s record.</source>
        <translation>Hanya peserta yang disetujui, diterima dan aktif yang mendapat kartu. Kartu yang sudah pernah dicetak dicetak lagi sebagai salinan (seri dan kode QR yang sama); untuk versi baru, gunakan Cetak ulang pada data peserta.</translation>
    </message>
    <message>
        <source>&amp;Layout</source>
        <translation>&amp;Tata letak</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Cetak…</translation>
    </message>
    <message>
        <source>Everyone &amp;not printed yet ({count})</source>
        <translation>Semua yang &amp;belum dicetak ({count})</translation>
    </message>
    <message>
        <source>Prints {cards} cards: {new} new, {copies} copies.</source>
        <translation>Mencetak {cards} kartu: {new} baru, {copies} salinan.</translation>
    </message>
    <message>
        <source>Choose a nagari from the list.</source>
        <translation>Pilih nagari dari daftar.</translation>
    </message>
    <message>
        <source>Save the cards as</source>
        <translation>Simpan kartu sebagai</translation>
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
        <source>Card</source>
        <translation>Kartu</translation>
    </message>
    <message>
        <source>Print &amp;card…</source>
        <translation>Cetak &amp;kartu…</translation>
    </message>
    <message>
        <source>Reprin&amp;t card…</source>
        <translation>Ce&amp;tak ulang…</translation>
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
        <source>Not printed yet</source>
        <translation>Belum dicetak</translation>
    </message>
    <message>
        <source>{serial}, version {version}, printed {date} by {user}</source>
        <translation>{serial}, versi {version}, dicetak {date} oleh {user}</translation>
    </message>
    <message>
        <source>{count} copies</source>
        <translation>{count} salinan</translation>
    </message>
    <message>
        <source>handed over {when}</source>
        <translation>diserahkan {when}</translation>
    </message>
    <message>
        <source>waiting for handover</source>
        <translation>menunggu diserahkan</translation>
    </message>
    <message>
        <source>Only a supervisor may approve.</source>
        <translation>Hanya supervisor yang boleh menyetujui.</translation>
    </message>
    <message>
        <source>A new card for {name} ({reg_no})</source>
        <translation>Kartu baru untuk {name} ({reg_no})</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>&amp;Open the sheet to print it</source>
        <translation>&amp;Buka lembar untuk dicetak</translation>
    </message>
    <message>
        <source>&amp;Save it elsewhere…</source>
        <translation>&amp;Simpan di tempat lain…</translation>
    </message>
</context>
<context>
    <name>ReplacedBanner</name>
    <message>
        <source>Close Lindungi</source>
        <translation>Tutup Lindungi</translation>
    </message>
    <message>
        <source>A backup of this register was restored into database {restored}. Database {database}, which this window still shows, is no longer used: nothing more can be saved here. Close Lindungi and start it again; it then opens the restored register.</source>
        <translation>Cadangan register ini telah dipulihkan ke basis data {restored}. Basis data {database}, yang masih ditampilkan jendela ini, tidak digunakan lagi: tidak ada lagi yang dapat disimpan di sini. Tutup Lindungi lalu buka lagi; setelah itu Lindungi membuka register yang dipulihkan.</translation>
    </message>
    <message>
        <source>Restored by {user} on {date} at {time}.</source>
        <translation>Dipulihkan oleh {user} pada {date} pukul {time}.</translation>
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
        <source>&amp;Letterhead and signature…</source>
        <translation>&amp;Kop surat dan tanda tangan…</translation>
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
    <name>ReprintDialog</name>
    <message>
        <source>Reprint cards</source>
        <translation>Cetak ulang kartu</translation>
    </message>
    <message>
        <source>Reprint the cards of {count} participants</source>
        <translation>Cetak ulang kartu {count} peserta</translation>
    </message>
    <message>
        <source>Why a new card is needed</source>
        <translation>Mengapa kartu baru diperlukan</translation>
    </message>
    <message>
        <source>A new version is printed with a new serial; the earlier card becomes void and its QR code verifies as void.</source>
        <translation>Versi baru dicetak dengan seri baru; kartu sebelumnya tidak berlaku lagi dan kode QR-nya terbaca tidak berlaku.</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Alasan</translation>
    </message>
    <message>
        <source>&amp;Layout</source>
        <translation>&amp;Tata letak</translation>
    </message>
    <message>
        <source>&amp;Reprint…</source>
        <translation>&amp;Cetak ulang…</translation>
    </message>
    <message>
        <source>Save the cards as</source>
        <translation>Simpan kartu sebagai</translation>
    </message>
</context>
<context>
    <name>SafetyCheck</name>
    <message>
        <source>The database is damaged and no good backup was found. Stop using Lindungi and ask for help; nothing was changed.</source>
        <translation>Basis data rusak dan tidak ditemukan cadangan yang baik. Hentikan penggunaan Lindungi dan mintalah bantuan; tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>The database is damaged. Restore the newest good backup ({name})? The damaged database is kept.</source>
        <translation>Basis data rusak. Pulihkan cadangan baik yang terbaru ({name})? Basis data yang rusak tetap disimpan.</translation>
    </message>
    <message>
        <source>The backup was restored.</source>
        <translation>Cadangan telah dipulihkan.</translation>
    </message>
</context>
<context>
    <name>SafetyDialog</name>
    <message>
        <source>Backups and audit trail</source>
        <translation>Cadangan dan jejak audit</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Cadangan</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Jejak audit</translation>
    </message>
</context>
<context>
    <name>ServerFields</name>
    <message>
        <source>e.g. 192.168.1.10 or server-dinas</source>
        <translation>mis. 192.168.1.10 atau server-dinas</translation>
    </message>
    <message>
        <source>No encryption (disable)</source>
        <translation>Tanpa enkripsi (disable)</translation>
    </message>
    <message>
        <source>Encrypted when the server offers it (prefer)</source>
        <translation>Terenkripsi bila server menawarkannya (prefer)</translation>
    </message>
    <message>
        <source>Always encrypted, certificate not checked (require)</source>
        <translation>Selalu terenkripsi, sertifikat tidak diperiksa (require)</translation>
    </message>
    <message>
        <source>Encrypted, certificate checked against the CA (verify-ca)</source>
        <translation>Terenkripsi, sertifikat diperiksa dengan CA (verify-ca)</translation>
    </message>
    <message>
        <source>Encrypted, certificate and host name checked (verify-full)</source>
        <translation>Terenkripsi, sertifikat dan nama host diperiksa (verify-full)</translation>
    </message>
    <message>
        <source>the server&apos;s CA certificate (.crt, .pem)</source>
        <translation>sertifikat CA server (.crt, .pem)</translation>
    </message>
    <message>
        <source>Choose &amp;file…</source>
        <translation>Pilih berk&amp;as…</translation>
    </message>
    <message>
        <source>&amp;Host</source>
        <translation>&amp;Host</translation>
    </message>
    <message>
        <source>P&amp;ort</source>
        <translation>P&amp;ort</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>&amp;Basis data</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>Pe&amp;ngguna</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>Kata san&amp;di</translation>
    </message>
    <message>
        <source>&amp;Encryption (TLS)</source>
        <translation>&amp;Enkripsi (TLS)</translation>
    </message>
    <message>
        <source>&amp;CA certificate</source>
        <translation>Sertifikat &amp;CA</translation>
    </message>
    <message>
        <source>&amp;Test the connection</source>
        <translation>&amp;Uji koneksi</translation>
    </message>
    <message>
        <source>Choose the server&apos;s CA certificate</source>
        <translation>Pilih sertifikat CA server</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>Sertifikat (*.crt *.pem *.cer);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Write the server&apos;s host name or IP address.</source>
        <translation>Tulis nama host atau alamat IP server.</translation>
    </message>
    <message>
        <source>Write the name of the database on the server.</source>
        <translation>Tulis nama basis data di server.</translation>
    </message>
    <message>
        <source>Write the PostgreSQL user name.</source>
        <translation>Tulis nama pengguna PostgreSQL.</translation>
    </message>
    <message>
        <source>The CA certificate {path} does not exist.</source>
        <translation>Sertifikat CA {path} tidak ada.</translation>
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
        <source>General</source>
        <translation>Umum</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Kartu</translation>
    </message>
    <message>
        <source>Nagari spellings</source>
        <translation>Ejaan nagari</translation>
    </message>
    <message>
        <source>Print whole NIKs on cards (otherwise masked)</source>
        <translation>Cetak NIK lengkap di kartu (jika tidak, disamarkan)</translation>
    </message>
    <message>
        <source>right (x)</source>
        <translation>ke kanan (x)</translation>
    </message>
    <message>
        <source>down (y)</source>
        <translation>ke bawah (y)</translation>
    </message>
    <message>
        <source>Fronts</source>
        <translation>Bagian depan</translation>
    </message>
    <message>
        <source>Backs</source>
        <translation>Bagian belakang</translation>
    </message>
    <message>
        <source>&amp;Print a calibration page…</source>
        <translation>&amp;Cetak halaman kalibrasi…</translation>
    </message>
    <message>
        <source>Print the calibration page with the printer&apos;s usual settings, measure how far the marks are off, and enter that here (a negative number moves left or up). Printing the page saves the offsets and layout first.</source>
        <translation>Cetak halaman kalibrasi dengan pengaturan printer yang biasa, ukur seberapa jauh tanda bergeser, lalu isikan di sini (angka negatif menggeser ke kiri atau ke atas). Mencetak halaman ini lebih dahulu menyimpan pergeseran dan tata letak.</translation>
    </message>
    <message>
        <source>An empty text on the back means the standard text (shown grey).</source>
        <translation>Teks belakang yang kosong berarti teks baku (tampak abu-abu).</translation>
    </message>
    <message>
        <source>Programme title</source>
        <translation>Judul program</translation>
    </message>
    <message>
        <source>Regency</source>
        <translation>Kabupaten</translation>
    </message>
    <message>
        <source>Back: benefits</source>
        <translation>Belakang: manfaat</translation>
    </message>
    <message>
        <source>Back: after an accident</source>
        <translation>Belakang: bila kecelakaan</translation>
    </message>
    <message>
        <source>Back: after a death</source>
        <translation>Belakang: bila meninggal</translation>
    </message>
    <message>
        <source>BPJS branch contact</source>
        <translation>Kontak cabang BPJS</translation>
    </message>
    <message>
        <source>Dinas contact</source>
        <translation>Kontak Dinas</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Tata letak</translation>
    </message>
    <message>
        <source>Printer offsets</source>
        <translation>Pergeseran printer</translation>
    </message>
    <message>
        <source>Save the calibration page as</source>
        <translation>Simpan halaman kalibrasi sebagai</translation>
    </message>
    <message>
        <source>Calibration page written to {path}</source>
        <translation>Halaman kalibrasi ditulis ke {path}</translation>
    </message>
    <message>
        <source>The youngest age must not exceed the oldest.</source>
        <translation>Umur termuda tidak boleh melebihi umur tertua.</translation>
    </message>
    <message>
        <source>The cards need a programme title and a regency.</source>
        <translation>Kartu memerlukan judul program dan kabupaten.</translation>
    </message>
    <message>
        <source>The new language is used from the next start.</source>
        <translation>Bahasa baru dipakai mulai saat Lindungi dibuka lagi.</translation>
    </message>
</context>
<context>
    <name>SpellingsDialog</name>
    <message>
        <source>Learned nagari spellings</source>
        <translation>Ejaan nagari yang dipelajari</translation>
    </message>
</context>
<context>
    <name>SpellingsPage</name>
    <message>
        <source>Spellings a supervisor accepted during an import; an import reads them as their nagari from then on.</source>
        <translation>Ejaan yang diterima supervisor saat impor; sejak itu impor membacanya sebagai nagarinya.</translation>
    </message>
    <message>
        <source>Spelling</source>
        <translation>Ejaan</translation>
    </message>
    <message>
        <source>Nagari</source>
        <translation>Nagari</translation>
    </message>
    <message>
        <source>No spellings learned yet.</source>
        <translation>Belum ada ejaan yang dipelajari.</translation>
    </message>
    <message>
        <source>&amp;Forget the selected spellings</source>
        <translation>&amp;Lupakan ejaan yang dipilih</translation>
    </message>
    <message>
        <source>An import no longer reads them as their nagari; it suggests again instead.</source>
        <translation>Impor tidak lagi membacanya sebagai nagarinya; impor kembali menyarankan.</translation>
    </message>
    <message>
        <source>{count} spellings forgotten.</source>
        <translation>{count} ejaan dilupakan.</translation>
    </message>
</context>
<context>
    <name>StoragePage</name>
    <message>
        <source>Where is the kabupaten&apos;s register kept?</source>
        <translation>Di mana register kabupaten disimpan?</translation>
    </message>
    <message>
        <source>On this PC, or on a PostgreSQL server that several desks of the Dinas share.</source>
        <translation>Di PC ini, atau di server PostgreSQL yang dipakai bersama beberapa meja di Dinas.</translation>
    </message>
    <message>
        <source>Keep the register on this &amp;PC (SQLite)</source>
        <translation>Simpan register di &amp;PC ini (SQLite)</translation>
    </message>
    <message>
        <source>On a PostgreSQL &amp;server (a new register)</source>
        <translation>Di &amp;server PostgreSQL (register baru)</translation>
    </message>
    <message>
        <source>&amp;Join a register on a server (another desk of the Dinas)</source>
        <translation>&amp;Gabung ke register di server (meja lain di Dinas)</translation>
    </message>
    <message>
        <source>The usual choice when one PC keeps the register. It can be moved onto a server later (lindungi database move).</source>
        <translation>Pilihan biasa bila satu PC menyimpan register. Register dapat dipindah ke server nanti (lindungi database move).</translation>
    </message>
    <message>
        <source>An empty database that the server&apos;s administrator created for Lindungi. The password is kept sealed with the register&apos;s key, never as plain text.</source>
        <translation>Basis data kosong yang dibuat administrator server untuk Lindungi. Kata sandinya disimpan tersegel dengan kunci register, tidak pernah sebagai teks biasa.</translation>
    </message>
    <message>
        <source>The register that the first desk set up on the server. You then sign in with an account of that register.</source>
        <translation>Register yang disiapkan meja pertama di server. Setelah itu Anda masuk dengan akun register tersebut.</translation>
    </message>
    <message>
        <source>Connected: the database holds the kabupaten&apos;s register. Next, sign in with your account of it.</source>
        <translation>Terhubung: basis data memuat register kabupaten. Berikutnya, masuk dengan akun Anda di register itu.</translation>
    </message>
    <message>
        <source>Connected: the database {database} on {host} is empty and ready for the register.</source>
        <translation>Terhubung: basis data {database} di {host} kosong dan siap untuk register.</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>Blank template</source>
        <translation>Templat kosong</translation>
    </message>
    <message>
        <source>Every nagari (each row chooses from a list)</source>
        <translation>Semua nagari (setiap baris memilih dari daftar)</translation>
    </message>
    <message>
        <source>For one nagari, its name is filled in on every row, so the nagari&apos;s clerk types only the people.</source>
        <translation>Untuk satu nagari, namanya sudah terisi di setiap baris, sehingga petugas nagari hanya mengetik orangnya.</translation>
    </message>
    <message>
        <source>Nagari</source>
        <translation>Nagari</translation>
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
        <source>&amp;Reset password…</source>
        <translation>&amp;Atur ulang kata sandi…</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Buka kunci</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Nonaktifkan</translation>
    </message>
    <message>
        <source>Re&amp;activate</source>
        <translation>Akti&amp;fkan kembali</translation>
    </message>
    <message>
        <source>{name} must choose a new password at the next sign-in.</source>
        <translation>{name} harus memilih kata sandi baru saat masuk berikutnya.</translation>
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
        <source>Deactivated</source>
        <translation>Nonaktif</translation>
    </message>
    <message>
        <source>Must choose a new password</source>
        <translation>Harus memilih kata sandi baru</translation>
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
    <name>VerifyDialog</name>
    <message>
        <source>Check cards</source>
        <translation>Periksa kartu</translation>
    </message>
</context>
<context>
    <name>VerifyWidget</name>
    <message>
        <source>Scan the QR code of a card with the barcode scanner, or type its code and press Enter.</source>
        <translation>Pindai kode QR kartu dengan pemindai barcode, atau ketik kodenya lalu tekan Enter.</translation>
    </message>
    <message>
        <source>Card code (LD1.…)</source>
        <translation>Kode kartu (LD1.…)</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>&amp;Periksa</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Kode</translation>
    </message>
    <message>
        <source>Waiting for a scan</source>
        <translation>Menunggu pindaian</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Reg. no.</source>
        <translation>No. registrasi</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Nagari</source>
        <translation>Nagari</translation>
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
        <source>Card</source>
        <translation>Kartu</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>Diserahkan</translation>
    </message>
    <message>
        <source>Printed by install</source>
        <translation>Dicetak instalasi</translation>
    </message>
    <message>
        <source>Replaced because</source>
        <translation>Diganti karena</translation>
    </message>
    <message>
        <source>GENUINE: a current card</source>
        <translation>ASLI: kartu berlaku</translation>
    </message>
    <message>
        <source>VOID: replaced by a newer card</source>
        <translation>TIDAK BERLAKU: sudah diganti kartu baru</translation>
    </message>
    <message>
        <source>UNKNOWN ISSUER</source>
        <translation>PENERBIT TIDAK DIKENAL</translation>
    </message>
    <message>
        <source>NOT GENUINE or damaged</source>
        <translation>TIDAK ASLI atau rusak</translation>
    </message>
    <message>
        <source>NOT A CARD CODE</source>
        <translation>BUKAN KODE KARTU</translation>
    </message>
    <message>
        <source>{serial}, version {version}</source>
        <translation>{serial}, versi {version}</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>belum</translation>
    </message>
    <message>
        <source>Code read: {code}</source>
        <translation>Kode terbaca: {code}</translation>
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
<context>
    <name>_JobDialog</name>
    <message>
        <source>cards</source>
        <translation>kartu</translation>
    </message>
    <message>
        <source>{count} new</source>
        <translation>{count} baru</translation>
    </message>
    <message>
        <source>{count} reprinted</source>
        <translation>{count} cetak ulang</translation>
    </message>
    <message>
        <source>{count} copies</source>
        <translation>{count} salinan</translation>
    </message>
    <message>
        <source>{cards} cards ({kinds}) on {pages} pages in {path}</source>
        <translation>{cards} kartu ({kinds}) pada {pages} halaman di {path}</translation>
    </message>
    <message>
        <source>Left out: {who}</source>
        <translation>Tidak dicetak: {who}</translation>
    </message>
</context>
</TS>
