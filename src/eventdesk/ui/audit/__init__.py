"""The Audit view: the trail, newest first, its filters, verify and export (admins)."""
