"""The Audit trail tab."""
