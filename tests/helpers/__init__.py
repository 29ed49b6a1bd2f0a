"""Test helpers shared by the test folders: data (admin), sync settings (sync), a manual
clock (clock), a server that drips its reply (drip), fixtures, small and read-only disks
(disks)."""
