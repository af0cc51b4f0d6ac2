package se.lefi.domain.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One link of the administrators' actions' chain. */
@Entity
@Table(name = "ADMIN_SEAL")
@NamedQueries({
        @NamedQuery(name = AdminSeal.LAST, query = "select s from AdminSeal s order by s.id desc"),
        @NamedQuery(name = AdminSeal.IN_ORDER, query = "select s from AdminSeal s order by s.id"),
        @NamedQuery(name = AdminSeal.SEALED_BETWEEN, query = "select s from AdminSeal s where s.sealedAt >= :from and s.sealedAt < :to order by s.id"),
        @NamedQuery(name = AdminSeal.BY_ID, query = "select s from AdminSeal s where s.id = :id")})
public class AdminSeal extends ChainSeal {
    public static final String LAST = "AdminSeal.last";
    public static final String IN_ORDER = "AdminSeal.inOrder";
    public static final String SEALED_BETWEEN = "AdminSeal.sealedBetween";
    public static final String BY_ID = "AdminSeal.byId";

    protected AdminSeal() {
    }

    public static AdminSeal after(AdminSeal previous, List<AdminAction> actions, Instant now, Signer signer) {
        AdminSeal seal = new AdminSeal();
        seal.seal(previous, actions, now, signer);
        return seal;
    }

    @Override
    protected String chain() {
        return SealStatement.ADMIN;
    }
}
