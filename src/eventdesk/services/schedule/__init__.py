"""Services of the schedule capability."""
