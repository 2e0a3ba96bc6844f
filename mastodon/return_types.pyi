# Rendered from mastodon/entity_schema.py by mastodon/entity_stub.py
# (python -m mastodon.entity_stub > mastodon/return_types.pyi). Do not edit by hand.
from datetime import datetime
from typing import Any, TypeAlias, Union

from .entities import AttribAccessDict as AttribAccessDict
from .entities import AttribAccessList as AttribAccessList
from .types_base import EmptyResponse as EmptyResponse
from .types_base import Entity as Entity
from .types_base import MaybeSnowflakeIdType as MaybeSnowflakeIdType
from .types_base import NonPaginatableList as NonPaginatableList
from .types_base import PaginatableList as PaginatableList
from .types_base import PaginationInfo as PaginationInfo

EntityList: TypeAlias = AttribAccessList
IdType: TypeAlias = Union[int, str, dict[str, Any], datetime]  # noqa: UP007
PaginationId: TypeAlias = Union[int, str, dict[str, Any], datetime, None]  # noqa: UP007


class Account(Entity):
    id: int | str
    username: str
    acct: str
    url: str | None
    uri: str
    display_name: str
    note: str
    avatar: str
    avatar_static: str
    avatar_description: str
    header: str
    header_static: str
    header_description: str
    locked: bool
    fields: list[AccountField]
    emojis: list[CustomEmoji]
    bot: bool
    group: bool
    discoverable: bool | None
    indexable: bool
    noindex: bool | None
    moved: Account | None
    memorial: bool
    suspended: bool
    limited: bool
    created_at: datetime
    last_status_at: datetime | None
    statuses_count: int
    followers_count: int
    following_count: int
    hide_collections: bool | None
    show_media: bool
    show_media_replies: bool
    show_featured: bool
    roles: list[Role]
    feature_approval: FeatureApproval
    source: CredentialAccountSource
    role: Role
    mute_expires_at: datetime | None

class AccountCreationError(Entity):
    error: str
    details: AccountCreationErrorDetails

class AccountCreationErrorDetails(Entity):
    username: list[AccountCreationErrorDetailsField]
    password: list[AccountCreationErrorDetailsField]
    email: list[AccountCreationErrorDetailsField]
    agreement: list[AccountCreationErrorDetailsField]
    locale: list[AccountCreationErrorDetailsField]
    reason: list[AccountCreationErrorDetailsField]
    date_of_birth: list[AccountCreationErrorDetailsField]

class AccountCreationErrorDetailsField(Entity):
    error: str
    description: str

class AccountField(Entity):
    name: str
    value: str
    verified_at: datetime | None

class AccountWarning(Entity):
    id: int | str
    action: str
    text: str
    status_ids: list[str] | None
    target_account: Account
    appeal: Appeal | None
    created_at: datetime

class Activity(Entity):
    week: datetime
    statuses: int
    logins: int
    registrations: int

class AdminAccount(Entity):
    id: int | str
    username: str
    domain: str | None
    created_at: datetime
    email: str
    ip: str | None
    ips: list[AdminIp]
    locale: str
    invite_request: str | None
    role: Role
    confirmed: bool
    approved: bool
    disabled: bool
    sensitized: bool
    silenced: bool
    suspended: bool
    account: Account
    created_by_application_id: int | str
    invited_by_account_id: int | str

class AdminCanonicalEmailBlock(Entity):
    id: int | str
    canonical_email_hash: str

class AdminCohort(Entity):
    date: datetime
    rate: float
    value: int

class AdminDimension(Entity):
    key: str
    data: list[AdminDimensionData]

class AdminDimensionData(Entity):
    key: str
    human_key: str
    value: str
    unit: str
    human_value: str

class AdminDomainAllow(Entity):
    id: int | str
    domain: str
    created_at: datetime

class AdminDomainBlock(Entity):
    id: int | str
    domain: str
    digest: str
    created_at: datetime
    severity: str
    reject_media: bool
    reject_reports: bool
    private_comment: str | None
    public_comment: str | None
    obfuscate: bool

class AdminEmailDomainBlock(Entity):
    id: int | str
    domain: str
    created_at: datetime
    history: list[AdminEmailDomainBlockHistory]

class AdminEmailDomainBlockHistory(Entity):
    day: datetime
    accounts: int
    uses: int

class AdminIp(Entity):
    ip: str
    used_at: datetime

class AdminIpBlock(Entity):
    id: int | str
    ip: str
    severity: str
    comment: str
    created_at: datetime
    expires_at: datetime | None

class AdminMeasure(Entity):
    key: str
    unit: str | None
    total: str
    human_value: str
    previous_total: str
    data: list[AdminMeasureData]

class AdminMeasureData(Entity):
    date: datetime
    value: str

class AdminReport(Entity):
    id: int | str
    action_taken: bool
    action_taken_at: datetime | None
    category: str
    comment: str
    forwarded: bool
    created_at: datetime
    updated_at: datetime
    account: AdminAccount
    target_account: AdminAccount
    assigned_account: AdminAccount | None
    action_taken_by_account: AdminAccount | None
    statuses: list[Status]
    rules: list[Rule]

class AdminRetention(Entity):
    period: datetime
    frequency: str
    data: list[AdminCohort]

class Announcement(Entity):
    id: int | str
    content: str
    starts_at: datetime | None
    ends_at: datetime | None
    all_day: bool
    published_at: datetime
    updated_at: datetime
    read: bool
    mentions: list[StatusMention]
    statuses: list[AttribAccessDict]
    tags: list[Tag]
    emojis: list[CustomEmoji]
    reactions: list[Reaction]

class AnnualReport(Entity):
    year: int
    data: AnnualReportDataV2
    schema_version: int
    share_url: str | None
    account_id: int | str

class AnnualReportAccountAndCount(Entity):
    account_id: int | str
    count: int

class AnnualReportDataV1(Entity):
    archetype: str
    type_distribution: AnnualReportTypeDistribution
    top_statuses: AnnualReportTopStatusesV1
    most_used_apps: list[AnnualReportNameAndCount]
    commonly_interacted_with_accounts: list[AnnualReportAccountAndCount]
    time_series: list[AnnualReportTimeSeriesEntryV1]
    top_hashtags: list[AnnualReportNameAndCount]
    most_reblogged_accounts: list[AnnualReportAccountAndCount]
    percentiles: AnnualReportPercentiles

class AnnualReportDataV2(Entity):
    archetype: str
    top_statuses: AnnualReportTopStatusesV2
    time_series: list[AnnualReportTimeSeriesEntryV2]
    top_hashtags: list[AnnualReportNameAndCount]

class AnnualReportEvent(Entity):
    year: int
    state: str

class AnnualReportNameAndCount(Entity):
    name: str
    count: int

class AnnualReportPercentiles(Entity):
    followers: float
    statuses: float

class AnnualReportState(Entity):
    state: str

class AnnualReportTimeSeriesEntryV1(Entity):
    month: int
    statuses: int
    followers: int
    following: int

class AnnualReportTimeSeriesEntryV2(Entity):
    month: int
    statuses: int
    followers: int

class AnnualReportTopStatusesV1(Entity):
    by_reblogs: int | str | None
    by_favourites: int | str | None
    by_replies: int | str | None

class AnnualReportTopStatusesV2(Entity):
    by_reblogs: int | str | None

class AnnualReportTypeDistribution(Entity):
    total: int
    reblogs: int
    replies: int
    standalone: int

class Appeal(Entity):
    text: str
    state: str

class Application(Entity):
    id: int | str
    name: str
    website: str | None
    scopes: list[str]
    redirect_uris: list[str]
    redirect_uri: str
    vapid_key: str
    client_id: str
    client_secret: str
    client_secret_expires_at: int

class AsyncRefresh(Entity):
    id: str
    status: str
    result_count: int | None

class Collection(Entity):
    id: int | str
    account_id: int | str
    uri: str
    url: str | None
    name: str
    description: str
    language: str | None
    local: bool
    sensitive: bool
    discoverable: bool
    tag: ShallowTag | None
    created_at: datetime
    updated_at: datetime
    item_count: int

class CollectionItem(Entity):
    id: int | str
    account_id: int | str | None
    state: str
    created_at: datetime

class CollectionWithAccounts(Entity):
    accounts: list[Account]
    collection: Collection

class Collections(Entity):
    collections: list[Collection]

class Context(Entity):
    ancestors: list[Status]
    descendants: list[Status]

class Conversation(Entity):
    id: int | str
    unread: bool
    accounts: list[Account]
    last_status: Status | None

class CredentialAccountSource(Entity):
    note: str
    fields: list[AccountField]
    privacy: str
    sensitive: bool
    language: str
    follow_requests_count: int
    hide_collections: bool | None
    discoverable: bool | None
    indexable: bool
    attribution_domains: list[str]
    quote_policy: str

class CredentialAccountState(Entity):
    state: str

class CustomEmoji(Entity):
    shortcode: str
    url: str
    static_url: str
    visible_in_picker: bool
    category: str | None

class DomainBlock(Entity):
    domain: str
    digest: str
    severity: str
    comment: str

class ExtendedDescription(Entity):
    updated_at: datetime
    content: str

class FamiliarFollowers(Entity):
    id: int | str
    accounts: list[Account]

class FeatureApproval(Entity):
    automatic: list[str]
    manual: list[str]
    current_user: str

class FeaturedTag(Entity):
    id: int | str
    name: str
    url: str
    statuses_count: int
    last_status_at: datetime | None

class Filter(Entity):
    id: int | str
    phrase: str
    context: list[str]
    expires_at: datetime | None
    irreversible: bool
    whole_word: bool

class FilterKeyword(Entity):
    id: int | str
    keyword: str
    whole_word: bool

class FilterResult(Entity):
    filter: FilterV2
    keyword_matches: list[str] | None
    status_matches: list[str] | None

class FilterStatus(Entity):
    id: int | str
    status_id: int | str

class FilterV2(Entity):
    id: int | str
    title: str
    context: list[str]
    expires_at: datetime | None
    filter_action: str
    keywords: list[FilterKeyword]
    statuses: list[FilterStatus]

class GroupedNotificationsResults(Entity):
    accounts: list[Account]
    partial_accounts: list[PartialAccountWithAvatar]
    statuses: list[Status]
    notification_groups: list[NotificationGroup]

class IdentityProof(Entity):
    provider: str
    provider_username: str
    updated_at: datetime
    proof_url: str
    profile_url: str

class Instance(Entity):
    uri: str
    title: str
    short_description: str
    description: str
    email: str
    version: str
    urls: InstanceURLs
    stats: InstanceStatistics
    thumbnail: str | None
    languages: list[str]
    registrations: bool
    approval_required: bool
    invites_enabled: bool
    configuration: InstanceConfiguration
    contact_account: Account | None
    rules: list[Rule]

class InstanceAccountConfiguration(Entity):
    max_display_name_length: int
    max_note_length: int
    max_avatar_description_length: int
    max_header_description_length: int
    max_featured_tags: int
    max_pinned_statuses: int
    max_profile_fields: int
    profile_field_name_limit: int
    profile_field_value_limit: int

class InstanceConfiguration(Entity):
    accounts: InstanceAccountConfiguration
    statuses: InstanceStatusConfiguration
    media_attachments: InstanceMediaConfiguration
    polls: InstancePollConfiguration

class InstanceConfigurationV2(Entity):
    urls: InstanceURLsV2
    vapid: InstanceVapidKey
    accounts: InstanceAccountConfiguration
    statuses: InstanceStatusConfiguration
    media_attachments: InstanceMediaConfiguration
    polls: InstancePollConfiguration
    translation: InstanceTranslationConfiguration
    timelines_access: InstanceTimelinesAccessConfiguration
    limited_federation: bool

class InstanceContact(Entity):
    email: str
    account: Account | None

class InstanceIcon(Entity):
    src: str
    size: str

class InstanceMediaConfiguration(Entity):
    supported_mime_types: list[str]
    description_limit: int
    image_size_limit: int
    image_matrix_limit: int
    video_size_limit: int
    video_frame_rate_limit: int
    video_matrix_limit: int

class InstancePollConfiguration(Entity):
    max_options: int
    max_characters_per_option: int
    min_expiration: int
    max_expiration: int

class InstanceRegistrations(Entity):
    enabled: bool
    approval_required: bool
    message: str | None
    min_age: int | None
    reason_required: bool | None
    url: str | None

class InstanceStatistics(Entity):
    user_count: int
    status_count: int
    domain_count: int

class InstanceStatusConfiguration(Entity):
    max_characters: int
    max_media_attachments: int
    characters_reserved_per_url: int

class InstanceThumbnail(Entity):
    url: str
    description: str
    blurhash: str
    versions: InstanceThumbnailVersions

class InstanceThumbnailVersions(Entity):
    ...

class InstanceTimelinesAccessConfiguration(Entity):
    live_feeds: InstanceTimelinesAccessFeedConfiguration
    hashtag_feeds: InstanceTimelinesAccessFeedConfiguration
    trending_link_feeds: InstanceTimelinesAccessFeedConfiguration

class InstanceTimelinesAccessFeedConfiguration(Entity):
    local: str
    remote: str

class InstanceTranslationConfiguration(Entity):
    enabled: bool

class InstanceURLs(Entity):
    streaming_api: str

class InstanceURLsV2(Entity):
    streaming: str
    status: str | None
    about: str
    privacy_policy: str | None
    terms_of_service: str | None

class InstanceUsage(Entity):
    users: InstanceUsageUsers

class InstanceUsageUsers(Entity):
    active_month: int

class InstanceV2(Entity):
    domain: str
    title: str
    version: str
    source_url: str
    description: str
    wrapstodon: str | None
    usage: InstanceUsage
    thumbnail: InstanceThumbnail
    icon: list[InstanceIcon]
    languages: list[str]
    configuration: InstanceConfigurationV2
    registrations: InstanceRegistrations
    api_versions: AttribAccessDict
    contact: InstanceContact
    rules: list[Rule]

class InstanceVapidKey(Entity):
    public_key: str

class Marker(Entity):
    last_read_id: int | str
    version: int
    updated_at: datetime

class MediaAttachment(Entity):
    id: int | str
    type: str
    url: str | None
    preview_url: str | None
    remote_url: str | None
    meta: MediaAttachmentMetadataContainer | None
    description: str | None
    blurhash: str | None
    text_url: str

class MediaAttachmentAudioMetadata(Entity):
    duration: float
    bitrate: int

class MediaAttachmentColors(Entity):
    foreground: str
    background: str
    accent: str

class MediaAttachmentFocusPoint(Entity):
    x: float
    y: float

class MediaAttachmentImageMetadata(Entity):
    width: int
    height: int
    size: str
    aspect: float

class MediaAttachmentMetadataContainer(Entity):
    original: AttribAccessDict
    small: AttribAccessDict
    focus: MediaAttachmentFocusPoint
    colors: MediaAttachmentColors
    length: str
    duration: float
    fps: int
    size: str
    width: int
    height: int
    aspect: float
    audio_encode: str
    audio_bitrate: str
    audio_channels: str

class MediaAttachmentVideoMetadata(Entity):
    width: int
    height: int
    frame_rate: str
    duration: float
    bitrate: int
    size: str
    aspect: float

class Nodeinfo(Entity):
    version: str
    software: NodeinfoSoftware
    protocols: list[str]
    services: NodeinfoServices
    usage: NodeinfoUsage
    openRegistrations: bool  # noqa: N815
    metadata: NodeinfoMetadata

class NodeinfoMetadata(Entity):
    ...

class NodeinfoServices(Entity):
    outbound: list[str]
    inbound: list[str]

class NodeinfoSoftware(Entity):
    name: str
    version: str
    repository: str
    homepage: str

class NodeinfoUsage(Entity):
    users: NodeinfoUsageUsers
    localPosts: int  # noqa: N815

class NodeinfoUsageUsers(Entity):
    total: int
    activeMonth: int  # noqa: N815
    activeHalfyear: int  # noqa: N815

class Notification(Entity):
    id: int | str
    type: str
    group_key: str
    created_at: datetime
    account: Account
    status: Status | None
    report: Report | None
    event: RelationshipSeveranceEvent | None
    moderation_warning: AccountWarning | None
    fallback: NotificationFallback | None
    collection: Collection | None

class NotificationFallback(Entity):
    title: str
    summary: str | None
    details: str | None

class NotificationGroup(Entity):
    group_key: str
    notifications_count: int
    type: str
    most_recent_notification_id: int | str
    page_min_id: int | str
    page_max_id: int | str
    latest_page_notification_at: datetime
    sample_account_ids: list[str]
    status_id: int | str | None
    report: Report | None
    event: RelationshipSeveranceEvent | None
    moderation_warning: AccountWarning | None
    fallback: NotificationFallback | None

class NotificationPolicy(Entity):
    for_not_following: str
    for_not_followers: str
    for_new_accounts: str
    for_private_mentions: str
    for_limited_accounts: str
    filter_not_following: bool
    filter_not_followers: bool
    filter_new_accounts: bool
    filter_private_mentions: bool
    summary: NotificationPolicySummary

class NotificationPolicySummary(Entity):
    pending_requests_count: int
    pending_notifications_count: int

class NotificationRequest(Entity):
    id: int | str
    created_at: datetime
    updated_at: datetime
    account: Account
    notifications_count: int
    last_status: Status | None

class OAuthServerInfo(Entity):
    issuer: str
    service_documentation: str
    authorization_endpoint: str
    token_endpoint: str
    app_registration_endpoint: str
    revocation_endpoint: str
    userinfo_endpoint: str
    scopes_supported: list[str]
    response_types_supported: list[str]
    response_modes_supported: list[str]
    code_challenge_methods_supported: list[str]
    grant_types_supported: list[str]
    token_endpoint_auth_methods_supported: list[str]

class OAuthUserInfo(Entity):
    iss: str
    sub: str
    name: str
    preferred_username: str
    profile: str
    picture: str

class PartialAccountWithAvatar(Entity):
    id: int | str
    acct: str
    url: str
    avatar: str
    avatar_static: str
    avatar_description: str
    locked: bool
    bot: bool

class Poll(Entity):
    id: int | str
    expires_at: datetime | None
    expired: bool
    multiple: bool
    votes_count: int
    voters_count: int | None
    options: list[PollOption]
    emojis: list[CustomEmoji]
    voted: bool
    own_votes: list[int]

class PollOption(Entity):
    title: str
    votes_count: int | None

class Preferences(Entity):
    ...

class PreviewCard(Entity):
    url: str
    title: str
    description: str
    type: str
    authors: list[PreviewCardAuthor]
    author_name: str
    author_url: str
    provider_name: str
    provider_url: str
    html: str
    width: int
    height: int
    image: str | None
    image_description: str
    embed_url: str
    blurhash: str | None
    published_at: datetime | None
    history: list[TrendingLinkHistory]

class PreviewCardAuthor(Entity):
    name: str
    url: str
    account: Account | None

class Profile(Entity):
    id: int | str
    display_name: str
    note: str
    fields: list[ProfileField]
    avatar: str | None
    avatar_static: str | None
    avatar_description: str
    header: str | None
    header_static: str | None
    header_description: str
    locked: bool
    bot: bool
    hide_collections: bool | None
    discoverable: bool | None
    indexable: bool
    show_media: bool
    show_media_replies: bool
    show_featured: bool
    attribution_domains: list[str]

class ProfileField(Entity):
    name: str
    value: str
    verified_at: datetime | None

class PushNotification(Entity):
    access_token: str
    preferred_locale: str
    notification_id: int | str
    notification_type: str
    icon: str
    title: str
    body: str

class Quote(Entity):
    state: str
    quoted_status: Status | None

class QuoteApproval(Entity):
    automatic: list[str]
    manual: list[str]
    current_user: str

class Reaction(Entity):
    name: str
    count: int
    me: bool
    url: str
    static_url: str

class Relationship(Entity):
    id: int | str
    following: bool
    showing_reblogs: bool
    notifying: bool
    languages: list[str] | None
    followed_by: bool
    blocking: bool
    blocked_by: bool
    muting: bool
    muting_notifications: bool
    muting_expires_at: datetime | None
    requested: bool
    requested_by: bool
    domain_blocking: bool
    endorsed: bool
    note: str

class RelationshipSeveranceEvent(Entity):
    id: int | str
    type: str
    purged: bool
    target_name: str
    followers_count: int
    following_count: int
    created_at: datetime

class Report(Entity):
    id: int | str
    action_taken: bool
    action_taken_at: datetime | None
    category: str
    comment: str
    forwarded: bool
    created_at: datetime
    status_ids: list[str] | None
    collection_ids: list[str] | None
    rule_ids: list[str] | None
    target_account: Account

class Role(Entity):
    id: int | str
    name: str
    color: str
    permissions: str
    highlighted: bool
    collection_limit: int

class Rule(Entity):
    id: int | str
    text: str
    hint: str
    translations: dict[str, RuleTranslation]

class RuleTranslation(Entity):
    text: str
    hint: str

class ScheduledStatus(Entity):
    id: int | str
    scheduled_at: datetime
    params: ScheduledStatusParams
    media_attachments: list[MediaAttachment]

class ScheduledStatusParams(Entity):
    text: str
    poll: AttribAccessDict | None
    media_ids: list[str] | None
    sensitive: bool | None
    spoiler_text: str | None
    visibility: str
    in_reply_to_id: int | str | None
    language: str | None
    application_id: int
    scheduled_at: datetime | None
    idempotency: str | None
    with_rate_limit: bool

class Search(Entity):
    accounts: list[Account]
    statuses: list[Status]
    hashtags: list[str]

class SearchV2(Entity):
    accounts: list[Account]
    statuses: list[Status]
    hashtags: list[Tag]

class ShallowQuote(Entity):
    state: str
    quoted_status_id: int | str | None

class ShallowTag(Entity):
    name: str
    url: str

class Status(Entity):
    id: int | str
    uri: str
    created_at: datetime
    account: Account
    content: str
    visibility: str
    sensitive: bool
    spoiler_text: str
    media_attachments: list[MediaAttachment]
    application: Application | None
    mentions: list[StatusMention]
    tags: list[Tag]
    emojis: list[CustomEmoji]
    reblogs_count: int
    favourites_count: int
    quotes_count: int
    replies_count: int
    url: str | None
    in_reply_to_id: int | str | None
    in_reply_to_account_id: int | str | None
    reblog: Status | None
    poll: Poll | None
    card: PreviewCard | None
    language: str | None
    text: str | None
    edited_at: datetime | None
    quote: Quote | None
    quote_approval: QuoteApproval
    favourited: bool
    reblogged: bool
    muted: bool
    bookmarked: bool
    pinned: bool
    filtered: list[FilterResult]
    tagged_collections: list[Collection]

class StatusEdit(Entity):
    content: str
    spoiler_text: str
    sensitive: bool
    created_at: datetime
    account: Account
    poll: AttribAccessDict | None
    media_attachments: list[MediaAttachment]
    emojis: list[CustomEmoji]
    quote: Quote | None

class StatusMention(Entity):
    id: int | str
    username: str
    url: str
    acct: str

class StatusSource(Entity):
    id: int | str
    text: str
    spoiler_text: str

class StreamReaction(Entity):
    name: str
    count: int
    announcement_id: int | str

class Suggestion(Entity):
    source: str
    sources: list[str]
    account: Account

class SupportedLocale(Entity):
    code: str
    name: str

class Tag(Entity):
    id: int | str
    name: str
    url: str
    history: list[TagHistory]
    following: bool
    featuring: bool
    trendable: bool
    usable: bool
    requires_review: bool

class TagHistory(Entity):
    day: datetime
    uses: int
    accounts: int

class TermsOfService(Entity):
    effective_date: datetime
    effective: bool
    content: str
    succeeded_by: datetime | None

class Translation(Entity):
    content: str
    spoiler_text: str
    language: str
    poll: AttribAccessDict | None
    media_attachments: list[AttribAccessDict]
    detected_source_language: str
    provider: str

class TrendingLinkHistory(Entity):
    day: datetime
    accounts: int
    uses: int

class UnreadNotificationsCount(Entity):
    count: int

class UserList(Entity):
    id: int | str
    title: str
    replies_policy: str
    exclusive: bool

class WebPushSubscription(Entity):
    id: int | str
    endpoint: str
    standard: bool
    server_key: str
    alerts: WebPushSubscriptionAlerts

class WebPushSubscriptionAlerts(Entity):
    mention: bool
    status: bool
    reblog: bool
    follow: bool
    follow_request: bool
    favourite: bool
    poll: bool
    quote: bool
    quoted_update: bool

class WrappedAnnualReports(Entity):
    annual_reports: list[AnnualReport]
    accounts: list[Account]
    statuses: list[Status]

class WrappedCollection(Entity):
    collection: Collection

class WrappedCollectionItem(Entity):
    collection_item: CollectionItem

AnnouncementReaction: TypeAlias = StreamReaction
Card: TypeAlias = PreviewCard
Emoji: TypeAlias = CustomEmoji
EmojiReaction: TypeAlias = Reaction
List: TypeAlias = UserList
PushSubscription: TypeAlias = WebPushSubscription
