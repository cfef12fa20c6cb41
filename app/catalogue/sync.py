"""Messages of sync: bundles, receipts, enrolment, the ledger of offices, conflicts, keys."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # Files that are refused: nothing was changed.
    "bundle.too_large": "{name} is larger than any Lindungi bundle can be. Nothing was changed.",
    "bundle.not_lindungi": "{name} is not a Lindungi bundle, receipt or enrolment file. Nothing was changed.",
    "bundle.zip": "{name} is a zip archive, not a Lindungi bundle (bundles are single .lbundle files). Nothing was changed.",
    "bundle.newer": "{name} was made by a newer version of Lindungi (file format {version}): update Lindungi on this PC, then import it again. Nothing was changed.",
    "bundle.truncated": "{name} is incomplete: it was cut short, perhaps when the stick was pulled out while copying. Copy it again. Nothing was changed.",
    "bundle.trailing": "{name} has extra bytes after its end: it is damaged or was changed. Nothing was changed.",
    "bundle.header": "{name} is damaged: its manifest cannot be read. Nothing was changed.",
    "bundle.signature": "{name} was changed after it was signed (its signature does not match). Ask for a new copy. Nothing was changed.",
    "bundle.recipient": "{name} was encrypted for another install, not for this one ({code}). Nothing was changed.",
    "bundle.decrypt": "{name} cannot be decrypted with this install's key: it is damaged or was made for another key. Nothing was changed.",
    "bundle.payload": "{name} is damaged: its content cannot be read. Nothing was changed.",
    "bundle.bomb": "{name} claims more content than any Lindungi file may hold (damaged or made to harm); it was not opened. Nothing was changed.",
    "bundle.foreign": "{name} comes from {sender}, which is not an office of regency {regency}. Nothing was changed.",
    "bundle.wrong_key": "{name} is signed with another key than the one confirmed for office {office} (confirmed {expected}, this file {got}). Nothing was changed. A reinstalled PC needs a new enrolment file with a new station letter.",
    "bundle.kabupaten_only": "{name} is a bundle from an office: import it at the kabupaten. This install is {code}.",
    "bundle.receipt_at_kabupaten": "{name} is a receipt for office {office}: import it there.",
    "bundle.enrolment_file": "{name} is an enrolment file: use {cmd} setup --enrol FILE or {cmd} enrol FILE.",
    "bundle.sequence_reused": "Office {office} already sent a different bundle number {sequence}; {name} is not the same file. Nothing was changed.",
    "bundle.chain": "Bundle {sequence} of office {office} ({name}) does not follow on from the bundle received before it (the chain of hashes is broken). Nothing was changed.",
    "bundle.not_enrolled": "This install is not enrolled with a kabupaten yet: import the enrolment file the kabupaten gave you ({cmd} enrol FILE).",
    "bundle.only_office": "Only a kecamatan office exports bundles; the kabupaten writes receipts ({cmd} bundle receipt).",
    "bundle.verify_failed": "The file written to {path} does not read back the same: the stick may be failing. The file was removed; try another stick.",
    "folder.missing": "The folder {path} does not exist (is the stick plugged in?).",
    "receipt.only_kabupaten": "Only the kabupaten writes receipts and confirms or revokes offices.",
    "receipt.wrong_install": "{name} is a receipt for {recipient}, not for this install ({code}). Nothing was changed.",
    "receipt.wrong_kabupaten": "{name} comes from {sender}, not from the kabupaten this install is enrolled with ({kabupaten}). Nothing was changed.",
    "receipt.wrong_key": "{name} is signed with another key than the kabupaten's key from the enrolment file (expected {expected}, this file {got}). Nothing was changed.",
    # Records refused inside a genuine bundle (reported in the receipt).
    "record.malformed": "The record's field {field} is missing or malformed.",
    "record.other_install": "The record was registered by {install}, not by office {office}.",
    "record.other_kecamatan": "The record belongs to kecamatan {kecamatan}, not to the office's kecamatan {office}.",
    "record.draft": "The record is a draft: only approved records may leave the office.",
    "record.reg_no_taken": "Registration number {reg_no} is already used by another record.",
    "record.repeated": "The record appears twice in the bundle.",
    "record.held_as": (
        "The record {reg_no} carries the id of {other}, another record of the register:"
        " not merged. Ask the office whether its register was copied from another PC."
    ),
    "sync.likely_duplicate": "Likely duplicate of {other} (same NIK): waiting for the kabupaten's review.",
    "sync.edit_conflict": "Changed both at the office and at the kabupaten ({fields}): waiting for the kabupaten's review.",
    # Enrolment and trust.
    "enrol.not_kabupaten": "Only the kabupaten writes enrolment files; this install is {code}.",
    "enrol.station_taken": "Station {code} is already used by an install with fingerprint {fingerprint}. Give the new PC another station (next free: {free}).",
    "enrol.other_install": "{name} enrols install {file}, but this install is {ours}. Ask the kabupaten for this install's own file.",
    "enrol.kind": "{name} is not an enrolment file.",
    "office.unknown": "The ledger has no office {office}.",
    "office.no_key": "No bundle has come from office {office} yet, so there is no key to confirm.",
    "office.not_confirmed": "The key of office {office} is not confirmed yet: compare its fingerprint and run {cmd} offices confirm.",
    "office.fingerprint_mismatch": "The fingerprint typed for office {office} ({given}) is not the one its bundles carry ({shown}). Compare again on both screens; nothing was confirmed.",
    # Conflicts.
    "conflict.not_found": "There is no conflict number {id}.",
    "conflict.closed": "Conflict {id} was already resolved ({decision}).",
    "conflict.not_duplicate": "Conflict {id} is one record changed on both sides: keep A or B, or take fields from each in the window; a move needs two records.",
    "conflict.choice": "Choose A or B.",
    "conflict.fields": "Unknown field {field}: choose among the record's fields.",
    "conflict.nik_taken": "NIK {nik} is already held by {reg_no}, which is not inactive.",
    # Trust: keys, clones, revocation.
    "receipt.numbers_ahead": "Warning: the kabupaten holds registration numbers of this station up to {theirs}, but this PC issued only up to {ours}. Either another PC registers as this station (a copy set up from the same enrolment file: enrol it as a new station), or this PC lost records (an old backup). New numbers continue after {theirs}.",
    "bundle.clone": "{name} comes from another PC than the one office {office} was confirmed with (install {got}, confirmed {expected}): a copy of the station. Nothing was changed. Enrol the second PC as a new station.",
    "receipt.clone": "{name} says the kabupaten merges station {office} from another PC (install {theirs}; this PC is {ours}): this PC or the other is a copy set up from the same enrolment file. Nothing was changed. Ask the kabupaten to enrol this PC as a new station.",
    "receipt.sequence_reused": "{name} reuses receipt number {sequence} of kabupaten {kabupaten}, which was already imported from another file. Nothing was changed. Ask the kabupaten for a fresh receipt.",
    "office.revoked": "The key of office {office} is revoked: it can no longer be confirmed. Give the office a new enrolment file with a new station letter.",
    "office.already_revoked": "The key of office {office} was already revoked ({at}). Nothing was changed.",
    "enrol.kabupaten_changed": "{name} carries another kabupaten key ({new}) than the one this office has ({old}, {old_code}). Moving to it is only on purpose: after it, the kabupaten with key {old} can no longer read this office's bundles. Compare {new} with the kabupaten's screen and type it: lindungi enrol FILE --new-kabupaten-fingerprint {new}. Nothing was changed.",
    "enrol.fingerprint_mismatch": "The fingerprint typed ({given}) is not the one of the kabupaten key in {name} ({shown}). Compare again with the kabupaten's screen; nothing was changed.",
    "setup.enrolment_used": "{name} already set up another PC as station {code} (install {install_id}, {at}). Two PCs as one station issue the same registration numbers: ask the kabupaten for a new enrolment file with a new station letter. Nothing was set up. (Setting up this same PC again after a failed start: on the command line add --reuse-enrolment.)",
    # Key backups.
    "keys.passphrase_short": "The passphrase must have at least {min} characters.",
    "keys.not_backup": "{name} is not a Lindungi key backup, or it is damaged.",
    "keys.passphrase": "The passphrase does not open {name}.",
    "keys.other_install": "This key backup belongs to install {code}, not to this install ({ours}).",
}

ID: dict[str, str] = {
    MESSAGES[
        "bundle.too_large"
    ]: "{name} lebih besar daripada bundel Lindungi mana pun. Tidak ada yang diubah.",
    MESSAGES[
        "bundle.not_lindungi"
    ]: "{name} bukan bundel, tanda terima, atau berkas pendaftaran Lindungi. Tidak ada yang diubah.",
    MESSAGES[
        "bundle.zip"
    ]: "{name} adalah arsip zip, bukan bundel Lindungi (bundel adalah satu berkas .lbundle). Tidak ada yang diubah.",
    MESSAGES[
        "bundle.newer"
    ]: "{name} dibuat oleh Lindungi versi yang lebih baru (format berkas {version}): perbarui Lindungi di PC ini, lalu impor lagi. Tidak ada yang diubah.",
    MESSAGES[
        "bundle.truncated"
    ]: "{name} tidak lengkap: terpotong, mungkin flashdisk dicabut saat menyalin. Salin lagi. Tidak ada yang diubah.",
    MESSAGES[
        "bundle.trailing"
    ]: "{name} memiliki bita tambahan setelah akhirnya: rusak atau telah diubah. Tidak ada yang diubah.",
    MESSAGES[
        "bundle.header"
    ]: "{name} rusak: manifesnya tidak dapat dibaca. Tidak ada yang diubah.",
    MESSAGES[
        "bundle.signature"
    ]: "{name} telah diubah setelah ditandatangani (tanda tangannya tidak cocok). Minta salinan baru. Tidak ada yang diubah.",
    MESSAGES[
        "bundle.recipient"
    ]: "{name} dienkripsi untuk instalasi lain, bukan untuk instalasi ini ({code}). Tidak ada yang diubah.",
    MESSAGES[
        "bundle.decrypt"
    ]: "{name} tidak dapat didekripsi dengan kunci instalasi ini: rusak atau dibuat untuk kunci lain. Tidak ada yang diubah.",
    MESSAGES["bundle.payload"]: "{name} rusak: isinya tidak dapat dibaca. Tidak ada yang diubah.",
    MESSAGES[
        "bundle.bomb"
    ]: "{name} mengaku berisi lebih banyak daripada yang boleh dimuat berkas Lindungi mana pun (rusak atau dibuat untuk merusak); berkas tidak dibuka. Tidak ada yang diubah.",
    MESSAGES[
        "bundle.foreign"
    ]: "{name} berasal dari {sender}, yang bukan kantor kabupaten {regency}. Tidak ada yang diubah.",
    MESSAGES[
        "bundle.wrong_key"
    ]: "{name} ditandatangani dengan kunci lain daripada kunci yang telah dikonfirmasi untuk kantor {office} (terkonfirmasi {expected}, berkas ini {got}). Tidak ada yang diubah. PC yang dipasang ulang memerlukan berkas pendaftaran baru dengan huruf stasiun baru.",
    MESSAGES[
        "bundle.kabupaten_only"
    ]: "{name} adalah bundel dari kantor kecamatan: impor di kabupaten. Instalasi ini {code}.",
    MESSAGES[
        "bundle.receipt_at_kabupaten"
    ]: "{name} adalah tanda terima untuk kantor {office}: impor di sana.",
    MESSAGES[
        "bundle.enrolment_file"
    ]: "{name} adalah berkas pendaftaran: gunakan {cmd} setup --enrol BERKAS atau {cmd} enrol BERKAS.",
    MESSAGES[
        "bundle.sequence_reused"
    ]: "Kantor {office} sudah mengirim bundel nomor {sequence} yang berbeda; {name} bukan berkas yang sama. Tidak ada yang diubah.",
    MESSAGES[
        "bundle.chain"
    ]: "Bundel {sequence} dari kantor {office} ({name}) tidak menyambung dengan bundel yang diterima sebelumnya (rantai hash terputus). Tidak ada yang diubah.",
    MESSAGES[
        "bundle.not_enrolled"
    ]: "Instalasi ini belum terdaftar pada kabupaten: impor berkas pendaftaran yang diberikan kabupaten ({cmd} enrol BERKAS).",
    MESSAGES[
        "bundle.only_office"
    ]: "Hanya kantor kecamatan yang mengekspor bundel; kabupaten menulis tanda terima ({cmd} bundle receipt).",
    MESSAGES[
        "bundle.verify_failed"
    ]: "Berkas yang ditulis ke {path} tidak terbaca sama: flashdisk mungkin rusak. Berkas sudah dihapus; coba flashdisk lain.",
    MESSAGES["folder.missing"]: "Folder {path} tidak ada (apakah flashdisk sudah terpasang?).",
    MESSAGES[
        "receipt.only_kabupaten"
    ]: "Hanya kabupaten yang menulis tanda terima serta mengonfirmasi atau mencabut kunci kantor.",
    MESSAGES[
        "receipt.wrong_install"
    ]: "{name} adalah tanda terima untuk {recipient}, bukan untuk instalasi ini ({code}). Tidak ada yang diubah.",
    MESSAGES[
        "receipt.wrong_kabupaten"
    ]: "{name} berasal dari {sender}, bukan dari kabupaten tempat instalasi ini terdaftar ({kabupaten}). Tidak ada yang diubah.",
    MESSAGES[
        "receipt.wrong_key"
    ]: "{name} ditandatangani dengan kunci lain daripada kunci kabupaten dari berkas pendaftaran (seharusnya {expected}, berkas ini {got}). Tidak ada yang diubah.",
    MESSAGES["record.malformed"]: "Kolom {field} pada data ini tidak ada atau salah bentuk.",
    MESSAGES[
        "record.other_install"
    ]: "Data ini didaftarkan oleh {install}, bukan oleh kantor {office}.",
    MESSAGES[
        "record.other_kecamatan"
    ]: "Data ini milik kecamatan {kecamatan}, bukan kecamatan kantor pengirim {office}.",
    MESSAGES[
        "record.draft"
    ]: "Data ini masih draf: hanya data yang sudah disetujui yang boleh keluar dari kantor.",
    MESSAGES["record.reg_no_taken"]: "Nomor registrasi {reg_no} sudah dipakai oleh data lain.",
    MESSAGES["record.repeated"]: "Data ini muncul dua kali dalam bundel.",
    MESSAGES["record.held_as"]: (
        "Data {reg_no} membawa id milik {other}, data lain dalam register: tidak digabungkan."
        " Tanyakan kepada kantor itu apakah registernya disalin dari PC lain."
    ),
    MESSAGES[
        "sync.likely_duplicate"
    ]: "Kemungkinan ganda dengan {other} (NIK sama): menunggu pemeriksaan kabupaten.",
    MESSAGES[
        "sync.edit_conflict"
    ]: "Diubah di kantor kecamatan dan di kabupaten ({fields}): menunggu pemeriksaan kabupaten.",
    MESSAGES[
        "enrol.not_kabupaten"
    ]: "Hanya kabupaten yang menulis berkas pendaftaran; instalasi ini {code}.",
    MESSAGES[
        "enrol.station_taken"
    ]: "Stasiun {code} sudah dipakai oleh instalasi dengan sidik jari {fingerprint}. Beri PC baru stasiun lain (berikutnya yang kosong: {free}).",
    MESSAGES[
        "enrol.other_install"
    ]: "{name} mendaftarkan instalasi {file}, tetapi instalasi ini {ours}. Minta berkas milik instalasi ini kepada kabupaten.",
    MESSAGES["enrol.kind"]: "{name} bukan berkas pendaftaran.",
    MESSAGES["office.unknown"]: "Buku kantor tidak memuat kantor {office}.",
    MESSAGES[
        "office.no_key"
    ]: "Belum ada bundel dari kantor {office}, jadi belum ada kunci untuk dikonfirmasi.",
    MESSAGES[
        "office.not_confirmed"
    ]: "Kunci kantor {office} belum dikonfirmasi: bandingkan sidik jarinya lalu jalankan {cmd} offices confirm.",
    MESSAGES[
        "office.fingerprint_mismatch"
    ]: "Sidik jari yang diketik untuk kantor {office} ({given}) bukan yang dibawa bundelnya ({shown}). Bandingkan lagi di kedua layar; tidak ada yang dikonfirmasi.",
    MESSAGES["conflict.not_found"]: "Tidak ada konflik nomor {id}.",
    MESSAGES["conflict.closed"]: "Konflik {id} sudah diselesaikan ({decision}).",
    MESSAGES[
        "conflict.not_duplicate"
    ]: "Konflik {id} adalah satu data yang diubah di kedua pihak: pertahankan A atau B, atau ambil kolom dari masing-masing di jendela aplikasi; pindah memerlukan dua data.",
    MESSAGES["conflict.choice"]: "Pilih A atau B.",
    MESSAGES["conflict.fields"]: "Kolom {field} tidak dikenal: pilih di antara kolom data.",
    MESSAGES["conflict.nik_taken"]: "NIK {nik} sudah dipegang oleh {reg_no}, yang tidak nonaktif.",
    MESSAGES["keys.passphrase_short"]: "Frasa sandi minimal {min} karakter.",
    MESSAGES["keys.not_backup"]: "{name} bukan cadangan kunci Lindungi, atau rusak.",
    MESSAGES["keys.passphrase"]: "Frasa sandi tidak dapat membuka {name}.",
    MESSAGES[
        "keys.other_install"
    ]: "Cadangan kunci ini milik instalasi {code}, bukan instalasi ini ({ours}).",
}

ID |= {
    MESSAGES[
        "receipt.numbers_ahead"
    ]: "Peringatan: kabupaten menyimpan nomor registrasi stasiun ini sampai {theirs}, padahal PC ini baru mengeluarkan sampai {ours}. Ada PC lain yang mendaftar sebagai stasiun ini (salinan yang dipasang dari berkas pendaftaran yang sama: daftarkan sebagai stasiun baru), atau PC ini kehilangan data (cadangan lama). Nomor baru dilanjutkan sesudah {theirs}.",
    MESSAGES[
        "bundle.clone"
    ]: "{name} berasal dari PC lain daripada PC yang dikonfirmasi untuk kantor {office} (instalasi {got}, yang dikonfirmasi {expected}): salinan stasiun. Tidak ada yang diubah. Daftarkan PC kedua sebagai stasiun baru.",
    MESSAGES[
        "receipt.clone"
    ]: "{name} menyatakan kabupaten menggabungkan stasiun {office} dari PC lain (instalasi {theirs}; PC ini {ours}): PC ini atau PC lain itu adalah salinan yang dipasang dari berkas pendaftaran yang sama. Tidak ada yang diubah. Minta kabupaten mendaftarkan PC ini sebagai stasiun baru.",
    MESSAGES[
        "receipt.sequence_reused"
    ]: "{name} memakai lagi nomor tanda terima {sequence} dari kabupaten {kabupaten} yang sudah diimpor dari berkas lain. Tidak ada yang diubah. Minta tanda terima baru dari kabupaten.",
    MESSAGES[
        "office.revoked"
    ]: "Kunci kantor {office} sudah dicabut: tidak dapat dikonfirmasi lagi. Beri kantor itu berkas pendaftaran baru dengan huruf stasiun baru.",
    MESSAGES[
        "office.already_revoked"
    ]: "Kunci kantor {office} sudah dicabut sebelumnya ({at}). Tidak ada yang diubah.",
    MESSAGES[
        "enrol.kabupaten_changed"
    ]: "{name} membawa kunci kabupaten lain ({new}) daripada kunci yang dimiliki kantor ini ({old}, {old_code}). Pindah ke kunci itu hanya boleh dengan sengaja: sesudahnya, kabupaten dengan kunci {old} tidak dapat lagi membaca bundel kantor ini. Bandingkan {new} dengan layar kabupaten lalu ketik: lindungi enrol BERKAS --new-kabupaten-fingerprint {new}. Tidak ada yang diubah.",
    MESSAGES[
        "enrol.fingerprint_mismatch"
    ]: "Sidik jari yang diketik ({given}) bukan sidik jari kunci kabupaten dalam {name} ({shown}). Bandingkan lagi dengan layar kabupaten; tidak ada yang diubah.",
    MESSAGES[
        "setup.enrolment_used"
    ]: "{name} sudah dipakai untuk memasang PC lain sebagai stasiun {code} (instalasi {install_id}, {at}). Dua PC sebagai satu stasiun mengeluarkan nomor registrasi yang sama: minta berkas pendaftaran baru dengan huruf stasiun baru dari kabupaten. Tidak ada yang dipasang. (Memasang PC yang sama ini lagi sesudah gagal dimulai: di baris perintah tambahkan --reuse-enrolment.)",
}

# Texts of the command line (English source → Indonesian).
ID |= {
    "needed to move to another kabupaten key: as the kabupaten's screen shows it": "wajib untuk pindah ke kunci kabupaten lain: seperti yang tampil di layar kabupaten",
    "revoke an office's key (a stolen or lost PC)": "cabut kunci sebuah kantor (PC dicuri atau hilang)",
    "set up again from an enrolment file this same PC used before": "pasang lagi dari berkas pendaftaran yang pernah dipakai PC yang sama ini",
    "The kabupaten key {previous} can no longer read this office's bundles.": "Kunci kabupaten {previous} tidak dapat lagi membaca bundel kantor ini.",
    "The key of office {office} ({fingerprint}) is revoked: its later bundles are held and flagged, never merged. Give the office a new enrolment file with a new station letter.": "Kunci kantor {office} ({fingerprint}) dicabut: bundelnya yang datang kemudian ditahan dan ditandai, tidak pernah digabungkan. Beri kantor itu berkas pendaftaran baru dengan huruf stasiun baru.",
    "Conflict: {office} is claimed by another key ({others}) besides {fingerprint}. Confirm only the fingerprint the office's own screen shows (lindungi whoami there); a second PC set up from the same enrolment file must be enrolled as a new station.": "Konflik: {office} diakui oleh kunci lain ({others}) selain {fingerprint}. Konfirmasi hanya sidik jari yang tampil di layar kantor itu sendiri (lindungi whoami di sana); PC kedua yang dipasang dari berkas pendaftaran yang sama harus didaftarkan sebagai stasiun baru.",
    "replace the kabupaten's key and write new enrolment files": "ganti kunci kabupaten lalu tulis berkas pendaftaran baru",
    "New kabupaten key: fingerprint {fingerprint} (was {previous}).": "Kunci kabupaten baru: sidik jari {fingerprint} (sebelumnya {previous}).",
    "Each office accepts the new key only when a supervisor there types its fingerprint: lindungi enrol FILE --new-kabupaten-fingerprint {fingerprint}. Until then their bundles still open here, and they refuse the new receipts.": "Setiap kantor menerima kunci baru hanya bila supervisor di sana mengetik sidik jarinya: lindungi enrol BERKAS --new-kabupaten-fingerprint {fingerprint}. Sampai saat itu bundel mereka tetap dapat dibuka di sini, dan mereka menolak tanda terima yang baru.",
    "Office key revoked": "Kunci kantor dicabut",
    "Signing key replaced": "Kunci tanda tangan diganti",
    "Kabupaten key rotated, enrolment files written": "Kunci kabupaten diganti, berkas pendaftaran ditulis",
    "revoked": "dicabut",
    "key conflict": "konflik kunci",
    "held and flagged: the key of office {office} is revoked": "ditahan dan ditandai: kunci kantor {office} sudah dicabut",
    "Another key already claims office {office}: this is a conflict. Confirm only the fingerprint the office's own screen shows.": "Kunci lain sudah mengaku sebagai kantor {office}: ini konflik. Konfirmasi hanya sidik jari yang tampil di layar kantor itu sendiri.",
    "needed without --enrol": "wajib tanpa --enrol",
    "set up a kecamatan station from its enrolment file": "siapkan stasiun kecamatan dari berkas pendaftarannya",
    "setup needs --role, or --enrol FILE for a kecamatan station": "setup memerlukan --role, atau --enrol BERKAS untuk stasiun kecamatan",
    "Kabupaten {code}, fingerprint {fingerprint}": "Kabupaten {code}, sidik jari {fingerprint}",
    "This install's fingerprint: {fingerprint}": "Sidik jari instalasi ini: {fingerprint}",
    "Enrolment file of {code} written: {path}": "Berkas pendaftaran {code} ditulis: {path}",
    "Kabupaten fingerprint (the office compares it): {fingerprint}": "Sidik jari kabupaten (dibandingkan oleh kantor kecamatan): {fingerprint}",
    "Bundle": "Bundel",
    "Receipt": "Tanda terima",
    "Passphrase: ": "Frasa sandi: ",
    "Passphrase again: ": "Frasa sandi sekali lagi: ",
    "this install's code, role and key fingerprint": "kode, peran, dan sidik jari kunci instalasi ini",
    "write a new station's enrolment file (kabupaten)": "tulis berkas pendaftaran stasiun baru (kabupaten)",
    "enrol this install with its enrolment file": "daftarkan instalasi ini dengan berkas pendaftarannya",
    "the ledger of offices (kabupaten)": "buku kantor kecamatan (kabupaten)",
    "confirm an office's key fingerprint": "konfirmasi sidik jari kunci sebuah kantor",
    "sync bundles and receipts on a USB stick": "bundel sinkronisasi dan tanda terima di flashdisk",
    "write this office's next bundle": "tulis bundel berikutnya dari kantor ini",
    "import a bundle (kabupaten) or a receipt (office)": "impor bundel (kabupaten) atau tanda terima (kantor kecamatan)",
    "preview only; change nothing": "pratinjau saja; tidak mengubah apa pun",
    "where the receipt goes": "folder tujuan tanda terima",
    "write a fresh receipt for an office (kabupaten)": "tulis tanda terima baru untuk sebuah kantor (kabupaten)",
    "the conflict queue (kabupaten)": "antrean konflik (kabupaten)",
    "also resolved ones": "termasuk yang sudah diselesaikan",
    "decide a conflict": "putuskan sebuah konflik",
    "back up or restore this install's private key": "cadangkan atau pulihkan kunci privat instalasi ini",
    "write a passphrase-protected key backup": "tulis cadangan kunci yang dilindungi frasa sandi",
    "restore the key from a key backup": "pulihkan kunci dari cadangan kunci",
    "Already enrolled with {code} (fingerprint {fingerprint}); nothing changed.": "Sudah terdaftar pada {code} (sidik jari {fingerprint}); tidak ada yang diubah.",
    "Moved to the new key of {code}: fingerprint {fingerprint} (was {previous}).": "Pindah ke kunci baru {code}: sidik jari {fingerprint} (sebelumnya {previous}).",
    "Enrolled with {code}, fingerprint {fingerprint}.": "Terdaftar pada {code}, sidik jari {fingerprint}.",
    "Not enrolled with a kabupaten yet ({cmd} enrol FILE).": "Belum terdaftar pada kabupaten ({cmd} enrol BERKAS).",
    "Office {office} confirmed.": "Kantor {office} dikonfirmasi.",
    "The ledger is empty: no office has been enrolled or has sent a bundle.": "Buku kantor kosong: belum ada kantor yang didaftarkan atau mengirim bundel.",
    "Fingerprint": "Sidik jari",
    "fingerprint": "sidik jari",
    "Confirmed": "Dikonfirmasi",
    "Last bundle": "Bundel terakhir",
    "Days": "Hari",
    "Gaps": "Celah",
    "Held": "Ditahan",
    "covered by #{m}": "tertutup oleh #{m}",
    "yes": "ya",
    "no": "tidak",
    "enrolled": "terdaftar",
    "from": "dari",
    "held: the key of office {office} is not confirmed yet": "ditahan: kunci kantor {office} belum dikonfirmasi",
    "Fingerprint in the bundle: {fingerprint}": "Sidik jari dalam bundel: {fingerprint}",
    "Compare it with the office's screen ({cmd} whoami), then, as a supervisor: {cmd} --user NAME offices confirm {office} {fingerprint}": "Bandingkan dengan layar kantor tersebut ({cmd} whoami), lalu, sebagai supervisor: {cmd} --user NAMA offices confirm {office} {fingerprint}",
    "already imported; nothing changed": "sudah diimpor; tidak ada yang diubah",
    "older than a receipt already imported; nothing changed": "lebih lama daripada tanda terima yang sudah diimpor; tidak ada yang diubah",
    "preview (nothing saved)": "pratinjau (tidak ada yang disimpan)",
    "imported": "diimpor",
    "Receipt written: {path}": "Tanda terima ditulis: {path}",
    "Receipt not written": "Tanda terima tidak ditulis",
    "Bundle #{sequence} for {recipient}: {count} participants": "Bundel #{sequence} untuk {recipient}: {count} peserta",
    "No open conflicts.": "Tidak ada konflik yang terbuka.",
    "same NIK in two records": "NIK sama pada dua data",
    "changed on both sides": "diubah di kedua pihak",
    "waiting for a decision": "menunggu keputusan",
    "Conflict {id} resolved: {decision}": "Konflik {id} diselesaikan: {decision}",
    "Key backup written: {path}": "Cadangan kunci ditulis: {path}",
    "Keep it and its passphrase in two different places.": "Simpan berkas ini dan frasa sandinya di dua tempat yang berbeda.",
    "Key restored: fingerprint {fingerprint}": "Kunci dipulihkan: sidik jari {fingerprint}",
    "This key is already in use (fingerprint {fingerprint}); nothing changed.": "Kunci ini sudah dipakai (sidik jari {fingerprint}); tidak ada yang diubah.",
    # Outcomes and counts (given to tr() by name).
    "changed": "berubah",
    "unchanged": "tidak berubah",
    "conflicts": "konflik",
    "likely duplicates": "kemungkinan ganda",
    "pending review": "menunggu pemeriksaan",
    "restored": "dipulihkan",
    "updated": "diperbarui",
    "cards": "kartu",
    "cards voided": "kartu dibatalkan",
    "cards of people not in the register": "kartu orang yang tidak ada dalam daftar",
    "handover events": "acara penyerahan",
    "conflict": "konflik",
    "pending": "menunggu",
    "kecamatan": "kecamatan",
    "kabupaten": "kabupaten",
    "Kabupaten": "Kabupaten",
}
