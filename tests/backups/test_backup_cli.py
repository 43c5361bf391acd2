"""`eventdesk backup` / `eventdesk restore` (issue 12): round trip row for row, damaged files
(exit 6), a non-empty target (exit 2 without --replace), restore points."""

from __future__ import annotations

import gzip
import io
import json
import tarfile
from pathlib import Path

import pytest

from eventdesk.backups import archive, points
from eventdesk.backups.manifest import Manifest
from eventdesk.cli import main
from eventdesk.storage import to_url
from tests.accounts import take_over_demo_admin
from tests.backups.helpers import assert_restored, build_event, rows_of, sqlite_count


@pytest.fixture
def event_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "event.sqlite3"
    build_event(path, capsys)
    return path


def test_backup_then_restore_is_equal_row_for_row(
        event_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = rows_of(event_file)
    out = tmp_path / "out" / "day1.edbackup"
    assert main(["backup", "--db", str(event_file), "--out", str(out), "--json"]) == 0
    made = json.loads(capsys.readouterr().out)
    assert made["tables"] == {t: len(r) for t, r in before.items()}
    assert made["tables"]["check_in"] == 5 and made["reason"] == "manual"
    # The backup is recorded in the source's audit trail, after the copy.
    new_entries = [r for r in rows_of(event_file)["audit_entry"]
                   if r not in before["audit_entry"]]
    assert len(new_entries) == 1 and "backup.made" in repr(new_entries[0])

    target = tmp_path / "restored" / "copy.sqlite3"
    assert main(["restore", str(out), "--db", str(target), "--json"]) == 0
    done = json.loads(capsys.readouterr().out)
    assert done["restore_point"] is None  # the target was empty: nothing to keep
    after = rows_of(target)
    # The restore records itself in the restored database; every other row is the backup's.
    assert_restored(before, after)


def test_truncated_and_bit_flipped_files_exit_6_and_touch_nothing(
        event_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.edbackup"
    assert main(["backup", "--db", str(event_file), "--out", str(good)]) == 0
    data = good.read_bytes()
    truncated = tmp_path / "truncated.edbackup"
    truncated.write_bytes(data[: len(data) // 2])
    flipped = tmp_path / "flipped.edbackup"
    middle = len(data) // 2
    flipped.write_bytes(data[:middle] + bytes([data[middle] ^ 0x10]) + data[middle + 1:])
    capsys.readouterr()
    for bad in (truncated, flipped):
        target = tmp_path / f"target-{bad.stem}.sqlite3"
        assert main(["--lang", "en", "backup", "verify", str(bad)]) == 6
        err = capsys.readouterr().err
        assert str(bad) in err and "damaged" in err
        assert main(["--lang", "en", "restore", str(bad), "--db", str(target)]) == 6
        assert not target.exists()
        capsys.readouterr()
    # A manifest whose counts lie (checksum right, one table's rows wrong): the counts fail.
    lying = tmp_path / "lying.edbackup"
    _rewrite(good, lying, lambda m: {**m, "tables": {**m["tables"], "person": 1}})
    assert main(["--lang", "en", "backup", "verify", str(lying)]) == 6
    err = capsys.readouterr().err
    assert "person" in err and "300" in err
    assert main(["--lang", "en", "backup", "verify", str(good)]) == 0


def _rewrite(source: Path, target: Path, change: object) -> None:
    """`source` with its manifest changed by `change(dict) -> dict`, members otherwise as they
    were (a well-formed archive that lies)."""
    with tarfile.open(source, "r:gz") as tar:
        members = [(info, tar.extractfile(info).read()) for info in tar]  # type: ignore[union-attr]
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        for info, data in members:
            if info.name == "manifest.json":
                data = json.dumps(change(json.loads(data))).encode()  # type: ignore[operator]
                info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    target.write_bytes(gzip.compress(buffer.getvalue()))


def test_restore_refuses_a_database_holding_data_without_replace(
        event_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "b.edbackup"
    assert main(["backup", "--db", str(event_file), "--out", str(out)]) == 0
    other = tmp_path / "other.sqlite3"
    build_event(other, capsys, checkins=2)
    before = rows_of(other)
    assert main(["--lang", "en", "restore", str(out), "--db", str(other)]) == 2
    err = capsys.readouterr().err
    assert "--replace" in err and str(other) in err and "Traceback" not in err
    assert rows_of(other) == before
    assert main(["restore", str(out), "--db", str(other), "--replace", "--json"]) == 0
    done = json.loads(capsys.readouterr().out)
    assert sqlite_count(other, "check_in") == 5
    # What was replaced is in the restore point, and it restores.
    kept = Path(done["restore_point"])
    assert kept.parent == other.parent / "backups" and "before-restore" in kept.name
    back = tmp_path / "back.sqlite3"
    assert main(["restore", str(kept), "--db", str(back)]) == 0
    assert sqlite_count(back, "check_in") == 2


def test_backup_list_shows_the_restore_points(
        event_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--db", str(event_file), "--exhibitors", "5", "--people", "20",
                 "--replace", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    take_over_demo_admin(to_url(event_file))  # the replace made the demo's accounts anew
    kept = Path(summary["restore_point"])
    assert kept.exists() and "before-demo-replace" in kept.name
    manifest: Manifest = archive.verify(kept).manifest
    # What demo --replace deleted (300 people, 5 check-ins, the audit trail) is in it.
    assert manifest.tables["person"] == 300 and manifest.tables["check_in"] == 5
    assert manifest.tables["audit_entry"] >= 5
    assert main(["backup", "list", "--db", str(event_file), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [e["file"] for e in listed] == [str(kept)]
    assert listed[0]["reason"] == "before-demo-replace" and listed[0]["rows"] == manifest.rows
    assert points.folder_for(f"sqlite:///{event_file}") == kept.parent


def test_a_folder_as_out_is_one_sentence_and_exit_2(
        event_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "a-folder"
    folder.mkdir()
    assert main(["--lang", "en", "backup", "--db", str(event_file), "--out", str(folder)]) == 2
    err = capsys.readouterr().err
    assert str(folder) in err and "Traceback" not in err
    assert list(folder.iterdir()) == [] and not list(tmp_path.glob(".*.part"))
