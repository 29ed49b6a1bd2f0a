"""Test helpers shared by the test folders: data (admin), sync settings (sync), a manual
clock (clock), fixtures."""
