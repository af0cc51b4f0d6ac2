package se.lefi.domain.fees;

/**
 * One organisation's metered use of the service in one month (Swedish calendar).
 *
 * @param agreementInForce  its agreement was in force on at least one day of the month (the fixed fee is due)
 * @param questions         GetBenefitInformation questions answered (audit outcome GRANTED), by any interface
 * @param refusedQuestions  GetBenefitInformation questions refused: shown, never charged
 * @param monitoredPersons  distinct persons with a subscription of the organisation live on any day of the month
 * @param notifications     notifications produced into the organisation's feed in the month, of every kind
 */
public record Usage(boolean agreementInForce, long questions, long refusedQuestions, long monitoredPersons, long notifications) {
    public static final Usage NONE = new Usage(false, 0, 0, 0, 0);

    public Usage {
        if (questions < 0 || refusedQuestions < 0 || monitoredPersons < 0 || notifications < 0) {
            throw new IllegalArgumentException("usage counts are zero or more");
        }
    }

    /** Nothing to invoice: no agreement in force and no use. */
    public boolean isNone() {
        return !agreementInForce && questions == 0 && refusedQuestions == 0 && monitoredPersons == 0 && notifications == 0;
    }
}
