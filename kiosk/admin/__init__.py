"""The owner's screens on the kiosk: PIN pad, dashboard, settings, export."""
