package fr.capemploi.cep.rest;

import fr.capemploi.cep.domain.DeclaredFigures;
import fr.capemploi.cep.domain.OperatorDeclaration;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Declaration")
public record DeclarationResponse(UUID structureId, @Schema(maxLength = 7) String period, LocalDate periodStart,
        LocalDate periodEnd,
        @Schema(description = "1 for the first submission; each resubmission replaces the previous version") int version,
        Integer replacesVersion, Instant submittedAt, DeclarationRequest.CounsellorFte counsellorFte,
        @Schema(description = "Sum of the three counsellor FTE figures") BigDecimal totalCounsellorFte,
        BigDecimal supportFte, DeclarationRequest.Professionalisation professionalisation,
        boolean systematicTrainingForNewCounsellors, DeclarationRequest.CepTraining cepTraining,
        DeclarationRequest.MutualisedOffer mutualisedOffer, DeclarationRequest.SelfAssessment selfAssessment,
        @Schema(maxLength = 4000) String comment) {

    static DeclarationResponse of(OperatorDeclaration declaration) {
        DeclaredFigures f = declaration.figures();
        return new DeclarationResponse(declaration.structureId(), declaration.period(), declaration.periodStart(),
                declaration.periodEnd(), declaration.version(),
                        declaration.version() > 1 ? declaration.version() - 1 : null,
                declaration.submittedAt(),
                new DeclarationRequest.CounsellorFte(f.level1OnlyCounsellorFte(), f.levels2And3OnlyCounsellorFte(),
                        f.allLevelsCounsellorFte()),
                f.totalCounsellorFte(), f.supportFte(),
                new DeclarationRequest.Professionalisation(f.professionalisationActionsEngaged(),
                        f.professionalisationActions()),
                f.systematicTrainingForNewCounsellors(),
                f.cepTrainingDays() == null && f.counsellorsTrained() == null ? null
                        : new DeclarationRequest.CepTraining(f.cepTrainingDays(), f.counsellorsTrained()),
                f.mutualisedOfferUsed() == null ? null
                        : new DeclarationRequest.MutualisedOffer(f.mutualisedOfferUsed(), f.mutualisedOfferNatures()),
                new DeclarationRequest.SelfAssessment(f.level1Delivered(), f.trainingsFitNeeds(), f.cpfRulesMastered(),
                        f.newFundersUsed(), f.sproToolsDeveloped(), f.cepKitUsedInternally()),
                declaration.comment());
    }
}
