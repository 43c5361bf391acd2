"""EventDesk: on-site registration desk, badges, exhibitors and schedule for large conferences."""

__version__ = "0.1.0"
