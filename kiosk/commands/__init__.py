"""The ``kiosk`` command and its subcommands, one module each (see :mod:`kiosk.commands.main`)."""
