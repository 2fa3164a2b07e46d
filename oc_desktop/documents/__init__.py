"""The incoming and outgoing document register: named operations and queries, no Qt."""
