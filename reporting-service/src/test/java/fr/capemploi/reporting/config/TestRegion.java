package fr.capemploi.reporting.config;

import java.util.HashMap;
import java.util.Map;

/**
 * The regions of the test data, each owned by one test class. The classes of one Quarkus application share its
 * database and topics, and region figures count every structure of the region: a class that wrote into another's
 * region would change that class's figures, or not, depending on which ran first (README, "Test data"). A class
 * publishes structures only in its own regions (or reads structures it made, by their random ids); national figures
 * are read before and after, never as absolute counts.
 */
public enum TestRegion {

    POISON_EVENT("24"),
    AS_OF_CORRECTIONS("75"),
    CNEFOP_COMPARISON("94"),
    CONCURRENT_FOLD("06"),
    DASHBOARD("46"),
    DASHBOARD_BROWSER("52"),
    DASHBOARD_QUERIES_TRACING("32"),
    DASHBOARD_QUERIES_SILENT("44"),
    DASHBOARD_QUERIES_LATEST_FACT("45"),
    DECIDED_EDGE_CASES("95"),
    DECIDED_EDGE_CASES_ROUNDING("93"),
    INDICATOR_CATALOGUE("27"),
    INDICATOR_RESOURCE_PARIS("11"),
    INDICATOR_RESOURCE_LYON("84"),
    INDICATOR_RESOURCE_AS_OF("53"),
    REPORT_RESOURCE("28"),
    GENERATIONS_OF_ANOTHER_INSTANCE("12"),
    ONE_STATE_PER_ANSWER("13"),
    PROJECTION_REBUILD("26"),
    PROJECTION_REBUILD_SECOND("29"),
    STALE_GENERATIONS("14");

    /** The INSEE-like code the events carry and {@code scopeId} names. */
    public final String code;

    TestRegion(String code) {
        this.code = code;
    }

    static {
        Map<String, TestRegion> owners = new HashMap<>();
        for (TestRegion region : values()) {
            TestRegion owner = owners.putIfAbsent(region.code, region);
            if (owner != null) {
                throw new IllegalStateException("Region " + region.code + " owned twice: " + owner + ", " + region);
            }
        }
    }
}
