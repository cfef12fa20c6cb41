"""Restoring an office's database from an older backup must not fork the sync.

Its next bundle continues past the higher sequence (database or the file beside it),
carries everything since the kabupaten's last acknowledgement, and registration numbers
are never reused.
"""

from __future__ import annotations

from app.services import backup, participants
from app.services.actor import CLI_ADMIN
from tests.integration.sync_world import World, person, statuses


def test_an_office_restored_from_an_old_backup_syncs_on_without_forking(make_ctx, tmp_path):
    world = World.make(make_ctx, tmp_path, confirm=True)
    office = world.a
    first = world.register(office, person(1))
    world.sync(office)  # bundle acknowledged by a receipt
    saved = backup.backup(office, CLI_ADMIN)

    # After the backup: more people, a bundle that reaches the kabupaten, no receipt yet.
    later = world.register(office, person(2), person(3))
    lost_bundle = world.export(office)
    imported = world.kab_import(lost_bundle)
    assert imported.status == "imported"
    sequence_before = int(lost_bundle.stem.rsplit("-", 1)[1])

    # The office PC's database is restored from the older backup.
    backup.restore(office, CLI_ADMIN, saved)
    assert set(statuses(office)) == set(first)

    # New registrations never reuse 000002 or 000003, which the kabupaten already holds.
    again = world.register(office, person(4))
    assert again[0] not in later
    assert again[0].endswith("000004")

    # The next bundle continues the sequence and is accepted; nothing is lost or doubled.
    next_bundle = world.export(office)
    assert int(next_bundle.stem.rsplit("-", 1)[1]) == sequence_before + 1
    result = world.kab_import(next_bundle)
    assert result.status == "imported"
    at_kab = statuses(world.kab)
    for reg in first + later + again:
        assert reg in at_kab
    assert participants.count(world.kab) == 4

    # The receipt brings back what the office lost with the restore.
    assert result.receipt is not None
    world.office_import(office, result.receipt)
    assert set(statuses(office)) == set(first + later + again)


def test_a_reinstalled_pc_is_enrolled_again_as_a_new_station(make_ctx, tmp_path):
    from app.services import trust

    world = World.make(make_ctx, tmp_path, confirm=True)
    world.register(world.a, person(1))
    world.sync(world.a)
    # The PC is wiped; the kabupaten hands out station B of the same kecamatan.
    written = trust.write_enrolment(world.kab, CLI_ADMIN, "13.03.06", "B", world.usb)
    fresh = make_ctx("kecamatan", name="kec-a-reinstalled", setup=False)
    trust.setup_from_enrolment(fresh, CLI_ADMIN, written.path)
    assert fresh.identity.install_code == "130306-B"
    reg = world.register(fresh, person(7))
    assert reg[0].startswith("130306-B-")
    result = world.kab_import(world.export(fresh))
    assert result.status in ("imported", "held")
