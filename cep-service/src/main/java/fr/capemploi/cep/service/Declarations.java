package fr.capemploi.cep.service;

import fr.capemploi.platform.time.BusinessDay;
import fr.capemploi.cep.domain.DeclarationPeriod;
import fr.capemploi.cep.domain.DeclaredFigures;
import fr.capemploi.cep.domain.OperatorDeclaration;
import fr.capemploi.cep.repository.OperatorDeclarationRepository;
import fr.capemploi.events.cep.OperatorDeclarationSubmitted;
import fr.capemploi.platform.outbox.Outbox;
import fr.capemploi.platform.problem.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;

/**
 * Annual or half-year declarations of a structure to the CNEFOP survey. Each submission is a new version; the event
 * says which version it replaces so that consumers keep only the latest figures.
 */
@ApplicationScoped
public class Declarations {

    private final OperatorDeclarationRepository declarations;
    private final Outbox outbox;
    private final Clock clock;

    public Declarations(OperatorDeclarationRepository declarations, Outbox outbox, Clock clock) {
        this.declarations = declarations;
        this.outbox = outbox;
        this.clock = clock;
    }

    public DeclarationPeriod period(String code) {
        return DeclarationPeriod.parse(code, BusinessDay.today(clock));
    }

    @Transactional
    public OperatorDeclaration submit(UUID structureId, DeclarationPeriod period, DeclaredFigures figures,
            String comment, String submittedBy) {
        declarations.lock(structureId, period.code());
        Integer previous = declarations.latest(structureId, period.code()).map(OperatorDeclaration::version).orElse(null);
        int version = previous == null ? 1 : previous + 1;
        OperatorDeclaration declaration = new OperatorDeclaration(structureId, period, version, figures, comment,
                clock.instant(), submittedBy);
        declarations.persist(declaration);
        outbox.record(new OperatorDeclarationSubmitted(declaration.declarationId(), structureId, period.code(),
                period.start(), period.end(), version, previous, BusinessDay.today(clock),
                number(figures.level1OnlyCounsellorFte()), number(figures.levels2And3OnlyCounsellorFte()),
                number(figures.allLevelsCounsellorFte()), number(figures.totalCounsellorFte()),
                number(figures.supportFte()), figures.professionalisationActionsEngaged(),
                figures.professionalisationActions(), figures.systematicTrainingForNewCounsellors(),
                figures.cepTrainingDays() == null ? null : number(figures.cepTrainingDays()),
                figures.counsellorsTrained(), figures.atLeastOneCepTraining(), figures.mutualisedOfferUsed(),
                figures.mutualisedOfferNatures(), figures.level1Delivered(), figures.trainingsFitNeeds(),
                figures.cpfRulesMastered(), figures.newFundersUsed(), figures.sproToolsDeveloped(),
                figures.cepKitUsedInternally()), declaration.submittedAt());
        return declaration;
    }

    @Transactional
    public OperatorDeclaration latest(UUID structureId, DeclarationPeriod period) {
        return declarations.latest(structureId, period.code()).orElseThrow(() -> new ResourceNotFoundException(
                "Declaration of structure " + structureId + " for", period.code()));
    }

    private static double number(BigDecimal value) {
        return value.doubleValue();
    }
}
