package se.lefi.application.access;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.lefi.domain.register.Decision;
import se.lefi.domain.register.InformationType;
import se.lefi.domain.register.Payment;
import se.lefi.domain.register.PersonInformation;
import se.lefi.domain.register.Sgi;
import se.lefi.domain.register.SourceStatus;

/** A granted answer: what the register held at {@code registerTime}, for the types allowed. */
public record BenefitAnswer(String correlationId, Instant registerTime, String personId, PersonInformation personInformation,
                            Map<InformationType, SourceStatus> sources, Set<InformationType> withheld,
                            List<Decision> decisions, List<Payment> payments, List<Sgi> sgi) {
    /** The deviation's text for a type the agreement does not allow. */
    public static final String WITHHELD_MESSAGE = "The agreement does not allow this information type; it is left out.";
}
