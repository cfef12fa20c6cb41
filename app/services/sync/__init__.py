"""Sync by USB stick: bundles up from the offices, the kabupaten's merge, receipts back.

- :mod:`.export`: an office writes its bundle;
- :mod:`.bundle_import`: the kabupaten reads, plans, previews and commits a bundle (and
  ``bundle import`` hands receipts to :mod:`.receipts`);
- :mod:`.decision`: what the merge does with one record, a pure function;
- :mod:`.receipts`: the kabupaten writes a receipt, the office imports it;
- :mod:`.offices`: the ledger of offices, confirming an office's key, its held bundles;
- :mod:`.conflicts`: the conflict queue, decided by a person;
- :mod:`.files`: writing and reading files on removable media;
- :mod:`.results`: what an import did, and helpers the others share;
- :mod:`.selftest`: the self-test steps of sync.
"""
