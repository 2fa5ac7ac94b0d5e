package fr.capemploi.cep.domain;

import fr.capemploi.events.cep.OperatorDeclarationSubmitted.MutualisedOfferNature;
import fr.capemploi.events.cep.OperatorDeclarationSubmitted.ProfessionalisationAction;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
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
@Table(name = "operator_declaration")
public class OperatorDeclaration {

    @Id
    private UUID id;

    @Column(name = "declaration_id", nullable = false)
    private UUID declarationId;

    @Column(name = "structure_id", nullable = false)
    private UUID structureId;

    @Column(nullable = false)
    private String period;

    @Column(name = "period_start", nullable = false)
    private LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    private LocalDate periodEnd;

    @Column(nullable = false)
    private int version;

    @Column(name = "level1_only_fte", nullable = false)
    private BigDecimal level1OnlyCounsellorFte;

    @Column(name = "levels23_only_fte", nullable = false)
    private BigDecimal levels2And3OnlyCounsellorFte;

    @Column(name = "all_levels_fte", nullable = false)
    private BigDecimal allLevelsCounsellorFte;

    @Column(name = "support_fte", nullable = false)
    private BigDecimal supportFte;

    @Column(name = "professionalisation_engaged", nullable = false)
    private boolean professionalisationActionsEngaged;

    @Convert(converter = ProfessionalisationActionListConverter.class)
    @Column(name = "professionalisation_actions", nullable = false)
    private List<ProfessionalisationAction> professionalisationActions;

    @Column(name = "systematic_training", nullable = false)
    private boolean systematicTrainingForNewCounsellors;

    @Column(name = "cep_training_days")
    private BigDecimal cepTrainingDays;

    @Column(name = "counsellors_trained")
    private Integer counsellorsTrained;

    @Column(name = "mutualised_offer_used")
    private Boolean mutualisedOfferUsed;

    @Convert(converter = MutualisedOfferNatureListConverter.class)
    @Column(name = "mutualised_offer_natures", nullable = false)
    private List<MutualisedOfferNature> mutualisedOfferNatures;

    @Column(name = "level1_delivered")
    private Boolean level1Delivered;

    @Column(name = "trainings_fit_needs")
    private Boolean trainingsFitNeeds;

    @Column(name = "cpf_rules_mastered")
    private Boolean cpfRulesMastered;

    @Column(name = "new_funders_used")
    private Boolean newFundersUsed;

    @Column(name = "spro_tools_developed")
    private Boolean sproToolsDeveloped;

    @Column(name = "cep_kit_used_internally")
    private Boolean cepKitUsedInternally;

    /** Free text for the structure's own readers; never published. */
    private String comment;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "submitted_by", nullable = false)
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
