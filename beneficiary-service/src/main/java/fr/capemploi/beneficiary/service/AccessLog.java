package fr.capemploi.beneficiary.service;

import fr.capemploi.beneficiary.domain.AccessAction;
import fr.capemploi.beneficiary.domain.AccessLogEntry;
import fr.capemploi.beneficiary.domain.Beneficiary;
import fr.capemploi.beneficiary.repository.AccessLogRepository;
import fr.capemploi.platform.outbox.Outbox;
import fr.capemploi.platform.security.Caller;
import fr.capemploi.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Records every read and change of a beneficiary's personal data, in the transaction of the use case itself: if the
 * trace cannot be written, the data is not served either.
 */
@ApplicationScoped
public class AccessLog {

    /** The first of these the caller holds names its role in the log (a token may carry several). */
    private static final List<String> ROLE_ORDER = List.of(Roles.MANAGER, Roles.COUNSELLOR, Roles.PARTNER, Roles.ADMIN,
            Roles.ANALYST);

    private final AccessLogRepository entries;
    private final Caller caller;
    private final Clock clock;

    public AccessLog(AccessLogRepository entries, Caller caller, Clock clock) {
        this.entries = entries;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Beneficiary beneficiary, AccessAction action) {
        recordAll(List.of(beneficiary), action);
    }

    /**
     * The entry of a change that publishes an event, as a row its event's statement writes
     * ({@link Outbox#record(Outbox.CompanionRow, fr.capemploi.events.DomainEvent, Instant)}): the same row as
     * {@link #record}, one round trip fewer.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outbox.CompanionRow withEvent(Beneficiary beneficiary, AccessAction action) {
        return entries.appendWithEvent(new AccessLogEntry(beneficiary.id(), beneficiary.structureId(), caller.name(),
                role(), caller.structureId().orElse(null), action, clock.instant()));
    }

    /** A read of one of the person's records that another service served (erased people included: see its README). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordElsewhere(Beneficiary beneficiary, String record) {
        entries.append(List.of(new AccessLogEntry(beneficiary.id(), beneficiary.structureId(), caller.name(), role(),
                caller.structureId().orElse(null), AccessAction.RECORD_READ, clock.instant(), record)));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(Collection<Beneficiary> beneficiaries, AccessAction action) {
        Instant now = clock.instant();
        String role = role();
        UUID callerStructure = caller.structureId().orElse(null);
        List<AccessLogEntry> written = new ArrayList<>(beneficiaries.size());
        for (Beneficiary beneficiary : beneficiaries) {
            written.add(new AccessLogEntry(beneficiary.id(), beneficiary.structureId(), caller.name(), role,
                    callerStructure, action, now));
        }
        entries.append(written);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AccessLogRepository.Slice of(UUID beneficiaryId, int page, int size) {
        return entries.ofBeneficiary(beneficiaryId, page, size);
    }

    private String role() {
        return ROLE_ORDER.stream().filter(caller::hasRole).findFirst().orElse("unknown");
    }
}
