namespace BalkanBot.Storage;

/// <summary>
/// The shared schema, one numbered step at a time; each runs once, recorded in schema_version. Steps only add
/// (tables, columns with defaults, indexes), so instances of the previous release keep working during an upgrade.
/// </summary>
public static class PostgresMigrations
{
    public static readonly IReadOnlyList<(int Version, string Sql)> All =
    [
        (1, """
            CREATE TABLE feedback(id bigserial PRIMARY KEY, channel text NOT NULL, conversation_id text NOT NULL, user_id text,
                question text NOT NULL, rating text NOT NULL, comment text, at timestamptz NOT NULL);
            CREATE TABLE store_health(id integer PRIMARY KEY, checked_at timestamptz NOT NULL);
            CREATE TABLE conversation_references(channel text NOT NULL, conversation_id text NOT NULL, service_url text,
                tenant_id text, bot_id text, channel_id text, conversation_type text, updated_at timestamptz NOT NULL,
                PRIMARY KEY(channel, conversation_id));
            CREATE TABLE subscriptions(id bigserial PRIMARY KEY, channel text NOT NULL, conversation_id text NOT NULL,
                schedule text NOT NULL, filter text NOT NULL DEFAULT '', filter_label text, created_by text,
                created_at timestamptz NOT NULL, next_due timestamptz NOT NULL, active boolean NOT NULL DEFAULT true,
                deactivated_at timestamptz, deactivated_reason text);
            CREATE UNIQUE INDEX subscriptions_one_active ON subscriptions(channel, conversation_id, schedule, filter) WHERE active;
            CREATE INDEX subscriptions_due ON subscriptions(next_due) WHERE active;
            CREATE TABLE deliveries(id bigserial PRIMARY KEY, subscription_id bigint NOT NULL REFERENCES subscriptions(id),
                period timestamptz NOT NULL, since timestamptz NOT NULL, status text NOT NULL, attempts integer NOT NULL DEFAULT 0,
                next_attempt_at timestamptz NOT NULL, lease_until timestamptz, external_id text, error text,
                in_flight boolean NOT NULL DEFAULT false, created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL,
                UNIQUE(subscription_id, period));
            CREATE INDEX deliveries_status ON deliveries(status, next_attempt_at);
            CREATE TABLE record_hashes(id text PRIMARY KEY, kind text NOT NULL, name text NOT NULL, hash text NOT NULL,
                value text, previous_hash text, previous_value text, first_seen timestamptz NOT NULL,
                last_changed timestamptz NOT NULL, removed_at timestamptz);
            CREATE INDEX record_hashes_changed ON record_hashes(last_changed);
            CREATE TABLE record_values(id text NOT NULL, at timestamptz NOT NULL, hash text NOT NULL, value text, PRIMARY KEY(id, at));
            """),
        // What one instance used to keep in memory: a follow-up or a Slack retry may land on another one.
        (2, """
            CREATE TABLE conversations(channel text NOT NULL, conversation_id text NOT NULL, state jsonb NOT NULL,
                updated_at timestamptz NOT NULL, PRIMARY KEY(channel, conversation_id));
            CREATE INDEX conversations_updated ON conversations(updated_at);
            CREATE TABLE slack_events(event_id text PRIMARY KEY, claimed_at timestamptz NOT NULL);
            CREATE INDEX slack_events_claimed ON slack_events(claimed_at);
            """),
        // Which answer a rating was about: its intent and the records it cited.
        (3, """
            ALTER TABLE feedback ADD COLUMN intent text, ADD COLUMN record_ids text[] NOT NULL DEFAULT '{}';
            """),
    ];

    public static int Latest => All[^1].Version;
}
