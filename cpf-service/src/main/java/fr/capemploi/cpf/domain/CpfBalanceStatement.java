package fr.capemploi.cpf.domain;

import fr.capemploi.events.cpf.CpfBalanceRecorded.BalanceUnit;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A CPF balance read with the person (on the CPF information system), as at a date. Kept as a history. */
@Entity
@Table(name = "cpf_balance_statement")
public class CpfBalanceStatement {

    @Id
    private UUID id;

    @Column(name = "beneficiary_id", nullable = false)
    private UUID beneficiaryId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BalanceUnit unit;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal amount;

    @Column(name = "as_of", nullable = false)
    private LocalDate asOf;

    @Column(name = "recorded_by")
    private UUID recordedBy;

    @Column(name = "recorded_at", nullable = false)
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
