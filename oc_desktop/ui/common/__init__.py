"""What every tab shares: the base tab, the table model, forms, column widths, workers."""
