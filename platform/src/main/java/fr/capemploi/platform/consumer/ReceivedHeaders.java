package fr.capemploi.platform.consumer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * A consumed record's headers as the broker sent them, plus what is added and removed after the poll, without reading
 * the received ones' keys until someone reads them. SmallRye's connector adds its consumer-group generation header to
 * every polled record and removes it again when it wraps the record in its message ({@code KafkaRecordHelper}); on
 * Kafka's own headers that removal compares every header's key, which Kafka decodes from UTF-8 on first use: our
 * records carry eight {@code ce_*} headers, and decoding their keys on the event loop was about 5 % of
 * reporting-service's CPU in a rebuild (bench/JOURNAL.md). Here an added header stays apart from the received ones and
 * a removal is noted by its key, applied to the received headers when they are read (a dead letter copies them). The
 * same headers, in the same order, as {@code RecordHeaders} would give after the same calls.
 */
final class ReceivedHeaders implements Headers {

    private final Headers received;
    /** Added after the poll, in order; null until one is. */
    private List<Header> added;
    /** Keys removed after the poll, which the received headers no longer show; null until one is. */
    private List<String> removed;

    ReceivedHeaders(Headers received) {
        this.received = received;
    }

    @Override
    public Headers add(Header header) {
        Objects.requireNonNull(header, "Null header");
        if (added == null) {
            added = new ArrayList<>(2);
        }
        added.add(header);
        return this;
    }

    @Override
    public Headers add(String key, byte[] value) {
        return add(new RecordHeader(key, value));
    }

    @Override
    public Headers remove(String key) {
        Objects.requireNonNull(key, "Null header keys are not permitted");
        if (added != null) {
            added.removeIf(header -> header.key().equals(key));
        }
        if (removed == null) {
            removed = new ArrayList<>(2);
        }
        if (!removed.contains(key)) {
            removed.add(key);
        }
        return this;
    }

    @Override
    public Header lastHeader(String key) {
        Objects.requireNonNull(key, "Null header keys are not permitted");
        if (added != null) {
            for (int i = added.size() - 1; i >= 0; i--) {
                if (added.get(i).key().equals(key)) {
                    return added.get(i);
                }
            }
        }
        return removed != null && removed.contains(key) ? null : received.lastHeader(key);
    }

    @Override
    public Iterable<Header> headers(String key) {
        Objects.requireNonNull(key, "Null header keys are not permitted");
        List<Header> found = new ArrayList<>();
        forEach(header -> {
            if (header.key().equals(key)) {
                found.add(header);
            }
        });
        return found;
    }

    @Override
    public Header[] toArray() {
        return all().toArray(new Header[0]);
    }

    /** Read only: a change goes through {@link #add} and {@link #remove}. */
    @Override
    public Iterator<Header> iterator() {
        return Collections.unmodifiableList(all()).iterator();
    }

    /** The received headers still shown, then the added ones: a copy, so that iterating never sees a change. */
    private List<Header> all() {
        List<Header> all = new ArrayList<>();
        for (Header header : received) {
            if (removed == null || !removed.contains(header.key())) {
                all.add(header);
            }
        }
        if (added != null) {
            all.addAll(added);
        }
        return all;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Headers headers && Arrays.equals(toArray(), headers.toArray());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toArray());
    }

    @Override
    public String toString() {
        return "ReceivedHeaders(headers = " + all() + ")";
    }
}
