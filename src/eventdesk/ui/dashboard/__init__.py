"""The dashboard view (数据 Dashboard): charts and tables of the event's figures (issue 13)."""
