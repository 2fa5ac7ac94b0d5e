package fr.capemploi.cep.repository;

import fr.capemploi.cep.domain.Level1Contact;
import fr.capemploi.platform.outbox.Outbox;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.UUID;

@ApplicationScoped
public class Level1ContactRepository implements PanacheRepositoryBase<Level1Contact, UUID> {

    private static final String INSERT = "INSERT INTO level1_contact (id, structure_id, counsellor_id, beneficiary_id, "
            + "contact_date, channel, request, routed_to, liaison_sheet_issued, recorded_at, recorded_by) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * A new contact's row, to be written with its event's outbox row in one statement
     * ({@link Outbox#record(Outbox.CompanionRow, fr.capemploi.events.DomainEvent, java.time.Instant)}). The most
     * frequent write of the network is one new row and its event: Hibernate's persist and flush of it were about a
     * third of the request's CPU (bench/JOURNAL.md, "Write path"). Reads stay on the entity, whose mapping the tests
     * validate against the schema; the contact written here is read back through it by the resource tests.
     */
    public Outbox.CompanionRow insert(Level1Contact contact) {
        return new Outbox.CompanionRow() {
            @Override
            public String statement() {
                return INSERT;
            }

            @Override
            public int bind(PreparedStatement insert) throws SQLException {
                insert.setObject(1, contact.id());
                insert.setObject(2, contact.structureId());
                insert.setObject(3, contact.counsellorId(), Types.OTHER);
                insert.setObject(4, contact.beneficiaryId(), Types.OTHER);
                insert.setObject(5, contact.contactDate());
                insert.setString(6, contact.channel().name());
                insert.setString(7, contact.request().name());
                insert.setString(8, contact.routedTo() == null ? null : contact.routedTo().name());
                insert.setBoolean(9, contact.liaisonSheetIssued());
                insert.setObject(10, contact.recordedAt().atOffset(ZoneOffset.UTC));
                insert.setString(11, contact.recordedBy());
                return 12;
            }
        };
    }
}
