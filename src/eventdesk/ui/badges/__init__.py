"""Batch badge printing: filters, preview of real pages, runs to PDF or printer."""
