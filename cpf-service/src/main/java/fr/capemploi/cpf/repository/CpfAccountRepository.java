package fr.capemploi.cpf.repository;

import fr.capemploi.cpf.domain.CpfAccount;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class CpfAccountRepository implements PanacheRepositoryBase<CpfAccount, UUID> {
}
