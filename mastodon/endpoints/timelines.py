"""Timeline endpoints."""

from .model import FLAG, PAGINATION, Param, endpoint

S = "Reading data: Timelines"
_FILTERS = (FLAG("only_media"), FLAG("local"), FLAG("remote"))
_KW = dict(returns="[Status]", added="1.0.0", changed="3.1.4", section=S)

timeline_home = endpoint("timeline_home", "GET", "/api/v1/timelines/home", *PAGINATION, *_FILTERS, **_KW)
timeline_public = endpoint("timeline_public", "GET", "/api/v1/timelines/public", *PAGINATION, *_FILTERS, **_KW)
timeline_hashtag = endpoint("timeline_hashtag", "GET", "/api/v1/timelines/tag/{hashtag}", *PAGINATION, *_FILTERS, **_KW)
timeline_list = endpoint(
    "timeline_list", "GET", "/api/v1/timelines/list/{id}", *PAGINATION, *_FILTERS,
    **{**_KW, "added": "2.1.0"},  # type: ignore[arg-type]
)
timeline_link = endpoint(
    "timeline_link", "GET", "/api/v1/timelines/link", Param("url"), *PAGINATION, *_FILTERS,
    **{**_KW, "added": "4.3.0", "changed": None},  # type: ignore[arg-type]
)
conversations = endpoint(
    "conversations", "GET", "/api/v1/conversations", *PAGINATION,
    returns="[Conversation]", added="2.6.0", section=S,
)
