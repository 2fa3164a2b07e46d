"""The Qt user interface: one window, a tab per section of the office's work."""
