"""Starlette app assembly, CLI, admin and CRM-tab pages. Pages talk to data only through GraphQL."""
