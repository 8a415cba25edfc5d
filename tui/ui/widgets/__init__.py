"""brief's widgets: thin views over the article model that talk through messages."""
