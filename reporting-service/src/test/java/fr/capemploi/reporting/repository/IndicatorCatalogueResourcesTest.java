package fr.capemploi.reporting.repository;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capemploi.reporting.domain.Indicator;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The catalogue's SQL resources as read, before any database: what each indicator declares and how it is put together. */
class IndicatorCatalogueResourcesTest {

    private final IndicatorCatalogue catalogue = IndicatorCatalogue.fromClasspath();

    @Test
    void everyIndicatorHasItsResourceAndEveryDeclaredPartExists() {
        for (Indicator indicator : Indicator.values()) {
            IndicatorCatalogue.Entry entry = catalogue.entry(indicator);
            assertThat(entry).as(indicator.id()).isNotNull();
            assertThat(entry.main()).as(indicator.id()).contains("AS num").contains("contributing");
            entry.breakdown().ifPresent(b -> assertThat(b).as(indicator.id()).contains("num"));
            assertThat(catalogue.closure(entry.needs())).as(indicator.id()).hasSizeGreaterThanOrEqualTo(
                    entry.needs().size());
        }
    }

    @Test
    void sharedSetsComeAfterTheSetsTheyReadAndOnlyThoseDeclaredAreWorkedOut() {
        // informed-about-cep declares the accompanied people, which read the active accompaniments
        assertThat(catalogue.sharedSets(List.of(Indicator.INFORMED_ABOUT_CEP), false))
                .extracting(IndicatorCatalogue.Part::name).containsExactly("active", "accompanied");
        // cep-beneficiaries reads two sets; the levels held read the levels fragment
        assertThat(catalogue.sharedSets(List.of(Indicator.CEP_BENEFICIARIES), false))
                .extracting(IndicatorCatalogue.Part::name).containsExactlyInAnyOrder("held", "l1");
        assertThat(catalogue.closure(List.of("held"))).extracting(IndicatorCatalogue.Part::name)
                .containsSubsequence("levels", "held");
        // as of now, the distinct-people family reads its people per structure and line, nothing else
        assertThat(catalogue.sharedSets(List.of(Indicator.INFORMED_ABOUT_CEP, Indicator.CEP_BENEFICIARIES), true))
                .extracting(IndicatorCatalogue.Part::name).containsExactly("members");
        // declarations only: no set to work out
        assertThat(catalogue.sharedSets(List.of(Indicator.DECLARED_FTE_TOTAL, Indicator.STRUCTURES_REGISTERED), false))
                .isEmpty();
    }

    @Test
    void aPastAsOfReadsThePreAggregatesOnlyThroughSetsDeclaredExactAsOfThen() {
        assertThat(catalogue.part("members").exactAsOf()).isTrue();
        // the distinct-people family reads only `members`: its "as of now" queries answer a past asOf too
        assertThat(catalogue.answersNow(Indicator.CEP_BENEFICIARIES, false, true)).isTrue();
        assertThat(catalogue.sharedSets(List.of(Indicator.CEP_BENEFICIARIES, Indicator.INFORMED_ABOUT_CEP), false,
                true)).extracting(IndicatorCatalogue.Part::name).containsExactly("members");
        // the counts by business date read the fragment `facts`, monthly_fact less the rows recorded after asOf
        assertThat(catalogue.part("facts").exactAsOf()).isTrue();
        assertThat(catalogue.part("facts").shared()).isFalse();
        for (Indicator byDate : List.of(Indicator.ACCOMPANIMENTS_OPENED, Indicator.ACCOMPANIMENTS_CLOSED,
                Indicator.CEP_DECISION_TAKEN, Indicator.ENTRIES_BY_ORIENTATION_SOURCE, Indicator.EXITS_BY_REASON,
                Indicator.FUNDING_DECISIONS, Indicator.PMSMP_PRESCRIBED, Indicator.PMSMP_DONE,
                Indicator.ALTERNANCE_PRESCRIBED, Indicator.ALTERNANCE_DONE, Indicator.TRAININGS_STARTED,
                Indicator.TRAININGS_NOT_IMPLEMENTED, Indicator.STRUCTURES_TRAINING_NOT_IMPLEMENTED)) {
            assertThat(catalogue.answersNow(byDate, false, true)).as(byDate.id()).isTrue();
            assertThat(catalogue.nowMain(byDate, Set.of())).as(byDate.id()).contains("FROM facts")
                    .contains("_contributions(");
        }
        // no set to work out for them: they stay alone, side by side
        assertThat(catalogue.sharedSets(List.of(Indicator.ACCOMPANIMENTS_OPENED), false, true)).isEmpty();
        // the engineered projects (V6), the delays and the referents are as of now only
        assertThat(catalogue.answersNow(Indicator.STRUCTURES_NEW_FINANCIAL_ENGINEERING, false, true)).isFalse();
        assertThat(catalogue.answersNow(Indicator.FUNDING_DELAY_MEDIAN, false, true)).isFalse();
        assertThat(catalogue.answersNow(Indicator.COUNSELLORS_DELIVERING_CEP, false, true)).isFalse();
        // when the past is not ready (asOf within the period, too many late people), the exact path
        assertThat(catalogue.answersNow(Indicator.CEP_BENEFICIARIES, false, false)).isFalse();
        assertThat(catalogue.answersNow(Indicator.ACCOMPANIMENTS_OPENED, true, false)).isTrue();
    }

    @Test
    void aFileBuiltOnATemplateReadsAsTheTemplateWithItsWordsAndItsOwnSections() {
        // actions.sql, built in turn on counted-by-date.sql and counted-facts.sql, with the words of pmsmp-done
        IndicatorCatalogue.Entry done = catalogue.entry(Indicator.PMSMP_DONE);
        assertThat(done.with().orElseThrow()).contains("a.kind = 'PMSMP' AND a.done_at <= :asOf")
                .contains("a.done_on BETWEEN :ps AND :pe").doesNotContain("{kind}").doesNotContain("{date}");
        assertThat(done.main()).contains("count(*) AS n FROM acts GROUP BY structure_id");
        assertThat(done.breakdown().orElseThrow()).contains("SELECT pmsmp_purpose AS key");
        assertThat(done.now().orElseThrow().needs()).containsExactly("facts");
        assertThat(done.now().orElseThrow().with().orElseThrow()).contains("WHERE fact = 'pmsmp-done'");
        assertThat(catalogue.entry(Indicator.ALTERNANCE_PRESCRIBED).with().orElseThrow())
                .contains("a.kind = 'ALTERNANCE' AND a.planned_at <= :asOf");
        // a section the file writes itself replaces the template's; what either declares it reads is read
        IndicatorCatalogue.Entry consent = catalogue.entry(Indicator.CPF_CONSENT_COLLECTED);
        assertThat(consent.needs()).containsExactly("accompanied");
        assertThat(consent.main()).contains("s.step = 'CONSENT'").contains("w.step = 'CONSENT_WITHDRAWN'");
        assertThat(consent.breakdown().orElseThrow()).contains("x.modality AS key");
        assertThat(catalogue.entry(Indicator.CPF_PRESENTED).breakdown()).isEmpty();
        IndicatorCatalogue.Entry notImplemented = catalogue.entry(Indicator.TRAININGS_NOT_IMPLEMENTED);
        assertThat(notImplemented.main()).startsWith("SELECT count(*) AS num");
        assertThat(notImplemented.now().orElseThrow().with().orElseThrow()).contains("fact = 'not-implemented'");
    }

    @Test
    void aPieceWrittenAlikeSeveralTimesIsInsertedFromItsTemplateWithItsWords() {
        // facts.sql: nine branches taking back the rows recorded after asOf, each templates/late-contributions.sql
        String facts = catalogue.part("facts").sql();
        assertThat(facts.split("_contributions\\(r\\) x", -1)).hasSize(10);
        assertThat(facts).doesNotContain("@insert").doesNotContain("{table}").doesNotContain("{facts}")
                .contains("FROM {schema}.action r, {schema}.action_contributions(r) x")
                .contains("AND x.fact LIKE '%-prescribed' AND x.recorded > :asOf")
                // a word may hold commas: the next word starts at a comma before "name="
                .contains("CAST(greatest(r.registered_at, r.profile_recorded_at) AT TIME ZONE 'UTC' AS DATE) - "
                        + "r.entry_date\n              >= CAST(CAST(:asOf AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS DATE)")
                .endsWith("AND v.entry_date BETWEEN :ps AND :pe AND b.structure_id IN (SELECT structure_id FROM "
                        + "scope_structures)\n)");
        // late-people.sql: five of its six branches from templates/late-people-by.sql, the closures written apart
        String late = catalogue.part("late-people").sql();
        assertThat(late).startsWith("late_people AS (\n    SELECT coalesce(r.beneficiary_id, r.contact_id) AS person "
                + "FROM {schema}.level1_contact r\n").contains("AND r.step_on <= :pe\n),")
                .contains("AND a.closed_at > :asOf AND a.closed_on < :ps");
        assertThat(late.split("> :asOf AND r\\.", -1)).hasSize(6);
    }

    @Test
    void aQueryReadsAFilledSetFromItsTableAndWorksOutTheOthersInPlace() {
        String filled = catalogue.main(Indicator.CEP_BENEFICIARIES, Set.of("held", "l1"));
        assertThat(filled).startsWith("WITH scope_structures AS (")
                .contains("held AS NOT MATERIALIZED (SELECT * FROM pg_temp.indicator_held)")
                .contains("l1 AS NOT MATERIALIZED (SELECT * FROM pg_temp.indicator_l1)")
                .doesNotContain("decl AS");
        String alone = catalogue.main(Indicator.CEP_BENEFICIARIES, Set.of());
        assertThat(alone).contains("held AS (").doesNotContain("pg_temp");
        // comments are gone: the named-parameter binding would take a colon in one for a parameter
        assertThat(alone).doesNotContain("--");
    }

    @Test
    void thePreAggregatesServeTheIndicatorsThatCountFactsByTheirDate() {
        assertThat(Arrays.stream(Indicator.values()).filter(i -> catalogue.entry(i).now().isPresent()))
                .contains(Indicator.ACCOMPANIMENTS_OPENED, Indicator.FUNDING_DECISIONS, Indicator.EXITS_BY_REASON,
                        Indicator.CEP_BENEFICIARIES, Indicator.FUNDING_DELAY_MEDIAN, Indicator.CPF_CONSENT_COLLECTED,
                        Indicator.COUNSELLORS_DELIVERING_CEP);
        // the accompaniments themselves only through the late rows' recording lag (fragment `facts`), never those
        // of the whole period
        assertThat(catalogue.nowMain(Indicator.ACCOMPANIMENTS_OPENED, Set.of())).contains("monthly_fact")
                .contains("r.opened_at > :asOf").doesNotContain("a.opened_at <= :asOf")
                .doesNotContain("r.opened_at <= :asOf");
        assertThat(catalogue.nowMain(Indicator.CEP_BENEFICIARIES, Set.of("members")))
                .contains("members AS NOT MATERIALIZED (SELECT * FROM pg_temp.indicator_members)")
                // neither the levels' window nor the sets of the facts (the late people's fragment, which `members`
                // read when it was filled, stays in the text unread: PostgreSQL evaluates no unreferenced WITH query)
                .doesNotContain("\nlevels AS (").doesNotContain("\nheld AS (").doesNotContain("\nl1 AS (");
        assertThat(catalogue.nowMain(Indicator.FUNDING_DELAY_P90, Set.of())).contains("delay_day")
                .doesNotContain("funding_decision");
    }

    @Test
    void theIndicatorsReadingSharedSetsGoInGroupsThatShareNoSet() {
        java.util.Map<Set<String>, List<Indicator>> bySets = new java.util.LinkedHashMap<>();
        for (Indicator indicator : Indicator.values()) {
            Set<String> sets = new java.util.TreeSet<>(catalogue.sharedSets(List.of(indicator), false).stream()
                    .map(IndicatorCatalogue.Part::name).toList());
            if (!sets.isEmpty()) {
                bySets.computeIfAbsent(sets, k -> new java.util.ArrayList<>()).add(indicator);
            }
        }
        List<Indicator> reading = bySets.values().stream().flatMap(List::stream).toList();
        assertThat(reading).contains(Indicator.CEP_BENEFICIARIES, Indicator.INFORMED_ABOUT_CEP,
                Indicator.STRUCTURES_TRACING_LEVEL1).doesNotContain(Indicator.COUNSELLORS_DELIVERING_CEP);
        // the counsellors find their accompaniments and levels through their own index, not through the sets: the
        // people reached and the accompanied are two groups, worked out side by side
        List<List<Indicator>> groups = IndicatorFacts.groups(bySets);
        assertThat(groups).hasSize(2);
        assertThat(groups).anySatisfy(group -> assertThat(group)
                .containsExactlyInAnyOrder(Indicator.CEP_BENEFICIARIES, Indicator.STRUCTURES_TRACING_LEVEL1));
        assertThat(groups).anySatisfy(group -> assertThat(group).contains(Indicator.INFORMED_ABOUT_CEP,
                Indicator.CPF_CONSENT_COLLECTED, Indicator.STRUCTURES_RECORDING_CEP)
                .doesNotContain(Indicator.CEP_BENEFICIARIES));
        // sets apart, groups apart
        assertThat(IndicatorFacts.groups(java.util.Map.of(Set.of("l1"), List.of(Indicator.STRUCTURES_TRACING_LEVEL1),
                Set.of("active"), List.of(Indicator.STRUCTURES_RECORDING_CEP)))).hasSize(2);
        assertThat(IndicatorFacts.groups(java.util.Map.of(Set.of("l1"), List.of(Indicator.STRUCTURES_TRACING_LEVEL1),
                Set.of("held", "l1"), List.of(Indicator.CEP_BENEFICIARIES)))).hasSize(1);
    }
}
