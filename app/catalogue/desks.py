"""Messages of several desks on one register, PostgreSQL backups and the database move."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "db.contention": (
        "Other desks kept meeting this change on the register; it was tried {attempts} "
        "times and nothing was saved. Try again in a moment."
    ),
    "office.confirmed_meanwhile": (
        "Office {office} was confirmed meanwhile by {by} at another desk ({at}): nothing "
        "more was done here. Its held bundles are merged by that desk."
    ),
    "pgbackup.no_tool": (
        "This register is kept on a PostgreSQL server, and pg_dump was not found on this "
        "PC, so Lindungi cannot back it up. Backups are then the server's job: ask the "
        "server's administrator for a daily pg_dump -Fc of database {database} (kept "
        "encrypted, off the server), or install the PostgreSQL client tools ({version} or "
        "newer) on this PC and make the backup again."
    ),
    "pgbackup.failed": "pg_dump could not back up the register: {reason}. Nothing was written.",
    "pgbackup.restore_tool": (
        "pg_restore was not found on this PC: install the PostgreSQL client tools to "
        "restore a backup of a register kept on a server. Nothing was changed."
    ),
    "pgbackup.restore_failed": (
        "pg_restore could not restore {name}: {reason}. The target database was emptied "
        "again; nothing else was changed."
    ),
    "pgbackup.not_empty": (
        "Database {database} is not empty: a PostgreSQL backup is restored only into an "
        "empty database (create one, e.g. createdb lindungi_restore, and name it). "
        "Nothing was changed."
    ),
    "pgbackup.not_dump": "{name} is not a backup of a register kept on PostgreSQL.",
    "pgbackup.not_server": "This register is kept on this PC, not on a PostgreSQL server.",
    "pgbackup.audit": (
        "{name} was restored into a new database, but its audit trail does not check out "
        "(entry {entry}, or records its history does not explain): the new database was "
        "emptied again and the register was not changed."
    ),
    "pgbackup.no_passphrase": (
        "A register kept on a PostgreSQL server is backed up with its own key only (a "
        "replacement PC restores it with the recovery sheet): leave out the passphrase."
    ),
    "pgbackup.restore_into": (
        "A register kept on a PostgreSQL server is restored into a new, empty database of "
        "that server (the current one is kept as it is): create one, then give its name "
        "with --into-database NAME. Nothing was changed."
    ),
    "move.not_kabupaten": (
        "Only the kabupaten's register can move to a PostgreSQL server; a kecamatan office "
        "keeps its register on this PC."
    ),
    "move.desks": (
        "Still signed in to this register: {names}. Ask them to close Lindungi first, "
        "then move it. Nothing was changed."
    ),
    "move.already": "This register is already kept on a PostgreSQL server. Nothing was changed.",
    "move.not_empty": (
        "Database {database} on the server already holds tables ({tables}): the register "
        "moves only into an empty database. Nothing was changed."
    ),
    "move.mismatch": (
        "The copy on the server differs from the register in table {table} (row {row}): "
        "the copy was removed and the register stays on this PC. Nothing was changed."
    ),
    "move.audit": (
        "The copy on the server does not pass the audit check ({reason}): it was removed "
        "and the register stays on this PC. Nothing was changed."
    ),
    "move.done": (
        "The register ({participants} participants, {rows} rows in {tables} tables) now "
        "lives in database {database} on {host}; every row was compared and the audit "
        "check passed. The SQLite file was kept as a backup: {backup}."
    ),
}

ID: dict[str, str] = {
    MESSAGES["db.contention"]: (
        "Perubahan ini terus bertabrakan dengan meja lain di register; sudah dicoba "
        "{attempts} kali dan tidak ada yang disimpan. Coba lagi sebentar lagi."
    ),
    MESSAGES["office.confirmed_meanwhile"]: (
        "Kantor {office} sementara itu sudah dikonfirmasi oleh {by} di meja lain ({at}): "
        "tidak ada lagi yang dilakukan di sini. Bundel yang ditahan digabung oleh meja itu."
    ),
    MESSAGES["pgbackup.no_tool"]: (
        "Register ini disimpan di server PostgreSQL, dan pg_dump tidak ditemukan di PC ini, "
        "sehingga Lindungi tidak dapat mencadangkannya. Cadangan menjadi tugas server: "
        "mintalah administrator server membuat pg_dump -Fc harian dari basis data "
        "{database} (disimpan terenkripsi, di luar server), atau pasang alat klien "
        "PostgreSQL ({version} atau lebih baru) di PC ini lalu buat cadangan lagi."
    ),
    MESSAGES["pgbackup.failed"]: (
        "pg_dump tidak dapat mencadangkan register: {reason}. Tidak ada yang ditulis."
    ),
    MESSAGES["pgbackup.restore_tool"]: (
        "pg_restore tidak ditemukan di PC ini: pasang alat klien PostgreSQL untuk "
        "memulihkan cadangan register yang disimpan di server. Tidak ada yang diubah."
    ),
    MESSAGES["pgbackup.restore_failed"]: (
        "pg_restore tidak dapat memulihkan {name}: {reason}. Basis data tujuan dikosongkan "
        "lagi; tidak ada yang lain yang diubah."
    ),
    MESSAGES["pgbackup.not_empty"]: (
        "Basis data {database} tidak kosong: cadangan PostgreSQL hanya dipulihkan ke basis "
        "data kosong (buat satu, mis. createdb lindungi_restore, lalu sebutkan namanya). "
        "Tidak ada yang diubah."
    ),
    MESSAGES["pgbackup.not_dump"]: "{name} bukan cadangan register yang disimpan di PostgreSQL.",
    MESSAGES["pgbackup.not_server"]: (
        "Register ini disimpan di PC ini, bukan di server PostgreSQL."
    ),
    MESSAGES["pgbackup.audit"]: (
        "{name} sudah dipulihkan ke basis data baru, tetapi jejak auditnya tidak lolos "
        "pemeriksaan (entri {entry}, atau catatan yang tidak dijelaskan riwayatnya): basis "
        "data baru dikosongkan lagi dan register tidak diubah."
    ),
    MESSAGES["pgbackup.no_passphrase"]: (
        "Register yang disimpan di server PostgreSQL dicadangkan dengan kuncinya sendiri "
        "saja (PC pengganti memulihkannya dengan lembar pemulihan): jangan beri frasa sandi."
    ),
    MESSAGES["pgbackup.restore_into"]: (
        "Register yang disimpan di server PostgreSQL dipulihkan ke basis data baru yang "
        "kosong di server itu (basis data sekarang tetap seperti adanya): buat satu, lalu "
        "sebutkan namanya dengan --into-database NAMA. Tidak ada yang diubah."
    ),
    MESSAGES["move.not_kabupaten"]: (
        "Hanya register kabupaten yang dapat dipindah ke server PostgreSQL; kantor "
        "kecamatan menyimpan registernya di PC ini."
    ),
    MESSAGES["move.desks"]: (
        "Masih masuk ke register ini: {names}. Minta mereka menutup Lindungi dulu, lalu "
        "pindahkan. Tidak ada yang diubah."
    ),
    MESSAGES["move.already"]: (
        "Register ini sudah disimpan di server PostgreSQL. Tidak ada yang diubah."
    ),
    MESSAGES["move.not_empty"]: (
        "Basis data {database} di server sudah berisi tabel ({tables}): register hanya "
        "dipindah ke basis data kosong. Tidak ada yang diubah."
    ),
    MESSAGES["move.mismatch"]: (
        "Salinan di server berbeda dari register pada tabel {table} (baris {row}): salinan "
        "dihapus dan register tetap di PC ini. Tidak ada yang diubah."
    ),
    MESSAGES["move.audit"]: (
        "Salinan di server tidak lolos pemeriksaan audit ({reason}): salinan dihapus dan "
        "register tetap di PC ini. Tidak ada yang diubah."
    ),
    MESSAGES["move.done"]: (
        "Register ({participants} peserta, {rows} baris dalam {tables} tabel) kini berada "
        "di basis data {database} di {host}; setiap baris sudah dibandingkan dan "
        "pemeriksaan audit lolos. Berkas SQLite disimpan sebagai cadangan: {backup}."
    ),
    # The command line's help and results.
    "where the register is kept": "tempat register disimpan",
    "show where the register is kept": "tampilkan tempat register disimpan",
    "move the kabupaten's register onto an empty PostgreSQL database": (
        "pindahkan register kabupaten ke basis data PostgreSQL yang kosong"
    ),
    "the PostgreSQL user's password (or put it in the --to address)": (
        "kata sandi pengguna PostgreSQL (atau tulis di alamat --to)"
    ),
    "a register on PostgreSQL: the new, empty database to restore into": (
        "register di PostgreSQL: basis data baru yang kosong, tujuan pemulihan"
    ),
    "The register is now database {name}": "Register kini berada di basis data {name}",
}
