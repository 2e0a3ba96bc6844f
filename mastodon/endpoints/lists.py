"""List endpoints."""

from .model import IDS, PAGINATION, Param, endpoint

R = "Reading data: Lists"
W = "Writing data: Lists"

lists = endpoint("lists", "GET", "/api/v1/lists", returns="[UserList]", added="2.1.0", section=R)
list = endpoint("list", "GET", "/api/v1/lists/{id}", returns="UserList", added="2.1.0", section=R)  # noqa: A001
list_accounts = endpoint(
    "list_accounts", "GET", "/api/v1/lists/{id}/accounts", *PAGINATION,
    returns="[Account]", added="2.1.0", changed="2.6.0", section=R,
)
#: List options newer than lists themselves (3.3.0 and 4.2.0), with the server's defaults.
LIST_OPTIONS = (Param("replies_policy", added="3.3.0"), Param("exclusive", added="4.2.0"))
list_create = endpoint("list_create", "POST", "/api/v1/lists", "title", *LIST_OPTIONS, returns="UserList", added="2.1.0", section=W)
list_update = endpoint("list_update", "PUT", "/api/v1/lists/{id}", "title", *LIST_OPTIONS, returns="UserList", added="2.1.0", section=W)
list_delete = endpoint("list_delete", "DELETE", "/api/v1/lists/{id}", returns="None", added="2.1.0", section=W)
list_accounts_add = endpoint(
    "list_accounts_add", "POST", "/api/v1/lists/{id}/accounts", IDS("account_ids"), returns="None", added="2.1.0", section=W
)
list_accounts_delete = endpoint(
    "list_accounts_delete", "DELETE", "/api/v1/lists/{id}/accounts", IDS("account_ids"), returns="None", added="2.1.0", section=W
)
