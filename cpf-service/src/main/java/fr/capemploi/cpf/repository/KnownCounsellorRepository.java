package fr.capemploi.cpf.repository;

import fr.capemploi.cpf.domain.KnownCounsellor;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class KnownCounsellorRepository implements PanacheRepositoryBase<KnownCounsellor, UUID> {
}
