"""Instance information endpoints, and the OAuth server's metadata."""

from .model import Param, endpoint

S = "Reading data: Instances"

instance = endpoint("instance", "GET", "/api/v1/instance", returns="Instance", added="1.1.0", changed="2.3.0", section=S)
instance_v2 = endpoint("instance_v2", "GET", "/api/v2/instance", returns="InstanceV2", added="4.0.0", section=S)
instance_activity = endpoint("instance_activity", "GET", "/api/v1/instance/activity", returns="[Activity]", added="2.1.2", section=S)
instance_peers = endpoint("instance_peers", "GET", "/api/v1/instance/peers", returns="[str]", added="2.1.2", section=S)
instance_health = endpoint("instance_health", "GET", "/health", returns="bool", added="3.0.0", section=S)
instance_nodeinfo = endpoint(
    "instance_nodeinfo", "GET", "/.well-known/nodeinfo", Param("schema"), returns="Nodeinfo", added="3.0.0", section=S
)
instance_rules = endpoint("instance_rules", "GET", "/api/v1/instance/rules", returns="[Rule]", added="3.4.0", section=S)
instance_domain_blocks = endpoint(
    "instance_domain_blocks", "GET", "/api/v1/instance/domain_blocks", returns="[DomainBlock]", added="4.0.0", section=S
)
instance_extended_description = endpoint(
    "instance_extended_description", "GET", "/api/v1/instance/extended_description",
    returns="ExtendedDescription", added="4.0.0", section=S,
)
# Served by Mastodon since 4.0.0 (with the v2 instance); the API documentation does not list it.
instance_languages = endpoint("instance_languages", "GET", "/api/v1/instance/languages", returns="[SupportedLocale]", added="4.0.0", section=S)
instance_translation_languages = endpoint(
    "instance_translation_languages", "GET", "/api/v1/instance/translation_languages", returns="dict", added="4.2.0", section=S
)
instance_terms_of_service = endpoint(
    "instance_terms_of_service", "GET", "/api/v1/instance/terms_of_service", returns="TermsOfService", added="4.4.0", section=S
)
instance_terms_of_service_on = endpoint(
    "instance_terms_of_service_on", "GET", "/api/v1/instance/terms_of_service/{date}", returns="TermsOfService", added="4.4.0", section=S
)

OA = "Reading data: OAuth server"
oauth_authorization_server_info = endpoint(
    "oauth_authorization_server_info", "GET", "/.well-known/oauth-authorization-server",
    returns="OAuthServerInfo", added="4.3.0", changed="4.4.0", section=OA,
)
oauth_userinfo = endpoint("oauth_userinfo", "GET", "/oauth/userinfo", returns="OAuthUserInfo", added="4.4.0", section=OA)
