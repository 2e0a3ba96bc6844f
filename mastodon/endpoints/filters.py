"""Server-side (v2) filter endpoints: filter groups, their keywords and their statuses.

The v1 keyword filters are declared with the other small areas in ``misc``.
"""

from .model import ID, Param, endpoint

R = "Reading data: Filters (v2)"
W = "Writing data: Filters (v2)"

filters_v2 = endpoint("filters_v2", "GET", "/api/v2/filters", returns="[FilterV2]", added="4.0.0", section=R)
filter_v2 = endpoint("filter_v2", "GET", "/api/v2/filters/{filter_id}", returns="FilterV2", added="4.0.0", section=R)
# Sent as JSON: ``keywords_attributes`` is a list of objects, which a form body can only
# spell ambiguously.
create_filter_v2 = endpoint(
    "create_filter_v2", "POST", "/api/v2/filters",
    "title", Param("context", "json"), "filter_action", "expires_in", Param("keywords_attributes", "json"),
    returns="FilterV2", added="4.0.0", changed="4.4.0", body="json", section=W,
)
update_filter_v2 = endpoint(
    "update_filter_v2", "PUT", "/api/v2/filters/{filter_id}",
    "title", Param("context", "json"), "filter_action", "expires_in", Param("keywords_attributes", "json"),
    returns="FilterV2", added="4.0.0", changed="4.4.0", body="json", section=W,
)
delete_filter_v2 = endpoint("delete_filter_v2", "DELETE", "/api/v2/filters/{filter_id}", returns="None", added="4.0.0", section=W)

filter_keywords_v2 = endpoint(
    "filter_keywords_v2", "GET", "/api/v2/filters/{filter_id}/keywords", returns="[FilterKeyword]", added="4.0.0", section=R
)
add_filter_keyword_v2 = endpoint(
    "add_filter_keyword_v2", "POST", "/api/v2/filters/{filter_id}/keywords", "keyword", "whole_word",
    returns="FilterKeyword", added="4.0.0", section=W,
)
delete_filter_keyword_v2 = endpoint(
    "delete_filter_keyword_v2", "DELETE", "/api/v2/filters/keywords/{keyword_id}", returns="None", added="4.0.0", section=W
)

filter_statuses_v2 = endpoint(
    "filter_statuses_v2", "GET", "/api/v2/filters/{filter_id}/statuses", returns="[FilterStatus]", added="4.0.0", section=R
)
add_filter_status_v2 = endpoint(
    "add_filter_status_v2", "POST", "/api/v2/filters/{filter_id}/statuses", ID("status_id"),
    returns="FilterStatus", added="4.0.0", section=W,
)
filter_status_v2 = endpoint(
    "filter_status_v2", "GET", "/api/v2/filters/statuses/{filter_status_id}", returns="FilterStatus", added="4.0.0", section=R
)
delete_filter_status_v2 = endpoint(
    "delete_filter_status_v2", "DELETE", "/api/v2/filters/statuses/{filter_status_id}", returns="None", added="4.0.0", section=W
)
