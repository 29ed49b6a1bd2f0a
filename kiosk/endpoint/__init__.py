"""The reference central endpoint: a WSGI app that implements the sync protocol."""
