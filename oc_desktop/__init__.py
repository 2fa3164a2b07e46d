"""OC Desktop: offline registers for a Lao provincial Party committee office."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("oc-desktop")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"
