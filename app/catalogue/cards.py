"""Messages of cards: printing, verification, handover events, and the texts printed on
cards, calibration pages and receipts (printed in Indonesian unless English is chosen)."""

from __future__ import annotations

# The standard texts of the card's back (a setting that is not empty replaces one).
STANDARD_BENEFITS = (
    "JKK (work accident): treatment and care as medically needed, without a cost ceiling, "
    "and cash benefits while unable to work. JKM (death): Rp42 million for the heirs, plus "
    "scholarships for up to two children."
)
STANDARD_ACCIDENT = (
    "Get treatment at the nearest hospital or clinic that works with BPJS "
    "Ketenagakerjaan; show this card and your KTP, and report the accident to the kecamatan "
    "office as soon as possible."
)
STANDARD_DEATH = (
    "The heirs bring this card, the death certificate, the KTP of the participant and of the "
    "heirs, and the family card (KK) to the BPJS Ketenagakerjaan branch office."
)

MESSAGES: dict[str, str] = {
    "calibration.measured": "'{text}' is not a distance in mm between 0 and 60 (e.g. 11,5).",
    "calibration.side": "Calibrate 'front' or 'back', not '{side}'.",
    "calibration.too_far": (
        "Those measurements give offsets of x {x} mm, y {y} mm, more than 20 mm: measure "
        "from the paper's edge to the line again."
    ),
    "cards.no_selection": "Choose who gets cards: --all, --unprinted, --nagari or --reg.",
    "cards.not_printable": "{reg_no} cannot get a card while its status is {status}.",
    "cards.nobody": (
        "Nobody in this selection can get a card (only approved, accepted and active "
        "participants can); nothing was printed."
    ),
    "cards.never_printed": "{reg_no} has no card yet: print one instead of a reprint.",
    "cards.changed": (
        "Cards of the same participants were printed meanwhile, on another account; nothing "
        "was recorded. Print again."
    ),
    "cards.cancelled": "Printing was cancelled; nothing was recorded.",
    "cards.out_unwritable": "Cannot write {path}: {reason}.",
    "cards.out_locked": (
        "{path} is open in another program (a PDF viewer?): close it and print again. "
        "Nothing was recorded."
    ),
    "cards.reason_needed": "A reprint needs a reason (lost, damaged, KPJ number arrived …).",
    "cards.state": "Unknown card state '{state}': use unprinted, pending or handed.",
    "card.genuine": (
        "GENUINE and current: the card of {name} ({reg_no}), serial {serial}, version {version}."
    ),
    "card.void": (
        "VOID: a genuine card of {name} ({reg_no}), but version {version} was replaced by "
        "version {current}."
    ),
    "card.unknown_issuer": (
        "UNKNOWN ISSUER: this card was signed by install {issuer}, whose key this install does "
        "not know yet. That does not make it fake: check it at {issuer} or at the kabupaten."
    ),
    "card.not_genuine": (
        "NOT GENUINE or damaged: this is shaped like a card's code, but its signature does not "
        "match: the code was changed, forged or misread."
    ),
    "card.not_a_card": "This is not the code of a Lindungi card.",
    "key.unwritable": "Cannot write the signing key {path}: {reason}.",
    "key.unreadable": "Cannot read the signing key {path}.",
    "key.invalid": "This is not an Ed25519 public key (64 hexadecimal digits).",
    "handover.no_event": "There is no handover event {id}.",
    "handover.place_needed": "A handover event needs a place.",
    "handover.closed": "Handover event {id} is closed.",
    "handover.void": (
        "This card is void: version {version} was replaced by version {current}. Hand over "
        "the new card."
    ),
    "handover.not_recorded": (
        "This card of {reg_no} is genuine but was not printed here, so it cannot be handed "
        "over here."
    ),
    "handover.ref": (
        "'{ref}' is neither a registration number (like 130306-A-000123) nor a card's code."
    ),
    "handover.inactive": "{name} ({reg_no}) is inactive: the card is not handed over.",
    "handover.no_card": "{name} ({reg_no}) has no printed card yet.",
    "handover.already": (
        "The card of {name} was already handed over on {date} at {place} (event {id})."
    ),
    "handover.not_given": "The card of {reg_no} was not handed over at event {id}.",
}

ID: dict[str, str] = {
    MESSAGES["calibration.measured"]: (
        "'{text}' bukan jarak dalam mm antara 0 dan 60 (mis. 11,5)."
    ),
    MESSAGES["calibration.side"]: "Kalibrasi 'front' atau 'back', bukan '{side}'.",
    MESSAGES["calibration.too_far"]: (
        "Ukuran itu memberi geseran x {x} mm, y {y} mm, lebih dari 20 mm: ukur lagi dari tepi "
        "kertas ke garisnya."
    ),
    MESSAGES["cards.no_selection"]: (
        "Pilih siapa yang mendapat kartu: --all, --unprinted, --nagari atau --reg."
    ),
    MESSAGES["cards.not_printable"]: (
        "{reg_no} belum dapat diberi kartu selama statusnya {status}."
    ),
    MESSAGES["cards.nobody"]: (
        "Tidak ada peserta dalam pilihan ini yang dapat diberi kartu (hanya peserta yang "
        "disetujui, diterima dan aktif); tidak ada yang dicetak."
    ),
    MESSAGES["cards.never_printed"]: (
        "{reg_no} belum punya kartu: cetak kartunya, bukan cetak ulang."
    ),
    MESSAGES["cards.changed"]: (
        "Kartu peserta yang sama baru saja dicetak dari akun lain; tidak ada yang dicatat. "
        "Cetak lagi."
    ),
    MESSAGES["cards.cancelled"]: "Pencetakan dibatalkan; tidak ada yang dicatat.",
    MESSAGES["cards.out_unwritable"]: "Tidak dapat menulis {path}: {reason}.",
    MESSAGES["cards.out_locked"]: (
        "{path} sedang dibuka program lain (penampil PDF?): tutup lalu cetak lagi. "
        "Tidak ada yang dicatat."
    ),
    MESSAGES["cards.reason_needed"]: (
        "Cetak ulang memerlukan alasan (hilang, rusak, nomor KPJ sudah terbit …)."
    ),
    MESSAGES["cards.state"]: (
        "Keadaan kartu '{state}' tidak dikenal: gunakan unprinted, pending atau handed."
    ),
    MESSAGES["card.genuine"]: (
        "ASLI dan berlaku: kartu {name} ({reg_no}), seri {serial}, versi {version}."
    ),
    MESSAGES["card.void"]: (
        "TIDAK BERLAKU: kartu asli milik {name} ({reg_no}), tetapi versi {version} sudah "
        "diganti dengan versi {current}."
    ),
    MESSAGES["card.unknown_issuer"]: (
        "PENERBIT TIDAK DIKENAL: kartu ini ditandatangani instalasi {issuer}, yang kuncinya "
        "belum dikenal instalasi ini. Itu tidak berarti palsu: periksa di {issuer} atau di "
        "kabupaten."
    ),
    MESSAGES["card.not_genuine"]: (
        "TIDAK ASLI atau rusak: bentuknya kode kartu, tetapi tanda tangannya tidak cocok: kode "
        "telah diubah, dipalsukan atau salah terbaca."
    ),
    MESSAGES["card.not_a_card"]: "Ini bukan kode kartu Lindungi.",
    MESSAGES["key.unwritable"]: "Tidak dapat menulis kunci tanda tangan {path}: {reason}.",
    MESSAGES["key.unreadable"]: "Tidak dapat membaca kunci tanda tangan {path}.",
    MESSAGES["key.invalid"]: "Ini bukan kunci publik Ed25519 (64 digit heksadesimal).",
    MESSAGES["handover.no_event"]: "Tidak ada acara penyerahan {id}.",
    MESSAGES["handover.place_needed"]: "Acara penyerahan memerlukan tempat.",
    MESSAGES["handover.closed"]: "Acara penyerahan {id} sudah ditutup.",
    MESSAGES["handover.void"]: (
        "Kartu ini tidak berlaku: versi {version} sudah diganti dengan versi {current}. "
        "Serahkan kartu yang baru."
    ),
    MESSAGES["handover.not_recorded"]: (
        "Kartu {reg_no} ini asli tetapi tidak dicetak di sini, jadi tidak dapat diserahkan di sini."
    ),
    MESSAGES["handover.ref"]: (
        "'{ref}' bukan nomor registrasi (seperti 130306-A-000123) dan bukan kode kartu."
    ),
    MESSAGES["handover.inactive"]: "{name} ({reg_no}) nonaktif: kartu tidak diserahkan.",
    MESSAGES["handover.no_card"]: "{name} ({reg_no}) belum punya kartu tercetak.",
    MESSAGES["handover.already"]: (
        "Kartu {name} sudah diserahkan pada {date} di {place} (acara {id})."
    ),
    MESSAGES["handover.not_given"]: "Kartu {reg_no} tidak diserahkan pada acara {id}.",
    # The card's front.
    "Government of {regency}": "Pemerintah {regency}",
    "MEMBERSHIP CARD": "KARTU PESERTA",
    "KPJ no.": "No. KPJ",
    "Reg. no.": "No. Reg.",
    "Programmes": "Program",
    "Coverage": "Perlindungan",
    "{start} to {end}": "{start} s.d. {end}",
    "from {date}": "sejak {date}",
    "Contributions paid by {payer}": "Iuran dibayar oleh {payer}",
    "the participant": "peserta sendiri",
    "Serial {serial}": "Seri {serial}",
    "Version {version}": "Versi {version}",
    # The card's back.
    "BENEFITS AND WHAT TO DO": "MANFAAT DAN PETUNJUK",
    "Benefits": "Manfaat",
    "After a work accident": "Jika terjadi kecelakaan kerja",
    "After a death": "Jika peserta meninggal dunia",
    STANDARD_BENEFITS: (
        "JKK (kecelakaan kerja): perawatan dan pengobatan sesuai kebutuhan medis tanpa batas "
        "biaya, serta santunan selama tidak mampu bekerja. JKM (kematian): santunan Rp42 juta "
        "bagi ahli waris, ditambah beasiswa untuk paling banyak dua anak."
    ),
    STANDARD_ACCIDENT: (
        "Segera berobat ke rumah sakit atau klinik terdekat yang bekerja sama dengan BPJS "
        "Ketenagakerjaan; tunjukkan kartu ini dan KTP, lalu laporkan kecelakaan ke kantor camat "
        "secepatnya."
    ),
    STANDARD_DEATH: (
        "Ahli waris membawa kartu ini, akta kematian, KTP peserta dan ahli waris, serta Kartu "
        "Keluarga (KK) ke kantor cabang BPJS Ketenagakerjaan."
    ),
    (
        "This is the membership card of the programme of {regency}; it is not a BPJS "
        "Ketenagakerjaan card. Found it? Please hand it in at the kecamatan office."
    ): (
        "Kartu ini adalah kartu kepesertaan program {regency}, bukan kartu BPJS "
        "Ketenagakerjaan. Menemukan kartu ini? Mohon serahkan ke kantor camat."
    ),
    # Sheets and the calibration page.
    "Membership cards": "Kartu peserta",
    "Printer calibration": "Kalibrasi printer",
    "FRONT": "DEPAN",
    "BACK": "BELAKANG",
    "front": "depan",
    "back": "belakang",
    "Printer calibration test page: {side}": "Halaman uji kalibrasi printer: {side}",
    "Current offsets: x {x} mm, y {y} mm (printed {when})": (
        "Geseran saat ini: x {x} mm, y {y} mm (dicetak {when})"
    ),
    "Measure from the left edge of the paper to line A: it should be {ref} mm.": (
        "Ukur dari tepi kiri kertas ke garis A: seharusnya {ref} mm."
    ),
    "Measure from the top edge of the paper to line B: it should be {ref} mm.": (
        "Ukur dari tepi atas kertas ke garis B: seharusnya {ref} mm."
    ),
    (
        "Enter what you measured for lines A and B in Cards > Printer calibration (or "
        "lindungi card-calibration --measured-{key} A B): Lindungi works out the {side} "
        "offsets. Print this page again to check."
    ): (
        "Masukkan hasil ukur garis A dan B di Kartu > Kalibrasi printer (atau lindungi "
        "card-calibration --measured-{key} A B): Lindungi menghitung geseran {side}. Cetak "
        "halaman ini lagi untuk memeriksa."
    ),
    "Offsets of the {side}: x {x} mm, y {y} mm (lines measured at {a} and {b} mm)": (
        "Geseran {side}: x {x} mm, y {y} mm (garis terukur pada {a} dan {b} mm)"
    ),
    "the measured distances of lines A and B in mm (e.g. 11,5 9)": (
        "jarak garis A dan B yang terukur dalam mm (mis. 11,5 9)"
    ),
    "Print both pages on one sheet, double-sided (long edge), like the cards.": (
        "Cetak kedua halaman pada satu lembar, bolak-balik (sisi panjang), seperti kartu."
    ),
    # The receipt list.
    "RECEIPT OF MEMBERSHIP CARDS": "TANDA TERIMA KARTU PESERTA",
    "Receipt of membership cards": "Tanda terima kartu peserta",
    "Event": "Acara",
    "still open": "masih dibuka",
    "Date": "Tanggal",
    "Place": "Tempat",
    "Office": "Kantor",
    "Cards handed over": "Kartu diserahkan",
    "No.": "No.",
    "Received by": "Diterima oleh",
    "Signature": "Tanda tangan",
    "proxy: {name}": "dikuasakan: {name}",
    "in person": "yang bersangkutan",
    "{count} names are too long for the card even in small print and were shortened; check these cards:": "{count} nama terlalu panjang untuk kartu meski dengan huruf kecil dan dipotong; periksa kartu berikut:",
    "No cards were handed over.": "Tidak ada kartu yang diserahkan.",
    "Officer": "Petugas",
    "{place}, {date}. Handed over in the presence of:": ("{place}, {date}. Diserahkan di hadapan:"),
    "Receipt of event {id} · printed {when} · Lindungi": (
        "Tanda terima acara {id} · dicetak {when} · Lindungi"
    ),
    "Page {page} of {pages}": "Halaman {page} dari {pages}",
    # The command line.
    "print membership cards to a PDF": "cetak kartu peserta ke PDF",
    "a4: 10 to a sheet; cr80: card printer": "a4: 10 per lembar; cr80: printer kartu",
    "everyone who may get a card": "semua peserta yang dapat diberi kartu",
    "everyone without a card yet": "semua peserta yang belum punya kartu",
    "one nagari (code or name)": "satu nagari (kode atau nama)",
    "these registration numbers": "nomor registrasi ini",
    "print a new version of cards, voiding the old ones": (
        "cetak versi baru kartu; kartu lama tidak berlaku lagi"
    ),
    "every card printed before its KPJ number": "semua kartu yang dicetak sebelum nomor KPJ terbit",
    "check a card's QR code (what a scanner types)": (
        "periksa kode QR kartu (yang diketik pemindai)"
    ),
    "print the printer calibration test page": "cetak halaman uji kalibrasi printer",
    "card handover events": "acara penyerahan kartu",
    "open an event (supervisor); prints its id": "buka acara (supervisor); mencetak nomornya",
    "hand over a card, by registration number or QR code": (
        "serahkan kartu, dengan nomor registrasi atau kode QR"
    ),
    "someone collecting it for them": "orang yang mengambilkan kartunya",
    "close an event (supervisor)": "tutup acara (supervisor)",
    "print an event's receipt list (tanda terima)": "cetak daftar tanda terima acara",
    "cards printed but not collected yet": "kartu yang sudah dicetak tetapi belum diambil",
    "every handover event": "semua acara penyerahan",
    "{cards} cards ({new} new, {copies} copies, {reprints} reprints), {pages} pages: {path}": (
        "{cards} kartu ({new} baru, {copies} salinan, {reprints} cetak ulang), {pages} halaman: "
        "{path}"
    ),
    "{count} skipped:": "{count} dilewati:",
    "printed by another install": "dicetak instalasi lain",
    "no card yet": "belum punya kartu",
    "No card waits for its KPJ number.": "Tidak ada kartu yang menunggu nomor KPJ.",
    "Calibration page written: {path}": "Halaman kalibrasi ditulis: {path}",
    "Issued by": "Diterbitkan oleh",
    "Reprint reason": "Alasan cetak ulang",
    "Handed over: {name} ({reg_no}), serial {serial} version {version}, {to}": (
        "Diserahkan: {name} ({reg_no}), seri {serial} versi {version}, {to}"
    ),
    "Event {id} closed: {given} cards handed over; {pending} cards still pending.": (
        "Acara {id} ditutup: {given} kartu diserahkan; {pending} kartu masih menunggu."
    ),
    "Receipt written ({pages} pages): {path}": "Tanda terima ditulis ({pages} halaman): {path}",
    "{count} cards pending": "{count} kartu menunggu diambil",
    "Card": "Kartu",
    "open": "dibuka",
    "closed": "ditutup",
    # Services.
    "no such folder": "folder tidak ada",
    "a participant not registered here": "peserta yang tidak terdaftar di sini",
}
