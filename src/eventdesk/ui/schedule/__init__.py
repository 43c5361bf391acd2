"""The schedule editor: rooms × time grid per day, drag and drop, live conflicts, undo."""
