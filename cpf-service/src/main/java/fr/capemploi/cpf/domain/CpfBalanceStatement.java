package fr.capemploi.cpf.domain;

import fr.capemploi.events.cpf.CpfBalanceRecorded.BalanceUnit;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A CPF balance read with the person (on the CPF information system), as at a date. Kept as a history. */
@Entity
@NamedQuery(name = CpfBalanceStatement.LATEST_OF,
        query = "from CpfBalanceStatement where beneficiaryId = ?1 order by asOf desc, recordedAt desc")
public class CpfBalanceStatement {

    public static final String LATEST_OF = "CpfBalanceStatement.latestOf";

    @Id
    private UUID id;

    private UUID beneficiaryId;

    @Enumerated(EnumType.STRING)
    private BalanceUnit unit;

    private BigDecimal amount;

    private LocalDate asOf;

    private UUID recordedBy;

    private Instant recordedAt;

    protected CpfBalanceStatement() {
    }

    public CpfBalanceStatement(UUID beneficiaryId, BalanceUnit unit, BigDecimal amount, LocalDate asOf, UUID recordedBy,
            Instant recordedAt) {
        this.id = UUID.randomUUID();
        this.beneficiaryId = beneficiaryId;
        this.unit = unit;
        this.amount = amount;
        this.asOf = asOf;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public boolean sameAs(BalanceUnit unit, BigDecimal amount, LocalDate asOf) {
        return this.unit == unit && this.amount.compareTo(amount) == 0 && this.asOf.equals(asOf);
    }

    public UUID id() { return id; }
    public UUID beneficiaryId() { return beneficiaryId; }
    public BalanceUnit unit() { return unit; }
    public BigDecimal amount() { return amount; }
    public LocalDate asOf() { return asOf; }
    public Instant recordedAt() { return recordedAt; }
}
