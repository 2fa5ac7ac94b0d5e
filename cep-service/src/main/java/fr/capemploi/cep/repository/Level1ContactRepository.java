package fr.capemploi.cep.repository;

import fr.capemploi.cep.domain.Level1Contact;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class Level1ContactRepository implements PanacheRepositoryBase<Level1Contact, UUID> {
}
