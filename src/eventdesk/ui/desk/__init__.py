"""The registration desk: search as you type, scan, check in, walk-ins, badges on the spot."""
