"""The Users tab and its dialogs."""
