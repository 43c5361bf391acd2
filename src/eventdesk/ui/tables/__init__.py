"""What the list views (people, exhibitors) share: paged model, list pane, edit panel, view."""
