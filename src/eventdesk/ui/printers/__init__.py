"""Printing through the system's print queue (Qt print support): the queue itself, the desk
printer's calibration (kept in the machine's settings) and its dialog."""
