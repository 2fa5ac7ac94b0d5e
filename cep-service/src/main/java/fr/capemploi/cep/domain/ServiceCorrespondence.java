package fr.capemploi.cep.domain;

import fr.capemploi.events.cep.DiagnosticRecorded.CapEmploiService;
import fr.capemploi.events.cep.DiagnosticRecorded.WorkAxis;
import java.util.Objects;

/**
 * Which Cap emploi service, and which CEP level if any, a work axis decided at the entry diagnostic leads to. This is
 * the network's correspondence note (seed: "la détermination du CEP se fait au regard de l'axe de travail décidé avec
 * le bénéficiaire suite au diagnostic"):
 * <ul>
 * <li>project elaboration → "élaboration et validation de projet" → CEP level 2;</li>
 * <li>training project → "définition, mise en œuvre et suivi d'un projet de formation" → CEP level 3;</li>
 * <li>disability-related barriers → "levée des freins liés au handicap" → not CEP: carrying on or working on a
 * project is not yet established;</li>
 * <li>job search and job retention → not CEP either: the seed maps only the two services above to CEP levels 2 and 3;
 * placement towards a job the person already targets, and keeping a job (a mission Cap emploi took over in 2018), are
 * Cap emploi services outside the CEP's specification (arrêté du 16 juillet 2014).</li>
 * </ul>
 */
public record ServiceCorrespondence(WorkAxis workAxis, CapEmploiService capEmploiService, Integer cepLevel,
        String explanation) {

    public ServiceCorrespondence {
        Objects.requireNonNull(workAxis, "workAxis");
        Objects.requireNonNull(capEmploiService, "capEmploiService");
    }

    public boolean cep() {
        return cepLevel != null;
    }

    public static ServiceCorrespondence of(WorkAxis axis) {
        return switch (axis) {
            case PROJECT_ELABORATION -> new ServiceCorrespondence(axis,
                    CapEmploiService.PROJECT_ELABORATION_AND_VALIDATION, 2,
                    "Project elaboration leads to the Cap emploi service 'élaboration et validation de projet', "
                            + "which is CEP level 2 (conseil personnalisé)");
            case TRAINING_PROJECT -> new ServiceCorrespondence(axis, CapEmploiService.TRAINING_PROJECT, 3,
                    "A training project leads to the Cap emploi service 'définition, mise en œuvre et suivi d'un "
                            + "projet de formation', which is CEP level 3 (accompagnement à la mise en œuvre)");
            case DISABILITY_BARRIERS -> new ServiceCorrespondence(axis, CapEmploiService.DISABILITY_BARRIERS_REMOVAL,
                    null, "Removing disability-related barriers ('levée des freins liés au handicap') is not CEP: "
                            + "working on a professional project is not yet possible");
            case JOB_SEARCH -> new ServiceCorrespondence(axis, CapEmploiService.JOB_SEARCH_SUPPORT, null,
                    "Job search support is a Cap emploi placement service, not CEP: only project elaboration "
                            + "(level 2) and training projects (level 3) correspond to CEP levels");
            case JOB_RETENTION -> new ServiceCorrespondence(axis, CapEmploiService.JOB_RETENTION, null,
                    "Job retention ('maintien dans l'emploi') is a Cap emploi service, not CEP: only project "
                            + "elaboration (level 2) and training projects (level 3) correspond to CEP levels");
        };
    }
}
