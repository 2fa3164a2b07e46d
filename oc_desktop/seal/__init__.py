"""The seal custody log: the seals, who holds them, every handover, use and incident."""
