package fr.capemploi.cep.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.capemploi.events.cep.OperatorDeclarationSubmitted.MutualisedOfferNature;
import fr.capemploi.events.cep.OperatorDeclarationSubmitted.ProfessionalisationAction;
import fr.capemploi.platform.domain.RuleViolation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeclarationRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2017, 5, 31);

    @ParameterizedTest(name = "{0}: {1} to {2}")
    @CsvSource({"2016, 2016-01-01, 2016-12-31", "2016-H1, 2016-01-01, 2016-06-30", "2016-H2, 2016-07-01, 2016-12-31",
            "2017, 2017-01-01, 2017-12-31"})
    void aPeriodIsAYearOrAHalfYear(String code, LocalDate start, LocalDate end) {
        DeclarationPeriod period = DeclarationPeriod.parse(code, TODAY);
        assertThat(period.start()).isEqualTo(start);
        assertThat(period.end()).isEqualTo(end);
        assertThat(period.code()).isEqualTo(code);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2014", "2017-H2", "2018", "2016-H0", "2016-S1", "'2016 '"})
    void otherPeriodsAreRefused(String code) {
        assertThatThrownBy(() -> DeclarationPeriod.parse(code, TODAY)).isInstanceOf(RuleViolation.class)
                .extracting("attribute").isEqualTo("period");
    }

    @Test
    void theSurveyTotalsAreDerivedFromTheDeclaredFigures() {
        DeclaredFigures figures = figures(true, List.of(ProfessionalisationAction.HANDI_FORMATION), null, null);
        assertThat(figures.totalCounsellorFte()).isEqualByComparingTo("638.67");
        assertThat(figures.atLeastOneCepTraining()).isTrue();
        DeclaredFigures none = figures(false, List.of(), new BigDecimal("0"), 0);
        assertThat(none.atLeastOneCepTraining()).isFalse();
        assertThat(figures(false, List.of(), new BigDecimal("2.5"), 1).atLeastOneCepTraining()).isTrue();
    }

    @Test
    void answersMustAgreeWithEachOther() {
        assertThatThrownBy(() -> figures(true, List.of(), null, null)).extracting("attribute")
                .isEqualTo("professionalisation.actions");
        assertThatThrownBy(() -> figures(false, List.of(ProfessionalisationAction.OTHER), null, null))
                .extracting("attribute").isEqualTo("professionalisation.actions");
        assertThatThrownBy(() -> figures(false, List.of(), new BigDecimal("3"), 0)).extracting("attribute")
                .isEqualTo("cepTraining.counsellorsTrained");
        assertThatThrownBy(() -> figures(false, List.of(), BigDecimal.ZERO, 2)).extracting("attribute")
                .isEqualTo("cepTraining.days");
    }

    @Test
    void allVersionsOfADeclarationShareOneId() {
        UUID structure = UUID.randomUUID();
        assertThat(OperatorDeclaration.declarationId(structure, "2016"))
                .isEqualTo(OperatorDeclaration.declarationId(structure, "2016"))
                .isNotEqualTo(OperatorDeclaration.declarationId(structure, "2016-H1"));
    }

    private static DeclaredFigures figures(boolean engaged, List<ProfessionalisationAction> actions, BigDecimal days,
            Integer trained) {
        return new DeclaredFigures(new BigDecimal("28.02"), new BigDecimal("123.40"), new BigDecimal("487.25"),
                new BigDecimal("91.64"), engaged, actions, false, days, trained, true,
                List.of(MutualisedOfferNature.SPRO), null, null, null, null, null, null);
    }
}
