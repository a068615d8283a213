"""Render-only widgets of the dashboard."""
