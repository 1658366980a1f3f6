"""Error types. Messages are German (the users' language) and name the place in the user's input."""

from __future__ import annotations


class BnkError(Exception):
    """Any error caused by user input or data; the CLI prints it in one line and exits with 2."""

    exit_code = 2


class InvalidAGSError(BnkError):
    pass


class UnknownRegionError(BnkError):
    pass


class CatalogueError(BnkError):
    pass


class DataSourceError(BnkError):
    pass


class ReportError(BnkError):
    pass
