"""Search, filters, reports, markers, emoji, apps, preferences and announcements."""

from .model import FLAG, ID, IDS, LIST, Param, endpoint

search_v1 = endpoint("search_v1", "GET", "/api/v1/search", "q", "resolve", returns="Search", added="1.1.0", changed="2.1.0", section="Reading data: Searching")
search_v2 = endpoint(
    "search_v2", "GET", "/api/v2/search", "q", "resolve",
    Param("result_type", wire="type", added="2.8.0"), ID("account_id", added="2.8.0"), Param("offset", added="2.8.0"),
    ID("min_id", added="2.8.0"), ID("max_id", added="2.8.0"), Param("exclude_unreviewed", added="3.0.0"),
    Param("limit", added="2.8.0"),
    returns="SearchV2", added="2.4.1", changed="2.8.0", section="Reading data: Searching",
)

FR = "Reading data: Keyword filters"
FW = "Writing data: Keyword filters"
filters = endpoint("filters", "GET", "/api/v1/filters", returns="[Filter]", added="2.4.3", section=FR)
filter = endpoint("filter", "GET", "/api/v1/filters/{id}", returns="Filter", added="2.4.3", section=FR)  # noqa: A001
filter_create = endpoint(
    "filter_create", "POST", "/api/v1/filters", "phrase", LIST("context"), "irreversible", "whole_word", "expires_in",
    returns="Filter", added="2.4.3", section=FW,
)
filter_update = endpoint(
    "filter_update", "PUT", "/api/v1/filters/{id}", "phrase", LIST("context"), "irreversible", "whole_word", "expires_in",
    returns="Filter", added="2.4.3", section=FW,
)
filter_delete = endpoint("filter_delete", "DELETE", "/api/v1/filters/{id}", returns="None", added="2.4.3", section=FW)

reports = endpoint("reports", "GET", "/api/v1/reports", returns="[Report]", added="1.1.0", section="Reading data: Reports")
report = endpoint(
    "report", "POST", "/api/v1/reports", ID("account_id"), IDS("status_ids"), "comment", FLAG("forward"),
    Param("category", added="3.5.0"), IDS("rule_ids", added="3.5.0"), LIST("forward_to_domains"), IDS("collection_ids", added="4.6.0"),
    returns="Report", added="1.1.0", changed="2.5.0", section="Writing data: Reports",
)

markers_get = endpoint("markers_get", "GET", "/api/v1/markers", LIST("timeline"), returns="{Marker}", added="3.0.0", section="Writing data: Last-read markers")
markers_set = endpoint("markers_set", "POST", "/api/v1/markers", returns="{Marker}", added="3.0.0", body="json", section="Writing data: Last-read markers")

custom_emojis = endpoint("custom_emojis", "GET", "/api/v1/custom_emojis", returns="[CustomEmoji]", added="2.1.0", section="Reading data: Emoji")
app_verify_credentials = endpoint(
    "app_verify_credentials", "GET", "/api/v1/apps/verify_credentials", returns="Application", added="2.0.0", changed="2.7.2", section="Reading data: Apps"
)
preferences = endpoint("preferences", "GET", "/api/v1/preferences", returns="Preferences", added="2.8.0", section="Reading data: Preferences")

AR = "Reading data: Announcements"
AW = "Writing data: Announcements"
announcements = endpoint("announcements", "GET", "/api/v1/announcements", returns="[Announcement]", added="3.1.0", section=AR)
announcement_dismiss = endpoint("announcement_dismiss", "POST", "/api/v1/announcements/{id}/dismiss", returns="None", added="3.1.0", section=AW)
announcement_reaction_create = endpoint(
    "announcement_reaction_create", "PUT", "/api/v1/announcements/{id}/reactions/{reaction}", returns="None", added="3.1.0", section=AW
)
announcement_reaction_delete = endpoint(
    "announcement_reaction_delete", "DELETE", "/api/v1/announcements/{id}/reactions/{reaction}", returns="None", added="3.1.0", section=AW
)

stream_healthy = endpoint("stream_healthy", "GET", "/api/v1/streaming/health", returns="bool", added="2.5.0", section="Streaming")
