"""Users, passwords, API tokens and authentication."""
