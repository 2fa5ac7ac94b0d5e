package fr.capemploi.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings every service shares; each has a safe default so a service only states what differs. */
@ConfigMapping(prefix = "cepcpf")
public interface PlatformConfig {

    /** Name of the service, used as the event source and as the prefix of its projections' consumer names. */
    String serviceName();

    Kafka kafka();

    Outbox outbox();

    Consumer consumer();

    Retention retention();

    Http http();

    RateLimit rateLimit();

    Registry registry();

    Directory directory();

    /**
     * The local directory each service keeps of what beneficiary-service announces ({@code platform.directory}).
     * Across topics nothing is ordered: a front end posts work right after creating the person or the counsellor,
     * before {@code beneficiary.events} reached this service, so a request naming an id not known yet waits for it.
     */
    interface Directory {
        /** How long a request waits for the announcement of the record it names (env DIRECTORY_ARRIVAL_TIMEOUT). */
        @WithDefault("5s")
        Duration arrivalTimeout();

        /** How often the local copy is looked at while waiting. */
        @WithDefault("100ms")
        Duration arrivalPoll();

        /**
         * How long a counsellor or beneficiary found in the caller's structure is taken as known without looking again
         * (env DIRECTORY_REMEMBER_FOR; 0s: look every time). A change this instance applies is seen at its commit; one
         * applied by another instance of the service (it consumed that partition) within this time.
         */
        @WithDefault("30s")
        Duration rememberFor();
    }

    /** beneficiary-service as the other services call it (URL and timeouts: quarkus.rest-client.beneficiary-service). */
    interface Registry {
        /** Retry-After of a 503 when it is needed and not answering: it is usually back within seconds. */
        @WithDefault("5s")
        Duration retryAfter();
    }

    /**
     * Per-caller limits, counted in fixed windows in each service instance (audit finding: nothing limited a caller).
     * Over a limit the answer is 429 problem+json with Retry-After.
     */
    interface RateLimit {
        /** Off in tests of the services, whose authorization matrices send many refused tokens on purpose. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("1m")
        Duration window();

        /**
         * Failed authentications (401) per client address and window; beyond, every request from that address is
         * 429 until the window ends (env RATE_LIMIT_FAILED_AUTHENTICATIONS).
         */
        @WithDefault("30")
        int failedAuthentications();

        /** Requests per partner (token subject) and window (env RATE_LIMIT_PARTNER_REQUESTS). */
        @WithDefault("3000")
        int partnerRequests();
    }

    interface Http {
        /** Longest request URI accepted; a longer one is a 414 problem (env HTTP_MAX_URI_LENGTH). */
        @WithDefault("8192")
        int maxUriLength();
    }

    interface Kafka {
        /** Prefix added to every logical topic name; lets test runs share one broker without sharing records. */
        Optional<String> topicPrefix();

        /** How long a readiness probe waits for the broker. */
        @WithDefault("3s")
        Duration healthTimeout();
    }

    interface Outbox {
        @WithDefault("true")
        boolean relayEnabled();

        @WithDefault("500")
        int batchSize();

        /** Idle poll period; new rows also wake the relay as soon as their transaction commits. */
        @WithDefault("200ms")
        Duration pollInterval();

        /**
         * Under a steady flow of commits, the least time between two rounds that published something: the commits of
         * that window go out in one fetch, one send and one update instead of one round each. A relay idle before a
         * commit publishes it at once ({@code 0ms}: a round per wake-up).
         */
        @WithDefault("10ms")
        Duration gather();

        /**
         * The producers' {@code compression.type} (relay and dead letters): what the topics store, since they keep the
         * producer's compression, and what the relay, the broker and every consumer spend CPU on per batch.
         */
        @WithDefault("lz4")
        String compression();

        @WithDefault("200ms")
        Duration minBackoff();

        @WithDefault("30s")
        Duration maxBackoff();
    }

    /**
     * How long bookkeeping rows are kept before {@code fr.capemploi.platform.retention.Retention} prunes them. Each
     * window must outlast what it protects against.
     */
    interface Retention {
        @WithDefault("true")
        boolean enabled();

        /** Period of the pruning runs (read by the scheduler from {@code cepcpf.retention.interval}). */
        @WithDefault("5m")
        Duration interval();

        /** Delay of the first run after start-up ({@code cepcpf.retention.first-run-after}). */
        @WithDefault("1m")
        Duration firstRunAfter();

        /**
         * Published outbox rows: kept only to investigate ("was it sent, when?"); the topics keep every event forever.
         */
        @WithDefault("7d")
        Duration outboxPublished();

        /**
         * The processed-event log: it recognises an event published twice (a relay that died between the broker's
         * acknowledgement and marking the row sent sends it again within seconds, or after the service restarts).
         * Redeliveries of the same offset are already passed over by the positions; 30 days outlasts any restart.
         */
        @WithDefault("30d")
        Duration processedEvents();

        /** Stored answers of Idempotency-Key requests: a client may retry the same request within this window. */
        @WithDefault("7d")
        Duration idempotentAnswers();

        /** Rows per DELETE: short transactions that never hold many row locks nor block writers. */
        @WithDefault("1000")
        int batchSize();

        /** Batches per table and run at most, so a backlog is worked off over several runs. */
        @WithDefault("100")
        int maxBatchesPerRun();
    }

    interface Consumer {
        /** Records per polled batch of a projection channel (the connector's max.poll.records). */
        @WithDefault("500")
        int maxPollRecords();

        @WithDefault("200ms")
        Duration minBackoff();

        @WithDefault("30s")
        Duration maxBackoff();
    }
}
