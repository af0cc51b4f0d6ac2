package se.lefi.it;

import static se.lefi.it.Refusals.assertRefused;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An authority must name its open case: CASE_MISSING. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CaseMissingIT {

    @Test
    void municipalityWithoutCase() throws Exception {
        assertRefused("CASE_MISSING", "municipality", "GetBenefitInformation-social-services-no-case.xml");
    }
}
