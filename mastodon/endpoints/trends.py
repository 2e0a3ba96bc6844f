"""Trending hashtags, statuses and links."""

from .model import endpoint

R = "Reading data: Trends"

#: The route trending tags had before 3.5.0 (a deprecated alias since).
trends = endpoint("trends", "GET", "/api/v1/trends", "limit", returns="[Tag]", added="3.0.0", section=R)
trending_tags = endpoint("trending_tags", "GET", "/api/v1/trends/tags", "limit", "offset", returns="[Tag]", added="3.5.0", section=R)
trending_statuses = endpoint(
    "trending_statuses", "GET", "/api/v1/trends/statuses", "limit", "offset", returns="[Status]", added="3.5.0", section=R
)
trending_links = endpoint(
    "trending_links", "GET", "/api/v1/trends/links", "limit", "offset", returns="[PreviewCard]", added="3.5.0", section=R
)
