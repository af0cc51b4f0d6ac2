package se.lefi.it;

import java.time.LocalDate;

/** Register change lines (the change file's JSON), for the subscription ITs. */
final class Changes {
    private Changes() {
    }

    static String decision(String id, String personId, String benefit, LocalDate from, LocalDate tom, int extentNumerator) {
        return """
                {"decision": {"decisionId": "%s", "personId": "%s", "benefit": "%s", "caseStart": "%s", "caseActive": true,
                 "decisionDate": "%s", "finalDecision": true, "periodFrom": "%s", "periodTom": "%s",
                 "extent": {"numerator": %d, "denominator": 4}, "days": 30, "waitingDayDeduction": false, "outcome": "BEVILJAT",
                 "decisionType": "NYTT", "compensationLevel": 0.80, "dailyAmount": 712.00}}""".formatted(id, personId, benefit, from,
                from, from, tom, extentNumerator).replace("\n", " ");
    }

    static String payment(String id, String personId, String benefit, LocalDate from, LocalDate tom) {
        return """
                {"payment": {"paymentId": "%s", "personId": "%s", "benefit": "%s", "paymentDate": "%s", "periodFrom": "%s",
                 "periodTom": "%s", "grossAmount": 10000.00, "tax": 3000.00, "deductions": 0.00, "netAmount": 7000.00}}"""
                .formatted(id, personId, benefit, tom.plusDays(5), from, tom).replace("\n", " ");
    }
}
