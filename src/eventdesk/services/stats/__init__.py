"""The dashboard's figures (issue 13): arrivals per hour, checked in vs registered by category,
desks' throughput, exhibitors with no staff arrived yet, badge prints by reason, rejected scans.

`figures(session, day=…)` reads them all in one unit of work with a few GROUP BY statements
(queries.py); time buckets are made in SQL as 5-minute slots of Unix time and turned into hours
and 10-minute slots of the event's time zone in Python (buckets.py), so the same code is right
on SQLite and PostgreSQL and in any zone, whatever the machine's own zone is.
"""

from eventdesk.services.stats.figures import (
    CategoryCount,
    DeskActivity,
    ExhibitorWaiting,
    Figures,
    HourCount,
    PrintCounts,
    cumulative,
)
from eventdesk.services.stats.queries import figures

__all__ = ["CategoryCount", "DeskActivity", "ExhibitorWaiting", "Figures", "HourCount",
           "PrintCounts", "cumulative", "figures"]
