package fr.capemploi.events.cpf;

import com.fasterxml.jackson.annotation.JsonFormat;
import fr.capemploi.events.EventType;
import fr.capemploi.events.PersonAggregateEvent;
import fr.capemploi.events.Topics;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The balance of the beneficiary's CPF as read on a date: hours until 2018, euros since 2019. The amount travels as
 * a decimal string with two decimals so that no consumer ever reads it through a floating-point number.
 */
@EventType(name = "CpfBalanceRecorded", topic = Topics.CPF, aggregateType = "CpfAccount")
public record CpfBalanceRecorded(
        UUID beneficiaryId,
        UUID structureId,
        UUID counsellorId,
        BalanceUnit unit,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        LocalDate asOf) implements PersonAggregateEvent {

    public enum BalanceUnit { HOURS, EUROS }
}
