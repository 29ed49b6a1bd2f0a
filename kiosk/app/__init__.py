"""The composition root: builds the guest app, the admin side and the services they are given.

Nothing below this package imports it. Importing the package itself loads nothing (no Qt), so
commands such as ``kiosk export`` can use :mod:`kiosk.app.context` cheaply.
"""
