"""The declared shape of every entity the API returns, as data.

One line per entity class of :mod:`mastodon.return_types`: its fields as
``name:type`` tokens, written from Mastodon's entity documentation
(``content/en/entities/``) and the method pages that define the smaller objects. A type is

- ``str``, ``int``, ``float``, ``bool``, ``datetime``, ``id`` (an id: an ``int`` when the
  backend converts ids, else a ``str``), ``dict``, ``list`` or ``any``;
- another entity's name (``Account``): that field holds an instance of it;
- ``[Name]``: a list of them; ``{Name}``: a dict whose values are them;
- with a trailing ``?`` when the field may be ``null``.

The strings are parsed only when a class is first used (see :mod:`mastodon.entity_types`);
``mastodon/return_types.pyi`` is rendered from the same table for type checkers.
Fields a server adds beyond these (a Pleroma ``pleroma`` block, Fedibird's ``quote``)
stay in the decoded dicts; declared fields are not required to be present.
"""

from __future__ import annotations

ENTITIES: dict[str, str] = {
    # -- accounts ---------------------------------------------------------------------------
    "Account": (
        "id:id username:str acct:str url:str? uri:str display_name:str note:str avatar:str avatar_static:str "
        "avatar_description:str header:str header_static:str header_description:str locked:bool "
        "fields:[AccountField] emojis:[CustomEmoji] bot:bool group:bool discoverable:bool? indexable:bool "
        "noindex:bool? moved:Account? memorial:bool suspended:bool limited:bool created_at:datetime "
        "last_status_at:datetime? statuses_count:int followers_count:int following_count:int "
        "hide_collections:bool? show_media:bool show_media_replies:bool show_featured:bool roles:[Role] "
        "feature_approval:FeatureApproval source:CredentialAccountSource role:Role mute_expires_at:datetime?"
    ),
    "AccountField": "name:str value:str verified_at:datetime?",
    "CredentialAccountSource": (
        "note:str fields:[AccountField] privacy:str sensitive:bool language:str follow_requests_count:int "
        "hide_collections:bool? discoverable:bool? indexable:bool attribution_domains:[str] quote_policy:str"
    ),
    "CredentialAccountState": "state:str",
    "PartialAccountWithAvatar": "id:id acct:str url:str avatar:str avatar_static:str avatar_description:str locked:bool bot:bool",
    "AccountCreationError": "error:str details:AccountCreationErrorDetails",
    "AccountCreationErrorDetails": (
        "username:[AccountCreationErrorDetailsField] password:[AccountCreationErrorDetailsField] "
        "email:[AccountCreationErrorDetailsField] agreement:[AccountCreationErrorDetailsField] "
        "locale:[AccountCreationErrorDetailsField] reason:[AccountCreationErrorDetailsField] "
        "date_of_birth:[AccountCreationErrorDetailsField]"
    ),
    "AccountCreationErrorDetailsField": "error:str description:str",
    "AccountWarning": "id:id action:str text:str status_ids:[str]? target_account:Account appeal:Appeal? created_at:datetime",
    "Appeal": "text:str state:str",
    "FamiliarFollowers": "id:id accounts:[Account]",
    "FeatureApproval": "automatic:[str] manual:[str] current_user:str",
    "Relationship": (
        "id:id following:bool showing_reblogs:bool notifying:bool languages:[str]? followed_by:bool blocking:bool "
        "blocked_by:bool muting:bool muting_notifications:bool muting_expires_at:datetime? requested:bool "
        "requested_by:bool domain_blocking:bool endorsed:bool note:str"
    ),
    "RelationshipSeveranceEvent": "id:id type:str purged:bool target_name:str followers_count:int following_count:int created_at:datetime",
    "Role": "id:id name:str color:str permissions:str highlighted:bool collection_limit:int",
    "Profile": (
        "id:id display_name:str note:str fields:[ProfileField] avatar:str? avatar_static:str? avatar_description:str "
        "header:str? header_static:str? header_description:str locked:bool bot:bool hide_collections:bool? "
        "discoverable:bool? indexable:bool show_media:bool show_media_replies:bool show_featured:bool "
        "attribution_domains:[str]"
    ),
    "ProfileField": "name:str value:str verified_at:datetime?",
    "Suggestion": "source:str sources:[str] account:Account",
    "IdentityProof": "provider:str provider_username:str updated_at:datetime proof_url:str profile_url:str",
    # -- statuses ---------------------------------------------------------------------------
    "Status": (
        "id:id uri:str created_at:datetime account:Account content:str visibility:str sensitive:bool "
        "spoiler_text:str media_attachments:[MediaAttachment] application:Application? mentions:[StatusMention] "
        "tags:[Tag] emojis:[CustomEmoji] reblogs_count:int favourites_count:int quotes_count:int replies_count:int "
        "url:str? in_reply_to_id:id? in_reply_to_account_id:id? reblog:Status? poll:Poll? card:PreviewCard? "
        "language:str? text:str? edited_at:datetime? quote:Quote? quote_approval:QuoteApproval favourited:bool "
        "reblogged:bool muted:bool bookmarked:bool pinned:bool filtered:[FilterResult] tagged_collections:[Collection]"
    ),
    "StatusMention": "id:id username:str url:str acct:str",
    "StatusEdit": (
        "content:str spoiler_text:str sensitive:bool created_at:datetime account:Account poll:dict? "
        "media_attachments:[MediaAttachment] emojis:[CustomEmoji] quote:Quote?"
    ),
    "StatusSource": "id:id text:str spoiler_text:str",
    "Context": "ancestors:[Status] descendants:[Status]",
    "Quote": "state:str quoted_status:Status?",
    "ShallowQuote": "state:str quoted_status_id:id?",
    "QuoteApproval": "automatic:[str] manual:[str] current_user:str",
    "Poll": (
        "id:id expires_at:datetime? expired:bool multiple:bool votes_count:int voters_count:int? "
        "options:[PollOption] emojis:[CustomEmoji] voted:bool own_votes:[int]"
    ),
    "PollOption": "title:str votes_count:int?",
    "PreviewCard": (
        "url:str title:str description:str type:str authors:[PreviewCardAuthor] author_name:str author_url:str "
        "provider_name:str provider_url:str html:str width:int height:int image:str? image_description:str "
        "embed_url:str blurhash:str? published_at:datetime? history:[TrendingLinkHistory]"
    ),
    "PreviewCardAuthor": "name:str url:str account:Account?",
    "TrendingLinkHistory": "day:datetime accounts:int uses:int",
    "ScheduledStatus": "id:id scheduled_at:datetime params:ScheduledStatusParams media_attachments:[MediaAttachment]",
    "ScheduledStatusParams": (
        "text:str poll:dict? media_ids:[str]? sensitive:bool? spoiler_text:str? visibility:str in_reply_to_id:id? "
        "language:str? application_id:int scheduled_at:datetime? idempotency:str? with_rate_limit:bool"
    ),
    "Translation": (
        "content:str spoiler_text:str language:str poll:dict? media_attachments:[dict] "
        "detected_source_language:str provider:str"
    ),
    "MediaAttachment": (
        "id:id type:str url:str? preview_url:str? remote_url:str? meta:MediaAttachmentMetadataContainer? "
        "description:str? blurhash:str? text_url:str"
    ),
    # ``original``/``small`` are image, video or audio metadata depending on the media type:
    # declared as containers of the common fields (``dict``) rather than guessed.
    "MediaAttachmentMetadataContainer": (
        "original:dict small:dict focus:MediaAttachmentFocusPoint colors:MediaAttachmentColors length:str "
        "duration:float fps:int size:str width:int height:int aspect:float audio_encode:str audio_bitrate:str "
        "audio_channels:str"
    ),
    "MediaAttachmentImageMetadata": "width:int height:int size:str aspect:float",
    "MediaAttachmentVideoMetadata": (
        "width:int height:int frame_rate:str duration:float bitrate:int size:str aspect:float"
    ),
    "MediaAttachmentAudioMetadata": "duration:float bitrate:int",
    "MediaAttachmentFocusPoint": "x:float y:float",
    "MediaAttachmentColors": "foreground:str background:str accent:str",
    "CustomEmoji": "shortcode:str url:str static_url:str visible_in_picker:bool category:str?",
    "Tag": "id:id name:str url:str history:[TagHistory] following:bool featuring:bool trendable:bool usable:bool requires_review:bool",
    "ShallowTag": "name:str url:str",
    "TagHistory": "day:datetime uses:int accounts:int",
    "FeaturedTag": "id:id name:str url:str statuses_count:int last_status_at:datetime?",
    "Application": (
        "id:id name:str website:str? scopes:[str] redirect_uris:[str] redirect_uri:str vapid_key:str "
        "client_id:str client_secret:str client_secret_expires_at:int"
    ),
    "Conversation": "id:id unread:bool accounts:[Account] last_status:Status?",
    # -- notifications ----------------------------------------------------------------------
    "Notification": (
        "id:id type:str group_key:str created_at:datetime account:Account status:Status? report:Report? "
        "event:RelationshipSeveranceEvent? moderation_warning:AccountWarning? fallback:NotificationFallback? "
        "collection:Collection?"
    ),
    "NotificationFallback": "title:str summary:str? details:str?",
    "NotificationGroup": (
        "group_key:str notifications_count:int type:str most_recent_notification_id:id page_min_id:id "
        "page_max_id:id latest_page_notification_at:datetime sample_account_ids:[str] status_id:id? "
        "report:Report? event:RelationshipSeveranceEvent? moderation_warning:AccountWarning? "
        "fallback:NotificationFallback?"
    ),
    "GroupedNotificationsResults": (
        "accounts:[Account] partial_accounts:[PartialAccountWithAvatar] statuses:[Status] "
        "notification_groups:[NotificationGroup]"
    ),
    "NotificationPolicy": (
        "for_not_following:str for_not_followers:str for_new_accounts:str for_private_mentions:str "
        "for_limited_accounts:str filter_not_following:bool filter_not_followers:bool filter_new_accounts:bool "
        "filter_private_mentions:bool summary:NotificationPolicySummary"
    ),
    "NotificationPolicySummary": "pending_requests_count:int pending_notifications_count:int",
    "NotificationRequest": (
        "id:id created_at:datetime updated_at:datetime account:Account notifications_count:int last_status:Status?"
    ),
    "UnreadNotificationsCount": "count:int",
    "PushNotification": (
        "access_token:str preferred_locale:str notification_id:id notification_type:str icon:str title:str body:str"
    ),
    "WebPushSubscription": "id:id endpoint:str standard:bool server_key:str alerts:WebPushSubscriptionAlerts",
    "WebPushSubscriptionAlerts": (
        "mention:bool status:bool reblog:bool follow:bool follow_request:bool favourite:bool poll:bool update:bool "
        "quote:bool quoted_update:bool"
    ),
    "Marker": "last_read_id:id version:int updated_at:datetime",
    # -- filters ----------------------------------------------------------------------------
    "Filter": "id:id phrase:str context:[str] expires_at:datetime? irreversible:bool whole_word:bool",
    "FilterV2": (
        "id:id title:str context:[str] expires_at:datetime? filter_action:str keywords:[FilterKeyword] "
        "statuses:[FilterStatus]"
    ),
    "FilterKeyword": "id:id keyword:str whole_word:bool",
    "FilterStatus": "id:id status_id:id",
    "FilterResult": "filter:FilterV2 keyword_matches:[str]? status_matches:[str]?",
    # -- lists, search, reports, misc -------------------------------------------------------
    "UserList": "id:id title:str replies_policy:str exclusive:bool",
    "Search": "accounts:[Account] statuses:[Status] hashtags:[str]",
    "SearchV2": "accounts:[Account] statuses:[Status] hashtags:[Tag]",
    "Report": (
        "id:id action_taken:bool action_taken_at:datetime? category:str comment:str forwarded:bool "
        "created_at:datetime status_ids:[str]? collection_ids:[str]? rule_ids:[str]? target_account:Account"
    ),
    "Preferences": "",  # keys such as "posting:default:visibility" are not attribute names
    "DomainBlock": "domain:str digest:str severity:str comment:str",
    "Announcement": (
        "id:id content:str starts_at:datetime? ends_at:datetime? all_day:bool published_at:datetime "
        "updated_at:datetime read:bool mentions:[StatusMention] statuses:[dict] tags:[Tag] emojis:[CustomEmoji] "
        "reactions:[Reaction]"
    ),
    "Reaction": "name:str count:int me:bool url:str static_url:str",
    "StreamReaction": "name:str count:int announcement_id:id",
    "Activity": "week:datetime statuses:int logins:int registrations:int",
    "AsyncRefresh": "id:str status:str result_count:int?",
    "TermsOfService": "effective_date:datetime effective:bool content:str succeeded_by:datetime?",
    "ExtendedDescription": "updated_at:datetime content:str",
    "SupportedLocale": "code:str name:str",
    "OAuthServerInfo": (
        "issuer:str service_documentation:str authorization_endpoint:str token_endpoint:str "
        "app_registration_endpoint:str revocation_endpoint:str userinfo_endpoint:str scopes_supported:[str] "
        "response_types_supported:[str] response_modes_supported:[str] code_challenge_methods_supported:[str] "
        "grant_types_supported:[str] token_endpoint_auth_methods_supported:[str]"
    ),
    "OAuthUserInfo": "iss:str sub:str name:str preferred_username:str profile:str picture:str",
    # -- collections ------------------------------------------------------------------------
    "Collection": (
        "id:id account_id:id uri:str url:str? name:str description:str language:str? local:bool sensitive:bool "
        "discoverable:bool tag:ShallowTag? created_at:datetime updated_at:datetime item_count:int "
        "items:[CollectionItem]"
    ),
    "CollectionItem": "id:id account_id:id? state:str created_at:datetime",
    "CollectionWithAccounts": "accounts:[Account] collection:Collection",
    "Collections": "collections:[Collection]",
    "WrappedCollection": "collection:Collection",
    "WrappedCollectionItem": "collection_item:CollectionItem",
    # -- annual reports ---------------------------------------------------------------------
    "AnnualReport": "year:int data:AnnualReportDataV2 schema_version:int share_url:str? account_id:id",
    "AnnualReportDataV1": (
        "archetype:str type_distribution:AnnualReportTypeDistribution top_statuses:AnnualReportTopStatusesV1 "
        "most_used_apps:[AnnualReportNameAndCount] commonly_interacted_with_accounts:[AnnualReportAccountAndCount] "
        "time_series:[AnnualReportTimeSeriesEntryV1] top_hashtags:[AnnualReportNameAndCount] "
        "most_reblogged_accounts:[AnnualReportAccountAndCount] percentiles:AnnualReportPercentiles"
    ),
    "AnnualReportDataV2": (
        "archetype:str top_statuses:AnnualReportTopStatusesV2 time_series:[AnnualReportTimeSeriesEntryV2] "
        "top_hashtags:[AnnualReportNameAndCount]"
    ),
    "AnnualReportTypeDistribution": "total:int reblogs:int replies:int standalone:int",
    "AnnualReportTopStatusesV1": "by_reblogs:id? by_favourites:id? by_replies:id?",
    "AnnualReportTopStatusesV2": "by_reblogs:id?",
    "AnnualReportNameAndCount": "name:str count:int",
    "AnnualReportAccountAndCount": "account_id:id count:int",
    "AnnualReportTimeSeriesEntryV1": "month:int statuses:int followers:int following:int",
    "AnnualReportTimeSeriesEntryV2": "month:int statuses:int followers:int",
    "AnnualReportPercentiles": "followers:float statuses:float",
    "AnnualReportState": "state:str",
    "AnnualReportEvent": "year:int state:str",
    "WrappedAnnualReports": "annual_reports:[AnnualReport] accounts:[Account] statuses:[Status]",
    # -- instance ---------------------------------------------------------------------------
    "Instance": (
        "uri:str title:str short_description:str description:str email:str version:str urls:InstanceURLs "
        "stats:InstanceStatistics thumbnail:str? languages:[str] registrations:bool approval_required:bool "
        "invites_enabled:bool configuration:InstanceConfiguration contact_account:Account? rules:[Rule]"
    ),
    "InstanceV2": (
        "domain:str title:str version:str source_url:str description:str wrapstodon:str? usage:InstanceUsage "
        "thumbnail:InstanceThumbnail icon:[InstanceIcon] languages:[str] configuration:InstanceConfigurationV2 "
        "registrations:InstanceRegistrations api_versions:dict contact:InstanceContact rules:[Rule]"
    ),
    "InstanceURLs": "streaming_api:str",
    "InstanceURLsV2": "streaming:str status:str? about:str privacy_policy:str? terms_of_service:str?",
    "InstanceStatistics": "user_count:int status_count:int domain_count:int",
    "InstanceUsage": "users:InstanceUsageUsers",
    "InstanceUsageUsers": "active_month:int",
    "InstanceThumbnail": "url:str description:str blurhash:str versions:InstanceThumbnailVersions",
    "InstanceThumbnailVersions": "",  # keys "@1x" and "@2x" are not attribute names
    "InstanceIcon": "src:str size:str",
    "InstanceContact": "email:str account:Account?",
    "InstanceRegistrations": "enabled:bool approval_required:bool message:str? min_age:int? reason_required:bool? url:str?",
    "InstanceVapidKey": "public_key:str",
    "InstanceConfiguration": (
        "accounts:InstanceAccountConfiguration statuses:InstanceStatusConfiguration "
        "media_attachments:InstanceMediaConfiguration polls:InstancePollConfiguration"
    ),
    "InstanceConfigurationV2": (
        "urls:InstanceURLsV2 vapid:InstanceVapidKey accounts:InstanceAccountConfiguration "
        "statuses:InstanceStatusConfiguration media_attachments:InstanceMediaConfiguration "
        "polls:InstancePollConfiguration translation:InstanceTranslationConfiguration "
        "timelines_access:InstanceTimelinesAccessConfiguration limited_federation:bool"
    ),
    "InstanceAccountConfiguration": (
        "max_display_name_length:int max_note_length:int max_avatar_description_length:int "
        "max_header_description_length:int max_featured_tags:int max_pinned_statuses:int max_profile_fields:int "
        "profile_field_name_limit:int profile_field_value_limit:int"
    ),
    "InstanceStatusConfiguration": "max_characters:int max_media_attachments:int characters_reserved_per_url:int",
    "InstanceMediaConfiguration": (
        "supported_mime_types:[str] description_limit:int image_size_limit:int image_matrix_limit:int "
        "video_size_limit:int video_frame_rate_limit:int video_matrix_limit:int"
    ),
    "InstancePollConfiguration": "max_options:int max_characters_per_option:int min_expiration:int max_expiration:int",
    "InstanceTranslationConfiguration": "enabled:bool",
    "InstanceTimelinesAccessConfiguration": (
        "live_feeds:InstanceTimelinesAccessFeedConfiguration hashtag_feeds:InstanceTimelinesAccessFeedConfiguration "
        "trending_link_feeds:InstanceTimelinesAccessFeedConfiguration"
    ),
    "InstanceTimelinesAccessFeedConfiguration": "local:str remote:str",
    "Rule": "id:id text:str hint:str translations:{RuleTranslation}",
    "RuleTranslation": "text:str hint:str",
    "Nodeinfo": (
        "version:str software:NodeinfoSoftware protocols:[str] services:NodeinfoServices usage:NodeinfoUsage "
        "openRegistrations:bool metadata:NodeinfoMetadata"
    ),
    "NodeinfoSoftware": "name:str version:str repository:str homepage:str",
    "NodeinfoServices": "outbound:[str] inbound:[str]",
    "NodeinfoUsage": "users:NodeinfoUsageUsers localPosts:int",
    "NodeinfoUsageUsers": "total:int activeMonth:int activeHalfyear:int",
    "NodeinfoMetadata": "",  # free-form: whatever the server publishes
    # -- admin ------------------------------------------------------------------------------
    "AdminAccount": (
        "id:id username:str domain:str? created_at:datetime email:str ip:str? ips:[AdminIp] locale:str "
        "invite_request:str? role:Role confirmed:bool approved:bool disabled:bool sensitized:bool silenced:bool "
        "suspended:bool account:Account created_by_application_id:id invited_by_account_id:id"
    ),
    "AdminIp": "ip:str used_at:datetime",
    "AdminReport": (
        "id:id action_taken:bool action_taken_at:datetime? category:str comment:str forwarded:bool "
        "created_at:datetime updated_at:datetime account:AdminAccount target_account:AdminAccount "
        "assigned_account:AdminAccount? action_taken_by_account:AdminAccount? statuses:[Status] rules:[Rule]"
    ),
    "AdminCanonicalEmailBlock": "id:id canonical_email_hash:str",
    "AdminDomainAllow": "id:id domain:str created_at:datetime",
    "AdminDomainBlock": (
        "id:id domain:str digest:str created_at:datetime severity:str reject_media:bool reject_reports:bool "
        "private_comment:str? public_comment:str? obfuscate:bool"
    ),
    "AdminEmailDomainBlock": "id:id domain:str created_at:datetime history:[AdminEmailDomainBlockHistory]",
    "AdminEmailDomainBlockHistory": "day:datetime accounts:int uses:int",
    "AdminIpBlock": "id:id ip:str severity:str comment:str created_at:datetime expires_at:datetime?",
    "AdminMeasure": "key:str unit:str? total:str human_value:str previous_total:str data:[AdminMeasureData]",
    "AdminMeasureData": "date:datetime value:str",
    "AdminDimension": "key:str data:[AdminDimensionData]",
    "AdminDimensionData": "key:str human_key:str value:str unit:str human_value:str",
    "AdminRetention": "period:datetime frequency:str data:[AdminCohort]",
    "AdminCohort": "date:datetime rate:float value:int",
}

#: Names the library's endpoint tables used before the 2.x names, and what they mean now.
ALIASES: dict[str, str] = {
    "Card": "PreviewCard",
    "Emoji": "CustomEmoji",
    "EmojiReaction": "Reaction",
    "PushSubscription": "WebPushSubscription",
    "AnnouncementReaction": "StreamReaction",
    "List": "UserList",
}

#: ``returns`` values that name no entity: the result is left as decoded.
UNTYPED = frozenset({"dict", "None", "bool", "str", "int", "[str]", "stream", "id", "Token", "[dict]", "any"})

#: Result classes of :mod:`mastodon.types_base` that ``returns`` may name beside the entities.
BASE_CLASSES = frozenset({"EmptyResponse"})

__all__ = ["ENTITIES", "ALIASES", "UNTYPED", "BASE_CLASSES"]
