"""Annual reports: routes, version gates, decoding of the documented report."""

from __future__ import annotations

import pytest
from support.mock_http import documented

from mastodon import MastodonVersionError


def test_annual_reports(make_api, mock_http):
    mock_http.add("GET", "/api/v1/annual_reports", documented("WrappedAnnualReports"))
    reports = make_api("4.3.0").annual_reports()
    assert (mock_http.last.method, mock_http.last.path) == ("GET", "/api/v1/annual_reports")
    report = reports.annual_reports[0]
    assert report.year == 2025
    assert report.data.archetype == "oracle"
    assert report.share_url.endswith("/wrapstodon/2025/7fa0231c0f206390")


def test_annual_report_for_a_year(make_api, mock_http):
    mock_http.add("GET", "/api/v1/annual_reports/2025", documented("WrappedAnnualReports"))
    report = make_api("4.4.0").annual_report(2025)
    assert mock_http.last.path == "/api/v1/annual_reports/2025"
    assert report.annual_reports[0].data.top_hashtags[0].name == "Mastodon"


def test_annual_report_state_and_generate(make_api, mock_http):
    mock_http.add("GET", "/api/v1/annual_reports/2025/state", {"state": "eligible"})
    mock_http.add("POST", "/api/v1/annual_reports/2025/generate", {}, status=202)
    api = make_api("4.6.0")
    assert api.annual_report_state(2025).state == "eligible"
    assert mock_http.last.path == "/api/v1/annual_reports/2025/state"
    api.annual_report_generate(2025)
    assert (mock_http.last.method, mock_http.last.path, mock_http.last.form) == ("POST", "/api/v1/annual_reports/2025/generate", [])


def test_annual_report_read(make_api, mock_http):
    mock_http.add("POST", "/api/v1/annual_reports/2024/read", {})
    assert make_api("4.3.0").annual_report_read(2024) is None
    assert (mock_http.last.method, mock_http.last.path) == ("POST", "/api/v1/annual_reports/2024/read")


@pytest.mark.parametrize(
    ("call", "args", "too_old"),
    [
        ("annual_reports", (), "4.2.0"),
        ("annual_report_read", (2024,), "4.2.0"),
        ("annual_report", (2024,), "4.3.0"),
        ("annual_report_state", (2025,), "4.5.0"),
        ("annual_report_generate", (2025,), "4.5.0"),
    ],
)
def test_annual_reports_version_gates(make_api, mock_http, call, args, too_old):
    with pytest.raises(MastodonVersionError):
        getattr(make_api(too_old), call)(*args)
    assert mock_http.sent == []
