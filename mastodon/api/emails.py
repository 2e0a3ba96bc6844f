"""E-mail confirmation for accounts that signed up through this app."""

from __future__ import annotations

from ..base import MastodonBase
from ..endpoints import emails as E
from .binding import api_method


class EmailsAPI(MastodonBase):
    @api_method(E.email_resend_confirmation)
    def email_resend_confirmation(self) -> None:
        """Send the confirmation e-mail again, for a user who has not confirmed their address yet.

        Only the app that created the account may ask (MastodonAPIError otherwise).
        """


__all__ = ["EmailsAPI"]
