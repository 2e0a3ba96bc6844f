"""Annual report ("Wrapstodon") endpoints."""

from .model import endpoint

R = "Reading data: Annual reports"
W = "Writing data: Annual reports"

annual_reports = endpoint("annual_reports", "GET", "/api/v1/annual_reports", returns="WrappedAnnualReports", added="4.3.0", section=R)
annual_report = endpoint("annual_report", "GET", "/api/v1/annual_reports/{year}", returns="WrappedAnnualReports", added="4.4.0", section=R)
annual_report_state = endpoint(
    "annual_report_state", "GET", "/api/v1/annual_reports/{year}/state", returns="AnnualReportState", added="4.6.0", section=R
)
annual_report_read = endpoint("annual_report_read", "POST", "/api/v1/annual_reports/{year}/read", returns="None", added="4.3.0", section=W)
annual_report_generate = endpoint(
    "annual_report_generate", "POST", "/api/v1/annual_reports/{year}/generate", returns="EmptyResponse", added="4.6.0", section=W
)
