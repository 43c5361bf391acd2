"""The badge designer: organisers design the event's badge on screen, as layout data."""
