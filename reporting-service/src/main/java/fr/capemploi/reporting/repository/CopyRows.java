package fr.capemploi.reporting.repository;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

/**
 * The rows of one table in COPY's binary form, encoded as they are queued (on the thread that applies the events),
 * sent by {@link ProjectionSql#copy} in the batch's transaction. The server takes each value as it lies (a uuid's 16
 * bytes, a day's number, an instant's microseconds) where the bound statements — and COPY's text format, measured
 * against it (bench/JOURNAL.md, "A rebuild's append-only rows by COPY") — have it parse every uuid, date and instant
 * from text. A value's binary form follows its Java type, so each must be the column's: {@link UUID} a uuid,
 * {@link LocalDate} a date, {@link Instant} a timestamptz, {@link Integer} an integer, {@link Boolean} a boolean, a
 * {@link String} or an enum (by name) a text; a mismatch fails the COPY, and with it the batch.
 */
public final class CopyRows {

    /** Days and microseconds from PostgreSQL's epoch, 2000-01-01 (UTC), to Java's, 1970-01-01. */
    private static final long EPOCH_DAYS = 10_957;
    private static final long EPOCH_SECONDS = EPOCH_DAYS * 86_400;
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
            0, 0, 0, 0, 0, 0, 0, 0};

    private final String sql;
    private final int width;
    private final Bytes out = new Bytes();
    private boolean ended;

    /** @param target the table and its columns, e.g. {@code reporting_g3.interview (event_id, held_on)} */
    public CopyRows(String target) {
        this.sql = "COPY " + target + " FROM STDIN (FORMAT binary)";
        this.width = columns(target);
        out.write(HEADER, 0, HEADER.length);
    }

    /** Adds a row: one value per column of the target, in its order (null: SQL's null). */
    public void add(Object... values) {
        if (ended) {
            throw new IllegalStateException(sql + ": its data was ended");
        }
        if (values.length != width) {
            throw new IllegalArgumentException(sql + " takes " + width + " values, not " + values.length);
        }
        out.int16(values.length);
        for (Object value : values) {
            binary(value);
        }
    }

    /** The COPY statement and its data, ended (with the format's end mark); no row can be added after. */
    public ProjectionSql.Copy copy() {
        if (!ended) {
            out.int16(-1);
        }
        ended = true;
        return new ProjectionSql.Copy(sql, out.buffer(), out.size());
    }

    private void binary(Object value) {
        if (value == null) {
            out.int32(-1);
        } else if (value instanceof UUID uuid) {
            out.int32(16);
            out.int64(uuid.getMostSignificantBits());
            out.int64(uuid.getLeastSignificantBits());
        } else if (value instanceof Instant instant) {
            out.int32(8);
            out.int64(microseconds(instant));
        } else if (value instanceof LocalDate day) {
            out.int32(4);
            out.int32(Math.toIntExact(day.toEpochDay() - EPOCH_DAYS));
        } else if (value instanceof Integer number) {
            out.int32(4);
            out.int32(number);
        } else if (value instanceof Boolean flag) {
            out.int32(1);
            out.write(flag ? 1 : 0);
        } else if (value instanceof String || value instanceof Enum<?>) {
            byte[] text = (value instanceof Enum<?> e ? e.name() : (String) value).getBytes(StandardCharsets.UTF_8);
            out.int32(text.length);
            out.write(text, 0, text.length);
        } else {
            throw new IllegalArgumentException("no binary COPY form for a " + value.getClass().getName());
        }
    }

    /**
     * An instant's microseconds from PostgreSQL's epoch, a rest of nanoseconds rounded half up as the driver rounded
     * it for the bound statements (the envelopes' instants are whole microseconds anyway: {@code EventCodec}).
     */
    static long microseconds(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond() - EPOCH_SECONDS, 1_000_000L),
                (instant.getNano() + 500) / 1_000);
    }

    /** The number of columns a target names: {@code table (a, b, c)}. */
    private static int columns(String target) {
        int open = target.indexOf('(');
        if (open < 0 || !target.endsWith(")")) {
            throw new IllegalArgumentException("a COPY target names its columns: " + target);
        }
        return target.substring(open + 1, target.length() - 1).split(",").length;
    }

    /**
     * A growing byte array read in place, with big-endian integers (a {@code ByteArrayOutputStream} takes a lock at
     * each byte).
     */
    private static final class Bytes {

        private byte[] buffer = new byte[4096];
        private int size;

        byte[] buffer() {
            return buffer;
        }

        int size() {
            return size;
        }

        void write(int b) {
            if (size == buffer.length) {
                buffer = Arrays.copyOf(buffer, size * 2);
            }
            buffer[size++] = (byte) b;
        }

        void write(byte[] bytes, int offset, int length) {
            if (size + length > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(size * 2, size + length));
            }
            System.arraycopy(bytes, offset, buffer, size, length);
            size += length;
        }

        void int16(int value) {
            write(value >>> 8);
            write(value);
        }

        void int32(int value) {
            int16(value >>> 16);
            int16(value);
        }

        void int64(long value) {
            int32((int) (value >>> 32));
            int32((int) value);
        }
    }
}
