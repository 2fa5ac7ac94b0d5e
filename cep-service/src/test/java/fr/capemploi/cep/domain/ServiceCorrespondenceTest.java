package fr.capemploi.cep.domain;

import static org.assertj.core.api.Assertions.assertThat;

import fr.capemploi.events.cep.DiagnosticRecorded.CapEmploiService;
import fr.capemploi.events.cep.DiagnosticRecorded.WorkAxis;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ServiceCorrespondenceTest {

    @ParameterizedTest(name = "{0} -> {1}, level {2}")
    @CsvSource({
            "PROJECT_ELABORATION, PROJECT_ELABORATION_AND_VALIDATION, 2",
            "TRAINING_PROJECT, TRAINING_PROJECT, 3"})
    void projectElaborationAndTrainingProjectsAreCepLevelsTwoAndThree(WorkAxis axis, CapEmploiService service,
            int level) {
        ServiceCorrespondence correspondence = ServiceCorrespondence.of(axis);
        assertThat(correspondence.cep()).isTrue();
        assertThat(correspondence.cepLevel()).isEqualTo(level);
        assertThat(correspondence.capEmploiService()).isEqualTo(service);
        assertThat(correspondence.workAxis()).isEqualTo(axis);
    }

    @ParameterizedTest(name = "{0} -> {1}, not CEP")
    @CsvSource({
            "DISABILITY_BARRIERS, DISABILITY_BARRIERS_REMOVAL",
            "JOB_SEARCH, JOB_SEARCH_SUPPORT",
            "JOB_RETENTION, JOB_RETENTION"})
    void otherAxesLeadToServicesThatAreNotCep(WorkAxis axis, CapEmploiService service) {
        ServiceCorrespondence correspondence = ServiceCorrespondence.of(axis);
        assertThat(correspondence.cep()).isFalse();
        assertThat(correspondence.cepLevel()).isNull();
        assertThat(correspondence.capEmploiService()).isEqualTo(service);
        assertThat(correspondence.explanation()).contains("not CEP");
    }

    @ParameterizedTest
    @EnumSource(WorkAxis.class)
    void everyAxisIsExplained(WorkAxis axis) {
        assertThat(ServiceCorrespondence.of(axis).explanation()).isNotBlank();
    }

    @Test
    void eachCapEmploiServiceComesFromOneAxis() {
        assertThat(Arrays.stream(WorkAxis.values()).map(a -> ServiceCorrespondence.of(a).capEmploiService()))
                .containsExactlyInAnyOrder(CapEmploiService.values());
    }
}
