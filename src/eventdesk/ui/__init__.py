"""PySide6 user interface. Widgets hold no logic and no SQL: a view calls an op (ui.ops), the op
calls a service inside one unit of work, and views refresh from AppContext.changed."""
