package se.lefi.it;

import static se.lefi.it.Refusals.assertRefused;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Risk assessment has a legal basis for an insurance agent, but its agreement does not cover it: PURPOSE_NOT_IN_AGREEMENT. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PurposeNotInAgreementIT {

    @Test
    void riskAssessmentNotAgreed() throws Exception {
        assertRefused("PURPOSE_NOT_IN_AGREEMENT", "insurance-agent", "GetBenefitInformation-risk-assessment-with-consent.xml");
    }
}
