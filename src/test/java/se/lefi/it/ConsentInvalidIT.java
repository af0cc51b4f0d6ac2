package se.lefi.it;

import static se.lefi.it.Refusals.assertRefused;

import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A consent dated after the day of the question: CONSENT_INVALID. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsentInvalidIT {

    @Test
    void consentFromTheFuture() throws Exception {
        assertRefused("CONSENT_INVALID", "insurer", "GetBenefitInformation-risk-assessment-with-consent.xml",
                Map.of("consentGivenOn", "2099-01-01"));
    }
}
