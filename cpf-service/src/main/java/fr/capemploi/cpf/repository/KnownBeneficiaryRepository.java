package fr.capemploi.cpf.repository;

import fr.capemploi.cpf.domain.KnownBeneficiary;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class KnownBeneficiaryRepository implements PanacheRepositoryBase<KnownBeneficiary, UUID> {
}
