"""Printing in the window: a worker that builds the PDF, the preview, the printer."""
