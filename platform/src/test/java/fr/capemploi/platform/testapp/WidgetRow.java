package fr.capemploi.platform.testapp;

import fr.capemploi.platform.outbox.Outbox;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/** A widget written by its event's statement, as a service's domain row written with its outbox row. */
record WidgetRow(UUID id, String name) implements Outbox.CompanionRow {

    @Override
    public String statement() {
        return "INSERT INTO widget (id, name) VALUES (?, ?)";
    }

    @Override
    public int bind(PreparedStatement insert) throws SQLException {
        insert.setObject(1, id);
        insert.setString(2, name);
        return 3;
    }
}
