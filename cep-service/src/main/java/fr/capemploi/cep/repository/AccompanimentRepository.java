package fr.capemploi.cep.repository;

import fr.capemploi.cep.domain.Accompaniment;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class AccompanimentRepository implements PanacheRepositoryBase<Accompaniment, UUID> {
}
