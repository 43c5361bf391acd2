"""One function per user action: owns its units of work and the order read -> render -> write,
checks the role, writes the audit entry, returns its result and what changed. No Qt."""
