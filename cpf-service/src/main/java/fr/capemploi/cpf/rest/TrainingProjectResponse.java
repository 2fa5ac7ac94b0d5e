package fr.capemploi.cpf.rest;

import fr.capemploi.cpf.domain.FundingPlan;
import fr.capemploi.cpf.domain.FundingRequest;
import fr.capemploi.cpf.domain.RiskWarning;
import fr.capemploi.cpf.domain.TrainingProject;
import fr.capemploi.cpf.domain.TrainingStatus;
import fr.capemploi.cpf.service.TrainingProjects.AssessedProject;
import fr.capemploi.events.cpf.FundingDecided.Decision;
import fr.capemploi.events.cpf.FundingDecided.RefusalReason;
import fr.capemploi.events.cpf.FundingRequested.Funder;
import fr.capemploi.events.cpf.TrainingNotImplemented.Reason;
import fr.capemploi.events.cpf.TrainingProjectCreated.CertificationKind;
import fr.capemploi.events.cpf.TrainingProjectCreated.EligibilityList;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TrainingProject")
public record TrainingProjectResponse(UUID id, UUID beneficiaryId, UUID structureId, UUID accompanimentId,
        UUID counsellorId, @Schema(maxLength = 300) String title, Certification certification, boolean cpfEligible,
        EligibilityList eligibilityList, @Schema(maxLength = 2) String eligibilityRegion, TrainingBody trainingBody,
                LocalDate startDate,
        LocalDate endDate, int hours, BigDecimal cost, TrainingStatus status, LocalDate startedOn,
        LocalDate completedOn, Boolean certificationObtained, LocalDate notImplementedOn,
        @Schema(maxItems = 20) List<Reason> notImplementedReasons, LocalDate createdOn,
                @Schema(maxItems = 100) List<FundingRequestResponse> fundingRequests,
        Plan plan) {

    @Schema(name = "TrainingCertification")
    public record Certification(CertificationKind kind, @Schema(maxLength = 20) String code) {
    }

    @Schema(name = "TrainingBodyResponse")
    public record TrainingBody(@Schema(maxLength = 200) String name, @Schema(maxLength = 14) String siret) {
    }

    @Schema(name = "FundingRequest")
    public record FundingRequestResponse(UUID id, Funder funder, BigDecimal amount, Integer cpfHours,
            LocalDate requestedOn, @Schema(description = "Absent while the funder has not answered") Decision decision,
            BigDecimal grantedAmount, RefusalReason refusalReason, @Schema(maxLength = 4000) String comment,
                    LocalDate answeredOn,
            @Schema(description = "answeredOn - requestedOn, in days; absent when pending or withdrawn")
            Integer responseDelayDays) {

        static FundingRequestResponse of(FundingRequest request) {
            return new FundingRequestResponse(request.id(), request.funder(), request.amount(), request.cpfHours(),
                    request.requestedOn(), request.decision(), request.grantedAmount(), request.refusalReason(),
                    request.decisionComment(), request.answeredOn(), request.responseDelayDays());
        }
    }

    @Schema(name = "FundingPlan", description = "totalRequested and pendingAmount count the lines still standing; "
            + "fundingGap = cost - totalGranted (negative when grants exceed the cost); newFinancialEngineering = a "
            + "standing CPF line and a standing line of another funder than the person")
    public record Plan(BigDecimal cost, BigDecimal totalRequested, BigDecimal totalGranted, BigDecimal pendingAmount,
            BigDecimal fundingGap, boolean newFinancialEngineering, @Schema(maxItems = 50) List<Warning> warnings) {

        static Plan of(FundingPlan plan) {
            return new Plan(plan.cost(), plan.totalRequested(), plan.totalGranted(), plan.pendingAmount(),
                    plan.fundingGap(), plan.newFinancialEngineering(),
                            plan.warnings().stream().map(Warning::of).toList());
        }
    }

    @Schema(name = "RiskWarning", description = "An early warning; the explanation is in French")
    public record Warning(RiskWarning.Code code, Funder funder, @Schema(maxLength = 4000) String explanation) {
        static Warning of(RiskWarning warning) {
            return new Warning(warning.code(), warning.funder(), warning.explanation());
        }
    }

    @Schema(name = "FundingRequestWithPlan", description = "A funding line and the project's plan after the change")
    public record FundingLineResponse(FundingRequestResponse request, Plan plan) {
    }

    static TrainingProjectResponse of(AssessedProject assessed) {
        TrainingProject p = assessed.project();
        return new TrainingProjectResponse(p.id(), p.beneficiaryId(), p.structureId(), p.accompanimentId(),
                p.counsellorId(), p.title(), new Certification(p.certificationKind(), p.certificationCode()),
                p.cpfEligible(), p.eligibilityList(), p.eligibilityRegion(),
                new TrainingBody(p.trainingBodyName(), p.trainingBodySiret()), p.startDate(), p.endDate(), p.hours(),
                p.cost(), p.status(), p.startedOn(), p.completedOn(), p.certificationObtained(), p.notImplementedOn(),
                p.notImplementedReasons().stream().sorted().toList(), p.createdOn(),
                p.fundingRequests().stream().map(FundingRequestResponse::of).toList(), Plan.of(assessed.plan()));
    }
}
