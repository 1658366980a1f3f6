"""BNK-Werkbank: municipal sustainability reports in the BNK format."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("bnk-werkbank")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"
