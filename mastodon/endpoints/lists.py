"""List endpoints."""

from .model import IDS, PAGINATION, endpoint

R = "Reading data: Lists"
W = "Writing data: Lists"

lists = endpoint("lists", "GET", "/api/v1/lists", returns="[UserList]", added="2.1.0", section=R)
list = endpoint("list", "GET", "/api/v1/lists/{id}", returns="UserList", added="2.1.0", section=R)  # noqa: A001
list_accounts = endpoint(
    "list_accounts", "GET", "/api/v1/lists/{id}/accounts", *PAGINATION,
    returns="[Account]", added="2.1.0", changed="2.6.0", section=R,
)
list_create = endpoint("list_create", "POST", "/api/v1/lists", "title", returns="UserList", added="2.1.0", section=W)
list_update = endpoint("list_update", "PUT", "/api/v1/lists/{id}", "title", returns="UserList", added="2.1.0", section=W)
list_delete = endpoint("list_delete", "DELETE", "/api/v1/lists/{id}", returns="None", added="2.1.0", section=W)
list_accounts_add = endpoint(
    "list_accounts_add", "POST", "/api/v1/lists/{id}/accounts", IDS("account_ids"), returns="None", added="2.1.0", section=W
)
list_accounts_delete = endpoint(
    "list_accounts_delete", "DELETE", "/api/v1/lists/{id}/accounts", IDS("account_ids"), returns="None", added="2.1.0", section=W
)
