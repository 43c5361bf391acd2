"""Accounts in the window (issue 12): sign-in, first admin, the desk lock, users dialog."""
