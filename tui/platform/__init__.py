"""What touches the operating system: the state file, file writing, the clipboard, shipped resources."""
