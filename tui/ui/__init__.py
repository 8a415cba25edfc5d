"""The Textual application: the app, its screens, widgets, keys and commands."""
