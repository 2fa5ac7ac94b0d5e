package fr.capemploi.cep.repository;

import fr.capemploi.cep.domain.KnownTrainingProject;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class KnownTrainingProjectRepository implements PanacheRepositoryBase<KnownTrainingProject, UUID> {
}
