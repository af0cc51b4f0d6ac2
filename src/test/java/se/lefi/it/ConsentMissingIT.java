package se.lefi.it;

import static se.lefi.it.Refusals.assertRefused;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Risk assessment needs the individual's consent: CONSENT_MISSING without a consent reference. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsentMissingIT {

    @Test
    void noConsent() throws Exception {
        assertRefused("CONSENT_MISSING", "insurer", "GetBenefitInformation-risk-assessment.xml");
    }
}
