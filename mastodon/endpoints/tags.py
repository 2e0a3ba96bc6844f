"""Hashtag endpoints: looking one up, following it, featuring it on the profile."""

from .model import PAGINATION, endpoint

R = "Reading data: Hashtags"
W = "Writing data: Hashtags"

tag = endpoint("tag", "GET", "/api/v1/tags/{name}", returns="Tag", added="4.0.0", section=R)
followed_tags = endpoint(
    "followed_tags", "GET", "/api/v1/followed_tags", *PAGINATION, returns="[Tag]", added="4.0.0", changed="4.1.0", section=R
)
tag_follow = endpoint("tag_follow", "POST", "/api/v1/tags/{name}/follow", returns="Tag", added="4.0.0", changed="4.1.0", section=W)
tag_unfollow = endpoint("tag_unfollow", "POST", "/api/v1/tags/{name}/unfollow", returns="Tag", added="4.0.0", section=W)
tag_feature = endpoint("tag_feature", "POST", "/api/v1/tags/{name}/feature", returns="Tag", added="4.4.0", section=W)
tag_unfeature = endpoint("tag_unfeature", "POST", "/api/v1/tags/{name}/unfeature", returns="Tag", added="4.4.0", section=W)
