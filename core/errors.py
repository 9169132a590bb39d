"""Errors the plugin shows to users.

Every failure that reaches a user is an :class:`EoOrderError` whose text says what
failed and what to do. Texts never contain credentials: callers pass auth-config
ids, never usernames or passwords, into these messages.
"""


class EoOrderError(Exception):
    """A failure with a message fit for the QGIS message bar."""


class InputError(EoOrderError):
    """The user's input is invalid (box, dates, URL...)."""


class NetworkError(EoOrderError):
    """The server could not be reached, timed out or broke the connection."""


class HttpError(EoOrderError):
    """The server answered with an HTTP error status."""

    def __init__(self, message, status=None):
        super().__init__(message)
        self.status = status


class AuthError(HttpError):
    """The server rejected the credentials (or none were given)."""


class ServiceError(EoOrderError):
    """The service answered with an OWS exception or a SOAP fault."""

    def __init__(self, message, code=None, locator=None):
        super().__init__(message)
        self.code = code
        self.locator = locator


class ResponseError(EoOrderError):
    """The reply is not what the protocol promises (HTML page, malformed XML...)."""


class Cancelled(EoOrderError):
    """The user cancelled the operation."""

    def __init__(self, message="Cancelled by the user."):
        super().__init__(message)
