"""Services of the badges capability."""
