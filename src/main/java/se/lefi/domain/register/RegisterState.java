package se.lefi.domain.register;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The register's position in its timeline: the time of the last change it holds. Every answer
 * states this time, since the agency answers for what the register held when it was asked.
 */
@Entity
@Table(name = "REGISTER_STATE")
public class RegisterState {
    public static final long SINGLETON_ID = 1L;

    @Id
    private Long id = SINGLETON_ID;

    @Column(name = "REGISTER_TIME", nullable = false)
    private Instant registerTime;

    protected RegisterState() {
    }

    public RegisterState(Instant registerTime) {
        this.registerTime = registerTime;
    }

    public Instant registerTime() {
        return registerTime;
    }

    public void advanceTo(Instant time) {
        if (time.isAfter(registerTime)) {
            registerTime = time;
        }
    }
}
