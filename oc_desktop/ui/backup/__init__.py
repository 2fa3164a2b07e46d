"""Back up and Restore: the File menu actions and their dialogs."""
