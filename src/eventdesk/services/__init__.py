"""One module per capability. Plain functions, session first, keyword-only arguments; they flush
and never commit (the caller's unit of work owns the transaction) and return frozen dataclasses or
plain values, never live ORM objects."""
