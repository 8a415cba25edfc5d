"""The article model: plain data every other room reads. Pure Python, no Textual."""
