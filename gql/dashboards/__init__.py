"""Dashboards of analytics components."""
