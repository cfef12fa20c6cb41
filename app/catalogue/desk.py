"""Messages of the kabupaten's desk: years and quotas, rates, planner, reports, BPJS."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "year.not_found": "There is no programme year {year}.",
    "year.exists": "Programme year {year} already exists.",
    "year.missing": (
        "There is no programme year {year}: registrations starting in {year} count against "
        "no quota. Create it from {copy_from}'s quotas: lindungi year add {year} "
        "--copy-from {copy_from}"
    ),
    "year.missing_new": (
        "There is no programme year {year}: registrations starting in {year} count against "
        "no quota. Create it: lindungi year add {year}"
    ),
    "quota.negative": "A quota cannot be negative ({quota}).",
    "rate.percent": "'{text}' is not a percentage between 0 and 100 (at most two decimals).",
    "rate.rule": "Give either a percentage (--percent) or an amount (--amount), not both.",
    "rate.bounds_with_amount": "A minimum or maximum goes with a percentage, not with an amount.",
    "rate.negative": "Amounts cannot be negative.",
    "rate.min_max": "The minimum {min} is above the maximum {max}.",
    "rate.duplicate": (
        "Rate {id} already applies to this programme from this date for these funding "
        "sources; remove it first if it was mistyped."
    ),
    "rate.not_found": "There is no rate {id}.",
    "rate.last": "This is the only rate of {programme}; add the new one before removing it.",
    "plan.count": "The number of new participants cannot be negative ({count}).",
    "plan.start": "Newcomers must start within {year}.",
    "report.kind": "Unknown report '{kind}': use recap, budget or cards.",
    "crest.format": "{name} is not a PNG or JPEG image.",
    "crest.too_large": "{name} is larger than 1 MB: save the crest smaller (a few hundred pixels).",
    "report.format": "{name}: a report is written as .xlsx or .pdf.",
    "bpjs.kabupaten_only": "The exchange with BPJS is done at the kabupaten's install.",
    "bpjs.xlsx_only": "{name}: the list for BPJS is written as .xlsx.",
    "bpjs.columns_file": "The BPJS column file {path} cannot be used ({reason}).",
    "bpjs.columns_field": "The BPJS column file {path} names an unknown field '{field}'.",
    "bpjs.no_columns": (
        "{name} has no NIK column and KPJ column: the headers must read 'NIK' and 'KPJ', "
        "'No KPJ' or 'Nomor Peserta'."
    ),
    "bpjs.nik_empty": "The NIK is empty.",
    "bpjs.unknown_nik": "No participant has this NIK.",
    "bpjs.inactive": "This NIK belongs only to an inactive record ({reg_no}).",
    "bpjs.ambiguous": "Several records hold this NIK ({reg_nos}): resolve the duplicate first.",
    "bpjs.kpj_differs": "This participant already has KPJ {old}; nothing was changed.",
    "bpjs.kpj_taken": "This KPJ already belongs to {reg_no}.",
    "bpjs.kpj_repeated": "The same KPJ is given to several NIKs in this file.",
    "bpjs.nik_repeated": "The same NIK appears earlier in this file (row {line}).",
    "bpjs.nik_two_kpj": "This NIK is given different KPJ numbers in this file.",
    "bpjs.not_accepted": "This participant is {status}, not yet accepted by the kabupaten.",
    "kpj.empty": "No KPJ number in this row.",
    "kpj.length": "A KPJ number has 11 digits; this one has {count}.",
    "kpj.lost_zero": (
        "Excel stored the KPJ as a number and dropped its leading zero ({count} digits left): "
        "format the column as Text and ask BPJS for the number again."
    ),
    "kpj.not_digits": "A KPJ number has only digits.",
    "kpj.scientific": (
        "Excel wrote the KPJ in scientific notation (1,23E+10): its digits are lost; format "
        "the column as Text."
    ),
}

ID: dict[str, str] = {
    MESSAGES["crest.format"]: "{name} bukan gambar PNG atau JPEG.",
    MESSAGES["crest.too_large"]: (
        "{name} lebih dari 1 MB: simpan lambang lebih kecil (beberapa ratus piksel)."
    ),
    MESSAGES["year.not_found"]: "Tidak ada tahun program {year}.",
    MESSAGES["year.exists"]: "Tahun program {year} sudah ada.",
    MESSAGES["year.missing"]: (
        "Tahun program {year} belum ada: pendaftaran yang mulai pada {year} tidak dihitung "
        "terhadap kuota mana pun. Buat dari kuota {copy_from}: lindungi year add {year} "
        "--copy-from {copy_from}"
    ),
    MESSAGES["year.missing_new"]: (
        "Tahun program {year} belum ada: pendaftaran yang mulai pada {year} tidak dihitung "
        "terhadap kuota mana pun. Buat: lindungi year add {year}"
    ),
    MESSAGES["quota.negative"]: "Kuota tidak boleh negatif ({quota}).",
    MESSAGES[
        "rate.percent"
    ]: "'{text}' bukan persentase antara 0 dan 100 (paling banyak dua desimal).",
    MESSAGES[
        "rate.rule"
    ]: "Berikan persentase (--percent) atau nominal (--amount), tidak keduanya.",
    MESSAGES[
        "rate.bounds_with_amount"
    ]: "Batas minimum atau maksimum hanya untuk persentase, bukan untuk nominal tetap.",
    MESSAGES["rate.negative"]: "Nominal tidak boleh negatif.",
    MESSAGES["rate.min_max"]: "Batas minimum {min} lebih besar daripada maksimum {max}.",
    MESSAGES["rate.duplicate"]: (
        "Tarif {id} sudah berlaku untuk program ini sejak tanggal ini bagi sumber dana yang "
        "sama; hapus dahulu jika salah ketik."
    ),
    MESSAGES["rate.not_found"]: "Tidak ada tarif {id}.",
    MESSAGES[
        "rate.last"
    ]: "Ini satu-satunya tarif {programme}; tambahkan tarif baru sebelum menghapusnya.",
    MESSAGES["plan.count"]: "Jumlah peserta baru tidak boleh negatif ({count}).",
    MESSAGES["plan.start"]: "Peserta baru harus mulai dalam tahun {year}.",
    MESSAGES["report.kind"]: "Laporan '{kind}' tidak dikenal: gunakan recap, budget atau cards.",
    MESSAGES["report.format"]: "{name}: laporan ditulis sebagai .xlsx atau .pdf.",
    MESSAGES[
        "bpjs.kabupaten_only"
    ]: "Pertukaran data dengan BPJS dilakukan di instalasi kabupaten.",
    MESSAGES["bpjs.xlsx_only"]: "{name}: daftar untuk BPJS ditulis sebagai .xlsx.",
    MESSAGES["bpjs.columns_file"]: "Berkas kolom BPJS {path} tidak dapat digunakan ({reason}).",
    MESSAGES[
        "bpjs.columns_field"
    ]: "Berkas kolom BPJS {path} menyebut isian '{field}' yang tidak dikenal.",
    MESSAGES["bpjs.no_columns"]: (
        "{name} tidak memiliki kolom NIK dan kolom KPJ: judul kolom harus 'NIK' dan 'KPJ', "
        "'No KPJ' atau 'Nomor Peserta'."
    ),
    MESSAGES["bpjs.nik_empty"]: "NIK kosong.",
    MESSAGES["bpjs.unknown_nik"]: "Tidak ada peserta dengan NIK ini.",
    MESSAGES["bpjs.inactive"]: "NIK ini hanya dimiliki data yang sudah nonaktif ({reg_no}).",
    MESSAGES[
        "bpjs.ambiguous"
    ]: "Beberapa data memiliki NIK ini ({reg_nos}): selesaikan duplikatnya dahulu.",
    MESSAGES["bpjs.kpj_differs"]: "Peserta ini sudah memiliki KPJ {old}; tidak ada yang diubah.",
    MESSAGES["bpjs.kpj_taken"]: "KPJ ini sudah dimiliki {reg_no}.",
    MESSAGES["bpjs.kpj_repeated"]: "KPJ yang sama diberikan kepada beberapa NIK dalam berkas ini.",
    # "bpjs.nik_repeated" has the text of the importer's "import.repeated" and its Indonesian.
    MESSAGES["bpjs.nik_two_kpj"]: "NIK ini diberi nomor KPJ yang berbeda dalam berkas ini.",
    MESSAGES["bpjs.not_accepted"]: "Peserta ini berstatus {status}, belum diterima oleh kabupaten.",
    MESSAGES["kpj.empty"]: "Tidak ada nomor KPJ pada baris ini.",
    MESSAGES["kpj.length"]: "Nomor KPJ terdiri atas 11 angka; yang ini {count} angka.",
    MESSAGES["kpj.lost_zero"]: (
        "Excel menyimpan KPJ sebagai angka dan membuang nol di depannya (tersisa {count} "
        "angka): jadikan kolomnya Teks dan minta nomornya lagi kepada BPJS."
    ),
    MESSAGES["kpj.not_digits"]: "Nomor KPJ hanya berisi angka.",
    MESSAGES["kpj.scientific"]: (
        "Excel menulis KPJ dalam notasi ilmiah (1,23E+10): angkanya hilang; jadikan kolomnya Teks."
    ),
    # --- the command line ---
    "programme years and their quotas": "tahun program dan kuotanya",
    "create a programme year": "buat tahun program",
    "start from its quotas": "mulai dari kuota tahun itu",
    "only this funding source": "hanya sumber dana ini",
    "set a kecamatan's quota": "tetapkan kuota kecamatan",
    "programme years with their quotas": "tahun program beserta kuotanya",
    "a year's quotas per kecamatan": "kuota setahun per kecamatan",
    "the dated contribution rates": "tarif iuran menurut tanggal berlaku",
    "add a rate from a date (a new regulation)": "tambah tarif mulai suatu tanggal (peraturan baru)",
    "percent of declared income": "persen dari penghasilan yang dilaporkan",
    "flat amount per month": "nominal tetap per bulan",
    "list the rate table": "tampilkan tabel tarif",
    "remove a mistyped rate": "hapus tarif yang salah ketik",
    "next year's budget with a planned intake": "anggaran tahun depan dengan rencana penambahan peserta",
    "new participants": "peserta baru",
    "N for every nagari": "N untuk setiap nagari",
    "coverage start of newcomers": "awal perlindungan peserta baru",
    "recap, budget or cards report as xlsx or PDF": "laporan rekap, anggaran atau kartu sebagai xlsx atau PDF",
    "the exchange with BPJS Ketenagakerjaan": "pertukaran data dengan BPJS Ketenagakerjaan",
    "participants waiting for a KPJ, as xlsx": "peserta yang menunggu KPJ, sebagai xlsx",
    "KPJ numbers returned by BPJS": "nomor KPJ yang dikembalikan BPJS",
    "the kabupaten's figures at a glance": "ringkasan angka kabupaten",
    "also per funding source": "juga per sumber dana",
    "Programme year {year} created, quota {total}": "Tahun program {year} dibuat, kuota {total}",
    "Quota {year} of {name} ({funding}): {old} → {new}": "Kuota {year} {name} ({funding}): {old} → {new}",
    "Programme year": "Tahun program",
    "Per funding source": "Per sumber dana",
    "Note": "Keterangan",
    "Rate {id} added": "Tarif {id} ditambahkan",
    "Rate {id} removed": "Tarif {id} dihapus",
    "In force from": "Berlaku sejak",
    "Programme": "Program",
    "Rule": "Ketentuan",
    "Plan {year}": "Rencana {year}",
    "participants": "peserta",
    "Newcomers: {n} {who} in each of {nagari} nagari = {count}": (
        "Peserta baru: {n} {who} di setiap {nagari} nagari = {count}"
    ),
    "Register carried over": "Peserta yang berlanjut",
    "Newcomers from {date}": "Peserta baru mulai {date}",
    "Quota of {year}: {quota}": "Kuota {year}: {quota}",
    "APBD needed for {year}: {money}": "APBD yang diperlukan untuk {year}: {money}",
    "Report written to {path}": "Laporan ditulis ke {path}",
    "{count} participants waiting for a KPJ written to {path}": (
        "{count} peserta yang menunggu KPJ ditulis ke {path}"
    ),
    "{rows} rows: {matched} matched, {unchanged} unchanged, {unmatched} unmatched, "
    "{conflicts} conflicts, {invalid} malformed": (
        "{rows} baris: {matched} cocok, {unchanged} tidak berubah, {unmatched} tidak cocok, "
        "{conflicts} konflik, {invalid} tidak sah"
    ),
    "Matched": "Cocok",
    "Unchanged": "Tidak berubah",
    "Unmatched": "Tidak cocok",
    "Conflicts": "Konflik",
    "Malformed": "Tidak sah",
    "{saved} KPJ numbers saved; those participants are now active.": (
        "{saved} nomor KPJ disimpan; peserta tersebut kini aktif."
    ),
    "Year {year}: {count} participants, quota {quota}": "Tahun {year}: {count} peserta, kuota {quota}",
    "Cards printed {printed}, handed over {given}": "Kartu dicetak {printed}, diserahkan {given}",
    "{code}: last bundle {days} days ago, {held} held, {conflicts} conflicts": (
        "{code}: bundel terakhir {days} hari lalu, {held} ditahan, {conflicts} konflik"
    ),
    "Contributions this month: {money}": "Iuran bulan ini: {money}",
    "Quota": "Kuota",
    "all sources": "semua sumber",
    # --- reports ---
    "Recapitulation of programme participants": "Rekapitulasi peserta program perlindungan pekerja rentan",
    "Budget of programme contributions": "Anggaran iuran program perlindungan pekerja rentan",
    "Cards and handovers": "Rekapitulasi kartu peserta dan penyerahannya",
    "Year {year} · as of {date}": "Tahun {year} · keadaan per {date}",
    "Participant recap {year}": "Rekapitulasi peserta {year}",
    "Contribution budget {year}": "Anggaran iuran {year}",
    "Cards and handovers {year}": "Kartu dan penyerahan {year}",
    "Printed {date}": "Dicetak {date}",
    "Summary": "Ringkasan",
    "Chart": "Grafik",
    "Lindungi": "Lindungi",
    "{count} participants are covered in {year} ({percent} of the quota of {quota}); {kpj} "
    "of them have a BPJS KPJ number. Counted: approved, accepted and active participants; "
    "inactive: those who left during the year.": (
        "Pada tahun {year} terdapat {count} peserta ({percent} dari kuota {quota}); {kpj} di "
        "antaranya sudah memiliki nomor KPJ BPJS. Yang dihitung: peserta disetujui, diterima "
        "dan aktif; nonaktif: peserta yang keluar dalam tahun berjalan."
    ),
    "A. Participants per kecamatan against the quota": "A. Peserta per kecamatan dibandingkan kuota",
    "Participants and quota per kecamatan": "Grafik peserta dan kuota per kecamatan",
    "B. Participants per nagari": "B. Peserta per nagari",
    "C. Participants per occupation": "C. Peserta menurut pekerjaan",
    "D. Participants per sex": "D. Peserta menurut jenis kelamin",
    "E. Participants per age band (age on {date})": "E. Peserta menurut kelompok umur (umur per {date})",
    "F. Participants per funding source": "F. Peserta menurut sumber dana",
    "Approved": "Disetujui",
    "Accepted": "Diterima",
    "Active": "Aktif",
    "Inactive": "Nonaktif",
    "% of quota": "% kuota",
    "Kecamatan {name}": "Kecamatan {name}",
    "Subtotal": "Subjumlah",
    "Nagari / desa": "Nagari / desa",
    "Men": "Laki-laki",
    "Women": "Perempuan",
    "Share": "Persentase",
    "Age (years)": "Umur (tahun)",
    "Age": "Umur",
    "Funding source": "Sumber dana",
    "Contributions (iuran) for {count} participants in {year}: {total}. Each participant is "
    "counted from the month of its coverage start (or January) to December or the month it "
    "left, at the rate in force in each month.": (
        "Iuran {count} peserta pada tahun {year}: {total}. Setiap peserta dihitung sejak bulan "
        "awal perlindungannya (atau Januari) sampai Desember atau bulan ia keluar, dengan tarif "
        "yang berlaku pada setiap bulan."
    ),
    "A. Contributions per kecamatan": "A. Iuran per kecamatan",
    "B. Contributions per funding source": "B. Iuran menurut sumber dana",
    "C. Contributions per month": "C. Iuran per bulan",
    "D. Rates applied": "D. Tarif yang digunakan",
    "Contributions per month": "Grafik iuran per bulan",
    "Month": "Bulan",
    "Months": "Bulanan",
    "Paid for": "Peserta dibayar",
    "Contributions": "Iuran",
    "Rates": "Tarif",
    "Funding sources": "Sumber dana",
    "JHT is paid by the scheme.": "JHT dibayar oleh program.",
    "JHT is not paid by the scheme: only JKK and JKM are budgeted.": (
        "JHT tidak dibayar oleh program: yang dianggarkan hanya JKK dan JKM."
    ),
    "No cards printed yet.": "Belum ada kartu yang dicetak.",
    "A. Cards per kecamatan": "A. Kartu per kecamatan",
    "A card counts once per participant: its current version.": (
        "Setiap peserta dihitung satu kartu: versi kartunya yang berlaku."
    ),
    "Cards printed and handed over per kecamatan": "Grafik kartu dicetak dan diserahkan per kecamatan",
    "B. Handover events": "B. Acara penyerahan kartu",
    "C. Reprints by reason": "C. Cetak ulang menurut alasan",
    "No handover events in {year}.": "Tidak ada acara penyerahan kartu pada tahun {year}.",
    "Printed": "Dicetak",
    "Handed over": "Diserahkan",
    "Not yet handed over": "Belum diserahkan",
    "Not printed": "Belum dicetak",
    "Events": "Acara",
    "Reprints": "Cetak ulang",
    "Officials present": "Pejabat yang hadir",
    "To a proxy": "Melalui kuasa",
    "January": "Januari",
    "February": "Februari",
    "March": "Maret",
    "April": "April",
    "May": "Mei",
    "June": "Juni",
    "July": "Juli",
    "August": "Agustus",
    "September": "September",
    "October": "Oktober",
    "November": "November",
    "December": "Desember",
}
