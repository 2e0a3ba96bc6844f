"""Annual reports ("Wrapstodon"): a user's yearly activity, generated on request."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..base import MastodonBase
from ..endpoints import annual_reports as E
from .binding import api_method

if TYPE_CHECKING:
    from ..return_types import AnnualReportState, WrappedAnnualReports
    from ..types_base import EmptyResponse


class AnnualReportsAPI(MastodonBase):
    @api_method(E.annual_reports)
    def annual_reports(self) -> WrappedAnnualReports:
        """Every annual report generated for the logged-in user.

        Returns a dict with ``annual_reports`` and the ``accounts`` and ``statuses`` they name.
        """

    @api_method(E.annual_report)
    def annual_report(self, year: int) -> WrappedAnnualReports:
        """The logged-in user's annual report for ``year``, shaped as annual_reports() returns them.

        Raises MastodonNotFoundError when none was generated.
        """

    @api_method(E.annual_report_state)
    def annual_report_state(self, year: int) -> AnnualReportState:
        """Whether the report for ``year`` is "available", "generating", "eligible" or "ineligible"."""

    @api_method(E.annual_report_generate)
    def annual_report_generate(self, year: int) -> EmptyResponse:
        """Start generating the logged-in user's report for ``year`` (see annual_report_state())."""

    @api_method(E.annual_report_read)
    def annual_report_read(self, year: int) -> None:
        """Mark the report for ``year`` as read."""


__all__ = ["AnnualReportsAPI"]
