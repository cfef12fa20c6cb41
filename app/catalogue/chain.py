"""Messages of the audit chain: its rule, its signed head, ghosts and unexplained records."""

from __future__ import annotations

_HELD_END = (
    " Nothing of it was merged; the bundle is kept under held/. Check with the office what "
    "happened to its PC; when it is explained: {cmd} offices chain-reset {office} --reason "
    "TEXT, then import the file again."
)
_RECEIPT_END = (
    " Nothing was changed. Ask the kabupaten what happened to its PC (a restored backup?); "
    "a supervisor there can explain it, then write a fresh receipt."
)

MESSAGES: dict[str, str] = {
    "chain.held_broken": "Held: the audit trail entries in this bundle of office {office} do not lead to the head it signed ({count} entries): entries are missing or were changed."
    + _HELD_END,
    "chain.held_gap": "Held: the audit trail of office {office} in this bundle does not continue from the {seen} entries seen in its last bundle: the entries between are missing."
    + _HELD_END,
    "chain.held_fork": "Held: the audit trail of office {office} was rewritten: entry {seen}, seen in its last bundle, is not the same in this one."
    + _HELD_END,
    "chain.held_behind": "Held: the audit trail of office {office} has {count} entries, fewer than the {seen} seen in its last bundle (an older database copied back?)."
    + _HELD_END,
    "chain.held_signature": "Held: the head of the audit trail of office {office} is not signed with its key."
    + _HELD_END,
    "chain.receipt_broken": "{name}: the audit trail entries of kabupaten {kabupaten} in this receipt do not lead to the head it signed ({count} entries)."
    + _RECEIPT_END,
    "chain.receipt_gap": "{name}: the audit trail of kabupaten {kabupaten} does not continue from the {seen} entries seen in its last receipt: the entries between are missing."
    + _RECEIPT_END,
    "chain.receipt_fork": "{name}: the audit trail of kabupaten {kabupaten} was rewritten: entry {seen}, seen in its last receipt, is not the same in this one."
    + _RECEIPT_END,
    "chain.receipt_behind": "{name}: the audit trail of kabupaten {kabupaten} has {count} entries, fewer than the {seen} seen in its last receipt (an older database copied back?)."
    + _RECEIPT_END,
    "chain.receipt_signature": "{name}: the head of the audit trail of kabupaten {kabupaten} is not signed with its key."
    + _RECEIPT_END,
    "chain.reason_needed": "Give the reason (what happened, who checked it).",
    "chain.not_behind": "The database is not behind its signed audit trail head: there is nothing to explain.",
    "record.unexplained": "The record's state is not the one its history at the office says (changed outside Lindungi?): not merged.",
    "record.no_history": "The record has no history at the office (added outside Lindungi?): not merged.",
}

ID: dict[str, str] = {
    MESSAGES[
        "chain.held_broken"
    ]: "Ditahan: entri jejak audit dalam bundel kantor {office} ini tidak sampai ke kepala yang ditandatanganinya ({count} entri): ada entri yang hilang atau diubah. Tidak ada isinya yang digabungkan; bundel disimpan di held/. Periksa bersama kantor itu apa yang terjadi pada PC-nya; bila sudah jelas: {cmd} offices chain-reset {office} --reason TEKS, lalu impor berkas itu lagi.",
    MESSAGES[
        "chain.held_gap"
    ]: "Ditahan: jejak audit kantor {office} dalam bundel ini tidak bersambung dari {seen} entri yang terlihat di bundel terakhirnya: entri di antaranya hilang. Tidak ada isinya yang digabungkan; bundel disimpan di held/. Periksa bersama kantor itu apa yang terjadi pada PC-nya; bila sudah jelas: {cmd} offices chain-reset {office} --reason TEKS, lalu impor berkas itu lagi.",
    MESSAGES[
        "chain.held_fork"
    ]: "Ditahan: jejak audit kantor {office} ditulis ulang: entri {seen}, yang terlihat di bundel terakhirnya, tidak sama di bundel ini. Tidak ada isinya yang digabungkan; bundel disimpan di held/. Periksa bersama kantor itu apa yang terjadi pada PC-nya; bila sudah jelas: {cmd} offices chain-reset {office} --reason TEKS, lalu impor berkas itu lagi.",
    MESSAGES[
        "chain.held_behind"
    ]: "Ditahan: jejak audit kantor {office} berisi {count} entri, lebih sedikit dari {seen} yang terlihat di bundel terakhirnya (basis data lama disalin kembali?). Tidak ada isinya yang digabungkan; bundel disimpan di held/. Periksa bersama kantor itu apa yang terjadi pada PC-nya; bila sudah jelas: {cmd} offices chain-reset {office} --reason TEKS, lalu impor berkas itu lagi.",
    MESSAGES[
        "chain.held_signature"
    ]: "Ditahan: kepala jejak audit kantor {office} tidak ditandatangani dengan kuncinya. Tidak ada isinya yang digabungkan; bundel disimpan di held/. Periksa bersama kantor itu apa yang terjadi pada PC-nya; bila sudah jelas: {cmd} offices chain-reset {office} --reason TEKS, lalu impor berkas itu lagi.",
    MESSAGES[
        "chain.receipt_broken"
    ]: "{name}: entri jejak audit kabupaten {kabupaten} dalam tanda terima ini tidak sampai ke kepala yang ditandatanganinya ({count} entri). Tidak ada yang diubah. Tanyakan kepada kabupaten apa yang terjadi pada PC-nya (cadangan lama dipulihkan?); penyelia di sana dapat menjelaskannya, lalu menulis tanda terima baru.",
    MESSAGES[
        "chain.receipt_gap"
    ]: "{name}: jejak audit kabupaten {kabupaten} tidak bersambung dari {seen} entri yang terlihat di tanda terima terakhirnya: entri di antaranya hilang. Tidak ada yang diubah. Tanyakan kepada kabupaten apa yang terjadi pada PC-nya (cadangan lama dipulihkan?); penyelia di sana dapat menjelaskannya, lalu menulis tanda terima baru.",
    MESSAGES[
        "chain.receipt_fork"
    ]: "{name}: jejak audit kabupaten {kabupaten} ditulis ulang: entri {seen}, yang terlihat di tanda terima terakhirnya, tidak sama di tanda terima ini. Tidak ada yang diubah. Tanyakan kepada kabupaten apa yang terjadi pada PC-nya (cadangan lama dipulihkan?); penyelia di sana dapat menjelaskannya, lalu menulis tanda terima baru.",
    MESSAGES[
        "chain.receipt_behind"
    ]: "{name}: jejak audit kabupaten {kabupaten} berisi {count} entri, lebih sedikit dari {seen} yang terlihat di tanda terima terakhirnya (basis data lama disalin kembali?). Tidak ada yang diubah. Tanyakan kepada kabupaten apa yang terjadi pada PC-nya (cadangan lama dipulihkan?); penyelia di sana dapat menjelaskannya, lalu menulis tanda terima baru.",
    MESSAGES[
        "chain.receipt_signature"
    ]: "{name}: kepala jejak audit kabupaten {kabupaten} tidak ditandatangani dengan kuncinya. Tidak ada yang diubah. Tanyakan kepada kabupaten apa yang terjadi pada PC-nya (cadangan lama dipulihkan?); penyelia di sana dapat menjelaskannya, lalu menulis tanda terima baru.",
    MESSAGES["chain.reason_needed"]: "Berikan alasannya (apa yang terjadi, siapa yang memeriksa).",
    MESSAGES[
        "chain.not_behind"
    ]: "Basis data tidak tertinggal dari kepala jejak audit yang ditandatangani: tidak ada yang perlu dijelaskan.",
    MESSAGES[
        "record.unexplained"
    ]: "Keadaan data ini tidak sama dengan yang dinyatakan riwayatnya di kantor (diubah di luar Lindungi?): tidak digabungkan.",
    MESSAGES[
        "record.no_history"
    ]: "Data ini tidak memiliki riwayat di kantor (ditambahkan di luar Lindungi?): tidak digabungkan.",
    # Actions of the audit trail.
    "State recorded (chain rule 2)": "Keadaan dicatat (aturan rantai 2)",
    "Database behind its signed chain head": "Basis data tertinggal dari kepala rantai yang ditandatangani",
    "Reason recorded for a database behind its chain head": "Alasan dicatat untuk basis data yang tertinggal dari kepala rantainya",
    "PC clock went backwards": "Jam PC mundur",
    "Records held back from a bundle": "Data ditahan dari bundel",
    "Chain of another install taken anew": "Rantai instalasi lain diterima dari awal",
    # The command line.
    "Held back (their history does not explain them; see audit verify): {reg_nos}": "Ditahan (riwayatnya tidak menjelaskannya; lihat audit verify): {reg_nos}",
    "Records without any history (ghosts): {reg_nos}": "Data tanpa riwayat sama sekali (data siluman): {reg_nos}",
    "Records whose state their history does not explain: {reg_nos}": "Data yang keadaannya tidak dijelaskan riwayatnya: {reg_nos}",
    "The database is behind the audit trail head this PC signed on {at} ({signed} entries signed, {entries} found): an older database file was copied back? A supervisor records the reason: {cmd} audit accept-behind --reason TEXT": "Basis data tertinggal dari kepala jejak audit yang ditandatangani PC ini pada {at} ({signed} entri ditandatangani, {entries} ditemukan): berkas basis data lama disalin kembali? Penyelia mencatat alasannya: {cmd} audit accept-behind --reason TEKS",
    "record why the database is behind its signed audit trail head": "catat mengapa basis data tertinggal dari kepala jejak audit yang ditandatangani",
    "Reason recorded; the audit trail head is signed again.": "Alasan dicatat; kepala jejak audit ditandatangani lagi.",
    "take an office's audit trail anew (after checking with it)": "terima jejak audit kantor dari awal (setelah memeriksa bersamanya)",
    "The audit trail of {office} will be taken anew from its next bundle.": "Jejak audit {office} akan diterima dari awal mulai bundel berikutnya.",
    "Audit trail": "Jejak audit",
    "none yet": "belum ada",
    "{count} entries, trusted on first use": "{count} entri, dipercaya pada penggunaan pertama",
    "{count} entries, extends the last one": "{count} entri, menyambung yang terakhir",
    "held: {bundles}": "ditahan: {bundles}",
}
