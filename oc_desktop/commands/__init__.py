"""Subcommands of `oc-desktop`: each module has ``add_parser`` and ``run``."""
