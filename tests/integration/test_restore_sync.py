"""Restoring an office's database from an older backup must not fork the sync.

Its next bundle continues past the higher sequence (database or the file beside it),
carries everything since the kabupaten's last acknowledgement, and registration numbers
are never reused.
"""

from __future__ import annotations

from app.services import backup, chainhead, participants
from tests.actors import ADMIN
from tests.integration.sync_world import World, person, statuses


def test_an_office_restored_from_an_old_backup_syncs_on_without_forking(make_ctx, tmp_path):
    world = World.make(make_ctx, tmp_path, confirm=True)
    office = world.a
    first = world.register(office, person(1))
    world.sync(office)  # bundle acknowledged by a receipt
    saved = backup.backup(office, ADMIN)

    # After the backup: more people, a bundle that reaches the kabupaten, no receipt yet.
    later = world.register(office, person(2), person(3))
    lost_bundle = world.export(office)
    imported = world.kab_import(lost_bundle)
    assert imported.status == "imported"
    sequence_before = int(lost_bundle.stem.rsplit("-", 1)[1])

    # The office PC's database is restored from the older backup.
    backup.restore(office, ADMIN, saved)
    assert set(statuses(office)) == set(first)

    # New registrations never reuse 000002 or 000003, which the kabupaten already holds.
    again = world.register(office, person(4))
    assert again[0] not in later
    assert again[0].endswith("000004")

    # The next bundle continues the sequence. Its audit trail no longer passes through the
    # head the kabupaten saw in the lost bundle: it is held, saying so, until a supervisor
    # who has checked with the office takes the office's chain anew.
    next_bundle = world.export(office)
    assert int(next_bundle.stem.rsplit("-", 1)[1]) == sequence_before + 1
    held = world.kab_import(next_bundle)
    assert (held.status, held.hold_reason) == ("held", "chain")
    assert "130306-A" in held.hold_message and "chain-reset" in held.hold_message
    assert participants.count(world.kab) == 3
    chainhead.reset(world.kab, ADMIN, office.identity.install_code, "backup restored at the office")
    # Nothing is lost or doubled.
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
    written = trust.write_enrolment(world.kab, ADMIN, "13.03.06", "B", world.usb)
    fresh = make_ctx("kecamatan", name="kec-a-reinstalled", setup=False)
    trust.setup_from_enrolment(fresh, ADMIN, written.path)
    assert fresh.identity.install_code == "130306-B"
    reg = world.register(fresh, person(7))
    assert reg[0].startswith("130306-B-")
    result = world.kab_import(world.export(fresh))
    assert result.status in ("imported", "held")


def test_an_erasure_at_the_office_travels_to_the_kabupaten(make_ctx, tmp_path):
    from app.services import audit, privacy

    world = World.make(make_ctx, tmp_path, confirm=True)
    office = world.a
    data = person(1, name="Nur'aini Şahin")
    (reg,) = world.register(office, data)
    world.register(office, person(2))
    world.sync(office)
    assert participants.get(world.kab, reg).name == "Nur'aini Şahin"

    privacy.erase(office, ADMIN, reg)
    result, _back = world.sync(office)
    assert result.status == "imported"
    at_kab = participants.get(world.kab, reg)
    assert (at_kab.name, at_kab.nik, at_kab.phone) == ("", "", "")
    assert at_kab.erased_at is not None
    assert at_kab.status == "inactive"
    for h in participants.history(world.kab, at_kab.uuid):
        assert data.nik not in h.changes
        assert "Nur'aini" not in h.changes
    assert audit.verify(world.kab).ok
    assert audit.verify(office).ok
    # The other person is untouched, and nothing comes back to undo the erasure.
    assert participants.count(world.kab) == 2
    assert participants.get(office, reg).erased_at is not None
