"""brief's screens and dialogs."""
