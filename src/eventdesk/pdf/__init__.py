"""Rendering only: badge layouts and sheet presets, fonts, QR drawing, programme PDF.

Takes plain data, returns bytes or writes a file. No database access, no Qt.
"""
