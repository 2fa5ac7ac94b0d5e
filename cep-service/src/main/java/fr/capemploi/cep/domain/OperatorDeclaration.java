package fr.capemploi.cep.domain;

import fr.capemploi.events.cep.OperatorDeclarationSubmitted.MutualisedOfferNature;
import fr.capemploi.events.cep.OperatorDeclarationSubmitted.ProfessionalisationAction;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One version of a structure's declaration for a period. A resubmission adds the next version; the previous ones are
 * kept, so what was declared at any time can be shown again.
 */
@Entity
public class OperatorDeclaration {

    @Id
    private UUID id;

    private UUID declarationId;

    private UUID structureId;

    private String period;

    private LocalDate periodStart;

    private LocalDate periodEnd;

    private int version;

    @Column(name = "level1_only_fte")
    private BigDecimal level1OnlyCounsellorFte;

    @Column(name = "levels23_only_fte")
    private BigDecimal levels2And3OnlyCounsellorFte;

    @Column(name = "all_levels_fte")
    private BigDecimal allLevelsCounsellorFte;

    private BigDecimal supportFte;

    @Column(name = "professionalisation_engaged")
    private boolean professionalisationActionsEngaged;

    @Convert(converter = ProfessionalisationActionListConverter.class)
    private List<ProfessionalisationAction> professionalisationActions;

    @Column(name = "systematic_training")
    private boolean systematicTrainingForNewCounsellors;

    private BigDecimal cepTrainingDays;

    private Integer counsellorsTrained;

    private Boolean mutualisedOfferUsed;

    @Convert(converter = MutualisedOfferNatureListConverter.class)
    private List<MutualisedOfferNature> mutualisedOfferNatures;

    private Boolean level1Delivered;

    private Boolean trainingsFitNeeds;

    private Boolean cpfRulesMastered;

    private Boolean newFundersUsed;

    private Boolean sproToolsDeveloped;

    private Boolean cepKitUsedInternally;

    /** Free text for the structure's own readers; never published. */
    private String comment;

    private Instant submittedAt;

    private String submittedBy;

    protected OperatorDeclaration() {
    }

    public OperatorDeclaration(UUID structureId, DeclarationPeriod period, int version, DeclaredFigures figures,
            String comment, Instant submittedAt, String submittedBy) {
        this.id = UUID.randomUUID();
        this.declarationId = declarationId(structureId, period.code());
        this.structureId = structureId;
        this.period = period.code();
        this.periodStart = period.start();
        this.periodEnd = period.end();
        this.version = version;
        this.level1OnlyCounsellorFte = figures.level1OnlyCounsellorFte();
        this.levels2And3OnlyCounsellorFte = figures.levels2And3OnlyCounsellorFte();
        this.allLevelsCounsellorFte = figures.allLevelsCounsellorFte();
        this.supportFte = figures.supportFte();
        this.professionalisationActionsEngaged = figures.professionalisationActionsEngaged();
        this.professionalisationActions = figures.professionalisationActions();
        this.systematicTrainingForNewCounsellors = figures.systematicTrainingForNewCounsellors();
        this.cepTrainingDays = figures.cepTrainingDays();
        this.counsellorsTrained = figures.counsellorsTrained();
        this.mutualisedOfferUsed = figures.mutualisedOfferUsed();
        this.mutualisedOfferNatures = figures.mutualisedOfferNatures();
        this.level1Delivered = figures.level1Delivered();
        this.trainingsFitNeeds = figures.trainingsFitNeeds();
        this.cpfRulesMastered = figures.cpfRulesMastered();
        this.newFundersUsed = figures.newFundersUsed();
        this.sproToolsDeveloped = figures.sproToolsDeveloped();
        this.cepKitUsedInternally = figures.cepKitUsedInternally();
        this.comment = comment;
        this.submittedAt = submittedAt;
        this.submittedBy = submittedBy;
    }

    /** Every version of one structure's declaration for one period shares this id, the aggregate of its events. */
    public static UUID declarationId(UUID structureId, String period) {
        return UUID.nameUUIDFromBytes(("operator-declaration:" + structureId + ":" + period).getBytes(StandardCharsets.UTF_8));
    }

    public DeclaredFigures figures() {
        return new DeclaredFigures(level1OnlyCounsellorFte, levels2And3OnlyCounsellorFte, allLevelsCounsellorFte,
                supportFte, professionalisationActionsEngaged, professionalisationActions,
                systematicTrainingForNewCounsellors, cepTrainingDays, counsellorsTrained, mutualisedOfferUsed,
                mutualisedOfferNatures, level1Delivered, trainingsFitNeeds, cpfRulesMastered, newFundersUsed,
                sproToolsDeveloped, cepKitUsedInternally);
    }

    public UUID id() { return id; }
    public UUID declarationId() { return declarationId; }
    public UUID structureId() { return structureId; }
    public String period() { return period; }
    public LocalDate periodStart() { return periodStart; }
    public LocalDate periodEnd() { return periodEnd; }
    public int version() { return version; }
    public String comment() { return comment; }
    public Instant submittedAt() { return submittedAt; }
}
