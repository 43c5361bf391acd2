"""The people view: all registrations, a page at a time, with an edit form."""
