package fr.capemploi.cep.repository;

import fr.capemploi.cep.domain.Diagnostic;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class DiagnosticRepository implements PanacheRepositoryBase<Diagnostic, UUID> {
}
