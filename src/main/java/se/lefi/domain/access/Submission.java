package se.lefi.domain.access;

import java.time.LocalDate;
import java.util.List;

/**
 * The general parameters (generella frågeparametrar) of an SSBTEK question, which bind the LEFI
 * question it carries: who submits it (ingivare) and by which case handler, the data processors
 * (personuppgiftsbiträden) that handle it, the case (person, period, case id), and the purpose and
 * legal text as the submitter states them, audited verbatim.
 */
public record Submission(String submitter, String caseHandler, List<String> processors, String personId, LocalDate from,
                         LocalDate tom, String caseId, String statedPurpose, String statedLegalText) {
    public Submission {
        processors = processors == null ? List.of() : List.copyOf(processors);
    }
}
