package fr.capemploi.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings every service shares; each has a safe default so a service only states what differs. */
@ConfigMapping(prefix = "cepcpf")
public interface PlatformConfig {

    /** Name of the service, used as the event source and as the consumers' group prefix. */
    String serviceName();

    Kafka kafka();

    Outbox outbox();

    Consumer consumer();

    Http http();

    RateLimit rateLimit();

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

        @WithDefault("200ms")
        Duration minBackoff();

        @WithDefault("30s")
        Duration maxBackoff();
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
