"""E-mail confirmation endpoints."""

from .model import endpoint

email_resend_confirmation = endpoint(
    "email_resend_confirmation", "POST", "/api/v1/emails/confirmations", "email",
    returns="None", added="3.4.0", section="Writing data: E-mail confirmation",
)
