"""Services of the search capability."""
