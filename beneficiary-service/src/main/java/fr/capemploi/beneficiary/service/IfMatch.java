package fr.capemploi.beneficiary.service;

import java.util.Optional;
import java.util.Set;

/**
 * The If-Match precondition of a change, reduced to the versions it accepts. Entity tags are the record's version
 * ({@code "7"}); {@code *} accepts any version. A tag this service never issued matches nothing.
 */
public record IfMatch(boolean present, boolean any, Set<Long> versions) {

    public static final IfMatch ABSENT = new IfMatch(false, false, Set.of());

    public static IfMatch parse(String header) {
        if (header == null || header.isBlank()) {
            return ABSENT;
        }
        if (header.trim().equals("*")) {
            return new IfMatch(true, true, Set.of());
        }
        java.util.Set<Long> versions = new java.util.HashSet<>();
        for (String tag : header.split(",")) {
            version(tag.trim()).ifPresent(versions::add);
        }
        return new IfMatch(true, false, Set.copyOf(versions));
    }

    public static String etagOf(long version) {
        return "\"" + version + "\"";
    }

    /** Fails with 428 when the header is missing and {@code required}, with 412 when it names another version. */
    public void check(long currentVersion, boolean required, String resource) {
        if (!present) {
            if (required) {
                throw new PreconditionRequiredException("Send If-Match with the ETag of the " + resource
                        + " you edit, so that a concurrent change is not overwritten");
            }
            return;
        }
        if (!any && !versions.contains(currentVersion)) {
            throw new PreconditionFailedException("The " + resource + " changed since you read it (current ETag "
                    + etagOf(currentVersion) + "); read it again and reapply your change");
        }
    }

    private static Optional<Long> version(String tag) {
        // a weak tag never matches for If-Match (RFC 9110, strong comparison)
        if (tag.length() < 3 || !tag.startsWith("\"") || !tag.endsWith("\"")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(tag.substring(1, tag.length() - 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
