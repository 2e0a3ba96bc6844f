"""Instance information endpoints."""

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
