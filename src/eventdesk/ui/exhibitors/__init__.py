"""The exhibitors view: companies, booths, staff quotas and their staff."""
