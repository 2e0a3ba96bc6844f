"""Collections: curated, shareable lists of accounts (Mastodon 4.6).

The reference writes the two per-account routes as ``/api/v1/:account_id/collections``;
like every other per-account route they live under ``/api/v1/accounts/``.
"""

from .model import ID, IDS, Param, endpoint

R = "Reading data: Collections"
W = "Writing data: Collections"
_ADDED = "4.6.0"
# Booleans go as JSON true/false (the bodies are JSON), not as the form's "1"/"0".
_FIELDS = ("name", "description", "language", "tag_name", Param("sensitive", "json"), Param("discoverable", "json"))

collection = endpoint(
    "collection", "GET", "/api/v1/collections/{id}", returns="CollectionWithAccounts", added=_ADDED, section=R,
)
account_collections = endpoint(
    "account_collections", "GET", "/api/v1/accounts/{id}/collections", "limit", "offset",
    returns="Collections", added=_ADDED, section=R,
)
account_in_collections = endpoint(
    "account_in_collections", "GET", "/api/v1/accounts/{id}/in_collections", "limit", "offset",
    returns="Collections", added=_ADDED, section=R,
)
collection_create = endpoint(
    "collection_create", "POST", "/api/v1/collections", *_FIELDS, IDS("account_ids"),
    returns="WrappedCollection", added=_ADDED, body="json", section=W,
)
collection_update = endpoint(
    "collection_update", "PATCH", "/api/v1/collections/{id}", *_FIELDS,
    returns="WrappedCollection", added=_ADDED, body="json", section=W,
)
collection_delete = endpoint(
    "collection_delete", "DELETE", "/api/v1/collections/{id}", returns="EmptyResponse", added=_ADDED, section=W,
)
collection_item_add = endpoint(
    "collection_item_add", "POST", "/api/v1/collections/{id}/items", ID("account_id"),
    returns="WrappedCollectionItem", added=_ADDED, body="json", section=W,
)
collection_item_delete = endpoint(
    "collection_item_delete", "DELETE", "/api/v1/collections/{collection_id}/items/{item_id}",
    returns="EmptyResponse", added=_ADDED, section=W,
)
collection_item_revoke = endpoint(
    "collection_item_revoke", "POST", "/api/v1/collections/{collection_id}/items/{item_id}/revoke",
    returns="EmptyResponse", added=_ADDED, section=W,
)
