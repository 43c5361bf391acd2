"""Backups of an EventDesk database: a verifiable file, restore points, rotation (issue 12).

- manifest: what a backup file says about itself (format, SHA-256, rows per table …);
- sqlite / postgres: the copy (SQLite's online backup API; pg_dump) and the restore;
- archive: writing a backup file whole or not at all, and verifying one (IntegrityFailed);
- making: a backup of a database URL, a restore into one;
- points: the backups folder, names, automatic backups and restore points, keeping 24.

This package sits between storage and the domain: storage makes the restore point before a
migration with it, so it imports neither storage nor the services (only eventdesk.files,
eventdesk.connection_secrets and domain errors). Permission checks and audit entries are the
actions' (eventdesk.actions.backups).
"""
