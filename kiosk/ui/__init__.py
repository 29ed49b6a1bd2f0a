"""The guest's screens and the controller that moves between them."""
