package fr.capemploi.cpf.domain.rights;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capemploi.cpf.domain.rights.RuleBook.AccrualRule;
import fr.capemploi.cpf.domain.rights.RuleBook.Category;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The rules file is data a maintainer edits by hand: these checks catch what would silently change a result. */
class RuleBookTest {

    private final RuleBook rules = RuleBook.fromClasspath();

    @Test
    void everyRuleHasAUniqueIdAndASource() {
        List<String> ids = Stream.concat(Stream.concat(rules.accrualRules().stream().map(AccrualRule::id),
                rules.conversions().stream().map(RuleBook.ConversionRule::id)),
                rules.coPayments().stream().map(RuleBook.CoPaymentRule::id)).toList();
        assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).matches("^[A-Z0-9-]+$"));
        rules.accrualRules().forEach(r -> assertThat(r.source()).as(r.id()).isNotBlank());
        rules.conversions().forEach(r -> assertThat(r.source()).as(r.id()).isNotBlank());
        rules.coPayments().forEach(r -> assertThat(r.source()).as(r.id()).isNotBlank());
    }

    @Test
    void noTwoRulesOfOneCategoryCoverTheSameYear() {
        for (Category category : Category.values()) {
            Set<Integer> covered = new HashSet<>();
            for (int year = 2015; year <= 2040; year++) {
                int matching = rules.accrualRulesFor(year, Set.of(category)).size();
                assertThat(matching).as("%s rules for %d", category, year).isLessThanOrEqualTo(1);
                if (matching == 1) {
                    covered.add(year);
                }
            }
            if (category == Category.GENERAL) {
                assertThat(covered).as("every year from 2015 has a general rule").hasSize(26);
            }
        }
    }

    @Test
    void coPaymentPeriodsFollowEachOtherWithoutGapOrOverlap() {
        List<RuleBook.CoPaymentRule> periods = rules.coPayments();
        for (int i = 1; i < periods.size(); i++) {
            assertThat(periods.get(i).from()).isEqualTo(periods.get(i - 1).to().plusDays(1));
        }
        assertThat(rules.coPaymentOn(LocalDate.of(2024, 5, 2))).get().extracting(RuleBook.CoPaymentRule::id)
                .isEqualTo("CPF-PARTICIPATION-2024");
    }
}
